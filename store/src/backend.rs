//! What the store's operations need of a database, as one transaction's statements. Each
//! backend implements [`Tx`] with its own SQL; the operations (`store.rs`) are written once
//! against it, which is also the recipe `README.md` spells out for hosts on another database.

use complaint_office::number::ComplaintNumber;

use crate::error::{Result, StoreError};
use crate::index::CaseRow;
use crate::{CaseId, postgres, sqlite};

/// The columns of `cases` that a case row (`CaseRow`) writes, in the order the backends bind
/// them.
pub(crate) const CASE_COLUMNS: &str = "number, month, serial, version, head_hash, status, \
    received_at, registered_at, channel, category, department, severity, closed_at, satisfied, \
    next_due_at, next_due_stage, next_reminder_at, archived_on, retention_last_day, legal_hold, \
    destruction_approved_on, destruction_approved_by, updated_at";

/// A case row's values in the order of [`CASE_COLUMNS`], each boxed as `$param` (the two
/// database crates have their own `ToSql` traits).
macro_rules! case_values {
    ($row:expr, $param:ty) => {{
        let row: &$crate::index::CaseRow = $row;
        let (month, serial) = row.month_serial().unzip();
        let values: Vec<$param> = vec![
            Box::new(row.number.map(|n| n.to_string())),
            Box::new(month),
            Box::new(serial.map(|s| i32::try_from(s).unwrap_or(i32::MAX))),
            Box::new($crate::backend::int(row.version)),
            Box::new(row.head.to_hex()),
            Box::new(row.status),
            Box::new(row.received_at),
            Box::new(row.registered_at),
            Box::new(row.channel),
            Box::new(row.category.clone()),
            Box::new(row.department.clone()),
            Box::new(row.severity),
            Box::new(row.closed_at),
            Box::new(row.satisfied),
            Box::new(row.next_due_at),
            Box::new(row.next_due_stage),
            Box::new(row.next_reminder_at),
            Box::new(row.archived_on.clone()),
            Box::new(row.retention_last_day.clone()),
            Box::new(row.legal_hold),
            Box::new(row.destruction_approved_on.clone()),
            Box::new(row.destruction_approved_by.clone()),
            Box::new(row.updated_at),
        ];
        values
    }};
}
pub(crate) use case_values;

/// The head of a stored case: what a writer locks and checks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Head {
    pub id: CaseId,
    pub version: u64,
    pub head: String,
    pub number: Option<String>,
}

/// One stored event, as text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventRow {
    pub event: String,
    pub hash: String,
}

/// An event to store: its position, canonical JSON and chain hash (hex).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewEvent {
    pub seq: u64,
    pub text: String,
    pub hash: String,
}

/// Which index column a window query reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Due {
    /// `next_due_at` (with `next_due_stage`).
    Deadline,
    /// `next_reminder_at`.
    Reminder,
}

/// A row of a window query.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DueRow {
    pub id: CaseId,
    pub number: Option<String>,
    pub at: i64,
    pub stage: Option<String>,
    pub received_at: i64,
}

/// A row of the retention sweep.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ArchiveRow {
    pub id: CaseId,
    pub number: Option<String>,
    pub archived_on: Option<String>,
    pub legal_hold: bool,
    pub approved_on: Option<String>,
    pub approved_by: Option<String>,
    pub received_at: i64,
}

/// A row of the statistics ledger.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LedgerRow {
    pub number: String,
    pub received_at: i64,
    pub channel: String,
    pub category: String,
    pub department: String,
    pub severity: Option<String>,
    pub closed_at: Option<i64>,
    pub satisfied: Option<bool>,
}

/// How a case is looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Id(CaseId),
    Number(ComplaintNumber),
}

/// The statements of one transaction.
pub(crate) trait Tx {
    /// Takes the month's next serial: creates the counter at 1 or adds 1, and holds the
    /// counter's row lock until the transaction ends (that is what makes numbers gap-free).
    fn next_serial(&mut self, month: &str) -> Result<u32>;
    /// The case registered or received under a request key.
    fn case_by_request_key(&mut self, key: &str) -> Result<Option<Head>>;
    /// Inserts a case row with its first events; its id. `store.request_key_in_use` when
    /// another case took the request key first (the transaction must then roll back).
    fn insert_case(
        &mut self,
        request_key: Option<&str>,
        row: &CaseRow,
        events: &[NewEvent],
    ) -> Result<CaseId>;
    /// Locks a case row against other writers until the transaction ends.
    fn lock_case(&mut self, id: CaseId) -> Result<Option<Head>>;
    /// A case's events in order.
    fn events(&mut self, id: CaseId) -> Result<Vec<EventRow>>;
    /// Appends one event (at `seq` = `expected_version`) and rewrites the case row, if it is
    /// still at `expected_version`; whether it was.
    fn append_event(
        &mut self,
        id: CaseId,
        expected_version: u64,
        event: &NewEvent,
        row: &CaseRow,
    ) -> Result<bool>;
    /// Rewrites a case row if it is still at `expected_version`; whether it was. With
    /// `only_if_changed`, a row whose every column already holds the new value is left alone
    /// (and `false` returned).
    fn update_case(
        &mut self,
        id: CaseId,
        expected_version: u64,
        row: &CaseRow,
        only_if_changed: bool,
    ) -> Result<bool>;
    /// A case row and its events, read by one statement (one snapshot).
    fn load(&mut self, key: Key) -> Result<Option<(Head, Vec<EventRow>)>>;
    /// Cases whose deadline or reminder falls in `[from, to)`, earliest first.
    fn due(&mut self, which: Due, from: i64, to: i64, limit: u32) -> Result<Vec<DueRow>>;
    /// Archived cases whose retention ended before `on` (`YYYY-MM-DD`).
    fn retention_ended(&mut self, on: &str) -> Result<Vec<ArchiveRow>>;
    /// Registered and classified cases received in `[from, to)`.
    fn ledger(&mut self, from: i64, to: i64) -> Result<Vec<LedgerRow>>;
    /// Case ids after `after`, in order, at most `limit`.
    fn case_ids(&mut self, after: CaseId, limit: u32) -> Result<Vec<CaseId>>;
}

/// The database behind a store.
#[derive(Debug)]
pub(crate) enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

impl Backend {
    /// Runs `f` in a write transaction and commits it, or rolls back on its error.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Backend::Sqlite(b) => b.write(f),
            Backend::Postgres(b) => b.write(f),
        }
    }

    /// Runs `f` in a read-only transaction (one snapshot).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Backend::Sqlite(b) => b.read(f),
            Backend::Postgres(b) => b.read(f),
        }
    }

    /// The schema version recorded in the database.
    pub(crate) fn schema_version(&self) -> Result<u32> {
        match self {
            Backend::Sqlite(b) => b.schema_version(),
            Backend::Postgres(b) => b.schema_version(),
        }
    }

    /// `sqlite` or `postgres`.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite(_) => sqlite::NAME,
            Backend::Postgres(_) => postgres::NAME,
        }
    }
}

/// A stored count or serial back as a Rust integer.
pub(crate) fn count(value: i64, what: &'static str) -> Result<u64> {
    u64::try_from(value).map_err(|_| StoreError::Corrupt { what })
}

/// A Rust count as a database integer.
pub(crate) fn int(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
