//! The deadline schedule of a case and the SLA state of each stage at an instant.
//!
//! Every stage's clock starts with an event, runs for the policy's duration under the
//! Civil Code's period rules ([`crate::period`]) and is met by another event:
//!
//! | stage | clause | starts at | duration | met by |
//! |---|---|---|---|---|
//! | registration | §2.2.1 | receipt (`received_at`) | `deadlines.registration`, extended by pauses | registered (or a rejection or merge) |
//! | emergency_start | §2.2.4 | the assessment that found it urgent and serious | `deadlines.emergency_start` | emergency procedure started |
//! | plan | §4.1.2 | registered | `deadlines.plan`, or the extension's last day | the plan submission management approves |
//! | progress | §3.3.3 | team formed, then each progress report | `deadlines.progress` (when set) | the next progress report (or the plan's approval, which ends the investigation) |
//! | implementation | §4.3.1 | plan approved | the approved plan's last time point | implementation completed |
//! | feedback | §4.4.1 | implementation (or re-handling) completed | `deadlines.feedback` | result fed back |
//! | rehandling | §5.1.2 | objection raised, the result or visit that left the complainant unsatisfied, or the closed case reopened | `deadlines.rehandling` | re-handling completed |
//! | follow_up | §5.2.1 | result fed back | `deadlines.follow_up` | follow-up visit |
//!
//! An emergency case (§2.2.4) uses the policy's shorter limits (`[deadlines.emergency]`) where
//! set, from its first assessment as an emergency on.
//!
//! Every clock runs on the calendar of whoever must act in its stage
//! ([`Actor::responsible_for`]), and the stage names it (`calendar`): the complaint office's
//! stages (registration, emergency start, follow-up) on the calendar of the channel the
//! complaint came through, the investigation team's (plan, progress) on that of the
//! department the case was classified to, the department's (implementation, feedback,
//! re-handling) on that of the department concerned, which the implementation may have
//! changed; each on the policy's own calendar where `[calendar_of]` names none (and while no
//! department is concerned yet). Its days, working days, office hours and offset all come from
//! that calendar.
//!
//! Waiting for the complainant's missing information pauses the registration clock: each
//! pause moves the last day later by the days of the clock's unit it covered (working days
//! for a working-day clock), counted like periods, the day the pause began excluded and the
//! day it ended included. A pause never shortens a deadline, and a clock that has run out
//! cannot be paused: a request made after the due instant leaves the stage overdue, late from
//! its original due.
//!
//! The plan is met by the submission management approves: while a submission awaits review
//! the stage is `submitted` (its clock stopped at the submission, late if the submission was);
//! a return reopens it from its original deadline.
//!
//! Closing a case stops every clock still running (`stopped`, late when it was due by then).
//! Reopening it (§5.1.2) starts a re-handling round, whose clocks (re-handling, feedback,
//! follow-up) run as any round's; what the closing stopped stays stopped.
//! A case that ends without resolution (rejected, withdrawn, merged, lapsed) stops every clock
//! at its disposition: a stage not met by then is `stopped` (late only when its due instant had
//! passed), and stages that never started are not listed. A follow-up visit superseded by a
//! re-handling round is `stopped` when that round starts.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use super::event::EventKind;
use super::{Actor, Case, Round, Status};
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
        /// §2.2.4: the start of the emergency procedure.
        EmergencyStart = "emergency_start",
        /// §4.1.2: the handling plan.
        Plan = "plan",
        /// §3.3.3: a progress report to the complainant while the team investigates.
        Progress = "progress",
        /// §4.3.1: implementation by the plan's time points.
        Implementation = "implementation",
        /// §4.4.1: result feedback.
        Feedback = "feedback",
        /// §5.1.2: re-handling after an objection or dissatisfaction.
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
            Stage::EmergencyStart => "§2.2.4",
            Stage::Plan => "§4.1.2",
            Stage::Progress => "§3.3.3",
            Stage::Implementation => "§4.3.1",
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
        /// What meets it is done and awaits approval (a plan before management, §4.2): its
        /// clock stopped at the submission, late if the submission was.
        Submitted = "submitted",
        /// Met in time.
        Met = "met",
        /// Met, but after its due instant.
        MetLate = "met_late",
        /// Its clock stopped before it was met: the case ended without resolution, a
        /// re-handling superseded the follow-up, or the emergency was lifted. Late only when
        /// its due instant had passed by then.
        Stopped = "stopped",
    }
}

/// One stage's deadline and state.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageDeadline {
    /// The stage.
    pub stage: Stage,
    /// 0 for the first handling round (and the stages before it); 1, 2, … for re-handling
    /// rounds; for `progress`, the number of the report awaited.
    pub round: usize,
    /// The clause that sets the limit.
    #[cfg_attr(feature = "schema", schemars(with = "crate::error::ClauseText"))]
    pub clause: &'static str,
    /// The name of the calendar the clock runs on: that of whoever must act in the stage
    /// (`"default"`, the policy's own calendar, unless the policy names others).
    pub calendar: String,
    /// The event that started the clock.
    pub started_by: Option<EventKind>,
    /// When the clock started.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub started_at: Option<Instant>,
    /// The limit (for `implementation`, the days from the approval to the last time point).
    pub duration: Duration,
    /// The last day, once the clock has started (and is not paused).
    pub last_day: Option<NaiveDate>,
    /// The due instant: done before it is on time.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub due: Option<Instant>,
    /// Whether a day outside the calendar's published data was used (see
    /// [`crate::period`]): the deadline may move when the year's notice is loaded.
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
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub met_at: Option<Instant>,
    /// When its clock stopped unmet (`submitted`, `stopped`).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub stopped_at: Option<Instant>,
    /// Seconds left before `due`, while open.
    pub remaining_seconds: Option<i64>,
    /// Seconds past `due`: how late it was met, or how long it has been overdue.
    pub late_seconds: Option<i64>,
    /// Working days past the last day, for an overdue or late stage.
    pub late_working_days: Option<i64>,
}

impl StageDeadline {
    /// Whether the stage missed its limit: overdue, met late, or stopped or submitted after
    /// its due instant.
    pub fn is_late(&self) -> bool {
        match self.state {
            SlaState::Overdue | SlaState::MetLate => true,
            SlaState::Submitted | SlaState::Stopped => self.late_seconds.is_some(),
            _ => false,
        }
    }
}

/// A case's deadlines at an instant.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// The instant the states refer to.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
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
    /// A submission awaiting approval: the clock stopped there.
    submitted: Option<Instant>,
    /// The clock stopped unmet.
    stop: Option<Instant>,
    /// A due day fixed by the case rather than by the policy (the plan's last time point).
    until: Option<NaiveDate>,
}

impl Clock {
    fn new(stage: Stage, round: usize, started: Option<(EventKind, Instant)>, d: Duration) -> Self {
        Clock {
            stage,
            round,
            started,
            duration: d,
            met_at: None,
            submitted: None,
            stop: None,
            until: None,
        }
    }

    fn met(mut self, at: Option<Instant>) -> Self {
        self.met_at = at;
        self
    }
}

/// Whether emergency limits apply: once the case has been assessed as an emergency.
fn emergency_limits(case: &Case) -> bool {
    case.emergency.since.is_some()
}

/// The calendar a stage's clock runs on, and its name: the calendar of whoever must act in the
/// stage (see the module docs).
pub(crate) fn calendar_of(case: &Case, stage: Stage) -> (&str, &Calendar) {
    let policy = &case.policy;
    match Actor::responsible_for(stage) {
        Actor::ComplaintOffice => policy.channel_calendar(case.complaint.channel),
        Actor::InvestigationTeam => {
            policy.department_calendar(case.classified_department.as_deref())
        }
        Actor::Department | Actor::DepartmentHead | Actor::Management => {
            policy.department_calendar(case.department.as_deref())
        }
    }
}

/// The due instant of the registration clock with the pauses that have ended (none while one
/// is open, or when it cannot be computed).
pub(super) fn registration_due(case: &Case) -> Option<Instant> {
    if case.pauses.iter().any(|p| p.to.is_none()) {
        return None;
    }
    let (_, calendar) = calendar_of(case, Stage::Registration);
    let mut deadline = period::end(
        calendar,
        case.received_at,
        case.policy.deadlines().registration,
    )
    .ok()?;
    extend_by_pauses(case, calendar, &mut deadline);
    Some(deadline.due)
}

/// The due instant of the plan clock, with its extension (none before registration).
pub(super) fn plan_due(case: &Case) -> Option<Instant> {
    let registered = case.registered_at?;
    let (_, calendar) = calendar_of(case, Stage::Plan);
    match case.plan_extended_until {
        Some(until) => period::end_of_day(calendar, until).ok(),
        None => {
            let limit = case.policy.deadlines().plan_for(emergency_limits(case));
            period::end(calendar, registered, limit).ok().map(|d| d.due)
        }
    }
}

pub(super) fn schedule(case: &Case, now: Instant) -> Schedule {
    let d = case.policy.deadlines();
    let emergency = emergency_limits(case);
    let disposition = case.disposition;

    let registration_met = case.registered_at.or_else(|| {
        disposition
            .filter(|x| x.kind.meets_registration())
            .map(|x| x.at)
    });
    let mut clocks = vec![
        Clock::new(
            Stage::Registration,
            0,
            Some((EventKind::Received, case.received_at)),
            d.registration,
        )
        .met(registration_met),
    ];

    if let Some(since) = case.emergency.since {
        let mut clock = Clock::new(
            Stage::EmergencyStart,
            0,
            Some((EventKind::Assessed, since)),
            d.emergency_start,
        )
        .met(case.emergency.started);
        clock.stop = case.emergency.lifted;
        clocks.push(clock);
    }

    let mut plan = Clock::new(
        Stage::Plan,
        0,
        case.registered_at.map(|at| (EventKind::Registered, at)),
        d.plan_for(emergency),
    );
    if case.approved_at.is_some() {
        plan.met_at = case.plan_submitted.last().copied();
    } else if case.status == Status::PlanDrafted
        || (disposition.is_some() && case.plan_submitted.len() > case.plan_returned.len())
    {
        plan.submitted = case.plan_submitted.last().copied();
    }
    clocks.push(plan);

    if let (Some(limit), Some(team)) = (d.progress_for(emergency), case.team_formed_at) {
        let end = case.approved_at;
        let mut start = (EventKind::TeamFormed, team);
        let mut round = 0;
        for &report in &case.progress_reports {
            if report < team || end.is_some_and(|e| report > e) {
                continue;
            }
            clocks.push(Clock::new(Stage::Progress, round, Some(start), limit).met(Some(report)));
            start = (EventKind::ProgressReported, report);
            round += 1;
        }
        clocks.push(Clock::new(Stage::Progress, round, Some(start), limit).met(end));
    }

    if let (Some(approved), Some(&last)) = (case.approved_at, case.time_points.iter().max()) {
        let (_, calendar) = calendar_of(case, Stage::Implementation);
        let approved_day = office_date(approved, calendar.offset());
        let days = u32::try_from((last - approved_day).num_days().max(1)).unwrap_or(1);
        let mut clock = Clock::new(
            Stage::Implementation,
            0,
            Some((EventKind::PlanApproved, approved)),
            Duration::new(days.min(Duration::MAX_AMOUNT), Unit::Days).unwrap_or(Duration::days(1)),
        )
        .met(
            case.rounds
                .first()
                .filter(|r| !r.rehandling)
                .and_then(|r| r.completed),
        );
        clock.until = Some(last);
        clocks.push(clock);
    }

    let rounds: &[Round] = &case.rounds;
    if rounds.is_empty() {
        clocks.push(Clock::new(
            Stage::Feedback,
            0,
            None,
            d.feedback_for(emergency),
        ));
        clocks.push(Clock::new(
            Stage::FollowUp,
            0,
            None,
            d.follow_up_for(emergency),
        ));
    }
    for (i, round) in rounds.iter().enumerate() {
        if round.rehandling {
            clocks.push(
                Clock::new(
                    Stage::Rehandling,
                    i,
                    Some((round.trigger, round.started)),
                    d.rehandling_for(emergency),
                )
                .met(round.completed),
            );
        }
        let completed_by = if round.rehandling {
            EventKind::RehandlingCompleted
        } else {
            EventKind::ImplementationCompleted
        };
        clocks.push(
            Clock::new(
                Stage::Feedback,
                i,
                round.completed.map(|at| (completed_by, at)),
                d.feedback_for(emergency),
            )
            .met(round.fed_back),
        );
        // A follow-up belongs to the round whose result it follows; a re-handling round that
        // starts before any visit stops the follow-up clock.
        let next_start = rounds.get(i + 1).map(|r| r.opened);
        let visit = round.fed_back.and_then(|fed| {
            case.follow_ups
                .iter()
                .find(|f| f.at >= fed && next_start.is_none_or(|n| f.at <= n))
                .map(|f| f.at)
        });
        let mut follow_up = Clock::new(
            Stage::FollowUp,
            i,
            round.fed_back.map(|at| (EventKind::ResultFedBack, at)),
            d.follow_up_for(emergency),
        )
        .met(visit);
        if visit.is_none() {
            follow_up.stop = next_start;
        }
        clocks.push(follow_up);
    }

    // A case that ended, closed or without resolution, has no clock left running: one that
    // started and was never met (an emergency procedure never started, say) stopped at the
    // end, late if it was due by then. Stages a disposition left unstarted are not listed. A
    // case reopened after closing keeps what each earlier closing stopped.
    if disposition.is_some() {
        clocks.retain(|c| c.started.is_some());
    }
    let earlier = case.reopenings.iter().map(|r| r.closed_at);
    for end in earlier.chain(disposition.map(|d| d.at).or(case.closed_at)) {
        let started_by_then = |c: &&mut Clock| c.started.is_some_and(|(_, at)| at <= end);
        for clock in clocks.iter_mut().filter(started_by_then) {
            if clock.met_at.is_none() {
                clock.stop = Some(clock.stop.map_or(end, |s| s.min(end)));
            }
        }
    }

    let stages = clocks
        .into_iter()
        .map(|clock| evaluate(case, clock, now))
        .collect();
    Schedule { now, stages }
}

fn evaluate(case: &Case, clock: Clock, now: Instant) -> StageDeadline {
    let (name, calendar) = calendar_of(case, clock.stage);
    let mut out = StageDeadline {
        stage: clock.stage,
        round: clock.round,
        clause: clock.stage.clause(),
        calendar: name.to_owned(),
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
        stopped_at: None,
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
            out.rules = deadline.rules;
            out.state = match clock.stop {
                Some(stop) => {
                    out.stopped_at = Some(stop);
                    SlaState::Stopped
                }
                None => SlaState::Paused,
            };
            return out;
        }
        out.paused = extend_by_pauses(case, calendar, &mut deadline);
    }
    if clock.stage == Stage::Plan {
        if let Some((until, _)) = case.extension_lapsed {
            deadline.rules.push(PeriodRule::ExtensionLapsed { until });
        }
        if let Some(until) = case.plan_extended_until {
            fix_last_day(
                calendar,
                &mut deadline,
                until,
                PeriodRule::ExtendedUntil { until },
            );
            out.extended_until = Some(until);
        }
    }
    if let Some(until) = clock.until {
        deadline.rules.clear();
        fix_last_day(
            calendar,
            &mut deadline,
            until,
            PeriodRule::PlanTimePoint { until },
        );
    }
    let (last_day, due) = (deadline.last_day, deadline.due);
    out.last_day = Some(last_day);
    out.due = Some(due);
    out.provisional = deadline.provisional;
    out.rules = deadline.rules;
    let lateness = |at: Instant| lateness(calendar, last_day, due, at);
    let (state, late_at) = match (clock.met_at, clock.submitted, clock.stop) {
        (Some(met), _, _) if met < due => (SlaState::Met, None),
        (Some(met), _, _) => (SlaState::MetLate, Some(met)),
        // The clock stopped at the submission; a disposition after it changes nothing.
        (None, Some(submitted), stop) => {
            out.stopped_at = Some(submitted);
            let state = if stop.is_some() {
                SlaState::Stopped
            } else {
                SlaState::Submitted
            };
            (state, Some(submitted))
        }
        (None, None, Some(stop)) => {
            out.stopped_at = Some(stop);
            (SlaState::Stopped, Some(stop))
        }
        (None, None, None) => {
            let sla = case.policy.sla();
            let running = Running {
                start,
                last_day,
                due,
                soon: soon_line(sla, calendar, last_day),
            };
            let at = running.at(sla, calendar, now);
            out.remaining_seconds = at.remaining_seconds;
            out.late_seconds = at.late_seconds;
            out.late_working_days = at.late_working_days;
            (at.state, None)
        }
    };
    out.state = state;
    if let Some((seconds, days)) = late_at.and_then(lateness) {
        out.late_seconds = Some(seconds);
        out.late_working_days = Some(days);
    }
    out
}

/// Seconds and working days past `due` at `at`, if it has passed.
fn lateness(
    calendar: &Calendar,
    last_day: NaiveDate,
    due: Instant,
    at: Instant,
) -> Option<(i64, i64)> {
    (at >= due).then(|| {
        let days = calendar.working_days_between(last_day, office_date(at, calendar.offset()));
        ((at - due).num_seconds(), days.max(0))
    })
}

/// A clock that runs (started, due, neither met nor stopped): all of it but its state is the
/// same at every instant, so a caller that asks for many instants keeps this and asks
/// [`Running::at`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Running {
    pub(crate) start: Instant,
    pub(crate) last_day: NaiveDate,
    pub(crate) due: Instant,
    soon: SoonLine,
}

/// A running clock at an instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RunningAt {
    /// `open`, `due_soon` or `overdue`.
    pub(crate) state: SlaState,
    pub(crate) remaining_seconds: Option<i64>,
    pub(crate) late_seconds: Option<i64>,
    pub(crate) late_working_days: Option<i64>,
}

impl Running {
    /// The clock of a stage whose state at one instant was `open`, `due soon` or `overdue`
    /// (it then runs at every instant), under `sla` on the stage's `calendar`.
    pub(crate) fn of(stage: &StageDeadline, sla: &Sla, calendar: &Calendar) -> Option<Running> {
        if !matches!(
            stage.state,
            SlaState::Open | SlaState::DueSoon | SlaState::Overdue
        ) {
            return None;
        }
        let last_day = stage.last_day?;
        Some(Running {
            start: stage.started_at?,
            last_day,
            due: stage.due?,
            soon: soon_line(sla, calendar, last_day),
        })
    }

    /// Its state at `now` on the stage's calendar, as [`Case::schedule`] gives it.
    pub(crate) fn at(&self, sla: &Sla, calendar: &Calendar, now: Instant) -> RunningAt {
        let Running {
            start,
            last_day,
            due,
            soon,
        } = *self;
        if now >= due {
            let late = lateness(calendar, last_day, due, now);
            return RunningAt {
                state: SlaState::Overdue,
                remaining_seconds: None,
                late_seconds: late.map(|(s, _)| s),
                late_working_days: late.map(|(_, d)| d),
            };
        }
        let soon = soon.reached(sla, calendar, start, due, now);
        RunningAt {
            state: if soon {
                SlaState::DueSoon
            } else {
                SlaState::Open
            },
            remaining_seconds: Some((due - now).num_seconds()),
            late_seconds: None,
            late_working_days: None,
        }
    }
}

/// A last day the case fixes (an extension, a plan's time point), ending as a last day does.
fn fix_last_day(calendar: &Calendar, deadline: &mut Deadline, until: NaiveDate, rule: PeriodRule) {
    if let Ok(due) = period::end_of_day(calendar, until) {
        deadline.rules.push(rule);
        deadline.last_day = until;
        deadline.due = due;
        deadline.provisional = !calendar.covers(until);
    }
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
            .and_then(|d| calendar.roll_last_day(d).ok()),
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

/// Where a clock becomes due soon by `sla.due_soon` (its fraction aside): from a day on, or
/// some hours before its due instant. The same at every instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum SoonLine {
    /// From this day on (none: never, past the supported dates).
    Day(Option<NaiveDate>),
    /// This many hours before the due instant.
    Hours(i64),
}

fn soon_line(sla: &Sla, calendar: &Calendar, last_day: NaiveDate) -> SoonLine {
    let n = sla.due_soon.amount();
    SoonLine::Day(match sla.due_soon.unit() {
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
        Unit::Hours | Unit::WorkingHours => return SoonLine::Hours(i64::from(n)),
    })
}

impl SoonLine {
    /// Whether a clock from `start` to `due` is due soon at `now` (before `due`): within the
    /// policy's fraction of its whole, or past this line.
    fn reached(
        self,
        sla: &Sla,
        calendar: &Calendar,
        start: Instant,
        due: Instant,
        now: Instant,
    ) -> bool {
        let whole = (due - start).num_seconds();
        let left = (due - now).num_seconds();
        if whole > 0 && (left as f64) <= sla.due_soon_fraction * whole as f64 {
            return true;
        }
        match self {
            SoonLine::Hours(n) => left <= n * 3600,
            SoonLine::Day(threshold) => {
                let today = office_date(now, calendar.offset());
                threshold.is_some_and(|t| today >= t)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Event;
    use crate::error::ErrorCode;
    use crate::policy::Policy;
    use crate::time::parse_instant;

    fn case(events: &[&str]) -> Case {
        let events = events.iter().map(|e| Event::from_json_str(e).unwrap());
        Case::replay(&Policy::default(), events).unwrap()
    }

    const RECEIVED: &str = r#"{"type": "received", "at": "2025-11-03T09:30:00+08:00",
        "channel": "hotline", "complainant_kind": "customer", "name": "n",
        "contact": "13812345678", "content": "c"}"#;
    const REGISTERED: &str =
        r#"{"type": "registered", "at": "2025-11-03T14:00:00+08:00", "number": "25110001"}"#;
    const CLASSIFIED: &str = r#"{"type": "classified", "at": "2025-11-04T10:00:00+08:00",
        "category": "product_quality"}"#;
    const COMPLEX: &str = r#"{"type": "assessed", "at": "2025-11-04T10:05:00+08:00",
        "severity": "general", "urgency": "normal", "complexity": "complex"}"#;
    const TEAM: &str = r#"{"type": "team_formed", "at": "2025-11-05T09:00:00+08:00",
        "members": [{"id": "s-1", "role": "legal"}]}"#;
    const EXTENDED: &str = r#"{"type": "plan_extended", "at": "2025-11-14T09:00:00+08:00",
        "until": "2025-12-03"}"#;

    #[test]
    fn a_lapsed_extension_says_why_the_plan_is_due_again() {
        let simple = r#"{"type": "assessed", "at": "2025-11-14T10:00:00+08:00",
            "severity": "general", "urgency": "normal", "complexity": "simple"}"#;
        let c = case(&[
            RECEIVED, REGISTERED, CLASSIFIED, COMPLEX, TEAM, EXTENDED, simple,
        ]);
        let s = c.schedule(parse_instant("2025-11-14T11:00:00+08:00").unwrap());
        let plan = s.stage("plan").unwrap();
        assert_eq!(plan.last_day.unwrap().to_string(), "2025-11-18");
        assert_eq!(plan.extended_until, None);
        let lapsed = plan
            .rules
            .iter()
            .find(|r| r.name() == "extension_lapsed")
            .expect("the explanation names the lapse");
        assert_eq!(lapsed.article(), "§4.1.2");
        assert!(
            lapsed.describe().contains("2025-12-03"),
            "{}",
            lapsed.describe()
        );
        let report = c.compliance(parse_instant("2025-11-14T11:00:00+08:00").unwrap());
        let check = report.check("plan_extension").unwrap();
        assert_eq!(check.result.as_str(), "not_applicable");
        assert!(check.detail.contains("lapsed"), "{}", check.detail);
    }

    #[test]
    fn the_implementation_is_due_at_the_plans_last_time_point() {
        let submitted = r#"{"type": "plan_submitted", "at": "2025-11-12T16:00:00+08:00",
            "analysis": "a", "responsibility": "r", "measures": "m",
            "time_points": [{"what": "w", "due": "2025-11-25"}, {"what": "x", "due": "2025-11-20"}]}"#;
        let approved = r#"{"type": "plan_approved", "at": "2025-11-13T10:00:00+08:00",
            "role": "management"}"#;
        let c = case(&[
            RECEIVED, REGISTERED, CLASSIFIED, COMPLEX, TEAM, submitted, approved,
        ]);
        let s = c.schedule(parse_instant("2025-11-13T11:00:00+08:00").unwrap());
        let implementation = s.stage("implementation").unwrap();
        assert_eq!(implementation.last_day.unwrap().to_string(), "2025-11-25");
        assert_eq!(implementation.started_by, Some(EventKind::PlanApproved));
        assert_eq!(implementation.duration.to_string(), "12 days");
        assert_eq!(
            implementation
                .rules
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>(),
            ["plan_time_point"]
        );
        // The plan itself is met at the approved submission.
        let plan = s.stage("plan").unwrap();
        assert_eq!(plan.state, SlaState::Met);
        assert_eq!(
            plan.met_at,
            Some(parse_instant("2025-11-12T16:00:00+08:00").unwrap())
        );
    }

    const SITES: &str = r#"
        [[calendars]]
        name = "guangxi"
        extra_off_days = [2025-11-05, 2025-11-06]
        [[calendars]]
        name = "hotline"
        base = "every_day"
        [calendar_of]
        channels = { hotline = "hotline" }
        departments = { quality = "guangxi" }
        [deadlines]
        plan = "10 working days"
    "#;

    fn case_under(policy: &str, events: &[&str]) -> Case {
        let policy = Policy::from_toml_str(policy).unwrap();
        let events = events.iter().map(|e| Event::from_json_str(e).unwrap());
        Case::replay(&policy, events).unwrap()
    }

    fn calendars(s: &Schedule) -> Vec<(&str, &str)> {
        s.stages
            .iter()
            .map(|st| (st.stage.as_str(), st.calendar.as_str()))
            .collect()
    }

    #[test]
    fn every_stage_runs_on_the_calendar_of_whoever_acts_in_it() {
        // Received on Saturday 1 November 2025 through the hotline, which works every day.
        let received = RECEIVED.replace("2025-11-03T09:30", "2025-11-01T20:00");
        let registered = REGISTERED.replace("2025-11-03T14:00", "2025-11-02T10:00");
        let c = case_under(SITES, &[&received, &registered, CLASSIFIED]);
        let s = c.schedule(parse_instant("2025-11-04T11:00:00+08:00").unwrap());
        assert_eq!(
            calendars(&s),
            [
                ("registration", "hotline"),
                ("plan", "guangxi"),
                ("feedback", "guangxi"),
                ("follow_up", "hotline")
            ]
        );
        // One working day after Saturday is Sunday on the hotline (Monday on the office's).
        let registration = s.stage("registration").unwrap();
        assert_eq!(registration.last_day.unwrap().to_string(), "2025-11-02");
        // Ten working days from Sunday 2 November on Guangxi's calendar skip its two days off:
        // 3, 4, 7, 10–14, 17, 18 November.
        let plan = s.stage("plan").unwrap();
        assert_eq!(plan.last_day.unwrap().to_string(), "2025-11-18");
        // The same history on one calendar: every stage on `default`, the plan two days sooner.
        let c = case_under(
            "[deadlines]\nplan = \"10 working days\"",
            &[&received, &registered, CLASSIFIED],
        );
        let s = c.schedule(parse_instant("2025-11-04T11:00:00+08:00").unwrap());
        assert!(s.stages.iter().all(|st| st.calendar == "default"));
        assert_eq!(
            s.stage("registration")
                .unwrap()
                .last_day
                .unwrap()
                .to_string(),
            "2025-11-03"
        );
        assert_eq!(
            s.stage("plan").unwrap().last_day.unwrap().to_string(),
            "2025-11-14"
        );
    }

    #[test]
    fn the_plan_stays_with_the_department_classified_and_the_rest_moves_with_the_implementation() {
        let submitted = r#"{"type": "plan_submitted", "at": "2025-11-12T16:00:00+08:00",
            "analysis": "a", "responsibility": "r", "measures": "m",
            "time_points": [{"what": "w", "due": "2025-11-25"}]}"#;
        let approved = r#"{"type": "plan_approved", "at": "2025-11-13T10:00:00+08:00",
            "role": "management"}"#;
        let started = r#"{"type": "implementation_started", "at": "2025-11-14T09:00:00+08:00",
            "department": "administration"}"#;
        let completed =
            r#"{"type": "implementation_completed", "at": "2025-11-20T09:00:00+08:00"}"#;
        let events = [
            RECEIVED, REGISTERED, CLASSIFIED, COMPLEX, TEAM, submitted, approved, started,
            completed,
        ];
        let c = case_under(SITES, &events);
        let s = c.schedule(parse_instant("2025-11-20T10:00:00+08:00").unwrap());
        assert_eq!(
            calendars(&s),
            [
                ("registration", "hotline"),
                ("plan", "guangxi"),
                ("implementation", "default"),
                ("feedback", "default"),
                ("follow_up", "hotline")
            ]
        );
        // The plan is judged as it was when met: on Guangxi's calendar.
        assert_eq!(
            s.stage("plan").unwrap().last_day.unwrap().to_string(),
            "2025-11-19"
        );
    }

    #[test]
    fn the_extension_and_the_lapse_count_on_their_stages_calendars() {
        // On Guangxi's calendar the 10 working days from 3 November end on 19 November (5 and
        // 6 November are off): an extension until 18 November is not later.
        let early = EXTENDED.replace("2025-12-03", "2025-11-18");
        let policy = Policy::from_toml_str(SITES).unwrap();
        let events: Vec<Event> = [
            RECEIVED,
            REGISTERED,
            CLASSIFIED,
            COMPLEX,
            TEAM,
            early.as_str(),
        ]
        .iter()
        .map(|e| Event::from_json_str(e).unwrap())
        .collect();
        let err = Case::replay(&policy, events).unwrap_err();
        assert_eq!(err.code(), "case.extension_not_later");
        let on_one = Policy::from_toml_str("[deadlines]\nplan = \"10 working days\"").unwrap();
        let events: Vec<Event> = [
            RECEIVED,
            REGISTERED,
            CLASSIFIED,
            COMPLEX,
            TEAM,
            early.as_str(),
        ]
        .iter()
        .map(|e| Event::from_json_str(e).unwrap())
        .collect();
        assert!(Case::replay(&on_one, events).is_ok());
        // The wait for missing information counts on the registration's calendar: asked on
        // Friday 7 November, 2 working days end on Sunday on the hotline's, which works every
        // day (Tuesday on the office's).
        let received = r#"{"type": "received", "at": "2025-11-07T09:30:00+08:00",
            "channel": "hotline", "complainant_kind": "customer", "contact": "13812345678",
            "content": "c"}"#;
        let asked = r#"{"type": "information_requested", "at": "2025-11-07T10:00:00+08:00",
            "fields": ["name"]}"#;
        let lapsed = r#"{"type": "lapsed", "at": "2025-11-10T09:00:00+08:00"}"#;
        let c = case_under(
            &format!("{SITES}\nlapse = \"2 working days\""),
            &[received, asked, lapsed],
        );
        assert_eq!(c.status(), Status::Lapsed);
        let mut on_one = case_under(
            "[deadlines]\nlapse = \"2 working days\"",
            &[received, asked],
        );
        let err = on_one
            .apply(Event::from_json_str(lapsed).unwrap())
            .unwrap_err();
        assert_eq!(err.code(), "case.lapse_not_due");
    }

    #[test]
    fn a_reopened_case_runs_a_new_round_and_keeps_what_its_closing_stopped() {
        // An emergency whose procedure never started: the closing stopped that clock.
        let urgent = r#"{"type": "assessed", "at": "2025-11-04T10:05:00+08:00",
            "severity": "serious", "urgency": "urgent", "complexity": "simple"}"#;
        let rest = [
            r#"{"type": "plan_submitted", "at": "2025-11-12T16:00:00+08:00", "analysis": "a",
                "responsibility": "r", "measures": "m",
                "time_points": [{"what": "w", "due": "2025-11-20"}]}"#,
            r#"{"type": "plan_approved", "at": "2025-11-13T10:00:00+08:00", "role": "management"}"#,
            r#"{"type": "implementation_started", "at": "2025-11-14T09:00:00+08:00"}"#,
            r#"{"type": "implementation_completed", "at": "2025-11-19T17:00:00+08:00"}"#,
            r#"{"type": "result_fed_back", "at": "2025-11-20T10:00:00+08:00", "process": "p",
                "result": "r", "satisfaction": "satisfied"}"#,
            r#"{"type": "follow_up_visited", "at": "2025-11-26T15:00:00+08:00", "method": "phone",
                "satisfaction": "satisfied"}"#,
            r#"{"type": "closed", "at": "2025-11-27T09:00:00+08:00"}"#,
            r#"{"type": "reopened", "at": "2025-12-03T10:00:00+08:00", "reason": "broke again"}"#,
        ];
        let mut events = vec![RECEIVED, REGISTERED, CLASSIFIED, urgent, TEAM];
        events.extend(rest);
        let c = case(&events);
        assert_eq!(c.status(), Status::Objection);
        assert_eq!(c.closed_at(), None);
        let s = c.schedule(parse_instant("2025-12-05T09:00:00+08:00").unwrap());
        let closed = parse_instant("2025-11-27T09:00:00+08:00").unwrap();
        let emergency = s.stage("emergency_start").unwrap();
        assert_eq!(emergency.state, SlaState::Stopped);
        assert_eq!(emergency.stopped_at, Some(closed));
        let rehandling = s.stage("rehandling").unwrap();
        assert_eq!(
            (rehandling.round, rehandling.started_by, rehandling.state),
            (1, Some(EventKind::Reopened), SlaState::Open)
        );
        assert_eq!(
            rehandling.started_at,
            Some(parse_instant("2025-12-03T10:00:00+08:00").unwrap())
        );
        assert_eq!(s.running().count(), 1, "only the re-handling clock runs");
    }

    #[test]
    fn a_disposition_keeps_the_lateness_it_found() {
        let withdrawn = r#"{"type": "withdrawn", "at": "2025-11-21T09:00:00+08:00"}"#;
        let c = case(&[RECEIVED, REGISTERED, CLASSIFIED, COMPLEX, TEAM, withdrawn]);
        for now in ["2025-11-21T09:00:00+08:00", "2030-01-01T00:00:00+08:00"] {
            let s = c.schedule(parse_instant(now).unwrap());
            let plan = s.stage("plan").unwrap();
            assert_eq!(plan.state, SlaState::Stopped);
            assert_eq!(plan.late_working_days, Some(3));
            assert!(plan.is_late());
            assert_eq!(
                plan.stopped_at,
                Some(parse_instant("2025-11-21T09:00:00+08:00").unwrap())
            );
            assert_eq!(s.running().count(), 0);
        }
    }
}
