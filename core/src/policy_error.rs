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
