//! Places written in lower case. Forum posts, reviews and messages pasted from the web write
//! "flew to kerala" and "a hotel in new delhi"; capitals, which every other reader of names
//! starts from, say nothing there. A place the gazetteer marks as spelled in lower case by no
//! English word and no one's name ("kerala", never "nice", "turkey" or "jordan";
//! `scripts/generate-gazetteer.mjs`) is that place wherever it is written so.

use crate::entities::lexicon::entity_type;
use crate::entities::{in_text_order, overlaps_any, Key, Mention};
use crate::gazetteer::{Entry, Gazetteer};
use crate::token::{Token, TokenKind, TokenLists};
use crate::Span;

/// Adds a mention for each lower-case place of `sentences` that no mention of `found` (in text
/// order, without overlaps; it stays so) covers.
pub(crate) fn add_lowercase_places(
    text: &str,
    sentences: &TokenLists,
    gazetteer: &Gazetteer,
    found: &mut Vec<Mention>,
) {
    let mut places = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        let mut i = 0;
        while i < tokens.len() {
            let Some((len, entry)) = place_at(text, &tokens[i..], gazetteer) else {
                i += 1;
                continue;
            };
            let span = Span::new(tokens[i].span.start, tokens[i + len - 1].span.end);
            if !overlaps_any(found, span) {
                places.push(Mention {
                    span,
                    kind: entity_type(entry.kind),
                    // The name as the gazetteer spells it: the entity list shows "Kerala".
                    canonical: Some(entry.canonical.unwrap_or(entry.surface)),
                    sentence: index,
                    key: Key::default(),
                });
            }
            i += len;
        }
    }
    if !places.is_empty() {
        found.extend(places);
        in_text_order(found);
    }
}

/// The longest lower-case place starting at `tokens[0]`, as a token count and its entry.
fn place_at(text: &str, tokens: &[Token], gazetteer: &Gazetteer) -> Option<(usize, Entry)> {
    let first = tokens.first()?;
    // Most words of a text are lower case: the cheap test first.
    if first.text.len() < 3
        || !first.text.as_bytes()[0].is_ascii_lowercase()
        || !gazetteer.may_start_lowercase_place(first.text)
        || !is_lowercase_word(first)
        || part_of_an_address(text, first.span)
    {
        return None;
    }
    let (longest, alone) = gazetteer.starting_with(first);
    let lowercase_place = |entries: &[Entry]| {
        entries
            .iter()
            .find(|e| e.lowercase && !e.ambiguous)
            .copied()
    };
    for len in (2..=longest.min(tokens.len())).rev() {
        let phrase = &tokens[..len];
        let written_lowercase = phrase.iter().all(|t| is_lowercase_word(t) || t.text == "-");
        if written_lowercase && !part_of_an_address(text, phrase[len - 1].span) {
            if let Some(entry) = lowercase_place(gazetteer.lookup(phrase)) {
                return Some((len, entry));
            }
        }
    }
    lowercase_place(alone).map(|entry| (1, entry))
}

fn is_lowercase_word(token: &Token) -> bool {
    token.kind == TokenKind::Word
        && if token.ascii_alnum {
            token.text.bytes().all(|b| b.is_ascii_lowercase())
        } else {
            token.text.chars().all(char::is_lowercase)
        }
}

/// A word inside a web or e-mail address, a file name or a handle ("kerala.gov.in",
/// "@delhi_police"): part of an identifier, not a mention of the place.
fn part_of_an_address(text: &str, span: Span) -> bool {
    let joined = |b: u8| matches!(b, b'.' | b'/' | b'@' | b'_' | b'\\' | b':' | b'=');
    let bytes = text.as_bytes();
    let before = span.start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(span.end).copied();
    // A sentence's full stop ends the word; a dot with a word right after it joins it.
    let dot_joins = bytes
        .get(span.end + 1)
        .is_some_and(|b| b.is_ascii_alphanumeric());
    before.is_some_and(joined) || after.is_some_and(|b| joined(b) && (b != b'.' || dot_joins))
}

#[cfg(test)]
mod tests {
    use crate::entities::cases::assert_mentions;
    use crate::{analyse, Options};

    /// (text, the places it must hold with their type, words that must be no name).
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &[(&str, &str)], &[&str])] = &[
        (
            "we flew from new delhi to kerala and spent a week in kollam. loved malaysia too",
            &[
                ("new delhi", "GPE"),
                ("kerala", "GPE"),
                ("kollam", "GPE"),
                ("malaysia", "GPE"),
            ],
            &[],
        ),
        // English words and people's names stay words, whatever place shares their spelling.
        (
            "a nice turkey dinner in reading, then jordan and chad played with us in the china shop.",
            &[],
            &["nice", "turkey", "reading", "jordan", "chad", "us", "china"],
        ),
        // Addresses, file names and handles are not mentions of a place.
        (
            "See kerala.gov.in, mail info@kollam.org or follow @noida_police for news.",
            &[],
            &["kerala", "kollam", "noida"],
        ),
        // A sentence may end with one; capitals are read as before.
        (
            "The office is in noida. Kerala is nearby.",
            &[("noida", "GPE"), ("Kerala", "GPE")],
            &[],
        ),
    ];

    #[test]
    fn lower_case_places_are_places_and_words_stay_words() {
        for &(text, places, words) in CASES {
            assert_mentions(text, places, words);
        }
    }

    #[test]
    fn the_entity_takes_the_gazetteer_spelling() {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        let analysis = analyse("we stayed in kerala for a week.", &options);
        let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_ref()).collect();
        assert_eq!(names, ["Kerala"]);
    }
}
