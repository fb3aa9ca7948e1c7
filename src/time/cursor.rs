//! The byte tests time expressions are written in. Every test is ASCII, so every position a test
//! returns lies on a `char` boundary of the text, whatever script surrounds it.
//!
//! Each test takes a position and returns the position after what it matched, or `None`; forms
//! chain them with `?`. Nothing backtracks further than a form spells out, so a scan is linear in
//! the text (a regex engine gives the same guarantee, but costs its compile time and its bytes).

use crate::bytes::{is_one_of, next_where, HIGH_BITS, ONES};

/// ASCII letters, digits and `_`: what `\b` separates.
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// [`is_word_byte`] as a table: it is asked of every byte of the text.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// ASCII white space, as `\s` in a `(?-u)` regex (vertical tab included).
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The length in bytes of the non-breaking or narrow space `bytes` start with, else 0: U+00A0,
/// U+2007 (figure), U+2009 (thin) and U+202F (narrow no-break), which word processors and
/// sites put inside dates and times.
pub fn non_breaking_space_len(bytes: &[u8]) -> usize {
    match bytes {
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0x87 | 0x89 | 0xAF, ..] => 3,
        _ => 0,
    }
}

/// [`is_word_byte`] of eight bytes at once (read little-endian): the high bit of each word byte
/// set. Words are read a byte at a time otherwise, and the time scan reads every byte of every
/// sentence; these are exact per byte (no carry crosses from one byte into the next).
fn word_bytes(eight: u64) -> u64 {
    let ascii = !eight & HIGH_BITS;
    let low = eight & !HIGH_BITS;
    // `byte in lo..=hi`, for bytes under 0x80: at least lo, and not past hi.
    let within = |value: u64, lo: u8, hi: u8| {
        let from_lo = value + (0x80 - u64::from(lo)) * ONES;
        let past_hi = value + (0x7f - u64::from(hi)) * ONES;
        from_lo & !past_hi & HIGH_BITS
    };
    let letter = within(low | (0x20 * ONES), b'a', b'z'); // 0x20 makes capitals small
    let digit = within(low, b'0', b'9');
    let underscore = !((low ^ (u64::from(b'_') * ONES)) + 0x7f * ONES) & HIGH_BITS;
    (letter | digit | underscore) & ascii
}

#[derive(Clone, Copy)]
pub struct Cursor<'a> {
    pub text: &'a str,
    bytes: &'a [u8],
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            bytes: text.as_bytes(),
        }
    }

    pub fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    pub fn is_word_at(&self, at: usize) -> bool {
        self.byte(at).is_some_and(is_word_byte)
    }

    /// `\b`: a word byte on one side of `at` and none on the other.
    pub fn boundary(&self, at: usize) -> bool {
        (at > 0 && self.is_word_at(at - 1)) != self.is_word_at(at)
    }

    /// Every whole word (letters, digits, `_`) with where it starts, in one pass over the bytes.
    pub fn words(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        let bytes = self.bytes;
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = next_where(bytes, at, word_bytes, is_word_byte)?;
            at = self.word_end(start);
            Some((start, &self.text[start..at]))
        })
    }

    /// The whole word starting at `at` (empty if none does).
    pub fn word(&self, at: usize) -> &'a str {
        if at >= self.bytes.len() {
            return "";
        }
        &self.text[at..self.word_end(at)]
    }

    /// Where the word bytes from `at` on end (`at` itself if there are none).
    fn word_end(&self, at: usize) -> usize {
        let not_word = |eight| !word_bytes(eight) & HIGH_BITS;
        next_where(self.bytes, at, not_word, |b| !is_word_byte(b)).unwrap_or(self.bytes.len())
    }

    /// The whole word at `at` if it is one of `words`, as (index in `words`, end).
    #[inline(never)] // shared by the forms: see `forms!` in recognise.rs
    pub fn word_in(&self, at: usize, words: &[&str], any_case: bool) -> Option<(usize, usize)> {
        let word = self.word(at);
        words
            .iter()
            .position(|w| {
                if any_case {
                    w.eq_ignore_ascii_case(word)
                } else {
                    *w == word
                }
            })
            .map(|index| (index, at + word.len()))
    }

    /// The end of the digits starting at `at`.
    pub fn digits_end(&self, at: usize) -> usize {
        at + self.bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    }

    /// The end of the number at `at` written with thousands separators ("3,000", "1,000,000"):
    /// one to three digits, then groups of a comma and three digits. Else [`Cursor::digits_end`].
    pub fn grouped_digits_end(&self, at: usize) -> usize {
        let mut end = self.digits_end(at);
        if !(1..=3).contains(&(end - at)) {
            return end;
        }
        while self.byte(end) == Some(b',') && self.digits_end(end + 1) == end + 4 {
            end += 4;
        }
        end
    }

    /// The end of the (possibly empty) run of white space at `at`: ASCII, and the spaces that
    /// keep "May 20" or "10:30 a.m." on one line ([`non_breaking_space_len`]).
    pub fn spaces(&self, at: usize) -> usize {
        self.spaces_or(at, b' ')
    }

    /// The end of the (possibly empty) run of white space and `also` bytes at `at`: `[\s-]*`.
    pub fn spaces_or(&self, at: usize, also: u8) -> usize {
        let mut end = at;
        while let Some(&b) = self.bytes.get(end) {
            end += if b == also || is_space_byte(b) {
                1
            } else {
                match non_breaking_space_len(&self.bytes[end..]) {
                    0 => break,
                    n => n,
                }
            };
        }
        end
    }

    /// At least one white-space byte.
    pub fn space(&self, at: usize) -> Option<usize> {
        let end = self.spaces(at);
        (end > at).then_some(end)
    }

    /// `literal` exactly, or in any case.
    pub fn literal(&self, at: usize, literal: &str, any_case: bool) -> Option<usize> {
        let found = self.bytes.get(at..at + literal.len())?;
        let same = if any_case {
            found.eq_ignore_ascii_case(literal.as_bytes())
        } else {
            found == literal.as_bytes()
        };
        same.then_some(at + literal.len())
    }

    /// `literal` and then `\b`.
    pub fn phrase(&self, at: usize, literal: &str, any_case: bool) -> Option<usize> {
        self.literal(at, literal, any_case)
            .filter(|&end| self.boundary(end))
    }

    /// `literal` if it is there, else stay.
    pub fn optional(&self, at: usize, literal: &str) -> usize {
        self.literal(at, literal, false).unwrap_or(at)
    }

    /// One of the bytes in `set`.
    pub fn one_of(&self, at: usize, set: &[u8]) -> Option<usize> {
        self.byte(at).filter(|&b| is_one_of(b, set)).map(|_| at + 1)
    }

    /// `word` followed by white space ("the ", "of "), if it is there, else stay.
    pub fn optional_word(&self, at: usize, word: &str, any_case: bool) -> usize {
        self.literal(at, word, any_case)
            .and_then(|end| self.space(end))
            .unwrap_or(at)
    }

    /// A number of one or two digits, the first of two in `first` (`[0-3]?[0-9]` is `b'0'..=b'3'`),
    /// not followed by another digit.
    #[inline(never)] // shared by the forms: see `forms!` in recognise.rs
    pub fn short_number(
        &self,
        at: usize,
        first: std::ops::RangeInclusive<u8>,
    ) -> Option<(u32, usize)> {
        let end = self.digits_end(at);
        let digits = &self.bytes[at.min(end)..end];
        let fits = match digits {
            [_] => true,
            [a, _] => first.contains(a),
            _ => false,
        };
        fits.then(|| (self.text[at..end].parse().unwrap_or(0), end))
    }

    /// Exactly `count` digits, the first one in `first`, as a number.
    pub fn fixed_digits(&self, at: usize, count: usize, first: &[u8]) -> Option<(u32, usize)> {
        let digits = self.bytes.get(at..at + count)?;
        (digits.iter().all(u8::is_ascii_digit) && is_one_of(digits[0], first))
            .then(|| (self.text[at..at + count].parse().unwrap_or(0), at + count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_boundaries_are_ascii() {
        let c = Cursor::new("Ürümqi, May 20th");
        let starts: Vec<&str> = c
            .words()
            .map(|(at, word)| {
                assert_eq!(c.word(at), word);
                word
            })
            .collect();
        // "Ü" and "ü" are not ASCII word bytes, as in a `(?-u)` regex.
        assert_eq!(starts, ["r", "mqi", "May", "20th"]);
        assert_eq!(c.word_in(10, &["may"], true), Some((0, 13)));
        assert_eq!(c.word_in(10, &["may"], false), None);
    }

    #[test]
    fn eight_bytes_at_a_time_class_each_byte_as_the_table_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                // Every byte in every place, among neighbours that tempt a carry or a borrow.
                for around in [0u8, b'_', b'z', b'0' - 1, b'9' + 1, 0x7f, 0x80, 0xff] {
                    let mut eight = [around; 8];
                    eight[at] = b;
                    let mask = word_bytes(u64::from_le_bytes(eight));
                    for (i, &byte) in eight.iter().enumerate() {
                        let bit = mask >> (8 * i + 7) & 1 == 1;
                        assert_eq!(bit, is_word_byte(byte), "{eight:?} at {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn words_are_found_wherever_they_stand() {
        let pieces = ["Ab", "_", "9", " ", "-", "é", "\n", "xyz12", ".", "ü_ü"];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..seed % 12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            let bytes = text.as_bytes();
            let mut expected = Vec::new();
            let mut at = 0;
            while let Some(n) = bytes[at..].iter().position(|&b| is_word_byte(b)) {
                let start = at + n;
                let len = bytes[start..]
                    .iter()
                    .take_while(|&&b| is_word_byte(b))
                    .count();
                expected.push((start, &text[start..start + len]));
                at = start + len;
            }
            let c = Cursor::new(&text);
            assert_eq!(c.words().collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn thousands_separators_join_a_number() {
        let c = Cursor::new("3,000 1,000,000 2019,500 12,34 5, 300");
        let ends: Vec<usize> = [0, 6, 16, 25, 31]
            .iter()
            .map(|&at| c.grouped_digits_end(at))
            .collect();
        assert_eq!(ends, [5, 15, 20, 27, 32]);
    }

    #[test]
    fn short_numbers_take_the_whole_digit_run() {
        let c = Cursor::new("5 31 45 123");
        assert_eq!(c.short_number(0, b'0'..=b'3'), Some((5, 1)));
        assert_eq!(c.short_number(2, b'0'..=b'3'), Some((31, 4)));
        assert_eq!(c.short_number(5, b'0'..=b'3'), None);
        assert_eq!(c.short_number(8, b'0'..=b'9'), None);
    }
}
