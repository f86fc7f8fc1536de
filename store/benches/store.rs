//! Store throughput and the due-window query:
//!
//! ```text
//! cargo bench -p complaint-office-store --bench store            # SQLite, + PostgreSQL when
//! COMPLAINT_OFFICE_PG_URL=postgresql://… cargo bench -p complaint-office-store --bench store
//! cargo bench -p complaint-office-store --bench store -- --quick # a smoke run
//! cargo bench -p complaint-office-store --bench store -- --only postgres --no-window
//! ```
//!
//! Registrations per second and appends per second with 1 and 8 clients (threads, each with
//! its own connection, as separate app servers would have), on each backend; on PostgreSQL
//! with both durability modes. Then a due-window query over 1,000,000 stored cases, loaded in
//! bulk with SQL (not through 1,000,000 registrations). SQLite files live under
//! `target/bench-store/` (the disk, not tmpfs); PostgreSQL wherever its server keeps its data.
//! Prints figures; asserts nothing about them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::time::Instant as Clock;

use complaint_office::case::Event;
use complaint_office::policy::{Policy, PolicySet};
use complaint_office::time::{format_instant, parse_instant};
use complaint_office_store::{CaseId, Durability, Registration, Store, StoreOptions};

struct Sizes {
    registrations: u32,
    appends: u32,
    rows: u32,
    queries: u32,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    // `--only sqlite` or `--only postgres`; `--no-window` leaves out the 1,000,000-case query.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1).cloned());
    let run = |backend: &str| only.as_deref().is_none_or(|o| o == backend);
    let window = !args.iter().any(|a| a == "--no-window");
    let sizes = if quick {
        Sizes {
            registrations: 80,
            appends: 80,
            rows: 20_000,
            queries: 5,
        }
    } else {
        Sizes {
            registrations: 2_000,
            appends: 2_000,
            rows: 1_000_000,
            queries: 30,
        }
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-store");
    std::fs::create_dir_all(&dir).unwrap();
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!(
            "load average at start: {}",
            load.split(' ').take(3).collect::<Vec<_>>().join(" ")
        );
    }

    let sqlite = |name: &str| {
        let path = dir.join(format!("{name}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        path.display().to_string()
    };
    if run("sqlite") {
        throughput(
            "sqlite",
            &|| sqlite("throughput"),
            Durability::Immediate,
            &sizes,
        );
        if window {
            due_window("sqlite", &sqlite("due"), &sizes);
        }
    }

    if let Ok(admin) = std::env::var("COMPLAINT_OFFICE_PG_URL") {
        if run("postgres") {
            let fresh = || fresh_postgres(&admin, "co_bench");
            throughput("postgres", &fresh, Durability::Immediate, &sizes);
            throughput("postgres", &fresh, Durability::Grouped, &sizes);
            if window {
                due_window("postgres", &fresh_postgres(&admin, "co_bench_due"), &sizes);
            }
        }
    } else {
        println!("(PostgreSQL: set COMPLAINT_OFFICE_PG_URL to an admin URL)");
    }
}

fn fresh_postgres(admin: &str, name: &str) -> String {
    let mut client = postgres::Client::connect(admin, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .unwrap();
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let (base, query) = admin
        .split_once('?')
        .map_or((admin, None), |(b, q)| (b, Some(q)));
    let cut = base
        .rfind('/')
        .filter(|&i| i > base.find("://").unwrap() + 2)
        .unwrap_or(base.len());
    let mut url = format!("{}/{name}", &base[..cut]);
    if let Some(q) = query {
        url = format!("{url}?{q}");
    }
    url
}

fn options(durability: Durability) -> StoreOptions {
    StoreOptions::new(PolicySet::new([Policy::default()]).unwrap())
        .connections(1)
        .durability(durability)
}

fn received(client: u32, i: u32) -> Event {
    let json = format!(
        r#"{{"type": "received", "at": "2025-09-{:02}T09:{:02}:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
            "content": "bench {client}-{i}"}}"#,
        1 + i % 28,
        i % 60
    );
    Event::from_json_str(&json).unwrap()
}

fn throughput(backend: &str, fresh: &dyn Fn() -> String, durability: Durability, sizes: &Sizes) {
    let label = match durability {
        Durability::Immediate => backend.to_owned(),
        _ => format!("{backend} (grouped)"),
    };
    for clients in [1u32, 8] {
        let target = fresh();
        drop(Store::open_with(&target, options(durability)).unwrap());
        let stores: Vec<Store> = (0..clients)
            .map(|_| Store::open_with(&target, options(durability)).unwrap())
            .collect();
        let per_client = (sizes.registrations / clients).max(1);
        let cases: Vec<std::sync::Mutex<Vec<CaseId>>> = (0..clients)
            .map(|_| std::sync::Mutex::new(Vec::new()))
            .collect();
        let rate = run(clients, per_client, |c| {
            let store = &stores[c as usize];
            let mut mine = cases[c as usize].lock().unwrap();
            for i in 0..per_client {
                let event = received(c, i);
                let at = event.at + chrono::Duration::hours(1);
                mine.push(store.register(Registration::new(event, at)).unwrap().case);
            }
        });
        println!(
            "{label:<20} registrations/s, {clients} client{}: {rate:>8.0}",
            if clients == 1 { "" } else { "s" }
        );
        let per_client = (sizes.appends / clients).max(1);
        let rate = run(clients, per_client, |c| {
            let store = &stores[c as usize];
            let mine = cases[c as usize].lock().unwrap();
            for i in 0..per_client {
                let case = mine[i as usize % mine.len()];
                let version = 2 + u64::from(i) / mine.len() as u64;
                let when = parse_instant("2025-10-01T09:00:00+08:00").unwrap()
                    + chrono::Duration::minutes(i64::from(i));
                let note = format!(
                    r#"{{"type": "progress_reported", "at": "{}", "note": "step {i}"}}"#,
                    format_instant(&when)
                );
                store
                    .append(case, version, Event::from_json_str(&note).unwrap())
                    .unwrap();
            }
        });
        println!(
            "{label:<20} appends/s,       {clients} client{}: {rate:>8.0}",
            if clients == 1 { "" } else { "s" }
        );
    }
}

/// Runs `work(client)` on `clients` threads started together; operations per second.
fn run(clients: u32, per_client: u32, work: impl Fn(u32) + Sync) -> f64 {
    let barrier = Arc::new(Barrier::new(clients as usize));
    let clock = Clock::now();
    std::thread::scope(|s| {
        for c in 0..clients {
            let (barrier, work) = (Arc::clone(&barrier), &work);
            s.spawn(move || {
                barrier.wait();
                work(c);
            });
        }
    });
    f64::from(clients * per_client) / clock.elapsed().as_secs_f64()
}

/// Loads `rows` cases in bulk with SQL, their next due instants spread over two years, then
/// times a one-day and a one-week window query through the store.
fn due_window(backend: &str, target: &str, sizes: &Sizes) {
    drop(Store::open(target, Policy::default()).unwrap());
    let clock = Clock::now();
    let start = parse_instant("2025-01-01T00:00:00+08:00")
        .unwrap()
        .timestamp();
    let span = 2 * 365 * 86_400_i64;
    // Case i: month i / 9000 from January 2020 (office time), serial i % 9000 + 1; due at a
    // pseudo-random second of the two years (7919 is prime, so i * 7919 mod span spreads).
    match backend {
        "sqlite" => {
            let conn = rusqlite::Connection::open(target).unwrap();
            conn.execute_batch(&format!(
                "BEGIN;
                 WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {rows})
                 INSERT INTO cases (number, month, serial, version, head_hash, status, received_at,
                                    channel, next_due_at, next_due_stage, updated_at)
                 SELECT printf('%02d%02d%04d', 20 + (i / 9000) / 12, (i / 9000) % 12 + 1, i % 9000 + 1),
                        printf('%04d-%02d', 2020 + (i / 9000) / 12, (i / 9000) % 12 + 1),
                        i % 9000 + 1, 2, '{zero}', 'registered', {start} - 86400, 'hotline',
                        {start} + (i * 7919) % {span}, 'plan', {start} - 86400
                 FROM n;
                 COMMIT; ANALYZE;",
                rows = sizes.rows,
                zero = "0".repeat(64),
            ))
            .unwrap();
        }
        _ => {
            let mut client = postgres::Client::connect(target, postgres::NoTls).unwrap();
            client
                .batch_execute(&format!(
                    "INSERT INTO cases (number, month, serial, version, head_hash, status, received_at,
                                        channel, next_due_at, next_due_stage, updated_at)
                     SELECT lpad(((20 + (i / 9000) / 12) % 100)::text, 2, '0') || lpad(((i / 9000) % 12 + 1)::text, 2, '0')
                              || lpad((i % 9000 + 1)::text, 4, '0'),
                            (2020 + (i / 9000) / 12)::text || '-' || lpad(((i / 9000) % 12 + 1)::text, 2, '0'),
                            i % 9000 + 1, 2, '{zero}', 'registered', {start} - 86400, 'hotline',
                            {start} + (i::bigint * 7919) % {span}, 'plan', {start} - 86400
                     FROM generate_series(0, {last}) AS i",
                    last = sizes.rows - 1,
                    zero = "0".repeat(64),
                ))
                .unwrap();
            client.batch_execute("VACUUM ANALYZE cases").unwrap();
        }
    }
    println!(
        "{backend:<20} bulk load of {} cases: {:.1} s",
        sizes.rows,
        clock.elapsed().as_secs_f64()
    );
    let store = Store::open(target, Policy::default()).unwrap();
    for (label, days) in [("1-day", 1i64), ("7-day", 7)] {
        let mut times = Vec::new();
        let mut found = 0;
        for q in 0..sizes.queries {
            let from = start + (i64::from(q) * 86_400 * 17) % (span - 8 * 86_400);
            let from = chrono::DateTime::from_timestamp(from, 0)
                .unwrap()
                .fixed_offset();
            let to = from + chrono::Duration::days(days);
            let clock = Clock::now();
            let due = store.due(Some(from), to, 100_000).unwrap();
            times.push(clock.elapsed().as_secs_f64() * 1000.0);
            found = due.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{backend:<20} due window ({label}, {} cases of {}): min {:.1} ms, median {:.1} ms, max {:.1} ms",
            found,
            sizes.rows,
            times[0],
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
