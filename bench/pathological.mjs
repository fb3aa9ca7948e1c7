// WebAssembly MB/s on a megabyte of each pathological shape (tests/pathological-shapes.txt: runs
// of initials, ampersands, hyphens, capitals), in Node; the slowest shape is the figure that
// matters. Usage: node bench/pathological.mjs [PKG_DIR]   (default www/pkg, built by
// node scripts/build.mjs). Prints JSON: { rows: [{ shape, mbPerSecond }], slowest }.
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

const rows = shapes.map((shape) => {
  const text = shape.repeat(Math.floor(1e6 / Buffer.byteLength(shape)));
  const started = performance.now();
  glue.analyse(text, { referenceDate: '2024-03-12' });
  const seconds = (performance.now() - started) / 1000;
  return { shape, mbPerSecond: Buffer.byteLength(text) / 1e6 / seconds };
});
const slowest = rows.reduce((a, b) => (b.mbPerSecond < a.mbPerSecond ? b : a));
console.log(JSON.stringify({ rows, slowest }));
