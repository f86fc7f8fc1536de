//! The data of each event type: one struct per type, read and written by serde as the keys of
//! the event next to `type`, `at`, `by` and `role` (see [`Event`](super::Event)).
//!
//! Every payload denies unknown keys; keys that may be left out say so with `serde(default)`,
//! and optional keys that are absent are not written back. The `received` event's payload is
//! the [`Complaint`](crate::intake::Complaint) itself.
//!
//! ```
//! use complaint_office::case::payload::Registered;
//! use complaint_office::case::{Event, EventKind};
//! use complaint_office::number::ComplaintNumber;
//! use complaint_office::time::parse_instant;
//!
//! let number = ComplaintNumber::parse("25090001")?;
//! let event = Event::new(parse_instant("2025-09-26T11:00:00+08:00")?, Registered { number });
//! assert_eq!(event.kind(), EventKind::Registered);
//! assert_eq!(
//!     event.to_json_value().to_string(),
//!     r#"{"at":"2025-09-26T11:00:00+08:00","number":"25090001","type":"registered"}"#
//! );
//! # Ok::<(), complaint_office::Error>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::accountability::Finding;
use crate::archive::Document;
use crate::confidential::Confidential;
use crate::intake::Field;
use crate::number::ComplaintNumber;
use crate::triage::{Complexity, Severity, Urgency};
use crate::vocabulary::vocabulary;

/// Free text that may mention people: kept out of `Debug`.
pub type Text = Confidential<String>;

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

/// A member of the investigation team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimePoint {
    /// What is done.
    pub what: Text,
    /// By when.
    pub due: NaiveDate,
}

/// `information_requested`: missing information requested from the complainant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InformationRequested {
    /// What is asked for.
    pub fields: Vec<Field>,
}

/// `information_supplied`: the complainant supplied information; absent fields stay as they
/// were.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InformationSupplied {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Text>,
    /// The content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Text>,
}

/// `registered`: initial registration with the complaint number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Registered {
    /// The number issued.
    pub number: ComplaintNumber,
}

/// `classified`: category and department concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Classified {
    /// A category code of the policy.
    pub category: String,
    /// The department concerned; the category's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// `assessed`: the initial assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessed {
    /// Severity.
    pub severity: Severity,
    /// Urgency.
    pub urgency: Urgency,
    /// Complexity.
    pub complexity: Complexity,
}

/// `team_formed`: the investigation team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamFormed {
    /// Members.
    pub members: Vec<Member>,
}

/// `investigation_planned`: the written investigation plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InvestigationPlanned {
    /// Steps.
    pub steps: Vec<Step>,
}

/// `evidence_added`: a piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceAdded {
    /// Method.
    pub kind: EvidenceKind,
    /// For interviews: whether the record is signed by the person interviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<bool>,
    /// For interviews: who.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interviewee: Option<Interviewee>,
    /// A summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
}

/// `progress_reported`: progress told to the complainant.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressReported {
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// `plan_submitted`: the handling plan (§4.1.1). All four parts are required; a part left
/// out reads as blank, so that applying the event names every missing part at once.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanSubmitted {
    /// Problem analysis.
    #[serde(default)]
    pub analysis: Text,
    /// Responsibility determination.
    #[serde(default)]
    pub responsibility: Text,
    /// Measures.
    #[serde(default)]
    pub measures: Text,
    /// Time points.
    #[serde(default)]
    pub time_points: Vec<TimePoint>,
    /// Responsibility findings (§8.1), decided by the discipline table.
    #[serde(default)]
    pub findings: Vec<Finding>,
}

/// `plan_extended`: the plan limit extended to the end of `until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanExtended {
    /// The new last day.
    pub until: NaiveDate,
    /// Why.
    #[serde(default)]
    pub reason: Text,
}

/// `plan_returned`: the plan sent back for modification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanReturned {
    /// Why.
    #[serde(default)]
    pub reason: Text,
}

/// `plan_approved`: the plan approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanApproved {}

/// `implementation_started`: the responsible department started implementing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImplementationStarted {
    /// The responsible department; the case's department when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// `problem_raised`: a problem raised during implementation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProblemRaised {
    /// The problem.
    #[serde(default)]
    pub description: Text,
}

/// `implementation_completed`: implementation complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImplementationCompleted {}

/// `result_fed_back`: the result went to the complainant, with the written report (§4.4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultFedBack {
    /// The handling process.
    #[serde(default)]
    pub process: Text,
    /// The result.
    #[serde(default)]
    pub result: Text,
    /// The complainant's satisfaction; `unknown` when absent or null.
    #[serde(default = "unknown", deserialize_with = "satisfaction_or_unknown")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Satisfaction>"))]
    pub satisfaction: Satisfaction,
}

fn unknown() -> Satisfaction {
    Satisfaction::Unknown
}

fn satisfaction_or_unknown<'de, D: Deserializer<'de>>(d: D) -> Result<Satisfaction, D::Error> {
    Ok(Option::<Satisfaction>::deserialize(d)?.unwrap_or(Satisfaction::Unknown))
}

/// `objection_raised`: the complainant is not satisfied or objects.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObjectionRaised {
    /// Why.
    #[serde(default)]
    pub reason: Text,
}

/// `rehandling_started`: the department handles the complaint again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RehandlingStarted {}

/// `rehandling_completed`: re-handling complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RehandlingCompleted {}

/// `follow_up_visited`: the follow-up visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUpVisited {
    /// Phone or questionnaire.
    pub method: FollowUpMethod,
    /// Satisfaction.
    pub satisfaction: Satisfaction,
    /// Suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestions: Option<Text>,
}

/// `closed`: the case is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Closed {}

/// `archived`: filed in the archive with its documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Archived {
    /// The documents filed.
    pub documents: Vec<Document>,
}

/// `legal_hold_placed`: a legal hold forbids destruction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalHoldPlaced {
    /// Why.
    #[serde(default)]
    pub reason: Text,
}

/// `legal_hold_released`: the legal hold ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalHoldReleased {}

/// `destruction_approved`: company leadership approved destruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DestructionApproved {}

/// `destroyed`: the files were destroyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Destroyed {}

vocabulary! {
    /// Why a complaint is rejected (§1.2, §2.1).
    pub enum RejectionGround("rejection ground", "case.unknown_rejection_ground") {
        /// §2.1: not admissible through its channel (an e-mail without the complaint word in
        /// its subject, a partner on the employees' OA board).
        Inadmissible = "inadmissible",
        /// §1.2: not a complaint (an enquiry, a suggestion, spam).
        NotAComplaint = "not_a_complaint",
        /// §1.2: not about the company's products, services or management, or not from an
        /// employee, customer or partner.
        OutOfScope = "out_of_scope",
    }
}

/// `emergency_procedure_started`: the emergency procedure started (§2.2.4).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyProcedureStarted {
    /// What was done first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Text>,
}

/// `rehandling_declined`: management decided not to handle the complaint again although the
/// complainant is not satisfied (§5.1.2), with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RehandlingDeclined {
    /// Why (required).
    // Read when absent so that the rule refuses the event with its own code; declared
    // required to the bindings, which no event without it passes.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("x-required-by-rule" = "case.reason_required")))]
    pub reason: Text,
}

/// `reopened`: the complaint office reopens a closed case because the complainant turns out
/// not to be satisfied or still objects (§5.1.2): a late objection, a dissatisfied call after
/// closing. The case is handled again before it may close again.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reopened {
    /// Why (required): what the complainant said after closing.
    // Read when absent so that the rule refuses the event with its own code; declared
    // required to the bindings, which no event without it passes.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("x-required-by-rule" = "case.reason_required")))]
    pub reason: Text,
}

/// `rejected`: the complaint is not taken up (§1.2, §2.1), on a ground and with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// On what ground.
    pub ground: RejectionGround,
    /// Why (required).
    // Read when absent so that the rule refuses the event with its own code; declared
    // required to the bindings, which no event without it passes.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(extend("x-required-by-rule" = "case.reason_required")))]
    pub reason: Text,
}

/// `withdrawn`: the complainant withdrew the complaint.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    /// Why, if the complainant said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// `merged`: a duplicate of another case, handled under that case's number (§2.2.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Merged {
    /// The number of the case it is merged into.
    pub into: ComplaintNumber,
    /// Why, if noted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// `lapsed`: the complainant never supplied the missing information (§2.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lapsed {}
