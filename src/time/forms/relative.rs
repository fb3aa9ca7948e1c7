//! Dates relative to the article's: "three years ago", "next week", "the following day".

use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading, Unit};
use crate::time::words::{after_one_of, numbers, unit_word, word_number};
use crate::time::TimeType;

/// `(?i)(?:the\s+)?(last|next|this|previous|earlier this|later this|coming)\s+
/// (?:fiscal\s+|financial\s+)?(week|weekend|month|year)\b`: "last year", "the coming week".
pub(crate) fn unit_offset(c: &Cursor, start: usize) -> Option<Hit> {
    let at = c.optional_word(start, "the", true);
    let (offset, at) = relative_word(c, at)?;
    let at = after_one_of(c, c.space(at)?, &["fiscal", "financial"]);
    let (unit, end) = c.word_in(at, &["week", "weekend", "month", "year"], true)?;
    let unit = [Unit::Week, Unit::Week, Unit::Month, Unit::Year][unit];
    Hit::new(
        start,
        end,
        Some((TimeType::Date, Reading::UnitOffset(unit, offset))),
    )
}

/// `last|next|this|previous|earlier this|later this|coming` (any case) as an offset.
pub(crate) fn relative_word(c: &Cursor, at: usize) -> Option<(i32, usize)> {
    const WORDS: [&str; 5] = ["last", "next", "this", "previous", "coming"];
    if let Some((index, end)) = c.word_in(at, &WORDS, true) {
        return Some(([-1, 1, 0, -1, 0][index], end));
    }
    let (_, end) = c.word_in(at, &["earlier", "later"], true)?;
    let (_, end) = c.word_in(c.literal(end, " ", false)?, &["this"], true)?;
    Some((0, end))
}

/// "3 days ago".
pub(crate) fn ago_fits(n: &NumberWord) -> bool {
    n.counts_units && n.then_space()
}

/// `(?i)NUMBER\s+UNITs?\s+ago\b`: "three days ago".
pub(crate) fn ago(c: &Cursor, start: usize) -> Option<Hit> {
    numbers(c, start).into_iter().flatten().find_map(|(n, at)| {
        let (unit, _, at) = unit_word(c, c.space(at)?)?;
        let (_, end) = c.word_in(c.space(at)?, &["ago"], true)?;
        let read = word_number(n).map(|n| (TimeType::Date, Reading::Ago(unit, n)));
        Hit::new(start, end, read)
    })
}

/// `(?i)(now|currently|at present|nowadays|at the moment|recently|lately|in the past|the past|
/// in the future|the future)\b`: TIMEX3's present, past and future references.
pub(crate) fn reference_phrase(c: &Cursor, start: usize) -> Option<Hit> {
    const PHRASES: [(&str, &str); 11] = [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("at present", "PRESENT_REF"),
        ("nowadays", "PRESENT_REF"),
        ("at the moment", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("lately", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("in the future", "FUTURE_REF"),
        ("the future", "FUTURE_REF"),
    ];
    let first = c.byte(start)?.to_ascii_lowercase();
    let (end, value) = PHRASES
        .iter()
        .filter(|(phrase, _)| phrase.as_bytes()[0] == first)
        .find_map(|&(phrase, value)| c.phrase(start, phrase, true).map(|end| (end, value)))?;
    Hit::new(start, end, Some((TimeType::Date, Reading::Ref(value))))
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("three years ago", REFERENCE, &[("three years ago", "2021")]),
        ("next week", REFERENCE, &[("next week", "2024-W12")]),
        (
            "the following day",
            REFERENCE,
            &[("the following day", "P1D")],
        ),
        ("two weeks later", REFERENCE, &[("two weeks", "P2W")]),
        ("in two days", REFERENCE, &[("two days", "P2D")]),
    ];

    #[test]
    fn dates_counted_from_the_reference() {
        check_table(CASES);
    }
}
