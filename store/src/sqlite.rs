//! The SQLite backend: a database file, in WAL mode, every commit synced (`synchronous =
//! FULL`). Writers take the database's write lock at `BEGIN IMMEDIATE`, before their first
//! read, so concurrent writers (threads or processes) queue instead of deadlocking, and a
//! writer killed half-way leaves nothing behind (SQLite rolls its transaction back).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, ffi, params};

use crate::CaseId;
use crate::backend::{
    ArchiveRow, CASE_COLUMNS, Due, DueRow, EventRow, Head, Key, LedgerRow, NewEvent, Tx, count, int,
};
use crate::error::{Result, StoreError};
use crate::index::CaseRow;
use crate::pool::Pool;
use crate::schema::{MIGRATIONS, SCHEMA_VERSION, SQLITE_VERSION_TABLE};

pub(crate) const NAME: &str = "sqlite";

/// A SQLite database file and its connections.
#[derive(Debug)]
pub(crate) struct Sqlite {
    pool: Pool<Connection>,
}

impl Sqlite {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub(crate) fn open(path: &Path, connections: usize, wait: Duration) -> Result<Self> {
        let path: PathBuf = path.to_owned();
        let pool = Pool::new(
            NAME,
            connections,
            wait,
            Box::new(move || connect(&path, wait)),
        );
        let store = Sqlite { pool };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&self) -> Result<()> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        tx.execute_batch(SQLITE_VERSION_TABLE).map_err(error)?;
        let current: u32 = tx
            .query_row(
                "SELECT coalesce(max(version), 0) FROM schema_version",
                [],
                |r| r.get(0),
            )
            .map_err(error)?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        for m in MIGRATIONS.iter().filter(|m| m.version > current) {
            for sql in m.sqlite {
                tx.execute_batch(sql).map_err(error)?;
            }
            tx.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?1, ?2, unixepoch())",
                params![m.version, m.description],
            )
            .map_err(error)?;
        }
        tx.commit().map_err(error)
    }

    pub(crate) fn schema_version(&self) -> Result<u32> {
        let mut pooled = self.pool.get()?;
        pooled
            .conn()?
            .query_row(
                "SELECT coalesce(max(version), 0) FROM schema_version",
                [],
                |r| r.get(0),
            )
            .map_err(error)
    }

    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        let out = f(&mut SqliteTx { conn: &tx })?;
        tx.commit().map_err(error)?;
        Ok(out)
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(error)?;
        let out = f(&mut SqliteTx { conn: &tx })?;
        tx.commit().map_err(error)?;
        Ok(out)
    }
}

fn connect(path: &Path, wait: Duration) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|_| StoreError::Unavailable {
            backend: NAME,
            reason: "cannot open the database file",
        })?;
    // WAL: readers never wait for the writer; FULL: a commit is on disk when it returns.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(error)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(error)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(error)?;
    conn.set_prepared_statement_cache_capacity(32);
    conn.busy_handler(Some(busy_handler(wait))).map_err(error)?;
    Ok(conn)
}

/// Waits for the write lock in short, jittered sleeps. SQLite's own busy timeout sleeps up to
/// 100 ms at a time, which leaves the lock idle while eight writers sleep.
fn busy_handler(wait: Duration) -> impl FnMut(i32) -> bool + Send + 'static {
    let mut started = Instant::now();
    let mut seed = u64::from(std::process::id()) ^ 0x9e37_79b9_7f4a_7c15;
    move |attempt| {
        if attempt == 0 {
            started = Instant::now();
        }
        if started.elapsed() > wait {
            return false;
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let cap = if attempt < 20 { 500 } else { 2_000 };
        std::thread::sleep(Duration::from_micros(50 + seed % cap));
        true
    }
}

/// A rusqlite error as the store's: busy, or the database's code; never its message.
fn error(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error() {
        Some(ffi::Error {
            code: ffi::ErrorCode::DatabaseBusy | ffi::ErrorCode::DatabaseLocked,
            ..
        }) => StoreError::Busy { backend: NAME },
        Some(err) => StoreError::Database {
            backend: NAME,
            code: code_name(err.extended_code),
            object: None,
        },
        None => StoreError::Database {
            backend: NAME,
            code: "rusqlite".to_owned(),
            object: None,
        },
    }
}

/// SQLite's name of a result code, for the ones the schema can raise; the number otherwise.
fn code_name(extended: std::ffi::c_int) -> String {
    match extended {
        ffi::SQLITE_CONSTRAINT_UNIQUE => "SQLITE_CONSTRAINT_UNIQUE".to_owned(),
        ffi::SQLITE_CONSTRAINT_PRIMARYKEY => "SQLITE_CONSTRAINT_PRIMARYKEY".to_owned(),
        ffi::SQLITE_CONSTRAINT_CHECK => "SQLITE_CONSTRAINT_CHECK".to_owned(),
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => "SQLITE_CONSTRAINT_FOREIGNKEY".to_owned(),
        ffi::SQLITE_CONSTRAINT_NOTNULL => "SQLITE_CONSTRAINT_NOTNULL".to_owned(),
        ffi::SQLITE_CONSTRAINT_TRIGGER => "SQLITE_CONSTRAINT_TRIGGER".to_owned(),
        ffi::SQLITE_FULL => "SQLITE_FULL".to_owned(),
        ffi::SQLITE_READONLY => "SQLITE_READONLY".to_owned(),
        ffi::SQLITE_CORRUPT => "SQLITE_CORRUPT".to_owned(),
        other => format!("SQLITE_{other}"),
    }
}

/// Whether `e` is a unique violation of `cases.request_key` (SQLite names the column in its
/// message; the message itself is never passed on).
fn request_key_taken(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(err, Some(message))
        if err.extended_code == ffi::SQLITE_CONSTRAINT_UNIQUE
            && message.contains("cases.request_key"))
}

struct SqliteTx<'a> {
    conn: &'a Connection,
}

fn head(row: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, i64, String, Option<String>)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn to_head((id, version, head, number): (i64, i64, String, Option<String>)) -> Result<Head> {
    Ok(Head {
        id: CaseId(id),
        version: count(version, "version")?,
        head,
        number,
    })
}

fn case_values(row: &CaseRow) -> Vec<Box<dyn rusqlite::ToSql>> {
    crate::backend::case_values!(row, Box<dyn rusqlite::ToSql>)
}

impl SqliteTx<'_> {
    fn insert_event(&mut self, id: CaseId, event: &NewEvent) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO events (case_id, seq, event, hash) VALUES (?1, ?2, ?3, ?4)",
            )
            .and_then(|mut s| s.execute(params![id.0, int(event.seq), event.text, event.hash]))
            .map_err(error)
            .map(drop)
    }
}

impl Tx for SqliteTx<'_> {
    fn next_serial(&mut self, month: &str) -> Result<u32> {
        self.conn
            .prepare_cached(
                "INSERT INTO number_counters (month, last_serial) VALUES (?1, 1) \
                 ON CONFLICT (month) DO UPDATE SET last_serial = last_serial + 1 \
                 RETURNING last_serial",
            )
            .and_then(|mut s| s.query_row([month], |r| r.get(0)))
            .map_err(error)
    }

    fn case_by_request_key(&mut self, key: &str) -> Result<Option<Head>> {
        self.conn
            .prepare_cached(
                "SELECT id, version, head_hash, number FROM cases WHERE request_key = ?1",
            )
            .and_then(|mut s| s.query_row([key], head).optional())
            .map_err(error)?
            .map(to_head)
            .transpose()
    }

    fn insert_case(
        &mut self,
        request_key: Option<&str>,
        row: &CaseRow,
        events: &[NewEvent],
    ) -> Result<CaseId> {
        let placeholders: Vec<String> = (2..=24).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO cases (request_key, {CASE_COLUMNS}) VALUES (?1, {}) RETURNING id",
            placeholders.join(", ")
        );
        let mut values = case_values(row);
        values.insert(0, Box::new(request_key));
        let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v.as_ref()).collect();
        let mut statement = self.conn.prepare_cached(&sql).map_err(error)?;
        let id = match statement.query_row(params.as_slice(), |r| r.get(0)) {
            Ok(id) => CaseId(id),
            Err(e) if request_key_taken(&e) => return Err(StoreError::RequestKeyInUse),
            Err(e) => return Err(error(e)),
        };
        for event in events {
            self.insert_event(id, event)?;
        }
        Ok(id)
    }

    fn lock_case(&mut self, id: CaseId) -> Result<Option<Head>> {
        // The transaction began IMMEDIATE: it already holds the database's write lock.
        self.conn
            .prepare_cached("SELECT id, version, head_hash, number FROM cases WHERE id = ?1")
            .and_then(|mut s| s.query_row([id.0], head).optional())
            .map_err(error)?
            .map(to_head)
            .transpose()
    }

    fn events(&mut self, id: CaseId) -> Result<Vec<EventRow>> {
        let mut s = self
            .conn
            .prepare_cached("SELECT event, hash FROM events WHERE case_id = ?1 ORDER BY seq")
            .map_err(error)?;
        let rows = s
            .query_map([id.0], |r| {
                Ok(EventRow {
                    event: r.get(0)?,
                    hash: r.get(1)?,
                })
            })
            .map_err(error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(error)
    }

    fn append_event(
        &mut self,
        id: CaseId,
        expected_version: u64,
        event: &NewEvent,
        row: &CaseRow,
    ) -> Result<bool> {
        self.insert_event(id, event)?;
        self.update_case(id, expected_version, row, false)
    }

    fn update_case(
        &mut self,
        id: CaseId,
        expected_version: u64,
        row: &CaseRow,
        only_if_changed: bool,
    ) -> Result<bool> {
        let columns = || CASE_COLUMNS.split(", ").enumerate();
        let assignments: Vec<String> = columns()
            .map(|(i, c)| format!("{c} = ?{}", i + 3))
            .collect();
        let mut sql = format!(
            "UPDATE cases SET {} WHERE id = ?1 AND version = ?2",
            assignments.join(", ")
        );
        if only_if_changed {
            let changed: Vec<String> = columns()
                .map(|(i, c)| format!("{c} IS NOT ?{}", i + 3))
                .collect();
            sql.push_str(&format!(" AND ({})", changed.join(" OR ")));
        }
        let mut values = case_values(row);
        values.insert(0, Box::new(int(expected_version)));
        values.insert(0, Box::new(id.0));
        let params: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v.as_ref()).collect();
        let changed = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.execute(params.as_slice()))
            .map_err(error)?;
        Ok(changed == 1)
    }

    fn load(&mut self, key: Key) -> Result<Option<(Head, Vec<EventRow>)>> {
        let select = "SELECT c.id, c.version, c.head_hash, c.number, e.event, e.hash \
                      FROM cases c LEFT JOIN events e ON e.case_id = c.id";
        let (sql, param): (String, Box<dyn rusqlite::ToSql>) = match key {
            Key::Id(id) => (
                format!("{select} WHERE c.id = ?1 ORDER BY e.seq"),
                Box::new(id.0),
            ),
            Key::Number(n) => (
                format!("{select} WHERE c.number = ?1 ORDER BY e.seq"),
                Box::new(n.to_string()),
            ),
        };
        let mut s = self.conn.prepare_cached(&sql).map_err(error)?;
        let mut rows = s.query([param.as_ref()]).map_err(error)?;
        let mut found: Option<(Head, Vec<EventRow>)> = None;
        while let Some(r) = rows.next().map_err(error)? {
            if found.is_none() {
                found = Some((to_head(head(r).map_err(error)?)?, Vec::new()));
            }
            let event: Option<String> = r.get(4).map_err(error)?;
            let hash: Option<String> = r.get(5).map_err(error)?;
            if let (Some((_, events)), Some(event), Some(hash)) = (found.as_mut(), event, hash) {
                events.push(EventRow { event, hash });
            }
        }
        Ok(found)
    }

    fn due(&mut self, which: Due, from: i64, to: i64, limit: u32) -> Result<Vec<DueRow>> {
        let sql = match which {
            Due::Deadline => {
                "SELECT id, number, next_due_at, next_due_stage, received_at FROM cases \
                 WHERE next_due_at >= ?1 AND next_due_at < ?2 ORDER BY next_due_at, id LIMIT ?3"
            }
            Due::Reminder => {
                "SELECT id, number, next_reminder_at, NULL, received_at FROM cases \
                 WHERE next_reminder_at >= ?1 AND next_reminder_at < ?2 \
                 ORDER BY next_reminder_at, id LIMIT ?3"
            }
        };
        let mut s = self.conn.prepare_cached(sql).map_err(error)?;
        let rows = s
            .query_map(params![from, to, limit], |r| {
                Ok(DueRow {
                    id: CaseId(r.get(0)?),
                    number: r.get(1)?,
                    at: r.get(2)?,
                    stage: r.get(3)?,
                    received_at: r.get(4)?,
                })
            })
            .map_err(error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(error)
    }

    fn retention_ended(&mut self, on: &str) -> Result<Vec<ArchiveRow>> {
        let mut s = self
            .conn
            .prepare_cached(
                "SELECT id, number, archived_on, legal_hold, destruction_approved_on, \
                 destruction_approved_by, received_at FROM cases \
                 WHERE status = 'archived' AND retention_last_day IS NOT NULL \
                 AND retention_last_day < ?1 ORDER BY retention_last_day, id",
            )
            .map_err(error)?;
        let rows = s
            .query_map([on], |r| {
                Ok(ArchiveRow {
                    id: CaseId(r.get(0)?),
                    number: r.get(1)?,
                    archived_on: r.get(2)?,
                    legal_hold: r.get(3)?,
                    approved_on: r.get(4)?,
                    approved_by: r.get(5)?,
                    received_at: r.get(6)?,
                })
            })
            .map_err(error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(error)
    }

    fn ledger(&mut self, from: i64, to: i64) -> Result<Vec<LedgerRow>> {
        let mut s = self
            .conn
            .prepare_cached(
                "SELECT number, received_at, channel, category, department, severity, closed_at, \
                 satisfied FROM cases WHERE number IS NOT NULL AND category IS NOT NULL \
                 AND department IS NOT NULL AND received_at >= ?1 AND received_at < ?2 \
                 ORDER BY received_at, id",
            )
            .map_err(error)?;
        let rows = s
            .query_map([from, to], |r| {
                Ok(LedgerRow {
                    number: r.get(0)?,
                    received_at: r.get(1)?,
                    channel: r.get(2)?,
                    category: r.get(3)?,
                    department: r.get(4)?,
                    severity: r.get(5)?,
                    closed_at: r.get(6)?,
                    satisfied: r.get(7)?,
                })
            })
            .map_err(error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(error)
    }

    fn case_ids(&mut self, after: CaseId, limit: u32) -> Result<Vec<CaseId>> {
        let mut s = self
            .conn
            .prepare_cached("SELECT id FROM cases WHERE id > ?1 ORDER BY id LIMIT ?2")
            .map_err(error)?;
        let rows = s
            .query_map(params![after.0, limit], |r| r.get(0).map(CaseId))
            .map_err(error)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(error)
    }
}
