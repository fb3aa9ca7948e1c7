// Builds dist/dateline.html: the page as one self-contained file (scripts, styles, worker and
// WebAssembly inlined) that works from file:// with the network off. Its CSP allows exactly its
// own inline script and style, by hash. Usage: node scripts/single-file.mjs (after build.mjs).
import { bundle } from './bundle.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = path.join(root, 'www');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text that goes inside a <script> element must not close it early. */
function scriptSafe(text, what) {
  if (/<\/script/i.test(text)) throw new Error(`${what} contains "</script": it cannot be inlined as is`);
  return text;
}

export async function buildSingleFile(out = path.join(root, 'dist', 'dateline.html')) {
  const main = scriptSafe(await bundle(path.join(root, 'scripts/single-file/entry.js')), 'the page bundle');
  const worker = scriptSafe(await bundle(path.join(www, 'worker.js'), { format: 'iife' }), 'the worker bundle');
  const wasm = readFileSync(path.join(www, 'pkg/dateline_bg.wasm')).toString('base64');
  const style = readFileSync(path.join(www, 'style.css'), 'utf8');
  const icon = `data:image/svg+xml;base64,${readFileSync(path.join(www, 'icon.svg')).toString('base64')}`;
  const csp = [
    "default-src 'none'", `script-src ${sha256(main)} 'wasm-unsafe-eval'`, 'worker-src blob:', `style-src ${sha256(style)}`,
    'img-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  let html = readFileSync(path.join(www, 'index.html'), 'utf8');
  const replace = (pattern, replacement) => {
    if (!pattern.test(html)) throw new Error(`www/index.html no longer has ${pattern}; update scripts/single-file.mjs`);
    html = html.replace(pattern, () => replacement);
  };
  replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}">`);
  replace(/\s*<link rel="manifest"[^>]*>/, '');
  replace(/<link rel="stylesheet" href="style.css">/, `<style>${style}</style>`);
  replace(/\s*<script type="module" src="app.bundle.js"><\/script>/, '');
  // Everything is inline: nothing to preload.
  html = html.replace(/\s*<!-- (The page's modules as one file|The first analysis runs here)[^>]*-->/g, '').replace(/\s*<link rel="preload"[^>]*>/g, '');
  replace(/<\/body>/, [
    `<script type="application/octet-stream" id="dateline-wasm">${wasm}</script>`,
    `<script type="text/plain" id="dateline-worker">${worker}</script>`,
    `<script type="module">${main}</script>`,
    '</body>',
  ].join('\n'));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, html);
  console.log(`${path.relative(root, out)}: ${html.length} bytes, works from file://`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildSingleFile();
