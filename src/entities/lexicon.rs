use crate::entities::EntityType;
use crate::gazetteer::{gazetteer, Kind};
use crate::hash::{WordList, WordSet};
use crate::time::calendar::is_calendar_name;
use crate::token::Token;

/// A title-case line: every longer word capitalised ("Xi Jinping Talks with President Zaparov").
pub(crate) fn is_headline(tokens: &[Token]) -> bool {
    let mut long_words = tokens.iter().filter(|t| {
        t.is_word() && t.text.len() >= 4 && (t.ascii_alnum || t.text.chars().count() >= 4)
    });
    tokens.first().is_none_or(|t| t.text != "(")
        && tokens.last().is_none_or(|t| t.text != ".")
        && long_words.clone().nth(2).is_some()
        && long_words.all(|t| t.is_capitalised() || FUNCTION_WORDS.contains(t.text))
}

/// A line of four tokens or more with no closing stop: a headline, in title case or not.
pub(crate) fn is_headline_line(tokens: &[Token]) -> bool {
    tokens.len() >= 4
        && tokens
            .last()
            .is_some_and(|t| !matches!(t.text, "." | "!" | "?" | "\"" | "”" | ":"))
}

/// The type a name's last word gives it: an organisation ("... Ministry") or a facility ("...
/// Convention Centre").
pub(crate) fn head_type(name: &[Token]) -> Option<EntityType> {
    /// The words that make a "Centre" a building: "Convention Centre", not "Carter Centre".
    const VENUE_CENTRES: &[&str] = &[
        "convention",
        "conference",
        "exhibition",
        "shopping",
        "trade",
        "sports",
        "congress",
        "expo",
        "aquatics",
        "leisure",
    ];
    let last = name.last()?.text;
    let centre = matches!(last, "Centre" | "Center");
    if centre && name.len() >= 2 && VENUE_CENTRES.iter().any(|w| name[name.len() - 2].is(w)) {
        Some(EntityType::Fac)
    } else if ORG_HEADS.contains(last) {
        Some(EntityType::Org)
    } else if FAC_HEADS.contains(last) {
        Some(EntityType::Fac)
    } else {
        None
    }
}

pub(crate) fn is_entity_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Gpe | Kind::Norp | Kind::Loc | Kind::Org)
}

pub(crate) fn entity_type(kind: Kind) -> EntityType {
    match kind {
        Kind::Norp => EntityType::Norp,
        Kind::Loc => EntityType::Loc,
        Kind::Org => EntityType::Org,
        _ => EntityType::Gpe,
    }
}

/// Where the name of a law or treaty starts in a run of capitalised `tokens` that ends with one
/// ("Finance Bill", "Kenya's | Finance Bill", "the EU's | Digital Markets Act"): after the
/// last connector, and at least two words long, its head written "Act", not "ACT" (the
/// Australian Capital Territory) nor alone ("Hillary and Bill"). None when it names no law.
pub(crate) fn law_name_start(tokens: &[Token]) -> Option<usize> {
    let head = tokens.last()?;
    let title_case = head.text.bytes().skip(1).any(|b| b.is_ascii_lowercase());
    if !title_case || !LAW_HEADS.contains(head.text) {
        return None;
    }
    let start = tokens.iter().rposition(is_connector).map_or(0, |c| c + 1);
    (tokens.len() - start >= 2).then_some(start)
}

/// An organisation's head word before "of", "on" or "for" inside a name: "Ministry of Transport",
/// "Commission on Human Rights", "Department for Infrastructure".
/// After "on" or "for", a place or a day is where or when, not the remit: "Police on Capitol
/// Hill", "Congress on Christmas Eve".
pub(crate) fn has_head_before_remit(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| head_before_remit_at(tokens, i))
}

/// [`has_head_before_remit`] with the head at `tokens[i]`, its remit the words after the
/// connector to the end of `tokens`.
pub(crate) fn head_before_remit_at(tokens: &[Token], i: usize) -> bool {
    let [head, connector, rest @ ..] = &tokens[i.min(tokens.len())..] else {
        return false;
    };
    ORG_HEADS.contains(head.text)
        && (connector.is("of")
            || ((connector.is("on") || connector.is("for")) && !names_where_or_when(rest)))
}

/// A place the gazetteer lists or a place's or facility's head word ends, or a day ("Monday",
/// "Christmas Eve", "Independence Day"); or more words than a remit takes.
fn names_where_or_when(words: &[Token]) -> bool {
    const LONGEST_REMIT: usize = 8;
    let Some(last) = words.last().filter(|_| words.len() <= LONGEST_REMIT) else {
        return true;
    };
    gazetteer().lists_place(words)
        || [&LOC_HEADS, &GPE_HEADS, &FAC_HEADS]
            .iter()
            .any(|heads| heads.contains(last.text))
        || words.iter().any(|w| is_calendar_name(w.text))
        || last.is("eve")
        || last.is("day")
}

pub(crate) fn is_connector(token: &Token) -> bool {
    CONNECTORS.contains(token.text)
}

pub(crate) fn is_sentence_starter(word: &str) -> bool {
    match word.is_ascii() {
        true => SENTENCE_STARTERS.contains(word),
        // Unicode lower-casing can turn a non-ASCII letter into an ASCII one (the Kelvin sign).
        false => SENTENCE_STARTERS.contains(&word.to_lowercase()),
    }
}

/// Lower-case nouns for an organisation's people after its acronym ("the DUP leader").
pub(crate) static MEMBER_NOUNS: WordList =
    WordList::of_lines(include_str!("../../data/entities/member-nouns.txt"));

/// Lower-case particles between a person's given name and surname ("Ludwig van Beethoven").
pub(crate) static NAME_PARTICLES: WordList =
    WordList::of_lines(include_str!("../../data/entities/name-particles.txt"));

/// Words that stand between two capitalised words inside one name ("Bank of England").
pub(crate) static CONNECTORS: WordList =
    WordList::of_lines(include_str!("../../data/entities/connectors.txt"));

/// Capitalised only because they open a sentence.
pub(crate) static SENTENCE_STARTERS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/sentence-starters.txt"));

/// Endings of ordinary nouns and adjectives, rare at the end of a personal name.
pub(crate) static NOUN_ENDINGS: WordList =
    WordList::of_lines(include_str!("../../data/entities/noun-endings.txt"));

/// Words of a credit line before a name ("Photo:", "Reporting by").
pub(crate) static CREDIT_WORDS: WordList =
    WordList::of_lines(include_str!("../../data/entities/credit-words.txt"));

/// Short words a title-case headline leaves in lower case.
pub(crate) static FUNCTION_WORDS: WordList =
    WordList::of_lines(include_str!("../../data/entities/function-words.txt"));

/// Verbs that follow a speaker's name.
pub(crate) static SPEECH_VERBS: WordList =
    WordList::of_lines(include_str!("../../data/entities/speech-verbs.txt"));

/// Lower-case nouns that, just before a capitalised name, say it names an organisation.
pub(crate) static ORG_DESCRIPTORS: WordList =
    WordList::of_lines(include_str!("../../data/entities/org-descriptors.txt"));

/// Acronyms of ordinary nouns ("GDP", "NGO"): never a name.
pub(crate) static COMMON_ACRONYMS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/common-acronyms.txt"));

/// Whether `word` is an acronym of an ordinary noun, or its plural ("GDP", "NGOs"), or a Roman
/// numeral of two letters or more ("II" of "World War II" left alone): capitals that name no
/// one.
pub(crate) fn is_common_acronym(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let capitals = |w: &str| {
        w.len() >= 2
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    (capitals(singular) && COMMON_ACRONYMS.contains(singular))
        || (word.len() >= 2 && is_roman_numeral(word))
}

/// Whether `word` is written in the Roman numerals of ordinals and sequels alone: I, V, X.
pub(crate) fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// The legal forms a company's name may end with, and drop after its first mention.
pub(crate) static COMPANY_FORMS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/company-forms.txt"));

/// Whether a name of two words or more ends in a legal form ("Apple Inc.", "Acme Ltd"), so
/// that the words before it name the same company.
pub(crate) fn ends_in_company_form(surface: &str) -> bool {
    surface
        .rsplit_once(' ')
        .is_some_and(|(_, last)| COMPANY_FORMS.contains(last.trim_end_matches('.')))
}

/// Company forms written with a full stop that belongs to the name.
pub(crate) static ABBREVIATED_ORG_FORMS: WordList = WordList::of_lines(include_str!(
    "../../data/entities/abbreviated-org-forms.txt"
));

/// Last words that make a name an organisation ("... Ministry", "... Bank").
pub(crate) static ORG_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/org-heads.txt"));

/// Last words that make a name a law's ("... Bill", "... Act"): no person, organisation or place.
pub(crate) static LAW_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/law-heads.txt"));

/// Last words that make a name a facility ("... Airport", "... Bridge").
pub(crate) static FAC_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/fac-heads.txt"));

/// Last words that make a name an event ("... Summit", "... Games").
pub(crate) static EVENT_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/event-heads.txt"));

/// Words that open an event's name: "Cyclone Michaung", "Operation Inherent Resolve".
pub(crate) static EVENT_FIRST_WORDS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/event-first-words.txt"));

/// Last words that make a name a town or region ("... City", "... Province").
pub(crate) static GPE_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/gpe-heads.txt"));

/// Words that open the names of towns: "Port Said", "Fort Worth", and in Arabic names "Deir
/// ez-Zor", "Ras al-Ain", "Kafr Nabl".
pub(crate) static SETTLEMENT_FIRST_WORDS: WordSet = WordSet::of_lines(include_str!(
    "../../data/entities/settlement-first-words.txt"
));

/// Words that open the names of natural features: "Mount Everest", "Lake Baikal", and in Arabic
/// names "Wadi Barada", "Jabal Sinjar".
pub(crate) static FEATURE_FIRST_WORDS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/feature-first-words.txt"));

/// Last words that make a name a natural feature ("... River", "... Mountains").
pub(crate) static LOC_HEADS: WordSet =
    WordSet::of_lines(include_str!("../../data/entities/loc-heads.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    /// (word, whether it is an ordinary noun's acronym or a Roman numeral).
    const ACRONYMS: &[(&str, bool)] = &[
        ("GDP", true),
        ("NGOs", true),
        ("CO2", false),
        ("II", true),
        ("VIII", true),
        ("WHO", false),
        ("NATO", false),
        ("EU", false),
        // Case matters: "It" and "Aids" are words, not the acronyms.
        ("It", false),
        ("Pin", false),
        ("Gdp", false),
        ("X", false),
        ("s", false),
        ("", false),
    ];

    #[test]
    fn common_acronyms_are_told_from_names() {
        for &(word, expected) in ACRONYMS {
            assert_eq!(is_common_acronym(word), expected, "{word:?}");
        }
    }
}
