// Page ready, in a process of its own: fresh Chromium pages whose textarea holds a 5,000-word
// article before the app starts, timed from navigation to the first analysis on screen (the
// page's own data-first-analysis-ms). scripts/bench.mjs runs it first, in a fresh process, so
// that none of the benchmark's own work (four NLP libraries, hundreds of MB of heap, a browser
// that ran them for minutes) goes on beside the pages. Prints one JSON line.
// Usage: node bench/page-ready.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';
import { articleOf } from './workload.mjs';

/** Single loads vary by +-30 ms here: the median and quartiles of this many are given. */
const LOADS = 15;

const article = articleOf(JSON.parse(readFileSync(process.argv[2], 'utf8')), 5000);
const server = await serve(0);
const browser = await launchChromium();
try {
  const ready = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await page.addInitScript((text) => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') document.getElementById('article').value = text;
      });
    }, article);
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    ready.push(Number(await page.getAttribute('body', 'data-first-analysis-ms')));
    await page.close();
  }
  ready.sort((a, b) => a - b);
  const quantile = (q) => ready[Math.round(q * (ready.length - 1))];
  console.log(JSON.stringify({ loads: LOADS, medianMs: quantile(0.5), quartilesMs: [quantile(0.25), quantile(0.75)] }));
} finally {
  await browser.close();
  server.close();
}
