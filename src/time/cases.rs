//! Case tables for the time forms: each family's file lists (text, reference date, every
//! expression found with its value), negative cases included, and checks them here.

use super::find_times;
use crate::segment::segment;
use crate::time::calendar::Date;

/// An expression's text and value.
pub(crate) type Valued = (&'static str, &'static str);

/// One row: the text, the reference date, and every expression found with its value.
pub(crate) type Case = (&'static str, &'static str, &'static [Valued]);

/// Every time expression found in `text` against `reference` (ISO date), with its value.
pub(crate) fn values(text: &str, reference: &str) -> Vec<(String, String)> {
    find_times(text, &segment(text), Date::parse_iso(reference), None)
        .0
        .into_iter()
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.value))
        .collect()
}

/// Checks every row of a table, naming the text of the first row that differs.
pub(crate) fn check_table(table: &[Case]) {
    for &(text, reference, expected) in table {
        let found = values(text, reference);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|&(t, v)| (t.to_string(), v.to_string()))
            .collect();
        assert_eq!(found, expected, "{text:?}");
    }
}
