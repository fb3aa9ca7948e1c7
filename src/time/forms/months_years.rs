//! Months and years: "May 2024", "in March", "early May", "the end of June", "last month", centuries and decades.

use crate::time::calendar::PartialDate;
use crate::time::cursor::Cursor;
use crate::time::recognise::{Hit, NumberWord, Reading};
use crate::time::words::{
    after_modifier, after_one_of, month, month_alone, read_year, year4, year_number,
    ORDINAL_SUFFIXES,
};

use crate::time::TimeType;
use crate::Span;

pub(crate) const MONTH_MODIFIERS: [&str; 4] = ["early", "late", "mid-", "mid"];

/// `(?:(?i:early|late|mid-|mid)\s*)?MONTH\.?,?\s+(?:of\s+)?YEAR4`: "May 2023", "early March, 2024".
pub(crate) fn month_year(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_modifier(c, start, &MONTH_MODIFIERS).unwrap_or(start);
    let (month, at) = month(c, at)?;
    let at = c.space(c.optional(c.optional(at, "."), ","))?;
    let (year, end) = year4(c, c.optional_word(at, "of", false))?;
    let reading = Reading::Absolute(PartialDate::month(year as i32, month));
    Hit::new(start, end, Some((TimeType::Date, reading)))
}

/// `(?i:in|since|until|till|by|from|during|through|throughout|of|before|after|on)\s+MONTH\b`:
/// "in May" is tagged "May", the preposition being context, not part of the expression.
pub(crate) fn month_after_preposition(c: &Cursor, start: usize) -> Option<Hit> {
    const PREPOSITIONS: [&str; 13] = [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "during",
        "through",
        "throughout",
        "of",
        "before",
        "after",
        "on",
    ];
    let (_, at) = c.word_in(start, &PREPOSITIONS, true)?;
    let month_start = c.space(at)?;
    let (month, end) = month(c, month_start)?;
    Hit::new(month_start, end, month_alone(month))
}

/// `(?i:early|late|mid-|mid)\s*MONTH\b`: "early May" (the modifier is part of it).
pub(crate) fn modified_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (month, end) = month(c, after_modifier(c, start, &MONTH_MODIFIERS)?)?;
    Hit::new(start, end, month_alone(month))
}

/// `(?i)the\s+(?:end|start|beginning|middle)\s+of\s+MONTH(?:,?\s+YEAR4)?\b`: "the end of
/// June" is June (TIMEX3 keeps the month; the part is a modifier it has no value for).
pub(crate) fn part_of_month(c: &Cursor, start: usize) -> Option<Hit> {
    let (_, at) = c.word_in(start, &["the"], true)?;
    let (_, at) = c.word_in(c.space(at)?, &["end", "start", "beginning", "middle"], true)?;
    let (_, at) = c.word_in(c.space(at)?, &["of"], true)?;
    let (month, end) = month(c, c.space(at)?)?;
    let with_year = c.space(c.optional(end, ",")).and_then(|at| year4(c, at));
    match with_year {
        Some((year, end)) => Hit::new(
            start,
            end,
            Some((
                TimeType::Date,
                Reading::Absolute(PartialDate::month(year as i32, month)),
            )),
        ),
        None => Hit::new(start, end, month_alone(month)),
    }
}

/// `(?i)(?:(?:early|late|mid)\s+)?(last|next|this)\s+MONTH\b`: "last September".
pub(crate) fn relative_month(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_one_of(c, start, &["early", "late", "mid"]);
    let (relative, at) = c.word_in(at, &["last", "next", "this"], true)?;
    let (month, end) = month(c, c.space(at)?)?;
    let offset = [-1, 1, 0][relative];
    Hit::new(
        start,
        end,
        Some((TimeType::Date, Reading::RelativeMonth { month, offset })),
    )
}

/// "2023", "1990s".
pub(crate) fn year_fits(n: &NumberWord) -> bool {
    n.digits == 4 && (n.is_bare() || n.rest == "s")
}

/// `(?:(?i:mid-|early|late)\s*)?YEAR(s)?\b`: "2023", "the 1990s", "mid-2024"; not amounts
/// ("$2023", "2,023", "2023%") or parts of other numbers ("2023-13-45").
pub(crate) fn year(c: &Cursor, start: usize) -> Option<Hit> {
    let at = after_modifier(c, start, &["mid-", "early", "late"]).unwrap_or(start);
    let (year, at) = year_number(c, at)?;
    let decade_end = c.literal(at, "s", false).filter(|&end| c.boundary(end));
    let end = decade_end.unwrap_or(at);
    if !c.boundary(end) {
        return None;
    }
    let read = read_year(
        c.text,
        Span::new(start, end),
        year as i32,
        decade_end.is_some(),
    );
    Hit::new(start, end, read)
}

/// "19th century", "21ST century".
pub(crate) fn century_fits(n: &NumberWord) -> bool {
    n.digits <= 2 && n.is_ordinal_any_case() && n.then_space()
}

/// `(?i)(?:the\s+)?[12]?[0-9](?:st|nd|rd|th)\s+century\b`: "the 20th century".
pub(crate) fn century(c: &Cursor, start: usize) -> Option<Hit> {
    let at = c.optional_word(start, "the", true);
    let (number, at) = c.short_number(at, b'1'..=b'2')?;
    let at = ORDINAL_SUFFIXES
        .iter()
        .find_map(|s| c.literal(at, s, true))?;
    let (_, end) = c.word_in(c.space(at)?, &["century"], true)?;
    let read = (1..=22)
        .contains(&number)
        .then_some((TimeType::Date, Reading::Century(number as i32 - 1)));
    Hit::new(start, end, read)
}

#[cfg(test)]
mod tests {
    use crate::time::cases::{check_table, Case};

    const REFERENCE: &str = "2024-03-12";

    /// (text, reference date, every expression found with its value); the empty rows are
    /// the negative cases: text this family must not read as a time.
    const CASES: &[Case] = &[
        ("in March", REFERENCE, &[("March", "2024-03")]),
        ("early May", REFERENCE, &[("early May", "2024-05")]),
        ("mid-June", REFERENCE, &[("mid-June", "2024-06")]),
        ("late 2023", REFERENCE, &[("late 2023", "2023")]),
        (
            "the end of May",
            REFERENCE,
            &[("the end of May", "2024-05")],
        ),
        ("last month", REFERENCE, &[("last month", "2024-02")]),
        ("in 2023", REFERENCE, &[("2023", "2023")]),
        ("the year 2000", REFERENCE, &[("2000", "2000")]),
        (
            "in the 19th century",
            REFERENCE,
            &[("the 19th century", "18")],
        ),
        ("the 1990s", REFERENCE, &[("1990s", "199")]),
        ("May", REFERENCE, &[]),
        ("March on", REFERENCE, &[]),
        ("may be", REFERENCE, &[]),
    ];

    #[test]
    fn months_years_centuries_and_decades() {
        check_table(CASES);
    }
}
