//! Durations: a count of units ("31 years", "five-year"), a stretch ("the past two decades"), and bare plural units ("for years").

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading, Unit};
use crate::time::words::{numbers, unit_word, word_number};
use crate::time::TimeType;

/// "31 years", "31-year-old".
pub(crate) fn counted_duration_fits(n: &NumberWord) -> bool {
    n.counts_units
}

/// Whether the word after a number ending at `end`, past spaces or hyphens, is a unit of time
/// ("days", "year") or "few" ("a few days"): what `ago` and `counted_duration` read next. Most
/// numbers and number words ("15 people", "a plan") are followed by neither.
pub(crate) fn counts_units(c: &Cursor, end: usize) -> bool {
    let at = c.spaces_or(end, b'-');
    at > end && (unit_word(c, at).is_some() || c.word(at).eq_ignore_ascii_case("few"))
}

/// `(?i)NUMBER[\s-]+UNITs?(?:-long|-old)?\b`: "31 years", "a five-year plan", "a 31-year-old".
pub(crate) fn counted_duration(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn stretch_duration(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn plural_units(c: &Cursor, start: usize) -> Option<Hit> {
    let (unit, plural, end) = unit_word(c, start)?;
    if !plural || unit == Unit::Century {
        return None;
    }
    let reading = Reading::Duration(unit, None);
    Hit::new(start, end, Some((TimeType::Duration, reading)))
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        (
            "31 years of development",
            REFERENCE,
            &[("31 years", "P31Y")],
        ),
        ("a five-year plan", REFERENCE, &[("five-year", "P5Y")]),
        ("the 2-day summit", REFERENCE, &[("2-day", "P2D")]),
        ("for 48 hours", REFERENCE, &[("48 hours", "PT48H")]),
        (
            "the past two decades",
            REFERENCE,
            &[("the past two decades", "P20Y")],
        ),
        ("a century", REFERENCE, &[("a century", "P100Y")]),
        ("for years", REFERENCE, &[("years", "PXY")]),
        ("months of talks", REFERENCE, &[("months", "PXM")]),
        ("weeks later", REFERENCE, &[("weeks", "PXW")]),
        ("hours", REFERENCE, &[("hours", "PTXH")]),
    ];

    #[test]
    fn counted_stretched_and_plural_durations() {
        check_table(CASES);
    }
}
