use crate::entities::common_words::CommonWords;
use crate::entities::lexicon::{
    has_head_before_remit, head_before_remit_at, head_type, is_connector, is_entity_kind,
    is_headline_line, is_sentence_starter, law_name_start, COMPANY_FORMS, EVENT_HEADS, FAC_HEADS,
    FEATURE_FIRST_WORDS, GPE_HEADS, LOC_HEADS, MEMBER_NOUNS, SPEECH_VERBS,
};
use crate::entities::recognise::{rule_mentions, tokenize_sentences};
use crate::entities::tagger::{self, SentenceView};
use crate::entities::{EntityType, Key, Mention};
use crate::gazetteer::{gazetteer, Kind, LONGEST_TITLE};
use crate::segment::Segments;
use crate::token::{tokens_within, Token, TokenLists};
use crate::Span;

/// A one-word name the tagger found at the start of a headline (a line with no closing stop)
/// and no rule found ("Storm cuts power to thousands in Bangladesh").
pub(crate) fn opens_headline_alone(
    view: &SentenceView,
    mention: &Mention,
    rules: &[Mention],
) -> bool {
    is_headline_line(view.tokens)
        && view.tokens[0].span == mention.span
        && !rules.iter().any(|r| r.span == mention.span)
}

/// A rule's name the tagger left out stands when its evidence is strong: a person after a title
/// ("President Sadir Japarov", "Ambassador of Japan Hatori Takashi") or a credit ("Photo: Rao
/// Aimin/Xinhua") or a full name; a place the gazetteer lists that is no ordinary English word
/// ("Uzbekistan"); an acronym defined in parentheses after a name; an organisation of two
/// words or more the gazetteer lists. Every other kind of rule name kept this way cost more
/// precision than it gave recall.
pub(crate) fn rule_evidence_stands(view: &SentenceView, mention: &Mention) -> bool {
    let within = tokens_within(view.tokens, mention.span);
    let (first, tokens) = (within.start, &view.tokens[within]);
    match mention.kind {
        EntityType::Person => {
            after_title(view, first)
                || after_credit(&view.tokens[..first])
                // A full name of two or three words the rules read ("Xi Jinping met Li Qiang"):
                // transliterated names the tagger's training text hardly has. Costs about a
                // point of precision on the corpora; our articles are full of such names.
                || (2..=3).contains(&tokens.len())
        }
        EntityType::Gpe => view
            .gazetteer
            .lookup(tokens)
            .iter()
            .any(|e| e.kind == Kind::Gpe && !e.ambiguous && e.matches_case(tokens)),
        // An acronym the text defines: "Japan International Cooperation Agency (JICA)", or one
        // its people follow: "the DUP leader" (a title such as "CEO" is none); an
        // organisation's head word before its remit: "Department for Infrastructure".
        EntityType::Org => {
            let acronym = tokens.len() == 1 && tokens[0].is_acronym();
            let defined = first >= 2
                && view.tokens[first - 1].text == "("
                && view.rule_labels[first - 2].0 != tagger::OUTSIDE;
            let followed_by_members = || {
                view.tokens
                    .get(first + 1)
                    .is_some_and(|t| MEMBER_NOUNS.contains(t.text))
                    && view.gazetteer.title_at(tokens).is_none()
            };
            // A name of two words or more the gazetteer lists as an organisation ("World Food
            // Programme"), written as listed.
            let listed = || {
                tokens.len() >= 2
                    && view
                        .gazetteer
                        .lookup(tokens)
                        .iter()
                        .any(|e| e.kind == Kind::Org && e.matches_case(tokens))
            };
            (acronym && (defined || followed_by_members()))
                || has_head_before_remit(tokens)
                || listed()
        }
        _ => false,
    }
}

/// Whether a title ends right before token `first`, or before an "of ..." that does
/// ("Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov").
pub(crate) fn after_title(view: &SentenceView, first: usize) -> bool {
    const LONGEST_OF_PHRASE: usize = 8;
    let tokens = view.tokens;
    let mut start = first;
    while start > 0
        && first - start < LONGEST_OF_PHRASE + LONGEST_TITLE
        && (tokens[start - 1].is_capitalised()
            || ["of", "the", "and"].contains(&tokens[start - 1].text))
    {
        start -= 1;
    }
    (start..first).any(|s| match view.gazetteer.title_at(&tokens[s..first]) {
        Some(n) => s + n == first || tokens[s + n].is("of"),
        None => false,
    })
}

/// "Photo: ", "Reporting by ", "Editing by ": the words before a credited name.
pub(crate) fn after_credit(before: &[Token]) -> bool {
    match before {
        [.., word, colon] if colon.text == ":" => ["photo", "photos", "photograph", "picture"]
            .iter()
            .any(|w| word.is(w)),
        [.., work, by] if by.is("by") => ["reporting", "editing", "writing", "photography"]
            .iter()
            .any(|w| work.is(w)),
        _ => false,
    }
}

/// Walks the content sentences as the tagger sees them: `visit(view, sentence index, the rules'
/// mentions in it)`. Training (`src/bin/train.rs`) and tagging share it, so both read alike.
pub fn tagger_sentences(
    text: &str,
    segments: &Segments,
    visit: &mut dyn FnMut(&SentenceView, usize, &[Mention]),
) {
    let sentences = tokenize_sentences(text, segments);
    let common_words = CommonWords::of(text, &sentences);
    let rules = rule_mentions(text, &sentences, Some(&common_words));
    visit_sentences(&sentences, &rules, &common_words, visit);
}

/// [`tagger_sentences`] of sentences already read.
pub(crate) fn visit_sentences(
    sentences: &TokenLists,
    rules: &[Mention],
    common_words: &CommonWords,
    visit: &mut dyn FnMut(&SentenceView, usize, &[Mention]),
) {
    let written_lowercase = |word: &str| common_words.contains(word);
    for (index, tokens) in sentences.iter().enumerate() {
        let first = rules.partition_point(|m| m.sentence < index);
        let end = first + rules[first..].partition_point(|m| m.sentence == index);
        let in_sentence = &rules[first..end];
        let rule_labels = tagger::rule_labels(tokens, in_sentence);
        let view = SentenceView {
            tokens,
            rule_labels: &rule_labels,
            gazetteer: gazetteer(),
            written_lowercase: &written_lowercase,
        };
        visit(&view, index, in_sentence);
    }
}

/// The tagger's names as mentions.
pub(crate) fn tagged_mentions(
    view: &SentenceView,
    labels: &[u8],
    sentence: usize,
    rules: &[Mention],
) -> Vec<Mention> {
    // The spans and the rules are both in text order: one walk pairs them.
    let mut next_rule = 0;
    let mut mentions = tagger_spans(view, labels)
        .into_iter()
        .filter_map(|(span, class)| {
            let within = tokens_within(view.tokens, span);
            // "Transport | Minister Claire Vautrin": a title's word names no place or body.
            if class != EntityType::Person && inside_title(view, within.clone()) {
                return None;
            }
            while rules
                .get(next_rule)
                .is_some_and(|m| m.span.start < span.start)
            {
                next_rule += 1;
            }
            // The rules' name of the same class holds the tagger's and goes on through a
            // connector ("Kenya National Commission | on Human Rights", "Republic of |
            // Uzbekistan"): their head word or their table read the whole name.
            let containing = [next_rule.checked_sub(1), Some(next_rule)];
            let extended = containing.into_iter().flatten().find_map(|r| {
                let m = rules.get(r)?;
                let goes_on = m.span.start == span.start
                    && m.span.end > span.end
                    && view.tokens.get(within.end).is_some_and(is_connector);
                // "Employment and | Labour Relations Court", "Minister of | Foreign Affairs".
                let began_before = m.span.end == span.end
                    && m.span.start < span.start
                    && within.start >= 2
                    && (joins_words_of_a_name(view, m.span, within.start - 1)
                        || head_before_remit_at(&view.tokens[within.start - 2..within.end], 0));
                let same_class = tagger::coarse(m.kind) == class;
                let org = class == EntityType::Org && m.kind == EntityType::Org;
                ((org && (goes_on || began_before)) || (same_class && goes_on)).then_some(m)
            });
            // The rules' person after a title the tagger took in ("Minister of Foreign |
            // Affairs Bakhtiyor Saidov"): titles are no part of names.
            let untitled = || {
                rules[next_rule..]
                    .iter()
                    .take_while(|m| m.span.start < span.end)
                    .find(|m| {
                        m.kind == EntityType::Person
                            && m.span.end == span.end
                            && m.span.start > span.start
                            && after_title(view, tokens_within(view.tokens, m.span).start)
                    })
            };
            // The rules' name of the same span stands where it is of the same class, or where
            // the gazetteer lists it as the organisation the rules read ("Facebook").
            let agreeing = extended.or_else(untitled).or_else(|| {
                rules.get(next_rule).filter(|m| {
                    m.span == span
                        && (tagger::coarse(m.kind) == class
                            || (m.kind == EntityType::Org
                                && listed_organisation(view, &view.tokens[within.clone()])))
                })
            });
            Some(agreeing.cloned().unwrap_or_else(|| {
                let tokens = &view.tokens[within.clone()];
                let listed = view.gazetteer.find(tokens, Kind::Gpe);
                Mention {
                    span,
                    kind: if class != EntityType::Person && place_named_person(view, within) {
                        EntityType::Person
                    } else if class == EntityType::Loc {
                        place_type(view, tokens, listed.is_some())
                    } else {
                        class
                    },
                    canonical: listed.and_then(|e| e.canonical),
                    sentence,
                    key: Key::default(),
                }
            }))
        })
        .collect::<Vec<Mention>>();
    // A name the rules' longer organisation took in ("on Human Rights") is not named again.
    let mut covered_to = 0;
    mentions.retain(|m| {
        let free = m.span.start >= covered_to;
        if free {
            covered_to = m.span.end;
        }
        free
    });
    mentions
}

/// Whether token `k` is a connector ("and", "of") that joins two words of the rules' name at
/// `span`, with no possessive before it: "Employment and | Labour Relations Court", not
/// "Nigeria's | Harbourline Bank" (a place and what it owns).
fn joins_words_of_a_name(view: &SentenceView, span: Span, k: usize) -> bool {
    let inside = tokens_within(view.tokens, span);
    is_connector(&view.tokens[k]) && !view.tokens[inside.start..=k].iter().any(is_possessive)
}

/// A possessive "'s" (either apostrophe), which the tokenizer keeps as a token of its own.
fn is_possessive(token: &Token) -> bool {
    matches!(token.text, "'s" | "’s")
}

/// "Georgia Meloni said", "Prime Minister Giorgia | Meloni": a one-word place that is also a
/// given name, then a word that names nothing else and is no head word, is a person where a
/// speech verb follows or a title stands before; the tagger reads a place and a word after it
/// as an organisation or a place ("Quebec Tribunal").
fn place_named_person(view: &SentenceView, within: std::ops::Range<usize>) -> bool {
    let [given, surname] = &view.tokens[within.clone()] else {
        return false;
    };
    let gazetteer = view.gazetteer;
    let names_an_entity = gazetteer
        .lookup(std::slice::from_ref(surname))
        .iter()
        .any(|e| is_entity_kind(e.kind));
    let surname_is_plain = !names_an_entity
        && head_type(std::slice::from_ref(surname)).is_none()
        && !LOC_HEADS.contains(surname.text)
        && !GPE_HEADS.contains(surname.text)
        && !COMPANY_FORMS.contains(surname.text);
    let speaks = view
        .tokens
        .get(within.end)
        .is_some_and(|t| SPEECH_VERBS.contains(t.text));
    gazetteer.lists_place(std::slice::from_ref(given))
        && gazetteer.is_first_name(given)
        && surname.is_capitalised()
        && surname_is_plain
        && (speaks || after_title(view, within.start))
}

/// Whether the tokens `within` all belong to a title the gazetteer lists ("Transport" of
/// "Transport Minister").
fn inside_title(view: &SentenceView, within: std::ops::Range<usize>) -> bool {
    let earliest = (within.start + 1).saturating_sub(LONGEST_TITLE);
    (earliest..=within.start).any(|s| {
        view.gazetteer
            .title_at(&view.tokens[s..])
            .is_some_and(|n| s + n >= within.end)
    })
}

/// Whether the gazetteer lists `tokens` as an organisation's name, and as nothing else.
fn listed_organisation(view: &SentenceView, tokens: &[Token]) -> bool {
    let entries = view.gazetteer.lookup(tokens);
    !entries.is_empty()
        && entries
            .iter()
            .all(|e| e.kind == Kind::Org && !e.ambiguous && e.matches_case(tokens))
}

/// Where a law's name begins, if one runs through tokens `from..to`: the capitalised words
/// around the span are read too, so that "Finance" and "Bill" tagged apart are still a law's.
fn law_within(tokens: &[Token], from: usize, to: usize) -> Option<usize> {
    // A law's name is a few words: the walk stops there, so a pasted run of capitals costs
    // each span the same.
    const LONGEST_LAW: usize = 8;
    let mut end = to;
    while end < tokens.len() && end < to + LONGEST_LAW && tokens[end].is_capitalised() {
        end += 1;
    }
    if !tokens[end - 1].is_capitalised() || end < tokens.len() && tokens[end].is_capitalised() {
        return None;
    }
    let mut start = from;
    while start > 0 && start + LONGEST_LAW > from && tokens[start - 1].is_capitalised() {
        start -= 1;
    }
    let law = start + law_name_start(&tokens[start..end])?;
    (law < to).then_some(law.max(from))
}

/// Where a person's full name starts in `first..end` right after a company's legal form, as
/// translated copy writes an officer after the company: "chairman of Chrysler LLC Jim Press".
/// The name must open with a given name the gazetteer lists and have two words or more.
fn person_after_company_form(view: &SentenceView, first: usize, end: usize) -> Option<usize> {
    let tokens = view.tokens;
    (first + 1..end.saturating_sub(1)).find(|&k| {
        COMPANY_FORMS.contains(tokens[k - 1].text)
            && view.gazetteer.is_first_name(&tokens[k])
            && tokens[k..end].iter().all(Token::is_capitalised)
    })
}

/// Where a possessive "'s" stands in `first..end` after a place the gazetteer lists and before a
/// name: "Nigeria's Harbourline Bank", "Afghanistan's Badakhshan" (not "McDonald's", nor an
/// event's "America's Cup").
fn possessive_after_place(view: &SentenceView, first: usize, end: usize) -> Option<usize> {
    let tokens = view.tokens;
    // "America's Cup" is one event's name.
    if EVENT_HEADS.contains(tokens[end - 1].text) {
        return None;
    }
    // A place's name is a few words ("Democratic Republic of the Congo's").
    const LONGEST_PLACE: usize = 6;
    (first + 1..end.saturating_sub(1).min(first + LONGEST_PLACE)).find(|&k| {
        is_possessive(&tokens[k])
            && tokens[k + 1].is_capitalised()
            && view
                .gazetteer
                .find(&tokens[first..k], Kind::Gpe)
                .is_some_and(|e| !e.ambiguous)
    })
}

/// Where an "of" parts a person from the place or organisation they are of, in a person's span
/// `first..end` ("Sadir Japarov of Kyrgyzstan", "Jane Doe of Acme Corp."), with the class of
/// the name after it: a place the gazetteer lists, or an organisation by its last word or
/// company form. Else the span stays whole ("Catherine of Aragon").
fn person_of_where(
    view: &SentenceView,
    class: EntityType,
    first: usize,
    end: usize,
) -> Option<(usize, EntityType)> {
    if class != EntityType::Person {
        return None;
    }
    let tokens = view.tokens;
    let of = (first + 1..end.saturating_sub(1)).find(|&k| tokens[k].text == "of")?;
    let after = &tokens[of + 1..end];
    let place = [Kind::Gpe, Kind::Loc]
        .into_iter()
        .any(|kind| view.gazetteer.find(after, kind).is_some());
    let organisation = head_type(after) == Some(EntityType::Org)
        || after.last().is_some_and(|t| COMPANY_FORMS.contains(t.text));
    match (place, organisation) {
        (true, _) => Some((of, EntityType::Loc)),
        (false, true) => Some((of, EntityType::Org)),
        (false, false) => None,
    }
}

/// The fine type of a place the tagger found and the rules did not type: a natural feature or
/// region where the gazetteer or a head word says so ("Tian Shan", "Lake Issyk-Kul"), a
/// facility by its head word, else a town, district or country, the places news names most
/// ("Cebu", "Spandau", "Naivasha"). `listed_gpe`: the gazetteer lists it as one.
fn place_type(view: &SentenceView, tokens: &[Token], listed_gpe: bool) -> EntityType {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return EntityType::Gpe;
    };
    if listed_gpe {
        EntityType::Gpe
    } else if view.gazetteer.find(tokens, Kind::Loc).is_some()
        || LOC_HEADS.contains(last.text)
        || (tokens.len() > 1 && FEATURE_FIRST_WORDS.contains(first.text))
    {
        EntityType::Loc
    } else if tokens.len() > 1 && FAC_HEADS.contains(last.text) {
        EntityType::Fac
    } else {
        EntityType::Gpe
    }
}

/// The spans the tagger labels B(-I…) and their classes.
pub(crate) fn tagger_spans(view: &SentenceView, labels: &[u8]) -> Vec<(Span, EntityType)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some((class, _)) = tagger::class_of(labels[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len() && tagger::class_of(labels[end]) == Some((class, true)) {
            end += 1;
        }
        // "An IMF spokeswoman", "A Reuters reporter": the article opening a sentence is read
        // with the capitals after it, and is never part of the name; nor is a word that opens
        // a sentence, capitalised for that alone ("Meanwhile Kenya Airways said").
        let opens_sentence = i == 0 || matches!(view.tokens[i - 1].text, "\"" | "“");
        let first = if end - i >= 2
            && (matches!(view.tokens[i].text, "A" | "An")
                || (opens_sentence
                    && view.tokens[i].text != "The"
                    && is_sentence_starter(view.tokens[i].text)))
        {
            i + 1
        } else {
            i
        };
        let mut push = |from: usize, to: usize, class: EntityType| {
            // "Finance Bill": a law's name names no person, organisation or place; in "the EU's
            // Digital Markets Act" the words before it still name one.
            let mut to = law_within(view.tokens, from, to).unwrap_or(to);
            // No name ends in a connector ("Republic of | Uzbekistan"): the rules' longer name
            // may take the tagger's place (`tagged_mentions`).
            while to > from && is_connector(&view.tokens[to - 1]) {
                to -= 1;
            }
            if from < to {
                let span = Span::new(view.tokens[from].span.start, view.tokens[to - 1].span.end);
                spans.push((span, class));
            }
        };
        if let Some(k) = person_after_company_form(view, first, end) {
            // "Chrysler LLC | Jim Press": the company, then its officer.
            push(first, k, EntityType::Org);
            push(k, end, EntityType::Person);
            i = end;
            continue;
        }
        match possessive_after_place(view, first, end) {
            // "Nigeria's Harbourline Bank": the country, and the name it owns.
            Some(k) => {
                push(first, k, EntityType::Loc);
                push(k + 1, end, class);
            }
            None => match person_of_where(view, class, first, end) {
                // "Emmanuel Macron of France": the person, and where or whom they are of.
                Some((k, of_class)) => {
                    push(first, k, class);
                    push(k + 1, end, of_class);
                }
                None => push(first, end, class),
            },
        }
        i = end;
    }
    spans
}

#[cfg(test)]
mod tests {
    use crate::{analyse, Options};

    /// (article, names the tagger must find, spans it must not).
    const CASES: &[(&str, &[&str], &[&str])] = &[
        // "of" parts a person from the place or organisation they are of.
        (
            "Dmitri Medvedev of Russia and Emmanuel Macron of France spoke. Jane Doe of the Acme \
             Foundation and Catherine of Aragon did not.",
            &[
                "Dmitri Medvedev",
                "Russia",
                "Emmanuel Macron",
                "France",
                "Jane Doe",
                "Acme Foundation",
            ],
            &[
                "Dmitri Medvedev of Russia",
                "Emmanuel Macron of France",
                "Aragon",
            ],
        ),
        // A person's full name right after a company's legal form is its officer's; a given
        // name and a lone head word are a person ("Jim Press").
        (
            "The vice president and chairman of Chrysler LLC Jim Press said sales fell. \
             Acme Holdings rose.",
            &["Chrysler LLC", "Jim Press", "Acme Holdings"],
            &["Chrysler LLC Jim Press"],
        ),
        // An acronym its people follow names an organisation.
        (
            "The DUP leader said the vote would go ahead. An SNP spokeswoman disagreed.",
            &["DUP", "SNP"],
            &["The DUP", "An SNP"],
        ),
        // An article opening a sentence is no part of the name after it.
        (
            "Kenya agreed a loan with the International Monetary Fund on Friday. An IMF \
             spokeswoman said the deal was approved. A Reuters reporter in Nairobi saw it.",
            &["IMF", "Reuters"],
            &["An IMF", "A Reuters"],
        ),
        // An organisation's head before its remit holds the whole name; a law's name is none;
        // a title between an organisation and a person parts them.
        (
            "NAIROBI, Kenya (AP) — The Kenya National Commission on Human Rights said on Tuesday \
             that police had used force during protests against the Finance Bill. Central Bank \
             of Kenya Governor Njuguna Ndung'u told lawmakers the Finance Bill would raise \
             revenue. Ndung'u spoke after talks with the Department for Infrastructure. \
             Officials at the Ministry for Foreign Affairs met him.",
            &[
                "Kenya National Commission on Human Rights",
                "Central Bank of Kenya",
                "Njuguna Ndung'u",
                "Ndung'u",
                "Department for Infrastructure",
                "Ministry for Foreign Affairs",
            ],
            &[
                "Foreign Affairs",
                "Human Rights",
                "Finance Bill",
                "Central Bank of Kenya Governor Njuguna Ndung'u",
            ],
        ),
        // A country's possessive parts it from the name it owns; "McDonald's" stays whole.
        (
            "LAGOS, March 3 (Reuters) - Shares of Nigeria's Harbourline Bank fell 4% on Monday \
             after Afghanistan's Badakhshan province was hit. McDonald's Nigeria said nothing. \
             China's Ministry of Commerce opposed Kenya's Finance Bill.",
            &[
                "Nigeria",
                "Harbourline Bank",
                "Afghanistan",
                "Ministry of Commerce",
                "Kenya",
            ],
            &[
                "Nigeria's Harbourline Bank",
                "Afghanistan's Badakhshan",
                "Finance Bill",
                "Bill",
            ],
        ),
    ];

    #[test]
    fn a_place_named_person_who_speaks_is_a_person() {
        use crate::entities::cases::assert_mentions;
        assert_mentions(
            "Charlotte Bronte said so. Officials in Charlotte agreed.",
            &[("Charlotte Bronte", "PERSON"), ("Charlotte", "GPE")],
            &[],
        );
    }
    #[test]
    fn unlisted_places_are_towns_unless_a_word_says_otherwise() {
        let text = "BERLIN (AP) - Gas meters failed in Spandau and Neukolln on Monday, and \
                    flights over the Qaratau Mountains were stopped, police in Kokand said.";
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        let types: Vec<(&str, &str)> = analyse(text, &options)
            .mentions
            .iter()
            .map(|m| (m.text, m.kind))
            .collect();
        for expected in [
            ("Spandau", "GPE"),
            ("Neukolln", "GPE"),
            ("Kokand", "GPE"),
            ("Qaratau Mountains", "LOC"),
        ] {
            assert!(types.contains(&expected), "{expected:?} in {types:?}");
        }
    }

    #[test]
    fn the_tagger_and_the_rules_read_these_names_together() {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        for &(text, names, not) in CASES {
            let found: Vec<&str> = analyse(text, &options)
                .mentions
                .iter()
                .map(|m| m.text)
                .collect();
            for name in names {
                assert!(found.contains(name), "{name:?} in {found:?}");
            }
            for span in not {
                assert!(!found.contains(span), "{span:?} in {found:?}");
            }
        }
    }
}
