//! Reading and writing a policy: TOML or JSON, one schema. Unknown keys are errors and every
//! error names its key; syntax errors give the line and column. No message quotes a value of
//! the file (a phone number typed into the wrong key must not reach a log): serde's messages
//! are reduced to the kind of problem ([`reason`]).
//!
//! Loading tries the fast way first (feature `policy-fast`, [`super::guard`]): the text read straight into the schema,
//! no key remembered. TOML is read by a reader of our own ([`super::toml_reader`]) where the
//! text is in the part of TOML policies are written in, by the toml crate otherwise. Anything it would not read exactly as the checked way does (an unknown
//! key, a size over a limit, any error) sends the input the checked way: a JSON value, its
//! sizes checked, then deserialised by the same guard keeping track of the path, which names the
//! key ([`guard::deserialize_checked`]). Only errors pay for the second reading. Without the
//! feature `policy-fast` (the WebAssembly package, for its size) every policy is read the
//! checked way, through a JSON value: the same policies and errors, one copy of the schema's
//! deserialisation code instead of five.
//!
//! Sizes are checked before the work they cost ([`super::limits`]): the text, then every list,
//! text and nesting level of the value, then (in validation) the classification's tables.

use super::guard;
use super::limits::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_POLICY_BYTES, MAX_TEXT_BYTES};
use super::{Policy, PolicyError, PolicyFile};
use super::{toml_reader, toml_writer};

impl Policy {
    /// Reads a policy from TOML.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid TOML; otherwise as [`Self::from_json_value`].
    pub fn from_toml_str(text: &str) -> Result<Self, PolicyError> {
        check_text_size(text)?;
        // Our own reader of the TOML policies are written in, straight into the schema.
        if let Some(document) = toml_reader::read(text) {
            #[cfg(feature = "policy-fast")]
            if let Some(file) = guard::deserialize(document, true) {
                return Self::new(file);
            }
            // Without the fast way, the document as the JSON value the checked way reads
            // (our reader's dates are text already, as the checked way makes them).
            #[cfg(not(feature = "policy-fast"))]
            if let Ok(value) = <serde_json::Value as serde::Deserialize>::deserialize(document) {
                return Self::from_json_value(value);
            }
            // Valid TOML the fast way would not read: the checked way names the problem.
            return Self::from_toml_checked(text);
        }
        Self::from_toml_by_crate(text)
    }

    /// Reads a policy from TOML with the toml crate alone: what [`Self::from_toml_str`] does
    /// with any text its own reader leaves to the crate.
    pub(super) fn from_toml_by_crate(text: &str) -> Result<Self, PolicyError> {
        check_text_size(text)?;
        #[cfg(feature = "policy-fast")]
        {
            let de = toml::Deserializer::parse(text).map_err(|e| toml_syntax(text, &e))?;
            if let Some(file) = guard::deserialize(de, true) {
                return Self::new(file);
            }
        }
        Self::from_toml_checked(text)
    }

    /// The checked way, which names the key of the problem. Straight into a JSON value (no
    /// `toml::Table` in between: one tree fewer to build and drop); TOML dates arrive as
    /// toml's private datetime tables and become strings.
    fn from_toml_checked(text: &str) -> Result<Self, PolicyError> {
        let mut value: serde_json::Value =
            toml::from_str(text).map_err(|e| toml_syntax(text, &e))?;
        dates_to_strings(&mut value, 0);
        Self::from_json_value(value)
    }

    /// Reads a policy from JSON.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid JSON; otherwise as [`Self::from_json_value`].
    pub fn from_json_str(text: &str) -> Result<Self, PolicyError> {
        check_text_size(text)?;
        // A list at the root would read as the fields in order: the checked way refuses it.
        #[cfg(feature = "policy-fast")]
        if text.trim_start().starts_with('{') {
            let mut de = serde_json::Deserializer::from_str(text);
            if let Some(file) = guard::deserialize(&mut de, false)
                && de.end().is_ok()
            {
                return Self::new(file);
            }
        }
        // The checked way, which names the key of the problem.
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| PolicyError::Syntax {
                line: e.line(),
                column: e.column(),
                message: json_message(&e),
            })?;
        Self::from_json_value(value)
    }

    /// Reads a policy from a JSON value (the form policies take inside conformance vectors).
    ///
    /// # Errors
    /// [`PolicyError::UnknownKey`], [`PolicyError::InvalidValue`],
    /// [`PolicyError::Contradiction`] or [`PolicyError::TooLarge`], each naming the key.
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, PolicyError> {
        if !value.is_object() {
            return Err(PolicyError::invalid(
                "(root)",
                "expected a table of policy keys",
            ));
        }
        // The fast way checks the sizes as it goes, and copies the texts (the value stays
        // whole for the checked way), which costs less than remembering every key on the way.
        #[cfg(feature = "policy-fast")]
        if let Some(file) = guard::deserialize(&value, false) {
            return Self::new(file);
        }
        check_sizes(&value, &mut Vec::new())?;
        Self::new(checked(&value)?)
    }

    /// The policy as TOML (round-trips through [`Self::from_toml_str`]).
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] if a value cannot be written as TOML (not expected).
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        // Our own writer ([`toml_writer`]): the toml crate's serializer is not linked into
        // the WebAssembly package for this one method (issue 22).
        toml_writer::to_string(&self.inner.file)
            .map_err(|e| PolicyError::invalid("(root)", reason(&e.to_string())))
    }

    /// The policy as a JSON value (round-trips through [`Self::from_json_value`]).
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] if a value cannot be written as JSON (not expected: the
    /// error stands where a silent `null` would otherwise be).
    pub fn to_json_value(&self) -> Result<serde_json::Value, PolicyError> {
        serde_json::to_value(&self.inner.file)
            .map_err(|e| PolicyError::invalid("(root)", reason(&e.to_string())))
    }
}

/// The policy file in `value`, the checked way: the first unknown key, or the key of the first
/// value of the wrong form, named in the error. The sizes of `value` were checked before
/// ([`check_sizes`]).
pub(super) fn checked(value: &serde_json::Value) -> Result<PolicyFile, PolicyError> {
    match guard::deserialize_checked::<PolicyFile>(value) {
        Ok((file, None)) => Ok(file),
        // An error of the values comes before an unknown key, wherever each stands.
        Ok((_, Some(key))) => Err(PolicyError::UnknownKey { key }),
        Err(failure) => Err(PolicyError::InvalidValue {
            key: if failure.path == "." {
                "(root)".into()
            } else {
                failure.path
            },
            reason: reason(&failure.message),
        }),
    }
}

fn check_text_size(text: &str) -> Result<(), PolicyError> {
    if text.len() > MAX_POLICY_BYTES {
        return Err(PolicyError::too_large(
            "(root)",
            format!("at most {MAX_POLICY_BYTES} bytes of policy text"),
        ));
    }
    Ok(())
}

/// A step of the path to a value: a key of a table or an index of a list.
pub(super) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The dotted path of `steps` (`classification.categories[3].keywords`), as
/// serde_path_to_error writes it.
fn path(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() { "(root)".into() } else { out }
}

/// Every list at most [`MAX_LIST_ITEMS`] long, every text (and key) at most
/// [`MAX_TEXT_BYTES`], at most [`MAX_DEPTH`] levels: one pass, before deserialising. The
/// depth check also bounds the recursion of everything after it.
pub(super) fn check_sizes<'a>(
    value: &'a serde_json::Value,
    steps: &mut Vec<Step<'a>>,
) -> Result<(), PolicyError> {
    use serde_json::Value as J;
    if steps.len() > MAX_DEPTH {
        return Err(PolicyError::too_large(
            path(steps),
            format!("at most {MAX_DEPTH} levels of nesting"),
        ));
    }
    let text = |steps: &[Step<'_>]| {
        PolicyError::too_large(
            path(steps),
            format!("at most {MAX_TEXT_BYTES} bytes of text"),
        )
    };
    match value {
        J::String(s) if s.len() > MAX_TEXT_BYTES => Err(text(steps)),
        J::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                return Err(PolicyError::too_large(
                    path(steps),
                    format!("at most {MAX_LIST_ITEMS} items"),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                check_sizes(item, steps)?;
                steps.pop();
            }
            Ok(())
        }
        J::Object(map) => {
            if map.len() > MAX_LIST_ITEMS {
                return Err(PolicyError::too_large(
                    path(steps),
                    format!("at most {MAX_LIST_ITEMS} keys"),
                ));
            }
            for (key, item) in map {
                if key.len() > MAX_TEXT_BYTES {
                    // The key itself is too long to repeat: name the table it is in.
                    return Err(text(steps));
                }
                steps.push(Step::Key(key));
                check_sizes(item, steps)?;
                steps.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// What serde reports, without the value it may quote: `invalid type: integer
/// `13912345678`, expected a string` becomes `invalid type: integer, expected a string`.
/// Kept: the kind of value found, what was expected, names of the schema's keys and variants.
/// Messages of the crate's own parsers name the expected form and never the input: kept whole.
pub(super) fn reason(message: &str) -> String {
    // Serde's `Unexpected` values: the kind is the text before the quoted value.
    const KINDS: [&str; 16] = [
        "boolean",
        "integer",
        "floating point",
        "character",
        "string",
        "byte array",
        "unit value",
        "Option value",
        "newtype struct",
        "sequence",
        "map",
        "enum",
        "unit variant",
        "newtype variant",
        "tuple variant",
        "struct variant",
    ];
    let expected = message
        .rfind(", expected ")
        .map(|i| &message[i + ", expected ".len()..]);
    for (prefix, found) in [
        ("invalid type: ", "invalid type"),
        ("invalid value: ", "invalid value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let kind = KINDS
                .iter()
                .filter(|k| rest.starts_with(*k))
                .max_by_key(|k| k.len());
            let head = match kind {
                Some(kind) => format!("{found}: {kind}"),
                None => found.to_owned(),
            };
            return match expected {
                Some(expected) => format!("{head}, expected {expected}"),
                None => head,
            };
        }
    }
    if message.starts_with("unknown variant ") {
        // The variants the schema has are named after "expected"; the one found is not.
        return match expected {
            Some(expected) => format!("unknown variant, expected {expected}"),
            None => "unknown variant".to_owned(),
        };
    }
    if message.starts_with("invalid length ") {
        return message.to_owned();
    }
    if message.starts_with("missing field ") || message.starts_with("duplicate field ") {
        // Names of the schema's keys.
        return message.to_owned();
    }
    // Custom messages: the crate's own parsers' (`invalid duration: expected a whole number
    // and a unit, like `15 days`…`), which quote the schema's examples and never the input,
    // and chrono's (`input contains invalid characters`).
    message.to_owned()
}

fn toml_syntax(text: &str, e: &toml::de::Error) -> PolicyError {
    let (line, column) = e.span().map_or((1, 1), |span| {
        // A span is a byte offset; step back to a character boundary rather than trust it.
        let before = &text[..text.floor_char_boundary(span.start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    });
    PolicyError::Syntax {
        line,
        column,
        message: e.message().trim().to_owned(),
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; the variant carries those already.
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// The key under which toml hands a date or time to a deserialiser that is not its own.
pub(super) const TOML_DATETIME: &str = "$__toml_private_datetime";

/// Replaces each of toml's datetime tables by its text (`2025-01-01`), as a JSON policy
/// writes it. Stops at the nesting limit (`check_sizes` then refuses the value).
pub(super) fn dates_to_strings(value: &mut serde_json::Value, depth: usize) {
    use serde_json::Value as J;
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        J::Object(map) => {
            if map.len() == 1
                && let Some(J::String(text)) = map.get_mut(TOML_DATETIME)
            {
                *value = J::String(std::mem::take(text));
                return;
            }
            for item in map.values_mut() {
                dates_to_strings(item, depth + 1);
            }
        }
        J::Array(items) => {
            for item in items {
                dates_to_strings(item, depth + 1);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(Policy::from_toml_str("").unwrap(), Policy::default());
        assert_eq!(Policy::from_json_str("{}").unwrap(), Policy::default());
    }

    #[test]
    fn round_trips() {
        let p = Policy::from_toml_str(
            "effective_from = 2025-01-01\n[calendar]\noffice_hours = [\"09:00-12:00\", \"13:30-18:00\"]\nextra_off_days = [2025-12-31]\n",
        )
        .unwrap();
        let toml = p.to_toml().unwrap();
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), p);
        assert_eq!(
            Policy::from_json_value(p.to_json_value().unwrap()).unwrap(),
            p
        );
    }

    #[test]
    fn errors_name_their_key() {
        let cases = [
            (
                "[deadlines]\nplan = \"15 weeks\"",
                "policy.invalid_value",
                Some("deadlines.plan"),
            ),
            (
                "[deadlines]\nplann = \"15 days\"",
                "policy.unknown_key",
                Some("deadlines.plann"),
            ),
            ("colour = 1", "policy.unknown_key", Some("colour")),
            (
                "office_offset = \"+25:00\"",
                "policy.invalid_value",
                Some("office_offset"),
            ),
            (
                "[deadlines]\nplan = \"30 days\"\nplan_extended_max = \"15 days\"",
                "policy.contradiction",
                Some("deadlines.plan_extended_max"),
            ),
            (
                "[deadlines]\nfeedback = \"8 working hours\"",
                "policy.contradiction",
                Some("deadlines.feedback"),
            ),
            (
                "[calendar]\nextra_off_days = [2025-10-11]\nextra_working_days = [2025-10-11]",
                "policy.contradiction",
                Some("calendar.extra_working_days"),
            ),
            (
                "[calendar]\noffice_hours = [\"18:00-09:00\"]",
                "policy.invalid_value",
                None,
            ),
            ("[deadlines\nplan = 1", "policy.syntax", None),
            (
                "language = \"fr\"",
                "policy.invalid_value",
                Some("language"),
            ),
        ];
        for (text, code, key) in cases {
            let err = Policy::from_toml_str(text).unwrap_err();
            assert_eq!(err.code(), code, "{text}: {err}");
            if key.is_some() {
                assert_eq!(err.key(), key, "{text}");
            }
        }
        assert_eq!(
            Policy::from_json_str("[1]").unwrap_err().code(),
            "policy.invalid_value"
        );
        let syntax = Policy::from_json_str("{\n  \"name\": }").unwrap_err();
        assert!(
            matches!(syntax, PolicyError::Syntax { line: 2, .. }),
            "{syntax:?}"
        );
    }

    #[test]
    fn json_text_reads_as_its_value_reads() {
        // What the fast way would read differently from a `serde_json::Value` goes the checked
        // way: a list at the root (fields in order), a repeated key (the last one counts),
        // text after the policy.
        for text in ["[]", " [\"x\"]"] {
            let err = Policy::from_json_str(text).unwrap_err();
            assert_eq!(err.code(), "policy.invalid_value", "{text}");
            assert_eq!(err.key(), Some("(root)"), "{text}");
        }
        let policy = Policy::from_json_str(r#"{ "name": "a", "name": "b" }"#).unwrap();
        assert_eq!(policy.name(), "b");
        let err = Policy::from_json_str("{} {}").unwrap_err();
        assert_eq!(err.code(), "policy.syntax");
        // A TOML date reads as the text a JSON policy writes.
        let toml = Policy::from_toml_str("effective_from = 2025-01-01").unwrap();
        let json = Policy::from_json_str(r#"{ "effective_from": "2025-01-01" }"#).unwrap();
        assert_eq!(toml, json);
    }

    #[test]
    fn policies_over_a_limit_are_refused_naming_the_key() {
        use super::super::limits::*;
        use serde_json::json;
        let too_large = |value: serde_json::Value, key: &str| {
            let err = Policy::from_json_value(value).unwrap_err();
            assert_eq!(err.code(), "policy.too_large", "{err}");
            assert_eq!(err.key(), Some(key), "{err}");
        };
        let days = vec![json!("2025-10-11"); MAX_LIST_ITEMS + 1];
        too_large(
            json!({ "calendar": { "extra_off_days": days } }),
            "calendar.extra_off_days",
        );
        let category = json!({ "code": "other", "department": "d", "keywords": [] });
        too_large(
            json!({ "classification": { "categories": vec![category; MAX_CATEGORIES + 1] } }),
            "classification.categories",
        );
        too_large(json!({ "name": "x".repeat(MAX_TEXT_BYTES + 1) }), "name");
        too_large(
            json!({ "channels": { "x".repeat(MAX_TEXT_BYTES + 1): 1 } }),
            "channels",
        );
        let mut deep = json!(1);
        for _ in 0..=MAX_DEPTH {
            deep = json!([deep]);
        }
        let err = Policy::from_json_value(json!({ "name": deep })).unwrap_err();
        assert_eq!(err.code(), "policy.too_large");
        assert!(err.key().is_some_and(|k| k.starts_with("name[0]")), "{err}");
        let keyword = "词".repeat(MAX_KEYWORD_CHARS + 1);
        too_large(
            json!({ "classification": { "categories": [
                { "code": "other", "department": "quality", "keywords": ["a", keyword] }
            ] } }),
            "classification.categories[0].keywords[1]",
        );
        let rungs: Vec<_> = (0..=MAX_RUNGS)
            .map(|i| json!({ "rung": format!("r{i}"), "at": "due", "to": "management" }))
            .collect();
        too_large(
            json!({ "reminders": { "stages": { "plan": rungs } } }),
            "reminders.stages.plan",
        );
        // Exactly at the limit is allowed.
        let keyword = "词".repeat(MAX_KEYWORD_CHARS);
        let policy = json!({ "classification": { "categories": [
            { "code": "other", "department": "quality", "keywords": [keyword],
              "labels": { "zh_hant": "其他", "zh_hans": "其他", "en": "Other" } }
        ] } });
        assert_eq!(Policy::from_json_value(policy).err(), None);
        // Text over the limit is refused before it is parsed.
        let text = " ".repeat(MAX_POLICY_BYTES + 1);
        for err in [
            Policy::from_toml_str(&text).unwrap_err(),
            Policy::from_json_str(&text).unwrap_err(),
        ] {
            assert_eq!(err.code(), "policy.too_large");
            assert_eq!(err.key(), Some("(root)"));
        }
    }

    #[test]
    fn to_toml_writes_what_toml_writes() {
        // Our writer gives the document `toml::to_string` gives (the same text here).
        let policy = Policy::default();
        assert_eq!(
            policy.to_toml().unwrap(),
            toml::to_string(policy.file()).unwrap()
        );
        let policy = Policy::from_toml_str(
            "[[classification.categories]]\ncode = \"other\"\ndepartment = \"quality\"\nkeywords = [\"a\"]\nlabels = { zh_hant = \"甲\", zh_hans = \"甲\", en = \"A\" }\n[calendar]\noffice_hours = [\"09:00-12:00\"]\n",
        )
        .unwrap();
        let text = policy.to_toml().unwrap();
        assert_eq!(text, toml::to_string(policy.file()).unwrap());
        assert_eq!(Policy::from_toml_str(&text).unwrap(), policy);
    }

    /// Every table of the default policy (and the tables keyed by codes) given each pasted
    /// key: the error names where it stands, never the key.
    #[test]
    fn no_error_shows_a_pasted_key() {
        let default = Policy::default().to_json_value().unwrap();
        let mut tables = Vec::new();
        collect_tables(&default, &mut Vec::new(), &mut tables);
        tables.push(vec!["calendar_of".to_owned(), "departments".to_owned()]);
        tables.push(vec!["reminders".to_owned(), "stages".to_owned()]);
        assert!(tables.len() > 10, "{} tables", tables.len());
        for table in &tables {
            for pasted in crate::error::tests::PASTED {
                let mut file = default.clone();
                let mut at = &mut file;
                for step in table {
                    at = at
                        .as_object_mut()
                        .unwrap()
                        .entry(step.clone())
                        .or_insert_with(|| json!({}));
                }
                at.as_object_mut()
                    .unwrap()
                    .insert(pasted.to_owned(), json!([]));
                let error = Policy::from_json_value(file).unwrap_err();
                let shown = format!("{error} {error:?} {}", error.key().unwrap_or_default());
                assert!(!shown.contains(pasted), "{table:?}: {shown}");
                assert!(!shown.contains("1381234"), "{table:?}: {shown}");
                assert!(
                    error.key().unwrap_or_default().contains('?'),
                    "{table:?}: {shown}"
                );
            }
        }
    }

    fn collect_tables(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        if let Value::Object(map) = value {
            out.push(path.clone());
            for (key, item) in map {
                path.push(key.clone());
                collect_tables(item, path, out);
                path.pop();
            }
        }
    }

    // The discipline table (§8.2), through the policy file's `[discipline]` section.
}
