//! The case lifecycle (§2–§6): a complaint's life as events the host stores and the library
//! judges.
//!
//! A [`Case`] is rebuilt from its events ([`Case::replay`]), the form in which a host keeps its
//! history. [`Case::apply`] either accepts an event or returns an error naming the clause,
//! leaving the case unchanged. At any instant a case reports its deadline
//! [`schedule`](Case::schedule) (every stage's due instant and SLA state) and its
//! [`compliance`](Case::compliance) report (every rule checked, with its clause).
//!
//! Hard rules are errors: an unsigned interview record cannot count as evidence (§3.2.3), a
//! plan missing one of its four parts cannot be submitted (§4.1.1), only management approves
//! (§4.2), no archive without its five documents (§6.2.1), no destruction before expiry or
//! without leadership approval or under legal hold (§6.2.2). Soft rules ("generally", §3.1)
//! and timeliness (§1.3.2) are findings of the compliance report.
//!
//! ```
//! use complaint_office::case::{Case, Event};
//! use complaint_office::policy::Policy;
//! use complaint_office::time::parse_instant;
//!
//! let events = [
//!     r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
//!         "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
//!         "content": "The replacement part broke again."}"#,
//!     r#"{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"#,
//! ];
//! let events = events.iter().map(|e| Event::from_json_str(e)).collect::<Result<Vec<_>, _>>()?;
//! let case = Case::replay(&Policy::default(), events)?;
//! assert_eq!(case.status().as_str(), "registered");
//! assert_eq!(case.number().map(|n| n.to_string()).as_deref(), Some("25090001"));
//!
//! // The plan limit (15 days from registration) ends on 11 October, a make-up Saturday.
//! let schedule = case.schedule(parse_instant("2025-10-01T09:00:00+08:00")?);
//! let plan = schedule.stage("plan").unwrap();
//! assert_eq!(plan.last_day.unwrap().to_string(), "2025-10-11");
//! assert_eq!(plan.state.as_str(), "open");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod actor;
mod apply;
mod compliance;
mod disposition;
mod event;
pub mod payload;
mod schedule;
mod status;
mod tracked;

use chrono::NaiveDate;

pub use actor::Actor;
pub use compliance::{Check, CheckResult, ComplianceReport};
pub use disposition::{Disposition, DispositionKind};
pub use event::{ActorRole, Event, EventBody, EventKind};
pub use payload::{
    EvidenceKind, FollowUpMethod, Interviewee, Member, RejectionGround, Satisfaction, Step,
    TeamRole, Text, TimePoint,
};
pub(crate) use schedule::{Running, calendar_of};
pub use schedule::{Schedule, SlaState, Stage, StageDeadline};
pub use status::Status;

use crate::accountability::{self, Decision, Finding};
use crate::archive::Document;
use crate::error::ErrorCode;
use crate::intake::{Complaint, IntakeReport};
use crate::number::ComplaintNumber;
use crate::policy::{Policy, PolicySet};
use crate::privacy::{self, MaskKind, PersonalData, Role};
use crate::stats::{Outcome, Record};
use crate::time::Instant;
use crate::triage::{Complexity, Severity, Track, Urgency};

/// Why an event was refused (the case is left unchanged).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The event's `type` is not one of the event types.
    #[error("unknown event type")]
    UnknownEvent,
    /// A key of the event is missing, unknown or malformed.
    #[error("invalid event at `{key}`: {reason}")]
    InvalidEvent {
        /// The key.
        key: String,
        /// What is wrong (never the value).
        reason: String,
    },
    /// A case begins with its `received` event, and has only one.
    #[error("a case begins with exactly one `received` event")]
    NotReceivedFirst,
    /// §2.2.1: a complaint cannot have been received after it was recorded.
    #[error(
        "`received_at` is later than the event's `at`: a complaint is recorded after it arrives"
    )]
    ReceivedAfterRecording,
    /// §2.2.1: the registrar asks only for information that is missing.
    #[error("the request names only information the complaint already has")]
    InformationNotMissing,
    /// §2.2.1: the complaint may lapse only once `deadlines.lapse` has passed since the request.
    #[error("the wait for the missing information (deadlines.lapse) has not run out")]
    LapseNotDue,
    /// The event is not allowed in the case's status.
    #[error("`{event}` is not allowed while the case is `{status}`")]
    TransitionNotAllowed {
        /// The event's type.
        event: EventKind,
        /// The case's status.
        status: Status,
    },
    /// The event is dated before the previous one.
    #[error("event dated before the previous event: events must not go back in time")]
    TimeReversed,
    /// §2.1: the complaint is not admissible through its channel.
    #[error("complaint not admissible through its channel ({rule})")]
    Inadmissible {
        /// The intake rule it breaks.
        rule: &'static str,
    },
    /// §2.2.1: registration needs name, contact, time and content.
    #[error("registration needs the missing information first: {}", missing.join(", "))]
    IntakeIncomplete {
        /// The missing fields.
        missing: Vec<&'static str>,
    },
    /// §2.2.3: the number's month is not the month the complaint was received in.
    #[error("the number's month differs from the month of receipt (office time)")]
    NumberMonthMismatch,
    /// §2.2.2: the category is not in the policy.
    #[error("unknown category: not in the policy's classification")]
    UnknownCategory,
    /// §2.2.2: the department is not in the policy.
    #[error("unknown department: not in the policy's classification")]
    UnknownDepartment,
    /// §2.2.2: investigation needs a classification.
    #[error("the case must be classified before the investigation team is formed")]
    NotClassified,
    /// §2.2.4: investigation needs the initial assessment.
    #[error("the case must be assessed before the investigation team is formed")]
    NotAssessed,
    /// §2.2.4: the emergency procedure is for urgent and serious complaints, once.
    #[error("the emergency procedure applies only to a case assessed as urgent and serious")]
    NotEmergency,
    /// §3.1: a team needs members.
    #[error("an investigation team needs at least one member")]
    TeamEmpty,
    /// §3.3.1: every step needs a time point and a person responsible.
    #[error(
        "every step of the investigation plan needs a description, a time point and a person responsible"
    )]
    InvestigationPlanIncomplete,
    /// §3.2.3: an interview counts only when the record is signed.
    #[error("an interview record counts as evidence only when signed by the person interviewed")]
    UnsignedInterview,
    /// §4.1.1: a plan needs analysis, responsibility, measures and time points.
    #[error("the handling plan lacks: {}", missing.join(", "))]
    PlanIncomplete {
        /// The missing parts.
        missing: Vec<&'static str>,
    },
    /// §4.1.2: only complex or major complaints may be extended.
    #[error("only complex or major complaints may extend the plan limit")]
    ExtensionNotAllowed,
    /// §4.1.2: never beyond the extended plan limit.
    #[error("the extension goes beyond the extended plan limit")]
    ExtensionBeyondCap,
    /// §4.1.2: an extension must move the limit later.
    #[error("the extension does not move the plan limit later")]
    ExtensionNotLater,
    /// §4.1.2: a plan limit that has run out cannot be extended.
    #[error("the plan limit has already run out: it can no longer be extended")]
    ExtensionAfterExpiry,
    /// §4.2: only management approves or returns a plan.
    #[error("only management may approve or return a handling plan")]
    ApproverNotManagement,
    /// §4.4.1: the result is fed back after implementation is complete.
    #[error("the result can be fed back only after handling is complete")]
    NotCompleted,
    /// §5.1.2: the complainant is not satisfied and the complaint was neither handled again
    /// nor declined for re-handling by management.
    #[error(
        "the complainant is not satisfied: handle the complaint again, or record management's decision not to"
    )]
    RehandlingRequired,
    /// §5.1.2: no dissatisfaction awaits re-handling (or a decision not to handle it again).
    #[error("no dissatisfaction of the complainant awaits re-handling")]
    NoDissatisfaction,
    /// §5.1.2: only management decides not to handle a complaint again.
    #[error("only management may decide not to handle a complaint again")]
    DecisionNotManagement,
    /// The event needs its reason (a rejection, a decision not to handle again).
    #[error("`{event}` needs a reason")]
    ReasonRequired {
        /// The event's type.
        event: EventKind,
    },
    /// §2.1: a complaint admissible through its channel cannot be rejected as inadmissible.
    #[error(
        "the complaint is admissible through its channel: it cannot be rejected as inadmissible"
    )]
    RejectionUnfounded,
    /// §2.2.3: a case cannot be merged into its own number.
    #[error("a case cannot be merged into itself")]
    MergedIntoItself,
    /// §4.4.2: the written report states process, result and satisfaction.
    #[error("the written result report lacks: {}", missing.join(", "))]
    ReportIncomplete {
        /// The missing parts.
        missing: Vec<&'static str>,
    },
    /// §6.2.1: the archive holds five documents.
    #[error("the archive file lacks: {}", missing.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(", "))]
    ArchiveIncomplete {
        /// The missing documents.
        missing: Vec<Document>,
    },
    /// §6.2.2: only company leadership approves destruction.
    #[error("only company leadership may approve destruction")]
    ApproverNotLeadership,
    /// §6.2.2: destruction refused; the error's code is the reason's
    /// (`archive.retention_not_expired`, `archive.approval_missing`, `archive.legal_hold`).
    #[error("destruction refused: {reason}")]
    DestructionRefused {
        /// Why.
        reason: crate::archive::Refusal,
    },
    /// An event of a replayed history failed.
    #[error("event {index}: {source}")]
    AtEvent {
        /// Its position (0-based).
        index: usize,
        /// Why.
        source: Box<CaseError>,
    },
    /// No policy in force for the case (replay with a policy set).
    #[error("no policy is in force on the day the complaint was received")]
    NoPolicy,
}

impl CaseError {
    /// An invalid event key.
    pub fn invalid_event(key: impl Into<String>, reason: impl Into<String>) -> Self {
        CaseError::InvalidEvent {
            key: key.into(),
            reason: reason.into(),
        }
    }

    /// The error itself, without the position of a replayed event.
    pub fn root(&self) -> &CaseError {
        match self {
            CaseError::AtEvent { source, .. } => source.root(),
            other => other,
        }
    }
}

impl ErrorCode for CaseError {
    fn code(&self) -> &'static str {
        match self {
            CaseError::UnknownEvent => "case.unknown_event",
            CaseError::InvalidEvent { .. } => "case.invalid_event",
            CaseError::NotReceivedFirst => "case.not_received_first",
            CaseError::ReceivedAfterRecording => "case.received_after_recording",
            CaseError::InformationNotMissing => "case.information_not_missing",
            CaseError::LapseNotDue => "case.lapse_not_due",
            CaseError::NotEmergency => "case.not_emergency",
            CaseError::ExtensionAfterExpiry => "case.extension_after_expiry",
            CaseError::RehandlingRequired => "case.rehandling_required",
            CaseError::NoDissatisfaction => "case.no_dissatisfaction",
            CaseError::DecisionNotManagement => "case.decision_not_management",
            CaseError::ReasonRequired { .. } => "case.reason_required",
            CaseError::RejectionUnfounded => "case.rejection_unfounded",
            CaseError::MergedIntoItself => "case.merged_into_itself",
            CaseError::TransitionNotAllowed { .. } => "case.transition_not_allowed",
            CaseError::TimeReversed => "case.time_reversed",
            CaseError::Inadmissible { .. } => "case.inadmissible",
            CaseError::IntakeIncomplete { .. } => "case.intake_incomplete",
            CaseError::NumberMonthMismatch => "case.number_month_mismatch",
            CaseError::UnknownCategory => "case.unknown_category",
            CaseError::UnknownDepartment => "case.unknown_department",
            CaseError::NotClassified => "case.not_classified",
            CaseError::NotAssessed => "case.not_assessed",
            CaseError::TeamEmpty => "case.team_empty",
            CaseError::InvestigationPlanIncomplete => "case.investigation_plan_incomplete",
            CaseError::UnsignedInterview => "case.unsigned_interview",
            CaseError::PlanIncomplete { .. } => "case.plan_incomplete",
            CaseError::ExtensionNotAllowed => "case.extension_not_allowed",
            CaseError::ExtensionBeyondCap => "case.extension_beyond_cap",
            CaseError::ExtensionNotLater => "case.extension_not_later",
            CaseError::ApproverNotManagement => "case.approver_not_management",
            CaseError::NotCompleted => "case.not_completed",
            CaseError::ReportIncomplete { .. } => "case.report_incomplete",
            CaseError::ArchiveIncomplete { .. } => "case.archive_incomplete",
            CaseError::ApproverNotLeadership => "case.approver_not_leadership",
            CaseError::DestructionRefused { reason } => reason.code(),
            CaseError::AtEvent { source, .. } => source.code(),
            CaseError::NoPolicy => "case.no_policy",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some(match self {
            CaseError::UnknownEvent
            | CaseError::InvalidEvent { .. }
            | CaseError::TimeReversed
            | CaseError::NoPolicy => return None,
            CaseError::NotReceivedFirst
            | CaseError::IntakeIncomplete { .. }
            | CaseError::ReceivedAfterRecording
            | CaseError::InformationNotMissing
            | CaseError::LapseNotDue => "§2.2.1",
            CaseError::TransitionNotAllowed { event, .. } | CaseError::ReasonRequired { event } => {
                event.clause()
            }
            CaseError::Inadmissible { .. } | CaseError::RejectionUnfounded => "§2.1",
            CaseError::NumberMonthMismatch | CaseError::MergedIntoItself => "§2.2.3",
            CaseError::UnknownCategory
            | CaseError::UnknownDepartment
            | CaseError::NotClassified => "§2.2.2",
            CaseError::NotAssessed | CaseError::NotEmergency => "§2.2.4",
            CaseError::TeamEmpty => "§3.1",
            CaseError::InvestigationPlanIncomplete => "§3.3.1",
            CaseError::UnsignedInterview => "§3.2.3",
            CaseError::PlanIncomplete { .. } => "§4.1.1",
            CaseError::ExtensionNotAllowed
            | CaseError::ExtensionBeyondCap
            | CaseError::ExtensionNotLater
            | CaseError::ExtensionAfterExpiry => "§4.1.2",
            CaseError::ApproverNotManagement => "§4.2",
            CaseError::NotCompleted => "§4.4.1",
            CaseError::ReportIncomplete { .. } => "§4.4.2",
            CaseError::RehandlingRequired
            | CaseError::NoDissatisfaction
            | CaseError::DecisionNotManagement => "§5.1.2",
            CaseError::ArchiveIncomplete { .. } => "§6.2.1",
            CaseError::ApproverNotLeadership | CaseError::DestructionRefused { .. } => "§6.2.2",
            CaseError::AtEvent { source, .. } => return source.clause(),
        })
    }

    /// The position (0-based) of the refused event of a replayed history.
    fn index(&self) -> Option<usize> {
        match self {
            CaseError::AtEvent { index, .. } => Some(*index),
            _ => None,
        }
    }

    /// The key of an event that could not be read (`at`, `members[0].role`, `(event)`).
    fn key(&self) -> Option<&str> {
        match self {
            CaseError::InvalidEvent { key, .. } => Some(key),
            CaseError::AtEvent { source, .. } => source.key(),
            _ => None,
        }
    }
}

/// The initial assessment of a case (§2.2.4) and what triage made of it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessment {
    /// Severity.
    pub severity: Severity,
    /// Urgency.
    pub urgency: Urgency,
    /// Complexity.
    pub complexity: Complexity,
    /// Whether the emergency procedure applies.
    pub emergency: bool,
    /// The handling track.
    pub track: Track,
}

/// What a role may see of a case (§1.3.4), from [`Case::view`].
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CaseView {
    /// Who is looking.
    pub role: Role,
    /// The complaint number.
    pub number: Option<ComplaintNumber>,
    /// The status.
    pub status: Status,
    /// The category.
    pub category: Option<String>,
    /// The department concerned.
    pub department: Option<String>,
    /// The track.
    pub track: Track,
    /// Whether the emergency procedure applies.
    pub emergency: bool,
    /// When the complaint was received.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub received_at: Instant,
    /// The complainant's personal data, redacted for the role.
    pub personal: PersonalData,
}

/// A stretch during which the registration clock was paused for missing information.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    /// When the information was requested.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub from: Instant,
    /// When it was supplied; open while waiting.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub to: Option<Instant>,
}

/// One handling round: the implementation of the approved plan, then each re-handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Round {
    /// Whether this is a re-handling (§5.1.2).
    pub rehandling: bool,
    /// What started it: the implementation; for a re-handling the objection, the result or
    /// visit that recorded the complainant's dissatisfaction, or the reopening of the closed
    /// case.
    pub trigger: EventKind,
    /// When its clock starts: the implementation's start; the objection or the dissatisfaction.
    pub started: Instant,
    /// When the round opened: as `started`, except for a re-handling of a dissatisfaction,
    /// which opens when the re-handling starts (a follow-up visit until then still belongs to
    /// the round before).
    pub opened: Instant,
    /// When handling was complete (starts the feedback clock, §4.4.1).
    pub completed: Option<Instant>,
    /// When the result was fed back (ends it; starts the follow-up clock, §5.2.1).
    pub fed_back: Option<Instant>,
    /// The satisfaction in the written report.
    pub satisfaction: Option<Satisfaction>,
}

/// A follow-up visit (§5.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FollowUp {
    pub at: Instant,
    pub satisfaction: Satisfaction,
    pub suggestions: bool,
}

/// A dissatisfaction of the complainant (§5.1.2) that awaits re-handling: recorded by a result
/// report or a follow-up visit as `unsatisfied`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dissatisfaction {
    /// The event that recorded it (`result_fed_back` or `follow_up_visited`).
    pub by: EventKind,
    /// When.
    pub at: Instant,
}

/// A closed case reopened by the complaint office (§5.1.2): the complainant was not satisfied,
/// or objected, after closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reopening {
    /// When it was reopened: the re-handling clock starts.
    pub at: Instant,
    /// When it had been closed: every clock that had not been met by then stopped there, and
    /// stays stopped.
    pub closed_at: Instant,
}

/// The emergency procedure of an urgent and serious case (§2.2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct EmergencyProcedure {
    /// The assessment that first found the case urgent and serious: the clock starts.
    pub since: Option<Instant>,
    /// When the procedure started.
    pub started: Option<Instant>,
    /// When a re-assessment found the case no longer an emergency before the procedure
    /// started: the clock stops.
    pub lifted: Option<Instant>,
}

/// A complaint's case: its state after the events applied so far, under the policy in force
/// when it was received.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub(crate) policy: Policy,
    pub(crate) status: Status,
    pub(crate) complaint: Complaint,
    /// The identity values `information_supplied` replaced: redacted from every view like
    /// the current ones (§1.3.4).
    pub(crate) superseded: Vec<PersonalData>,
    pub(crate) intake: IntakeReport,
    pub(crate) received_at: Instant,
    pub(crate) last_at: Instant,
    pub(crate) events: usize,
    pub(crate) information_requests: usize,
    pub(crate) awaiting_since: Option<Instant>,
    pub(crate) pauses: Vec<Pause>,
    pub(crate) number: Option<ComplaintNumber>,
    pub(crate) registered_at: Option<Instant>,
    pub(crate) category: Option<String>,
    pub(crate) department: Option<String>,
    /// The department as classified (§2.2.2): the investigation team's stages run on its
    /// calendar even after the implementation moves `department` elsewhere (§4.3.1).
    pub(crate) classified_department: Option<String>,
    pub(crate) assessment: Option<Assessment>,
    pub(crate) emergency: EmergencyProcedure,
    pub(crate) team: Vec<Member>,
    pub(crate) team_formed_at: Option<Instant>,
    pub(crate) investigation_planned_at: Option<Instant>,
    pub(crate) evidence: Vec<(EvidenceKind, Instant)>,
    pub(crate) progress_reports: Vec<Instant>,
    pub(crate) plan_submitted: Vec<Instant>,
    pub(crate) plan_returned: Vec<Instant>,
    pub(crate) time_points: Vec<NaiveDate>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) plan_extended_until: Option<NaiveDate>,
    pub(crate) extension_lapsed: Option<(NaiveDate, Instant)>,
    pub(crate) approved_at: Option<Instant>,
    pub(crate) problems: usize,
    pub(crate) rounds: Vec<Round>,
    pub(crate) objections: Vec<Instant>,
    pub(crate) follow_ups: Vec<FollowUp>,
    pub(crate) dissatisfied: Option<Dissatisfaction>,
    pub(crate) dissatisfactions: usize,
    pub(crate) rehandling_declined: Vec<Instant>,
    pub(crate) closed_at: Option<Instant>,
    pub(crate) closed_unsatisfied: bool,
    pub(crate) reopenings: Vec<Reopening>,
    pub(crate) disposition: Option<Disposition>,
    pub(crate) archived_at: Option<Instant>,
    pub(crate) documents: Vec<Document>,
    pub(crate) legal_hold: bool,
    pub(crate) destruction_approved_at: Option<Instant>,
    pub(crate) destroyed_at: Option<Instant>,
}

impl Case {
    /// Opens a case with its `received` event.
    ///
    /// # Errors
    /// [`CaseError::NotReceivedFirst`] for any other event.
    pub fn open(policy: &Policy, event: Event) -> Result<Case, CaseError> {
        apply::open(policy, event)
    }

    /// Rebuilds a case from its history. Deterministic: the same events give the same case.
    ///
    /// # Errors
    /// The first refused event's error, as [`CaseError::AtEvent`] with its index
    /// ([`ErrorCode::code`] and [`ErrorCode::clause`] are the underlying error's).
    pub fn replay<I>(policy: &Policy, events: I) -> Result<Case, CaseError>
    where
        I: IntoIterator<Item = Event>,
    {
        let at = |index, e: CaseError| CaseError::AtEvent {
            index,
            source: Box::new(e),
        };
        let mut events = events.into_iter();
        let first = events
            .next()
            .ok_or_else(|| at(0, CaseError::NotReceivedFirst))?;
        let mut case = Case::open(policy, first).map_err(|e| at(0, e))?;
        for (i, event) in events.enumerate() {
            case.apply(event).map_err(|e| at(i + 1, e))?;
        }
        Ok(case)
    }

    /// Rebuilds a case under the policy in force when it was received.
    ///
    /// # Errors
    /// As [`Self::replay`]; [`CaseError::NoPolicy`] when no policy is in force then.
    pub fn replay_in<I>(policies: &PolicySet, events: I) -> Result<Case, CaseError>
    where
        I: IntoIterator<Item = Event>,
    {
        let mut events = events.into_iter().peekable();
        // The time of receipt, not of recording, decides (§2.2.1).
        let received = events.peek().map(|e| match &e.body {
            EventBody::Received(complaint) => complaint.received_at.unwrap_or(e.at),
            _ => e.at,
        });
        let policy = match received {
            Some(at) => policies
                .in_force_at(at)
                .map_err(|_| CaseError::NoPolicy)?
                .clone(),
            None => Policy::default(),
        };
        Case::replay(&policy, events)
    }

    /// Rebuilds a case from a JSON array of events.
    ///
    /// # Errors
    /// [`CaseError::InvalidEvent`] when the text is not an array of events, else as
    /// [`Self::replay`].
    pub fn replay_json(policy: &Policy, json: &str) -> Result<Case, CaseError> {
        let values: Vec<serde_json::Value> = serde_json::from_str(json)
            .map_err(|_| CaseError::invalid_event("(events)", "expected a JSON array of events"))?;
        let events = values
            .into_iter()
            .enumerate()
            .map(|(index, v)| {
                Event::from_json_value(v).map_err(|e| CaseError::AtEvent {
                    index,
                    source: Box::new(e),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Case::replay(policy, events)
    }

    /// Applies one event, or refuses it with the rule it breaks and leaves the case unchanged.
    ///
    /// # Errors
    /// A [`CaseError`] naming the clause.
    pub fn apply(&mut self, event: Event) -> Result<(), CaseError> {
        apply::apply(self, event)
    }

    /// The event types the policy allows next (further guards may still refuse one).
    pub fn allowed_next(&self) -> Vec<EventKind> {
        EventKind::ALL
            .iter()
            .copied()
            .filter(|&kind| apply::precheck(self, kind).is_ok())
            .collect()
    }

    /// The policy the case is judged by.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Where the case stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The complaint number, once registered.
    pub fn number(&self) -> Option<ComplaintNumber> {
        self.number
    }

    /// The complaint as received and completed (personal data: the office's view).
    pub fn complaint(&self) -> &Complaint {
        &self.complaint
    }

    /// The latest intake check.
    pub fn intake(&self) -> &IntakeReport {
        &self.intake
    }

    /// When the complaint was received (its `received_at`, else when it was recorded): the
    /// number's month, the registration clock and statistics go by it (§2.2.1, §2.2.3).
    pub fn received_at(&self) -> Instant {
        self.received_at
    }

    /// When it was registered.
    pub fn registered_at(&self) -> Option<Instant> {
        self.registered_at
    }

    /// The instant of the last event applied.
    pub fn last_event_at(&self) -> Instant {
        self.last_at
    }

    /// The number of events applied.
    pub fn event_count(&self) -> usize {
        self.events
    }

    /// The category code, once classified.
    pub fn category(&self) -> Option<&str> {
        self.category.as_deref()
    }

    /// The department concerned.
    pub fn department(&self) -> Option<&str> {
        self.department.as_deref()
    }

    /// The initial assessment.
    pub fn assessment(&self) -> Option<Assessment> {
        self.assessment
    }

    /// The handling track (general until assessed).
    pub fn track(&self) -> Track {
        self.assessment.map_or(Track::General, |a| a.track)
    }

    /// Whether the emergency procedure applies (§2.2.4).
    pub fn emergency(&self) -> bool {
        self.assessment.is_some_and(|a| a.emergency)
    }

    /// When the emergency procedure started (§2.2.4).
    pub fn emergency_started_at(&self) -> Option<Instant> {
        self.emergency.started
    }

    /// How the case ended without resolution, if it did.
    pub fn disposition(&self) -> Option<Disposition> {
        self.disposition
    }

    /// When the case ended: closed, or its disposition.
    pub fn ended_at(&self) -> Option<Instant> {
        self.closed_at.or(self.disposition.map(|d| d.at))
    }

    /// Whether a dissatisfaction of the complainant awaits re-handling, or management's
    /// decision not to handle it again (§5.1.2).
    pub fn rehandling_owed(&self) -> bool {
        self.dissatisfied.is_some()
    }

    /// The documents its archive file must hold (§6.2.1): all five for a closed case; for a
    /// case ended without resolution, the registration form and the records of the stages it
    /// reached (investigation record, handling plan, result report, follow-up record).
    pub fn required_documents(&self) -> Vec<Document> {
        if self.disposition.is_none() {
            return Document::REQUIRED.to_vec();
        }
        let reached = [
            (Document::RegistrationForm, true),
            (Document::InvestigationRecord, self.team_formed_at.is_some()),
            (Document::HandlingPlan, !self.plan_submitted.is_empty()),
            (
                Document::ResultReport,
                self.rounds.iter().any(|r| r.fed_back.is_some()),
            ),
            (Document::FollowUpRecord, !self.follow_ups.is_empty()),
        ];
        reached
            .into_iter()
            .filter(|(_, needed)| *needed)
            .map(|(document, _)| document)
            .collect()
    }

    /// The pauses of the registration clock.
    pub fn pauses(&self) -> &[Pause] {
        &self.pauses
    }

    /// The responsibility findings of the handling plan (§4.1.1, §8.1).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Each finding with the discipline the policy's table decides for it (§8.2).
    pub fn decisions(&self) -> Vec<(&Finding, Decision)> {
        let table = self.policy.discipline();
        self.findings
            .iter()
            .map(|f| (f, accountability::decide(table, f)))
            .collect()
    }

    /// The complainant's personal data as recorded (the complaint office's view).
    pub fn personal_data(&self) -> PersonalData {
        let mut data = PersonalData {
            complainant_name: self.complaint.name.clone(),
            content: self.complaint.content.clone(),
            ..PersonalData::default()
        };
        if let Some(contact) = &self.complaint.contact {
            if privacy::is_recognised(MaskKind::Email, contact) || contact.contains('@') {
                data.contact_email = Some(contact.clone());
            } else {
                data.contact_phone = Some(contact.clone());
            }
        }
        data
    }

    /// The case as `role` may see it (§1.3.4): a redacted copy, the case itself unchanged.
    /// The complaint office sees everything; the investigation team the contact details; the
    /// department complained about the content without the complainant's identity; statistics
    /// no personal data. Every name and contact the case has held is redacted from the
    /// content, also those that `information_supplied` replaced.
    pub fn view(&self, role: Role) -> CaseView {
        CaseView {
            role,
            number: self.number,
            status: self.status,
            category: self.category.clone(),
            department: self.department.clone(),
            track: self.track(),
            emergency: self.emergency(),
            received_at: self.received_at,
            personal: self
                .personal_data()
                .view_with_history(role, &self.superseded),
        }
    }

    /// The documents filed in the archive.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// Whether a legal hold is in place.
    pub fn legal_hold(&self) -> bool {
        self.legal_hold
    }

    /// The day the case was archived (office time).
    pub fn archived_on(&self) -> Option<NaiveDate> {
        self.archived_at
            .map(|at| crate::time::office_date(at, self.policy.office_offset()))
    }

    /// The case as a row of the complaint ledger (台賬, §2.2.2) for statistics (§7.1), once it
    /// has a number: counted by its time of receipt (§2.2.1), closed when it closed or ended
    /// without resolution, satisfied as the last result report or follow-up visit recorded,
    /// and its [outcome](Case::outcome). A case not yet classified counts in the policy's fallback
    /// category and its department. No personal data.
    pub fn record(&self) -> Option<Record> {
        let number = self.number?;
        let classification = self.policy.classification();
        let category = self
            .category
            .clone()
            .unwrap_or_else(|| classification.fallback.clone());
        let department = self.department.clone().or_else(|| {
            classification
                .category(&category)
                .map(|c| c.department.clone())
        })?;
        let mut said: Vec<(Instant, Satisfaction)> = self
            .rounds
            .iter()
            .filter_map(|r| r.fed_back.zip(r.satisfaction))
            .chain(self.follow_ups.iter().map(|f| (f.at, f.satisfaction)))
            .filter(|(_, s)| *s != Satisfaction::Unknown)
            .collect();
        said.sort_by_key(|(at, _)| *at);
        let mut record = Record::new(number, self.received_at, category, department);
        record.channel = Some(self.complaint.channel.as_str().to_owned());
        record.severity = self.assessment.map(|a| a.severity.as_str().to_owned());
        record.closed_at = self.ended_at();
        record.satisfied = said.last().map(|(_, s)| *s == Satisfaction::Satisfied);
        record.outcome = Some(self.outcome().as_str().to_owned());
        Some(record)
    }

    /// How the case ended, or that it has not: `resolved` once closed after its follow-up
    /// visit (§5.2.1), the disposition's kind when it ended without resolution (rejected,
    /// withdrawn, merged, lapsed), else `open` (a reopened case too, until it closes again).
    /// Archiving and destruction keep the outcome.
    pub fn outcome(&self) -> Outcome {
        match (self.closed_at, self.disposition) {
            (Some(_), _) => Outcome::Resolved,
            (None, Some(d)) => match d.kind {
                DispositionKind::Rejected => Outcome::Rejected,
                DispositionKind::Withdrawn => Outcome::Withdrawn,
                DispositionKind::Merged => Outcome::Merged,
                DispositionKind::Lapsed => Outcome::Lapsed,
            },
            (None, None) => Outcome::Open,
        }
    }

    /// When the case was closed (§5.2.1), once it was; none again while a reopened case
    /// (§5.1.2) is handled again, until it closes again.
    pub fn closed_at(&self) -> Option<Instant> {
        self.closed_at
    }

    /// The complainant's satisfaction as the latest written result report states it (§4.4.2);
    /// none before the first report.
    pub fn result_satisfaction(&self) -> Option<Satisfaction> {
        self.rounds.iter().rev().find_map(|r| r.satisfaction)
    }

    /// The satisfaction the latest follow-up visit recorded (§5.2.2); none before the first
    /// visit.
    pub fn follow_up_satisfaction(&self) -> Option<Satisfaction> {
        self.follow_ups.last().map(|f| f.satisfaction)
    }

    /// The deadline schedule and SLA state at `now`.
    pub fn schedule(&self, now: Instant) -> Schedule {
        schedule::schedule(self, now)
    }

    /// Every rule checked, with its clause, at `now`.
    pub fn compliance(&self, now: Instant) -> ComplianceReport {
        compliance::compliance(self, now)
    }
}
