//! Document-level evidence. A name the article writes several times is one type throughout
//! ([`one_type_per_name`]). For headlines: a title-case line's capitals say nothing, so its names
//! are the ones the article's body gives ("Xi Jinping Talks with President Zaparov of
//! Kyrgyzstan" over a body that names Xi Jinping and Sadyr Zaparov). In the body, the rules'
//! second pass already finds a surname after its full name ("Okafor said" after "Amina
//! Okafor"); doing it for every name the tagger found slowed every article and gained nothing
//! on the development folds (the commit that made this pass headline-only has the figures).

use super::lexicon::{is_headline, is_headline_line, is_sentence_starter};
use super::recognise::key_mentions;
use super::{overlaps_any, EntityType, Key, Mention};
use crate::entities::in_text_order;
use crate::hash::{FastMap, FastSet};
use crate::token::{tokens_within, with_lowercase, Token, TokenLists};
use crate::Span;

/// The most words a repeated name is looked up with.
const LONGEST_NAME: usize = 6;

/// What a spelling the body names stands for; `None` where the body names it as two types.
type Known = Option<(EntityType, Option<&'static str>)>;

/// Adds a mention wherever a headline writes a name `found` (in text order, without overlaps)
/// holds from a line of prose: a name of two words or more, a one-word name the `rules` found
/// too, or a word of a person's full name. Words the article also writes in lower case
/// (`written_lowercase`, asked in lower case) are not taken alone. A found span in a headline
/// that opens with a known name but is none ("Li Qiang Meets") gives way to it.
pub(crate) fn repeat_names(
    text: &str,
    sentences: &TokenLists,
    written_lowercase: impl Fn(&str) -> bool,
    rules: &[Mention],
    found: &mut Vec<Mention>,
) {
    let headlines: Vec<bool> = sentences.iter().map(is_headline).collect();
    if !headlines.contains(&true) {
        return;
    }
    let known = known_names(text, &headlines, &written_lowercase, rules, found);
    if known.is_empty() {
        return;
    }
    let is_known = |span: Span| matches!(known.get(&text[span.start..span.end]), Some(Some(_)));
    found.retain(|m| {
        !headlines[m.sentence]
            || is_known(m.span)
            || !sentences.get(m.sentence).is_some_and(|tokens| {
                let inside = tokens_within(tokens, m.span);
                opens_with_known_name(&tokens[inside], &is_known)
            })
    });
    let mut added = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        if !headlines[index] {
            continue;
        }
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            if !token.is_capitalised() || overlaps_any(found, token.span) {
                i += 1;
                continue;
            }
            let step = match repeated_at(text, tokens, i, &known) {
                Some((n, (kind, canonical))) => {
                    let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                    if !overlaps_any(found, span) {
                        added.push(Mention {
                            span,
                            kind,
                            canonical,
                            sentence: index,
                            key: Key::default(),
                        });
                    }
                    n
                }
                None => 1,
            };
            i += step;
        }
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
    }
}

/// Mentions for the one-word names that open headlines (lines with no closing stop) where
/// nothing in `found` (keyed) does, and that the article names alone elsewhere, in the type it
/// gives them there: "Dayton school board delays vote" over "DAYTON, Ohio (WKMV)". Capitals
/// that open a line say nothing of themselves; the body's name does.
pub(crate) fn headline_openers(
    text: &str,
    sentences: &TokenLists,
    found: &[Mention],
) -> Vec<Mention> {
    let mut openers: Vec<Mention> = sentences
        .iter()
        .enumerate()
        .filter_map(|(index, tokens)| {
            let first = tokens.first()?;
            let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
            (is_headline_line(tokens)
                && first.is_capitalised()
                && letters >= 2
                && !is_sentence_starter(first.text))
            .then(|| Mention::found(first.span, EntityType::Gpe, index))
        })
        .collect();
    if openers.is_empty() {
        return openers;
    }
    let starts: FastSet<usize> = found.iter().map(|m| m.span.start).collect();
    openers.retain(|m| !starts.contains(&m.span.start));
    key_mentions(text, &mut openers);
    let mut named: FastMap<&str, Known> = FastMap::default();
    for m in found {
        learn(&mut named, m.key.as_str(), m.kind, m.canonical);
    }
    openers.retain_mut(|m| match named.get(m.key.as_str()) {
        Some(&Some((kind, canonical))) => {
            m.kind = kind;
            m.canonical = canonical;
            true
        }
        _ => false,
    });
    openers
}

/// Notes that `spelling` names a `kind` (and `canonical`): a spelling named as two types says
/// nothing of which one a headline means, and is kept as `None`.
fn learn<'t>(
    known: &mut FastMap<&'t str, Known>,
    spelling: &'t str,
    kind: EntityType,
    canonical: Option<&'static str>,
) {
    let entry = known.entry(spelling).or_insert(Some((kind, canonical)));
    if entry.is_some_and(|(k, _)| k != kind) {
        *entry = None;
    }
}

/// The spellings the body's names give, with their types.
fn known_names<'t>(
    text: &'t str,
    headlines: &[bool],
    written_lowercase: &impl Fn(&str) -> bool,
    rules: &[Mention],
    found: &[Mention],
) -> FastMap<&'t str, Known> {
    let rules_found = |m: &Mention| {
        let next = rules.partition_point(|r| r.span.start < m.span.start);
        rules.get(next).is_some_and(|r| r.span == m.span)
    };
    let mut known: FastMap<&str, Known> = FastMap::default();
    let ordinary = |word: &str| with_lowercase(word, |lower| written_lowercase(lower));
    for m in found.iter().filter(|m| !headlines[m.sentence]) {
        if !matches!(
            m.kind,
            EntityType::Person
                | EntityType::Org
                | EntityType::Gpe
                | EntityType::Loc
                | EntityType::Fac
        ) {
            continue;
        }
        let surface = &text[m.span.start..m.span.end];
        let several = surface.contains(' ');
        if several || (rules_found(m) && !ordinary(surface)) {
            learn(&mut known, surface, m.kind, m.canonical);
        }
        if m.kind == EntityType::Person && several {
            for word in surface.split(' ') {
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                if capitalised && letters >= 2 && !word.ends_with('.') && !ordinary(word) {
                    learn(&mut known, word, EntityType::Person, None);
                }
            }
        }
    }
    known
}

/// The longest known name starting at token `i` of a headline, as its length in tokens and
/// what it stands for.
fn repeated_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    known: &FastMap<&str, Known>,
) -> Option<(usize, (EntityType, Option<&'static str>))> {
    let longest = LONGEST_NAME.min(tokens.len() - i);
    (1..=longest).rev().find_map(|n| {
        let last = &tokens[i + n - 1];
        if !last.is_word() {
            return None;
        }
        let surface = &text[tokens[i].span.start..last.span.end];
        known.get(surface)?.map(|found| (n, found))
    })
}

/// Whether `tokens` open with a known name that is not all of them.
fn opens_with_known_name(tokens: &[Token], is_known: &impl Fn(Span) -> bool) -> bool {
    (1..tokens.len()).any(|end| {
        tokens[end - 1].is_word()
            && is_known(Span::new(tokens[0].span.start, tokens[end - 1].span.end))
    })
}

/// A name an article writes more than once names one thing throughout: where the readers typed
/// its mentions (by spelling key) differently, "Bridgton" a place twice and a person once, the
/// type most of them have is given to all, when one type has more than any other. Events keep
/// their own type, and a mention of no event is never made one.
pub(crate) fn one_type_per_name(found: &mut [Mention]) {
    const TYPES: usize = 7;
    let mut counts: FastMap<&str, [u32; TYPES]> = FastMap::default();
    for m in found.iter().filter(|m| m.kind != EntityType::Event) {
        counts.entry(m.key.as_str()).or_default()[m.kind as usize] += 1;
    }
    let majority = |tally: &[u32; TYPES]| {
        let most = *tally.iter().max()?;
        let mut with_most = tally.iter().enumerate().filter(|&(_, &n)| n == most);
        let (kind, _) = with_most.next()?;
        with_most.next().is_none().then_some(kind)
    };
    let retyped: Vec<Option<EntityType>> = found
        .iter()
        .map(|m| {
            let tally = counts
                .get(m.key.as_str())
                .filter(|t| t.iter().filter(|&&n| n > 0).count() > 1)?;
            let kind = EntityType::ALL[majority(tally)?];
            (kind != m.kind).then_some(kind)
        })
        .collect();
    for (m, kind) in found.iter_mut().zip(retyped) {
        if let Some(kind) = kind {
            m.kind = kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::Options;
    use EntityType::*;

    /// (article, every mention found in it, as text and type).
    const CASES: &[(&str, &[(&str, &str)])] = &[
        (
            // The body names the headline's people; "of" parts the president from his country.
            "Xi Jinping Talks with President Zaparov of Kyrgyzstan\n\nBEIJING, May 19 (Xinhua) -- \
             Chinese President Xi Jinping held talks with President Sadyr Zaparov on Friday.",
            &[
                ("Xi Jinping", "PERSON"),
                ("Zaparov", "PERSON"),
                ("Kyrgyzstan", "GPE"),
                ("BEIJING", "GPE"),
                ("Xinhua", "ORG"),
                ("Chinese", "NORP"),
                ("Xi Jinping", "PERSON"),
                ("Sadyr Zaparov", "PERSON"),
            ],
        ),
        (
            "Amina Okafor leads the union. Okafor said the strike would go on.",
            &[("Amina Okafor", "PERSON"), ("Okafor", "PERSON")],
        ),
    ];

    /// (the types of one name's mentions in an article, in order, and what they become).
    const TYPE_CASES: &[(&[EntityType], &[EntityType])] = &[
        (&[Gpe, Person, Gpe], &[Gpe, Gpe, Gpe]),
        (&[Org, Org, Loc, Person], &[Org, Org, Org, Org]),
        // No type has more than every other: each keeps its own.
        (&[Gpe, Person], &[Gpe, Person]),
        (&[Gpe, Person, Org, Org, Gpe], &[Gpe, Person, Org, Org, Gpe]),
        // Events keep theirs and make no other mention one.
        (&[Event, Event, Org], &[Event, Event, Org]),
        (&[Person], &[Person]),
    ];

    #[test]
    fn a_name_is_one_type_throughout_when_most_mentions_agree() {
        for &(kinds, expected) in TYPE_CASES {
            let mut found: Vec<Mention> = kinds
                .iter()
                .enumerate()
                .map(|(i, &kind)| Mention {
                    span: Span::new(i * 10, i * 10 + 8),
                    kind,
                    canonical: None,
                    sentence: i,
                    key: Key::from("bridgton".to_string()),
                })
                .collect();
            // Another name's mentions are counted apart.
            found.push(Mention {
                span: Span::new(100, 105),
                kind: Person,
                canonical: None,
                sentence: 9,
                key: Key::from("maine".to_string()),
            });
            one_type_per_name(&mut found);
            let kinds: Vec<EntityType> = found.iter().map(|m| m.kind).collect();
            assert_eq!(&kinds[..expected.len()], expected, "{:?}", kinds);
            assert_eq!(kinds[expected.len()], Person);
        }
    }

    #[test]
    fn names_the_body_gives_are_found_everywhere() {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        for (text, expected) in CASES {
            let analysis = analyse(text, &options);
            let mentions: Vec<(&str, &str)> =
                analysis.mentions.iter().map(|m| (m.text, m.kind)).collect();
            assert_eq!(mentions, *expected, "in {text:?}");
        }
    }
}
