//! A million-row ledger from Arrow record batches in memory, laid out as polars exports a frame
//! read from CSV (`Utf8View` text, `timestamp[us, tz]`, booleans) and as a frame of
//! categoricals (dictionaries of `Utf8View`): `cargo bench -p complaint-office --bench stats_arrow`.
//!
//! Target (one core): Arrow table in memory → monthly report ≤ 40 ms: `Report::from_record_batches`
//! ("streamed": read and counted in slices); "batch -> monthly report" builds the ledger first.
//! `scripts/bench-stats` measures the same route from a polars frame through Python.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use complaint_office::policy::Policy;
use complaint_office::stats::arrow::ArrowOptions;
use complaint_office::stats::arrow::arrow_array::builder::StringViewBuilder;
use complaint_office::stats::arrow::arrow_array::types::UInt32Type;
use complaint_office::stats::arrow::arrow_array::{
    ArrayRef, BooleanArray, DictionaryArray, RecordBatch, StringViewArray,
    TimestampMicrosecondArray, UInt32Array,
};
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{Granularity, Ledger, Record, Report, ReportOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ROWS: usize = 1_000_000;

/// A text column as polars exports a `String` column: every cell its own view.
fn text(values: impl Iterator<Item = Option<String>>) -> ArrayRef {
    Arc::new(StringViewArray::from_iter(values))
}

/// A text column as polars exports a `Categorical`: `u32` keys into a `Utf8View` dictionary.
fn categorical(values: impl Iterator<Item = Option<String>>) -> ArrayRef {
    let mut names: Vec<String> = Vec::new();
    let keys: UInt32Array = values
        .map(|v| {
            v.map(|v| match names.iter().position(|n| *n == v) {
                Some(k) => k as u32,
                None => {
                    names.push(v);
                    names.len() as u32 - 1
                }
            })
        })
        .collect();
    let mut dictionary = StringViewBuilder::new();
    for n in &names {
        dictionary.append_value(n);
    }
    Arc::new(DictionaryArray::<UInt32Type>::try_new(keys, Arc::new(dictionary.finish())).unwrap())
}

fn micros(at: Option<complaint_office::time::Instant>) -> Option<i64> {
    at.map(|t| t.timestamp() * 1_000_000)
}

fn batch(
    records: &[Record],
    names: fn(&mut dyn Iterator<Item = Option<String>>) -> ArrayRef,
) -> RecordBatch {
    let column = |f: fn(&Record) -> Option<String>| names(&mut records.iter().map(f));
    let stamps = |f: fn(&Record) -> Option<i64>| -> ArrayRef {
        Arc::new(TimestampMicrosecondArray::from_iter(records.iter().map(f)).with_timezone("UTC"))
    };
    let columns: Vec<(&str, ArrayRef)> = vec![
        (
            "number",
            text(records.iter().map(|r| Some(r.number.to_string()))),
        ),
        ("received_at", stamps(|r| micros(Some(r.received_at)))),
        ("channel", column(|r| r.channel.clone())),
        ("category", column(|r| Some(r.category.clone()))),
        ("department", column(|r| Some(r.department.clone()))),
        ("severity", column(|r| r.severity.clone())),
        ("closed_at", stamps(|r| micros(r.closed_at))),
        (
            "satisfied",
            Arc::new(BooleanArray::from_iter(records.iter().map(|r| r.satisfied))),
        ),
    ];
    RecordBatch::try_from_iter(columns).unwrap()
}

fn million(c: &mut Criterion) {
    let policy = Policy::default();
    let records = Synthetic {
        rows: ROWS,
        ..Synthetic::default()
    }
    .records(&policy)
    .unwrap();
    let views = batch(&records, |v| text(v));
    let dictionaries = batch(&records, |v| categorical(v));
    drop(records);
    let options = ArrowOptions::default();
    let monthly = ReportOptions::new(Granularity::Month);

    let mut group = c.benchmark_group("arrow 1M rows");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(6));
    for (layout, batch) in [("utf8view", &views), ("dictionary", &dictionaries)] {
        group.bench_function(format!("{layout} batch -> monthly report"), |b| {
            b.iter(|| {
                let ledger =
                    Ledger::from_record_batches([black_box(batch)], &options, &policy).unwrap();
                Report::build(&ledger, &monthly, &policy).unwrap()
            })
        });
        group.bench_function(format!("{layout} batch -> monthly report, streamed"), |b| {
            b.iter(|| {
                Report::from_record_batches([black_box(batch)], &options, &monthly, &policy)
                    .unwrap()
            })
        });
        group.bench_function(format!("{layout} batch -> ledger"), |b| {
            b.iter(|| Ledger::from_record_batches([black_box(batch)], &options, &policy).unwrap())
        });
    }
    let ledger = Ledger::from_record_batches([&views], &options, &policy).unwrap();
    group.bench_function("ledger -> monthly report", |b| {
        b.iter(|| Report::build(black_box(&ledger), &monthly, &policy).unwrap())
    });
    group.finish();
}

criterion_group!(benches, million);
criterion_main!(benches);
