//! Typed events (§2–§6): one [`CaseEvent`] variant per event type of the core, with typed
//! fields, so that a Kotlin host writes `CaseEvent.Registered(at, number)` instead of JSON text.
//!
//! The JSON-backed [`Event`] object stays the form a store reads and
//! writes; `event_from_json` / `event_to_json` and `Event.typed()` / `Event.fromTyped()` move
//! between the two, and `Case.replayEvents` / `Case.applyEvent` take typed events. Both forms
//! are the core's `case::Event`, so they replay identically.
//!
//! The core's `EventBody` is `#[non_exhaustive]`: converting it needs a wildcard arm, so a type
//! the core gains is caught by the tests below (every `EventKind` must convert), not by the
//! compiler.

use std::sync::Arc;

use complaint_office::archive as core_archive;
use complaint_office::case::payload as p;
use complaint_office::case::{self as core, EventBody};
use serde_json::Value;

use crate::accountability::Finding;
use crate::archive::Document;
use crate::case::{
    ActorRole, Case, Event, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction, TeamRole, arc,
};
use crate::error::{Result, guard};
use crate::intake::{Complaint, RegistrationField};
use crate::number::ComplaintNumber;
use crate::policy::{Policy, PolicySet};
use crate::time::{LocalDate, OffsetDateTime};
use crate::triage::{Complexity, Severity, Urgency};
use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// Why a complaint is rejected (§1.2, §2.1).
    RejectionGround = core::RejectionGround, parse_rejection_ground {
        /// §2.1: not admissible through its channel.
        Inadmissible,
        /// §1.2: not a complaint (an enquiry, a suggestion, spam).
        NotAComplaint,
        /// §1.2: not about the company, or not from an employee, customer or partner.
        OutOfScope,
    }
}

/// A member of the investigation team (§3.1); the core's `case::Member`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TeamMember {
    /// Staff id.
    pub id: String,
    /// Role on the team.
    pub role: TeamRole,
    /// Department, if any.
    #[uniffi(default = None)]
    pub department: Option<String>,
}

/// A step of the investigation plan (§3.3.1); the core's `case::Step`. Its `Debug` leaves out
/// the description (free text).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct InvestigationStep {
    /// What is done.
    pub description: String,
    /// The time point.
    #[uniffi(default = None)]
    pub due: Option<LocalDate>,
    /// The person responsible (staff id).
    #[uniffi(default = None)]
    pub owner: Option<String>,
}

impl std::fmt::Debug for InvestigationStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InvestigationStep")
            .field("due", &self.due)
            .field("owner", &self.owner)
            .finish_non_exhaustive()
    }
}

/// A time point of a handling plan (§4.1.1); the core's `case::payload::TimePoint`. Its
/// `Debug` leaves out what is done (free text).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct PlanTimePoint {
    /// What is done.
    pub what: String,
    /// By when.
    pub due: LocalDate,
}

impl std::fmt::Debug for PlanTimePoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanTimePoint")
            .field("due", &self.due)
            .finish_non_exhaustive()
    }
}

/// One event of a case's history, typed: a variant per event type (a sealed class in Kotlin).
/// Every variant has `at` (when), and `by` (a staff id) and `role` (in which role), both
/// optional; the other fields are the type's payload, as in the JSON form (`snake_case` keys
/// become `camelCase` fields). Free-text fields are personal data: `toString()` names them,
/// never shows them.
#[derive(Clone, PartialEq, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum CaseEvent {
    /// §2.2.1: the complaint arrived; its `receivedAt` is `at` unless given.
    Received {
        /// When.
        at: OffsetDateTime,
        /// The complaint as received.
        complaint: Complaint,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.1: the registrar asked the complainant for missing information.
    InformationRequested {
        /// When.
        at: OffsetDateTime,
        /// What is asked for.
        fields: Vec<RegistrationField>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.1: the complainant supplied it; absent fields stay as they were.
    InformationSupplied {
        /// When.
        at: OffsetDateTime,
        /// The name.
        #[uniffi(default = None)]
        name: Option<String>,
        /// Contact details.
        #[uniffi(default = None)]
        contact: Option<String>,
        /// The content.
        #[uniffi(default = None)]
        content: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.1, §2.2.3: initial registration, with the complaint number.
    Registered {
        /// When.
        at: OffsetDateTime,
        /// The number issued.
        number: Arc<ComplaintNumber>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.2: category and department concerned.
    Classified {
        /// When.
        at: OffsetDateTime,
        /// A category code of the policy.
        category: String,
        /// The department concerned; the category's default when absent.
        #[uniffi(default = None)]
        department: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.4: severity, urgency and complexity.
    Assessed {
        /// When.
        at: OffsetDateTime,
        /// Severity.
        severity: Severity,
        /// Urgency.
        urgency: Urgency,
        /// Complexity.
        complexity: Complexity,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.4: the emergency procedure started.
    EmergencyProcedureStarted {
        /// When.
        at: OffsetDateTime,
        /// What was done first.
        #[uniffi(default = None)]
        measures: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §3.1: the investigation team.
    TeamFormed {
        /// When.
        at: OffsetDateTime,
        /// Members.
        members: Vec<TeamMember>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §3.3.1: the written investigation plan.
    InvestigationPlanned {
        /// When.
        at: OffsetDateTime,
        /// Steps.
        steps: Vec<InvestigationStep>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §3.2: a piece of evidence.
    EvidenceAdded {
        /// When.
        at: OffsetDateTime,
        /// Method.
        kind: EvidenceKind,
        /// For interviews: whether the record is signed by the person interviewed.
        #[uniffi(default = None)]
        signed: Option<bool>,
        /// For interviews: who.
        #[uniffi(default = None)]
        interviewee: Option<Interviewee>,
        /// A summary.
        #[uniffi(default = None)]
        summary: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §3.3.3: the complainant was told of progress.
    ProgressReported {
        /// When.
        at: OffsetDateTime,
        /// A note.
        #[uniffi(default = None)]
        note: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.1.1: the handling plan, for management review.
    PlanSubmitted {
        /// When.
        at: OffsetDateTime,
        /// Problem analysis.
        #[uniffi(default = "")]
        analysis: String,
        /// Responsibility determination.
        #[uniffi(default = "")]
        responsibility: String,
        /// Measures.
        #[uniffi(default = "")]
        measures: String,
        /// Time points.
        #[uniffi(default = [])]
        time_points: Vec<PlanTimePoint>,
        /// Responsibility findings (§8.1).
        #[uniffi(default = [])]
        findings: Vec<Finding>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.1.2: the plan limit extended to the end of `until`.
    PlanExtended {
        /// When.
        at: OffsetDateTime,
        /// The new last day.
        until: LocalDate,
        /// Why.
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.2: management sent the plan back for modification.
    PlanReturned {
        /// When.
        at: OffsetDateTime,
        /// Why.
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.2: management approved the plan.
    PlanApproved {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.3.1: the responsible department started implementing.
    ImplementationStarted {
        /// When.
        at: OffsetDateTime,
        /// The responsible department; the case's department when absent.
        #[uniffi(default = None)]
        department: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.3.2: the department raised a problem with the team.
    ProblemRaised {
        /// When.
        at: OffsetDateTime,
        /// The problem.
        #[uniffi(default = "")]
        description: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.4.1: implementation complete.
    ImplementationCompleted {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §4.4.1, §4.4.2: the result went to the complainant, with the written report.
    ResultFedBack {
        /// When.
        at: OffsetDateTime,
        /// The complainant's satisfaction (`UNKNOWN` when not stated).
        satisfaction: Satisfaction,
        /// The handling process.
        #[uniffi(default = "")]
        process: String,
        /// The result.
        #[uniffi(default = "")]
        result: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.1.2: the complainant is not satisfied or objects.
    ObjectionRaised {
        /// When.
        at: OffsetDateTime,
        /// Why.
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.1.2: the department handles it again.
    RehandlingStarted {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.1.2: re-handling complete.
    RehandlingCompleted {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.1.2: management decided, with a reason, not to handle it again.
    RehandlingDeclined {
        /// When.
        at: OffsetDateTime,
        /// Why (required).
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.2: the follow-up visit.
    FollowUpVisited {
        /// When.
        at: OffsetDateTime,
        /// Phone or questionnaire.
        method: FollowUpMethod,
        /// Satisfaction.
        satisfaction: Satisfaction,
        /// Suggestions.
        #[uniffi(default = None)]
        suggestions: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §5.2.1: the case is closed.
    Closed {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §1.2, §2.1: not taken up, on a ground and with a reason.
    Rejected {
        /// When.
        at: OffsetDateTime,
        /// On what ground.
        ground: RejectionGround,
        /// Why (required).
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.1.1: withdrawn by the complainant.
    Withdrawn {
        /// When.
        at: OffsetDateTime,
        /// Why, if the complainant said.
        #[uniffi(default = None)]
        reason: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.3: a duplicate, handled under another case's number.
    Merged {
        /// When.
        at: OffsetDateTime,
        /// The number of the case it is merged into.
        into: Arc<ComplaintNumber>,
        /// Why, if noted.
        #[uniffi(default = None)]
        reason: Option<String>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §2.2.1: the missing information never came within `deadlines.lapse`.
    Lapsed {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.2.1: filed in the archive with its documents.
    Archived {
        /// When.
        at: OffsetDateTime,
        /// The documents filed.
        documents: Vec<Document>,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.2.2: a legal hold forbids destruction.
    LegalHoldPlaced {
        /// When.
        at: OffsetDateTime,
        /// Why.
        #[uniffi(default = "")]
        reason: String,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.2.2: the legal hold ended.
    LegalHoldReleased {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.2.2: company leadership approved destruction.
    DestructionApproved {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
    /// §6.2.2: the files were destroyed.
    Destroyed {
        /// When.
        at: OffsetDateTime,
        /// Who did it (staff id).
        #[uniffi(default = None)]
        by: Option<String>,
        /// In which role.
        #[uniffi(default = None)]
        role: Option<ActorRole>,
    },
}

fn text(s: String) -> p::Text {
    s.into()
}

fn opt_text(s: Option<String>) -> Option<p::Text> {
    s.map(Into::into)
}

fn plain(t: &p::Text) -> String {
    t.expose().clone()
}

fn opt_plain(t: &Option<p::Text>) -> Option<String> {
    t.as_ref().map(plain)
}

impl CaseEvent {
    /// The core's event: envelope and body.
    pub(crate) fn to_core(&self) -> core::Event {
        use CaseEvent as E;
        let (at, by, role, body): (_, _, _, EventBody) = match self.clone() {
            E::Received {
                at,
                complaint,
                by,
                role,
            } => {
                // As when read from JSON: received at `at` unless it says otherwise.
                let mut complaint = core_complaint(complaint);
                complaint.received_at.get_or_insert(at);
                (at, by, role, complaint.into())
            }
            E::InformationRequested {
                at,
                fields,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::InformationRequested {
                    fields: fields.into_iter().map(Into::into).collect(),
                }
                .into(),
            ),
            E::InformationSupplied {
                at,
                name,
                contact,
                content,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::InformationSupplied {
                    name: opt_text(name),
                    contact: opt_text(contact),
                    content: opt_text(content),
                }
                .into(),
            ),
            E::Registered {
                at,
                number,
                by,
                role,
            } => (at, by, role, p::Registered { number: number.0 }.into()),
            E::Classified {
                at,
                category,
                department,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Classified {
                    category,
                    department,
                }
                .into(),
            ),
            E::Assessed {
                at,
                severity,
                urgency,
                complexity,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Assessed {
                    severity: severity.into(),
                    urgency: urgency.into(),
                    complexity: complexity.into(),
                }
                .into(),
            ),
            E::EmergencyProcedureStarted {
                at,
                measures,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::EmergencyProcedureStarted {
                    measures: opt_text(measures),
                }
                .into(),
            ),
            E::TeamFormed {
                at,
                members,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::TeamFormed {
                    members: members
                        .into_iter()
                        .map(|m| p::Member {
                            id: m.id,
                            role: m.role.into(),
                            department: m.department,
                        })
                        .collect(),
                }
                .into(),
            ),
            E::InvestigationPlanned {
                at,
                steps,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::InvestigationPlanned {
                    steps: steps
                        .into_iter()
                        .map(|s| p::Step {
                            description: text(s.description),
                            due: s.due,
                            owner: s.owner,
                        })
                        .collect(),
                }
                .into(),
            ),
            E::EvidenceAdded {
                at,
                kind,
                signed,
                interviewee,
                summary,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::EvidenceAdded {
                    kind: kind.into(),
                    signed,
                    interviewee: interviewee.map(Into::into),
                    summary: opt_text(summary),
                }
                .into(),
            ),
            E::ProgressReported { at, note, by, role } => (
                at,
                by,
                role,
                p::ProgressReported {
                    note: opt_text(note),
                }
                .into(),
            ),
            E::PlanSubmitted {
                at,
                analysis,
                responsibility,
                measures,
                time_points,
                findings,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::PlanSubmitted {
                    analysis: text(analysis),
                    responsibility: text(responsibility),
                    measures: text(measures),
                    time_points: time_points
                        .into_iter()
                        .map(|t| p::TimePoint {
                            what: text(t.what),
                            due: t.due,
                        })
                        .collect(),
                    findings: findings.into_iter().map(Into::into).collect(),
                }
                .into(),
            ),
            E::PlanExtended {
                at,
                until,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::PlanExtended {
                    until,
                    reason: text(reason),
                }
                .into(),
            ),
            E::PlanReturned {
                at,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::PlanReturned {
                    reason: text(reason),
                }
                .into(),
            ),
            E::PlanApproved { at, by, role } => (at, by, role, p::PlanApproved {}.into()),
            E::ImplementationStarted {
                at,
                department,
                by,
                role,
            } => (at, by, role, p::ImplementationStarted { department }.into()),
            E::ProblemRaised {
                at,
                description,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::ProblemRaised {
                    description: text(description),
                }
                .into(),
            ),
            E::ImplementationCompleted { at, by, role } => {
                (at, by, role, p::ImplementationCompleted {}.into())
            }
            E::ResultFedBack {
                at,
                satisfaction,
                process,
                result,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::ResultFedBack {
                    process: text(process),
                    result: text(result),
                    satisfaction: satisfaction.into(),
                }
                .into(),
            ),
            E::ObjectionRaised {
                at,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::ObjectionRaised {
                    reason: text(reason),
                }
                .into(),
            ),
            E::RehandlingStarted { at, by, role } => (at, by, role, p::RehandlingStarted {}.into()),
            E::RehandlingCompleted { at, by, role } => {
                (at, by, role, p::RehandlingCompleted {}.into())
            }
            E::RehandlingDeclined {
                at,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::RehandlingDeclined {
                    reason: text(reason),
                }
                .into(),
            ),
            E::FollowUpVisited {
                at,
                method,
                satisfaction,
                suggestions,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::FollowUpVisited {
                    method: method.into(),
                    satisfaction: satisfaction.into(),
                    suggestions: opt_text(suggestions),
                }
                .into(),
            ),
            E::Closed { at, by, role } => (at, by, role, p::Closed {}.into()),
            E::Rejected {
                at,
                ground,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Rejected {
                    ground: ground.into(),
                    reason: text(reason),
                }
                .into(),
            ),
            E::Withdrawn {
                at,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Withdrawn {
                    reason: opt_text(reason),
                }
                .into(),
            ),
            E::Merged {
                at,
                into,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Merged {
                    into: into.0,
                    reason: opt_text(reason),
                }
                .into(),
            ),
            E::Lapsed { at, by, role } => (at, by, role, p::Lapsed {}.into()),
            E::Archived {
                at,
                documents,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::Archived {
                    documents: documents
                        .into_iter()
                        .map(core_archive::Document::from)
                        .collect(),
                }
                .into(),
            ),
            E::LegalHoldPlaced {
                at,
                reason,
                by,
                role,
            } => (
                at,
                by,
                role,
                p::LegalHoldPlaced {
                    reason: text(reason),
                }
                .into(),
            ),
            E::LegalHoldReleased { at, by, role } => (at, by, role, p::LegalHoldReleased {}.into()),
            E::DestructionApproved { at, by, role } => {
                (at, by, role, p::DestructionApproved {}.into())
            }
            E::Destroyed { at, by, role } => (at, by, role, p::Destroyed {}.into()),
        };
        core::Event {
            at,
            by,
            role: role.map(Into::into),
            body,
        }
    }

    /// The typed form of a core event.
    ///
    /// # Errors
    /// `case.unknown_event` for an event type this binding does not know yet (the core's
    /// `EventBody` is non-exhaustive; the tests make sure no such type exists).
    pub(crate) fn from_core(event: &core::Event) -> std::result::Result<Self, core::CaseError> {
        use CaseEvent as E;
        let at = event.at;
        let by = event.by.clone();
        let role = event.role.map(ActorRole::from);
        Ok(match &event.body {
            EventBody::Received(c) => E::Received {
                at,
                complaint: c.into(),
                by,
                role,
            },
            EventBody::InformationRequested(b) => E::InformationRequested {
                at,
                fields: b.fields.iter().map(|&f| f.into()).collect(),
                by,
                role,
            },
            EventBody::InformationSupplied(b) => E::InformationSupplied {
                at,
                name: opt_plain(&b.name),
                contact: opt_plain(&b.contact),
                content: opt_plain(&b.content),
                by,
                role,
            },
            EventBody::Registered(b) => E::Registered {
                at,
                number: ComplaintNumber::arc(b.number),
                by,
                role,
            },
            EventBody::Classified(b) => E::Classified {
                at,
                category: b.category.clone(),
                department: b.department.clone(),
                by,
                role,
            },
            EventBody::Assessed(b) => E::Assessed {
                at,
                severity: b.severity.into(),
                urgency: b.urgency.into(),
                complexity: b.complexity.into(),
                by,
                role,
            },
            EventBody::EmergencyProcedureStarted(b) => E::EmergencyProcedureStarted {
                at,
                measures: opt_plain(&b.measures),
                by,
                role,
            },
            EventBody::TeamFormed(b) => E::TeamFormed {
                at,
                members: b
                    .members
                    .iter()
                    .map(|m| TeamMember {
                        id: m.id.clone(),
                        role: m.role.into(),
                        department: m.department.clone(),
                    })
                    .collect(),
                by,
                role,
            },
            EventBody::InvestigationPlanned(b) => E::InvestigationPlanned {
                at,
                steps: b
                    .steps
                    .iter()
                    .map(|s| InvestigationStep {
                        description: plain(&s.description),
                        due: s.due,
                        owner: s.owner.clone(),
                    })
                    .collect(),
                by,
                role,
            },
            EventBody::EvidenceAdded(b) => E::EvidenceAdded {
                at,
                kind: b.kind.into(),
                signed: b.signed,
                interviewee: b.interviewee.map(Into::into),
                summary: opt_plain(&b.summary),
                by,
                role,
            },
            EventBody::ProgressReported(b) => E::ProgressReported {
                at,
                note: opt_plain(&b.note),
                by,
                role,
            },
            EventBody::PlanSubmitted(b) => E::PlanSubmitted {
                at,
                analysis: plain(&b.analysis),
                responsibility: plain(&b.responsibility),
                measures: plain(&b.measures),
                time_points: b
                    .time_points
                    .iter()
                    .map(|t| PlanTimePoint {
                        what: plain(&t.what),
                        due: t.due,
                    })
                    .collect(),
                findings: b.findings.iter().map(Into::into).collect(),
                by,
                role,
            },
            EventBody::PlanExtended(b) => E::PlanExtended {
                at,
                until: b.until,
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::PlanReturned(b) => E::PlanReturned {
                at,
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::PlanApproved(_) => E::PlanApproved { at, by, role },
            EventBody::ImplementationStarted(b) => E::ImplementationStarted {
                at,
                department: b.department.clone(),
                by,
                role,
            },
            EventBody::ProblemRaised(b) => E::ProblemRaised {
                at,
                description: plain(&b.description),
                by,
                role,
            },
            EventBody::ImplementationCompleted(_) => E::ImplementationCompleted { at, by, role },
            EventBody::ResultFedBack(b) => E::ResultFedBack {
                at,
                satisfaction: b.satisfaction.into(),
                process: plain(&b.process),
                result: plain(&b.result),
                by,
                role,
            },
            EventBody::ObjectionRaised(b) => E::ObjectionRaised {
                at,
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::RehandlingStarted(_) => E::RehandlingStarted { at, by, role },
            EventBody::RehandlingCompleted(_) => E::RehandlingCompleted { at, by, role },
            EventBody::RehandlingDeclined(b) => E::RehandlingDeclined {
                at,
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::FollowUpVisited(b) => E::FollowUpVisited {
                at,
                method: b.method.into(),
                satisfaction: b.satisfaction.into(),
                suggestions: opt_plain(&b.suggestions),
                by,
                role,
            },
            EventBody::Closed(_) => E::Closed { at, by, role },
            EventBody::Rejected(b) => E::Rejected {
                at,
                ground: b.ground.into(),
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::Withdrawn(b) => E::Withdrawn {
                at,
                reason: opt_plain(&b.reason),
                by,
                role,
            },
            EventBody::Merged(b) => E::Merged {
                at,
                into: ComplaintNumber::arc(b.into),
                reason: opt_plain(&b.reason),
                by,
                role,
            },
            EventBody::Lapsed(_) => E::Lapsed { at, by, role },
            EventBody::Archived(b) => E::Archived {
                at,
                documents: b.documents.iter().map(|&d| d.into()).collect(),
                by,
                role,
            },
            EventBody::LegalHoldPlaced(b) => E::LegalHoldPlaced {
                at,
                reason: plain(&b.reason),
                by,
                role,
            },
            EventBody::LegalHoldReleased(_) => E::LegalHoldReleased { at, by, role },
            EventBody::DestructionApproved(_) => E::DestructionApproved { at, by, role },
            EventBody::Destroyed(_) => E::Destroyed { at, by, role },
            _ => return Err(core::CaseError::UnknownEvent),
        })
    }
}

fn core_complaint(c: Complaint) -> complaint_office::intake::Complaint {
    c.into()
}

/// The keys of the JSON form whose values `toString()` may show: vocabularies, instants,
/// dates, numbers, codes and staff ids. Every other key (free text, names, contacts) is shown
/// by name only, so a field the core adds is hidden until it is listed here.
const SHOWN: &[&str] = &[
    "at",
    "by",
    "role",
    "channel",
    "complainant_kind",
    "received_at",
    "fields",
    "number",
    "category",
    "department",
    "severity",
    "urgency",
    "complexity",
    "kind",
    "signed",
    "interviewee",
    "until",
    "satisfaction",
    "method",
    "ground",
    "into",
    "documents",
];

/// `Registered(at=2025-09-26T11:00:00+08:00, number=25090001)`: the type, then the shown keys
/// in JSON order with their values, lists of records as their length, and the names of the
/// free-text fields present (`text=[name, contact, content]`), never their values.
impl std::fmt::Display for CaseEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let event = self.to_core();
        let Value::Object(mut map) = event.to_json_value() else {
            return write!(f, "{}", event.kind());
        };
        map.remove("type");
        let mut parts = Vec::new();
        let mut hidden = Vec::new();
        // `at` first, the rest in the JSON form's (sorted) order.
        let at = map.remove("at");
        for (key, value) in at.map(|v| ("at".to_owned(), v)).into_iter().chain(map) {
            let shown = match &value {
                Value::Null => continue,
                Value::String(s) if s.is_empty() => continue,
                Value::Array(items) if items.iter().any(Value::is_object) => {
                    Some(format!("{} item(s)", items.len()))
                }
                _ if !SHOWN.contains(&key.as_str()) => None,
                Value::String(s) => Some(s.clone()),
                Value::Array(items) => Some(format!(
                    "[{}]",
                    items
                        .iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                other => Some(other.to_string()),
            };
            match shown {
                Some(text) => parts.push(format!("{key}={text}")),
                None => hidden.push(key),
            }
        }
        if !hidden.is_empty() {
            parts.push(format!("text=[{}]", hidden.join(", ")));
        }
        write!(f, "{}({})", variant_name(event.kind()), parts.join(", "))
    }
}

/// The same as `Display`: free text is named, never shown.
impl std::fmt::Debug for CaseEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// `plan_submitted` → `PlanSubmitted`, the variant's name in every language.
fn variant_name(kind: core::EventKind) -> String {
    kind.as_str()
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// Reads one event from its JSON form (what a host stores) into its typed form.
///
/// # Errors
/// `case.unknown_event` for an unknown `type`; `case.invalid_event` naming the key for
/// anything else.
#[uniffi::export]
pub fn event_from_json(json: String) -> Result<CaseEvent> {
    guard(|| Ok(CaseEvent::from_core(&core::Event::from_json_str(&json)?)?))
}

/// The JSON form of a typed event, normalised as the core writes it (what
/// `event_from_json` and `Event.fromJson` read).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn event_to_json(event: CaseEvent) -> Result<String> {
    guard(|| Ok(event.to_core().to_json_value().to_string()))
}

/// Reads a JSON array of events into their typed form.
///
/// # Errors
/// `case.invalid_event` when the text is not an array; else the first bad event's code, with
/// its `index`.
#[uniffi::export]
pub fn events_from_json_typed(json: String) -> Result<Vec<CaseEvent>> {
    guard(|| {
        let events = crate::case::events_from_json(json)?;
        Ok(events
            .iter()
            .map(|e| CaseEvent::from_core(&e.0))
            .collect::<std::result::Result<_, _>>()?)
    })
}

#[uniffi::export]
impl Event {
    /// The event from its typed form.
    #[uniffi::constructor]
    pub fn from_typed(event: CaseEvent) -> Arc<Self> {
        Arc::new(Event(event.to_core()))
    }

    /// The event's typed form.
    ///
    /// # Errors
    /// `case.unknown_event` only for an event type this binding does not know.
    pub fn typed(&self) -> Result<CaseEvent> {
        guard(|| Ok(CaseEvent::from_core(&self.0)?))
    }
}

#[uniffi::export]
impl Case {
    /// Rebuilds a case from typed events. Deterministic; the same case as
    /// [`Case::replay`] with the same events in JSON form.
    ///
    /// # Errors
    /// The code (and clause, and `index`) of the first refused event.
    #[uniffi::constructor]
    pub fn replay_events(policy: Arc<Policy>, events: Vec<CaseEvent>) -> Result<Arc<Self>> {
        guard(|| {
            Ok(arc(core::Case::replay(
                &policy.0,
                events.iter().map(CaseEvent::to_core),
            )?))
        })
    }

    /// Rebuilds a case from typed events under the policy in force when it was received.
    ///
    /// # Errors
    /// As [`Case::replay_events`]; `case.no_policy` when no policy is in force then.
    #[uniffi::constructor]
    pub fn replay_events_in(policies: Arc<PolicySet>, events: Vec<CaseEvent>) -> Result<Arc<Self>> {
        guard(|| {
            Ok(arc(core::Case::replay_in(
                &policies.0,
                events.iter().map(CaseEvent::to_core),
            )?))
        })
    }

    /// Applies one typed event, or refuses it with the rule it breaks and leaves the case
    /// unchanged.
    ///
    /// # Errors
    /// A `case.*` code naming the clause.
    pub fn apply_event(&self, event: CaseEvent) -> Result<()> {
        guard(|| Ok(self.lock().apply(event.to_core())?))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Every object with a string `type` and an `at` in the vectors, with its file.
    fn vector_events() -> Vec<(String, Value)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut found = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            collect(&value, &name, &mut found);
        }
        found
    }

    fn collect(value: &Value, file: &str, out: &mut Vec<(String, Value)>) {
        match value {
            Value::Object(map) => {
                if map.get("type").is_some_and(Value::is_string) && map.contains_key("at") {
                    out.push((file.to_owned(), value.clone()));
                }
                map.values().for_each(|v| collect(v, file, out));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, file, out)),
            _ => {}
        }
    }

    /// The smallest event of each type, for the types no vector has.
    fn smallest(kind: core::EventKind) -> Option<Value> {
        let at = "2025-09-26T10:00:00+08:00";
        Some(match kind {
            core::EventKind::ProblemRaised => {
                serde_json::json!({"type": "problem_raised", "at": at, "description": "no parts"})
            }
            _ => return None,
        })
    }

    #[test]
    fn every_event_type_of_the_core_has_a_typed_variant() {
        let events = vector_events();
        let mut seen = BTreeSet::new();
        for (file, value) in &events {
            let Ok(event) = core::Event::from_json_value(value.clone()) else {
                continue; // a vector of a refused event
            };
            let typed = CaseEvent::from_core(&event)
                .unwrap_or_else(|e| panic!("{file}: {} has no typed variant: {e}", event.kind()));
            assert_eq!(typed.to_core(), event, "{file}: {value}");
            assert_eq!(
                variant_name(event.kind()),
                typed.to_string().split('(').next().unwrap(),
                "{file}"
            );
            seen.insert(event.kind());
        }
        for &kind in core::EventKind::ALL {
            if seen.contains(&kind) {
                continue;
            }
            let value = smallest(kind).unwrap_or_else(|| {
                panic!("no vector and no sample of a `{kind}` event: add one, and its variant")
            });
            let event = core::Event::from_json_value(value).unwrap();
            let typed = CaseEvent::from_core(&event)
                .unwrap_or_else(|e| panic!("{kind} has no typed variant: {e}"));
            assert_eq!(typed.to_core(), event);
            seen.insert(kind);
        }
        assert_eq!(seen.len(), core::EventKind::ALL.len());
    }

    #[test]
    fn json_round_trips_through_the_typed_form() {
        for (file, value) in vector_events() {
            let Ok(event) = core::Event::from_json_value(value) else {
                continue;
            };
            let json = event.to_json_value().to_string();
            let typed = event_from_json(json.clone()).unwrap();
            assert_eq!(event_to_json(typed).unwrap(), json, "{file}");
        }
    }

    /// The typed form carries every key of the stored format: each event of
    /// `tests/api/events.schema.json` (generated from the core's types by `tools/boundary`),
    /// with every key of its payload set, goes through `CaseEvent` and back unchanged. A key the
    /// core gains and `CaseEvent` lacks fails here.
    #[test]
    fn the_typed_form_keeps_every_key_of_the_core_s_event_format() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/api/events.schema.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let events = schema["events"].as_array().unwrap();
        assert_eq!(events.len(), core::EventKind::ALL.len());
        for event in events {
            let example = &event["example"];
            let typed = event_from_json(example.to_string()).unwrap();
            let back: Value = serde_json::from_str(&event_to_json(typed).unwrap()).unwrap();
            assert_eq!(&back, example, "{}", event["type"]);
        }
    }

    #[test]
    fn printing_names_free_text_and_never_shows_it() {
        let received = event_from_json(
            r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
                "complainant_kind": "customer", "name": "張三豐", "contact": "13812345678",
                "content": "張三豐 broke it"}"#
                .to_owned(),
        )
        .unwrap();
        let text = received.to_string();
        assert_eq!(
            text,
            "Received(at=2025-09-26T10:00:00+08:00, channel=hotline, \
             complainant_kind=customer, received_at=2025-09-26T10:00:00+08:00, \
             text=[contact, content, name])"
        );
        let plan = event_from_json(
            r#"{"type": "plan_submitted", "at": "2025-10-01T10:00:00+08:00",
                "analysis": "張三豐", "time_points": [{"what": "13812345678", "due": "2025-10-20"}]}"#
                .to_owned(),
        )
        .unwrap();
        let text = plan.to_string();
        assert!(!text.contains("張三") && !text.contains("138123"), "{text}");
        assert!(text.contains("time_points=1 item(s)"), "{text}");
    }
}
