//! The deadline schedule of a case and the SLA state of each stage at an instant.
//!
//! Every stage's clock starts with an event, runs for the policy's duration under the
//! Civil Code's period rules ([`crate::period`]) and is met by another event:
//!
//! | stage | clause | starts at | duration | met by |
//! |---|---|---|---|---|
//! | registration | §2.2.1 | received | `deadlines.registration`, extended by pauses | registered |
//! | plan | §4.1.2 | registered | `deadlines.plan`, or the extension's last day | the plan submission management approves |
//! | feedback | §4.4.1 | implementation (or re-handling) completed | `deadlines.feedback` | result fed back |
//! | rehandling | §5.1.2 | objection raised | `deadlines.rehandling` | re-handling completed |
//! | follow_up | §5.2.1 | result fed back | `deadlines.follow_up` | follow-up visit |
//!
//! Waiting for the complainant's missing information pauses the registration clock: each
//! pause moves the last day later by the days of the clock's unit it covered (working days
//! for a working-day clock), counted like periods, the day the pause began excluded and the
//! day it ended included. A pause never shortens a deadline.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use super::event::EventKind;
use super::{Case, Round};
use crate::calendar::Calendar;
use crate::duration::{Duration, Unit};
use crate::period::{self, Deadline, PeriodRule};
use crate::policy::Sla;
use crate::time::{Instant, office_date};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A stage with a time limit.
    pub enum Stage("stage", "case.unknown_stage") {
        /// §2.2.1: initial registration.
        Registration = "registration",
        /// §4.1.2: the handling plan.
        Plan = "plan",
        /// §4.4.1: result feedback.
        Feedback = "feedback",
        /// §5.1.2: re-handling after an objection.
        Rehandling = "rehandling",
        /// §5.2.1: the follow-up visit.
        FollowUp = "follow_up",
    }
}

impl Stage {
    /// The clause that sets the stage's limit.
    pub fn clause(self) -> &'static str {
        match self {
            Stage::Registration => "§2.2.1",
            Stage::Plan => "§4.1.2",
            Stage::Feedback => "§4.4.1",
            Stage::Rehandling => "§5.1.2",
            Stage::FollowUp => "§5.2.1",
        }
    }
}

vocabulary! {
    /// The SLA state of a stage at an instant.
    pub enum SlaState("SLA state", "case.unknown_sla_state") {
        /// Its clock has not started.
        Pending = "pending",
        /// Its clock is paused (waiting for the complainant).
        Paused = "paused",
        /// Running, with time to spare.
        Open = "open",
        /// Running, with little time left (`sla.due_soon` or `sla.due_soon_fraction`).
        DueSoon = "due_soon",
        /// Its due instant has passed.
        Overdue = "overdue",
        /// Met in time.
        Met = "met",
        /// Met, but after its due instant.
        MetLate = "met_late",
    }
}

/// One stage's deadline and state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageDeadline {
    /// The stage.
    pub stage: Stage,
    /// 0 for the first handling round; 1, 2, … for re-handling rounds.
    pub round: usize,
    /// The clause that sets the limit.
    pub clause: &'static str,
    /// The event that started the clock.
    pub started_by: Option<EventKind>,
    /// When the clock started.
    pub started_at: Option<Instant>,
    /// The limit.
    pub duration: Duration,
    /// The last day, once the clock has started (and is not paused).
    pub last_day: Option<NaiveDate>,
    /// The due instant: done before it is on time.
    pub due: Option<Instant>,
    /// Whether a day outside the calendar's statutory data was used.
    pub provisional: bool,
    /// How the period rules decided the due instant.
    pub rules: Vec<PeriodRule>,
    /// Days (of the clock's unit) added by pauses; seconds for hour-based clocks.
    pub paused: i64,
    /// The last day of an extension (§4.1.2), if any.
    pub extended_until: Option<NaiveDate>,
    /// The state at the schedule's instant.
    pub state: SlaState,
    /// When the stage was met.
    pub met_at: Option<Instant>,
    /// Seconds left before `due`, while open.
    pub remaining_seconds: Option<i64>,
    /// Seconds past `due`: how late it was met, or how long it has been overdue.
    pub late_seconds: Option<i64>,
    /// Working days past the last day, for an overdue or late stage.
    pub late_working_days: Option<i64>,
}

/// A case's deadlines at an instant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// The instant the states refer to.
    pub now: Instant,
    /// Every stage, in the order of the case's life.
    pub stages: Vec<StageDeadline>,
}

impl Schedule {
    /// The latest round of a stage, by name (`"plan"`).
    pub fn stage(&self, name: &str) -> Option<&StageDeadline> {
        self.stages.iter().rev().find(|s| s.stage.as_str() == name)
    }

    /// Stages overdue now.
    pub fn overdue(&self) -> impl Iterator<Item = &StageDeadline> {
        self.stages.iter().filter(|s| s.state == SlaState::Overdue)
    }

    /// Stages whose clock runs now (open, due soon or overdue).
    pub fn running(&self) -> impl Iterator<Item = &StageDeadline> {
        self.stages.iter().filter(|s| {
            matches!(
                s.state,
                SlaState::Open | SlaState::DueSoon | SlaState::Overdue
            )
        })
    }
}

struct Clock {
    stage: Stage,
    round: usize,
    started: Option<(EventKind, Instant)>,
    duration: Duration,
    met_at: Option<Instant>,
}

pub(super) fn schedule(case: &Case, now: Instant) -> Schedule {
    let d = case.policy.deadlines();
    let mut clocks = vec![Clock {
        stage: Stage::Registration,
        round: 0,
        started: Some((EventKind::Received, case.received_at)),
        duration: d.registration,
        met_at: case.registered_at,
    }];
    let plan_met = case
        .approved_at
        .is_some()
        .then(|| case.plan_submitted.last().copied())
        .flatten()
        .or_else(|| {
            (case.status == super::Status::PlanDrafted)
                .then(|| case.plan_submitted.last().copied())
                .flatten()
        });
    clocks.push(Clock {
        stage: Stage::Plan,
        round: 0,
        started: case.registered_at.map(|at| (EventKind::Registered, at)),
        duration: d.plan,
        met_at: plan_met,
    });
    let rounds: &[Round] = &case.rounds;
    if rounds.is_empty() {
        clocks.push(pending(Stage::Feedback, 0, d.feedback));
        clocks.push(pending(Stage::FollowUp, 0, d.follow_up));
    }
    for (i, round) in rounds.iter().enumerate() {
        if round.rehandling {
            clocks.push(Clock {
                stage: Stage::Rehandling,
                round: i,
                started: Some((EventKind::ObjectionRaised, round.started)),
                duration: d.rehandling,
                met_at: round.completed,
            });
        }
        let completed_by = if round.rehandling {
            EventKind::RehandlingCompleted
        } else {
            EventKind::ImplementationCompleted
        };
        clocks.push(Clock {
            stage: Stage::Feedback,
            round: i,
            started: round.completed.map(|at| (completed_by, at)),
            duration: d.feedback,
            met_at: round.fed_back,
        });
        // A follow-up belongs to the round whose result it follows; an objection before any
        // visit hands the follow-up to the re-handling round.
        let next_start = rounds.get(i + 1).map(|r| r.started);
        let visit = round.fed_back.and_then(|fed| {
            case.follow_ups
                .iter()
                .find(|f| f.at >= fed && next_start.is_none_or(|n| f.at <= n))
                .map(|f| f.at)
        });
        if visit.is_some() || next_start.is_none() {
            clocks.push(Clock {
                stage: Stage::FollowUp,
                round: i,
                started: round.fed_back.map(|at| (EventKind::ResultFedBack, at)),
                duration: d.follow_up,
                met_at: visit,
            });
        }
    }
    let stages = clocks
        .into_iter()
        .map(|clock| evaluate(case, clock, now))
        .collect();
    Schedule { now, stages }
}

fn pending(stage: Stage, round: usize, duration: Duration) -> Clock {
    Clock {
        stage,
        round,
        started: None,
        duration,
        met_at: None,
    }
}

fn evaluate(case: &Case, clock: Clock, now: Instant) -> StageDeadline {
    let calendar = case.policy.calendar();
    let mut out = StageDeadline {
        stage: clock.stage,
        round: clock.round,
        clause: clock.stage.clause(),
        started_by: clock.started.map(|(kind, _)| kind),
        started_at: clock.started.map(|(_, at)| at),
        duration: clock.duration,
        last_day: None,
        due: None,
        provisional: false,
        rules: Vec::new(),
        paused: 0,
        extended_until: None,
        state: SlaState::Pending,
        met_at: clock.met_at,
        remaining_seconds: None,
        late_seconds: None,
        late_working_days: None,
    };
    let Some((_, start)) = clock.started else {
        return out;
    };
    let Ok(mut deadline) = period::end(calendar, start, clock.duration) else {
        // Beyond the supported dates: the clock cannot be computed; it stays pending.
        return out;
    };
    if clock.stage == Stage::Registration {
        if case.pauses.iter().any(|p| p.to.is_none()) && clock.met_at.is_none() {
            out.state = SlaState::Paused;
            out.rules = deadline.rules;
            return out;
        }
        out.paused = extend_by_pauses(case, calendar, &mut deadline);
    }
    if clock.stage == Stage::Plan
        && let Some(until) = case.plan_extended_until
        && let Ok(due) = period::end_of_day(calendar, until)
    {
        out.extended_until = Some(until);
        deadline.rules.push(PeriodRule::ExtendedUntil { until });
        deadline.last_day = until;
        deadline.due = due;
        deadline.provisional |= !calendar.covers(until);
    }
    let (last_day, due) = (deadline.last_day, deadline.due);
    out.last_day = Some(last_day);
    out.due = Some(due);
    out.provisional = deadline.provisional;
    out.rules = deadline.rules;
    let late = |at: Instant| {
        let days = calendar.working_days_between(last_day, office_date(at, calendar.offset()));
        ((at - due).num_seconds(), days.max(0))
    };
    match clock.met_at {
        Some(met) if met < due => out.state = SlaState::Met,
        Some(met) => {
            out.state = SlaState::MetLate;
            let (secs, days) = late(met);
            out.late_seconds = Some(secs);
            out.late_working_days = Some(days);
        }
        None if now >= due => {
            out.state = SlaState::Overdue;
            let (secs, days) = late(now);
            out.late_seconds = Some(secs);
            out.late_working_days = Some(days);
        }
        None => {
            out.remaining_seconds = Some((due - now).num_seconds());
            out.state = if due_soon(case.policy.sla(), calendar, start, last_day, due, now) {
                SlaState::DueSoon
            } else {
                SlaState::Open
            };
        }
    }
    out
}

/// Moves the registration deadline later by the closed pauses (see the module docs).
fn extend_by_pauses(case: &Case, calendar: &Calendar, deadline: &mut Deadline) -> i64 {
    let offset = calendar.offset();
    let unit = deadline.duration.unit();
    let mut total = 0i64;
    for pause in &case.pauses {
        let Some(to) = pause.to else { continue };
        let (from_day, to_day) = (office_date(pause.from, offset), office_date(to, offset));
        total += match unit {
            Unit::WorkingDays => calendar.working_days_between(from_day, to_day),
            Unit::Days | Unit::Months | Unit::Years => (to_day - from_day).num_days(),
            Unit::Hours | Unit::WorkingHours => (to - pause.from).num_seconds(),
        };
    }
    if total <= 0 {
        return 0;
    }
    let moved = match unit {
        Unit::WorkingDays => calendar.add_working_days(deadline.last_day, total).ok(),
        Unit::Days | Unit::Months | Unit::Years => deadline
            .last_day
            .checked_add_days(Days::new(total.unsigned_abs()))
            .and_then(|d| calendar.roll_forward(d).ok()),
        Unit::Hours | Unit::WorkingHours => {
            deadline.due += chrono::Duration::seconds(total);
            deadline
                .rules
                .push(PeriodRule::ExtendedByPauses { amount: total });
            deadline.last_day = office_date(deadline.due - chrono::Duration::seconds(1), offset);
            return total;
        }
    };
    if let Some(day) = moved
        && let Ok(due) = period::end_of_day(calendar, day)
    {
        deadline
            .rules
            .push(PeriodRule::ExtendedByPauses { amount: total });
        deadline.provisional |= !calendar.covers(day);
        deadline.last_day = day;
        deadline.due = due;
    }
    total
}

fn due_soon(
    sla: &Sla,
    calendar: &Calendar,
    start: Instant,
    last_day: NaiveDate,
    due: Instant,
    now: Instant,
) -> bool {
    let whole = (due - start).num_seconds();
    let left = (due - now).num_seconds();
    if whole > 0 && (left as f64) <= sla.due_soon_fraction * whole as f64 {
        return true;
    }
    let n = sla.due_soon.amount();
    let today = office_date(now, calendar.offset());
    let threshold = match sla.due_soon.unit() {
        Unit::WorkingDays => calendar
            .add_working_days(last_day, -(i64::from(n) - 1))
            .ok(),
        Unit::Days => last_day.checked_sub_days(Days::new(u64::from(n) - 1)),
        Unit::Months => last_day
            .checked_sub_months(Months::new(n))
            .and_then(|d| d.succ_opt()),
        Unit::Years => last_day
            .checked_sub_months(Months::new(n.saturating_mul(12)))
            .and_then(|d| d.succ_opt()),
        Unit::Hours | Unit::WorkingHours => {
            return left <= i64::from(n) * 3600;
        }
    };
    threshold.is_some_and(|t| today >= t)
}
