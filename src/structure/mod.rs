//! The page around the story: headline, byline, dateline and credits, read before the body is
//! analysed, so that the wire service stays apart from the place, credited people are people
//! with a role, and the headline can stand on the timeline.
//!
//! The page's date stamps (publication line, dateline date) are read by
//! [`crate::time::reference`], which needs the time recogniser.

pub mod credits;
pub mod dateline;

use crate::entities::in_text_order;
use crate::entities::names::phrase_key;
use crate::entities::{EntityType, Mention};
use crate::hash::WordList;

use crate::segment::{Chrome, Segments};
use crate::time::recognise::may_start_with_full_date;
use crate::time::NumericOrder;
use crate::Span;
use credits::{byline_names, credit_names, name_line, Credit};
use dateline::{dateline_shape, DatelineShape};

/// What the page says about its story, as byte spans into the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    pub headline: Option<Span>,
    /// The line under the headline that sums the story up ("Aid agencies warn rations could
    /// fall by half").
    pub standfirst: Option<Span>,
    /// The byline's line.
    pub byline: Option<Span>,
    /// The first dateline, with spans moved into the text. It opens its line with its place,
    /// so it runs from `place.start` to `end`.
    pub dateline: Option<DatelineShape>,
    /// Bylined and credited people, spans in the text, in text order.
    pub credits: Vec<Credit>,
    /// The lines credits were read from: names there are the credits', nothing else's.
    pub credit_lines: Vec<Span>,
    /// Datelines of further stories pasted below the first ("LUSAKA, March 11, 2025 —"): like
    /// the first, they date a story, not an event.
    pub later_datelines: Vec<Span>,
}

/// How far down the page the header (headline, byline, stamps) may reach.
const HEADER_BLOCKS: usize = 12;

/// Credit lines are short; longer lines are not read for credits.
const CREDIT_LINE_BYTES: usize = 240;

/// Reads the page's structure.
pub fn read_structure(text: &str, segments: &Segments) -> Structure {
    let mut page = Structure::default();
    let blocks = &segments.blocks;
    let line = |i: usize| &text[blocks[i].span.range()];
    // The header: the lines before the first paragraph of prose or the dateline.
    let mut header_end = blocks.len().min(HEADER_BLOCKS);
    for (i, block) in blocks.iter().enumerate().take(header_end) {
        if block.chrome != Chrome::Content {
            continue;
        }
        if let Some(shape) = dateline_shape(line(i)) {
            let at = block.span.start;
            page.dateline = Some(DatelineShape {
                end: at + shape.end,
                place: shape.place.shifted(at),
                region: shape.region.map(|s| s.shifted(at)),
                date: shape.date.map(|s| s.shifted(at)),
                agency: shape.agency.map(|s| s.shifted(at)),
            });
            header_end = i;
            break;
        }
        if is_paragraph(line(i)) {
            header_end = i;
            break;
        }
    }
    let first_content = blocks.iter().position(|b| b.chrome == Chrome::Content);
    if let Some(first) = first_content.filter(|&i| i < header_end) {
        if reads_as_headline(line(first)) {
            page.headline = Some(blocks[first].span);
            page.standfirst = blocks[first + 1..header_end]
                .iter()
                .find(|b| b.chrome == Chrome::Content)
                .filter(|b| reads_as_standfirst(&text[b.span.range()]))
                .map(|b| b.span);
        }
    }
    for block in &blocks[..header_end] {
        let not_byline = [page.headline, page.standfirst].contains(&Some(block.span));
        if block.chrome != Chrome::Content || not_byline {
            continue;
        }
        let line = &text[block.span.range()];
        let credited = credit_names(line);
        if !credited.is_empty() {
            add_credits(&mut page, block.span, credited);
            continue;
        }
        if page.byline.is_some() {
            continue;
        }
        let mut names = byline_names(line);
        if names.is_empty() {
            names = name_line(line);
        }
        if !names.is_empty() {
            page.byline = Some(block.span);
            add_credits(&mut page, block.span, names);
        }
    }
    for block in &blocks[header_end..] {
        let line = &text[block.span.range()];
        if block.chrome != Chrome::Content {
            continue;
        }
        if let Some(shape) = dateline_shape(line) {
            let at = block.span.start;
            page.later_datelines.push(Span::new(at, at + shape.end));
        }
        if line.len() > CREDIT_LINE_BYTES {
            continue;
        }
        let names = credit_names(line);
        if !names.is_empty() {
            add_credits(&mut page, block.span, names);
        }
    }
    page
}

/// Adds the credits read in `line` (offsets into it) to the page.
fn add_credits(page: &mut Structure, line: Span, credits: Vec<Credit>) {
    page.credit_lines.push(line);
    page.credits.extend(credits.into_iter().map(|c| Credit {
        name: c.name.shifted(line.start),
        ..c
    }));
}

impl Structure {
    /// Puts the credited people among `mentions` (in text order; it stays so) as people, in
    /// place of whatever the recognisers found over their names, and drops other mentions
    /// made of a credit's words ("Editing", "Photo").
    pub fn credit_people(&self, text: &str, segments: &Segments, mentions: &mut Vec<Mention>) {
        self.dateline_names(text, segments, mentions);
        if self.credits.is_empty() {
            return;
        }
        let credited = |span: Span| self.credits.iter().any(|c| c.name.overlaps(span));
        let in_credit_line = |span: Span| self.credit_lines.iter().any(|l| l.contains(span));
        mentions.retain(|m| {
            let role_word = in_credit_line(m.span) && is_role_word(&text[m.span.range()]);
            !credited(m.span) && !role_word
        });
        for credit in &self.credits {
            mentions.push(Mention {
                span: credit.name,
                kind: EntityType::Person,
                canonical: None,
                sentence: sentence_at(segments, credit.name),
                key: phrase_key(&text[credit.name.range()]).into(),
            });
        }
        in_text_order(mentions);
    }

    /// Which way the page's own signs say numeric dates go: month first under a dateline in a
    /// US state ("PORTLAND, Maine —") or a stamp in a North American zone (`zone`, minutes from
    /// UTC), day first under a stamp in any other zone.
    pub fn numeric_lean(&self, text: &str, zone: Option<i16>) -> Option<NumericOrder> {
        let places = MONTH_FIRST_PLACES.words();
        let region = self.dateline.and_then(|d| d.region);
        if region.is_some_and(|r| places.contains(&&text[r.range()])) {
            return Some(NumericOrder::MonthFirst);
        }
        zone.map(|minutes| {
            if (-600..=-240).contains(&minutes) {
                NumericOrder::MonthFirst
            } else {
                NumericOrder::DayFirst
            }
        })
    }

    /// The dateline's place is a place and its agency an organisation, whatever the recognisers
    /// made of them ("DAYTON, Ohio (WKMV)", "ALMATY. STEPPE-INFORM –"): two entities, never one.
    fn dateline_names(&self, text: &str, segments: &Segments, mentions: &mut Vec<Mention>) {
        let Some(dateline) = self.dateline else {
            return;
        };
        let names = [
            (Some(dateline.place), EntityType::Gpe),
            (dateline.agency, EntityType::Org),
        ];
        for (span, kind) in names {
            let Some(span) = span else { continue };
            mentions.retain(|m| !m.span.overlaps(span) || m.span == span);
            match mentions.iter_mut().find(|m| m.span == span) {
                Some(found) => found.kind = kind,
                None => mentions.push(Mention {
                    span,
                    kind,
                    canonical: None,
                    sentence: sentence_at(segments, span),
                    key: phrase_key(&text[span.range()]).into(),
                }),
            }
        }
        // The place written again in the story is the place ("DAYTON" ... "Dayton school board").
        let place = &text[dateline.place.range()];
        for m in mentions.iter_mut() {
            if text[m.span.range()].eq_ignore_ascii_case(place) {
                m.kind = EntityType::Gpe;
            }
        }
        in_text_order(mentions);
    }

    /// Whether `span` is inside a credited name: "Editing by Jan Harvey" names no month.
    pub fn in_credited_name(&self, span: Span) -> bool {
        self.credits.iter().any(|c| c.name.overlaps(span))
    }

    /// The role of the person named at `span`, if the page credits one there.
    pub fn role_at(&self, span: Span) -> Option<&'static str> {
        self.credits
            .iter()
            .find(|c| c.name == span)
            .map(|c| c.role.label())
    }
}

/// The index of the sentence `span` is in (or the nearest after it).
fn sentence_at(segments: &Segments, span: Span) -> usize {
    segments
        .sentences
        .partition_point(|s| s.span.end <= span.start)
        .min(segments.sentences.len().saturating_sub(1))
}

/// Places whose papers write numeric dates month first: the United States, as a dateline names it.
static MONTH_FIRST_PLACES: WordList =
    WordList::of_lines(include_str!("../../data/structure/month-first-places.txt"));

/// Words of a credit line that recognisers may take for names.
fn is_role_word(mention: &str) -> bool {
    let first = mention.split_whitespace().next().unwrap_or("");
    [
        "Reporting",
        "Additional",
        "Editing",
        "Writing",
        "Photo",
        "Photos",
        "Editor",
        "By",
    ]
    .contains(&first)
}

/// A paragraph of the story: long, and ending as a sentence does.
fn is_paragraph(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= 25 || (words >= 10 && line.trim_end().ends_with(['.', '"', '”', '!', '?']))
}

/// A short line with no full stop at its end that is not a date stamp or a byline.
fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=30).contains(&words) && !line.ends_with(['.', ':', '|']) && !is_stamp_or_byline(line)
}

/// A sentence of four words or more under the headline, not a byline, credit or stamp, and no
/// name alone: "Campaigners say closures will hit children hardest".
fn reads_as_standfirst(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (4..=45).contains(&words)
        && !is_stamp_or_byline(line)
        && name_line(line).is_empty()
        && credit_names(line).is_empty()
        && dateline_shape(line).is_none()
}

/// A byline ("By X", "by: X") or a date stamp ("Published ...", "14.03.2025 11:40").
fn is_stamp_or_byline(line: &str) -> bool {
    let lower_start = line.get(..3).map(str::to_ascii_lowercase);
    matches!(lower_start.as_deref(), Some("by " | "by:"))
        || may_start_with_full_date(line)
        || line.starts_with(|c: char| c.is_ascii_digit())
        || [
            "published",
            "updated",
            "posted",
            "last updated",
            "first published",
            "date:",
            "source:",
        ]
        .iter()
        .any(|lead| {
            line.as_bytes()
                .get(..lead.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(lead.as_bytes()))
        })
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn a_page_gives_its_headline_and_credits() {
        use crate::{segment::segment, structure::read_structure};
        let text = "Floods cut off villages\nBy Jane Doe\nNAIROBI, Kenya (AP) — Rain fell.\nReporting by Ann Lee; Editing by Bo Chan";
        let page = read_structure(text, &segment(text));
        assert_eq!(
            &text[page.headline.unwrap().range()],
            "Floods cut off villages"
        );
        let people: Vec<&str> = page.credits.iter().map(|c| &text[c.name.range()]).collect();
        assert_eq!(people, ["Jane Doe", "Ann Lee", "Bo Chan"]);
    }

    use super::*;
    use crate::segment::segment;

    #[test]
    fn headline_byline_and_dateline() {
        let text = "Kenya's refugee camps face food cuts\nAid agencies warn rations could fall\nAbdi Farah Warsame in Nairobi\nFirst published on Mon 3 Mar 2025 11.05 GMT\nFood rations for more than 700,000 refugees in Kenya will be cut from April, the agency said.";
        let page = read_structure(text, &segment(text));
        assert_eq!(
            &text[page.headline.unwrap().range()],
            "Kenya's refugee camps face food cuts"
        );
        assert_eq!(
            &text[page.standfirst.unwrap().range()],
            "Aid agencies warn rations could fall"
        );
        assert_eq!(&text[page.credits[0].name.range()], "Abdi Farah Warsame");
        assert_eq!(page.dateline, None);
    }

    /// Headers in other scripts and with odd spaces: every offset on a character boundary.
    #[test]
    fn headers_of_any_script_are_read_without_panicking() {
        for text in [
            "Antonín Dvořák\nBy Jiří\u{a0}Novák\u{a0}and Éva Kovács\nPRAHA, 3 March (ČTK) — Concert.",
            "Публикация\nBy Иван Петров | Published 03/03/2025\nMOSCOW (AP) — Text.",
            "By \u{a0}\u{2003}, &\nReporting by Ann\u{a0}Lee; Editing by Bo\u{200b}Chan\n(Photo: 李强/Xinhua)",
            "Pub\u{e9}\nPosted\u{a0}on May 2, 2025 by \u{a0}X",
        ] {
            let page = read_structure(text, &segment(text));
            for credit in &page.credits {
                assert!(text.get(credit.name.range()).is_some(), "{text:?}");
            }
        }
    }

    #[test]
    fn a_page_without_a_header() {
        let text = "The talks, which lasted for more than three hours in the capital, ended with a joint statement.";
        let page = read_structure(text, &segment(text));
        assert_eq!(page, Structure::default());
    }
}
