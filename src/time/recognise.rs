//! Finding time expressions. At every word start of a sentence, the forms that may begin there are
//! tried ("Friday, May 19, 2023", "31 years", "last September", "3 p.m."); overlaps keep the longest
//! match, so "Friday, May 19, 2023" beats "Friday".
//!
//! The forms are written by hand over a [`Cursor`], not as regular expressions: the page then
//! carries no regex engine, whose compiling was most of the first analysis, and a scan is one
//! linear pass. Each form's doc comment gives what it reads in regex notation (ASCII, `\b` between
//! ASCII word bytes and others); capitalised words there are defined once below: MONTH, WEEKDAY,
//! DAY (`[0-3]?[0-9]`), YEAR4 (`[12][0-9]{3}\b`), YEAR (1600–2099), NUMBER, UNIT, POD.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::calendar::{Date, PartialDate, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES};
use super::cursor::Cursor;
use super::TimeType;
use crate::hash::{map_with_capacity, packed, FastMap, WordShapes};
use crate::Span;

/// What a match says before the article's date and tense are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Fully determined: `2023-05-19`, `2023`.
    Absolute(PartialDate),
    /// "May 20", "in May": the year comes from context.
    MonthDay { month: u8, day: Option<u8> },
    /// "14/03/2025": day-first or month-first is decided for the whole document.
    Numeric { first: u8, second: u8, year: i32 },
    /// "Friday", "on Friday" (Monday = 0).
    Weekday(u8),
    /// "yesterday" = -1.
    DayOffset(i64),
    /// "last year" = (Year, -1); "this week" = (Week, 0).
    UnitOffset(Unit, i32),
    /// "three years ago".
    Ago(Unit, i64),
    /// "10:30", "3 p.m.", "18:00 UTC", "9:40 AM GMT+3": `zone` is the offset from UTC in
    /// minutes, when one is given.
    Clock {
        hour: u8,
        minute: u8,
        zone: Option<i16>,
    },
    /// "the 1990s" = 199.
    Decade(i32),
    /// "the 20th century" = 19.
    Century(i32),
    /// "31 years" = (Year, Some(31)); "years" = (Year, None).
    Duration(Unit, Option<i64>),
    /// "every week", "annually".
    Every(Unit),
    /// "last September" = (9, -1): the nearest such month before (-1), after (1) or in (0) the reference year.
    RelativeMonth { month: u8, offset: i32 },
    /// "the third quarter of 2009" = (3, 2009).
    Quarter(u8, YearRef),
    /// "last summer" = ("SU", -1 relative).
    Season(&'static str, YearRef),
    /// `PRESENT_REF` ("now", "currently"), `PAST_REF` ("recently"), `FUTURE_REF` ("in the future").
    Ref(&'static str),
}

/// A year given outright or relative to the reference year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    Relative(i32),
    /// No year said ("the fourth quarter"): the latest one on or before the article.
    Unstated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    pub kind: TimeType,
    pub reading: Reading,
    /// "Friday afternoon": TIMEX3's `TMO`, `TAF`, `TEV` or `TNI`, appended to the day.
    pub part_of_day: Option<&'static str>,
}

/// What one form found at one start: where its match ends (the scan for this form goes on from
/// there, as a regex's successive matches do) and what it reads there, if that makes sense
/// ("February 30, 2023" is matched and read as nothing).
struct Hit {
    end: usize,
    found: Option<Found>,
}

struct Found {
    span: Span,
    kind: TimeType,
    reading: Reading,
    part_of_day: Option<&'static str>,
}

impl Hit {
    fn new(start: usize, end: usize, read: Option<(TimeType, Reading)>) -> Option<Hit> {
        Some(Hit {
            end,
            found: read.map(|(kind, reading)| Found {
                span: Span::new(start, end),
                kind,
                reading,
                part_of_day: None,
            }),
        })
    }

    /// "Friday afternoon" is a time on that day.
    fn at_part_of_day(mut self, code: Option<&'static str>) -> Hit {
        if let (Some(found), Some(code)) = (&mut self.found, code) {
            found.part_of_day = Some(code);
            found.kind = TimeType::Time;
        }
        self
    }
}

type Form = fn(&Cursor, usize) -> Option<Hit>;

/// Declares the forms once, each with the kinds of word it may start with and what it needs of a
/// number it starts with (see [`NumberWord`]), in order of preference between overlapping matches
/// of the same length: [`FORM_LEADS`], and [`try_form`] and [`number_fits`], which run the `i`th
/// form and its number test by direct calls. (A table of function pointers made each try an
/// indirect call, which WebAssembly engines neither inline nor predict as well: +1 to +4% MB/s.)
///
/// The forms inline into `try_form`; the helpers several of them call on their way to a match
/// (`year4`, `whole_year`, `meridiem`, `clock_hit`, `Cursor::word_in`, `Cursor::short_number`)
/// are kept out of line. At the build's inlining threshold (.cargo/config.toml) LLVM copied them
/// into every form, and `try_form` grew to 51 KB of WebAssembly: V8 took ~150 ms to optimise it.
/// Out of line it is 19.5 KB (~60 ms), the .wasm 31 KB smaller, and the analysis no slower:
/// +4.6, +2.4 and +0.5% MB/s in Node, +13.8, -3.4, +5.5 and -0.8% in a noisy Chromium
/// (alternating A/B runs, same output).
macro_rules! forms {
    ($(($form:ident, $leads:expr, $test:ident)),* $(,)?) => {
        /// The kinds of word each form may start with, by form.
        const FORM_LEADS: [Leads; 31] = [$($leads),*];

        /// Whether the `index`th form's number test lets `number` start it.
        fn number_fits(index: usize, number: &NumberWord) -> bool {
            let mut i = 0;
            $(
                if index == i {
                    return $test(number);
                }
                i += 1;
            )*
            let _ = i;
            false
        }

        /// The `index`th form at `start`.
        fn try_form(index: usize, c: &Cursor, start: usize) -> Option<Hit> {
            let mut i = 0;
            $(
                if index == i {
                    return $form(c, start);
                }
                i += 1;
            )*
            let _ = i;
            None
        }
    };
}

forms![
    (iso_date, DIGITS, iso_date_fits),
    (day_month_year, WEEKDAY | THE | DIGITS, day_then_month_fits),
    (month_day_year, WEEKDAY | MONTH, any_number),
    (numeric_date, DIGITS, numeric_date_fits),
    (day_month, WEEKDAY | THE | DIGITS, day_then_month_fits),
    (month_day, WEEKDAY | MONTH, any_number),
    (month_year, MODIFIER | MONTH, any_number),
    (month_after_preposition, PREPOSITION, any_number),
    (modified_month, MODIFIER, any_number),
    (part_of_month, THE, any_number),
    (relative_month, MODIFIER | RELATIVE, any_number),
    (year, MODIFIER | DIGITS, year_fits),
    (weekday_form, WEEKDAY, any_number),
    (deictic_day, DEICTIC, any_number),
    (part_of_this_day, RELATIVE, any_number),
    (tonight, DEICTIC, any_number),
    (unit_offset, THE | RELATIVE, any_number),
    (century, THE | DIGITS, century_fits),
    (ago, DIGITS | NUMBER_WORD, ago_fits),
    (
        counted_duration,
        DIGITS | NUMBER_WORD,
        counted_duration_fits
    ),
    (stretch_duration, THE | RELATIVE, any_number),
    (plural_units, UNIT_PLURAL, any_number),
    (annual, ANNUAL, any_number),
    (quarter, THE | ORDINAL | DIGITS, quarter_fits),
    (quarter_code, QUARTER_CODE, any_number),
    (season, RELATIVE | SEASON_PREPOSITION, any_number),
    (season_of_year, SEASON, any_number),
    (clock, DIGITS, clock_fits),
    (clock_hour, DIGITS, clock_hour_fits),
    (every, SET, any_number),
    (reference_phrase, REFERENCE | THE | IN, any_number),
];

/// A word that starts with a digit, as the forms that may start with one look at it: news copy
/// is full of numbers ("15 people", "$2.5 billion"), most of which start no time expression;
/// these tests, each a necessary condition of its form, spare trying the eleven forms in full.
/// (Word bytes are ASCII letters, digits and `_`, as for [`Cursor::words`].)
struct NumberWord<'a> {
    /// How many digits it starts with.
    digits: usize,
    /// What follows the digits in the word ("th" of "5th", "pm" of "3pm").
    rest: &'a str,
    /// The byte after the word.
    next: Option<u8>,
    /// White space after the word, ASCII or non-breaking.
    then_space: bool,
    /// A bare number followed by a unit ([`counts_units`]).
    counts_units: bool,
}

impl NumberWord<'_> {
    fn then_space(&self) -> bool {
        self.then_space
    }

    fn is_bare(&self) -> bool {
        self.rest.is_empty()
    }

    /// "5th", "21ST": an ordinal suffix in any case after the digits.
    fn is_ordinal_any_case(&self) -> bool {
        ORDINAL_SUFFIXES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(self.rest))
    }
}

/// For forms that never start with a number.
fn any_number(_: &NumberWord) -> bool {
    true
}

/// "2023-05-19": four digits, then a hyphen.
fn iso_date_fits(n: &NumberWord) -> bool {
    n.digits == 4 && n.is_bare() && n.next == Some(b'-')
}

/// "14/03/2025", "14.03.2025".
fn numeric_date_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_bare() && matches!(n.next, Some(b'/' | b'.'))
}

/// "19 May", "5th of May": a day, perhaps ordinal, then a space.
fn day_then_month_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && (n.is_bare() || ORDINAL_SUFFIXES.contains(&n.rest)) && n.then_space()
}

/// "2023", "1990s".
fn year_fits(n: &NumberWord) -> bool {
    n.digits == 4 && (n.is_bare() || n.rest == "s")
}

/// "19th century", "21ST century".
fn century_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_ordinal_any_case() && n.then_space()
}

/// "3 days ago".
fn ago_fits(n: &NumberWord) -> bool {
    n.counts_units && n.then_space()
}

/// "31 years", "31-year-old".
fn counted_duration_fits(n: &NumberWord) -> bool {
    n.counts_units
}

/// Whether the word after a number ending at `end`, past spaces or hyphens, is a unit of time
/// ("days", "year") or "few" ("a few days"): what `ago` and `counted_duration` read next. Most
/// numbers and number words ("15 people", "a plan") are followed by neither.
fn counts_units(c: &Cursor, end: usize) -> bool {
    let at = c.spaces_or(end, b'-');
    at > end && (unit_word(c, at).is_some() || c.word(at).eq_ignore_ascii_case("few"))
}

/// "3rd quarter", "4th-quarter".
fn quarter_fits(n: &NumberWord) -> bool {
    n.digits == 1 && n.is_ordinal_any_case() && (n.then_space() || n.next == Some(b'-'))
}

/// "10:30", "11.05 GMT".
fn clock_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_bare() && matches!(n.next, Some(b':' | b'.'))
}

/// "3 p.m.", "11am".
fn clock_hour_fits(n: &NumberWord) -> bool {
    let meridiem_glued = matches!(n.rest.as_bytes().first(), Some(b'a' | b'A' | b'p' | b'P'));
    n.digits <= 2 && (meridiem_glued || (n.is_bare() && n.then_space()))
}

// Forms are bits of a u32.
const _: () = assert!(FORM_LEADS.len() <= 32);

/// For each kind of lead word (a bit of `Leads`), the forms it may start (bit i: the `i`th form).
const FORMS_BY_LEAD: [u32; Leads::BITS as usize] = {
    let mut table = [0u32; Leads::BITS as usize];
    let mut form = 0;
    while form < FORM_LEADS.len() {
        let mut lead = 0;
        while lead < table.len() {
            if FORM_LEADS[form] & (1 << lead) != 0 {
                table[lead] |= 1 << form;
            }
            lead += 1;
        }
        form += 1;
    }
    table
};

/// The forms a word with these `leads` may start, as bits (ascending bit = table order): only
/// they are tried there, not the whole table.
fn forms_led_by(mut leads: Leads) -> u32 {
    let mut forms = 0;
    while leads != 0 {
        forms |= FORMS_BY_LEAD[leads.trailing_zeros() as usize];
        leads &= leads - 1;
    }
    forms
}

/// Every time expression in `text` (a sentence starting at byte `offset`), without overlaps.
///
/// ```
/// use dateline::time::recognise::recognise;
/// let found = recognise("Talks on Friday, May 19, 2023 lasted two days.", 0);
/// let texts: Vec<&str> = found.iter().map(|c| &"Talks on Friday, May 19, 2023 lasted two days."[c.span.start..c.span.end]).collect();
/// assert_eq!(texts, ["Friday, May 19, 2023", "two days"]);
/// ```
pub fn recognise(text: &str, offset: usize) -> Vec<Candidate> {
    keep_longest(scan(text, Some(leads)), offset)
}

/// What the forms match at the word starts of `text`, as (form, found). `leads_of` says which
/// kinds of word a form may start with; forms that cannot start with a word (or before the word
/// after it) are not tried there. `None` tries every form at every word: the reference the
/// tests hold the narrowing to.
fn scan(text: &str, leads_of: Option<fn(&str) -> Leads>) -> Vec<(usize, Found)> {
    let cursor = Cursor::new(text);
    let mut found = Vec::new();
    // Where each form may match next: its matches do not overlap one another.
    let mut resume = [0usize; FORM_LEADS.len()];
    // The kinds of the word after the last one narrowed by it: asked again when it comes up.
    let mut next_word: Option<(usize, Leads)> = None;
    // The end of a number with thousands separators: its "000" groups lead nothing.
    let mut grouped_until = 0;
    for (start, word) in cursor.words() {
        if start < grouped_until {
            continue;
        }
        if word.as_bytes()[0].is_ascii_digit() {
            grouped_until = cursor.grouped_digits_end(start);
        }
        let leads = match leads_of {
            None => Leads::MAX,
            Some(leads_of) => {
                let own = match next_word.take() {
                    Some((at, leads)) if at == start => leads,
                    _ => leads_of(word),
                };
                let mut kept = own;
                if own & LED_BY_NEXT_WORD != 0 {
                    (kept, next_word) =
                        narrowed_by_next_word(&cursor, start + word.len(), own, leads_of);
                }
                // "a", "two", "several" start only a count of units ("a year ago", "two-day talks").
                if kept & NUMBER_WORD != 0 && !counts_units(&cursor, start + word.len()) {
                    kept &= !NUMBER_WORD;
                }
                kept
            }
        };
        if leads == 0 {
            continue;
        }
        // A number, when narrowing: what each form needs of it is checked before the form runs.
        let number = (leads_of.is_some() && leads == DIGITS).then(|| {
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            let end = (start + word.len()).max(grouped_until);
            NumberWord {
                digits,
                rest: &word[digits..],
                next: cursor.byte(end),
                then_space: cursor.spaces(end) > end,
                counts_units: digits == word.len() && counts_units(&cursor, end),
            }
        });
        // The forms this word may start, in table order, as set bits.
        let mut forms = forms_led_by(leads);
        while forms != 0 {
            let index = forms.trailing_zeros() as usize;
            forms &= forms - 1;
            if start < resume[index] || number.as_ref().is_some_and(|n| !number_fits(index, n)) {
                continue;
            }
            if let Some(hit) = try_form(index, &cursor, start) {
                resume[index] = hit.end;
                found.extend(hit.found.map(|f| (index, f)));
            }
        }
    }
    found
}

/// Kinds of word that start a form only before certain words: "the", "in", "of", "on"... are
/// among the commonest words, and most of them precede no time expression.
const LED_BY_NEXT_WORD: Leads = THE | PREPOSITION | SEASON_PREPOSITION | IN;

/// `leads` less the kinds that the word after this one (which ends at `end`) rules out: "the"
/// leads only before a number, a relative word, an ordinal, "future" or a part ("the 5th of May",
/// "the past decade", "the third quarter", "the future", "the end of June"); a preposition before a month ("in May"), or
/// before "the", "early", "late" or a season ("in the spring"); "in" before "the" ("in the past").
/// The forms' own tests still decide; this only spares trying them where they cannot match.
/// Also returns where the next word starts and its kinds, when there is one.
fn narrowed_by_next_word(
    c: &Cursor,
    end: usize,
    leads: Leads,
    leads_of: fn(&str) -> Leads,
) -> (Leads, Option<(usize, Leads)>) {
    let next_start = c.spaces(end);
    let next = Some(c.word(next_start)).filter(|w| next_start > end && !w.is_empty());
    let next_leads = next.map_or(0, leads_of);
    let mut kept = leads;
    // Asked only of "the" before no number, relative word or ordinal (the commonest case).
    let before_word = || {
        next.is_some_and(|w| {
            (3..=9).contains(&w.len())
                && ["future", "end", "start", "beginning", "middle"]
                    .iter()
                    .any(|word| w.eq_ignore_ascii_case(word))
        })
    };
    if leads & THE != 0 && next_leads & (DIGITS | RELATIVE | ORDINAL) == 0 && !before_word() {
        kept &= !THE;
    }
    if next_leads & MONTH == 0 {
        kept &= !PREPOSITION;
    }
    if next_leads & (THE | MODIFIER | SEASON) == 0 {
        kept &= !SEASON_PREPOSITION;
    }
    if next_leads & THE == 0 {
        kept &= !IN;
    }
    (kept, next.map(|_| (next_start, next_leads)))
}

/// Longest first, then the earlier form, keeping what does not overlap a keeper; in text order,
/// moved by `offset`.
fn keep_longest(mut found: Vec<(usize, Found)>, offset: usize) -> Vec<Candidate> {
    let candidate = |f: Found| Candidate {
        span: Span::new(offset + f.span.start, offset + f.span.end),
        kind: f.kind,
        reading: f.reading,
        part_of_day: f.part_of_day,
    };
    // Most sentences hold no time expression, and most others one.
    if found.len() <= 1 {
        return found.into_iter().map(|(_, f)| candidate(f)).collect();
    }
    // Keepers are disjoint, so a map from start to end answers "does this overlap one?" with the
    // nearest keeper on either side (a run-on line of 5 MB holds tens of thousands of candidates).
    found.sort_by_key(|(form, f)| (Reverse(f.span.len()), *form, f.span.start));
    let mut keepers: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::with_capacity(found.len());
    for (_, f) in found {
        let Span { start, end } = f.span;
        let before = keepers
            .range(..=start)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        let after = keepers.range(start..).next().is_some_and(|(&s, _)| s < end);
        if !before && !after {
            keepers.insert(start, end);
            kept.push(candidate(f));
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Whether a full date ("19 May 2023", "Tuesday, December 5, 2023", "2023-05-19", "14/03/2025")
/// may start at the start of `text`: one of the forms that read a full date matches there.
/// Lets a caller that wants a date at the start of a line skip reading the lines that cannot
/// (most of them: the top lines of an article are read for its date).
///
/// ```
/// use dateline::time::recognise::may_start_with_full_date;
/// assert!(may_start_with_full_date("Tuesday, December 5, 2023 10:00"));
/// assert!(may_start_with_full_date("14/03/2025"));
/// assert!(!may_start_with_full_date("The talks began on 5 May 2023"));
/// assert!(!may_start_with_full_date("May 2023"));
/// ```
pub fn may_start_with_full_date(text: &str) -> bool {
    // The forms whose readings name a day of a year: `date_reading` and `Reading::Numeric`.
    const FULL_DATE_FORMS: [Form; 4] = [iso_date, day_month_year, month_day_year, numeric_date];
    let c = Cursor::new(text);
    let word = c.word(0);
    !word.is_empty()
        && leads(word) & (DIGITS | THE | WEEKDAY | MONTH) != 0
        && FULL_DATE_FORMS
            .iter()
            .any(|form| form(&c, 0).is_some_and(|hit| hit.found.is_some()))
}

/// Kinds of word a form may start with, as bits. A word may be of several kinds ("in" is a
/// preposition and starts "in the past").
type Leads = u32;
const DIGITS: Leads = 1;
const WEEKDAY: Leads = 1 << 1;
const THE: Leads = 1 << 2;
const MONTH: Leads = 1 << 3;
/// Starts with "early", "late" or "mid": "earlyMay", "mid-2024" glue the modifier on.
const MODIFIER: Leads = 1 << 4;
const PREPOSITION: Leads = 1 << 5;
const RELATIVE: Leads = 1 << 6;
const DEICTIC: Leads = 1 << 7;
const NUMBER_WORD: Leads = 1 << 8;
const UNIT_PLURAL: Leads = 1 << 9;
const ANNUAL: Leads = 1 << 10;
const ORDINAL: Leads = 1 << 11;
const QUARTER_CODE: Leads = 1 << 12;
const SEASON: Leads = 1 << 13;
const SET: Leads = 1 << 14;
const REFERENCE: Leads = 1 << 15;
/// "in", which also starts "in the past".
const IN: Leads = 1 << 16;
/// "in", "during", "by", "until": "in (the) spring".
const SEASON_PREPOSITION: Leads = 1 << 17;

/// The words forms start with (lower case; the forms check case themselves), and their kinds.
const LEAD_WORDS: &[(&str, Leads)] = &[
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
struct LeadWords {
    /// By the word packed into integers (see `packed`): hashed and compared as numbers.
    kinds: FastMap<(u64, u64), Leads>,
    /// The lead words' shapes: most other words are turned away before they are hashed.
    shapes: WordShapes,
}

/// The kinds of `word`. Most words of a text are of none, and one quick test then spares them
/// thirty forms.
fn leads(word: &str) -> Leads {
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

// ---- The words the forms are made of ----

/// MONTH: a month's name or abbreviation in any case, but "May" only as "May" or "MAY" ("may" is
/// a verb).
fn month(c: &Cursor, at: usize) -> Option<(u8, usize)> {
    let word = c.word(at);
    let is_verb = word.eq_ignore_ascii_case("may") && word != "May" && word != "MAY";
    let listed = !is_verb
        && MONTH_NAMES
            .iter()
            .chain(&MONTH_ABBREVIATIONS)
            .any(|m| m.eq_ignore_ascii_case(word));
    listed.then(|| (month_number(word), at + word.len()))
}

fn month_number(name: &str) -> u8 {
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = &name[..3];
    PREFIXES
        .iter()
        .position(|p| p.eq_ignore_ascii_case(prefix))
        .map_or(1, |i| i as u8 + 1)
}

/// WEEKDAY: a day's full name, capitalised or in capitals. Monday is 0.
fn weekday(c: &Cursor, at: usize) -> Option<(u8, usize)> {
    let word = c.word(at);
    let in_capitals = word.bytes().all(|b| b.is_ascii_uppercase());
    WEEKDAY_NAMES
        .iter()
        .position(|&day| word == day || (in_capitals && day.eq_ignore_ascii_case(word)))
        .map(|index| (index as u8, at + word.len()))
}

/// `(?:WEEKDAY,?\s+)?`
fn after_weekday(c: &Cursor, at: usize) -> usize {
    if !c.byte(at).is_some_and(|b| b.is_ascii_uppercase()) {
        return at;
    }
    weekday(c, at)
        .and_then(|(_, end)| c.space(c.optional(end, ",")))
        .unwrap_or(at)
}

const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// `(?:st|nd|rd|th)?`
fn after_ordinal(c: &Cursor, at: usize) -> usize {
    ORDINAL_SUFFIXES
        .iter()
        .find_map(|s| c.literal(at, s, false))
        .unwrap_or(at)
}

/// `\s*,?\s+`: "May 19, 2023", "May 19 2023".
fn comma_gap(c: &Cursor, at: usize) -> Option<usize> {
    match c.literal(c.spaces(at), ",", false) {
        Some(after_comma) => c.space(after_comma),
        None => c.space(at),
    }
}

/// YEAR4: `[12][0-9]{3}\b`.
#[inline(never)] // shared by the forms: see `forms!`
fn year4(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    c.fixed_digits(at, 4, b"12")
        .filter(|&(_, end)| c.boundary(end))
}

/// YEAR: `1[6-9][0-9]{2}|20[0-9]{2}`, the years news writes about.
fn year_number(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    c.fixed_digits(at, 4, b"12")
        .filter(|(year, _)| (1600..=2099).contains(year))
}

/// YEAR and then `\b`.
#[inline(never)] // shared by the forms: see `forms!`
fn whole_year(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    year_number(c, at).filter(|&(_, end)| c.boundary(end))
}

/// A modifier in any case ("early", "mid-") and the spaces after it, if one starts at `at`.
/// "earlyMay" counts, as it did for `(?i:early|late|mid-|mid)\s*`.
fn after_modifier(c: &Cursor, at: usize, modifiers: &[&str]) -> Option<usize> {
    modifiers
        .iter()
        .find_map(|m| c.literal(at, m, true))
        .map(|end| c.spaces(end))
}

/// The first of `words` (any case) followed by white space, and that space, if one is at `at`.
fn after_one_of(c: &Cursor, at: usize, words: &[&str]) -> usize {
    words
        .iter()
        .map(|w| c.optional_word(at, w, true))
        .find(|&after| after != at)
        .unwrap_or(at)
}

const PARTS_OF_DAY: [&str; 4] = ["morning", "afternoon", "evening", "night"];
/// TIMEX3's parts of the day, in the order of [`PARTS_OF_DAY`].
const PART_OF_DAY_CODES: [&str; 4] = ["TMO", "TAF", "TEV", "TNI"];

/// POD: `(?:\s+(morning|afternoon|evening|night))?\b`, as its TIMEX3 code and the end.
fn part_of_day(c: &Cursor, at: usize, any_case: bool) -> (Option<&'static str>, usize) {
    c.space(at)
        .and_then(|after| c.word_in(after, &PARTS_OF_DAY, any_case))
        .map_or((None, at), |(index, end)| {
            (Some(PART_OF_DAY_CODES[index]), end)
        })
}

/// NUMBER (`[0-9]+` or a number word, any case) at `at`, as (text, end): first the digits or
/// the word, then "a few", the order in which a regex would try them.
fn numbers<'a>(c: &Cursor<'a>, at: usize) -> [Option<(&'a str, usize)>; 2] {
    let digits_end = c.grouped_digits_end(at);
    let first = if digits_end > at {
        Some(digits_end)
    } else {
        let word = c.word(at);
        is_number_word(word).then_some(at + word.len())
    };
    let a_few = c.literal(at, "a few", true);
    [first, a_few].map(|end| end.map(|end| (&c.text[at..end], end)))
}

const UNITS: [(&str, Unit); 9] = [
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

/// UNIT with an optional plural `s` (any case), as a whole word: (unit, plural, end).
fn unit_word(c: &Cursor, at: usize) -> Option<(Unit, bool, usize)> {
    let word = c.word(at);
    let unit_of = |name: &str| {
        UNITS
            .iter()
            .find(|(u, _)| u.eq_ignore_ascii_case(name))
            .map(|&(_, unit)| unit)
    };
    let end = at + word.len();
    if let Some(unit) = unit_of(word) {
        return Some((unit, false, end));
    }
    let stem = word.strip_suffix(['s', 'S'])?;
    unit_of(stem).map(|unit| (unit, true, end))
}

// ---- The forms ----

/// `YEAR4-[01][0-9]-[0-3][0-9]` not followed by a digit: "2023-05-19", even when glued to the
/// next word ("2023-05-19The Source", "2025-01-21T11:05:00+01:00", whose clock time a
/// publication line reads).
fn iso_date(c: &Cursor, start: usize) -> Option<Hit> {
    let (year, at) = c.fixed_digits(start, 4, b"12")?;
    let (month, at) = c.fixed_digits(c.literal(at, "-", false)?, 2, b"01")?;
    let (day, end) = c.fixed_digits(c.literal(at, "-", false)?, 2, b"0123")?;
    let glued_to_digit = c.byte(end).is_some_and(|b| b.is_ascii_digit());
    Hit::new(
        start,
        end,
        date_reading(year, month as u8, day).filter(|_| !glued_to_digit),
    )
}

/// `(?:WEEKDAY,?\s+)?(?:the\s+)?DAY(?:st|nd|rd|th)?\s+(?:of\s+)?MONTH`: the day and month of
/// "Friday, 19 May", "the 5th of May", as (day, month, end).
fn day_then_month(c: &Cursor, start: usize) -> Option<(u32, u8, usize)> {
    let at = c.optional_word(after_weekday(c, start), "the", false);
    let (day, at) = c.short_number(at, b'0'..=b'3')?;
    let at = c.optional_word(c.space(after_ordinal(c, at))?, "of", false);
    let (month, end) = month(c, at)?;
    Some((day, month, end))
}

/// `(?:WEEKDAY,?\s+)?MONTH\.?\s+DAY(?:st|nd|rd|th)?`: "Friday, May 19th", as (day, month, end).
fn month_then_day(c: &Cursor, start: usize) -> Option<(u32, u8, usize)> {
    let (month, at) = month(c, after_weekday(c, start))?;
    let (day, at) = c.short_number(c.space(c.optional(at, "."))?, b'0'..=b'3')?;
    Some((day, month, after_ordinal(c, at)))
}

/// day_then_month, `\.?\s*,?\s+YEAR4`: "19 May 2023".
fn day_month_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = day_then_month(c, start)?;
    let (year, end) = year4(c, comma_gap(c, c.optional(at, "."))?)?;
    Hit::new(start, end, date_reading(year, month, day))
}

/// month_then_day, `\s*,?\s+YEAR4`: "Friday, May 19, 2023".
fn month_day_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = month_then_day(c, start)?;
    let (year, end) = year4(c, comma_gap(c, at)?)?;
    Hit::new(start, end, date_reading(year, month, day))
}

/// `DAY[/.]DAY[/.]YEAR4`: "14/03/2025", read day- or month-first later, for the whole article.
fn numeric_date(c: &Cursor, start: usize) -> Option<Hit> {
    let (first, at) = c.short_number(start, b'0'..=b'3')?;
    let (second, at) = c.short_number(c.one_of(at, b"/.")?, b'0'..=b'3')?;
    let (year, end) = year4(c, c.one_of(at, b"/.")?)?;
    let (first, second) = (first as u8, second as u8);
    let plausible =
        (1..=31).contains(&first) && (1..=31).contains(&second) && (first <= 12 || second <= 12);
    let reading = Reading::Numeric {
        first,
        second,
        year: year as i32,
    };
    Hit::new(start, end, plausible.then_some((TimeType::Date, reading)))
}

/// day_then_month, with the dot of an abbreviated month: "19 May", "the 5th of May", "3 Sept.".
fn day_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = day_then_month(c, start)?;
    Hit::new(
        start,
        abbreviation_dot(c, at),
        month_day_reading(month, day),
    )
}

/// After a month's name ending at `at`, the end of its abbreviation's dot ("Sept."), if it is
/// one: the full stop after "2 May." ends the sentence, not the name.
fn abbreviation_dot(c: &Cursor, at: usize) -> usize {
    let name_len = c.text[..at]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let name = &c.text[at - name_len..at];
    let abbreviated = !MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(name));
    if abbreviated {
        c.optional(at, ".")
    } else {
        at
    }
}

/// month_then_day, `\b`: "May 20", "Friday, May 19th".
fn month_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, end) = month_then_day(c, start)?;
    if !c.boundary(end) {
        return None;
    }
    Hit::new(start, end, month_day_reading(month, day))
}

const MONTH_MODIFIERS: [&str; 4] = ["early", "late", "mid-", "mid"];

/// `(?:(?i:early|late|mid-|mid)\s*)?MONTH\.?,?\s+(?:of\s+)?YEAR4`: "May 2023", "early March, 2024".
fn month_year(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_modifier(c, start, &MONTH_MODIFIERS).unwrap_or(start);
    let (month, at) = month(c, at)?;
    let at = c.space(c.optional(c.optional(at, "."), ","))?;
    let (year, end) = year4(c, c.optional_word(at, "of", false))?;
    let reading = Reading::Absolute(PartialDate::month(year as i32, month));
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

/// `(?i:in|since|until|till|by|from|during|through|throughout|of|before|after|on)\s+MONTH\b`:
/// "in May" is tagged "May", the preposition being context, not part of the expression.
fn month_after_preposition(c: &Cursor, start: usize) -> Option<Hit> {
    const PREPOSITIONS: [&str; 13] = [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "during",
        "through",
        "throughout",
        "of",
        "before",
        "after",
        "on",
    ];
    let (_, at) = c.word_in(start, &PREPOSITIONS, true)?;
    let month_start = c.space(at)?;
    let (month, end) = month(c, month_start)?;
    Hit::new(month_start, end, month_alone(month))
}

/// `(?i:early|late|mid-|mid)\s*MONTH\b`: "early May" (the modifier is part of it).
fn modified_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (month, end) = month(c, after_modifier(c, start, &MONTH_MODIFIERS)?)?;
    Hit::new(start, end, month_alone(month))
}

/// `(?i)the\s+(?:end|start|beginning|middle)\s+of\s+MONTH(?:,?\s+YEAR4)?\b`: "the end of
/// June" is June (TIMEX3 keeps the month; the part is a modifier it has no value for).
fn part_of_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, at) = c.word_in(start, &["the"], true)?;
    let (_, at) = c.word_in(c.space(at)?, &["end", "start", "beginning", "middle"], true)?;
    let (_, at) = c.word_in(c.space(at)?, &["of"], true)?;
    let (month, end) = month(c, c.space(at)?)?;
    let with_year = c.space(c.optional(end, ",")).and_then(|at| year4(c, at));
    match with_year {
        Some((year, end)) => Hit::new(
            start,
            end,
            Some((
                TimeType::Date,
                Reading::Absolute(PartialDate::month(year as i32, month)),
            )),
        ),
        None => Hit::new(start, end, month_alone(month)),
    }
}

/// `(?i)(?:(?:early|late|mid)\s+)?(last|next|this)\s+MONTH\b`: "last September".
fn relative_month(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_one_of(c, start, &["early", "late", "mid"]);
    let (relative, at) = c.word_in(at, &["last", "next", "this"], true)?;
    let (month, end) = month(c, c.space(at)?)?;
    let offset = [-1, 1, 0][relative];
    Hit::new(
        start,
        end,
        Some((TimeType::Date, Reading::RelativeMonth { month, offset })),
    )
}

/// `(?:(?i:mid-|early|late)\s*)?YEAR(s)?\b`: "2023", "the 1990s", "mid-2024"; not amounts
/// ("$2023", "2,023", "2023%") or parts of other numbers ("2023-13-45").
fn year(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_modifier(c, start, &["mid-", "early", "late"]).unwrap_or(start);
    let (year, at) = year_number(c, at)?;
    let decade_end = c.literal(at, "s", false).filter(|&end| c.boundary(end));
    let end = decade_end.unwrap_or(at);
    if !c.boundary(end) {
        return None;
    }
    let read = read_year(
        c.text,
        Span::new(start, end),
        year as i32,
        decade_end.is_some(),
    );
    Hit::new(start, end, read)
}

/// `WEEKDAY POD`: "Friday", "Friday morning".
fn weekday_form(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, at) = weekday(c, start)?;
    let (part, end) = part_of_day(c, at, false);
    Hit::new(start, end, Some((TimeType::Date, Reading::Weekday(day))))
        .map(|hit| hit.at_part_of_day(part))
}

/// `(?i)(today|yesterday|tomorrow) POD`.
fn deictic_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (word, at) = c.word_in(start, &["today", "yesterday", "tomorrow"], true)?;
    let (part, end) = part_of_day(c, at, true);
    let reading = Reading::DayOffset([0, -1, 1][word]);
    Hit::new(start, end, Some((TimeType::Date, reading))).map(|hit| hit.at_part_of_day(part))
}

/// `(?i)(this|last)\s+(morning|afternoon|evening|night)\b`: "last night".
fn part_of_this_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (word, at) = c.word_in(start, &["this", "last"], true)?;
    let (part, end) = c.word_in(c.space(at)?, &PARTS_OF_DAY, true)?;
    let reading = Reading::DayOffset([0, -1][word]);
    Hit::new(start, end, Some((TimeType::Date, reading)))
        .map(|hit| hit.at_part_of_day(Some(PART_OF_DAY_CODES[part])))
}

/// `(?i)tonight\b`.
fn tonight(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, end) = c.word_in(start, &["tonight"], true)?;
    Hit::new(start, end, Some((TimeType::Date, Reading::DayOffset(0))))
        .map(|hit| hit.at_part_of_day(Some("TNI")))
}

/// `(?i)(?:the\s+)?(last|next|this|previous|earlier this|later this|coming)\s+
/// (?:fiscal\s+|financial\s+)?(week|weekend|month|year)\b`: "last year", "the coming week".
fn unit_offset(c: &Cursor, start: usize) -> Option<Hit> {
    let at = c.optional_word(start, "the", true);
    let (offset, at) = relative_word(c, at)?;
    let at = after_one_of(c, c.space(at)?, &["fiscal", "financial"]);
    let (unit, end) = c.word_in(at, &["week", "weekend", "month", "year"], true)?;
    let unit = [Unit::Week, Unit::Week, Unit::Month, Unit::Year][unit];
    Hit::new(
        start,
        end,
        Some((TimeType::Date, Reading::UnitOffset(unit, offset))),
    )
}

/// `last|next|this|previous|earlier this|later this|coming` (any case) as an offset.
fn relative_word(c: &Cursor, at: usize) -> Option<(i32, usize)> {
    const WORDS: [&str; 5] = ["last", "next", "this", "previous", "coming"];
    if let Some((index, end)) = c.word_in(at, &WORDS, true) {
        return Some(([-1, 1, 0, -1, 0][index], end));
    }
    let (_, end) = c.word_in(at, &["earlier", "later"], true)?;
    let (_, end) = c.word_in(c.literal(end, " ", false)?, &["this"], true)?;
    Some((0, end))
}

/// `(?i)(?:the\s+)?[12]?[0-9](?:st|nd|rd|th)\s+century\b`: "the 20th century".
fn century(c: &Cursor, start: usize) -> Option<Hit> {
    let at = c.optional_word(start, "the", true);
    let (number, at) = c.short_number(at, b'1'..=b'2')?;
    let at = ORDINAL_SUFFIXES
        .iter()
        .find_map(|s| c.literal(at, s, true))?;
    let (_, end) = c.word_in(c.space(at)?, &["century"], true)?;
    let read = (1..=22)
        .contains(&number)
        .then_some((TimeType::Date, Reading::Century(number as i32 - 1)));
    Hit::new(start, end, read)
}

/// `(?i)NUMBER\s+UNITs?\s+ago\b`: "three days ago".
fn ago(c: &Cursor, start: usize) -> Option<Hit> {
    numbers(c, start).into_iter().flatten().find_map(|(n, at)| {
        let (unit, _, at) = unit_word(c, c.space(at)?)?;
        let (_, end) = c.word_in(c.space(at)?, &["ago"], true)?;
        let read = word_number(n).map(|n| (TimeType::Date, Reading::Ago(unit, n)));
        Hit::new(start, end, read)
    })
}

/// `(?i)NUMBER[\s-]+UNITs?(?:-long|-old)?\b`: "31 years", "a five-year plan", "a 31-year-old".
fn counted_duration(c: &Cursor, start: usize) -> Option<Hit> {
    numbers(c, start).into_iter().flatten().find_map(|(n, at)| {
        let gap_end = c.spaces_or(at, b'-');
        let (unit, _, unit_end) = unit_word(c, gap_end).filter(|_| gap_end > at)?;
        // "in 2020 year", as translated copy writes a year: a year, not 2,020 years.
        let year_named = c.text[start..at].len() == 4
            && matches!(c.text.as_bytes()[start], b'1' | b'2')
            && c.text[start..at].bytes().all(|b| b.is_ascii_digit())
            && c.text[gap_end..unit_end].eq_ignore_ascii_case("year");
        if year_named {
            return None;
        }
        let at = unit_end;
        let end = ["-long", "-old"]
            .iter()
            .find_map(|s| c.phrase(at, s, true))
            .unwrap_or(at);
        let reading = Reading::Duration(unit, word_number(n));
        Hit::new(start, end, Some((TimeType::Duration, reading)))
    })
}

/// `(?i)(?:the\s+)?(?:past|next|coming|following|previous|recent)\s+(?:NUMBER\s+)?UNIT(s)?\b`:
/// "the past decade" (one), "recent weeks" (some), "the next five years".
fn stretch_duration(c: &Cursor, start: usize) -> Option<Hit> {
    const LEADS: [&str; 6] = ["past", "next", "coming", "following", "previous", "recent"];
    let (_, at) = c.word_in(c.optional_word(start, "the", true), &LEADS, true)?;
    let at = c.space(at)?;
    let counted = numbers(c, at).into_iter().flatten().find_map(|(n, after)| {
        let (unit, _, end) = unit_word(c, c.space(after)?)?;
        Some((unit, word_number(n), end))
    });
    let (unit, count, end) = match counted {
        Some(found) => found,
        None => {
            let (unit, plural, end) = unit_word(c, at)?;
            (unit, (!plural).then_some(1), end)
        }
    };
    let reading = Reading::Duration(unit, count);
    Hit::new(start, end, Some((TimeType::Duration, reading)))
}

/// `(?i)(minute|hour|day|week|month|year|decade)s\b`: "years", "for decades".
fn plural_units(c: &Cursor, start: usize) -> Option<Hit> {
    let (unit, plural, end) = unit_word(c, start)?;
    if !plural || unit == Unit::Century {
        return None;
    }
    let reading = Reading::Duration(unit, None);
    Hit::new(start, end, Some((TimeType::Duration, reading)))
}

/// `(?i)annual\b`: one year.
fn annual(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, end) = c.word_in(start, &["annual"], true)?;
    let reading = Reading::Duration(Unit::Year, Some(1));
    Hit::new(start, end, Some((TimeType::Duration, reading)))
}

/// `(?i)(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\s+|-)quarter
/// (?:\s+of\s+(?:YEAR|(this|last|next)\s+year|the\s+year))?\b`: "the third quarter of 2009".
fn quarter(c: &Cursor, start: usize) -> Option<Hit> {
    const ORDINALS: [&str; 9] = [
        "first", "second", "third", "fourth", "final", "1st", "2nd", "3rd", "4th",
    ];
    let (ordinal, at) = c.word_in(c.optional_word(start, "the", true), &ORDINALS, true)?;
    let at = c.space(at).or_else(|| c.literal(at, "-", false))?;
    let (_, at) = c.word_in(at, &["quarter"], true)?;
    let (year, end) = quarter_year(c, at).unwrap_or((YearRef::Unstated, at));
    let number = [1, 2, 3, 4, 4, 1, 2, 3, 4][ordinal];
    Hit::new(
        start,
        end,
        Some((TimeType::Date, Reading::Quarter(number, year))),
    )
}

/// `\s+of\s+(?:YEAR|(this|last|next)\s+year|the\s+year)\b` (any case).
fn quarter_year(c: &Cursor, at: usize) -> Option<(YearRef, usize)> {
    let (_, at) = c.word_in(c.space(at)?, &["of"], true)?;
    let at = c.space(at)?;
    if let Some((year, end)) = whole_year(c, at) {
        return Some((YearRef::Absolute(year as i32), end));
    }
    let (relative, after) = c.word_in(at, &["this", "last", "next", "the"], true)?;
    let (_, end) = c.word_in(c.space(after)?, &["year"], true)?;
    Some((YearRef::Relative([0, -1, 1, 0][relative]), end))
}

/// `Q[1-4](?:\s+YEAR)?\b`: "Q3 2009".
fn quarter_code(c: &Cursor, start: usize) -> Option<Hit> {
    let (index, at) = c.word_in(start, &["Q1", "Q2", "Q3", "Q4"], false)?;
    let (year, end) = c
        .space(at)
        .and_then(|after| whole_year(c, after))
        .map_or((YearRef::Unstated, at), |(year, end)| {
            (YearRef::Absolute(year as i32), end)
        });
    let reading = Reading::Quarter(index as u8 + 1, year);
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];
/// TIMEX3's seasons, in the order of [`SEASONS`].
const SEASON_CODES: [&str; 5] = ["SP", "SU", "FA", "FA", "WI"];

/// `(?i)(?:(last|this|next)\s+|(?:in|during|by|until)\s+(?:the\s+)?(?:(?:early|late)\s+)?)SEASON
/// (?:\s+(?:of\s+)?YEAR)?\b`: "last summer", "in the spring of 2020".
fn season(c: &Cursor, start: usize) -> Option<Hit> {
    let (relative, at) = match c.word_in(start, &["last", "this", "next"], true) {
        Some((relative, end)) => (Some([-1, 0, 1][relative]), c.space(end)?),
        None => {
            let (_, end) = c.word_in(start, &["in", "during", "by", "until"], true)?;
            let at = c.optional_word(c.space(end)?, "the", true);
            (None, after_one_of(c, at, &["early", "late"]))
        }
    };
    let (season, at) = c.word_in(at, &SEASONS, true)?;
    let unstated = relative.map_or(YearRef::Unstated, YearRef::Relative);
    let (year, end) = season_year(c, at).map_or((unstated, at), |(year, end)| {
        (YearRef::Absolute(year as i32), end)
    });
    let reading = Reading::Season(SEASON_CODES[season], year);
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

/// `(?i)(spring|summer|autumn|winter)\s+(?:of\s+)?YEAR\b`: "summer 2019".
fn season_of_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (season, at) = c.word_in(start, &["spring", "summer", "autumn", "winter"], true)?;
    let (year, end) = season_year(c, at)?;
    let reading = Reading::Season(
        ["SP", "SU", "FA", "WI"][season],
        YearRef::Absolute(year as i32),
    );
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

/// `(?i)\s+(?:of\s+)?YEAR\b`.
fn season_year(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    whole_year(c, c.optional_word(c.space(at)?, "of", true))
}

/// `(?i)[0-2]?[0-9]:[0-5][0-9](?:\s*MERIDIEM)?(?:\s*ZONE)?`: "10:30", "18:00 GMT"; with a dot
/// ("11.05 GMT", as British papers write it) only before a zone, where no decimal stands.
fn clock(c: &Cursor, start: usize) -> Option<Hit> {
    // "+01:00" is a zone's offset, not a time of day.
    let offset = start > 0 && matches!(c.byte(start - 1), Some(b'+' | b':'));
    if offset {
        return None;
    }
    let (hour, at) = c.short_number(start, b'0'..=b'2')?;
    let (dotted, at) = match c.literal(at, ":", false) {
        Some(at) => (false, at),
        None => (true, c.literal(at, ".", false)?),
    };
    let (minute, at) = c.fixed_digits(at, 2, b"012345")?;
    let (pm, at) = meridiem(c, at).map_or((None, at), |(pm, end)| (Some(pm), end));
    if dotted && (pm.is_some() || zone(c, c.spaces(at)).is_none()) {
        return None;
    }
    clock_hit(c, start, at, hour, minute, pm)
}

/// Named time zones of news copy and their offsets from UTC in minutes. Capitals only: "EST"
/// is a zone, "est" is not.
pub(crate) const ZONES: &[(&str, i16)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
    ("BST", 60),
    ("CEST", 120),
    ("CET", 60),
    ("WAT", 60),
    ("CAT", 120),
    ("EAT", 180),
    ("MSK", 180),
    ("GST", 240),
    ("PKT", 300),
    ("IST", 330),
    ("WIB", 420),
    ("ICT", 420),
    ("SGT", 480),
    ("HKT", 480),
    ("PHT", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
];

/// ZONE at `at`: a named zone, and after UTC or GMT perhaps an offset ("GMT+8", "UTC-05:00"),
/// as (minutes from UTC, end).
fn zone(c: &Cursor, at: usize) -> Option<(i16, usize)> {
    let (base, end) = ZONES
        .iter()
        .find_map(|&(name, minutes)| c.literal(at, name, false).map(|end| (minutes, end)))?;
    let (minutes, end) = match zone_offset(c, end) {
        Some(offset) if base == 0 => offset,
        _ => (base, end),
    };
    c.boundary(end).then_some((minutes, end))
}

/// `[+-](?:[0-9]{1,2}(?::[0-9]{2})?|[0-9]{4})` at `at`: "+8", "+05:30", "-0500", as (minutes,
/// end).
fn zone_offset(c: &Cursor, at: usize) -> Option<(i16, usize)> {
    let (sign, digits) = match c.literal(at, "+", false) {
        Some(end) => (1, end),
        None => (-1, c.literal(at, "-", false)?),
    };
    let (hours, end) = c
        .fixed_digits(digits, 2, b"01")
        .or_else(|| c.fixed_digits(digits, 1, b"0123456789"))?;
    let (minutes, end) = match c.literal(end, ":", false) {
        Some(colon) => c.fixed_digits(colon, 2, b"012345")?,
        None if end == digits + 2 => c.fixed_digits(end, 2, b"012345").unwrap_or((0, end)),
        None => (0, end),
    };
    let minutes = (hours * 60 + minutes) as i16;
    (hours <= 14 && c.digits_end(end) == end).then_some((sign * minutes, end))
}

/// `(?i)(?:1[0-2]|[1-9])\s*MERIDIEM(?:\s*(?:UTC|GMT)\b)?`: "3 p.m.", "11am".
fn clock_hour(c: &Cursor, start: usize) -> Option<Hit> {
    let two_digits = c
        .fixed_digits(start, 2, b"1")
        .filter(|&(hour, _)| hour <= 12);
    let one_digit = c.fixed_digits(start, 1, b"123456789");
    let (hour, pm, at) = [two_digits, one_digit]
        .into_iter()
        .flatten()
        .find_map(|(hour, at)| meridiem(c, at).map(|(pm, end)| (hour, pm, end)))?;
    clock_hit(c, start, at, hour, 0, Some(pm))
}

/// MERIDIEM: `\s*(?:a\.m\.|p\.m\.|(?:am|pm)\b)` in any case, as (p.m., end).
#[inline(never)] // shared by the forms: see `forms!`
fn meridiem(c: &Cursor, at: usize) -> Option<(bool, usize)> {
    let at = c.spaces(at);
    [("a.m.", false), ("p.m.", true)]
        .iter()
        .find_map(|&(m, pm)| c.literal(at, m, true).map(|end| (pm, end)))
        .or_else(|| {
            [("am", false), ("pm", true)]
                .iter()
                .find_map(|&(m, pm)| c.phrase(at, m, true).map(|end| (pm, end)))
        })
}

/// A clock time ending at `at` or, with a zone after it (`\s*ZONE`), there.
#[inline(never)] // shared by the forms: see `forms!`
fn clock_hit(
    c: &Cursor,
    start: usize,
    at: usize,
    hour: u32,
    minute: u32,
    pm: Option<bool>,
) -> Option<Hit> {
    let zone = zone(c, c.spaces(at));
    let hour = match pm {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    let reading = Reading::Clock {
        hour: hour as u8,
        minute: minute as u8,
        zone: zone.map(|(minutes, _)| minutes),
    };
    Hit::new(
        start,
        zone.map_or(at, |(_, end)| end),
        (hour < 24).then_some((TimeType::Time, reading)),
    )
}

/// `(?i)(?:every|each)\s+(day|week|month|year)\b|(daily|weekly|monthly|annually|yearly)\b`.
fn every(c: &Cursor, start: usize) -> Option<Hit> {
    const UNITS: [Unit; 5] = [Unit::Day, Unit::Week, Unit::Month, Unit::Year, Unit::Year];
    let (unit, end) = match c.word_in(start, &["every", "each"], true) {
        Some((_, at)) => c.word_in(c.space(at)?, &["day", "week", "month", "year"], true)?,
        None => {
            // "the Daily Harbour", "Weekly Review": capitalised inside a sentence, a paper's name.
            let named = start > 0 && c.byte(start).is_some_and(|b| b.is_ascii_uppercase());
            if named {
                return None;
            }
            c.word_in(
                start,
                &["daily", "weekly", "monthly", "annually", "yearly"],
                true,
            )?
        }
    };
    Hit::new(
        start,
        end,
        Some((TimeType::Set, Reading::Every(UNITS[unit]))),
    )
}

/// `(?i)(now|currently|at present|nowadays|at the moment|recently|lately|in the past|the past|
/// in the future|the future)\b`: TIMEX3's present, past and future references.
fn reference_phrase(c: &Cursor, start: usize) -> Option<Hit> {
    const PHRASES: [(&str, &str); 11] = [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("at present", "PRESENT_REF"),
        ("nowadays", "PRESENT_REF"),
        ("at the moment", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("lately", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("in the future", "FUTURE_REF"),
        ("the future", "FUTURE_REF"),
    ];
    let first = c.byte(start)?.to_ascii_lowercase();
    let (end, value) = PHRASES
        .iter()
        .filter(|(phrase, _)| phrase.as_bytes()[0] == first)
        .find_map(|&(phrase, value)| c.phrase(start, phrase, true).map(|end| (end, value)))?;
    Hit::new(start, end, Some((TimeType::Date, Reading::Ref(value))))
}

// ---- Readings ----

fn date_reading(year: u32, month: u8, day: u32) -> Option<(TimeType, Reading)> {
    let date = Date::new(year as i32, month, u8::try_from(day).ok()?)?;
    Some((TimeType::Date, Reading::Absolute(PartialDate::day(date))))
}

fn month_day_reading(month: u8, day: u32) -> Option<(TimeType, Reading)> {
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((
        TimeType::Date,
        Reading::MonthDay {
            month,
            day: Some(day),
        },
    ))
}

fn month_alone(month: u8) -> Option<(TimeType, Reading)> {
    Some((TimeType::Date, Reading::MonthDay { month, day: None }))
}

/// A year unless what stands around `whole` makes it an amount or part of another number.
fn read_year(text: &str, whole: Span, year: i32, decade: bool) -> Option<(TimeType, Reading)> {
    let before = text[..whole.start].chars().next_back();
    let after = text[whole.end..].chars().next();
    // "$2023", "1,2023", "2023.5", "2023%": amounts, not years.
    if before.is_some_and(|c| matches!(c, '$' | '€' | '£' | ',' | '.' | '#'))
        || after.is_some_and(|c| c == '%')
    {
        return None;
    }
    // "2009-2010" and "1957-58" are ranges of years; "2023-13-45" and "12-2023" are other numbers.
    let after_dash = text[whole.end..].strip_prefix('-').unwrap_or("");
    let digits_after = after_dash.bytes().take_while(u8::is_ascii_digit).count();
    let range_end = text[..whole.start].strip_suffix('-').is_some_and(|t| {
        t.len() >= 4 && t.as_bytes()[t.len() - 4..].iter().all(u8::is_ascii_digit)
    });
    let part_of_numeric_date = digits_after > 0 && after_dash[digits_after..].starts_with('-');
    if (before == Some('-') && !range_end) || part_of_numeric_date || matches!(digits_after, 1 | 3)
    {
        return None;
    }
    if text[whole.end..].starts_with([',', '.'])
        && text[whole.end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    match decade {
        true if year % 10 == 0 => Some((TimeType::Date, Reading::Decade(year / 10))),
        true => None,
        false => Some((TimeType::Date, Reading::Absolute(PartialDate::year(year)))),
    }
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// NUMBER's words: "three", "a", "hundred", and "several", "few", "many", which count no number.
fn is_number_word(word: &str) -> bool {
    ["several", "few", "many"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
        || word_number(word).is_some_and(|n| n >= 1)
}

/// "31" → 31, "3,000" → 3000, "three" → 3, "a" → 1; "several", "few" and "many" are no number.
fn word_number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    // "3,000": the separators go (the scan found the groups well formed).
    if word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(',') {
        return word.replace(',', "").parse().ok();
    }
    let is = |w: &str| w.eq_ignore_ascii_case(word);
    if is("a") || is("an") {
        return Some(1);
    }
    if is("hundred") {
        return Some(100);
    }
    ONES.iter()
        .position(|w| is(w))
        .map(|n| n as i64)
        .or_else(|| TENS.iter().position(|w| is(w)).map(|n| (n as i64 + 2) * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Reading)> {
        recognise(text, 0)
            .into_iter()
            .map(|c| (&text[c.span.start..c.span.end], c.reading))
            .collect()
    }

    #[test]
    fn iso_dates_even_when_glued_to_the_next_word() {
        let f = found("2023-05-19The Source");
        assert_eq!(f[0].0, "2023-05-19");
        assert_eq!(
            f[0].1,
            Reading::Absolute(PartialDate::day(Date::new(2023, 5, 19).unwrap()))
        );
    }

    #[test]
    fn written_dates_in_both_orders() {
        let d = Reading::Absolute(PartialDate::day(Date::new(2023, 5, 19).unwrap()));
        assert_eq!(found("on 19 May 2023."), [("19 May 2023", d)]);
        assert_eq!(found("on May 19, 2023."), [("May 19, 2023", d)]);
        assert_eq!(
            found("Tuesday, December 5, 2023")[0].0,
            "Tuesday, December 5, 2023"
        );
    }

    #[test]
    fn month_and_day_without_year() {
        assert_eq!(
            found("BEIJING, May 20 (Xinhua)"),
            [(
                "May 20",
                Reading::MonthDay {
                    month: 5,
                    day: Some(20)
                }
            )]
        );
        assert_eq!(
            found("on 1 April"),
            [(
                "1 April",
                Reading::MonthDay {
                    month: 4,
                    day: Some(1)
                }
            )]
        );
        assert_eq!(
            found("in May the"),
            [(
                "May",
                Reading::MonthDay {
                    month: 5,
                    day: None
                }
            )]
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(found("Officials may 20 percent").is_empty());
    }

    #[test]
    fn numeric_dates_and_amounts() {
        assert_eq!(
            found("Published 14/03/2025")[0].1,
            Reading::Numeric {
                first: 14,
                second: 3,
                year: 2025
            }
        );
        assert!(found("cost $2023 and 2,500 people, 2023%").is_empty());
    }

    #[test]
    fn relative_expressions_and_durations() {
        let f =
            found("Last year, after 31 years of development, three days ago, on Friday at 3 p.m.");
        let texts: Vec<&str> = f.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Last year",
                "31 years",
                "three days ago",
                "Friday",
                "3 p.m."
            ]
        );
        assert_eq!(f[1].1, Reading::Duration(Unit::Year, Some(31)));
    }

    #[test]
    fn text_before_a_dash_is_read_by_bytes_not_chars() {
        // The four bytes before "-2023" end inside "é": this used to panic.
        assert!(found("aéaa-2023").is_empty());
        assert_eq!(found("2009-2010")[1].0, "2010");
    }

    /// The word-kind filter only skips work: every form finds with it what it finds without.
    #[test]
    fn skipping_words_no_form_starts_with_changes_nothing() {
        const WORDS: &[&str] = &[
            "May",
            "may",
            "Jan.",
            "sept",
            "Monday",
            "FRIDAY",
            "the",
            "The",
            "of",
            "5",
            "05",
            "31",
            "123",
            "2023",
            "1990s",
            "mid-",
            "mid",
            "earlyMay",
            "late",
            "lately",
            "last",
            "next",
            "this",
            "earlier",
            "later",
            "coming",
            "past",
            "recent",
            "fiscal",
            "year",
            "years",
            "weekend",
            "centuries",
            "20th",
            "1st",
            "quarter",
            "Q1",
            "spring",
            "fall",
            "in",
            "during",
            "by",
            "until",
            "10:30",
            "3",
            "12",
            "pm",
            "p.m.",
            "UTC",
            "every",
            "each",
            "daily",
            "now",
            "nowadays",
            "at",
            "present",
            "moment",
            "future",
            "a",
            "few",
            "several",
            "ago",
            "-long",
            "today",
            "night",
            "tonight",
            "14/03/2025",
            "2023-05-19",
            "annual",
            "decades",
            "sixty",
            "throughout",
            "first",
            "é",
            "10am",
            "3PM",
            "3a",
            "2nd",
            "4TH",
            "21st",
            "21ST",
            "1600",
            "2099",
            "1599",
            "9",
            "0",
            "13",
            "99",
            "1999s",
            "3rd",
            "12:45",
        ];
        const GAPS: &[&str] = &[" ", "", ",", ", ", "\n", "-", ".", "/", ":", "\t"];
        // And every word the forms' own tables hold, so that a lead missing from LEAD_WORDS shows.
        let mut words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        for table in [
            &MONTH_NAMES[..],
            &MONTH_ABBREVIATIONS[..],
            &WEEKDAY_NAMES[..],
            &ONES[1..],
            &TENS[..],
            &["a", "an", "hundred", "several", "few", "many"][..],
            &SEASONS[..],
            &PARTS_OF_DAY[..],
        ] {
            words.extend(table.iter().map(|w| w.to_string()));
            words.extend(table.iter().map(|w| w.to_lowercase()));
        }
        words.extend(
            UNITS
                .iter()
                .flat_map(|(u, _)| [u.to_string(), format!("{u}s")]),
        );
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        // Every word after each word whose forms are narrowed by the word after it, and after
        // "in the" (random texts meet a given pair too seldom).
        let spans = |found: Vec<(usize, Found)>| -> Vec<(usize, Span, Reading)> {
            found
                .into_iter()
                .map(|(form, f)| (form, f.span, f.reading))
                .collect()
        };
        let same_as_every_form_tried = |text: &str| {
            assert_eq!(
                spans(scan(text, Some(leads))),
                spans(scan(text, None)),
                "{text:?}"
            );
        };
        for first in [
            "the", "The", "in", "during", "by", "until", "since", "of", "on", "In the",
        ] {
            for second in &words {
                same_as_every_form_tried(&format!("{first} {second}"));
                same_as_every_form_tried(&format!("{first} {second} 2023"));
            }
        }
        // Every number shape and number word, every gap, every word after it: the forms' tests
        // of numbers, and the narrowing of number words by the word after them.
        let numbers: Vec<&String> = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()) || leads(w) & NUMBER_WORD != 0)
            .collect();
        for number in numbers {
            for gap in GAPS {
                for second in &words {
                    same_as_every_form_tried(&format!("{number}{gap}{second} 2023"));
                    // "a few days ago": a number word's count may be "few".
                    same_as_every_form_tried(&format!("{number}{gap}few {second} ago"));
                }
            }
        }
        for _ in 0..40_000 {
            let mut text = String::new();
            for i in 0..1 + next(6) {
                if i > 0 {
                    text.push_str(GAPS[next(GAPS.len())]);
                }
                text.push_str(&words[next(words.len())]);
            }
            same_as_every_form_tried(&text);
        }
    }
}
