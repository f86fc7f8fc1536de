//! Events: what happened to a case, in the JSON form a host stores.
//!
//! Every event is an object with a `type`, an `at` instant (RFC 3339 with offset) and,
//! optionally, who did it (`by`, a staff id) in which `role`; the other keys depend on the
//! type. Unknown keys are errors (`case.invalid_event` naming the key), an unknown type is
//! `case.unknown_event`.
//!
//! ```json
//! {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
//!  "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
//!  "content": "…"}
//! {"type": "plan_approved", "at": "2025-10-09T15:00:00+08:00", "by": "m-001", "role": "management"}
//! ```

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::CaseError;
use crate::accountability::Finding;
use crate::archive::Document;
use crate::confidential::Confidential;
use crate::intake::{Complaint, Field};
use crate::number::ComplaintNumber;
use crate::time::{Instant, format_instant, parse_instant};
use crate::triage::{Complexity, Severity, Urgency};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The type of an event, in the order of a case's life.
    pub enum EventKind("event type", "case.unknown_event") {
        /// §2.2.1: the complaint arrived.
        Received = "received",
        /// §2.2.1: the registrar asked the complainant for missing information.
        InformationRequested = "information_requested",
        /// §2.2.1: the complainant supplied it.
        InformationSupplied = "information_supplied",
        /// §2.2.1, §2.2.3: initial registration, with the complaint number.
        Registered = "registered",
        /// §2.2.2: category and department concerned.
        Classified = "classified",
        /// §2.2.4: severity, urgency and complexity.
        Assessed = "assessed",
        /// §3.1: the investigation team.
        TeamFormed = "team_formed",
        /// §3.3.1: the written investigation plan.
        InvestigationPlanned = "investigation_planned",
        /// §3.2: a piece of evidence.
        EvidenceAdded = "evidence_added",
        /// §3.3.3: the complainant was told of progress.
        ProgressReported = "progress_reported",
        /// §4.1.1: the handling plan, for management review.
        PlanSubmitted = "plan_submitted",
        /// §4.1.2: the plan limit extended (complex or major complaints).
        PlanExtended = "plan_extended",
        /// §4.2: management sent the plan back for modification.
        PlanReturned = "plan_returned",
        /// §4.2: management approved the plan.
        PlanApproved = "plan_approved",
        /// §4.3.1: the responsible department started implementing.
        ImplementationStarted = "implementation_started",
        /// §4.3.2: the department raised a problem with the team.
        ProblemRaised = "problem_raised",
        /// §4.4.1: implementation complete.
        ImplementationCompleted = "implementation_completed",
        /// §4.4.1, §4.4.2: the result went to the complainant, with the written report.
        ResultFedBack = "result_fed_back",
        /// §5.1.2: the complainant is not satisfied or objects.
        ObjectionRaised = "objection_raised",
        /// §5.1.2: the department handles it again.
        RehandlingStarted = "rehandling_started",
        /// §5.1.2: re-handling complete.
        RehandlingCompleted = "rehandling_completed",
        /// §5.2: the follow-up visit.
        FollowUpVisited = "follow_up_visited",
        /// The case is closed.
        Closed = "closed",
        /// §6.2.1: filed in the archive with its documents.
        Archived = "archived",
        /// §6.2.2: a legal hold forbids destruction.
        LegalHoldPlaced = "legal_hold_placed",
        /// §6.2.2: the legal hold ended.
        LegalHoldReleased = "legal_hold_released",
        /// §6.2.2: company leadership approved destruction.
        DestructionApproved = "destruction_approved",
        /// §6.2.2: the files were destroyed.
        Destroyed = "destroyed",
    }
}

impl EventKind {
    /// The clause that governs the event.
    pub fn clause(self) -> &'static str {
        match self {
            EventKind::Received
            | EventKind::InformationRequested
            | EventKind::InformationSupplied
            | EventKind::Registered => "§2.2.1",
            EventKind::Classified => "§2.2.2",
            EventKind::Assessed => "§2.2.4",
            EventKind::TeamFormed => "§3.1",
            EventKind::InvestigationPlanned => "§3.3.1",
            EventKind::EvidenceAdded => "§3.2",
            EventKind::ProgressReported => "§3.3.3",
            EventKind::PlanSubmitted => "§4.1.1",
            EventKind::PlanExtended => "§4.1.2",
            EventKind::PlanReturned | EventKind::PlanApproved => "§4.2",
            EventKind::ImplementationStarted => "§4.3.1",
            EventKind::ProblemRaised => "§4.3.2",
            EventKind::ImplementationCompleted | EventKind::ResultFedBack => "§4.4.1",
            EventKind::ObjectionRaised
            | EventKind::RehandlingStarted
            | EventKind::RehandlingCompleted => "§5.1.2",
            EventKind::FollowUpVisited | EventKind::Closed => "§5.2.1",
            EventKind::Archived => "§6.2.1",
            EventKind::LegalHoldPlaced
            | EventKind::LegalHoldReleased
            | EventKind::DestructionApproved
            | EventKind::Destroyed => "§6.2.2",
        }
    }
}

vocabulary! {
    /// The role in which someone acts.
    pub enum ActorRole("role", "case.unknown_role") {
        /// The complaint office (registrar, tracking).
        ComplaintOffice = "complaint_office",
        /// A member of the investigation team.
        InvestigationTeam = "investigation_team",
        /// The responsible department.
        Department = "department",
        /// Management, who review handling plans (§4.2).
        Management = "management",
        /// Company leadership, who approve destruction (§6.2.2).
        Leadership = "leadership",
    }
}

vocabulary! {
    /// A member's role on the investigation team (§3.1).
    pub enum TeamRole("team role", "case.unknown_team_role") {
        /// Head of a department concerned.
        DepartmentHead = "department_head",
        /// Technical specialist.
        TechnicalSpecialist = "technical_specialist",
        /// Legal staff.
        Legal = "legal",
        /// Anyone else.
        Other = "other",
    }
}

vocabulary! {
    /// A method of investigation (§3.2).
    pub enum EvidenceKind("evidence kind", "case.unknown_evidence_kind") {
        /// §3.2.1: review of documents and records.
        DocumentReview = "document_review",
        /// §3.2.2: site inspection.
        SiteInspection = "site_inspection",
        /// §3.2.3: an interview, recorded and signed by the person interviewed.
        Interview = "interview",
        /// §3.2.4: data analysis.
        DataAnalysis = "data_analysis",
    }
}

vocabulary! {
    /// Who was interviewed (§3.2.3).
    pub enum Interviewee("interviewee", "case.unknown_interviewee") {
        /// The complainant.
        Complainant = "complainant",
        /// A member of staff.
        Staff = "staff",
        /// A witness.
        Witness = "witness",
    }
}

vocabulary! {
    /// The complainant's satisfaction (§4.4.2, §5.2.2).
    pub enum Satisfaction("satisfaction", "case.unknown_satisfaction") {
        /// Satisfied.
        Satisfied = "satisfied",
        /// Not satisfied.
        Unsatisfied = "unsatisfied",
        /// Not stated.
        Unknown = "unknown",
    }
}

vocabulary! {
    /// How a follow-up visit was made (§5.2.1).
    pub enum FollowUpMethod("follow-up method", "case.unknown_follow_up_method") {
        /// By phone.
        Phone = "phone",
        /// By questionnaire.
        Questionnaire = "questionnaire",
    }
}

/// Free text that may mention people: kept out of `Debug`.
pub type Text = Confidential<String>;

/// A member of the investigation team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// Staff id.
    pub id: String,
    /// Role on the team.
    pub role: TeamRole,
    /// Department, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// A step of the investigation plan (§3.3.1): what, by when, who.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// What is done.
    pub description: Text,
    /// The time point.
    pub due: Option<NaiveDate>,
    /// The person responsible (staff id).
    pub owner: Option<String>,
}

/// A time point of a handling plan (§4.1.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimePoint {
    /// What is done.
    pub what: Text,
    /// By when.
    pub due: NaiveDate,
}

/// What happened, with the data of its type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventBody {
    /// The complaint arrived; its `received_at` is the event's `at` unless given.
    Received(Complaint),
    /// Missing information requested from the complainant.
    InformationRequested {
        /// What is asked for.
        fields: Vec<Field>,
    },
    /// The complainant supplied information; absent fields stay as they were.
    InformationSupplied {
        /// The name.
        name: Option<Text>,
        /// Contact details.
        contact: Option<Text>,
        /// The content.
        content: Option<Text>,
    },
    /// Initial registration with the complaint number.
    Registered {
        /// The number issued.
        number: ComplaintNumber,
    },
    /// Classification.
    Classified {
        /// A category code of the policy.
        category: String,
        /// The department concerned; the category's default when absent.
        department: Option<String>,
    },
    /// Initial assessment.
    Assessed {
        /// Severity.
        severity: Severity,
        /// Urgency.
        urgency: Urgency,
        /// Complexity.
        complexity: Complexity,
    },
    /// The investigation team.
    TeamFormed {
        /// Members.
        members: Vec<Member>,
    },
    /// The written investigation plan.
    InvestigationPlanned {
        /// Steps.
        steps: Vec<Step>,
    },
    /// A piece of evidence.
    EvidenceAdded {
        /// Method.
        kind: EvidenceKind,
        /// For interviews: whether the record is signed by the person interviewed.
        signed: Option<bool>,
        /// For interviews: who.
        interviewee: Option<Interviewee>,
        /// A summary.
        summary: Option<Text>,
    },
    /// Progress told to the complainant.
    ProgressReported {
        /// A note.
        note: Option<Text>,
    },
    /// The handling plan (§4.1.1): all four parts are required.
    PlanSubmitted {
        /// Problem analysis.
        analysis: Text,
        /// Responsibility determination.
        responsibility: Text,
        /// Measures.
        measures: Text,
        /// Time points.
        time_points: Vec<TimePoint>,
        /// Responsibility findings (§8.1), decided by the discipline table.
        findings: Vec<Finding>,
    },
    /// The plan limit extended to the end of `until`.
    PlanExtended {
        /// The new last day.
        until: NaiveDate,
        /// Why.
        reason: Text,
    },
    /// The plan sent back for modification.
    PlanReturned {
        /// Why.
        reason: Text,
    },
    /// The plan approved.
    PlanApproved,
    /// Implementation started.
    ImplementationStarted {
        /// The responsible department.
        department: Option<String>,
    },
    /// A problem raised during implementation.
    ProblemRaised {
        /// The problem.
        description: Text,
    },
    /// Implementation complete.
    ImplementationCompleted,
    /// The result fed back, with the written report (§4.4.2).
    ResultFedBack {
        /// The handling process.
        process: Text,
        /// The result.
        result: Text,
        /// The complainant's satisfaction.
        satisfaction: Satisfaction,
    },
    /// The complainant objects.
    ObjectionRaised {
        /// Why.
        reason: Text,
    },
    /// Re-handling started.
    RehandlingStarted,
    /// Re-handling complete.
    RehandlingCompleted,
    /// The follow-up visit.
    FollowUpVisited {
        /// Phone or questionnaire.
        method: FollowUpMethod,
        /// Satisfaction.
        satisfaction: Satisfaction,
        /// Suggestions.
        suggestions: Option<Text>,
    },
    /// Closed.
    Closed,
    /// Archived with its documents.
    Archived {
        /// The documents filed.
        documents: Vec<Document>,
    },
    /// A legal hold.
    LegalHoldPlaced {
        /// Why.
        reason: Text,
    },
    /// The legal hold ended.
    LegalHoldReleased,
    /// Leadership approved destruction.
    DestructionApproved,
    /// Destroyed.
    Destroyed,
}

impl EventBody {
    /// The type of the event.
    pub fn kind(&self) -> EventKind {
        match self {
            EventBody::Received(_) => EventKind::Received,
            EventBody::InformationRequested { .. } => EventKind::InformationRequested,
            EventBody::InformationSupplied { .. } => EventKind::InformationSupplied,
            EventBody::Registered { .. } => EventKind::Registered,
            EventBody::Classified { .. } => EventKind::Classified,
            EventBody::Assessed { .. } => EventKind::Assessed,
            EventBody::TeamFormed { .. } => EventKind::TeamFormed,
            EventBody::InvestigationPlanned { .. } => EventKind::InvestigationPlanned,
            EventBody::EvidenceAdded { .. } => EventKind::EvidenceAdded,
            EventBody::ProgressReported { .. } => EventKind::ProgressReported,
            EventBody::PlanSubmitted { .. } => EventKind::PlanSubmitted,
            EventBody::PlanExtended { .. } => EventKind::PlanExtended,
            EventBody::PlanReturned { .. } => EventKind::PlanReturned,
            EventBody::PlanApproved => EventKind::PlanApproved,
            EventBody::ImplementationStarted { .. } => EventKind::ImplementationStarted,
            EventBody::ProblemRaised { .. } => EventKind::ProblemRaised,
            EventBody::ImplementationCompleted => EventKind::ImplementationCompleted,
            EventBody::ResultFedBack { .. } => EventKind::ResultFedBack,
            EventBody::ObjectionRaised { .. } => EventKind::ObjectionRaised,
            EventBody::RehandlingStarted => EventKind::RehandlingStarted,
            EventBody::RehandlingCompleted => EventKind::RehandlingCompleted,
            EventBody::FollowUpVisited { .. } => EventKind::FollowUpVisited,
            EventBody::Closed => EventKind::Closed,
            EventBody::Archived { .. } => EventKind::Archived,
            EventBody::LegalHoldPlaced { .. } => EventKind::LegalHoldPlaced,
            EventBody::LegalHoldReleased => EventKind::LegalHoldReleased,
            EventBody::DestructionApproved => EventKind::DestructionApproved,
            EventBody::Destroyed => EventKind::Destroyed,
        }
    }
}

/// One event of a case's history.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When it happened.
    pub at: Instant,
    /// Who did it (a staff id), if recorded.
    pub by: Option<String>,
    /// In which role.
    pub role: Option<ActorRole>,
    /// What happened.
    pub body: EventBody,
}

impl Event {
    /// An event without actor.
    pub fn new(at: Instant, body: EventBody) -> Self {
        Event {
            at,
            by: None,
            role: None,
            body,
        }
    }

    /// This event, done by `by` in `role`.
    pub fn by(mut self, by: impl Into<String>, role: ActorRole) -> Self {
        self.by = Some(by.into());
        self.role = Some(role);
        self
    }

    /// The type.
    pub fn kind(&self) -> EventKind {
        self.body.kind()
    }

    /// Reads an event from JSON text.
    ///
    /// # Errors
    /// [`CaseError::UnknownEvent`] for an unknown `type`, [`CaseError::InvalidEvent`] naming the
    /// key for anything else (missing, unknown or malformed keys).
    pub fn from_json_str(text: &str) -> Result<Self, CaseError> {
        let value: Value = serde_json::from_str(text)
            .map_err(|_| CaseError::invalid_event("(event)", "not a JSON object"))?;
        Self::from_json_value(value)
    }

    /// Reads an event from a JSON value.
    ///
    /// # Errors
    /// As [`Self::from_json_str`].
    pub fn from_json_value(value: Value) -> Result<Self, CaseError> {
        let Value::Object(mut map) = value else {
            return Err(CaseError::invalid_event("(event)", "expected an object"));
        };
        let kind: EventKind = match map.remove("type") {
            Some(Value::String(s)) => s.parse().map_err(|_| CaseError::UnknownEvent)?,
            Some(_) => return Err(CaseError::invalid_event("type", "expected a string")),
            None => return Err(CaseError::invalid_event("type", "missing")),
        };
        let at = match map.remove("at") {
            Some(Value::String(s)) => {
                parse_instant(&s).map_err(|e| CaseError::invalid_event("at", e.to_string()))?
            }
            Some(_) => {
                return Err(CaseError::invalid_event(
                    "at",
                    "expected an RFC 3339 string",
                ));
            }
            None => return Err(CaseError::invalid_event("at", "missing")),
        };
        let by = match map.remove("by") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(_) => return Err(CaseError::invalid_event("by", "expected a staff id string")),
        };
        let role = match map.remove("role") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(
                s.parse::<ActorRole>()
                    .map_err(|e| CaseError::invalid_event("role", e.to_string()))?,
            ),
            Some(_) => return Err(CaseError::invalid_event("role", "expected a string")),
        };
        let body = body_from(kind, at, map)?;
        Ok(Event { at, by, role, body })
    }

    /// The event as a JSON value (the form [`Self::from_json_value`] reads).
    pub fn to_json_value(&self) -> Value {
        let mut map = body_to(&self.body);
        map.insert("type".into(), Value::from(self.kind().as_str()));
        map.insert("at".into(), Value::from(format_instant(&self.at)));
        if let Some(by) = &self.by {
            map.insert("by".into(), Value::from(by.as_str()));
        }
        if let Some(role) = self.role {
            map.insert("role".into(), Value::from(role.as_str()));
        }
        Value::Object(map)
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json_value().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Event::from_json_value(Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

// Payloads as serde structs, so that unknown and malformed keys are caught per type.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldsPayload {
    fields: Vec<Field>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuppliedPayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    contact: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    content: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisteredPayload {
    number: ComplaintNumber,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClassifiedPayload {
    category: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    department: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessedPayload {
    severity: Severity,
    urgency: Urgency,
    complexity: Complexity,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembersPayload {
    members: Vec<Member>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepsPayload {
    steps: Vec<Step>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidencePayload {
    kind: EvidenceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interviewee: Option<Interviewee>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotePayload {
    #[serde(default)]
    note: Option<Text>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanPayload {
    #[serde(default)]
    analysis: Text,
    #[serde(default)]
    responsibility: Text,
    #[serde(default)]
    measures: Text,
    #[serde(default)]
    time_points: Vec<TimePoint>,
    #[serde(default)]
    findings: Vec<Finding>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtendedPayload {
    until: NaiveDate,
    #[serde(default)]
    reason: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonPayload {
    #[serde(default)]
    reason: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartmentPayload {
    #[serde(default)]
    department: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptionPayload {
    #[serde(default)]
    description: Text,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportPayload {
    #[serde(default)]
    process: Text,
    #[serde(default)]
    result: Text,
    satisfaction: Option<Satisfaction>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FollowUpPayload {
    method: FollowUpMethod,
    satisfaction: Satisfaction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suggestions: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentsPayload {
    documents: Vec<Document>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Empty {}

fn payload<T: DeserializeOwned>(map: Map<String, Value>) -> Result<T, CaseError> {
    serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| {
        let key = e.path().to_string();
        let reason = sanitize(&e.into_inner().to_string());
        CaseError::invalid_event(if key == "." { "(event)".into() } else { key }, reason)
    })
}

/// serde's messages can quote the offending value (`invalid type: integer `13812345678``); a
/// personal field given the wrong type must not end up in an error. Keep only what names keys
/// and expected forms.
fn sanitize(message: &str) -> String {
    if message.starts_with("missing field") || message.starts_with("unknown field") {
        return message
            .split(", expected")
            .next()
            .unwrap_or(message)
            .to_owned();
    }
    match message
        .rfind(", expected ")
        .map(|i| i + 2)
        .or_else(|| message.rfind(": expected ").map(|i| i + 2))
    {
        Some(i) => format!("invalid value, {}", &message[i..]),
        None => "invalid value".to_owned(),
    }
}

fn body_from(
    kind: EventKind,
    at: Instant,
    map: Map<String, Value>,
) -> Result<EventBody, CaseError> {
    Ok(match kind {
        EventKind::Received => {
            let mut complaint: Complaint = payload(map)?;
            complaint.received_at.get_or_insert(at);
            EventBody::Received(complaint)
        }
        EventKind::InformationRequested => {
            let p: FieldsPayload = payload(map)?;
            EventBody::InformationRequested { fields: p.fields }
        }
        EventKind::InformationSupplied => {
            let p: SuppliedPayload = payload(map)?;
            EventBody::InformationSupplied {
                name: p.name,
                contact: p.contact,
                content: p.content,
            }
        }
        EventKind::Registered => {
            let p: RegisteredPayload = payload(map)?;
            EventBody::Registered { number: p.number }
        }
        EventKind::Classified => {
            let p: ClassifiedPayload = payload(map)?;
            EventBody::Classified {
                category: p.category,
                department: p.department,
            }
        }
        EventKind::Assessed => {
            let p: AssessedPayload = payload(map)?;
            EventBody::Assessed {
                severity: p.severity,
                urgency: p.urgency,
                complexity: p.complexity,
            }
        }
        EventKind::TeamFormed => {
            let p: MembersPayload = payload(map)?;
            EventBody::TeamFormed { members: p.members }
        }
        EventKind::InvestigationPlanned => {
            let p: StepsPayload = payload(map)?;
            EventBody::InvestigationPlanned { steps: p.steps }
        }
        EventKind::EvidenceAdded => {
            let p: EvidencePayload = payload(map)?;
            EventBody::EvidenceAdded {
                kind: p.kind,
                signed: p.signed,
                interviewee: p.interviewee,
                summary: p.summary,
            }
        }
        EventKind::ProgressReported => {
            let p: NotePayload = payload(map)?;
            EventBody::ProgressReported { note: p.note }
        }
        EventKind::PlanSubmitted => {
            let p: PlanPayload = payload(map)?;
            EventBody::PlanSubmitted {
                analysis: p.analysis,
                responsibility: p.responsibility,
                measures: p.measures,
                time_points: p.time_points,
                findings: p.findings,
            }
        }
        EventKind::PlanExtended => {
            let p: ExtendedPayload = payload(map)?;
            EventBody::PlanExtended {
                until: p.until,
                reason: p.reason,
            }
        }
        EventKind::PlanReturned => {
            let p: ReasonPayload = payload(map)?;
            EventBody::PlanReturned { reason: p.reason }
        }
        EventKind::ImplementationStarted => {
            let p: DepartmentPayload = payload(map)?;
            EventBody::ImplementationStarted {
                department: p.department,
            }
        }
        EventKind::ProblemRaised => {
            let p: DescriptionPayload = payload(map)?;
            EventBody::ProblemRaised {
                description: p.description,
            }
        }
        EventKind::ResultFedBack => {
            let p: ReportPayload = payload(map)?;
            EventBody::ResultFedBack {
                process: p.process,
                result: p.result,
                satisfaction: p.satisfaction.unwrap_or(Satisfaction::Unknown),
            }
        }
        EventKind::ObjectionRaised => {
            let p: ReasonPayload = payload(map)?;
            EventBody::ObjectionRaised { reason: p.reason }
        }
        EventKind::FollowUpVisited => {
            let p: FollowUpPayload = payload(map)?;
            EventBody::FollowUpVisited {
                method: p.method,
                satisfaction: p.satisfaction,
                suggestions: p.suggestions,
            }
        }
        EventKind::Archived => {
            let p: DocumentsPayload = payload(map)?;
            EventBody::Archived {
                documents: p.documents,
            }
        }
        EventKind::LegalHoldPlaced => {
            let p: ReasonPayload = payload(map)?;
            EventBody::LegalHoldPlaced { reason: p.reason }
        }
        EventKind::PlanApproved
        | EventKind::ImplementationCompleted
        | EventKind::RehandlingStarted
        | EventKind::RehandlingCompleted
        | EventKind::Closed
        | EventKind::LegalHoldReleased
        | EventKind::DestructionApproved
        | EventKind::Destroyed => {
            payload::<Empty>(map)?;
            match kind {
                EventKind::PlanApproved => EventBody::PlanApproved,
                EventKind::ImplementationCompleted => EventBody::ImplementationCompleted,
                EventKind::RehandlingStarted => EventBody::RehandlingStarted,
                EventKind::RehandlingCompleted => EventBody::RehandlingCompleted,
                EventKind::Closed => EventBody::Closed,
                EventKind::LegalHoldReleased => EventBody::LegalHoldReleased,
                EventKind::DestructionApproved => EventBody::DestructionApproved,
                _ => EventBody::Destroyed,
            }
        }
    })
}

fn to_map<T: Serialize>(value: &T) -> Map<String, Value> {
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn one<T: Serialize>(key: &str, value: &T) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert(
        key.into(),
        serde_json::to_value(value).unwrap_or(Value::Null),
    );
    map
}

fn body_to(body: &EventBody) -> Map<String, Value> {
    match body {
        EventBody::Received(complaint) => to_map(complaint),
        EventBody::InformationRequested { fields } => one("fields", fields),
        EventBody::InformationSupplied {
            name,
            contact,
            content,
        } => to_map(&SuppliedPayload {
            name: name.clone(),
            contact: contact.clone(),
            content: content.clone(),
        }),
        EventBody::Registered { number } => one("number", number),
        EventBody::Classified {
            category,
            department,
        } => to_map(&ClassifiedPayload {
            category: category.clone(),
            department: department.clone(),
        }),
        EventBody::Assessed {
            severity,
            urgency,
            complexity,
        } => to_map(&AssessedPayload {
            severity: *severity,
            urgency: *urgency,
            complexity: *complexity,
        }),
        EventBody::TeamFormed { members } => one("members", members),
        EventBody::InvestigationPlanned { steps } => one("steps", steps),
        EventBody::EvidenceAdded {
            kind,
            signed,
            interviewee,
            summary,
        } => to_map(&EvidencePayload {
            kind: *kind,
            signed: *signed,
            interviewee: *interviewee,
            summary: summary.clone(),
        }),
        EventBody::ProgressReported { note } => match note {
            Some(note) => one("note", note),
            None => Map::new(),
        },
        EventBody::PlanSubmitted {
            analysis,
            responsibility,
            measures,
            time_points,
            findings,
        } => to_map(&PlanPayload {
            analysis: analysis.clone(),
            responsibility: responsibility.clone(),
            measures: measures.clone(),
            time_points: time_points.clone(),
            findings: findings.clone(),
        }),
        EventBody::PlanExtended { until, reason } => to_map(&ExtendedPayload {
            until: *until,
            reason: reason.clone(),
        }),
        EventBody::PlanReturned { reason }
        | EventBody::ObjectionRaised { reason }
        | EventBody::LegalHoldPlaced { reason } => one("reason", reason),
        EventBody::ImplementationStarted { department } => match department {
            Some(d) => one("department", d),
            None => Map::new(),
        },
        EventBody::ProblemRaised { description } => one("description", description),
        EventBody::ResultFedBack {
            process,
            result,
            satisfaction,
        } => to_map(&ReportPayload {
            process: process.clone(),
            result: result.clone(),
            satisfaction: Some(*satisfaction),
        }),
        EventBody::FollowUpVisited {
            method,
            satisfaction,
            suggestions,
        } => to_map(&FollowUpPayload {
            method: *method,
            satisfaction: *satisfaction,
            suggestions: suggestions.clone(),
        }),
        EventBody::Archived { documents } => one("documents", documents),
        EventBody::PlanApproved
        | EventBody::ImplementationCompleted
        | EventBody::RehandlingStarted
        | EventBody::RehandlingCompleted
        | EventBody::Closed
        | EventBody::LegalHoldReleased
        | EventBody::DestructionApproved
        | EventBody::Destroyed => Map::new(),
    }
}
