// The systems compared: ours (the built WebAssembly package, as the page runs it) and the peers.
import { readFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as chrono from 'chrono-node';
import { initSync, analyse } from '../../www/pkg/dateline.js';

initSync({ module: readFileSync(new URL('../../www/pkg/dateline_bg.wasm', import.meta.url)) });

export function oursTimexes(text, dct) {
  return analyse(text, { referenceDate: dct }).dates.map((d) => ({ start: d.start, end: d.end, type: d.type, value: d.value }));
}

export function oursEntities(text, dct) {
  return analyse(text, { referenceDate: dct ?? undefined }).mentions.map((m) => ({ start: m.start, end: m.end, type: m.type }));
}

/** The native CLI (target/release/analyse) with `flags`, which prints the same JSON; null when
 * it has not been built (cargo build --release). */
function cliEntities(flags) {
  const cli = new URL('../../target/release/analyse', import.meta.url).pathname;
  if (!existsSync(cli)) return null;
  return (text, dct) => {
    const args = [...flags, ...(dct ? ['--reference-date', dct] : []), '-'];
    const out = execFileSync(cli, args, { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
    return JSON.parse(out).mentions.map((m) => ({ start: m.start, end: m.end, type: m.type }));
  };
}

/** A model to try (node scripts/train-tagger.mjs --out target/tagger/model.bin); null without one. */
export function taggerEntities(file = 'model.bin') {
  const model = new URL(`../../target/tagger/${file}`, import.meta.url).pathname;
  return existsSync(model) ? cliEntities(['--tagger', model]) : null;
}

/** Our hand-written rules alone, without the tagger: what the tagger adds. */
export const rulesOnlyEntities = () => cliEntities(['--rules-only']);

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** chrono-node's results as TIMEX3 values at the granularity it is certain of. */
export function chronoTimexes(text, dct) {
  const [y, m, d] = dct.split('-').map(Number);
  return chrono.parse(text, new Date(y, m - 1, d, 12), { forwardDate: false }).map((r) => {
    const c = r.start;
    let value = String(c.get('year'));
    if (c.isCertain('month') || c.isCertain('day') || c.isCertain('weekday')) value += `-${pad(c.get('month'))}`;
    if (c.isCertain('day') || c.isCertain('weekday')) value += `-${pad(c.get('day'))}`;
    const hasTime = c.isCertain('hour');
    if (hasTime) value += `T${pad(c.get('hour'))}:${pad(c.get('minute'))}`;
    return { start: r.index, end: r.index + r.text.length, type: hasTime ? 'TIME' : 'DATE', value };
  });
}

import nlp from 'compromise';

/** compromise's people, places and organizations with their character offsets. */
export function compromiseEntities(text) {
  const doc = nlp(text);
  const out = [];
  for (const [type, view] of [['PERSON', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]]) {
    for (const m of view.json({ offset: true })) out.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type });
  }
  return out;
}

const SPACY_PYTHON = new URL('../../target/spacy-venv/bin/python', import.meta.url).pathname;
const SPACY_RUNNER = new URL('./spacy_ner.py', import.meta.url).pathname;

/** spaCy's en_core_web_`model` ('sm' or 'md') over all `texts` in one process (one model load):
 * an array of entity lists; null when `scripts/setup.sh --spacy` has not installed it. */
export function spacyEntities(model, texts) {
  if (!existsSync(SPACY_PYTHON)) return null;
  const input = texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  try {
    const out = execFileSync(SPACY_PYTHON, [SPACY_RUNNER, model], { input, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'inherit'] });
    return out.trim().split('\n').map((l) => JSON.parse(l));
  } catch (error) {
    console.log(`spaCy ${model} skipped: ${error.message.split('\n')[0]}`);
    return null;
  }
}
