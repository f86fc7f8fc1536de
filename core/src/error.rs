//! Errors: every one has a stable dotted [`code`](ErrorCode::code) and, where a rule of the
//! policy stands behind it, the [`clause`](ErrorCode::clause) it enforces.
//!
//! Each module has its own error type; [`Error`] gathers them for callers (and bindings) that
//! handle every kind in one place. No error carries a complainant's personal data: messages
//! name keys, fields and rules, never the values a person typed.

/// The stable identity of an error, the same in every language.
pub trait ErrorCode {
    /// The dotted code, like `number.invalid_month`. Codes never change meaning.
    fn code(&self) -> &'static str;

    /// The policy clause the error enforces, like `§2.2.3`, if a rule stands behind it.
    fn clause(&self) -> Option<&'static str> {
        None
    }
}

macro_rules! library_error {
    ($($(#[cfg($cfg:meta)])? $(#[doc = $doc:literal])* $variant:ident($ty:ty),)*) => {
        /// Any error of the library.
        #[derive(Debug, Clone, PartialEq, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            $($(#[cfg($cfg)])? $(#[doc = $doc])* #[error(transparent)] $variant(#[from] $ty),)*
        }

        impl ErrorCode for Error {
            fn code(&self) -> &'static str {
                match self { $($(#[cfg($cfg)])? Error::$variant(e) => e.code(),)* }
            }

            fn clause(&self) -> Option<&'static str> {
                match self { $($(#[cfg($cfg)])? Error::$variant(e) => e.clause(),)* }
            }
        }
    };
}

library_error! {
    /// Dates, instants, offsets, months.
    Time(crate::time::TimeError),
    /// Durations.
    Duration(crate::duration::DurationError),
    /// Complaint numbers.
    Number(crate::number::NumberError),
    /// Policy files.
    Policy(crate::policy::PolicyError),
    /// The working-day calendar.
    Calendar(crate::calendar::CalendarError),
    /// Periods.
    Period(crate::period::PeriodError),
    /// A name outside a closed vocabulary (channel, severity, …).
    Unknown(crate::vocabulary::UnknownValue),
    /// Intake checks.
    Intake(crate::intake::IntakeError),
    #[cfg(feature = "email")]
    /// E-mail intake: a message that is not an e-mail.
    Email(crate::intake::EmailError),
    /// Classification.
    Classify(crate::classify::ClassifyError),
    /// Triage.
    Triage(crate::triage::TriageError),
    /// The case lifecycle.
    Case(crate::case::CaseError),
    /// Accountability.
    Accountability(crate::accountability::AccountabilityError),
    /// Archive and retention.
    Archive(crate::archive::ArchiveError),
    /// Confidentiality.
    Privacy(crate::privacy::PrivacyError),
    /// Statistics.
    Stats(crate::stats::StatsError),
}

impl Error {
    /// The stable code (see [`ErrorCode::code`]).
    pub fn code(&self) -> &'static str {
        ErrorCode::code(self)
    }

    /// The clause (see [`ErrorCode::clause`]).
    pub fn clause(&self) -> Option<&'static str> {
        ErrorCode::clause(self)
    }
}
