// The service worker's cache list names every file the page needs, and only files that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';

const www = new URL('../../www/', import.meta.url);

/** What sw.js caches, read from its ASSETS array. */
function cachedAssets() {
  const source = readFileSync(new URL('sw.js', www), 'utf8');
  const list = source.match(/const ASSETS = \[([\s\S]*?)\];/);
  assert.ok(list, 'sw.js declares const ASSETS = [...]');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** What the page can load: www's files, less the service worker itself, the embedding demo,
 * type declarations and wasm-pack's package metadata. */
function shippedFiles(dir = www, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix + entry.name;
    if (entry.isDirectory()) return shippedFiles(new URL(`${entry.name}/`, dir), `${name}/`);
    const skipped = entry.name.startsWith('.') || name === 'sw.js' || name.startsWith('demo.') || name.endsWith('.d.ts') || /^pkg\/(package\.json|README\.md)$/.test(name);
    return skipped ? [] : [name];
  });
}

test('every file the page loads is cached for offline use', () => {
  const cached = new Set(cachedAssets());
  assert.ok(existsSync(new URL('pkg/dateline_bg.wasm', www)), 'build the package first (node scripts/build.mjs)');
  for (const file of shippedFiles()) assert.ok(cached.has(file), `sw.js ASSETS is missing ${file}`);
});

test('every file the page preloads exists', () => {
  const page = readFileSync(new URL('index.html', www), 'utf8');
  const preloaded = [...page.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(preloaded.includes('pkg/dateline_bg.wasm'), 'index.html preloads the WebAssembly');
  for (const file of preloaded) assert.ok(existsSync(new URL(file, www)), `index.html preloads ${file}, which is not in www/`);
});

test('every cached file exists', () => {
  for (const file of cachedAssets()) {
    if (file === './') continue;
    assert.ok(existsSync(new URL(file, www)), `sw.js caches ${file}, which is not in www/`);
  }
});
