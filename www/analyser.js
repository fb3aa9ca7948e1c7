// The analyser behind every view on the page: one Web Worker (www/worker.js) shared by all of them,
// so that a 5 MB paste never freezes typing. If the worker dies (a panic in the core traps and
// leaves the WebAssembly instance unusable) a fresh one is started and the caller told so.
// Where no worker can be started (a page that loads this module from another origin, a strict
// host CSP) the analysis runs on the main thread instead: slower to feel, but it works.

let settings = {
  /** Starts the worker; the single-file build replaces it with a blob worker. */
  createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
  /** The compiled module (or its bytes) handed to the worker; null lets it fetch pkg/ itself. */
  wasm: null,
};

/** Replaces how the worker is started and what WebAssembly it is given (the single-file build). */
export function configureAnalyser(overrides) {
  settings = { ...settings, ...overrides };
}

/** Workers that died in a row without answering; past the limit, the main thread takes over,
 * instead of starting worker after worker that cannot load. */
let failuresInARow = 0;
const MAX_FAILURES_IN_A_ROW = 2;

let worker = null;
let inThread = null; // the main-thread fallback: a promise of the package's `analyse`
let nextId = 0;
const pending = new Map(); // id -> resolve

function startWorker() {
  try {
    if (failuresInARow >= MAX_FAILURES_IN_A_ROW) throw new Error('it failed to start twice');
    worker = settings.createWorker();
  } catch (error) {
    console.warn(`dateline: no Web Worker (${error.message}); analysing on the main thread`);
    worker = null;
    inThread = import('./pkg/dateline.js').then(async (pkg) => {
      await pkg.default(settings.wasm ? { module_or_path: settings.wasm } : undefined);
      return pkg.analyse;
    });
    return;
  }
  if (settings.wasm) worker.postMessage({ wasm: settings.wasm });
  worker.onmessage = ({ data }) => {
    failuresInARow = 0; // it loaded and answered
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restart('The analyser stopped unexpectedly and was restarted; your text is untouched.');
  };
}

function restart(message) {
  failuresInARow += 1;
  worker.terminate();
  for (const resolve of pending.values()) resolve({ error: message, restarted: true });
  pending.clear();
  startWorker();
}

/**
 * Analyses `text` with `options` ({ referenceDate?, today? }). Resolves to `{ result, ms }` or to
 * `{ error }` (a message for people); never rejects.
 */
export async function analyse(text, options) {
  if (!worker && !inThread) startWorker();
  if (inThread) return analyseInThread(text, options);
  const id = ++nextId;
  const answer = await new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, text, options });
  });
  if (answer.fatal) restart('The analyser failed on this text and was restarted; your text is untouched.');
  return answer;
}

async function analyseInThread(text, options) {
  try {
    const run = await inThread;
    const started = performance.now();
    const result = run(text, options);
    return { result, ms: performance.now() - started };
  } catch (error) {
    // Without a worker a panic cannot be recovered from by a restart: say so.
    const advice = error instanceof WebAssembly.RuntimeError ? ' Reload the page to analyse again.' : '';
    return { error: String(error?.message ?? error) + advice };
  }
}
