//! Policy loading: `cargo bench -p complaint-office --bench policy`.
//! Target: linear in the size of the policy, at most 1 µs per keyword; 40,000 categories load
//! in under a second from JSON and from TOML.
//!
//! The policies are generated: `n` categories of three keywords each (two English, one
//! Chinese, all different once folded), routed to `n / 100` departments.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// The one-shot mode prints its timings.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::Instant;

use complaint_office::policy::Policy;
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group};
use serde_json::{Value, json};

const KEYWORDS_PER_CATEGORY: usize = 3;

/// A policy with `n` categories, as a JSON value.
fn policy_json(n: usize) -> Value {
    let departments = (n / 100).max(1);
    let labels = |s: &str| json!({ "zh_hant": format!("類{s}"), "zh_hans": format!("类{s}"), "en": format!("Kind {s}") });
    let categories: Vec<Value> = (0..n)
        .map(|i| {
            let code = if i == 0 {
                "other".to_owned()
            } else {
                format!("c{i}")
            };
            json!({
                "code": code,
                "labels": labels(&i.to_string()),
                "department": format!("d{}", i % departments),
                "keywords": [format!("k{i}a"), format!("w{i} b"), format!("词{i}")],
            })
        })
        .collect();
    let departments: Vec<Value> = (0..departments)
        .map(|d| json!({ "code": format!("d{d}"), "labels": labels(&d.to_string()) }))
        .collect();
    json!({
        "name": format!("{n} categories"),
        "classification": { "categories": categories, "departments": departments, "fallback": "other" },
    })
}

/// The same policy as TOML, written by hand (`[[classification.categories]]` tables), so the
/// reader is measured independently of the writer.
fn policy_toml(n: usize) -> String {
    use std::fmt::Write;
    let departments = (n / 100).max(1);
    let mut out = format!("name = \"{n} categories\"\n[classification]\nfallback = \"other\"\n");
    for i in 0..n {
        let code = if i == 0 {
            "other".to_owned()
        } else {
            format!("c{i}")
        };
        let d = i % departments;
        writeln!(
            out,
            "[[classification.categories]]\ncode = \"{code}\"\ndepartment = \"d{d}\"\nkeywords = [\"k{i}a\", \"w{i} b\", \"词{i}\"]\nlabels = {{ zh_hant = \"類{i}\", zh_hans = \"类{i}\", en = \"Kind {i}\" }}"
        )
        .unwrap();
    }
    for d in 0..departments {
        writeln!(
            out,
            "[[classification.departments]]\ncode = \"d{d}\"\nlabels = {{ zh_hant = \"類{d}\", zh_hans = \"类{d}\", en = \"Kind {d}\" }}"
        )
        .unwrap();
    }
    out
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("policy");
    group.sample_size(10);
    for n in [10_000, 40_000] {
        let json = policy_json(n);
        let toml = policy_toml(n);
        let policy = Policy::from_json_value(json.clone()).unwrap();
        assert_eq!(policy.classification().categories.len(), n);
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), policy);
        // Per keyword: criterion's throughput in elements is keywords per second.
        group.throughput(Throughput::Elements((n * KEYWORDS_PER_CATEGORY) as u64));
        group.bench_with_input(BenchmarkId::new("from_json_value", n), &json, |b, json| {
            // The copy the function consumes is made outside the measurement.
            b.iter_batched(
                || json.clone(),
                |json| Policy::from_json_value(black_box(json)).unwrap(),
                BatchSize::LargeInput,
            )
        });
        let json_text = json.to_string();
        group.bench_with_input(
            BenchmarkId::new("from_json_str", n),
            &json_text,
            |b, text| b.iter(|| Policy::from_json_str(black_box(text)).unwrap()),
        );
        group.bench_with_input(BenchmarkId::new("from_toml_str", n), &toml, |b, toml| {
            b.iter(|| Policy::from_toml_str(black_box(toml)).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("to_toml", n), &policy, |b, policy| {
            b.iter(|| black_box(policy).to_toml().unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, loading);

/// Every other list of the schema at the most items a list may have: each must load (or be
/// refused) in time linear in its length.
fn worst_cases() {
    const N: usize = 100_000;
    let dates: Vec<Value> = (0..N)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                + chrono::Duration::days(i as i64);
            json!(day.to_string())
        })
        .collect();
    let rung = |i: usize| json!({ "rung": format!("r{i}"), "at": "due", "to": "department_head" });
    let cases = [
        (
            "100,000 calendar.extra_off_days",
            json!({ "calendar": { "extra_off_days": dates } }),
        ),
        (
            "100,000 calendar.extra_working_days",
            json!({ "calendar": { "extra_working_days": dates } }),
        ),
        (
            "100,000 calendar.office_hours",
            json!({ "calendar": { "office_hours": vec![json!("09:00-12:00"); N] } }),
        ),
        (
            "100,000 calendar.years",
            json!({ "calendar": { "years": (0..N).map(|i| json!({ "year": 2000 + i as i64 })).collect::<Vec<_>>() } }),
        ),
        (
            "100,000 rungs in reminders.ladder",
            json!({ "reminders": { "ladder": (0..N).map(rung).collect::<Vec<_>>() } }),
        ),
        (
            "1,000 rungs in reminders.ladder (the limit)",
            json!({ "reminders": { "ladder": (0..1_000).map(rung).collect::<Vec<_>>() } }),
        ),
        (
            "1,100 calendar.years (1900-2999, every year data may have)",
            json!({ "calendar": { "years": (1900..3000).map(|y| json!({ "year": y })).collect::<Vec<_>>() } }),
        ),
        (
            "100,000 rows in triage.matrix",
            json!({ "triage": { "matrix": vec![json!({ "severity": "general", "urgency": "normal", "complexity": "simple", "emergency": false, "track": "general", "priority": 5 }); N] } }),
        ),
        (
            "100,000 discipline.rules",
            json!({ "discipline": { "rules": vec![json!({ "fault": ["negligence"], "level": "light" }); N] } }),
        ),
        (
            "100,000 intake.subject_words",
            json!({ "intake": { "subject_words": (0..N).map(|i| json!(format!("w{i}"))).collect::<Vec<_>>() } }),
        ),
    ];
    for (what, value) in cases {
        let t = Instant::now();
        let result = Policy::from_json_value(value);
        println!(
            "{what}: {:?} ({})",
            t.elapsed(),
            result.map_or_else(|e| e.to_string(), |_| "loaded".to_owned())
        );
    }
}

/// `POLICY_ONE=from_json_value:40000` (or `from_json_str`, `from_toml_str`, `to_toml`): builds
/// the input, then makes that one call and nothing else, for an instruction count of the call
/// alone: `valgrind --tool=callgrind --toggle-collect='*Policy*from_json_value*' <bench binary>`.
fn one(spec: &str) {
    let (function, n) = spec.split_once(':').unwrap_or((spec, "40000"));
    let n: usize = n.parse().expect("POLICY_ONE=<function>:<categories>");
    let json = policy_json(n);
    let policy = match function {
        "from_json_value" => Policy::from_json_value(json).unwrap(),
        "from_json_str" => Policy::from_json_str(&json.to_string()).unwrap(),
        "from_toml_str" => Policy::from_toml_str(&policy_toml(n)).unwrap(),
        "to_toml" => {
            let policy = Policy::from_json_value(json).unwrap();
            black_box(policy.to_toml().unwrap());
            policy
        }
        other => panic!("POLICY_ONE: unknown function {other}"),
    };
    assert_eq!(policy.classification().categories.len(), n);
    println!(
        "{function}: {n} categories, {} keywords",
        n * KEYWORDS_PER_CATEGORY
    );
}

/// `POLICY_ONCE=1 cargo bench --bench policy`: one timed run of each, without criterion (for
/// sizes where a criterion run would take too long), then every other list of the schema at
/// 100,000 items.
fn main() {
    if let Ok(spec) = std::env::var("POLICY_ONE") {
        one(&spec);
        return;
    }
    if let Ok(sizes) = std::env::var("POLICY_ONCE") {
        // `POLICY_ONCE=10000,40000,80000` picks the sizes; `1` means 10,000 and 40,000.
        let mut sizes: Vec<usize> = sizes.split(',').filter_map(|n| n.parse().ok()).collect();
        sizes.retain(|&n| n > 1);
        if sizes.is_empty() {
            sizes = vec![10_000, 40_000];
        }
        for n in sizes {
            let json = policy_json(n);
            let toml = policy_toml(n);
            let json_text = json.to_string();
            let t = Instant::now();
            let policy = Policy::from_json_value(json).unwrap();
            println!("{n}: from_json_value {:?}", t.elapsed());
            let t = Instant::now();
            Policy::from_json_str(&json_text).unwrap();
            println!("{n}: from_json_str {:?}", t.elapsed());
            let t = Instant::now();
            let text = policy.to_toml().unwrap();
            println!("{n}: to_toml {:?}", t.elapsed());
            let t = Instant::now();
            Policy::from_toml_str(&toml).unwrap();
            println!("{n}: from_toml_str {:?}", t.elapsed());
            black_box(text);
        }
        worst_cases();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
