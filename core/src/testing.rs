//! Proptest strategies for QA teams (feature `proptest`): valid policies, complaint numbers,
//! dates and instants, durations and whole case histories the policy accepts, plus mutations
//! that break them. Write your own policy properties with them (see
//! `examples/qa_property.rs`).
//!
//! ```
//! use complaint_office::case::Case;
//! use complaint_office::testing;
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! // Every generated history replays, and a case never reaches `closed` without its number.
//! let mut runner = TestRunner::default();
//! runner.run(&testing::case_history(), |history| {
//!     let case = Case::replay(&history.policy, history.events.clone()).expect("valid history");
//!     if case.status().as_str() == "closed" {
//!         prop_assert!(case.number().is_some());
//!     }
//!     Ok(())
//! }).unwrap();
//! ```
//!
//! Strategies generate through the library's own constructors and checks, so a generated
//! value is valid exactly when the library says so; they never restate a rule.

use chrono::{Days, FixedOffset, NaiveDate};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::case::Event;
use crate::duration::{Duration, Unit};
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::time::{Instant, at_office_time, format_instant};

/// Any complaint number (2000–2099, every month, every serial).
pub fn complaint_number() -> impl Strategy<Value = ComplaintNumber> {
    (2000..=2099i32, 1..=12u32, 1..=ComplaintNumber::MAX_SERIAL)
        .prop_filter_map("valid parts", |(y, m, s)| {
            ComplaintNumber::new(y, m, s).ok()
        })
}

/// Any date from 1990 to 2060: inside and outside the calendar's statutory years.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    date_between(1990, 2060)
}

/// Any date inside the built-in statutory years (2007–2026).
pub fn covered_date() -> impl Strategy<Value = NaiveDate> {
    date_between(2007, 2026)
}

fn date_between(first_year: i32, last_year: i32) -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap_or(crate::time::MIN_DATE);
    let last = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or(crate::time::MAX_DATE);
    let days = (last - first).num_days().max(0) as u64;
    (0..=days).prop_map(move |d| first + Days::new(d))
}

/// Any UTC offset a real or hypothetical office could have (−23:59 to +23:59, minutes).
pub fn offset() -> impl Strategy<Value = FixedOffset> {
    (-(23 * 60 + 59)..=(23 * 60 + 59))
        .prop_filter_map("valid offset", |m: i32| FixedOffset::east_opt(m * 60))
}

/// Any instant of [`date`]'s range, written in any offset.
pub fn instant() -> impl Strategy<Value = Instant> {
    (date(), 0u32..86_400, offset()).prop_map(|(d, s, o)| at_office_time(d, s, o))
}

/// Any duration the grammar accepts, of every unit except working hours (which needs office
/// hours), with amounts a policy would plausibly use.
pub fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..=2000).prop_filter_map("amount", |n| Duration::new(n, Unit::Hours).ok()),
        (1u32..=400).prop_filter_map("amount", |n| Duration::new(n, Unit::Days).ok()),
        (1u32..=300).prop_filter_map("amount", |n| Duration::new(n, Unit::WorkingDays).ok()),
        (1u32..=36).prop_filter_map("amount", |n| Duration::new(n, Unit::Months).ok()),
        (1u32..=5).prop_filter_map("amount", |n| Duration::new(n, Unit::Years).ok()),
    ]
}

/// Valid policies: the defaults with random limits, offsets, office hours and company days.
/// Every value comes out of [`Policy::from_json_value`], so it passed the library's
/// validation.
pub fn policy() -> impl Strategy<Value = Policy> {
    (
        1u32..=3,
        5u32..=20,
        0u32..=20,
        1u32..=5,
        1u32..=10,
        prop_oneof![Just("+08:00"), Just("+00:00"), Just("-05:00"), Just("+05:45")],
        any::<bool>(),
        proptest::collection::vec(covered_date(), 0..4),
        1u32..=5,
    )
        .prop_filter_map(
            "a policy the library accepts",
            |(reg, plan, extra, feedback, follow_up, offset, hours, off_days, years)| {
                let mut file = json!({
                    "office_offset": offset,
                    "deadlines": {
                        "registration": format!("{reg} working days"),
                        "plan": format!("{plan} days"),
                        "plan_extended_max": format!("{} days", plan + extra),
                        "feedback": format!("{feedback} working days"),
                        "follow_up": format!("{follow_up} working days"),
                    },
                    "retention": {"period": format!("{years} years")},
                    "calendar": {
                        "extra_off_days": off_days.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
                    },
                });
                if hours {
                    file["calendar"]["office_hours"] = json!(["09:00-12:00", "13:30-18:00"]);
                }
                Policy::from_json_value(file).ok()
            },
        )
}

/// A case history the policy accepts, with the policy it was made for.
#[derive(Debug, Clone)]
pub struct CaseHistory {
    /// The policy.
    pub policy: Policy,
    /// The events, in order; [`crate::case::Case::replay`] accepts them all.
    pub events: Vec<Event>,
}

/// How far a history goes and which detours it takes.
#[derive(Debug, Clone, Copy)]
struct Plot {
    stop_after: usize,
    ask_information: bool,
    severity: &'static str,
    urgency: &'static str,
    complexity: &'static str,
    returns: usize,
    extend: bool,
    objections: usize,
    serial: u32,
}

fn plot() -> impl Strategy<Value = Plot> {
    (
        1usize..=40,
        any::<bool>(),
        prop_oneof![Just("general"), Just("serious"), Just("major")],
        prop_oneof![Just("normal"), Just("urgent")],
        prop_oneof![Just("simple"), Just("complex")],
        0usize..=2,
        any::<bool>(),
        0usize..=2,
        1u32..=9999,
    )
        .prop_map(
            |(
                stop_after,
                ask_information,
                severity,
                urgency,
                complexity,
                returns,
                extend,
                objections,
                serial,
            )| Plot {
                stop_after,
                ask_information,
                severity,
                urgency,
                complexity,
                returns,
                extend,
                objections,
                serial,
            },
        )
}

/// Valid case histories under the default policy: every path of the lifecycle (missing
/// information, plans returned, extensions, objections and re-handling, archive), cut at any
/// point, with random gaps between events (minutes to weeks, so some stages run late).
pub fn case_history() -> impl Strategy<Value = CaseHistory> {
    case_history_under(Just(Policy::default()))
}

/// Valid case histories under policies drawn from `policies`.
pub fn case_history_under(
    policies: impl Strategy<Value = Policy>,
) -> impl Strategy<Value = CaseHistory> {
    (
        policies,
        covered_date(),
        0u32..86_400,
        plot(),
        proptest::collection::vec(60i64..(12 * 86_400), 40),
    )
        .prop_map(|(policy, day, secs, plot, gaps)| {
            let start = at_office_time(day, secs, policy.office_offset());
            let events = write_history(&policy, start, plot, &gaps);
            CaseHistory { policy, events }
        })
}

fn write_history(policy: &Policy, start: Instant, plot: Plot, gaps: &[i64]) -> Vec<Event> {
    let mut at = start;
    let mut gap = gaps.iter().cycle();
    let mut next = |at: &mut Instant| {
        *at += chrono::Duration::seconds(*gap.next().unwrap_or(&3600));
        format_instant(at)
    };
    let mut out: Vec<Value> = Vec::new();
    let mut received = json!({"type": "received", "at": format_instant(&at), "channel": "hotline",
        "complainant_kind": "customer", "name": "張三", "content": "產品質量問題"});
    if !plot.ask_information {
        received["contact"] = json!("13812345678");
    }
    out.push(received);
    if plot.ask_information {
        out.push(
            json!({"type": "information_requested", "at": next(&mut at), "fields": ["contact"]}),
        );
        out.push(
            json!({"type": "information_supplied", "at": next(&mut at), "contact": "13812345678"}),
        );
    }
    let month = crate::time::YearMonth::of_instant(start, policy.office_offset());
    let number = ComplaintNumber::new(month.year(), month.month(), plot.serial)
        .map(|n| n.to_string())
        .unwrap_or_default();
    out.push(json!({"type": "registered", "at": next(&mut at), "number": number}));
    out.push(json!({"type": "classified", "at": next(&mut at), "category": "product_quality"}));
    out.push(
        json!({"type": "assessed", "at": next(&mut at), "severity": plot.severity,
        "urgency": plot.urgency, "complexity": plot.complexity}),
    );
    out.push(
        json!({"type": "team_formed", "at": next(&mut at), "members": [
        {"id": "h-1", "role": "department_head"}, {"id": "t-1", "role": "technical_specialist"},
        {"id": "l-1", "role": "legal"}]}),
    );
    let step_due = crate::time::office_date(at, policy.office_offset()) + Days::new(3);
    out.push(
        json!({"type": "investigation_planned", "at": next(&mut at), "steps": [
        {"description": "review records", "due": step_due.to_string(), "owner": "h-1"}]}),
    );
    out.push(
        json!({"type": "evidence_added", "at": next(&mut at), "kind": "interview", "signed": true,
        "interviewee": "complainant"}),
    );
    out.push(json!({"type": "progress_reported", "at": next(&mut at)}));
    let tracked = plot.severity == "major" || plot.complexity == "complex";
    if plot.extend && tracked {
        // Extend to the cap's last day, which is always allowed and always later.
        let registered = crate::time::parse_instant(
            out.iter()
                .rev()
                .find(|e| e["type"] == "registered")
                .and_then(|e| e["at"].as_str())
                .unwrap_or_default(),
        )
        .unwrap_or(start);
        if let Ok(cap) = crate::period::end(
            policy.calendar(),
            registered,
            policy.deadlines().plan_extended_max,
        ) {
            let plan = crate::period::end(policy.calendar(), registered, policy.deadlines().plan);
            if plan.is_ok_and(|p| cap.last_day > p.last_day) {
                out.push(json!({"type": "plan_extended", "at": next(&mut at), "until": cap.last_day.to_string(),
                    "reason": "supplier audit"}));
            }
        }
    }
    let plan = |at: String| {
        json!({"type": "plan_submitted", "at": at, "analysis": "a", "responsibility": "r",
        "measures": "m", "time_points": [{"what": "w", "due": "2030-01-01"}]})
    };
    out.push(plan(next(&mut at)));
    for _ in 0..plot.returns {
        out.push(
            json!({"type": "plan_returned", "at": next(&mut at), "by": "m-1", "role": "management",
            "reason": "more detail"}),
        );
        out.push(plan(next(&mut at)));
    }
    out.push(
        json!({"type": "plan_approved", "at": next(&mut at), "by": "m-1", "role": "management"}),
    );
    out.push(json!({"type": "implementation_started", "at": next(&mut at)}));
    out.push(json!({"type": "implementation_completed", "at": next(&mut at)}));
    for _ in 0..plot.objections {
        out.push(
            json!({"type": "result_fed_back", "at": next(&mut at), "process": "p", "result": "r",
            "satisfaction": "unsatisfied"}),
        );
        out.push(
            json!({"type": "objection_raised", "at": next(&mut at), "reason": "not satisfied"}),
        );
        out.push(json!({"type": "rehandling_started", "at": next(&mut at)}));
        out.push(json!({"type": "rehandling_completed", "at": next(&mut at)}));
    }
    out.push(
        json!({"type": "result_fed_back", "at": next(&mut at), "process": "p", "result": "r",
        "satisfaction": "satisfied"}),
    );
    out.push(
        json!({"type": "follow_up_visited", "at": next(&mut at), "method": "phone",
        "satisfaction": "satisfied", "suggestions": "s"}),
    );
    out.push(json!({"type": "closed", "at": next(&mut at)}));
    out.push(
        json!({"type": "archived", "at": next(&mut at), "documents": ["registration_form",
        "investigation_record", "handling_plan", "result_report", "follow_up_record"]}),
    );
    let keep = (plot.stop_after + 1).min(out.len());
    out.truncate(keep.max(1));
    out.into_iter()
        .filter_map(|v| Event::from_json_value(v).ok())
        .collect()
}

/// A way to break a valid history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// Drop the first event (a case must begin with its receipt).
    DropReceipt,
    /// Move the last event before the one preceding it.
    Backwards,
    /// Repeat the receipt at the end.
    DuplicateReceipt,
    /// Append an event the status does not allow (closing straight away when not followed up,
    /// or registering again).
    OutOfOrder,
}

/// A valid history broken by one mutation: [`crate::case::Case::replay`] must refuse it.
pub fn invalid_case_history() -> impl Strategy<Value = (CaseHistory, Mutation)> {
    (
        case_history(),
        prop_oneof![
            Just(Mutation::DropReceipt),
            Just(Mutation::Backwards),
            Just(Mutation::DuplicateReceipt),
            Just(Mutation::OutOfOrder),
        ],
    )
        .prop_map(|(mut history, mutation)| {
            mutate(&mut history.events, mutation);
            (history, mutation)
        })
}

fn mutate(events: &mut Vec<Event>, mutation: Mutation) {
    match mutation {
        Mutation::DropReceipt => {
            if !events.is_empty() {
                events.remove(0);
            }
        }
        Mutation::Backwards => {
            if events.len() >= 2 {
                let before = events[events.len() - 2].at;
                if let Some(last) = events.last_mut() {
                    last.at = before - chrono::Duration::seconds(1);
                }
            } else if let Some(first) = events.first().cloned() {
                events.push(first);
            }
        }
        Mutation::DuplicateReceipt => {
            if let Some(first) = events.first().cloned() {
                let mut again = first;
                again.at = events.last().map_or(again.at, |e| e.at);
                events.push(again);
            }
        }
        Mutation::OutOfOrder => {
            let at = events.last().map(|e| e.at);
            if let Some(at) = at {
                let register_again = Event::from_json_value(json!({"type": "registered",
                    "at": format_instant(&at), "number": "25010001"}));
                let close_now =
                    Event::from_json_value(json!({"type": "closed", "at": format_instant(&at)}));
                // Closing is allowed right after the follow-up visit; registering never is then.
                let followed_up = events
                    .last()
                    .is_some_and(|e| e.kind().as_str() == "follow_up_visited");
                let extra = if followed_up {
                    register_again
                } else {
                    close_now
                };
                if let Ok(extra) = extra {
                    events.push(extra);
                }
            }
        }
    }
}
