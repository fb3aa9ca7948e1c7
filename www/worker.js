// Runs the analyser off the main thread, so that typing never waits for it.
// Messages in: { id, text, options }. Messages out: { id, result, ms } or { id, error }.
import init, { analyse } from './pkg/dateline.js';

const ready = init();

self.onmessage = async ({ data: { id, text, options } }) => {
  await ready;
  const started = performance.now();
  try {
    const result = analyse(text, options);
    self.postMessage({ id, result, ms: performance.now() - started });
  } catch (error) {
    // A malformed option throws an Error; a panic in the core traps as a RuntimeError and leaves
    // the instance unusable, so the page starts a fresh worker when it sees `fatal`.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String(error?.message ?? error), fatal });
  }
};
