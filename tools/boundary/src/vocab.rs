//! The closed vocabularies declared once: each binding's enums (TypeScript string-literal
//! unions, UniFFI enums with their conversions, Python enum classes and their stubs), written
//! from the core's `vocabulary!` declarations.
//!
//! The core's macro gives every vocabulary a [`Declared`] form (feature `schema`): its
//! documentation and, per value, the wire name, the Rust variant and its documentation, read
//! from the very doc comments of the declaration. [`vocabularies`] says which vocabularies each
//! binding exposes and under which name (a Kotlin `RegistrationField` is the core's
//! `intake::Field`); that list changes when a vocabulary is added, not when a value is.
//!
//! Written here:
//! - `tests/api/vocabularies.json`: every vocabulary with its documentation, values and names
//!   in each binding; the Python and JavaScript suites check their enums against it.
//! - `bindings-wasm/src/generated/vocabularies.d.ts`: a union per vocabulary, each value with
//!   its documentation, included into the package's `.d.ts` by `bindings-wasm/src/vocabulary.rs`.
//! - `bindings-ffi/src/generated/vocabularies.rs`: a `mirror_vocabulary!` per vocabulary (the
//!   UniFFI enum, its conversions both ways without a wildcard, `as_str`, `parse_*`), included
//!   into `bindings-ffi/src/vocabulary.rs`.
//! - the marked part of each Python module and its stub (`triage.py`, `triage.pyi`, …): a
//!   `VocabularyEnum` class per vocabulary, each member with its documentation.
//!
//! Not generated (their core types are not `vocabulary!` declarations, and say so in the
//! bindings): `duration::Unit` (its parse error is a `DurationError`), `archive::Refusal` (its
//! wire form is an error code, its `Display` a sentence) and `policy::Language` (BCP 47 tags,
//! with a default).

use std::fmt::Write as _;

use complaint_office::vocabulary::{Declared, DeclaredValue};
use complaint_office::{accountability, archive, calendar, case, intake, office, privacy};
use complaint_office::{stats, triage};
use serde_json::{Value, json};

use crate::{Generated, Unsupported, doc_text, splice};

/// Where the document of every vocabulary goes.
pub const DOCUMENT_PATH: &str = "tests/api/vocabularies.json";
/// Where the TypeScript unions go.
pub const TYPESCRIPT_PATH: &str = "bindings-wasm/src/generated/vocabularies.d.ts";
/// Where the UniFFI enums go.
pub const FFI_PATH: &str = "bindings-ffi/src/generated/vocabularies.rs";

/// The Python modules with vocabularies: the module and its stub, each with a marked part.
const PYTHON_MODULES: &[(&str, &str, &str)] = &[
    (
        "accountability",
        "bindings-python/python/complaint_office/accountability.py",
        "bindings-python/python/complaint_office/accountability.pyi",
    ),
    (
        "archive",
        "bindings-python/python/complaint_office/archive.py",
        "bindings-python/python/complaint_office/archive.pyi",
    ),
    (
        "calendar",
        "bindings-python/python/complaint_office/calendar.py",
        "bindings-python/python/complaint_office/calendar.pyi",
    ),
    (
        "case",
        "bindings-python/python/complaint_office/case.py",
        "bindings-python/python/complaint_office/case.pyi",
    ),
    (
        "intake",
        "bindings-python/python/complaint_office/intake.py",
        "bindings-python/python/complaint_office/intake.pyi",
    ),
    (
        "office",
        "bindings-python/python/complaint_office/office.py",
        "bindings-python/python/complaint_office/office.pyi",
    ),
    (
        "privacy",
        "bindings-python/python/complaint_office/privacy.py",
        "bindings-python/python/complaint_office/privacy.pyi",
    ),
    (
        "stats",
        "bindings-python/python/complaint_office/stats.py",
        "bindings-python/python/complaint_office/stats.pyi",
    ),
    (
        "triage",
        "bindings-python/python/complaint_office/triage.py",
        "bindings-python/python/complaint_office/triage.pyi",
    ),
];

/// One vocabulary as the bindings expose it.
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    /// The core's public path, from the crate root (`triage::Severity`).
    pub path: &'static str,
    /// The core's enum name (`Severity`): the name of its JSON Schema definition.
    pub name: &'static str,
    /// What a value is, in an error message.
    pub what: &'static str,
    /// The code of an unknown name.
    pub code: &'static str,
    /// The doc comment.
    pub doc: &'static str,
    /// Every value, in order.
    pub values: &'static [DeclaredValue],
    /// The TypeScript type, if the npm package exposes it.
    pub typescript: Option<&'static str>,
    /// The Python module (under `complaint_office`) and class, if the package exposes it.
    pub python: Option<(&'static str, &'static str)>,
    /// The UniFFI enum, if the UniFFI binding mirrors it here.
    pub ffi: Option<&'static str>,
}

fn declared<T: Declared>(
    path: &'static str,
    typescript: Option<&'static str>,
    python: Option<(&'static str, &'static str)>,
    ffi: Option<&'static str>,
) -> Vocabulary {
    Vocabulary {
        path,
        name: T::NAME,
        what: T::WHAT,
        code: T::CODE,
        doc: T::DOC,
        values: T::VALUES,
        typescript,
        python,
        ffi,
    }
}

/// `vocabulary!(triage::Severity, ts "Severity", py "triage", ffi "Severity")`; a binding that
/// does not expose it is left out, or spelled `-`.
macro_rules! vocabulary {
    ($module:ident :: $name:ident, ts $ts:tt, py $py:tt, ffi $ffi:tt) => {
        declared::<$module::$name>(
            concat!(stringify!($module), "::", stringify!($name)),
            vocabulary!(@name $ts),
            vocabulary!(@name $py).map(|module| (module, vocabulary!(@class $name))),
            vocabulary!(@name $ffi),
        )
    };
    (@name -) => {
        None
    };
    (@name $name:literal) => {
        Some($name)
    };
    (@class $name:ident) => {
        stringify!($name)
    };
}

/// Every vocabulary a binding exposes, grouped as the core's modules are.
pub fn vocabularies() -> Vec<Vocabulary> {
    vec![
        vocabulary!(intake::Channel, ts "Channel", py "intake", ffi "Channel"),
        vocabulary!(intake::ComplainantKind, ts "ComplainantKind", py "intake", ffi "ComplainantKind"),
        vocabulary!(intake::Field, ts "Field", py "intake", ffi "RegistrationField"),
        vocabulary!(intake::ContactKind, ts "ContactKind", py "intake", ffi "ContactKind"),
        vocabulary!(intake::ReceivedFrom, ts "ReceivedFrom", py "intake", ffi "ReceivedFrom"),
        vocabulary!(intake::MailPart, ts "MailPart", py "intake", ffi "MailPart"),
        vocabulary!(intake::EmailFindingCode, ts "EmailFindingCode", py "intake", ffi "EmailFindingCode"),
        vocabulary!(triage::Severity, ts "Severity", py "triage", ffi "Severity"),
        vocabulary!(triage::Urgency, ts "Urgency", py "triage", ffi "Urgency"),
        vocabulary!(triage::Complexity, ts "Complexity", py "triage", ffi "Complexity"),
        vocabulary!(triage::Track, ts "Track", py "triage", ffi "Track"),
        // The UniFFI `EventKind` and TypeScript's `EventType` come from the event list (lib.rs).
        vocabulary!(case::EventKind, ts -, py "case", ffi -),
        vocabulary!(case::Status, ts "Status", py "case", ffi "Status"),
        vocabulary!(case::ActorRole, ts "ActorRole", py "case", ffi "ActorRole"),
        vocabulary!(case::TeamRole, ts "TeamRole", py "case", ffi "TeamRole"),
        vocabulary!(case::EvidenceKind, ts "EvidenceKind", py "case", ffi "EvidenceKind"),
        vocabulary!(case::Interviewee, ts "Interviewee", py "case", ffi "Interviewee"),
        vocabulary!(case::Satisfaction, ts "Satisfaction", py "case", ffi "Satisfaction"),
        vocabulary!(case::FollowUpMethod, ts "FollowUpMethod", py "case", ffi "FollowUpMethod"),
        vocabulary!(case::RejectionGround, ts "RejectionGround", py -, ffi "RejectionGround"),
        vocabulary!(case::Stage, ts "Stage", py "case", ffi "Stage"),
        vocabulary!(case::SlaState, ts "SlaState", py "case", ffi "SlaState"),
        vocabulary!(case::CheckResult, ts "CheckResult", py "case", ffi "CheckResult"),
        vocabulary!(office::Actor, ts "Actor", py "office", ffi "Actor"),
        vocabulary!(accountability::Responsibility, ts "Responsibility", py "accountability", ffi "Responsibility"),
        vocabulary!(accountability::Fault, ts "Fault", py "accountability", ffi "Fault"),
        vocabulary!(accountability::Consequence, ts "Consequence", py "accountability", ffi "Consequence"),
        vocabulary!(accountability::Level, ts "Level", py "accountability", ffi "Level"),
        vocabulary!(accountability::Sanction, ts "Sanction", py "accountability", ffi "Sanction"),
        vocabulary!(archive::Document, ts "ArchiveDocument", py "archive", ffi "Document"),
        vocabulary!(archive::SweepStatus, ts "SweepStatus", py "archive", ffi "SweepStatus"),
        vocabulary!(privacy::MaskKind, ts "MaskKind", py "privacy", ffi "MaskKind"),
        vocabulary!(privacy::Role, ts "Role", py "privacy", ffi "Role"),
        vocabulary!(privacy::Field, ts "PersonalField", py "privacy", ffi "PersonalField"),
        vocabulary!(privacy::Visibility, ts "Visibility", py "privacy", ffi "Visibility"),
        vocabulary!(calendar::DayKind, ts "DayKind", py "calendar", ffi "DayKind"),
        vocabulary!(calendar::Festival, ts "Festival", py "calendar", ffi "Festival"),
        vocabulary!(calendar::DayReason, ts "DayReason", py "calendar", ffi "DayReason"),
        vocabulary!(calendar::DecidedBy, ts "DecidedBy", py "calendar", ffi "DecidedBy"),
        vocabulary!(calendar::Regulation, ts "Regulation", py "calendar", ffi "Regulation"),
        vocabulary!(calendar::NoticeKind, ts "NoticeKind", py "calendar", ffi "NoticeKind"),
        vocabulary!(stats::Granularity, ts "Granularity", py "stats", ffi "Granularity"),
        vocabulary!(stats::Outcome, ts "Outcome", py "stats", ffi -),
        vocabulary!(stats::MeasuredStage, ts "MeasuredStage", py "stats", ffi "MeasuredStage"),
    ]
}

/// The TypeScript name of the vocabulary whose JSON Schema definition is `name`, when the
/// package declares it (in the generated unions).
pub(crate) fn typescript_name(name: &str) -> Option<&'static str> {
    let mut found = vocabularies()
        .into_iter()
        .filter(|v| v.name == name)
        .filter_map(|v| v.typescript);
    // A name two vocabularies share (`Field`) is not resolved here.
    match (found.next(), found.next()) {
        (Some(ts), None) => Some(ts),
        _ => None,
    }
}

/// Every file this module writes (the Python ones with their hand-written parts, read from
/// `root`), in a fixed order.
///
/// # Errors
///
/// [`Unsupported`] when a Python file cannot be read or lacks its marked part, or two
/// vocabularies would have one name in a binding.
pub fn generate(root: &std::path::Path) -> Result<Vec<Generated>, Unsupported> {
    let all = vocabularies();
    unique(&all)?;
    let mut files = vec![
        Generated {
            path: DOCUMENT_PATH.into(),
            text: document(&all)?,
        },
        Generated {
            path: TYPESCRIPT_PATH.into(),
            text: typescript(&all),
        },
        Generated {
            path: FFI_PATH.into(),
            text: ffi(&all),
        },
    ];
    for &(module, source, stub) in PYTHON_MODULES {
        for path in [source, stub] {
            let file = std::fs::read_to_string(root.join(path))
                .map_err(|error| Unsupported(format!("{path}: {error}")))?;
            files.push(Generated {
                path: path.into(),
                text: splice(&file, &python(&all, module, path == stub), path)?,
            });
        }
    }
    Ok(files)
}

/// Fails when two vocabularies would have the same name in one binding.
fn unique(all: &[Vocabulary]) -> Result<(), Unsupported> {
    let mut seen: Vec<String> = Vec::new();
    for v in all {
        let names = [
            v.typescript.map(|ts| format!("TypeScript {ts}")),
            v.python.map(|(m, c)| format!("Python {m}.{c}")),
            v.ffi.map(|ffi| format!("UniFFI {ffi}")),
        ];
        for name in names.into_iter().flatten() {
            if seen.contains(&name) {
                return Err(Unsupported(format!("two vocabularies named {name}")));
            }
            seen.push(name);
        }
    }
    Ok(())
}

/// A doc comment's lines, trimmed of the one space after `///`, its Rust links (``[`Complaint`]``,
/// `[text](path)`) as plain code or text: they name Rust items no binding has.
fn lines(doc: &str) -> Vec<String> {
    doc.lines()
        .map(|line| unlink(line.strip_prefix(' ').unwrap_or(line)))
        .collect()
}

/// A doc comment as one paragraph, without Rust links.
fn paragraph(doc: &str) -> String {
    doc_text(&lines(doc).join("\n"))
}

/// ``[`X`]`` → `` `X` `` and `[text](target)` → `text`; brackets in code (`` `1[3-9]` ``) and
/// any other brackets are kept.
fn unlink(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    let mut in_code = false;
    while let Some(at) = rest.find(['[', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            in_code = !in_code;
            out.push('`');
            rest = &rest[1..];
            continue;
        }
        let close = rest.find(']');
        let link = close.filter(|_| !in_code).and_then(|close| {
            let inner = &rest[1..close];
            let after = &rest[close + 1..];
            if after.starts_with('(') {
                after.find(')').map(|end| (inner, &after[end + 1..]))
            } else if inner.len() > 1 && inner.starts_with('`') && inner.ends_with('`') {
                Some((inner, after))
            } else {
                None
            }
        });
        match link {
            Some((inner, after)) => {
                out.push_str(inner);
                rest = after;
            }
            None => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn document(all: &[Vocabulary]) -> Result<String, Unsupported> {
    let vocabularies: Vec<Value> = all
        .iter()
        .map(|v| {
            json!({
                "name": v.name,
                "path": v.path,
                "what": v.what,
                "code": v.code,
                "doc": paragraph(v.doc),
                "values": v.values.iter().map(|value| json!({
                    "name": value.name,
                    "variant": value.variant,
                    "doc": paragraph(value.doc),
                })).collect::<Vec<_>>(),
                "typescript": v.typescript,
                "python": v.python.map(|(m, c)| format!("{m}.{c}")),
                "ffi": v.ffi,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({
        "about": "Generated by tools/boundary (cargo run -p complaint-office-boundary) from the \
                  core's vocabulary! declarations: every closed vocabulary a binding exposes, \
                  its values in order and its name in each binding. Do not edit.",
        "vocabularies": vocabularies,
    }))
    .map_err(|error| Unsupported(format!("the vocabulary document: {error}")))?;
    text.push('\n');
    Ok(text)
}

/// A `/** … */` comment of one paragraph.
fn ts_comment(out: &mut String, indent: &str, doc: &str) {
    let text = paragraph(doc);
    if !text.is_empty() {
        let _ = writeln!(out, "{indent}/** {} */", text.replace("*/", "*\\/"));
    }
}

fn typescript(all: &[Vocabulary]) -> String {
    let mut out = String::from(
        "// Generated by tools/boundary (cargo run -p complaint-office-boundary) from the core's\n\
         // vocabulary! declarations. Do not edit: change the core and run the command.\n",
    );
    for v in all {
        let Some(name) = v.typescript else { continue };
        out.push('\n');
        ts_comment(&mut out, "", v.doc);
        let _ = writeln!(out, "export type {name} =");
        for value in v.values {
            ts_comment(&mut out, "  ", value.doc);
            let _ = writeln!(out, "  | \"{}\"", value.name);
        }
        out.pop();
        out.push_str(";\n");
    }
    out
}

/// `RegistrationField` → `registration_field`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn ffi(all: &[Vocabulary]) -> String {
    let mut out = String::from(
        "// Generated by tools/boundary (cargo run -p complaint-office-boundary) from the core's\n\
         // vocabulary! declarations. Do not edit: change the core and run the command.\n",
    );
    for v in all {
        let Some(name) = v.ffi else { continue };
        out.push_str("\nmirror_vocabulary! {\n");
        for line in lines(v.doc) {
            let line = line.as_str();
            let _ = writeln!(
                out,
                "    ///{}{line}",
                if line.is_empty() { "" } else { " " }
            );
        }
        let _ = writeln!(
            out,
            "    {name} = ::complaint_office::{}, parse_{} {{",
            v.path,
            snake(name)
        );
        for value in v.values {
            for line in lines(value.doc) {
                let line = line.as_str();
                let _ = writeln!(
                    out,
                    "        ///{}{line}",
                    if line.is_empty() { "" } else { " " }
                );
            }
            let _ = writeln!(out, "        {},", value.variant);
        }
        out.push_str("    }\n}\n");
    }
    out
}

/// A Python member's name: the wire name in upper case, a code's last part only
/// (`intake.email_charset_unknown` → `EMAIL_CHARSET_UNKNOWN`, as `_vocabulary._member_name`).
fn member(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name);
    last.to_uppercase().replace('-', "_")
}

/// Text inside a docstring (reStructuredText's literals are double backticks).
fn docstring(doc: &str) -> String {
    paragraph(doc)
        .replace('\\', "\\\\")
        .replace('`', "``")
        .replace("\"\"\"", "\\\"\\\"\\\"")
}

/// The marked part of a Python module or of its stub (the same classes; a stub separates them
/// by one blank line, a module by two).
fn python(all: &[Vocabulary], module: &str, stub: bool) -> String {
    let mut out = String::new();
    for v in all {
        let Some((m, class)) = v.python else { continue };
        if m != module {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if stub { "\n" } else { "\n\n" });
        }
        let _ = writeln!(out, "class {class}(VocabularyEnum):");
        let _ = writeln!(out, "    \"\"\"{}\"\"\"\n", docstring(v.doc));
        for value in v.values {
            let _ = writeln!(out, "    {} = \"{}\"", member(value.name), value.name);
            let doc = docstring(value.doc);
            if !doc.is_empty() {
                let _ = writeln!(out, "    \"\"\"{doc}\"\"\"");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro reads the doc comments: a binding's enum never loses its documentation.
    #[test]
    fn every_vocabulary_and_value_carries_its_documentation() {
        for v in vocabularies() {
            assert!(!paragraph(v.doc).is_empty(), "{}", v.path);
            for value in v.values {
                assert!(
                    !paragraph(value.doc).is_empty(),
                    "{}::{}",
                    v.path,
                    value.variant
                );
            }
        }
        let severity = <triage::Severity as Declared>::VALUES;
        assert_eq!(severity[2].name, "major");
        assert_eq!(severity[2].variant, "Major");
        assert_eq!(severity[2].doc, " A major complaint.\n");
    }

    #[test]
    fn rust_links_become_plain_text_and_code_keeps_its_brackets() {
        assert_eq!(
            unlink("named as in [`Complaint`]."),
            "named as in `Complaint`."
        );
        assert_eq!(
            unlink("see [the mask](crate::privacy::mask)"),
            "see the mask"
        );
        assert_eq!(unlink("`1[3-9]` and 9 more"), "`1[3-9]` and 9 more");
        assert_eq!(unlink("a [note] stays"), "a [note] stays");
    }

    #[test]
    fn names_follow_each_language() {
        assert_eq!(snake("RegistrationField"), "registration_field");
        assert_eq!(member("zh-Hant"), "ZH_HANT");
        assert_eq!(
            member("intake.email_charset_unknown"),
            "EMAIL_CHARSET_UNKNOWN"
        );
        assert_eq!(typescript_name("Satisfaction"), Some("Satisfaction"));
        // Two vocabularies are called `Field` in the core: the caller must say which.
        assert_eq!(typescript_name("Field"), None);
    }
}
