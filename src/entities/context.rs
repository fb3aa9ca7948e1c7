//! Types from the words around a name, where the tagger's class or the name alone says too
//! little: a head word ("... Convention Centre" is a facility), a company form after it ("Acme
//! Holdings Inc."), what is said of it ("shares of Rivian", "Rivian said in a statement"), a
//! place word before it ("at the Okura": no person takes "the"), and an acronym it defines
//! ("PT Jalan Tol Sumatra Utama (JTSU)"). A country acting as a team or a government stays a
//! place: that is our convention.

use crate::entities::in_text_order;
use std::cell::OnceCell;

use super::lexicon::{head_type, is_common_acronym, ABBREVIATED_ORG_FORMS};
use super::{mention_every, EntityType, Mention};
use crate::gazetteer::{gazetteer, Kind};
use crate::hash::FastSet;
use crate::token::{tokens_within, Token, TokenLists, TokenWalk};
use crate::Span;

/// Company forms that may follow a name: "Inc", "Ltd", "PLC", "GmbH".
const COMPANY_FORMS: &[&str] = &[
    "Inc", "Ltd", "Corp", "Co", "LLC", "PLC", "plc", "GmbH", "AG", "SA", "NV", "LLP", "Bhd", "Tbk",
];

/// Company forms written before a name that defines its acronym: "PT Jalan Tol Sumatra Utama
/// (JTSU)", "PJSC Gazprom Neft (GPN)".
const COMPANY_PREFIXES: &[&str] = &["PT", "PJSC", "JSC", "OJSC", "CJSC", "OAO", "ZAO"];

/// Prepositions of place that, with "the", come before a building or a venue.
const PLACE_PREPOSITIONS: &[&str] = &["at", "outside", "inside", "near"];

/// Lower-case words that may follow a venue's name, where a noun would show the name to be a
/// modifier.
const FOLLOWING_WORDS: &[&str] = &[
    "on", "in", "at", "for", "with", "and", "to", "of", "where", "which", "after", "before",
    "during", "when", "while", "was", "is", "has", "had",
];

/// Retypes and extends `found` (in text order, without overlaps; it stays so) by the words
/// around each name in `sentences`. A mention whose span changes loses its key, to be made
/// again.
pub(crate) fn read_context(text: &str, sentences: &TokenLists, found: &mut Vec<Mention>) {
    let full_names: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| &text[m.span.start..m.span.end])
        .filter(|name| name.contains(' '))
        .collect();
    // Their words, put in a set when a name "said in a statement" first asks: few articles have
    // one, and a pasted flood of them must not scan every name each time.
    let people = PersonWords {
        full_names,
        words: OnceCell::new(),
    };
    let mut defined = Vec::new();
    let mut first = 0;
    for (index, tokens) in sentences.iter().enumerate() {
        let end = first + found[first..].partition_point(|m| m.sentence == index);
        let mut walk = TokenWalk::new(tokens);
        for n in first..end {
            let next_start = found.get(n + 1).map_or(usize::MAX, |m| m.span.start);
            let m = &mut found[n];
            let range = walk.within(m.span);
            if range.is_empty() {
                continue;
            }
            let (before, name, after) = (
                &tokens[..range.start],
                &tokens[range.clone()],
                &tokens[range.end..],
            );
            if let Some(kind) = retyped(text, before, name, after, m.kind, &people) {
                m.kind = kind;
                m.canonical = None;
            }
            if let Some(end) = company_form_end(name, after).filter(|&e| e <= next_start) {
                m.span = Span::new(m.span.start, end);
                m.key.clear();
                m.kind = EntityType::Org;
                m.canonical = None;
            }
            let m = &found[n];
            let acronym = match m.kind {
                EntityType::Org => defined_acronym(before, name, after),
                _ => None,
            };
            if let Some((needed, acronym)) = acronym {
                // The name takes in the words the acronym needs, then a company form before
                // them, each where no name before it stands.
                let free = |from: usize| n == first || found[n - 1].span.end <= from;
                let mut start = found[n].span.start;
                if free(needed) {
                    start = needed;
                }
                let opening = tokens.partition_point(|t| t.span.start < start);
                let prefix = opening.checked_sub(1).map(|k| &tokens[k]);
                if let Some(prefix) = prefix.filter(|t| COMPANY_PREFIXES.contains(&t.text)) {
                    if free(prefix.span.start) {
                        start = prefix.span.start;
                    }
                }
                if start != found[n].span.start {
                    found[n].span = Span::new(start, found[n].span.end);
                    found[n].key.clear();
                }
                match found.get_mut(n + 1) {
                    Some(next) if next.span == acronym => {
                        next.kind = EntityType::Org;
                        next.canonical = None;
                    }
                    _ if next_start >= acronym.end => {
                        defined.push(Mention::found(acronym, EntityType::Org, index))
                    }
                    _ => {}
                }
            }
        }
        first = end;
    }
    if defined.is_empty() {
        return;
    }
    // The acronym stands for the organisation wherever the article writes it again.
    let acronyms: Vec<&str> = defined
        .iter()
        .map(|m| &text[m.span.start..m.span.end])
        .collect();
    found.extend(defined.iter().cloned());
    in_text_order(found);
    mention_every(sentences, &acronyms, EntityType::Org, found);
}

/// Drops the people of `found` whose whole name stands in quotation marks and holds no given
/// or family name the gazetteer lists: a slogan, a title or a quoted phrase ("the \"Build Back
/// Better\" plan", "their single \"Troubled Waters\""), not a person. A nickname in quotes
/// inside a name (`Mohamed "Tiger" Okello`) was joined to it before.
pub(crate) fn drop_quoted_phrases(text: &str, sentences: &TokenLists, found: &mut Vec<Mention>) {
    let opens = |c: Option<char>| matches!(c, Some('"' | '“' | '‘' | '\''));
    let closes = |c: Option<char>| matches!(c, Some('"' | '”' | '’' | '\''));
    found.retain(|m| {
        if m.kind != EntityType::Person
            || !opens(text[..m.span.start].chars().next_back())
            || !closes(text[m.span.end..].chars().next())
        {
            return true;
        }
        let Some(tokens) = sentences.get(m.sentence) else {
            return true;
        };
        let names = &tokens[tokens_within(tokens, m.span)];
        names.len() < 2
            || names
                .iter()
                .any(|t| gazetteer().is_first_name(t) || gazetteer().is_last_name(t))
    });
}

/// Drops the mentions of `found` that are an acronym of an ordinary noun ("GDP", "NGOs") or a
/// Roman numeral alone ([`is_common_acronym`]).
pub(crate) fn drop_common_acronyms(text: &str, found: &mut Vec<Mention>) {
    found.retain(|m| !is_common_acronym(&text[m.span.start..m.span.end]));
}

/// Types as an organisation each one-word name written with a capital inside ("OpenAI",
/// "ByteDance", "BlackRock", "SpaceX"), and adds the ones nothing found: companies write their
/// names so, people and places hardly ever, except after a surname prefix ("McCain",
/// "DeSantis", "LaToya"). A place the gazetteer lists keeps its type. `found` is in text order
/// without overlaps and stays so.
pub(crate) fn camel_case_organisations(sentences: &TokenLists, found: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        for token in tokens.iter().filter(|t| is_camel_case(t.text)) {
            let at = found.partition_point(|m| m.span.end <= token.span.start);
            match found.get_mut(at) {
                Some(m) if m.span == token.span => {
                    let listed_place = gazetteer().lists_place(std::slice::from_ref(token));
                    if matches!(
                        m.kind,
                        EntityType::Person | EntityType::Gpe | EntityType::Loc
                    ) && !listed_place
                    {
                        m.kind = EntityType::Org;
                    }
                }
                Some(m) if m.span.start < token.span.end => {}
                _ => added.push(Mention::found(token.span, EntityType::Org, index)),
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
    }
}

/// "OpenAI", "ByteDance", "SpaceX": a word of ASCII letters that opens with a capital and has
/// a capital after a lower-case letter, and no surname prefix before it ("McCain", "DeSantis").
fn is_camel_case(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Lo", "Van", "Von", "Jo", "Ru", "Mary",
        "Ann",
    ];
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes[0].is_ascii_uppercase()
        && bytes.iter().all(u8::is_ascii_alphabetic)
        && bytes
            .windows(2)
            .skip(1)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        && !PREFIXES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|rest| rest.as_bytes()[0].is_ascii_uppercase())
        })
}

/// The words of an article's full person names, asked whether they hold a word.
struct PersonWords<'t> {
    full_names: Vec<&'t str>,
    words: OnceCell<FastSet<&'t str>>,
}

impl PersonWords<'_> {
    fn contains(&self, word: &str) -> bool {
        let words = self
            .words
            .get_or_init(|| self.full_names.iter().flat_map(|n| n.split(' ')).collect());
        words.contains(word)
    }
}

/// The type the words around a name give it, if they change its `kind`.
fn retyped(
    text: &str,
    before: &[Token],
    name: &[Token],
    after: &[Token],
    kind: EntityType,
    people: &PersonWords,
) -> Option<EntityType> {
    // A country or city the gazetteer lists stays a place whatever it does ("Kenya beat
    // Uganda"); an unlisted place ("Shares of Sulawesi Ferro Nusantara") was only a guess.
    let listed_place = || kind == EntityType::Gpe && gazetteer().find(name, Kind::Gpe).is_some();
    if matches!(kind, EntityType::Norp | EntityType::Event) || listed_place() {
        return None;
    }
    // A head word makes a facility of a place or a person, an organisation only of a person:
    // a "... Center" read as a place is as often an arena as an institution.
    let head = head_type(name).filter(|_| name.len() >= 2);
    // "Jim Press": a given name before a lone head word is a person with an unlucky surname.
    let given_and_head = || name.len() == 2 && gazetteer().is_first_name(&name[0]);
    match head {
        Some(EntityType::Fac) if kind != EntityType::Fac => return head,
        Some(EntityType::Org) if kind == EntityType::Person && !given_and_head() => return head,
        _ => {}
    }
    let words = |tokens: &[Token], expected: &[&str]| {
        tokens.len() >= expected.len() && tokens.iter().zip(expected).all(|(t, w)| t.is(w))
    };
    let surface = &text[name[0].span.start..name[name.len() - 1].span.end];
    // "said in a statement" is said of people too: only of a one-word name no full name holds.
    let one_word_no_person = || name.len() == 1 && !people.contains(surface);
    let traded = words(after, &["shares"])
        || words(after, &["'s", "shares"])
        || words(after, &["’s", "shares"])
        || (before.len() >= 2 && words(&before[before.len() - 2..], &["shares", "of"]))
        || (before.len() >= 3 && words(&before[before.len() - 3..], &["shares", "of", "the"]));
    let statement = words(after, &["said", "in", "a", "statement"]);
    // "PT Jalan Tol Sumatra Utama", "PJSC Gazprom Neft": a company form opens the name.
    let company_prefix = || {
        let opening = if name.len() >= 2 {
            name.first()
        } else {
            before.last()
        };
        opening.is_some_and(|t| COMPANY_PREFIXES.contains(&t.text))
    };
    if kind != EntityType::Org
        && (traded || (statement && one_word_no_person()) || company_prefix())
    {
        return Some(EntityType::Org);
    }
    // "at the Okura on Monday", not "in the Robert Lyons Danly translation".
    let after_place_word = before.len() >= 2
        && before[before.len() - 1].is("the")
        && PLACE_PREPOSITIONS
            .iter()
            .any(|p| before[before.len() - 2].is(p))
        && after.first().is_none_or(|t| {
            !t.is_word() || t.is_capitalised() || FOLLOWING_WORDS.iter().any(|w| t.is(w))
        });
    (kind == EntityType::Person && after_place_word).then_some(EntityType::Fac)
}

/// Where a name ends with the company form after it ("Acme Holdings Inc.", "Acme Ltd"), with
/// the form's full stop, if one follows.
fn company_form_end(name: &[Token], after: &[Token]) -> Option<usize> {
    let last = name.last()?;
    let (form, rest) = if COMPANY_FORMS.contains(&last.text) && name.len() >= 2 {
        (last, after)
    } else {
        let (form, rest) = after.split_first()?;
        if !COMPANY_FORMS.contains(&form.text) || form.span.start != last.span.end + 1 {
            return None;
        }
        (form, rest)
    };
    let stop = rest
        .first()
        .filter(|t| t.text == "." && t.span.start == form.span.end)
        .filter(|_| ABBREVIATED_ORG_FORMS.contains(form.text));
    Some(stop.map_or(form.span.end, |t| t.span.end))
}

/// An acronym in parentheses right after an organisation's name that its capitals spell
/// ("PT Jalan Tol Sumatra Utama (JTSU)"): where the name starts, taking in the capitalised words
/// before it that the acronym needs, and the acronym's span.
fn defined_acronym(before: &[Token], name: &[Token], after: &[Token]) -> Option<(usize, Span)> {
    let [open, acronym, close, ..] = after else {
        return None;
    };
    if open.text != "(" || close.text != ")" || !acronym.is_acronym() {
        return None;
    }
    let letters: String = acronym
        .text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let capitalised_before = before
        .iter()
        .rev()
        .take_while(|t| t.is_capitalised())
        .count();
    (0..=capitalised_before).find_map(|extra| {
        let words = before[before.len() - extra..].iter().chain(name);
        let capitals: String = words
            .filter_map(|t| t.text.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        capitals.ends_with(letters.as_str()).then(|| {
            let start = before.get(before.len() - extra).unwrap_or(&name[0]);
            (start.span.start, acronym.span)
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::entities::cases::{assert_typed_cases, TypedCases};

    const CASES: TypedCases<'static> = &[
        (
            "Protesters gathered at the Kenyatta International Convention Centre on Monday.",
            &[("Kenyatta International Convention Centre", "FAC")],
            &[],
        ),
        (
            "Acme Holdings Inc. said in a statement that it would close two plants.",
            &[("Acme Holdings Inc.", "ORG")],
            &[],
        ),
        (
            // What is said of a name types it: a company's shares, its statement.
            "Halcyon said in a statement it would cut jobs. Halcyon's shares fell.",
            &[("Halcyon", "ORG")],
            &[("Halcyon", "GPE"), ("Halcyon", "PERSON")],
        ),
        (
            "Amina Okafor said in a statement that she would resign. Okafor said in a statement \
             on Friday that she had.",
            &[("Amina Okafor", "PERSON"), ("Okafor", "PERSON")],
            &[("Okafor", "ORG")],
        ),
        (
            "The toll road is run by PT Jalan Tol Sumatra Utama (JTSU), a state company. JTSU \
             said the road would open in May.",
            &[("PT Jalan Tol Sumatra Utama", "ORG"), ("JTSU", "ORG")],
            &[("JTSU", "GPE"), ("JTSU", "LOC")],
        ),
        (
            // A quoted phrase is no person; a quoted person's name and a nickname are.
            "Okello had no comment on the \"Build Back Better\" plan. Mohamed \"Tiger\" \
             Okello met \"John Smith\" on Monday.",
            &[
                ("Mohamed \"Tiger\" Okello", "PERSON"),
                ("John Smith", "PERSON"),
            ],
            &[("Build Back Better", "PERSON")],
        ),
        (
            // A minister's remit is the title's, not a place or a name.
            "Uzbekistan's Minister of Foreign Affairs Bakhtiyor Saidov met Transport Minister \
             Claire Vautrin in Mérida.",
            &[
                ("Bakhtiyor Saidov", "PERSON"),
                ("Claire Vautrin", "PERSON"),
                ("Mérida", "GPE"),
            ],
            &[
                ("Transport", "GPE"),
                ("Foreign Affairs Bakhtiyor Saidov", "PERSON"),
            ],
        ),
        (
            // A given name and a lone head word are a person with an unlucky surname.
            "The chairman of Chrysler LLC Jim Press said sales fell.",
            &[("Jim Press", "PERSON")],
            &[("Jim Press", "ORG")],
        ),
        (
            // A name with a capital inside is a company's; a surname prefix is a person's.
            "OpenAI and ByteDance said BlackRock would invest. Senator McCain and Ron DeSantis \
             disagreed.",
            &[
                ("OpenAI", "ORG"),
                ("ByteDance", "ORG"),
                ("BlackRock", "ORG"),
                ("McCain", "PERSON"),
                ("Ron DeSantis", "PERSON"),
            ],
            &[("BlackRock", "PERSON"), ("DeSantis", "ORG")],
        ),
        (
            // A country acting as a government stays a place.
            "Kenya said in a statement that it would reopen the border.",
            &[("Kenya", "GPE")],
            &[("Kenya", "ORG")],
        ),
    ];

    #[test]
    fn the_words_around_a_name_type_it() {
        assert_typed_cases(CASES);
    }
}
