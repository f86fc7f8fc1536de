//! The PostgreSQL backend: a connection URL, the same schema, `READ COMMITTED` transactions
//! that lock what they change (`INSERT … ON CONFLICT DO UPDATE` on the month's counter,
//! `SELECT … FOR UPDATE` on the case row), so concurrent writers on any number of app
//! servers queue on exactly the rows they share. Reads run in a `REPEATABLE READ READ ONLY`
//! transaction: one snapshot.
//!
//! A write's last statement (the case with its first events, or the event with the case's new
//! row) is sent together with its `COMMIT`, in one round trip: the month's counter, locked
//! from the moment the number is taken, is held for that one round trip and the commit. If
//! the statement fails, the server turns the `COMMIT` into a rollback.
//!
//! Connections are plain TCP or a Unix socket (`postgresql://user@%2Fvar%2Frun%2Fpostgresql/db`);
//! TLS is not built in yet.

use std::future::Future;
use std::str::FromStr;
use std::time::Duration;

use futures_util::future::join;
use tokio::runtime::Runtime;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config, NoTls, Row, Statement};

use crate::backend::{
    ArchiveRow, CASE_COLUMNS, Due, DueRow, EventRow, Head, Key, LedgerRow, NewEvent, Tx, count, int,
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

/// The durability mark of [`Durability::Grouped`]: a synchronous commit of one small row per
/// server process.
const FLUSH: &str = "BEGIN; SET LOCAL synchronous_commit = on; \
    INSERT INTO durability_marks (backend_pid, n) VALUES (pg_backend_pid(), 1) \
    ON CONFLICT (backend_pid) DO UPDATE SET n = durability_marks.n + 1; COMMIT";

/// The constraint that keeps request keys unique (PostgreSQL's default name).
const REQUEST_KEY_CONSTRAINT: &str = "cases_request_key_key";

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

/// A connection: its own single-threaded runtime (which drives the connection while a
/// statement is waited for), the client, and the store's statements prepared on it.
struct Conn {
    rt: Runtime,
    client: Client,
    st: Statements,
}

impl Conn {
    fn block<T>(
        &self,
        f: impl Future<Output = Result<T, tokio_postgres::Error>>,
    ) -> Result<T, tokio_postgres::Error> {
        self.rt.block_on(f)
    }
}

struct Statements {
    next_serial: Statement,
    case_by_key: Statement,
    insert_case: Statement,
    insert_case_with_id: Statement,
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
    schema_version: Statement,
}

const LOAD: &str = "SELECT c.id, c.version, c.head_hash, c.number, e.event, e.hash \
                    FROM cases c LEFT JOIN events e ON e.case_id = c.id";

/// `$from..=$to`, comma-separated.
fn placeholders(from: usize, to: usize) -> String {
    (from..=to)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Statements {
    fn prepare(conn: &Client, rt: &Runtime) -> Result<Self> {
        let columns = || CASE_COLUMNS.split(", ").enumerate();
        let assignments: Vec<String> = columns()
            .map(|(i, c)| format!("{c} = ${}", i + 3))
            .collect();
        let changed: Vec<String> = columns()
            .map(|(i, c)| format!("{c} IS DISTINCT FROM ${}", i + 3))
            .collect();
        let assignments = assignments.join(", ");
        // A case with its first events: events given as three arrays (seq, event, hash).
        let insert = |id: &str, first: usize| {
            let arrays = first + 24;
            format!(
                "WITH c AS (INSERT INTO cases ({id}request_key, {CASE_COLUMNS}) VALUES ({}) RETURNING id), \
                 e AS (INSERT INTO events (case_id, seq, event, hash) \
                 SELECT c.id, x.seq, x.event, x.hash FROM c, \
                 unnest(${arrays}::bigint[], ${}::text[], ${}::text[]) AS x (seq, event, hash)) \
                 SELECT id FROM c",
                placeholders(1, first + 23),
                arrays + 1,
                arrays + 2
            )
        };
        let p = |sql: String| rt.block_on(conn.prepare(&sql)).map_err(error);
        Ok(Statements {
            // The serial, and an id for the case, taken while the counter row is locked.
            next_serial: p(
                "INSERT INTO number_counters (month, last_serial) VALUES ($1, 1) \
                 ON CONFLICT (month) DO UPDATE SET last_serial = number_counters.last_serial + 1 \
                 RETURNING last_serial, nextval(pg_get_serial_sequence('cases', 'id'))"
                    .into(),
            )?,
            case_by_key: p(
                "SELECT id, version, head_hash, number FROM cases WHERE request_key = $1".into(),
            )?,
            insert_case: p(insert("", 1))?,
            insert_case_with_id: p(insert("id, ", 2))?,
            lock_case: p(
                "SELECT id, version, head_hash, number FROM cases WHERE id = $1 FOR UPDATE".into(),
            )?,
            events: p("SELECT event, hash FROM events WHERE case_id = $1 ORDER BY seq".into())?,
            // The event is inserted only if the row was updated: all or nothing.
            append_event: p(format!(
                "WITH u AS (UPDATE cases SET {assignments} WHERE id = $1 AND version = $2 RETURNING id) \
                 INSERT INTO events (case_id, seq, event, hash) SELECT id, $26, $27, $28 FROM u"
            ))?,
            update_case: p(format!(
                "UPDATE cases SET {assignments} WHERE id = $1 AND version = $2"
            ))?,
            update_case_if_changed: p(format!(
                "UPDATE cases SET {assignments} WHERE id = $1 AND version = $2 AND ({})",
                changed.join(" OR ")
            ))?,
            load_by_id: p(format!("{LOAD} WHERE c.id = $1 ORDER BY e.seq"))?,
            load_by_number: p(format!("{LOAD} WHERE c.number = $1 ORDER BY e.seq"))?,
            due: p(
                "SELECT id, number, next_due_at, next_due_stage, received_at FROM cases \
                 WHERE next_due_at >= $1 AND next_due_at < $2 ORDER BY next_due_at, id LIMIT $3"
                    .into(),
            )?,
            reminders: p(
                "SELECT id, number, next_reminder_at, NULL::text, received_at FROM cases \
                 WHERE next_reminder_at >= $1 AND next_reminder_at < $2 \
                 ORDER BY next_reminder_at, id LIMIT $3"
                    .into(),
            )?,
            retention: p(
                "SELECT id, number, archived_on, legal_hold, destruction_approved_on, \
                 destruction_approved_by, received_at FROM cases \
                 WHERE status = 'archived' AND retention_last_day IS NOT NULL \
                 AND retention_last_day < $1 ORDER BY retention_last_day, id"
                    .into(),
            )?,
            ledger: p(
                "SELECT number, received_at, channel, category, department, severity, closed_at, \
                 satisfied FROM cases WHERE number IS NOT NULL AND category IS NOT NULL \
                 AND department IS NOT NULL AND received_at >= $1 AND received_at < $2 \
                 ORDER BY received_at, id"
                    .into(),
            )?,
            case_ids: p("SELECT id FROM cases WHERE id > $1 ORDER BY id LIMIT $2".into())?,
            schema_version: p("SELECT coalesce(max(version), 0) FROM schema_version".into())?,
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
        let (rt, client) = connect_raw(&config)?;
        migrate(&rt, &client)?;
        drop(client);
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
            .block(conn.client.query_one(&conn.st.schema_version, &[]))
            .and_then(|r| r.try_get(0))
            .map_err(error)?;
        u32::try_from(version).map_err(|_| StoreError::Corrupt {
            what: "schema version",
        })
    }

    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN", true, f)
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", false, f)
    }

    fn transaction<T>(
        &self,
        begin: &str,
        write: bool,
        f: impl FnOnce(&mut dyn Tx) -> Result<T>,
    ) -> Result<T> {
        let mut pooled = self.pool.get()?;
        let conn = pooled.conn()?;
        let outcome = (|| {
            conn.block(conn.client.batch_execute(begin))
                .map_err(error)?;
            let mut tx = PgTx {
                conn,
                reserved_id: None,
                last: None,
            };
            let out = match f(&mut tx) {
                Ok(out) => out,
                Err(e) => {
                    // Leave the connection clean; if even that fails, it is discarded below.
                    let _ = conn.block(conn.client.batch_execute("ROLLBACK"));
                    return Err(e);
                }
            };
            tx.commit(write && self.durability == Durability::Grouped)?;
            Ok(out)
        })();
        if conn.client.is_closed() || outcome.as_ref().is_err_and(lost) {
            pooled.discard();
        }
        outcome
    }
}

/// Whether an error leaves the connection in an unknown state.
fn lost(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Unavailable { .. } | StoreError::CommitUnknown { .. }
    )
}

fn connect_raw(config: &Config) -> Result<(Runtime, Client)> {
    let unavailable = || StoreError::Unavailable {
        backend: NAME,
        reason: "cannot connect",
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|_| unavailable())?;
    let (client, connection) = rt
        .block_on(config.connect(NoTls))
        .map_err(|_| unavailable())?;
    // Driven whenever the runtime waits for a statement; ends when the client is dropped.
    rt.spawn(connection);
    Ok((rt, client))
}

fn migrate(rt: &Runtime, client: &Client) -> Result<()> {
    rt.block_on(async {
        client.batch_execute("BEGIN").await?;
        client
            .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        client.batch_execute(POSTGRES_VERSION_TABLE).await?;
        let current: i32 = client
            .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])
            .await?
            .try_get(0)?;
        Ok::<_, tokio_postgres::Error>(current)
    })
    .map_err(error)
    .and_then(|current| {
        let current = u32::try_from(current).map_err(|_| StoreError::Corrupt {
            what: "schema version",
        })?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        rt.block_on(async {
            for m in MIGRATIONS.iter().filter(|m| m.version > current) {
                for sql in m.postgres {
                    client.batch_execute(sql).await?;
                }
                let version = i32::try_from(m.version).unwrap_or(i32::MAX);
                client
                    .execute(
                        "INSERT INTO schema_version (version, description, applied_at) \
                         VALUES ($1, $2, extract(epoch FROM now())::bigint)",
                        &[&version, &m.description],
                    )
                    .await?;
            }
            client.batch_execute("COMMIT").await
        })
        .map_err(error)
    })
}

fn connect(config: &Config, wait: Duration, durability: Durability) -> Result<Conn> {
    let (rt, client) = connect_raw(config)?;
    let millis = wait.as_millis();
    // A writer waits for a row lock at most `wait`; a client that hangs inside a
    // transaction (and so holds a month's counter) is disconnected after a minute.
    let synchronous = match durability {
        Durability::Immediate => "on",
        Durability::Grouped => "off",
    };
    rt.block_on(client.batch_execute(&format!(
        "SET lock_timeout = {millis}; SET idle_in_transaction_session_timeout = 60000; \
         SET synchronous_commit = {synchronous}"
    )))
    .map_err(error)?;
    let st = Statements::prepare(&client, &rt)?;
    Ok(Conn { rt, client, st })
}

/// A driver error as the store's: the SQLSTATE and the constraint or table it names, never
/// the server's message (which may quote a row).
fn error(e: tokio_postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error() {
        if *db.code() == SqlState::LOCK_NOT_AVAILABLE {
            return StoreError::Busy { backend: NAME };
        }
        if *db.code() == SqlState::UNIQUE_VIOLATION
            && db.constraint() == Some(REQUEST_KEY_CONSTRAINT)
        {
            return StoreError::RequestKeyInUse;
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
fn commit_error(e: tokio_postgres::Error) -> StoreError {
    if e.as_db_error().is_some() {
        error(e)
    } else {
        StoreError::CommitUnknown { backend: NAME }
    }
}

/// A statement's parameters, owned: the last statement of a write waits for the commit.
type Param = Box<dyn ToSql + Sync + Send>;

/// The last statement of a write, sent with the `COMMIT`.
struct Last {
    statement: Statement,
    params: Vec<Param>,
    /// What its row count must be for the write to stand (`None`: any).
    rows: Option<u64>,
    expected_version: u64,
}

struct PgTx<'c> {
    conn: &'c Conn,
    /// A case id taken with the serial (`next_serial`), for the case this write inserts.
    reserved_id: Option<i64>,
    last: Option<Last>,
}

impl PgTx<'_> {
    fn query(&self, st: &Statement, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        self.flush()?;
        self.conn
            .block(self.conn.client.query(st, params))
            .map_err(error)
    }

    fn query_opt(&self, st: &Statement, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>> {
        self.flush()?;
        self.conn
            .block(self.conn.client.query_opt(st, params))
            .map_err(error)
    }

    /// No statement may follow the deferred last one: the recipe writes last.
    fn flush(&self) -> Result<()> {
        match self.last {
            Some(_) => Err(StoreError::Database {
                backend: NAME,
                code: "statement after the last write".to_owned(),
                object: None,
            }),
            None => Ok(()),
        }
    }

    fn defer(&mut self, last: Last) -> Result<()> {
        self.flush()?;
        self.last = Some(last);
        Ok(())
    }

    /// Commits, sending the deferred last statement (and, with `flush`, the durability mark of
    /// [`Durability::Grouped`]) in the same round trip.
    fn commit(self, flush: bool) -> Result<()> {
        let client = &self.conn.client;
        // With `synchronous_commit = off` the COMMIT returns before its log record reaches
        // the disk (and lets go of its locks at once). This synchronous commit, sent right
        // after it, flushes the log up to and past it, together with whatever other sessions
        // wait to flush; the call returns once it has.
        let mark = async {
            match flush {
                true => client.batch_execute(FLUSH).await,
                false => Ok(()),
            }
        };
        let Some(last) = self.last else {
            let (committed, marked) = self
                .conn
                .rt
                .block_on(join(client.batch_execute("COMMIT"), mark));
            committed.map_err(commit_error)?;
            return marked.map_err(commit_error);
        };
        let params = refs(&last.params);
        // Sent in this order; if the statement fails, the server rolls the COMMIT back.
        let ((written, committed), marked) = self.conn.rt.block_on(join(
            join(
                client.execute(&last.statement, &params),
                client.batch_execute("COMMIT"),
            ),
            mark,
        ));
        let written = written.map_err(error)?;
        committed.map_err(commit_error)?;
        marked.map_err(commit_error)?;
        match last.rows {
            Some(rows) if rows != written => Err(StoreError::Conflict {
                expected: last.expected_version,
                actual: last.expected_version + 1,
            }),
            _ => Ok(()),
        }
    }
}

fn head(row: &Row) -> Result<Head> {
    let version: i64 = row.try_get(1).map_err(error)?;
    Ok(Head {
        id: CaseId(row.try_get(0).map_err(error)?),
        version: count(version, "version")?,
        head: row.try_get(2).map_err(error)?,
        number: row.try_get(3).map_err(error)?,
    })
}

fn case_values(row: &CaseRow) -> Vec<Param> {
    crate::backend::case_values!(row, Param)
}

fn refs(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| p.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

impl Tx for PgTx<'_> {
    fn next_serial(&mut self, month: &str) -> Result<u32> {
        let row = self
            .query_opt(&self.conn.st.next_serial, &[&month])?
            .ok_or(StoreError::Corrupt { what: "serial" })?;
        let serial: i32 = row.try_get(0).map_err(error)?;
        self.reserved_id = Some(row.try_get(1).map_err(error)?);
        u32::try_from(serial).map_err(|_| StoreError::Corrupt { what: "serial" })
    }

    fn case_by_request_key(&mut self, key: &str) -> Result<Option<Head>> {
        self.query_opt(&self.conn.st.case_by_key, &[&key])?
            .as_ref()
            .map(head)
            .transpose()
    }

    fn insert_case(
        &mut self,
        request_key: Option<&str>,
        row: &CaseRow,
        events: &[NewEvent],
    ) -> Result<CaseId> {
        let mut params: Vec<Param> = Vec::with_capacity(28);
        let reserved = self.reserved_id.take();
        if let Some(id) = reserved {
            params.push(Box::new(id));
        }
        params.push(Box::new(request_key.map(str::to_owned)));
        params.extend(case_values(row));
        params.push(Box::new(
            events.iter().map(|e| int(e.seq)).collect::<Vec<i64>>(),
        ));
        params.push(Box::new(
            events
                .iter()
                .map(|e| e.text.clone())
                .collect::<Vec<String>>(),
        ));
        params.push(Box::new(
            events
                .iter()
                .map(|e| e.hash.clone())
                .collect::<Vec<String>>(),
        ));
        match reserved {
            // A registration: its id is known, so the insert can wait for the commit.
            Some(id) => {
                self.defer(Last {
                    statement: self.conn.st.insert_case_with_id.clone(),
                    params,
                    rows: None,
                    expected_version: 0,
                })?;
                Ok(CaseId(id))
            }
            None => {
                let row = self
                    .query_opt(&self.conn.st.insert_case, &refs(&params))?
                    .ok_or(StoreError::Corrupt { what: "id" })?;
                Ok(CaseId(row.try_get(0).map_err(error)?))
            }
        }
    }

    fn lock_case(&mut self, id: CaseId) -> Result<Option<Head>> {
        self.query_opt(&self.conn.st.lock_case, &[&id.0])?
            .as_ref()
            .map(head)
            .transpose()
    }

    fn events(&mut self, id: CaseId) -> Result<Vec<EventRow>> {
        self.query(&self.conn.st.events, &[&id.0])?
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
        let mut params: Vec<Param> = vec![Box::new(id.0), Box::new(int(expected_version))];
        params.extend(case_values(row));
        params.push(Box::new(int(event.seq)));
        params.push(Box::new(event.text.clone()));
        params.push(Box::new(event.hash.clone()));
        // Checked at the commit: one event inserted, or a conflict and nothing written.
        self.defer(Last {
            statement: self.conn.st.append_event.clone(),
            params,
            rows: Some(1),
            expected_version,
        })?;
        Ok(true)
    }

    fn update_case(
        &mut self,
        id: CaseId,
        expected_version: u64,
        row: &CaseRow,
        only_if_changed: bool,
    ) -> Result<bool> {
        let st = if only_if_changed {
            &self.conn.st.update_case_if_changed
        } else {
            &self.conn.st.update_case
        };
        let mut params: Vec<Param> = vec![Box::new(id.0), Box::new(int(expected_version))];
        params.extend(case_values(row));
        self.flush()?;
        let changed = self
            .conn
            .block(self.conn.client.execute(st, &refs(&params)))
            .map_err(error)?;
        Ok(changed == 1)
    }

    fn load(&mut self, key: Key) -> Result<Option<(Head, Vec<EventRow>)>> {
        let rows = match key {
            Key::Id(id) => self.query(&self.conn.st.load_by_id, &[&id.0])?,
            Key::Number(n) => self.query(&self.conn.st.load_by_number, &[&n.to_string()])?,
        };
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
            Due::Deadline => &self.conn.st.due,
            Due::Reminder => &self.conn.st.reminders,
        };
        self.query(st, &[&from, &to, &i64::from(limit)])?
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
        self.query(&self.conn.st.retention, &[&on])?
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
        self.query(&self.conn.st.ledger, &[&from, &to])?
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
        self.query(&self.conn.st.case_ids, &[&after.0, &i64::from(limit)])?
            .iter()
            .map(|r| r.try_get(0).map(CaseId).map_err(error))
            .collect()
    }
}
