//! Proleptic Gregorian civil dates: just enough calendar for news (no time zones, no clocks).
//!
//! Day arithmetic goes through a day count since 1970-01-01 (Howard Hinnant's `days_from_civil`),
//! so adding days, finding weekdays and stepping months never needs a table.

use std::fmt;

/// A calendar date. Always valid: constructors reject 2023-02-30.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Monday = 0 … Sunday = 6, the ISO 8601 order.
pub type Weekday = u8;

/// The days' English names, Monday first: time expressions read them, and names never start
/// with them.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The months' English names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The short forms of the months' names news copy writes ("May" has none).
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Whether `word` is a month's or a day's name or a month's short form, as written ("May", not
/// "may"): the words that never start a name.
pub fn is_calendar_name(word: &str) -> bool {
    // Most words fail on their first letter or length, before any comparison.
    let could_be = matches!(
        word.as_bytes().first(),
        Some(b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D' | b'T' | b'W')
    ) && (3..=9).contains(&word.len());
    could_be
        && [&MONTH_NAMES[..], &MONTH_ABBREVIATIONS, &WEEKDAY_NAMES]
            .iter()
            .any(|names| names.contains(&word))
}

impl Date {
    /// Returns `None` for a day that does not exist (`Date::new(2023, 2, 29)`).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the form users type and `<input type=date>` gives.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !digits(0..4)
            || !digits(5..7)
            || !digits(8..10)
        {
            return None;
        }
        Date::new(
            text[0..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..10].parse().ok()?,
        )
    }

    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as Weekday
    }

    /// The latest `weekday` on or before this date: "on Friday" in past-tense reporting.
    pub fn previous_or_same(self, weekday: Weekday) -> Date {
        let back = (i64::from(self.weekday()) - i64::from(weekday)).rem_euclid(7);
        self.add_days(-back)
    }

    /// The earliest `weekday` on or after this date: "on Friday" in future-tense reporting.
    pub fn next_or_same(self, weekday: Weekday) -> Date {
        let ahead = (i64::from(weekday) - i64::from(self.weekday())).rem_euclid(7);
        self.add_days(ahead)
    }

    /// ISO 8601 week-numbering year and week, for `2023-W20` values.
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let first_day = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days_since_epoch() - first_day.days_since_epoch()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// The Monday of ISO 8601 week `week` of week-numbering year `year` (week 1 holds 4
    /// January); None for a week the year does not have ("2021-W53").
    pub fn from_iso_week(year: i32, week: u8) -> Option<Date> {
        const MONDAY: Weekday = 0;
        let first_monday = Date::new(year, 1, 4)?.previous_or_same(MONDAY);
        let monday = first_monday.add_days(7 * (i64::from(week) - 1));
        (week >= 1 && monday.iso_week() == (year, week)).then_some(monday)
    }

    /// The date as TIMEX3 writes a day: "2023-05-19".
    pub fn iso(self) -> String {
        PartialDate::day(self).iso()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Steps a (year, month) pair by `delta` months: `shift_month(2023, 1, -1) == (2022, 12)`.
pub fn shift_month(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + delta;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse_iso` does what its documentation says.
    #[test]
    fn parse_iso_as_documented() {
        assert_eq!(Date::parse_iso("2023-05-19"), Date::new(2023, 5, 19));
        assert_eq!(Date::parse_iso("2023-5-19"), None);
    }

    #[test]
    fn calendar_names_as_written() {
        for name in MONTH_NAMES
            .iter()
            .chain(&MONTH_ABBREVIATIONS)
            .chain(&WEEKDAY_NAMES)
        {
            assert!(is_calendar_name(name), "{name}");
        }
        for word in ["may", "Mayor", "Jane", "MONDAY", "Sun", ""] {
            assert!(!is_calendar_name(word), "{word}");
        }
    }

    #[test]
    fn day_count_round_trips_across_centuries() {
        for days in (-800_000..800_000).step_by(97) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
    }

    #[test]
    fn weekdays_match_the_calendar() {
        assert_eq!(Date::new(2023, 5, 19).unwrap().weekday(), 4); // Friday
        assert_eq!(Date::new(2024, 2, 29).unwrap().weekday(), 3); // Thursday
    }

    #[test]
    fn previous_and_next_weekday() {
        let saturday = Date::new(2023, 5, 20).unwrap();
        assert_eq!(
            saturday.previous_or_same(4),
            Date::new(2023, 5, 19).unwrap()
        );
        assert_eq!(saturday.next_or_same(4), Date::new(2023, 5, 26).unwrap());
        assert_eq!(saturday.previous_or_same(5), saturday);
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::parse_iso("2023-02-30").is_none());
    }

    #[test]
    fn dates_are_written_as_format_pads_them() {
        for year in [-44, -1, 0, 7, 99, 999, 1000, 2023, 9999, 10_000, 12_345] {
            for (month, day) in [(None, None), (Some(1), None), (Some(12), Some(31))] {
                let expected = match (month, day) {
                    (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
                    (Some(m), None) => format!("{year:04}-{m:02}"),
                    _ => format!("{year:04}"),
                };
                assert_eq!(PartialDate { year, month, day }.iso(), expected);
            }
        }
        assert_eq!(Date::new(2023, 5, 19).unwrap().to_string(), "2023-05-19");
    }

    #[test]
    fn iso_weeks_and_month_steps() {
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2023, 5, 19).unwrap().iso_week(), (2023, 20));
        for (year, week, monday) in [
            (2024, 1, "2024-01-01"),
            (2025, 1, "2024-12-30"),
            (2020, 53, "2020-12-28"),
        ] {
            assert_eq!(Date::from_iso_week(year, week).unwrap().iso(), monday);
        }
        assert_eq!(Date::from_iso_week(2021, 53), None);
        assert_eq!(Date::from_iso_week(2021, 0), None);
        assert_eq!(shift_month(2023, 1, -1), (2022, 12));
        assert_eq!(shift_month(2023, 12, 1), (2024, 1));
    }
}

/// A date known to a granularity: `2023`, `2023-05` or `2023-05-19`. Orders earliest first, with a
/// coarser date before the finer dates inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(date: Date) -> PartialDate {
        PartialDate {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        }
    }

    /// The date as TIMEX3 writes it ("2023", "2023-05", "2023-05-19"), in a string sized for it:
    /// most time expressions are given one, and the formatting machinery grew each string twice.
    pub fn iso(&self) -> String {
        let mut iso = String::with_capacity(10);
        push_zero_padded(&mut iso, self.year, 4);
        for part in [self.month, self.day].into_iter().flatten() {
            iso.push('-');
            push_zero_padded(&mut iso, i32::from(part), 2);
        }
        iso
    }
}

/// `n` as `{n:0width$}` writes it. Years and months and days take the short ways: every date
/// of the output is written here.
fn push_zero_padded(out: &mut String, n: i32, width: u32) {
    let digit = |d: i32| char::from(b'0' + d as u8);
    if width == 4 && (0..10_000).contains(&n) {
        out.extend([n / 1000, n / 100 % 10, n / 10 % 10, n % 10].map(digit));
    } else if width == 2 && (0..100).contains(&n) {
        out.extend([n / 10, n % 10].map(digit));
    } else {
        let width = width as usize;
        let _ = fmt::Write::write_fmt(out, format_args!("{n:0width$}"));
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}
