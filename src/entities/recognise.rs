//! Finding mentions: the rules (`scanner.rs`: gazetteer names, titles before names,
//! keyword heads, capitalised spans shaped like personal names; `known_names.rs`: names
//! the article has already introduced), and the learned tagger reading with them
//! (`tagger/bridge.rs`), then the second passes over the whole article.

use crate::entities::common_words::CommonWords;
use crate::entities::companies::type_listed_companies;
use crate::entities::in_text_order;
use crate::entities::known_names::{resolve_known_names, retype_places_named_as_surnames};
use crate::entities::lexicon::is_headline;
use crate::entities::lowercase_places::add_lowercase_places;
use crate::entities::names::phrase_key;
use crate::entities::scanner::{guess_people_by_their_words, LastAnswer, Scanner};
use crate::entities::side_by_side::{
    join_side_by_side, take_in_article_surnames, take_in_particle_surnames,
};
use crate::entities::slot_names::find_slot_names;
use crate::entities::tagger::bridge::{
    opens_headline_alone, rule_evidence_stands, tagged_mentions, visit_sentences,
};

use crate::entities::tagger::{Model, Scratch};
use crate::entities::{aliases, context, evidence};
use crate::entities::{overlaps_any, EntityType, Mention};
use crate::gazetteer::gazetteer;
use crate::hash::{map_with_capacity, FastMap, FastSet};
use crate::segment::{is_chrome_label, Segments};
use crate::token::TokenLists;

/// Every mention in the content sentences of `text`, in text order, without overlaps.
pub fn recognise(text: &str, segments: &Segments) -> Vec<Mention> {
    let sentences = tokenize_sentences(text, segments);
    let mut found = rule_mentions(text, &sentences, None);
    context::drop_common_acronyms(text, &mut found);
    add_lowercase_places(text, &sentences, gazetteer(), &mut found);
    type_listed_companies(&sentences, &mut found);
    key_mentions(text, &mut found);
    found
}

/// The tokens of each content sentence: the one tokenisation every reader of the article shares.
pub fn tokenize_sentences<'a>(text: &'a str, segments: &Segments) -> TokenLists<'a> {
    TokenLists::of(text, segments.sentences.iter().map(|s| s.span))
}

/// The mentions the tagger finds, reading the rules' mentions as features: its spans, with the
/// rules' fine type and canonical name where they found the same span as the same class. Where
/// the tagger found nothing, a rule's name stands on evidence the tagger cannot weigh as well
/// (`rule_evidence_stands`). Events stay the rules' alone (no corpus annotates them).
pub fn recognise_with_tagger(text: &str, segments: &Segments, model: &Model) -> Vec<Mention> {
    let sentences = tokenize_sentences(text, segments);
    let common_words = CommonWords::of(text, &sentences);
    let rules = rule_mentions(text, &sentences, Some(&common_words));
    let mut found = Vec::new();
    let mut events = Vec::new();
    let mut left_out = Vec::new();
    let mut opening_words = Vec::new();
    let mut scratch = Scratch::default();
    visit_sentences(
        &sentences,
        &rules,
        &common_words,
        &mut |view, index, rules| {
            events.extend(
                rules
                    .iter()
                    .filter(|m| m.kind == EntityType::Event)
                    .cloned(),
            );
            let labels = model.tag_with(view, &mut scratch);
            let mut tagged = tagged_mentions(view, &labels, index, rules);
            if let Some(at) = tagged
                .iter()
                .position(|m| opens_headline_alone(view, m, rules))
            {
                opening_words.push(tagged.remove(at));
            }
            // Both in text order without overlaps: one walk finds the rules' names the
            // tagger's leave free.
            let mut next = 0;
            let free = rules.iter().filter(|r| {
                while tagged.get(next).is_some_and(|t| t.span.end <= r.span.start) {
                    next += 1;
                }
                tagged.get(next).is_none_or(|t| !t.span.overlaps(r.span))
            });
            for rule in free {
                if rule_evidence_stands(view, rule) {
                    found.push(rule.clone());
                } else if rule.kind == EntityType::Person {
                    left_out.push(rule.clone());
                }
            }
            found.extend(tagged);
        },
    );
    key_mentions(text, &mut found);
    // The article's own evidence: a person the rules found that the tagger left out stands when
    // the article names the same person elsewhere ("Caparov" after "Sadir Japarov").
    let people: FastSet<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .flat_map(|m| [m.key.as_str(), m.key.rsplit(' ').next().unwrap_or("")])
        .collect();
    let named_elsewhere: Vec<Mention> = left_out
        .into_iter()
        .filter(|m| people.contains(m.key.as_str()))
        .collect();
    found.extend(named_elsewhere);
    // A lone word that opens a headline, which no rule found, is a name only if the article
    // names it elsewhere too: capitals there may be the position's alone.
    key_mentions(text, &mut opening_words);
    let words: FastSet<&str> = found.iter().flat_map(|m| m.key.split(' ')).collect();
    let confirmed: Vec<Mention> = opening_words
        .into_iter()
        .filter(|m| words.contains(m.key.as_str()))
        .collect();
    found.extend(confirmed);
    let openers = evidence::headline_openers(text, &sentences, &found);
    found.extend(openers);
    found.retain(|m: &Mention| !overlaps_any(&events, m.span));
    found.extend(events);
    in_text_order(&mut found);
    let joined = join_side_by_side(text, &sentences, gazetteer(), &mut found);
    let particles = take_in_particle_surnames(&sentences, gazetteer(), &mut found);
    if take_in_article_surnames(&sentences, &mut found) || joined || particles {
        key_mentions(text, &mut found);
    }
    aliases::join_nicknames(&sentences, &mut found);
    evidence::repeat_names(
        text,
        &sentences,
        |w| common_words.contains(w),
        &rules,
        &mut found,
    );
    find_slot_names(text, &sentences, &mut found);
    context::read_context(text, &sentences, &mut found);
    context::camel_case_organisations(&sentences, &mut found);
    context::drop_quoted_phrases(text, &sentences, &mut found);
    context::drop_common_acronyms(text, &mut found);
    aliases::second_names(text, &sentences, &mut found);
    aliases::share_types(text, &sentences, &mut found);
    add_lowercase_places(text, &sentences, gazetteer(), &mut found);
    type_listed_companies(&sentences, &mut found);
    // A page's label ("Advertisement revenue rose") is no name, whoever read it as one.
    found.retain(|m| !is_chrome_label(&text[m.span.start..m.span.end]));
    key_mentions(text, &mut found);
    evidence::one_type_per_name(&mut found);
    found
}

/// Gives each mention without one its spelling key; a name an article repeats is keyed once.
pub(crate) fn key_mentions(text: &str, mentions: &mut [Mention]) {
    let mut keyed: FastMap<&str, usize> = map_with_capacity(mentions.len());
    for i in 0..mentions.len() {
        if !mentions[i].key.is_empty() {
            continue;
        }
        let span = mentions[i].span;
        let surface = &text[span.start..span.end];
        mentions[i].key = match keyed.get(surface) {
            Some(&j) => mentions[j].key.clone(),
            None => {
                keyed.insert(surface, i);
                phrase_key(surface).into()
            }
        };
    }
}

/// The rules' mentions: gazetteer, titles, keyword heads, name shapes, known names. `common`
/// is the article's [`CommonWords`] where the caller has them already; without, the rules read
/// only the few words they ask about.
pub fn rule_mentions(
    text: &str,
    sentences: &TokenLists,
    common: Option<&CommonWords>,
) -> Vec<Mention> {
    // The bench corpus has a name every ~15 tokens: sized for twice that, the lists seldom grow.
    let mut found = Vec::with_capacity(sentences.all().len() / 8 + 1);
    let mut unresolved = Vec::with_capacity(sentences.all().len() / 16 + 1);
    for (index, tokens) in sentences.iter().enumerate() {
        let headline = is_headline(tokens);
        let scanner = Scanner {
            tokens,
            sentence: index,
            headline,
            gazetteer: gazetteer(),
            last_name: LastAnswer::new(),
            last_title: LastAnswer::new(),
        };
        scanner.scan(&mut found, &mut unresolved);
    }
    guess_people_by_their_words(text, sentences, common, &mut unresolved);
    retype_places_named_as_surnames(text, &mut found);
    key_mentions(text, &mut found);
    let keyed = found.len();
    resolve_known_names(text, &mut found, &unresolved);
    key_mentions(text, &mut found[keyed..]);
    in_text_order(&mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn mentions(text: &str) -> Vec<(String, &'static str)> {
        recognise(text, &segment(text))
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind.label()))
            .collect()
    }

    fn count(found: &[(String, &str)], text: &str, kind: &str) -> usize {
        found
            .iter()
            .filter(|(t, k)| t == text && *k == kind)
            .count()
    }

    fn has(found: &[(String, &str)], text: &str, kind: &str) -> bool {
        found.iter().any(|(t, k)| t == text && *k == kind)
    }

    /// A mention, its type, and how many times a case's text must hold it (0: never).
    type Expected = (&'static str, &'static str, usize);

    /// A rule, a text, and how many times each (mention, type) must be found in it (0: never).
    /// A new case is a new row.
    const CASES: &[(&str, &str, &[Expected])] = &[
        (
            "titles are not part of names",
            "Chinese Premier Li Qiang met President of Kyrgyzstan Sadir Japarov in Bishkek.",
            &[
                ("Chinese", "NORP", 1),
                ("Li Qiang", "PERSON", 1),
                ("Kyrgyzstan", "GPE", 1),
                ("Sadir Japarov", "PERSON", 1),
                ("Bishkek", "GPE", 1),
            ],
        ),
        (
            "a title word opening a known name or before an organisation head is no title",
            "Yesterday General Motors and the US Air Force met Lehman Brothers.",
            &[
                ("General Motors", "ORG", 1),
                ("US Air Force", "ORG", 1),
                ("Lehman Brothers", "ORG", 1),
            ],
        ),
        (
            "place lists without commas split",
            "Work on the China Kyrgyzstan Uzbekistan railway began.",
            &[("China", "GPE", 1), ("Kyrgyzstan", "GPE", 1), ("Uzbekistan", "GPE", 1)],
        ),
        (
            "company forms end organisations",
            "Apple Inc. shares rose. General Motors Corporation lost ground, as did Chrysler LLC.",
            &[
                ("Apple Inc.", "ORG", 1),
                ("General Motors Corporation", "ORG", 1),
                ("Chrysler LLC", "ORG", 1),
            ],
        ),
        (
            "what follows a title and 'of' is no person; head words type leftovers",
            "Jim Press, the Vice Chairman of Chrysler, met Joe Leonard, Chairman and Chief Executive of AirTran Airways.",
            &[
                ("Jim Press", "PERSON", 1),
                ("Chrysler", "PERSON", 0),
                ("AirTran Airways", "ORG", 1),
            ],
        ),
        (
            "a noun for an organisation introduces one, and later mentions follow it",
            "The computer company Apple said it would hire. Later, automaker Chrysler said Apple was wrong.",
            &[("Apple", "ORG", 2), ("Apple", "PERSON", 0), ("Chrysler", "ORG", 1)],
        ),
        (
            "a company is named without its legal form after its first mention",
            "Shares in Apple Inc. rose on Monday. Analysts expect Apple to grow. Apple said so.",
            &[("Apple", "ORG", 2)],
        ),
        (
            "a given name before a one-word place is a person, unless it is a place itself",
            "GM chief Fritz Henderson met officials from Israel Jordan and Egypt.",
            &[
                ("Fritz Henderson", "PERSON", 1),
                ("Israel", "GPE", 1),
                ("Jordan", "GPE", 1),
            ],
        ),
        (
            "first words of place names type plain runs",
            "Rebels left Deir Hafer for Wadi Qandil and Mount Zorbal.",
            &[
                ("Deir Hafer", "GPE", 1),
                ("Wadi Qandil", "LOC", 1),
                ("Mount Zorbal", "LOC", 1),
            ],
        ),
        (
            "a name with a version number is a product's, no person's",
            "Microsoft said Internet Explorer is safe. Users of Internet Explorer 6 must upgrade, Zorbal Quenty said.",
            &[("Internet Explorer", "PERSON", 0), ("Zorbal Quenty", "PERSON", 1)],
        ),
        (
            "an organisation's head before 'on' or 'for' types the whole name",
            "The Kenya National Commission on Human Rights wrote to the Department for Infrastructure.",
            &[
                ("Kenya National Commission on Human Rights", "ORG", 1),
                ("Department for Infrastructure", "ORG", 1),
                ("Human Rights", "PERSON", 0),
            ],
        ),
        (
            "a title between an organisation and a person parts them",
            "Central Bank of Kenya Governor Njuguna Ndung'u met European Commission President Ursula Gertrud.",
            &[
                ("Central Bank of Kenya", "ORG", 1),
                ("Njuguna Ndung'u", "PERSON", 1),
                ("European Commission", "ORG", 1),
                ("Ursula Gertrud", "PERSON", 1),
            ],
        ),
        (
            "a law's name names no one, but what owns it does",
            "Protesters marched against Kenya's Finance Bill and the Climate Change Act. Hillary and Bill Clinton spoke in NSW and ACT.",
            &[
                ("Kenya", "GPE", 1),
                ("Finance Bill", "PERSON", 0),
                ("Finance Bill", "LOC", 0),
                ("Climate Change Act", "ORG", 0),
                ("Bill Clinton", "PERSON", 1),
            ],
        ),
        (
            "a place or a day after 'on' or 'for' is no remit",
            "The Metropolitan Police on Christmas Eve thanked the Council on Foreign Relations.",
            &[
                ("Metropolitan Police", "ORG", 1),
                ("Metropolitan Police on Christmas Eve", "ORG", 0),
                ("Council on Foreign Relations", "ORG", 1),
            ],
        ),
        (
            "a place spelled like a named person's surname is that person",
            "GM chief Fritz Henderson resigned. Henderson said GM would survive.",
            &[("Henderson", "PERSON", 1), ("Henderson", "GPE", 0)],
        ),
    ];

    #[test]
    fn rules_find_the_mentions_of_each_case() {
        for (rule, text, expected) in CASES {
            let found = mentions(text);
            for &(surface, kind, times) in *expected {
                let seen = count(&found, surface, kind);
                assert_eq!(seen, times, "{rule}: {surface:?} as {kind} in {found:?}");
            }
        }
    }

    #[test]
    fn adjectives_do_not_make_names() {
        let found = mentions("Stocks fell as the Industrial Average lost and Creative Live rose.");
        assert!(found.iter().all(|(_, k)| *k != "PERSON"), "{found:?}");
    }

    #[test]
    fn keyword_heads_type_unknown_names() {
        let found =
            mentions("The Kyrgyz Foreign Ministry said Manas International Airport reopened.");
        assert!(has(&found, "Kyrgyz Foreign Ministry", "ORG"), "{found:?}");
        assert!(
            has(&found, "Manas International Airport", "FAC"),
            "{found:?}"
        );
    }

    #[test]
    fn events_numbered_after_their_head_are_events() {
        let found = mentions("He fought in World War II, then in Gulf War III in France.");
        assert!(has(&found, "World War II", "EVENT"), "{found:?}");
        assert!(has(&found, "Gulf War III", "EVENT"), "{found:?}");
        let found = mentions("The G20 summit met in Rio de Janeiro.");
        assert!(has(&found, "G20", "ORG"), "{found:?}");
    }

    #[test]
    fn a_place_that_is_a_given_name_before_a_surname_is_a_person() {
        let found = mentions(
            "President Vladimir Putin met Charlotte Jones. Officials in Charlotte and in \
             Vladimir agreed.",
        );
        assert!(has(&found, "Vladimir Putin", "PERSON"), "{found:?}");
        assert!(has(&found, "Charlotte Jones", "PERSON"), "{found:?}");
        assert!(has(&found, "Charlotte", "GPE"), "{found:?}");
        assert!(has(&found, "Vladimir", "GPE"), "{found:?}");
    }

    #[test]
    fn surnames_and_variants_resolve_after_the_full_name() {
        let found =
            mentions("President Sadyr Japarov arrived. Later Zaparov spoke. Then Japarov left.");
        assert!(
            has(&found, "Zaparov", "PERSON") && has(&found, "Japarov", "PERSON"),
            "{found:?}"
        );
    }

    #[test]
    fn headlines_only_trust_known_names() {
        let found = mentions(
            "Xi Jinping Talks with President Zaparov\nXi Jinping met Sadyr Japarov on Friday.",
        );
        assert!(has(&found, "Xi Jinping", "PERSON"), "{found:?}");
        assert!(has(&found, "Zaparov", "PERSON"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("Talks")), "{found:?}");
    }

    #[test]
    fn sentence_starters_and_calendar_words_are_not_names() {
        let found = mentions("However, on Monday in May the talks in Astana went on.");
        assert_eq!(found, vec![("Astana".to_string(), "GPE")]);
        let found = mentions("Unlike Chrysler, the city of Livorno kept its bonds.");
        assert!(
            found.iter().all(|(t, _)| !t.contains("Unlike")),
            "{found:?}"
        );
    }

    #[test]
    fn photo_credits() {
        let found = mentions("(Photo: Rao Aimin/Xinhua)");
        assert!(
            has(&found, "Rao Aimin", "PERSON") && has(&found, "Xinhua", "ORG"),
            "{found:?}"
        );
    }
}
