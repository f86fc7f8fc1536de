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

use crate::case::{Case, Event};
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

/// Valid policies: the defaults with random limits (a limit between progress reports or
/// none), offsets, office hours and company days, and sometimes calendars per site: a hotline
/// that works every day for the hotline channel, and a region's calendar (the company days
/// as its own, in its own offset) for the quality department.
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
        proptest::option::of(1u32..=10),
        0u8..=2,
    )
        .prop_filter_map(
            "a policy the library accepts",
            |(reg, plan, extra, feedback, follow_up, offset, hours, off_days, years, progress, sites)| {
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
                if let Some(n) = progress {
                    file["deadlines"]["progress"] = json!(format!("{n} working days"));
                }
                if sites >= 1 {
                    file["calendars"] = json!([{"name": "hotline", "base": "every_day"}]);
                    file["calendar_of"] = json!({"channels": {"hotline": "hotline"}});
                }
                if sites >= 2 {
                    let region = json!({"name": "region", "office_offset": "+07:00",
                        "extra_off_days": file["calendar"]["extra_off_days"].take()});
                    if let Some(list) = file["calendars"].as_array_mut() {
                        list.push(region);
                    }
                    file["calendar_of"]["departments"] = json!({"quality": "region"});
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
    /// Seconds between receipt and its recording (0: recorded as it arrived).
    recorded_after: i64,
    ask_information: bool,
    severity: &'static str,
    urgency: &'static str,
    complexity: &'static str,
    start_emergency: bool,
    inspect_site: bool,
    progress_reports: usize,
    returns: usize,
    extend: bool,
    objections: usize,
    /// 0: satisfied at once; 1: an unsatisfied result handled again without an objection;
    /// 2: an unsatisfied visit that management declines to handle again.
    dissatisfaction: u8,
    /// None: the case runs to its end (closed, archived); else it ends without resolution
    /// after the `cut`-th event: 0 rejected, 1 withdrawn, 2 merged, 3 lapsed.
    ending: Option<(u8, usize)>,
    serial: u32,
    /// §5.1.2: reopened after closing (a late objection), handled again and closed again.
    reopen: bool,
}

fn plot() -> impl Strategy<Value = Plot> {
    (
        (
            1usize..=48,
            prop_oneof![Just(0i64), 60i64..(4 * 86_400)],
            any::<bool>(),
            prop_oneof![Just("general"), Just("serious"), Just("major")],
            prop_oneof![Just("normal"), Just("urgent")],
            prop_oneof![Just("simple"), Just("complex")],
            any::<bool>(),
            any::<bool>(),
        ),
        (
            0usize..=3,
            0usize..=2,
            any::<bool>(),
            0usize..=2,
            0u8..=2,
            proptest::option::weighted(0.3, (0u8..=3, 1usize..=30)),
            1u32..=9999,
            proptest::bool::weighted(0.3),
        ),
    )
        .prop_map(
            |(
                (
                    stop_after,
                    recorded_after,
                    ask_information,
                    severity,
                    urgency,
                    complexity,
                    start_emergency,
                    inspect_site,
                ),
                (
                    progress_reports,
                    returns,
                    extend,
                    objections,
                    dissatisfaction,
                    ending,
                    serial,
                    reopen,
                ),
            )| Plot {
                stop_after,
                recorded_after,
                ask_information,
                severity,
                urgency,
                complexity,
                start_emergency,
                inspect_site,
                progress_reports,
                returns,
                extend,
                objections,
                dissatisfaction,
                ending,
                serial,
                reopen,
            },
        )
}

/// Valid case histories under the default policy: every path of the lifecycle (receipt
/// recorded later, missing information, the emergency procedure, plans returned, extensions,
/// objections, dissatisfaction handled again or declined, reopening after closing, archive,
/// and every disposition: rejected, withdrawn, merged, lapsed), cut at any point, with random
/// gaps between events (minutes to weeks, so some stages run late).
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
        proptest::collection::vec(60i64..(12 * 86_400), 48),
    )
        .prop_map(|(policy, day, secs, plot, gaps)| {
            let start = at_office_time(day, secs, policy.office_offset());
            let events = write_history(&policy, start, plot, &gaps);
            CaseHistory { policy, events }
        })
}

/// A history in the making: each event is offered to the case, and kept only if the library
/// accepts it, so a history is valid by the library's own rules, never by a copy of them.
struct Writer {
    case: Option<Case>,
    events: Vec<Event>,
}

impl Writer {
    fn offer(&mut self, value: Value) -> bool {
        let Ok(event) = Event::from_json_value(value) else {
            return false;
        };
        let accepted = self
            .case
            .as_mut()
            .is_some_and(|case| case.apply(event.clone()).is_ok());
        if accepted {
            self.events.push(event);
        }
        accepted
    }
}

fn write_history(policy: &Policy, start: Instant, plot: Plot, gaps: &[i64]) -> Vec<Event> {
    let mut gap = gaps.iter().cycle();
    let mut next = |at: &mut Instant| {
        *at += chrono::Duration::seconds(*gap.next().unwrap_or(&3600));
        format_instant(at)
    };
    let mut w = Writer {
        case: None,
        events: Vec::new(),
    };
    let recorded = start + chrono::Duration::seconds(plot.recorded_after);
    let mut received = json!({"type": "received", "at": format_instant(&recorded),
        "received_at": format_instant(&start), "channel": "hotline",
        "complainant_kind": "customer", "name": "張三", "content": "產品質量問題"});
    if !plot.ask_information {
        received["contact"] = json!("13812345678");
    }
    if let Ok(event) = Event::from_json_value(received)
        && let Ok(case) = Case::open(policy, event.clone())
    {
        w.case = Some(case);
        w.events.push(event);
    }
    let mut at = recorded;
    let ends = |kind: u8, w: &Writer| {
        plot.ending
            .is_some_and(|(k, cut)| k == kind && w.events.len() >= cut)
    };
    if plot.ask_information {
        w.offer(
            json!({"type": "information_requested", "at": next(&mut at), "fields": ["contact"]}),
        );
        if plot.ending.is_some_and(|(k, _)| k == 3) {
            // Never answered: the complaint lapses once the wait has run out.
            let (_, longest) = policy.deadlines().lapse.hour_bounds();
            at += chrono::Duration::seconds((longest * 3600.0) as i64);
            w.offer(json!({"type": "lapsed", "at": next(&mut at)}));
            return finish(w, plot, &mut at, &mut next);
        }
        w.offer(
            json!({"type": "information_supplied", "at": next(&mut at), "contact": "13812345678"}),
        );
    }
    let month = crate::time::YearMonth::of_instant(start, policy.office_offset());
    let number = ComplaintNumber::new(month.year(), month.month(), plot.serial)
        .map(|n| n.to_string())
        .unwrap_or_default();
    let other = ComplaintNumber::new(month.year(), month.month(), plot.serial % 9999 + 1)
        .map(|n| n.to_string())
        .unwrap_or_default();
    // The dispositions, each offered once its cut is reached; the first accepted ends the story.
    let dispose = |w: &mut Writer,
                   at: &mut Instant,
                   next: &mut dyn FnMut(&mut Instant) -> String| {
        for (kind, event) in [
            (
                0u8,
                json!({"type": "rejected", "ground": "not_a_complaint", "reason": "an enquiry"}),
            ),
            (
                1,
                json!({"type": "withdrawn", "reason": "settled directly"}),
            ),
            (
                2,
                json!({"type": "merged", "into": other, "reason": "duplicate"}),
            ),
        ] {
            if ends(kind, w) {
                let mut event = event;
                event["at"] = json!(next(at));
                if w.offer(event) {
                    return true;
                }
            }
        }
        false
    };
    macro_rules! step {
        ($value:expr) => {{
            if dispose(&mut w, &mut at, &mut next) {
                return finish(w, plot, &mut at, &mut next);
            }
            let mut value = $value;
            value["at"] = json!(next(&mut at));
            w.offer(value)
        }};
    }
    step!(json!({"type": "registered", "number": number}));
    step!(json!({"type": "classified", "category": "product_quality"}));
    step!(
        json!({"type": "assessed", "severity": plot.severity, "urgency": plot.urgency,
        "complexity": plot.complexity})
    );
    if plot.start_emergency && w.case.as_ref().is_some_and(Case::emergency) {
        step!(json!({"type": "emergency_procedure_started", "measures": "replacement sent"}));
    }
    step!(json!({"type": "team_formed", "members": [
        {"id": "h-1", "role": "department_head", "department": "quality"},
        {"id": "t-1", "role": "technical_specialist"}, {"id": "l-1", "role": "legal"}]}));
    let tracked = plot.severity == "major" || plot.complexity == "complex";
    if plot.extend && tracked {
        // Extend to the cap's last day at once, while the plan limit still runs.
        let registered = w
            .case
            .as_ref()
            .and_then(Case::registered_at)
            .unwrap_or(start);
        // On the calendar the plan runs on: the department's.
        let department = w.case.as_ref().and_then(Case::department);
        if let Ok(cap) = crate::period::end(
            policy.department_calendar(department).1,
            registered,
            policy.deadlines().plan_extended_max,
        ) {
            at += chrono::Duration::seconds(60);
            w.offer(json!({"type": "plan_extended", "at": format_instant(&at),
                "until": cap.last_day.to_string(), "reason": "supplier audit"}));
        }
    }
    let step_due = crate::time::office_date(at, policy.office_offset()) + Days::new(3);
    step!(json!({"type": "investigation_planned", "steps": [
        {"description": "review records", "due": step_due.to_string(), "owner": "h-1"}]}));
    if plot.inspect_site {
        step!(json!({"type": "evidence_added", "kind": "site_inspection"}));
    }
    step!(
        json!({"type": "evidence_added", "kind": "interview", "signed": true,
        "interviewee": "complainant"})
    );
    for _ in 0..=plot.progress_reports {
        step!(json!({"type": "progress_reported"}));
    }
    let plan = || {
        json!({"type": "plan_submitted", "analysis": "a", "responsibility": "r",
        "measures": "m", "time_points": [{"what": "w", "due": "2030-01-01"}]})
    };
    step!(plan());
    for _ in 0..plot.returns {
        step!(
            json!({"type": "plan_returned", "by": "m-1", "role": "management",
            "reason": "more detail"})
        );
        step!(plan());
    }
    step!(json!({"type": "plan_approved", "by": "m-1", "role": "management"}));
    step!(json!({"type": "implementation_started", "department": "quality"}));
    step!(json!({"type": "implementation_completed"}));
    for _ in 0..plot.objections {
        step!(
            json!({"type": "result_fed_back", "process": "p", "result": "r",
            "satisfaction": "unsatisfied"})
        );
        step!(json!({"type": "objection_raised", "reason": "not satisfied"}));
        step!(json!({"type": "rehandling_started"}));
        step!(json!({"type": "rehandling_completed"}));
    }
    if plot.dissatisfaction == 1 {
        step!(
            json!({"type": "result_fed_back", "process": "p", "result": "r",
            "satisfaction": "unsatisfied"})
        );
        step!(json!({"type": "rehandling_started"}));
        step!(json!({"type": "rehandling_completed"}));
    }
    step!(
        json!({"type": "result_fed_back", "process": "p", "result": "r",
        "satisfaction": "satisfied"})
    );
    if plot.dissatisfaction == 2 {
        step!(json!({"type": "follow_up_visited", "method": "phone",
            "satisfaction": "unsatisfied", "suggestions": "s"}));
        step!(
            json!({"type": "rehandling_declined", "by": "m-1", "role": "management",
            "reason": "the result follows the contract"})
        );
    } else {
        step!(json!({"type": "follow_up_visited", "method": "phone",
            "satisfaction": "satisfied", "suggestions": "s"}));
    }
    step!(json!({"type": "closed"}));
    if plot.reopen {
        // §5.1.2: the complainant objects after closing; the office reopens the case.
        step!(json!({"type": "reopened", "reason": "the part broke again"}));
        step!(json!({"type": "rehandling_started"}));
        step!(json!({"type": "rehandling_completed"}));
        step!(
            json!({"type": "result_fed_back", "process": "p", "result": "r",
            "satisfaction": "satisfied"})
        );
        step!(json!({"type": "follow_up_visited", "method": "phone",
            "satisfaction": "satisfied"}));
        step!(json!({"type": "closed"}));
    }
    finish(w, plot, &mut at, &mut next)
}

/// Archives a case that ended (with the documents the library requires of it), then cuts the
/// history where the plot says.
fn finish(
    mut w: Writer,
    plot: Plot,
    at: &mut Instant,
    next: &mut dyn FnMut(&mut Instant) -> String,
) -> Vec<Event> {
    let documents = w
        .case
        .as_ref()
        .map(Case::required_documents)
        .unwrap_or_default();
    let ended = w
        .case
        .as_ref()
        .is_some_and(|c| c.status().as_str() == "closed" || c.status().is_disposition());
    if ended {
        let names: Vec<&str> = documents.iter().map(|d| d.as_str()).collect();
        w.offer(json!({"type": "archived", "at": next(at), "documents": names}));
    }
    let keep = (plot.stop_after + 1).min(w.events.len());
    w.events.truncate(keep.max(1));
    w.events
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
                // Registering a registered case again is always refused; closing is refused
                // before registration (and allowed after a follow-up visit or management's
                // decision not to handle the case again, so it is not the mutation then).
                let registered = events.iter().any(|e| e.kind().as_str() == "registered");
                let extra = if registered {
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
