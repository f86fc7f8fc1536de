//! A synthetic ledger for demos, tests and benchmarks: deterministic from a seed, with trends,
//! seasons and realistic handling times, and valid numbers (at most 9,999 complaints a month).
//!
//! ```
//! use complaint_office::policy::Policy;
//! use complaint_office::stats::{CsvOptions, Granularity, Ledger, synthetic::Synthetic};
//!
//! let synthetic = Synthetic { rows: 2_000, months: 24, ..Synthetic::default() };
//! let policy = Policy::default();
//! let from_csv = Ledger::from_csv_reader(synthetic.csv()?.as_bytes(), &CsvOptions::default(), &policy)?;
//! let from_records = Ledger::from_records(synthetic.records(&policy)?, Default::default())?;
//! assert_eq!(from_csv.len(), 2_000);
//! assert_eq!(
//!     from_csv.report(Granularity::Quarter, &policy)?,
//!     from_records.report(Granularity::Quarter, &policy)?,
//! );
//! # Ok::<(), complaint_office::stats::StatsError>(())
//! ```

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::StatsError;
use super::record::Record;
use super::timestamp::{days_from_civil, write_local};
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::time::YearMonth;

/// The shape of a synthetic ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synthetic {
    /// How many complaints (fewer if a month would pass 9,999).
    pub rows: usize,
    /// The first month.
    pub first_month: YearMonth,
    /// How many months.
    pub months: u32,
    /// The seed: the same seed gives the same ledger.
    pub seed: u64,
}

impl Default for Synthetic {
    /// A million complaints over 2016–2025, the benchmark ledger.
    fn default() -> Self {
        Synthetic {
            rows: 1_000_000,
            first_month: YearMonth::new(2016, 1)
                .unwrap_or_else(|_| YearMonth::of(crate::time::MIN_DATE)),
            months: 120,
            seed: 2025,
        }
    }
}

/// Category, its share at the start and at the end, and its departments with weights.
type CategoryModel = (&'static str, f64, f64, &'static [(&'static str, f64)]);

const CATEGORIES: [CategoryModel; 7] = [
    (
        "product_quality",
        0.30,
        0.22,
        &[("production", 0.8), ("quality_assurance", 0.2)],
    ),
    (
        "service_attitude",
        0.22,
        0.28,
        &[("customer_service", 0.85), ("sales", 0.15)],
    ),
    ("delivery", 0.12, 0.18, &[("logistics", 1.0)]),
    ("billing", 0.12, 0.10, &[("finance", 0.9), ("sales", 0.1)]),
    (
        "after_sales",
        0.10,
        0.11,
        &[("customer_service", 0.5), ("technical_support", 0.5)],
    ),
    (
        "management",
        0.09,
        0.06,
        &[("administration", 0.6), ("human_resources", 0.4)],
    ),
    ("other", 0.05, 0.05, &[("administration", 1.0)]),
];
const CHANNELS: [(&str, f64); 4] = [
    ("hotline", 0.40),
    ("email", 0.25),
    ("oa", 0.20),
    ("on_site", 0.15),
];
/// Severity, share, mean handling hours.
const SEVERITIES: [(&str, f64, f64); 3] = [
    ("general", 0.85, 60.0),
    ("serious", 0.12, 150.0),
    ("major", 0.03, 320.0),
];

/// One generated row, times in local (office) seconds.
struct Row {
    number: ComplaintNumber,
    received: i64,
    closed: Option<i64>,
    channel: &'static str,
    category: &'static str,
    department: &'static str,
    severity: &'static str,
    satisfied: Option<bool>,
}

impl Synthetic {
    /// The ledger as CSV with the default header, times in office time without offset.
    ///
    /// # Errors
    /// [`StatsError::InvalidPeriod`] when a month lies outside 2000–2099 (complaint numbers
    /// have two-digit years).
    pub fn csv(&self) -> Result<String, StatsError> {
        let mut out = String::with_capacity(self.rows * 112 + 128);
        out.push_str(
            "number,received_at,channel,category,department,severity,closed_at,satisfied\n",
        );
        self.generate(|r| {
            let _ = write!(out, "{},", r.number);
            write_local(&mut out, r.received);
            let _ = write!(
                out,
                ",{},{},{},{},",
                r.channel, r.category, r.department, r.severity
            );
            if let Some(closed) = r.closed {
                write_local(&mut out, closed);
            }
            out.push_str(match r.satisfied {
                Some(true) => ",true\n",
                Some(false) => ",false\n",
                None => ",\n",
            });
        })?;
        Ok(out)
    }

    /// The ledger as records, instants in the policy's office offset.
    ///
    /// # Errors
    /// As [`Synthetic::csv`].
    pub fn records(&self, policy: &Policy) -> Result<Vec<Record>, StatsError> {
        let office = policy.office_offset();
        let at = |local: i64| -> Option<DateTime<FixedOffset>> {
            DateTime::from_timestamp(local - i64::from(office.local_minus_utc()), 0)
                .map(|d| d.with_timezone(&office))
        };
        let mut records = Vec::with_capacity(self.rows);
        let mut failed = false;
        self.generate(|r| match (at(r.received), r.closed.map(at)) {
            (Some(received_at), closed_at) if closed_at != Some(None) => records.push(Record {
                number: r.number,
                received_at,
                channel: Some(r.channel.to_owned()),
                category: r.category.to_owned(),
                department: r.department.to_owned(),
                severity: Some(r.severity.to_owned()),
                closed_at: closed_at.flatten(),
                satisfied: r.satisfied,
            }),
            _ => failed = true,
        })?;
        if failed {
            return Err(StatsError::InvalidPeriod);
        }
        Ok(records)
    }

    /// How many complaints each month gets: a rising trend with a season, summing to `rows`
    /// (largest remainders), capped at 9,999.
    fn month_counts(&self) -> Vec<usize> {
        let months = self.months.max(1) as usize;
        let weights: Vec<f64> = (0..months)
            .map(|m| {
                let t = m as f64 / (months.max(2) - 1) as f64;
                let season = ((m as f64 + self.first_month.month() as f64 - 3.0) / 12.0
                    * std::f64::consts::TAU)
                    .sin();
                (1.0 + 0.2 * t) * (1.0 + 0.08 * season)
            })
            .collect();
        let sum: f64 = weights.iter().sum();
        let exact: Vec<f64> = weights.iter().map(|w| w / sum * self.rows as f64).collect();
        let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
        let mut short = self.rows.saturating_sub(counts.iter().sum());
        let mut order: Vec<usize> = (0..months).collect();
        order.sort_by(|&a, &b| {
            (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor()))
        });
        for &m in order.iter().cycle().take(months * 2) {
            if short == 0 {
                break;
            }
            counts[m] += 1;
            short -= 1;
        }
        counts
            .iter()
            .map(|&c| c.min(ComplaintNumber::MAX_SERIAL as usize))
            .collect()
    }

    fn generate(&self, mut emit: impl FnMut(Row)) -> Result<(), StatsError> {
        let mut rng = SplitMix(self.seed);
        let counts = self.month_counts();
        let months = counts.len();
        let mut month = self.first_month;
        let end = {
            let mut m = self.first_month;
            for _ in 0..months {
                m = m.succ();
            }
            local_start(m)
        };
        let mut offsets = Vec::new();
        for (m, &count) in counts.iter().enumerate() {
            let start = local_start(month);
            let length = local_start(month.succ()) - start;
            offsets.clear();
            offsets.extend((0..count).map(|_| rng.below(length as u64) as i64));
            offsets.sort_unstable();
            let t = m as f64 / (months.max(2) - 1) as f64;
            for (serial, &offset) in (1u32..).zip(&offsets) {
                let number = ComplaintNumber::new(month.year(), month.month(), serial)
                    .map_err(|_| StatsError::InvalidPeriod)?;
                let received = start + offset;
                let shares = CATEGORIES.map(|(_, a, b, _)| a + (b - a) * t);
                let (category, _, _, departments) = CATEGORIES[pick(&mut rng, &shares)];
                let department = departments[pick(&mut rng, &departments.map_weights())].0;
                let channel = CHANNELS[pick(&mut rng, &CHANNELS.map(|c| c.1))].0;
                let s = pick(&mut rng, &SEVERITIES.map(|s| s.1));
                let (severity, _, mean_hours) = SEVERITIES[s];
                // Exponential handling time, at least half an hour; cases still running at the
                // ledger's end, and one in a hundred stuck, are open.
                let hours = (-(1.0 - rng.unit()).ln() * mean_hours).max(0.5);
                let closed = received + (hours * 3600.0) as i64;
                let closed = (closed < end && rng.unit() >= 0.01).then_some(closed);
                let satisfied = closed.and_then(|_| match rng.unit() {
                    u if u < 0.70 => Some(true),
                    u if u < 0.85 => Some(false),
                    _ => None,
                });
                emit(Row {
                    number,
                    received,
                    closed,
                    channel,
                    category,
                    department,
                    severity,
                    satisfied,
                });
            }
            month = month.succ();
        }
        Ok(())
    }
}

trait Weights {
    fn map_weights(&self) -> Vec<f64>;
}

impl Weights for &[(&str, f64)] {
    fn map_weights(&self) -> Vec<f64> {
        self.iter().map(|(_, w)| *w).collect()
    }
}

/// The first second of a month in local seconds.
fn local_start(month: YearMonth) -> i64 {
    days_from_civil(i64::from(month.year()), i64::from(month.month()), 1) * 86_400
}

/// An index drawn with the given weights.
fn pick(rng: &mut SplitMix, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.unit() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len().saturating_sub(1)
}

/// SplitMix64: small, fast, and the same everywhere.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n.max(1))) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_stay_within_the_serial_limit() {
        let s = Synthetic::default();
        let counts = s.month_counts();
        assert_eq!(counts.len(), 120);
        assert_eq!(counts.iter().sum::<usize>(), 1_000_000);
        assert!(counts.iter().all(|&c| c <= 9_999));
        let tiny = Synthetic {
            rows: 5,
            months: 12,
            ..s
        };
        assert_eq!(tiny.month_counts().iter().sum::<usize>(), 5);
    }

    #[test]
    fn same_seed_same_ledger() {
        let s = Synthetic {
            rows: 300,
            months: 3,
            ..Synthetic::default()
        };
        assert_eq!(s.csv().unwrap(), s.csv().unwrap());
        let other = Synthetic { seed: 1, ..s };
        assert_ne!(s.csv().unwrap(), other.csv().unwrap());
        assert!(
            s.csv()
                .unwrap()
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("16010001,2016-01-01 ")
        );
    }

    #[test]
    fn numbers_need_two_digit_years() {
        let s = Synthetic {
            rows: 10,
            first_month: YearMonth::new(1999, 12).unwrap(),
            months: 2,
            ..Synthetic::default()
        };
        assert_eq!(s.csv(), Err(StatsError::InvalidPeriod));
    }
}
