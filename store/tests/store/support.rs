//! Backends under test, fresh databases, raw SQL for checking and tampering, events.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use complaint_office::case::Event;
use complaint_office::policy::{Policy, PolicySet};
use complaint_office::time::{Instant, parse_instant};
use complaint_office_store::{Store, StoreOptions};
use serde_json::Value;

/// A backend the suite runs against.
pub enum Target {
    Sqlite { dir: PathBuf },
    Postgres { admin_url: String },
}

static NEXT: AtomicU32 = AtomicU32::new(0);

fn temp_dir() -> PathBuf {
    // tmpfs when there is one: the suite checks the logic, the benchmarks the disk.
    let base = PathBuf::from("/dev/shm");
    let base = if base.is_dir() {
        base
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("co-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

pub fn sqlite_only() -> Vec<Target> {
    vec![Target::Sqlite { dir: temp_dir() }]
}

/// SQLite, and PostgreSQL when configured.
pub fn targets() -> Result<Vec<Target>, String> {
    let mut targets = sqlite_only();
    match std::env::var("COMPLAINT_OFFICE_PG_URL") {
        Ok(url) if !url.is_empty() => {
            postgres::Client::connect(&url, postgres::NoTls)
                .map_err(|e| format!("COMPLAINT_OFFICE_PG_URL: cannot connect ({e})"))?;
            targets.push(Target::Postgres { admin_url: url });
        }
        _ if std::env::var("COMPLAINT_OFFICE_REQUIRE_PG").is_ok_and(|v| v == "1") => {
            return Err(
                "COMPLAINT_OFFICE_REQUIRE_PG=1 but COMPLAINT_OFFICE_PG_URL is not set".into(),
            );
        }
        _ => println!("(PostgreSQL not configured: set COMPLAINT_OFFICE_PG_URL to run it too)"),
    }
    Ok(targets)
}

impl Target {
    pub fn name(&self) -> &'static str {
        match self {
            Target::Sqlite { .. } => "sqlite",
            Target::Postgres { .. } => "postgres",
        }
    }

    /// Removes the target's temporary directory (SQLite files).
    pub fn remove_files(&self) {
        if let Target::Sqlite { dir } = self {
            let _ = std::fs::remove_dir_all(dir);
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Target::Postgres { .. })
    }

    /// A fresh, empty database.
    pub fn fresh(&self) -> Db<'_> {
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        match self {
            Target::Sqlite { dir } => {
                let path = dir.join(format!("t{n}.db"));
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                Db {
                    target: self,
                    url: path.display().to_string(),
                    database: None,
                }
            }
            Target::Postgres { admin_url } => {
                let name = format!("co_test_{}_{n}", std::process::id());
                let mut admin = postgres::Client::connect(admin_url, postgres::NoTls).unwrap();
                admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
                    .unwrap();
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap();
                Db {
                    target: self,
                    url: with_database(admin_url, &name),
                    database: Some(name),
                }
            }
        }
    }
}

/// `url` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_end = base
        .find("://")
        .map(|i| i + 3)
        .and_then(|start| base[start..].find('/').map(|j| start + j))
        .unwrap_or(base.len());
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A fresh database of a target.
pub struct Db<'a> {
    pub target: &'a Target,
    pub url: String,
    database: Option<String>,
}

impl Drop for Db<'_> {
    fn drop(&mut self) {
        match (self.target, &self.database) {
            (Target::Postgres { admin_url }, Some(name)) => {
                if let Ok(mut admin) = postgres::Client::connect(admin_url, postgres::NoTls) {
                    let _ = admin
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
            _ => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", self.url));
                }
            }
        }
    }
}

impl Db<'_> {
    pub fn open(&self) -> Store {
        Store::open(&self.url, Policy::default()).unwrap()
    }

    pub fn options() -> StoreOptions {
        StoreOptions::new(PolicySet::new([Policy::default()]).unwrap())
    }

    pub fn open_with(&self, options: StoreOptions) -> Store {
        Store::open_with(&self.url, options).unwrap()
    }

    /// Runs SQL as the database's owner, bypassing the store.
    pub fn exec(&self, sql: &str) -> Result<(), String> {
        match self.target {
            Target::Sqlite { .. } => rusqlite::Connection::open(&self.url)
                .and_then(|c| c.execute_batch(sql))
                .map_err(|e| e.to_string()),
            Target::Postgres { .. } => postgres::Client::connect(&self.url, postgres::NoTls)
                .and_then(|mut c| c.batch_execute(sql))
                .map_err(|e| e.to_string()),
        }
    }

    /// Rows of integers (every column must be one, or NULL).
    pub fn ints(&self, sql: &str) -> Vec<Vec<Option<i64>>> {
        match self.target {
            Target::Sqlite { .. } => {
                let conn = rusqlite::Connection::open(&self.url).unwrap();
                let mut s = conn.prepare(sql).unwrap();
                let n = s.column_count();
                s.query_map([], |r| (0..n).map(|i| r.get::<_, Option<i64>>(i)).collect())
                    .unwrap()
                    .collect::<Result<Vec<_>, _>>()
                    .unwrap()
            }
            Target::Postgres { .. } => {
                let mut c = postgres::Client::connect(&self.url, postgres::NoTls).unwrap();
                c.query(sql, &[])
                    .unwrap()
                    .iter()
                    .map(|r| (0..r.len()).map(|i| r.get::<_, Option<i64>>(i)).collect())
                    .collect()
            }
        }
    }

    pub fn int(&self, sql: &str) -> i64 {
        self.ints(sql)[0][0].unwrap()
    }

    /// Lets the owner rewrite the events table (what a tamperer with database rights does).
    pub fn disable_append_only(&self) {
        let sql = match self.target {
            Target::Sqlite { .. } => {
                "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;"
            }
            Target::Postgres { .. } => "ALTER TABLE events DISABLE TRIGGER USER;",
        };
        self.exec(sql).unwrap();
    }
}

pub fn at(text: &str) -> Instant {
    parse_instant(text).unwrap()
}

pub fn ev(value: Value) -> Event {
    Event::from_json_value(value).unwrap()
}

/// A complete hotline complaint received at `at`.
pub fn received(at: &str) -> Event {
    ev(
        serde_json::json!({"type": "received", "at": at, "channel": "hotline",
        "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
        "content": "更換的零件又壞了。"}),
    )
}

/// The events after registration up to `archived`, starting one hour after `start`, an hour
/// apart (a general, simple case that is handled on time).
pub fn to_archived(start: Instant) -> Vec<Event> {
    let mut t = start;
    let mut next = || {
        t += chrono::Duration::hours(1);
        complaint_office::time::format_instant(&t)
    };
    let step_due = (start + chrono::Duration::days(3)).date_naive().to_string();
    [
        serde_json::json!({"type": "classified", "at": next(), "category": "product_quality", "department": "quality"}),
        serde_json::json!({"type": "assessed", "at": next(), "severity": "serious", "urgency": "normal", "complexity": "simple"}),
        serde_json::json!({"type": "team_formed", "at": next(), "members": [
            {"id": "h-1", "role": "department_head"}, {"id": "t-1", "role": "technical_specialist"},
            {"id": "l-1", "role": "legal"}]}),
        serde_json::json!({"type": "investigation_planned", "at": next(), "steps": [
            {"description": "review records", "due": step_due, "owner": "h-1"}]}),
        serde_json::json!({"type": "evidence_added", "at": next(), "kind": "interview", "signed": true, "interviewee": "complainant"}),
        serde_json::json!({"type": "progress_reported", "at": next()}),
        serde_json::json!({"type": "plan_submitted", "at": next(), "analysis": "a", "responsibility": "r",
            "measures": "m", "time_points": [{"what": "w", "due": "2030-01-01"}]}),
        serde_json::json!({"type": "plan_approved", "at": next(), "by": "m-1", "role": "management"}),
        serde_json::json!({"type": "implementation_started", "at": next()}),
        serde_json::json!({"type": "implementation_completed", "at": next()}),
        serde_json::json!({"type": "result_fed_back", "at": next(), "process": "p", "result": "r", "satisfaction": "unsatisfied"}),
        serde_json::json!({"type": "follow_up_visited", "at": next(), "method": "phone", "satisfaction": "satisfied"}),
        serde_json::json!({"type": "closed", "at": next()}),
        serde_json::json!({"type": "archived", "at": next(), "documents": ["registration_form",
            "investigation_record", "handling_plan", "result_report", "follow_up_record"]}),
    ]
    .into_iter()
    .map(ev)
    .collect()
}
