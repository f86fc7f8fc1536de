//! A synthetic ledger for demos, tests and benchmarks: deterministic from a seed and the
//! policy, with trends, seasons and realistic handling times, and valid numbers (at most 9,999
//! complaints a month).
//!
//! Every code in it comes from the policy's own vocabularies, so that a report over it shows
//! the policy's labels, never a code the policy does not know:
//!
//! - **categories**, in the policy's order: category `i` has the base weight `1 / (i + 1)`
//!   (a policy lists its main kinds first); the fallback category (`other`) has a small weight
//!   of its own that does not drift. From the first month to the last, the weights of the
//!   other categories alternately fall and rise by 30 % (the first falls, the second rises,
//!   …), so a report over the ledger has categories that grow and categories that shrink (on
//!   top of the ledger's overall rise of about 20 %);
//! - **departments**: a complaint goes to its category's department; one in ten, when the
//!   policy has other departments, to one of them (a complaint can concern another department
//!   than the usual one);
//! - **channels**: the channels the policy keeps open (`[intake.eligible]` not empty), with
//!   typical shares (hotline 40 %, e-mail 25 %, OA 20 %, on site 15 %);
//! - **severities**: general 85 %, serious 12 %, major 3 %, handling times growing with
//!   severity.
//!
//! ```
//! use complaint_office::policy::Policy;
//! use complaint_office::stats::{CsvOptions, Granularity, Ledger, synthetic::Synthetic};
//!
//! let synthetic = Synthetic { rows: 2_000, months: 24, ..Synthetic::default() };
//! let policy = Policy::default();
//! let from_csv = Ledger::from_csv_reader(synthetic.csv(&policy)?.as_bytes(), &CsvOptions::default(), &policy)?;
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
use crate::input::InputError;
use crate::intake::Channel;
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::time::YearMonth;
use crate::triage::Severity;

/// The most rows a synthetic ledger has (ten million, about 1.1 GB of CSV): more is refused
/// with `input.too_large` before anything is allocated.
pub const MAX_ROWS: usize = 10_000_000;

/// The most months a synthetic ledger spans: complaint numbers have two-digit years, so
/// 2000–2099 is all there is.
pub const MAX_MONTHS: u32 = 1200;

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

/// What a synthetic ledger is drawn from (see the module documentation).
#[derive(Debug)]
struct Model<'p> {
    categories: Vec<CategoryModel<'p>>,
    departments: Vec<&'p str>,
    channels: Vec<(&'static str, f64)>,
}

/// A category: its code, its share at the start and at the end, its department's index.
#[derive(Debug)]
struct CategoryModel<'p> {
    code: &'p str,
    start: f64,
    end: f64,
    department: usize,
}

/// How much a category's share moves between the first and the last month (±30 %).
const CATEGORY_DRIFT: f64 = 0.3;
/// The share of complaints that concern another department than their category's.
const OTHER_DEPARTMENT: f64 = 0.1;
/// The fallback category's weight, against `1 / (i + 1)` for the others.
const FALLBACK_WEIGHT: f64 = 0.15;

/// Severity, share, mean handling hours.
const SEVERITIES: [(Severity, f64, f64); 3] = [
    (Severity::General, 0.85, 60.0),
    (Severity::Serious, 0.12, 150.0),
    (Severity::Major, 0.03, 320.0),
];

impl<'p> Model<'p> {
    fn of(policy: &'p Policy) -> Self {
        let classification = policy.classification();
        let departments: Vec<&str> = classification
            .departments
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        let mut drift = -CATEGORY_DRIFT;
        let categories = classification
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let department = departments
                    .iter()
                    .position(|d| *d == c.department)
                    .unwrap_or(0);
                let (start, end) = if c.code == classification.fallback {
                    (FALLBACK_WEIGHT, FALLBACK_WEIGHT)
                } else {
                    let base = 1.0 / (i + 1) as f64;
                    drift = -drift;
                    (base * (1.0 + drift), base * (1.0 - drift))
                };
                CategoryModel {
                    code: &c.code,
                    start,
                    end,
                    department,
                }
            })
            .collect();
        let channels = Channel::ALL
            .iter()
            .filter(|&&c| !policy.intake().eligible.get(c).is_empty())
            .map(|&c| {
                let share = match c {
                    Channel::Hotline => 0.40,
                    Channel::Email => 0.25,
                    Channel::Oa => 0.20,
                    Channel::OnSite => 0.15,
                };
                (c.as_str(), share)
            })
            .collect();
        Model {
            categories,
            departments,
            channels,
        }
    }

    /// The department of a complaint in `category`: usually the category's own.
    fn department(&self, category: &CategoryModel<'p>, rng: &mut SplitMix) -> &'p str {
        let own = category.department;
        let others = self.departments.len().saturating_sub(1);
        let mut index = own;
        if others > 0 && rng.unit() < OTHER_DEPARTMENT {
            // One of the others, uniformly: skip over the category's own.
            let k = rng.below(others as u64) as usize;
            index = if k < own { k } else { k + 1 };
        }
        self.departments.get(index).copied().unwrap_or_default()
    }
}

/// One generated row, times in local (office) seconds.
struct Row<'p> {
    number: ComplaintNumber,
    received: i64,
    closed: Option<i64>,
    channel: Option<&'static str>,
    category: &'p str,
    department: &'p str,
    severity: &'static str,
    satisfied: Option<bool>,
}

impl Synthetic {
    /// The ledger as CSV with the default header, times in office time without offset, its
    /// categories, departments and channels the policy's own (see the module documentation).
    ///
    /// # Errors
    /// [`StatsError::InvalidPeriod`] when a month lies outside 2000–2099 (complaint numbers
    /// have two-digit years) or there are more than [`MAX_MONTHS`];
    /// [`StatsError::Input`] (`input.too_large`) for more than [`MAX_ROWS`] rows, checked
    /// before anything is allocated.
    pub fn csv(&self, policy: &Policy) -> Result<String, StatsError> {
        self.check_size()?;
        let mut out = String::with_capacity(self.rows * 112 + 128);
        out.push_str(
            "number,received_at,channel,category,department,severity,closed_at,satisfied\n",
        );
        self.generate(&Model::of(policy), |r| {
            let _ = write!(out, "{},", r.number);
            write_local(&mut out, r.received);
            let _ = write!(
                out,
                ",{},{},{},{},",
                r.channel.unwrap_or_default(),
                r.category,
                r.department,
                r.severity
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

    /// The ledger as records, instants in the policy's office offset: the same complaints as
    /// [`Synthetic::csv`] with the same policy.
    ///
    /// # Errors
    /// As [`Synthetic::csv`].
    pub fn records(&self, policy: &Policy) -> Result<Vec<Record>, StatsError> {
        let office = policy.office_offset();
        let at = |local: i64| -> Option<DateTime<FixedOffset>> {
            DateTime::from_timestamp(local - i64::from(office.local_minus_utc()), 0)
                .map(|d| d.with_timezone(&office))
        };
        self.check_size()?;
        let mut records = Vec::with_capacity(self.rows);
        let mut failed = false;
        self.generate(&Model::of(policy), |r| {
            match (at(r.received), r.closed.map(at)) {
                (Some(received_at), closed_at) if closed_at != Some(None) => records.push(Record {
                    channel: r.channel.map(str::to_owned),
                    severity: Some(r.severity.to_owned()),
                    closed_at: closed_at.flatten(),
                    satisfied: r.satisfied,
                    ..Record::new(r.number, received_at, r.category, r.department)
                }),
                _ => failed = true,
            }
        })?;
        if failed {
            return Err(StatsError::InvalidPeriod);
        }
        Ok(records)
    }

    /// How many complaints each month gets: a rising trend with a season, summing to `rows`
    /// (largest remainders), capped at 9,999.
    /// Refuses sizes that would allocate without bound: more than [`MAX_ROWS`] rows
    /// (`input.too_large`) or more than [`MAX_MONTHS`] months (`stats.invalid_period`).
    fn check_size(&self) -> Result<(), StatsError> {
        if self.rows > MAX_ROWS {
            return Err(StatsError::Input(InputError::TooLarge {
                what: "the number of rows",
                max: MAX_ROWS as u64,
            }));
        }
        if self.months > MAX_MONTHS {
            return Err(StatsError::InvalidPeriod);
        }
        Ok(())
    }

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

    fn generate<'p>(
        &self,
        model: &Model<'p>,
        mut emit: impl FnMut(Row<'p>),
    ) -> Result<(), StatsError> {
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
        let mut shares = Vec::with_capacity(model.categories.len());
        let channel_shares: Vec<f64> = model.channels.iter().map(|c| c.1).collect();
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
                shares.clear();
                shares.extend(
                    model
                        .categories
                        .iter()
                        .map(|c| c.start + (c.end - c.start) * t),
                );
                // A policy has at least one category (its validation says so).
                let Some(category) = model.categories.get(pick(&mut rng, &shares)) else {
                    continue;
                };
                let department = model.department(category, &mut rng);
                let channel = model
                    .channels
                    .get(pick(&mut rng, &channel_shares))
                    .map(|c| c.0);
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
                    category: category.code,
                    department,
                    severity: severity.as_str(),
                    satisfied,
                });
            }
            month = month.succ();
        }
        Ok(())
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
    use std::collections::BTreeMap;

    use super::*;
    use crate::ErrorCode;

    #[test]
    fn sizes_are_checked_before_allocating() {
        let policy = Policy::default();
        for rows in [MAX_ROWS + 1, 1_000_000_000_000, usize::MAX] {
            let huge = Synthetic {
                rows,
                ..Synthetic::default()
            };
            assert_eq!(
                huge.csv(&policy).map_err(|e| e.code()),
                Err("input.too_large")
            );
            assert_eq!(
                huge.records(&policy).map_err(|e| e.code()),
                Err("input.too_large")
            );
        }
        let long = Synthetic {
            rows: 10,
            months: u32::MAX,
            ..Synthetic::default()
        };
        assert_eq!(long.csv(&policy), Err(StatsError::InvalidPeriod));
    }

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
        let policy = Policy::default();
        let s = Synthetic {
            rows: 300,
            months: 3,
            ..Synthetic::default()
        };
        assert_eq!(s.csv(&policy).unwrap(), s.csv(&policy).unwrap());
        let other = Synthetic { seed: 1, ..s };
        assert_ne!(s.csv(&policy).unwrap(), other.csv(&policy).unwrap());
        assert!(
            s.csv(&policy)
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
        assert_eq!(s.csv(&Policy::default()), Err(StatsError::InvalidPeriod));
    }

    /// Counts of each value of a column of the CSV.
    fn column_counts(csv: &str, column: usize) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for line in csv.lines().skip(1) {
            let value = line.split(',').nth(column).unwrap_or_default().to_owned();
            *counts.entry(value).or_default() += 1;
        }
        counts
    }

    fn names(counts: &BTreeMap<String, usize>) -> Vec<&str> {
        counts.keys().map(String::as_str).collect()
    }

    #[test]
    fn every_code_is_the_default_policys_own() {
        let policy = Policy::default();
        let csv = Synthetic {
            rows: 5_000,
            months: 12,
            ..Synthetic::default()
        }
        .csv(&policy)
        .unwrap();
        let classification = policy.classification();
        // Every category and every department of the policy, and nothing else.
        assert_eq!(
            names(&column_counts(&csv, 3)),
            ["management", "other", "product_quality", "service_attitude"]
        );
        assert_eq!(
            names(&column_counts(&csv, 4)),
            [
                "administration",
                "complaint_office",
                "customer_service",
                "quality"
            ]
        );
        assert_eq!(
            names(&column_counts(&csv, 2)),
            ["email", "hotline", "oa", "on_site"]
        );
        assert_eq!(
            names(&column_counts(&csv, 5)),
            ["general", "major", "serious"]
        );
        // Mostly routed as the policy routes each category.
        let routed = csv
            .lines()
            .skip(1)
            .filter(|line| {
                let fields: Vec<&str> = line.split(',').collect();
                classification
                    .category(fields[3])
                    .is_some_and(|c| c.department == fields[4])
            })
            .count();
        assert!(
            (4_300..=4_700).contains(&routed),
            "{routed} of 5,000 routed"
        );
    }

    #[test]
    fn a_policys_own_categories_departments_and_channels() {
        let policy = Policy::from_toml_str(
            r#"
            [intake.eligible]
            on_site = []

            [classification]
            fallback = "misc"

            [[classification.departments]]
            code = "logistics"
            labels = { zh_hant = "物流部", zh_hans = "物流部", en = "Logistics" }

            [[classification.departments]]
            code = "finance"
            labels = { zh_hant = "財務部", zh_hans = "财务部", en = "Finance" }

            [[classification.categories]]
            code = "delivery"
            labels = { zh_hant = "配送", zh_hans = "配送", en = "Delivery" }
            department = "logistics"
            keywords = ["配送"]

            [[classification.categories]]
            code = "billing"
            labels = { zh_hant = "賬單", zh_hans = "账单", en = "Billing" }
            department = "finance"
            keywords = ["账单"]

            [[classification.categories]]
            code = "misc"
            labels = { zh_hant = "其他", zh_hans = "其他", en = "Other" }
            department = "logistics"
            "#,
        )
        .unwrap();
        let shape = Synthetic {
            rows: 3_000,
            months: 24,
            ..Synthetic::default()
        };
        let csv = shape.csv(&policy).unwrap();
        assert_eq!(
            names(&column_counts(&csv, 3)),
            ["billing", "delivery", "misc"]
        );
        assert_eq!(names(&column_counts(&csv, 4)), ["finance", "logistics"]);
        // The on-site desk is closed by this policy.
        assert_eq!(names(&column_counts(&csv, 2)), ["email", "hotline", "oa"]);

        // Over the range, the first category shrinks and the second grows; the fallback
        // stays flat. The records are the same complaints.
        let ledger =
            crate::stats::Ledger::from_records(shape.records(&policy).unwrap(), Default::default())
                .unwrap();
        let report = ledger
            .report(crate::stats::Granularity::Quarter, &policy)
            .unwrap();
        let slope = |name: &str| {
            report
                .growth
                .categories
                .iter()
                .find(|t| t.name == name)
                .map(|t| t.percent)
                .unwrap()
        };
        assert!(slope("delivery") < 0.0, "delivery {}", slope("delivery"));
        assert!(slope("billing") > 5.0, "billing {}", slope("billing"));
        assert_eq!(report.overview.total, 3_000);
    }
}
