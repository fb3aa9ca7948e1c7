//! The whole pipeline and the JSON contract shared by the CLI and the JavaScript API.
//!
//! Offsets in the output are UTF-16 code units, end exclusive: what JavaScript's `String.slice`
//! takes, so the page can highlight `text.slice(m.start, m.end)` directly.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use crate::entities::merge::{merge, Merged};
use crate::entities::recognise::{recognise, recognise_with_tagger};
use crate::entities::tagger::{self, Model};
use crate::entities::Mention;
use crate::offsets::Utf16Offsets;
use crate::segment::{segment, Chrome, Segments};
use crate::structure::{read_structure, Structure};
use crate::text::{normalise, Positions};
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
    /// As the article spells it, its invisible differences evened out (`src/text.rs`).
    pub name: Cow<'t, str>,
    pub aliases: Vec<Cow<'t, str>>,
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
    match normalise(text) {
        None => analyse_read_text(text, text, Positions::new(Vec::new()), options, find_names),
        Some(read) => analyse_read_text(
            text,
            &read.text,
            Positions::new(read.edits),
            options,
            find_names,
        ),
    }
}

/// Runs the steps on `read`, the pasted `text` as [`normalise`] evens it out, and reports
/// their results on `text`.
fn analyse_read_text<'t>(
    pasted: &'t str,
    text: &str,
    positions: Positions,
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
    let merged = merge(text, &mentions);
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
        &merged.entity_of,
        &stamps,
        reference.map(|r| r.date),
        headline_event(&segments, &page, stamped.page.or(reference)),
    );
    Output {
        pasted,
        read: text,
        positions,
        offsets: Utf16Offsets::new(pasted),
    }
    .shape(
        &segments,
        &page,
        &stamped,
        numeric_order,
        &mentions,
        merged,
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

/// Converts byte spans of the text the steps read to UTF-16 offsets of the pasted text.
struct Output<'t, 'r> {
    pasted: &'t str,
    read: &'r str,
    positions: Positions,
    offsets: Utf16Offsets,
}

impl<'t, 'r> Output<'t, 'r> {
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
        merged: Merged<'r>,
        times: Vec<TimeExpression>,
        timeline: Vec<Event>,
        reference: Option<ReferenceDate>,
    ) -> Analysis<'t> {
        let Merged {
            entities,
            entity_of,
        } = merged;
        Analysis {
            mentions: mentions
                .iter()
                .zip(entity_of)
                .map(|(m, entity)| MentionOut {
                    start: self.start(m.span.start),
                    end: self.end(m.span.end),
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
                    name: self.spelling(e.name, &e.mentions, mentions),
                    aliases: e
                        .aliases
                        .iter()
                        .map(|a| self.spelling(a, &e.mentions, mentions))
                        .collect(),
                })
                .collect(),
            dates: times
                .into_iter()
                .map(|t| DateOut {
                    start: self.start(t.span.start),
                    end: self.end(t.span.end),
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
                    start: self.start(e.span.start),
                    end: self.end(e.span.end),
                    inferred: e.inferred,
                })
                .collect(),
            reference_date: reference.map(|r| ReferenceOut {
                value: r.date.iso(),
                source: r.source.label(),
                start: r.span.map(|s| self.start(s.start)),
                end: r.span.map(|s| self.end(s.end)),
            }),
            structure: self.structure(page, stamped, numeric_order),
            ignored: segments
                .blocks
                .iter()
                .filter_map(|b| match b.chrome {
                    Chrome::Ignored(reason) => Some(IgnoredOut {
                        start: self.start(b.span.start),
                        end: self.end(b.span.end),
                        reason,
                    }),
                    Chrome::Content => None,
                })
                .collect(),
        }
    }

    fn part(&self, span: Span) -> PartOut<'t> {
        PartOut {
            start: self.start(span.start),
            end: self.end(span.end),
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

    fn start(&self, at: usize) -> u32 {
        self.offsets.at(self.positions.start(at))
    }

    fn end(&self, at: usize) -> u32 {
        self.offsets.at(self.positions.end(at))
    }

    /// The pasted text of a span of the read text (an empty span where a character was dropped
    /// maps to an empty one after it).
    fn slice(&self, span: crate::Span) -> &'t str {
        let start = self.positions.start(span.start);
        &self.pasted[start..self.positions.end(span.end).max(start)]
    }

    /// An entity's name or alias, borrowed from the pasted text where it is spelled the same
    /// there: a spelling is a stretch of the read text or the gazetteer's name of one of the
    /// entity's mentions.
    fn spelling(&self, spelling: &str, members: &[usize], mentions: &[Mention]) -> Cow<'t, str> {
        let offset = (spelling.as_ptr() as usize).wrapping_sub(self.read.as_ptr() as usize);
        if offset <= self.read.len() && spelling.len() <= self.read.len() - offset {
            let pasted = self.slice(Span::new(offset, offset + spelling.len()));
            return if pasted == spelling {
                Cow::Borrowed(pasted)
            } else {
                Cow::Owned(spelling.to_string())
            };
        }
        let known = members
            .iter()
            .find_map(|&i| mentions[i].canonical.filter(|&c| c == spelling));
        Cow::Borrowed(known.unwrap_or(""))
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

    /// What a copy from a word processor or a decomposing system puts in a pasted article:
    /// decomposed accents, soft hyphens and zero-width spaces inside names, and line breaks
    /// other than "\n". Each variant of the same article must give what the plain one gives,
    /// on the pasted text's own offsets.
    #[test]
    fn invisible_differences_change_nothing_a_reader_sees() {
        let plain = "Ruto meets Museveni\nNAIROBI, Kenya, May 3, 2024 (Reuters) - President \
                     William Ruto met José Martínez and Emmanuel Macron on Friday.";
        let variants = [
            plain.replace("José Martínez", "Jose\u{301} Marti\u{301}nez"),
            plain
                .replace("Emmanuel", "Emman\u{ad}uel")
                .replace("Macron", "Ma\u{200b}cron"),
            plain.replace('\n', "\r"),
            plain.replace('\n', "\u{2028}"),
            plain.replace('\n', "\u{c}"),
            format!("\u{feff}{plain}"),
        ];
        let summary = |text: &str| {
            let result = analyse(text, &Options::default());
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for m in &result.mentions {
                let slice = &utf16[m.start as usize..m.end as usize];
                assert_eq!(String::from_utf16(slice).unwrap(), m.text, "{text:?}");
            }
            let names: Vec<String> = result.entities.iter().map(|e| e.name.to_string()).collect();
            let dates: Vec<String> = result.dates.iter().map(|d| d.value.clone()).collect();
            (names, dates, result.reference_date.map(|r| r.value))
        };
        let expected = summary(plain);
        assert!(expected.0.contains(&"José Martínez".to_string()));
        assert!(expected.0.contains(&"Emmanuel Macron".to_string()));
        assert_eq!(expected.2.as_deref(), Some("2024-05-03"));
        for variant in &variants {
            assert_eq!(summary(variant), expected, "{variant:?}");
        }
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
