// Work that can wait for the first analysis to be on screen: the worker that takes later analyses
// (www/analyser.js) and the offline cache (www/app.js). Started as soon as the analysis was in the
// DOM, they ran beside the browser's layout, paint and raster of it and, on a two-core machine,
// delayed its frame: 5,000-word article, medians of 15 alternating loads, analysis presented at
// 492 -> 452 ms (returning visit) and 460 -> 424 ms (first visit).

/** A hidden page draws no frames; it runs the callback after this long instead. */
const HIDDEN_PAGE_MS = 1000;

/**
 * Calls `callback` once, after the browser has drawn the frame that shows what the DOM holds
 * now (when the frame after it starts), or after `HIDDEN_PAGE_MS` if no frame comes. Where
 * nothing is drawn (no `requestAnimationFrame`), in the next task.
 *
 *     afterFrame(() => navigator.serviceWorker.register('sw.js'));
 */
export function afterFrame(callback) {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(callback, 0);
    return;
  }
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    callback();
  };
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
  setTimeout(once, HIDDEN_PAGE_MS);
}
