// A 5 MB paste in the page (DATELINE_PASTE_BYTES for another size), in a process of its own (as
// bench/page-ready.mjs): the corpus as paragraphs, and as one line. Timed from setting the text:
// the analysis on screen (the worker analyses meanwhile), the longest main-thread task, and the
// first frame after it; and the page's JavaScript heap and DOM nodes after a garbage collection,
// before the paste, with it, and once a short article replaced it. Prints one JSON line.
// Usage: node bench/big-paste.mjs CORPUS.json
import { readFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

const SIZE = Number(process.env.DATELINE_PASTE_BYTES ?? 5_000_000);
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
    const cdp = await page.context().newCDPSession(page);
    const memory = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes } = await cdp.send('Memory.getDOMCounters');
      return { heapMB: Math.round(usedSize / 1e5) / 10, domNodes: nodes };
    };
    const before = await memory();
    // The text crosses into the page first: carrying 10 MB into an evaluate is a long task of
    // the harness's own, not the page's.
    await page.evaluate((text) => { window.pastedText = text; }, text);
    await new Promise((resolve) => setTimeout(resolve, 200));
    results[name] = await page.evaluate(async () => {
      const text = window.pastedText;
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
    });
    const during = await memory();
    // The paste replaced by a short article: what the page holds should come back down.
    await page.evaluate(async () => {
      const view = document.getElementById('analysis');
      const shown = new Promise((resolve) => view.addEventListener('analysis', resolve, { once: true }));
      window.pastedText = null;
      view.text = 'Xi Jinping met Li Qiang in Beijing on Friday.';
      await shown;
    });
    results[name].memory = { before, during, replaced: await memory() };
    await page.close();
  }
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
  server.close();
}
