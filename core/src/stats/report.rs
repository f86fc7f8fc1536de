//! The periodic report (§7.1): per period the count, the counts by category, department,
//! channel and severity, handling time, satisfaction, open cases and the change against the
//! previous period; over the range the fastest-growing categories and departments.
//!
//! What each figure means, precisely:
//! - A record counts in the period it was **received** in (office time): `total` and the
//!   `by_*` counts. Records without a channel (or severity) are not in `by_channel`
//!   (`by_severity`); names absent from a period are left out (count 0).
//! - `closed`, `handling_hours` and `satisfaction_rate` are about the cases **closed** in the
//!   period, wherever they were received: handling time from receipt to closing in hours
//!   (mean, median, 90th percentile with numpy's linear interpolation), and satisfied /
//!   answered (null when none answered).
//! - `open_at_end`: records received before the period's end and not closed before it (the
//!   end is the first instant of the next period), counting every record of the ledger,
//!   including those received before the report's range.
//! - `change`: `total` minus the previous period's, and that as a percentage of the previous
//!   (null when the previous is 0). `change` is null when the previous period lies before the
//!   ledger's first record: there is nothing to compare with.
//! - The range is every period from the first to the last in which a record was received,
//!   empty periods included so trends stay continuous; [`ReportOptions::from`] and
//!   [`ReportOptions::to`] set it instead.

use std::collections::BTreeMap;

use serde::Serialize;

use super::StatsError;
use super::day_periods::DayPeriods;
use super::growth::Growth;
use super::indicators::{self, Indicators, Range};
use super::ledger::{Ledger, Rejected};
use super::percentile::HandlingHours;
use super::period::{Granularity, Period};
use super::tally::{self, Tally};
use crate::policy::Policy;

/// What to report on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    /// Months, quarters or years.
    pub granularity: Granularity,
    /// The first period to report; by default the first with a record.
    pub from: Option<Period>,
    /// The last period to report; by default the last with a record.
    pub to: Option<Period>,
}

impl ReportOptions {
    /// A report over the ledger's whole range.
    pub fn new(granularity: Granularity) -> Self {
        ReportOptions {
            granularity,
            from: None,
            to: None,
        }
    }

    /// [`StatsError::InvalidRange`] when `from` or `to` is of another granularity, or `to` is
    /// before `from`.
    pub(crate) fn check(&self) -> Result<(), StatsError> {
        for end in [self.from, self.to].into_iter().flatten() {
            if end.granularity() != self.granularity {
                return Err(StatsError::InvalidRange {
                    reason: "from and to must be periods of the report's granularity",
                });
            }
        }
        if let (Some(from), Some(to)) = (self.from, self.to)
            && to < from
        {
            return Err(StatsError::InvalidRange {
                reason: "the range ends before it starts",
            });
        }
        Ok(())
    }
}

/// The change of a period's total against the previous period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// This total minus the previous.
    pub absolute: i64,
    /// `absolute` as a percentage of the previous total (12.5 means +12.5 %); null when the
    /// previous total is 0.
    pub percent: Option<f64>,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PeriodStats {
    /// The period, `2025-01`, `2025-Q1` or `2025`.
    pub period: Period,
    /// Complaints received in the period.
    pub total: u64,
    /// Received, by category.
    pub by_category: BTreeMap<String, u64>,
    /// Received, by department.
    pub by_department: BTreeMap<String, u64>,
    /// Received, by channel (records with a channel only).
    pub by_channel: BTreeMap<String, u64>,
    /// Received, by severity (records with a severity only).
    pub by_severity: BTreeMap<String, u64>,
    /// Cases closed in the period.
    pub closed: u64,
    /// Handling time of the cases closed in the period.
    pub handling_hours: HandlingHours,
    /// Satisfied / answered among the cases closed in the period; null when none answered.
    pub satisfaction_rate: Option<f64>,
    /// Cases open at the period's end.
    pub open_at_end: u64,
    /// Against the previous period; null when the ledger has nothing before this period.
    pub change: Option<Change>,
    /// The office indicators (on-time rates, overdue counts, working days, re-handling,
    /// repeats, outcomes), when the ledger has case columns; their keys then sit beside the
    /// others in the period's JSON.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub indicators: Option<Indicators>,
}

/// The lower bounds of the handling-time buckets of [`Overview::handling_histogram`], in
/// hours: under 1 day, 1–3 days, 3–7 days, 7–15 days (the default plan limit, §4.1.2),
/// 15–30 days (the extended limit) and 30 days or more.
pub const HANDLING_BUCKETS_HOURS: [u32; 6] = [0, 24, 72, 168, 360, 720];

/// Figures over the whole range, for charts and headlines.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Overview {
    /// Complaints received in the range.
    pub total: u64,
    /// Received in the range, by category.
    pub by_category: BTreeMap<String, u64>,
    /// Received in the range, by department.
    pub by_department: BTreeMap<String, u64>,
    /// Received in the range, by channel.
    pub by_channel: BTreeMap<String, u64>,
    /// Received in the range, by severity.
    pub by_severity: BTreeMap<String, u64>,
    /// Cases closed in the range.
    pub closed: u64,
    /// Handling time of the cases closed in the range.
    pub handling_hours: HandlingHours,
    /// Cases closed in the range by handling time, one count per
    /// [`HANDLING_BUCKETS_HOURS`] bucket.
    pub handling_histogram: [u64; 6],
    /// Satisfied / answered among the cases closed in the range.
    pub satisfaction_rate: Option<f64>,
    /// The office indicators over the range, when the ledger has case columns.
    pub indicators: Option<Indicators>,
}

/// A periodic report (§7.1.2). Serializes to the documented JSON shape
/// (`granularity`, `periods`, `growth`, `rejected`); [`Report::overview`] is for charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// Months, quarters or years.
    pub granularity: Granularity,
    /// One entry per period of the range, in order.
    pub periods: Vec<PeriodStats>,
    /// The fastest-growing categories and departments.
    pub growth: Growth,
    /// Rows the ledger left out in lenient mode.
    pub rejected: Vec<Rejected>,
    /// Figures over the whole range.
    #[serde(skip)]
    pub overview: Overview,
}

impl Ledger {
    /// The report of the whole ledger; see [`Report::build`].
    ///
    /// # Errors
    /// As [`Report::build`].
    pub fn report(&self, granularity: Granularity, policy: &Policy) -> Result<Report, StatsError> {
        Report::build(self, &ReportOptions::new(granularity), policy)
    }
}

impl Report {
    /// Builds the report of a ledger, periods in the policy's office offset.
    ///
    /// ```
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::{CsvOptions, Granularity, Ledger, Report, ReportOptions};
    ///
    /// let csv = "number,received_at,category,department,closed_at,satisfied\n\
    ///            25010001,2025-01-02 09:00:00,product_quality,production,2025-01-03 09:00:00,true\n\
    ///            25030001,2025-03-31T16:30:00Z,service_attitude,sales,,\n";
    /// let policy = Policy::default();
    /// let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &policy)?;
    /// let report = Report::build(&ledger, &ReportOptions::new(Granularity::Month), &policy)?;
    /// let months: Vec<String> = report.periods.iter().map(|p| p.period.to_string()).collect();
    /// assert_eq!(months, ["2025-01", "2025-02", "2025-03", "2025-04"]); // 16:30Z is April in Beijing
    /// assert_eq!(report.periods[0].handling_hours.median, Some(24.0));
    /// assert_eq!(report.periods[3].open_at_end, 1);
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::InvalidRange`] when `from` or `to` is of another granularity, or `to` is
    /// before `from`.
    pub fn build(
        ledger: &Ledger,
        options: &ReportOptions,
        policy: &Policy,
    ) -> Result<Report, StatsError> {
        options.check()?;
        let granularity = options.granularity;
        let office = policy.office_offset().local_minus_utc();
        let rows = ledger.rows();
        let days = DayPeriods::new(granularity, office, tally::instants(&rows), ledger.len());
        let mut tally = Tally::new(options);
        tally.add(&rows, &days);
        let range = tally.range();
        let office = ledger
            .has_case_columns()
            .then_some(range)
            .flatten()
            .map(|(lo, hi)| {
                let received: Vec<i32> =
                    ledger.received.iter().map(|&at| days.period(at)).collect();
                let range = Range {
                    lo,
                    periods: usize::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(0),
                };
                indicators::indicators(ledger, range, &received, |at| days.period(at), policy)
            });
        let mut report = tally.finish(ledger);
        if let Some((periods, overview)) = office {
            for (p, i) in report.periods.iter_mut().zip(periods) {
                p.indicators = Some(i);
            }
            report.overview.indicators = Some(overview);
        }
        Ok(report)
    }

    /// The report as JSON text, in its documented shape (`granularity`, `periods`, `growth`,
    /// `rejected`), for hosts that store or forward it.
    ///
    /// ```
    /// use complaint_office::policy::Policy;
    /// use complaint_office::stats::{Granularity, Leniency, Ledger, Record};
    ///
    /// let ledger = Ledger::from_records(Vec::<Record>::new(), Leniency::Strict)?;
    /// let report = ledger.report(Granularity::Quarter, &Policy::default())?;
    /// assert_eq!(
    ///     report.to_json()?,
    ///     r#"{"granularity":"quarter","periods":[],"growth":{"categories":[],"departments":[]},"rejected":[]}"#
    /// );
    /// # Ok::<(), complaint_office::stats::StatsError>(())
    /// ```
    ///
    /// # Errors
    /// [`StatsError::Unwritable`] if a value cannot be written as JSON (not expected: every
    /// figure is a number, a name or a list of them). Never an empty text.
    pub fn to_json(&self) -> Result<String, StatsError> {
        serde_json::to_string(self).map_err(|e| StatsError::Unwritable {
            reason: e.to_string(),
        })
    }
}

/// The counts of [`Overview::handling_histogram`]: a value is in the last bucket whose bound
/// its whole hours reach (a negative one in the first).
///
/// Each bound's count of values reaching it is a sum in a register, one per bound, that the
/// compiler keeps in vector lanes; a bucket is the difference of two neighbouring sums. Adding
/// one to `histogram[bucket]` per value instead waits on the previous store to the same
/// counter whenever neighbouring cases fall in the same bucket, as most do.
pub(crate) fn handling_histogram(parts: &[&[i64]]) -> [u64; 6] {
    let bounds = HANDLING_BUCKETS_HOURS.map(|b| i64::from(b) * 3600);
    let mut reached = [0u64; 6];
    // A loop per part, not one over a flattened iterator: the compiler vectorises it.
    for part in parts {
        for &d in *part {
            // `d / 3600 >= b` is `d >= b * 3600` for b ≥ 0, d of either sign (truncation
            // toward 0).
            for (r, &b) in reached.iter_mut().zip(&bounds) {
                *r += u64::from(d >= b);
            }
        }
    }
    let mut histogram = [0u64; 6];
    let all = parts.iter().map(|p| p.len() as u64).sum::<u64>();
    for (i, h) in histogram.iter_mut().enumerate() {
        let here = if i == 0 { all } else { reached[i] };
        *h = here - reached.get(i + 1).copied().unwrap_or(0);
    }
    histogram
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_puts_each_value_in_the_last_bucket_its_hours_reach() {
        // Every bound, a second either side of it, and values of both signs.
        let mut durations: Vec<i64> = vec![i64::MIN, -7_200, -3_601, -3_600, -1, 0, i64::MAX];
        for b in HANDLING_BUCKETS_HOURS {
            let at = i64::from(b) * 3600;
            durations.extend([at - 1, at, at + 1, at + 3_599, at + 3_600]);
        }
        let mut expected = [0u64; 6];
        for &d in &durations {
            let hours = d / 3600;
            let bucket = HANDLING_BUCKETS_HOURS
                .iter()
                .rposition(|&b| hours >= i64::from(b))
                .unwrap_or(0);
            expected[bucket] += 1;
        }
        assert_eq!(handling_histogram(&[&durations]), expected);
        let (a, b) = durations.split_at(9);
        assert_eq!(handling_histogram(&[a, &[], b]), expected);
        assert_eq!(expected.iter().sum::<u64>(), durations.len() as u64);
        assert_eq!(
            expected[5], 5,
            "720 h, 720 h + 1 s, 720 h 59 min 59 s, 721 h, i64::MAX"
        );
        assert_eq!(handling_histogram(&[]), [0; 6]);
        assert_eq!(handling_histogram(&[&[]]), [0; 6]);
    }
}
