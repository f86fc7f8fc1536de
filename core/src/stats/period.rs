//! Report periods: months, quarters and years in office time (§7.1.2).
//!
//! A period is written `2025-01` (a month), `2025-Q1` (a quarter) or `2025` (a year). Which
//! period an instant falls in is decided in the office offset, like every day and month of the
//! library: `2025-03-31T16:30:00Z` is 00:30 on 1 April in Beijing, a `2025-04` and `2025-Q2`
//! complaint.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::StatsError;
use crate::time::{self, Instant, MAX_DATE, MIN_DATE, YearMonth, ascii_number};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The length of a report period (§7.1.2: monthly, quarterly and annual reports).
    pub enum Granularity("granularity", "stats.invalid_granularity") {
        /// Calendar months, `2025-01`.
        Month = "month",
        /// Calendar quarters, `2025-Q1` (January–March, …).
        Quarter = "quarter",
        /// Calendar years, `2025`.
        Year = "year",
    }
}

impl Granularity {
    /// The index of the period holding the month with index `year * 12 + month0`.
    pub(crate) fn index_of_month(self, month_index: i32) -> i32 {
        match self {
            Granularity::Month => month_index,
            Granularity::Quarter => month_index.div_euclid(3),
            Granularity::Year => month_index.div_euclid(12),
        }
    }

    fn months(self) -> i32 {
        match self {
            Granularity::Month => 1,
            Granularity::Quarter => 3,
            Granularity::Year => 12,
        }
    }
}

/// A month, quarter or year: the unit of a report row.
///
/// Ordered in time within one granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    granularity: Granularity,
    // Months since year 0 (`year * 12 + month - 1`), quarters (`year * 4 + q - 1`) or years.
    index: i32,
}

impl Period {
    /// The month as a period.
    pub fn month(month: YearMonth) -> Self {
        Period {
            granularity: Granularity::Month,
            index: month.year() * 12 + month.month() as i32 - 1,
        }
    }

    /// Quarter `quarter` (1–4) of `year`.
    ///
    /// # Errors
    /// [`StatsError::InvalidPeriod`] for a quarter outside 1–4 or a year outside 1900–2999.
    pub fn quarter(year: i32, quarter: u32) -> Result<Self, StatsError> {
        if !(1..=4).contains(&quarter) || !year_in_range(year) {
            return Err(StatsError::InvalidPeriod);
        }
        Ok(Period {
            granularity: Granularity::Quarter,
            index: year * 4 + quarter as i32 - 1,
        })
    }

    /// The year as a period.
    ///
    /// # Errors
    /// [`StatsError::InvalidPeriod`] for a year outside 1900–2999.
    pub fn year(year: i32) -> Result<Self, StatsError> {
        if !year_in_range(year) {
            return Err(StatsError::InvalidPeriod);
        }
        Ok(Period {
            granularity: Granularity::Year,
            index: year,
        })
    }

    /// The period of `granularity` that holds `date`.
    pub fn of_date(date: NaiveDate, granularity: Granularity) -> Self {
        let month_index = date.year() * 12 + date.month0() as i32;
        Period {
            granularity,
            index: granularity.index_of_month(month_index),
        }
    }

    /// The period of `granularity` that `at` falls in, in office time.
    ///
    /// ```
    /// use complaint_office::stats::{Granularity, Period};
    /// use complaint_office::time::{parse_instant, parse_offset};
    ///
    /// let beijing = parse_offset("+08:00")?;
    /// let at = parse_instant("2025-03-31T16:30:00Z")?; // 00:30 on 1 April in Beijing
    /// assert_eq!(Period::of_instant(at, Granularity::Quarter, beijing).to_string(), "2025-Q2");
    /// # Ok::<(), complaint_office::Error>(())
    /// ```
    pub fn of_instant(at: Instant, granularity: Granularity, office: FixedOffset) -> Self {
        Self::of_date(time::office_date(at, office), granularity)
    }

    pub(crate) fn from_index(granularity: Granularity, index: i32) -> Self {
        Period { granularity, index }
    }

    pub(crate) fn index(self) -> i32 {
        self.index
    }

    /// Month, quarter or year.
    pub fn granularity(self) -> Granularity {
        self.granularity
    }

    fn first_month_index(self) -> i32 {
        self.index * self.granularity.months()
    }

    /// The calendar year the period lies in.
    pub fn calendar_year(self) -> i32 {
        self.first_month_index().div_euclid(12)
    }

    /// The first day of the period.
    pub fn first_day(self) -> NaiveDate {
        day_of_month_index(self.first_month_index())
    }

    /// The last day of the period.
    pub fn last_day(self) -> NaiveDate {
        self.succ().first_day().pred_opt().unwrap_or(MIN_DATE)
    }

    /// The first instant of the period: midnight of its first day, in office time.
    pub fn start(self, office: FixedOffset) -> Instant {
        time::at_office_time(self.first_day(), 0, office)
    }

    /// The end of the period (exclusive): the first instant of the next period, in office time.
    pub fn end(self, office: FixedOffset) -> Instant {
        self.succ().start(office)
    }

    /// The period after this one.
    pub fn succ(self) -> Self {
        Period {
            granularity: self.granularity,
            index: self.index + 1,
        }
    }

    /// The period before this one.
    pub fn pred(self) -> Self {
        Period {
            granularity: self.granularity,
            index: self.index - 1,
        }
    }
}

fn year_in_range(year: i32) -> bool {
    (MIN_DATE.year()..=MAX_DATE.year()).contains(&year)
}

fn day_of_month_index(month_index: i32) -> NaiveDate {
    let year = month_index.div_euclid(12);
    let month = month_index.rem_euclid(12) as u32 + 1;
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(if month_index < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Month => write!(
                f,
                "{:04}-{:02}",
                self.index.div_euclid(12),
                self.index.rem_euclid(12) + 1
            ),
            Granularity::Quarter => write!(
                f,
                "{:04}-Q{}",
                self.index.div_euclid(4),
                self.index.rem_euclid(4) + 1
            ),
            Granularity::Year => write!(f, "{:04}", self.index),
        }
    }
}

impl FromStr for Period {
    type Err = StatsError;

    /// Reads `2025-01`, `2025-Q1` or `2025`.
    fn from_str(text: &str) -> Result<Self, StatsError> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r)
                .and_then(ascii_number)
                .and_then(|n| i32::try_from(n).ok())
        };
        let year = digits(0..4).ok_or(StatsError::InvalidPeriod)?;
        match (b.len(), b.get(4), b.get(5)) {
            (4, None, None) => Period::year(year),
            (7, Some(b'-'), Some(b'Q')) => {
                let q = digits(6..7).ok_or(StatsError::InvalidPeriod)?;
                Period::quarter(year, q as u32)
            }
            (7, Some(b'-'), Some(_)) => {
                let m = digits(5..7).ok_or(StatsError::InvalidPeriod)?;
                if !year_in_range(year) {
                    return Err(StatsError::InvalidPeriod);
                }
                YearMonth::new(year, m as u32)
                    .map(Period::month)
                    .map_err(|_| StatsError::InvalidPeriod)
            }
            _ => Err(StatsError::InvalidPeriod),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{parse_instant, parse_offset};

    #[test]
    fn periods_print_and_parse() {
        for text in [
            "2025-01", "2025-12", "2025-Q1", "2025-Q4", "2025", "1900", "2999-12",
        ] {
            let p: Period = text.parse().unwrap();
            assert_eq!(p.to_string(), text);
        }
        for bad in [
            "2025-13",
            "2025-00",
            "2025-Q0",
            "2025-Q5",
            "2025-q1",
            "25-01",
            "1899",
            "3000",
            "2025-1",
            "2025-Q",
            "",
            "２０２５",
            "2025-01-01",
            "+2025",
        ] {
            assert_eq!(
                bad.parse::<Period>(),
                Err(StatsError::InvalidPeriod),
                "{bad}"
            );
        }
    }

    #[test]
    fn bounds_follow_the_office_offset() {
        let cst = parse_offset("+08:00").unwrap();
        let q: Period = "2025-Q1".parse().unwrap();
        assert_eq!(q.first_day().to_string(), "2025-01-01");
        assert_eq!(q.last_day().to_string(), "2025-03-31");
        assert_eq!(
            crate::time::format_instant(&q.start(cst)),
            "2025-01-01T00:00:00+08:00"
        );
        assert_eq!(
            crate::time::format_instant(&q.end(cst)),
            "2025-04-01T00:00:00+08:00"
        );
        let at = parse_instant("2025-03-31T16:00:00Z").unwrap();
        assert_eq!(
            Period::of_instant(at, Granularity::Month, cst).to_string(),
            "2025-04"
        );
        let at = parse_instant("2025-03-31T15:59:59Z").unwrap();
        assert_eq!(
            Period::of_instant(at, Granularity::Month, cst).to_string(),
            "2025-03"
        );
        assert_eq!(
            Period::of_instant(at, Granularity::Year, cst).to_string(),
            "2025"
        );
        let y: Period = "2024".parse().unwrap();
        assert_eq!(y.last_day().to_string(), "2024-12-31");
        assert_eq!(y.succ().to_string(), "2025");
        let m: Period = "2024-01".parse().unwrap();
        assert_eq!(m.pred().to_string(), "2023-12");
    }

    #[test]
    fn granularity_names() {
        assert_eq!("quarter".parse::<Granularity>(), Ok(Granularity::Quarter));
        let e = "week".parse::<Granularity>().unwrap_err();
        assert_eq!(crate::ErrorCode::code(&e), "stats.invalid_granularity");
    }
}
