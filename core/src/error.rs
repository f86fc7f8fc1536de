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
