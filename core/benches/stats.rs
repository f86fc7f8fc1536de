//! Statistics on a million-row ledger (2016–2025): `cargo bench -p complaint-office --bench stats`.
//!
//! Targets (one core): CSV file → full monthly report ≤ 0.4 s; in-memory records → report
//! ≤ 0.15 s. `scripts/bench-stats` measures the same against pandas.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use complaint_office::policy::Policy;
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{
    CsvOptions, Granularity, Ledger, Leniency, Report, ReportOptions, charts, html,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ROWS: usize = 1_000_000;

/// The benchmark ledger as a file under `target/`, written once.
fn ledger_file() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-stats");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("criterion-ledger-{ROWS}.csv"));
    if !path.exists() {
        let csv = Synthetic {
            rows: ROWS,
            ..Synthetic::default()
        }
        .csv(&Policy::default())
        .unwrap();
        std::fs::write(&path, csv).unwrap();
    }
    path
}

fn million(c: &mut Criterion) {
    let policy = Policy::default();
    let path = ledger_file();
    let options = CsvOptions::default();
    let monthly = ReportOptions::new(Granularity::Month);
    let mut group = c.benchmark_group("stats 1M rows");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("csv file -> monthly report", |b| {
        b.iter(|| {
            let ledger = Ledger::from_csv_path(black_box(&path), &options, &policy).unwrap();
            Report::build(&ledger, &monthly, &policy).unwrap()
        })
    });
    group.bench_function("csv file -> ledger", |b| {
        b.iter(|| Ledger::from_csv_path(black_box(&path), &options, &policy).unwrap())
    });

    let records = Synthetic {
        rows: ROWS,
        ..Synthetic::default()
    }
    .records(&policy)
    .unwrap();
    group.bench_function("records -> monthly report", |b| {
        b.iter(|| {
            let ledger = Ledger::from_records(black_box(&records), Leniency::Strict).unwrap();
            Report::build(&ledger, &monthly, &policy).unwrap()
        })
    });

    let ledger = Ledger::from_records(&records, Leniency::Strict).unwrap();
    for granularity in [Granularity::Month, Granularity::Quarter, Granularity::Year] {
        let options = ReportOptions::new(granularity);
        group.bench_function(format!("ledger -> {granularity} report"), |b| {
            b.iter(|| Report::build(black_box(&ledger), &options, &policy).unwrap())
        });
    }
    group.finish();

    let report = Report::build(&ledger, &monthly, &policy).unwrap();
    c.bench_function("charts of a 120-month report", |b| {
        b.iter(|| charts(black_box(&report), &policy))
    });
    c.bench_function("html of a 120-month report", |b| {
        b.iter(|| html(black_box(&report), &policy))
    });
}

criterion_group!(benches, million);
criterion_main!(benches);
