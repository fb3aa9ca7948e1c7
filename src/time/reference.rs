//! The article's own date, which relative expressions are resolved against: a dateline
//! ("BEIJING, May 20 (Xinhua) --"), a publication line ("Published 14/03/2025"), or a line that is
//! only a date ("Tuesday, December 5, 2023", "2023-05-19The Source"). The dateline wins: it dates
//! the story, while a page date may be when it was re-posted.

use super::calendar::Date;
use super::cursor::Cursor;
use super::recognise::{may_start_with_full_date, recognise, Reading};
use super::resolve::numeric_date;
use crate::bytes::is_one_of;
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

/// The end of the dateline at the start of `line`, if it has one:
/// `PLACE(, REGION)?, DATE(,? YEAR)? (SOURCE)? DASH` where PLACE is `[A-Z][A-Za-z.' -]{1,40}`,
/// REGION `[A-Z][A-Za-z. ]{1,30}`, DATE "May 20", "Sept. 3" or "20 May", SOURCE "(Xinhua)" or
/// "/AFP/", and DASH one of `--`, `-`, `:`, `—`, `–`; spaces are spaces or tabs.
///
/// ```
/// # use dateline::time::reference::dateline_end;
/// assert_eq!(dateline_end("BISHKEK, Kyrgyzstan, May 20 (Kabar) -- Talks began."), Some(38));
/// assert_eq!(dateline_end("Officials said on May 20 - talks"), None);
/// ```
pub fn dateline_end(line: &str) -> Option<usize> {
    let c = Cursor::new(line);
    let place_end = run(line, 0, b".' -", 1..=40).filter(|&end| line[end..].starts_with(','))?;
    let region_end = c
        .literal(place_end, ",", false)
        .map(|at| blanks(line, at))
        .and_then(|at| run(line, at, b". ", 1..=30))
        .filter(|&end| line[end..].starts_with(','));
    // With the region if what follows it reads as a dateline, else without.
    region_end
        .into_iter()
        .chain([place_end])
        .find_map(|at| date_and_dash(line, at))
}

/// `,[ \t]+DATE(?:,?[ \t]+[12][0-9]{3})?[ \t]*(?:SOURCE)?[ \t]*DASH` at `at`, returning the end.
fn date_and_dash(line: &str, at: usize) -> Option<usize> {
    let c = Cursor::new(line);
    let at = c.literal(at, ",", false)?;
    let at = Some(blanks(line, at)).filter(|&end| end > at)?;
    let at = month_day(line, at).or_else(|| day_month(line, at))?;
    let after_year = {
        let comma = c.optional(at, ",");
        Some(blanks(line, comma))
            .filter(|&end| end > comma)
            .and_then(|end| c.fixed_digits(end, 4, b"12"))
            .map(|(_, end)| end)
    };
    let at = blanks(line, after_year.unwrap_or(at));
    let at = blanks(line, source(line, at).unwrap_or(at));
    ["--", "-", ":", "—", "–"]
        .iter()
        .find_map(|dash| c.literal(at, dash, false))
}

/// `[A-Za-z]{3,9}\.?[ \t]+[0-9]{1,2}`: "May 20", "Sept. 3".
fn month_day(line: &str, at: usize) -> Option<usize> {
    let c = Cursor::new(line);
    let letters = letters_end(line, at);
    let at = c.optional(
        Some(letters).filter(|end| (3..=9).contains(&(end - at)))?,
        ".",
    );
    let digits = Some(blanks(line, at)).filter(|&end| end > at)?;
    let end = c.digits_end(digits);
    (1..=2).contains(&(end - digits)).then_some(end)
}

/// `[0-9]{1,2}[ \t]+[A-Za-z]{3,9}`: "20 May".
fn day_month(line: &str, at: usize) -> Option<usize> {
    let c = Cursor::new(line);
    let digits = c.digits_end(at);
    let letters = Some(blanks(line, digits))
        .filter(|&end| (1..=2).contains(&(digits - at)) && end > digits)?;
    let end = letters_end(line, letters);
    (3..=9).contains(&(end - letters)).then_some(end)
}

/// `\([A-Za-z][A-Za-z .&/-]{0,30}\)` or `/[A-Za-z][A-Za-z .]{1,30}/`: the agency.
fn source(line: &str, at: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let agency = |open: u8, more: &[u8], len: std::ops::RangeInclusive<usize>, close: u8| {
        let opens =
            bytes.get(at) == Some(&open) && bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic);
        let end = class_end(line, at + 2, more, len.end() + 1);
        (opens && len.contains(&(end - at - 2)) && bytes.get(end) == Some(&close))
            .then_some(end + 1)
    };
    agency(b'(', b" .&/-", 0..=30, b')').or_else(|| agency(b'/', b" .", 1..=30, b'/'))
}

/// A capital and then letters or `more` bytes, as many as `len` allows: the end of the run.
fn run(line: &str, at: usize, more: &[u8], len: std::ops::RangeInclusive<usize>) -> Option<usize> {
    let first = *line.as_bytes().get(at)?;
    let end = class_end(line, at + 1, more, len.end() + 1);
    (first.is_ascii_uppercase() && len.contains(&(end - at - 1))).then_some(end)
}

/// The end of the run of ASCII letters and `more` bytes at `at`, read no further than `most`
/// bytes: every caller bounds the run, and most lines of an article are one long run of words
/// and spaces.
fn class_end(line: &str, at: usize, more: &[u8], most: usize) -> usize {
    at + line.as_bytes()[at.min(line.len())..]
        .iter()
        .take(most)
        .take_while(|&&b| b.is_ascii_alphabetic() || is_one_of(b, more))
        .count()
}

/// The end of the letters at `at`, as far as a month's name (at most 9) and one more.
fn letters_end(line: &str, at: usize) -> usize {
    class_end(line, at, b"", 10)
}

/// The end of the spaces and tabs at `at`.
fn blanks(line: &str, at: usize) -> usize {
    at + line.as_bytes()[at.min(line.len())..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// A dateline without a year takes the latest year that does not put it after `anchor` (the page
/// date, else today).
fn dateline(text: &str, line: Span, anchor: Option<Date>) -> Option<ReferenceDate> {
    let line_text = &text[line.start..line.end];
    let end = dateline_end(line_text)?;
    let candidate = recognise(&line_text[..end], line.start)
        .into_iter()
        .next()?;
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
        span: Some(Span::new(line.start, line.start + end)),
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
    let starts_with = |lead: &&&str| {
        line_text
            .as_bytes()
            .get(..lead.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(lead.as_bytes()))
    };
    LEADS.iter().find(starts_with)?;
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
    if !may_start_with_full_date(line_text) {
        return None;
    }
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
