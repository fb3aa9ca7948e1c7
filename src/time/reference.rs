//! The article's own date, which relative expressions are resolved against: a dateline
//! ("BEIJING, May 20 (Xinhua) --"), a publication line ("Published 14/03/2025"), or a line that is
//! only a date ("Tuesday, December 5, 2023", "2023-05-19The Source"). The dateline wins: it dates
//! the story, while a page date may be when it was re-posted.

use std::sync::OnceLock;

use regex::Regex;

use super::calendar::Date;
use super::recognise::{recognise, Reading};
use super::resolve::numeric_date;
use crate::segment::Segments;
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
}

/// How many lines from the top a dateline or publication line may stand at.
const HEADER_LINES: usize = 25;

/// Finds the article's date. `today` supplies the year of a dateline that gives none and no other
/// line does (news is read soon after it is written); a date after `today` steps back a year.
///
/// ```
/// use dateline::{segment::segment, time::{calendar::Date, reference::{find_reference, Source}}};
/// let text = "Published 14/03/2025\nBISHKEK, March 12 (Kabar) -- Talks began.";
/// let found = find_reference(text, &segment(text), None).unwrap();
/// assert_eq!((found.date, found.source), (Date::new(2025, 3, 12).unwrap(), Source::Dateline));
/// ```
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

fn dateline_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // Plain ASCII classes ([ \t] for spaces) keep the regex crate's Unicode tables out of the build.
        Regex::new(concat!(
            r"^[A-Z][A-Za-z.' -]{1,40}(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?,[ \t]+(?P<date>[A-Za-z]{3,9}\.?[ \t]+[0-9]{1,2}|[0-9]{1,2}[ \t]+[A-Za-z]{3,9})",
            r"(?:,?[ \t]+[12][0-9]{3})?[ \t]*(?:\([A-Za-z][A-Za-z .&/-]{0,30}\)|/[A-Za-z][A-Za-z .]{1,30}/)?[ \t]*(?:--|-|:|—|–)"
        ))
        .expect("dateline pattern compiles")
    })
}

/// A dateline without a year takes the latest year that does not put it after `anchor` (the page
/// date, else today).
fn dateline(text: &str, line: Span, anchor: Option<Date>) -> Option<ReferenceDate> {
    let line_text = &text[line.start..line.end];
    let found = dateline_pattern().find(line_text)?;
    let candidate = recognise(found.as_str(), line.start).into_iter().next()?;
    let date = match candidate.reading {
        Reading::Absolute(p) => Date::new(p.year, p.month?, p.day?)?,
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
        _ => return None,
    };
    Some(ReferenceDate {
        date,
        source: Source::Dateline,
        span: Some(Span::new(line.start, line.start + found.end())),
    })
}

/// "Published 14/03/2025", "Posted on: May 19, 2023", "Updated 2023-05-19 10:00".
fn publication_date(text: &str, line: Span) -> Option<ReferenceDate> {
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
    let line_text = &text[line.start..line.end];
    let lower = line_text.to_ascii_lowercase();
    LEADS.iter().find(|lead| lower.starts_with(*lead))?;
    let candidate = recognise(line_text, line.start).into_iter().next()?;
    let date = full_date(candidate.reading)?;
    Some(ReferenceDate {
        date,
        source: Source::PublicationLine,
        span: Some(Span::new(line.start, candidate.span.end)),
    })
}

/// A line that starts with a full date and says little else: the page's date stamp.
fn date_only_line(text: &str, line: Span) -> Option<ReferenceDate> {
    let line_text = &text[line.start..line.end];
    let candidate = recognise(line_text, line.start).into_iter().next()?;
    let at_start = candidate.span.start == line.start;
    let short = line_text.len() <= 60
        || text[candidate.span.end..].starts_with(|c: char| c.is_alphabetic());
    let date = full_date(candidate.reading).filter(|_| at_start && short)?;
    Some(ReferenceDate {
        date,
        source: Source::DateLine,
        span: Some(candidate.span),
    })
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
