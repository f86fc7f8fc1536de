//! The result records declared once: the core's structs that an op returns (a stage deadline,
//! a schedule, a compliance report, …), each with its JSON Schema derived by schemars, and
//! from that schema each binding's form:
//!
//! - TypeScript: an `export interface` per record, keys camelCase (JavaScript's API objects
//!   are camelCase in and out), in `bindings-wasm/src/generated/records.d.ts`;
//! - WebAssembly: the `Serialize` of `Js<'_, core type>` (the core value written with those
//!   keys, no mirror struct in between), in `bindings-wasm/src/generated/records.rs`;
//! - UniFFI: the `uniffi::Record` struct and its `From<&core type>`, per area in
//!   `bindings-ffi/src/generated/<area>_records.rs`;
//! - Python: the hand-written pyo3 classes are checked, not generated (see [`python_drift`]).
//!
//! A record's keys are its serde names, which for these structs are the Rust field names: the
//! generator checks that against the core's source (the order of the fields is taken from
//! there too, since a JSON Schema's properties come out sorted, and Kotlin passes a record's
//! fields by position). What a binding shows that is not a field of the core (a schedule's
//! `overdue` stages, computed by a method) is a [`Derived`] member: one line per binding in
//! the table below, since the bindings differ in its shape (JavaScript lists the rule ids of a
//! report's violations, Kotlin the checks).

use std::fmt::Write as _;

use complaint_office::{archive, calendar, case, intake, office};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::shape::Shape;
use crate::{Unsupported, description, doc_text, reference};

/// Where the records' schema document goes.
pub const SCHEMA_PATH: &str = "tests/api/records.schema.json";
/// Where the TypeScript interfaces go (included by `bindings-wasm/src/case.rs`).
pub const TYPESCRIPT_PATH: &str = "bindings-wasm/src/generated/records.d.ts";
/// Where the WebAssembly binding's serialisations go (included by `bindings-wasm/src/convert.rs`).
pub const WASM_PATH: &str = "bindings-wasm/src/generated/records.rs";

/// How the Python package offers a record.
#[derive(Clone, Copy)]
pub(crate) enum Python {
    /// A pyo3 class of this name, its stub in this file: a property per key.
    Class(&'static str, &'static str),
    /// A `TypedDict` of this name in this stub.
    TypedDict(&'static str, &'static str),
    /// Not a record in Python, and why.
    Absent(&'static str),
}

/// A member a binding shows that is not a field of the core's struct: a view computed by a
/// core method. Each binding spells it in one line.
pub(crate) struct Derived {
    /// The key, snake_case.
    key: &'static str,
    /// The key it follows (the end when none).
    after: Option<&'static str>,
    /// Its documentation.
    doc: &'static str,
    /// Its TypeScript type.
    ts: &'static str,
    /// Its JavaScript value: an expression over `value` (the core's record) that serialises.
    wasm: &'static str,
    /// Its UniFFI field type.
    ffi_ty: &'static str,
    /// Its UniFFI value: an expression over `value`.
    ffi: &'static str,
}

/// A result record: the core's type and the names and files of its binding forms.
pub(crate) struct Record {
    /// Its schema.
    schema: fn(&mut SchemaGenerator) -> Schema,
    /// The core's type, as a path the bindings can name.
    path: &'static str,
    /// The core file that declares it (the order of its fields is read there).
    source: &'static str,
    /// The area: the binding files it belongs to (`case` → `bindings-ffi/src/case.rs`).
    area: &'static str,
    /// Its name in TypeScript.
    ts: &'static str,
    /// Its name in UniFFI (one namespace: some names take a word).
    ffi: &'static str,
    /// Its form in Python.
    python: Python,
    /// Members computed by the core, not fields.
    derived: &'static [Derived],
    /// Keys whose TypeScript type is narrower than the schema says (a worklist entry's
    /// `state` is one of five of the `SlaState`s), with that type.
    ts_types: &'static [(&'static str, &'static str)],
}

fn schema_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

const CASE_STUB: &str = "bindings-python/python/complaint_office/case.pyi";
const CALENDAR_STUB: &str = "bindings-python/python/complaint_office/calendar.pyi";
const ARCHIVE_STUB: &str = "bindings-python/python/complaint_office/archive.pyi";
const INTAKE_STUB: &str = "bindings-python/python/complaint_office/intake.pyi";
const OFFICE_STUB: &str = "bindings-python/python/complaint_office/office.pyi";

/// The records, in the order of the declarations.
pub(crate) const RECORDS: &[Record] = &[
    Record {
        schema: schema_of::<case::Assessment>,
        path: "complaint_office::case::Assessment",
        source: "core/src/case/mod.rs",
        area: "case",
        ts: "CaseAssessment",
        ffi: "InitialAssessment",
        python: Python::TypedDict("_CaseAssessment", CASE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::Pause>,
        path: "complaint_office::case::Pause",
        source: "core/src/case/mod.rs",
        area: "case",
        ts: "Pause",
        ffi: "Pause",
        python: Python::Absent("`Case.pauses` gives `(from, to)` tuples"),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::StageDeadline>,
        path: "complaint_office::case::StageDeadline",
        source: "core/src/case/schedule.rs",
        area: "case",
        ts: "StageDeadline",
        ffi: "StageDeadline",
        python: Python::Class("StageDeadline", CASE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::Schedule>,
        path: "complaint_office::case::Schedule",
        source: "core/src/case/schedule.rs",
        area: "case",
        ts: "Schedule",
        ffi: "Schedule",
        python: Python::Class("Schedule", CASE_STUB),
        derived: &[
            Derived {
                key: "overdue",
                after: None,
                doc: "The stages overdue at `now` (due and not met), in the order of `stages`.",
                ts: "StageDeadline[]",
                wasm: "value.overdue().map(Js).collect::<Vec<_>>()",
                ffi_ty: "Vec<StageDeadline>",
                ffi: "value.overdue().map(Into::into).collect()",
            },
            Derived {
                key: "running",
                after: None,
                doc: "The stages whose clock runs at `now` (open, due soon or overdue), in the \
                      order of `stages`.",
                ts: "StageDeadline[]",
                wasm: "value.running().map(Js).collect::<Vec<_>>()",
                ffi_ty: "Vec<StageDeadline>",
                ffi: "value.running().map(Into::into).collect()",
            },
        ],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::Check>,
        path: "complaint_office::case::Check",
        source: "core/src/case/compliance.rs",
        area: "case",
        ts: "ComplianceCheck",
        ffi: "Check",
        python: Python::Class("Check", CASE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::ComplianceReport>,
        path: "complaint_office::case::ComplianceReport",
        source: "core/src/case/compliance.rs",
        area: "case",
        ts: "ComplianceReport",
        ffi: "ComplianceReport",
        python: Python::Class("ComplianceReport", CASE_STUB),
        derived: &[
            Derived {
                key: "violations",
                after: None,
                doc: "The checks violated, in the order of `checks` (JavaScript: their rule ids).",
                ts: "string[]",
                wasm: "value.violations().map(|check| check.rule).collect::<Vec<_>>()",
                ffi_ty: "Vec<Check>",
                ffi: "value.violations().map(Into::into).collect()",
            },
            Derived {
                key: "findings",
                after: None,
                doc: "The checks with a finding (soft rules, §3.1 \"generally\"), in the order of \
                      `checks` (JavaScript: their rule ids).",
                ts: "string[]",
                wasm: "value.findings().map(|check| check.rule).collect::<Vec<_>>()",
                ffi_ty: "Vec<Check>",
                ffi: "value.findings().map(Into::into).collect()",
            },
        ],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<case::CaseView>,
        path: "complaint_office::case::CaseView",
        source: "core/src/case/mod.rs",
        area: "case",
        ts: "CaseView",
        ffi: "CaseView",
        python: Python::Class("CaseView", CASE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<calendar::Notice>,
        path: "complaint_office::calendar::Notice",
        source: "core/src/calendar/notice.rs",
        area: "calendar",
        ts: "Notice",
        ffi: "Notice",
        python: Python::Class("Notice", CALENDAR_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<calendar::DayInfo>,
        path: "complaint_office::calendar::DayInfo",
        source: "core/src/calendar/mod.rs",
        area: "calendar",
        ts: "DayInfo",
        ffi: "DayInfo",
        python: Python::Class("DayInfo", CALENDAR_STUB),
        derived: &[Derived {
            key: "labels",
            after: Some("festival"),
            doc: "The festival's names; null with no festival.",
            ts: "Labels | null",
            wasm: "value.festival.map(crate::calendar::festival_labels)",
            ffi_ty: "Option<Labels>",
            ffi: "value.festival.map(|festival| labels(festival.into()))",
        }],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<archive::Expiry>,
        path: "complaint_office::archive::Expiry",
        source: "core/src/archive/retention.rs",
        area: "archive",
        ts: "Expiry",
        ffi: "Expiry",
        python: Python::Class("Expiry", ARCHIVE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<archive::DestructionDecision>,
        path: "complaint_office::archive::DestructionDecision",
        source: "core/src/archive/retention.rs",
        area: "archive",
        ts: "DestructionDecision",
        ffi: "DestructionDecision",
        python: Python::Class("DestructionDecision", ARCHIVE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<archive::SweepEntry>,
        path: "complaint_office::archive::SweepEntry",
        source: "core/src/archive/retention.rs",
        area: "archive",
        ts: "SweepEntry",
        ffi: "SweepEntry",
        python: Python::Class("SweepEntry", ARCHIVE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<intake::Request>,
        path: "complaint_office::intake::Request",
        source: "core/src/intake/mod.rs",
        area: "intake",
        ts: "IntakeRequest",
        ffi: "InformationRequest",
        python: Python::Class("InformationRequest", INTAKE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<intake::IntakeReport>,
        path: "complaint_office::intake::IntakeReport",
        source: "core/src/intake/mod.rs",
        area: "intake",
        ts: "IntakeReport",
        ffi: "IntakeReport",
        python: Python::Class("IntakeReport", INTAKE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<office::Refused>,
        path: "complaint_office::office::Refused",
        source: "core/src/office/caseload.rs",
        area: "office",
        ts: "RefusedHistory",
        ffi: "Refused",
        python: Python::Class("Refused", OFFICE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<office::WorklistEntry>,
        path: "complaint_office::office::WorklistEntry",
        source: "core/src/office/worklist.rs",
        area: "office",
        ts: "WorklistEntry",
        ffi: "WorklistEntry",
        python: Python::Class("WorklistEntry", OFFICE_STUB),
        derived: &[],
        ts_types: &[("state", "WorklistState")],
    },
    Record {
        schema: schema_of::<office::Worklist>,
        path: "complaint_office::office::Worklist",
        source: "core/src/office/worklist.rs",
        area: "office",
        ts: "Worklist",
        ffi: "Worklist",
        python: Python::Class("Worklist", OFFICE_STUB),
        derived: &[],
        ts_types: &[],
    },
    Record {
        schema: schema_of::<office::Reminder>,
        path: "complaint_office::office::Reminder",
        source: "core/src/office/reminders.rs",
        area: "office",
        ts: "Reminder",
        ffi: "Reminder",
        python: Python::Class("Reminder", OFFICE_STUB),
        derived: &[],
        ts_types: &[],
    },
];

/// Types a record refers to that each binding declares by hand (with their own conversion),
/// by the schema's name: the TypeScript, UniFFI and Python names, the UniFFI conversion from a
/// reference `{}` to the core's value, and whether JavaScript writes it through `Js`.
struct Elsewhere {
    name: &'static str,
    ts: &'static str,
    ffi: &'static str,
    ffi_from: &'static str,
    python: &'static str,
    js: bool,
}

const ELSEWHERE: &[Elsewhere] = &[
    Elsewhere {
        name: "Instant",
        ts: "Rfc3339",
        ffi: "OffsetDateTime",
        ffi_from: "*{}",
        python: "datetime.datetime",
        js: true,
    },
    Elsewhere {
        name: "Clause",
        ts: "Clause",
        ffi: "String",
        ffi_from: "{}.to_string()",
        python: "str",
        js: false,
    },
    Elsewhere {
        name: "Duration",
        ts: "DurationText",
        ffi: "Arc<Duration>",
        ffi_from: "Duration::arc(*{})",
        python: "Duration",
        js: false,
    },
    Elsewhere {
        name: "ComplaintNumber",
        ts: "ComplaintNumberText",
        ffi: "Arc<ComplaintNumber>",
        ffi_from: "ComplaintNumber::arc(*{})",
        python: "ComplaintNumber",
        js: false,
    },
    Elsewhere {
        name: "PeriodRule",
        ts: "PeriodRule",
        ffi: "PeriodRule",
        ffi_from: "PeriodRule::from({})",
        python: "PeriodRule",
        js: true,
    },
    Elsewhere {
        name: "PersonalData",
        ts: "PersonalView",
        ffi: "PersonalData",
        ffi_from: "PersonalData::from({}.clone())",
        python: "PersonalData",
        js: true,
    },
    Elsewhere {
        name: "ErrorCode",
        ts: "ErrorCode",
        ffi: "String",
        ffi_from: "{}.to_string()",
        python: "str",
        js: false,
    },
    Elsewhere {
        name: "SharedText",
        ts: "string",
        ffi: "String",
        ffi_from: "{}.to_string()",
        python: "str",
        js: true,
    },
    Elsewhere {
        name: "QueueKey",
        ts: "string",
        ffi: "String",
        ffi_from: "{}.sort_key()",
        python: "str",
        js: true,
    },
    Elsewhere {
        name: "WorklistCounts",
        ts: "WorklistCounts",
        ffi: "WorklistCounts",
        ffi_from: "WorklistCounts::from({})",
        python: "WorklistCounts",
        js: true,
    },
    Elsewhere {
        name: "Violation",
        ts: "IntakeViolation",
        ffi: "IntakeViolation",
        ffi_from: "IntakeViolation::from({})",
        python: "IntakeViolation",
        js: true,
    },
    Elsewhere {
        name: "Field",
        ts: "Field",
        ffi: "RegistrationField",
        ffi_from: "(*{}).into()",
        python: "Field",
        js: false,
    },
    Elsewhere {
        name: "EventKind",
        ts: "EventType",
        ffi: "EventKind",
        ffi_from: "(*{}).into()",
        python: "EventKind",
        js: false,
    },
];

fn elsewhere(name: &str) -> Option<&'static Elsewhere> {
    ELSEWHERE.iter().find(|e| e.name == name)
}

/// The records' schema document: per record its names in each binding, its derived members
/// and its schema; the definitions they use in `$defs`, each object with `x-order`.
///
/// # Errors
///
/// [`Unsupported`] when a record's schema keys are not the fields its core source declares.
pub fn schema_document(root: &std::path::Path) -> Result<Value, Unsupported> {
    let mut generator = SchemaGenerator::default();
    let mut records = Vec::new();
    for record in RECORDS {
        let schema = (record.schema)(&mut generator).to_value();
        let name = reference(&schema)
            .ok_or_else(|| Unsupported(format!("{} is not a named schema", record.path)))?
            .to_owned();
        let python = match record.python {
            Python::Class(class, stub) => json!({ "class": class, "stub": stub }),
            Python::TypedDict(class, stub) => json!({ "typed_dict": class, "stub": stub }),
            Python::Absent(why) => json!({ "absent": why }),
        };
        records.push(json!({
            "name": name,
            "core": record.path,
            "typescript": record.ts,
            "uniffi": record.ffi,
            "python": python,
            "derived": record.derived.iter().map(|d| json!({
                "key": d.key, "doc": d.doc, "typescript": d.ts, "uniffi": d.ffi_ty,
            })).collect::<Vec<_>>(),
        }));
    }
    let mut defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    for (record, entry) in RECORDS.iter().zip(&records) {
        let name = entry["name"].as_str().unwrap_or_default();
        let source = std::fs::read_to_string(root.join(record.source))
            .map_err(|error| Unsupported(format!("{}: {error}", record.source)))?;
        let short = record.path.rsplit("::").next().unwrap_or_default();
        let fields = struct_fields(&source, short)
            .ok_or_else(|| Unsupported(format!("no `pub struct {short}` in {}", record.source)))?;
        let def = defs
            .get_mut(name)
            .ok_or_else(|| Unsupported(format!("no definition {name}")))?;
        let mut keys: Vec<&str> = def
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut declared: Vec<&str> = fields.iter().map(String::as_str).collect();
        keys.sort_unstable();
        declared.sort_unstable();
        if keys != declared {
            return Err(Unsupported(format!(
                "{}: the schema's keys {keys:?} are not the struct's fields {declared:?} \
                 (a serde rename or skip the generator does not follow)",
                record.path
            )));
        }
        if let Some(map) = def.as_object_mut() {
            map.insert("x-order".into(), json!(fields));
        }
    }
    Ok(json!({
        "about": "Generated by tools/boundary (cargo run -p complaint-office-boundary) from the \
                  core's result records. Do not edit.",
        "records": records,
        "$defs": defs,
    }))
}

/// The `pub` fields of `pub struct name { … }` in a Rust source, in order.
fn struct_fields(source: &str, name: &str) -> Option<Vec<String>> {
    let start = source.find(&format!("pub struct {name} {{"))?;
    let body = &source[start..];
    let end = body.find("\n}")?;
    Some(
        body[..end]
            .lines()
            .skip(1)
            .filter_map(|line| line.trim().strip_prefix("pub "))
            .filter_map(|rest| rest.split(':').next())
            .map(|field| field.trim().to_owned())
            .collect(),
    )
}

fn defs(document: &Value) -> &Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    document
        .get("$defs")
        .and_then(Value::as_object)
        .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
}

/// Each record's entry of the document with its table row and its definition.
fn each(document: &Value) -> Result<Vec<(&'static Record, &Value, &Value)>, Unsupported> {
    let entries = document
        .get("records")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    RECORDS
        .iter()
        .zip(entries)
        .map(|(record, entry)| {
            let name = entry
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let def = defs(document)
                .get(name)
                .ok_or_else(|| Unsupported(format!("no definition {name}")))?;
            Ok((record, entry, def))
        })
        .collect()
}

/// A definition's keys in the core's order, with their schemas.
fn keys(def: &Value) -> Vec<(&str, &Value)> {
    let properties = def.get("properties").and_then(Value::as_object);
    def.get("x-order")
        .and_then(Value::as_array)
        .map(|order| {
            order
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|key| Some((key, properties?.get(key)?)))
                .collect()
        })
        .unwrap_or_default()
}

/// A member of a record's binding form: a field of the core's struct, or a derived one.
enum Member<'a> {
    Field(&'a str, &'a Value),
    Derived(&'static Derived),
}

/// A record's members in order: the core's fields, each derived member after the key it
/// names (at the end when it names none).
fn members<'a>(record: &'static Record, def: &'a Value) -> Vec<Member<'a>> {
    let mut out: Vec<Member<'a>> = Vec::new();
    for (key, property) in keys(def) {
        out.push(Member::Field(key, property));
        for derived in record.derived.iter().filter(|d| d.after == Some(key)) {
            out.push(Member::Derived(derived));
        }
    }
    for derived in record.derived.iter().filter(|d| d.after.is_none()) {
        out.push(Member::Derived(derived));
    }
    out
}

/// What a definition's name stands for.
enum Named {
    /// A record of the table.
    Record(&'static Record),
    /// A type whose binding forms are written by hand.
    Elsewhere(&'static Elsewhere),
    /// A vocabulary: each package declares it under the core's name.
    Vocabulary,
}

/// The definition `name` (its schema `def`) resolved: a record, a type declared elsewhere, or
/// a vocabulary; anything else cannot be written.
fn named(document: &Value, name: &str, def: &Value) -> Result<Named, Unsupported> {
    match (record_named(document, name), elsewhere(name)) {
        (Some(record), _) => Ok(Named::Record(record)),
        (None, Some(e)) => Ok(Named::Elsewhere(e)),
        (None, None) if def.get("enum").is_some() => Ok(Named::Vocabulary),
        _ => Err(Unsupported(format!(
            "{name}: neither a record nor declared"
        ))),
    }
}

/// The record of a definition's name, if it is one of the table's.
fn record_named(document: &Value, name: &str) -> Option<&'static Record> {
    let entries = document.get("records").and_then(Value::as_array)?;
    RECORDS
        .iter()
        .zip(entries)
        .find(|(_, entry)| entry.get("name").and_then(Value::as_str) == Some(name))
        .map(|(record, _)| record)
}

/// A schema's documentation as one paragraph, Rust's link brackets dropped (the text is read
/// in other languages and in another crate, where the links do not resolve).
fn doc_of(schema: &Value) -> Option<String> {
    description(schema).map(|doc| doc_text(doc).replace("[`", "`").replace("`]", "`"))
}

/// `remaining_seconds` → `remainingSeconds`.
pub(crate) fn camel(key: &str) -> String {
    let mut parts = key.split('_');
    let first = parts.next().unwrap_or_default().to_owned();
    first + &parts.map(crate::shape::pascal).collect::<String>()
}

const HEADER: &str = "Generated by tools/boundary (cargo run -p complaint-office-boundary) from the core's\n\
                      // result records. Do not edit: change the core's struct and run the command.";

/// The TypeScript interfaces.
pub(crate) fn typescript(document: &Value) -> Result<String, Unsupported> {
    let mut out = format!("// {HEADER}\n");
    for (record, _, def) in each(document)? {
        out.push('\n');
        if let Some(doc) = doc_of(def) {
            let _ = writeln!(out, "/** {doc} */");
        }
        let _ = writeln!(out, "export interface {} {{", record.ts);
        for member in members(record, def) {
            let (key, property) = match member {
                Member::Field(key, property) => (key, property),
                Member::Derived(derived) => {
                    let _ = writeln!(out, "  /** {} */", derived.doc);
                    let _ = writeln!(out, "  {}: {};", camel(derived.key), derived.ts);
                    continue;
                }
            };
            if let Some(doc) = doc_of(property) {
                let _ = writeln!(out, "  /** {} */", doc.replace("*/", "*\\/"));
            }
            let ty = match record.ts_types.iter().find(|(k, _)| *k == key) {
                Some((_, ty)) => {
                    let nullable =
                        matches!(Shape::of(property, defs(document))?, Shape::Nullable(_));
                    if nullable {
                        format!("{ty} | null")
                    } else {
                        (*ty).to_owned()
                    }
                }
                None => ts_shape(document, &Shape::of(property, defs(document))?)?,
            };
            let _ = writeln!(out, "  {}: {ty};", camel(key));
        }
        out.push_str("}\n");
    }
    Ok(out)
}

fn ts_shape(document: &Value, shape: &Shape<'_>) -> Result<String, Unsupported> {
    Ok(match shape {
        Shape::Named { name, def } => match named(document, name, def)? {
            Named::Record(record) => record.ts.to_owned(),
            Named::Elsewhere(e) => e.ts.to_owned(),
            Named::Vocabulary => (*name).to_owned(),
        },
        Shape::Text { format } => crate::shape::typescript_text(*format).to_owned(),
        Shape::Bool => "boolean".to_owned(),
        Shape::Integer | Shape::Number => "number".to_owned(),
        Shape::List(item) => crate::shape::typescript_list(&ts_shape(document, item)?),
        Shape::Nullable(shape) => format!("{} | null", ts_shape(document, shape)?),
        Shape::Literals(_) | Shape::Object(_) | Shape::Union(_) => {
            return Err(Unsupported(
                "a literal, an object in place or a choice in a record".into(),
            ));
        }
    })
}

/// Whether JavaScript writes a value of the shape through `Js` (a record, an instant, a type
/// with a JavaScript form of its own) rather than with the core's serde form.
fn through_js(document: &Value, shape: &Shape<'_>) -> bool {
    match shape {
        Shape::Named { name, .. } => {
            record_named(document, name).is_some() || elsewhere(name).is_some_and(|e| e.js)
        }
        Shape::Text {
            format: Some("date-time"),
        } => true,
        Shape::List(item) | Shape::Nullable(item) => through_js(document, item),
        _ => false,
    }
}

/// The WebAssembly binding's `Serialize` of each record's `Js` wrapper.
pub(crate) fn wasm(document: &Value) -> Result<String, Unsupported> {
    let mut out = format!("// {HEADER}\n");
    for (record, _, def) in each(document)? {
        let count = keys(def).len() + record.derived.len();
        let _ = write!(
            out,
            "\n/// `{ts}` of the `.d.ts`.\n\
             impl serde::Serialize for Js<'_, {path}> {{\n\
             \x20   fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{\n\
             \x20       use serde::ser::SerializeStruct as _;\n\
             \x20       let value = self.0;\n\
             \x20       let mut out = serializer.serialize_struct(\"{ts}\", {count})?;\n",
            ts = record.ts,
            path = record.path,
        );
        for member in members(record, def) {
            let (key, value) = match member {
                Member::Field(key, property) => {
                    let shape = Shape::of(property, defs(document))?;
                    if through_js(document, &shape) {
                        (key, format!("&Js(&value.{key})"))
                    } else {
                        (key, format!("&value.{key}"))
                    }
                }
                Member::Derived(derived) => (derived.key, format!("&{}", derived.wasm)),
            };
            let _ = writeln!(
                out,
                "        out.serialize_field(\"{}\", {value})?;",
                camel(key)
            );
        }
        out.push_str("        out.end()\n    }\n}\n");
    }
    Ok(out)
}

/// The areas with records, in the table's order.
pub(crate) fn areas() -> Vec<&'static str> {
    let mut areas: Vec<&str> = Vec::new();
    for record in RECORDS {
        if !areas.contains(&record.area) {
            areas.push(record.area);
        }
    }
    areas
}

/// Where an area's UniFFI records go.
pub(crate) fn ffi_path(area: &str) -> String {
    format!("bindings-ffi/src/generated/{area}_records.rs")
}

/// The UniFFI records of an area and their conversions from the core's.
pub(crate) fn ffi(document: &Value, area: &str) -> Result<String, Unsupported> {
    let mut out = format!("// {HEADER}\n");
    for (record, _, def) in each(document)?
        .into_iter()
        .filter(|(record, ..)| record.area == area)
    {
        out.push('\n');
        if let Some(doc) = doc_of(def) {
            let _ = writeln!(out, "/// {doc}");
        }
        let _ = writeln!(
            out,
            "#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]\npub struct {} {{",
            record.ffi
        );
        let mut from = String::new();
        for member in members(record, def) {
            let (key, property) = match member {
                Member::Field(key, property) => (key, property),
                Member::Derived(derived) => {
                    let _ = writeln!(out, "    /// {}", derived.doc);
                    let _ = writeln!(out, "    pub {}: {},", derived.key, derived.ffi_ty);
                    let _ = writeln!(from, "            {}: {},", derived.key, derived.ffi);
                    continue;
                }
            };
            let shape = Shape::of(property, defs(document))?;
            if let Some(doc) = doc_of(property) {
                let _ = writeln!(out, "    /// {doc}");
            }
            let _ = writeln!(out, "    pub {key}: {},", ffi_type(document, &shape)?);
            let _ = writeln!(
                from,
                "            {key}: {},",
                ffi_from(document, &shape, &format!("&value.{key}"))?
            );
        }
        out.push_str("}\n\n");
        let _ = write!(
            out,
            "#[allow(clippy::useless_conversion, clippy::redundant_closure)]\n\
             impl From<&{path}> for {name} {{\n\
             \x20   fn from(value: &{path}) -> Self {{\n\
             \x20       {name} {{\n{from}        }}\n    }}\n}}\n",
            path = record.path,
            name = record.ffi,
        );
    }
    Ok(out)
}

fn ffi_type(document: &Value, shape: &Shape<'_>) -> Result<String, Unsupported> {
    Ok(match shape {
        Shape::Named { name, def } => match named(document, name, def)? {
            Named::Record(record) => record.ffi.to_owned(),
            Named::Elsewhere(e) => e.ffi.to_owned(),
            Named::Vocabulary => (*name).to_owned(),
        },
        Shape::Text {
            format: Some("date"),
        } => "LocalDate".to_owned(),
        Shape::Text {
            format: Some("date-time"),
        } => "OffsetDateTime".to_owned(),
        Shape::Text { .. } => "String".to_owned(),
        Shape::Bool => "bool".to_owned(),
        Shape::Integer => "i64".to_owned(),
        Shape::List(item) => format!("Vec<{}>", ffi_type(document, item)?),
        Shape::Nullable(item) => format!("Option<{}>", ffi_type(document, item)?),
        Shape::Number | Shape::Literals(_) | Shape::Object(_) | Shape::Union(_) => {
            return Err(Unsupported(
                "a float, a literal, an object in place or a choice in a UniFFI record".into(),
            ));
        }
    })
}

/// The UniFFI value of a core value given by reference (`reference` is an expression of type
/// `&T`).
fn ffi_from(document: &Value, shape: &Shape<'_>, reference: &str) -> Result<String, Unsupported> {
    // The value itself (for a copy) and the place (for a method call, which borrows itself).
    let (deref, place) = match reference.strip_prefix('&') {
        Some(place) => (place.to_owned(), place.to_owned()),
        None => (format!("*{reference}"), reference.to_owned()),
    };
    Ok(match shape {
        Shape::Named { name, def } => match named(document, name, def)? {
            Named::Record(record) => format!("{}::from({reference})", record.ffi),
            Named::Elsewhere(e) if e.ffi_from == "(*{}).into()" && !deref.starts_with('*') => {
                format!("{deref}.into()")
            }
            Named::Elsewhere(e) => e
                .ffi_from
                .replace("*{}", &deref)
                .replace("{}.", &format!("{place}."))
                .replace("{}", reference),
            Named::Vocabulary if deref.starts_with('*') => {
                format!("({deref}).into()")
            }
            Named::Vocabulary => format!("{deref}.into()"),
        },
        Shape::Text {
            format: Some("date" | "date-time"),
        }
        | Shape::Bool => deref,
        Shape::Text { .. } => format!("{place}.to_string()"),
        Shape::Integer => format!("i64::try_from({deref}).unwrap_or(i64::MAX)"),
        Shape::List(item) => format!(
            "{place}.iter().map(|item| {}).collect()",
            ffi_from(document, item, "item")?
        ),
        Shape::Nullable(item) => match ffi_from(document, item, "item")?.as_str() {
            // A value copied as it is: the option is copied whole.
            "*item" => deref,
            inner => format!("{place}.as_ref().map(|item| {inner})"),
        },
        Shape::Number | Shape::Literals(_) | Shape::Object(_) | Shape::Union(_) => {
            return Err(Unsupported(
                "a float, a literal, an object in place or a choice in a UniFFI record".into(),
            ));
        }
    })
}

/// Python's annotation of a shape, as the stubs write it.
fn python_type(document: &Value, shape: &Shape<'_>) -> Result<String, Unsupported> {
    Ok(match shape {
        Shape::Named { name, def } => match named(document, name, def)? {
            Named::Record(record) => match record.python {
                Python::Class(class, _) | Python::TypedDict(class, _) => class.to_owned(),
                Python::Absent(_) => return Err(Unsupported(format!("{name} has no Python form"))),
            },
            Named::Elsewhere(e) => e.python.to_owned(),
            Named::Vocabulary => (*name).to_owned(),
        },
        Shape::Text {
            format: Some("date"),
        } => "datetime.date".to_owned(),
        Shape::Text {
            format: Some("date-time"),
        } => "datetime.datetime".to_owned(),
        Shape::Text { .. } => "str".to_owned(),
        Shape::Bool => "bool".to_owned(),
        Shape::Integer => "int".to_owned(),
        Shape::Number => "float".to_owned(),
        Shape::List(item) => format!("List[{}]", python_type(document, item)?),
        Shape::Nullable(item) => format!("Optional[{}]", python_type(document, item)?),
        Shape::Literals(_) | Shape::Object(_) | Shape::Union(_) => {
            return Err(Unsupported(
                "a literal, an object in place or a choice in a record".into(),
            ));
        }
    })
}

/// Where the Python stubs differ from the records: for each record with a Python class (or
/// `TypedDict`), every key of the core's record must be a property (a key) of its stub with
/// the annotation the schema gives, and the stub must declare no property the record lacks
/// (a derived member aside). The stubs themselves are checked against the compiled module by
/// `mypy.stubtest` in the Python suite, so together the classes cannot drift from the core.
///
/// Why checked rather than generated: the pyo3 classes convert each value to a native Python
/// object (`datetime`, the vocabulary's enum member), hold the core value for the methods
/// beside the getters (`Schedule.stage(name)`, `to_dict()`), and carry documentation a
/// generated getter would lose; a check keeps them honest at no cost in the binding.
///
/// # Errors
///
/// [`Unsupported`] when a schema or a stub cannot be read.
pub fn python_drift(root: &std::path::Path) -> Result<Vec<String>, Unsupported> {
    let document = schema_document(root)?;
    drift(&document, &|stub| {
        std::fs::read_to_string(root.join(stub))
            .map_err(|error| Unsupported(format!("{stub}: {error}")))
    })
}

/// [`python_drift`] over the stubs `read` gives.
fn drift(
    document: &Value,
    read: &dyn Fn(&str) -> Result<String, Unsupported>,
) -> Result<Vec<String>, Unsupported> {
    let mut drift = Vec::new();
    for (record, _, def) in each(document)? {
        let (class, stub, typed_dict) = match record.python {
            Python::Class(class, stub) => (class, stub, false),
            Python::TypedDict(class, stub) => (class, stub, true),
            Python::Absent(_) => continue,
        };
        let text = read(stub)?;
        let Some(declared) = stub_members(&text, class, typed_dict) else {
            drift.push(format!("{stub}: no class {class}"));
            continue;
        };
        let fields = keys(def);
        for (key, property) in &fields {
            let expected = python_type(document, &Shape::of(property, defs(document))?)?;
            match declared.iter().find(|(name, _)| name == key) {
                None => drift.push(format!(
                    "{stub}: {class}.{key} is missing (a key of the core's record)"
                )),
                Some((_, found)) if *found != expected => drift.push(format!(
                    "{stub}: {class}.{key} is `{found}`, the core's record says `{expected}`"
                )),
                Some(_) => {}
            }
        }
        for (name, _) in &declared {
            let known = fields.iter().any(|(key, _)| key == name)
                || record.derived.iter().any(|d| d.key == name);
            if !known {
                drift.push(format!(
                    "{stub}: {class}.{name} is not a key of the core's record"
                ));
            }
        }
    }
    Ok(drift)
}

/// The properties (a class) or keys (a `TypedDict`) a stub declares for `class`, with their
/// annotations.
fn stub_members(stub: &str, class: &str, typed_dict: bool) -> Option<Vec<(String, String)>> {
    let mut lines = stub.lines();
    lines.find(|line| {
        line.strip_prefix("class ")
            .and_then(|rest| rest.strip_prefix(class))
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with('('))
    })?;
    let mut members = Vec::new();
    let mut property = false;
    for line in lines {
        if !line.is_empty() && !line.starts_with(' ') {
            break;
        }
        let line = line.trim();
        if typed_dict {
            if let Some((key, annotation)) = line.split_once(": ")
                && !key.contains(' ')
                && !key.starts_with('#')
            {
                members.push((key.to_owned(), annotation.trim().to_owned()));
            }
            continue;
        }
        if line == "@property" {
            property = true;
            continue;
        }
        if property && let Some(rest) = line.strip_prefix("def ") {
            let name = rest.split('(').next().unwrap_or_default();
            let annotation = rest
                .split_once("-> ")
                .map(|(_, a)| a.trim_end_matches(" ...").trim_end_matches(':'))
                .unwrap_or_default();
            // A forward reference (`List["IntakeViolation"]`) names the same type.
            members.push((name.to_owned(), annotation.trim().replace('"', "")));
        }
        property = false;
    }
    Some(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// A stub that lost a key, mistyped one and gained one is reported three times; the
    /// committed stubs are not.
    #[test]
    fn a_drifted_stub_is_reported() -> Result<(), Unsupported> {
        let document = schema_document(&root())?;
        let committed = |stub: &str| {
            std::fs::read_to_string(root().join(stub)).map_err(|e| Unsupported(e.to_string()))
        };
        assert_eq!(drift(&document, &committed)?, Vec::<String>::new());
        let drifted = |stub: &str| {
            if stub != CASE_STUB {
                return committed(stub);
            }
            Ok(committed(stub)?
                .replace(
                    "    @property\n    def stopped_at(self) -> Optional[datetime.datetime]: ...\n",
                    "",
                )
                .replace(
                    "def remaining_seconds(self) -> Optional[int]: ...",
                    "def remaining_seconds(self) -> int: ...",
                )
                .replace(
                    "    def now(self) -> datetime.datetime: ...\n",
                    "    def now(self) -> datetime.datetime: ...\n    @property\n    def later(self) -> int: ...\n",
                ))
        };
        let found = drift(&document, &drifted)?;
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].contains("StageDeadline.stopped_at is missing"),
            "{found:#?}"
        );
        assert!(
            found[1].contains("StageDeadline.remaining_seconds is `int`"),
            "{found:#?}"
        );
        assert!(
            found[2].contains("Schedule.later is not a key"),
            "{found:#?}"
        );
        Ok(())
    }

    /// A record whose schema keys are not its struct's fields is refused (a serde rename the
    /// generated field accesses would not follow).
    #[test]
    fn fields_are_read_from_the_source() {
        let source =
            "pub struct A {\n    /// x\n    pub one: u8,\n    pub two_words: Option<String>,\n}\n";
        assert_eq!(
            struct_fields(source, "A"),
            Some(vec!["one".to_owned(), "two_words".to_owned()])
        );
        assert_eq!(struct_fields(source, "B"), None);
    }
}
