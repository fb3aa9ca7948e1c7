//! Turning readings into TIMEX3 values with news semantics: past-tense reporting looks back from
//! the article's date ("on Friday" is the last Friday), future tense looks ahead, a month without a
//! year takes the year of the nearest stated date, and granularity is kept ("last year" = `2022`).

use super::calendar::{days_in_month, Date, PartialDate};
use super::recognise::{Reading, Unit, YearRef};
use super::tense::Tense;
use super::TimeType;

/// What a reading is resolved against.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    pub reference: Option<Date>,
    /// The tense around the expression ("will travel", "met").
    pub tense: Tense,
    /// The year of the latest date stated in full before this expression, if any.
    pub stated_year: Option<i32>,
    /// Numeric dates in this document are day-first (14/03/2025).
    pub day_first: bool,
}

/// Whether [`resolve`] looks at `context.tense` for `reading`: only a weekday ("on Friday") and a
/// month or day without a year ("May 20") take their direction from it. Finding the tense means
/// reading the sentence's verbs, spared for the other readings (most of them).
pub fn needs_tense(reading: Reading) -> bool {
    matches!(reading, Reading::Weekday(_) | Reading::MonthDay { .. })
}

/// The TIMEX3 value of a reading and, when it names a calendar date, that date.
pub fn resolve(
    reading: Reading,
    kind: TimeType,
    context: &Context,
) -> (String, Option<PartialDate>) {
    let point = |p: PartialDate| (p.iso(), Some(p));
    let reference = context.reference;
    match reading {
        Reading::Absolute(date) => {
            let (value, date) = point(date);
            (
                if kind == TimeType::Time {
                    value + "T00:00"
                } else {
                    value
                },
                date,
            )
        }
        Reading::MonthDay { month, day } => match year_for(month, day, context) {
            Some(year) => match day {
                Some(day) => Date::new(year, month, day)
                    .map_or((format!("{year:04}-{month:02}-{day:02}"), None), |d| {
                        point(PartialDate::day(d))
                    }),
                None => point(PartialDate::month(year, month)),
            },
            None => (
                day.map_or(format!("XXXX-{month:02}"), |d| {
                    format!("XXXX-{month:02}-{d:02}")
                }),
                None,
            ),
        },
        Reading::Numeric {
            first,
            second,
            year,
        } => numeric_date(first, second, year, context.day_first)
            .map_or((format!("{year:04}-XX-XX"), None), |d| {
                point(PartialDate::day(d))
            }),
        Reading::Weekday(weekday) => match reference {
            Some(r) if context.tense == Tense::Future => {
                point(PartialDate::day(r.next_or_same(weekday)))
            }
            Some(r) => point(PartialDate::day(r.previous_or_same(weekday))),
            None => (format!("XXXX-WXX-{}", weekday + 1), None),
        },
        Reading::DayOffset(days) => match reference {
            Some(r) => point(PartialDate::day(r.add_days(days))),
            None => ("XXXX-XX-XX".to_string(), None),
        },
        Reading::UnitOffset(unit, offset) => reference.map_or(("XXXX".to_string(), None), |r| {
            shifted(r, unit, i64::from(offset))
        }),
        // "a week ago" names a day: the date seven days back.
        Reading::Ago(Unit::Week, count) => reference.map_or(("PAST_REF".to_string(), None), |r| {
            match count.checked_mul(7) {
                Some(days) => shifted(r, Unit::Day, -days),
                None => ("PAST_REF".to_string(), None),
            }
        }),
        Reading::Ago(unit, count) => {
            reference.map_or(("PAST_REF".to_string(), None), |r| shifted(r, unit, -count))
        }
        Reading::Clock { hour, minute, zone } => {
            let zone = zone_suffix(zone);
            match reference {
                Some(r) => (
                    format!("{r}T{hour:02}:{minute:02}{zone}"),
                    Some(PartialDate::day(r)),
                ),
                None => (format!("XXXX-XX-XXT{hour:02}:{minute:02}{zone}"), None),
            }
        }
        Reading::Decade(decade) => (decade.to_string(), None),
        Reading::Century(century) => (format!("{century:02}"), None),
        Reading::Duration(unit, count) => (duration(unit, count), None),
        Reading::Every(unit) => (duration(unit, Some(1)), None),
        Reading::Ref(value) => (value.to_string(), None),
        Reading::RelativeMonth { month, offset } => match reference {
            Some(r) => {
                let year = match offset {
                    -1 if month >= r.month => r.year - 1,
                    1 if month <= r.month => r.year + 1,
                    _ => r.year,
                };
                point(PartialDate::month(year, month))
            }
            None => (format!("XXXX-{month:02}"), None),
        },
        Reading::Quarter(quarter, YearRef::Unstated) => match reference {
            // "the fourth quarter" in January is the one just ended.
            Some(r) => {
                let current = (r.month - 1) / 3 + 1;
                let year = if quarter > current {
                    r.year - 1
                } else {
                    r.year
                };
                (format!("{year:04}-Q{quarter}"), None)
            }
            None => (format!("XXXX-Q{quarter}"), None),
        },
        Reading::Quarter(quarter, year) => match resolve_year(year, reference) {
            Some(y) => (format!("{y:04}-Q{quarter}"), None),
            None => (format!("XXXX-Q{quarter}"), None),
        },
        Reading::Season(season, year) => match resolve_year(year, reference) {
            Some(y) => (format!("{y:04}-{season}"), None),
            None => (format!("XXXX-{season}"), None),
        },
    }
}

/// "04/03/2025": day-first or month-first as the document writes them, unless only one order
/// makes a date (14/03/2025 is day-first in any document).
pub fn numeric_date(first: u8, second: u8, year: i32, day_first: bool) -> Option<Date> {
    let (day, month) = if (day_first && second <= 12) || first > 12 {
        (first, second)
    } else {
        (second, first)
    };
    Date::new(year, month, day)
}

fn resolve_year(year: YearRef, reference: Option<Date>) -> Option<i32> {
    match year {
        YearRef::Absolute(y) => Some(y),
        YearRef::Relative(offset) => reference.map(|r| r.year + offset),
        YearRef::Unstated => reference.map(|r| r.year),
    }
}

/// The year of "May 20" or "in May": the year of the latest full date stated before it; else the
/// reference year, stepped back when the date would fall after the article in past-tense reporting,
/// forward when a future-tense date would fall before it, and to the nearer side when the tense
/// says nothing.
fn year_for(month: u8, day: Option<u8>, context: &Context) -> Option<i32> {
    // A year stated earlier anchors a month, unless it is before the article's and the tense
    // points ahead: "will begin on April 15" after a mention of 2022 is still to come.
    let against_tense = |year: i32| match (context.tense, context.reference) {
        (Tense::Future, Some(r)) => year < r.year,
        _ => false,
    };
    if let Some(year) = context.stated_year.filter(|&y| !against_tense(y)) {
        return Some(year);
    }
    let reference = context.reference?;
    let day = day.unwrap_or(1).min(days_in_month(reference.year, month));
    let candidate = Date::new(reference.year, month, day)?;
    let same_month = month == reference.month;
    let days_after = candidate.days_since_epoch() - reference.days_since_epoch();
    Some(match context.tense {
        _ if same_month => reference.year,
        Tense::Past if days_after > 0 => reference.year - 1,
        Tense::Future if days_after < 0 => reference.year + 1,
        Tense::Unknown if days_after > 183 => reference.year - 1,
        Tense::Unknown if days_after < -183 => reference.year + 1,
        _ => reference.year,
    })
}

/// A zone's offset in TIMEX3 (ISO 8601): "Z" for UTC, "+08:00", "-05:00"; nothing for none.
pub fn zone_suffix(zone: Option<i16>) -> String {
    match zone {
        None => String::new(),
        Some(0) => "Z".to_string(),
        Some(minutes) => {
            let sign = if minutes < 0 { '-' } else { '+' };
            let minutes = minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    }
}

/// The point `offset` units from `reference`, as TIMEX3 and a date. The contract's years are
/// 0000-9999: a point outside them ("3,000 years ago" from 2024, "99999999999 years ago") is
/// `PAST_REF` or `FUTURE_REF`, and no arithmetic overflows on the way, whatever the count.
fn shifted(reference: Date, unit: Unit, offset: i64) -> (String, Option<PartialDate>) {
    let vague = || {
        let value = if offset < 0 { "PAST_REF" } else { "FUTURE_REF" };
        (value.to_string(), None)
    };
    let year_within = |year: i64| (0..=9999).contains(&year).then_some(year as i32);
    // Beyond this many days either way every date leaves the contract's years.
    const MOST_DAYS: i64 = 10_000 * 366;
    let days = match unit {
        Unit::Minute | Unit::Hour => Some(0),
        Unit::Day => Some(offset),
        Unit::Week => offset.checked_mul(7),
        _ => None,
    };
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => {
            let Some(days) = days.filter(|d| d.abs() <= MOST_DAYS) else {
                return vague();
            };
            let date = reference.add_days(days);
            if year_within(i64::from(date.year)).is_none() {
                return vague();
            }
            if unit == Unit::Week {
                let (year, week) = date.iso_week();
                (format!("{year:04}-W{week:02}"), None)
            } else {
                (date.iso(), Some(PartialDate::day(date)))
            }
        }
        Unit::Month => {
            let index = (i64::from(reference.year) * 12 + i64::from(reference.month) - 1)
                .checked_add(offset);
            let Some(year) = index.and_then(|i| year_within(i.div_euclid(12))) else {
                return vague();
            };
            let month = (index.unwrap_or(0).rem_euclid(12) + 1) as u8;
            let date = PartialDate::month(year, month);
            (date.iso(), Some(date))
        }
        Unit::Year | Unit::Decade | Unit::Century => {
            let scale = match unit {
                Unit::Year => 1,
                Unit::Decade => 10,
                _ => 100,
            };
            let year = offset
                .checked_mul(scale)
                .and_then(|years| i64::from(reference.year).checked_add(years))
                .and_then(year_within);
            let Some(year) = year else {
                return vague();
            };
            match unit {
                Unit::Year => {
                    let date = PartialDate::year(year);
                    (date.iso(), Some(date))
                }
                Unit::Decade => (format!("{:03}", year / 10), None),
                _ => (format!("{:02}", year / 100), None),
            }
        }
    }
}

/// `P31Y`, `P2D`, `PT3H`; `PXY` when the count is vague ("several years").
pub fn duration(unit: Unit, count: Option<i64>) -> String {
    // A count too large to multiply out is as vague as none.
    let n = |scale: i64| {
        count
            .and_then(|c| c.checked_mul(scale))
            .map_or("X".to_string(), |c| c.to_string())
    };
    match unit {
        Unit::Minute => format!("PT{}M", n(1)),
        Unit::Hour => format!("PT{}H", n(1)),
        Unit::Day => format!("P{}D", n(1)),
        Unit::Week => format!("P{}W", n(1)),
        Unit::Month => format!("P{}M", n(1)),
        Unit::Year => format!("P{}Y", n(1)),
        Unit::Decade => format!("P{}Y", n(10)),
        Unit::Century => format!("P{}Y", n(100)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(reference: &str) -> Context {
        Context {
            reference: Date::parse_iso(reference),
            day_first: true,
            ..Context::default()
        }
    }

    fn value(reading: Reading, context: &Context) -> String {
        resolve(reading, TimeType::Date, context).0
    }

    #[test]
    fn weekdays_look_back_in_past_reporting_and_ahead_in_future() {
        let saturday = at("2023-05-20");
        assert_eq!(value(Reading::Weekday(4), &saturday), "2023-05-19");
        assert_eq!(
            value(
                Reading::Weekday(4),
                &Context {
                    tense: Tense::Future,
                    ..saturday
                }
            ),
            "2023-05-26"
        );
        assert_eq!(
            value(Reading::Weekday(4), &Context::default()),
            "XXXX-WXX-5"
        );
    }

    #[test]
    fn only_readings_that_need_the_tense_change_with_it() {
        let month = YearRef::Unstated;
        let readings = [
            Reading::Absolute(PartialDate::month(2023, 5)),
            Reading::MonthDay {
                month: 12,
                day: Some(5),
            },
            Reading::MonthDay {
                month: 1,
                day: None,
            },
            Reading::Numeric {
                first: 4,
                second: 3,
                year: 2025,
            },
            Reading::Weekday(4),
            Reading::Weekday(6),
            Reading::DayOffset(-1),
            Reading::UnitOffset(Unit::Month, 1),
            Reading::Ago(Unit::Week, 2),
            Reading::Clock {
                hour: 10,
                minute: 30,
                zone: None,
            },
            Reading::Decade(199),
            Reading::Century(19),
            Reading::Duration(Unit::Year, Some(3)),
            Reading::Every(Unit::Week),
            Reading::RelativeMonth {
                month: 9,
                offset: -1,
            },
            Reading::Quarter(4, month),
            Reading::Season("SU", YearRef::Relative(-1)),
            Reading::Ref("PRESENT_REF"),
        ];
        for reading in readings {
            for kind in [TimeType::Date, TimeType::Time, TimeType::Duration] {
                for reference in ["2023-03-10", "2023-06-15", "2023-12-31"] {
                    let [past, future, unknown] =
                        [Tense::Past, Tense::Future, Tense::Unknown].map(|tense| {
                            resolve(
                                reading,
                                kind,
                                &Context {
                                    tense,
                                    ..at(reference)
                                },
                            )
                        });
                    let varies = past != future || past != unknown;
                    // A reading the tense moves must be read with it; one it never moves may not.
                    if varies {
                        assert!(needs_tense(reading), "{reading:?} at {reference}");
                    }
                }
            }
        }
    }

    #[test]
    fn relative_units_keep_their_granularity() {
        let c = at("2023-05-20");
        assert_eq!(value(Reading::UnitOffset(Unit::Year, -1), &c), "2022");
        assert_eq!(value(Reading::UnitOffset(Unit::Month, 0), &c), "2023-05");
        assert_eq!(value(Reading::UnitOffset(Unit::Week, 1), &c), "2023-W21");
        assert_eq!(value(Reading::Ago(Unit::Year, 3), &c), "2020");
        assert_eq!(value(Reading::DayOffset(-1), &c), "2023-05-19");
    }

    #[test]
    fn months_without_a_year_take_one_from_context() {
        let c = Context {
            tense: Tense::Past,
            ..at("2023-03-10")
        };
        assert_eq!(
            value(
                Reading::MonthDay {
                    month: 12,
                    day: Some(5)
                },
                &c
            ),
            "2022-12-05"
        );
        assert_eq!(
            value(
                Reading::MonthDay {
                    month: 6,
                    day: Some(5)
                },
                &Context {
                    tense: Tense::Unknown,
                    ..c
                }
            ),
            "2023-06-05"
        );
        assert_eq!(
            value(
                Reading::MonthDay {
                    month: 7,
                    day: Some(10)
                },
                &Context {
                    tense: Tense::Future,
                    ..c
                }
            ),
            "2023-07-10"
        );
        assert_eq!(
            value(
                Reading::MonthDay {
                    month: 5,
                    day: None
                },
                &Context {
                    stated_year: Some(2024),
                    ..c
                }
            ),
            "2024-05"
        );
    }

    #[test]
    fn numeric_dates_follow_the_document_order() {
        let day_first = at("2025-03-20");
        let month_first = Context {
            day_first: false,
            ..day_first
        };
        let reading = Reading::Numeric {
            first: 4,
            second: 3,
            year: 2025,
        };
        assert_eq!(value(reading, &day_first), "2025-03-04");
        assert_eq!(value(reading, &month_first), "2025-04-03");
        assert_eq!(
            value(
                Reading::Numeric {
                    first: 14,
                    second: 3,
                    year: 2025
                },
                &month_first
            ),
            "2025-03-14"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Unit::Year, Some(31)), "P31Y");
        assert_eq!(duration(Unit::Decade, Some(2)), "P20Y");
        assert_eq!(duration(Unit::Hour, Some(3)), "PT3H");
        assert_eq!(duration(Unit::Month, None), "PXM");
    }
}
