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
use complaint_office::calendar::CalendarError;
use complaint_office::history::HistoryError;

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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
    },
    /// Tamper-evident histories (`history.*`, §6.1.2): a broken chain or a head that does not
    /// match carries the index where the history breaks.
    #[error("{detail}")]
    History {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
    },
    /// The office's many cases (`office.*`): a caseload that is not a list, a reminder window
    /// that ends before it starts.
    #[error("{detail}")]
    Office {
        /// The stable code.
        code: String,
        /// The clause, if a rule stands behind the error.
        clause: Option<String>,
        /// What is wrong, without personal data.
        detail: String,
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// The position (0-based) of the failing element: the event of a replayed history
        /// (`Case.replay`) or the element of a batch; null otherwise.
        index: Option<i32>,
        /// The place at fault: a policy key (`deadlines.plan`), an event's key
        /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
        key: Option<String>,
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
        /// Always absent.
        index: Option<i32>,
        /// Always absent.
        key: Option<String>,
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
        /// Always absent.
        index: Option<i32>,
        /// Always absent.
        key: Option<String>,
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

    /// The position (0-based) of the failing event of a replayed history or element of a
    /// batch, if the error is about one.
    pub fn index(&self) -> Option<i32> {
        self.place().0
    }

    /// The place at fault (a policy key, an event's key, a ledger column), if any.
    pub fn key(&self) -> Option<String> {
        self.place().1.clone()
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
            | E::History { code, clause, .. }
            | E::Office { code, clause, .. }
            | E::Accountability { code, clause, .. }
            | E::Archive { code, clause, .. }
            | E::Privacy { code, clause, .. }
            | E::Stats { code, clause, .. }
            | E::Input { code, clause, .. }
            | E::Internal { code, clause, .. } => (code, clause),
        }
    }

    /// The error a caught panic becomes.
    fn place(&self) -> (Option<i32>, &Option<String>) {
        use ComplaintOfficeError as E;
        match self {
            E::Time { index, key, .. }
            | E::Duration { index, key, .. }
            | E::Number { index, key, .. }
            | E::Policy { index, key, .. }
            | E::Calendar { index, key, .. }
            | E::Period { index, key, .. }
            | E::Unknown { index, key, .. }
            | E::Intake { index, key, .. }
            | E::Classify { index, key, .. }
            | E::Triage { index, key, .. }
            | E::Case { index, key, .. }
            | E::History { index, key, .. }
            | E::Office { index, key, .. }
            | E::Accountability { index, key, .. }
            | E::Archive { index, key, .. }
            | E::Privacy { index, key, .. }
            | E::Stats { index, key, .. }
            | E::Input { index, key, .. }
            | E::Internal { index, key, .. } => (*index, key),
        }
    }

    pub(crate) fn panic() -> Self {
        ComplaintOfficeError::Internal {
            code: "internal.panic".to_owned(),
            clause: None,
            detail: "internal error: a panic inside complaint-office was caught at the binding \
                     boundary (a bug: please report it)"
                .to_owned(),
            index: None,
            key: None,
        }
    }
}

impl From<Error> for ComplaintOfficeError {
    fn from(e: Error) -> Self {
        let code = e.code().to_owned();
        let clause = e.clause().map(str::to_owned);
        let detail = e.to_string();
        let index = match &e {
            Error::Calendar(CalendarError::AtIndex { index, .. }) => Some(*index),
            _ => e.index(),
        }
        .and_then(|i| i32::try_from(i).ok());
        let key = e.key().map(str::to_owned);
        match e {
            Error::Time(_) => Self::Time {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Duration(_) => Self::Duration {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Number(_) => Self::Number {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Policy(_) => Self::Policy {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Calendar(_) => Self::Calendar {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Period(_) => Self::Period {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Unknown(_) => Self::Unknown {
                code,
                clause,
                detail,
                index,
                key,
            },
            // E-mail intake's codes are `intake.*`; a history whose chain is intact but whose
            // case is refused reports the case's own code.
            Error::Intake(_) | Error::Email(_) => Self::Intake {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Classify(_) => Self::Classify {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Triage(_) => Self::Triage {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Case(_) | Error::History(HistoryError::Case(_)) => Self::Case {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::History(_) => Self::History {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Office(_) => Self::Office {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Accountability(_) => Self::Accountability {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Archive(_) => Self::Archive {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Privacy(_) => Self::Privacy {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Stats(_) => Self::Stats {
                code,
                clause,
                detail,
                index,
                key,
            },
            Error::Input(_) => Self::Input {
                code,
                clause,
                detail,
                index,
                key,
            },
            // `Error` is non-exhaustive: an area added to the core later still keeps its code.
            _ => Self::Internal {
                code,
                clause,
                detail,
                index,
                key,
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
    complaint_office::intake::EmailError,
    complaint_office::history::HistoryError,
    complaint_office::office::OfficeError,
    complaint_office::accountability::AccountabilityError,
    complaint_office::archive::ArchiveError,
    complaint_office::privacy::PrivacyError,
    complaint_office::stats::StatsError,
);

/// The result of every exported function.
pub type Result<T, E = ComplaintOfficeError> = std::result::Result<T, E>;

/// Runs the body of an exported function; a panic becomes [`ComplaintOfficeError::Internal`]
/// (`internal.panic`) instead of unwinding into the foreign caller.
/// `input.too_large` for a whole document of `size` bytes over `max`: the default maxima of
/// the readers of every binding, [`MAX_TEXT_FILE_BYTES`] (64 MiB) for policy files, holiday
/// data and histories, [`MAX_CSV_FILE_BYTES`] (4 GiB) for CSV ledgers.
///
/// [`MAX_TEXT_FILE_BYTES`]: complaint_office::input::MAX_TEXT_FILE_BYTES
/// [`MAX_CSV_FILE_BYTES`]: complaint_office::input::MAX_CSV_FILE_BYTES
pub(crate) fn within(size: usize, max: u64) -> Result<()> {
    if size as u64 > max {
        return Err(Error::from(complaint_office::InputError::TooLarge {
            what: "the input's size in bytes",
            max,
        })
        .into());
    }
    Ok(())
}

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
        assert_eq!((e.index(), e.key()), (None, None));
    }

    #[test]
    fn index_and_key_cross_over() {
        let policy = complaint_office::policy::Policy::default();
        let json = r#"[{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "n", "contact": "c", "content": "x"},
            {"type": "registered", "at": "2025-09-26T11:00:00", "number": "25090001"}]"#;
        let e: ComplaintOfficeError = complaint_office::case::Case::replay_json(&policy, json)
            .unwrap_err()
            .into();
        assert_eq!(e.code(), "case.invalid_event");
        assert_eq!((e.index(), e.key()), (Some(1), Some("at".to_owned())));
        let e: ComplaintOfficeError =
            complaint_office::policy::Policy::from_toml_str("[deadlines]\nplann = \"10 days\"")
                .unwrap_err()
                .into();
        assert_eq!(e.key().as_deref(), Some("deadlines.plann"));
    }

    #[test]
    fn input_errors_are_not_internal() {
        let e = ComplaintOfficeError::from(Error::from(complaint_office::InputError::Cycle));
        assert!(matches!(e, ComplaintOfficeError::Input { .. }));
        assert_eq!(e.code(), "input.cycle");
    }

    #[test]
    fn history_office_and_email_errors_have_their_variants() {
        use complaint_office::history::HistoryError;
        let broken = ComplaintOfficeError::from(HistoryError::ChainBroken { index: 3 });
        assert!(matches!(broken, ComplaintOfficeError::History { .. }));
        assert_eq!(
            (broken.code().as_str(), broken.index()),
            ("history.chain_broken", Some(3))
        );
        assert_eq!(broken.clause().as_deref(), Some("§6.1.2"));
        // An intact history whose case is refused: the case's code, in the case's variant.
        let refused = ComplaintOfficeError::from(HistoryError::Case(
            complaint_office::case::CaseError::invalid_event("at", "bad"),
        ));
        assert!(matches!(refused, ComplaintOfficeError::Case { .. }));
        assert_eq!(refused.code(), "case.invalid_event");
        let window =
            ComplaintOfficeError::from(complaint_office::office::OfficeError::InvalidWindow);
        assert!(matches!(window, ComplaintOfficeError::Office { .. }));
        let policy = complaint_office::policy::Policy::default();
        let mail = complaint_office::intake::email(
            &policy,
            b"",
            complaint_office::intake::ComplainantKind::Customer,
        )
        .unwrap_err();
        let mail = ComplaintOfficeError::from(mail);
        assert!(matches!(mail, ComplaintOfficeError::Intake { .. }));
        assert_eq!(mail.code(), "intake.email_malformed");
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
