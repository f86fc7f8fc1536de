//! Working-day arithmetic and periods: `cargo bench -p complaint-office --bench calendar`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use chrono::NaiveDate;
use complaint_office::calendar::{Calendar, StatutoryYear, to_epoch_day};
use complaint_office::duration::Duration;
use complaint_office::period;
use complaint_office::time::parse_instant;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn dates(n: usize) -> Vec<NaiveDate> {
    spread(2007, 7300, n)
}

/// `n` dates spread deterministically over `span` days from 1 January of `year`.
fn spread(year: i32, span: u64, n: usize) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    (0..n)
        .map(|i| first + chrono::Days::new(((i as u64) * 7919) % span))
        .collect()
}

/// Years the regulation decides (no notice yet): 2027–2099.
fn computed_dates(n: usize) -> Vec<NaiveDate> {
    spread(2027, 73 * 365, n)
}

fn computed_years(c: &mut Criterion) {
    let cal = Calendar::cn();
    let days = computed_dates(1024);
    let mut i = 0usize;
    c.bench_function("computed years: is_working_day", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.is_working_day(black_box(days[i]))
        })
    });
    c.bench_function("computed years: add_working_days", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.add_working_days(black_box(days[i]), black_box((i % 40) as i64))
        })
    });
    let mut year = 2027;
    c.bench_function("build a computed year (StatutoryYear::compute)", |b| {
        b.iter(|| {
            year = if year >= 2099 { 2027 } else { year + 1 };
            StatutoryYear::compute(black_box(year))
        })
    });
    let published = dates(1024);
    c.bench_function("day (reason and source), published and computed", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.day(black_box(if i & 1 == 0 { days[i] } else { published[i] }))
        })
    });
    c.bench_function("Calendar::with_holiday_cn (one year, rebuilds the tables)", |b| {
        let json = r#"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        b.iter(|| cal.with_holiday_cn(black_box(json)))
    });
}

fn single_calls(c: &mut Criterion) {
    let cal = Calendar::cn();
    let days = dates(1024);
    let mut i = 0usize;
    c.bench_function("is_working_day", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.is_working_day(black_box(days[i]))
        })
    });
    c.bench_function("add_working_days", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.add_working_days(black_box(days[i]), black_box((i % 40) as i64))
        })
    });
    c.bench_function("working_days_between", |b| {
        b.iter(|| {
            i = (i + 1) & 1023;
            cal.working_days_between(black_box(days[i]), black_box(days[(i + 1) & 1023]))
        })
    });
    let start = parse_instant("2025-09-20T09:00:00+08:00").unwrap();
    for text in ["15 days", "5 working days", "1 month", "24 hours"] {
        let duration: Duration = text.parse().unwrap();
        c.bench_function(&format!("period::end {text}"), |b| {
            b.iter(|| period::end(&cal, black_box(start), black_box(duration)))
        });
    }
}

fn batches(c: &mut Criterion) {
    let cal = Calendar::cn();
    let n = 1_000_000;
    let epoch: Vec<i64> = dates(n).into_iter().map(to_epoch_day).collect();
    let offsets: Vec<i64> = (0..n as i64).map(|i| i % 250).collect();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(20);
    group.bench_function("add_working_days_epoch 1M", |b| {
        b.iter_batched_ref(
            || vec![0i64; n],
            |out| cal.add_working_days_epoch(&epoch, &offsets, out),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, single_calls, computed_years, batches);
criterion_main!(benches);
