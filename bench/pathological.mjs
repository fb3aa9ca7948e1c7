// WebAssembly MB/s on a megabyte of each pathological shape (tests/pathological-shapes.txt: runs
// of initials, ampersands, hyphens, capitals), in Node: the median of three runs, and the slowest
// run. The slowest shape is the figure that matters. Usage: node bench/pathological.mjs [PKG_DIR]
// (default www/pkg, built by node scripts/build.mjs). Prints JSON:
// { rows: [{ shape, mbPerSecond, slowestRunMbPerSecond }], slowest }.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(root, 'www', 'pkg'));
const glue = await import(pathToFileURL(path.join(dir, 'dateline.js')));
glue.initSync({ module: readFileSync(path.join(dir, 'dateline_bg.wasm')) });

const shapes = readFileSync(path.join(root, 'tests', 'pathological-shapes.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.replaceAll('\\s', ' '));

// Each shape three times, the median reported: a single run also measures V8 compiling the
// module's hot functions, which a page pays once, not per paste.
const RUNS = 3;
const rows = shapes.map((shape) => {
  const text = shape.repeat(Math.floor(1e6 / Buffer.byteLength(shape)));
  const seconds = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    glue.analyse(text, { referenceDate: '2024-03-12' });
    seconds.push((performance.now() - started) / 1000);
  }
  const median = seconds.sort((a, b) => a - b)[RUNS >> 1];
  const megabytes = Buffer.byteLength(text) / 1e6;
  const slowestRunMbPerSecond = megabytes / seconds[RUNS - 1];
  return { shape, mbPerSecond: megabytes / median, slowestRunMbPerSecond };
});
const slowest = rows.reduce((a, b) => (b.mbPerSecond < a.mbPerSecond ? b : a));
console.log(JSON.stringify({ rows, slowest }));
