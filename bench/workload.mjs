// The benchmark workload, shared by the Node run and the Chromium page so that both measure the
// same thing: every system analyses every document, passes repeat until a minimum time has passed.

/** Runs `analyse` over all `docs` repeatedly; returns throughput in MB/s (UTF-8 bytes of input). */
export function throughput(analyse, docs, { minMs = 2000, warmup = 1 } = {}) {
  const bytes = docs.reduce((n, d) => n + new TextEncoder().encode(d).length, 0);
  for (let i = 0; i < warmup; i++) for (const d of docs) analyse(d);
  let passes = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || passes < 1) {
    for (const d of docs) analyse(d);
    passes++;
    elapsed = performance.now() - started;
  }
  return { mbPerSecond: (bytes * passes) / 1e6 / (elapsed / 1000), passes, bytes };
}

/** Median time of `runs` calls of `fn`, in milliseconds. */
export function medianMs(fn, runs = 31) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1];
}

/** The peers, each as [label, (text) => result], given whatever modules the host could load. */
export function systems({ analyse, chrono, nlp, dates, wink }) {
  const list = [['dateline (full analysis, wasm)', (t) => analyse(t, { referenceDate: '2013-03-22' })]];
  if (chrono) list.push(['chrono-node (dates only)', (t) => chrono.parse(t, new Date(2013, 2, 22))]);
  if (nlp) {
    list.push(['compromise (people, places, orgs)', (t) => { const d = nlp(t); return [d.people().out('array'), d.places().out('array'), d.organizations().out('array')]; }]);
  }
  if (nlp && dates) {
    // The plugin changes nlp itself, so it is added only when this row starts, after plain compromise ran.
    let extended = false;
    list.push(['compromise + compromise-dates (entities and dates)', (t) => {
      if (!extended) { nlp.extend(dates); extended = true; }
      const d = nlp(t);
      return [d.people().out('array'), d.places().out('array'), d.dates().get()];
    }]);
  }
  if (wink) list.push(['wink-nlp lite web model (entities)', (t) => wink.readDoc(t).entities().out()]);
  return list;
}

/** A 1,000-word or a 5,000-word article cut from the corpus at a sentence end, with the
 * documents' own paragraphs: one line of 30 KB is no article, and the page would lay it out
 * whole where it lays out only the paragraphs near the screen of a real one. */
export function articleOf(docs, words) {
  const text = docs.join('\n\n').trim();
  let end = 0;
  let count = 0;
  for (const word of text.matchAll(/\S+/g)) {
    end = word.index + word[0].length;
    if (++count === words) break;
  }
  return text.slice(0, text.lastIndexOf('.', end - 1) + 1);
}

export function formatTable(rows) {
  const ours = rows[0].mbPerSecond;
  const lines = ['system                                                MB/s   dateline is ×'];
  for (const r of rows) lines.push(`${r.label.padEnd(52)} ${r.mbPerSecond.toFixed(2).padStart(7)}   ${(ours / r.mbPerSecond).toFixed(2).padStart(6)}`);
  return lines.join('\n');
}
