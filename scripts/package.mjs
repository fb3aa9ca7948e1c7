// Assembles the npm package in dist/npm from wasm-pack's package (www/pkg: the analyser, its
// TypeScript types and package.json) and the <news-entities> element with its modules and types.
// Usage: node scripts/package.mjs (after build.mjs); then `npm pack dist/npm`.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const www = path.join(root, 'www');

/** The element and what it imports, each with its .d.ts where it has a public API. */
const MODULES = ['news-entities.js', 'news-entities.d.ts', 'element-style.js', 'render.js', 'describe.js', 'explain.js', 'dates-panel.js', 'timeline-axis.js', 'corrections.js', 'analyser.js', 'after-frame.js', 'worker.js', 'exports.js', 'exports.d.ts'];

export function buildPackage(out = path.join(root, 'dist', 'npm')) {
  const wasmPack = JSON.parse(readFileSync(path.join(www, 'pkg/package.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'pkg'), { recursive: true });
  for (const file of wasmPack.files) cpSync(path.join(www, 'pkg', file), path.join(out, 'pkg', file), { recursive: true });
  for (const file of MODULES) cpSync(path.join(www, file), path.join(out, file));
  const pkg = (file) => `./pkg/${file}`;
  const manifest = {
    name: wasmPack.name,
    version: wasmPack.version,
    description: wasmPack.description,
    license: wasmPack.license,
    type: 'module',
    main: pkg(wasmPack.main),
    types: pkg(wasmPack.types),
    exports: {
      '.': { types: pkg(wasmPack.types), default: pkg(wasmPack.main) },
      './news-entities': { types: './news-entities.d.ts', default: './news-entities.js' },
      './exports': { types: './exports.d.ts', default: './exports.js' },
      './dateline_bg.wasm': pkg('dateline_bg.wasm'),
    },
    files: [...wasmPack.files.map((f) => `pkg/${f}`), ...MODULES, 'README.md'],
    sideEffects: ['./news-entities.js'],
  };
  writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(out, 'README.md'), README);
  console.log(`${path.relative(root, out)}: npm package ${manifest.name}@${manifest.version}`);
  return out;
}

const README = `# dateline

Entities, dates and a timeline of a news article, in the browser, with no server.

\`\`\`js
import init, { analyse } from 'dateline';
await init();                       // fetches dateline_bg.wasm beside the module
const analysis = analyse(text, { referenceDate: '2023-05-20' });  // typed: Analysis
\`\`\`

\`\`\`html
<script type="module" src="node_modules/dateline/news-entities.js"></script>
<news-entities reference-date="2023-05-20">BEIJING, May 20 (Xinhua) -- ...</news-entities>
\`\`\`

Exports as JSON, CSV and TimelineJS: \`import { entitiesCSV, timelineJS } from 'dateline/exports'\`.
`;

if (process.argv[1] === fileURLToPath(import.meta.url)) buildPackage();
