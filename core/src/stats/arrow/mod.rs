//! Arrow in and out (feature `arrow`): ledgers from record batches, reports as record
//! batches, working-day arithmetic over date and timestamp columns.
//!
//! ```text
//! Ledger::from_record_batches(batches, &ArrowOptions, &Policy)   a dataframe or query result
//! Report::from_record_batches(batches, &ArrowOptions, &ReportOptions, &Policy)   straight to a report
//! report.to_long_batch()        period, dimension, key, figure: every figure, one per row
//! report.to_wide_batch()        one row per period, a column per figure and per name
//! report.to_growth_batch()      the growth trends
//! report.to_rejected_batch()    the rows left out in lenient mode
//! days::add_working_days(&calendar, &dates, Count::One(5))      Date32 out
//! days::working_days_between(&calendar, &start, &end)           Int64 out
//! days::is_working_day(&calendar, &dates)                       Boolean out
//! days::period_end(&calendar, &starts, duration)                due, last_day, provisional
//! ```
//!
//! Only `arrow-array`, `arrow-schema` and `arrow-buffer` are used: no compute kernels, no
//! I/O. The bindings move batches across the Arrow C data interface (the Python binding reads
//! pyarrow, polars, pandas and DuckDB results without copying where the types allow).

pub mod days;
mod ledger;
mod memo;
mod report;
mod stream;

pub use ledger::ArrowOptions;
pub use report::{DIMENSIONS, long_schema};

/// The Arrow crates at the versions this feature is built with, for callers that build
/// batches themselves.
pub use {arrow_array, arrow_schema};
