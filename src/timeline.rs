//! Dated events: each content sentence that names a calendar date becomes an event on that date,
//! with the entities mentioned in it as participants, ordered by date.

use crate::entities::{Entity, Mention};
use crate::segment::Segments;
use crate::time::calendar::PartialDate;
use crate::time::{TimeExpression, TimeType};
use crate::Span;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: PartialDate,
    /// The sentence, shortened to [`SUMMARY_CHARS`] at a word boundary.
    pub summary: String,
    /// Ids of the entities mentioned in the sentence, in order of mention.
    pub entities: Vec<u32>,
    /// The sentence.
    pub span: Span,
    /// Index of the time expression that dates the event.
    pub time: usize,
}

pub const SUMMARY_CHARS: usize = 200;

/// Builds the timeline: one event per sentence and distinct date, sorted by date then position.
/// Time expressions and mentions inside `stamps` (the dateline and page date, which date the
/// article rather than an event) are left out.
pub fn build_timeline(text: &str, segments: &Segments, times: &[TimeExpression], mentions: &[Mention], entities: &[Entity], stamps: &[Span]) -> Vec<Event> {
    let stamped = |span: Span| stamps.iter().any(|s| s.contains(span));
    let mut entity_of_mention = vec![0u32; mentions.len()];
    for entity in entities {
        for &m in &entity.mentions {
            entity_of_mention[m] = entity.id;
        }
    }
    let mut events: Vec<Event> = Vec::new();
    for (index, time) in times.iter().enumerate() {
        let Some(date) = time.date.filter(|_| matches!(time.kind, TimeType::Date | TimeType::Time)) else { continue };
        if stamped(time.span) {
            continue;
        }
        let sentence = segments.sentences[time.sentence];
        if events.iter().any(|e| e.span == sentence.span && e.date == date) {
            continue;
        }
        let mut participants: Vec<u32> = Vec::new();
        for (m, mention) in mentions.iter().enumerate() {
            if mention.sentence == time.sentence && !stamped(mention.span) && !participants.contains(&entity_of_mention[m]) {
                participants.push(entity_of_mention[m]);
            }
        }
        events.push(Event { date, summary: summarise(&text[sentence.span.start..sentence.span.end]), entities: participants, span: sentence.span, time: index });
    }
    events.sort_by_key(|e| (e.date, e.span.start));
    events
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
    fn long_sentences_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let summary = summarise(&long);
        assert!(summary.ends_with("word…") && summary.chars().count() <= SUMMARY_CHARS + 1);
    }
}
