//! The store's one error type: a stable dotted code for every failure, and never a
//! complainant's data (nor a database driver's message, which may quote a row) in a message.

use complaint_office::ErrorCode;
use complaint_office::archive::ArchiveError;
use complaint_office::case::CaseError;
use complaint_office::history::HistoryError;
use complaint_office::number::NumberError;
use complaint_office::policy::PolicyError;
use complaint_office::stats::StatsError;

/// Why a store operation failed.
///
/// The store's own codes start with `store.`; the library's errors keep their codes
/// (`case.*` when the policy refuses an event, `history.*` when a stored history was tampered
/// with, `number.serial_exhausted` for a 10,000th complaint in a month).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// No case with that id or number.
    #[error("no such case")]
    NotFound,
    /// The case has moved on since the writer last read it: its version is not the one the
    /// writer saw. Nothing was written; reload the case and decide again.
    #[error("version conflict: the writer saw version {expected}, the case is at version {actual}")]
    Conflict {
        /// The version the writer saw.
        expected: u64,
        /// The case's version now.
        actual: u64,
    },
    /// A request key already names a case that is not registered (a `receive` retried as a
    /// `register`).
    #[error("the request key already names a case that is not registered")]
    RequestKeyInUse,
    /// A `registered` event through `append`: registration allocates the number, so it goes
    /// through `register` or `register_received`.
    #[error("a `registered` event is written by register, which allocates the number")]
    RegistrationThroughAppend,
    /// A stored history fails its hash chain (tampered) or cannot be rebuilt.
    #[error(transparent)]
    History(#[from] HistoryError),
    /// The policy refuses the event (the case's own code and clause).
    #[error(transparent)]
    Case(#[from] CaseError),
    /// A number cannot be allocated (`number.serial_exhausted`).
    #[error(transparent)]
    Number(#[from] NumberError),
    /// A retention computation failed.
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    /// The statistics ledger refused a stored case.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// No policy in force for a stored case, or an invalid policy set.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// The target is neither a `postgres://` / `postgresql://` URL nor a file path.
    #[error("invalid store target: expected a postgres:// URL or a SQLite file path")]
    InvalidTarget,
    /// The database cannot be reached, or the connection was lost before the transaction
    /// committed (nothing was written).
    #[error("{backend} unavailable: {reason}")]
    Unavailable {
        /// `sqlite` or `postgres`.
        backend: &'static str,
        /// What failed, in the store's words.
        reason: &'static str,
    },
    /// The connection was lost while the transaction was committing: it may or may not have
    /// been written. Retry a registration with the same request key, or reload the case.
    #[error("{backend}: the connection was lost during commit; the outcome is unknown")]
    CommitUnknown {
        /// `sqlite` or `postgres`.
        backend: &'static str,
    },
    /// Every connection of the pool stayed busy, or the database stayed locked, for longer
    /// than the configured wait.
    #[error("{backend} busy: no connection or lock within the wait")]
    Busy {
        /// `sqlite` or `postgres`.
        backend: &'static str,
    },
    /// Any other database failure, by the database's own code (SQLSTATE, SQLite result code)
    /// and, where it has one, the constraint or object concerned.
    #[error("{backend} error {code}{}", object.as_deref().map(|o| format!(" on {o}")).unwrap_or_default())]
    Database {
        /// `sqlite` or `postgres`.
        backend: &'static str,
        /// SQLSTATE (`23505`) or SQLite's code (`SQLITE_CONSTRAINT_UNIQUE`).
        code: String,
        /// The constraint, table or column named by the database, if any.
        object: Option<String>,
    },
    /// A stored row does not read back (a number, instant or name that is not valid).
    #[error("corrupt row: invalid {what}")]
    Corrupt {
        /// Which column.
        what: &'static str,
    },
    /// The database was migrated by a newer version of this crate.
    #[error("schema version {found} is newer than this library's {supported}")]
    SchemaTooNew {
        /// The database's schema version.
        found: u32,
        /// The newest this library knows.
        supported: u32,
    },
}

impl ErrorCode for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound => "store.not_found",
            StoreError::Conflict { .. } => "store.conflict",
            StoreError::RequestKeyInUse => "store.request_key_in_use",
            StoreError::RegistrationThroughAppend => "store.registration_through_append",
            StoreError::History(e) => e.code(),
            StoreError::Case(e) => e.code(),
            StoreError::Number(e) => e.code(),
            StoreError::Archive(e) => e.code(),
            StoreError::Stats(e) => e.code(),
            StoreError::Policy(e) => e.code(),
            StoreError::InvalidTarget => "store.invalid_target",
            StoreError::Unavailable { .. } => "store.unavailable",
            StoreError::CommitUnknown { .. } => "store.commit_unknown",
            StoreError::Busy { .. } => "store.busy",
            StoreError::Database { .. } => "store.database",
            StoreError::Corrupt { .. } => "store.corrupt",
            StoreError::SchemaTooNew { .. } => "store.schema_too_new",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            StoreError::History(e) => e.clause(),
            StoreError::Case(e) => e.clause(),
            StoreError::Number(e) => e.clause(),
            StoreError::Archive(e) => e.clause(),
            StoreError::Stats(e) => e.clause(),
            StoreError::Policy(e) => e.clause(),
            _ => None,
        }
    }
}

impl StoreError {
    /// The stable code (see [`ErrorCode::code`]).
    pub fn code(&self) -> &'static str {
        ErrorCode::code(self)
    }

    /// The clause a library rule enforces, if one stands behind the error.
    pub fn clause(&self) -> Option<&'static str> {
        ErrorCode::clause(self)
    }

    /// Where a stored history breaks or is refused, for `history.*` and `case.*` errors.
    pub fn index(&self) -> Option<usize> {
        match self {
            StoreError::History(e) => e.index(),
            StoreError::Case(e) => e.index(),
            _ => None,
        }
    }
}

/// The result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
