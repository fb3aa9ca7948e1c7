//! Companies the news names by a short name alone ("Tesla", "Huawei", "Toyota"), from a list
//! compiled by hand (`data/entities/companies.txt`). Read after the tagger, so that a company it
//! missed, or read as a place (Toyota is a city too), is an organisation; the list is no tagger
//! feature, so it changes no weights.

use std::sync::OnceLock;

use super::{in_text_order, mention_phrases, EntityType, Mention, PhraseIndex};
use crate::hash::lines;
use crate::token::{tokens_within, Token, TokenLists};
use crate::Span;

/// Makes every mention of a listed company in `sentences` an organisation, adding those nothing
/// found. `found` is in text order without overlaps and stays so.
pub(crate) fn type_listed_companies(sentences: &TokenLists, found: &mut Vec<Mention>) {
    static INDEX: OnceLock<PhraseIndex<'static>> = OnceLock::new();
    let index = INDEX
        .get_or_init(|| PhraseIndex::of(lines(include_str!("../../data/entities/companies.txt"))));
    split_at_and(sentences, index, found);
    mention_phrases(
        sentences,
        index,
        EntityType::Org,
        |after| !names_a_model(after),
        found,
    );
}

/// Whether the tokens after a company's name make it a product's: a model number or code
/// ("Airbus A380", "Boeing 787"; "Tesla Model 3" is left to the tagger).
fn names_a_model(after: &[Token]) -> bool {
    after
        .first()
        .is_some_and(|t| t.text.bytes().any(|b| b.is_ascii_digit()))
}

/// Parts an organisation read across "and" where the words on one side are a listed company
/// ("Huawei | and | General Motors"): two organisations. A name of one company with "and" in it
/// ("Procter and Gamble") has neither side listed.
fn split_at_and(sentences: &TokenLists, index: &PhraseIndex, found: &mut Vec<Mention>) {
    let mut parts = Vec::new();
    for m in found.iter_mut().filter(|m| m.kind == EntityType::Org) {
        let Some(tokens) = sentences.get(m.sentence) else {
            continue;
        };
        let inside = &tokens[tokens_within(tokens, m.span)];
        let Some(and) = inside.iter().position(|t| t.text == "and") else {
            continue;
        };
        let (before, after) = (&inside[..and], &inside[and + 1..]);
        if before.is_empty() || after.is_empty() || !(index.holds(before) || index.holds(after)) {
            continue;
        }
        let second = Span::new(after[0].span.start, m.span.end);
        *m = Mention::found(
            Span::new(m.span.start, before[before.len() - 1].span.end),
            m.kind,
            m.sentence,
        );
        parts.push(Mention::found(second, EntityType::Org, m.sentence));
    }
    if !parts.is_empty() {
        found.extend(parts);
        in_text_order(found);
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::cases::{assert_typed_cases, TypedCases};

    const CASES: TypedCases<'static> = &[
        (
            "Tesla and Toyota sponsored the race in Nagoya; Alibaba, Huawei and General Motors \
             did not.",
            &[
                ("Tesla", "ORG"),
                ("Toyota", "ORG"),
                ("Alibaba", "ORG"),
                ("Huawei", "ORG"),
                ("General Motors", "ORG"),
                ("Nagoya", "GPE"),
            ],
            &[("Toyota", "GPE"), ("Huawei", "GPE")],
        ),
        (
            // Written otherwise, or inside a longer name, a listed word is left alone.
            "The tesla is a unit. Toyota City lies east of Nagoya. Airbus A380 jets landed.",
            &[("Nagoya", "GPE")],
            &[("tesla", "ORG"), ("Toyota", "ORG"), ("Airbus", "ORG")],
        ),
    ];

    #[test]
    fn listed_companies_are_organisations() {
        assert_typed_cases(CASES);
    }
}
