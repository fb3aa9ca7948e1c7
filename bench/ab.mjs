// Two builds of the WebAssembly package side by side in one Node process: MB/s over the bench
// corpus, in alternating rounds, so that the machine's drift (±10% within the hour here) falls on
// both alike. For judging a change to the core or the build: copy www/pkg aside, rebuild, compare.
// Also checks that both give the same output (JSON of every document).
// Usage: node bench/ab.mjs NEW_PKG_DIR BASE_PKG_DIR [ROUNDS]   (after node scripts/bench.mjs has
// written target/bench/corpus.json)
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { throughput } from './workload.mjs';

const [newDir, baseDir, roundsArg] = process.argv.slice(2);
if (!newDir || !baseDir) {
  console.error('usage: node bench/ab.mjs NEW_PKG_DIR BASE_PKG_DIR [ROUNDS]  (each a built www/pkg)');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 8);
const root = new URL('../', import.meta.url);
const docs = JSON.parse(readFileSync(new URL('target/bench/corpus.json', root), 'utf8'));

/** The package's analyse, on an instance of its own. */
async function load(dir) {
  const absolute = path.resolve(dir);
  const glue = await import(`${pathToFileURL(path.join(absolute, 'dateline.js'))}?${Math.random()}`);
  glue.initSync({ module: readFileSync(path.join(absolute, 'dateline_bg.wasm')) });
  return (text) => glue.analyse(text, { referenceDate: '2013-03-22' });
}

const systems = { new: await load(newDir), base: await load(baseDir) };
const digest = (analyse) => createHash('md5').update(JSON.stringify(docs.map(analyse))).digest('hex');
const digests = Object.fromEntries(Object.entries(systems).map(([name, analyse]) => [name, digest(analyse)]));
const results = { new: [], base: [] };
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 ? ['base', 'new'] : ['new', 'base']) {
    results[name].push(throughput(systems[name], docs, { minMs: 1000 }).mbPerSecond);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const [now, before] = [median(results.new), median(results.base)];
console.log(`MB/s, median of ${rounds} alternating rounds: new ${now.toFixed(2)}, base ${before.toFixed(2)} (${(100 * (now / before - 1)).toFixed(1)}%)`);
console.log(`rounds: new ${results.new.map((x) => x.toFixed(1)).join(' ')} | base ${results.base.map((x) => x.toFixed(1)).join(' ')}`);
console.log(digests.new === digests.base ? `same output (md5 ${digests.new})` : `OUTPUT DIFFERS: new ${digests.new}, base ${digests.base}`);
