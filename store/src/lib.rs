//! # complaint-office-store
//!
//! Cases of [`complaint_office`] kept safely in a database: SQLite (a file, the embedded
//! default) or PostgreSQL (a URL, for several app servers), with one schema.
//!
//! - **Numbers** (§2.2.3) are allocated in the transaction that writes the case, from a
//!   per-month counter row that stays locked until the commit: unique and without gaps,
//!   whatever the number of writers, and a writer killed half-way leaves no trace.
//! - **Appends** name the version the writer last saw; the library's `apply` decides; a
//!   stale version is `store.conflict`, never a second application.
//! - **Histories** are hash-chained ([`complaint_office::history`]): every load verifies the
//!   chain, so an event edited in the database is `history.chain_broken` with its index.
//! - **The index** beside each case (next due instant and stage, next reminder, retention,
//!   ledger columns) is recomputed in the same transaction as each event: "what is due this
//!   week", the retention sweep and the statistics ledger read it without replaying cases.
//!
//! ```
//! use complaint_office::case::Event;
//! use complaint_office::policy::Policy;
//! use complaint_office::time::parse_instant;
//! use complaint_office_store::{Registration, Store};
//!
//! # let dir = std::env::temp_dir().join(format!("co-store-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! # let path = dir.join("complaints.db");
//! # let path = path.to_str().unwrap();
//! let store = Store::open(path, Policy::default())?; // or "postgres://office@db/complaints"
//!
//! let received = Event::from_json_str(r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00",
//!     "channel": "hotline", "complainant_kind": "customer", "name": "張三",
//!     "contact": "13812345678", "content": "The replacement part broke again."}"#)?;
//! let registered = store.register(Registration::new(received, parse_instant("2025-09-26T11:00:00+08:00")?))?;
//! assert_eq!(registered.number.to_string(), "25090001");
//!
//! let classified = Event::from_json_str(r#"{"type": "classified", "at": "2025-09-26T12:00:00+08:00",
//!     "category": "product_quality"}"#)?;
//! store.append(registered.case, registered.version, classified.clone())?;
//! // The same version again: someone else got there first.
//! let err = store.append(registered.case, registered.version, classified).unwrap_err();
//! assert_eq!(err.code(), "store.conflict");
//!
//! let stored = store.load(registered.case)?;
//! assert_eq!(stored.case.category(), Some("product_quality"));
//! # drop(store);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! See `README.md` of this crate for the schema, the transaction recipe for hosts on another
//! database, and the measured throughput.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod backend;
mod error;
mod index;
mod pool;
mod postgres;
mod schema;
mod sqlite;
mod store;

pub use error::{Result, StoreError};

// A store is shared by the threads of an app server.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Store>();
};
pub use index::{NoReminders, Reminders};
pub use schema::SCHEMA_VERSION;
pub use store::{
    Appended, CaseId, DueCase, Durability, Received, Registered, Registration, ReminderCase, Store,
    StoreOptions, StoredCase, SweptCase,
};
