//! Which forms a word can start: one lookup per word, so the scanner skips the words no
//! form starts with.

use crate::hash::{map_with_capacity, packed, FastMap, WordShapes};
use std::sync::OnceLock;

/// Kinds of word a form may start with, as bits. A word may be of several kinds ("in" is a
/// preposition and starts "in the past").
pub(crate) type Leads = u32;

pub(crate) const DIGITS: Leads = 1;

pub(crate) const WEEKDAY: Leads = 1 << 1;

pub(crate) const THE: Leads = 1 << 2;

pub(crate) const MONTH: Leads = 1 << 3;

/// Starts with "early", "late" or "mid": "earlyMay", "mid-2024" glue the modifier on.
pub(crate) const MODIFIER: Leads = 1 << 4;

pub(crate) const PREPOSITION: Leads = 1 << 5;

pub(crate) const RELATIVE: Leads = 1 << 6;

pub(crate) const DEICTIC: Leads = 1 << 7;

pub(crate) const NUMBER_WORD: Leads = 1 << 8;

pub(crate) const UNIT_PLURAL: Leads = 1 << 9;

pub(crate) const ANNUAL: Leads = 1 << 10;

pub(crate) const ORDINAL: Leads = 1 << 11;

pub(crate) const QUARTER_CODE: Leads = 1 << 12;

pub(crate) const SEASON: Leads = 1 << 13;

pub(crate) const SET: Leads = 1 << 14;

pub(crate) const REFERENCE: Leads = 1 << 15;

/// "in", which also starts "in the past".
pub(crate) const IN: Leads = 1 << 16;

/// "in", "during", "by", "until": "in (the) spring".
pub(crate) const SEASON_PREPOSITION: Leads = 1 << 17;

/// The words forms start with (lower case; the forms check case themselves), and their kinds.
pub(crate) const LEAD_WORDS: &[(&str, Leads)] = &[
    ("jan", MONTH),
    ("january", MONTH),
    ("feb", MONTH),
    ("february", MONTH),
    ("mar", MONTH),
    ("march", MONTH),
    ("apr", MONTH),
    ("april", MONTH),
    ("may", MONTH),
    ("jun", MONTH),
    ("june", MONTH),
    ("jul", MONTH),
    ("july", MONTH),
    ("aug", MONTH),
    ("august", MONTH),
    ("sep", MONTH),
    ("sept", MONTH),
    ("september", MONTH),
    ("oct", MONTH),
    ("october", MONTH),
    ("nov", MONTH),
    ("november", MONTH),
    ("dec", MONTH),
    ("december", MONTH),
    ("monday", WEEKDAY),
    ("tuesday", WEEKDAY),
    ("wednesday", WEEKDAY),
    ("thursday", WEEKDAY),
    ("friday", WEEKDAY),
    ("saturday", WEEKDAY),
    ("sunday", WEEKDAY),
    ("the", THE),
    ("in", PREPOSITION | IN | SEASON_PREPOSITION),
    ("during", PREPOSITION | SEASON_PREPOSITION),
    ("by", PREPOSITION | SEASON_PREPOSITION),
    ("until", PREPOSITION | SEASON_PREPOSITION),
    ("since", PREPOSITION),
    ("till", PREPOSITION),
    ("from", PREPOSITION),
    ("through", PREPOSITION),
    ("throughout", PREPOSITION),
    ("of", PREPOSITION),
    ("before", PREPOSITION),
    ("after", PREPOSITION),
    ("on", PREPOSITION),
    ("last", RELATIVE),
    ("next", RELATIVE),
    ("this", RELATIVE),
    ("previous", RELATIVE),
    ("earlier", RELATIVE),
    ("later", RELATIVE),
    ("coming", RELATIVE),
    ("past", RELATIVE),
    ("following", RELATIVE),
    ("recent", RELATIVE),
    ("today", DEICTIC),
    ("yesterday", DEICTIC),
    ("tomorrow", DEICTIC),
    ("tonight", DEICTIC),
    ("a", NUMBER_WORD),
    ("an", NUMBER_WORD),
    ("one", NUMBER_WORD),
    ("two", NUMBER_WORD),
    ("three", NUMBER_WORD),
    ("four", NUMBER_WORD),
    ("five", NUMBER_WORD),
    ("six", NUMBER_WORD),
    ("seven", NUMBER_WORD),
    ("eight", NUMBER_WORD),
    ("nine", NUMBER_WORD),
    ("ten", NUMBER_WORD),
    ("eleven", NUMBER_WORD),
    ("twelve", NUMBER_WORD),
    ("thirteen", NUMBER_WORD),
    ("fourteen", NUMBER_WORD),
    ("fifteen", NUMBER_WORD),
    ("sixteen", NUMBER_WORD),
    ("seventeen", NUMBER_WORD),
    ("eighteen", NUMBER_WORD),
    ("nineteen", NUMBER_WORD),
    ("twenty", NUMBER_WORD),
    ("thirty", NUMBER_WORD),
    ("forty", NUMBER_WORD),
    ("fifty", NUMBER_WORD),
    ("sixty", NUMBER_WORD),
    ("seventy", NUMBER_WORD),
    ("eighty", NUMBER_WORD),
    ("ninety", NUMBER_WORD),
    ("hundred", NUMBER_WORD),
    ("several", NUMBER_WORD),
    ("few", NUMBER_WORD),
    ("many", NUMBER_WORD),
    ("minutes", UNIT_PLURAL),
    ("hours", UNIT_PLURAL),
    ("days", UNIT_PLURAL),
    ("weeks", UNIT_PLURAL),
    ("months", UNIT_PLURAL),
    ("years", UNIT_PLURAL),
    ("decades", UNIT_PLURAL),
    ("annual", ANNUAL),
    ("first", ORDINAL),
    ("second", ORDINAL),
    ("third", ORDINAL),
    ("fourth", ORDINAL),
    ("final", ORDINAL),
    ("q1", QUARTER_CODE),
    ("q2", QUARTER_CODE),
    ("q3", QUARTER_CODE),
    ("q4", QUARTER_CODE),
    ("spring", SEASON),
    ("summer", SEASON),
    ("autumn", SEASON),
    ("fall", SEASON),
    ("winter", SEASON),
    ("every", SET),
    ("each", SET),
    ("daily", SET),
    ("weekly", SET),
    ("monthly", SET),
    ("annually", SET),
    ("yearly", SET),
    ("now", REFERENCE),
    ("currently", REFERENCE),
    ("at", REFERENCE),
    ("nowadays", REFERENCE),
    ("recently", REFERENCE),
    ("lately", REFERENCE),
];

/// [`LEAD_WORDS`] as a map, with a quick test that turns most other words away unhashed.
pub(crate) struct LeadWords {
    /// By the word packed into integers (see `packed`): hashed and compared as numbers.
    kinds: FastMap<(u64, u64), Leads>,
    /// The lead words' shapes: most other words are turned away before they are hashed.
    shapes: WordShapes,
}

/// The kinds of `word`. Most words of a text are of none, and one quick test then spares them
/// thirty forms.
pub(crate) fn leads(word: &str) -> Leads {
    static LEADS: OnceLock<LeadWords> = OnceLock::new();
    let table = LEADS.get_or_init(|| {
        let mut kinds = map_with_capacity(LEAD_WORDS.len());
        let mut shapes = WordShapes::new();
        for &(word, leads) in LEAD_WORDS {
            *kinds
                .entry(packed(word.as_bytes()).expect("lead words are short"))
                .or_insert(0) |= leads;
            shapes.add(word.as_bytes());
        }
        LeadWords { kinds, shapes }
    });
    let bytes = word.as_bytes();
    if bytes[0].is_ascii_digit() {
        return DIGITS;
    }
    let first = bytes[0].to_ascii_lowercase();
    // "earlyMay", "mid-2024", "midJuly": modifiers may be glued to what they modify.
    let modifier = if matches!(first, b'e' | b'l' | b'm')
        && [&b"early"[..], b"late", b"mid"]
            .iter()
            .any(|m| bytes.len() >= m.len() && bytes[..m.len()].eq_ignore_ascii_case(m))
    {
        MODIFIER
    } else {
        0
    };
    if !table.shapes.may_hold(bytes) {
        return modifier;
    }
    modifier
        | packed(bytes)
            .and_then(|key| table.kinds.get(&key))
            .copied()
            .unwrap_or(0)
}
