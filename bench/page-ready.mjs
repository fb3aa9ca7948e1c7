// Page ready, in a process of its own: fresh Chromium pages whose textarea holds a 5,000-word
// article before the app starts, timed from navigation to the first analysis
//   - in the DOM: the page's own data-first-analysis-ms, set when the element has rendered it;
//   - on screen: the presentation time of the first frame drawn after that, from the browser's
//     long-animation-frame entries (a frame under 50 ms has none: then the first task after the
//     next frame's paint, via requestAnimationFrame and a message, which is within a few ms of it).
// Until session 11 only the first was measured, and called "on screen": the frame that draws the
// analysis (style, layout, paint, raster) took as long again on this machine.
// Two kinds of load, alternating: a first visit (a fresh browser context: no HTTP cache, no
// service worker) and a returning visit (one context for all: cached files, the page's service
// worker in front of every request).
// scripts/bench.mjs runs it first, in a fresh process, so that none of the benchmark's own work
// (four NLP libraries, hundreds of MB of heap, a browser that ran them for minutes) goes on beside
// the pages. Prints one JSON line.
// Usage: node bench/page-ready.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';
import { articleOf } from './workload.mjs';

/** Single loads vary by +-30 ms here: the median and quartiles of this many of each kind are given. */
const LOADS = 15;

const article = articleOf(JSON.parse(readFileSync(process.argv[2], 'utf8')), 5000);
const server = await serve(0);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await launchChromium();
try {
  const returning = await browser.newContext();
  await install(returning);
  const times = { first: [], returning: [] };
  for (let i = 0; i < LOADS; i++) {
    const fresh = await browser.newContext();
    times.first.push(await load(fresh));
    await fresh.close();
    times.returning.push(await load(returning));
  }
  console.log(JSON.stringify({ loads: LOADS, first: summary(times.first), returning: summary(times.returning) }));
} finally {
  await browser.close();
  server.close();
}

/** A first load in `context` that waits until the page's service worker is installed and its
 * caches are filled, as they are for anyone returning. */
async function install(context) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();
}

/** One load in `context`: { domMs, screenMs } since navigation. */
async function load(context) {
  const page = await context.newPage();
  await page.addInitScript(watchFirstAnalysis, article);
  await page.goto(url);
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
