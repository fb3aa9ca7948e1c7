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
        // The last 1-7 bytes as one number from loads that may overlap (every byte lands in it):
        // copying a run-time length into a buffer is a call in WebAssembly, made for every key.
        let rest = chunks.remainder();
        let len = rest.len();
        let byte = |at: usize| u64::from(rest[at]);
        match len {
            0 => {}
            1..=3 => self.add(byte(0) | byte(len / 2) << 8 | byte(len - 1) << 16),
            _ => self.add(le32(rest, 0) | le32(rest, len - 4) << 32),
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
    // Read as two fixed-size loads that may overlap (an overlapping byte lands where it belongs
    // in both), not copied into a buffer: in WebAssembly a copy of a length known only at run
    // time is a call, and a loop over the bytes costs more than two loads.
    let len = word.len();
    let le16 = |at: usize| u64::from(u16::from_le_bytes([word[at], word[at + 1]]));
    let le64 = |at: usize| u64::from_le_bytes(word[at..at + 8].try_into().expect("8 bytes"));
    let (low, high) = match len {
        0 => (0, 0),
        1 => (u64::from(word[0]), 0),
        2..=3 => (le16(0) | le16(len - 2) << (8 * (len - 2)), 0),
        4..=7 => (le32(word, 0) | le32(word, len - 4) << (8 * (len - 4)), 0),
        8..=16 => (
            le64(0),
            if len == 8 {
                0
            } else {
                le64(len - 8) >> (8 * (16 - len))
            },
        ),
        _ => return None,
    };
    Some((ascii_lowercase(low), ascii_lowercase(high)))
}

/// The four bytes of `bytes` at `at`, little-endian: one load, where the packing and hashing
/// above read a word in a few fixed-size pieces that may overlap.
fn le32(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        bytes[at..at + 4].try_into().expect("4 bytes"),
    ))
}

/// [`packed`] of an ASCII word: then, and only then, a word packs to its lower-case key (Unicode
/// lower-casing of other words is not byte by byte).
pub fn packed_ascii(word: &str) -> Option<(u64, u64)> {
    Some(word)
        .filter(|w| w.is_ascii())
        .and_then(|w| packed(w.as_bytes()))
}

/// `x` with each byte lower-cased as [`u8::to_ascii_lowercase`] would, eight at once: a word is
/// packed for most lookups of the analysis, and a loop over its bytes cost a twentieth of it.
fn ascii_lowercase(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let low_bits = x & !HIGH;
    // The high bit of each byte's seven low bits plus these is set from 'A' on, and from past 'Z'.
    let from_a = low_bits + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low_bits + (0x7f - u64::from(b'Z')) * ONES;
    let upper = (from_a ^ past_z) & !x & HIGH;
    x | (upper >> 2)
}

/// The first byte (ASCII lower-cased) and length of every word of a set, as bits: a quick test
/// that turns away most words asked about before they are packed or hashed (most words of a text
/// are in none of the analyser's lists). Lengths from 31 on share one bit.
#[derive(Clone)]
pub struct WordShapes([u32; 256]);

impl WordShapes {
    pub const fn new() -> WordShapes {
        WordShapes([0; 256])
    }

    /// Records the shape of `word` (not empty).
    pub fn add(&mut self, word: &[u8]) {
        // Under both cases of its first byte, so that asking costs no case mapping.
        for first in [word[0].to_ascii_lowercase(), word[0].to_ascii_uppercase()] {
            self.0[usize::from(first)] |= Self::length_bit(word);
        }
    }

    /// False when no word added has the shape of `word` (not empty); true says only "maybe".
    pub fn may_hold(&self, word: &[u8]) -> bool {
        self.0[usize::from(word[0])] & Self::length_bit(word) != 0
    }

    fn length_bit(word: &[u8]) -> u32 {
        1 << word.len().min(31)
    }
}

impl Default for WordShapes {
    fn default() -> WordShapes {
        WordShapes::new()
    }
}

/// A set of lower-case words as one bit each of 131,072 (a Bloom filter with one hash): a test
/// of a few cycles that turns away nearly every word of a text not in a list of a few thousand,
/// where a hash map probe per word would cost a tenth of the analysis. True says only "maybe".
#[derive(Clone)]
pub struct WordBits(Box<[u64; 2048]>);

impl WordBits {
    pub fn new() -> WordBits {
        WordBits(Box::new([0; 2048]))
    }

    pub fn add(&mut self, word: &[u8]) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub fn may_hold(&self, word: &[u8]) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn bit(word: &[u8]) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in word {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        // FNV's last bytes reach only the low bits: mixed, so that the top ones tell words apart.
        (((h ^ (h >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 47) as usize
    }
}

impl Default for WordBits {
    fn default() -> WordBits {
        WordBits::new()
    }
}

/// The entries of a word-list data file: one a line, blank lines and `#` comments skipped.
pub fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A word list kept in a data file and compared as written (case matters): read into a list
/// the first time it is asked for.
pub struct WordList {
    text: &'static str,
    words: OnceLock<Vec<&'static str>>,
}

impl WordList {
    pub const fn of_lines(text: &'static str) -> WordList {
        WordList {
            text,
            words: OnceLock::new(),
        }
    }

    pub fn words(&self) -> &[&'static str] {
        self.words.get_or_init(|| lines(self.text).collect())
    }

    /// Whether `word` is listed, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.words().contains(&word)
    }
}

/// A fixed list of short words, asked about in any ASCII case: one hash probe of the packed word
/// instead of a comparison with each listed word (lists of a hundred words are asked about for
/// most capitalised words of an article).
pub struct WordSet {
    words: Words,
    /// The packed words, and their shapes: most words asked about are turned away by shape.
    packed: OnceLock<(FastSet<(u64, u64)>, WordShapes)>,
}

/// Where a [`WordSet`]'s words are: a list in code, or a data file's lines.
enum Words {
    List(&'static [&'static str]),
    Lines(&'static str),
}

impl WordSet {
    /// `words` must be at most 16 bytes long each (checked when first asked).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words: Words::List(words),
            packed: OnceLock::new(),
        }
    }

    /// The words of a data file, one a line ([`lines`]).
    pub const fn of_lines(text: &'static str) -> WordSet {
        WordSet {
            words: Words::Lines(text),
            packed: OnceLock::new(),
        }
    }

    /// Whether `word` is listed, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        let (set, shapes) = self.packed.get_or_init(|| {
            let mut shapes = WordShapes::new();
            let listed: Vec<&str> = match self.words {
                Words::List(words) => words.to_vec(),
                Words::Lines(text) => lines(text).collect(),
            };
            let set = listed
                .iter()
                .map(|w| {
                    shapes.add(w.as_bytes());
                    packed(w.as_bytes()).expect("listed words are at most 16 bytes")
                })
                .collect();
            (set, shapes)
        });
        !word.is_empty()
            && shapes.may_hold(word.as_bytes())
            && packed(word.as_bytes()).is_some_and(|key| set.contains(&key))
    }
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn word_shapes_hold_words_of_their_shape() {
        use crate::hash::WordShapes;
        let mut shapes = WordShapes::new();
        shapes.add(b"Will");
        assert!(shapes.may_hold(b"will") && shapes.may_hold(b"wALL") && !shapes.may_hold(b"wills"));
    }

    /// The example its doc comment once gave, run.
    #[test]
    fn word_sets_ignore_ascii_case() {
        use crate::hash::WordSet;
        static HEADS: WordSet = WordSet::new(&["ministry", "bank"]);
        assert!(HEADS.contains("Ministry") && HEADS.contains("BANK") && !HEADS.contains("banks"));
    }

    use super::*;

    #[test]
    fn packing_lowercases_as_the_byte_method_does() {
        for b in 0..=255u8 {
            let word = [b, b'a', b, b'Z', 0xC3, b, b'@', b'[', b, b'`', b'{', b];
            let expected: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
            let (low, high) = packed(&word).unwrap();
            let mut got = low.to_le_bytes().to_vec();
            got.extend(high.to_le_bytes());
            assert_eq!(got[..word.len()], expected[..], "byte {b}");
            assert!(got[word.len()..].iter().all(|&b| b == 0));
        }
        assert_eq!(packed(&[b'a'; 17]), None);
    }

    #[test]
    fn packing_places_every_byte_of_every_length() {
        let bytes: Vec<u8> = (1..=16).map(|i| b'@' + i).collect(); // 'A'.. and beyond 'Z'
        for len in 0..=16 {
            let word = &bytes[..len];
            let mut expected = [0u64; 2];
            for (i, &b) in word.iter().enumerate() {
                expected[i / 8] |= u64::from(b.to_ascii_lowercase()) << (8 * (i % 8));
            }
            assert_eq!(
                packed(word),
                Some((expected[0], expected[1])),
                "length {len}"
            );
        }
    }

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
