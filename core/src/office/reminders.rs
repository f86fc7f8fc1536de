//! Reminders and escalation: the policy's ladder placed on every stage's clock, each rung
//! moved into office hours on a working day.
//!
//! The reminders of a case are a function of its history: for every stage whose clock has a
//! due instant, every rung of the stage's ladder ([`crate::policy::Reminders`]) is placed on
//! the clock, moved into the reminder hours if it falls outside them (both on the calendar
//! the stage runs on: its working days, and `reminders.office_hours`, else that calendar's
//! office hours, else 09:00–18:00), and kept unless
//! - its place lies before the clock started (a rung for a longer period than this one),
//! - the stage was met before the (moved) reminder instant,
//! - the clock had stopped by then: a plan submitted and awaiting management's review, a
//!   case ended without resolution (rejected, withdrawn, merged, lapsed), a follow-up visit
//!   superseded by a re-handling round, an emergency lifted,
//! - the case was waiting for the complainant then (the registration clock was paused).
//!
//! [`reminders`](super::Caseload::reminders) returns exactly the reminders whose instant falls
//! in `[from, to)`, sorted by instant. A scheduler that asks for consecutive windows (every
//! five minutes, say: `[t0, t1)`, `[t1, t2)`, …) gets each reminder once: none twice, none
//! lost, whatever the windows' sizes. Every reminder has an id made of the case, the stage,
//! the round and the rung (`25090001/plan/0/due`), the same on every replay, so a host that
//! records the ids it sent can also run a window again after a crash without sending twice.
//!
//! A deadline that moves (the plan extended, §4.1.2; the registration clock paused, §2.2.1)
//! places its ladder anew: rungs of the new ladder keep their ids, so a rung already sent is
//! not sent again, and rungs of the new ladder that now fall before the event that moved it
//! are past (a scheduler does not go back).

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::Serialize;

use super::caseload::{Item, prepared};
use super::worklist::is_open;
use crate::calendar::{Calendar, OfficeHours};
use crate::case::{Actor, Case, Stage, StageDeadline};
use crate::duration::Unit;
use crate::number::ComplaintNumber;
use crate::period;
use crate::policy::RungAt;
use crate::time::{Instant, at_office_time, in_office};

/// One reminder: whom to remind of which stage of which case, when, and why then.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// A stable id: `<case>/<stage>/<round>/<rung>`, where the case is the host's key, else
    /// the complaint number, else (and always for registration, which comes before the
    /// number) `received-<receipt instant in UTC>`.
    pub id: String,
    /// When to send it: in the reminder hours of a working day, in office time.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub at: Instant,
    /// Where the ladder placed it, before it was moved into the reminder hours.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub placed_at: Instant,
    /// Whether it was moved into the reminder hours.
    pub moved: bool,
    /// The case's position in the host's list.
    pub index: usize,
    /// The host's key of the case, if given.
    pub key: Option<String>,
    /// The complaint number, once registered.
    pub number: Option<ComplaintNumber>,
    /// The stage.
    pub stage: Stage,
    /// Its handling round (0 the first).
    pub round: usize,
    /// The clause that sets the stage's limit.
    #[cfg_attr(feature = "schema", schemars(with = "crate::error::ClauseText"))]
    pub clause: &'static str,
    /// The rung of the ladder that placed it.
    pub rung: String,
    /// Where the rung stands, as the policy writes it (`50%`, `1 working day overdue`).
    pub place: String,
    /// Whom it reminds.
    pub to: Actor,
    /// The department concerned (whose head an escalation goes to); none before
    /// classification, when the complaint office is the department concerned.
    pub department: Option<String>,
    /// The stage's due instant.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub due: Instant,
    /// Whether the emergency procedure applies (§2.2.4).
    pub emergency: bool,
}

/// The reminders of `items` with an instant in `[from, to)`, sorted by instant, then by case
/// position, then in schedule and ladder order.
pub(crate) fn reminders<'a>(
    items: impl Iterator<Item = Item<'a>>,
    from: Instant,
    to: Instant,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    for item in items {
        of_case(item, from, to, &mut out);
    }
    out.sort_by_key(|r| r.at);
    out
}

fn of_case(item: Item<'_>, from: Instant, to: Instant, out: &mut Vec<Reminder>) {
    let case = item.case;
    // Every rung lies at or after its clock's start, so at or after receipt.
    if case.received_at() >= to {
        return;
    }
    // A case that was closed met every clock by its last event, one that ended without
    // resolution stopped them at its disposition; every rung it keeps lies before its last
    // event.
    if !is_open(case.status()) && case.last_event_at() < from {
        return;
    }
    let cell = item.prepared.map(|p| &p.reminders);
    prepared(
        cell,
        || Prepared::of(case),
        |p| {
            // The kept rungs are in order of their instants: those in the window are a run.
            let first = p.rungs.partition_point(|r| r.at < from);
            let window = p.rungs.get(first..).unwrap_or_default();
            out.extend(
                window
                    .iter()
                    .take_while(|r| r.at < to)
                    .filter_map(|r| reminder(item, r)),
            );
        },
    );
}

/// A case's reminders at every instant, none dropped but those that can never be sent (kept
/// with the case in a caseload): a call for a window then picks those whose instant lies in
/// it.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// In order of `at`; of equal instants, in schedule and ladder order.
    rungs: Box<[Placed]>,
}

/// A rung placed on a stage's clock and moved into the reminder hours.
#[derive(Debug, Clone, Copy)]
struct Placed {
    at: Instant,
    placed: Instant,
    stage: Stage,
    round: usize,
    due: Instant,
    /// Its place in the stage's ladder.
    rung: usize,
}

impl Prepared {
    fn of(case: &Case) -> Self {
        let policy = case.policy();
        // The clocks' starts, due instants and ends are the same at every instant: the
        // schedule at receipt has them.
        let schedule = case.schedule(case.received_at());
        let mut rungs = Vec::new();
        for clock in &schedule.stages {
            let (Some(start), Some(due), Some(last_day)) =
                (clock.started_at, clock.due, clock.last_day)
            else {
                continue;
            };
            // The stage's own calendar: whoever acts in it is reminded on its working days.
            let (calendar, hours) = policy.reminder_calendar(&clock.calendar);
            let ladder = policy.reminders().ladder_for(clock.stage.as_str());
            for (i, rung) in ladder.iter().enumerate() {
                let Some(placed) = place(rung.at, start, due, last_day, calendar) else {
                    continue;
                };
                if placed < start {
                    continue;
                }
                let Some(at) = into_hours(placed, calendar, hours) else {
                    continue;
                };
                let done = clock.met_at.or(clock.stopped_at);
                if done.is_some_and(|done| done <= at) || paused(case, clock, at) {
                    continue;
                }
                rungs.push(Placed {
                    at,
                    placed,
                    stage: clock.stage,
                    round: clock.round,
                    due,
                    rung: i,
                });
            }
        }
        // Stable: equal instants stay in schedule and ladder order.
        rungs.sort_by_key(|r| r.at);
        Prepared {
            rungs: rungs.into_boxed_slice(),
        }
    }
}

fn reminder(item: Item<'_>, placed: &Placed) -> Option<Reminder> {
    let case = item.case;
    let policy = case.policy();
    let office = policy.office_offset();
    let stage = placed.stage;
    // The ladder is that of the case's policy, which never changes: the rung is there.
    let rung = policy
        .reminders()
        .ladder_for(stage.as_str())
        .get(placed.rung)?;
    Some(Reminder {
        id: format!(
            "{}/{}/{}/{}",
            case_id(item, stage),
            stage,
            placed.round,
            rung.rung
        ),
        at: in_office(placed.at, office),
        placed_at: in_office(placed.placed, office),
        moved: placed.at != placed.placed,
        index: item.index,
        key: item.key.map(str::to_owned),
        number: case.number(),
        stage,
        round: placed.round,
        clause: stage.clause(),
        rung: rung.rung.clone(),
        place: rung.at.to_string(),
        to: Actor::of_recipient(rung.to, stage),
        department: case.department().map(str::to_owned),
        due: in_office(placed.due, office),
        emergency: case.emergency(),
    })
}

/// The case part of a reminder's id.
fn case_id(item: Item<'_>, stage: Stage) -> String {
    if let Some(key) = item.key {
        return key.to_owned();
    }
    match item.case.number() {
        Some(number) if stage != Stage::Registration => number.to_string(),
        _ => {
            // `%Y%m%dT%H%M%SZ`, written without chrono's format strings (their parser is
            // code the WebAssembly package would carry for this one line).
            let at: DateTime<Utc> = item.case.received_at().with_timezone(&Utc);
            format!(
                "received-{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                at.year(),
                at.month(),
                at.day(),
                at.hour(),
                at.minute(),
                at.second()
            )
        }
    }
}

/// Whether the registration clock was paused at `at` (waiting for the complainant).
fn paused(case: &Case, clock: &StageDeadline, at: Instant) -> bool {
    clock.stage == Stage::Registration
        && case
            .pauses()
            .iter()
            .any(|p| p.from <= at && p.to.is_none_or(|to| at < to))
}

/// Where a rung stands on a clock from `start` to `due` whose last day is `last_day`; none
/// past the supported dates.
pub(crate) fn place(
    at: RungAt,
    start: Instant,
    due: Instant,
    last_day: NaiveDate,
    calendar: &Calendar,
) -> Option<Instant> {
    let seconds = |n: i64| chrono::Duration::try_seconds(n);
    match at {
        RungAt::Share(percent) => {
            let whole = (due - start).num_seconds();
            Some(start + seconds(whole * i64::from(percent) / 100)?)
        }
        RungAt::Due => Some(due),
        RungAt::Left(d) | RungAt::Overdue(d) => {
            let n = i64::from(d.amount());
            let sign = if matches!(at, RungAt::Left(_)) { -1 } else { 1 };
            match d.unit() {
                Unit::WorkingDays => {
                    let day = calendar.add_working_days(last_day, sign * n).ok()?;
                    period::end_of_day(calendar, day).ok()
                }
                Unit::Days => due.checked_add_signed(seconds(sign * n * 86_400)?),
                Unit::Hours => due.checked_add_signed(seconds(sign * n * 3_600)?),
                // The policy accepts no other unit for a rung.
                Unit::WorkingHours | Unit::Months | Unit::Years => None,
            }
        }
    }
}

/// `at` if it falls in the reminder hours of a working day, else the next opening time of a
/// working day (in office time); none past the supported dates.
pub(crate) fn into_hours(at: Instant, calendar: &Calendar, hours: &OfficeHours) -> Option<Instant> {
    let office = calendar.offset();
    let local = in_office(at, office);
    let date = local.date_naive();
    let secs = crate::time::seconds_of_day(&local);
    let intervals = hours.intervals();
    if calendar.is_working_day(date) {
        for interval in intervals {
            if secs < interval.start_seconds() {
                return Some(at_office_time(date, interval.start_seconds(), office));
            }
            if secs < interval.end_seconds() {
                return Some(at);
            }
        }
    }
    let next = calendar.add_working_days(date, 1).ok()?;
    let opening = intervals.first().map_or(0, |i| i.start_seconds());
    Some(at_office_time(next, opening, office))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;
    use crate::time::parse_instant;

    fn at(text: &str) -> Instant {
        parse_instant(text).unwrap()
    }

    #[test]
    fn instants_move_into_the_hours_of_a_working_day() {
        let policy = Policy::default();
        let (calendar, hours) = (policy.calendar(), policy.reminder_hours());
        let moved =
            |t: &str| crate::time::format_instant(&into_hours(at(t), calendar, hours).unwrap());
        // Midnight on a Tuesday: that morning.
        assert_eq!(
            moved("2025-10-14T00:00:00+08:00"),
            "2025-10-14T09:00:00+08:00"
        );
        // In hours: unchanged; 18:00 is closing time, so the next morning.
        assert_eq!(
            moved("2025-10-14T17:59:59+08:00"),
            "2025-10-14T17:59:59+08:00"
        );
        assert_eq!(
            moved("2025-10-14T18:00:00+08:00"),
            "2025-10-15T09:00:00+08:00"
        );
        // Friday evening: Monday. Sunday noon: Monday.
        assert_eq!(
            moved("2025-10-17T20:00:00+08:00"),
            "2025-10-20T09:00:00+08:00"
        );
        assert_eq!(
            moved("2025-10-19T12:00:00+08:00"),
            "2025-10-20T09:00:00+08:00"
        );
        // National Day: the holiday runs 1–8 October 2025; Saturday 11 October is a make-up
        // working day, so a Friday-evening reminder goes out on that Saturday.
        assert_eq!(
            moved("2025-10-03T10:00:00+08:00"),
            "2025-10-09T09:00:00+08:00"
        );
        assert_eq!(
            moved("2025-10-10T19:00:00+08:00"),
            "2025-10-11T09:00:00+08:00"
        );
        // An instant in another offset is read in office time: 01:00Z is 09:00 in Beijing.
        assert_eq!(
            into_hours(at("2025-10-14T01:00:00Z"), calendar, hours),
            Some(at("2025-10-14T01:00:00Z"))
        );
    }

    #[test]
    fn two_intervals_and_a_lunch_break() {
        let policy =
            Policy::from_toml_str("[calendar]\noffice_hours = [\"09:00-12:00\", \"13:30-18:00\"]")
                .unwrap();
        let (calendar, hours) = (policy.calendar(), policy.reminder_hours());
        let moved = |t: &str| into_hours(at(t), calendar, hours).unwrap();
        assert_eq!(
            moved("2025-10-14T12:30:00+08:00"),
            at("2025-10-14T13:30:00+08:00")
        );
        assert_eq!(
            moved("2025-10-14T11:00:00+08:00"),
            at("2025-10-14T11:00:00+08:00")
        );
    }

    #[test]
    fn rungs_are_placed_on_the_clock() {
        let policy = Policy::default();
        let calendar = policy.calendar();
        // A 5-working-day clock from Monday 13 October 10:00: last day Monday 20th, due
        // Tuesday 21st 00:00.
        let start = at("2025-10-13T10:00:00+08:00");
        let due = at("2025-10-21T00:00:00+08:00");
        let last = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
        let p = |r: &str| place(r.parse().unwrap(), start, due, last, calendar).unwrap();
        assert_eq!(p("50%"), at("2025-10-17T05:00:00+08:00"));
        assert_eq!(p("due"), due);
        // One whole working day left: the end of Friday 17th (the last day is Monday).
        assert_eq!(p("1 working day left"), at("2025-10-18T00:00:00+08:00"));
        // One whole working day overdue: the end of Tuesday 21st.
        assert_eq!(p("1 working day overdue"), at("2025-10-22T00:00:00+08:00"));
        assert_eq!(p("3 working days overdue"), at("2025-10-24T00:00:00+08:00"));
        assert_eq!(p("2 hours left"), at("2025-10-20T22:00:00+08:00"));
        assert_eq!(p("1 day overdue"), at("2025-10-22T00:00:00+08:00"));
    }
}
