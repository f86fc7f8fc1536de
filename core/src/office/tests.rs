//! The office's figures on a small caseload worked out by hand (default policy, Beijing time;
//! National Day 2025 is 1–8 October, with Sunday 28 September and Saturday 11 October worked).

use serde_json::{Value, json};

use super::*;
use crate::case::{SlaState, Stage};
use crate::policy::Policy;
use crate::privacy::Role;
use crate::stats::Granularity;
use crate::time::{format_instant, parse_instant};

fn at(text: &str) -> Instant {
    parse_instant(text).unwrap()
}

fn received(at: &str, contact: bool) -> Value {
    let mut e = json!({"type": "received", "at": at, "channel": "hotline",
        "complainant_kind": "customer", "name": "張三", "content": "客服態度惡劣"});
    if contact {
        e["contact"] = json!("13812345678");
    }
    e
}

fn registered(at: &str, number: &str) -> Value {
    json!({"type": "registered", "at": at, "number": number})
}

fn classified(at: &str, category: &str) -> Value {
    json!({"type": "classified", "at": at, "category": category})
}

fn assessed(at: &str, severity: &str, urgency: &str, complexity: &str) -> Value {
    json!({"type": "assessed", "at": at, "severity": severity, "urgency": urgency,
        "complexity": complexity})
}

fn team(at: &str) -> Value {
    json!({"type": "team_formed", "at": at, "members": [{"id": "h-1", "role": "department_head"}]})
}

fn plan(at: &str) -> Value {
    json!({"type": "plan_submitted", "at": at, "analysis": "a", "responsibility": "r",
        "measures": "m", "time_points": [{"what": "w", "due": "2025-12-01"}]})
}

/// The caseload of the tests: see each history's comment.
pub(super) fn histories() -> Value {
    json!([
        // 0: an emergency, registered on Monday 20 October, its procedure started half an hour
        // after the assessment (§2.2.4); its plan is due 5 November.
        [received("2025-10-20T09:00:00+08:00", true),
         registered("2025-10-20T09:30:00+08:00", "25100001"),
         classified("2025-10-20T09:40:00+08:00", "service_attitude"),
         assessed("2025-10-20T09:45:00+08:00", "serious", "urgent", "simple"),
         {"type": "emergency_procedure_started", "at": "2025-10-20T10:15:00+08:00",
          "measures": "the desk supervisor called back"}],
        // 1: registered on Friday 26 September; the plan's 15 days end on Saturday 11
        // October (a working day): due 12 October 00:00, overdue since.
        {"key": "crm-1", "complainant_key": "k-a", "events": [
         received("2025-09-26T10:00:00+08:00", true),
         registered("2025-09-26T11:00:00+08:00", "25090001"),
         classified("2025-09-26T12:00:00+08:00", "product_quality"),
         assessed("2025-09-26T12:05:00+08:00", "general", "normal", "simple")]},
        // 2: a major complaint under investigation, plan due 25 October 00:00: due soon.
        [received("2025-10-09T14:00:00+08:00", true),
         registered("2025-10-09T15:00:00+08:00", "25100002"),
         classified("2025-10-09T15:10:00+08:00", "management"),
         assessed("2025-10-09T15:20:00+08:00", "major", "normal", "complex"),
         team("2025-10-10T09:00:00+08:00")],
        // 3: received on Monday 20 October 16:00 and never registered: due 22 October 00:00.
        [received("2025-10-20T16:00:00+08:00", true)],
        // 4: received without a contact; the registrar asked for it: the clock is paused.
        [received("2025-10-21T09:00:00+08:00", false),
         {"type": "information_requested", "at": "2025-10-21T10:00:00+08:00", "fields": ["contact"]}],
        // 5: a plan awaiting management's approval: no clock runs.
        {"complainant_key": "k-a", "events": [
         received("2025-10-10T09:00:00+08:00", true),
         registered("2025-10-10T10:00:00+08:00", "25100003"),
         classified("2025-10-10T10:10:00+08:00", "product_quality"),
         assessed("2025-10-10T10:20:00+08:00", "general", "normal", "simple"),
         team("2025-10-11T09:00:00+08:00"),
         plan("2025-10-15T16:00:00+08:00")]},
        // 6: handled to the end in September; unsatisfied at the visit, management decided not to
        // handle it again (§5.1.2), and closed.
        [received("2025-09-01T09:00:00+08:00", true),
         registered("2025-09-01T09:30:00+08:00", "25090002"),
         classified("2025-09-01T10:00:00+08:00", "product_quality"),
         assessed("2025-09-01T10:05:00+08:00", "general", "normal", "simple"),
         team("2025-09-02T09:00:00+08:00"),
         plan("2025-09-05T16:00:00+08:00"),
         {"type": "plan_approved", "at": "2025-09-08T10:00:00+08:00", "role": "management", "by": "m-1"},
         {"type": "implementation_started", "at": "2025-09-09T09:00:00+08:00"},
         {"type": "implementation_completed", "at": "2025-09-12T17:00:00+08:00"},
         {"type": "result_fed_back", "at": "2025-09-15T10:00:00+08:00", "process": "p",
          "result": "r", "satisfaction": "satisfied"},
         {"type": "follow_up_visited", "at": "2025-09-18T10:00:00+08:00", "method": "phone",
          "satisfaction": "unsatisfied"},
         {"type": "rehandling_declined", "at": "2025-09-18T15:00:00+08:00", "role": "management",
          "by": "m-1", "reason": "the replacement was made as promised"},
         {"type": "closed", "at": "2025-09-19T10:00:00+08:00"}],
        // 7: not a history at all.
        {"events": "none"},
    ])
}

pub(super) fn caseload() -> Caseload {
    Caseload::from_json_value(&Policy::default(), histories()).unwrap()
}

fn now() -> Instant {
    at("2025-10-22T10:00:00+08:00")
}

#[test]
fn the_worklist_in_working_order() {
    let list = caseload().worklist(now(), &WorklistOptions::new(Role::Office));
    let order: Vec<usize> = list.entries.iter().map(|e| e.index).collect();
    // The emergency; overdue by how late (10 days 10 hours, then 10 hours); due soon; paused;
    // no clock. The closed case is not on the list.
    assert_eq!(order, [0, 1, 3, 2, 4, 5]);
    let e = &list.entries[1];
    assert_eq!(e.number.map(|n| n.to_string()).as_deref(), Some("25090001"));
    assert_eq!(e.key.as_deref(), Some("crm-1"));
    assert_eq!((e.stage, e.state), (Some(Stage::Plan), SlaState::Overdue));
    assert_eq!(e.clause, Some("§4.1.2"));
    assert_eq!(
        e.due.map(|d| format_instant(&d)).as_deref(),
        Some("2025-10-12T00:00:00+08:00")
    );
    assert_eq!(e.late_seconds, Some(10 * 86_400 + 10 * 3600));
    // 13–17 and 20–22 October.
    assert_eq!(e.late_working_days, Some(8));
    assert_eq!(e.act, Actor::ComplaintOffice);
    assert_eq!(e.department.as_deref(), Some("quality"));
    assert_eq!(e.queue_key, "N06-20250926T020000.000000000Z");
    let d = &list.entries[2];
    assert_eq!(
        (d.number, d.stage, d.late_seconds),
        (None, Some(Stage::Registration), Some(36_000))
    );
    let c = &list.entries[3];
    assert_eq!(
        (c.state, c.act),
        (SlaState::DueSoon, Actor::InvestigationTeam)
    );
    assert_eq!(c.remaining_seconds, Some(2 * 86_400 + 14 * 3600));
    assert_eq!(
        (list.entries[4].state, list.entries[4].stage),
        (SlaState::Paused, Some(Stage::Registration))
    );
    let f = &list.entries[5];
    assert_eq!(
        (f.state, f.stage, f.act),
        (SlaState::Pending, None, Actor::Management)
    );
    assert!(list.entries[0].emergency);
    assert_eq!(list.entries[0].state, SlaState::Open);
    // The office sees who complained.
    let who = list.entries[0].complainant.as_ref().unwrap();
    assert_eq!(who.complainant_name.as_deref(), Some("張三"));
    assert_eq!(who.contact_phone.as_deref(), Some("13812345678"));
    let c = &list.counts;
    assert_eq!(c.total, 6);
    let pairs = |m: &std::collections::BTreeMap<String, u64>| {
        m.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        pairs(&c.by_state),
        "due_soon=1 open=1 overdue=2 paused=1 pending=1"
    );
    assert_eq!(pairs(&c.by_stage), "plan=3 registration=2");
    assert_eq!(
        pairs(&c.by_department),
        "administration=1 customer_service=1 quality=2"
    );
    assert_eq!(
        pairs(&c.by_actor),
        "complaint_office=4 investigation_team=1 management=1"
    );
    assert_eq!(list.refused.len(), 1);
    assert_eq!(
        (list.refused[0].index, list.refused[0].code),
        (7, "case.invalid_event")
    );
}

#[test]
fn filters_and_views() {
    let caseload = caseload();
    let mut options = WorklistOptions::new(Role::Department);
    options.department = Some("quality".into());
    let list = caseload.worklist(now(), &options);
    assert_eq!(
        list.entries.iter().map(|e| e.index).collect::<Vec<_>>(),
        [1, 5]
    );
    assert!(list.entries.iter().all(|e| e.complainant.is_none()));
    let json = serde_json::to_string(&list).unwrap();
    assert!(!json.contains("張三") && !json.contains("13812345678") && !json.contains("客服"));
    let mut options = WorklistOptions::new(Role::InvestigationTeam);
    options.role = Some(Actor::Management);
    let list = caseload.worklist(now(), &options);
    assert_eq!(
        list.entries.iter().map(|e| e.index).collect::<Vec<_>>(),
        [5]
    );
    assert_eq!(list.counts.total, 1);
    assert!(list.entries[0].complainant.is_none());
}

#[test]
fn reminders_of_an_overdue_plan() {
    let caseload = caseload();
    let r = caseload
        .reminders(
            at("2025-10-09T00:00:00+08:00"),
            at("2025-10-17T00:00:00+08:00"),
        )
        .unwrap();
    let of_1: Vec<_> = r.iter().filter(|r| r.index == 1).collect();
    let got: Vec<(String, String, String, &str)> = of_1
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                format_instant(&r.at),
                r.place.clone(),
                r.to.as_str(),
            )
        })
        .collect();
    let want = [
        // Half of 26 September 11:00 → 12 October 00:00 is 4 October 05:30, in the holiday.
        (
            "crm-1/plan/0/half_period",
            "2025-10-09T09:00:00+08:00",
            "50%",
            "investigation_team",
        ),
        // One working day left: the end of Friday 10 October; Saturday 11th is worked.
        (
            "crm-1/plan/0/one_working_day_left",
            "2025-10-11T09:00:00+08:00",
            "1 working day left",
            "investigation_team",
        ),
        // Due at Sunday's midnight: Monday morning.
        (
            "crm-1/plan/0/due",
            "2025-10-13T09:00:00+08:00",
            "due",
            "investigation_team",
        ),
        (
            "crm-1/plan/0/department_head",
            "2025-10-14T09:00:00+08:00",
            "1 working day overdue",
            "department_head",
        ),
        (
            "crm-1/plan/0/management",
            "2025-10-16T09:00:00+08:00",
            "3 working days overdue",
            "management",
        ),
    ];
    let want: Vec<(String, String, String, &str)> = want
        .iter()
        .map(|(a, b, c, d)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned(), *d))
        .collect();
    assert_eq!(got, want);
    let first = of_1[0];
    assert!(first.moved);
    assert_eq!(
        format_instant(&first.placed_at),
        "2025-10-04T05:30:00+08:00"
    );
    assert_eq!(
        (first.stage, first.clause, first.round),
        (Stage::Plan, "§4.1.2", 0)
    );
    assert_eq!(first.department.as_deref(), Some("quality"));
    // The other cases' reminders in that window: none for the closed case, none for the
    // plan met on 15 October after its half (19 October) …
    assert!(r.iter().all(|r| r.index != 6 && r.index != 5));
}

#[test]
fn reminders_before_registration_and_the_window_edges() {
    let caseload = caseload();
    let r = caseload
        .reminders(
            at("2025-10-21T00:00:00+08:00"),
            at("2025-10-24T00:00:00+08:00"),
        )
        .unwrap();
    let got: Vec<(String, String)> = r
        .iter()
        .map(|r| (r.id.clone(), format_instant(&r.at)))
        .collect();
    let id = "received-20251020T080000Z/registration/0";
    assert_eq!(
        got,
        [
            (
                format!("{id}/half_period"),
                "2025-10-21T09:00:00+08:00".to_owned()
            ),
            (
                format!("{id}/one_working_day_left"),
                "2025-10-21T09:00:00+08:00".to_owned()
            ),
            (format!("{id}/due"), "2025-10-22T09:00:00+08:00".to_owned()),
            (
                format!("{id}/department_head"),
                "2025-10-23T09:00:00+08:00".to_owned()
            ),
        ]
    );
    assert!(r.iter().all(|r| r.to != Actor::Management));
    // [from, to): a window ending at 09:00 leaves the 09:00 reminders to the next one.
    let before = caseload
        .reminders(
            at("2025-10-21T00:00:00+08:00"),
            at("2025-10-21T09:00:00+08:00"),
        )
        .unwrap();
    assert!(before.is_empty());
    let after = caseload
        .reminders(
            at("2025-10-21T09:00:00+08:00"),
            at("2025-10-21T09:00:01+08:00"),
        )
        .unwrap();
    assert_eq!(after.len(), 2);
    // The management rung, 3 working days overdue: end of Friday 24th, so Monday 27th.
    let later = caseload
        .reminders(
            at("2025-10-24T00:00:00+08:00"),
            at("2025-10-28T00:00:00+08:00"),
        )
        .unwrap();
    let management: Vec<_> = later
        .iter()
        .filter(|r| r.index == 3 && r.to == Actor::Management)
        .map(|r| format_instant(&r.at))
        .collect();
    assert_eq!(management, ["2025-10-27T09:00:00+08:00"]);
    let e = caseload.reminders(
        at("2025-10-24T00:00:00+08:00"),
        at("2025-10-23T00:00:00+08:00"),
    );
    assert_eq!(e.unwrap_err().code(), "office.invalid_window");
}

#[test]
fn the_ledger_from_cases() {
    let caseload = caseload();
    let ledger = caseload.ledger(now());
    // Five numbered cases; the two unregistered ones and the broken history are listed.
    assert_eq!(ledger.len(), 5);
    let rejected: Vec<_> = ledger
        .rejected()
        .iter()
        .map(|r| (r.line, r.column.as_deref(), r.code))
        .collect();
    assert_eq!(
        rejected,
        [
            (4, Some("number"), "stats.missing_value"),
            (5, Some("number"), "stats.missing_value"),
            (8, None, "case.invalid_event"),
        ]
    );
    let records: Vec<_> = ledger.records().collect();
    let b = records
        .iter()
        .find(|r| r.number.to_string() == "25090001")
        .unwrap();
    assert_eq!(b.outcome.as_deref(), Some("open"));
    assert_eq!(b.track.as_deref(), Some("general"));
    assert_eq!(b.complainant_key.as_deref(), Some("k-a"));
    assert_eq!(b.rehandled, Some(false));
    let reg = b.registration.unwrap();
    assert_eq!(reg.due, at("2025-09-29T00:00:00+08:00"));
    assert_eq!(reg.met_at, Some(at("2025-09-26T11:00:00+08:00")));
    assert_eq!(b.plan.unwrap().met_at, None);
    assert_eq!(b.feedback, None);
    let g = records
        .iter()
        .find(|r| r.number.to_string() == "25090002")
        .unwrap();
    assert_eq!(g.outcome.as_deref(), Some("resolved"));
    assert_eq!(
        (g.satisfied, g.follow_up_satisfied),
        (Some(true), Some(false))
    );
    assert_eq!(g.closed_at, Some(at("2025-09-19T10:00:00+08:00")));
    assert!(g.follow_up.unwrap().met_at.is_some());

    let report = ledger
        .report(Granularity::Month, &Policy::default())
        .unwrap();
    let months: Vec<String> = report
        .periods
        .iter()
        .map(|p| p.period.to_string())
        .collect();
    assert_eq!(months, ["2025-09", "2025-10"]);
    let sep = report.periods[0].indicators.as_ref().unwrap();
    // Registration: case 6 (due 3 September 00:00) and case 1 (due 29 September), on time.
    assert_eq!(sep.on_time["registration"].due, 2);
    assert_eq!(sep.on_time["registration"].rate, Some(1.0));
    // Case 6 closed on 19 September: 1 September → 19 September is 14 working days.
    assert_eq!(sep.handling_working_days.median, Some(14.0));
    assert_eq!(sep.follow_up_satisfaction_rate, Some(0.0));
    assert_eq!(sep.by_outcome["resolved"], 1);
    let oct = report.periods[1].indicators.as_ref().unwrap();
    // Plans due in October: case 1 (12th, overdue) and case 5 (28th, met on the 15th).
    let plan = oct.on_time["plan"];
    assert_eq!((plan.on_time, plan.late, plan.overdue), (1, 0, 1));
    // Case 5 came within 30 days of case 1, from the same complainant.
    assert_eq!(oct.repeat, 1);
    assert_eq!(oct.repeat_rate, Some(1.0));
}

#[test]
fn slices_of_cases_work_the_same() {
    let caseload = caseload();
    let cases: Vec<Case> = caseload.cases().map(|(_, c)| c.clone()).collect();
    let list = worklist(&cases, now(), &WorklistOptions::new(Role::Statistics));
    assert_eq!(list.entries.len(), 6);
    assert!(
        list.entries
            .iter()
            .all(|e| e.complainant.is_none() && e.key.is_none())
    );
    let from = at("2025-10-09T00:00:00+08:00");
    let to = at("2025-10-17T00:00:00+08:00");
    let a: Vec<_> = reminders(&cases, from, to)
        .unwrap()
        .into_iter()
        .map(|r| r.at)
        .collect();
    let b: Vec<_> = caseload
        .reminders(from, to)
        .unwrap()
        .into_iter()
        .map(|r| r.at)
        .collect();
    assert_eq!(a, b);
    assert_eq!(ledger(&cases, now()).len(), 5);
}

#[test]
fn reminders_follow_the_calendar_of_their_stage() {
    // The hotline works every day: a complaint it took on Friday 24 October without a contact
    // must be registered by the end of Saturday, and is reminded of on Saturday and Sunday.
    let policy = Policy::from_toml_str(
        "[[calendars]]\nname = \"hotline\"\nbase = \"every_day\"\n[calendar_of]\nchannels = { hotline = \"hotline\" }",
    )
    .unwrap();
    let history: Vec<crate::case::Event> = [received("2025-10-24T10:00:00+08:00", false)]
        .into_iter()
        .map(|e| crate::case::Event::from_json_value(e).unwrap())
        .collect();
    let caseload = Caseload::replay(&policy, [history]);
    let r = caseload
        .reminders(
            at("2025-10-24T00:00:00+08:00"),
            at("2025-10-28T00:00:00+08:00"),
        )
        .unwrap();
    let got: Vec<(&str, String)> = r
        .iter()
        .map(|r| (r.rung.as_str(), format_instant(&r.at)))
        .collect();
    assert_eq!(
        got,
        [
            ("half_period", "2025-10-25T09:00:00+08:00".to_owned()),
            (
                "one_working_day_left",
                "2025-10-25T09:00:00+08:00".to_owned()
            ),
            ("due", "2025-10-26T09:00:00+08:00".to_owned()),
            ("department_head", "2025-10-27T09:00:00+08:00".to_owned()),
        ]
    );
    // On the office's calendar the same registration is due on Monday night.
    let caseload = Caseload::replay(
        &Policy::default(),
        [[received("2025-10-24T10:00:00+08:00", false)]
            .into_iter()
            .map(|e| crate::case::Event::from_json_value(e).unwrap())
            .collect::<Vec<_>>()],
    );
    let r = caseload
        .reminders(
            at("2025-10-24T00:00:00+08:00"),
            at("2025-10-28T00:00:00+08:00"),
        )
        .unwrap();
    assert!(r.iter().all(|r| r.rung != "due"));
    assert_eq!(format_instant(&r[0].due), "2025-10-28T00:00:00+08:00");
}
