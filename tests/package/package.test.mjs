// The npm package (dist/npm, built by scripts/build.mjs) as a consumer gets it: packed with
// `npm pack`, installed into an empty project, imported by Node, and type-checked by TypeScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, rmSync, existsSync } from 'node:fs';
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
