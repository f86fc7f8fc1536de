//! The guards of the policy and the state changes of each event. Every guard runs before the
//! first change, so a refused event leaves the case exactly as it was.

use super::event::{EventBody, EventKind, EvidenceKind};
use super::status::{Status, allowed_in};
use super::{ActorRole, Assessment, Case, CaseError, Event, FollowUp, Pause, Round};
use crate::archive::{self, Document};
use crate::intake::{self, Complaint};
use crate::period;
use crate::policy::Policy;
use crate::time::{YearMonth, office_date};
use crate::triage::{self, Track};

pub(super) fn open(policy: &Policy, event: Event) -> Result<Case, CaseError> {
    let Event { at, body, .. } = event;
    let EventBody::Received(mut complaint) = body else {
        return Err(CaseError::NotReceivedFirst);
    };
    complaint.received_at.get_or_insert(at);
    let intake = intake::check(policy, &complaint);
    Ok(Case {
        policy: policy.clone(),
        status: Status::Received,
        complaint,
        superseded: Vec::new(),
        intake,
        received_at: at,
        last_at: at,
        events: 1,
        pauses: Vec::new(),
        number: None,
        registered_at: None,
        category: None,
        department: None,
        assessment: None,
        team: Vec::new(),
        team_formed_at: None,
        investigation_planned_at: None,
        evidence: Vec::new(),
        progress_reports: Vec::new(),
        plan_submitted: Vec::new(),
        plan_returned: Vec::new(),
        findings: Vec::new(),
        plan_extended_until: None,
        approved_at: None,
        problems: 0,
        rounds: Vec::new(),
        objections: Vec::new(),
        follow_ups: Vec::new(),
        closed_at: None,
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
        _ => {}
    }
    Ok(())
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn require_role(event: &Event, role: ActorRole, error: CaseError) -> Result<(), CaseError> {
    if event.role == Some(role) {
        Ok(())
    } else {
        Err(error)
    }
}

pub(super) fn apply(case: &mut Case, event: Event) -> Result<(), CaseError> {
    let kind = event.kind();
    precheck(case, kind)?;
    if event.at < case.last_at {
        return Err(CaseError::TimeReversed);
    }
    let at = event.at;
    let offset = case.policy.office_offset();
    match &event.body {
        EventBody::Received(_) => return Err(CaseError::NotReceivedFirst),
        EventBody::InformationRequested { fields } => {
            if fields.is_empty() {
                return Err(CaseError::invalid_event(
                    "fields",
                    "name at least one field",
                ));
            }
            if case.status != Status::AwaitingInformation {
                case.pauses.push(Pause { from: at, to: None });
            }
            case.status = Status::AwaitingInformation;
        }
        EventBody::InformationSupplied {
            name,
            contact,
            content,
        } => {
            let mut complaint: Complaint = case.complaint.clone();
            if name.is_some() || contact.is_some() {
                let mut former = case.personal_data();
                former.content = None;
                case.superseded.push(former);
            }
            if let Some(v) = name {
                complaint.name = Some(v.expose().clone());
            }
            if let Some(v) = contact {
                complaint.contact = Some(v.expose().clone());
            }
            if let Some(v) = content {
                complaint.content = Some(v.expose().clone());
            }
            case.intake = intake::check(&case.policy, &complaint);
            case.complaint = complaint;
            if let Some(pause) = case.pauses.last_mut() {
                pause.to = Some(at);
            }
            case.status = Status::Received;
        }
        EventBody::Registered { number } => {
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
            if number.year_month() != YearMonth::of_instant(case.received_at, offset) {
                return Err(CaseError::NumberMonthMismatch);
            }
            case.number = Some(*number);
            case.registered_at = Some(at);
            case.status = Status::Registered;
        }
        EventBody::Classified {
            category,
            department,
        } => {
            let default = &case
                .policy
                .classification()
                .category(category)
                .ok_or(CaseError::UnknownCategory)?
                .department;
            if let Some(d) = department
                && case.policy.classification().department(d).is_none()
            {
                return Err(CaseError::UnknownDepartment);
            }
            case.department = Some(department.clone().unwrap_or_else(|| default.clone()));
            case.category = Some(category.clone());
        }
        EventBody::Assessed {
            severity,
            urgency,
            complexity,
        } => {
            let result = triage::assess(&case.policy, *severity, *urgency, *complexity);
            case.assessment = Some(Assessment {
                severity: *severity,
                urgency: *urgency,
                complexity: *complexity,
                emergency: result.emergency,
                track: result.track,
            });
        }
        EventBody::TeamFormed { members } => {
            if members.is_empty() {
                return Err(CaseError::TeamEmpty);
            }
            case.team = members.clone();
            case.team_formed_at.get_or_insert(at);
            case.status = Status::Investigating;
        }
        EventBody::InvestigationPlanned { steps } => {
            let complete = !steps.is_empty()
                && steps.iter().all(|s| {
                    !s.description.is_blank()
                        && s.due.is_some()
                        && s.owner.as_deref().is_some_and(|o| !blank(o))
                });
            if !complete {
                return Err(CaseError::InvestigationPlanIncomplete);
            }
            case.investigation_planned_at = Some(at);
        }
        EventBody::EvidenceAdded { kind, signed, .. } => {
            if *kind == EvidenceKind::Interview && *signed != Some(true) {
                return Err(CaseError::UnsignedInterview);
            }
            case.evidence.push((*kind, at));
        }
        EventBody::ProgressReported { .. } => case.progress_reports.push(at),
        EventBody::PlanSubmitted {
            analysis,
            responsibility,
            measures,
            time_points,
            findings,
        } => {
            let mut missing = Vec::new();
            if analysis.is_blank() {
                missing.push("analysis");
            }
            if responsibility.is_blank() {
                missing.push("responsibility");
            }
            if measures.is_blank() {
                missing.push("measures");
            }
            if time_points.is_empty() || time_points.iter().any(|t| t.what.is_blank()) {
                missing.push("time_points");
            }
            if !missing.is_empty() {
                return Err(CaseError::PlanIncomplete { missing });
            }
            case.findings = findings.clone();
            case.plan_submitted.push(at);
            case.status = Status::PlanDrafted;
        }
        EventBody::PlanExtended { until, .. } => {
            let registered = case.registered_at.unwrap_or(case.received_at);
            let calendar = case.policy.calendar();
            let deadlines = case.policy.deadlines();
            let cap = period::end(calendar, registered, deadlines.plan_extended_max)
                .map_err(|_| CaseError::ExtensionBeyondCap)?;
            if *until > cap.last_day {
                return Err(CaseError::ExtensionBeyondCap);
            }
            let current = match case.plan_extended_until {
                Some(day) => day,
                None => {
                    period::end(calendar, registered, deadlines.plan)
                        .map_err(|_| CaseError::ExtensionNotLater)?
                        .last_day
                }
            };
            if *until <= current {
                return Err(CaseError::ExtensionNotLater);
            }
            case.plan_extended_until = Some(*until);
        }
        EventBody::PlanReturned { .. } => {
            require_role(
                &event,
                ActorRole::Management,
                CaseError::ApproverNotManagement,
            )?;
            case.plan_returned.push(at);
            case.status = Status::PlanReturned;
        }
        EventBody::PlanApproved => {
            require_role(
                &event,
                ActorRole::Management,
                CaseError::ApproverNotManagement,
            )?;
            case.approved_at = Some(at);
            case.status = Status::Approved;
        }
        EventBody::ImplementationStarted { department } => {
            if let Some(d) = department {
                case.department = Some(d.clone());
            }
            case.rounds.push(Round {
                rehandling: false,
                started: at,
                completed: None,
                fed_back: None,
                satisfaction: None,
            });
            case.status = Status::Implementing;
        }
        EventBody::ProblemRaised { .. } => case.problems += 1,
        EventBody::ImplementationCompleted | EventBody::RehandlingCompleted => {
            if let Some(round) = case.rounds.last_mut() {
                round.completed = Some(at);
            }
        }
        EventBody::ResultFedBack {
            process,
            result,
            satisfaction,
        } => {
            let mut missing = Vec::new();
            if process.is_blank() {
                missing.push("process");
            }
            if result.is_blank() {
                missing.push("result");
            }
            if !missing.is_empty() {
                return Err(CaseError::ReportIncomplete { missing });
            }
            if let Some(round) = case.rounds.last_mut() {
                round.fed_back = Some(at);
                round.satisfaction = Some(*satisfaction);
            }
            case.status = Status::ResultFedBack;
        }
        EventBody::ObjectionRaised { .. } => {
            // The re-handling clock runs from the objection (§5.1.2).
            case.objections.push(at);
            case.rounds.push(Round {
                rehandling: true,
                started: at,
                completed: None,
                fed_back: None,
                satisfaction: None,
            });
            case.status = Status::Objection;
        }
        EventBody::RehandlingStarted => case.status = Status::Rehandling,
        EventBody::FollowUpVisited {
            satisfaction,
            suggestions,
            ..
        } => {
            case.follow_ups.push(FollowUp {
                at,
                satisfaction: *satisfaction,
                suggestions: suggestions.as_ref().is_some_and(|s| !s.is_blank()),
            });
            case.status = Status::FollowedUp;
        }
        EventBody::Closed => {
            case.closed_at = Some(at);
            case.status = Status::Closed;
        }
        EventBody::Archived { documents } => {
            let missing = archive::missing_documents(documents);
            if !missing.is_empty() {
                return Err(CaseError::ArchiveIncomplete { missing });
            }
            let mut filed: Vec<Document> = documents.clone();
            filed.sort();
            filed.dedup();
            case.documents = filed;
            case.archived_at = Some(at);
            case.status = Status::Archived;
        }
        EventBody::LegalHoldPlaced { .. } => case.legal_hold = true,
        EventBody::LegalHoldReleased => case.legal_hold = false,
        EventBody::DestructionApproved => {
            require_role(
                &event,
                ActorRole::Leadership,
                CaseError::ApproverNotLeadership,
            )?;
            case.destruction_approved_at = Some(at);
        }
        EventBody::Destroyed => {
            let archived_on = case
                .archived_on()
                .unwrap_or_else(|| office_date(at, offset));
            let decision = archive::may_destroy_with(
                case.policy.calendar(),
                case.policy.retention().period,
                archived_on,
                case.destruction_approved_at.map(|a| office_date(a, offset)),
                case.legal_hold,
                office_date(at, offset),
            )
            .map_err(|_| CaseError::DestructionRefused {
                reason: archive::Refusal::RetentionNotExpired,
            })?;
            if let Some(reason) = decision.reason {
                return Err(CaseError::DestructionRefused { reason });
            }
            case.destroyed_at = Some(at);
            case.status = Status::Destroyed;
        }
    }
    case.last_at = at;
    case.events += 1;
    Ok(())
}
