//! §2–§6: the case lifecycle under random histories.

use std::collections::BTreeMap;

use complaint_office::calendar::CalendarConfig;
use complaint_office::case::{Case, Event, Schedule, SlaState, Stage, Status};
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::config;

/// Event templates covering every type, some valid in few statuses, some broken on purpose.
fn templates() -> Vec<Value> {
    let docs = [
        "registration_form",
        "investigation_record",
        "handling_plan",
        "result_report",
        "follow_up_record",
    ];
    vec![
        json!({"type": "information_requested", "fields": ["contact"]}),
        json!({"type": "information_supplied", "contact": "13812345678"}),
        json!({"type": "registered", "number": "25110001"}),
        json!({"type": "classified", "category": "product_quality"}),
        json!({"type": "assessed", "severity": "serious", "urgency": "urgent", "complexity": "complex"}),
        json!({"type": "assessed", "severity": "general", "urgency": "normal", "complexity": "simple"}),
        json!({"type": "emergency_procedure_started"}),
        json!({"type": "information_requested", "fields": ["name"]}),
        json!({"type": "team_formed", "members": [{"id": "s-1", "role": "legal"}]}),
        json!({"type": "investigation_planned", "steps": [{"description": "d", "due": "2025-11-20", "owner": "s-1"}]}),
        json!({"type": "evidence_added", "kind": "interview", "signed": true}),
        json!({"type": "evidence_added", "kind": "interview", "signed": false}),
        json!({"type": "progress_reported"}),
        json!({"type": "plan_submitted", "analysis": "a", "responsibility": "r", "measures": "m", "time_points": [{"what": "w", "due": "2025-12-01"}]}),
        json!({"type": "plan_submitted", "analysis": "a", "responsibility": "r", "measures": "", "time_points": []}),
        json!({"type": "plan_extended", "until": "2025-12-01"}),
        json!({"type": "plan_returned", "role": "management", "by": "m"}),
        json!({"type": "plan_approved", "role": "management", "by": "m"}),
        json!({"type": "plan_approved", "role": "department", "by": "d"}),
        json!({"type": "implementation_started"}),
        json!({"type": "problem_raised", "description": "p"}),
        json!({"type": "implementation_completed"}),
        json!({"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "unsatisfied"}),
        json!({"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "satisfied"}),
        json!({"type": "objection_raised", "reason": "r"}),
        json!({"type": "rehandling_started"}),
        json!({"type": "rehandling_completed"}),
        json!({"type": "rehandling_declined", "role": "management", "by": "m", "reason": "r"}),
        json!({"type": "rehandling_declined", "role": "management", "by": "m"}),
        json!({"type": "follow_up_visited", "method": "phone", "satisfaction": "unsatisfied"}),
        json!({"type": "rejected", "ground": "out_of_scope", "reason": "r"}),
        json!({"type": "rejected", "ground": "inadmissible", "reason": "r"}),
        json!({"type": "withdrawn"}),
        json!({"type": "merged", "into": "25110002"}),
        json!({"type": "merged", "into": "25110001"}),
        json!({"type": "lapsed"}),
        json!({"type": "implementation_started", "department": "nowhere"}),
        json!({"type": "follow_up_visited", "method": "phone", "satisfaction": "satisfied"}),
        json!({"type": "closed"}),
        json!({"type": "reopened", "reason": "r"}),
        json!({"type": "reopened"}),
        json!({"type": "archived", "documents": docs}),
        json!({"type": "archived", "documents": &docs[..3]}),
        json!({"type": "legal_hold_placed", "reason": "r"}),
        json!({"type": "legal_hold_released"}),
        json!({"type": "destruction_approved", "role": "leadership", "by": "l"}),
        json!({"type": "destroyed"}),
    ]
}

fn history() -> impl Strategy<Value = Vec<Event>> {
    let n = templates().len();
    proptest::collection::vec((0..n, 0i64..(30 * 86_400), any::<bool>()), 0..60).prop_map(
        move |steps| {
            let all = templates();
            let mut at = parse_instant("2025-11-03T09:30:00+08:00").unwrap();
            let mut events = vec![Event::from_json_value(json!({
            "type": "received", "at": "2025-11-03T09:30:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "c"
        })).unwrap()];
            for (i, secs, backwards) in steps {
                // Mostly forward in time, sometimes backwards to exercise that guard.
                at += chrono::Duration::seconds(if backwards && secs % 7 == 0 {
                    -secs / 10
                } else {
                    secs / 10
                });
                let mut value = all[i].clone();
                value["at"] = json!(at.to_rfc3339());
                events.push(Event::from_json_value(value).unwrap());
            }
            events
        },
    )
}

/// Applies events one by one, skipping those refused; returns the case and the refusals.
fn apply_all(events: &[Event]) -> (Case, usize) {
    let policy = Policy::default();
    let mut case = Case::open(&policy, events[0].clone()).unwrap();
    let mut refused = 0;
    for event in &events[1..] {
        let before = case.clone();
        if case.apply(event.clone()).is_err() {
            refused += 1;
            assert_eq!(case, before, "a refused {} changed the case", event.kind());
        }
    }
    (case, refused)
}

proptest! {
    #![proptest_config(config())]

    /// A refused event never changes the case; replaying the same events gives the same case.
    #[test]
    fn refusals_change_nothing_and_replay_is_deterministic(events in history()) {
        let (a, _) = apply_all(&events);
        let (b, _) = apply_all(&events);
        prop_assert_eq!(a, b);
    }

    /// §4.4.1, §5.2.1, §6.2.1: no accepted sequence closes a case without feedback and a
    /// follow-up visit, or archives it without the documents that apply to it (five for a
    /// closed case).
    #[test]
    fn no_closing_without_feedback_and_follow_up(events in history()) {
        let (case, _) = apply_all(&events);
        let resolved = case.disposition().is_none();
        if resolved && matches!(case.status(), Status::Closed | Status::Archived | Status::Destroyed) {
            let s = case.schedule(case.last_event_at());
            prop_assert!(s.stages.iter().any(|st| st.stage.as_str() == "feedback" && st.met_at.is_some()));
            prop_assert!(s.stages.iter().any(|st| st.stage.as_str() == "follow_up" && st.met_at.is_some()));
        }
        if matches!(case.status(), Status::Archived | Status::Destroyed) {
            let required = case.required_documents();
            prop_assert!(required.iter().all(|d| case.documents().contains(d)));
            if resolved {
                prop_assert_eq!(case.documents().len(), 5);
            }
        }
    }

    /// §2.2.1: waiting for information never brings the registration deadline earlier.
    #[test]
    fn pausing_never_shortens(wait_from in 0i64..(10 * 86_400), wait in 0i64..(20 * 86_400)) {
        let policy = Policy::default();
        let received = json!({"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "n", "content": "c"});
        let start = parse_instant("2025-09-26T10:00:00+08:00").unwrap();
        let case = Case::open(&policy, Event::from_json_value(received).unwrap()).unwrap();
        let unpaused = case.schedule(start).stages[0].due.unwrap();
        let mut paused = case.clone();
        let from = start + chrono::Duration::seconds(wait_from);
        let to = from + chrono::Duration::seconds(wait);
        paused.apply(Event::from_json_value(json!({"type": "information_requested", "at": from.to_rfc3339(), "fields": ["contact"]})).unwrap()).unwrap();
        paused.apply(Event::from_json_value(json!({"type": "information_supplied", "at": to.to_rfc3339(), "contact": "13812345678"})).unwrap()).unwrap();
        let due = paused.schedule(to).stages[0].due.unwrap();
        prop_assert!(due >= unpaused);
    }
}

proptest! {
    #![proptest_config(config())]

    /// The QA strategies (feature `proptest`) generate only histories the policy accepts, and
    /// each of their mutations makes the history invalid.
    #[test]
    fn generated_histories_replay_and_mutations_are_refused(
        history in complaint_office::testing::case_history(),
        (broken, mutation) in complaint_office::testing::invalid_case_history(),
    ) {
        let case = Case::replay(&history.policy, history.events.clone());
        prop_assert!(case.is_ok(), "{:?}", case.err());
        prop_assert!(Case::replay(&broken.policy, broken.events.clone()).is_err(), "{mutation:?} was accepted");
    }

    /// §2.2.1, §4.1.2, §4.4.1, §5.2.1: every deadline of a valid history is after the instant
    /// its clock started, and the last day of a limit in days is a working day or (Civil Code
    /// art. 203 moves only statutory rest days) a company day off. The implementation stage is
    /// left out: its last day is the plan's own time point, not a period.
    #[test]
    fn deadlines_of_valid_histories_follow_their_start(
        history in complaint_office::testing::case_history_under(complaint_office::testing::policy()),
    ) {
        let case = Case::replay(&history.policy, history.events.clone()).unwrap();
        for stage in case.schedule(case.last_event_at()).stages {
            if stage.stage == Stage::Implementation {
                continue;
            }
            let calendar = history.policy.calendar_named(&stage.calendar).unwrap();
            if let (Some(start), Some(due), Some(last)) = (stage.started_at, stage.due, stage.last_day) {
                prop_assert!(due > start, "{} due before its start", stage.stage);
                // Hours run from the start instant and end on any day (art. 201 ¶2).
                if stage.duration.unit().is_day_based() {
                    prop_assert!(
                        calendar.is_working_day(last) || calendar.is_extra_off_day(last),
                        "{} ends on a rest day", stage.stage
                    );
                }
            }
        }
    }

    /// Lateness never decreases when events are added: recording an event at `t` never makes a
    /// stage look less late at `t` than it was (a met stage keeps the lateness it had when met,
    /// a stopped one the lateness it had when stopped, and a started stage never disappears).
    #[test]
    fn lateness_never_decreases_when_events_are_added(
        history in complaint_office::testing::case_history_under(complaint_office::testing::policy()),
    ) {
        let mut case = Case::open(&history.policy, history.events[0].clone()).unwrap();
        for event in &history.events[1..] {
            let before = lateness(&case.schedule(event.at));
            case.apply(event.clone()).unwrap();
            let after = lateness(&case.schedule(event.at));
            for (key, late) in before {
                let now = after.get(&key).copied();
                prop_assert!(now.is_some(), "{:?} disappeared after {}", key, event.kind());
                prop_assert!(now >= Some(late), "{:?}: {} s late, then {:?} after {}", key, late, now, event.kind());
            }
        }
    }

    /// §2.2.1: a pause never starts after expiry: a request for information made once the
    /// registration clock has run out leaves it overdue.
    #[test]
    fn a_pause_never_starts_after_expiry(history in complaint_office::testing::case_history()) {
        let mut case = Case::open(&history.policy, history.events[0].clone()).unwrap();
        for event in &history.events[1..] {
            let state = case.schedule(event.at).stages[0].state;
            let pauses = case.pauses().len();
            case.apply(event.clone()).unwrap();
            if state == SlaState::Overdue {
                prop_assert_eq!(case.pauses().len(), pauses, "a pause began after expiry");
            }
        }
        let registration = case.schedule(case.last_event_at()).stages[0].clone();
        if let Some(due) = registration.due {
            for pause in case.pauses() {
                prop_assert!(pause.from < due, "a pause began at or after the due instant");
            }
        }
    }

    /// Calendars per site change nothing but the names when every site's calendar is the
    /// office's: a policy with a copy of its calendar that every channel and department uses
    /// schedules every history exactly as the policy alone, each stage naming the copy (a
    /// department's stage once a department is concerned).
    #[test]
    fn a_copy_of_the_office_calendar_for_every_site_changes_only_the_names(
        history in complaint_office::testing::case_history_under(complaint_office::testing::policy()),
        later in 0i64..(60 * 86_400),
    ) {
        // The policy alone: its own calendar for everyone.
        let mut file = history.policy.file().clone();
        file.calendars.clear();
        file.calendar_of = Default::default();
        let single = Policy::new(file.clone()).unwrap();
        file.calendars.push(CalendarConfig { name: Some("copy".into()), ..file.calendar.clone() });
        let channels = &mut file.calendar_of.channels;
        for slot in [&mut channels.email, &mut channels.hotline, &mut channels.on_site, &mut channels.oa] {
            *slot = Some("copy".into());
        }
        for department in &file.classification.departments {
            file.calendar_of.departments.insert(department.code.clone(), "copy".into());
        }
        let sites = Policy::new(file).unwrap();
        // A history of a policy with other sites may not fit the policy alone.
        let Ok(alone) = Case::replay(&single, history.events.clone()) else {
            return Ok(());
        };
        let copied = Case::replay(&sites, history.events.clone()).unwrap();
        let now = alone.last_event_at() + chrono::Duration::seconds(later);
        let mut expected = alone.schedule(now).stages;
        for stage in &mut expected {
            prop_assert_eq!(&stage.calendar, single.calendar_name());
            // A department's stages run on the office's calendar until a department is
            // concerned.
            let department_stage = !matches!(
                stage.stage,
                Stage::Registration | Stage::EmergencyStart | Stage::FollowUp
            );
            if !department_stage || alone.department().is_some() {
                stage.calendar = "copy".into();
            }
        }
        prop_assert_eq!(copied.schedule(now).stages, expected);
        let checks = |case: &Case| -> Vec<(&'static str, &'static str)> {
            case.compliance(now).checks.iter().map(|c| (c.rule, c.result.as_str())).collect()
        };
        prop_assert_eq!(checks(&copied), checks(&alone));
    }

    /// Every disposition stops every clock: once a case is rejected, withdrawn, merged or
    /// lapsed, no stage runs, is paused or awaits anything, and the schedule no longer changes
    /// with time.
    #[test]
    fn every_disposition_stops_every_clock(
        history in complaint_office::testing::case_history_under(complaint_office::testing::policy()),
        later in 1i64..(3 * 365 * 86_400),
    ) {
        let case = Case::replay(&history.policy, history.events.clone()).unwrap();
        if let Some(disposition) = case.disposition() {
            let soon = case.schedule(case.last_event_at());
            let much_later = case.schedule(case.last_event_at() + chrono::Duration::seconds(later));
            prop_assert_eq!(&soon.stages, &much_later.stages);
            for stage in &soon.stages {
                prop_assert!(
                    matches!(stage.state, SlaState::Met | SlaState::MetLate | SlaState::Stopped),
                    "{} is {} after the case was {}", stage.stage, stage.state, disposition.kind
                );
                if stage.state == SlaState::Stopped {
                    prop_assert!(stage.stopped_at.is_some_and(|at| at <= disposition.at));
                }
            }
        }
    }
}

/// Each started stage's lateness in seconds (0 when not late).
fn lateness(schedule: &Schedule) -> BTreeMap<(Stage, usize), i64> {
    schedule
        .stages
        .iter()
        .filter(|s| s.started_at.is_some())
        .map(|s| ((s.stage, s.round), s.late_seconds.unwrap_or(0).max(0)))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// §5.1.2: no case closes while the complainant is recorded as not satisfied, unless the
    /// complaint was handled again since, or management recorded its decision not to, or a
    /// later record finds the complainant satisfied.
    #[test]
    fn no_closing_while_unsatisfied(events in history(), generated in complaint_office::testing::case_history()) {
        for events in [events, generated.events] {
            let policy = Policy::default();
            let mut case = Case::open(&policy, events[0].clone()).unwrap();
            let mut unsatisfied = false;
            for event in &events[1..] {
                if case.apply(event.clone()).is_err() {
                    continue;
                }
                let value = event.to_json_value();
                match event.kind().as_str() {
                    "result_fed_back" | "follow_up_visited" => match value["satisfaction"].as_str() {
                        Some("unsatisfied") => unsatisfied = true,
                        Some("satisfied") => unsatisfied = false,
                        _ => {}
                    },
                    "rehandling_started" | "rehandling_declined" | "reopened" => unsatisfied = false,
                    "closed" => prop_assert!(!unsatisfied, "closed while the complainant was not satisfied"),
                    _ => {}
                }
            }
        }
    }
}
