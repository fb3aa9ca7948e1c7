//! Clock times: "10:30", "3 p.m.", "9am EST", with the zones wire copy names.

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading};
use crate::time::TimeType;

/// "10:30", "11.05 GMT".
pub(crate) fn clock_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_bare() && matches!(n.next, Some(b':' | b'.'))
}

/// "3 p.m.", "11am".
pub(crate) fn clock_hour_fits(n: &NumberWord) -> bool {
    let meridiem_glued = matches!(n.rest.as_bytes().first(), Some(b'a' | b'A' | b'p' | b'P'));
    n.digits <= 2 && (meridiem_glued || (n.is_bare() && n.then_space()))
}

/// `(?i)[0-2]?[0-9]:[0-5][0-9](?:\s*MERIDIEM)?(?:\s*ZONE)?`: "10:30", "18:00 GMT"; with a dot
/// ("11.05 GMT", as British papers write it) only before a zone, where no decimal stands.
pub(crate) fn clock(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn zone(c: &Cursor, at: usize) -> Option<(i16, usize)> {
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
pub(crate) fn zone_offset(c: &Cursor, at: usize) -> Option<(i16, usize)> {
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
pub(crate) fn clock_hour(c: &Cursor, start: usize) -> Option<Hit> {
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
pub(crate) fn meridiem(c: &Cursor, at: usize) -> Option<(bool, usize)> {
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
pub(crate) fn clock_hit(
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

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("at 10:30", REFERENCE, &[("10:30", "2024-03-12T10:30")]),
        ("at 3 p.m.", REFERENCE, &[("3 p.m.", "2024-03-12T15:00")]),
        (
            "at 15:00 GMT",
            REFERENCE,
            &[("15:00 GMT", "2024-03-12T15:00Z")],
        ),
        (
            "at 9am EST",
            REFERENCE,
            &[("9am EST", "2024-03-12T09:00-05:00")],
        ),
        ("at 25:00", REFERENCE, &[]),
        ("3.5 per cent", REFERENCE, &[]),
    ];

    #[test]
    fn clock_times_with_meridiem_and_zones() {
        check_table(CASES);
    }
}
