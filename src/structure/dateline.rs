//! The dateline that opens a wire story: "NAIROBI, Kenya (AP) —", "LAGOS, March 3 (Reuters) -",
//! "BEIJING, May 20 (Xinhua) --", "BISHKEK, 3 March /Kabar/.", "Bishkek, 14.03.2025.", "PUNE:".
//!
//! Grammar, read at the start of a line: `PLACE (, REGION)? (, DATE (,? YEAR)?)? SOURCE? END`,
//! where END is a dash (`--`, `-`, `—`, `–`), a colon, or a full stop after a date or a source;
//! PLACE is capitalised words, and a line without a date or a source needs it in capitals ("ACCRA
//! —"), so that "Paris, Texas - a town" is not a dateline.

use crate::Span;

/// The parts of a dateline, as byte offsets into its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DatelineShape {
    /// Where the dateline ends, after its dash.
    pub end: usize,
    pub place: Span,
    pub region: Option<Span>,
    pub date: Option<Span>,
    /// The wire service or agency, without its brackets.
    pub agency: Option<Span>,
}

/// All-capital words that open lines without being places.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "OPINION",
    "ANALYSIS",
    "EDITORIAL",
    "NOTE",
    "FILE",
    "CORRECTION",
    "URGENT",
    "FLASH",
    "NEWS",
    "Q",
    "A",
];

/// Reads the dateline at the start of `line`, if it has one.
pub fn dateline_shape(line: &str) -> Option<DatelineShape> {
    let bytes = line.as_bytes();
    let place_end = capitalised_run(line, 0, 40)?;
    let place = Span::new(0, place_end);
    let mut at = place_end;
    let mut region = None;
    let mut date = None;
    if let Some(after) = comma(line, at) {
        if let Some(end) = date_at(line, after) {
            date = Some(Span::new(after, end));
            at = end;
        } else if let Some(end) = capitalised_run(line, after, 30) {
            region = Some(Span::new(after, end));
            at = end;
            if let Some(after) = comma(line, at) {
                if let Some(end) = date_at(line, after) {
                    date = Some(Span::new(after, end));
                    at = end;
                }
            }
        } else {
            return None;
        }
    }
    if date.is_some() {
        // ", 2025" or " 2025" after a month and day.
        let year_at = blanks(
            line,
            if bytes.get(at) == Some(&b',') {
                at + 1
            } else {
                at
            },
        );
        if year_at > at && four_digit_year(line, year_at) {
            date = date.map(|d| Span::new(d.start, year_at + 4));
            at = year_at + 4;
        }
    }
    let source_at = blanks(line, at);
    let (agency, at) = match agency_at(line, source_at) {
        Some((agency, end)) => (Some(agency), blanks(line, end)),
        None => (None, source_at),
    };
    let dash = ["--", "—", "–", "-", ":", "."]
        .into_iter()
        .find(|d| line[at..].starts_with(d))?;
    let end = at + dash.len();
    let ends_there = line[end..].is_empty() || line[end..].starts_with(char::is_whitespace);
    let place_text = &line[place.range()];
    let in_capitals =
        place_text.bytes().all(|b| !b.is_ascii_lowercase()) && !NOT_PLACES.contains(&place_text);
    let anchored = date.is_some() || agency.is_some();
    let allowed = if dash == "." {
        anchored
    } else {
        anchored || in_capitals
    };
    (ends_there && allowed).then_some(DatelineShape {
        end,
        place,
        region,
        date,
        agency,
    })
}

/// Whether `line` opens with a dateline: a new story starts there.
pub fn opens_with_dateline(line: &str) -> bool {
    dateline_shape(line).is_some()
}

/// `,` and spaces at `at`: where what follows starts.
fn comma(line: &str, at: usize) -> Option<usize> {
    (line.as_bytes().get(at) == Some(&b',')).then(|| blanks(line, at + 1))
}

/// Capitalised words from `at`: letters, apostrophes, dots, single spaces between words and
/// hyphens inside them, up to `most` bytes. Returns the end of the last word.
fn capitalised_run(line: &str, at: usize, most: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    if !bytes.get(at)?.is_ascii_uppercase() {
        return None;
    }
    let mut end = at;
    let mut i = at;
    while i < bytes.len() && i - at <= most {
        let b = bytes[i];
        let next_is_letter = bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
        if b.is_ascii_alphabetic() || b == b'\'' {
            i += 1;
            end = i;
        } else if (b == b'-' && next_is_letter && i > at)
            || (b == b' ' && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase))
            || (b == b'.' && next_is_letter)
        {
            // A hyphen inside a word, a space before a capital, a dot inside "St.Petersburg"
            // (a dot before a space ends the run).
            i += 1;
        } else {
            break;
        }
    }
    (end > at && end - at <= most).then_some(end)
}

/// A date as datelines write it: "May 20", "Sept. 12", "3 March", "14.03.2025", "21/02/2025".
fn date_at(line: &str, at: usize) -> Option<usize> {
    month_day(line, at)
        .or_else(|| day_month(line, at))
        .or_else(|| numeric(line, at))
}

/// `[A-Za-z]{3,9}\.? [0-9]{1,2}`.
fn month_day(line: &str, at: usize) -> Option<usize> {
    let letters = letters_end(line, at);
    if !(3..=9).contains(&(letters - at)) || !line.as_bytes()[at].is_ascii_uppercase() {
        return None;
    }
    let dot = letters + usize::from(line.as_bytes().get(letters) == Some(&b'.'));
    let digits_at = blanks(line, dot);
    let end = digits_end(line, digits_at);
    (digits_at > dot && (1..=2).contains(&(end - digits_at)) && !followed_by_digit(line, end))
        .then_some(end)
}

/// `[0-9]{1,2} [A-Za-z]{3,9}`.
fn day_month(line: &str, at: usize) -> Option<usize> {
    let digits = digits_end(line, at);
    let letters_at = blanks(line, digits);
    let end = letters_end(line, letters_at);
    ((1..=2).contains(&(digits - at))
        && letters_at > digits
        && (3..=9).contains(&(end - letters_at))
        && line.as_bytes()[letters_at].is_ascii_uppercase())
    .then_some(end)
}

/// `[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}`.
fn numeric(line: &str, at: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let first = digits_end(line, at);
    let separator = *bytes.get(first)?;
    if !(1..=2).contains(&(first - at)) || !matches!(separator, b'.' | b'/') {
        return None;
    }
    let second = digits_end(line, first + 1);
    if !(1..=2).contains(&(second - first - 1)) || bytes.get(second) != Some(&separator) {
        return None;
    }
    four_digit_year(line, second + 1).then_some(second + 5)
}

fn four_digit_year(line: &str, at: usize) -> bool {
    digits_end(line, at) == at + 4 && matches!(line.as_bytes()[at], b'1' | b'2')
}

fn followed_by_digit(line: &str, at: usize) -> bool {
    line.as_bytes().get(at).is_some_and(u8::is_ascii_digit)
}

/// `(Agency)`, `/Agency/`, or `. AGENCY` before a dash: the agency's span and the end.
fn agency_at(line: &str, at: usize) -> Option<(Span, usize)> {
    let bytes = line.as_bytes();
    let named = |start: usize, close: u8| {
        let len = bytes[start.min(bytes.len())..]
            .iter()
            .take(32)
            .take_while(|&&b| b.is_ascii_alphanumeric() || b" .&-'".contains(&b))
            .count();
        let end = start + len;
        (len >= 2
            && bytes.get(start).is_some_and(u8::is_ascii_alphabetic)
            && bytes.get(end) == Some(&close))
        .then(|| (Span::new(start, end), end + 1))
    };
    match bytes.get(at)? {
        b'(' => named(at + 1, b')'),
        b'/' => named(at + 1, b'/'),
        b'.' => {
            // "ALMATY. STEPPE-INFORM –": an agency in capitals after the place.
            let start = blanks(line, at + 1);
            let end = capitalised_run(line, start, 30)?;
            let capitals = line[start..end].bytes().all(|b| !b.is_ascii_lowercase());
            (start > at + 1 && capitals).then_some((Span::new(start, end), end))
        }
        _ => None,
    }
}

fn letters_end(line: &str, at: usize) -> usize {
    at + line.as_bytes()[at.min(line.len())..]
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

fn digits_end(line: &str, at: usize) -> usize {
    at + line.as_bytes()[at.min(line.len())..]
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The end of the spaces and tabs at `at`.
fn blanks(line: &str, at: usize) -> usize {
    at + line.as_bytes()[at.min(line.len())..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn a_dateline_shape_gives_its_end_and_agency() {
        use crate::structure::dateline::dateline_shape;
        let line = "NAIROBI, Kenya (AP) — Floods cut off villages.";
        let shape = dateline_shape(line).unwrap();
        assert_eq!(&line[..shape.end], "NAIROBI, Kenya (AP) —");
        assert_eq!(&line[shape.agency.unwrap().range()], "AP");
        assert!(dateline_shape("Paris, Texas - a small town").is_none());
    }

    use super::*;

    /// A line, its dateline's text, place, agency and date.
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    );

    const DATELINES: &[Case] = &[
        (
            "NAIROBI, Kenya (AP) — Floods.",
            "NAIROBI, Kenya (AP) —",
            "NAIROBI",
            Some("AP"),
            None,
        ),
        (
            "WASHINGTON (AP) — Lawmakers.",
            "WASHINGTON (AP) —",
            "WASHINGTON",
            Some("AP"),
            None,
        ),
        (
            "LAGOS, March 3 (Reuters) - A bank.",
            "LAGOS, March 3 (Reuters) -",
            "LAGOS",
            Some("Reuters"),
            Some("March 3"),
        ),
        (
            "ASTANA, Sept 9 (Reuters) - Wheat.",
            "ASTANA, Sept 9 (Reuters) -",
            "ASTANA",
            Some("Reuters"),
            Some("Sept 9"),
        ),
        (
            "BEIJING, Sept. 12 (Xinhua) -- Soy.",
            "BEIJING, Sept. 12 (Xinhua) --",
            "BEIJING",
            Some("Xinhua"),
            Some("Sept. 12"),
        ),
        (
            "Kabul, March 12, 2025 (AFP) - A quake.",
            "Kabul, March 12, 2025 (AFP) -",
            "Kabul",
            Some("AFP"),
            Some("March 12, 2025"),
        ),
        (
            "PARIS (AFP) - Controllers.",
            "PARIS (AFP) -",
            "PARIS",
            Some("AFP"),
            None,
        ),
        (
            "BISHKEK, 3 March /Kabar/. Water.",
            "BISHKEK, 3 March /Kabar/.",
            "BISHKEK",
            Some("Kabar"),
            Some("3 March"),
        ),
        (
            "BISHKEK, Kyrgyzstan, May 20 (Kabar) -- Talks.",
            "BISHKEK, Kyrgyzstan, May 20 (Kabar) --",
            "BISHKEK",
            Some("Kabar"),
            Some("May 20"),
        ),
        (
            "DUSHANBE, 21/02/2025 /Pamir-Press/. In.",
            "DUSHANBE, 21/02/2025 /Pamir-Press/.",
            "DUSHANBE",
            Some("Pamir-Press"),
            Some("21/02/2025"),
        ),
        (
            "Bishkek, 14.03.2025. Minister.",
            "Bishkek, 14.03.2025.",
            "Bishkek",
            None,
            Some("14.03.2025"),
        ),
        (
            "Fergana, 20 May. Hokim.",
            "Fergana, 20 May.",
            "Fergana",
            None,
            Some("20 May"),
        ),
        (
            "HARARE, March 12, 2025 — Farmers.",
            "HARARE, March 12, 2025 —",
            "HARARE",
            None,
            Some("March 12, 2025"),
        ),
        (
            "PORTLAND, Maine — A ferry.",
            "PORTLAND, Maine —",
            "PORTLAND",
            None,
            None,
        ),
        ("PUNE: The cabinet.", "PUNE:", "PUNE", None, None),
        (
            "CEBU CITY — A storm.",
            "CEBU CITY —",
            "CEBU CITY",
            None,
            None,
        ),
        (
            "ALMATY. STEPPE-INFORM – The metro.",
            "ALMATY. STEPPE-INFORM –",
            "ALMATY",
            Some("STEPPE-INFORM"),
            None,
        ),
        (
            "PORT-AU-PRINCE, Haiti (AP) — Gangs.",
            "PORT-AU-PRINCE, Haiti (AP) —",
            "PORT-AU-PRINCE",
            Some("AP"),
            None,
        ),
    ];

    #[test]
    fn datelines_and_their_parts() {
        for &(line, text, place, agency, date) in DATELINES {
            let shape = dateline_shape(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!(&line[..shape.end], text, "{line:?}");
            assert_eq!(&line[shape.place.range()], place, "{line:?}");
            assert_eq!(shape.agency.map(|a| &line[a.range()]), agency, "{line:?}");
            assert_eq!(shape.date.map(|d| &line[d.range()]), date, "{line:?}");
        }
    }

    #[test]
    fn sentences_and_headings_are_not_datelines() {
        for line in [
            "Paris, Texas - a small town",
            "Officials said on May 20 - talks",
            "Officials said: talks",
            "BREAKING — Floods",
            "The minister, Ruth Abena, said.",
            "Kenya. The floods",
            "Published 14/03/2025",
            "Xi Jinping Talks with President Zaparov",
            "Comments (12)",
            "",
            "A",
        ] {
            assert_eq!(dateline_shape(line), None, "{line:?}");
        }
    }
}
