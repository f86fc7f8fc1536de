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

use complaint_office::case as core;
use complaint_office::case::payload as p;
use serde_json::{Map, Value};

use crate::accountability::Finding;
use crate::archive::Document;
use crate::case::{
    ActorRole, Case, Event, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction, TeamRole, arc,
};
use crate::error::{Result, guard};
use crate::intake::{Channel, ComplainantKind, RegistrationField};
use crate::number::ComplaintNumber;
use crate::policy::{Policy, PolicySet};
use crate::time::{LocalDate, OffsetDateTime};
use crate::triage::{Complexity, Severity, Urgency};

pub use crate::vocabulary::RejectionGround;

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

include!("generated/case_event.rs");

impl CaseEvent {
    /// The core's event: the typed fields written as the stored format's keys and read by the
    /// core, so a typed event and its JSON form replay identically (a `received` event is
    /// received at `at` unless it says otherwise, as when read from JSON).
    pub(crate) fn to_core(&self) -> std::result::Result<core::Event, core::CaseError> {
        core::Event::from_json_value(Value::Object(self.to_wire()))
    }

    /// The typed form of the core's event.
    pub(crate) fn from_core(event: &core::Event) -> Result<Self> {
        let Value::Object(mut map) = event.to_json_value() else {
            return Err(core::CaseError::invalid_event("(event)", "expected an object").into());
        };
        map.remove("type");
        Self::from_wire(event.kind(), &mut map)
    }
}

/// Writes a field under its key; an absent optional field is left out.
fn put<T: Wire>(map: &mut Map<String, Value>, key: &str, value: &T) {
    let value = value.to_wire();
    if !value.is_null() {
        map.insert(key.to_owned(), value);
    }
}

/// Reads the field under `key` (absent reads as null, which only an optional field takes).
fn take<T: Wire>(map: &mut Map<String, Value>, key: &str) -> Result<T> {
    T::from_wire(map.remove(key).unwrap_or(Value::Null)).ok_or_else(|| {
        core::CaseError::invalid_event(key, "not the type the typed form has").into()
    })
}

/// A field type of a typed event, and its value in the stored format.
pub(crate) trait Wire: Sized {
    /// The value as the stored format writes it (`null` for an absent optional value).
    fn to_wire(&self) -> Value;
    /// The value from the stored format; `None` when it is not one of this type.
    fn from_wire(value: Value) -> Option<Self>;
}

impl Wire for String {
    fn to_wire(&self) -> Value {
        Value::from(self.as_str())
    }

    fn from_wire(value: Value) -> Option<Self> {
        match value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl Wire for bool {
    fn to_wire(&self) -> Value {
        Value::from(*self)
    }

    fn from_wire(value: Value) -> Option<Self> {
        value.as_bool()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn to_wire(&self) -> Value {
        self.as_ref().map_or(Value::Null, Wire::to_wire)
    }

    fn from_wire(value: Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            value => T::from_wire(value).map(Some),
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn to_wire(&self) -> Value {
        Value::Array(self.iter().map(Wire::to_wire).collect())
    }

    fn from_wire(value: Value) -> Option<Self> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_wire).collect(),
            _ => None,
        }
    }
}

impl Wire for OffsetDateTime {
    fn to_wire(&self) -> Value {
        Value::from(complaint_office::time::format_instant(self))
    }

    fn from_wire(value: Value) -> Option<Self> {
        complaint_office::time::parse_instant(value.as_str()?).ok()
    }
}

impl Wire for LocalDate {
    fn to_wire(&self) -> Value {
        Value::from(self.format("%Y-%m-%d").to_string())
    }

    fn from_wire(value: Value) -> Option<Self> {
        serde_json::from_value(value).ok()
    }
}

impl Wire for Arc<ComplaintNumber> {
    fn to_wire(&self) -> Value {
        Value::from(self.0.to_string())
    }

    fn from_wire(value: Value) -> Option<Self> {
        let number = complaint_office::number::ComplaintNumber::parse(value.as_str()?).ok()?;
        Some(Arc::new(ComplaintNumber(number)))
    }
}

/// A record or vocabulary of the binding, through the core's own type and its serde form.
macro_rules! wire_through_core {
    ($($binding:ty => $core:ty),+ $(,)?) => {$(
        impl Wire for $binding {
            fn to_wire(&self) -> Value {
                serde_json::to_value(<$core>::from(self.clone())).unwrap_or(Value::Null)
            }

            fn from_wire(value: Value) -> Option<Self> {
                serde_json::from_value::<$core>(value).ok().map(|core| (&core).into())
            }
        }
    )+};
}

wire_through_core! {
    TeamMember => p::Member,
    InvestigationStep => p::Step,
    PlanTimePoint => p::TimePoint,
    Finding => complaint_office::accountability::Finding,
}

impl From<TeamMember> for p::Member {
    fn from(m: TeamMember) -> Self {
        p::Member {
            id: m.id,
            role: m.role.into(),
            department: m.department,
        }
    }
}

impl From<&p::Member> for TeamMember {
    fn from(m: &p::Member) -> Self {
        TeamMember {
            id: m.id.clone(),
            role: m.role.into(),
            department: m.department.clone(),
        }
    }
}

impl From<InvestigationStep> for p::Step {
    fn from(s: InvestigationStep) -> Self {
        p::Step {
            description: s.description.into(),
            due: s.due,
            owner: s.owner,
        }
    }
}

impl From<&p::Step> for InvestigationStep {
    fn from(s: &p::Step) -> Self {
        InvestigationStep {
            description: s.description.expose().clone(),
            due: s.due,
            owner: s.owner.clone(),
        }
    }
}

impl From<PlanTimePoint> for p::TimePoint {
    fn from(t: PlanTimePoint) -> Self {
        p::TimePoint {
            what: t.what.into(),
            due: t.due,
        }
    }
}

impl From<&p::TimePoint> for PlanTimePoint {
    fn from(t: &p::TimePoint) -> Self {
        PlanTimePoint {
            what: t.what.expose().clone(),
            due: t.due,
        }
    }
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
        let Ok(event) = self.to_core() else {
            return write!(f, "{}", variant_name(self.kind()));
        };
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
    guard(|| CaseEvent::from_core(&core::Event::from_json_str(&json)?))
}

/// The JSON form of a typed event, normalised as the core writes it (what
/// `event_from_json` and `Event.fromJson` read).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn event_to_json(event: CaseEvent) -> Result<String> {
    guard(|| Ok(event.to_core()?.to_json_value().to_string()))
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
        events
            .iter()
            .map(|e| CaseEvent::from_core(&e.0))
            .collect::<std::result::Result<_, _>>()
    })
}

#[uniffi::export]
impl Event {
    /// The event from its typed form.
    ///
    /// # Errors
    /// `case.invalid_event` naming the key, for a value the core refuses (a text over its limits).
    #[uniffi::constructor]
    pub fn from_typed(event: CaseEvent) -> Result<Arc<Self>> {
        guard(|| Ok(Arc::new(Event(event.to_core()?))))
    }

    /// The event's typed form.
    ///
    /// # Errors
    /// `case.unknown_event` only for an event type this binding does not know.
    pub fn typed(&self) -> Result<CaseEvent> {
        guard(|| CaseEvent::from_core(&self.0))
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
        guard(|| Ok(arc(core::Case::replay(&policy.0, core_events(&events)?)?)))
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
                core_events(&events)?,
            )?))
        })
    }

    /// Applies one typed event, or refuses it with the rule it breaks and leaves the case
    /// unchanged.
    ///
    /// # Errors
    /// A `case.*` code naming the clause.
    pub fn apply_event(&self, event: CaseEvent) -> Result<()> {
        guard(|| {
            let event = event.to_core()?;
            Ok(self.lock().apply(event)?)
        })
    }
}

/// The core's events of typed ones; a refused one is named by its index.
fn core_events(events: &[CaseEvent]) -> std::result::Result<Vec<core::Event>, core::CaseError> {
    events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            event.to_core().map_err(|source| core::CaseError::AtEvent {
                index,
                source: Box::new(source),
            })
        })
        .collect()
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
            assert_eq!(typed.to_core().unwrap(), event, "{file}: {value}");
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
            assert_eq!(typed.to_core().unwrap(), event);
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
