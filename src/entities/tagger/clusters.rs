//! Word clusters: which of 128 groups of words a common word belongs to, by the company it keeps
//! in newswire and Wikipedia (GloVe vectors, grouped by `scripts/generate-clusters.mjs`; sources
//! in `data/tagger/README.md`). A name the training corpora never held still reads like its
//! neighbours: "Tesla" like "Toyota" and "Ford", "Obama" like "Clinton".
//!
//! `data/tagger/clusters.bin`: "DLC1", then one byte a slot (0: no word, else the fine cluster),
//! a word's slot being its lower-case hash ([`lower_hash`](super::lower_hash)) masked; then the
//! coarse cluster of each fine one.

use std::sync::OnceLock;

const MAGIC: &[u8; 4] = b"DLC1";

/// The shipped clusters; empty (every word unknown) if the file is not in the expected form,
/// which the tests below rule out.
static TABLE: &[u8] = include_bytes!("../../../data/tagger/clusters.bin");

/// A word's cluster: fine (1..=128) and coarse (1..=16), or 0 and 0 for a word not among the
/// commonest (most names are not: that is a feature too).
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) struct Cluster {
    pub(crate) fine: u8,
    pub(crate) coarse: u8,
}

/// The cluster of the word whose [`lower_hash`](super::lower_hash) is `hash`.
pub(crate) fn cluster_of(hash: u32) -> Cluster {
    let (slots, coarse) = parts();
    let fine = slots
        .get(hash as usize & slots.len().wrapping_sub(1))
        .copied()
        .unwrap_or(0);
    Cluster {
        fine,
        coarse: coarse.get(usize::from(fine)).copied().unwrap_or(0),
    }
}

/// The table's slots (a power of two of them) and its coarse map, or two empty slices if it is
/// malformed: read once, not at every token the tagger looks up.
fn parts() -> (&'static [u8], &'static [u8]) {
    static PARTS: OnceLock<(&[u8], &[u8])> = OnceLock::new();
    *PARTS.get_or_init(|| match TABLE.strip_prefix(MAGIC) {
        Some([slot_bits @ 1..=24, fine, rest @ ..])
            if rest.len() == (1 << slot_bits) + usize::from(*fine) + 1 =>
        {
            rest.split_at(1 << slot_bits)
        }
        _ => (&[], &[]),
    })
}

#[cfg(test)]
mod tests {
    use super::super::lower_hash;
    use super::*;

    fn fine(word: &str) -> u8 {
        cluster_of(lower_hash(word)).fine
    }

    #[test]
    fn the_shipped_table_is_well_formed() {
        let (slots, coarse) = parts();
        assert!(slots.len().is_power_of_two());
        let most = *slots.iter().max().unwrap();
        assert!(most >= 32, "fine clusters go up to {most}");
        assert_eq!(
            coarse.len(),
            usize::from(most) + 1,
            "a coarse cluster for each fine one"
        );
        assert!(coarse[1..].iter().all(|&c| (1..=16).contains(&c)));
        let kept = slots.iter().filter(|&&s| s != 0).count();
        assert!(kept > 20_000, "only {kept} words have a cluster");
    }

    /// Words of one kind share clusters more often than words of different kinds; case does not
    /// matter (the slot is the lower-case hash's).
    #[test]
    fn words_of_a_kind_cluster_together() {
        for (a, b) in [
            ("Monday", "Thursday"),
            ("Toyota", "Ford"),
            ("london", "London"),
        ] {
            assert_ne!(fine(a), 0, "{a} has a cluster");
            assert_eq!(fine(a), fine(b), "{a} and {b}");
        }
        for (a, b) in [("Monday", "France"), ("said", "Italy")] {
            assert_ne!(fine(a), fine(b), "{a} and {b}");
        }
    }
}
