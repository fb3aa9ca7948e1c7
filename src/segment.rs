//! Lines, sentences and page chrome.
//!
//! Pasted articles arrive with the page around them: share buttons, "Related:" link lists, comment
//! forms, disclaimers. Those lines are marked as chrome and no later step looks inside them.
//! Every non-empty line is a block (pasted news keeps one paragraph a line); blocks split into
//! sentences at `.`, `!` or `?` unless the word before is an abbreviation or an initial.

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
///
/// ```
/// use dateline::segment::{segment, Chrome};
/// let s = segment("Talks were held. Both sides agreed.\nRelated: Other news\nShare this:");
/// assert_eq!(s.sentences.len(), 2);
/// assert_eq!(s.blocks[1].chrome, Chrome::Ignored("related links"));
/// ```
pub fn segment(text: &str) -> Segments {
    let mut blocks = lines(text);
    mark_chrome(text, &mut blocks);
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

/// Lines that begin a run of link titles: the lines after them are chrome until prose returns.
static LINK_LIST_HEADINGS: Openings = Openings::new(&[
    "related",
    "related:",
    "related articles",
    "related stories",
    "related news",
    "related posts",
    "read more",
    "read also",
    "also read",
    "see also",
    "more from",
    "more stories",
    "you may also like",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "latest news",
    "more news",
    "top stories",
    "popular posts",
]);

/// Lines that begin the comment section: everything after them is chrome.
static COMMENT_HEADINGS: Openings = Openings::new(&[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add comment",
    "comments",
    "comment",
    "join the discussion",
    "write a comment",
    "your email address will not be published",
]);

/// Whole lines of page furniture.
static FURNITURE_PREFIXES: Openings = Openings::new(&[
    "share this",
    "share on",
    "share:",
    "tweet",
    "follow us",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "advertisement",
    "sponsored",
    "tags:",
    "tagged:",
    "print",
    "email this",
    "click here",
    "copyright",
    "©",
    "all rights reserved",
    "cookie",
    "we use cookies",
    "posted in",
    "filed under",
    "photo gallery",
    "menu",
    "skip to content",
    "back to top",
    "home »",
    "home >",
]);

static DISCLAIMER_PREFIXES: Openings = Openings::new(&[
    "disclaimer",
    "the views expressed",
    "the opinions expressed",
    "editor's note:",
]);

const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "email",
    "print",
    "share",
    "like",
    "reply",
    "pinterest",
    "vk",
    "copy link",
];

/// Ways a line of page chrome opens, lower-cased, with the first bytes they open with: most
/// lines open with a byte none of them does, and are turned away without a comparison.
struct Openings {
    words: &'static [&'static str],
    firsts: [bool; 256],
}

impl Openings {
    const fn new(words: &'static [&'static str]) -> Openings {
        let mut firsts = [false; 256];
        let mut i = 0;
        while i < words.len() {
            firsts[words[i].as_bytes()[0] as usize] = true;
            i += 1;
        }
        Openings { words, firsts }
    }

    /// The openings that start with the byte `first`.
    fn starting_with(&self, first: u8) -> impl Iterator<Item = &'static str> + '_ {
        let words = if self.firsts[usize::from(first)] {
            self.words
        } else {
            &[]
        };
        words
            .iter()
            .copied()
            .filter(move |w| w.as_bytes()[0] == first)
    }
}

/// Headings and furniture are recognised by how a line starts: this much of it is enough.
const LINE_HEAD_BYTES: usize = 64;

fn mark_chrome(text: &str, blocks: &mut [Block]) {
    let mut in_link_list = false;
    let mut in_comments = false;
    let mut lower = String::with_capacity(LINE_HEAD_BYTES);
    for block in blocks.iter_mut() {
        let line = &text[block.span.start..block.span.end];
        let head = &line[..line.floor_char_boundary(LINE_HEAD_BYTES)];
        // One buffer for every line's head (an article has a line per paragraph).
        lower.clear();
        if head.is_ascii() {
            lower.push_str(head);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&head.to_lowercase());
        }
        let lower = lower.as_str();
        let whole_line = head.len() == line.len();
        let heading = if whole_line {
            lower.trim_end_matches([':', ' ', '.'])
        } else {
            ""
        };
        let counted_heading = |h: &str| {
            heading
                .strip_prefix(h)
                .is_some_and(|rest| rest.starts_with(" ("))
        };
        // Most lines start with a letter no list entry starts with, and skip every comparison.
        let first = lower.as_bytes().first().copied().unwrap_or(0);
        if COMMENT_HEADINGS
            .starting_with(first)
            .any(|h| heading == h || counted_heading(h))
        {
            in_comments = true;
        }
        if in_comments || lower.starts_with("your email address will not be published") {
            in_comments = true;
            block.chrome = Chrome::Ignored("comments");
            continue;
        }
        let starts_link_list = LINK_LIST_HEADINGS.starting_with(first).any(|h| {
            heading == h
                || lower
                    .strip_prefix(h)
                    .is_some_and(|rest| rest.starts_with(':'))
        });
        if starts_link_list {
            in_link_list = true;
            block.chrome = Chrome::Ignored("related links");
            continue;
        }
        if in_link_list && !is_prose(line) {
            block.chrome = Chrome::Ignored("related links");
            continue;
        }
        in_link_list = false;
        let starts_with_any =
            |list: &Openings| list.starting_with(first).any(|p| lower.starts_with(p));
        if starts_with_any(&DISCLAIMER_PREFIXES) || says_it_may_not_reflect(line) {
            block.chrome = Chrome::Ignored("disclaimer");
        } else if starts_with_any(&FURNITURE_PREFIXES) || (whole_line && is_share_bar(lower)) {
            block.chrome = Chrome::Ignored("page furniture");
        }
    }
}

/// "... do not necessarily reflect ...", in lower case or in capitals, anywhere in `line`: the
/// disclaimer that opinion pieces end with. Only the places of its "y" (a rare letter, found
/// eight bytes at a time) are compared.
fn says_it_may_not_reflect(line: &str) -> bool {
    const PHRASES: [&[u8]; 2] = [b"necessarily reflect", b"NECESSARILY REFLECT"];
    let y_at = PHRASES[0].len() - b" reflect".len() - 1;
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(i) = next_of(bytes, from, *b"yY") {
        from = i + 1;
        let phrase = PHRASES[usize::from(bytes[i] == b'Y')];
        if i >= y_at && bytes[i - y_at..].starts_with(phrase) {
            return true;
        }
    }
    false
}

/// A sentence of the article rather than a link title: long, or ending like a sentence.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= 25 || (words >= 8 && line.trim_end().ends_with(['.', '"', '”', '!', '?']))
}

/// "Facebook Twitter WhatsApp", "Share | Email | Print".
fn is_share_bar(lower: &str) -> bool {
    let words = lower
        .split(|c: char| c.is_whitespace() || c == '|' || c == '·')
        .filter(|w| !w.is_empty());
    // Counted as they are read, up to one past the most a bar has: no list of them is made.
    let mut count = 0;
    let all_share_words = words.take(9).all(|w| {
        count += 1;
        SHARE_WORDS.contains(&w)
    });
    all_share_words && (1..=8).contains(&count)
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
        if next_starts_sentence && (b != b'.' || !ends_with_abbreviation(&line[start..i])) {
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

fn ends_with_abbreviation(before: &str) -> bool {
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

    #[test]
    fn the_views_disclaimer_is_found_anywhere_in_a_line() {
        for line in [
            "The views expressed here do not necessarily reflect those of the agency.",
            "necessarily reflect",
            "THE OPINIONS DO NOT NECESSARILY REFLECT OUR VIEWS",
            "Opinions (which may not necessarily reflects ours) -- yes, really.",
        ] {
            assert!(says_it_may_not_reflect(line), "{line:?}");
        }
        for line in [
            "",
            "y",
            "necessarily  reflect",
            "Necessarily reflect",
            "It is necessarily a reflection of policy, and yearly reflections say so.",
        ] {
            assert!(!says_it_may_not_reflect(line), "{line:?}");
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
    fn related_lists_end_when_prose_returns() {
        let text = "Story.\nRelated:\nKyrgyz President visits China\nUzbekistan opens border\nThe talks, which lasted for more than three hours in the capital, ended with a joint statement.";
        let s = segment(text);
        let chrome: Vec<bool> = s
            .blocks
            .iter()
            .map(|b| b.chrome != Chrome::Content)
            .collect();
        assert_eq!(chrome, [false, true, true, true, false]);
    }

    #[test]
    fn comment_forms_and_everything_after_are_chrome() {
        let text = "Story.\nLeave a Reply\nYour email address will not be published.\nName*\nGreat article about Paris!";
        let s = segment(text);
        assert_eq!(s.sentences.len(), 1);
        assert!(s.blocks[1..]
            .iter()
            .all(|b| b.chrome == Chrome::Ignored("comments")));
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
