//! [`PolicyError`]: why a policy file, or one of its sections, was rejected.
//!
//! The tables (intake, classification, triage, discipline) validate their own section of the
//! policy file and report with this error, so it lives under them and under the policy that
//! holds them; its public path is [`crate::policy::PolicyError`].
//!
//! A key path names the file's own keys. A key that has not the form of a key's name (see
//! [`crate::error::shown_key`]) is written `?` in it, in the error's key and its message
//! alike: a table's key may be data pasted in by mistake, a phone number or an e-mail
//! address, which an error must never carry.

use chrono::NaiveDate;

use crate::error::ErrorCode;

/// Why a policy file was rejected. Every variant names the key at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The text is not valid TOML or JSON.
    #[error("policy syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// A key the schema does not have (often a typo).
    #[error("unknown policy key `{key}`")]
    UnknownKey {
        /// The dotted path of the key.
        key: String,
    },
    /// A value of the wrong type or form.
    #[error("invalid value for `{key}`: {reason}")]
    InvalidValue {
        /// The dotted path of the key.
        key: String,
        /// What was expected.
        reason: String,
    },
    /// Values that contradict each other.
    #[error("contradiction at `{key}`: {reason}")]
    Contradiction {
        /// The dotted path of the key at fault.
        key: String,
        /// The rule the values break.
        reason: String,
    },
    /// A list, a text or the whole policy is larger than its documented limit (see the
    /// limits in [`crate::policy`]): refused before the work it would cost.
    #[error("`{key}` is too large: {limit}")]
    TooLarge {
        /// The dotted path of the key (`(root)` for the whole policy).
        key: String,
        /// The limit, as words (`at most 100000 categories`).
        limit: String,
    },
    /// No policy in a set is in force at the given date.
    #[error("no policy is in force on {date}")]
    NoneInForce {
        /// The date asked about.
        date: NaiveDate,
    },
}

impl PolicyError {
    /// An invalid value at `key`.
    pub fn invalid(key: impl Into<String>, reason: impl Into<String>) -> Self {
        PolicyError::InvalidValue {
            key: key.into(),
            reason: reason.into(),
        }
    }

    /// A size over its limit at `key`.
    pub fn too_large(key: impl Into<String>, limit: impl Into<String>) -> Self {
        PolicyError::TooLarge {
            key: key.into(),
            limit: limit.into(),
        }
    }

    /// A contradiction at `key`.
    pub fn contradiction(key: impl Into<String>, reason: impl Into<String>) -> Self {
        PolicyError::Contradiction {
            key: key.into(),
            reason: reason.into(),
        }
    }
}

impl ErrorCode for PolicyError {
    fn code(&self) -> &'static str {
        match self {
            PolicyError::Syntax { .. } => "policy.syntax",
            PolicyError::UnknownKey { .. } => "policy.unknown_key",
            PolicyError::InvalidValue { .. } => "policy.invalid_value",
            PolicyError::Contradiction { .. } => "policy.contradiction",
            PolicyError::TooLarge { .. } => "policy.too_large",
            PolicyError::NoneInForce { .. } => "policy.none_in_force",
        }
    }

    /// The dotted path of the key at fault (`deadlines.plan`, `classification.categories[1]`).
    fn key(&self) -> Option<&str> {
        match self {
            PolicyError::UnknownKey { key }
            | PolicyError::InvalidValue { key, .. }
            | PolicyError::Contradiction { key, .. }
            | PolicyError::TooLarge { key, .. } => Some(key),
            PolicyError::Syntax { .. } | PolicyError::NoneInForce { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::error::ErrorCode;
    use crate::error::shown_key;
    use crate::policy::Policy;

    /// Keys that are data pasted in by mistake: a mobile number, an e-mail address, an ID
    /// number, a Chinese name, and a code with a phone number inside.
    const PASTED: [&str; 5] = [
        "13812345678",
        "zhang.san@example.com",
        "110101199003071234",
        "張三",
        "call_13812345678",
    ];

    #[test]
    fn names_are_shown_and_data_is_not() {
        for name in [
            "plan",
            "Plan",
            "feedbak",
            "office-hours",
            "q4_25",
            "a1b2c3d4",
        ] {
            assert_eq!(shown_key(name), name);
        }
        for data in PASTED
            .iter()
            .chain(&["", "_x", "1st", "a12345", &"a".repeat(65)])
        {
            assert_eq!(shown_key(data), "?", "{data}");
        }
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
            for pasted in PASTED {
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
}
