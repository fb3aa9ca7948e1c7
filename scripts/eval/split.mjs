// Which documents train the entity tagger and which are held out to evaluate it: a quarter of each
// corpus, chosen by a hash of the document id (stable whatever the order files are read in).
// Another quarter is the development fold: rules and features are tuned on it, with a model
// trained without it (node scripts/train-tagger.mjs --dev), never on the held-out quarter.

/** FNV-1a of the id. */
function hashOf(id) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(id, 'utf8')) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h;
}

/** 'test' for about one document in four, 'dev' for another, else 'train'. The shipped tagger
 * trains on 'dev' and 'train'. */
export function splitOf(id) {
  return ['test', 'dev', 'train', 'train'][hashOf(id) % 4];
}

export const heldOut = (docs) => docs.filter((d) => splitOf(d.id) === 'test');
/** Everything the shipped tagger learns from. */
export const training = (docs) => docs.filter((d) => splitOf(d.id) !== 'test');
/** The development fold, and what a model to tune against it learns from. */
export const development = (docs) => docs.filter((d) => splitOf(d.id) === 'dev');
export const trainingWithoutDevelopment = (docs) => docs.filter((d) => splitOf(d.id) === 'train');
export const withoutDevelopment = (docs) => docs.filter((d) => splitOf(d.id) !== 'dev');
