// Builds the WebAssembly package into www/pkg with the settings in wasm-pack.toml, then runs
// binaryen's wasm-opt over it; then the page's one script (www/app.bundle.js), the single-file page
// (dist/dateline.html) and the npm package (dist/npm). Usage: node scripts/build.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, renameSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundlePage } from './bundle.mjs';
import { buildSingleFile } from './single-file.mjs';
import { buildPackage } from './package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Reads the flat `key = value` TOML of wasm-pack.toml (strings and arrays of strings). */
export function readSettings(file = path.join(root, 'wasm-pack.toml')) {
  const settings = {};
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/^\s*#.*$/, '').trim();
    if (!line) continue;
    const match = line.match(/^([a-z_]+)\s*=\s*(.+)$/);
    if (!match) throw new Error(`wasm-pack.toml: cannot read line ${JSON.stringify(raw)}; write key = "value" or key = ["a", "b"]`);
    settings[match[1]] = JSON.parse(match[2]);
  }
  for (const key of ['profile', 'target', 'out_dir', 'out_name', 'wasm_opt']) {
    if (!(key in settings)) throw new Error(`wasm-pack.toml: missing ${key}`);
  }
  return settings;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

export function build() {
  const s = readSettings();
  const outDir = path.join(root, s.out_dir);
  run('wasm-pack', ['build', `--${s.profile}`, '--target', s.target, '--out-dir', outDir, '--out-name', s.out_name, '--', '--no-default-features']);
  const wasm = path.join(outDir, `${s.out_name}_bg.wasm`);
  if (s.wasm_opt.length > 0) {
    const wasmOpt = path.join(root, 'node_modules', '.bin', 'wasm-opt');
    run(wasmOpt, [...s.wasm_opt, wasm, '-o', `${wasm}.opt`]);
    renameSync(`${wasm}.opt`, wasm);
  }
  const bytes = readFileSync(wasm);
  console.log(`${path.relative(root, wasm)}: ${statSync(wasm).size} bytes, ${gzipSync(bytes, { level: 9 }).length} gzip`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build();
  await bundlePage();
  await buildSingleFile();
  buildPackage();
}
