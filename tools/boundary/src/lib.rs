//! The boundary declared once: the bindings' declarations of the stored event format,
//! generated from the core's own serde types.
//!
//! An event crosses into every language as JSON, in the same bytes (ARCHITECTURE.md, "Casing").
//! What each language *declares* about it (TypeScript's `CaseEventData` union, the keys and
//! types Python's TypedDicts and Kotlin's typed events must have) used to be written by hand
//! three times. Now the core derives a JSON Schema for every payload (its feature `schema`:
//! schemars reads the very `serde` attributes that read and write events, so `default`,
//! `skip_serializing_if` and `deny_unknown_fields` cannot disagree with the schema), and this
//! crate turns those schemas into the files the bindings use:
//!
//! - `tests/api/events.schema.json`: every event type with its clause, documentation and
//!   payload schema, and the definitions they refer to; the Python suite checks
//!   `complaint_office.events` against it.
//! - `bindings-wasm/src/generated/events.d.ts`: the TypeScript union and the types only events
//!   use, included into the package's `.d.ts` by `bindings-wasm/src/case.rs`.
//!
//! `cargo run -p complaint-office-boundary` rewrites both; this crate's test fails, naming the
//! command, when a committed file differs from what the core now says. Adding an event is
//! therefore a change in the core and one command, not an edit of each binding.
//!
//! Why a generator over JSON Schema rather than per-binding derives in the core (tsify,
//! `uniffi::Record` behind `cfg_attr`): the core keeps no binding code, the stored format is
//! what the bindings must agree on (a schema describes exactly that), and one schema serves
//! every language, including the checks of those whose typed forms are still hand-written.

mod ffi;
mod order;
mod python;

use std::fmt::Write as _;

use complaint_office::case::EventKind;
use schemars::SchemaGenerator;
use serde_json::{Map, Value, json};

/// A generated file: where it goes, relative to the repository root, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The path from the repository root.
    pub path: &'static str,
    /// The whole file.
    pub text: String,
}

/// Why a schema could not be turned into declarations: a shape the generator does not know
/// (it fails rather than write a loose `any`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsupported(pub String);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unsupported schema: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

/// Where the JSON Schema document goes.
pub const SCHEMA_PATH: &str = "tests/api/events.schema.json";
/// Where the TypeScript declarations go.
pub const TYPESCRIPT_PATH: &str = "bindings-wasm/src/generated/events.d.ts";
/// Where Python's typed events go (the module and its stub).
pub const PYTHON_PATH: &str = "bindings-python/python/complaint_office/events.py";
/// Where the UniFFI binding's typed events go (included into `bindings-ffi/src/event.rs`).
pub const FFI_PATH: &str = "bindings-ffi/src/generated/case_event.rs";
/// The stub of [`PYTHON_PATH`].
pub const PYTHON_STUB_PATH: &str = "bindings-python/python/complaint_office/events.pyi";

/// Types the package's `.d.ts` declares elsewhere (by hand, with their documentation): the
/// core's name and the TypeScript name. Every other definition an event uses is declared in
/// the generated file.
const DECLARED_ELSEWHERE: &[(&str, &str)] = &[
    ("Channel", "Channel"),
    ("ComplainantKind", "ComplainantKind"),
    ("Field", "Field"),
    ("Severity", "Severity"),
    ("Urgency", "Urgency"),
    ("Complexity", "Complexity"),
    ("Finding", "ResponsibilityFinding"),
    ("Document", "ArchiveDocument"),
    ("ComplaintNumber", "ComplaintNumberText"),
    ("Instant", "Rfc3339"),
];

/// Every generated file, in a fixed order.
///
/// # Errors
///
/// [`Unsupported`] when a payload uses a schema shape the TypeScript writer does not know.
pub fn generate() -> Result<Vec<Generated>, Unsupported> {
    let document = schema_document()?;
    let typescript = typescript(&document)?;
    let mut schema_text = serde_json::to_string_pretty(&document)
        .map_err(|error| Unsupported(format!("the schema document: {error}")))?;
    schema_text.push('\n');
    Ok(vec![
        Generated {
            path: SCHEMA_PATH,
            text: schema_text,
        },
        Generated {
            path: TYPESCRIPT_PATH,
            text: typescript,
        },
        Generated {
            path: PYTHON_PATH,
            text: python::module(&document, python::Form::Module)?,
        },
        Generated {
            path: PYTHON_STUB_PATH,
            text: python::module(&document, python::Form::Stub)?,
        },
        Generated {
            path: FFI_PATH,
            text: ffi::source(&document)?,
        },
    ])
}

/// The schema document: `events` (each type with its clause, documentation and payload
/// schema, in the order of a case's life) and `$defs` (the definitions they refer to).
///
/// # Errors
///
/// [`Unsupported`] when an example is not read back by the core.
pub fn schema_document() -> Result<Value, Unsupported> {
    let mut generator = SchemaGenerator::default();
    let events: Vec<Value> = EventKind::ALL
        .iter()
        .map(|&kind| {
            json!({
                "type": kind.as_str(),
                "clause": kind.clause(),
                "doc": doc_text(kind.doc()),
                "payload": kind.payload_schema(&mut generator).to_value(),
            })
        })
        .collect();
    let mut defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    let events: Vec<Value> = events
        .into_iter()
        .map(|mut event| {
            let example = full_example(&event, &defs);
            if let Some(map) = event.as_object_mut() {
                map.insert("example".into(), example);
            }
            event
        })
        .collect();
    order::record(&events, &mut defs)?;
    Ok(json!({
        "about": "Generated by tools/boundary (cargo run -p complaint-office-boundary) from the \
                  core's serde types: the stored event format, one payload per event type. Do not edit.",
        "events": events,
        "$defs": defs,
    }))
}

/// An event of the type with every key of its payload set (none `null`): what a binding's
/// typed form must carry through unchanged. The envelope's optional keys are set too.
fn full_example(event: &Value, defs: &Map<String, Value>) -> Value {
    let mut example = Map::new();
    example.insert(
        "type".into(),
        event.get("type").cloned().unwrap_or(Value::Null),
    );
    example.insert("at".into(), json!("2025-09-26T10:00:00+08:00"));
    example.insert("by".into(), json!("staff-1"));
    example.insert("role".into(), json!("complaint_office"));
    if let Value::Object(payload) = sample(event.get("payload").unwrap_or(&Value::Null), defs) {
        example.extend(payload);
    }
    Value::Object(example)
}

/// A value of the schema: the first of each choice, one item in each list, every key of
/// each object.
fn sample(schema: &Value, defs: &Map<String, Value>) -> Value {
    if let Some(def) = reference(schema).and_then(|name| defs.get(name)) {
        return sample(def, defs);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let option = options
                .iter()
                .find(|o| o.get("type") != Some(&json!("null")));
            return option.map_or(Value::Null, |option| sample(option, defs));
        }
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|v| v.first())
    {
        return first.clone();
    }
    let ty = match schema.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .find_map(|t| t.as_str().filter(|t| *t != "null")),
        Some(ty) => ty.as_str(),
        None => None,
    };
    match ty {
        Some("string") => match (
            schema.get("format").and_then(Value::as_str),
            schema.get("pattern"),
        ) {
            (Some("date"), _) => json!("2025-10-20"),
            (Some("date-time"), _) => json!("2025-09-26T09:00:00+08:00"),
            (_, Some(_)) => json!("25090001"),
            _ => json!("text"),
        },
        Some("boolean") => json!(true),
        Some("integer" | "number") => json!(1),
        Some("array") => json!([sample(schema.get("items").unwrap_or(&Value::Null), defs)]),
        Some("object") => Value::Object(
            schema
                .get("properties")
                .and_then(Value::as_object)
                .map(|properties| {
                    properties
                        .iter()
                        .map(|(k, v)| (k.clone(), sample(v, defs)))
                        .collect()
                })
                .unwrap_or_default(),
        ),
        _ => Value::Null,
    }
}

/// A doc comment's lines as one paragraph.
pub(crate) fn doc_text(doc: &str) -> String {
    doc.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The TypeScript declarations of the event format.
fn typescript(document: &Value) -> Result<String, Unsupported> {
    let empty = Map::new();
    let defs = document
        .get("$defs")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let writer = TypeScript { defs };
    let mut out = String::from(
        "// Generated by tools/boundary (cargo run -p complaint-office-boundary) from the core's\n\
         // serde types. Do not edit: change the core's payloads and run the command.\n",
    );

    // The definitions the events reach without passing through a type declared elsewhere,
    // except each event's own payload struct (written inline in the union).
    let payloads: Vec<&str> = events(document)
        .iter()
        .filter_map(|event| event.get("payload").and_then(reference))
        .collect();
    let mut reached = Vec::new();
    for event in events(document) {
        reach(
            event.get("payload").unwrap_or(&Value::Null),
            defs,
            &mut reached,
        );
    }
    for (name, schema) in defs {
        if payloads.contains(&name.as_str()) || !reached.contains(&name.as_str()) {
            continue;
        }
        out.push('\n');
        comment(&mut out, "", description(schema));
        if schema.get("type").and_then(Value::as_str) == Some("object") {
            let _ = writeln!(
                out,
                "export interface {name} {}",
                writer.object(schema, "")?
            );
        } else {
            let _ = writeln!(out, "export type {name} = {};", writer.ty(schema)?);
        }
    }

    out.push_str("\n/** One event of a case's history, in the stored event format. */\n");
    out.push_str("export type CaseEventData = EventBase & (\n");
    for event in events(document) {
        let name = event
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let payload = event.get("payload").unwrap_or(&Value::Null);
        let payload = match reference(payload) {
            Some(def) => defs
                .get(def)
                .ok_or_else(|| Unsupported(format!("no definition {def}")))?,
            None => payload,
        };
        comment(&mut out, "  ", event.get("doc").and_then(Value::as_str));
        let body = writer.members(payload, "      ")?;
        if body.is_empty() {
            let _ = writeln!(out, "  | {{ type: \"{name}\" }}");
        } else {
            let _ = write!(out, "  | {{\n      type: \"{name}\";\n{body}    }}\n");
        }
    }
    out.push_str(");\n");
    Ok(out)
}

/// Collects the definitions `schema` refers to, directly or through other definitions,
/// stopping at those the package declares elsewhere.
pub(crate) fn reach<'a>(
    schema: &'a Value,
    defs: &'a Map<String, Value>,
    reached: &mut Vec<&'a str>,
) {
    match schema {
        Value::Object(map) => {
            if let Some(name) = reference(schema)
                && declared_elsewhere(name).is_none()
                && !reached.contains(&name)
                && let Some((name, def)) = defs.get_key_value(name)
            {
                reached.push(name);
                reach(def, defs, reached);
            }
            map.values().for_each(|value| reach(value, defs, reached));
        }
        Value::Array(items) => items.iter().for_each(|value| reach(value, defs, reached)),
        _ => {}
    }
}

pub(crate) fn events(document: &Value) -> &[Value] {
    document
        .get("events")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The definition a `$ref` schema names.
pub(crate) fn reference(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
}

fn declared_elsewhere(name: &str) -> Option<&'static str> {
    DECLARED_ELSEWHERE
        .iter()
        .find(|(core, _)| *core == name)
        .map(|&(_, ts)| ts)
}

/// The keys of an object schema the bindings declare required: those the format requires,
/// and those it reads when absent only for a rule to refuse the event
/// (`x-required-by-rule`, naming the rule's code).
pub(crate) fn required_keys(schema: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|keys| keys.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, property) in properties {
            if property.get("x-required-by-rule").is_some() && !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
    }
    keys
}

pub(crate) fn description(schema: &Value) -> Option<&str> {
    schema.get("description").and_then(Value::as_str)
}

/// A `/** … */` comment on its own line, when there is text.
fn comment(out: &mut String, indent: &str, text: Option<&str>) {
    if let Some(text) = text.map(doc_text).filter(|text| !text.is_empty()) {
        let _ = writeln!(out, "{indent}/** {} */", text.replace("*/", "*\\/"));
    }
}

struct TypeScript<'a> {
    defs: &'a Map<String, Value>,
}

impl TypeScript<'_> {
    /// An object schema as `{ … }` on several lines.
    fn object(&self, schema: &Value, indent: &str) -> Result<String, Unsupported> {
        let inner = format!("{indent}  ");
        Ok(format!("{{\n{}{indent}}}", self.members(schema, &inner)?))
    }

    /// The keys of an object schema, one per line (with its documentation), in the order the
    /// core declares them.
    fn members(&self, schema: &Value, indent: &str) -> Result<String, Unsupported> {
        if schema.get("type").and_then(Value::as_str) != Some("object") {
            return Err(Unsupported(format!(
                "a payload that is not an object: {schema}"
            )));
        }
        let required = required_keys(schema);
        let mut out = String::new();
        for (key, property) in order::properties(schema) {
            comment(&mut out, indent, description(property));
            let optional = if required.contains(&key) { "" } else { "?" };
            let _ = writeln!(out, "{indent}{key}{optional}: {};", self.ty(property)?);
        }
        Ok(out)
    }

    /// A schema as a TypeScript type.
    fn ty(&self, schema: &Value) -> Result<String, Unsupported> {
        if let Some(name) = reference(schema) {
            return match declared_elsewhere(name) {
                Some(ts) => Ok(ts.to_owned()),
                None if self.defs.contains_key(name) => Ok(name.to_owned()),
                None => Err(Unsupported(format!("a reference to no definition: {name}"))),
            };
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = schema.get(key).and_then(Value::as_array) {
                let types = options
                    .iter()
                    .map(|option| self.ty(option))
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(types.join(" | "));
            }
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let literals = values
                .iter()
                .map(|value| match value {
                    Value::String(_) | Value::Null => Ok(value.to_string()),
                    other => Err(Unsupported(format!("a non-text enum value {other}"))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(literals.join(" | "));
        }
        match schema.get("type") {
            Some(Value::String(ty)) => self.primitive(ty, schema),
            Some(Value::Array(types)) => {
                let types = types
                    .iter()
                    .map(|ty| match ty.as_str() {
                        Some(ty) => self.primitive(ty, schema),
                        None => Err(Unsupported(format!("a type that is not a name: {ty}"))),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(types.join(" | "))
            }
            _ => Err(Unsupported(format!("no type: {schema}"))),
        }
    }

    fn primitive(&self, ty: &str, schema: &Value) -> Result<String, Unsupported> {
        Ok(match ty {
            "string" => match schema.get("format").and_then(Value::as_str) {
                Some("date") => "IsoDate".to_owned(),
                Some("date-time") => "Rfc3339".to_owned(),
                _ => "string".to_owned(),
            },
            "boolean" => "boolean".to_owned(),
            "integer" | "number" => "number".to_owned(),
            "null" => "null".to_owned(),
            "array" => {
                let items = schema
                    .get("items")
                    .ok_or_else(|| Unsupported("an array without items".into()))?;
                let item = self.ty(items)?;
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            "object" => self.object(schema, "")?,
            other => return Err(Unsupported(format!("the type {other}"))),
        })
    }
}
