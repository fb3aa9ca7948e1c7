// Scoring shared by every system, so that the numbers side by side are comparable.

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const same = (a, b) => a.start === b.start && a.end === b.end;

export function prf(correct, predicted, gold) {
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Counts matches one to one: each gold item is matched by at most one prediction. */
function matches(gold, predicted, match) {
  const used = new Set();
  const pairs = [];
  for (const g of gold) {
    const i = predicted.findIndex((p, j) => !used.has(j) && match(g, p));
    if (i >= 0) {
      used.add(i);
      pairs.push([g, predicted[i]]);
    }
  }
  return pairs;
}

/** TempEval-3 measures: strict and relaxed span F1, and value and type F1 over relaxed matches. */
export function scoreTimexes(docs) {
  const t = { gold: 0, predicted: 0, strict: 0, relaxed: 0, value: 0, type: 0 };
  for (const { gold, predicted } of docs) {
    t.gold += gold.length;
    t.predicted += predicted.length;
    t.strict += matches(gold, predicted, same).length;
    const relaxed = matches(gold, predicted, overlaps);
    t.relaxed += relaxed.length;
    t.value += relaxed.filter(([g, p]) => g.value === p.value).length;
    t.type += relaxed.filter(([g, p]) => g.type === p.type).length;
  }
  return {
    counts: t,
    strict: prf(t.strict, t.predicted, t.gold),
    relaxed: prf(t.relaxed, t.predicted, t.gold),
    value: prf(t.value, t.predicted, t.gold),
    type: prf(t.type, t.predicted, t.gold),
  };
}

/** The head of a name, for the head-word score: its last word, lower-cased, without a possessive
 * or punctuation ("Radio France Internationale" -> "internationale", "Okonkwo's" -> "okonkwo"). */
export function headOf(text) {
  const words = text.toLowerCase().replace(/['’]s$/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.at(-1) ?? '';
}

/** Entity F1 with exact type, overall and per type; spans must be the same (or, with
 * `match` 'overlap', share a character; with 'head', overlap and end in the same word, for a
 * corpus whose spans follow another convention (titles or determiners inside): looser figures).
 * Head matching reads each document's `text`. */
export function scoreEntities(docs, types, mode = 'exact') {
  const modes = {
    exact: () => same,
    overlap: () => overlaps,
    head: (text) => (a, b) => overlaps(a, b) && headOf(text.slice(a.start, a.end)) === headOf(text.slice(b.start, b.end)),
  };
  const per = Object.fromEntries(types.map((x) => [x, { gold: 0, predicted: 0, correct: 0 }]));
  for (const { gold, predicted, text = '' } of docs) {
    const match = modes[mode === true ? 'overlap' : mode](text);
    for (const type of types) {
      const g = gold.filter((e) => e.type === type);
      const p = predicted.filter((e) => e.type === type);
      per[type].gold += g.length;
      per[type].predicted += p.length;
      per[type].correct += matches(g, p, match).length;
    }
  }
  const sum = (k) => types.reduce((n, x) => n + per[x][k], 0);
  const result = Object.fromEntries(types.map((x) => [x, prf(per[x].correct, per[x].predicted, per[x].gold)]));
  result.overall = prf(sum('correct'), sum('predicted'), sum('gold'));
  result.counts = per;
  return result;
}

export const pct = (x) => (100 * x).toFixed(1).padStart(5);
