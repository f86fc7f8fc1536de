//! The case lifecycle (§2–§6): a complaint's life as events the host stores and the library
//! judges; its deadline schedule, SLA states and compliance report at any instant.
//!
//! Events are the host's stored history: they come in as plain objects (or JSON text) in the
//! documented event format, typed as `CaseEventData`, and go out the same way.

use complaint_office::accountability::Finding;
use complaint_office::case::{self as core_case, CaseError};
use complaint_office::privacy::Role;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::convert::{Js, json_text, or_null, to_js};
use crate::error::{JsResult, case_failure};
use crate::policy::{Policy, PolicySet};
use crate::time::{date_out, instant_in, instant_out};

/// The stored event format (`CaseEventData` and the types only events use), generated from
/// the core's serde types by `tools/boundary`; its test fails when this file is out of date.
#[wasm_bindgen(typescript_custom_section)]
const TS_EVENTS: &str = include_str!("generated/events.d.ts");

/// The result records (`StageDeadline`, `Schedule`, `ComplianceReport`, `CaseView`, …),
/// generated from the core's structs by `tools/boundary`, as is their serialisation
/// (`convert::Js`).
#[wasm_bindgen(typescript_custom_section)]
const TS_RECORDS: &str = include_str!("generated/records.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_CASE: &str = r#"
/** The type of an event, in the order of a case's life. */
export type EventType = CaseEventData["type"];

/** The keys every event has. */
export interface EventBase {
  /** When it happened, with an offset. */
  at: Rfc3339;
  /** Who did it (a staff id). */
  by?: string | null;
  /** In which role. */
  role?: ActorRole | null;
}

"#;

/// `FindingDecision` of the `.d.ts`.
#[derive(Serialize)]
struct FindingDecisionJs<'a> {
    finding: &'a Finding,
    decision: crate::accountability::DecisionJs,
}

/// One event of a case's history (`CaseEvent` in JavaScript: `Event` is the DOM's).
#[wasm_bindgen(js_name = CaseEvent)]
#[derive(Debug, Clone)]
pub struct Event(core_case::Event);

/// An event argument: a `CaseEventData` object, a `CaseEvent`, or JSON text.
pub(crate) fn event_in(value: &JsValue) -> JsResult<core_case::Event> {
    let text = json_text(value, "event: an event object or JSON text expected")?;
    core_case::Event::from_json_str(&text).map_err(case_failure)
}

/// A history argument: an array of events, or JSON text of one.
pub(crate) fn events_in(value: &JsValue) -> JsResult<Vec<core_case::Event>> {
    let text = json_text(value, "events: an array of events or JSON text expected")?;
    let values: Vec<Value> = serde_json::from_str(&text).map_err(|_| {
        case_failure(CaseError::invalid_event(
            "(events)",
            "expected a JSON array of events",
        ))
    })?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, v)| {
            core_case::Event::from_json_value(v).map_err(|e| {
                case_failure(CaseError::AtEvent {
                    index,
                    source: Box::new(e),
                })
            })
        })
        .collect()
}

#[wasm_bindgen(js_class = CaseEvent)]
impl Event {
    /// Reads an event (`case.unknown_event` for an unknown type, `case.invalid_event` naming
    /// the key for anything else).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "CaseEventData | string")] event: JsValue,
    ) -> JsResult<Event> {
        Ok(Event(event_in(&event)?))
    }

    /// The event in the stored format, normalised (for `JSON.stringify` too).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "CaseEventData")]
    pub fn to_json(&self) -> JsResult<JsValue> {
        to_js(&self.0.to_json_value())
    }

    /// The `received` event at `at` of a complaint given as a `Complaint` API object (an
    /// `EmailIntake`'s `complaint`, or the complaint a registration form collected): its
    /// fields, in the stored event format (`complainant_kind`, `received_at`). A bad value has
    /// the core's code (`intake.unknown_channel`, `time.missing_offset`, …).
    pub fn received(
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Complaint")] complaint: JsValue,
    ) -> JsResult<Event> {
        let complaint = crate::intake::complaint_in(&complaint)?;
        Ok(Event(core_case::Event::new(
            instant_in(&at)?,
            core_case::EventBody::Received(complaint),
        )))
    }

    /// The event's type.
    #[wasm_bindgen(getter, js_name = type, unchecked_return_type = "EventType")]
    pub fn kind(&self) -> String {
        self.0.kind().as_str().to_owned()
    }

    /// When it happened.
    #[wasm_bindgen(getter, unchecked_return_type = "Rfc3339")]
    pub fn at(&self) -> String {
        instant_out(&self.0.at)
    }

    /// Who did it, if recorded.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn by(&self) -> JsValue {
        or_null(self.0.by.clone())
    }

    /// In which role, if recorded.
    #[wasm_bindgen(getter, unchecked_return_type = "ActorRole | null")]
    pub fn role(&self) -> JsValue {
        or_null(self.0.role.map(|r| r.as_str()))
    }

    /// The clause that governs the event type.
    #[wasm_bindgen(getter, unchecked_return_type = "Clause")]
    pub fn clause(&self) -> String {
        self.0.kind().clause().to_owned()
    }
}

/// A complaint's case: its state after the events applied so far, under the policy in force
/// when it was received.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Case(pub(crate) core_case::Case);

#[wasm_bindgen]
impl Case {
    /// Opens a case with its `received` event.
    pub fn open(
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "CaseEventData | CaseEvent | string")] event: JsValue,
    ) -> JsResult<Case> {
        let event = event_in(&event)?;
        Ok(Case(
            core_case::Case::open(&policy.0, event).map_err(case_failure)?,
        ))
    }

    /// Rebuilds a case from its history; the error of a refused event carries its `index`.
    pub fn replay(
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "(CaseEventData | CaseEvent)[] | string")]
        events: JsValue,
    ) -> JsResult<Case> {
        let events = events_in(&events)?;
        Ok(Case(
            core_case::Case::replay(&policy.0, events).map_err(case_failure)?,
        ))
    }

    /// Rebuilds a case under the policy of the set in force when it was received.
    #[wasm_bindgen(js_name = replayIn)]
    pub fn replay_in(
        policies: &PolicySet,
        #[wasm_bindgen(unchecked_param_type = "(CaseEventData | CaseEvent)[] | string")]
        events: JsValue,
    ) -> JsResult<Case> {
        let events = events_in(&events)?;
        Ok(Case(
            core_case::Case::replay_in(policies.inner(), events).map_err(case_failure)?,
        ))
    }

    /// Applies one event, or refuses it with the rule it breaks and leaves the case unchanged.
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "CaseEventData | CaseEvent | string")] event: JsValue,
    ) -> JsResult<()> {
        let event = event_in(&event)?;
        self.0.apply(event).map_err(case_failure)
    }

    /// The event types the policy allows next (further guards may still refuse one).
    #[wasm_bindgen(js_name = allowedNext, unchecked_return_type = "EventType[]")]
    pub fn allowed_next(&self) -> Vec<String> {
        self.0
            .allowed_next()
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect()
    }

    /// The policy the case is judged by.
    #[wasm_bindgen(getter)]
    pub fn policy(&self) -> Policy {
        Policy(self.0.policy().clone())
    }

    /// Where the case stands.
    #[wasm_bindgen(getter, unchecked_return_type = "Status")]
    pub fn status(&self) -> String {
        self.0.status().as_str().to_owned()
    }

    /// The complaint number, once registered.
    #[wasm_bindgen(getter, unchecked_return_type = "ComplaintNumberText | null")]
    pub fn number(&self) -> JsValue {
        or_null(self.0.number().map(|n| n.to_string()))
    }

    /// When the complaint was received.
    #[wasm_bindgen(getter, js_name = receivedAt, unchecked_return_type = "Rfc3339")]
    pub fn received_at(&self) -> String {
        instant_out(&self.0.received_at())
    }

    /// When it was registered.
    #[wasm_bindgen(getter, js_name = registeredAt, unchecked_return_type = "Rfc3339 | null")]
    pub fn registered_at(&self) -> JsValue {
        or_null(self.0.registered_at().as_ref().map(instant_out))
    }

    /// The instant of the last event applied.
    #[wasm_bindgen(getter, js_name = lastEventAt, unchecked_return_type = "Rfc3339")]
    pub fn last_event_at(&self) -> String {
        instant_out(&self.0.last_event_at())
    }

    /// The number of events applied.
    #[wasm_bindgen(getter, js_name = eventCount)]
    pub fn event_count(&self) -> usize {
        self.0.event_count()
    }

    /// The category code, once classified.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn category(&self) -> JsValue {
        or_null(self.0.category())
    }

    /// The department concerned.
    #[wasm_bindgen(getter, unchecked_return_type = "string | null")]
    pub fn department(&self) -> JsValue {
        or_null(self.0.department())
    }

    /// The initial assessment, once assessed.
    #[wasm_bindgen(getter, unchecked_return_type = "CaseAssessment | null")]
    pub fn assessment(&self) -> JsResult<JsValue> {
        to_js(&Js(&self.0.assessment()))
    }

    /// The handling track (general until assessed).
    #[wasm_bindgen(getter, unchecked_return_type = "Track")]
    pub fn track(&self) -> String {
        self.0.track().as_str().to_owned()
    }

    /// Whether the emergency procedure applies (§2.2.4).
    #[wasm_bindgen(getter)]
    pub fn emergency(&self) -> bool {
        self.0.emergency()
    }

    /// The pauses of the registration clock.
    #[wasm_bindgen(unchecked_return_type = "Pause[]")]
    pub fn pauses(&self) -> JsResult<JsValue> {
        to_js(&Js(self.0.pauses()))
    }

    /// The responsibility findings of the handling plan (§4.1.1, §8.1).
    #[wasm_bindgen(unchecked_return_type = "ResponsibilityFinding[]")]
    pub fn findings(&self) -> JsResult<JsValue> {
        to_js(self.0.findings())
    }

    /// Each responsibility finding with the discipline the policy's table decides for it
    /// (§8.2), in the order of `findings()`.
    #[wasm_bindgen(unchecked_return_type = "FindingDecision[]")]
    pub fn decisions(&self) -> JsResult<JsValue> {
        let decisions: Vec<FindingDecisionJs<'_>> = self
            .0
            .decisions()
            .into_iter()
            .map(|(finding, decision)| FindingDecisionJs {
                finding,
                decision: (&decision).into(),
            })
            .collect();
        to_js(&decisions)
    }

    /// The documents filed in the archive.
    #[wasm_bindgen(unchecked_return_type = "ArchiveDocument[]")]
    pub fn documents(&self) -> Vec<String> {
        self.0
            .documents()
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect()
    }

    /// The complaint as received, personal data included (the complaint office's view; other
    /// roles read `view(role)`).
    #[wasm_bindgen(getter, unchecked_return_type = "Required<Complaint>")]
    pub fn complaint(&self) -> JsResult<JsValue> {
        to_js(&crate::intake::ComplaintOut::from(self.0.complaint()))
    }

    /// The latest intake check of the complaint (§2.1, §2.2.1).
    #[wasm_bindgen(getter, unchecked_return_type = "IntakeReport")]
    pub fn intake(&self) -> JsResult<JsValue> {
        to_js(&Js(self.0.intake()))
    }

    /// Whether a legal hold is in place.
    #[wasm_bindgen(getter, js_name = legalHold)]
    pub fn legal_hold(&self) -> bool {
        self.0.legal_hold()
    }

    /// The day the case was archived (office time).
    #[wasm_bindgen(getter, js_name = archivedOn, unchecked_return_type = "IsoDate | null")]
    pub fn archived_on(&self) -> JsValue {
        or_null(self.0.archived_on().map(date_out))
    }

    /// The case as `role` sees it: personal data redacted as `viewPersonalData` does.
    #[wasm_bindgen(unchecked_return_type = "CaseView")]
    pub fn view(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Role")] role: &str,
    ) -> JsResult<JsValue> {
        to_js(&Js(&self.0.view(role.parse::<Role>()?)))
    }

    /// The deadline schedule and SLA state at `now`.
    #[wasm_bindgen(unchecked_return_type = "Schedule")]
    pub fn schedule(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] now: JsValue,
    ) -> JsResult<JsValue> {
        to_js(&Js(&self.0.schedule(instant_in(&now)?)))
    }

    /// Every rule checked, with its clause, at `now`.
    #[wasm_bindgen(unchecked_return_type = "ComplianceReport")]
    pub fn compliance(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] now: JsValue,
    ) -> JsResult<JsValue> {
        to_js(&Js(&self.0.compliance(instant_in(&now)?)))
    }

    /// The case as a row of the complaint ledger (§2.2.2) for statistics (§7.1), once it has
    /// a number, else `null`: counted by its time of receipt (§2.2.1), closed when it closed
    /// or ended by a disposition, satisfied as the last answer said, with its outcome
    /// (`resolved`, `rejected`, `withdrawn`, `merged`, `lapsed` or `open`). No personal data;
    /// `Ledger.fromRecords` takes it as it is.
    #[wasm_bindgen(unchecked_return_type = "LedgerRecord | null")]
    pub fn record(&self) -> JsResult<JsValue> {
        to_js(&self.0.record().map(crate::stats::RecordOut::from))
    }
}

#[wasm_bindgen(js_class = CaseEvent)]
impl Event {
    /// `CaseEvent(type=received, at=…)`, never the event's personal data: what
    /// `console.log` shows (`toJSON()` gives the whole stored event).
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!(
            "CaseEvent(type={}, at={})",
            self.0.kind(),
            complaint_office::time::format_instant(&self.0.at)
        )
    }
}

#[wasm_bindgen]
impl Case {
    /// `Case(status=registered, number=25090001, events=2)`, never its personal data: what
    /// `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!(
            "Case(status={}, number={}, events={})",
            self.0.status(),
            self.0
                .number()
                .map_or_else(|| "none".to_owned(), |n| n.to_string()),
            self.0.event_count()
        )
    }
}
