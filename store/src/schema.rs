//! The schema, one for both databases, and its versioned forward migrations.
//!
//! A migration is applied once, in a transaction that also records it in `schema_version`;
//! the transaction holds the database's write lock (SQLite) or an advisory lock
//! (PostgreSQL), so that several app servers starting at once migrate exactly once. A
//! database migrated by a newer library is refused (`store.schema_too_new`) rather than
//! written in a form it does not know.
//!
//! Column types differ only where the databases do: `BIGINT`/`BOOLEAN` on PostgreSQL are
//! `INTEGER` on SQLite. Instants of the index are Unix seconds (UTC); dates are `YYYY-MM-DD`
//! text, which sorts as dates do.

/// A forward migration: the SQL of each backend that takes the schema from `version - 1` to
/// `version`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// The version the migration leads to.
    pub version: u32,
    /// What it does.
    pub description: &'static str,
    /// Its SQL for SQLite, run in order.
    pub sqlite: &'static [&'static str],
    /// Its SQL for PostgreSQL, run in order.
    pub postgres: &'static [&'static str],
}

/// Every migration, in order. A released migration never changes; a change of schema is a
/// new one at the end.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    description: "cases, events with their hash chain, number counters, due and reminder index",
    sqlite: &[SQLITE_V1_TABLES, V1_INDEXES, SQLITE_V1_EVENTS],
    postgres: &[POSTGRES_V1_TABLES, V1_INDEXES, POSTGRES_V1_EVENTS],
}];

/// The schema version this library writes.
pub const SCHEMA_VERSION: u32 = 1;

/// `schema_version`, created before any migration runs.
pub(crate) const SQLITE_VERSION_TABLE: &str = "
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  INTEGER NOT NULL          -- Unix seconds
);";

pub(crate) const POSTGRES_VERSION_TABLE: &str = "
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  BIGINT NOT NULL
);";

const SQLITE_V1_TABLES: &str = "
CREATE TABLE number_counters (
    month        TEXT PRIMARY KEY,         -- YYYY-MM, the office month of receipt
    last_serial  INTEGER NOT NULL CHECK (last_serial >= 1)   -- the library refuses 10,000
);

CREATE TABLE cases (
    id                      INTEGER PRIMARY KEY,
    request_key             TEXT UNIQUE,    -- the host's idempotency key, if given
    number                  TEXT UNIQUE,    -- YYMMNNNN; NULL until registered
    month                   TEXT,           -- YYYY-MM of the number
    serial                  INTEGER,
    version                 INTEGER NOT NULL,  -- events stored
    head_hash               TEXT NOT NULL,     -- chain hash of the last event
    status                  TEXT NOT NULL,
    received_at             INTEGER NOT NULL,
    registered_at           INTEGER,
    channel                 TEXT NOT NULL,
    category                TEXT,
    department              TEXT,
    severity                TEXT,
    closed_at               INTEGER,
    satisfied               INTEGER,        -- 1, 0 or NULL (unanswered)
    next_due_at             INTEGER,        -- earliest running deadline
    next_due_stage          TEXT,
    next_reminder_at        INTEGER,
    archived_on             TEXT,
    retention_last_day      TEXT,
    legal_hold              INTEGER NOT NULL DEFAULT 0,
    destruction_approved_on TEXT,
    destruction_approved_by TEXT,
    updated_at              INTEGER NOT NULL,  -- instant of the last event
    UNIQUE (month, serial),
    CHECK ((number IS NULL) = (month IS NULL) AND (month IS NULL) = (serial IS NULL))
);
";

/// The same in both dialects.
const V1_INDEXES: &str = "
CREATE INDEX cases_next_due ON cases (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX cases_next_reminder ON cases (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
CREATE INDEX cases_retention ON cases (retention_last_day)
    WHERE retention_last_day IS NOT NULL AND status = 'archived';
CREATE INDEX cases_received ON cases (received_at) WHERE number IS NOT NULL;
";

const SQLITE_V1_EVENTS: &str = "
CREATE TABLE events (
    case_id  INTEGER NOT NULL REFERENCES cases (id),
    seq      INTEGER NOT NULL,              -- 0-based position in the history
    event    TEXT NOT NULL,                 -- canonical JSON
    hash     TEXT NOT NULL,                 -- SHA-256 chain link, 64 hex digits
    PRIMARY KEY (case_id, seq)
) WITHOUT ROWID;

-- Append-only: a history is never rewritten through SQL.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
";

const POSTGRES_V1_TABLES: &str = "
CREATE TABLE number_counters (
    month        TEXT PRIMARY KEY,
    last_serial  INTEGER NOT NULL CHECK (last_serial >= 1)
);

CREATE TABLE cases (
    id                      BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_key             TEXT UNIQUE,
    number                  TEXT UNIQUE,
    month                   TEXT,
    serial                  INTEGER,
    version                 BIGINT NOT NULL,
    head_hash               TEXT NOT NULL,
    status                  TEXT NOT NULL,
    received_at             BIGINT NOT NULL,
    registered_at           BIGINT,
    channel                 TEXT NOT NULL,
    category                TEXT,
    department              TEXT,
    severity                TEXT,
    closed_at               BIGINT,
    satisfied               BOOLEAN,
    next_due_at             BIGINT,
    next_due_stage          TEXT,
    next_reminder_at        BIGINT,
    archived_on             TEXT,
    retention_last_day      TEXT,
    legal_hold              BOOLEAN NOT NULL DEFAULT FALSE,
    destruction_approved_on TEXT,
    destruction_approved_by TEXT,
    updated_at              BIGINT NOT NULL,
    UNIQUE (month, serial),
    CHECK ((number IS NULL) = (month IS NULL) AND (month IS NULL) = (serial IS NULL))
);
";

const POSTGRES_V1_EVENTS: &str = "
CREATE TABLE events (
    case_id  BIGINT NOT NULL REFERENCES cases (id),
    seq      BIGINT NOT NULL,
    event    TEXT NOT NULL,
    hash     TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- Durability::Grouped: one row per server process, bumped by a synchronous commit after an
-- asynchronous one (see the store's documentation).
CREATE TABLE durability_marks (
    backend_pid  INTEGER PRIMARY KEY,
    n            BIGINT NOT NULL
);
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_run_from_one_without_gaps_to_the_current_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.version), Some(SCHEMA_VERSION));
    }

    #[test]
    fn both_dialects_define_the_same_tables_and_columns() {
        fn columns(sql: &str) -> Vec<String> {
            let mut out = Vec::new();
            let mut table = None;
            for line in sql.lines() {
                let line = line.trim();
                if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
                    let name = rest.split_whitespace().next().unwrap_or("");
                    if name == "durability_marks" {
                        table = None;
                        continue;
                    }
                    table = Some(name.to_owned());
                } else if line.starts_with(')') {
                    table = None;
                } else if let Some(t) = &table {
                    let first = line.split_whitespace().next().unwrap_or("");
                    if !first.is_empty()
                        && first.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        && !["UNIQUE", "CHECK", "PRIMARY"].contains(&first)
                    {
                        out.push(format!("{t}.{first}"));
                    }
                }
            }
            out
        }
        let sqlite = columns(&MIGRATIONS[0].sqlite.concat());
        assert!(sqlite.contains(&"cases.next_reminder_at".to_owned()));
        assert!(sqlite.contains(&"events.hash".to_owned()));
        assert_eq!(sqlite, columns(&MIGRATIONS[0].postgres.concat()));
    }
}
