//! Two names side by side, parted by nothing but a space, are nearly always one: annotated
//! text almost never puts two names there, while the tagger and the rules often cut one name at
//! a place inside it ("Toronto | Blue Jays", "Quebec | Human Rights Tribunal", "Frank |
//! Messina"). Only the pairings whose whole is predictable are joined.

use crate::entities::{EntityType, Key, Mention};
use crate::gazetteer::Gazetteer;
use crate::token::{tokens_within, Token, TokenLists};
use crate::Span;

/// Joins each such pair in `found` (in text order, without overlaps; it stays so) into one
/// mention of the type [`joined_type`] gives; whether it joined any (those have no key yet).
pub(crate) fn join_side_by_side(
    text: &str,
    sentences: &TokenLists,
    gazetteer: &Gazetteer,
    found: &mut Vec<Mention>,
) -> bool {
    let before = found.len();
    let mut joined: Vec<Mention> = Vec::with_capacity(found.len());
    // A pair is joined once, never into a chain: a megabyte of "Acme Inc. " stays names of
    // two words, and each check reads two names of their own length.
    let mut last_joined = false;
    for mention in found.drain(..) {
        let Some(last) = joined.last_mut() else {
            joined.push(mention);
            continue;
        };
        let side_by_side = !last_joined
            && last.sentence == mention.sentence
            && last.span.end < mention.span.start
            && &text[last.span.end..mention.span.start] == " ";
        let kind = side_by_side
            .then(|| {
                let tokens = sentences.get(mention.sentence)?;
                let first_at = tokens_within(tokens, last.span);
                // "President of Kyrgyzstan | Sadir Japarov", "Ambassador of the Republic of
                // Chad | Idriss Deby": a title's place, then its holder.
                if after_of(&tokens[..first_at.start]) {
                    return None;
                }
                let first = &tokens[first_at];
                let second = &tokens[tokens_within(tokens, mention.span)];
                let is_first_name = |t: &Token| gazetteer.is_first_name(t);
                let is_name = |t: &Token| gazetteer.is_first_name(t) || gazetteer.is_last_name(t);
                joined_type(
                    (
                        last.kind,
                        first.last().is_some_and(is_first_name),
                        matches!(first, [one] if is_first_name(one)),
                    ),
                    (mention.kind, second.iter().any(is_name)),
                )
            })
            .flatten();
        last_joined = kind.is_some();
        match kind {
            Some(kind) => {
                *last = Mention {
                    span: Span::new(last.span.start, mention.span.end),
                    kind,
                    canonical: None,
                    sentence: last.sentence,
                    key: Key::default(),
                };
            }
            None => joined.push(mention),
        }
    }
    *found = joined;
    found.len() < before
}

/// Whether `before` ends with "of" or "of the".
fn after_of(before: &[Token]) -> bool {
    match before {
        [.., of, the] if the.is("the") => of.is("of"),
        [.., of] => of.is("of"),
        [] => false,
    }
}

/// The type of the one name two side by side make, or None to keep them apart. `first`: its
/// type, whether its last word is a listed given name, whether it is one word and that a given
/// name; `second`: its type,
/// whether any word is a listed given or family name.
fn joined_type(
    (first, ends_given, given_name): (EntityType, bool, bool),
    (second, names_someone): (EntityType, bool),
) -> Option<EntityType> {
    use EntityType::*;
    match (first, second) {
        // "Tampa Bay | Devil Rays", "US | Federal Reserve", "American | Civil Liberties Union".
        (Gpe | Norp, Org) | (Org, Org) => Some(Org),
        // "Chad | Edward Gaudin", "Salvador | Luria": the place is a given name.
        (Gpe, Person) if given_name => Some(Person),
        // "Toronto | Blue Jays", "Quebec | Human Rights Tribunal": no one's name follows the
        // place ("Washington | Chris Gregoire" stays two).
        (Gpe, Person) if !names_someone => Some(Org),
        // "Frank | Messina": a given name, then a surname spelled like a place.
        (Person, Gpe) if ends_given => Some(Person),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, Options};
    use EntityType::*;

    /// ((first type, its last word a given name, it a one-word given name), (second type, a word
    /// a listed name), the joined type).
    #[allow(clippy::type_complexity)]
    const PAIRS: &[(
        (EntityType, bool, bool),
        (EntityType, bool),
        Option<EntityType>,
    )] = &[
        ((Gpe, false, false), (Org, false), Some(Org)),
        ((Norp, false, false), (Org, true), Some(Org)),
        ((Org, false, false), (Org, false), Some(Org)),
        ((Gpe, true, true), (Person, true), Some(Person)),
        ((Gpe, false, false), (Person, false), Some(Org)),
        ((Gpe, false, false), (Person, true), None),
        ((Person, true, true), (Gpe, false), Some(Person)),
        ((Person, false, false), (Gpe, false), None),
        ((Gpe, false, false), (Gpe, false), None),
        ((Norp, false, false), (Person, false), None),
        ((Org, false, false), (Person, true), None),
        ((Gpe, false, false), (Norp, false), None),
    ];

    #[test]
    fn pairs_join_only_where_the_whole_is_predictable() {
        for &(first, second, expected) in PAIRS {
            assert_eq!(joined_type(first, second), expected, "{first:?} {second:?}");
        }
    }

    /// (article, (name, type) it must hold, names it must not).
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &[(&str, &str)], &[&str])] = &[
        (
            "The Quebec Human Rights Tribunal ruled on Monday that the Tampa Bay Devil Rays had \
             broken the law. Chad Michael Murray, an actor, said the Toronto Blue Jays agreed.",
            &[
                ("Quebec Human Rights Tribunal", "ORG"),
                ("Tampa Bay Devil Rays", "ORG"),
                ("Chad Michael Murray", "PERSON"),
                ("Toronto Blue Jays", "ORG"),
            ],
            &[
                "Quebec",
                "Human Rights Tribunal",
                "Tampa",
                "Chad",
                "Toronto",
                "Blue Jays",
            ],
        ),
        // Two names a comma or a word parts stay two; so do a place and a person's name.
        (
            "Officials in Kenya, Uganda and Tanzania met on Friday. In Washington Chris Gregoire \
             said the talks went well.",
            &[
                ("Kenya", "GPE"),
                ("Uganda", "GPE"),
                ("Chris Gregoire", "PERSON"),
            ],
            &["Washington Chris Gregoire"],
        ),
        // A title's place, then its holder.
        (
            "The President of Kyrgyzstan Sadir Japarov met the Ambassador of the Republic of \
             Chad Idriss Deby on Friday.",
            &[
                ("Kyrgyzstan", "GPE"),
                ("Sadir Japarov", "PERSON"),
                ("Idriss Deby", "PERSON"),
            ],
            &["Kyrgyzstan Sadir Japarov", "Chad Idriss Deby"],
        ),
    ];

    #[test]
    fn names_side_by_side_are_read_as_one() {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        for &(text, names, not) in CASES {
            let analysis = analyse(text, &options);
            let found: Vec<(&str, &str)> =
                analysis.mentions.iter().map(|m| (m.text, m.kind)).collect();
            for name in names {
                assert!(found.contains(name), "{name:?} in {found:?}");
            }
            for span in not {
                assert!(
                    found.iter().all(|(t, _)| t != span),
                    "{span:?} in {found:?}"
                );
            }
        }
    }
}
