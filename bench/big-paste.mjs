// A 5 MB paste in the page, in a process of its own (as bench/page-ready.mjs): the corpus as
// paragraphs, and as one line. Timed from setting the text: the analysis on screen (the worker
// analyses meanwhile), the longest main-thread task, and the first frame after it. Prints one
// JSON line. Usage: node bench/big-paste.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

const SIZE = 5_000_000;
const docs = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const repeated = (separator) => {
  let text = '';
  while (text.length < SIZE) text += docs.join(separator) + separator;
  return text.slice(0, text.lastIndexOf(separator, SIZE) + separator.length);
};

const server = await serve(0);
const browser = await launchChromium();
try {
  const results = {};
  for (const [name, text] of [['paragraphs', repeated('\n\n')], ['oneLine', repeated(' ')]]) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    results[name] = await page.evaluate(async (text) => {
      const view = document.getElementById('analysis');
      const tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
      const shown = new Promise((resolve) => view.addEventListener('analysis', resolve, { once: true }));
      const start = performance.now();
      view.text = text;
      await shown;
      const onScreen = performance.now();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const frame = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100)); // the last long task is reported
      return { chars: text.length, mentions: view.analysis.mentions.length, analysisMs: onScreen - start, nextFrameMs: frame - onScreen, longestTaskMs: Math.max(0, ...tasks) };
    }, text);
    await page.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
  server.close();
}
