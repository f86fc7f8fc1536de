//! The case lifecycle (§2–§6): events, replay, guards, the deadline schedule and the
//! compliance report.
//!
//! Events cross in the JSON form a host stores (`Event.fromJson`), the core's own format;
//! everything the library says about a case comes back typed.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use complaint_office::case as core;

use crate::accountability::{Decision, Finding};
use crate::archive::Document;
use crate::duration::Duration;
use crate::error::{Result, guard, within};
use crate::intake::{Complaint, IntakeReport};
use crate::number::ComplaintNumber;
use crate::period::PeriodRule;
use crate::policy::{Policy, PolicySet};
use crate::privacy::{PersonalData, Role};
use crate::stats::LedgerRecord;
use crate::time::{LocalDate, OffsetDateTime};
use crate::triage::{Complexity, Severity, Track, Urgency};
use crate::vocabulary::mirror_vocabulary;
use complaint_office::input::MAX_TEXT_FILE_BYTES;

pub use crate::vocabulary::{
    ActorRole, CheckResult, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction, SlaState,
    Stage, Status, TeamRole,
};

include!("generated/event_kind.rs");

/// One event of a case's history, read from the JSON a host stores.
#[derive(Debug, Clone, PartialEq, uniffi::Object)]
#[uniffi::export(Display, Eq)]
pub struct Event(pub(crate) core::Event);

#[uniffi::export]
impl Event {
    /// Reads an event from JSON text:
    /// `{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}`.
    ///
    /// # Errors
    /// `case.unknown_event` for an unknown `type`; `case.invalid_event` naming the key for
    /// anything else.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        guard(|| Ok(Arc::new(Event(core::Event::from_json_str(&json)?))))
    }

    /// The event as JSON text, normalised (the form [`Self::from_json`] reads).
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn to_json(&self) -> Result<String> {
        guard(|| Ok(self.0.to_json_value().to_string()))
    }

    /// The type.
    pub fn kind(&self) -> EventKind {
        self.0.kind().into()
    }

    /// The clause of the policy that governs the event's type (`§2.2.1` for `received`).
    pub fn clause(&self) -> String {
        self.0.kind().clause().to_owned()
    }

    /// When it happened.
    pub fn at(&self) -> OffsetDateTime {
        self.0.at
    }

    /// Who did it (a staff id), if recorded.
    pub fn by(&self) -> Option<String> {
        self.0.by.clone()
    }

    /// In which role.
    pub fn role(&self) -> Option<ActorRole> {
        self.0.role.map(Into::into)
    }
}

/// Reads a JSON array of events.
///
/// # Errors
/// `case.invalid_event` when the text is not an array; else the first bad event's code;
/// `input.too_large` over 64 MiB of text.
#[uniffi::export]
pub fn events_from_json(json: String) -> Result<Vec<Arc<Event>>> {
    within(json.len(), MAX_TEXT_FILE_BYTES)?;
    guard(|| {
        let values: Vec<serde_json::Value> = serde_json::from_str(&json).map_err(|_| {
            core::CaseError::invalid_event("(events)", "expected a JSON array of events")
        })?;
        values
            .into_iter()
            .map(|v| Ok(Arc::new(Event(core::Event::from_json_value(v)?))))
            .collect()
    })
}

// The result records (`InitialAssessment`, `Pause`, `StageDeadline`, `Schedule`, `Check`,
// `ComplianceReport`, `CaseView`) and their conversions from the core's, generated from the
// core's structs by `tools/boundary`; its test fails when the file is out of date.
include!("generated/case_records.rs");

/// A responsibility finding with the discipline the policy's table decides for it (§8.2).
#[derive(Debug, Clone, uniffi::Record)]
pub struct FindingDecision {
    /// The finding of the handling plan.
    pub finding: Finding,
    /// What the discipline table decides for it.
    pub decision: Decision,
}

/// A complaint's case: its state after the events applied so far, under the policy in force
/// when it was received. `apply` changes it; the binding makes that safe between threads.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Case(Mutex<core::Case>);

fn events_of(events: Vec<Arc<Event>>) -> impl Iterator<Item = core::Event> {
    events.into_iter().map(|e| e.0.clone())
}

pub(crate) fn arc(case: core::Case) -> Arc<Case> {
    Arc::new(Case(Mutex::new(case)))
}

impl Case {
    pub(crate) fn lock(&self) -> MutexGuard<'_, core::Case> {
        // `apply` leaves the case unchanged when it refuses an event, so a lock poisoned by a
        // caught panic still holds a consistent case.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[uniffi::export]
impl Case {
    /// Opens a case with its `received` event.
    ///
    /// # Errors
    /// `case.not_received_first` for any other event; the intake codes of the complaint.
    #[uniffi::constructor]
    pub fn open(policy: Arc<Policy>, event: Arc<Event>) -> Result<Arc<Self>> {
        guard(|| Ok(arc(core::Case::open(&policy.0, event.0.clone())?)))
    }

    /// Rebuilds a case from its history. Deterministic.
    ///
    /// # Errors
    /// The code (and clause) of the first refused event.
    #[uniffi::constructor]
    pub fn replay(policy: Arc<Policy>, events: Vec<Arc<Event>>) -> Result<Arc<Self>> {
        guard(|| Ok(arc(core::Case::replay(&policy.0, events_of(events))?)))
    }

    /// Rebuilds a case under the policy in force when it was received.
    ///
    /// # Errors
    /// As [`Self::replay`]; `case.no_policy` when no policy is in force then.
    #[uniffi::constructor]
    pub fn replay_in(policies: Arc<PolicySet>, events: Vec<Arc<Event>>) -> Result<Arc<Self>> {
        guard(|| Ok(arc(core::Case::replay_in(&policies.0, events_of(events))?)))
    }

    /// Rebuilds a case from a JSON array of events.
    ///
    /// # Errors
    /// `case.invalid_event` when the text is not an array of events, else as [`Self::replay`];
    /// `input.too_large` over 64 MiB of text.
    #[uniffi::constructor]
    pub fn replay_json(policy: Arc<Policy>, json: String) -> Result<Arc<Self>> {
        within(json.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| Ok(arc(core::Case::replay_json(&policy.0, &json)?)))
    }

    /// Applies one event, or refuses it with the rule it breaks and leaves the case unchanged.
    ///
    /// # Errors
    /// A `case.*` code naming the clause.
    pub fn apply(&self, event: Arc<Event>) -> Result<()> {
        guard(|| Ok(self.lock().apply(event.0.clone())?))
    }

    /// The event types the policy allows next.
    pub fn allowed_next(&self) -> Vec<EventKind> {
        self.lock()
            .allowed_next()
            .into_iter()
            .map(Into::into)
            .collect()
    }

    /// The policy the case is judged by.
    pub fn policy(&self) -> Arc<Policy> {
        Policy::arc(self.lock().policy().clone())
    }

    /// Where the case stands.
    pub fn status(&self) -> Status {
        self.lock().status().into()
    }

    /// The complaint number, once registered.
    pub fn number(&self) -> Option<Arc<ComplaintNumber>> {
        self.lock().number().map(ComplaintNumber::arc)
    }

    /// The complaint as received and completed (personal data: the office's view; see
    /// [`Self::view`] for the other roles).
    pub fn complaint(&self) -> Complaint {
        self.lock().complaint().into()
    }

    /// The latest intake check.
    pub fn intake(&self) -> IntakeReport {
        self.lock().intake().into()
    }

    /// When the complaint was received.
    pub fn received_at(&self) -> OffsetDateTime {
        self.lock().received_at()
    }

    /// When it was registered.
    pub fn registered_at(&self) -> Option<OffsetDateTime> {
        self.lock().registered_at()
    }

    /// The instant of the last event applied.
    pub fn last_event_at(&self) -> OffsetDateTime {
        self.lock().last_event_at()
    }

    /// The number of events applied.
    pub fn event_count(&self) -> i64 {
        i64::try_from(self.lock().event_count()).unwrap_or(i64::MAX)
    }

    /// The category code, once classified.
    pub fn category(&self) -> Option<String> {
        self.lock().category().map(str::to_owned)
    }

    /// The department concerned.
    pub fn department(&self) -> Option<String> {
        self.lock().department().map(str::to_owned)
    }

    /// The initial assessment.
    pub fn assessment(&self) -> Option<InitialAssessment> {
        self.lock().assessment().as_ref().map(Into::into)
    }

    /// The handling track (general until assessed).
    pub fn track(&self) -> Track {
        self.lock().track().into()
    }

    /// Whether the emergency procedure applies (§2.2.4).
    pub fn emergency(&self) -> bool {
        self.lock().emergency()
    }

    /// The pauses of the registration clock.
    pub fn pauses(&self) -> Vec<Pause> {
        self.lock().pauses().iter().map(Into::into).collect()
    }

    /// The responsibility findings of the handling plan (§4.1.1, §8.1).
    pub fn findings(&self) -> Vec<Finding> {
        self.lock().findings().iter().map(Into::into).collect()
    }

    /// Each responsibility finding with the discipline the policy's table decides for it
    /// (§8.2), in the order of `findings`.
    pub fn decisions(&self) -> Vec<FindingDecision> {
        self.lock()
            .decisions()
            .into_iter()
            .map(|(finding, decision)| FindingDecision {
                finding: finding.into(),
                decision: decision.into(),
            })
            .collect()
    }

    /// The documents filed in the archive.
    pub fn documents(&self) -> Vec<Document> {
        self.lock().documents().iter().map(|&d| d.into()).collect()
    }

    /// The case as `role` may see it (§1.3.4): the office sees everything, the investigation
    /// team the contact details, the department the content without the complainant's
    /// identity, statistics no personal data.
    pub fn view(&self, role: Role) -> CaseView {
        CaseView::from(&self.lock().view(role.into()))
    }

    /// Whether a legal hold is in place.
    pub fn legal_hold(&self) -> bool {
        self.lock().legal_hold()
    }

    /// The day the case was archived (office time).
    pub fn archived_on(&self) -> Option<LocalDate> {
        self.lock().archived_on()
    }

    /// The deadline schedule and SLA state at `now`.
    ///
    /// # Errors
    /// `time.*` for an instant the library cannot read.
    pub fn schedule(&self, now: OffsetDateTime) -> Result<Schedule> {
        guard(|| Ok(Schedule::from(&self.lock().schedule(now))))
    }

    /// Every rule checked, with its clause, at `now`.
    ///
    /// # Errors
    /// `time.*` for an instant the library cannot read.
    pub fn compliance(&self, now: OffsetDateTime) -> Result<ComplianceReport> {
        guard(|| Ok(ComplianceReport::from(&self.lock().compliance(now))))
    }

    /// The case as a row of the complaint ledger (§2.2.2) for statistics (§7.1), once it has
    /// a number: counted by its time of receipt (§2.2.1), closed when it closed or ended by a
    /// disposition, satisfied as the last answer said, with its outcome (`resolved`,
    /// `rejected`, `withdrawn`, `merged`, `lapsed` or `open`). No personal data;
    /// `Ledger.fromRecords` takes it as it is.
    pub fn record(&self) -> Option<LedgerRecord> {
        self.lock().record().map(Into::into)
    }
}

/// `Event(type=received, at=…)`, never the event's personal data: Kotlin's `toString()`.
impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Event(type={}, at={})",
            self.0.kind(),
            complaint_office::time::format_instant(&self.0.at)
        )
    }
}

/// `Case(status=registered, number=25090001, events=2)`, never its personal data: Kotlin's
/// `toString()`.
impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let case = self.lock();
        write!(
            f,
            "Case(status={}, number={}, events={})",
            case.status(),
            case.number()
                .map_or_else(|| "none".to_owned(), |n| n.to_string()),
            case.event_count()
        )
    }
}
