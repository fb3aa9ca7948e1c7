//! Lines, sentences and page chrome.
//!
//! Pasted articles arrive with the page around them: share buttons, "Related:" link lists, comment
//! forms, disclaimers. Those lines are marked as chrome and no later step looks inside them.
//! Every non-empty line is a block (pasted news keeps one paragraph a line); blocks split into
//! sentences at `.`, `!` or `?` unless the word before is an abbreviation or an initial.

mod chrome;
pub(crate) use chrome::is_chrome_label;

use crate::bytes::next_of;
use crate::hash::WordSet;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chrome {
    /// Part of the article.
    Content,
    /// Page furniture, with the reason shown to the user.
    Ignored(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub chrome: Chrome,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segments::blocks`].
    pub block: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Segments {
    pub blocks: Vec<Block>,
    /// Sentences of content blocks only, in text order.
    pub sentences: Vec<Sentence>,
}

impl Segments {
    pub fn is_chrome(&self, span: Span) -> bool {
        self.blocks
            .iter()
            .any(|b| b.chrome != Chrome::Content && b.span.overlaps(span))
    }
}

/// Splits `text` into blocks and sentences and marks page chrome.
pub fn segment(text: &str) -> Segments {
    let mut blocks = lines(text);
    chrome::mark_chrome(
        text,
        &mut blocks,
        crate::structure::dateline::opens_with_dateline,
    );
    // A news sentence is some 100-150 bytes: sized for the shorter, the list seldom grows.
    let mut sentences = Vec::with_capacity(text.len() / 100 + 1);
    for (i, b) in blocks.iter().enumerate() {
        if b.chrome == Chrome::Content {
            sentences_in(text, b.span, i, &mut sentences);
        }
    }
    Segments { blocks, sentences }
}

fn lines(text: &str) -> Vec<Block> {
    // Lines (paragraphs) average ~150 bytes in the bench corpus: at most one growth.
    let mut blocks = Vec::with_capacity(text.len() / 200 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < text.len() {
        // Not `split_inclusive('\n')`: its search is a memchr call per line, dear in WebAssembly.
        let end = next_of(bytes, start, [b'\n']).map_or(text.len(), |i| i + 1);
        let line = &text[start..end];
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let span = Span::new(start + lead, start + lead + trimmed.len());
            blocks.push(Block {
                span,
                chrome: Chrome::Content,
            });
        }
        start = end;
    }
    blocks
}

/// Words that end with a dot without ending a sentence.
static ABBREVIATIONS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "sen", "rep", "gov", "pres", "no", "nos", "inc", "ltd", "co", "corp", "vs", "etc",
    "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "rev", "hon", "excl", "incl",
]);

/// Appends the sentences of `block` (the `index`th) to `sentences`.
fn sentences_in(text: &str, block: Span, index: usize, sentences: &mut Vec<Sentence>) {
    let line = &text[block.start..block.end];
    let bytes = line.as_bytes();
    let mut push = |span| sentences.push(Sentence { span, block: index });
    let mut start = 0;
    let mut from = 0;
    // Stops inside a sentence already cut off (before `start`) are not looked at again.
    while let Some(i) = next_stop(bytes, from.max(start)) {
        from = i + 1;
        let b = bytes[i];
        // Closing quotes or brackets belong to the sentence they close.
        let close = line[i + 1..]
            .find(|c: char| !matches!(c, '"' | '\'' | '”' | '’' | ')'))
            .map_or(line.len(), |n| i + 1 + n);
        let rest = &line[close..];
        let next_starts_sentence = rest.starts_with(char::is_whitespace)
            && rest.trim_start().chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(')
            });
        if next_starts_sentence
            && (b != b'.' || !ends_with_abbreviation(&line[start..i], rest.trim_start()))
        {
            push(Span::new(block.start + start, block.start + close));
            start = close + (rest.len() - rest.trim_start().len());
        }
    }
    if start < line.len() {
        push(Span::new(block.start + start, block.end));
    }
}

/// Where the next `.`, `!` or `?` at or after `from` is (a line is mostly words between its
/// full stops).
fn next_stop(bytes: &[u8], from: usize) -> Option<usize> {
    next_of(bytes, from, *b".!?")
}

fn ends_with_abbreviation(before: &str, after: &str) -> bool {
    // "at 2:45 p.m. EST": a time zone after a.m. or p.m. goes on with the sentence.
    let meridiem = before.ends_with("a.m") || before.ends_with("p.m");
    if meridiem
        && crate::time::forms::clock::ZONES.iter().any(|(zone, _)| {
            after
                .strip_prefix(zone)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    let is_initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    // The abbreviations are ASCII, and no other letter lower-cases to one of theirs.
    is_initial || ABBREVIATIONS.contains(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `segment` does what its documentation says.
    #[test]
    fn segment_as_documented() {
        let s = segment("Talks were held. Both sides agreed.\nRelated: Other news\nShare this:");
        assert_eq!(s.sentences.len(), 2);
        assert_eq!(s.blocks[1].chrome, Chrome::Ignored("related links"));
    }

    #[test]
    fn stops_are_found_wherever_they_stand() {
        for len in 0..40 {
            for stop_at in 0..len {
                for stop in [b'.', b'!', b'?'] {
                    let mut line = vec![b'a'; len];
                    line[stop_at] = stop;
                    line.extend_from_slice("é,-/>".as_bytes()); // near-misses of the three bytes
                    for from in 0..=line.len() {
                        let expected = line[from..]
                            .iter()
                            .position(|b| matches!(b, b'.' | b'!' | b'?'))
                            .map(|n| from + n);
                        assert_eq!(next_stop(&line, from), expected, "{len} {stop_at} {from}");
                    }
                }
            }
        }
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sentence_texts(
                "Mr. Li met Dr. Wang in the U.S. Capitol. They talked. \"It went well.\" He left."
            ),
            [
                "Mr. Li met Dr. Wang in the U.S. Capitol.",
                "They talked.",
                "\"It went well.\"",
                "He left."
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_lowercase_continuations() {
        assert_eq!(
            sentence_texts("Growth was 5.2 percent. e.g. this"),
            ["Growth was 5.2 percent. e.g. this"]
        );
    }

    #[test]
    fn each_line_is_a_block() {
        let s = segment("Headline here\n\n  First paragraph.  \nSecond");
        assert_eq!(s.blocks.len(), 3);
        assert_eq!(s.sentences.len(), 3);
    }

    #[test]
    fn share_bars_and_disclaimers() {
        let s = segment(
            "Facebook Twitter WhatsApp\nDisclaimer: the views are the author's own.\nNews.",
        );
        assert_eq!(s.blocks[0].chrome, Chrome::Ignored("page furniture"));
        assert_eq!(s.blocks[1].chrome, Chrome::Ignored("disclaimer"));
        assert_eq!(s.blocks[2].chrome, Chrome::Content);
    }
}
