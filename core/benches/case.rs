//! The case lifecycle: `cargo bench -p complaint-office --bench case`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use complaint_office::case::{Case, Event};
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

/// A realistic ten-event history, typed (as a host holds it after reading its store).
fn ten_events() -> Vec<Event> {
    let json = r#"[
      {"type": "received", "at": "2025-11-03T09:30:00+08:00", "channel": "hotline", "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "c"},
      {"type": "registered", "at": "2025-11-03T14:00:00+08:00", "number": "25110001"},
      {"type": "classified", "at": "2025-11-04T10:00:00+08:00", "category": "product_quality"},
      {"type": "assessed", "at": "2025-11-04T10:05:00+08:00", "severity": "general", "urgency": "normal", "complexity": "simple"},
      {"type": "team_formed", "at": "2025-11-05T09:00:00+08:00", "members": [{"id": "s-01", "role": "department_head"}]},
      {"type": "evidence_added", "at": "2025-11-06T15:00:00+08:00", "kind": "document_review"},
      {"type": "plan_submitted", "at": "2025-11-12T16:00:00+08:00", "analysis": "a", "responsibility": "r", "measures": "m", "time_points": [{"what": "w", "due": "2025-11-20"}]},
      {"type": "plan_approved", "at": "2025-11-13T10:00:00+08:00", "by": "m-01", "role": "management"},
      {"type": "implementation_started", "at": "2025-11-14T09:00:00+08:00"},
      {"type": "implementation_completed", "at": "2025-11-19T17:00:00+08:00"}
    ]"#;
    let values: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    values
        .into_iter()
        .map(|v| Event::from_json_value(v).unwrap())
        .collect()
}

fn lifecycle(c: &mut Criterion) {
    let policy = Policy::default();
    let events = ten_events();

    let mut group = c.benchmark_group("case");
    group.throughput(Throughput::Elements(9));
    group.bench_function("apply 9 events", |b| {
        b.iter_batched(
            || {
                (
                    Case::open(&policy, events[0].clone()).unwrap(),
                    events[1..].to_vec(),
                )
            },
            |(mut case, rest)| {
                for event in rest {
                    case.apply(event).unwrap();
                }
                case
            },
            BatchSize::SmallInput,
        )
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("replay 10 events", |b| {
        b.iter_batched(
            || events.clone(),
            |events| Case::replay(&policy, events).unwrap(),
            BatchSize::SmallInput,
        )
    });
    let case = Case::replay(&policy, events.clone()).unwrap();
    let now = parse_instant("2025-11-21T09:00:00+08:00").unwrap();
    group.bench_function("schedule", |b| {
        b.iter(|| black_box(&case).schedule(black_box(now)))
    });
    group.bench_function("compliance", |b| {
        b.iter(|| black_box(&case).compliance(black_box(now)))
    });
    group.finish();

    let mut million = c.benchmark_group("replay 1M ten-event cases");
    million.sample_size(10);
    // Each history is cloned from a template inside the loop: the figure includes that copy,
    // so it is an upper bound of replaying histories the host already holds.
    million.bench_function("replay 1,000,000 x 10 events", |b| {
        b.iter(|| {
            let mut numbered = 0usize;
            for _ in 0..1_000_000 {
                let case = Case::replay(&policy, events.iter().cloned()).unwrap();
                numbered += usize::from(case.number().is_some());
            }
            numbered
        })
    });
    million.finish();
}

criterion_group!(benches, lifecycle);
criterion_main!(benches);
