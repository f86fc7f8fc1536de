//! The stable identity of every error: a dotted [`code`](ErrorCode::code), where a rule of the
//! policy stands behind it the [`clause`](ErrorCode::clause) it enforces, and where the error
//! comes from one element of a sequence or one key of a document, its
//! [`index`](ErrorCode::index) and [`key`](ErrorCode::key). Bindings read all four through the
//! trait, whatever the error type.
//!
//! A clause id is an anchor of `docs/POLICY.md` in the repository, which gives every clause
//! in the original Chinese beside an English translation: `§2.2.3` is
//! `docs/POLICY.md#clause-2.2.3`.
//!
//! This module is the bottom of the crate: every other module implements [`ErrorCode`] for its
//! own error type, and this module imports nothing from any of them. The aggregate
//! [`Error`](crate::Error), which gathers every module's error, sits at the top instead.
//! No error carries a complainant's personal data: messages name keys, fields and rules, never
//! the values a person typed.

/// The schema of a clause id as results carry it (`§2.2.3`): text, named `Clause` so that the
/// bindings' declarations can name it.
#[cfg(feature = "schema")]
pub(crate) struct ClauseText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ClauseText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Clause".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// The schema of an error code as results carry it (`case.transition_not_allowed`): text,
/// named `ErrorCode`.
#[cfg(feature = "schema")]
pub(crate) struct CodeText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CodeText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ErrorCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// The stable identity of an error, the same in every language.
pub trait ErrorCode {
    /// The dotted code, like `number.invalid_month`. Codes never change meaning.
    fn code(&self) -> &'static str;

    /// The policy clause the error enforces, like `§2.2.3`, if a rule stands behind it. Its
    /// text, in Chinese and English, is at `docs/POLICY.md#clause-2.2.3` in the repository.
    fn clause(&self) -> Option<&'static str> {
        None
    }

    /// The position (0-based) of the failing element of a sequence: the refused event of a
    /// replayed history. None when the error is not about one element.
    fn index(&self) -> Option<usize> {
        None
    }

    /// The key at fault: the dotted path of a policy setting (`deadlines.plan`), of an event's
    /// key (`members[0].role`), or the column of a ledger. Keys name places, never values.
    fn key(&self) -> Option<&str> {
        None
    }
}

/// `key`, one key of a document (a policy file, an options object), as an error shows it:
/// itself when it has the form of a key's name (ASCII letters, digits, `_` and `-`, starting
/// with a letter, at most 64 characters and 4 digits), otherwise `?`. Every key a schema knows
/// and every code has that form, and so has any near miss of one (`Plan`, `feedbak`); a phone
/// number, an ID number, an e-mail address or a Chinese name has not. A key is data in a
/// table keyed by codes, and may be data pasted in by mistake, which no error may carry.
///
/// ```
/// use complaint_office::error::shown_key;
/// use complaint_office::policy::Policy;
///
/// assert_eq!(shown_key("feedbak"), "feedbak");
/// assert_eq!(shown_key("zhang.san@example.com"), "?");
///
/// let typo = Policy::from_toml_str("[deadlines]\nPlan = \"15 days\"").unwrap_err();
/// assert_eq!(typo.to_string(), "unknown policy key `deadlines.Plan`");
/// let pasted = Policy::from_toml_str("[deadlines]\n13812345678 = \"15 days\"").unwrap_err();
/// assert_eq!(pasted.to_string(), "unknown policy key `deadlines.?`");
/// ```
pub fn shown_key(key: &str) -> &str {
    let mut chars = key.chars();
    let named = key.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && key.bytes().filter(u8::is_ascii_digit).count() <= 4;
    if named { key } else { "?" }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::shown_key;

    /// Keys that are data pasted in by mistake: a mobile number, an e-mail address, an ID
    /// number, a Chinese name, and a code with a phone number inside.
    pub(crate) const PASTED: [&str; 5] = [
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
}
