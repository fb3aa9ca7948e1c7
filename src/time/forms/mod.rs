//! The forms a time expression takes, one file per family (as chrono-node keeps one parser per
//! pattern family): each form beside the pre-check that turns away numbers it cannot start with,
//! and a table of cases (text, reference date, every expression found with its value), the
//! negative ones included. [`super::recognise`] declares their order and tries them.

pub(crate) mod clock;
pub(crate) mod dates;
pub(crate) mod days;
pub(crate) mod durations;
pub(crate) mod months_years;
pub(crate) mod quarters_seasons;
pub(crate) mod relative;
pub(crate) mod sets;
