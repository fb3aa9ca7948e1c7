//! Dated events: each content sentence that names a calendar date or an ISO week ("next week")
//! becomes an event then, with the entities mentioned in it as participants, ordered by date. A duration that anchors an
//! event ("after 31 years of development", "three years after a cholera outbreak") adds an event
//! at the date it implies, marked inferred.

use crate::entities::Mention;
use crate::hash::FastSet;
use crate::segment::Segments;
use crate::time::calendar::{shift_month, Date, PartialDate};
use crate::time::{TimeExpression, TimeType};
use crate::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: When,
    /// The sentence, shortened to [`SUMMARY_CHARS`] at a word boundary.
    pub summary: String,
    /// Ids of the entities mentioned in the sentence, in order of mention.
    pub entities: Vec<u32>,
    /// The sentence.
    pub span: Span,
    /// The date was computed from a duration rather than stated.
    pub inferred: bool,
}

pub const SUMMARY_CHARS: usize = 200;

/// When an event took place: a calendar date to a granularity, or an ISO week ("next week",
/// "last week" name no day). Ordered by the first day each covers, a coarser one first where
/// two begin on the same day (a week's Monday comes after its month, before its day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    Date(PartialDate),
    /// The ISO week-numbering year and week.
    Week(i32, u8),
}

impl When {
    /// TIMEX3's form: `2023`, `2023-05`, `2023-05-19` or `2023-W20`.
    pub fn iso(&self) -> String {
        match self {
            When::Date(date) => date.iso(),
            When::Week(year, week) => format!("{year:04}-W{week:02}"),
        }
    }

    /// A TIMEX3 week value ("2023-W20") as a `When`, if the year has that week.
    fn week(value: &str) -> Option<When> {
        let (year, week) = value.split_once("-W")?;
        let four_digits = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let (year, week): (i32, u8) = (year.parse().ok()?, week.parse().ok()?);
        (four_digits && Date::from_iso_week(year, week).is_some()).then_some(When::Week(year, week))
    }

    /// The first day it covers (days since 1970) and how fine it is, coarsest first.
    fn order_key(&self) -> (i64, u8) {
        match *self {
            When::Date(PartialDate { year, month, day }) => {
                let first = Date::new(year, month.unwrap_or(1), day.unwrap_or(1));
                let rank = match (month, day) {
                    (None, _) => 0,
                    (Some(_), None) => 1,
                    (Some(_), Some(_)) => 3,
                };
                (first.map_or(0, Date::days_since_epoch), rank)
            }
            When::Week(year, week) => {
                let monday = Date::from_iso_week(year, week);
                (monday.map_or(0, Date::days_since_epoch), 2)
            }
        }
    }
}

impl Ord for When {
    /// By [`When::order_key`], then field by field, so that only equal values compare equal.
    fn cmp(&self, other: &When) -> std::cmp::Ordering {
        let fields = |w: &When| match *w {
            When::Date(d) => (0, d.year, d.month.unwrap_or(0), d.day.unwrap_or(0)),
            When::Week(year, week) => (1, year, week, 0),
        };
        self.order_key()
            .cmp(&other.order_key())
            .then_with(|| fields(self).cmp(&fields(other)))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &When) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Builds the timeline: one event per sentence and distinct date, sorted by date then position.
/// Time expressions and mentions inside `stamps` (the dateline and page date, which date the
/// article rather than an event) are left out. The `headline` (its sentence and the page's date)
/// is an event of its own, the story the page tells, unless it states a date itself.
#[allow(clippy::too_many_arguments)]
pub fn build_timeline(
    text: &str,
    segments: &Segments,
    times: &[TimeExpression],
    mentions: &[Mention],
    entity_of_mention: &[u32],
    stamps: &[Span],
    reference: Option<Date>,
    headline: Option<(usize, Date)>,
) -> Vec<Event> {
    let stamped = |span: Span| stamps.iter().any(|s| s.contains(span));
    let sentence_dates = first_dates_by_sentence(times, segments.sentences.len());
    let mut events: Vec<Event> = Vec::with_capacity(times.len());
    let mut dated: FastSet<(usize, When)> = FastSet::default();
    // Participants and summary of the sentence last seen: a sentence may date many events.
    let mut current: Option<(usize, Vec<u32>, String)> = None;
    for time in times {
        let stated = time
            .date
            .filter(|_| matches!(time.kind, TimeType::Date | TimeType::Time));
        let inferred = if stated.is_none() {
            implied_date(text, time, sentence_dates[time.sentence], reference)
        } else {
            None
        };
        let week = || {
            (time.kind == TimeType::Date)
                .then(|| When::week(&time.value))
                .flatten()
        };
        let Some(date) = stated.or(inferred).map(When::Date).or_else(week) else {
            continue;
        };
        if stamped(time.span) || !dated.insert((time.sentence, date)) {
            continue;
        }
        let sentence = segments.sentences[time.sentence];
        if current.as_ref().is_none_or(|(s, _, _)| *s != time.sentence) {
            let participants = participants(mentions, time.sentence, entity_of_mention, &stamped);
            let summary = summarise(&text[sentence.span.start..sentence.span.end]);
            current = Some((time.sentence, participants, summary));
        }
        let (_, participants, summary) = current.as_ref().expect("set just above");
        events.push(Event {
            date,
            summary: summary.clone(),
            entities: participants.clone(),
            span: sentence.span,
            inferred: inferred.is_some(),
        });
    }
    if let Some((sentence, date)) = headline {
        if !events
            .iter()
            .any(|e| segments.sentences[sentence].span == e.span)
        {
            let span = segments.sentences[sentence].span;
            events.push(Event {
                date: When::Date(PartialDate::day(date)),
                summary: summarise(&text[span.range()]),
                entities: participants(mentions, sentence, entity_of_mention, &stamped),
                span,
                inferred: false,
            });
        }
    }
    events.sort_by_key(|e| (e.date, e.span.start));
    events
}

/// The entities mentioned in `sentence` outside the stamps, once each, in order of mention.
fn participants(
    mentions: &[Mention],
    sentence: usize,
    entity_of_mention: &[u32],
    stamped: &dyn Fn(Span) -> bool,
) -> Vec<u32> {
    // Mentions are in text order, so a sentence's mentions are one run of the list.
    let first = mentions.partition_point(|m| m.sentence < sentence);
    let mut seen = FastSet::default();
    mentions[first..]
        .iter()
        .zip(&entity_of_mention[first..])
        .take_while(|(m, _)| m.sentence == sentence)
        .filter(|&(m, &entity)| !stamped(m.span) && seen.insert(entity))
        .map(|(_, &entity)| entity)
        .collect()
}

/// The first calendar date stated in each sentence: what a duration in it counts back from.
fn first_dates_by_sentence(times: &[TimeExpression], sentences: usize) -> Vec<Option<PartialDate>> {
    let mut dates = vec![None; sentences];
    for time in times.iter().filter(|t| t.kind == TimeType::Date) {
        let first = &mut dates[time.sentence];
        *first = first.or(time.date);
    }
    dates
}

/// The start of what a duration measures: "31 years of development" began 31 years before the
/// sentence's own date (`sentence_date`, a stated date in the sentence, else the article's date);
/// "three years after an outbreak" puts the outbreak three years before it.
fn implied_date(
    text: &str,
    duration: &TimeExpression,
    sentence_date: Option<PartialDate>,
    reference: Option<Date>,
) -> Option<PartialDate> {
    if duration.kind != TimeType::Duration {
        return None;
    }
    let after = text[duration.span.end..].trim_start();
    let anchors_event = ["of ", "after ", "since "]
        .iter()
        .any(|w| after.starts_with(w));
    if !anchors_event {
        return None;
    }
    let (count, unit) = parse_duration(&duration.value)?;
    let anchor = sentence_date.or(reference.map(PartialDate::day))?;
    // Counts are checked against the contract's years (0000-9999) before any arithmetic.
    const MOST_YEARS: i32 = 10_000;
    let implied = match unit {
        'Y' if count <= MOST_YEARS => PartialDate::year(anchor.year - count),
        'M' if count <= MOST_YEARS * 12 => {
            let (year, month) = shift_month(anchor.year, anchor.month?, -count);
            PartialDate::month(year, month)
        }
        'D' if count <= MOST_YEARS * 366 => PartialDate::day(
            Date::new(anchor.year, anchor.month?, anchor.day?)?.add_days(-i64::from(count)),
        ),
        _ => return None,
    };
    (0..=9999).contains(&implied.year).then_some(implied)
}

/// `P31Y` → (31, 'Y'); vague (`PXY`) and clock durations (`PT3H`) give `None`.
fn parse_duration(value: &str) -> Option<(i32, char)> {
    let body = value.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let count = body[..body.len() - 1].parse().ok()?;
    Some((count, unit))
}

fn summarise(sentence: &str) -> String {
    if sentence.chars().count() <= SUMMARY_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(SUMMARY_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("P31Y"), Some((31, 'Y')));
        assert_eq!(parse_duration("PXY"), None);
        assert_eq!(parse_duration("PT3H"), None);
    }

    #[test]
    fn weeks_sort_between_their_month_and_their_days() {
        let day = |y, m, d| When::Date(PartialDate::day(Date::new(y, m, d).unwrap()));
        let mut dates = [
            day(2024, 7, 1),
            When::Week(2024, 27),
            When::Date(PartialDate::month(2024, 7)),
            day(2024, 6, 30),
            When::Date(PartialDate::year(2024)),
            When::Week(2025, 1),
            day(2024, 12, 30),
        ];
        dates.sort();
        let iso: Vec<String> = dates.iter().map(When::iso).collect();
        // 2024-W27 begins on Monday 1 July; 2025-W01 on Monday 30 December 2024.
        assert_eq!(
            iso,
            [
                "2024",
                "2024-06-30",
                "2024-07",
                "2024-W27",
                "2024-07-01",
                "2025-W01",
                "2024-12-30"
            ]
        );
        assert_eq!(When::week("2024-W27"), Some(When::Week(2024, 27)));
        for not_a_week in ["XXXX-W27", "2021-W53", "2024-W00", "24-W01", "2024-05"] {
            assert_eq!(When::week(not_a_week), None, "{not_a_week}");
        }
    }

    #[test]
    fn weeks_are_events() {
        let options = crate::Options::parse(Some("2024-06-25"), None).unwrap();
        let analysis = crate::analyse(
            "Parliament passed the bill on Tuesday. It will vote again next week.",
            &options,
        );
        let dates: Vec<&str> = analysis.timeline.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates, ["2024-06-25", "2024-W27"]);
    }

    #[test]
    fn long_sentences_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let summary = summarise(&long);
        assert!(summary.ends_with("word…") && summary.chars().count() <= SUMMARY_CHARS + 1);
    }
}
