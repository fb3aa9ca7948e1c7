// Evaluation against the annotated corpora, ours and the peers scored by one scorer in one run.
//   node scripts/evaluate.mjs time   TempEval-3 platinum and MEANTIME: TIMEX3 span, type and value F1
//   node scripts/evaluate.mjs ner    MEANTIME, GUM news, re3d: entity F1 per type, on the quarter of
//                                    each corpus held out from training the tagger (scripts/eval/split.mjs);
//                                    '+tagger' rows when node scripts/train-tagger.mjs has made a model
// Needs the built package (node scripts/build.mjs) and ../shared/corpora.
import { fileURLToPath } from 'node:url';
import { readTimeML, readMeantime, readGum, readRe3d, requireCorpus } from './eval/corpora.mjs';
import { scoreTimexes, scoreEntities, pct } from './eval/score.mjs';
import { heldOut } from './eval/split.mjs';
import { oursTimexes, chronoTimexes, oursEntities, compromiseEntities, taggerEntities } from './eval/systems.mjs';

const corpora = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));

/** Drops predictions on the DCT's own date line, which no gold annotation covers. */
const unscored = (doc, predicted) => predicted.filter((p) => !(doc.dctSpan && p.start < doc.dctSpan.end && doc.dctSpan.start < p.end));

function timeTable(name, docs, systems) {
  console.log(`\n${name}: ${docs.length} documents, ${docs.reduce((n, d) => n + d.timexes.length, 0)} gold TIMEX3 (DCT excluded), DCT given to every system`);
  console.log('system       strict P/R/F1        relaxed P/R/F1       type F1  value P/R/F1');
  for (const [label, run] of systems) {
    const s = scoreTimexes(docs.map((d) => ({ gold: d.timexes, predicted: unscored(d, run(d.text, d.dct)) })));
    const three = (x) => `${pct(x.p)} ${pct(x.r)} ${pct(x.f)}`;
    console.log(`${label.padEnd(12)} ${three(s.strict)}    ${three(s.relaxed)}    ${pct(s.type.f)}   ${three(s.value)}`);
  }
}

function nerTable(name, docs, types, mapping) {
  const gold = docs.reduce((n, d) => n + d.entities.length, 0);
  console.log(`\n${name}: ${docs.length} documents, ${gold} gold mentions; exact span and type, P/R/F1`);
  console.log(`system       ${types.map((t) => t.padEnd(18)).join(' ')} overall`);
  const map = (es) => es.map((e) => ({ ...e, type: mapping[e.type] ?? e.type })).filter((e) => types.includes(e.type));
  const tagger = taggerEntities();
  const systems = [
    ['dateline', (d) => oursEntities(d.text, d.dct)],
    ...(tagger ? [['+tagger', (d) => tagger(d.text, d.dct)]] : []),
    ['compromise', (d) => compromiseEntities(d.text)],
  ];
  for (const [label, run] of systems) {
    const s = scoreEntities(docs.map((d) => ({ gold: d.entities, predicted: map(run(d)) })), types);
    const cell = (x) => `${pct(x.p)} ${pct(x.r)} ${pct(x.f)}`;
    console.log(`${label.padEnd(12)} ${types.map((t) => cell(s[t])).join(' ')}  ${cell(s.overall)}`);
  }
}

function nerErrors(docs, types, mapping) {
  for (const d of docs) {
    const ours = oursEntities(d.text, d.dct)
      .map((e) => ({ ...e, type: mapping[e.type] ?? e.type }))
      .filter((e) => types.includes(e.type));
    for (const g of d.entities) {
      const hit = ours.find((o) => o.start === g.start && o.end === g.end);
      const near = ours.find((o) => o.start < g.end && g.start < o.end);
      const label = hit ? (hit.type === g.type ? null : `TYPE(${hit.type})`) : near ? `SPAN("${d.text.slice(near.start, near.end)}")` : 'MISS';
      if (label) console.log(`${label.padEnd(30)} ${g.type.padEnd(6)} "${d.text.slice(g.start, g.end)}"`);
    }
    for (const o of ours) {
      if (!d.entities.some((g) => o.start < g.end && g.start < o.end)) console.log(`EXTRA ${o.type.padEnd(6)} "${d.text.slice(o.start, o.end)}"`);
    }
  }
}

/** Lists our misses and wrong values, for working on the cases still wrong. */
function timeErrors(docs) {
  for (const d of docs) {
    const ours = unscored(d, oursTimexes(d.text, d.dct));
    for (const g of d.timexes) {
      const p = ours.find((o) => o.start < g.end && g.start < o.end);
      const gt = d.text.slice(g.start, g.end);
      if (!p) console.log(`MISS  ${d.id}  "${gt}" ${g.type} ${g.value}`);
      else if (p.value !== g.value) console.log(`VALUE ${d.id}  "${gt}" ${g.value}  ours "${d.text.slice(p.start, p.end)}" ${p.value}`);
    }
    for (const p of ours) {
      if (!d.timexes.some((g) => p.start < g.end && g.start < p.end)) console.log(`EXTRA ${d.id}  "${d.text.slice(p.start, p.end)}" ${p.type} ${p.value}`);
    }
  }
}

const [command = 'time', flag] = process.argv.slice(2);
if (command === 'time') {
  requireCorpus(corpora);
  const te3 = readTimeML(`${corpora}tempeval3-platinum/gold`);
  const meantime = readMeantime(`${corpora}meantime-en/intra-doc_annotation`).filter((d) => d.dct);
  const systems = [['dateline', oursTimexes], ['chrono-node', chronoTimexes]];
  timeTable('TempEval-3 platinum', te3, systems);
  timeTable('MEANTIME (sentences 0-5)', meantime, systems);
  if (flag === '--errors') timeErrors([...te3, ...meantime]);
} else if (command === 'ner') {
  requireCorpus(corpora);
  // Each corpus has its own types: ours are mapped onto them (MEANTIME's LOC includes nationalities).
  // Held-out documents only: the tagger was trained on the rest (all of re3d's BBC and Wikipedia
  // folders are unseen too, being left out of training for their licences).
  const corpusRuns = [
    ['MEANTIME held out (sentences 0-5, named mentions)', heldOut(readMeantime(`${corpora}meantime-en/intra-doc_annotation`)),
      ['PERSON', 'ORG', 'LOC'], { GPE: 'LOC', FAC: 'LOC', NORP: 'LOC' }],
    ['GUM news held out (named person, place, organization)', heldOut(readGum(`${corpora}gum-news/dep`)),
      ['PERSON', 'ORG', 'LOC'], { GPE: 'LOC', FAC: 'LOC' }],
    ['re3d held out (confidence > 0)', heldOut(readRe3d(`${corpora}re3d`)), ['PERSON', 'ORG', 'LOC', 'NORP'], { GPE: 'LOC', FAC: 'LOC' }],
  ];
  for (const [label, docs, types, mapping] of corpusRuns) nerTable(label, docs, types, mapping);
  if (flag === '--errors') {
    for (const [label, docs, types, mapping] of corpusRuns) {
      console.log(`\n${label}: our errors (MISS, SPAN(ours), TYPE(ours), EXTRA)`);
      nerErrors(docs, types, mapping);
    }
  }
} else {
  console.error(`unknown command ${command}: use time or ner`);
  process.exit(2);
}
