//! Page chrome: the lines a news page puts around an article (share bars, "Related:" lists,
//! comment forms, copyright and newsletter lines), read from `data/segment/chrome-lines.tsv`.
//!
//! A line is chrome by its whole shape, never by its first letters alone: "Share" and "Print"
//! are furniture, "Share prices fell" and "Printing costs rose" are the article.

use std::sync::OnceLock;

use super::{Block, Chrome};
use crate::bytes::next_of;

/// What a matching line means, and for how long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    /// This line and every line after it, until a new article starts.
    Comments,
    /// This line and the lines after it until prose returns.
    Links,
    Furniture,
    Disclaimer,
}

impl Reason {
    fn chrome(self) -> Chrome {
        Chrome::Ignored(match self {
            Reason::Comments => "comments",
            Reason::Links => "related links",
            Reason::Furniture => "page furniture",
            Reason::Disclaimer => "disclaimer",
        })
    }
}

/// How an opening must stand in a line for the line to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum How {
    Whole,
    Start,
    Counted,
    Dated,
    End,
}

struct Opening {
    reason: Reason,
    how: How,
    words: &'static str,
}

/// The openings, indexed so that a line is compared only with those that could match it: by
/// the first byte of a line's head (whole, start and dated openings), by the last letter of its
/// tail (end openings), and the counted ones for lines that open with a digit.
struct Openings {
    all: Vec<Opening>,
    by_first: Vec<Vec<usize>>,
    by_last: Vec<Vec<usize>>,
    counted: Vec<usize>,
}

fn openings() -> &'static Openings {
    static OPENINGS: OnceLock<Openings> = OnceLock::new();
    OPENINGS.get_or_init(|| {
        let all: Vec<Opening> = include_str!("../../data/segment/chrome-lines.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut fields = l.split('\t');
                let mut next = || {
                    fields
                        .next()
                        .expect("chrome-lines.tsv: three fields a line")
                };
                let reason = match next() {
                    "comments" => Reason::Comments,
                    "links" => Reason::Links,
                    "furniture" => Reason::Furniture,
                    "disclaimer" => Reason::Disclaimer,
                    other => panic!("chrome-lines.tsv: unknown reason {other:?}"),
                };
                let how = match next() {
                    "whole" => How::Whole,
                    "start" => How::Start,
                    "counted" => How::Counted,
                    "dated" => How::Dated,
                    "end" => How::End,
                    other => panic!("chrome-lines.tsv: unknown way to match {other:?}"),
                };
                Opening {
                    reason,
                    how,
                    words: next(),
                }
            })
            .collect();
        let mut by_first = vec![Vec::new(); 256];
        let mut by_last = vec![Vec::new(); 256];
        let mut counted = Vec::new();
        for (i, o) in all.iter().enumerate() {
            let bytes = o.words.as_bytes();
            match o.how {
                How::Counted => counted.push(i),
                How::End => by_last[usize::from(bytes[bytes.len() - 1])].push(i),
                _ => by_first[usize::from(bytes[0])].push(i),
            }
        }
        Openings {
            all,
            by_first,
            by_last,
            counted,
        }
    })
}

/// Whether `word` is a page's one-word label ("Advertisement", "Share", "Comments"): a button or
/// a heading of its chrome, never a name, even where a line of the article opens with it
/// ("Advertisement revenue rose").
pub(crate) fn is_chrome_label(word: &str) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    let openings = openings();
    openings.by_first[usize::from(first.to_ascii_lowercase())]
        .iter()
        .map(|&i| &openings.all[i])
        .any(|o| o.how == How::Whole && o.words.eq_ignore_ascii_case(word))
}

impl Openings {
    /// The first opening `line` (whose ends `ends` holds) matches.
    fn matching(&self, line: &str, ends: &mut LineEnds) -> Option<&Opening> {
        let first = ends.head.as_bytes().first().copied().unwrap_or(0);
        let found = self.by_first[usize::from(first)]
            .iter()
            .chain(if first.is_ascii_digit() {
                &self.counted[..]
            } else {
                &[]
            })
            .map(|&i| &self.all[i])
            .find(|o| ends.matches(o));
        if found.is_some() {
            return found;
        }
        // The tail's last letter, in either case, before closing stops: most lines end with
        // one no end opening ends with, and their tail is never lowered.
        let last = line
            .trim_end_matches(['.', '!', ' '])
            .as_bytes()
            .last()
            .map_or(0, u8::to_ascii_lowercase);
        let candidates = &self.by_last[usize::from(last)];
        if candidates.is_empty() {
            return None;
        }
        ends.read_tail(line);
        candidates
            .iter()
            .map(|&i| &self.all[i])
            .find(|o| ends.matches(o))
    }
}

/// Headings and furniture are recognised by how a line starts and ends: this much of each end
/// is enough (a line of prose may run to kilobytes).
const LINE_END_BYTES: usize = 64;

/// A line's two ends in lower case, made once per line and compared with every opening.
struct LineEnds {
    head: String,
    tail: String,
    whole_line: bool,
}

impl LineEnds {
    fn new() -> LineEnds {
        LineEnds {
            head: String::with_capacity(LINE_END_BYTES),
            tail: String::with_capacity(LINE_END_BYTES),
            whole_line: false,
        }
    }

    fn read(&mut self, line: &str) {
        let head = &line[..line.floor_char_boundary(LINE_END_BYTES)];
        lower_into(head, &mut self.head);
        self.tail.clear();
        self.whole_line = head.len() == line.len();
    }

    /// Reads the line's tail too, for the openings that match a line's end.
    fn read_tail(&mut self, line: &str) {
        let tail = &line[line.ceil_char_boundary(line.len().saturating_sub(LINE_END_BYTES))..];
        lower_into(tail, &mut self.tail);
    }

    /// The line as a heading: the whole line without what pages put after a heading.
    fn heading(&self) -> Option<&str> {
        self.whole_line.then(|| {
            self.head
                .trim_end_matches([':', ' ', '.', '|', '»', '>', '*', '-', '›'])
        })
    }

    fn matches(&self, opening: &Opening) -> bool {
        let words = opening.words;
        match opening.how {
            How::Whole => self.heading().is_some_and(|heading| {
                heading == words
                    || heading
                        .strip_prefix(words)
                        .is_some_and(is_count_in_parentheses)
            }),
            How::Start => self
                .head
                .strip_prefix(words)
                .is_some_and(|rest| ends_a_word(words, rest)),
            How::Counted => {
                let number = self.head.bytes().take_while(u8::is_ascii_digit).count();
                number > 0
                    && self.head[number..]
                        .strip_prefix(' ')
                        .and_then(|rest| rest.strip_prefix(words))
                        .is_some_and(|rest| ends_a_word(words, rest))
            }
            How::Dated => self
                .head
                .strip_prefix(words)
                .map(str::trim_start)
                .is_some_and(|rest| {
                    rest.starts_with('©')
                        || rest.starts_with("(c)")
                        || rest.bytes().take_while(u8::is_ascii_digit).count() == 4
                }),
            How::End => self
                .tail
                .trim_end_matches(['.', '!', ' '])
                .strip_suffix(words)
                .is_some_and(|before| before.is_empty() || before.ends_with([' ', '.', '!'])),
        }
    }
}

fn lower_into(part: &str, into: &mut String) {
    into.clear();
    if part.is_ascii() {
        into.push_str(part);
        into.make_ascii_lowercase();
    } else {
        into.push_str(&part.to_lowercase());
    }
}

/// A word ends where `words` does: the opening ends with punctuation, or what follows does not
/// go on with a letter, a digit or a hyphen ("Share prices" goes on as a word would not, but
/// "Sharing" and "Follow-up" are other words).
fn ends_a_word(words: &str, rest: &str) -> bool {
    !words.ends_with(char::is_alphanumeric)
        || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '\'')
}

/// " (12)": the count a heading such as "Comments (12)" carries.
fn is_count_in_parentheses(rest: &str) -> bool {
    rest.strip_prefix(" (")
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Marks the chrome among `blocks`. `starts_article` says whether a line opens an article of its
/// own (a dateline or a publication line): it ends a comment section, so that a second article
/// pasted below the first one's comments is read.
pub(super) fn mark_chrome(text: &str, blocks: &mut [Block], starts_article: impl Fn(&str) -> bool) {
    let mut in_link_list = false;
    let mut in_comments = false;
    let mut ends = LineEnds::new();
    for i in 0..blocks.len() {
        let line = &text[blocks[i].span.start..blocks[i].span.end];
        if in_comments && starts_article(line) {
            in_comments = false;
            // The new article's headline is the line above its dateline.
            if i > 0
                && blocks[i - 1].chrome == Reason::Comments.chrome()
                && reads_as_headline(text, &blocks[i - 1])
            {
                blocks[i - 1].chrome = Chrome::Content;
            }
        }
        if in_comments {
            blocks[i].chrome = Reason::Comments.chrome();
            continue;
        }
        ends.read(line);
        let reason = openings()
            .matching(line, &mut ends)
            .map(|o| o.reason)
            .or_else(|| (says_it_may_not_reflect(line)).then_some(Reason::Disclaimer))
            .or_else(|| (ends.whole_line && is_share_bar(&ends.head)).then_some(Reason::Furniture));
        match reason {
            Some(reason) => {
                in_comments |= reason == Reason::Comments;
                in_link_list |= reason == Reason::Links;
                blocks[i].chrome = reason.chrome();
            }
            None if in_link_list && !is_prose(line) => blocks[i].chrome = Reason::Links.chrome(),
            None => in_link_list = false,
        }
    }
}

/// A short line with no full stop at its end, starting with a capital: a headline.
fn reads_as_headline(text: &str, block: &Block) -> bool {
    let line = &text[block.span.start..block.span.end];
    let words = line.split_whitespace().count();
    (3..=20).contains(&words)
        && line.starts_with(|c: char| c.is_uppercase())
        && !line.ends_with(['.', '!', ':'])
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
    "save",
];

/// "Facebook Twitter WhatsApp", "Share | Email | Print".
fn is_share_bar(lower: &str) -> bool {
    let words = lower
        .split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == ':')
        .filter(|w| !w.is_empty());
    // Counted as they are read, up to one past the most a bar has: no list of them is made.
    let mut count = 0;
    let all_share_words = words.take(9).all(|w| {
        count += 1;
        SHARE_WORDS.contains(&w)
    });
    all_share_words && (1..=8).contains(&count)
}

#[cfg(test)]
mod tests {
    use super::super::{segment, Chrome};
    use super::*;

    fn chrome_of(text: &str) -> Vec<Chrome> {
        segment(text).blocks.iter().map(|b| b.chrome).collect()
    }

    #[test]
    fn one_word_labels_are_known() {
        for (word, label) in [
            ("Advertisement", true),
            ("share", true),
            ("Shares", false),
            ("Sponsored", true),
            ("Reuters", false),
            ("", false),
        ] {
            assert_eq!(is_chrome_label(word), label, "{word}");
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

    /// Lines of page chrome as news sites print them, each with the reason it is left out.
    const CHROME: &[(&str, &str)] = &[
        ("Share", "page furniture"),
        ("Share this:", "page furniture"),
        ("Share: Facebook", "page furniture"),
        ("Share on WhatsApp", "page furniture"),
        ("Facebook Twitter WhatsApp", "page furniture"),
        ("Share | Email | Print", "page furniture"),
        ("Print", "page furniture"),
        ("Menu", "page furniture"),
        ("ADVERTISEMENT", "page furniture"),
        ("Advertisement - Scroll to continue", "page furniture"),
        (
            "Copyright 2025 The Associated Press. All rights reserved.",
            "page furniture",
        ),
        (
            "Copyright © 2024 Steppe-Inform. All rights reserved.",
            "page furniture",
        ),
        ("© 2025 AFP", "page furniture"),
        (
            "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
            "page furniture",
        ),
        (
            "Get the day's business news with our newsletter. Sign up here.",
            "page furniture",
        ),
        ("Sign up for our morning briefing", "page furniture"),
        ("Subscribe to our newsletter", "page furniture"),
        ("Follow us on", "page furniture"),
        ("Join our Telegram channel", "page furniture"),
        ("Home > Media", "page furniture"),
        ("Reuse this content", "page furniture"),
        ("Tags: Energy, Water", "related links"),
        ("Related:", "related links"),
        ("Related Topics", "related links"),
        ("More on this story", "related links"),
        ("Explore more on these topics", "related links"),
        ("Most viewed", "related links"),
        ("Read more:", "related links"),
        ("Leave a Reply", "comments"),
        ("Leave a Reply Cancel reply", "comments"),
        ("Comments (12)", "comments"),
        ("2 thoughts on “Harare prices rise”", "comments"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comments",
        ),
        ("Disclaimer: the views are the author's own.", "disclaimer"),
    ];

    #[test]
    fn chrome_lines_are_left_out_with_their_reason() {
        for &(line, reason) in CHROME {
            let text = format!("Talks were held in Nairobi on Friday.\n{line}");
            assert_eq!(chrome_of(&text)[1], Chrome::Ignored(reason), "{line:?}");
        }
    }

    /// First lines of news paragraphs that open with a word chrome lines open with: all are the
    /// article. `tests/prose-openings.txt` holds the list.
    #[test]
    fn prose_that_opens_like_chrome_is_kept() {
        let openings = include_str!("../../tests/prose-openings.txt");
        let mut count = 0;
        for line in openings
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            count += 1;
            let text = format!("Talks were held in Nairobi on Friday.\n{line}\nThe talks ended.");
            assert_eq!(chrome_of(&text), [Chrome::Content; 3], "{line:?}");
        }
        assert!(count >= 30, "{count} prose openings");
    }

    #[test]
    fn related_lists_end_when_prose_returns() {
        let text = "Story.\nRelated:\nKyrgyz President visits China\nUzbekistan opens border\nThe talks, which lasted for more than three hours in the capital, ended with a joint statement.";
        let chrome: Vec<bool> = chrome_of(text)
            .iter()
            .map(|c| *c != Chrome::Content)
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
    fn a_second_article_below_the_comments_is_read() {
        let text = "Story.\nLeave a Reply\nGreat piece.\nZambia Opens New Border Post\nLUSAKA, March 11, 2025 (ZNBC) -- The post opened.\nIt cost $5 million.";
        let chrome = chrome_of(text);
        assert_eq!(chrome[1..3], [Chrome::Ignored("comments"); 2]);
        assert_eq!(chrome[3..], [Chrome::Content; 3]);
    }
}
