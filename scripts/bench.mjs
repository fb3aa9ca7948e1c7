// Speed and size, ours beside the peers in one run: node scripts/bench.mjs
// Needs the built package (node scripts/build.mjs), ../shared/corpora and Debian's chromium.
// Prints MB/s per system in Node and in headless Chromium, .wasm size, page-ready time for a
// 5,000-word article, what a 5 MB paste costs the page, re-analysis time for a 1,000-word
// article, and peak memory.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import dates from 'compromise-dates';
import { launchChromium } from './chromium.mjs';
import { initSync, analyse } from '../www/pkg/dateline.js';
import { readTimeML, readMeantime, readGum, readRe3d, requireCorpus } from './eval/corpora.mjs';
import { throughput, systems, medianMs, articleOf, formatTable } from '../bench/workload.mjs';
import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = `${root}../shared/corpora/`;
const TARGET_BYTES = 2_000_000;

/** ~2 MB of article-sized documents from the openly licensed corpora (never shipped). */
function corpus() {
  requireCorpus(corpora);
  const texts = [
    ...readTimeML(`${corpora}tempeval3-platinum/gold`),
    ...readMeantime(`${corpora}meantime-en/intra-doc_annotation`),
    ...readGum(`${corpora}gum-news/dep`),
    ...readRe3d(`${corpora}re3d`).filter((d) => !d.id.startsWith('BBC Online/')),
  ].map((d) => d.text);
  const docs = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    for (const t of texts) {
      docs.push(t);
      bytes += Buffer.byteLength(t);
    }
  }
  return docs;
}

function sizes() {
  const wasm = readFileSync(`${root}www/pkg/dateline_bg.wasm`);
  // wasm-bindgen's glue and the snippet it imports (src/build_analysis.js, copied into pkg/snippets).
  const snippets = readdirSync(`${root}www/pkg/snippets`, { recursive: true })
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(`${root}www/pkg/snippets/${f}`));
  const glue = Buffer.concat([readFileSync(`${root}www/pkg/dateline.js`), ...snippets]);
  const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // The page's one script (scripts/bundle.mjs): the element, the analyser and the glue.
  const page = readFileSync(`${root}www/app.bundle.js`);
  return {
    wasmRaw: wasm.length, wasmGzip: gzipSync(wasm, { level: 9 }).length, wasmBrotli: brotli(wasm),
    glueRaw: glue.length, glueGzip: gzipSync(glue, { level: 9 }).length, pageRaw: page.length, pageGzip: gzipSync(page, { level: 9 }).length,
  };
}

function inNode(docs) {
  const wasm = initSync({ module: readFileSync(`${root}www/pkg/dateline_bg.wasm`) });
  const winkNLP = require('wink-nlp');
  const wink = winkNLP(require('wink-eng-lite-web-model'));
  let peakRss = process.memoryUsage().rss;
  const rows = systems({ analyse, chrono, nlp, dates, wink }).map(([label, fn]) => {
    const result = { label, ...throughput(fn, docs) };
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return result;
  });
  return { rows, peakRss, wasmMemoryBytes: wasm.memory.buffer.byteLength };
}

async function inChromium() {
  const server = await serve(0, root);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/page.html`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

const docs = corpus();
mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/corpus.json`, JSON.stringify(docs));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
console.log(`corpus: ${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB (TempEval-3, MEANTIME, GUM news, re3d without BBC; repeated)`);

const s = sizes();
console.log(`\n.wasm: ${s.wasmRaw} bytes raw, ${s.wasmGzip} gzip, ${s.wasmBrotli} brotli; JS glue ${s.glueRaw} raw, ${s.glueGzip} gzip; the page's script (app.bundle.js, glue included) ${s.pageRaw} raw, ${s.pageGzip} gzip`);

// First, while this process is still idle: bench/page-ready.mjs says why it runs apart.
const ready = JSON.parse(execFileSync(process.execPath, [`${root}bench/page-ready.mjs`, `${root}target/bench/corpus.json`], { encoding: 'utf8' }));
const bigPaste = JSON.parse(execFileSync(process.execPath, [`${root}bench/big-paste.mjs`, `${root}target/bench/corpus.json`], { encoding: 'utf8' }));

const node = inNode(docs);
console.log(`\nNode ${process.version}\n${formatTable(node.rows)}`);
console.log(`peak RSS ${(node.peakRss / 1e6).toFixed(0)} MB (all systems in one process); dateline wasm memory ${(node.wasmMemoryBytes / 1e6).toFixed(1)} MB`);
const article1000 = articleOf(docs, 1000);
console.log(`re-analysis of a 1,000-word article (median of 31): ${medianMs(() => analyse(article1000, { referenceDate: '2013-03-22' })).toFixed(2)} ms`);
const shapes = JSON.parse(execFileSync(process.execPath, [`${root}bench/pathological.mjs`], { encoding: 'utf8' }));
console.log(`a megabyte of each pathological shape (tests/pathological-shapes.txt, bench/pathological.mjs), MB/s: slowest ${shapes.slowest.mbPerSecond.toFixed(2)} (${JSON.stringify(shapes.slowest.shape)}); ${shapes.rows.map((r) => `${JSON.stringify(r.shape)} ${r.mbPerSecond.toFixed(1)}`).join(', ')}`);

const browser = await inChromium();
console.log(`\nheadless Chromium (wink-nlp is CommonJS and needs a bundler: Node only)\n${formatTable(browser.rows)}`);
const readiness = (visit) => ['dom', 'screen'].map((when) => `${visit[when].medianMs} ms (${visit[when].quartilesMs.join('-')})`).join(' / ');
console.log(`page ready with a 5,000-word article, ms from navigation to the first analysis in the DOM / on screen (median and quartiles of ${ready.loads} loads each, bench/page-ready.mjs): first visit ${readiness(ready.first)}; returning visit ${readiness(ready.returning)}; floor, the same first visit with the analysis known in advance (no WebAssembly) ${readiness(ready.floor)}`);
console.log(`re-analysis of a 1,000-word article (median of 31): ${browser.reanalysis1000WordsMs.toFixed(2)} ms`);
const pasted = (key) => `${bigPaste.paragraphs[key].toFixed(0)} / ${bigPaste.oneLine[key].toFixed(0)} ms`;
console.log(`a 5 MB paste in the page, as paragraphs / as one line (${bigPaste.paragraphs.mentions} / ${bigPaste.oneLine.mentions} mentions): analysis on screen ${pasted('analysisMs')}, longest main-thread task ${pasted('longestTaskMs')}, next frame ${pasted('nextFrameMs')}`);
console.log(`dateline wasm memory ${(browser.wasmMemoryBytes / 1e6).toFixed(1)} MB; JS heap after a full GC (all four systems loaded) ${browser.jsHeapBytes ? (browser.jsHeapBytes / 1e6).toFixed(0) + ' MB' : 'n/a'}`);

// The same documents once each, natively, stage by stage: where the time goes (benches/stages.rs).
const unique = [...new Set(docs)];
writeFileSync(`${root}target/bench/corpus.txt`, unique.join('\u001e'));
console.log('\nnative Rust, per stage (cargo bench --bench stages)');
console.log(execFileSync('cargo', ['bench', '--quiet', '--bench', 'stages', '--', `${root}target/bench/corpus.txt`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
