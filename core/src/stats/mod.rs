//! Statistics and analysis (§7): ledgers in; monthly, quarterly and annual reports, trends and
//! charts out.
//!
//! ```text
//! Ledger::from_records(records, Leniency)            Rust records
//! Ledger::from_csv_reader(reader, &CsvOptions, &Policy)   a CSV export (from_csv_path: a file)
//! Ledger::from_columns(&Columns, Leniency)           parallel arrays (the bindings' batch form)
//!   ledger.report(Granularity::Month, &policy)       or Report::build(&ledger, &ReportOptions, &policy)
//!     report.periods[..]                             PeriodStats: totals, by_*, handling_hours,
//!                                                    satisfaction_rate, open_at_end, change
//!     report.growth                                  fastest-growing categories and departments
//!     charts(&report, &policy)                       self-contained SVG charts
//!     category_colour(&policy, code)                 a category's colour in every chart
//!     html(&report, &policy)                         a single-file HTML report with the charts
//! Period, Granularity                                `2025-01`, `2025-Q1`, `2025`, in office time
//! synthetic::Synthetic                               a generated ledger for demos and benchmarks
//! ```
//!
//! Periods are decided in the policy's office offset; CSV times without an offset are office
//! time. Every figure is exact (counts) or computed from exact integer sums (means, slopes);
//! percentiles follow numpy's linear interpolation. See [`report`](Report::build) for what each
//! figure means.
//!
//! ```
//! use complaint_office::policy::Policy;
//! use complaint_office::stats::{CsvOptions, Granularity, Ledger};
//!
//! let csv = "number,received_at,channel,category,department,severity,closed_at,satisfied\n\
//!     25010001,2025-01-02 09:00:00,hotline,product_quality,production,general,2025-01-04 09:00:00,true\n\
//!     25010002,2025-01-20 14:00:00,email,service_attitude,sales,serious,,\n\
//!     25020001,2025-02-03 10:00:00,hotline,product_quality,production,general,2025-02-04 10:00:00,false\n";
//! let policy = Policy::default();
//! let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &policy)?;
//! let report = ledger.report(Granularity::Month, &policy)?;
//!
//! let february = &report.periods[1];
//! assert_eq!(february.period.to_string(), "2025-02");
//! assert_eq!(february.total, 1);
//! assert_eq!(february.by_category["product_quality"], 1);
//! assert_eq!(february.handling_hours.mean, Some(24.0));
//! assert_eq!(february.satisfaction_rate, Some(0.0));
//! assert_eq!(february.open_at_end, 1);
//! assert_eq!(february.change.unwrap().percent, Some(-50.0));
//!
//! let page = complaint_office::stats::html(&report, &policy);
//! assert!(page.contains("<svg"));
//! # Ok::<(), complaint_office::stats::StatsError>(())
//! ```

#[cfg(feature = "arrow")]
pub mod arrow;
mod case_columns;
mod charts;
mod columns;
mod counts;
mod csv_input;
mod day_periods;
mod error;
mod growth;
mod html;
mod indicators;
mod intern;
mod labels;
mod ledger;
mod percentile;
mod period;
mod record;
mod report;
mod split;
mod svg;
pub mod synthetic;
mod tally;
mod timestamp;

pub use case_columns::{MeasuredStage, Outcome, TimeLimit};
pub use charts::{Charts, category_colour, charts};
pub use columns::Columns;
pub use csv_input::{ColumnNames, CsvOptions};
pub use error::StatsError;
pub use growth::{Growth, Trend};
pub use html::html;
pub use indicators::{HandlingDays, Indicators, OnTime};
pub use labels::{department_label, label_for};
pub use ledger::{Ledger, LedgerBuilder, Leniency, Rejected};
pub use percentile::HandlingHours;
pub use period::{Granularity, Period};
pub use record::Record;
pub use report::{Change, HANDLING_BUCKETS_HOURS, Overview, PeriodStats, Report, ReportOptions};
