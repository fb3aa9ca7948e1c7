//! Time expressions: recognised in sentences ([`mod@recognise`]), anchored to the article's own date
//! ([`mod@reference`]) and normalised to TIMEX3 values ([`mod@resolve`]) over a small civil [`calendar`].

pub mod calendar;
#[cfg(test)]
pub(crate) mod cases;
pub mod cursor;
pub(crate) mod forms;
pub(crate) mod leads;
pub mod recognise;
pub mod reference;
pub mod resolve;
pub mod tense;
pub(crate) mod words;

use crate::Span;
use calendar::PartialDate;

/// The TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeType {
    pub fn label(self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A normalised time expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpression {
    pub span: Span,
    pub kind: TimeType,
    /// TIMEX3 value: `2023-05-19`, `2023-W20`, `P31Y`, `PRESENT_REF`, `XXXX-05-19` when no year is known.
    pub value: String,
    /// The calendar date it names, when it names one: what the timeline orders by.
    pub date: Option<PartialDate>,
    pub sentence: usize,
}

use crate::segment::Segments;
use calendar::Date;

use recognise::{recognise, Candidate, Reading};
use resolve::{needs_tense, resolve, Context};

/// How the article writes numeric dates such as 03/04/2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    DayFirst,
    MonthFirst,
}

impl NumericOrder {
    pub fn label(self) -> &'static str {
        match self {
            NumericOrder::DayFirst => "day-first",
            NumericOrder::MonthFirst => "month-first",
        }
    }
}

/// Every time expression in the content sentences, resolved against `reference`, and the order
/// of the article's numeric dates when it has any. `lean` is what the page says of that order
/// (a US state in the dateline, a time zone in the publication line), asked when no numeric
/// date decides it by being impossible the other way (14/03 is day-first).
pub fn find_times(
    text: &str,
    segments: &Segments,
    reference: Option<Date>,
    lean: Option<NumericOrder>,
) -> (Vec<TimeExpression>, Option<NumericOrder>) {
    let per_sentence: Vec<Vec<Candidate>> = segments
        .sentences
        .iter()
        .map(|s| recognise(&text[s.span.start..s.span.end], s.span.start))
        .collect();
    let order = numeric_order(text, per_sentence.iter().flatten(), lean);
    let day_first = order != Some(NumericOrder::MonthFirst);
    let mut found = Vec::with_capacity(per_sentence.iter().map(Vec::len).sum());
    let mut stated: Option<(usize, i32)> = None; // (block, year) of the latest date stated in full
    let mut tenses = tense::SentenceTenses::default();
    for (index, candidates) in per_sentence.into_iter().enumerate() {
        let sentence = segments.sentences[index];
        if candidates.is_empty() {
            continue;
        }
        // The sentence's verbs are read for the first expression that needs its tense, if any.
        let mut tenses_read = false;
        for candidate in candidates {
            let stated_year = stated
                .filter(|&(block, _)| block == sentence.block)
                .map(|(_, year)| year);
            let tense = if needs_tense(candidate.reading) {
                if !tenses_read {
                    tenses.read(&text[sentence.span.start..sentence.span.end]);
                    tenses_read = true;
                }
                tenses.at(candidate.span.start - sentence.span.start)
            } else {
                tense::Tense::Unknown
            };
            let context = Context {
                reference,
                tense,
                stated_year,
                day_first,
            };
            let (mut value, date) = resolve(candidate.reading, candidate.kind, &context);
            if let (Some(code), Some(PartialDate { day: Some(_), .. })) =
                (candidate.part_of_day, date)
            {
                value = format!("{value}{code}");
            }
            if let Reading::Absolute(p) = candidate.reading {
                if p.month.is_some() {
                    stated = Some((sentence.block, p.year));
                }
            }
            found.push(TimeExpression {
                span: candidate.span,
                kind: candidate.kind,
                value,
                date,
                sentence: index,
            });
        }
    }
    (found, order)
}

/// The order of the numeric dates among `candidates`, if there are any: the one a date can
/// only be read in (14/03/2025 is day-first, 03/14/2025 month-first); else `lean`; else the
/// way the article writes dates with the month in words ("March 3" or "3 March"); else
/// day-first, as most of the world writes them.
fn numeric_order<'a>(
    text: &str,
    candidates: impl Iterator<Item = &'a Candidate>,
    lean: Option<NumericOrder>,
) -> Option<NumericOrder> {
    let mut numeric = false;
    let mut month_first_only = false;
    let mut words = 0i32; // month-first written dates less day-first ones
    for candidate in candidates {
        match candidate.reading {
            Reading::Numeric { first, second, .. } => {
                numeric = true;
                if first > 12 {
                    return Some(NumericOrder::DayFirst);
                }
                month_first_only |= second > 12;
            }
            Reading::Absolute(PartialDate { day: Some(_), .. })
            | Reading::MonthDay { day: Some(_), .. } => {
                let written = &text[candidate.span.start..candidate.span.end];
                match written.bytes().next() {
                    Some(b) if b.is_ascii_digit() => words -= 1,
                    Some(b) if b.is_ascii_uppercase() && !written.contains(',') => words += 1,
                    Some(b) if b.is_ascii_uppercase() => {
                        // "March 3, 2025" but not "Friday, 3 March"
                        let second_word = written.split_whitespace().nth(1).unwrap_or("");
                        if second_word.starts_with(|c: char| c.is_ascii_digit()) {
                            words += 1;
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    if !numeric {
        return None;
    }
    Some(if month_first_only {
        NumericOrder::MonthFirst
    } else if let Some(lean) = lean {
        lean
    } else if words > 0 {
        NumericOrder::MonthFirst
    } else {
        NumericOrder::DayFirst
    })
}

#[cfg(test)]
mod tests {
    use super::cases::{check_table, values, Valued};

    #[test]
    fn tense_decides_the_direction_of_a_weekday() {
        let v = values(
            "He arrived on Friday. He will travel to Astana on Friday.",
            "2023-05-20",
        );
        assert_eq!(
            v,
            [
                ("Friday".into(), "2023-05-19".into()),
                ("Friday".into(), "2023-05-26".into())
            ]
        );
    }

    #[test]
    fn a_month_takes_the_year_stated_in_its_paragraph() {
        let v = values(
            "Construction began in April 2024 and ended in May.",
            "2026-01-10",
        );
        assert_eq!(v[1], ("May".into(), "2024-05".into()));
    }

    /// (text, reference date, every expression found with its value). Numbers with thousands
    /// separators, counts past the contract's years (0000-9999) and past any integer, and the
    /// non-breaking spaces sites put inside dates and times.
    const EDGES: &[(&str, &str, &[Valued])] = &[
        (
            "about 3,000 years ago",
            "2024-03-12",
            &[("3,000 years ago", "PAST_REF")],
        ),
        (
            "about 1,200 days ago",
            "2024-03-12",
            &[("1,200 days ago", "2020-11-28")],
        ),
        (
            "it lasted 1,000 days",
            "2024-03-12",
            &[("1,000 days", "P1000D")],
        ),
        (
            "some 2,500 years later",
            "2024-03-12",
            &[("2,500 years", "P2500Y")],
        ),
        (
            "over 1,000,000 years",
            "2024-03-12",
            &[("1,000,000 years", "P1000000Y")],
        ),
        ("in 2019,500 people came", "2024-03-12", &[]),
        (
            "2000000000000000000 weeks ago",
            "2024-03-12",
            &[("2000000000000000000 weeks ago", "PAST_REF")],
        ),
        (
            "99999999999 years ago",
            "2024-03-12",
            &[("99999999999 years ago", "PAST_REF")],
        ),
        (
            "2000000000000000000 months ago",
            "2024-03-12",
            &[("2000000000000000000 months ago", "PAST_REF")],
        ),
        (
            "2000000000000000000 decades",
            "2024-03-12",
            &[("2000000000000000000 decades", "PXY")],
        ),
        (
            "99999999999999999999 years",
            "2024-03-12",
            &[("99999999999999999999 years", "PXY")],
        ),
        (
            "on May\u{a0}20, 2023",
            "2024-03-12",
            &[("May\u{a0}20, 2023", "2023-05-20")],
        ),
        (
            "on 20\u{202f}May 2023",
            "2024-03-12",
            &[("20\u{202f}May 2023", "2023-05-20")],
        ),
        (
            "at 10:30\u{a0}p.m.",
            "2024-03-12",
            &[("10:30\u{a0}p.m.", "2024-03-12T22:30")],
        ),
    ];

    #[test]
    fn edges_of_numbers_ranges_and_spaces() {
        check_table(EDGES);
    }

    /// Wire copy: tense ahead of the article's date, deadlines, clock times with their zones,
    /// parts of months, full stops, translated years, and what is no time at all.
    const WIRE_COPY: &[(&str, &str, &[Valued])] = &[
        (
            "Prices rose in 2022. The rollout will begin on April 15.",
            "2024-03-12",
            &[("2022", "2022"), ("April 15", "2024-04-15")],
        ),
        (
            "The agency would publish the findings by the end of June.",
            "2024-03-12",
            &[("the end of June", "2024-06")],
        ),
        (
            "The cabinet will discuss the plan on Wednesday, a spokesperson said.",
            "2024-10-21",
            &[("Wednesday", "2024-10-23")],
        ),
        (
            "Work will begin in April, the director said on Sunday.",
            "2025-03-03",
            &[("April", "2025-04"), ("Sunday", "2025-03-02")],
        ),
        (
            "Filings are due by January 15, the regulator said.",
            "2024-11-18",
            &[("January 15", "2025-01-15")],
        ),
        (
            "Prices had fallen by March.",
            "2024-11-18",
            &[("March", "2024-03")],
        ),
        (
            "The arrears will be paid in December.",
            "2024-11-25",
            &[("December", "2024-12")],
        ),
        (
            "Talks begin at 9:30 a.m. GMT+8 and end at 2:45 p.m. EST.",
            "2025-03-03",
            &[
                ("9:30 a.m. GMT+8", "2025-03-03T09:30+08:00"),
                ("2:45 p.m. EST", "2025-03-03T14:45-05:00"),
            ],
        ),
        (
            "Dockers returned at 10:00 GMT and the port opened at 11.05 BST.",
            "2025-03-03",
            &[
                ("10:00 GMT", "2025-03-03T10:00Z"),
                ("11.05 BST", "2025-03-03T11:05+01:00"),
            ],
        ),
        (
            "Shares rose 5.20 percent at 16:30 UTC+05:30.",
            "2025-03-03",
            &[("16:30 UTC+05:30", "2025-03-03T16:30+05:30")],
        ),
        (
            "The talks ended on 2 May. The line opened in 2020 year.",
            "2025-05-20",
            &[("2 May", "2025-05-02"), ("2020", "2020")],
        ),
        (
            "Reporters at the Daily Harbour said so on 3 Sept. after the vote.",
            "2025-09-20",
            &[("3 Sept.", "2025-09-03")],
        ),
        ("The est. cost is 5.20 dollars.", "2025-03-03", &[]),
    ];

    #[test]
    fn wire_copy_times() {
        check_table(WIRE_COPY);
    }

    #[test]
    fn month_first_documents_are_detected() {
        let v = values("Filed 03/14/2025. Heard 04/03/2025.", "2025-05-01");
        assert_eq!(v[1].1, "2025-04-03");
    }
}
