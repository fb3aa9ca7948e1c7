// The npm package (dist/npm, built by scripts/build.mjs) as a consumer gets it: packed with
// `npm pack`, installed into an empty project, imported by Node, and type-checked by TypeScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let project;

before(() => {
  assert.ok(existsSync(path.join(root, 'dist/npm/package.json')), 'dist/npm is missing: run node scripts/build.mjs first');
  project = mkdtempSync(path.join(tmpdir(), 'dateline-consumer-'));
  const tarball = execFileSync('npm', ['pack', path.join(root, 'dist/npm'), '--pack-destination', project, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: project });
});

after(() => rmSync(project, { recursive: true, force: true }));

test('Node imports the installed package and analyses an article', () => {
  writeFileSync(path.join(project, 'consumer.mjs'), `
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    import { initSync, analyse } from 'dateline';
    import { entitiesCSV } from 'dateline/exports';
    initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('dateline/dateline_bg.wasm'))) });
    const result = analyse('BEIJING, May 20 (Xinhua) -- Xi Jinping met Li Qiang on Friday.', { today: '2023-06-01' });
    console.log(JSON.stringify({ reference: result.reference_date.value, names: result.entities.map((e) => e.name), csv: entitiesCSV(result).split('\\r\\n')[0] }));
  `);
  const output = JSON.parse(execFileSync(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' }));
  assert.equal(output.reference, '2023-05-20');
  assert.ok(output.names.includes('Xi Jinping') && output.names.includes('Li Qiang'), output.names.join(', '));
  assert.equal(output.csv, 'id,type,name,aliases,count');
});

test('the types describe the JSON contract and the element (tsc --strict)', () => {
  copyFileSync(path.join(root, 'tests/package/usage.ts'), path.join(project, 'usage.ts'));
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
      '--lib', 'es2022,dom,dom.iterable', '--skipLibCheck', 'false', 'usage.ts'], { cwd: project, encoding: 'utf8' });
  } catch (error) {
    assert.fail(`TypeScript rejected the consumer:\n${error.stdout}${error.stderr}`);
  }
});

/** Articles whose analyses fill every field of the contract, each nullable one non-null somewhere. */
function contractInputs() {
  const golden = path.join(root, 'tests/golden');
  const articles = readdirSync(golden).filter((f) => f.endsWith('.txt')).map((f) => [readFileSync(path.join(golden, f), 'utf8'), {}]);
  return [
    ...articles,
    ['Talks resume\nTwo sides meet again after a year\nBy Ann Lee\nPublished 21/06/2025\nNAIROBI, Kenya (AP) — Kenya and Uganda met on 03/04/2025.\nReporting by Tolu Adebanjo; Editing by Helen Marsh\nRelated:\nShare this:', {}],
    ['Xi Jinping met Li Qiang on Friday.', { referenceDate: '2023-05-20' }],
    ['', {}],
  ];
}

/** Every path (`structure.dateline.agency`) whose value is null in some analysis and not in another. */
function nullCoverage(analyses) {
  const seen = new Map(); // path -> [null seen, non-null seen]
  const walk = (value, at) => {
    const entry = seen.get(at) ?? [false, false];
    entry[value === null ? 0 : 1] = true;
    seen.set(at, entry);
    if (Array.isArray(value)) value.forEach((v) => walk(v, `${at}[]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  analyses.forEach((a) => walk(a, ''));
  return seen;
}

test('the TypeScript types accept exactly what analyse returns (tsc --strict, object literals)', () => {
  // Each analysis is written out as an object literal of type Analysis: TypeScript then rejects a
  // field the types lack (excess property check), a field they declare that is missing, and a
  // value outside a declared union ("PERSON" | ...).
  writeFileSync(path.join(project, 'inputs.json'), JSON.stringify(contractInputs()));
  writeFileSync(path.join(project, 'analyses.mjs'), `
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    import { initSync, analyse } from 'dateline';
    initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('dateline/dateline_bg.wasm'))) });
    const inputs = JSON.parse(readFileSync('inputs.json', 'utf8'));
    console.log(JSON.stringify(inputs.map(([text, options]) => analyse(text, { today: '2026-12-05', ...options }))));
  `);
  const analyses = JSON.parse(execFileSync(process.execPath, ['analyses.mjs'], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 26 }));
  const coverage = nullCoverage(analyses);
  for (const [at, [wasNull, wasSet]] of coverage) {
    if (wasNull) assert.ok(wasSet, `${at} is null in every analysis: add an input that fills it`);
  }
  const literals = analyses.map((a) => JSON.stringify(a, null, 1)).join(',\n');
  writeFileSync(path.join(project, 'contract.ts'), `import type { Analysis } from 'dateline';\nexport const analyses: Analysis[] = [\n${literals}\n];\n`);
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
      '--lib', 'es2022,dom', 'contract.ts'], { cwd: project, encoding: 'utf8' });
  } catch (error) {
    assert.fail(`the types do not describe what analyse returned:\n${error.stdout}${error.stderr}`);
  }

  // The README's table of the contract names the same fields: its rows are the top-level fields,
  // and each row that spells a shape ("[{start, end, text}]", "{value, source}") lists its fields.
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The JSON contract'), readme.indexOf('\n## ', readme.indexOf('## The JSON contract') + 3));
  const rows = [...section.matchAll(/^\| `(\w+)` \| (.*) \|$/gm)].map(([, field, what]) => [field, what]);
  const full = analyses.find((a) => a.mentions.length && a.timeline.length && a.reference_date && a.ignored.length && a.dates.length);
  assert.ok(full, 'one analysis fills every list');
  assert.deepEqual(rows.map(([field]) => field).sort(), Object.keys(full).sort(), 'README rows are the top-level fields');
  for (const [field, what] of rows) {
    const shape = what.match(/^`\[?\{([\w, ]+)\}\]?`/);
    if (!shape) continue;
    const value = Array.isArray(full[field]) ? full[field][0] : full[field];
    assert.deepEqual(shape[1].split(', ').sort(), Object.keys(value).sort(), `README's shape of ${field}`);
  }
});
