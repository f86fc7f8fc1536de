//! Working-day arithmetic and periods: `cargo bench -p complaint-office --bench calendar`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use chrono::NaiveDate;
use complaint_office::calendar::{Calendar, to_epoch_day};
use complaint_office::duration::Duration;
use complaint_office::period;
use complaint_office::time::parse_instant;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

fn dates(n: usize) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2007, 1, 1).unwrap();
    // A spread over the covered years, deterministic.
    (0..n)
        .map(|i| first + chrono::Days::new(((i as u64) * 7919) % 7300))
        .collect()
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

criterion_group!(benches, single_calls, batches);
criterion_main!(benches);
