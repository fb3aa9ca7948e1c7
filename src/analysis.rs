//! The whole pipeline and the JSON contract shared by the CLI and the JavaScript API.
//!
//! Offsets in the output are UTF-16 code units, end exclusive: what JavaScript's `String.slice`
//! takes, so the page can highlight `text.slice(m.start, m.end)` directly.

use std::fmt;

use serde::Serialize;

use crate::entities::recognise::{recognise, recognise_with_tagger};
use crate::entities::tagger::{self, Model};
use crate::entities::{merge::merge, Entity, Mention};
use crate::offsets::Utf16Offsets;
use crate::segment::{segment, Chrome, Segments};
use crate::structure::{read_structure, Structure};
use crate::time::calendar::Date;
use crate::time::reference::{article_dates, ArticleDates, ReferenceDate, Source};
use crate::time::{find_times, NumericOrder, TimeExpression};
use crate::timeline::{build_timeline, Event};
use crate::Span;

/// What the caller may tell the analyser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Resolve relative dates against this date instead of one found in the text.
    pub reference_date: Option<Date>,
    /// Today's date, for a dateline that gives no year ("BEIJING, May 20"). Without it such a
    /// dateline is not used.
    pub today: Option<Date>,
}

/// A date option that is not a real `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    pub option: &'static str,
    /// What was given, cut to its first [`OptionsError::SHOWN`] characters: a megabyte passed
    /// by mistake is not echoed back whole.
    pub given: String,
}

impl OptionsError {
    /// The most characters of a bad value the error repeats.
    pub const SHOWN: usize = 40;

    fn new(option: &'static str, given: &str) -> OptionsError {
        let mut shown: String = given.chars().take(OptionsError::SHOWN).collect();
        if shown.len() < given.len() {
            shown.push('…');
        }
        OptionsError {
            option,
            given: shown,
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} must be a real date written YYYY-MM-DD (like 2023-05-19), not {:?}",
            self.option, self.given
        )
    }
}

impl std::error::Error for OptionsError {}

impl Options {
    /// Parses the two dates as given on a command line or from JavaScript; empty means absent.
    pub fn parse(
        reference_date: Option<&str>,
        today: Option<&str>,
    ) -> Result<Options, OptionsError> {
        let date = |option: &'static str, given: Option<&str>| match given
            .map(str::trim)
            .filter(|g| !g.is_empty())
        {
            None => Ok(None),
            Some(g) => Date::parse_iso(g)
                .map(Some)
                .ok_or_else(|| OptionsError::new(option, g)),
        };
        Ok(Options {
            reference_date: date("reference date", reference_date)?,
            today: date("today", today)?,
        })
    }

    pub fn with_today(today: &str) -> Result<Options, OptionsError> {
        Options::parse(None, Some(today))
    }
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Analysis<'t> {
    pub mentions: Vec<MentionOut<'t>>,
    pub entities: Vec<EntityOut<'t>>,
    pub dates: Vec<DateOut<'t>>,
    pub timeline: Vec<EventOut>,
    pub reference_date: Option<ReferenceOut>,
    /// The page around the story.
    pub structure: StructureOut<'t>,
    /// Page chrome that was not analysed, so the page can show it greyed out.
    pub ignored: Vec<IgnoredOut>,
}

/// A stretch of the text.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PartOut<'t> {
    pub start: u32,
    pub end: u32,
    pub text: &'t str,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct StructureOut<'t> {
    pub headline: Option<PartOut<'t>>,
    /// The line under the headline that sums the story up.
    pub standfirst: Option<PartOut<'t>>,
    pub byline: Option<PartOut<'t>>,
    /// The page's publication or update line.
    pub published: Option<PublishedOut<'t>>,
    pub dateline: Option<DatelineOut<'t>>,
    /// Bylined and credited people, in text order.
    pub credits: Vec<CreditOut<'t>>,
    /// `day-first` or `month-first`: how the article's numeric dates (03/04/2025) were read;
    /// null when it has none.
    pub numeric_dates: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PublishedOut<'t> {
    #[serde(flatten)]
    pub part: PartOut<'t>,
    /// TIMEX3 value of the stamp.
    pub value: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DatelineOut<'t> {
    #[serde(flatten)]
    pub part: PartOut<'t>,
    pub place: PartOut<'t>,
    /// The wire service, without its brackets.
    pub agency: Option<PartOut<'t>>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CreditOut<'t> {
    #[serde(flatten)]
    pub part: PartOut<'t>,
    /// `byline`, `reporting`, `additional reporting`, `writing`, `editing`, `photo` or
    /// `contributing`.
    pub role: &'static str,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct MentionOut<'t> {
    pub start: u32,
    pub end: u32,
    pub text: &'t str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub entity: u32,
    /// What the page credits this person with (`byline`, `reporting`, ...), if anything.
    pub role: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct EntityOut<'t> {
    pub id: u32,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: &'t str,
    pub aliases: Vec<&'t str>,
    /// How many mentions it has.
    pub count: usize,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DateOut<'t> {
    pub start: u32,
    pub end: u32,
    pub text: &'t str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct EventOut {
    /// `2023-05-19`, `2023-05` or `2023`.
    pub date: String,
    pub text: String,
    pub entities: Vec<u32>,
    pub start: u32,
    pub end: u32,
    /// The date was inferred (from a duration) rather than stated.
    pub inferred: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ReferenceOut {
    pub value: String,
    /// `user`, `dateline`, `publication line` or `date line`.
    pub source: &'static str,
    pub start: Option<u32>,
    pub end: Option<u32>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct IgnoredOut {
    pub start: u32,
    pub end: u32,
    pub reason: &'static str,
}

/// Analyses one article. Never panics on any input; an empty text gives an empty analysis.
pub fn analyse<'t>(text: &'t str, options: &Options) -> Analysis<'t> {
    analyse_with_tagger(text, options, tagger::shipped())
}

/// [`analyse`] with another tagger model than the shipped one (the CLI's `--tagger`, for
/// trying a model before it ships).
pub fn analyse_with_tagger<'t>(text: &'t str, options: &Options, tagger: &Model) -> Analysis<'t> {
    analyse_finding_names(text, options, |text, segments| {
        recognise_with_tagger(text, segments, tagger)
    })
}

/// [`analyse`] with the hand-written rules alone (no tagger): kept for comparison
/// (`evaluate.mjs ner` prints it as "rules only").
pub fn analyse_with_rules_only<'t>(text: &'t str, options: &Options) -> Analysis<'t> {
    analyse_finding_names(text, options, recognise)
}

fn analyse_finding_names<'t>(
    text: &'t str,
    options: &Options,
    find_names: impl Fn(&str, &Segments) -> Vec<Mention>,
) -> Analysis<'t> {
    let segments = segment(text);
    let stamped = article_dates(text, &segments, options.today);
    let reference = match options.reference_date {
        Some(date) => Some(ReferenceDate {
            date,
            source: Source::User,
            span: None,
            clock: None,
        }),
        None => stamped.reference(),
    };
    let page = read_structure(text, &segments);
    let mut mentions = find_names(text, &segments);
    page.credit_people(text, &segments, &mut mentions);
    let entities = merge(text, &mentions);
    let page_zone = stamped
        .page
        .and_then(|p| p.clock)
        .and_then(|(_, _, zone)| zone);
    let lean = page.numeric_lean(text, page_zone);
    let (mut times, numeric_order) = find_times(text, &segments, reference.map(|r| r.date), lean);
    times.retain(|t| !page.in_credited_name(t.span));
    let mut stamps = stamped.stamps();
    stamps.extend_from_slice(&page.later_datelines);
    let timeline = build_timeline(
        text,
        &segments,
        &times,
        &mentions,
        &entities,
        &stamps,
        reference.map(|r| r.date),
        headline_event(&segments, &page, stamped.page.or(reference)),
    );
    Output {
        text,
        offsets: Utf16Offsets::new(text),
    }
    .shape(
        &segments,
        &page,
        &stamped,
        numeric_order,
        &mentions,
        entities,
        times,
        timeline,
        reference,
    )
}

/// The headline's sentence and the date it is told on: the page's date, else the article's.
fn headline_event(
    segments: &Segments,
    page: &Structure,
    date: Option<ReferenceDate>,
) -> Option<(usize, Date)> {
    let headline = page.headline?;
    let sentence = segments
        .sentences
        .iter()
        .position(|s| headline.contains(s.span))?;
    Some((sentence, date?.date))
}

/// Converts internal byte spans to the output's UTF-16 offsets.
struct Output<'t> {
    text: &'t str,
    offsets: Utf16Offsets,
}

impl<'t> Output<'t> {
    /// The contract's shape of the steps' results. Strings the steps made are moved, not copied,
    /// and the texts of mentions and dates borrow the analysed text.
    #[allow(clippy::too_many_arguments)]
    fn shape(
        &self,
        segments: &Segments,
        page: &Structure,
        stamped: &ArticleDates,
        numeric_order: Option<NumericOrder>,
        mentions: &[Mention],
        entities: Vec<Entity<'t>>,
        times: Vec<TimeExpression>,
        timeline: Vec<Event>,
        reference: Option<ReferenceDate>,
    ) -> Analysis<'t> {
        let mut entity_of = vec![0; mentions.len()];
        for e in &entities {
            for &m in &e.mentions {
                entity_of[m] = e.id;
            }
        }
        Analysis {
            mentions: mentions
                .iter()
                .zip(entity_of)
                .map(|(m, entity)| MentionOut {
                    start: self.offsets.at(m.span.start),
                    end: self.offsets.at(m.span.end),
                    text: self.slice(m.span),
                    kind: m.kind.label(),
                    entity,
                    role: page.role_at(m.span),
                })
                .collect(),
            entities: entities
                .into_iter()
                .map(|e| EntityOut {
                    id: e.id,
                    kind: e.kind.label(),
                    count: e.mentions.len(),
                    name: e.name,
                    aliases: e.aliases,
                })
                .collect(),
            dates: times
                .into_iter()
                .map(|t| DateOut {
                    start: self.offsets.at(t.span.start),
                    end: self.offsets.at(t.span.end),
                    text: self.slice(t.span),
                    kind: t.kind.label(),
                    value: t.value,
                })
                .collect(),
            timeline: timeline
                .into_iter()
                .map(|e| EventOut {
                    date: e.date.iso(),
                    text: e.summary,
                    entities: e.entities,
                    start: self.offsets.at(e.span.start),
                    end: self.offsets.at(e.span.end),
                    inferred: e.inferred,
                })
                .collect(),
            reference_date: reference.map(|r| ReferenceOut {
                value: r.date.iso(),
                source: r.source.label(),
                start: r.span.map(|s| self.offsets.at(s.start)),
                end: r.span.map(|s| self.offsets.at(s.end)),
            }),
            structure: self.structure(page, stamped, numeric_order),
            ignored: segments
                .blocks
                .iter()
                .filter_map(|b| match b.chrome {
                    Chrome::Ignored(reason) => Some(IgnoredOut {
                        start: self.offsets.at(b.span.start),
                        end: self.offsets.at(b.span.end),
                        reason,
                    }),
                    Chrome::Content => None,
                })
                .collect(),
        }
    }

    fn part(&self, span: Span) -> PartOut<'t> {
        PartOut {
            start: self.offsets.at(span.start),
            end: self.offsets.at(span.end),
            text: self.slice(span),
        }
    }

    fn structure(
        &self,
        page: &Structure,
        stamped: &ArticleDates,
        numeric_order: Option<NumericOrder>,
    ) -> StructureOut<'t> {
        StructureOut {
            numeric_dates: numeric_order.map(NumericOrder::label),
            headline: page.headline.map(|s| self.part(s)),
            standfirst: page.standfirst.map(|s| self.part(s)),
            byline: page.byline.map(|s| self.part(s)),
            published: stamped.page.and_then(|p| {
                let span = p.span?;
                Some(PublishedOut {
                    part: self.part(span),
                    value: p.timex(),
                })
            }),
            dateline: page.dateline.map(|d| DatelineOut {
                part: self.part(Span::new(d.place.start, d.end)),
                place: self.part(d.place),
                agency: d.agency.map(|a| self.part(a)),
            }),
            credits: page
                .credits
                .iter()
                .map(|c| CreditOut {
                    part: self.part(c.name),
                    role: c.role.label(),
                })
                .collect(),
        }
    }

    fn slice(&self, span: crate::Span) -> &'t str {
        &self.text[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_odd_inputs_give_empty_results() {
        for text in [
            "",
            " ",
            "\n\n\n",
            "....",
            "\u{0}\u{feff}",
            "<script>alert(1)</script>",
            "((((((",
            "2023-13-45",
        ] {
            let result = analyse(text, &Options::default());
            assert!(result.timeline.is_empty(), "{text:?}");
        }
    }

    /// One line with no full stop, made of one phrase repeated: the analysis must stay linear in
    /// its length (a 4 KB line of names once took seconds, a 40 KB one minutes), so these finish
    /// at once now and would stall the test run if any stage turned super-linear again.
    #[test]
    fn long_lines_of_repeated_phrases_finish() {
        let options = Options::parse(Some("2024-01-01"), None).expect("a valid date");
        for phrase in [
            "Xi Jinping Li Qiang ",
            "Zorbal Quenty Mafrik Dostal ",
            "Ministry of the Bank of ",
            "May 5, ",
            "12/12/2012 10:30 pm ",
            "31 years of ",
            "in the past in the future ",
            "on Friday ",
            "1999 2000 ",
            "Li said ",
        ] {
            let text = phrase.repeat(200_000 / phrase.len());
            let result = analyse(&text, &options);
            let length = text.encode_utf16().count() as u32;
            assert!(
                result.mentions.iter().all(|m| m.end <= length),
                "{phrase:?}"
            );
            assert!(result.dates.iter().all(|d| d.end <= length), "{phrase:?}");
        }
    }

    #[test]
    fn options_explain_bad_dates() {
        let error = Options::parse(Some("19/05/2023"), None).unwrap_err();
        assert_eq!(error.to_string(), "reference date must be a real date written YYYY-MM-DD (like 2023-05-19), not \"19/05/2023\"");
        assert_eq!(Options::parse(Some(""), None).unwrap(), Options::default());
    }

    #[test]
    fn offsets_are_utf16() {
        let text = "😀 Ürümqi hosted talks with Kazakhstan.";
        let result = analyse(text, &Options::default());
        let kz = result
            .mentions
            .iter()
            .find(|m| m.text == "Kazakhstan")
            .unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[kz.start as usize..kz.end as usize]).unwrap(),
            "Kazakhstan"
        );
    }
}
