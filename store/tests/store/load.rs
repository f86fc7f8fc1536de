//! Fault and load tests: real writer processes (`store-writer`), eight at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::Test;
use crate::support::{Db, Target};

pub const TESTS: &[(&str, Test)] = &[
    (
        "8 processes x 2,000 registrations: unique, gap-free",
        eight_writers,
    ),
    (
        "the same while one writer is killed (SIGKILL) at random",
        eight_writers_one_killed,
    ),
];

const WRITERS: u32 = 8;
const PER_WRITER: u32 = 2_000;

fn spawn(db: &Db<'_>, writer: u32, acks: &Path, resume: bool) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_store-writer"));
    cmd.args(["--target", &db.url, "--writer", &writer.to_string()])
        .args(["--count", &PER_WRITER.to_string()])
        .arg("--acks")
        .arg(acks)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    if resume {
        cmd.arg("--resume");
    }
    cmd.spawn().expect("spawn store-writer")
}

fn eight_writers(t: &Target) {
    let db = t.fresh();
    drop(db.open()); // migrate once, before the writers race
    let dir = acks_dir(&db);
    let children: Vec<Child> = (0..WRITERS)
        .map(|w| spawn(&db, w, &dir.join(format!("w{w}")), false))
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a writer failed");
    }
    check(&db, &dir, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

fn eight_writers_one_killed(t: &Target) {
    let db = t.fresh();
    drop(db.open());
    let dir = acks_dir(&db);
    let mut children: Vec<Child> = (0..WRITERS)
        .map(|w| spawn(&db, w, &dir.join(format!("w{w}")), false))
        .collect();
    // Writer 0 is killed at random moments, then restarted where its acknowledgements end.
    let mut rng = Rng(0x5eed_0000 ^ u64::from(std::process::id()));
    let mut kills = 0;
    while kills < 6 {
        std::thread::sleep(Duration::from_millis(150 + rng.next() % 600));
        if children[0].try_wait().unwrap().is_some() {
            break; // finished before the next kill
        }
        children[0].kill().unwrap(); // SIGKILL
        children[0].wait().unwrap();
        kills += 1;
        children[0] = spawn(&db, 0, &dir.join("w0"), true);
    }
    for mut child in children {
        assert!(child.wait().unwrap().success(), "a writer failed");
    }
    println!("    ({} kills of writer 0, seed-derived delays)", kills);
    assert!(
        kills >= 3,
        "the writer finished before it could be killed often enough: {kills}"
    );
    check(&db, &dir, kills);
    let _ = std::fs::remove_dir_all(&dir);
}

fn acks_dir(db: &Db<'_>) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "co-store-acks-{}-{}",
        std::process::id(),
        db.url.len() ^ db.url.bytes().map(usize::from).sum::<usize>()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// What every run must leave: all registrations there, each month's serials exactly
/// 1..=count, every acknowledged registration and append stored, no half-written case.
fn check(db: &Db<'_>, dir: &Path, kills: u32) {
    let total = i64::from(WRITERS * PER_WRITER);
    assert_eq!(db.int("SELECT count(*) FROM cases"), total);
    // Per month: as many distinct serials as cases, from 1 to the count; the counter agrees.
    let months = db.ints(
        "SELECT CAST(replace(c.month, '-', '') AS BIGINT), count(*), count(DISTINCT c.serial), \
         CAST(min(c.serial) AS BIGINT), CAST(max(c.serial) AS BIGINT), CAST(max(n.last_serial) AS BIGINT) \
         FROM cases c JOIN number_counters n ON n.month = c.month GROUP BY c.month ORDER BY 1",
    );
    assert_eq!(months.len(), 2, "{months:?}");
    let mut sum = 0;
    for m in &months {
        let [month, count, distinct, min, max, counter] = m[..] else {
            panic!("{m:?}")
        };
        let count = count.unwrap();
        assert_eq!(distinct, Some(count), "month {month:?}: a doubled number");
        assert_eq!((min, max), (Some(1), Some(count)), "month {month:?}: a gap");
        assert_eq!(
            counter,
            Some(count),
            "month {month:?}: the counter ran ahead"
        );
        sum += count;
    }
    assert_eq!(sum, total);
    // Each request key once.
    assert_eq!(
        db.int("SELECT count(DISTINCT request_key) FROM cases"),
        total
    );
    // Nothing half-written: every case has as many events as its version, registered ones
    // at least their two, and every acknowledged append is there.
    assert_eq!(
        db.int("SELECT count(*) FROM cases c WHERE c.version <> (SELECT count(*) FROM events e WHERE e.case_id = c.id)"),
        0
    );
    assert_eq!(
        db.int("SELECT count(*) FROM cases WHERE number IS NULL OR version < 2"),
        0
    );
    let mut acked_registrations = BTreeMap::new();
    let mut acked_appends = BTreeSet::new();
    for w in 0..WRITERS {
        let text = std::fs::read_to_string(dir.join(format!("w{w}"))).unwrap();
        for line in text.lines() {
            let parts: Vec<&str> = line.split(' ').collect();
            match parts[..] {
                ["R", _, case, number] => {
                    let case: i64 = case.parse().unwrap();
                    if let Some(previous) = acked_registrations.insert(number.to_owned(), case) {
                        assert_eq!(previous, case, "one number, two cases");
                    }
                }
                ["A", _, case, "3"] => {
                    acked_appends.insert(case.parse::<i64>().unwrap());
                }
                // A line cut by SIGKILL mid-write is not an acknowledgement.
                _ => assert!(w == 0 && kills > 0, "malformed acknowledgement {line:?}"),
            }
        }
    }
    assert!(
        acked_registrations.len() as i64 >= total - i64::from(kills),
        "acknowledgements missing"
    );
    let stored: BTreeMap<String, (i64, i64)> = db
        .ints("SELECT CAST(number AS BIGINT), id, version FROM cases")
        .into_iter()
        .map(|r| {
            (
                format!("{:08}", r[0].unwrap()),
                (r[1].unwrap(), r[2].unwrap()),
            )
        })
        .collect();
    for (number, case) in &acked_registrations {
        assert_eq!(
            stored.get(number).map(|s| s.0),
            Some(*case),
            "acknowledged {number} lost"
        );
    }
    let by_id: BTreeMap<i64, i64> = stored.values().copied().collect();
    for case in &acked_appends {
        assert!(
            by_id.get(case).is_some_and(|v| *v >= 3),
            "acknowledged append to {case} lost"
        );
    }
    // Every history verifies (a sample: every 50th case, all of writer 0's last ones).
    let store = db.open();
    let ids: Vec<i64> = by_id.keys().copied().collect();
    for id in ids.iter().step_by(50).chain(ids.iter().rev().take(20)) {
        let loaded = store.load(complaint_office_store::CaseId(*id)).unwrap();
        assert_eq!(loaded.version, by_id[id] as u64);
        assert_eq!(loaded.case.status().as_str(), "registered");
    }
}

/// xorshift64: reproducible delays without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
