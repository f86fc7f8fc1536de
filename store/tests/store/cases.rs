//! The store's behaviour, the same on every backend.

use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

use complaint_office::archive::SweepStatus;
use complaint_office::case::{Case, Event, EventBody, EventKind, Schedule};
use complaint_office::policy::Policy;
use complaint_office::stats::{Granularity, Record};
use complaint_office::time::{Instant, format_instant, parse_date};
use complaint_office_store::{
    CaseId, Durability, Registration, Reminders, SCHEMA_VERSION, Store, StoreError,
};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

use crate::Test;
use crate::support::{Db, Target, at, ev, received, to_archived};

pub const TESTS: &[(&str, Test)] = &[
    (
        "numbers are per office month, from 0001",
        numbers_per_office_month,
    ),
    ("refused complaints take no number", refusals_take_no_number),
    ("a request key makes registration idempotent", request_keys),
    (
        "received, completed, then registered",
        receive_then_register,
    ),
    ("appends are versioned and judged by the library", appends),
    (
        "two writers at the same version: exactly one wins",
        two_writers,
    ),
    ("random valid histories round-trip", histories_round_trip),
    ("an edited, deleted or swapped row is detected", tampering),
    ("the due index follows the schedule", due_index),
    (
        "reminders: the hook, and reindex after changing it",
        reminders,
    ),
    ("the retention sweep", retention_sweep),
    ("the statistics ledger", ledger),
    (
        "migrations: versioned, once, refused when newer",
        migrations,
    ),
    (
        "a 10,000th complaint in a month is refused",
        serial_exhausted,
    ),
    ("errors carry no personal data", errors_are_clean),
    (
        "grouped durability gives the same results",
        grouped_durability,
    ),
];

fn code<T: std::fmt::Debug>(r: Result<T, StoreError>) -> &'static str {
    r.unwrap_err().code()
}

fn register(
    store: &Store,
    received_at: &str,
    registered_at: &str,
) -> complaint_office_store::Registered {
    store
        .register(Registration::new(received(received_at), at(registered_at)))
        .unwrap()
}

fn numbers_per_office_month(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let a = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let b = register(
        &store,
        "2025-09-27T10:00:00+08:00",
        "2025-09-27T11:00:00+08:00",
    );
    // 16:30 UTC on 30 September is 00:30 on 1 October in Beijing: an October complaint.
    let c = register(&store, "2025-09-30T16:30:00Z", "2025-10-08T09:00:00+08:00");
    // A late registration of a September complaint continues September's sequence.
    let d = register(
        &store,
        "2025-09-30T09:00:00+08:00",
        "2025-10-08T10:00:00+08:00",
    );
    let numbers: Vec<String> = [a, b, c, d].iter().map(|r| r.number.to_string()).collect();
    assert_eq!(numbers, ["25090001", "25090002", "25100001", "25090003"]);
    assert!([a, b, c, d].iter().all(|r| r.version == 2 && !r.replayed));
    let loaded = store.load(c.case).unwrap();
    assert_eq!(
        loaded.case.number().map(|n| n.to_string()).as_deref(),
        Some("25100001")
    );
    assert_eq!(loaded.case.status().as_str(), "registered");
    assert_eq!(store.find("25090003".parse().unwrap()).unwrap().id, d.case);
    assert_eq!(
        code(store.find("25090004".parse().unwrap())),
        "store.not_found"
    );
    assert_eq!(
        db.ints("SELECT month_n, last_serial FROM (SELECT CAST(replace(month, '-', '') AS BIGINT) AS month_n, CAST(last_serial AS BIGINT) AS last_serial FROM number_counters) c ORDER BY month_n"),
        vec![vec![Some(202509), Some(3)], vec![Some(202510), Some(1)]]
    );
}

fn refusals_take_no_number(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let incomplete = ev(
        json!({"type": "received", "at": "2025-09-26T10:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "張三",
        "content": "no contact given"}),
    );
    let e = store
        .register(Registration::new(
            incomplete,
            at("2025-09-26T11:00:00+08:00"),
        ))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.clause()),
        ("case.intake_incomplete", Some("§2.2.1"))
    );
    let not_first = ev(json!({"type": "closed", "at": "2025-09-26T10:00:00+08:00"}));
    assert_eq!(
        code(store.register(Registration::new(
            not_first,
            at("2025-09-26T11:00:00+08:00")
        ))),
        "case.not_received_first"
    );
    // Registered before it was received.
    assert_eq!(
        code(store.register(Registration::new(
            received("2025-09-26T10:00:00+08:00"),
            at("2025-09-26T09:00:00+08:00")
        ))),
        "case.time_reversed"
    );
    assert_eq!(db.int("SELECT count(*) FROM number_counters"), 0);
    assert_eq!(db.int("SELECT count(*) FROM cases"), 0);
    let ok = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    assert_eq!(ok.number.to_string(), "25090001");
}

fn request_keys(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let registration = Registration::new(
        received("2025-09-26T10:00:00+08:00"),
        at("2025-09-26T11:00:00+08:00"),
    )
    .by("clerk-7")
    .request_key("mail-4711");
    let first = store.register(registration.clone()).unwrap();
    let again = store.register(registration.clone()).unwrap();
    assert!(!first.replayed && again.replayed);
    assert_eq!(
        (again.case, again.number, again.version),
        (first.case, first.number, 2)
    );
    let other = store
        .register(Registration::new(
            received("2025-09-26T10:05:00+08:00"),
            at("2025-09-26T11:05:00+08:00"),
        ))
        .unwrap();
    assert_eq!(other.number.to_string(), "25090002");
    assert_eq!(db.int("SELECT count(*) FROM cases"), 2);
    let events = store.load(first.case).unwrap().events;
    assert_eq!(events[1].by.as_deref(), Some("clerk-7"));
    // The same key from several writers at once: one registration, one number.
    let key_race = Registration::new(
        received("2025-09-26T12:00:00+08:00"),
        at("2025-09-26T12:30:00+08:00"),
    )
    .request_key("mail-4712");
    let barrier = Arc::new(Barrier::new(4));
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (barrier, reg) = (Arc::clone(&barrier), key_race.clone());
                let store = db.open();
                s.spawn(move || {
                    barrier.wait();
                    store.register(reg).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let cases: BTreeSet<CaseId> = results.iter().map(|r| r.case).collect();
    assert_eq!(cases.len(), 1);
    assert_eq!(results.iter().filter(|r| !r.replayed).count(), 1);
    assert_eq!(results[0].number.to_string(), "25090003");
    assert_eq!(
        db.int("SELECT CAST(last_serial AS BIGINT) FROM number_counters"),
        3
    );
    // A key used by a case without a number cannot register a second one.
    let waiting = ev(
        json!({"type": "received", "at": "2025-09-26T13:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "李四", "content": "c"}),
    );
    store.receive(waiting, Some("mail-4713")).unwrap();
    let reuse = Registration::new(
        received("2025-09-26T13:00:00+08:00"),
        at("2025-09-26T13:30:00+08:00"),
    )
    .request_key("mail-4713");
    assert_eq!(code(store.register(reuse)), "store.request_key_in_use");
}

fn receive_then_register(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let waiting = ev(
        json!({"type": "received", "at": "2025-09-26T10:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "張三", "content": "c"}),
    );
    let r = store.receive(waiting, Some("call-1")).unwrap();
    assert_eq!((r.version, r.replayed), (1, false));
    // Not registrable yet: the contact is missing.
    assert_eq!(
        code(store.register_received(r.case, 1, at("2025-09-26T10:30:00+08:00"), None)),
        "case.intake_incomplete"
    );
    assert_eq!(db.int("SELECT count(*) FROM number_counters"), 0);
    let asked = ev(
        json!({"type": "information_requested", "at": "2025-09-26T10:40:00+08:00", "fields": ["contact"]}),
    );
    let supplied = ev(
        json!({"type": "information_supplied", "at": "2025-09-29T09:00:00+08:00", "contact": "13812345678"}),
    );
    assert_eq!(
        store.append(r.case, 1, asked).unwrap().status.as_str(),
        "awaiting_information"
    );
    store.append(r.case, 2, supplied).unwrap();
    // A case without a number is not in the ledger, but its paused clock is in no window.
    assert_eq!(
        code(store.register_received(r.case, 2, at("2025-09-29T10:00:00+08:00"), Some("clerk-1"))),
        "store.conflict"
    );
    let registered = store
        .register_received(r.case, 3, at("2025-09-29T10:00:00+08:00"), Some("clerk-1"))
        .unwrap();
    assert_eq!(
        (registered.number.to_string().as_str(), registered.version),
        ("25090001", 4)
    );
    let loaded = store.load(r.case).unwrap();
    assert_eq!(loaded.version, 4);
    assert_eq!(loaded.case.status().as_str(), "registered");
    assert_eq!(
        code(store.register_received(r.case, 4, at("2025-09-29T11:00:00+08:00"), None)),
        "case.transition_not_allowed"
    );
    assert_eq!(
        code(store.register_received(CaseId(999_999), 1, at("2025-09-29T11:00:00+08:00"), None)),
        "store.not_found"
    );
    let again = store
        .receive(received("2025-09-26T10:00:00+08:00"), Some("call-1"))
        .unwrap();
    assert!(again.replayed && again.case == r.case);
}

fn appends(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let r = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let mut version = r.version;
    let start = at("2025-09-26T11:00:00+08:00");
    let events = to_archived(start);
    for event in events.clone() {
        let appended = store.append(r.case, version, event).unwrap();
        assert_eq!(appended.version, version + 1);
        version = appended.version;
    }
    let loaded = store.load(r.case).unwrap();
    assert_eq!(loaded.case.status().as_str(), "archived");
    assert_eq!(loaded.version, 16);
    assert_eq!(loaded.events.len(), 16);
    assert_eq!(&loaded.events[2..], &events[..]);
    // The stored case is the library's replay of the stored events.
    assert_eq!(
        loaded.case,
        Case::replay(&Policy::default(), loaded.events.clone()).unwrap()
    );
    assert_eq!(
        loaded.head,
        complaint_office::history::head(&complaint_office::history::chain(&loaded.events))
    );

    // A stale version: nothing written.
    let late =
        ev(json!({"type": "legal_hold_placed", "at": "2025-12-01T09:00:00+08:00", "reason": "r"}));
    let e = store.append(r.case, 15, late.clone()).unwrap_err();
    assert_eq!(e.code(), "store.conflict");
    assert_eq!(
        e,
        StoreError::Conflict {
            expected: 15,
            actual: 16
        }
    );
    // Refused by the policy: the library's code and clause; nothing written.
    let destroy = ev(json!({"type": "destroyed", "at": "2025-12-01T09:00:00+08:00"}));
    let e = store.append(r.case, 16, destroy).unwrap_err();
    assert_eq!(
        (e.code(), e.clause()),
        ("archive.retention_not_expired", Some("§6.2.2"))
    );
    let unsigned_role = ev(
        json!({"type": "destruction_approved", "at": "2025-12-01T09:00:00+08:00", "by": "x", "role": "management"}),
    );
    assert_eq!(
        code(store.append(r.case, 16, unsigned_role)),
        "case.approver_not_leadership"
    );
    let registered_again =
        ev(json!({"type": "registered", "at": "2025-12-01T09:00:00+08:00", "number": "25090002"}));
    assert_eq!(
        code(store.append(r.case, 16, registered_again)),
        "store.registration_through_append"
    );
    assert_eq!(
        code(store.append(CaseId(424_242), 1, late.clone())),
        "store.not_found"
    );
    assert_eq!(store.load(r.case).unwrap().version, 16);
    assert_eq!(
        db.int(&format!(
            "SELECT count(*) FROM events WHERE case_id = {}",
            r.case
        )),
        16
    );
    // And the right version goes through.
    assert_eq!(store.append(r.case, 16, late).unwrap().version, 17);
    assert!(store.load(r.case).unwrap().case.legal_hold());
}

fn two_writers(t: &Target) {
    let db = t.fresh();
    let setup = db.open();
    let r = register(
        &setup,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let rounds = 100u64;
    let barrier = Arc::new(Barrier::new(2));
    let outcomes: Vec<Vec<Result<u64, StoreError>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|writer| {
                let barrier = Arc::clone(&barrier);
                let store = db.open_with(Db::options().connections(1));
                s.spawn(move || {
                    (0..rounds)
                        .map(|round| {
                            let when = at("2025-09-26T11:00:00+08:00")
                                + chrono::Duration::minutes(round as i64 + 1);
                            let event = ev(
                                json!({"type": "progress_reported", "at": format_instant(&when),
                                "note": format!("writer {writer}")}),
                            );
                            barrier.wait();
                            store.append(r.case, 2 + round, event).map(|a| a.version)
                        })
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for (round, results) in outcomes[0].iter().zip(&outcomes[1]).enumerate() {
        let results = [results.0, results.1];
        let won: Vec<_> = results.iter().filter(|r| r.is_ok()).collect();
        assert_eq!(won.len(), 1, "round {round}: {results:?}");
        let lost = results.iter().find(|r| r.is_err()).unwrap();
        assert_eq!(
            lost.as_ref().unwrap_err(),
            &StoreError::Conflict {
                expected: 2 + round as u64,
                actual: 3 + round as u64
            }
        );
    }
    let loaded = setup.load(r.case).unwrap();
    assert_eq!(loaded.version, 2 + rounds);
    assert_eq!(
        loaded
            .events
            .iter()
            .filter(|e| e.kind() == EventKind::ProgressReported)
            .count() as u64,
        rounds
    );
}

/// Random valid histories of the library's own strategy, written through the store and read
/// back: the same case as the library's replay of the same events.
fn histories_round_trip(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let mut runner = TestRunner::new(Config {
        cases: 24,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_251_001),
        ..Config::default()
    });
    let strategy = complaint_office::testing::case_history();
    for i in 0..24 {
        let history = strategy.new_tree(&mut runner).unwrap().current();
        let events = history.events;
        let split = events
            .iter()
            .position(|e| e.kind() == EventKind::Registered);
        let (case, version, number) = match split {
            None => {
                let r = store.receive(events[0].clone(), None).unwrap();
                let mut v = r.version;
                for e in &events[1..] {
                    v = store.append(r.case, v, e.clone()).unwrap().version;
                }
                (r.case, v, None)
            }
            Some(1) => {
                let reg = Registration::new(events[0].clone(), events[1].at);
                let r = store.register(reg).unwrap();
                (r.case, r.version, Some(r.number))
            }
            Some(k) => {
                let r = store.receive(events[0].clone(), None).unwrap();
                let mut v = r.version;
                for e in &events[1..k] {
                    v = store.append(r.case, v, e.clone()).unwrap().version;
                }
                let reg = store
                    .register_received(r.case, v, events[k].at, None)
                    .unwrap();
                (r.case, reg.version, Some(reg.number))
            }
        };
        let mut version = version;
        for e in events.iter().skip(split.map_or(events.len(), |k| k + 1)) {
            version = store.append(case, version, e.clone()).unwrap().version;
        }
        // The library's replay of the same events, with the number the store gave.
        let expected_events: Vec<Event> = events
            .iter()
            .map(|e| match (&e.body, number) {
                (EventBody::Registered { .. }, Some(number)) => Event {
                    body: EventBody::Registered(complaint_office::case::payload::Registered {
                        number,
                    }),
                    ..e.clone()
                },
                _ => e.clone(),
            })
            .collect();
        let expected = Case::replay(&Policy::default(), expected_events.clone()).unwrap();
        let loaded = store.load(case).unwrap();
        assert_eq!(loaded.version as usize, events.len(), "history {i}");
        assert_eq!(loaded.events, expected_events, "history {i}");
        assert_eq!(loaded.case, expected, "history {i}");
        let due = next_due(&expected.schedule(expected.last_event_at()));
        let listed = store
            .due(None, at("2100-01-01T00:00:00+08:00"), 10_000)
            .unwrap()
            .into_iter()
            .find(|d| d.case == case)
            .map(|d| (d.due, d.stage.as_str()));
        assert_eq!(listed, due, "history {i}");
    }
}

fn next_due(schedule: &Schedule) -> Option<(Instant, &'static str)> {
    schedule
        .running()
        .filter_map(|s| s.due.map(|d| (d, s.stage.as_str())))
        .min_by_key(|(d, _)| *d)
}

fn tampering(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let mut cases = Vec::new();
    for i in 0..4 {
        let r = register(
            &store,
            &format!("2025-09-26T1{i}:00:00+08:00"),
            &format!("2025-09-26T1{i}:30:00+08:00"),
        );
        let events = to_archived(at(&format!("2025-09-26T1{i}:30:00+08:00")));
        store.append(r.case, 2, events[0].clone()).unwrap();
        store.append(r.case, 3, events[1].clone()).unwrap();
        cases.push(r.case);
    }
    // Append-only: the database itself refuses to rewrite history.
    assert!(
        db.exec(&format!(
            "UPDATE events SET hash = hash WHERE case_id = {}",
            cases[0]
        ))
        .is_err()
    );
    assert!(
        db.exec(&format!("DELETE FROM events WHERE case_id = {}", cases[0]))
            .is_err()
    );
    db.disable_append_only();

    // Each edit, then where loading the case finds the history broken.
    let broken_after = |case: CaseId, sql: &str| {
        db.exec(&sql.replace("{case}", &case.to_string())).unwrap();
        let e = store.load(case).unwrap_err();
        (e.code(), e.index())
    };
    let chain_broken = |index| ("history.chain_broken", Some(index));

    // An edited event: the chain breaks at its index, on load and on append.
    let category = "UPDATE events SET event = replace(event, 'product_quality', 'service_attitude') \
                    WHERE case_id = {case} AND seq = 2";
    assert_eq!(broken_after(cases[0], category), chain_broken(2));
    assert_eq!(store.load(cases[0]).unwrap_err().clause(), Some("§6.1.2"));
    let progress = ev(json!({"type": "progress_reported", "at": "2025-09-27T09:00:00+08:00"}));
    assert_eq!(
        code(store.append(cases[0], 4, progress)),
        "history.chain_broken"
    );

    // An edited personal field of the first event; then a later row that is not even JSON any
    // more: the first break is still the one reported.
    let phone = "UPDATE events SET event = replace(event, '13812345678', '13900000000') \
                 WHERE case_id = {case} AND seq = 0";
    assert_eq!(broken_after(cases[1], phone), chain_broken(0));
    let garbage = "UPDATE events SET event = 'not json' WHERE case_id = {case} AND seq = 3";
    assert_eq!(broken_after(cases[1], garbage), chain_broken(0));

    // The last event deleted (the version left as it was, then lowered too): the chain ends
    // before the head.
    let cut = "DELETE FROM events WHERE case_id = {case} AND seq = 3";
    assert_eq!(
        broken_after(cases[2], cut),
        ("history.head_mismatch", Some(3))
    );
    let lowered = "UPDATE cases SET version = 3 WHERE id = {case}";
    assert_eq!(
        broken_after(cases[2], lowered),
        ("history.head_mismatch", Some(3))
    );

    // Two events swapped; then a hash overwritten with something that is not one.
    let swap = "UPDATE events SET seq = 100 WHERE case_id = {case} AND seq = 2; \
                UPDATE events SET seq = 2 WHERE case_id = {case} AND seq = 3; \
                UPDATE events SET seq = 3 WHERE case_id = {case} AND seq = 100;";
    assert_eq!(broken_after(cases[3], swap), chain_broken(2));
    let hash = "UPDATE events SET hash = 'x' WHERE case_id = {case} AND seq = 1";
    assert_eq!(broken_after(cases[3], hash), chain_broken(1));
}

fn due_index(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let a = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let b = register(
        &store,
        "2025-09-29T10:00:00+08:00",
        "2025-09-29T11:00:00+08:00",
    );
    let waiting = ev(
        json!({"type": "received", "at": "2025-09-30T10:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "王五", "content": "c"}),
    );
    let c = store.receive(waiting, None).unwrap();
    // a: plan stage, registered 26 Sep + 15 days = 11 Oct (a make-up working Saturday).
    let due = store
        .due(None, at("2025-12-31T00:00:00+08:00"), 100)
        .unwrap();
    let listed: Vec<(CaseId, &str, String)> = due
        .iter()
        .map(|d| (d.case, d.stage.as_str(), format_instant(&d.due)))
        .collect();
    assert_eq!(
        listed,
        vec![
            (
                c.case,
                "registration",
                "2025-10-10T00:00:00+08:00".to_owned()
            ),
            (a.case, "plan", "2025-10-12T00:00:00+08:00".to_owned()),
            (b.case, "plan", "2025-10-15T00:00:00+08:00".to_owned()),
        ],
        "{due:?}"
    );
    assert_eq!(
        due[1].number.map(|n| n.to_string()).as_deref(),
        Some("25090001")
    );
    assert!(due[0].number.is_none());
    // The window is [from, to).
    let window = |from: &str, to: &str| -> Vec<CaseId> {
        store
            .due(Some(at(from)), at(to), 100)
            .unwrap()
            .iter()
            .map(|d| d.case)
            .collect()
    };
    assert_eq!(
        window("2025-10-12T00:00:00+08:00", "2025-10-15T00:00:00+08:00"),
        vec![a.case]
    );
    assert_eq!(
        window("2025-10-12T00:00:01+08:00", "2025-10-15T00:00:01+08:00"),
        vec![b.case]
    );
    assert_eq!(
        window("2025-10-09T00:00:00+08:00", "2025-10-09T00:00:00+08:00"),
        Vec::<CaseId>::new()
    );
    assert_eq!(
        store
            .due(None, at("2025-12-31T00:00:00+08:00"), 2)
            .unwrap()
            .len(),
        2
    );
    // Waiting for the complainant pauses the clock: out of every window.
    let asked = ev(
        json!({"type": "information_requested", "at": "2025-09-30T11:00:00+08:00", "fields": ["contact"]}),
    );
    store.append(c.case, 1, asked).unwrap();
    assert_eq!(
        window("2000-01-01T00:00:00+08:00", "2100-01-01T00:00:00+08:00"),
        vec![a.case, b.case]
    );
    // a moves on: the plan is met when approved; then the feedback clock, then none once closed.
    let events = to_archived(at("2025-09-26T11:00:00+08:00"));
    let mut version = 2;
    for e in &events[..10] {
        version = store.append(a.case, version, e.clone()).unwrap().version;
    }
    let stored = store.load(a.case).unwrap();
    let expected = next_due(&stored.case.schedule(stored.case.last_event_at())).unwrap();
    assert_eq!(expected.1, "feedback");
    let d = store
        .due(None, at("2100-01-01T00:00:00+08:00"), 100)
        .unwrap();
    let a_due = d.iter().find(|x| x.case == a.case).unwrap();
    assert_eq!((a_due.due, a_due.stage.as_str()), expected);
    for e in &events[10..] {
        version = store.append(a.case, version, e.clone()).unwrap().version;
    }
    assert_eq!(
        window("2000-01-01T00:00:00+08:00", "2100-01-01T00:00:00+08:00"),
        vec![b.case]
    );
    // Instants come back in office time even when the history was written in UTC.
    let utc = register(&store, "2025-10-20T02:00:00Z", "2025-10-20T03:00:00Z");
    let d = store.due(None, at("2100-01-01T00:00:00Z"), 100).unwrap();
    let utc_due = d.iter().find(|x| x.case == utc.case).unwrap();
    assert_eq!(format_instant(&utc_due.due), "2025-11-05T00:00:00+08:00");
}

/// A reminder one day before the next deadline.
#[derive(Debug)]
struct DayBefore;

impl Reminders for DayBefore {
    fn next_reminder(&self, _case: &Case, schedule: &Schedule) -> Option<Instant> {
        next_due(schedule).map(|(due, _)| due - chrono::Duration::days(1))
    }
}

fn reminders(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let a = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let b = register(
        &store,
        "2025-09-29T10:00:00+08:00",
        "2025-09-29T11:00:00+08:00",
    );
    let everything = |s: &Store| {
        s.reminders(None, at("2100-01-01T00:00:00+08:00"), 100)
            .unwrap()
    };
    assert!(everything(&store).is_empty(), "no reminders by default");
    assert_eq!(
        db.int("SELECT count(*) FROM cases WHERE next_reminder_at IS NULL"),
        2
    );
    drop(store);

    let with_rule = db.open_with(Db::options().reminders(Arc::new(DayBefore)));
    assert!(
        everything(&with_rule).is_empty(),
        "the index changes only when recomputed"
    );
    assert_eq!(with_rule.reindex().unwrap(), 2);
    assert_eq!(with_rule.reindex().unwrap(), 0, "nothing left to change");
    let listed: Vec<(CaseId, String)> = everything(&with_rule)
        .iter()
        .map(|r| (r.case, format_instant(&r.at)))
        .collect();
    assert_eq!(
        listed,
        vec![
            (a.case, "2025-10-11T00:00:00+08:00".to_owned()),
            (b.case, "2025-10-14T00:00:00+08:00".to_owned()),
        ]
    );
    let window = with_rule
        .reminders(
            Some(at("2025-10-12T00:00:00+08:00")),
            at("2025-10-20T00:00:00+08:00"),
            100,
        )
        .unwrap();
    assert_eq!(
        window.iter().map(|r| r.case).collect::<Vec<_>>(),
        vec![b.case]
    );
    // New writes fill it at once.
    let c = register(
        &with_rule,
        "2025-09-30T10:00:00+08:00",
        "2025-09-30T11:00:00+08:00",
    );
    assert!(everything(&with_rule).iter().any(|r| r.case == c.case));
    // A tampered case stops a reindex, by its code.
    db.disable_append_only();
    db.exec(&format!(
        "UPDATE events SET event = replace(event, 'hotline', 'email') WHERE case_id = {}",
        a.case
    ))
    .unwrap();
    assert_eq!(code(with_rule.reindex()), "history.chain_broken");
}

/// A case registered, then handled up to `archived` (14 more events, an hour apart).
fn archived_case(store: &Store, received_at: &str, registered_at: &str) -> (CaseId, u64) {
    let r = register(store, received_at, registered_at);
    let mut version = r.version;
    for e in to_archived(at(registered_at)) {
        version = store.append(r.case, version, e).unwrap().version;
    }
    (r.case, version)
}

fn retention_sweep(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    // Four cases archived on 2025-09-26 (retention: 3 years), one archived a year later.
    let ids: Vec<(CaseId, u64)> = (0..4)
        .map(|i| {
            archived_case(
                &store,
                &format!("2025-09-26T0{i}:00:00+08:00"),
                &format!("2025-09-26T0{i}:30:00+08:00"),
            )
        })
        .collect();
    let (late, _) = archived_case(
        &store,
        "2026-09-01T09:00:00+08:00",
        "2026-09-01T10:00:00+08:00",
    );
    let approve = |at_: &str| {
        ev(json!({"type": "destruction_approved", "at": at_, "by": "ceo-1", "role": "leadership"}))
    };
    let hold = ev(
        json!({"type": "legal_hold_placed", "at": "2026-01-05T09:00:00+08:00", "reason": "lawsuit"}),
    );
    // ids[0]: approved after its retention expired; ids[1]: not approved; ids[2]: held, and
    // approved after expiry; ids[3]: approved later still. An approval given before the
    // retention expired does not count (§6.2.2: destroyed *after* expiry, *with* approval).
    store
        .append(ids[0].0, ids[0].1, approve("2028-09-27T09:00:00+08:00"))
        .unwrap();
    store.append(ids[2].0, ids[2].1, hold).unwrap();
    store
        .append(ids[2].0, ids[2].1 + 1, approve("2028-09-27T10:00:00+08:00"))
        .unwrap();
    store
        .append(ids[3].0, ids[3].1, approve("2028-11-01T09:00:00+08:00"))
        .unwrap();

    let sweep = |on: &str| -> Vec<(CaseId, SweepStatus, String)> {
        store
            .retention_sweep(parse_date(on).unwrap())
            .unwrap()
            .into_iter()
            .map(|s| (s.case, s.entry.status, s.entry.expires_on.to_string()))
            .collect()
    };
    // Archived on Friday 2025-09-26: the last day is Tuesday 2028-09-26.
    assert!(sweep("2028-09-26").is_empty(), "not after the last day yet");
    let expires = "2028-09-26".to_owned();
    assert_eq!(
        sweep("2028-09-27"),
        vec![
            (ids[0].0, SweepStatus::MayDestroy, expires.clone()),
            (ids[1].0, SweepStatus::AwaitingApproval, expires.clone()),
            (ids[2].0, SweepStatus::Held, expires.clone()),
            (ids[3].0, SweepStatus::AwaitingApproval, expires.clone()),
        ]
    );
    let later = sweep("2028-11-02");
    assert_eq!(
        later[3],
        (ids[3].0, SweepStatus::MayDestroy, expires.clone())
    );
    // Destroying one: an append the library judges; it then leaves the sweep.
    let destroyed = ev(json!({"type": "destroyed", "at": "2028-09-28T10:00:00+08:00"}));
    store.append(ids[0].0, ids[0].1 + 1, destroyed).unwrap();
    assert_eq!(
        store.load(ids[0].0).unwrap().case.status().as_str(),
        "destroyed"
    );
    let after: Vec<CaseId> = sweep("2028-11-02").iter().map(|s| s.0).collect();
    assert_eq!(after, vec![ids[1].0, ids[2].0, ids[3].0]);
    // The case archived on 2026-09-02: 2029-09-02 is a Sunday, so 2029-09-03.
    let far = sweep("2029-12-01");
    assert_eq!(
        far.last().map(|s| (s.0, s.2.as_str())),
        Some((late, "2029-09-03"))
    );
}

fn ledger(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    archived_case(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let b = register(
        &store,
        "2025-10-08T10:00:00+08:00",
        "2025-10-08T11:00:00+08:00",
    );
    let classify = ev(
        json!({"type": "classified", "at": "2025-10-08T12:00:00+08:00", "category": "service_attitude"}),
    );
    store.append(b.case, 2, classify).unwrap();
    let _unclassified = register(
        &store,
        "2025-10-09T10:00:00+08:00",
        "2025-10-09T11:00:00+08:00",
    );
    let outside = register(
        &store,
        "2025-11-02T10:00:00+08:00",
        "2025-11-02T11:00:00+08:00",
    );
    let classify = ev(
        json!({"type": "classified", "at": "2025-11-02T12:00:00+08:00", "category": "product_quality"}),
    );
    store.append(outside.case, 2, classify).unwrap();

    let records = store
        .ledger_records(
            at("2025-09-01T00:00:00+08:00"),
            at("2025-11-01T00:00:00+08:00"),
        )
        .unwrap();
    let mut first = Record::new(
        "25090001".parse().unwrap(),
        at("2025-09-26T10:00:00+08:00"),
        "product_quality",
        "quality",
    );
    first.channel = Some("hotline".into());
    first.severity = Some("serious".into());
    // Closed at the 13th hour after registration; satisfied at the follow-up visit (the
    // written report said unsatisfied).
    first.closed_at = Some(at("2025-09-27T00:00:00+08:00"));
    first.satisfied = Some(true);
    let mut second = Record::new(
        "25100001".parse().unwrap(),
        at("2025-10-08T10:00:00+08:00"),
        "service_attitude",
        "customer_service",
    );
    second.channel = Some("hotline".into());
    assert_eq!(records, vec![first, second]);
    let ledger = store
        .ledger(
            at("2025-09-01T00:00:00+08:00"),
            at("2025-12-01T00:00:00+08:00"),
        )
        .unwrap();
    assert_eq!(ledger.len(), 3);
    let report = ledger
        .report(Granularity::Month, &Policy::default())
        .unwrap();
    let totals: Vec<(String, u64)> = report
        .periods
        .iter()
        .map(|p| (p.period.to_string(), p.total))
        .collect();
    assert_eq!(
        totals,
        vec![
            ("2025-09".into(), 1),
            ("2025-10".into(), 1),
            ("2025-11".into(), 1)
        ]
    );
    assert_eq!(report.periods[0].satisfaction_rate, Some(1.0));
}

fn migrations(t: &Target) {
    let db = t.fresh();
    // Several app servers starting at once on an empty database: migrated exactly once.
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(|| db.open())).collect();
        for h in handles {
            assert_eq!(h.join().unwrap().schema_version().unwrap(), SCHEMA_VERSION);
        }
    });
    assert_eq!(
        db.int("SELECT count(*) FROM schema_version"),
        i64::from(SCHEMA_VERSION)
    );
    let store = db.open();
    register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    drop(store);
    // Reopening migrates nothing and keeps the data.
    let store = db.open();
    assert_eq!(
        db.int("SELECT count(*) FROM schema_version"),
        i64::from(SCHEMA_VERSION)
    );
    assert_eq!(store.find("25090001".parse().unwrap()).unwrap().version, 2);
    drop(store);
    // A database of a newer library is refused, not written in an older form.
    db.exec("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0)").unwrap();
    let e = Store::open(&db.url, Policy::default()).unwrap_err();
    assert_eq!(
        e,
        StoreError::SchemaTooNew {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    assert_eq!(e.code(), "store.schema_too_new");
    // Targets that are neither.
    for bad in ["", "mysql://db/x", ":memory:", "sqlite://"] {
        assert_eq!(
            code(Store::open(bad, Policy::default())),
            "store.invalid_target",
            "{bad}"
        );
    }
    if t.is_postgres() {
        let refused = "postgresql://nobody@127.0.0.1:1/none";
        assert_eq!(
            code(Store::open(refused, Policy::default())),
            "store.unavailable"
        );
    }
}

fn serial_exhausted(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    db.exec("INSERT INTO number_counters (month, last_serial) VALUES ('2025-09', 9998)")
        .unwrap();
    let last = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    assert_eq!(last.number.to_string(), "25099999");
    let e = store
        .register(Registration::new(
            received("2025-09-26T10:05:00+08:00"),
            at("2025-09-26T11:05:00+08:00"),
        ))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.clause()),
        ("number.serial_exhausted", Some("§2.2.3"))
    );
    assert_eq!(
        db.int("SELECT CAST(last_serial AS BIGINT) FROM number_counters WHERE month = '2025-09'"),
        9999
    );
    assert_eq!(db.int("SELECT count(*) FROM cases"), 1);
    let next_month = register(
        &store,
        "2025-10-08T10:00:00+08:00",
        "2025-10-08T11:00:00+08:00",
    );
    assert_eq!(next_month.number.to_string(), "25100001");
}

fn errors_are_clean(t: &Target) {
    let db = t.fresh();
    let store = db.open();
    let personal = ["張三", "13812345678", "零件", "secret-pw"];
    let clean = |what: String| {
        for p in personal {
            assert!(!what.contains(p), "{p} in {what}");
        }
    };
    let incomplete = ev(
        json!({"type": "received", "at": "2025-09-26T10:00:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "張三", "content": "零件"}),
    );
    let e = store
        .register(Registration::new(
            incomplete,
            at("2025-09-26T11:00:00+08:00"),
        ))
        .unwrap_err();
    clean(format!("{e} {e:?}"));
    let r = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    db.disable_append_only();
    db.exec(&format!(
        "UPDATE events SET event = replace(event, '13812345678', '13812345679') WHERE case_id = {}",
        r.case
    ))
    .unwrap();
    let e = store.load(r.case).unwrap_err();
    clean(format!("{e} {e:?}"));
    // A database error quotes no row: a duplicate number forced through SQL.
    db.exec("DELETE FROM number_counters").unwrap();
    let e = store
        .register(Registration::new(
            received("2025-09-26T12:00:00+08:00"),
            at("2025-09-26T12:30:00+08:00"),
        ))
        .unwrap_err();
    assert_eq!(e.code(), "store.database");
    clean(format!("{e} {e:?}"));
    // The failed insert took the counter with it: the commit sent with it rolled back.
    assert_eq!(db.int("SELECT count(*) FROM number_counters"), 0);
    assert_eq!(db.int("SELECT count(*) FROM cases"), 1);
    assert!(
        matches!(&e, StoreError::Database { code, .. } if code == "23505" || code == "SQLITE_CONSTRAINT_UNIQUE"),
        "{e:?}"
    );
    clean(format!("{store:?}"));
    if let Target::Postgres { .. } = t {
        let with_password = db.url.replacen("postgres@", "postgres:secret-pw@", 1);
        let s = Store::open(&with_password, Policy::default()).unwrap();
        clean(format!("{s:?}"));
    }
}

fn grouped_durability(t: &Target) {
    let db = t.fresh();
    let store = db.open_with(Db::options().durability(Durability::Grouped));
    let a = register(
        &store,
        "2025-09-26T10:00:00+08:00",
        "2025-09-26T11:00:00+08:00",
    );
    let b = register(
        &store,
        "2025-09-26T10:10:00+08:00",
        "2025-09-26T11:10:00+08:00",
    );
    assert_eq!(
        (a.number.to_string(), b.number.to_string()),
        ("25090001".into(), "25090002".into())
    );
    let classify = ev(
        json!({"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "service_attitude"}),
    );
    assert_eq!(
        store.append(a.case, 2, classify.clone()).unwrap().version,
        3
    );
    assert_eq!(code(store.append(a.case, 2, classify)), "store.conflict");
    if t.is_postgres() {
        // Each write was followed by its synchronous mark.
        assert_eq!(
            db.int("SELECT CAST(sum(n) AS BIGINT) FROM durability_marks"),
            3
        );
    }
    assert_eq!(
        store.load(a.case).unwrap().case.category(),
        Some("service_attitude")
    );
}
