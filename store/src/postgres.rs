//! The PostgreSQL backend: a connection URL, the same schema, `READ COMMITTED` transactions
//! that lock what they change (`INSERT … ON CONFLICT DO UPDATE` on the month's counter,
//! `SELECT … FOR UPDATE` on the case row), so concurrent writers on any number of app
//! servers queue on exactly the rows they share. Reads run in a `REPEATABLE READ READ ONLY`
//! transaction: one snapshot.
//!
//! Connections are plain TCP or a Unix socket (`postgresql://user@%2Fvar%2Frun%2Fpostgresql/db`);
//! TLS is not built in yet.

use std::str::FromStr;
use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::ToSql;
use postgres::{Client, Config, IsolationLevel, NoTls, Statement, Transaction};

use crate::backend::{
    ArchiveRow, Due, DueRow, EventRow, Head, Key, LedgerRow, NewEvent, Tx, count, int,
};
use crate::error::{Result, StoreError};
use crate::index::CaseRow;
use crate::pool::Pool;
use crate::schema::{MIGRATIONS, POSTGRES_VERSION_TABLE, SCHEMA_VERSION};
use crate::{CaseId, Durability};

pub(crate) const NAME: &str = "postgres";

/// Any number will do, as long as it is the same for every app server: the advisory lock
/// that lets exactly one of them migrate.
const MIGRATION_LOCK: i64 = 0x636f_5f73_746f_7265; // "co_store"

/// A PostgreSQL database and its connections.
pub(crate) struct Postgres {
    pool: Pool<Conn>,
    durability: Durability,
}

impl std::fmt::Debug for Postgres {
    /// Never the URL: it may hold a password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres")
            .field("pool", &self.pool)
            .field("durability", &self.durability)
            .finish()
    }
}

/// A connection with the store's statements prepared on it.
struct Conn {
    client: Client,
    st: Statements,
}

struct Statements {
    next_serial: Statement,
    case_by_key: Statement,
    insert_case: Statement,
    lock_case: Statement,
    events: Statement,
    append_event: Statement,
    update_case: Statement,
    update_case_if_changed: Statement,
    load_by_id: Statement,
    load_by_number: Statement,
    due: Statement,
    reminders: Statement,
    retention: Statement,
    ledger: Statement,
    case_ids: Statement,
}

const CASE_COLUMNS: &str = "number, month, serial, version, head_hash, status, received_at, \
    registered_at, channel, category, department, severity, closed_at, satisfied, next_due_at, \
    next_due_stage, next_reminder_at, archived_on, retention_last_day, legal_hold, \
    destruction_approved_on, destruction_approved_by, updated_at";

const LOAD: &str = "SELECT c.id, c.version, c.head_hash, c.number, e.event, e.hash \
                    FROM cases c LEFT JOIN events e ON e.case_id = c.id";

impl Statements {
    fn prepare(client: &mut Client) -> Result<Self> {
        let insert_values: Vec<String> = (2..=24).map(|i| format!("${i}")).collect();
        let assignments: Vec<String> = CASE_COLUMNS
            .split(", ")
            .enumerate()
            .map(|(i, c)| format!("{c} = ${}", i + 3))
            .collect();
        let changed: Vec<String> = CASE_COLUMNS
            .split(", ")
            .enumerate()
            .map(|(i, c)| format!("{c} IS DISTINCT FROM ${}", i + 3))
            .collect();
        let mut p = |sql: &str| client.prepare(sql).map_err(error);
        Ok(Statements {
            next_serial: p(
                "INSERT INTO number_counters (month, last_serial) VALUES ($1, 1) \
                 ON CONFLICT (month) DO UPDATE SET last_serial = number_counters.last_serial + 1 \
                 RETURNING last_serial",
            )?,
            case_by_key: p(
                "SELECT id, version, head_hash, number FROM cases WHERE request_key = $1",
            )?,
            // One statement, one round trip, while the month's counter is locked.
            insert_case: p(&format!(
                "WITH c AS (INSERT INTO cases (request_key, {CASE_COLUMNS}) VALUES ($1, {}) \
                 ON CONFLICT (request_key) DO NOTHING RETURNING id), \
                 e AS (INSERT INTO events (case_id, seq, event, hash) \
                 SELECT c.id, x.seq, x.event, x.hash FROM c, \
                 unnest($25::bigint[], $26::text[], $27::text[]) AS x (seq, event, hash)) \
                 SELECT id FROM c",
                insert_values.join(", ")
            ))?,
            lock_case: p(
                "SELECT id, version, head_hash, number FROM cases WHERE id = $1 FOR UPDATE",
            )?,
            events: p("SELECT event, hash FROM events WHERE case_id = $1 ORDER BY seq")?,
            append_event: p(&format!(
                "WITH e AS (INSERT INTO events (case_id, seq, event, hash) \
                 VALUES ($1, $26, $27, $28)) \
                 UPDATE cases SET {} WHERE id = $1 AND version = $2",
                assignments.join(", ")
            ))?,
            update_case: p(&format!(
                "UPDATE cases SET {} WHERE id = $1 AND version = $2",
                assignments.join(", ")
            ))?,
            update_case_if_changed: p(&format!(
                "UPDATE cases SET {} WHERE id = $1 AND version = $2 AND ({})",
                assignments.join(", "),
                changed.join(" OR ")
            ))?,
            load_by_id: p(&format!("{LOAD} WHERE c.id = $1 ORDER BY e.seq"))?,
            load_by_number: p(&format!("{LOAD} WHERE c.number = $1 ORDER BY e.seq"))?,
            due: p(
                "SELECT id, number, next_due_at, next_due_stage, received_at FROM cases \
                 WHERE next_due_at >= $1 AND next_due_at < $2 ORDER BY next_due_at, id LIMIT $3",
            )?,
            reminders: p(
                "SELECT id, number, next_reminder_at, NULL::text, received_at FROM cases \
                 WHERE next_reminder_at >= $1 AND next_reminder_at < $2 \
                 ORDER BY next_reminder_at, id LIMIT $3",
            )?,
            retention: p(
                "SELECT id, number, archived_on, legal_hold, destruction_approved_on, \
                 destruction_approved_by, received_at FROM cases \
                 WHERE status = 'archived' AND retention_last_day IS NOT NULL \
                 AND retention_last_day < $1 ORDER BY retention_last_day, id",
            )?,
            ledger: p(
                "SELECT number, received_at, channel, category, department, severity, closed_at, \
                 satisfied FROM cases WHERE number IS NOT NULL AND category IS NOT NULL \
                 AND department IS NOT NULL AND received_at >= $1 AND received_at < $2 \
                 ORDER BY received_at, id",
            )?,
            case_ids: p("SELECT id FROM cases WHERE id > $1 ORDER BY id LIMIT $2")?,
        })
    }
}

impl Postgres {
    /// Connects to `url` and migrates the database.
    pub(crate) fn open(
        url: &str,
        connections: usize,
        wait: Duration,
        durability: Durability,
    ) -> Result<Self> {
        let mut config = Config::from_str(url).map_err(|_| StoreError::InvalidTarget)?;
        config
            .application_name("complaint-office-store")
            .connect_timeout(wait);
        // The schema first, on a connection of its own: statements are prepared against it.
        let mut first = config.connect(NoTls).map_err(|_| StoreError::Unavailable {
            backend: NAME,
            reason: "cannot connect",
        })?;
        migrate(&mut first)?;
        drop(first);
        let pool = Pool::new(
            NAME,
            connections,
            wait,
            Box::new(move || connect(&config, wait, durability)),
        );
        let store = Postgres { pool, durability };
        // Fail now, not at the first operation, when the server cannot be used.
        drop(store.pool.get()?);
        Ok(store)
    }

    pub(crate) fn schema_version(&self) -> Result<u32> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let version: i32 = conn
            .client
            .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
            .and_then(|r| r.try_get(0))
            .map_err(error)?;
        u32::try_from(version).map_err(|_| StoreError::Corrupt {
            what: "schema version",
        })
    }

    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let outcome = (|| {
            let mut tx = conn.client.transaction().map_err(error)?;
            let out = f(&mut PgTx {
                tx: &mut tx,
                st: &conn.st,
            })?;
            tx.commit().map_err(commit_error)?;
            if self.durability == Durability::Grouped {
                // The commit above returned before its log record reached the disk (and let
                // go of its locks at once). This synchronous commit flushes the log up to and
                // past it, together with whatever other sessions wait to flush.
                conn.client
                    .batch_execute(
                        "BEGIN; SET LOCAL synchronous_commit = on; \
                         INSERT INTO durability_marks (backend_pid, n) VALUES (pg_backend_pid(), 1) \
                         ON CONFLICT (backend_pid) DO UPDATE SET n = durability_marks.n + 1; \
                         COMMIT",
                    )
                    .map_err(commit_error)?;
            }
            Ok(out)
        })();
        if conn.client.is_closed() {
            pooled.discard();
        }
        outcome
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let outcome = (|| {
            let mut tx = conn
                .client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .map_err(error)?;
            let out = f(&mut PgTx {
                tx: &mut tx,
                st: &conn.st,
            })?;
            tx.commit().map_err(error)?;
            Ok(out)
        })();
        if conn.client.is_closed() {
            pooled.discard();
        }
        outcome
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction().map_err(error)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(error)?;
    tx.batch_execute(POSTGRES_VERSION_TABLE).map_err(error)?;
    let current: i32 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
        .and_then(|r| r.try_get(0))
        .map_err(error)?;
    let current = u32::try_from(current).map_err(|_| StoreError::Corrupt {
        what: "schema version",
    })?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.batch_execute(m.postgres).map_err(error)?;
        let version = i32::try_from(m.version).map_err(|_| StoreError::Corrupt {
            what: "schema version",
        })?;
        tx.execute(
            "INSERT INTO schema_version (version, description, applied_at) \
             VALUES ($1, $2, extract(epoch FROM now())::bigint)",
            &[&version, &m.description],
        )
        .map_err(error)?;
    }
    tx.commit().map_err(error)
}

fn connect(config: &Config, wait: Duration, durability: Durability) -> Result<Conn> {
    let mut client = config.connect(NoTls).map_err(|_| StoreError::Unavailable {
        backend: NAME,
        reason: "cannot connect",
    })?;
    let millis = wait.as_millis();
    // A writer waits for a row lock at most `wait`; a client that hangs inside a
    // transaction (and so holds a month's counter) is disconnected after a minute.
    let synchronous = match durability {
        Durability::Immediate => "on",
        Durability::Grouped => "off",
    };
    client
        .batch_execute(&format!(
            "SET lock_timeout = {millis}; SET idle_in_transaction_session_timeout = 60000; \
             SET synchronous_commit = {synchronous}"
        ))
        .map_err(error)?;
    let st = Statements::prepare(&mut client)?;
    Ok(Conn { client, st })
}

/// A driver error as the store's: the SQLSTATE and the constraint or table it names, never
/// the server's message (which may quote a row).
fn error(e: postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error() {
        if *db.code() == SqlState::LOCK_NOT_AVAILABLE {
            return StoreError::Busy { backend: NAME };
        }
        return StoreError::Database {
            backend: NAME,
            code: db.code().code().to_owned(),
            object: db.constraint().or(db.table()).map(str::to_owned),
        };
    }
    StoreError::Unavailable {
        backend: NAME,
        reason: "connection failed or lost",
    }
}

/// A failed commit: lost with the connection, its outcome is unknown.
fn commit_error(e: postgres::Error) -> StoreError {
    if e.as_db_error().is_some() {
        error(e)
    } else {
        StoreError::CommitUnknown { backend: NAME }
    }
}

struct PgTx<'a, 'c> {
    tx: &'a mut Transaction<'c>,
    st: &'a Statements,
}

fn head(row: &postgres::Row) -> Result<Head> {
    let version: i64 = row.try_get(1).map_err(error)?;
    Ok(Head {
        id: CaseId(row.try_get(0).map_err(error)?),
        version: count(version, "version")?,
        head: row.try_get(2).map_err(error)?,
        number: row.try_get(3).map_err(error)?,
    })
}

/// A case row's values in the order of `CASE_COLUMNS`; the caller adds what comes before.
fn with_case_values<R>(
    row: &CaseRow,
    before: &[&(dyn ToSql + Sync)],
    after: &[&(dyn ToSql + Sync)],
    f: impl FnOnce(&[&(dyn ToSql + Sync)]) -> R,
) -> R {
    let number = row.number.map(|n| n.to_string());
    let (month, serial) = row.month_serial().unzip();
    let serial = serial.map(|s| i32::try_from(s).unwrap_or(i32::MAX));
    let version = int(row.version);
    let head = row.head.to_hex();
    let values: [&(dyn ToSql + Sync); 23] = [
        &number,
        &month,
        &serial,
        &version,
        &head,
        &row.status,
        &row.received_at,
        &row.registered_at,
        &row.channel,
        &row.category,
        &row.department,
        &row.severity,
        &row.closed_at,
        &row.satisfied,
        &row.next_due_at,
        &row.next_due_stage,
        &row.next_reminder_at,
        &row.archived_on,
        &row.retention_last_day,
        &row.legal_hold,
        &row.destruction_approved_on,
        &row.destruction_approved_by,
        &row.updated_at,
    ];
    let all: Vec<&(dyn ToSql + Sync)> = before
        .iter()
        .copied()
        .chain(values)
        .chain(after.iter().copied())
        .collect();
    f(&all)
}

impl Tx for PgTx<'_, '_> {
    fn next_serial(&mut self, month: &str) -> Result<u32> {
        let serial: i32 = self
            .tx
            .query_one(&self.st.next_serial, &[&month])
            .and_then(|r| r.try_get(0))
            .map_err(error)?;
        u32::try_from(serial).map_err(|_| StoreError::Corrupt { what: "serial" })
    }

    fn case_by_request_key(&mut self, key: &str) -> Result<Option<Head>> {
        self.tx
            .query_opt(&self.st.case_by_key, &[&key])
            .map_err(error)?
            .as_ref()
            .map(head)
            .transpose()
    }

    fn insert_case(
        &mut self,
        request_key: Option<&str>,
        row: &CaseRow,
        events: &[NewEvent],
    ) -> Result<Option<CaseId>> {
        let st = &self.st.insert_case;
        let tx = &mut *self.tx;
        let seqs: Vec<i64> = events.iter().map(|e| int(e.seq)).collect();
        let texts: Vec<&str> = events.iter().map(|e| e.text.as_str()).collect();
        let hashes: Vec<&str> = events.iter().map(|e| e.hash.as_str()).collect();
        let found = with_case_values(row, &[&request_key], &[&seqs, &texts, &hashes], |values| {
            tx.query_opt(st, values)
        })
        .map_err(error)?;
        found
            .map(|r| r.try_get(0).map(CaseId).map_err(error))
            .transpose()
    }

    fn lock_case(&mut self, id: CaseId) -> Result<Option<Head>> {
        self.tx
            .query_opt(&self.st.lock_case, &[&id.0])
            .map_err(error)?
            .as_ref()
            .map(head)
            .transpose()
    }

    fn events(&mut self, id: CaseId) -> Result<Vec<EventRow>> {
        self.tx
            .query(&self.st.events, &[&id.0])
            .map_err(error)?
            .iter()
            .map(|r| {
                Ok(EventRow {
                    event: r.try_get(0).map_err(error)?,
                    hash: r.try_get(1).map_err(error)?,
                })
            })
            .collect()
    }

    fn append_event(
        &mut self,
        id: CaseId,
        expected_version: u64,
        event: &NewEvent,
        row: &CaseRow,
    ) -> Result<bool> {
        let st = &self.st.append_event;
        let tx = &mut *self.tx;
        let expected = int(expected_version);
        let seq = int(event.seq);
        let changed = with_case_values(
            row,
            &[&id.0, &expected],
            &[&seq, &event.text, &event.hash],
            |values| tx.execute(st, values),
        )
        .map_err(error)?;
        Ok(changed == 1)
    }

    fn update_case(
        &mut self,
        id: CaseId,
        expected_version: u64,
        row: &CaseRow,
        only_if_changed: bool,
    ) -> Result<bool> {
        let st = if only_if_changed {
            &self.st.update_case_if_changed
        } else {
            &self.st.update_case
        };
        let tx = &mut *self.tx;
        let expected = int(expected_version);
        let changed = with_case_values(row, &[&id.0, &expected], &[], |values| {
            tx.execute(st, values)
        })
        .map_err(error)?;
        Ok(changed == 1)
    }

    fn load(&mut self, key: Key) -> Result<Option<(Head, Vec<EventRow>)>> {
        let rows = match key {
            Key::Id(id) => self.tx.query(&self.st.load_by_id, &[&id.0]),
            Key::Number(n) => self.tx.query(&self.st.load_by_number, &[&n.to_string()]),
        }
        .map_err(error)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let head = head(first)?;
        let mut events = Vec::with_capacity(rows.len());
        for r in &rows {
            let event: Option<String> = r.try_get(4).map_err(error)?;
            let hash: Option<String> = r.try_get(5).map_err(error)?;
            if let (Some(event), Some(hash)) = (event, hash) {
                events.push(EventRow { event, hash });
            }
        }
        Ok(Some((head, events)))
    }

    fn due(&mut self, which: Due, from: i64, to: i64, limit: u32) -> Result<Vec<DueRow>> {
        let st = match which {
            Due::Deadline => &self.st.due,
            Due::Reminder => &self.st.reminders,
        };
        self.tx
            .query(st, &[&from, &to, &i64::from(limit)])
            .map_err(error)?
            .iter()
            .map(|r| {
                Ok(DueRow {
                    id: CaseId(r.try_get(0).map_err(error)?),
                    number: r.try_get(1).map_err(error)?,
                    at: r.try_get(2).map_err(error)?,
                    stage: r.try_get(3).map_err(error)?,
                    received_at: r.try_get(4).map_err(error)?,
                })
            })
            .collect()
    }

    fn retention_ended(&mut self, on: &str) -> Result<Vec<ArchiveRow>> {
        self.tx
            .query(&self.st.retention, &[&on])
            .map_err(error)?
            .iter()
            .map(|r| {
                Ok(ArchiveRow {
                    id: CaseId(r.try_get(0).map_err(error)?),
                    number: r.try_get(1).map_err(error)?,
                    archived_on: r.try_get(2).map_err(error)?,
                    legal_hold: r.try_get(3).map_err(error)?,
                    approved_on: r.try_get(4).map_err(error)?,
                    approved_by: r.try_get(5).map_err(error)?,
                    received_at: r.try_get(6).map_err(error)?,
                })
            })
            .collect()
    }

    fn ledger(&mut self, from: i64, to: i64) -> Result<Vec<LedgerRow>> {
        self.tx
            .query(&self.st.ledger, &[&from, &to])
            .map_err(error)?
            .iter()
            .map(|r| {
                Ok(LedgerRow {
                    number: r.try_get(0).map_err(error)?,
                    received_at: r.try_get(1).map_err(error)?,
                    channel: r.try_get(2).map_err(error)?,
                    category: r.try_get(3).map_err(error)?,
                    department: r.try_get(4).map_err(error)?,
                    severity: r.try_get(5).map_err(error)?,
                    closed_at: r.try_get(6).map_err(error)?,
                    satisfied: r.try_get(7).map_err(error)?,
                })
            })
            .collect()
    }

    fn case_ids(&mut self, after: CaseId, limit: u32) -> Result<Vec<CaseId>> {
        self.tx
            .query(&self.st.case_ids, &[&after.0, &i64::from(limit)])
            .map_err(error)?
            .iter()
            .map(|r| r.try_get(0).map(CaseId).map_err(error))
            .collect()
    }
}
