//! The text layer: the steps read the pasted text with its invisible differences evened out, and
//! every offset they report is mapped back onto the pasted text.
//!
//! What is evened out never changes what a reader sees: characters with no glyph inside words
//! (soft hyphens, zero-width spaces, direction marks, a byte-order mark) are dropped; a letter
//! followed by a combining accent becomes the one precomposed letter (NFC for Latin, Greek and
//! Cyrillic: a decomposed "José" is the "José" the gazetteer and the tagger know); and every line
//! break the Unicode standard names (a lone CR, form and line feeds, NEL, U+2028, U+2029) becomes
//! the newline that segmentation reads. Text with none of these (nearly all) is read as it is.

use std::sync::OnceLock;

/// The pasted text with its invisible differences evened out, and where it was changed.
pub(crate) struct Normalised {
    pub(crate) text: String,
    pub(crate) edits: Vec<Edit>,
}

/// A stretch of the normalised text (`start..end`, empty for a dropped character) that stands
/// for a longer one of the pasted text; `shift` is how many bytes later the pasted text runs
/// from the edit's end on (the sum over this edit and all before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    start: usize,
    end: usize,
    shift: usize,
}

/// What [`normalise`] does with a character.
enum Change {
    Keep,
    Drop,
    /// A line break other than "\n" or "\r\n", written as this.
    Break(&'static str),
    /// A combining mark, composed with the letter before it where Unicode does.
    Combine,
}

fn change(ch: char, next: Option<char>) -> Change {
    match ch {
        '\u{ad}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => Change::Drop,
        '\r' if next != Some('\n') => Change::Break("\n"),
        '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => Change::Break("\n"),
        '\u{2029}' => Change::Break("\n\n"),
        '\u{300}'..='\u{36f}' => Change::Combine,
        _ => Change::Keep,
    }
}

/// A combining mark of the blocks Latin, Greek and Cyrillic text uses (U+0300-U+036F and the
/// supplements): part of the word before it, whether or not it composes with its letter.
pub(crate) fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A character of a word, for every reader of words (tokens, tense): a letter or digit of any
/// script, or a combining mark. (The time scanner's words are ASCII, the forms it reads; see
/// `time/cursor.rs`.)
pub(crate) fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_combining_mark(ch)
}

/// Whether a byte can start a character [`change`] does not keep: most text has none, and is
/// then read without a copy.
const fn may_change(b: u8) -> bool {
    matches!(b, b'\r' | 0x0b | 0x0c | 0xc2 | 0xcc | 0xcd | 0xe2 | 0xef)
}

/// The text to analyse in place of `text`, or `None` when it is `text` itself.
pub(crate) fn normalise(text: &str) -> Option<Normalised> {
    let first = first_change(text)?;
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::new();
    let mut shift = 0;
    let mut copied = 0; // bytes of `text` before this are in `out` (or dropped)
    let mut at = first;
    while at < text.len() {
        if !may_change(text.as_bytes()[at]) {
            at += 1;
            continue;
        }
        let mut chars = text[at..].chars();
        let Some(ch) = chars.next() else { break };
        let after = at + ch.len_utf8();
        let written = match change(ch, chars.next()) {
            Change::Keep => None,
            Change::Drop => Some(""),
            Change::Break(newline) => Some(newline),
            Change::Combine => {
                out.push_str(&text[copied..at]);
                copied = at;
                if let Some(composed) = out.chars().next_back().and_then(|b| compose(b, ch)) {
                    let base = out.pop().expect("composed with a letter");
                    let start = out.len();
                    // Characters dropped between the letter and its mark are inside the composed
                    // letter now: this edit stands for them (`shift` counts them already), and
                    // the edits stay in order for the searches of `Positions`.
                    while edits.last().is_some_and(|e: &Edit| e.start >= start) {
                        edits.pop();
                    }
                    out.push(composed);
                    shift += base.len_utf8() + ch.len_utf8() - composed.len_utf8();
                    edits.push(Edit {
                        start,
                        end: out.len(),
                        shift,
                    });
                    copied = after;
                }
                None
            }
        };
        if let Some(written) = written {
            out.push_str(&text[copied..at]);
            let start = out.len();
            out.push_str(written);
            shift += ch.len_utf8() - written.len();
            edits.push(Edit {
                start,
                end: out.len(),
                shift,
            });
            copied = after;
        }
        at = after;
    }
    out.push_str(&text[copied..]);
    Some(Normalised { text: out, edits })
}

/// Where the first character [`normalise`] changes starts, if any does.
fn first_change(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| may_change(b)) {
        let start = at + found;
        let mut chars = text[start..].chars();
        let ch = chars.next()?;
        if !matches!(change(ch, chars.next()), Change::Keep) {
            return Some(start);
        }
        at = start + ch.len_utf8();
    }
    None
}

/// The letter `base` and the combining `mark` compose into, if any (Unicode's canonical
/// composition, from data/text/compositions.tsv).
fn compose(base: char, mark: char) -> Option<char> {
    static PAIRS: OnceLock<Vec<(char, char, char)>> = OnceLock::new();
    let pairs = PAIRS.get_or_init(|| {
        let code = |hex: &str| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        include_str!("../data/text/compositions.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t').map(code);
                Some((fields.next()??, fields.next()??, fields.next()??))
            })
            .collect()
    });
    pairs
        .binary_search_by_key(&(base, mark), |&(b, m, _)| (b, m))
        .ok()
        .map(|i| pairs[i].2)
}

/// Maps byte offsets of the normalised text back onto the pasted text.
pub(crate) struct Positions {
    edits: Vec<Edit>,
}

impl Positions {
    pub(crate) fn new(edits: Vec<Edit>) -> Positions {
        Positions { edits }
    }

    /// Where a stretch starting at `at` starts in the pasted text: after any character dropped
    /// just before it; at the start of what an edit stands for when `at` is inside it (between
    /// the two newlines U+2029 became).
    pub(crate) fn start(&self, at: usize) -> usize {
        let before = self.edits.partition_point(|e| e.end <= at);
        match self.edits.get(before) {
            Some(inside) if inside.start < at => inside.start + self.shift_of(before),
            _ => at + self.shift_of(before),
        }
    }

    /// Where a stretch ending at `at` ends in the pasted text: before any character dropped just
    /// after it, after the whole of a letter composed just before it; at the end of what an edit
    /// stands for when `at` is inside it.
    pub(crate) fn end(&self, at: usize) -> usize {
        let before = self.edits.partition_point(|e| e.start < at);
        match before.checked_sub(1).map(|i| self.edits[i]) {
            Some(inside) if inside.end > at => inside.end + inside.shift,
            _ => at + self.shift_of(before),
        }
    }

    fn shift_of(&self, edits_before: usize) -> usize {
        edits_before
            .checked_sub(1)
            .map_or(0, |last| self.edits[last].shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (pasted text, the text the steps read, a stretch of the latter, the stretch of the
    /// former it maps to).
    const CASES: &[(&str, &str, &str, &str)] = &[
        (
            "Emman\u{ad}uel Macron",
            "Emmanuel Macron",
            "Emmanuel",
            "Emman\u{ad}uel",
        ),
        ("Ma\u{200b}cron", "Macron", "Macron", "Ma\u{200b}cron"),
        (
            "Jose\u{301} Marti\u{301}nez",
            "José Martínez",
            "Martínez",
            "Marti\u{301}nez",
        ),
        (
            "Jose\u{301} Marti\u{301}nez",
            "José Martínez",
            "José",
            "Jose\u{301}",
        ),
        (
            "Nguye\u{302}\u{303}n",
            "Nguyễn",
            "Nguyễn",
            "Nguye\u{302}\u{303}n",
        ),
        ("\u{feff}KABUL, May 3", "KABUL, May 3", "KABUL", "KABUL"),
        ("a\rb\r\nc", "a\nb\r\nc", "b", "b"),
        ("Headline\u{2028}KABUL", "Headline\nKABUL", "KABUL", "KABUL"),
        ("One.\u{2029}Two.", "One.\n\nTwo.", "Two.", "Two."),
        ("A\u{c}B\u{85}C", "A\nB\nC", "C", "C"),
        // A mark with nothing to compose with is kept; the word around it is mapped whole.
        ("q\u{303}a\u{200b}", "q\u{303}a", "q\u{303}a", "q\u{303}a"),
        ("x\u{ad}", "x", "x", "x"),
        // Dropped characters between a letter and its mark, and between two marks.
        (
            "Gü\u{ad}\u{ad}\u{301} said",
            "Gǘ said",
            "Gǘ",
            "Gü\u{ad}\u{ad}\u{301}",
        ),
        (
            "Bo\u{323}\u{200b}\u{302}!",
            "Bộ!",
            "Bộ",
            "Bo\u{323}\u{200b}\u{302}",
        ),
        ("e\u{ad}\u{301}x", "éx", "é", "e\u{ad}\u{301}"),
    ];

    #[test]
    fn stretches_map_back_onto_the_pasted_text() {
        for &(pasted, read, stretch, expected) in CASES {
            let normalised = normalise(pasted).expect("changed");
            assert_eq!(normalised.text, read, "{pasted:?}");
            let start = read.find(stretch).expect("stretch");
            let positions = Positions::new(normalised.edits);
            let mapped = positions.start(start)..positions.end(start + stretch.len());
            assert_eq!(&pasted[mapped], expected, "{pasted:?}");
        }
    }

    /// Every position of the read text, as a start and as an end, maps onto a character boundary
    /// of the pasted text, in order.
    #[test]
    fn every_position_maps_onto_a_boundary() {
        for pasted in [
            "One.\u{2029}Two.",
            "Gü\u{ad}\u{ad}\u{301} a\u{200b}\u{ad}b \u{2028}\rc\u{feff}d\u{301}\u{302}",
            "\u{ad}\u{ad}x\u{2029}\u{2029}y\u{301}\u{ad}",
        ] {
            let read = normalise(pasted).expect("changed");
            let positions = Positions::new(read.edits);
            let mut last_start = 0;
            for at in (0..=read.text.len()).filter(|&at| read.text.is_char_boundary(at)) {
                let (start, end) = (positions.start(at), positions.end(at));
                assert!(
                    pasted.is_char_boundary(start) && pasted.is_char_boundary(end),
                    "{pasted:?} at {at}"
                );
                assert!(
                    start <= pasted.len() && end <= pasted.len(),
                    "{pasted:?} at {at}"
                );
                assert!(start >= last_start, "{pasted:?} at {at}");
                last_start = start;
            }
        }
    }

    #[test]
    fn text_with_nothing_to_even_out_is_read_as_it_is() {
        for text in [
            "",
            "Plain ASCII.\r\nWindows lines\r\n",
            "Curly ‘quotes’ — dashes, non\u{a0}breaking spaces, “José” precomposed, 北京, ZWJ 👩\u{200d}💻",
        ] {
            assert!(normalise(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn every_composition_pair_composes() {
        for line in include_str!("../data/text/compositions.tsv").lines() {
            if line.starts_with('#') {
                continue;
            }
            let c: Vec<char> = line
                .split('\t')
                .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
                .collect();
            assert_eq!(compose(c[0], c[1]), Some(c[2]), "{line}");
        }
        assert_eq!(compose('x', '\u{301}'), None);
    }
}
