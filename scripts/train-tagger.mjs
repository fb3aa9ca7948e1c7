// Trains the entity tagger (src/entities/tagger/): writes the training documents as JSON lines
// (target/tagger/train.jsonl), then runs the Rust trainer, which writes the shipped weights,
// data/tagger/model.bin (seeded: the same corpora give the same bytes). Build again to ship them.
// Usage: node scripts/train-tagger.mjs [--dev] [--out FILE] [--buckets N] [--epochs N] [--runs N]
//   --dev: train without the development fold (scripts/eval/split.mjs) into target/tagger/dev.bin,
//          the model `node scripts/evaluate.mjs dev` scores on that fold
//   --out FILE: write a model to try instead (evaluate.mjs scores target/tagger/model.bin as '+tagger';
//               `analyse --tagger FILE` uses any)
//
// Training data: names-only gold, the conventions our output follows (licences in each
// ../shared/corpora/*/SOURCE.md): UNER English-EWT dev (CC BY-SA 4.0: the weights are adapted
// material under that licence, see data/tagger/LICENSE.md), and the parts of wikigold (CC BY 4.0),
// GUM (annotations CC BY 4.0) and MEANTIME (CC BY 4.0) that evaluate.mjs does not hold out. Never
// a test split: UNER's test file and the held-out quarters are only ever scored.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readUner, readWikigold, readGumNames, readMeantimeNames, requireCorpus } from './eval/corpora.mjs';
import { training, trainingWithoutDevelopment, withoutDevelopment } from './eval/split.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpora = path.join(root, '..', 'shared', 'corpora') + path.sep;
requireCorpus(corpora);

const args = process.argv.slice(2);
const devAt = args.indexOf('--dev');
if (devAt >= 0) args.splice(devAt, 1);
const learnt = devAt >= 0 ? trainingWithoutDevelopment : training;
// UNER's dev file is training data whole (its test file is the held-out part).
const unerLearnt = devAt >= 0 ? withoutDevelopment : (docs) => docs;
const sets = {
  uner: unerLearnt(readUner(`${corpora}uner-en-ewt/en_ewt-ud-dev.iob2`)),
  wikigold: learnt(readWikigold(`${corpora}wikigold/wikigold.conll.txt`)),
  gum: learnt(readGumNames(`${corpora}gum-conllu`)),
  meantime: learnt(readMeantimeNames(`${corpora}meantime-en/intra-doc_annotation`)),
};

const lines = [];
for (const [corpus, docs] of Object.entries(sets)) {
  console.log(`${corpus}: ${docs.length} documents train the tagger`);
  for (const d of docs) lines.push(JSON.stringify({ corpus, text: d.text, entities: d.entities }));
}
// The shipped model by default; --out FILE writes another (evaluate.mjs scores target/tagger/model.bin
// as '+tagger' beside the shipped one).
const outAt = args.indexOf('--out');
const output = outAt >= 0 ? path.resolve(args.splice(outAt, 2)[1])
  : devAt >= 0 ? path.join(root, 'target', 'tagger', 'dev.bin')
  : path.join(root, 'data', 'tagger', 'model.bin');
const out = path.join(root, 'target', 'tagger');
mkdirSync(out, { recursive: true });
const file = path.join(out, devAt >= 0 ? 'train-dev.jsonl' : 'train.jsonl');
writeFileSync(file, `${lines.join('\n')}\n`);
execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'train', '--', file, output, ...args], { cwd: root, stdio: 'inherit' });
