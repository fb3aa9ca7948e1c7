//! Calendar dates: ISO, numeric, day-month-year and month-day-year, with or without the year.

use crate::time::calendar::MONTH_NAMES;
use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading};
use crate::time::words::{
    after_ordinal, after_weekday, comma_gap, date_reading, month, month_day_reading, year4,
    ORDINAL_SUFFIXES,
};

use crate::time::TimeType;

/// "2023-05-19": four digits, then a hyphen.
pub(crate) fn iso_date_fits(n: &NumberWord) -> bool {
    n.digits == 4 && n.is_bare() && n.next == Some(b'-')
}

/// "14/03/2025", "14.03.2025".
pub(crate) fn numeric_date_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_bare() && matches!(n.next, Some(b'/' | b'.'))
}

/// "19 May", "5th of May": a day, perhaps ordinal, then a space.
pub(crate) fn day_then_month_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && (n.is_bare() || ORDINAL_SUFFIXES.contains(&n.rest)) && n.then_space()
}

/// `YEAR4-[01][0-9]-[0-3][0-9]` not followed by a digit: "2023-05-19", even when glued to the
/// next word ("2023-05-19The Source", "2025-01-21T11:05:00+01:00", whose clock time a
/// publication line reads).
pub(crate) fn iso_date(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn day_then_month(c: &Cursor, start: usize) -> Option<(u32, u8, usize)> {
    let at = c.optional_word(after_weekday(c, start), "the", false);
    let (day, at) = c.short_number(at, b'0'..=b'3')?;
    let at = c.optional_word(c.space(after_ordinal(c, at))?, "of", false);
    let (month, end) = month(c, at)?;
    Some((day, month, end))
}

/// `(?:WEEKDAY,?\s+)?MONTH\.?\s+DAY(?:st|nd|rd|th)?`: "Friday, May 19th", as (day, month, end).
pub(crate) fn month_then_day(c: &Cursor, start: usize) -> Option<(u32, u8, usize)> {
    let (month, at) = month(c, after_weekday(c, start))?;
    let (day, at) = c.short_number(c.space(c.optional(at, "."))?, b'0'..=b'3')?;
    Some((day, month, after_ordinal(c, at)))
}

/// day_then_month, `\.?\s*,?\s+YEAR4`: "19 May 2023".
pub(crate) fn day_month_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = day_then_month(c, start)?;
    let (year, end) = year4(c, comma_gap(c, c.optional(at, "."))?)?;
    Hit::new(start, end, date_reading(year, month, day))
}

/// month_then_day, `\s*,?\s+YEAR4`: "Friday, May 19, 2023".
pub(crate) fn month_day_year(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = month_then_day(c, start)?;
    let (year, end) = year4(c, comma_gap(c, at)?)?;
    Hit::new(start, end, date_reading(year, month, day))
}

/// `DAY[/.]DAY[/.]YEAR4`: "14/03/2025", read day- or month-first later, for the whole article.
pub(crate) fn numeric_date(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn day_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, at) = day_then_month(c, start)?;
    Hit::new(
        start,
        abbreviation_dot(c, at),
        month_day_reading(month, day),
    )
}

/// After a month's name ending at `at`, the end of its abbreviation's dot ("Sept."), if it is
/// one: the full stop after "2 May." ends the sentence, not the name.
pub(crate) fn abbreviation_dot(c: &Cursor, at: usize) -> usize {
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
pub(crate) fn month_day(c: &Cursor, start: usize) -> Option<Hit> {
    let (day, month, end) = month_then_day(c, start)?;
    if !c.boundary(end) {
        return None;
    }
    Hit::new(start, end, month_day_reading(month, day))
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("2024-05-06", REFERENCE, &[("2024-05-06", "2024-05-06")]),
        ("on 06/05/2024", REFERENCE, &[("06/05/2024", "2024-05-06")]),
        ("on 5 May 2024", REFERENCE, &[("5 May 2024", "2024-05-05")]),
        (
            "on May 5, 2024",
            REFERENCE,
            &[("May 5, 2024", "2024-05-05")],
        ),
        ("on May 5", REFERENCE, &[("May 5", "2024-05-05")]),
        (
            "the 5th of May",
            REFERENCE,
            &[("the 5th of May", "2024-05-05")],
        ),
        (
            "on Monday, May 6",
            REFERENCE,
            &[("Monday, May 6", "2024-05-06")],
        ),
        (
            "on 31 February 2023",
            REFERENCE,
            &[("February 2023", "2023-02")],
        ),
        ("2,000", REFERENCE, &[]),
        ("may be", REFERENCE, &[]),
        ("He will march", REFERENCE, &[]),
    ];

    #[test]
    fn calendar_dates_in_every_order() {
        check_table(CASES);
    }
}
