//! How a host makes complaint numbering atomic in its own database (§2.2.3).
//!
//! The library never stores numbers; the host does. With a database, allocation is one
//! transaction: read the month's highest serial, let the library compute the next number, and
//! insert it, under a unique index so that two writers can never keep the same number. Here
//! SQLite (through rusqlite) with `BEGIN IMMEDIATE`, which takes the write lock before the
//! read, so concurrent registrations queue instead of colliding.
//!
//! `cargo run --example sqlite_numbers` (an in-memory database; pass a path to keep one).

#![allow(clippy::print_stdout)]

use std::error::Error;
use std::sync::{Arc, Barrier};

use complaint_office::number::{ComplaintNumber, NumberSequences};
use complaint_office::policy::Policy;
use complaint_office::time::{Instant, YearMonth, parse_instant};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS complaints (
        number      TEXT PRIMARY KEY,          -- YYMMNNNN, unique: the last line of defence
        month       TEXT NOT NULL,             -- YYYY-MM in office time
        serial      INTEGER NOT NULL,
        received_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS complaints_month_serial ON complaints (month, serial);
";

/// Registers a complaint received at `at`: one transaction, one number.
fn register(
    conn: &mut Connection,
    policy: &Policy,
    at: Instant,
) -> Result<ComplaintNumber, Box<dyn Error>> {
    let month = YearMonth::of_instant(at, policy.office_offset());
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let last: Option<String> = tx
        .query_row(
            "SELECT number FROM complaints WHERE month = ?1 ORDER BY serial DESC LIMIT 1",
            params![month.to_string()],
            |row| row.get(0),
        )
        .optional()?;
    let mut sequences = NumberSequences::new();
    if let Some(last) = last {
        sequences.record(ComplaintNumber::parse(&last)?);
    }
    let number = sequences.issue(month)?;
    tx.execute(
        "INSERT INTO complaints (number, month, serial, received_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            number.to_string(),
            month.to_string(),
            number.serial(),
            at.to_rfc3339()
        ],
    )?;
    tx.commit()?;
    Ok(number)
}

fn main() -> Result<(), Box<dyn Error>> {
    let policy = Policy::default();
    let dir = std::env::temp_dir().join(format!("complaint-office-sqlite-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = std::env::args()
        .nth(1)
        .map_or_else(|| dir.join("complaints.db"), Into::into);
    let mut conn = Connection::open(&path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.execute_batch(SCHEMA)?;

    // One registration, then a late one for the month before.
    let june = register(&mut conn, &policy, parse_instant("2023-05-31T17:30:00Z")?)?;
    let may = register(
        &mut conn,
        &policy,
        parse_instant("2023-05-31T09:00:00+08:00")?,
    )?;
    println!("31 May 17:30 UTC is June in Beijing: {june}; a late May registration: {may}");

    // Four writers, 50 registrations each, on their own connections.
    let writers = 4;
    let per_writer = 50;
    let barrier = Arc::new(Barrier::new(writers));
    let handles: Vec<_> = (0..writers)
        .map(|_| {
            let (path, policy, barrier) = (path.clone(), policy.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || -> Result<Vec<String>, String> {
                let mut conn = Connection::open(&path).map_err(|e| e.to_string())?;
                conn.busy_timeout(std::time::Duration::from_secs(30))
                    .map_err(|e| e.to_string())?;
                barrier.wait();
                let at = parse_instant("2025-10-09T09:00:00+08:00").map_err(|e| e.to_string())?;
                (0..per_writer)
                    .map(|_| {
                        register(&mut conn, &policy, at)
                            .map(|n| n.to_string())
                            .map_err(|e| e.to_string())
                    })
                    .collect()
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for handle in handles {
        numbers.extend(handle.join().map_err(|_| "a writer thread panicked")??);
    }
    numbers.sort();
    let expected: Vec<String> = (1..=writers * per_writer)
        .map(|s| format!("2510{s:04}"))
        .collect();
    if numbers != expected {
        return Err("concurrent registrations left a duplicate or a gap".into());
    }
    println!(
        "{} concurrent registrations: 25100001..={}, no duplicate, no gap",
        numbers.len(),
        numbers.last().map_or("", String::as_str)
    );
    drop(conn);
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}
