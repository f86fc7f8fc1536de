//! The stable identity of every error: a dotted [`code`](ErrorCode::code) and, where a rule of
//! the policy stands behind it, the [`clause`](ErrorCode::clause) it enforces.
//!
//! This module is the bottom of the crate: every other module implements [`ErrorCode`] for its
//! own error type, and this module imports nothing from any of them. The aggregate
//! [`Error`](crate::Error), which gathers every module's error, sits at the top instead.
//! No error carries a complainant's personal data: messages name keys, fields and rules, never
//! the values a person typed.

/// The stable identity of an error, the same in every language.
pub trait ErrorCode {
    /// The dotted code, like `number.invalid_month`. Codes never change meaning.
    fn code(&self) -> &'static str;

    /// The policy clause the error enforces, like `§2.2.3`, if a rule stands behind it.
    fn clause(&self) -> Option<&'static str> {
        None
    }
}
