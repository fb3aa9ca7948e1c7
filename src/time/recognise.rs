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

use super::calendar::PartialDate;

use super::cursor::Cursor;

use super::TimeType;

use crate::time::forms::clock::{clock, clock_fits, clock_hour, clock_hour_fits};
use crate::time::forms::dates::{
    day_month, day_month_year, day_then_month_fits, iso_date, iso_date_fits, month_day,
    month_day_year, numeric_date, numeric_date_fits,
};

use crate::time::forms::days::{deictic_day, part_of_this_day, tonight, weekday_form};
use crate::time::forms::durations::{
    counted_duration, counted_duration_fits, counts_units, plural_units, stretch_duration,
};

use crate::time::forms::months_years::{
    century, century_fits, modified_month, month_after_preposition, month_year, part_of_month,
    relative_month, year, year_fits,
};

use crate::time::forms::quarters_seasons::{
    quarter, quarter_code, quarter_fits, season, season_of_year,
};

use crate::time::forms::relative::{ago, ago_fits, reference_phrase, unit_offset};
use crate::time::forms::sets::{annual, every};
use crate::time::leads::{
    leads, Leads, ANNUAL, DEICTIC, DIGITS, IN, MODIFIER, MONTH, NUMBER_WORD, ORDINAL, PREPOSITION,
    QUARTER_CODE, REFERENCE, RELATIVE, SEASON, SEASON_PREPOSITION, SET, THE, UNIT_PLURAL, WEEKDAY,
};

use crate::time::words::ORDINAL_SUFFIXES;
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
pub(crate) struct Hit {
    pub(crate) end: usize,
    pub(crate) found: Option<Found>,
}

pub(crate) struct Found {
    pub(crate) span: Span,
    pub(crate) kind: TimeType,
    pub(crate) reading: Reading,
    pub(crate) part_of_day: Option<&'static str>,
}

impl Hit {
    pub(crate) fn new(start: usize, end: usize, read: Option<(TimeType, Reading)>) -> Option<Hit> {
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
    pub(crate) fn at_part_of_day(mut self, code: Option<&'static str>) -> Hit {
        if let (Some(found), Some(code)) = (&mut self.found, code) {
            found.part_of_day = Some(code);
            found.kind = TimeType::Time;
        }
        self
    }
}

pub(crate) type Form = fn(&Cursor, usize) -> Option<Hit>;

/// Declares the forms once, each with the kinds of word it may start with and what it needs of a
/// number it starts with (see [`NumberWord`]), in order of preference between overlapping matches
/// of the same length: [`FORM_LEADS`], and [`try_form`] and [`number_fits`], which run the `i`th
/// form and its number test by direct calls: a table of function pointers made each try an
/// indirect call, which WebAssembly engines neither inline nor predict as well.
///
/// The forms inline into `try_form`; the helpers several of them call on their way to a match
/// (`year4`, `whole_year`, `meridiem`, `clock_hit`, `Cursor::word_in`, `Cursor::short_number`)
/// are kept out of line, or LLVM copies them into every form and V8 takes long to optimise the
/// result (docs/performance.md).
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
pub(crate) struct NumberWord<'a> {
    /// How many digits it starts with.
    pub(crate) digits: usize,
    /// What follows the digits in the word ("th" of "5th", "pm" of "3pm").
    pub(crate) rest: &'a str,
    /// The byte after the word.
    pub(crate) next: Option<u8>,
    /// White space after the word, ASCII or non-breaking.
    pub(crate) then_space: bool,
    /// A bare number followed by a unit ([`counts_units`]).
    pub(crate) counts_units: bool,
}

impl NumberWord<'_> {
    pub(crate) fn then_space(&self) -> bool {
        self.then_space
    }

    pub(crate) fn is_bare(&self) -> bool {
        self.rest.is_empty()
    }

    /// "5th", "21ST": an ordinal suffix in any case after the digits.
    pub(crate) fn is_ordinal_any_case(&self) -> bool {
        ORDINAL_SUFFIXES
            .iter()
            .any(|s| s.eq_ignore_ascii_case(self.rest))
    }
}

/// For forms that never start with a number.
pub(crate) fn any_number(_: &NumberWord) -> bool {
    true
}

// Forms are bits of a u32.
const _: () = assert!(FORM_LEADS.len() <= 32);

/// For each kind of lead word (a bit of `Leads`), the forms it may start (bit i: the `i`th form).
pub(crate) const FORMS_BY_LEAD: [u32; Leads::BITS as usize] = {
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
pub(crate) fn forms_led_by(mut leads: Leads) -> u32 {
    let mut forms = 0;
    while leads != 0 {
        forms |= FORMS_BY_LEAD[leads.trailing_zeros() as usize];
        leads &= leads - 1;
    }
    forms
}

/// Every time expression in `text` (a sentence starting at byte `offset`), without overlaps.
pub fn recognise(text: &str, offset: usize) -> Vec<Candidate> {
    keep_longest(scan(text, Some(leads)), offset)
}

/// What the forms match at the word starts of `text`, as (form, found). `leads_of` says which
/// kinds of word a form may start with; forms that cannot start with a word (or before the word
/// after it) are not tried there. `None` tries every form at every word: the reference the
/// tests hold the narrowing to.
pub(crate) fn scan(text: &str, leads_of: Option<fn(&str) -> Leads>) -> Vec<(usize, Found)> {
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
pub(crate) const LED_BY_NEXT_WORD: Leads = THE | PREPOSITION | SEASON_PREPOSITION | IN;

/// `leads` less the kinds that the word after this one (which ends at `end`) rules out: "the"
/// leads only before a number, a relative word, an ordinal, "future" or a part ("the 5th of May",
/// "the past decade", "the third quarter", "the future", "the end of June"); a preposition before a month ("in May"), or
/// before "the", "early", "late" or a season ("in the spring"); "in" before "the" ("in the past").
/// The forms' own tests still decide; this only spares trying them where they cannot match.
/// Also returns where the next word starts and its kinds, when there is one.
pub(crate) fn narrowed_by_next_word(
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
pub(crate) fn keep_longest(found: Vec<(usize, Found)>, offset: usize) -> Vec<Candidate> {
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
    // Longest first: each keeper marks the bytes it covers, and a candidate that finds one of
    // its bytes marked overlaps a keeper. Forms' own matches do not overlap, so the bytes
    // checked add up to at most a few times the text (a run-on line of 5 MB holds tens of
    // thousands of candidates); the candidates are sorted as indices, not moved.
    let mut order: Vec<u32> = (0..found.len() as u32).collect();
    order.sort_unstable_by_key(|&i| {
        let (form, f) = &found[i as usize];
        (Reverse(f.span.len()), *form, f.span.start)
    });
    let base = found.iter().map(|(_, f)| f.span.start).min().unwrap_or(0);
    let last = found.iter().map(|(_, f)| f.span.end).max().unwrap_or(0);
    let mut covered = vec![false; last - base];
    let mut keep = vec![false; found.len()];
    for i in order {
        let span = found[i as usize].1.span;
        // An empty span would find nothing marked, inside a keeper or not; every form reads a word.
        debug_assert!(!span.is_empty(), "an empty time expression at {span:?}");
        let bytes = &mut covered[span.start - base..span.end - base];
        if !bytes.contains(&true) {
            bytes.fill(true);
            keep[i as usize] = true;
        }
    }
    let mut kept: Vec<Candidate> = found
        .into_iter()
        .zip(keep)
        .filter_map(|((_, f), keep)| keep.then(|| candidate(f)))
        .collect();
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Whether a full date ("19 May 2023", "Tuesday, December 5, 2023", "2023-05-19", "14/03/2025")
/// may start at the start of `text`: one of the forms that read a full date matches there.
/// Lets a caller that wants a date at the start of a line skip reading the lines that cannot
/// (most of them: the top lines of an article are read for its date).
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::calendar::{Date, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES};
    use crate::time::forms::quarters_seasons::SEASONS;
    use crate::time::words::{ONES, PARTS_OF_DAY, TENS, UNITS};

    /// `recognise` does what its documentation says.
    #[test]
    fn recognise_as_documented() {
        let texts: Vec<&str> = found("Talks on Friday, May 19, 2023 lasted two days.")
            .into_iter()
            .map(|(text, _)| text)
            .collect();
        assert_eq!(texts, ["Friday, May 19, 2023", "two days"]);
    }

    /// `may_start_with_full_date` does what its documentation says.
    #[test]
    fn may_start_with_full_date_as_documented() {
        assert!(may_start_with_full_date("Tuesday, December 5, 2023 10:00"));
        assert!(may_start_with_full_date("14/03/2025"));
        assert!(!may_start_with_full_date("The talks began on 5 May 2023"));
        assert!(!may_start_with_full_date("May 2023"));
    }

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
