//! Events: what happened to a case, in the JSON form a host stores.
//!
//! Every event is an object with a `type`, an `at` instant (RFC 3339 with offset) and,
//! optionally, who did it (`by`, a staff id) in which `role`; the other keys are the payload of
//! its type (one struct per type, in [`payload`](super::payload)). Unknown keys are errors
//! (`case.invalid_event` naming the key), an unknown type is `case.unknown_event`.
//!
//! ```json
//! {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
//!  "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
//!  "content": "…"}
//! {"type": "plan_approved", "at": "2025-10-09T15:00:00+08:00", "by": "m-001", "role": "management"}
//! ```
//!
//! The event types are declared once, in the `events!` table of this file: each line gives
//! the variant, its payload struct, its name in JSON and its clause, and the table makes
//! [`EventKind`], [`EventBody`] and the reading of each type from it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::CaseError;
use super::payload::*;
use super::tracked;
use crate::intake::Complaint;
use crate::time::{Instant, format_instant, parse_instant};
use crate::vocabulary::vocabulary;

/// Declares the event types: [`EventKind`] (the names, a closed vocabulary), its clauses,
/// [`EventBody`] (one variant per type, holding its payload) and how each is read.
macro_rules! events {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident($payload:ty) = $name:literal, $clause:literal;
    )+) => {
        vocabulary! {
            /// The type of an event, in the order of a case's life.
            pub enum EventKind("event type", "case.unknown_event") {
                $($(#[doc = $doc])* $variant = $name,)+
            }
        }

        impl EventKind {
            /// The clause that governs the event.
            pub fn clause(self) -> &'static str {
                match self {
                    $(EventKind::$variant => $clause,)+
                }
            }
        }

        #[cfg(feature = "schema")]
        impl EventKind {
            /// The JSON Schema of the event's payload (its keys next to `type`, `at`, `by`
            /// and `role`), derived from the serde attributes that read and write it: a
            /// reference into `generator`'s definitions.
            pub fn payload_schema(self, generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                match self {
                    $(EventKind::$variant => generator.subschema_for::<$payload>(),)+
                }
            }

            /// The event type's documentation, its clause first.
            pub fn doc(self) -> &'static str {
                match self {
                    $(EventKind::$variant => concat!($($doc, "\n",)*),)+
                }
            }
        }

        /// What happened: the event's type with its payload. Serializes as the payload's keys
        /// (without `type`, which [`Event`] adds).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum EventBody {
            $($(#[doc = $doc])* $variant($payload),)+
        }

        impl EventBody {
            /// The type of the event.
            pub fn kind(&self) -> EventKind {
                match self {
                    $(EventBody::$variant(_) => EventKind::$variant,)+
                }
            }

            /// Reads the payload of a `kind` event from the keys left after the envelope.
            fn read(kind: EventKind, map: Map<String, Value>) -> Result<EventBody, CaseError> {
                Ok(match kind {
                    $(EventKind::$variant => EventBody::$variant(payload(map)?),)+
                })
            }

            /// [`Self::read`] as it was before [`tracked`]: with serde_path_to_error.
            #[cfg(test)]
            fn read_by_crate(kind: EventKind, map: Map<String, Value>) -> Result<EventBody, CaseError> {
                Ok(match kind {
                    $(EventKind::$variant => EventBody::$variant(tests::payload_by_crate(map)?),)+
                })
            }
        }

        $(
            impl From<$payload> for EventBody {
                fn from(payload: $payload) -> Self {
                    EventBody::$variant(payload)
                }
            }
        )+
    };
}

events! {
    /// §2.2.1: the complaint arrived; its `received_at` is the event's `at` unless given.
    Received(Complaint) = "received", "§2.2.1";
    /// §2.2.1: the registrar asked the complainant for missing information.
    InformationRequested(InformationRequested) = "information_requested", "§2.2.1";
    /// §2.2.1: the complainant supplied it.
    InformationSupplied(InformationSupplied) = "information_supplied", "§2.2.1";
    /// §2.2.1, §2.2.3: initial registration, with the complaint number.
    Registered(Registered) = "registered", "§2.2.1";
    /// §2.2.2: category and department concerned.
    Classified(Classified) = "classified", "§2.2.2";
    /// §2.2.4: severity, urgency and complexity.
    Assessed(Assessed) = "assessed", "§2.2.4";
    /// §2.2.4: the emergency procedure started (urgent and serious complaints, at once).
    EmergencyProcedureStarted(EmergencyProcedureStarted) = "emergency_procedure_started", "§2.2.4";
    /// §3.1: the investigation team.
    TeamFormed(TeamFormed) = "team_formed", "§3.1";
    /// §3.3.1: the written investigation plan.
    InvestigationPlanned(InvestigationPlanned) = "investigation_planned", "§3.3.1";
    /// §3.2: a piece of evidence.
    EvidenceAdded(EvidenceAdded) = "evidence_added", "§3.2";
    /// §3.3.3: the complainant was told of progress.
    ProgressReported(ProgressReported) = "progress_reported", "§3.3.3";
    /// §4.1.1: the handling plan, for management review.
    PlanSubmitted(PlanSubmitted) = "plan_submitted", "§4.1.1";
    /// §4.1.2: the plan limit extended (complex or major complaints).
    PlanExtended(PlanExtended) = "plan_extended", "§4.1.2";
    /// §4.2: management sent the plan back for modification.
    PlanReturned(PlanReturned) = "plan_returned", "§4.2";
    /// §4.2: management approved the plan.
    PlanApproved(PlanApproved) = "plan_approved", "§4.2";
    /// §4.3.1: the responsible department started implementing.
    ImplementationStarted(ImplementationStarted) = "implementation_started", "§4.3.1";
    /// §4.3.2: the department raised a problem with the team.
    ProblemRaised(ProblemRaised) = "problem_raised", "§4.3.2";
    /// §4.4.1: implementation complete.
    ImplementationCompleted(ImplementationCompleted) = "implementation_completed", "§4.4.1";
    /// §4.4.1, §4.4.2: the result went to the complainant, with the written report.
    ResultFedBack(ResultFedBack) = "result_fed_back", "§4.4.1";
    /// §5.1.2: the complainant is not satisfied or objects.
    ObjectionRaised(ObjectionRaised) = "objection_raised", "§5.1.2";
    /// §5.1.2: the department handles it again.
    RehandlingStarted(RehandlingStarted) = "rehandling_started", "§5.1.2";
    /// §5.1.2: re-handling complete.
    RehandlingCompleted(RehandlingCompleted) = "rehandling_completed", "§5.1.2";
    /// §5.1.2: management decided, with a reason, not to handle a dissatisfied complaint again.
    RehandlingDeclined(RehandlingDeclined) = "rehandling_declined", "§5.1.2";
    /// §5.2: the follow-up visit.
    FollowUpVisited(FollowUpVisited) = "follow_up_visited", "§5.2.1";
    /// §5.2.1: the case is closed (refused while the complainant is unsatisfied and neither
    /// re-handled nor declined, §5.1.2).
    Closed(Closed) = "closed", "§5.2.1";
    /// §5.1.2: the complaint office reopened the closed case: the complainant is not satisfied
    /// or objects after closing; it is handled again before it closes again.
    Reopened(Reopened) = "reopened", "§5.1.2";
    /// §1.2, §2.1: not taken up (inadmissible, not a complaint, out of scope), with a reason.
    Rejected(Rejected) = "rejected", "§1.2";
    /// §6.1.1: the complainant withdrew the complaint; the record keeps how it ended.
    Withdrawn(Withdrawn) = "withdrawn", "§6.1.1";
    /// §2.2.3: a duplicate, handled under another case's number.
    Merged(Merged) = "merged", "§2.2.3";
    /// §2.2.1: the missing information never came within `deadlines.lapse`.
    Lapsed(Lapsed) = "lapsed", "§2.2.1";
    /// §6.2.1: filed in the archive with its documents.
    Archived(Archived) = "archived", "§6.2.1";
    /// §6.2.2: a legal hold forbids destruction.
    LegalHoldPlaced(LegalHoldPlaced) = "legal_hold_placed", "§6.2.2";
    /// §6.2.2: the legal hold ended.
    LegalHoldReleased(LegalHoldReleased) = "legal_hold_released", "§6.2.2";
    /// §6.2.2: company leadership approved destruction.
    DestructionApproved(DestructionApproved) = "destruction_approved", "§6.2.2";
    /// §6.2.2: the files were destroyed.
    Destroyed(Destroyed) = "destroyed", "§6.2.2";
}

impl EventBody {
    /// Reads the body of a `kind` event at `at` from its payload keys. A `received` event's
    /// complaint was received at `at` unless it says otherwise (`received_at`).
    fn from_json(
        kind: EventKind,
        at: Instant,
        map: Map<String, Value>,
    ) -> Result<EventBody, CaseError> {
        let mut body = EventBody::read(kind, map)?;
        if let EventBody::Received(complaint) = &mut body {
            complaint.received_at.get_or_insert(at);
        }
        Ok(body)
    }

    /// The payload keys of the body.
    fn to_json(&self) -> Map<String, Value> {
        // Every payload is a struct of strings, numbers, dates and lists of them: serde_json
        // writes it as an object and has no error to give.
        match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
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
    /// An event without actor: `Event::new(at, Registered { number })`.
    pub fn new(at: Instant, body: impl Into<EventBody>) -> Self {
        Event {
            at,
            by: None,
            role: None,
            body: body.into(),
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
        let body = EventBody::from_json(kind, at, map)?;
        Ok(Event { at, by, role, body })
    }

    /// The event as a JSON value (the form [`Self::from_json_value`] reads).
    pub fn to_json_value(&self) -> Value {
        let mut map = self.body.to_json();
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

fn payload<T: DeserializeOwned>(map: Map<String, Value>) -> Result<T, CaseError> {
    let value = Value::Object(map);
    tracked::read(&value).map_err(|failure| {
        let message = failure.error.to_string();
        let path = if message.starts_with("unknown field") {
            // The path ends with the unknown key, whose name is the caller's, not the
            // schema's (a name typed into the wrong place): name the table it is in.
            failure.path.parent()
        } else {
            failure.path
        };
        CaseError::invalid_event(
            if path.is_root() {
                "(event)".into()
            } else {
                path.to_string()
            },
            sanitize(&message),
        )
    })
}

/// serde's messages can quote the offending value (`invalid type: integer `13812345678``); a
/// personal field given the wrong type must not end up in an error. Keep only what names keys
/// and expected forms.
fn sanitize(message: &str) -> String {
    if message.starts_with("unknown field") {
        // The schema's keys may follow ("expected one of …"); the unknown one is not repeated.
        return "unknown key".to_owned();
    }
    if message.starts_with("missing field") {
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::error::ErrorCode;

    const AT: &str = "2025-09-26T10:00:00+08:00";

    /// The smallest stored form of each type, and how it is written back: keys that may be
    /// left out are written with their default, optional keys stay absent (the complaint of a
    /// `received` event writes its personal fields as null, and its time of receipt).
    fn smallest(kind: EventKind) -> (Value, Value) {
        let same = |payload: Value| (payload.clone(), payload);
        match kind {
            EventKind::Received => (
                json!({"channel": "hotline", "complainant_kind": "customer"}),
                json!({"channel": "hotline", "complainant_kind": "customer", "received_at": AT,
                       "name": null, "contact": null, "content": null, "subject": null}),
            ),
            EventKind::InformationRequested => same(json!({"fields": ["contact"]})),
            EventKind::Registered => same(json!({"number": "25090001"})),
            EventKind::Classified => same(json!({"category": "product_quality"})),
            EventKind::Assessed => {
                same(json!({"severity": "general", "urgency": "normal", "complexity": "simple"}))
            }
            EventKind::TeamFormed => same(json!({"members": [{"id": "s-1", "role": "legal"}]})),
            EventKind::InvestigationPlanned => {
                same(json!({"steps": [{"description": "review", "due": null, "owner": null}]}))
            }
            EventKind::EvidenceAdded => same(json!({"kind": "data_analysis"})),
            EventKind::PlanSubmitted => (
                json!({}),
                json!({"analysis": "", "responsibility": "", "measures": "",
                       "time_points": [], "findings": []}),
            ),
            EventKind::PlanExtended => (
                json!({"until": "2025-10-20"}),
                json!({"until": "2025-10-20", "reason": ""}),
            ),
            EventKind::PlanReturned
            | EventKind::ObjectionRaised
            | EventKind::LegalHoldPlaced
            | EventKind::RehandlingDeclined
            | EventKind::Reopened => (json!({}), json!({"reason": ""})),
            EventKind::Rejected => (
                json!({"ground": "not_a_complaint"}),
                json!({"ground": "not_a_complaint", "reason": ""}),
            ),
            EventKind::Merged => same(json!({"into": "25090002"})),
            EventKind::ProblemRaised => (json!({}), json!({"description": ""})),
            EventKind::ResultFedBack => (
                json!({"satisfaction": null}),
                json!({"process": "", "result": "", "satisfaction": "unknown"}),
            ),
            EventKind::FollowUpVisited => {
                same(json!({"method": "phone", "satisfaction": "satisfied"}))
            }
            EventKind::Archived => same(json!({"documents": ["registration_form"]})),
            _ => same(json!({})),
        }
    }

    fn with_envelope(kind: EventKind, payload: Value) -> Value {
        let Value::Object(mut map) = payload else {
            panic!("a payload is an object")
        };
        map.insert("type".into(), kind.as_str().into());
        map.insert("at".into(), AT.into());
        Value::Object(map)
    }

    #[test]
    fn every_type_reads_its_smallest_form_and_writes_it_back() {
        for &kind in EventKind::ALL {
            let (stored, written) = smallest(kind);
            let event = Event::from_json_value(with_envelope(kind, stored))
                .unwrap_or_else(|e| panic!("{kind}: {e}"));
            assert_eq!(event.kind(), kind);
            assert_eq!(event.body.kind(), kind);
            let expected = with_envelope(kind, written);
            assert_eq!(event.to_json_value(), expected, "{kind}");
            assert_eq!(
                serde_json::to_string(&event).unwrap(),
                expected.to_string(),
                "{kind}"
            );
            assert_eq!(Event::from_json_value(event.to_json_value()), Ok(event));
        }
    }

    #[test]
    fn payloads_build_events() {
        let at = parse_instant(AT).unwrap();
        let event = Event::new(at, PlanApproved {}).by("m-001", ActorRole::Management);
        assert_eq!(
            event.to_json_value().to_string(),
            r#"{"at":"2025-09-26T10:00:00+08:00","by":"m-001","role":"management","type":"plan_approved"}"#
        );
        let supplied = InformationSupplied {
            contact: Some("13812345678".to_owned().into()),
            ..InformationSupplied::default()
        };
        assert_eq!(
            Event::new(at, supplied).to_json_value().to_string(),
            r#"{"at":"2025-09-26T10:00:00+08:00","contact":"13812345678","type":"information_supplied"}"#
        );
    }

    #[test]
    fn errors_name_the_key_and_never_the_value() {
        let cases = [
            (
                json!({"type": "team_formed", "at": AT,
                       "members": [{"id": "s-1", "role": 13812345678u64}]}),
                "members[0].role",
            ),
            (
                json!({"type": "team_formed", "at": AT, "members": [13812345678u64]}),
                "members[0]",
            ),
            (
                json!({"type": "information_supplied", "at": AT, "name": 13812345678u64}),
                "name",
            ),
            (
                // An unknown key is not the schema's: its name is not repeated either.
                json!({"type": "plan_approved", "at": AT, "zz": "張三"}),
                "(event)",
            ),
            (json!({"type": "registered", "at": AT}), "(event)"),
            (json!({"type": "closed", "at": "張三"}), "at"),
            (json!({"type": "closed", "at": AT, "role": "張三"}), "role"),
        ];
        for (value, key) in cases {
            let text = value.to_string();
            let err = Event::from_json_value(value).unwrap_err();
            assert_eq!(err.code(), "case.invalid_event", "{text}");
            assert!(
                matches!(&err, CaseError::InvalidEvent { key: k, .. } if k == key),
                "{text}: {err:?}"
            );
            let message = err.to_string();
            assert!(
                !message.contains("13812345678") && !message.contains("張三"),
                "{message}"
            );
        }
        let unknown = Event::from_json_value(json!({"type": "resurrected", "at": AT})).unwrap_err();
        assert_eq!(unknown, CaseError::UnknownEvent);
    }

    /// The reading of payloads as it was before [`tracked`]: serde_path_to_error around the
    /// owned value. The differential test below holds the new way to it.
    pub(super) fn payload_by_crate<T: DeserializeOwned>(
        map: Map<String, Value>,
    ) -> Result<T, CaseError> {
        serde_path_to_error::deserialize(Value::Object(map)).map_err(|e| {
            let message = e.inner().to_string();
            let key = if message.starts_with("unknown field") {
                parent_of(e.path())
            } else {
                e.path().to_string()
            };
            CaseError::invalid_event(
                if key == "." || key.is_empty() {
                    "(event)".into()
                } else {
                    key
                },
                sanitize(&message),
            )
        })
    }

    /// The path without its last step, written as serde_path_to_error writes paths.
    fn parent_of(path: &serde_path_to_error::Path) -> String {
        use serde_path_to_error::Segment;
        let steps: Vec<&Segment> = path.iter().collect();
        let mut out = String::new();
        for step in steps.iter().take(steps.len().saturating_sub(1)) {
            match step {
                Segment::Seq { index } => out.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Unknown => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push('?');
                }
            }
        }
        out
    }

    /// Variants of `value` that go wrong at every place: each value replaced by values of
    /// other kinds, an unknown key added to each table, each key removed, each list given a
    /// wrong item.
    fn spoiled(value: &Value) -> Vec<Value> {
        let wrong = [
            json!(null),
            json!(true),
            json!(-1),
            json!(13812345678_u64),
            json!(1.5),
            json!("x"),
            json!("2025-13-01"),
            json!([]),
            json!([1]),
            json!({}),
            json!({"x": 1}),
        ];
        let mut out: Vec<Value> = wrong.to_vec();
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    for spoiled in spoiled(item) {
                        let mut copy = items.clone();
                        copy[i] = spoiled;
                        out.push(Value::Array(copy));
                    }
                }
                for extra in wrong {
                    let mut copy = items.clone();
                    copy.push(extra);
                    out.push(Value::Array(copy));
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    for spoiled in spoiled(item) {
                        let mut copy = map.clone();
                        copy.insert(key.clone(), spoiled);
                        out.push(Value::Object(copy));
                    }
                    let mut copy = map.clone();
                    copy.remove(key);
                    out.push(Value::Object(copy));
                }
                let mut copy = map.clone();
                copy.insert("zz_unknown".into(), json!("張三"));
                out.push(Value::Object(copy));
            }
            _ => {}
        }
        out
    }

    /// Every payload, spoiled at every place: the same event or the same error (code, key,
    /// reason) as serde_path_to_error gave.
    #[test]
    fn payload_errors_are_those_of_serde_path_to_error() {
        let full = [
            json!({"type": "received", "channel": "hotline", "complainant_kind": "customer",
                   "name": "n", "contact": "c", "received_at": AT, "content": "x", "subject": "s"}),
            json!({"type": "information_requested", "fields": ["contact", "name"]}),
            json!({"type": "information_supplied", "name": "n", "contact": "c", "content": "x"}),
            json!({"type": "team_formed", "members": [
                {"id": "s-1", "role": "legal", "department": "d"}, {"id": "s-2", "role": "leader"}]}),
            json!({"type": "investigation_planned", "steps": [
                {"description": "review", "due": "2025-10-01", "owner": "s-1"}]}),
            json!({"type": "evidence_added", "kind": "interview", "signed": true,
                   "interviewee": "complainant", "summary": "x"}),
            json!({"type": "plan_submitted", "analysis": "a", "responsibility": "r", "measures": "m",
                   "time_points": [{"what": "w", "due": "2025-10-02"}], "findings": []}),
            json!({"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "satisfied"}),
            json!({"type": "follow_up_visited", "method": "phone", "satisfaction": "satisfied",
                   "suggestions": "s"}),
            json!({"type": "archived", "documents": ["registration_form"]}),
            json!({"type": "merged", "into": "25090002", "reason": "r"}),
            json!({"type": "rejected", "ground": "not_a_complaint", "reason": "r"}),
            json!({"type": "implementation_started", "department": "d"}),
        ];
        let mut inputs: Vec<(EventKind, Value)> = Vec::new();
        for value in full {
            let Value::Object(mut map) = value else {
                unreachable!()
            };
            let kind: EventKind = map
                .remove("type")
                .unwrap()
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            for spoiled in spoiled(&Value::Object(map)) {
                inputs.push((kind, spoiled));
            }
        }
        for kind in EventKind::ALL {
            for spoiled in spoiled(&smallest(*kind).1) {
                inputs.push((*kind, spoiled));
            }
        }
        let mut errors = 0;
        for (kind, value) in &inputs {
            let Value::Object(map) = value else { continue };
            let new = EventBody::read(*kind, map.clone());
            let old = EventBody::read_by_crate(*kind, map.clone());
            assert_eq!(new, old, "{kind:?} {value}");
            errors += usize::from(new.is_err());
        }
        assert!(errors > 1000, "{errors} errors of {} inputs", inputs.len());
    }
}
