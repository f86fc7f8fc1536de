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

/// Declares [`ComplaintOfficeError`] from one table, one row per area of the core: the
/// variant, its docs and the core errors it takes. Each variant carries the same five fields,
/// so the enum, its accessors and the mapping from the core's [`Error`] are generated from the
/// rows rather than written out per variant: adding an area is one row. Rows are matched in
/// order (a history whose case is refused is a `Case` error before it is a `History` one);
/// anything no row takes (`Error` is non-exhaustive) is `Internal` and keeps its code.
macro_rules! error_areas {
    ($($(#[doc = $doc:literal])* $variant:ident => $($pattern:pat_param)|+,)*) => {
        /// An error of the library, with its stable code and the clause it enforces.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
        #[non_exhaustive]
        pub enum ComplaintOfficeError {
            $(
                $(#[doc = $doc])*
                #[error("{detail}")]
                $variant {
                    /// The stable code.
                    code: String,
                    /// The clause, if a rule stands behind the error.
                    clause: Option<String>,
                    /// What is wrong, without personal data.
                    detail: String,
                    /// The position (0-based) of the failing element: the event of a replayed
                    /// history (`Case.replay`) or the element of a batch; null otherwise.
                    index: Option<i32>,
                    /// The place at fault: a policy key (`deadlines.plan`), an event's key
                    /// (`members[0].role`) or a ledger column; null otherwise. Never a value.
                    key: Option<String>,
                },
            )*
            /// A bug inside the library (`internal.panic`): a panic caught at the boundary,
            /// or an area of the core this binding does not know yet (its code kept).
            #[error("{detail}")]
            Internal {
                /// The stable code.
                code: String,
                /// The clause, if a rule stands behind the error.
                clause: Option<String>,
                /// What happened (never a panic's payload).
                detail: String,
                /// The position of the failing element, if any.
                index: Option<i32>,
                /// The place at fault, if any.
                key: Option<String>,
            },
        }

        impl ComplaintOfficeError {
            /// The five fields, whatever the variant.
            fn fields(&self) -> (&str, &Option<String>, Option<i32>, &Option<String>) {
                match self {
                    $(Self::$variant { code, clause, index, key, .. })|*
                    | Self::Internal { code, clause, index, key, .. } => {
                        (code, clause, *index, key)
                    }
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
                    $($($pattern)|+ => Self::$variant { code, clause, detail, index, key },)*
                    _ => Self::Internal { code, clause, detail, index, key },
                }
            }
        }
    };
}

error_areas! {
    /// Dates, instants, offsets, months (`time.*`).
    Time => Error::Time(_),
    /// Durations (`duration.*`).
    Duration => Error::Duration(_),
    /// Complaint numbers (`number.*`, §2.2.3).
    Number => Error::Number(_),
    /// Policy files (`policy.*`).
    Policy => Error::Policy(_),
    /// The working-day calendar (`calendar.*`).
    Calendar => Error::Calendar(_),
    /// Periods (`period.*`).
    Period => Error::Period(_),
    /// A name outside a closed vocabulary (`triage.unknown_severity`, …).
    Unknown => Error::Unknown(_),
    /// Intake (`intake.*`), e-mail intake included.
    Intake => Error::Intake(_) | Error::Email(_),
    /// Classification (`classify.*`).
    Classify => Error::Classify(_),
    /// Triage (`triage.*`).
    Triage => Error::Triage(_),
    /// The case lifecycle (`case.*`, and the archive's codes for refused destruction); also a
    /// history whose chain is intact but whose case is refused.
    Case => Error::Case(_) | Error::History(HistoryError::Case(_)),
    /// Tamper-evident histories (`history.*`, §6.1.2): a broken chain or a head that does not
    /// match carries the index where the history breaks.
    History => Error::History(_),
    /// The office's many cases (`office.*`): a caseload that is not a list, a reminder window
    /// that ends before it starts.
    Office => Error::Office(_),
    /// Accountability (`accountability.*`).
    Accountability => Error::Accountability(_),
    /// Archive and retention (`archive.*`).
    Archive => Error::Archive(_),
    /// Confidentiality (`privacy.*`).
    Privacy => Error::Privacy(_),
    /// Statistics (`stats.*`).
    Stats => Error::Stats(_),
    /// JSON-like input nested more than 127 levels or containing itself, or a document over
    /// its reader's maximum (`input.*`).
    Input => Error::Input(_),
}

#[uniffi::export]
impl ComplaintOfficeError {
    /// The stable dotted code, like `number.invalid_month`, whatever the variant.
    pub fn code(&self) -> String {
        self.fields().0.to_owned()
    }

    /// The policy clause, like `§2.2.3`, if a rule stands behind the error.
    pub fn clause(&self) -> Option<String> {
        self.fields().1.clone()
    }

    /// The position (0-based) of the failing event of a replayed history or element of a
    /// batch, if the error is about one.
    pub fn index(&self) -> Option<i32> {
        self.fields().2
    }

    /// The place at fault (a policy key, an event's key, a ledger column), if any.
    pub fn key(&self) -> Option<String> {
        self.fields().3.clone()
    }
}

impl ComplaintOfficeError {
    /// The error a caught panic becomes.
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
