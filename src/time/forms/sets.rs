//! Sets: what recurs ("every week", "annual", "daily").

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, Reading, Unit};
use crate::time::TimeType;

/// `(?i)annual\b`: one year.
pub(crate) fn annual(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, end) = c.word_in(start, &["annual"], true)?;
    let reading = Reading::Duration(Unit::Year, Some(1));
    Hit::new(start, end, Some((TimeType::Duration, reading)))
}

/// `(?i)(?:every|each)\s+(day|week|month|year)\b|(daily|weekly|monthly|annually|yearly)\b`.
pub(crate) fn every(c: &Cursor, start: usize) -> Option<Hit> {
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

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("every week", REFERENCE, &[("every week", "P1W")]),
        ("each year", REFERENCE, &[("each year", "P1Y")]),
        ("the annual meeting", REFERENCE, &[("annual", "P1Y")]),
        ("daily", REFERENCE, &[("daily", "P1D")]),
        ("every time", REFERENCE, &[]),
    ];

    #[test]
    fn recurring_times() {
        check_table(CASES);
    }
}
