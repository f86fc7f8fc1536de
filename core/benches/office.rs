//! The office at work over many cases (issue 18's targets): `cargo bench -p complaint-office
//! --bench office`. Targets: a worklist of 100,000 open cases ≤ 100 ms; reminders for
//! 1,000,000 cases over one day ≤ 1 s; ledger and monthly report from 1,000,000 replayed
//! cases ≤ 1 s. `OFFICE_BENCH_CASES` sets the large caseload's size (default 1,000,000).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::Duration;

use complaint_office::case::{Case, Event};
use complaint_office::office::{Caseload, WorklistOptions};
use complaint_office::policy::Policy;
use complaint_office::privacy::Role;
use complaint_office::stats::Granularity;
use complaint_office::time::parse_instant;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

/// Categories of the default policy.
const CATEGORIES: [&str; 2] = ["product_quality", "service_attitude"];

/// A case received in 2016–2025 (spread over the months by `i`), at one of four points of its life:
/// registered and assessed (plan running), in implementation, fed back, or closed.
fn history(i: usize) -> Vec<Event> {
    // Ten years of months: a month holds at most 9,999 numbers (§2.2.3).
    let year = 2016 + (i % 120) / 12;
    let month = 1 + (i % 12);
    let day = 1 + (i / 120) % 20;
    let minute = (i / 2400) % 480;
    let at = |d: usize, h: usize| {
        format!(
            "{year}-{month:02}-{:02}T{:02}:{:02}:00+08:00",
            day + d,
            9 + h + minute / 60,
            minute % 60
        )
    };
    let serial = 1 + i / 120;
    let category = CATEGORIES[i % 2];
    let mut events = vec![
        json!({"type": "received", "at": at(0, 0), "channel": if i.is_multiple_of(3) { "email" } else { "hotline" },
               "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "c", "subject": "投訴"}),
        json!({"type": "registered", "at": at(0, 1), "number": format!("{:02}{month:02}{serial:04}", year % 100)}),
        json!({"type": "classified", "at": at(0, 2), "category": category}),
        json!({"type": "assessed", "at": at(0, 3), "severity": if i.is_multiple_of(7) { "serious" } else { "general" },
               "urgency": "normal", "complexity": "simple"}),
    ];
    let stage = i % 4;
    if stage >= 1 {
        events.extend([
            json!({"type": "team_formed", "at": at(1, 0), "members": [{"id": "q-01", "role": "department_head", "department": "quality"}]}),
            json!({"type": "plan_submitted", "at": at(2, 0), "analysis": "a", "responsibility": "r", "measures": "m",
                   "time_points": [{"what": "w", "due": format!("{year}-{month:02}-{:02}", day + 6)}]}),
            json!({"type": "plan_approved", "at": at(2, 2), "by": "m-01", "role": "management"}),
            json!({"type": "implementation_started", "at": at(3, 0), "department": "quality"}),
        ]);
    }
    if stage >= 2 {
        events.extend([
            json!({"type": "implementation_completed", "at": at(3, 4)}),
            json!({"type": "result_fed_back", "at": at(3, 5), "process": "p", "result": "r", "satisfaction": "satisfied"}),
        ]);
    }
    if stage >= 3 {
        events.extend([
            json!({"type": "follow_up_visited", "at": at(4, 0), "method": "phone", "satisfaction": "satisfied"}),
            json!({"type": "closed", "at": at(4, 1)}),
        ]);
    }
    events
        .into_iter()
        .map(|v| Event::from_json_value(v).unwrap())
        .collect()
}

fn caseload(policy: &Policy, n: usize, open_only: bool) -> Caseload {
    let mut caseload = Caseload::new();
    let mut i = 0;
    while caseload.len() < n {
        if !(open_only && i % 4 == 3) {
            caseload.push(Case::replay(policy, history(i)).unwrap());
        }
        i += 1;
    }
    caseload
}

fn office(c: &mut Criterion) {
    let policy = Policy::default();
    let large: usize = std::env::var("OFFICE_BENCH_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);

    let mut group = c.benchmark_group("office");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));

    let open = caseload(&policy, 100_000, true);
    let now = parse_instant("2026-01-15T09:00:00+08:00").unwrap();
    let options = WorklistOptions::new(Role::Department);
    assert_eq!(open.worklist(now, &options).counts.total, 100_000);
    group.bench_function("worklist of 100,000 open cases", |b| {
        b.iter(|| black_box(open.worklist(black_box(now), &options)))
    });
    drop(open);

    let all = caseload(&policy, large, false);
    let from = parse_instant("2025-06-16T00:00:00+08:00").unwrap();
    let to = parse_instant("2025-06-17T00:00:00+08:00").unwrap();
    assert!(!all.reminders(from, to).unwrap().is_empty());
    group.bench_function(format!("reminders for {large} cases over one day"), |b| {
        b.iter(|| black_box(all.reminders(black_box(from), black_box(to)).unwrap()))
    });
    group.bench_function(
        format!("ledger and monthly report from {large} replayed cases"),
        |b| {
            b.iter(|| {
                let ledger = all.ledger(black_box(now));
                black_box(ledger.report(Granularity::Month, &policy).unwrap())
            })
        },
    );
    group.finish();
}

criterion_group!(benches, office);
criterion_main!(benches);
