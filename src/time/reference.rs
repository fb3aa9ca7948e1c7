//! The article's own date, which relative expressions are resolved against: a dateline
//! ("BEIJING, May 20 (Xinhua) --"), a publication line ("Published 14/03/2025"), or a line that is
//! only a date ("Tuesday, December 5, 2023", "2023-05-19The Source"). The dateline wins: it dates
//! the story, while a page date may be when it was re-posted.

use super::calendar::Date;
use super::recognise::{may_start_with_full_date, recognise, Reading};
use super::resolve::{numeric_date, zone_suffix};
use crate::segment::Segments;
use crate::structure::dateline::dateline_shape;
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Given by the user or the embedding page.
    User,
    Dateline,
    PublicationLine,
    DateLine,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::User => "user",
            Source::Dateline => "dateline",
            Source::PublicationLine => "publication line",
            Source::DateLine => "date line",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: Date,
    pub source: Source,
    /// Where in the text it was found (none for a user-given date).
    pub span: Option<Span>,
    /// The stamp's clock time, as (hour, minute, offset from UTC in minutes), if it gives one.
    pub clock: Option<(u8, u8, Option<i16>)>,
}

impl ReferenceDate {
    /// The stamp as TIMEX3: the date, and its clock time and zone when given
    /// ("2025-03-03T11:05+01:00").
    pub fn timex(&self) -> String {
        match self.clock {
            Some((hour, minute, zone)) => {
                format!("{}T{hour:02}:{minute:02}{}", self.date, zone_suffix(zone))
            }
            None => self.date.iso(),
        }
    }
}

/// The clock time of an ISO 8601 timestamp after its date: `Thh:mm(:ss(.s+)?)?(Z|±hh(:?mm)?)?`.
fn iso_clock(after_date: &str) -> Option<(u8, u8, Option<i16>)> {
    let rest = after_date.strip_prefix('T')?;
    let b = rest.as_bytes();
    let two = |at: usize| -> Option<u8> {
        let d = b.get(at..at + 2)?;
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| (d[0] - b'0') * 10 + (d[1] - b'0'))
    };
    let (hour, minute) = (two(0)?, two(3)?);
    if b.get(2) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    let mut at = 5;
    if b.get(at) == Some(&b':') && two(at + 1).is_some() {
        at += 3;
        if b.get(at) == Some(&b'.') {
            at += 1 + b[at + 1..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
        }
    }
    let zone = match b.get(at) {
        Some(b'Z') => Some(0),
        Some(&sign @ (b'+' | b'-')) => {
            let hours = i16::from(two(at + 1)?);
            let colon = usize::from(b.get(at + 3) == Some(&b':'));
            let minutes = two(at + 3 + colon).map_or(0, i16::from);
            let minutes = hours * 60 + minutes;
            Some(if sign == b'-' { -minutes } else { minutes })
        }
        _ => None,
    };
    Some((hour, minute, zone))
}

/// The first clock time among `candidates`.
fn clock_of(candidates: &[super::recognise::Candidate]) -> Option<(u8, u8, Option<i16>)> {
    candidates.iter().find_map(|c| match c.reading {
        Reading::Clock { hour, minute, zone } => Some((hour, minute, zone)),
        _ => None,
    })
}

/// How many lines from the top a dateline or publication line may stand at.
const HEADER_LINES: usize = 25;

/// Finds the article's date. `today` supplies the year of a dateline that gives none and no other
/// line does (news is read soon after it is written); a date after `today` steps back a year.
#[cfg(test)]
pub fn find_reference(
    text: &str,
    segments: &Segments,
    today: Option<Date>,
) -> Option<ReferenceDate> {
    article_dates(text, segments, today).reference()
}

/// The date stamps at the top of an article: the page's own date and the dateline.
#[derive(Clone, Copy, Debug, Default)]
pub struct ArticleDates {
    /// The first publication line or date-only line.
    pub page: Option<ReferenceDate>,
    pub dateline: Option<ReferenceDate>,
}

impl ArticleDates {
    /// The date the story is told from: the dateline's, else the page's.
    pub fn reference(&self) -> Option<ReferenceDate> {
        self.dateline.or(self.page)
    }

    /// Where the stamps stand: they date the article, not events in it, so the timeline leaves
    /// them out.
    pub fn stamps(&self) -> Vec<Span> {
        [self.page, self.dateline]
            .into_iter()
            .flatten()
            .filter_map(|r| r.span)
            .collect()
    }
}

/// A stamp stands at the start of its line; this much of a line is all that is read.
const HEADER_LINE_BYTES: usize = 200;

/// Finds the page date and the dateline among the first lines.
pub fn article_dates(text: &str, segments: &Segments, today: Option<Date>) -> ArticleDates {
    let header: Vec<Span> = segments.blocks[..segments.blocks.len().min(HEADER_LINES)]
        .iter()
        .map(|b| {
            let line = &text[b.span.start..b.span.end];
            Span::new(
                b.span.start,
                b.span.start + line.floor_char_boundary(HEADER_LINE_BYTES),
            )
        })
        .collect();
    let page = header
        .iter()
        .find_map(|&line| publication_date(text, line).or_else(|| date_only_line(text, line)));
    let anchor = page.map(|r| r.date).or(today);
    let dateline = header.iter().find_map(|&line| dateline(text, line, anchor));
    ArticleDates { page, dateline }
}

/// A dateline without a year takes the latest year that does not put it after `anchor` (the page
/// date, else today).
fn dateline(text: &str, line: Span, anchor: Option<Date>) -> Option<ReferenceDate> {
    let line_text = &text[line.start..line.end];
    let shape = dateline_shape(line_text)?;
    let date_span = shape.date?;
    let candidate = recognise(&line_text[date_span.range()], line.start + date_span.start)
        .into_iter()
        .next()?;
    let date = match candidate.reading {
        Reading::MonthDay {
            month,
            day: Some(day),
        } => {
            let anchor = anchor?;
            match Date::new(anchor.year, month, day)? {
                date if date > anchor => Date::new(anchor.year - 1, month, day)?,
                date => date,
            }
        }
        reading => full_date(reading)?,
    };
    Some(ReferenceDate {
        date,
        source: Source::Dateline,
        span: Some(Span::new(line.start, line.start + shape.end)),
        clock: None,
    })
}

/// The lead words of a publication line.
const LEADS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last updated",
    "first published",
    "date",
    "released",
    "dated",
];

/// "Published 14/03/2025", "Posted on: May 19, 2023", "Updated 9:40 AM GMT+3, April 8, 2025",
/// "By JANE DOE | Published 12/06/2025", "Source: Xinhua| 2024-09-12 21:30:00|Editor: X": a part
/// of the line (parts are split at `|`) that opens with a lead word, or with a full date.
fn publication_date(text: &str, line: Span) -> Option<ReferenceDate> {
    for part_span in parts(text, line) {
        let start = part_span.start;
        let part = &text[part_span.range()];
        let starts_with = |lead: &&&str| {
            part.as_bytes()
                .get(..lead.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(lead.as_bytes()))
                && !part[lead.len()..].starts_with(char::is_alphabetic)
        };
        if LEADS.iter().any(|l| starts_with(&l)) {
            let candidates = recognise(part, start);
            if let Some(date) = candidates.iter().find_map(|c| full_date(c.reading)) {
                // The whole line is the stamp: a clock time or "Updated 2 hours ago" after the
                // date dates the page, not an event.
                return Some(ReferenceDate {
                    date,
                    source: Source::PublicationLine,
                    span: Some(line),
                    clock: clock_of(&candidates),
                });
            }
        }
    }
    None
}

/// The parts of `line` between bars, each without the spaces it opens with.
fn parts(text: &str, line: Span) -> impl Iterator<Item = Span> + '_ {
    let mut from = line.start;
    text[line.range()].split('|').map(move |part| {
        let lead = part.len() - part.trim_start().len();
        let span = Span::new(from + lead, from + part.len());
        from += part.len() + 1;
        span
    })
}

/// A line (or a `|`-separated part of one) that starts with a full date and says little else:
/// the page's date stamp.
fn date_only_line(text: &str, line: Span) -> Option<ReferenceDate> {
    let line_text = &text[line.start..line.end];
    for part_span in parts(text, line) {
        let weekday = weekday_len(&text[part_span.range()]);
        let start = part_span.start + weekday;
        let part = &text[part_span.start + weekday..part_span.end];
        if !may_start_with_full_date(part) {
            continue;
        }
        let candidates = recognise(part, start);
        let Some(&candidate) = candidates.first() else {
            continue;
        };
        let at_start = candidate.span.start == start;
        let short = line_text.len() <= 60
            || text[candidate.span.end..].starts_with(|c: char| c.is_alphabetic());
        if let Some(date) = full_date(candidate.reading).filter(|_| at_start && short) {
            // "2025-01-21T11:05:00+01:00", or the clock in another part ("20.05.2025 | 14:35").
            let clock = iso_clock(&text[candidate.span.end..line.end])
                .or_else(|| clock_of(&candidates))
                .or_else(|| clock_of(&recognise(line_text, line.start)));
            let short_line = line_text.len() <= 60;
            return Some(ReferenceDate {
                date,
                source: Source::DateLine,
                span: Some(if short_line { line } else { candidate.span }),
                clock,
            });
        }
    }
    None
}

/// The length of a weekday ("Fri ", "Tuesday, ") at the start of a stamp: "Fri 7 Feb 2025".
fn weekday_len(part: &str) -> usize {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word_len = part
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let word = &part.as_bytes()[..word_len];
    let is_weekday = word_len >= 3
        && WEEKDAYS
            .iter()
            .any(|d| d.len() >= word_len && d.as_bytes()[..word_len].eq_ignore_ascii_case(word));
    if !is_weekday {
        return 0;
    }
    let rest = &part[word_len..];
    let punctuation = usize::from(rest.starts_with([',', '.']));
    let spaces = rest[punctuation..].len() - rest[punctuation..].trim_start().len();
    if spaces == 0 {
        return 0;
    }
    word_len + punctuation + spaces
}

/// Day-first for numeric page dates, as most of the world writes them.
fn full_date(reading: Reading) -> Option<Date> {
    match reading {
        Reading::Absolute(p) => Date::new(p.year, p.month?, p.day?),
        Reading::Numeric {
            first,
            second,
            year,
        } => numeric_date(first, second, year, true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// `find_reference` does what its documentation says.
    #[test]
    fn find_reference_as_documented() {
        let text = "Published 14/03/2025\nBISHKEK, March 12 (Kabar) -- Talks began.";
        let found = find_reference(text, &segment(text), None).unwrap();
        assert_eq!(
            (found.date, found.source),
            (Date::new(2025, 3, 12).unwrap(), Source::Dateline)
        );
    }

    fn reference(text: &str, today: Option<&str>) -> Option<(String, Source)> {
        find_reference(text, &segment(text), today.and_then(Date::parse_iso))
            .map(|r| (r.date.to_string(), r.source))
    }

    #[test]
    fn xinhua_dateline_takes_the_year_from_today() {
        let text = "BEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping held talks.";
        assert_eq!(
            reference(text, Some("2023-06-01")),
            Some(("2023-05-20".into(), Source::Dateline))
        );
        assert_eq!(
            reference(text, Some("2023-03-01")),
            Some(("2022-05-20".into(), Source::Dateline))
        );
        assert_eq!(reference(text, None), None);
    }

    #[test]
    fn publication_lines_and_date_stamps() {
        assert_eq!(
            reference("Published 14/03/2025\nText.", None),
            Some(("2025-03-14".into(), Source::PublicationLine))
        );
        assert_eq!(
            reference("Tuesday, December 5, 2023\nText.", None),
            Some(("2023-12-05".into(), Source::DateLine))
        );
        assert_eq!(
            reference("2023-05-19The Source\nText.", None),
            Some(("2023-05-19".into(), Source::DateLine))
        );
    }

    #[test]
    fn the_dateline_beats_the_page_date_and_borrows_its_year() {
        let text = "Posted on 2024-01-03\nASTANA, Dec 30 (Kazinform) - Talks.";
        assert_eq!(
            reference(text, None),
            Some(("2023-12-30".into(), Source::Dateline))
        );
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(
            reference(
                "Officials said on May 20 that talks would go on.",
                Some("2023-06-01")
            ),
            None
        );
    }
}
