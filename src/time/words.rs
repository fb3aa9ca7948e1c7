//! The words time expressions are built of: months, weekdays, ordinals, units, number
//! words, and how a year or a date is read from them.

use crate::time::calendar::{Date, PartialDate, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES};
use crate::time::cursor::Cursor;
use crate::time::recognise::{Reading, Unit};
use crate::time::TimeType;
use crate::Span;

/// MONTH: a month's name or abbreviation in any case, but "May" only as "May" or "MAY" ("may" is
/// a verb).
pub(crate) fn month(c: &Cursor, at: usize) -> Option<(u8, usize)> {
    let word = c.word(at);
    let is_verb = word.eq_ignore_ascii_case("may") && word != "May" && word != "MAY";
    let listed = !is_verb
        && MONTH_NAMES
            .iter()
            .chain(&MONTH_ABBREVIATIONS)
            .any(|m| m.eq_ignore_ascii_case(word));
    listed.then(|| (month_number(word), at + word.len()))
}

pub(crate) fn month_number(name: &str) -> u8 {
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
pub(crate) fn weekday(c: &Cursor, at: usize) -> Option<(u8, usize)> {
    let word = c.word(at);
    let in_capitals = word.bytes().all(|b| b.is_ascii_uppercase());
    WEEKDAY_NAMES
        .iter()
        .position(|&day| word == day || (in_capitals && day.eq_ignore_ascii_case(word)))
        .map(|index| (index as u8, at + word.len()))
}

/// `(?:WEEKDAY,?\s+)?`
pub(crate) fn after_weekday(c: &Cursor, at: usize) -> usize {
    if !c.byte(at).is_some_and(|b| b.is_ascii_uppercase()) {
        return at;
    }
    weekday(c, at)
        .and_then(|(_, end)| c.space(c.optional(end, ",")))
        .unwrap_or(at)
}

pub(crate) const ORDINAL_SUFFIXES: [&str; 4] = ["st", "nd", "rd", "th"];

/// `(?:st|nd|rd|th)?`
pub(crate) fn after_ordinal(c: &Cursor, at: usize) -> usize {
    ORDINAL_SUFFIXES
        .iter()
        .find_map(|s| c.literal(at, s, false))
        .unwrap_or(at)
}

/// `\s*,?\s+`: "May 19, 2023", "May 19 2023".
pub(crate) fn comma_gap(c: &Cursor, at: usize) -> Option<usize> {
    match c.literal(c.spaces(at), ",", false) {
        Some(after_comma) => c.space(after_comma),
        None => c.space(at),
    }
}

/// YEAR4: `[12][0-9]{3}\b`.
#[inline(never)] // shared by the forms: see `forms!`
pub(crate) fn year4(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    c.fixed_digits(at, 4, b"12")
        .filter(|&(_, end)| c.boundary(end))
}

/// YEAR: `1[6-9][0-9]{2}|20[0-9]{2}`, the years news writes about.
pub(crate) fn year_number(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    c.fixed_digits(at, 4, b"12")
        .filter(|(year, _)| (1600..=2099).contains(year))
}

/// YEAR and then `\b`.
#[inline(never)] // shared by the forms: see `forms!`
pub(crate) fn whole_year(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    year_number(c, at).filter(|&(_, end)| c.boundary(end))
}

/// A modifier in any case ("early", "mid-") and the spaces after it, if one starts at `at`.
/// "earlyMay" counts, as it did for `(?i:early|late|mid-|mid)\s*`.
pub(crate) fn after_modifier(c: &Cursor, at: usize, modifiers: &[&str]) -> Option<usize> {
    modifiers
        .iter()
        .find_map(|m| c.literal(at, m, true))
        .map(|end| c.spaces(end))
}

/// The first of `words` (any case) followed by white space, and that space, if one is at `at`.
pub(crate) fn after_one_of(c: &Cursor, at: usize, words: &[&str]) -> usize {
    words
        .iter()
        .map(|w| c.optional_word(at, w, true))
        .find(|&after| after != at)
        .unwrap_or(at)
}

pub(crate) const PARTS_OF_DAY: [&str; 4] = ["morning", "afternoon", "evening", "night"];

/// TIMEX3's parts of the day, in the order of [`PARTS_OF_DAY`].
pub(crate) const PART_OF_DAY_CODES: [&str; 4] = ["TMO", "TAF", "TEV", "TNI"];

/// POD: `(?:\s+(morning|afternoon|evening|night))?\b`, as its TIMEX3 code and the end.
pub(crate) fn part_of_day(c: &Cursor, at: usize, any_case: bool) -> (Option<&'static str>, usize) {
    c.space(at)
        .and_then(|after| c.word_in(after, &PARTS_OF_DAY, any_case))
        .map_or((None, at), |(index, end)| {
            (Some(PART_OF_DAY_CODES[index]), end)
        })
}

/// NUMBER (`[0-9]+` or a number word, any case) at `at`, as (text, end): first the digits or
/// the word, then "a few", the order in which a regex would try them.
pub(crate) fn numbers<'a>(c: &Cursor<'a>, at: usize) -> [Option<(&'a str, usize)>; 2] {
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

pub(crate) const UNITS: [(&str, Unit); 9] = [
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
pub(crate) fn unit_word(c: &Cursor, at: usize) -> Option<(Unit, bool, usize)> {
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

pub(crate) fn date_reading(year: u32, month: u8, day: u32) -> Option<(TimeType, Reading)> {
    let date = Date::new(year as i32, month, u8::try_from(day).ok()?)?;
    Some((TimeType::Date, Reading::Absolute(PartialDate::day(date))))
}

pub(crate) fn month_day_reading(month: u8, day: u32) -> Option<(TimeType, Reading)> {
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some((
        TimeType::Date,
        Reading::MonthDay {
            month,
            day: Some(day),
        },
    ))
}

pub(crate) fn month_alone(month: u8) -> Option<(TimeType, Reading)> {
    Some((TimeType::Date, Reading::MonthDay { month, day: None }))
}

/// A year unless what stands around `whole` makes it an amount or part of another number.
pub(crate) fn read_year(
    text: &str,
    whole: Span,
    year: i32,
    decade: bool,
) -> Option<(TimeType, Reading)> {
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

pub(crate) const ONES: [&str; 20] = [
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

pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// NUMBER's words: "three", "a", "hundred", and "several", "few", "many", which count no number.
pub(crate) fn is_number_word(word: &str) -> bool {
    ["several", "few", "many"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
        || word_number(word).is_some_and(|n| n >= 1)
}

/// "31" → 31, "3,000" → 3000, "three" → 3, "a" → 1; "several", "few" and "many" are no number.
pub(crate) fn word_number(word: &str) -> Option<i64> {
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
