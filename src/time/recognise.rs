//! Finding time expressions with a list of ASCII regular expressions, each paired with the reading
//! it produces. Overlaps keep the longest match, so "Friday, May 19, 2023" beats "Friday".

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::{Captures, Regex, RegexSet};

use super::calendar::{Date, PartialDate};
use super::TimeType;
use crate::Span;

/// What a match says before the article's date and tense are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Fully determined: `2023-05-19`, `2023`.
    Absolute(PartialDate),
    /// "May 20", "in May": the year comes from context.
    MonthDay { month: u8, day: Option<u8> },
    /// "14/03/2025": day-first or month-first is decided for the whole document.
    Numeric { first: u8, second: u8, year: i32 },
    /// "Friday", "on Friday" (Monday = 0).
    Weekday(u8),
    /// "yesterday" = -1.
    DayOffset(i64),
    /// "last year" = (Year, -1); "this week" = (Week, 0).
    UnitOffset(Unit, i32),
    /// "three years ago".
    Ago(Unit, i64),
    /// "10:30", "3 p.m.", "18:00 UTC" (utc).
    Clock { hour: u8, minute: u8, utc: bool },
    /// "the 1990s" = 199.
    Decade(i32),
    /// "the 20th century" = 19.
    Century(i32),
    /// "31 years" = (Year, Some(31)); "years" = (Year, None).
    Duration(Unit, Option<i64>),
    /// "every week", "annually".
    Every(Unit),
    /// "last September" = (9, -1): the nearest such month before (-1), after (1) or in (0) the reference year.
    RelativeMonth { month: u8, offset: i32 },
    /// "the third quarter of 2009" = (3, 2009).
    Quarter(u8, YearRef),
    /// "last summer" = ("SU", -1 relative).
    Season(&'static str, YearRef),
    /// `PRESENT_REF` ("now", "currently"), `PAST_REF` ("recently"), `FUTURE_REF` ("in the future").
    Ref(&'static str),
}

/// A year given outright or relative to the reference year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    Absolute(i32),
    Relative(i32),
    /// No year said ("the fourth quarter"): the latest one on or before the article.
    Unstated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    pub kind: TimeType,
    pub reading: Reading,
    /// "Friday afternoon": TIMEX3's `TMO`, `TAF`, `TEV` or `TNI`, appended to the day.
    pub part_of_day: Option<&'static str>,
}

type Reader = fn(&Captures, &str) -> Option<(TimeType, Reading)>;

struct Pattern {
    source: String,
    /// Compiled on first need: compiling every pattern up front cost the page its first 150 ms.
    regex: OnceLock<Regex>,
    /// Lower-case words of which a sentence must contain one for the pattern to have a chance
    /// ("0-9" stands for any digit): a cheap test that skips most patterns for most sentences.
    needs: &'static [&'static str],
    read: Reader,
}

impl Pattern {
    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.source).expect("time pattern compiles"))
    }

    /// The prefilter for this pattern: any of its needed words, as one small regex.
    fn clue(&self) -> String {
        let words: Vec<&str> = self
            .needs
            .iter()
            .map(|&n| if n == "0-9" { "[0-9]" } else { n })
            .collect();
        format!("(?i-u){}", words.join("|"))
    }
}

/// The patterns, and a set of their cheap clues that says in one pass over a sentence which
/// patterns may match it (compiling the clues costs little; the patterns compile when needed).
struct Patterns {
    list: Vec<Pattern>,
    clues: RegexSet,
}

const MONTH_NEEDS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAY: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)";
/// Case-insensitive but "May", which must be capitalised to be a month.
const MONTH: &str = r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May|MAY)";
const NUMBER: &str = r"(?:[0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a few|few|many)";
const UNIT: &str = r"(?:minute|hour|day|week|month|year|decade|century|centuries)";
const PART_OF_DAY: &str = r"(?:\s+(?P<pod>morning|afternoon|evening|night))?";
const YEAR: &str = r"(?:1[6-9][0-9]{2}|20[0-9]{2})";

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let list = pattern_list();
        let clues = RegexSet::new(list.iter().map(Pattern::clue)).expect("time clues compile");
        Patterns { list, clues }
    })
}

fn pattern_list() -> Vec<Pattern> {
    let p = |needs: &'static [&'static str], source: &str, read: Reader| {
        let source = source
            .replace("WEEKDAY", WEEKDAY)
            .replace("MONTH", MONTH)
            .replace("NUMBER", NUMBER)
            .replace("UNIT", UNIT)
            .replace("POD", PART_OF_DAY)
            .replace("YEAR", YEAR);
        Pattern {
            source: format!("(?-u){source}"),
            regex: OnceLock::new(),
            needs,
            read,
        }
    };
    vec![
        p(
            &["0-9"],
            r"\b(?P<y>[12][0-9]{3})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?:T(?P<H>[0-2][0-9]):(?P<M>[0-5][0-9]))?",
            read_iso,
        ),
        p(
            &["0-9"],
            r"\b(?:WEEKDAY,?\s+)?(?:the\s+)?(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MONTH)\.?\s*,?\s+(?P<y>[12][0-9]{3})\b",
            read_full_date,
        ),
        p(
            &["0-9"],
            r"\b(?:WEEKDAY,?\s+)?(?P<mon>MONTH)\.?\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s*,?\s+(?P<y>[12][0-9]{3})\b",
            read_full_date,
        ),
        p(
            &["0-9"],
            r"\b(?P<a>[0-3]?[0-9])[/.](?P<b>[0-3]?[0-9])[/.](?P<y>[12][0-9]{3})\b",
            read_numeric,
        ),
        p(
            &["0-9"],
            r"\b(?:WEEKDAY,?\s+)?(?:the\s+)?(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>MONTH)\b\.?",
            read_month_day,
        ),
        p(
            &["0-9"],
            r"\b(?:WEEKDAY,?\s+)?(?P<mon>MONTH)\.?\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\b",
            read_month_day,
        ),
        p(
            &["0-9"],
            r"\b(?:(?i:early|late|mid-|mid)\s*)?(?P<mon>MONTH)\.?,?\s+(?:of\s+)?(?P<y>[12][0-9]{3})\b",
            read_month_year,
        ),
        p(
            MONTH_NEEDS,
            r"\b(?i:in|since|until|till|by|from|during|through|throughout|of|before|after|on)\s+(?P<mon>MONTH)\b",
            read_month_alone,
        ),
        p(
            MONTH_NEEDS,
            r"\b(?i:early|late|mid-|mid)\s*(?P<mon>MONTH)\b",
            read_month_alone,
        ),
        p(
            MONTH_NEEDS,
            r"(?i)\b(?:(?:early|late|mid)\s+)?(?P<rel>last|next|this)\s+(?-i:(?P<mon>MONTH))\b",
            read_relative_month,
        ),
        p(
            &["0-9"],
            r"\b(?:(?i:mid-|early|late)\s*)?(?P<y>YEAR)(?P<s>s)?\b",
            read_year,
        ),
        p(&["day"], r"\b(?P<wd>WEEKDAY)POD\b", read_weekday),
        p(
            &["day", "tomorrow"],
            r"(?i)\b(?P<w>today|yesterday|tomorrow)POD\b",
            read_deictic,
        ),
        p(
            &["morning", "afternoon", "evening", "night"],
            r"(?i)\b(?P<w>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b",
            read_deictic,
        ),
        p(&["tonight"], r"(?i)\b(?P<pod>tonight)\b", |_, _| {
            Some((TimeType::Time, Reading::DayOffset(0)))
        }),
        p(
            &["week", "month", "year"],
            r"(?i)\b(?:the\s+)?(?P<rel>last|next|this|previous|earlier this|later this|coming)\s+(?:fiscal\s+|financial\s+)?(?P<unit>week|weekend|month|year)\b",
            read_unit_offset,
        ),
        p(
            &["century"],
            r"(?i)\b(?:the\s+)?(?P<c>[12]?[0-9])(?:st|nd|rd|th)\s+century\b",
            read_century,
        ),
        p(
            &["ago"],
            r"(?i)\b(?P<n>NUMBER)\s+(?P<unit>UNIT)s?\s+ago\b",
            read_ago,
        ),
        p(
            &[
                "minute", "hour", "day", "week", "month", "year", "decade", "centur",
            ],
            r"(?i)\b(?P<n>NUMBER)[\s-]+(?P<unit>UNIT)s?(?:-long|-old)?\b",
            read_duration,
        ),
        p(
            &[
                "minute", "hour", "day", "week", "month", "year", "decade", "centur",
            ],
            r"(?i)\b(?:the\s+)?(?:past|next|coming|following|previous|recent)\s+(?:(?P<n>NUMBER)\s+)?(?P<unit>UNIT)(?P<plural>s)?\b",
            read_duration,
        ),
        p(
            &["minute", "hour", "day", "week", "month", "year", "decade"],
            r"(?i)\b(?P<unit>minute|hour|day|week|month|year|decade)(?P<plural>s)\b",
            read_duration,
        ),
        p(&["annual"], r"(?i)\b(?P<unit>annual)\b", read_duration),
        p(
            &["quarter"],
            r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\s+|-)quarter(?:\s+of\s+(?:(?P<y>YEAR)|(?P<rel>this|last|next)\s+year|the\s+year))?\b",
            read_quarter,
        ),
        p(
            &["0-9"],
            r"\bQ(?P<qn>[1-4])(?:\s+(?P<y>YEAR))?\b",
            read_quarter,
        ),
        p(
            &["spring", "summer", "autumn", "fall", "winter"],
            r"(?i)\b(?:(?P<rel>last|this|next)\s+|(?:in|during|by|until)\s+(?:the\s+)?(?:(?:early|late)\s+)?)(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>YEAR))?\b",
            read_season,
        ),
        p(
            &["spring", "summer", "autumn", "winter"],
            r"(?i)\b(?P<season>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<y>YEAR)\b",
            read_season,
        ),
        p(
            &["0-9"],
            r"(?i)\b(?P<H>[0-2]?[0-9]):(?P<M>[0-5][0-9])(?:\s*(?P<ap>a\.m\.|p\.m\.|(?:am|pm)\b))?(?:\s*(?P<utc>UTC|GMT)\b)?",
            read_clock,
        ),
        p(
            &["0-9"],
            r"(?i)\b(?P<H>1[0-2]|[1-9])\s*(?P<ap>a\.m\.|p\.m\.|(?:am|pm)\b)(?:\s*(?P<utc>UTC|GMT)\b)?",
            read_clock,
        ),
        p(
            &[
                "every", "each", "daily", "weekly", "monthly", "annually", "yearly",
            ],
            r"(?i)\b(?:every|each)\s+(?P<unit>day|week|month|year)\b|\b(?P<adv>daily|weekly|monthly|annually|yearly)\b",
            read_set,
        ),
        p(
            &[
                "now", "current", "present", "nowadays", "moment", "recent", "lately", "past",
                "future",
            ],
            r"(?i)\b(?P<r>now|currently|at present|nowadays|at the moment|recently|lately|in the past|the past|in the future|the future)\b",
            read_ref,
        ),
    ]
}

/// Every time expression in `text` (a sentence starting at byte `offset`), without overlaps.
///
/// ```
/// use dateline::time::recognise::recognise;
/// let found = recognise("Talks on Friday, May 19, 2023 lasted two days.", 0);
/// let texts: Vec<&str> = found.iter().map(|c| &"Talks on Friday, May 19, 2023 lasted two days."[c.span.start..c.span.end]).collect();
/// assert_eq!(texts, ["Friday, May 19, 2023", "two days"]);
/// ```
pub fn recognise(text: &str, offset: usize) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let patterns = patterns();
    for pattern in patterns
        .clues
        .matches(text)
        .iter()
        .map(|i| &patterns.list[i])
    {
        for caps in pattern.regex().captures_iter(text) {
            let whole = caps.get(0).expect("group 0 always matches");
            if let Some((kind, reading)) = (pattern.read)(&caps, text) {
                let span =
                    reading_span(&caps, reading).unwrap_or(Span::new(whole.start(), whole.end()));
                let part_of_day = caps.name("pod").map(|p| part_of_day_code(p.as_str()));
                let kind = if part_of_day.is_some() {
                    TimeType::Time
                } else {
                    kind
                };
                found.push(Candidate {
                    span: Span::new(offset + span.start, offset + span.end),
                    kind,
                    reading,
                    part_of_day,
                });
            }
        }
    }
    // Longest first, then earliest pattern (stable sort), keeping what does not overlap a keeper.
    // Keepers are disjoint, so a map from start to end answers "does this overlap one?" with the
    // nearest keeper on either side (a run-on line of 5 MB holds tens of thousands of candidates).
    found.sort_by(|a, b| b.span.len().cmp(&a.span.len()));
    let mut keepers: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::new();
    for candidate in found {
        let Span { start, end } = candidate.span;
        let before = keepers
            .range(..=start)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        let after = keepers.range(start..).next().is_some_and(|(&s, _)| s < end);
        if !before && !after {
            keepers.insert(start, end);
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// "in May" is tagged as "May": the preposition is context, not part of the expression
/// (but "early May" keeps its modifier).
fn reading_span(caps: &Captures, reading: Reading) -> Option<Span> {
    let month = caps.name("mon")?;
    let whole = caps.get(0)?;
    let lead = whole.as_str().to_ascii_lowercase();
    let modified = lead.starts_with("early") || lead.starts_with("late") || lead.starts_with("mid");
    let bare_month = matches!(reading, Reading::MonthDay { day: None, .. })
        && caps.name("y").is_none()
        && !modified;
    (bare_month && month.end() == whole.end()).then(|| Span::new(month.start(), month.end()))
}

/// TIMEX3's parts of the day ("tonight" is night).
fn part_of_day_code(word: &str) -> &'static str {
    match word.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

fn number(caps: &Captures, name: &str) -> Option<i64> {
    caps.name(name)?.as_str().parse().ok()
}

pub fn month_number(name: &str) -> Option<u8> {
    let prefix: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    MONTHS
        .iter()
        .position(|&m| m == prefix)
        .map(|i| i as u8 + 1)
}

pub fn weekday_number(name: &str) -> Option<u8> {
    let prefix: String = name.chars().take(3).flat_map(char::to_lowercase).collect();
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    DAYS.iter().position(|&d| d == prefix).map(|i| i as u8)
}

fn word_number(word: &str) -> Option<i64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word = word.to_ascii_lowercase();
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    if word == "a" || word == "an" {
        return Some(1);
    }
    if word == "hundred" {
        return Some(100);
    }
    WORDS
        .iter()
        .position(|&w| w == word)
        .map(|n| n as i64)
        .or_else(|| {
            TENS.iter()
                .position(|&w| w == word)
                .map(|n| (n as i64 + 2) * 10)
        })
}

fn unit(name: &str) -> Unit {
    match name.to_ascii_lowercase().as_str() {
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" | "weekend" => Unit::Week,
        "month" => Unit::Month,
        "decade" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => Unit::Year,
    }
}

fn date_reading(year: i64, month: u8, day: i64) -> Option<(TimeType, Reading)> {
    let date = Date::new(year as i32, month, u8::try_from(day).ok()?)?;
    Some((TimeType::Date, Reading::Absolute(PartialDate::day(date))))
}

fn read_iso(caps: &Captures, text: &str) -> Option<(TimeType, Reading)> {
    let end = caps.get(0)?.end();
    if text[end..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (kind, reading) = date_reading(
        number(caps, "y")?,
        number(caps, "m")? as u8,
        number(caps, "d")?,
    )?;
    Some(if caps.name("H").is_some() {
        (TimeType::Time, reading)
    } else {
        (kind, reading)
    })
}

fn read_full_date(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    date_reading(
        number(caps, "y")?,
        month_number(caps.name("mon")?.as_str())?,
        number(caps, "d")?,
    )
}

fn read_numeric(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let (first, second) = (number(caps, "a")? as u8, number(caps, "b")? as u8);
    let plausible =
        (1..=31).contains(&first) && (1..=31).contains(&second) && (first <= 12 || second <= 12);
    plausible.then_some((
        TimeType::Date,
        Reading::Numeric {
            first,
            second,
            year: number(caps, "y")? as i32,
        },
    ))
}

fn read_month_day(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let day = u8::try_from(number(caps, "d")?)
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((
        TimeType::Date,
        Reading::MonthDay {
            month: month_number(caps.name("mon")?.as_str())?,
            day: Some(day),
        },
    ))
}

fn read_month_year(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let month = month_number(caps.name("mon")?.as_str())?;
    Some((
        TimeType::Date,
        Reading::Absolute(PartialDate::month(number(caps, "y")? as i32, month)),
    ))
}

fn read_month_alone(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    Some((
        TimeType::Date,
        Reading::MonthDay {
            month: month_number(caps.name("mon")?.as_str())?,
            day: None,
        },
    ))
}

fn read_year(caps: &Captures, text: &str) -> Option<(TimeType, Reading)> {
    let whole = caps.get(0)?;
    let before = text[..whole.start()].chars().next_back();
    let after = text[whole.end()..].chars().next();
    // "$2023", "1,2023", "2023.5", "2023%": amounts, not years.
    if before.is_some_and(|c| matches!(c, '$' | '€' | '£' | ',' | '.' | '#'))
        || after.is_some_and(|c| c == '%')
    {
        return None;
    }
    // "2009-2010" and "1957-58" are ranges of years; "2023-13-45" and "12-2023" are other numbers.
    let after_dash = text[whole.end()..].strip_prefix('-').unwrap_or("");
    let digits_after = after_dash.bytes().take_while(u8::is_ascii_digit).count();
    let range_end = text[..whole.start()]
        .strip_suffix('-')
        .is_some_and(|t| t.len() >= 4 && t[t.len() - 4..].bytes().all(|b| b.is_ascii_digit()));
    let part_of_numeric_date = digits_after > 0 && after_dash[digits_after..].starts_with('-');
    if (before == Some('-') && !range_end) || part_of_numeric_date || matches!(digits_after, 1 | 3)
    {
        return None;
    }
    if text[whole.end()..].starts_with(|c: char| c == ',' || c == '.')
        && text[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let year = number(caps, "y")? as i32;
    Some(match caps.name("s") {
        Some(_) if year % 10 == 0 => (TimeType::Date, Reading::Decade(year / 10)),
        Some(_) => return None,
        None => (TimeType::Date, Reading::Absolute(PartialDate::year(year))),
    })
}

fn read_weekday(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    Some((
        TimeType::Date,
        Reading::Weekday(weekday_number(caps.name("wd")?.as_str())?),
    ))
}

fn read_deictic(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let word = caps.name("w")?.as_str().to_ascii_lowercase();
    Some(match word.as_str() {
        "yesterday" | "last" => (TimeType::Date, Reading::DayOffset(-1)),
        "tomorrow" => (TimeType::Date, Reading::DayOffset(1)),
        _ => (TimeType::Date, Reading::DayOffset(0)),
    })
}

fn read_century(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let century = number(caps, "c")?;
    (1..=22)
        .contains(&century)
        .then_some((TimeType::Date, Reading::Century(century as i32 - 1)))
}

fn read_relative_month(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let month = month_number(caps.name("mon")?.as_str())?;
    let offset = match caps.name("rel")?.as_str().to_ascii_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    Some((TimeType::Date, Reading::RelativeMonth { month, offset }))
}

fn year_ref(caps: &Captures) -> YearRef {
    if let Some(year) = number(caps, "y") {
        return YearRef::Absolute(year as i32);
    }
    match caps
        .name("rel")
        .map(|r| r.as_str().to_ascii_lowercase())
        .as_deref()
    {
        Some("last") => YearRef::Relative(-1),
        Some("next") => YearRef::Relative(1),
        Some(_) => YearRef::Relative(0),
        None if caps
            .get(0)
            .is_some_and(|m| m.as_str().to_ascii_lowercase().ends_with("the year")) =>
        {
            YearRef::Relative(0)
        }
        None => YearRef::Unstated,
    }
}

fn read_quarter(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let quarter = match caps.name("q").map(|q| q.as_str().to_ascii_lowercase()) {
        Some(q) => match q.as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        },
        None => number(caps, "qn")? as u8,
    };
    Some((TimeType::Date, Reading::Quarter(quarter, year_ref(caps))))
}

fn read_season(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let season = match caps.name("season")?.as_str().to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        _ => "WI",
    };
    Some((TimeType::Date, Reading::Season(season, year_ref(caps))))
}

fn read_ref(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let word = caps.name("r")?.as_str().to_ascii_lowercase();
    let value = match word.as_str() {
        "recently" | "lately" | "in the past" | "the past" => "PAST_REF",
        "in the future" | "the future" => "FUTURE_REF",
        _ => "PRESENT_REF",
    };
    Some((TimeType::Date, Reading::Ref(value)))
}

fn read_unit_offset(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let offset = match caps.name("rel")?.as_str().to_ascii_lowercase().as_str() {
        "last" | "previous" => -1,
        "next" => 1,
        _ => 0,
    };
    Some((
        TimeType::Date,
        Reading::UnitOffset(unit(caps.name("unit")?.as_str()), offset),
    ))
}

fn read_ago(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    Some((
        TimeType::Date,
        Reading::Ago(
            unit(caps.name("unit")?.as_str()),
            word_number(caps.name("n")?.as_str())?,
        ),
    ))
}

/// "31 years" (31), "the past decade" (1), "recent weeks" and "years" (vague), "annual" (1 year).
fn read_duration(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let unit_name = caps.name("unit")?.as_str();
    if unit_name.eq_ignore_ascii_case("annual") {
        return Some((TimeType::Duration, Reading::Duration(Unit::Year, Some(1))));
    }
    let count = match (caps.name("n"), caps.name("plural")) {
        (Some(n), _) => word_number(n.as_str()),
        (None, Some(_)) => None,
        (None, None) => Some(1),
    };
    Some((
        TimeType::Duration,
        Reading::Duration(unit(unit_name), count),
    ))
}

fn read_clock(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let mut hour = number(caps, "H")? as u8;
    let minute = caps
        .name("M")
        .map_or(Some(0), |m| m.as_str().parse().ok())?;
    let meridiem = caps.name("ap").map(|m| m.as_str().to_ascii_lowercase());
    match meridiem.as_deref().map(|m| m.starts_with('p')) {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    (hour < 24).then_some((
        TimeType::Time,
        Reading::Clock {
            hour,
            minute,
            utc: caps.name("utc").is_some(),
        },
    ))
}

fn read_set(caps: &Captures, _: &str) -> Option<(TimeType, Reading)> {
    let name = caps
        .name("unit")
        .or_else(|| caps.name("adv"))?
        .as_str()
        .to_ascii_lowercase();
    let unit = match name.as_str() {
        "daily" | "day" => Unit::Day,
        "weekly" | "week" => Unit::Week,
        "monthly" | "month" => Unit::Month,
        _ => Unit::Year,
    };
    Some((TimeType::Set, Reading::Every(unit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Reading)> {
        recognise(text, 0)
            .into_iter()
            .map(|c| (&text[c.span.start..c.span.end], c.reading))
            .collect()
    }

    #[test]
    fn iso_dates_even_when_glued_to_the_next_word() {
        let f = found("2023-05-19The Source");
        assert_eq!(f[0].0, "2023-05-19");
        assert_eq!(
            f[0].1,
            Reading::Absolute(PartialDate::day(Date::new(2023, 5, 19).unwrap()))
        );
    }

    #[test]
    fn written_dates_in_both_orders() {
        let d = Reading::Absolute(PartialDate::day(Date::new(2023, 5, 19).unwrap()));
        assert_eq!(found("on 19 May 2023."), [("19 May 2023", d)]);
        assert_eq!(found("on May 19, 2023."), [("May 19, 2023", d)]);
        assert_eq!(
            found("Tuesday, December 5, 2023")[0].0,
            "Tuesday, December 5, 2023"
        );
    }

    #[test]
    fn month_and_day_without_year() {
        assert_eq!(
            found("BEIJING, May 20 (Xinhua)"),
            [(
                "May 20",
                Reading::MonthDay {
                    month: 5,
                    day: Some(20)
                }
            )]
        );
        assert_eq!(
            found("on 1 April"),
            [(
                "1 April",
                Reading::MonthDay {
                    month: 4,
                    day: Some(1)
                }
            )]
        );
        assert_eq!(
            found("in May the"),
            [(
                "May",
                Reading::MonthDay {
                    month: 5,
                    day: None
                }
            )]
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(found("Officials may 20 percent").is_empty());
    }

    #[test]
    fn numeric_dates_and_amounts() {
        assert_eq!(
            found("Published 14/03/2025")[0].1,
            Reading::Numeric {
                first: 14,
                second: 3,
                year: 2025
            }
        );
        assert!(found("cost $2023 and 2,500 people, 2023%").is_empty());
    }

    #[test]
    fn relative_expressions_and_durations() {
        let f =
            found("Last year, after 31 years of development, three days ago, on Friday at 3 p.m.");
        let texts: Vec<&str> = f.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Last year",
                "31 years",
                "three days ago",
                "Friday",
                "3 p.m."
            ]
        );
        assert_eq!(f[1].1, Reading::Duration(Unit::Year, Some(31)));
    }
}
