// The single-file build's start-up (bundled by scripts/single-file.mjs): the WebAssembly and the
// worker's code travel inside the HTML file as data islands, so nothing is fetched, and the page
// works from file:// with the network off.
import { configureAnalyser } from '../../www/analyser.js';

const island = (id) => document.getElementById(id).textContent.trim();
const bytes = Uint8Array.from(atob(island('dateline-wasm')), (c) => c.charCodeAt(0));
const workerSource = island('dateline-worker');

// A classic worker: Chromium will not load a module worker from a blob: URL in a file:// page.
configureAnalyser({
  createWorker: () => new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }))),
  wasm: await WebAssembly.compile(bytes),
});
await import('../../www/app.js');
