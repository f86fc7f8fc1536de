//! Durations of the policy: `15 days`, `5 working days`, `24 hours`, `3 years`, `5個工作日`, `15日`.
//!
//! The grammar (§2.2.1, §4, §5, §6 leave their time limits blank; a policy fills them in):
//!
//! | unit | English | Chinese |
//! |---|---|---|
//! | hours | `N hour(s)` | `N小時`, `N小时` |
//! | working hours | `N working hour(s)` | `N個工作小時`, `N个工作小时`, `N工作小時`, `N工作小时` |
//! | days | `N day(s)` | `N日`, `N天` |
//! | working days | `N working day(s)` | `N個工作日`, `N个工作日`, `N工作日` |
//! | months | `N month(s)` | `N個月`, `N个月` |
//! | years | `N year(s)` | `N年` |
//!
//! `N` is a whole number from 1 to [`Duration::MAX_AMOUNT`], in ASCII or full-width digits.
//! English words are case-insensitive; spaces around the number are optional. Anything else is
//! `duration.invalid`. A duration prints back in the canonical English form and serializes as
//! that string.
//!
//! ```
//! use complaint_office::duration::{Duration, Unit};
//! let d: Duration = "5個工作日".parse().unwrap();
//! assert_eq!((d.amount(), d.unit()), (5, Unit::WorkingDays));
//! assert_eq!(d.to_string(), "5 working days");
//! assert_eq!("0 days".parse::<Duration>().unwrap_err().code(), "duration.invalid");
//! # use complaint_office::ErrorCode;
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorCode;

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Clock hours, counted from the start instant (Civil Code art. 201 ¶2).
    Hours,
    /// Hours of office time on working days only; needs office hours in the policy.
    WorkingHours,
    /// Calendar days, counted from the day after the start (art. 201 ¶1).
    Days,
    /// Working days only, counted from the day after the start.
    WorkingDays,
    /// Calendar months, ending on the corresponding day (art. 202).
    Months,
    /// Calendar years, ending on the corresponding day (art. 202).
    Years,
}

impl Unit {
    /// Every unit.
    pub const ALL: [Unit; 6] = [
        Unit::Hours,
        Unit::WorkingHours,
        Unit::Days,
        Unit::WorkingDays,
        Unit::Months,
        Unit::Years,
    ];

    /// The unit's name in JSON: `hours`, `working_hours`, `days`, `working_days`, `months`, `years`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Hours => "hours",
            Unit::WorkingHours => "working_hours",
            Unit::Days => "days",
            Unit::WorkingDays => "working_days",
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }

    /// Whether the unit counts whole days (as opposed to hours).
    pub fn is_day_based(self) -> bool {
        !matches!(self, Unit::Hours | Unit::WorkingHours)
    }

    fn english(self, plural: bool) -> &'static str {
        match (self, plural) {
            (Unit::Hours, false) => "hour",
            (Unit::Hours, true) => "hours",
            (Unit::WorkingHours, false) => "working hour",
            (Unit::WorkingHours, true) => "working hours",
            (Unit::Days, false) => "day",
            (Unit::Days, true) => "days",
            (Unit::WorkingDays, false) => "working day",
            (Unit::WorkingDays, true) => "working days",
            (Unit::Months, false) => "month",
            (Unit::Months, true) => "months",
            (Unit::Years, false) => "year",
            (Unit::Years, true) => "years",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Unit {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, DurationError> {
        Unit::ALL
            .into_iter()
            .find(|u| u.as_str() == text)
            .ok_or(DurationError::UnknownUnit)
    }
}

/// A time limit of the policy: an amount of one [`Unit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    amount: u32,
    unit: Unit,
}

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DurationError {
    /// The text does not follow the duration grammar.
    #[error(
        "invalid duration: expected a whole number and a unit, like `15 days`, `5 working days` or `5個工作日`"
    )]
    Invalid,
    /// The amount is 0 or above the maximum.
    #[error("invalid duration: the amount must be between 1 and 99999")]
    AmountOutOfRange,
    /// A unit name that is not one of the JSON unit names.
    #[error(
        "invalid duration unit: expected hours, working_hours, days, working_days, months or years"
    )]
    UnknownUnit,
}

impl ErrorCode for DurationError {
    fn code(&self) -> &'static str {
        "duration.invalid"
    }
}

// Longest suffixes first so that `個工作日` wins over `日`.
const CHINESE_UNITS: [(&str, Unit); 14] = [
    ("個工作小時", Unit::WorkingHours),
    ("个工作小时", Unit::WorkingHours),
    ("工作小時", Unit::WorkingHours),
    ("工作小时", Unit::WorkingHours),
    ("個工作日", Unit::WorkingDays),
    ("个工作日", Unit::WorkingDays),
    ("工作日", Unit::WorkingDays),
    ("小時", Unit::Hours),
    ("小时", Unit::Hours),
    ("個月", Unit::Months),
    ("个月", Unit::Months),
    ("日", Unit::Days),
    ("天", Unit::Days),
    ("年", Unit::Years),
];

impl Duration {
    /// The largest amount a duration may have.
    pub const MAX_AMOUNT: u32 = 99_999;

    /// A duration of `amount` units.
    ///
    /// # Errors
    /// [`DurationError::AmountOutOfRange`] when `amount` is 0 or above [`Self::MAX_AMOUNT`].
    pub fn new(amount: u32, unit: Unit) -> Result<Self, DurationError> {
        if (1..=Self::MAX_AMOUNT).contains(&amount) {
            Ok(Duration { amount, unit })
        } else {
            Err(DurationError::AmountOutOfRange)
        }
    }

    /// `n` hours; `n` is clamped into 1..=[`Self::MAX_AMOUNT`].
    pub const fn hours(n: u32) -> Self {
        Self::clamped(n, Unit::Hours)
    }

    /// `n` calendar days; `n` is clamped into 1..=[`Self::MAX_AMOUNT`].
    pub const fn days(n: u32) -> Self {
        Self::clamped(n, Unit::Days)
    }

    /// `n` working days; `n` is clamped into 1..=[`Self::MAX_AMOUNT`].
    pub const fn working_days(n: u32) -> Self {
        Self::clamped(n, Unit::WorkingDays)
    }

    /// `n` months; `n` is clamped into 1..=[`Self::MAX_AMOUNT`].
    pub const fn months(n: u32) -> Self {
        Self::clamped(n, Unit::Months)
    }

    /// `n` years; `n` is clamped into 1..=[`Self::MAX_AMOUNT`].
    pub const fn years(n: u32) -> Self {
        Self::clamped(n, Unit::Years)
    }

    const fn clamped(n: u32, unit: Unit) -> Self {
        let amount = if n == 0 {
            1
        } else if n > Self::MAX_AMOUNT {
            Self::MAX_AMOUNT
        } else {
            n
        };
        Duration { amount, unit }
    }

    /// The amount, at least 1.
    pub fn amount(self) -> u32 {
        self.amount
    }

    /// The unit.
    pub fn unit(self) -> Unit {
        self.unit
    }

    /// The shortest and longest this duration can last, in hours, whatever the start and the
    /// calendar: used to reject policies whose limits contradict each other. Working days may
    /// stretch over weekends and the longest statutory break (a working day is bounded by 14
    /// calendar days here); working hours by the shortest office day (bounded by 1 per hour of
    /// a 14-day stretch).
    pub fn hour_bounds(self) -> (f64, f64) {
        let n = f64::from(self.amount);
        match self.unit {
            Unit::Hours => (n, n),
            Unit::WorkingHours => (n, n * 14.0 * 24.0),
            Unit::Days => (n * 24.0, n * 24.0 + 14.0 * 24.0),
            Unit::WorkingDays => (n * 24.0, n * 14.0 * 24.0),
            Unit::Months => (n * 28.0 * 24.0, n * 31.0 * 24.0 + 14.0 * 24.0),
            Unit::Years => (n * 365.0 * 24.0, n * 366.0 * 24.0 + 14.0 * 24.0),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.english(self.amount != 1))
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, DurationError> {
        let text = text.trim();
        let digits_end = text
            .char_indices()
            .find(|&(_, c)| digit_value(c).is_none())
            .map_or(text.len(), |(i, _)| i);
        let (number, rest) = text.split_at(digits_end);
        if number.is_empty() {
            return Err(DurationError::Invalid);
        }
        let mut amount: u32 = 0;
        for c in number.chars() {
            let d = digit_value(c).ok_or(DurationError::Invalid)?;
            amount = amount
                .checked_mul(10)
                .and_then(|a| a.checked_add(d))
                .ok_or(DurationError::AmountOutOfRange)?;
        }
        let unit = parse_unit(rest.trim_start()).ok_or(DurationError::Invalid)?;
        Duration::new(amount, unit)
    }
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn parse_unit(text: &str) -> Option<Unit> {
    if let Some(&(_, unit)) = CHINESE_UNITS.iter().find(|(word, _)| *word == text) {
        return Some(unit);
    }
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_ascii_whitespace().collect();
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_owned();
    match words.as_slice() {
        [w] => match singular(w).as_str() {
            "hour" => Some(Unit::Hours),
            "day" => Some(Unit::Days),
            "month" => Some(Unit::Months),
            "year" => Some(Unit::Years),
            _ => None,
        },
        ["working", w] => match singular(w).as_str() {
            "hour" => Some(Unit::WorkingHours),
            "day" => Some(Unit::WorkingDays),
            _ => None,
        },
        _ => None,
    }
}

/// Written as its text (`15 working days`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(u32, Unit), DurationError> {
        text.parse::<Duration>().map(|d| (d.amount(), d.unit()))
    }

    #[test]
    fn english_forms() {
        assert_eq!(parse("1 working day"), Ok((1, Unit::WorkingDays)));
        assert_eq!(parse("5 working days"), Ok((5, Unit::WorkingDays)));
        assert_eq!(parse("15 days"), Ok((15, Unit::Days)));
        assert_eq!(parse("1 day"), Ok((1, Unit::Days)));
        assert_eq!(parse("24 hours"), Ok((24, Unit::Hours)));
        assert_eq!(parse("3 years"), Ok((3, Unit::Years)));
        assert_eq!(parse("1 month"), Ok((1, Unit::Months)));
        assert_eq!(parse("  8 Working  Hours "), Ok((8, Unit::WorkingHours)));
        assert_eq!(parse("15days"), Ok((15, Unit::Days)));
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(parse("5個工作日"), Ok((5, Unit::WorkingDays)));
        assert_eq!(parse("5个工作日"), Ok((5, Unit::WorkingDays)));
        assert_eq!(parse("5工作日"), Ok((5, Unit::WorkingDays)));
        assert_eq!(parse("15日"), Ok((15, Unit::Days)));
        assert_eq!(parse("15天"), Ok((15, Unit::Days)));
        assert_eq!(parse("24小時"), Ok((24, Unit::Hours)));
        assert_eq!(parse("24小时"), Ok((24, Unit::Hours)));
        assert_eq!(parse("1個月"), Ok((1, Unit::Months)));
        assert_eq!(parse("1个月"), Ok((1, Unit::Months)));
        assert_eq!(parse("3年"), Ok((3, Unit::Years)));
        assert_eq!(parse("１５日"), Ok((15, Unit::Days)));
        assert_eq!(parse("8個工作小時"), Ok((8, Unit::WorkingHours)));
    }

    #[test]
    fn bad_input() {
        for bad in [
            "",
            "days",
            "0 days",
            "-1 days",
            "1.5 days",
            "15",
            "15 weeks",
            "fifteen days",
            "15 days ago",
            "15 working",
            "十五日",
            "100000 days",
            "99999999999999999999 days",
            "15 日s",
            "1 workingday",
            "3月",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "1 hour",
            "2 working hours",
            "1 day",
            "15 days",
            "1 working day",
            "3 years",
        ] {
            assert_eq!(text.parse::<Duration>().unwrap().to_string(), text);
        }
    }
}
