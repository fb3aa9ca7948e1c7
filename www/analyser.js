// The analyser behind every view on the page: one Web Worker (www/worker.js) shared by all of them,
// so that a 5 MB paste never freezes typing. If the worker dies (a panic in the core traps and
// leaves the WebAssembly instance unusable) a fresh one is started and the caller told so.
// Where no worker can be started (a page that loads this module from another origin, a strict
// host CSP) the analysis runs on the main thread instead: slower to feel, but it works.
//
// The first analysis of a short text runs on the main thread too: starting a worker takes longer
// than analysing a news article (on a two-core machine, most of the time to the first result),
// and at page load nobody is typing yet. The worker starts right after it, with the module
// compiled here, and takes every later analysis.

// The package's glue is imported statically: it is part of the page's module graph, ready when
// the page's code runs, where a dynamic import() waited for tasks of its own behind the page's
// first layout (~10 ms to the first analysis). It is small; the .wasm is fetched on demand.
import * as glue from './pkg/dateline.js';
import { afterFrame } from './after-frame.js';

let settings = {
  /** Starts the worker; the single-file build replaces it with a blob worker. */
  createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
  /** The compiled module (or its bytes) handed to the worker; null lets it fetch pkg/ itself. */
  wasm: null,
  /** The first text is analysed on the main thread when it has at most this many characters
   * (UTF-16 units): ~8,000 words, which block the page for well under 100 ms even cold. 0 sends
   * every analysis to the worker. */
  firstInThreadChars: 50_000,
};

/** Replaces how the worker is started, what WebAssembly it is given (the single-file build), or
 * how long a first text may be to be analysed on the main thread. */
export function configureAnalyser(overrides) {
  settings = { ...settings, ...overrides };
}

/** Workers that died in a row without answering; past the limit, the main thread takes over,
 * instead of starting worker after worker that cannot load. */
let failuresInARow = 0;
const MAX_FAILURES_IN_A_ROW = 2;

/** A caller's newer text stops its analysis in flight when that one is at least this long (UTF-16
 * units): the worker is replaced rather than left to finish an answer nobody will read (a 10 MB
 * paste takes ~1.5 s, and an edit made meanwhile waited behind it). Shorter analyses finish
 * sooner than a fresh worker starts. */
const SUPERSEDE_CHARS = 200_000;
/** After answering a text this long the worker is replaced by a fresh one: WebAssembly memory
 * never shrinks, and a 10 MB paste grows the worker's to ~140 MB. */
const RETIRE_AFTER_CHARS = 2_000_000;

let worker = null;
let inThread = null; // a promise of the package's `analyse` on the main thread
let compiled = null; // the module compiled on the main thread, for every worker started after
let noWorker = false; // no worker can run: every analysis stays on the main thread
let firstDone = false; // the first analysis has run (later ones go to the worker)
let nextId = 0;
const pending = new Map(); // id -> { resolve, text, options, caller }

/** Loads the package on the main thread, once; the compiled module is kept for the worker. */
function loadInThread() {
  if (inThread) return inThread;
  const compiling = settings.wasm instanceof WebAssembly.Module ? Promise.resolve(settings.wasm)
    : settings.wasm ? WebAssembly.compile(settings.wasm)
    : WebAssembly.compileStreaming(fetch(new URL('./pkg/dateline_bg.wasm', import.meta.url)));
  inThread = compiling.then(async (module) => {
    await glue.default({ module_or_path: module });
    compiled = module;
    return glue.analyse;
  });
  return inThread;
}

function startWorker() {
  try {
    if (failuresInARow >= MAX_FAILURES_IN_A_ROW) throw new Error('it failed to start twice');
    worker = settings.createWorker();
  } catch (error) {
    console.warn(`dateline: no Web Worker (${error.message}); analysing on the main thread`);
    worker = null;
    noWorker = true;
    loadInThread();
    return;
  }
  const wasm = compiled ?? settings.wasm;
  if (wasm) worker.postMessage({ wasm });
  worker.onmessage = ({ data }) => {
    failuresInARow = 0; // it loaded and answered
    const request = pending.get(data.id);
    pending.delete(data.id);
    request?.resolve(data);
    if (request && request.text.length >= RETIRE_AFTER_CHARS && pending.size === 0) replaceWorker();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restart('The analyser stopped unexpectedly and was restarted; your text is untouched.');
  };
}

function restart(message) {
  failuresInARow += 1;
  worker.terminate();
  for (const { resolve } of pending.values()) resolve({ error: message, restarted: true });
  pending.clear();
  startWorker();
}

/** A fresh worker in place of one that is healthy but holds work or memory no one needs; the
 * requests still pending are sent to the new one. */
function replaceWorker() {
  worker.terminate();
  startWorker();
  if (noWorker) {
    for (const [id, { resolve, text, options }] of pending) analyseInThread(text, options).then(resolve);
    pending.clear();
    return;
  }
  for (const [id, { text, options }] of pending) worker.postMessage({ id, text, options });
}

/**
 * Analyses `text` with `options` ({ referenceDate?, today? }). Resolves to `{ result, ms }` or to
 * `{ error }` (a message for people); never rejects. A `caller` (any object, e.g. the element)
 * whose newer text arrives while its long analysis runs gets `{ superseded: true }` for the old
 * one, and the new one does not wait behind it.
 */
export async function analyse(text, options, caller = null) {
  if (noWorker) return analyseInThread(text, options);
  if (!worker && !firstDone && text.length <= settings.firstInThreadChars) return analyseFirstInThread(text, options);
  if (!worker) startWorker();
  if (noWorker) return analyseInThread(text, options);
  if (caller) supersede(caller);
  if (noWorker) return analyseInThread(text, options); // the replacement could not start
  const id = ++nextId;
  const answer = await new Promise((resolve) => {
    pending.set(id, { resolve, text, options, caller });
    worker.postMessage({ id, text, options });
  });
  if (answer.fatal) restart('The analyser failed on this text and was restarted; your text is untouched.');
  return answer;
}

/** Drops `caller`'s requests still pending; if the one the worker is running (the oldest) is
 * one of them and long, the worker is replaced (the others' requests go to the new one). */
function supersede(caller) {
  const running = pending.values().next().value;
  const stop = running?.caller === caller && running.text.length >= SUPERSEDE_CHARS;
  for (const [id, request] of pending) {
    if (request.caller !== caller) continue;
    pending.delete(id);
    request.resolve({ superseded: true });
  }
  if (stop) replaceWorker();
}

/** The first analysis (and any asked for while it loads), here; then the worker starts with the
 * module compiled for it. A package that cannot load here leaves the analysis to the worker. */
async function analyseFirstInThread(text, options) {
  const loaded = await loadInThread().then(() => true, (error) => {
    console.warn(`dateline: the first analysis goes to the worker (${error.message})`);
    inThread = null;
    return false;
  });
  firstDone = true;
  if (!loaded) return analyse(text, options);
  const answer = await analyseInThread(text, options);
  // Once the caller's frame showing this answer is drawn: a worker starting competes with it for the CPU.
  afterFrame(() => { if (!worker && !noWorker) startWorker(); });
  return answer;
}

async function analyseInThread(text, options) {
  try {
    const run = await loadInThread();
    const started = performance.now();
    const result = run(text, options);
    return { result, ms: performance.now() - started };
  } catch (error) {
    // Without a worker a panic cannot be recovered from by a restart: say so. (After a first
    // analysis here, the worker takes the next one.)
    const advice = error instanceof WebAssembly.RuntimeError && noWorker ? ' Reload the page to analyse again.' : '';
    return { error: String(error?.message ?? error) + advice };
  }
}
