//! The one error type of the binding: every core error, mapped once, here.
//!
//! `ComplaintOfficeError` (`ComplaintOfficeException` in Kotlin and Java) has one variant per
//! area of the core, each carrying the stable `code` (`number.invalid_month`), the `clause` of
//! the policy behind it (`§2.2.3`) where there is one, and the core's message as `detail`
//! (messages name keys and rules, never a complainant's data). `code()` and `clause()` are
//! also methods of the error itself, for callers that catch the base type.
//!
//! A panic never crosses the boundary: every exported function runs inside `guard`, which
//! turns a panic into [`ComplaintOfficeError::Internal`] with code `internal.panic`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use complaint_office::Error;

/// An error of the library, with its stable code and the clause it enforces.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
#[non_exhaustive]
pub enum ComplaintOfficeError {
    /// Dates, instants, offsets, months (`time.*`).
    #[error("{detail}")]
    Time {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Durations (`duration.*`).
    #[error("{detail}")]
    Duration {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Complaint numbers (`number.*`, §2.2.3).
    #[error("{detail}")]
    Number {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Policy files (`policy.*`).
    #[error("{detail}")]
    Policy {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// The working-day calendar (`calendar.*`).
    #[error("{detail}")]
    Calendar {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Periods (`period.*`).
    #[error("{detail}")]
    Period {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// A name outside a closed vocabulary (`triage.unknown_severity`, …).
    #[error("{detail}")]
    Unknown {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Intake (`intake.*`).
    #[error("{detail}")]
    Intake {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Classification (`classify.*`).
    #[error("{detail}")]
    Classify {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Triage (`triage.*`).
    #[error("{detail}")]
    Triage {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// The case lifecycle (`case.*`, and the archive's codes for refused destruction).
    #[error("{detail}")]
    Case {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Accountability (`accountability.*`).
    #[error("{detail}")]
    Accountability {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Archive and retention (`archive.*`).
    #[error("{detail}")]
    Archive {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Confidentiality (`privacy.*`).
    #[error("{detail}")]
    Privacy {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// Statistics (`stats.*`).
    #[error("{detail}")]
    Stats {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
    },
    /// JSON-like input nested more than 127 levels or containing itself (`input.*`). This
    /// binding takes nested data as JSON text, which the parser bounds with the entry point's
    /// own code; the variant keeps the core's `input.*` errors out of `Internal`.
    #[error("{detail}")]
    Input {
        /// The stable code.
        code: String,
        /// Always absent.
        clause: Option<String>,
        /// What is wrong, without the value.
        detail: String,
    },
    /// A bug inside the library (`internal.panic`): a panic caught at the boundary.
    #[error("{detail}")]
    Internal {
        /// The stable code.
        code: String,
        /// Always absent.
        clause: Option<String>,
        /// What happened (never the panic's payload).
        detail: String,
    },
}

#[uniffi::export]
impl ComplaintOfficeError {
    /// The stable dotted code, like `number.invalid_month`, whatever the variant.
    pub fn code(&self) -> String {
        self.parts().0.to_owned()
    }

    /// The policy clause, like `§2.2.3`, if a rule stands behind the error.
    pub fn clause(&self) -> Option<String> {
        self.parts().1.clone()
    }
}

impl ComplaintOfficeError {
    fn parts(&self) -> (&str, &Option<String>) {
        use ComplaintOfficeError as E;
        match self {
            E::Time { code, clause, .. }
            | E::Duration { code, clause, .. }
            | E::Number { code, clause, .. }
            | E::Policy { code, clause, .. }
            | E::Calendar { code, clause, .. }
            | E::Period { code, clause, .. }
            | E::Unknown { code, clause, .. }
            | E::Intake { code, clause, .. }
            | E::Classify { code, clause, .. }
            | E::Triage { code, clause, .. }
            | E::Case { code, clause, .. }
            | E::Accountability { code, clause, .. }
            | E::Archive { code, clause, .. }
            | E::Privacy { code, clause, .. }
            | E::Stats { code, clause, .. }
            | E::Input { code, clause, .. }
            | E::Internal { code, clause, .. } => (code, clause),
        }
    }

    /// The error a caught panic becomes.
    pub(crate) fn panic() -> Self {
        ComplaintOfficeError::Internal {
            code: "internal.panic".to_owned(),
            clause: None,
            detail: "internal error: a panic inside complaint-office was caught at the binding \
                     boundary (a bug: please report it)"
                .to_owned(),
        }
    }
}

impl From<Error> for ComplaintOfficeError {
    fn from(e: Error) -> Self {
        let code = e.code().to_owned();
        let clause = e.clause().map(str::to_owned);
        let detail = e.to_string();
        match e {
            Error::Time(_) => Self::Time {
                code,
                clause,
                detail,
            },
            Error::Duration(_) => Self::Duration {
                code,
                clause,
                detail,
            },
            Error::Number(_) => Self::Number {
                code,
                clause,
                detail,
            },
            Error::Policy(_) => Self::Policy {
                code,
                clause,
                detail,
            },
            Error::Calendar(_) => Self::Calendar {
                code,
                clause,
                detail,
            },
            Error::Period(_) => Self::Period {
                code,
                clause,
                detail,
            },
            Error::Unknown(_) => Self::Unknown {
                code,
                clause,
                detail,
            },
            Error::Intake(_) => Self::Intake {
                code,
                clause,
                detail,
            },
            Error::Classify(_) => Self::Classify {
                code,
                clause,
                detail,
            },
            Error::Triage(_) => Self::Triage {
                code,
                clause,
                detail,
            },
            Error::Case(_) => Self::Case {
                code,
                clause,
                detail,
            },
            Error::Accountability(_) => Self::Accountability {
                code,
                clause,
                detail,
            },
            Error::Archive(_) => Self::Archive {
                code,
                clause,
                detail,
            },
            Error::Privacy(_) => Self::Privacy {
                code,
                clause,
                detail,
            },
            Error::Stats(_) => Self::Stats {
                code,
                clause,
                detail,
            },
            Error::Input(_) => Self::Input {
                code,
                clause,
                detail,
            },
            // `Error` is non-exhaustive: an area added to the core later still keeps its code.
            _ => Self::Internal {
                code,
                clause,
                detail,
            },
        }
    }
}

/// Every module error converts through the core's [`Error`].
macro_rules! from_module_errors {
    ($($ty:ty),* $(,)?) => {
        $(impl From<$ty> for ComplaintOfficeError {
            fn from(e: $ty) -> Self {
                Error::from(e).into()
            }
        })*
    };
}

from_module_errors!(
    complaint_office::time::TimeError,
    complaint_office::duration::DurationError,
    complaint_office::number::NumberError,
    complaint_office::policy::PolicyError,
    complaint_office::calendar::CalendarError,
    complaint_office::period::PeriodError,
    complaint_office::vocabulary::UnknownValue,
    complaint_office::intake::IntakeError,
    complaint_office::classify::ClassifyError,
    complaint_office::triage::TriageError,
    complaint_office::case::CaseError,
    complaint_office::accountability::AccountabilityError,
    complaint_office::archive::ArchiveError,
    complaint_office::privacy::PrivacyError,
    complaint_office::stats::StatsError,
);

/// The result of every exported function.
pub type Result<T, E = ComplaintOfficeError> = std::result::Result<T, E>;

/// Runs the body of an exported function; a panic becomes [`ComplaintOfficeError::Internal`]
/// (`internal.panic`) instead of unwinding into the foreign caller.
pub(crate) fn guard<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    // The core's values are immutable or behind poison-tolerant locks, so a caught panic
    // leaves nothing half-changed that a later call could observe.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Err(ComplaintOfficeError::panic()))
}

/// Panics on purpose inside `guard`, so that each foreign test suite can show that a panic
/// surfaces as `internal.panic` and never aborts the host.
///
/// # Errors
/// Always [`ComplaintOfficeError::Internal`] with code `internal.panic`.
#[cfg(feature = "panic-probe")]
#[uniffi::export]
pub fn panic_probe() -> Result<()> {
    guard(|| {
        #[allow(clippy::panic)]
        {
            panic!("panic probe")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_clauses_cross_over() {
        let e: ComplaintOfficeError = complaint_office::number::ComplaintNumber::parse("23130001")
            .unwrap_err()
            .into();
        assert_eq!(e.code(), "number.invalid_month");
        assert!(matches!(e, ComplaintOfficeError::Number { .. }));
    }

    #[test]
    fn input_errors_are_not_internal() {
        let e = ComplaintOfficeError::from(Error::from(complaint_office::InputError::Cycle));
        assert!(matches!(e, ComplaintOfficeError::Input { .. }));
        assert_eq!(e.code(), "input.cycle");
    }

    #[test]
    #[allow(clippy::panic)]
    fn a_panic_becomes_an_internal_error() {
        let e = guard::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(e.code(), "internal.panic");
        assert_eq!(e.clause(), None);
        assert!(!e.to_string().contains("boom"));
    }
}
