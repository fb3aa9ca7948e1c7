// Readers for the annotated corpora in ../shared/corpora: each returns documents as
// { id, text, dct, timexes: [{start, end, type, value}], entities: [{start, end, type}] }
// with offsets into `text` (JavaScript string offsets). `dctSpan`, where present, is the date line that
// carries the creation time: it is not scored, for any system.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
export const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m]);
export const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], decode(m[2])]));

function files(dir, ext) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, ext);
    return full.endsWith(ext) ? [full] : [];
  }).sort();
}

export function requireCorpus(dir) {
  if (!existsSync(dir)) {
    console.log(`skipped: ${dir} is absent (the annotated corpora live in ../shared/corpora beside the repository)`);
    process.exit(0);
  }
}

/** TempEval-3 TimeML: the <TEXT> element with inline TIMEX3 tags; DCT from <DCT>. */
export function readTimeML(dir) {
  return files(dir, '.tml').map((file) => {
    const xml = readFileSync(file, 'utf8');
    const dct = attrs(xml.match(/<DCT>\s*(<TIMEX3[^>]*>)/)[1]).value;
    const body = xml.slice(xml.indexOf('<TEXT>') + 6, xml.indexOf('</TEXT>'));
    let text = '';
    const timexes = [];
    const open = [];
    for (const [piece] of body.matchAll(/<[^>]+>|[^<]+/g)) {
      if (piece.startsWith('<TIMEX3')) open.push({ start: text.length, ...attrs(piece) });
      else if (piece.startsWith('</TIMEX3')) {
        const t = open.pop();
        timexes.push({ start: t.start, end: text.length, type: t.type, value: t.value });
      } else if (!piece.startsWith('<')) text += decode(piece);
    }
    return { id: path.basename(file, '.tml'), text, dct, timexes, entities: [] };
  });
}

const MEANTIME_TYPES = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC' };

/** MEANTIME CAT XML: tokens of the annotated sentences 0-5 joined by spaces, one sentence a line. */
export function readMeantime(dir, syntactic = ['NAM', 'PRE.NAM']) {
  return files(dir, '.xml').map((file) => {
    const xml = readFileSync(file, 'utf8');
    const offsets = new Map();
    let text = '';
    let sentence = null;
    for (const m of xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)) {
      const a = attrs(m[1]);
      if (Number(a.sentence) > 5) break;
      if (sentence !== null) text += a.sentence !== sentence ? '\n' : ' ';
      sentence = a.sentence;
      const word = decode(m[2]);
      offsets.set(a.t_id, [text.length, text.length + word.length]);
      text += word;
    }
    const span = (inner) => {
      const ids = [...inner.matchAll(/t_id="(\d+)"/g)].map((x) => x[1]).filter((id) => offsets.has(id));
      return ids.length ? { start: offsets.get(ids[0])[0], end: offsets.get(ids.at(-1))[1] } : null;
    };
    let dct = null;
    let dctSpan = null;
    const timexes = [];
    for (const m of xml.matchAll(/<TIMEX3 ([^>]*?)(?:\/>|>([\s\S]*?)<\/TIMEX3>)/g)) {
      const a = attrs(m[1]);
      const s = m[2] && span(m[2]);
      // One document writes its DCT as 03-02-2009 (day-month-year, by its date line): normalise it.
      if (a.functionInDocument === 'CREATION_TIME') {
        dct = a.value.replace(/^(\d\d)-(\d\d)-(\d{4})$/, '$3-$2-$1');
        dctSpan = s;
      }
      else if (s) timexes.push({ ...s, type: a.type, value: a.value });
    }
    // Named mentions (NAM, PRE.NAM) typed by the entity they refer to.
    const typeOf = new Map([...xml.matchAll(/<ENTITY ([^>]*)\/?>/g)].map((m) => attrs(m[1])).map((a) => [a.m_id, a.ent_type]));
    const refers = new Map();
    for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
      const target = m[1].match(/<target m_id="(\d+)"/)?.[1];
      for (const s of m[1].matchAll(/<source m_id="(\d+)"/g)) refers.set(s[1], target);
    }
    const entities = [];
    for (const m of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
      const a = attrs(m[1]);
      const type = MEANTIME_TYPES[typeOf.get(refers.get(a.m_id))];
      const s = span(m[2]);
      if (s && type && syntactic.includes(a.syntactic_type)) entities.push({ ...s, type });
    }
    return { id: path.basename(file, '.xml'), text, dct, dctSpan, timexes, entities };
  });
}

const GUM_TYPES = { person: 'PERSON', place: 'LOC', organization: 'ORG' };
const NAME_INSIDE = new Set(['PROPN', 'ADP', 'DET', 'CCONJ', 'PART', 'NUM', 'PUNCT', 'ADJ']);

/** GUM news CoNLL-U: the text rebuilt with SpaceAfter=No; named person, place and organization
 * mentions (after a leading determiner, PROPN first and last), outermost only. */
export function readGum(dir) {
  return files(dir, '.conllu').map((file) => {
    let text = '';
    let dct = null;
    const open = new Map(); // entity id -> stack of {start, type, tokens}
    const mentions = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('# meta::dateCreated')) dct = line.split('=')[1].trim();
      if (line.startsWith('# sent_id') && text) text += '\n';
      const cols = line.split('\t');
      if (cols.length < 10 || !/^\d+$/.test(cols[0])) continue;
      const [, form, , upos] = cols;
      const misc = cols[9];
      const start = text.length;
      text += form;
      const token = { start, end: text.length, upos };
      for (const stack of open.values()) for (const m of stack) m.tokens.push(token);
      const entity = misc.split('|').find((f) => f.startsWith('Entity='))?.slice(7) ?? '';
      // "(12-person-...-Name" opens, "(3-place-...-Paris)" opens and closes, "12)" closes.
      for (const [, id, type, close, closing] of entity.matchAll(/\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g)) {
        if (closing) {
          const stack = open.get(closing);
          if (stack?.length) mentions.push(stack.pop());
        } else if (close) mentions.push({ start, type, tokens: [token] });
        else open.set(id, [...(open.get(id) ?? []), { start, type, tokens: [token] }]);
      }
      if (!misc.includes('SpaceAfter=No')) text += ' ';
    }
    const named = mentions.flatMap((m) => {
      const type = GUM_TYPES[m.type];
      let tokens = m.tokens;
      while (tokens.length && tokens[0].upos === 'DET') tokens = tokens.slice(1);
      const ok = type && tokens.length && tokens[0].upos === 'PROPN' && tokens.at(-1).upos === 'PROPN' && tokens.every((t) => NAME_INSIDE.has(t.upos));
      return ok ? [{ start: tokens[0].start, end: tokens.at(-1).end, type }] : [];
    });
    const outermost0 = named.filter((m) => !named.some((o) => o !== m && o.start <= m.start && m.end <= o.end && (o.end - o.start) > (m.end - m.start)));
    // dateline's convention, applied to the gold for every system alike: a title is not part of a
    // name ("President Donald Trump" is scored as "Donald Trump"; a bare "President" is dropped).
    const outermost = outermost0.flatMap((m) => stripTitle(text, m));
    return { id: path.basename(file, '.conllu'), text, dct, timexes: [], entities: outermost };
  });
}

const TITLES = readFileSync(new URL('../../data/sources/titles.txt', import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).sort((a, b) => b.length - a.length);

function stripTitle(text, mention) {
  if (mention.type !== 'PERSON') return [mention];
  let start = mention.start;
  for (let again = true; again;) {
    again = false;
    for (const title of TITLES) {
      if (text.startsWith(`${title} `, start) && start + title.length < mention.end) {
        start += title.length + 1;
        again = true;
      }
    }
  }
  const rest = text.slice(start, mention.end);
  return TITLES.includes(rest) ? [] : [{ ...mention, start }];
}

const RE3D_TYPES = { Person: 'PERSON', Location: 'LOC', Organisation: 'ORG', Nationality: 'NORP' };

/** re3d: documents.json and entities.json per source folder (JSON lines); confident entities only. */
export function readRe3d(dir) {
  const lines = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'documents.json'))).flatMap((folder) => {
    const entities = lines(path.join(dir, folder, 'entities.json'));
    return lines(path.join(dir, folder, 'documents.json')).map((doc) => ({
      id: `${folder}/${doc._id}`,
      text: doc.text,
      dct: null,
      timexes: [],
      entities: entities
        .filter((e) => e.documentId === doc._id && e.confidence > 0 && RE3D_TYPES[e.type])
        .map((e) => ({ start: e.begin, end: e.end, type: RE3D_TYPES[e.type] })),
    }));
  });
}

// ---- Names-only gold: the span conventions dateline's output follows (names only, titles
// outside, demonyms untagged). Types PERSON, ORG, LOC.

const IOB_TYPES = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC' };

/** Builds a document from tokenised sentences: `sentences` is [[token, tag]...] per sentence,
 * tags IOB2 or IO (`I-X` after `I-X` continues a name). Tokens are placed in `texts[i]` (the
 * sentence as written) where they can be found in order, else joined by spaces. */
function fromTokens(id, sentences, texts = []) {
  let text = '';
  const entities = [];
  sentences.forEach((tokens, i) => {
    if (i) text += '\n';
    const written = texts[i];
    const base = text.length;
    let at = 0;
    const placed = written && tokens.every(([t]) => {
      const found = written.indexOf(t, at);
      if (found < 0 || written.slice(at, found).trim()) return false;
      at = found + t.length;
      return true;
    });
    let open = null;
    let cursor = 0;
    tokens.forEach(([token, tag], k) => {
      let start;
      if (placed) {
        start = base + written.indexOf(token, cursor);
        cursor = start - base + token.length;
      } else {
        if (k) text += ' ';
        start = text.length;
        text += token;
      }
      const end = start + token.length;
      const [prefix, kind] = tag.split('-');
      const type = IOB_TYPES[kind];
      if (open && (prefix !== 'I' || open.type !== type)) {
        entities.push(open);
        open = null;
      }
      if (type && open) open.end = end;
      else if (type) open = { start, end, type };
    });
    if (open) entities.push(open);
    if (placed) text += written;
  });
  return { id, text, dct: null, timexes: [], entities };
}

/** UNER English-EWT (IOB2, one token a line; `# newdoc id` and `# text` lines): one document per
 * `newdoc`, sentences one a line as written. */
export function readUner(file) {
  const docs = [];
  let doc = null;
  let sentence = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id =')) {
      doc = { id: line.split('=')[1].trim(), sentences: [], texts: [] };
      docs.push(doc);
    } else if (line.startsWith('# text =')) {
      sentence = [];
      doc.sentences.push(sentence);
      doc.texts.push(line.slice(line.indexOf('=') + 1).trim());
    } else if (/^\d+\t/.test(line)) sentence.push(line.split('\t').slice(1, 3));
  }
  return docs.map((d) => fromTokens(d.id, d.sentences, d.texts));
}

/** wikigold (CoNLL "token TAG", IO tags, `-DOCSTART-` between documents): tokens joined by
 * spaces, sentences one a line. MISC names are not scored (no type of ours). */
export function readWikigold(file) {
  const docs = [];
  for (const chunk of readFileSync(file, 'utf8').split(/^-DOCSTART- O\s*$/m)) {
    const sentences = chunk.split(/\n\s*\n/).map((s) => s.split('\n').filter((l) => l.trim()).map((l) => {
      const space = l.lastIndexOf(' ');
      return [l.slice(0, space), l.slice(space + 1)];
    })).filter((s) => s.length);
    if (sentences.length) docs.push(fromTokens(`wikigold-${docs.length + 1}`, sentences));
  }
  return docs;
}

/** GUM CoNLL-U, every genre: named mentions (person, place, organization with a Wikipedia
 * identity), reduced to their proper-noun tokens (NNP/NNPS, with connectors between them:
 * "Bank of England"), titles outside. `anyIdentity` keeps the proper-noun mentions with no
 * Wikipedia identity too ("Jenny" in a vlog, a small firm): GUM's own convention leaves them
 * out, ours reads them as names. */
export function readGumNames(dir, { anyIdentity = false } = {}) {
  return files(dir, '.conllu').map((file) => {
    let text = '';
    const open = new Map();
    const mentions = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('# sent_id') && text) text += '\n';
      const cols = line.split('\t');
      if (cols.length < 10 || !/^\d+$/.test(cols[0])) continue;
      const [, form, , upos, xpos] = cols;
      const start = text.length;
      text += form;
      const token = { start, end: text.length, upos, proper: xpos === 'NNP' || xpos === 'NNPS' };
      for (const stack of open.values()) for (const m of stack) m.tokens.push(token);
      const entity = cols[9].split('|').find((f) => f.startsWith('Entity='))?.slice(7) ?? '';
      for (const [, id, type, fields, close, closing] of entity.matchAll(/\((\d+)-([a-z]+)-([^()]*)(\))?|(\d+)\)/g)) {
        if (closing) {
          const stack = open.get(closing);
          if (stack?.length) mentions.push(stack.pop());
          continue;
        }
        const identity = fields.split('-').slice(5).join('-');
        const m = { type, identity, tokens: [token] };
        if (close) mentions.push(m);
        else open.set(id, [...(open.get(id) ?? []), m]);
      }
      if (!cols[9].includes('SpaceAfter=No')) text += ' ';
    }
    const named = mentions.flatMap((m) => {
      const type = GUM_TYPES[m.type];
      const first = m.tokens.findIndex((t) => t.proper);
      const last = m.tokens.findLastIndex((t) => t.proper);
      if (!type || (!m.identity && !anyIdentity) || first < 0) return [];
      const inner = m.tokens.slice(first, last + 1);
      if (!inner.every((t) => t.proper || NAME_INSIDE.has(t.upos))) return [];
      return stripTitle(text, { start: inner[0].start, end: inner.at(-1).end, type });
    });
    const outermost = named.filter((m, i) => !named.some((o, j) => j !== i && o.start <= m.start && m.end <= o.end && (o.end - o.start > m.end - m.start || j < i)));
    return { id: path.basename(file, '.conllu'), text, dct: null, timexes: [], entities: outermost };
  });
}

/** MEANTIME restricted to proper-name mentions (`syntactic_type="NAM"`). */
export function readMeantimeNames(dir) {
  // Its names may open with an article ("the Air Force"); names-only gold leaves it out.
  return readMeantime(dir, ['NAM']).map((d) => ({
    ...d,
    entities: d.entities.map((e) => (/^the /i.test(d.text.slice(e.start, e.end)) ? { ...e, start: e.start + 4 } : e)),
  }));
}
