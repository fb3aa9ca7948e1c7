//! Names no reader found, found by the slot they fill: only a company has shares ("shares of
//! Rivian"), what follows "the province of" is a place ("Badakhshan"), the other end of a route
//! from a known place is a place ("between Belfast and Cairnryan"), and a company named with
//! its legal form is named without it too ("Orbital Lantern Corp", then "Orbital Lantern").
//! Each adds the name wherever the article writes it again.

use super::lexicon::{ends_in_company_form, FUNCTION_WORDS, GPE_HEADS};
use super::{
    in_text_order, mention_every, mention_phrases, overlaps_any, retypes, EntityType, Mention,
    PhraseIndex,
};
use crate::token::{Token, TokenLists};
use crate::Span;

/// Adds the names found by their slot to `found` (in text order, without overlaps; it stays so).
pub(crate) fn find_slot_names(text: &str, sentences: &TokenLists, found: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        for i in 2..tokens.len() {
            let Some((start, kind)) = slot_at(tokens, i, found) else {
                continue;
            };
            let run = capitalised_run(&tokens[start..]);
            if run == 0 {
                continue;
            }
            let span = Span::new(tokens[start].span.start, tokens[start + run - 1].span.end);
            match found.binary_search_by_key(&span.start, |m| m.span.start) {
                // "the province of Badakhshan" read as a person: the slot says otherwise.
                Ok(at) if found[at].span == span && retypes(found[at].kind, kind) => {
                    found[at].kind = kind;
                    found[at].canonical = None;
                    added.push(found[at].clone());
                }
                _ if !overlaps_any(found, span) => added.push(Mention::found(span, kind, index)),
                _ => {}
            }
        }
    }
    let shortened = company_short_names(text, found);
    if added.is_empty() && shortened.is_empty() {
        return;
    }
    for kind in [EntityType::Org, EntityType::Gpe] {
        let words: Vec<&str> = added
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| &text[m.span.start..m.span.end])
            .filter(|name| !name.contains(' '))
            .collect();
        let new: Vec<Mention> = added
            .iter()
            .filter(|m| m.kind == kind && !overlaps_any(found, m.span))
            .cloned()
            .collect();
        found.extend(new);
        in_text_order(found);
        if !words.is_empty() {
            mention_every(sentences, &words, kind, found);
        }
    }
    let index = PhraseIndex::of(shortened.iter().copied());
    mention_phrases(sentences, &index, EntityType::Org, |_| true, found);
}

/// The slot that token `i` opens, if any: where its name starts and of what type it is.
fn slot_at(tokens: &[Token], i: usize, found: &[Mention]) -> Option<(usize, EntityType)> {
    let (two_before, before) = (&tokens[i - 2], &tokens[i - 1]);
    if before.is("of") {
        if two_before.is("shares") {
            return Some((i + usize::from(tokens[i].is("the")), EntityType::Org));
        }
        // "the province of", "the district of": a lower-case head of a town or region.
        let division = two_before
            .text
            .starts_with(|c: char| c.is_ascii_lowercase())
            && GPE_HEADS.contains(two_before.text);
        return division.then_some((i, EntityType::Gpe));
    }
    // "between Belfast and Cairnryan", "from Belfast to Cairnryan".
    let route = (before.is("and") || before.is("to")) && i >= 3;
    if route {
        let place = found
            .binary_search_by_key(&two_before.span.end, |m| m.span.end)
            .ok()
            .map(|at| &found[at])
            .filter(|m| m.kind == EntityType::Gpe)?;
        let opener = tokens[..i - 1]
            .iter()
            .rev()
            .find(|t| t.span.end <= place.span.start)?;
        let opens = if before.is("and") { "between" } else { "from" };
        return opener.is(opens).then_some((i, EntityType::Gpe));
    }
    None
}

/// How many capitalised words, none of them a function word, open `tokens`.
fn capitalised_run(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .take_while(|t| t.is_word() && t.is_capitalised() && !FUNCTION_WORDS.contains(t.text))
        .count()
}

/// The names of the companies of `found` named with a legal form ("Orbital Lantern Corp",
/// "Acme Holdings Inc."), without it: two words or more, so that no lone common word ("Apple")
/// is taken for a company everywhere.
fn company_short_names<'t>(text: &'t str, found: &[Mention]) -> Vec<&'t str> {
    let mut names: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Org)
        .filter_map(|m| {
            let surface = &text[m.span.start..m.span.end];
            let (short, _) = surface.rsplit_once(' ')?;
            (ends_in_company_form(surface) && short.contains(' ')).then_some(short)
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use crate::entities::cases::{assert_typed_cases, TypedCases};

    const CASES: TypedCases<'static> = &[
        (
            "Shares of Rivian fell 5% on Monday. Rivian said in a statement it would cut jobs.",
            &[("Rivian", "ORG")],
            &[("Rivian", "LOC"), ("Rivian", "PERSON")],
        ),
        (
            // Only a company has shares; "said in a statement" alone finds no name.
            "Shares of the Sulawesi Ferro Nusantara rose. Police said in a statement that \
             shares of Japanese carmakers fell.",
            &[("Sulawesi Ferro Nusantara", "ORG"), ("Japanese", "NORP")],
            &[("Police", "ORG"), ("Japanese", "ORG")],
        ),
        (
            "A quake struck the northeastern province of Badakhshan on Tuesday. Aid reached \
             Badakhshan on Friday.",
            &[("Badakhshan", "GPE")],
            &[("Badakhshan", "PERSON")],
        ),
        (
            "Fares between Belfast and Cairnryan will rise. Trains from Belfast to Larne ran \
             late, and the talks between Smith and Jones ended.",
            &[("Belfast", "GPE"), ("Cairnryan", "GPE"), ("Larne", "GPE")],
            &[("Jones", "GPE")],
        ),
        (
            "The FAA opened an inquiry into Orbital Lantern Corp on Friday. Orbital Lantern \
             postponed three launches. Apple Inc. said nothing.",
            &[("Orbital Lantern Corp", "ORG"), ("Orbital Lantern", "ORG")],
            &[],
        ),
    ];

    #[test]
    fn the_slot_a_name_fills_finds_it() {
        assert_typed_cases(CASES);
    }
}
