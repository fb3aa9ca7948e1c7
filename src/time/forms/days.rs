//! Days named by weekday or by their distance from today, and the parts of those days.

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, Reading};
use crate::time::words::{part_of_day, weekday, PARTS_OF_DAY, PART_OF_DAY_CODES};
use crate::time::TimeType;

/// `WEEKDAY POD`: "Friday", "Friday morning".
pub(crate) fn weekday_form(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, at) = weekday(c, start)?;
    let (part, end) = part_of_day(c, at, false);
    Hit::new(start, end, Some((TimeType::Date, Reading::Weekday(day))))
        .map(|hit| hit.at_part_of_day(part))
}

/// `(?i)(today|yesterday|tomorrow) POD`.
pub(crate) fn deictic_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (word, at) = c.word_in(start, &["today", "yesterday", "tomorrow"], true)?;
    let (part, end) = part_of_day(c, at, true);
    let reading = Reading::DayOffset([0, -1, 1][word]);
    Hit::new(start, end, Some((TimeType::Date, reading))).map(|hit| hit.at_part_of_day(part))
}

/// `(?i)(this|last)\s+(morning|afternoon|evening|night)\b`: "last night".
pub(crate) fn part_of_this_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (word, at) = c.word_in(start, &["this", "last"], true)?;
    let (part, end) = c.word_in(c.space(at)?, &PARTS_OF_DAY, true)?;
    let reading = Reading::DayOffset([0, -1][word]);
    Hit::new(start, end, Some((TimeType::Date, reading)))
        .map(|hit| hit.at_part_of_day(Some(PART_OF_DAY_CODES[part])))
}

/// `(?i)tonight\b`.
pub(crate) fn tonight(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, end) = c.word_in(start, &["tonight"], true)?;
    Hit::new(start, end, Some((TimeType::Date, Reading::DayOffset(0))))
        .map(|hit| hit.at_part_of_day(Some("TNI")))
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("on Friday", REFERENCE, &[("Friday", "2024-03-08")]),
        ("yesterday", REFERENCE, &[("yesterday", "2024-03-11")]),
        ("today", REFERENCE, &[("today", "2024-03-12")]),
        ("last night", REFERENCE, &[("last night", "2024-03-11TNI")]),
        ("tonight", REFERENCE, &[("tonight", "2024-03-12TNI")]),
        (
            "this morning",
            REFERENCE,
            &[("this morning", "2024-03-12TMO")],
        ),
        (
            "yesterday afternoon",
            REFERENCE,
            &[("yesterday afternoon", "2024-03-11TAF")],
        ),
        (
            "tomorrow evening",
            REFERENCE,
            &[("tomorrow evening", "2024-03-13TEV")],
        ),
        ("Fridays", REFERENCE, &[]),
    ];

    #[test]
    fn days_and_their_parts() {
        check_table(CASES);
    }
}
