// Trains the entity tagger (src/entities/tagger.rs): writes the training documents (three
// quarters of each corpus, scripts/eval/split.mjs) as JSON lines, then runs the Rust trainer,
// which writes target/tagger/model.bin, read by `analyse --tagger` and by the evaluation; the
// page does not ship it. Usage: node scripts/train-tagger.mjs [--buckets N] [--epochs N]
//
// Training data (licences in each ../shared/corpora/*/SOURCE.md): MEANTIME (CC BY 4.0), GUM news (CC BY 4.0), and
// the re3d folders under public-domain, OGL v3, CC BY 3.0 AU and EU-reuse terms. re3d's BBC Online
// (non-commercial) and Wikipedia (share-alike) folders are left out of training.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readMeantime, readGum, readRe3d, requireCorpus } from './eval/corpora.mjs';
import { training } from './eval/split.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = path.join(root, '..', 'shared', 'corpora') + path.sep;
requireCorpus(corpora);

const EXCLUDED_RE3D = ['BBC Online/', 'Wikipedia/'];
const sets = {
  meantime: readMeantime(`${corpora}meantime-en/intra-doc_annotation`),
  gum: readGum(`${corpora}gum-news/dep`),
  re3d: readRe3d(`${corpora}re3d`).filter((d) => !EXCLUDED_RE3D.some((f) => d.id.startsWith(f))),
};

const lines = [];
for (const [corpus, docs] of Object.entries(sets)) {
  const chosen = training(docs);
  console.log(`${corpus}: ${chosen.length} of ${docs.length} documents train the tagger`);
  for (const d of chosen) lines.push(JSON.stringify({ corpus, text: d.text, entities: d.entities }));
}
const out = path.join(root, 'target', 'tagger');
mkdirSync(out, { recursive: true });
const file = path.join(out, 'train.jsonl');
writeFileSync(file, `${lines.join('\n')}\n`);
execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'train', '--', file, path.join(root, 'target', 'tagger', 'model.bin'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
