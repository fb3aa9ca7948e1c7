// Native ≡ WebAssembly: the CLI (target/release/analyse) and the page's package (www/pkg) give the
// same analysis of a few hundred generated inputs: our golden articles cut, spliced and sprinkled
// with the characters that have broken text handling somewhere, and raw Unicode. Seeded; set
// DATELINE_DIFF_CASES and DATELINE_DIFF_SEED to run more or others. A difference writes the input
// to target/differential/ for minimising (then commit it to tests/golden or tests/properties.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'target/release/analyse');
const cases = Number(process.env.DATELINE_DIFF_CASES ?? 300);
const seed = Number(process.env.DATELINE_DIFF_SEED ?? 20261205);
const TODAY = '2026-12-05';

/** Characters that have broken text handling somewhere (as in tests/properties.rs). */
const ODD = ['\u00a0', '\u200b', '\u00ad', '\u0301', '\u2028', '\u2029', '\r', '\f', '\t', '😀', 'é', 'ř',
  '李', 'Ж', '|', '(', ')', '/', '—', '-', ':', '.', ',', '\ufeff', '\u202f', '+', '0', '12', '2025',
  ' ', '\n', '\n\n', "'", '’', '"', '&', 'U.S.', 'A.', 'Kenya (AP)'];

/** xorshift32: the same inputs on every machine. */
function rng(state) {
  return (n) => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state % n;
  };
}

function generate(below, articles) {
  const kind = below(5);
  if (kind === 0) {
    // Raw Unicode, weighted towards ASCII; scalar values only (no lone surrogates).
    let text = '';
    for (let i = below(300); i > 0; i--) {
      const r = below(4);
      if (r === 0) {
        let cp = below(0x110000);
        if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
        text += String.fromCodePoint(cp);
      } else if (r === 1) text += ODD[below(ODD.length)];
      else text += String.fromCharCode(32 + below(95));
    }
    return text;
  }
  // Lines of our articles, in any order, some cut anywhere, with odd characters spliced in.
  const lines = articles[below(articles.length)].split('\n');
  const out = [];
  for (let n = 1 + below(kind === 1 ? 40 : 12); n > 0; n--) {
    let chars = [...lines[below(lines.length)]];
    for (let k = below(4); k > 0; k--) chars.splice(below(chars.length + 1), 0, ODD[below(ODD.length)]);
    if (below(6) === 0) chars = chars.slice(0, below(chars.length + 1));
    out.push(chars.join(''), ['\n', '\r\n', '\n\n', ' '][below(4)]);
  }
  return out.join('');
}

test(`the CLI and the WebAssembly package agree on ${cases} generated inputs`, async () => {
  assert.ok(existsSync(cli), `${cli} is missing: run cargo build --release first`);
  const pkg = path.join(root, 'www/pkg');
  assert.ok(existsSync(path.join(pkg, 'dateline_bg.wasm')), 'www/pkg is missing: run node scripts/build.mjs first');
  const glue = await import(path.join(pkg, 'dateline.js'));
  glue.initSync({ module: readFileSync(path.join(pkg, 'dateline_bg.wasm')) });

  const golden = path.join(root, 'tests/golden');
  const articles = readdirSync(golden).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(golden, f), 'utf8'));
  const below = rng(seed >>> 0 || 1);
  const scratch = path.join(root, 'target/differential');
  mkdirSync(scratch, { recursive: true });
  const input = path.join(scratch, 'input.txt');
  let names = 0;
  for (let i = 0; i < cases; i++) {
    const text = generate(below, articles);
    const reference = below(4) === 0 ? `20${10 + below(20)}-0${1 + below(9)}-1${below(9)}` : undefined;
    const args = ['--today', TODAY, ...(reference ? ['--reference-date', reference] : []), input];
    writeFileSync(input, text);
    const native = JSON.parse(execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
    const wasm = glue.analyse(text, { today: TODAY, ...(reference ? { referenceDate: reference } : {}) });
    try {
      assert.deepStrictEqual(JSON.parse(JSON.stringify(wasm)), native);
    } catch (error) {
      const kept = path.join(scratch, `case-${seed}-${i}.txt`);
      writeFileSync(kept, text);
      assert.fail(`case ${i} (seed ${seed}, reference ${reference ?? 'none'}) differs; input in ${kept}\n${error.message.slice(0, 2000)}`);
    }
    names += native.mentions.length;
  }
  // The inputs are not all noise: the generator feeds the analysers real articles.
  assert.ok(names > cases, `only ${names} mentions in ${cases} inputs`);
});
