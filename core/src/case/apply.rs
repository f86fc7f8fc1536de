//! The guards of the policy and the change each event makes: one function per event type.
//!
//! Each function sees the case read-only (`&Case`), checks every guard of its event and only
//! then returns the change to make, a closure over `&mut Case`. [`apply`] runs the change after
//! the function returned, so a refused event cannot have changed anything: the case is left
//! exactly as it was. The guards every event shares (allowed in the status, not back in time)
//! run before the event's own, in [`precheck`] and [`apply`].

use chrono::NaiveDate;

use super::event::{EventBody, EventKind};
use super::payload::*;
use super::status::{Status, allowed_in};
use super::{
    ActorRole, Assessment, Case, CaseError, Disposition, DispositionKind, Dissatisfaction,
    EmergencyProcedure, Event, FollowUp, Pause, Reopening, Round, Stage, schedule,
};
use crate::archive::{self, Document};
use crate::intake::{self, Complaint, Field};
use crate::period;
use crate::policy::Policy;
use crate::time::{Instant, YearMonth, office_date};
use crate::triage::{self, Track};

pub(super) fn open(policy: &Policy, event: Event) -> Result<Case, CaseError> {
    let Event { at, body, .. } = event;
    let EventBody::Received(mut complaint) = body else {
        return Err(CaseError::NotReceivedFirst);
    };
    // §2.2.1: the time of receipt (when the e-mail or call arrived) is the complaint's; `at`
    // is when it was recorded, which cannot be earlier.
    let received_at = *complaint.received_at.get_or_insert(at);
    if received_at > at {
        return Err(CaseError::ReceivedAfterRecording);
    }
    let intake = intake::check(policy, &complaint);
    Ok(Case {
        policy: policy.clone(),
        status: Status::Received,
        complaint,
        superseded: Vec::new(),
        intake,
        received_at,
        last_at: at,
        events: 1,
        information_requests: 0,
        awaiting_since: None,
        pauses: Vec::new(),
        number: None,
        registered_at: None,
        category: None,
        department: None,
        classified_department: None,
        assessment: None,
        emergency: EmergencyProcedure::default(),
        team: Vec::new(),
        team_formed_at: None,
        investigation_planned_at: None,
        evidence: Vec::new(),
        progress_reports: Vec::new(),
        plan_submitted: Vec::new(),
        plan_returned: Vec::new(),
        time_points: Vec::new(),
        findings: Vec::new(),
        plan_extended_until: None,
        extension_lapsed: None,
        approved_at: None,
        problems: 0,
        rounds: Vec::new(),
        objections: Vec::new(),
        follow_ups: Vec::new(),
        dissatisfied: None,
        dissatisfactions: 0,
        rehandling_declined: Vec::new(),
        closed_at: None,
        closed_unsatisfied: false,
        reopenings: Vec::new(),
        disposition: None,
        archived_at: None,
        documents: Vec::new(),
        legal_hold: false,
        destruction_approved_at: None,
        destroyed_at: None,
    })
}

/// The guards that depend only on the case and the event's type.
pub(super) fn precheck(case: &Case, kind: EventKind) -> Result<(), CaseError> {
    if kind == EventKind::Received {
        return Err(CaseError::NotReceivedFirst);
    }
    if !allowed_in(kind).contains(&case.status) {
        return Err(CaseError::TransitionNotAllowed {
            event: kind,
            status: case.status,
        });
    }
    let round = case.rounds.last();
    match kind {
        EventKind::TeamFormed if case.team_formed_at.is_none() => {
            if case.category.is_none() {
                return Err(CaseError::NotClassified);
            }
            if case.assessment.is_none() {
                return Err(CaseError::NotAssessed);
            }
        }
        EventKind::ImplementationCompleted | EventKind::RehandlingCompleted
            if round.is_some_and(|r| r.completed.is_some()) =>
        {
            return Err(CaseError::TransitionNotAllowed {
                event: kind,
                status: case.status,
            });
        }
        EventKind::ResultFedBack if round.is_none_or(|r| r.completed.is_none()) => {
            return Err(CaseError::NotCompleted);
        }
        EventKind::PlanExtended if case.track() == Track::General => {
            return Err(CaseError::ExtensionNotAllowed);
        }
        EventKind::EmergencyProcedureStarted if !case.emergency() => {
            return Err(CaseError::NotEmergency);
        }
        EventKind::EmergencyProcedureStarted if case.emergency.started.is_some() => {
            return Err(CaseError::TransitionNotAllowed {
                event: kind,
                status: case.status,
            });
        }
        EventKind::RehandlingStarted | EventKind::RehandlingDeclined
            if case.status != Status::Objection && case.dissatisfied.is_none() =>
        {
            return Err(CaseError::NoDissatisfaction);
        }
        EventKind::Closed
            if case.dissatisfied.is_some() && !case.policy.tracking().close_while_unsatisfied =>
        {
            return Err(CaseError::RehandlingRequired);
        }
        _ => {}
    }
    Ok(())
}

/// What an accepted event does to the case, made once every guard has passed.
trait Change: FnOnce(&mut Case) {}

impl<F: FnOnce(&mut Case)> Change for F {}

/// The change, or the guard that refused the event.
type Checked<C> = Result<C, CaseError>;

/// The envelope of the event being applied: when, and in which role.
#[derive(Clone, Copy)]
struct On {
    at: Instant,
    role: Option<ActorRole>,
}

pub(super) fn apply(case: &mut Case, event: Event) -> Result<(), CaseError> {
    precheck(case, event.kind())?;
    if event.at < case.last_at {
        return Err(CaseError::TimeReversed);
    }
    let on = On {
        at: event.at,
        role: event.role,
    };
    // Each arm checks on `&Case`, then (`?` passed) makes its change on `&mut Case`.
    match event.body {
        EventBody::Received(_) => return Err(CaseError::NotReceivedFirst),
        EventBody::InformationRequested(p) => information_requested(case, on, p)?(case),
        EventBody::InformationSupplied(p) => information_supplied(case, on, p)?(case),
        EventBody::Registered(p) => registered(case, on, p)?(case),
        EventBody::Classified(p) => classified(case, on, p)?(case),
        EventBody::Assessed(p) => assessed(case, on, p)?(case),
        EventBody::EmergencyProcedureStarted(p) => emergency_procedure_started(case, on, p)?(case),
        EventBody::TeamFormed(p) => team_formed(case, on, p)?(case),
        EventBody::InvestigationPlanned(p) => investigation_planned(case, on, p)?(case),
        EventBody::EvidenceAdded(p) => evidence_added(case, on, p)?(case),
        EventBody::ProgressReported(p) => progress_reported(case, on, p)?(case),
        EventBody::PlanSubmitted(p) => plan_submitted(case, on, p)?(case),
        EventBody::PlanExtended(p) => plan_extended(case, on, p)?(case),
        EventBody::PlanReturned(p) => plan_returned(case, on, p)?(case),
        EventBody::PlanApproved(p) => plan_approved(case, on, p)?(case),
        EventBody::ImplementationStarted(p) => implementation_started(case, on, p)?(case),
        EventBody::ProblemRaised(p) => problem_raised(case, on, p)?(case),
        EventBody::ImplementationCompleted(p) => implementation_completed(case, on, p)?(case),
        EventBody::ResultFedBack(p) => result_fed_back(case, on, p)?(case),
        EventBody::ObjectionRaised(p) => objection_raised(case, on, p)?(case),
        EventBody::RehandlingStarted(p) => rehandling_started(case, on, p)?(case),
        EventBody::RehandlingCompleted(p) => rehandling_completed(case, on, p)?(case),
        EventBody::RehandlingDeclined(p) => rehandling_declined(case, on, p)?(case),
        EventBody::FollowUpVisited(p) => follow_up_visited(case, on, p)?(case),
        EventBody::Closed(p) => closed(case, on, p)?(case),
        EventBody::Reopened(p) => reopened(case, on, p)?(case),
        EventBody::Rejected(p) => rejected(case, on, p)?(case),
        EventBody::Withdrawn(p) => withdrawn(case, on, p)?(case),
        EventBody::Merged(p) => merged(case, on, p)?(case),
        EventBody::Lapsed(p) => lapsed(case, on, p)?(case),
        EventBody::Archived(p) => archived(case, on, p)?(case),
        EventBody::LegalHoldPlaced(p) => legal_hold_placed(case, on, p)?(case),
        EventBody::LegalHoldReleased(p) => legal_hold_released(case, on, p)?(case),
        EventBody::DestructionApproved(p) => destruction_approved(case, on, p)?(case),
        EventBody::Destroyed(p) => destroyed(case, on, p)?(case),
    }
    case.last_at = on.at;
    case.events += 1;
    Ok(())
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn require_role(on: On, role: ActorRole, error: CaseError) -> Result<(), CaseError> {
    if on.role == Some(role) {
        Ok(())
    } else {
        Err(error)
    }
}

/// §2.2.1: the request names what is missing (at least one field the complaint lacks or
/// has unusable); the registration clock pauses, unless it has already run out: a period that
/// has expired cannot be suspended.
fn information_requested(
    case: &Case,
    on: On,
    p: InformationRequested,
) -> Checked<impl Change + use<>> {
    if p.fields.is_empty() {
        return Err(CaseError::invalid_event(
            "fields",
            "name at least one field",
        ));
    }
    let missing = |field: Field| {
        case.intake.missing.contains(&field)
            || case.intake.requests.iter().any(|r| r.field == field)
    };
    if !p.fields.iter().any(|&f| missing(f)) {
        return Err(CaseError::InformationNotMissing);
    }
    let waiting = case.status == Status::AwaitingInformation;
    let running = schedule::registration_due(case).is_none_or(|due| on.at < due);
    Ok(move |case: &mut Case| {
        case.information_requests += 1;
        if !waiting {
            case.awaiting_since = Some(on.at);
            if running {
                case.pauses.push(Pause {
                    from: on.at,
                    to: None,
                });
            }
        }
        case.status = Status::AwaitingInformation;
    })
}

/// §2.2.1: what the complainant supplied completes the complaint, which intake checks again;
/// the registration clock runs again.
fn information_supplied(
    case: &Case,
    on: On,
    p: InformationSupplied,
) -> Checked<impl Change + use<>> {
    let mut complaint: Complaint = case.complaint.clone();
    // §1.3.4: a replaced name or contact is still personal data in the text the case holds.
    let former = (p.name.is_some() || p.contact.is_some()).then(|| {
        let mut former = case.personal_data();
        former.content = None;
        former
    });
    if let Some(v) = p.name {
        complaint.name = Some(v.into_inner());
    }
    if let Some(v) = p.contact {
        complaint.contact = Some(v.into_inner());
    }
    if let Some(v) = p.content {
        complaint.content = Some(v.into_inner());
    }
    let intake = intake::check(&case.policy, &complaint);
    Ok(move |case: &mut Case| {
        case.superseded.extend(former);
        case.intake = intake;
        case.complaint = complaint;
        if let Some(pause) = case.pauses.last_mut()
            && pause.to.is_none()
        {
            pause.to = Some(on.at);
        }
        case.awaiting_since = None;
        case.status = Status::Received;
    })
}

/// §2.1, §2.2.1, §2.2.3: only an admissible and complete complaint is registered, with a
/// number of the month it was received in (office time).
fn registered(case: &Case, on: On, p: Registered) -> Checked<impl Change + use<>> {
    if !case.intake.admissible {
        let rule = case
            .intake
            .violations
            .iter()
            .find(|v| v.bars_admission())
            .map_or("intake", |v| v.code());
        return Err(CaseError::Inadmissible { rule });
    }
    if !case.intake.complete {
        let mut missing: Vec<&'static str> =
            case.intake.missing.iter().map(|f| f.as_str()).collect();
        // A contact that is present but unusable (a malformed phone) also blocks
        // registration: §2.2.1 asks for contact details, not for any text.
        missing.extend(
            case.intake
                .violations
                .iter()
                .filter_map(|v| v.field())
                .map(|f| f.as_str()),
        );
        missing.dedup();
        return Err(CaseError::IntakeIncomplete { missing });
    }
    let offset = case.policy.office_offset();
    if p.number.year_month() != YearMonth::of_instant(case.received_at, offset) {
        return Err(CaseError::NumberMonthMismatch);
    }
    Ok(move |case: &mut Case| {
        case.number = Some(p.number);
        case.registered_at = Some(on.at);
        case.status = Status::Registered;
    })
}

/// §2.2.2: the category and the department are the policy's; the department defaults to the
/// category's.
fn classified(case: &Case, _: On, p: Classified) -> Checked<impl Change + use<>> {
    let classification = case.policy.classification();
    let category = classification
        .category(&p.category)
        .ok_or(CaseError::UnknownCategory)?;
    if let Some(d) = &p.department {
        known_department(case, d)?;
    }
    let department = p.department.unwrap_or_else(|| category.department.clone());
    Ok(move |case: &mut Case| {
        case.classified_department = Some(department.clone());
        case.department = Some(department);
        case.category = Some(p.category);
    })
}

/// §2.2.4: the assessment, and what the policy's triage matrix makes of it. An urgent and
/// serious complaint starts the emergency clock (once); a re-assessment that lifts the
/// emergency before the procedure started stops it. §4.1.2: an extension is only for complex
/// or major complaints: re-assessed onto the general track, the case loses it.
fn assessed(case: &Case, on: On, p: Assessed) -> Checked<impl Change + use<>> {
    let result = triage::assess(&case.policy, p.severity, p.urgency, p.complexity);
    let assessment = Assessment {
        severity: p.severity,
        urgency: p.urgency,
        complexity: p.complexity,
        emergency: result.emergency,
        track: result.track,
    };
    let was_emergency = case.emergency();
    Ok(move |case: &mut Case| {
        let e = &mut case.emergency;
        if assessment.emergency {
            e.since.get_or_insert(on.at);
            e.lifted = None;
        } else if was_emergency && e.started.is_none() {
            e.lifted = Some(on.at);
        }
        if assessment.track == Track::General
            && let Some(until) = case.plan_extended_until.take()
        {
            case.extension_lapsed = Some((until, on.at));
        }
        case.assessment = Some(assessment);
    })
}

/// §2.2.4: the emergency procedure starts (an emergency, once: [`precheck`]).
fn emergency_procedure_started(
    _: &Case,
    on: On,
    _: EmergencyProcedureStarted,
) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| case.emergency.started = Some(on.at))
}

/// §3.1: a team has members, each of a department the policy has (classified and assessed
/// first: [`precheck`]).
fn team_formed(case: &Case, on: On, p: TeamFormed) -> Checked<impl Change + use<>> {
    if p.members.is_empty() {
        return Err(CaseError::TeamEmpty);
    }
    for member in &p.members {
        if let Some(d) = &member.department {
            known_department(case, d)?;
        }
    }
    Ok(move |case: &mut Case| {
        case.team = p.members;
        case.team_formed_at.get_or_insert(on.at);
        case.status = Status::Investigating;
    })
}

/// §2.2.2: every department an event names is one of the policy's.
fn known_department(case: &Case, department: &str) -> Result<(), CaseError> {
    case.policy
        .classification()
        .department(department)
        .map(|_| ())
        .ok_or(CaseError::UnknownDepartment)
}

/// §3.3.1: every step has a description, a time point and a person responsible.
fn investigation_planned(
    _: &Case,
    on: On,
    p: InvestigationPlanned,
) -> Checked<impl Change + use<>> {
    let complete = !p.steps.is_empty()
        && p.steps.iter().all(|s| {
            !s.description.is_blank()
                && s.due.is_some()
                && s.owner.as_deref().is_some_and(|o| !blank(o))
        });
    if !complete {
        return Err(CaseError::InvestigationPlanIncomplete);
    }
    Ok(move |case: &mut Case| case.investigation_planned_at = Some(on.at))
}

/// §3.2.3: an interview counts only when the record is signed.
fn evidence_added(_: &Case, on: On, p: EvidenceAdded) -> Checked<impl Change + use<>> {
    if p.kind == EvidenceKind::Interview && p.signed != Some(true) {
        return Err(CaseError::UnsignedInterview);
    }
    Ok(move |case: &mut Case| case.evidence.push((p.kind, on.at)))
}

/// §3.3.3: progress told to the complainant.
fn progress_reported(_: &Case, on: On, _: ProgressReported) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| case.progress_reports.push(on.at))
}

/// §4.1.1: a plan has its analysis, responsibility, measures and time points.
fn plan_submitted(_: &Case, on: On, p: PlanSubmitted) -> Checked<impl Change + use<>> {
    let mut missing = Vec::new();
    if p.analysis.is_blank() {
        missing.push("analysis");
    }
    if p.responsibility.is_blank() {
        missing.push("responsibility");
    }
    if p.measures.is_blank() {
        missing.push("measures");
    }
    if p.time_points.is_empty() || p.time_points.iter().any(|t| t.what.is_blank()) {
        missing.push("time_points");
    }
    if !missing.is_empty() {
        return Err(CaseError::PlanIncomplete { missing });
    }
    let time_points: Vec<NaiveDate> = p.time_points.iter().map(|t| t.due).collect();
    Ok(move |case: &mut Case| {
        case.findings = p.findings;
        case.time_points = time_points;
        case.plan_submitted.push(on.at);
        case.status = Status::PlanDrafted;
    })
}

/// §4.1.2: an extension (complex or major cases only: [`precheck`]) moves the plan limit
/// later, never beyond the extended limit, and only while the limit still runs.
fn plan_extended(case: &Case, on: On, p: PlanExtended) -> Checked<impl Change + use<>> {
    if schedule::plan_due(case).is_some_and(|due| on.at >= due) {
        return Err(CaseError::ExtensionAfterExpiry);
    }
    let registered = case.registered_at.unwrap_or(case.received_at);
    let (_, calendar) = schedule::calendar_of(case, Stage::Plan);
    let deadlines = case.policy.deadlines();
    let cap = period::end(calendar, registered, deadlines.plan_extended_max)
        .map_err(|_| CaseError::ExtensionBeyondCap)?;
    if p.until > cap.last_day {
        return Err(CaseError::ExtensionBeyondCap);
    }
    let current: NaiveDate = match case.plan_extended_until {
        Some(day) => day,
        None => {
            period::end(
                calendar,
                registered,
                deadlines.plan_for(case.emergency.since.is_some()),
            )
            .map_err(|_| CaseError::ExtensionNotLater)?
            .last_day
        }
    };
    if p.until <= current {
        return Err(CaseError::ExtensionNotLater);
    }
    Ok(move |case: &mut Case| case.plan_extended_until = Some(p.until))
}

/// §4.2: only management returns a plan.
fn plan_returned(_: &Case, on: On, _: PlanReturned) -> Checked<impl Change + use<>> {
    require_role(on, ActorRole::Management, CaseError::ApproverNotManagement)?;
    Ok(move |case: &mut Case| {
        case.plan_returned.push(on.at);
        case.status = Status::PlanReturned;
    })
}

/// §4.2: only management approves a plan.
fn plan_approved(_: &Case, on: On, _: PlanApproved) -> Checked<impl Change + use<>> {
    require_role(on, ActorRole::Management, CaseError::ApproverNotManagement)?;
    Ok(move |case: &mut Case| {
        case.approved_at = Some(on.at);
        case.status = Status::Approved;
    })
}

/// §4.3.1: implementation opens the first handling round, by a department of the policy.
fn implementation_started(
    case: &Case,
    on: On,
    p: ImplementationStarted,
) -> Checked<impl Change + use<>> {
    if let Some(d) = &p.department {
        known_department(case, d)?;
    }
    Ok(move |case: &mut Case| {
        if let Some(d) = p.department {
            case.department = Some(d);
        }
        case.rounds.push(Round {
            rehandling: false,
            trigger: EventKind::ImplementationStarted,
            started: on.at,
            opened: on.at,
            completed: None,
            fed_back: None,
            satisfaction: None,
        });
        case.status = Status::Implementing;
    })
}

/// §4.3.2: a problem raised with the team.
fn problem_raised(_: &Case, _: On, _: ProblemRaised) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| case.problems += 1)
}

/// §4.4.1: handling complete (once per round: [`precheck`]); the feedback clock starts.
fn implementation_completed(
    _: &Case,
    on: On,
    _: ImplementationCompleted,
) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| complete_round(case, on.at))
}

fn complete_round(case: &mut Case, at: Instant) {
    if let Some(round) = case.rounds.last_mut() {
        round.completed = Some(at);
    }
}

/// §4.4.1, §4.4.2: the result goes back after handling is complete ([`precheck`]), with a
/// written report of process and result.
fn result_fed_back(_: &Case, on: On, p: ResultFedBack) -> Checked<impl Change + use<>> {
    let mut missing = Vec::new();
    if p.process.is_blank() {
        missing.push("process");
    }
    if p.result.is_blank() {
        missing.push("result");
    }
    if !missing.is_empty() {
        return Err(CaseError::ReportIncomplete { missing });
    }
    Ok(move |case: &mut Case| {
        if let Some(round) = case.rounds.last_mut() {
            round.fed_back = Some(on.at);
            round.satisfaction = Some(p.satisfaction);
        }
        note_satisfaction(case, EventKind::ResultFedBack, on.at, p.satisfaction);
        case.status = Status::ResultFedBack;
    })
}

/// §5.1.2: a result or visit that leaves the complainant unsatisfied awaits re-handling (or
/// management's decision not to); a later one that finds them satisfied ends the wait.
fn note_satisfaction(case: &mut Case, by: EventKind, at: Instant, satisfaction: Satisfaction) {
    match satisfaction {
        Satisfaction::Unsatisfied => {
            case.dissatisfactions += 1;
            case.dissatisfied = Some(Dissatisfaction { by, at });
        }
        Satisfaction::Satisfied => case.dissatisfied = None,
        Satisfaction::Unknown => {}
    }
}

/// §5.1.2: an objection opens a re-handling round; its clock runs from the objection.
fn objection_raised(_: &Case, on: On, _: ObjectionRaised) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| {
        case.objections.push(on.at);
        case.rounds.push(Round {
            rehandling: true,
            trigger: EventKind::ObjectionRaised,
            started: on.at,
            opened: on.at,
            completed: None,
            fed_back: None,
            satisfaction: None,
        });
        case.status = Status::Objection;
    })
}

/// §5.1.2: the department handles the complaint again: after an objection, or because a
/// result or visit left the complainant unsatisfied ([`precheck`]), which opens the
/// re-handling round, its clock running from that record.
fn rehandling_started(case: &Case, on: On, _: RehandlingStarted) -> Checked<impl Change + use<>> {
    let from_dissatisfaction = (case.status != Status::Objection)
        .then_some(case.dissatisfied)
        .flatten();
    Ok(move |case: &mut Case| {
        if let Some(d) = from_dissatisfaction {
            case.rounds.push(Round {
                rehandling: true,
                trigger: d.by,
                started: d.at,
                opened: on.at,
                completed: None,
                fed_back: None,
                satisfaction: None,
            });
        }
        case.dissatisfied = None;
        case.status = Status::Rehandling;
    })
}

/// §5.1.2: management decides, with a reason, not to handle a dissatisfied complaint again
/// ([`precheck`]: a dissatisfaction awaits).
fn rehandling_declined(_: &Case, on: On, p: RehandlingDeclined) -> Checked<impl Change + use<>> {
    require_role(on, ActorRole::Management, CaseError::DecisionNotManagement)?;
    if p.reason.is_blank() {
        return Err(CaseError::ReasonRequired {
            event: EventKind::RehandlingDeclined,
        });
    }
    Ok(move |case: &mut Case| {
        case.rehandling_declined.push(on.at);
        case.dissatisfied = None;
    })
}

/// §5.1.2: re-handling complete (once per round: [`precheck`]); the feedback clock starts.
fn rehandling_completed(_: &Case, on: On, _: RehandlingCompleted) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| complete_round(case, on.at))
}

/// §5.2: the follow-up visit, with the complainant's satisfaction and suggestions.
fn follow_up_visited(_: &Case, on: On, p: FollowUpVisited) -> Checked<impl Change + use<>> {
    let follow_up = FollowUp {
        at: on.at,
        satisfaction: p.satisfaction,
        suggestions: p.suggestions.as_ref().is_some_and(|s| !s.is_blank()),
    };
    let satisfaction = p.satisfaction;
    Ok(move |case: &mut Case| {
        case.follow_ups.push(follow_up);
        note_satisfaction(case, EventKind::FollowUpVisited, on.at, satisfaction);
        case.status = Status::FollowedUp;
    })
}

/// §5.2.1: the case is closed (§5.1.2: not while the complainant's dissatisfaction awaits
/// re-handling, unless the policy lets it close: [`precheck`]).
fn closed(case: &Case, on: On, _: Closed) -> Checked<impl Change + use<>> {
    let unsatisfied = case.dissatisfied.is_some();
    Ok(move |case: &mut Case| {
        case.closed_at = Some(on.at);
        case.closed_unsatisfied = unsatisfied;
        case.status = Status::Closed;
    })
}

/// §5.1.2: the complaint office reopens a closed case (not one archived or ended without
/// resolution: [`allowed_in`]) when the complainant turns out not to be satisfied or objects
/// after closing, with the reason. Like an objection it opens a re-handling round, its clock
/// running from the reopening; the case is open again (its closing undone, kept in the
/// reopening) and closes again only as any round ends: handled again, the result fed back,
/// the follow-up visit made, nobody left unsatisfied.
fn reopened(case: &Case, on: On, p: Reopened) -> Checked<impl Change + use<>> {
    if p.reason.is_blank() {
        return Err(CaseError::ReasonRequired {
            event: EventKind::Reopened,
        });
    }
    let closed_at = case.closed_at.unwrap_or(case.last_at);
    Ok(move |case: &mut Case| {
        case.reopenings.push(Reopening {
            at: on.at,
            closed_at,
        });
        case.closed_at = None;
        case.closed_unsatisfied = false;
        // The new round answers whatever dissatisfaction the case was closed with.
        case.dissatisfied = None;
        case.rounds.push(Round {
            rehandling: true,
            trigger: EventKind::Reopened,
            started: on.at,
            opened: on.at,
            completed: None,
            fed_back: None,
            satisfaction: None,
        });
        case.status = Status::Objection;
    })
}

/// §1.2, §2.1: a complaint is rejected on a ground, with a reason; as inadmissible only when
/// intake found it so.
fn rejected(case: &Case, on: On, p: Rejected) -> Checked<impl Change + use<>> {
    if p.reason.is_blank() {
        return Err(CaseError::ReasonRequired {
            event: EventKind::Rejected,
        });
    }
    if p.ground == RejectionGround::Inadmissible && case.intake.admissible {
        return Err(CaseError::RejectionUnfounded);
    }
    Ok(dispose(Disposition {
        kind: DispositionKind::Rejected,
        at: on.at,
        ground: Some(p.ground),
        into: None,
    }))
}

/// The complainant withdrew the complaint.
fn withdrawn(_: &Case, on: On, _: Withdrawn) -> Checked<impl Change + use<>> {
    Ok(dispose(Disposition {
        kind: DispositionKind::Withdrawn,
        at: on.at,
        ground: None,
        into: None,
    }))
}

/// §2.2.3: a duplicate is merged into another case, never into itself.
fn merged(case: &Case, on: On, p: Merged) -> Checked<impl Change + use<>> {
    if case.number == Some(p.into) {
        return Err(CaseError::MergedIntoItself);
    }
    Ok(dispose(Disposition {
        kind: DispositionKind::Merged,
        at: on.at,
        ground: None,
        into: Some(p.into),
    }))
}

/// §2.2.1: a complaint lapses once `deadlines.lapse` has passed since the office asked for the
/// missing information without an answer.
fn lapsed(case: &Case, on: On, _: Lapsed) -> Checked<impl Change + use<>> {
    let asked = case.awaiting_since.unwrap_or(case.received_at);
    // The wait belongs to the registration: its calendar counts it.
    let (_, calendar) = schedule::calendar_of(case, Stage::Registration);
    let due = period::end(calendar, asked, case.policy.deadlines().lapse)
        .map_err(|_| CaseError::LapseNotDue)?
        .due;
    if on.at < due {
        return Err(CaseError::LapseNotDue);
    }
    Ok(dispose(Disposition {
        kind: DispositionKind::Lapsed,
        at: on.at,
        ground: None,
        into: None,
    }))
}

fn dispose(disposition: Disposition) -> impl Change + use<> {
    move |case: &mut Case| {
        // The wait for information ends with the case.
        if let Some(pause) = case.pauses.last_mut()
            && pause.to.is_none()
        {
            pause.to = Some(disposition.at);
        }
        case.status = disposition.kind.status();
        case.disposition = Some(disposition);
    }
}

/// §6.2.1: the archive file holds the documents that apply: all five for a closed case, those
/// of the stages it reached for one that ended without resolution.
fn archived(case: &Case, on: On, p: Archived) -> Checked<impl Change + use<>> {
    let missing: Vec<Document> = case
        .required_documents()
        .into_iter()
        .filter(|d| !p.documents.contains(d))
        .collect();
    if !missing.is_empty() {
        return Err(CaseError::ArchiveIncomplete { missing });
    }
    let mut filed: Vec<Document> = p.documents;
    filed.sort();
    filed.dedup();
    Ok(move |case: &mut Case| {
        case.documents = filed;
        case.archived_at = Some(on.at);
        case.status = Status::Archived;
    })
}

/// §6.2.2: a legal hold forbids destruction.
fn legal_hold_placed(_: &Case, _: On, _: LegalHoldPlaced) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| case.legal_hold = true)
}

/// §6.2.2: the legal hold ended.
fn legal_hold_released(_: &Case, _: On, _: LegalHoldReleased) -> Checked<impl Change + use<>> {
    Ok(move |case: &mut Case| case.legal_hold = false)
}

/// §6.2.2: only company leadership approves destruction.
fn destruction_approved(_: &Case, on: On, _: DestructionApproved) -> Checked<impl Change + use<>> {
    require_role(on, ActorRole::Leadership, CaseError::ApproverNotLeadership)?;
    Ok(move |case: &mut Case| case.destruction_approved_at = Some(on.at))
}

/// §6.2.2: destruction after the retention period, with leadership's approval, without a
/// legal hold.
fn destroyed(case: &Case, on: On, _: Destroyed) -> Checked<impl Change + use<>> {
    let offset = case.policy.office_offset();
    let archived_on = case
        .archived_on()
        .unwrap_or_else(|| office_date(on.at, offset));
    let decision = archive::may_destroy_under(
        case.policy.calendar(),
        case.policy.retention(),
        archived_on,
        case.destruction_approved_at.map(|a| office_date(a, offset)),
        case.legal_hold,
        office_date(on.at, offset),
    )
    .map_err(|_| CaseError::DestructionRefused {
        reason: archive::Refusal::RetentionNotExpired,
    })?;
    if let Some(reason) = decision.reason {
        return Err(CaseError::DestructionRefused { reason });
    }
    Ok(move |case: &mut Case| {
        case.destroyed_at = Some(on.at);
        case.status = Status::Destroyed;
    })
}
