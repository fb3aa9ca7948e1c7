// Which documents train the entity tagger and which are held out to evaluate it: a quarter of each
// corpus, chosen by a hash of the document id (stable whatever the order files are read in).

/** FNV-1a of the id: 'test' for about one document in four, else 'train'. */
export function splitOf(id) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(id, 'utf8')) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h % 4 === 0 ? 'test' : 'train';
}

export const heldOut = (docs) => docs.filter((d) => splitOf(d.id) === 'test');
export const training = (docs) => docs.filter((d) => splitOf(d.id) === 'train');
