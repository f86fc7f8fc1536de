//! [`Error`]: any error of the library, for callers (and bindings) that handle every kind in one
//! place. It names every module's error type, so it sits at the top of the crate; the trait it
//! implements, [`ErrorCode`], sits at the bottom (`crate::error`).

use crate::error::ErrorCode;

macro_rules! library_error {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// Any error of the library.
        #[derive(Debug, Clone, PartialEq, thiserror::Error)]
        #[non_exhaustive]
        pub enum Error {
            $($(#[$doc])* #[error(transparent)] $variant(#[from] $ty),)*
        }

        impl ErrorCode for Error {
            fn code(&self) -> &'static str {
                match self { $(Error::$variant(e) => e.code(),)* }
            }

            fn clause(&self) -> Option<&'static str> {
                match self { $(Error::$variant(e) => e.clause(),)* }
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
