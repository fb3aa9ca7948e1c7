// The page: a textarea feeding a <news-entities> view. Everything the analysis shows, the element
// renders; this file only wires the inputs, registers the offline cache and reports readiness.
import './news-entities.js';
import { afterFrame } from './after-frame.js';

const DEBOUNCE_MS = 150;

const article = document.getElementById('article');
const referenceDate = document.getElementById('reference-date');
const view = document.getElementById('analysis');
const theme = document.getElementById('theme');
/** The article the page opens with, for "Restore the sample". */
const SAMPLE = article.defaultValue;

let timer;
function update(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => { view.text = article.value; }, delay);
}

async function main() {
  article.addEventListener('input', () => update(DEBOUNCE_MS));
  article.addEventListener('paste', () => update(0));
  referenceDate.addEventListener('change', () => { view.referenceDate = referenceDate.value; });
  document.getElementById('clear').addEventListener('click', () => replaceArticle(''));
  document.getElementById('sample').addEventListener('click', () => replaceArticle(SAMPLE));
  // The toggle starts as the system's preference; what it chooses lasts for this visit only.
  theme.setAttribute('aria-pressed', String(matchMedia('(prefers-color-scheme: dark)').matches));
  theme.addEventListener('click', () => {
    const dark = theme.getAttribute('aria-pressed') !== 'true';
    theme.setAttribute('aria-pressed', String(dark));
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    view.setAttribute('theme', dark ? 'dark' : 'light');
  });
  const first = new Promise((resolve) => {
    view.addEventListener('analysis', resolve, { once: true });
    view.addEventListener('analysis-error', resolve, { once: true });
  });
  view.text = article.value;
  await first;
  // When the first analysis was in the DOM, in ms since navigation (bench/page-ready.mjs also
  // times the frame that draws it).
  document.body.dataset.firstAnalysisMs = performance.now().toFixed(1);
  document.body.dataset.ready = 'true';
  afterFrame(registerOfflineCache);
}

function replaceArticle(text) {
  view.clearCorrections(); // they were made to the other article
  article.value = text;
  update(0);
  article.focus();
}

/** Caches the page's files so that it opens with the network off (www/sw.js). Not on file://. */
function registerOfflineCache() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  navigator.serviceWorker.register('sw.js').catch((error) => console.warn(`dateline: no offline cache (${error.message})`));
}

main();
