// Runs the analyser off the main thread, so that typing never waits for it.
// Messages in: { wasm } once, optionally (a compiled module or its bytes, from the single-file
// build; otherwise pkg/ is fetched), then { id, text, options }.
// Messages out: { id, result, ms } or { id, error, fatal }.
import init, { analyse } from './pkg/dateline.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.wasm) {
    ready = init({ module_or_path: data.wasm });
    return;
  }
  ready ??= init();
  const { id, text, options } = data;
  try {
    await ready;
    const started = performance.now();
    const result = analyse(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    // A malformed option throws an Error; a panic in the core traps as a RuntimeError and leaves
    // the instance unusable, so the page starts a fresh worker when it sees `fatal`.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String(error?.message ?? error), fatal });
  }
};
