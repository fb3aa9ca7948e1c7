// Bundles JavaScript with esbuild, for the page (www/app.bundle.js) and the single-file build.
//
// www/ keeps its scripts as ES modules (the element, the analyser, wasm-bindgen's glue), which is
// how embedders and the npm package use them. The page itself loads them as one file: each module
// of a graph is its own fetch-and-compile task, the browser runs those after its first layout, and
// the graph is five imports deep, so the page's code started ~50 ms later than one file's does.
// First analysis of a 5,000-word article, medians of 15 fresh loads: 214 -> 198 ms (217 -> 182 in
// a copy instrumented with marks).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `entry` and everything it imports as one script's text (`format`: 'esm' or 'iife'; `plugins`:
 * esbuild's, as bench/page-ready.mjs uses to swap a module). */
export async function bundle(entry, { format = 'esm', minify = true, plugins = [] } = {}) {
  // Paths relative to the repository, wherever the build runs from: they head each module's part.
  const result = await build({ entryPoints: [entry], bundle: true, format, minify, write: false, target: 'chrome110', logLevel: 'error', absWorkingDir: root, plugins });
  return result.outputFiles[0].text;
}

/** Writes www/app.bundle.js, the page's one script, from www/app.js. Not minified: it is what a
 * reader of the page's source sees, and gzip takes most of what minifying would. */
export async function bundlePage(out = path.join(root, 'www', 'app.bundle.js')) {
  const banner = '// Built by scripts/build.mjs from www/app.js and the modules it imports; edit those, not this.\n';
  writeFileSync(out, banner + (await bundle(path.join(root, 'www', 'app.js'), { minify: false })));
  console.log(`${path.relative(root, out)}: the page's modules as one file`);
  return out;
}
