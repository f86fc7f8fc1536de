//! Reading and writing a policy: TOML or JSON, one schema. Unknown keys are errors and every
//! error names its key; syntax errors give the line and column.

use super::{Policy, PolicyError, PolicyFile};

impl Policy {
    /// Reads a policy from TOML.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid TOML; otherwise as [`Self::from_json_value`].
    pub fn from_toml_str(text: &str) -> Result<Self, PolicyError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| toml_syntax(text, &e))?;
        Self::from_json_value(toml_to_json(toml::Value::Table(table)))
    }

    /// Reads a policy from JSON.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid JSON; otherwise as [`Self::from_json_value`].
    pub fn from_json_str(text: &str) -> Result<Self, PolicyError> {
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
    /// [`PolicyError::UnknownKey`], [`PolicyError::InvalidValue`] or
    /// [`PolicyError::Contradiction`], each naming the key.
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, PolicyError> {
        if !value.is_object() {
            return Err(PolicyError::invalid(
                "(root)",
                "expected a table of policy keys",
            ));
        }
        let mut unknown = Vec::new();
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let de = serde_ignored::Deserializer::new(&value, &mut note_unknown);
        let file: PolicyFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let key = e.path().to_string();
            PolicyError::InvalidValue {
                key: if key == "." { "(root)".into() } else { key },
                reason: e.into_inner().to_string(),
            }
        })?;
        if let Some(key) = unknown.into_iter().next() {
            return Err(PolicyError::UnknownKey { key });
        }
        Self::new(file)
    }

    /// The policy as TOML (round-trips through [`Self::from_toml_str`]).
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] if a value cannot be written as TOML (not expected).
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        toml::to_string(&self.inner.file).map_err(|e| PolicyError::invalid("(root)", e.to_string()))
    }

    /// The policy as a JSON value (round-trips through [`Self::from_json_value`]).
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] if a value cannot be written as JSON (not expected: the
    /// error stands where a silent `null` would otherwise be).
    pub fn to_json_value(&self) -> Result<serde_json::Value, PolicyError> {
        serde_json::to_value(&self.inner.file)
            .map_err(|e| PolicyError::invalid("(root)", e.to_string()))
    }
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

fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
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

    // The discipline table (§8.2), through the policy file's `[discipline]` section.
}
