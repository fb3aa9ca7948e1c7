//! A fast hash for the analyser's maps, whose keys are short words and phrases.
//!
//! The standard library's SipHash resists chosen-key flooding only with random keys, and the
//! browser build has no randomness to key it with (wasm32-unknown-unknown hashes with fixed
//! keys), so it bought no safety there while costing a tenth of the analysis. This is the
//! multiply-rotate hash of Firefox and rustc ("FxHash"), over 8 bytes at a time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// A map with room for `capacity` entries.
pub fn map_with_capacity<K, V>(capacity: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(capacity, Default::default())
}

#[derive(Clone, Copy, Default)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A word of at most 16 bytes, ASCII letters lower-cased, as the two integers of its bytes padded
/// with zeros; `None` for a longer word. Two words pack alike exactly when they are equal but for
/// ASCII case (words hold no zero bytes), and tables keyed by these compare numbers, not bytes.
pub fn packed(word: &[u8]) -> Option<(u64, u64)> {
    if word.len() > 16 {
        return None;
    }
    let mut halves = [0u64; 2];
    for (i, &b) in word.iter().enumerate() {
        halves[i / 8] |= u64::from(b.to_ascii_lowercase()) << (8 * (i % 8));
    }
    Some((halves[0], halves[1]))
}

/// A fixed list of short words, asked about in any ASCII case: one hash probe of the packed word
/// instead of a comparison with each listed word (lists of a hundred words are asked about for
/// most capitalised words of an article).
///
/// ```
/// use dateline::hash::WordSet;
/// static HEADS: WordSet = WordSet::new(&["ministry", "bank"]);
/// assert!(HEADS.contains("Ministry") && HEADS.contains("BANK") && !HEADS.contains("banks"));
/// ```
pub struct WordSet {
    words: &'static [&'static str],
    packed: OnceLock<FastSet<(u64, u64)>>,
}

impl WordSet {
    /// `words` must be at most 16 bytes long each (checked when first asked).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            packed: OnceLock::new(),
        }
    }

    /// Whether `word` is listed, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        let set = self.packed.get_or_init(|| {
            self.words
                .iter()
                .map(|w| packed(w.as_bytes()).expect("listed words are at most 16 bytes"))
                .collect()
        });
        packed(word.as_bytes()).is_some_and(|key| set.contains(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike_and_maps_work() {
        let mut map: FastMap<String, usize> = map_with_capacity(4);
        map.insert("kyrgyzstan".into(), 1);
        map.insert("kyrgyz republic".into(), 2);
        assert_eq!(map.get("kyrgyzstan"), Some(&1));
        assert_eq!(map.get("kyrgyz republic"), Some(&2));
        assert_eq!(map.get("kyrgyz"), None);
    }
}
