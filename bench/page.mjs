// The browser half of the benchmark: the same workload in Chromium. Results go to window.benchResult.
import init, { analyse } from '/www/pkg/dateline.js';
import * as chrono from '/node_modules/chrono-node/dist/esm/index.js';
import dates from '/node_modules/compromise-dates/builds/compromise-dates.mjs';
import { throughput, systems, medianMs, articleOf, formatTable } from './workload.mjs';

async function main() {
  const docs = await (await fetch('/target/bench/corpus.json')).json();
  const wasm = await init();
  const rows = systems({ analyse, chrono, nlp: window.nlp, dates }).map(([label, fn]) => ({ label, ...throughput(fn, docs) }));
  const article1000 = articleOf(docs, 1000);
  const reanalysisMs = medianMs(() => analyse(article1000, { referenceDate: '2013-03-22' }));
  globalThis.gc?.(); // bench.mjs exposes it: the heap read next is what is live, not garbage
  const result = {
    rows,
    reanalysis1000WordsMs: reanalysisMs,
    wasmMemoryBytes: wasm.memory.buffer.byteLength,
    jsHeapBytes: performance.memory?.usedJSHeapSize ?? null,
  };
  document.getElementById('out').textContent = formatTable(rows);
  window.benchResult = result;
}

main().catch((e) => { window.benchResult = { error: String(e?.stack ?? e) }; });
