//! Quarters of a year ("the third quarter of 2023", "Q3") and seasons ("last spring").

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading, YearRef};
use crate::time::words::{after_one_of, whole_year};
use crate::time::TimeType;

/// "3rd quarter", "4th-quarter".
pub(crate) fn quarter_fits(n: &NumberWord) -> bool {
    n.digits == 1 && n.is_ordinal_any_case() && (n.then_space() || n.next == Some(b'-'))
}

/// `(?i)(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\s+|-)quarter
/// (?:\s+of\s+(?:YEAR|(this|last|next)\s+year|the\s+year))?\b`: "the third quarter of 2009".
pub(crate) fn quarter(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn quarter_year(c: &Cursor, at: usize) -> Option<(YearRef, usize)> {
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
pub(crate) fn quarter_code(c: &Cursor, start: usize) -> Option<Hit> {
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

pub(crate) const SEASONS: [&str; 5] = ["spring", "summer", "autumn", "fall", "winter"];

/// TIMEX3's seasons, in the order of [`SEASONS`].
pub(crate) const SEASON_CODES: [&str; 5] = ["SP", "SU", "FA", "FA", "WI"];

/// `(?i)(?:(last|this|next)\s+|(?:in|during|by|until)\s+(?:the\s+)?(?:(?:early|late)\s+)?)SEASON
/// (?:\s+(?:of\s+)?YEAR)?\b`: "last summer", "in the spring of 2020".
pub(crate) fn season(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn season_of_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (season, at) = c.word_in(start, &["spring", "summer", "autumn", "winter"], true)?;
    let (year, end) = season_year(c, at)?;
    let reading = Reading::Season(
        ["SP", "SU", "FA", "WI"][season],
        YearRef::Absolute(year as i32),
    );
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

/// `(?i)\s+(?:of\s+)?YEAR\b`.
pub(crate) fn season_year(c: &Cursor, at: usize) -> Option<(u32, usize)> {
    whole_year(c, c.optional_word(c.space(at)?, "of", true))
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        (
            "Revenue fell in the third quarter of 2023.",
            REFERENCE,
            &[("the third quarter of 2023", "2023-Q3")],
        ),
        ("Q3 2023 results", REFERENCE, &[("Q3 2023", "2023-Q3")]),
        ("in Q1", REFERENCE, &[("Q1", "2024-Q1")]),
        (
            "in the fourth quarter",
            REFERENCE,
            &[("the fourth quarter", "2023-Q4")],
        ),
        (
            "in the summer of 2019",
            REFERENCE,
            &[("in the summer of 2019", "2019-SU")],
        ),
        ("this winter", REFERENCE, &[("this winter", "2024-WI")]),
        ("last spring", REFERENCE, &[("last spring", "2023-SP")]),
        (
            "in autumn 2022",
            REFERENCE,
            &[("in autumn 2022", "2022-FA")],
        ),
        ("next fall", REFERENCE, &[("next fall", "2025-FA")]),
        ("in Q5", REFERENCE, &[]),
        ("quarterly", REFERENCE, &[]),
        ("summer", REFERENCE, &[]),
    ];

    #[test]
    fn quarters_and_seasons() {
        check_table(CASES);
    }
}
