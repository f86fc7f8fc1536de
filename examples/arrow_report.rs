//! A ledger that is already an Arrow table (a dataframe, a query result) → the monthly report
//! as Arrow tables, and the working-day columns; with timings.
//!
//! ```text
//! cargo run --release --example arrow_report -- --rows 1000000 --runs 5   (default: 50,000 rows, 3 runs)
//! ```
//!
//! Builds the synthetic ledger as record batches in the two layouts dataframe libraries hand
//! over (names as dictionaries, as polars and pandas categoricals are; names as plain text, as
//! pyarrow strings are), then times batches → ledger → report (best of `--runs`, wall and CPU
//! time of this thread) and prints the first rows of the tidy long form.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::error::Error;
use std::sync::Arc;
use std::time::Instant;

use complaint_office::calendar::{Calendar, to_epoch_day};
use complaint_office::policy::Policy;
use complaint_office::stats::arrow::arrow_array::builder::StringDictionaryBuilder;
use complaint_office::stats::arrow::arrow_array::types::UInt32Type;
use complaint_office::stats::arrow::arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, RecordBatch, StringArray, StringViewArray,
    TimestampMicrosecondArray,
};
use complaint_office::stats::arrow::days::{self, Count};
use complaint_office::stats::arrow::{ArrowOptions, arrow_array::cast::AsArray};
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{Granularity, Ledger, Record};

fn dictionary(values: impl Iterator<Item = Option<String>>) -> ArrayRef {
    let mut b = StringDictionaryBuilder::<UInt32Type>::new();
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

fn batch(records: &[Record], dictionaries: bool) -> Result<RecordBatch, Box<dyn Error>> {
    let names = |f: &dyn Fn(&Record) -> Option<String>| -> ArrayRef {
        if dictionaries {
            dictionary(records.iter().map(f))
        } else {
            Arc::new(StringViewArray::from(
                records.iter().map(f).collect::<Vec<_>>(),
            ))
        }
    };
    let micros = |f: &dyn Fn(&Record) -> Option<i64>| -> ArrayRef {
        Arc::new(
            TimestampMicrosecondArray::from(records.iter().map(f).collect::<Vec<_>>())
                .with_timezone("UTC"),
        )
    };
    let columns: Vec<(&str, ArrayRef)> = vec![
        (
            "number",
            Arc::new(StringArray::from_iter_values(
                records.iter().map(|r| r.number.to_string()),
            )),
        ),
        (
            "received_at",
            micros(&|r| Some(r.received_at.timestamp_micros())),
        ),
        ("channel", names(&|r| r.channel.clone())),
        ("category", names(&|r| Some(r.category.clone()))),
        ("department", names(&|r| Some(r.department.clone()))),
        ("severity", names(&|r| r.severity.clone())),
        (
            "closed_at",
            micros(&|r| r.closed_at.map(|c| c.timestamp_micros())),
        ),
        (
            "satisfied",
            Arc::new(BooleanArray::from(
                records.iter().map(|r| r.satisfied).collect::<Vec<_>>(),
            )),
        ),
    ];
    Ok(RecordBatch::try_from_iter(columns)?)
}

/// Seconds this thread has run on a CPU (Linux).
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Best of `runs` (wall, cpu) seconds of `f`.
fn best<T>(
    runs: usize,
    mut f: impl FnMut() -> Result<T, Box<dyn Error>>,
) -> Result<(f64, f64, T), Box<dyn Error>> {
    let mut best: Option<(f64, f64, T)> = None;
    for _ in 0..runs.max(1) {
        let (t, c) = (Instant::now(), cpu_seconds());
        let value = f()?;
        let wall = t.elapsed().as_secs_f64();
        let cpu = c.zip(cpu_seconds()).map_or(f64::NAN, |(a, b)| b - a);
        if best
            .as_ref()
            .is_none_or(|b| cpu < b.1 || (cpu.is_nan() && wall < b.0))
        {
            best = Some((wall, cpu, value));
        }
    }
    best.ok_or_else(|| "no run".into())
}

fn main() -> Result<(), Box<dyn Error>> {
    // Small by default (the Rust suite runs every example in a debug build).
    let mut rows = 50_000;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rows" => rows = args.next().ok_or("--rows needs a value")?.parse()?,
            "--runs" => runs = args.next().ok_or("--runs needs a value")?.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    let policy = Policy::default();
    let records = Synthetic {
        rows,
        ..Synthetic::default()
    }
    .records(&policy)?;
    for (layout, dictionaries) in [("dictionary names", true), ("text names", false)] {
        let table = batch(&records, dictionaries)?;
        let (wall, cpu, report) = best(runs, || {
            let ledger = Ledger::from_record_batches([&table], &ArrowOptions::default(), &policy)?;
            Ok(ledger.report(Granularity::Month, &policy)?)
        })?;
        println!(
            "arrow table ({layout}) -> monthly report: {} rows, {} periods; timing: wall={wall:.4} cpu={cpu:.4} (seconds, best of {runs})",
            rows,
            report.periods.len()
        );
        if dictionaries {
            let long = report.to_long_batch()?;
            let wide = report.to_wide_batch()?;
            println!(
                "  long form {} rows x {} columns; wide form {} rows x {} columns",
                long.num_rows(),
                long.num_columns(),
                wide.num_rows(),
                wide.num_columns()
            );
            let (p, d, k, v) = (long.column(0).as_string::<i32>(), long.column(1).as_string::<i32>(), long.column(2).as_string::<i32>(), long.column(3).as_primitive::<complaint_office::stats::arrow::arrow_array::types::Float64Type>());
            for i in 0..4 {
                println!(
                    "  {} {} {} {}",
                    p.value(i),
                    d.value(i),
                    if k.is_null(i) { "-" } else { k.value(i) },
                    v.value(i)
                );
            }
        }
    }
    let calendar = Calendar::cn();
    let first = to_epoch_day("2008-01-01".parse()?) as i32;
    let dates = Date32Array::from_iter_values((0..rows as i32).map(|i| first + i % 6_500));
    let (wall, cpu, due) = best(runs, || {
        Ok(days::add_working_days(&calendar, &dates, Count::One(5))?)
    })?;
    println!(
        "add_working_days over {} Date32 days: wall={wall:.4} cpu={cpu:.4}; first due {:?}",
        rows,
        due.value_as_date(0)
    );
    Ok(())
}
