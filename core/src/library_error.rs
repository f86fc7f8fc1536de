//! [`Error`]: any error of the library, for callers (and bindings) that handle every kind in one
//! place. It names every module's error type, so it sits at the top of the crate; the trait it
//! implements, [`ErrorCode`], sits at the bottom (`crate::error`).

use crate::error::ErrorCode;

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

            fn index(&self) -> Option<usize> {
                match self { $($(#[cfg($cfg)])? Error::$variant(e) => e.index(),)* }
            }

            fn key(&self) -> Option<&str> {
                match self { $($(#[cfg($cfg)])? Error::$variant(e) => e.key(),)* }
            }
        }
    };
}

library_error! {
    /// JSON-like input nested too deep, or containing itself.
    Input(crate::input::InputError),
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
    /// Tamper-evident histories.
    History(crate::history::HistoryError),
    /// The office at work: worklists, reminders, statistics from cases.
    Office(crate::office::OfficeError),
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

    /// The position of the failing element (see [`ErrorCode::index`]).
    pub fn index(&self) -> Option<usize> {
        ErrorCode::index(self)
    }

    /// The key at fault (see [`ErrorCode::key`]).
    pub fn key(&self) -> Option<&str> {
        ErrorCode::key(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Case;
    use crate::policy::Policy;
    use crate::stats::{CsvOptions, Ledger};

    fn identity(err: impl Into<Error>) -> (&'static str, Option<usize>, Option<String>) {
        let err: Error = err.into();
        (err.code(), err.index(), err.key().map(str::to_owned))
    }

    #[test]
    fn index_and_key_reach_the_aggregate() {
        let history = r#"[
            {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
             "complainant_kind": "customer"},
            {"type": "team_formed", "at": "2025-09-26T11:00:00+08:00",
             "members": [{"id": "s-1", "role": 13812345678}]}
        ]"#;
        let replay = Case::replay_json(&Policy::default(), history).unwrap_err();
        assert_eq!(
            identity(replay),
            (
                "case.invalid_event",
                Some(1),
                Some("members[0].role".into())
            )
        );
        let refused = Case::replay_json(
            &Policy::default(),
            r#"[{"type": "closed", "at": "2025-09-26T10:00:00+08:00"}]"#,
        )
        .unwrap_err();
        assert_eq!(
            identity(refused),
            ("case.not_received_first", Some(0), None)
        );
        let policy = Policy::from_toml_str("[deadlines]\nplann = \"1 day\"").unwrap_err();
        assert_eq!(
            identity(policy),
            ("policy.unknown_key", None, Some("deadlines.plann".into()))
        );
        let ledger = Ledger::from_csv_reader(
            "number\n25010001\n".as_bytes(),
            &CsvOptions::default(),
            &Policy::default(),
        )
        .unwrap_err();
        assert_eq!(
            identity(ledger),
            ("stats.missing_column", None, Some("received_at".into()))
        );
        let time = crate::time::parse_date("2025-13-01").unwrap_err();
        let (_, index, key) = identity(time);
        assert_eq!((index, key), (None, None));
    }
}
