// Page ready, in a process of its own: fresh Chromium pages whose textarea holds a 5,000-word
// article before the app starts, timed from navigation to the first analysis
//   - in the DOM: the page's own data-first-analysis-ms, set when the element has rendered it;
//   - on screen: the presentation time of the first frame drawn after that, from the browser's
//     long-animation-frame entries (a frame under 50 ms has none: then the first task after the
//     next frame's paint, via requestAnimationFrame and a message, which is within a few ms of it).
// Both are measured because the frame that draws the analysis (style, layout, paint, raster)
// takes as long again as the analysis on this machine.
// Three kinds of load, in turn: a first visit (a fresh browser context: no HTTP cache, no
// service worker); a returning visit (one context for all: cached files, the page's service
// worker in front of every request); and the floor, a first visit to the same page with the
// analysis known in advance (`floorRoot`): the browser's own work for this page and this DOM on
// this machine, which no analyser can go below.
// scripts/bench.mjs runs it first, in a fresh process, so that none of the benchmark's own work
// (four NLP libraries, hundreds of MB of heap, a browser that ran them for minutes) goes on beside
// the pages. Prints one JSON line.
// Usage: node bench/page-ready.mjs CORPUS.json
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';
import { bundle } from '../scripts/bundle.mjs';
import { initSync, analyse } from '../www/pkg/dateline.js';
import { articleOf } from './workload.mjs';

const www = fileURLToPath(new URL('../www/', import.meta.url));

/** Single loads vary by +-30 ms here: the median and quartiles of this many of each kind are given. */
const LOADS = 15;

const article = articleOf(JSON.parse(readFileSync(process.argv[2], 'utf8')), 5000);
const server = await serve(0);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const floor = await floorRoot(article);
const floorServer = await serve(0, floor);
const floorUrl = `http://127.0.0.1:${floorServer.address().port}/index.html`;
const browser = await launchChromium();
try {
  const returning = await browser.newContext();
  await install(returning);
  const times = { first: [], returning: [], floor: [] };
  for (let i = 0; i < LOADS; i++) {
    times.first.push(await freshLoad(url));
    times.returning.push(await load(returning, url));
    times.floor.push(await freshLoad(floorUrl));
  }
  console.log(JSON.stringify({ loads: LOADS, ...Object.fromEntries(Object.entries(times).map(([kind, t]) => [kind, summary(t)])) }));
} finally {
  await browser.close();
  server.close();
  floorServer.close();
  rmSync(floor, { recursive: true, force: true });
}

/** A copy of www/ whose page script has www/analyser.js swapped for a module that answers
 * `article`'s analysis (made here, by the same package) at once and loads no WebAssembly: the
 * page, its DOM and its frames as they are, without the analysis. */
async function floorRoot(text) {
  initSync({ module: readFileSync(path.join(www, 'pkg', 'dateline_bg.wasm')) });
  const result = analyse(text);
  const answering = `export function configureAnalyser() {}
const result = JSON.parse(${JSON.stringify(JSON.stringify(result))});
export async function analyse() { return { result, ms: 0 }; }`;
  const swap = {
    name: 'analysis-known-in-advance',
    setup(build) {
      build.onResolve({ filter: /\/analyser\.js$/ }, () => ({ path: 'analyser', namespace: 'floor' }));
      build.onLoad({ filter: /.*/, namespace: 'floor' }, () => ({ contents: answering, loader: 'js' }));
    },
  };
  const script = await bundle(path.join(www, 'app.js'), { minify: false, plugins: [swap] });
  if (script.includes('dateline_bg.wasm')) {
    throw new Error('the floor\'s page script still loads the .wasm: was www/analyser.js renamed? Update `swap`.');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'dateline-floor-'));
  cpSync(www, dir, { recursive: true });
  writeFileSync(path.join(dir, 'app.bundle.js'), script);
  return dir + path.sep;
}

/** A load in a fresh context: no HTTP cache, no service worker. */
async function freshLoad(at) {
  const fresh = await browser.newContext();
  try {
    return await load(fresh, at);
  } finally {
    await fresh.close();
  }
}

/** A first load in `context` that waits until the page's service worker is installed and its
 * caches are filled, as they are for anyone returning. */
async function install(context) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();
}

/** One load of `at` in `context`: { domMs, screenMs } since navigation. */
async function load(context, at) {
  const page = await context.newPage();
  await page.addInitScript(watchFirstAnalysis, article);
  await page.goto(at);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => window.firstAnalysisOnScreen !== undefined);
  const times = {
    domMs: Number(await page.getAttribute('body', 'data-first-analysis-ms')),
    screenMs: await page.evaluate(() => window.firstAnalysisOnScreen),
  };
  await page.close();
  return times;
}

/** In the page, before its scripts: puts the article in the textarea as the parser finishes, and
 * sets window.firstAnalysisOnScreen once the frame that draws the first analysis is presented. */
function watchFirstAnalysis(text) {
  const frames = [];
  new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') document.getElementById('article').value = text;
  });
  document.addEventListener('analysis', () => {
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const afterPaint = performance.now();
        // Long-animation-frame entries arrive a little after their frame.
        setTimeout(() => {
          const frame = frames.find((f) => f.renderStart >= inDom);
          window.firstAnalysisOnScreen = frame?.presentationTime || afterPaint;
        }, 200);
      };
      channel.port2.postMessage(null);
    });
  }, { once: true });
}

function summary(times) {
  const of = (key) => {
    const sorted = times.map((t) => t[key]).sort((a, b) => a - b);
    const quantile = (q) => Math.round(sorted[Math.round(q * (sorted.length - 1))]);
    return { medianMs: quantile(0.5), quartilesMs: [quantile(0.25), quantile(0.75)] };
  };
  return { dom: of('domMs'), screen: of('screenMs') };
}
