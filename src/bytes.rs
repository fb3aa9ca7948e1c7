//! Searching bytes eight at a time: the text's lines, sentence stops and words are found by
//! testing eight bytes (read as one little-endian `u64`) with a few integer operations instead of
//! one byte per loop turn, which costs most in WebAssembly.

/// The high bit of each of eight bytes.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// One in each of eight bytes.
pub const ONES: u64 = 0x0101_0101_0101_0101;

/// The first byte at or after `from` that `is`. `in_eight` gives, of eight bytes read
/// little-endian, a high bit set in each that `is`: exact for the first such byte, any above it
/// may be set too (the zero-byte test's borrow). The last few bytes are read one at a time.
pub fn next_where(
    bytes: &[u8],
    from: usize,
    in_eight: impl Fn(u64) -> u64,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let found = in_eight(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| is(b)).map(|n| at + n)
}

/// The first byte at or after `from` that is one of `set`: [`next_where`] with [`among`].
pub fn next_of<const N: usize>(bytes: &[u8], from: usize, set: [u8; N]) -> Option<usize> {
    next_where(
        bytes,
        from,
        |eight| among(eight, set),
        |b| is_one_of(b, &set),
    )
}

/// Whether `b` is in the short `set`. Not `set.contains(&b)`: for bytes that is a memchr call,
/// dear in WebAssembly for sets of two or three.
#[allow(clippy::manual_contains)] // on purpose: see above
pub fn is_one_of(b: u8, set: &[u8]) -> bool {
    set.iter().any(|&s| s == b)
}

/// The high bits of the bytes of `eight` that are one of `bytes` (the zero-byte test on their
/// differences, joined before the one branch a search makes): exact for the first such byte.
pub fn among<const N: usize>(eight: u64, bytes: [u8; N]) -> u64 {
    let zero_bytes = bytes.map(|b| {
        let diff = eight ^ (ONES * u64::from(b));
        diff.wrapping_sub(ONES) & !diff
    });
    zero_bytes.into_iter().fold(0, |any, z| any | z) & HIGH_BITS
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn next_where_finds_each_stop() {
        use crate::bytes::{among, next_where};
        let text = b"Talks began. Both sides agreed!";
        let stop = |b: u8| matches!(b, b'.' | b'!');
        assert_eq!(
            next_where(text, 0, |eight| among(eight, *b".!"), stop),
            Some(11)
        );
        assert_eq!(
            next_where(text, 12, |eight| among(eight, *b".!"), stop),
            Some(30)
        );
        assert_eq!(
            next_where(text, 31, |eight| among(eight, *b".!"), stop),
            None
        );
    }

    /// The example its doc comment once gave, run.
    #[test]
    fn next_of_finds_the_next_listed_byte() {
        use crate::bytes::next_of;
        assert_eq!(
            next_of(b"Talks began. Both sides agreed!", 12, *b".!?"),
            Some(30)
        );
    }
}
