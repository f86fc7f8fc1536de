//! The store's operations, written once against [`Tx`]: each is one transaction, and the
//! library's rules decide inside it.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{FixedOffset, NaiveDate};
use complaint_office::archive::{self, Approval, ArchiveFile, SweepEntry};
use complaint_office::case::{ActorRole, Case, Event, EventKind, Schedule, Stage, Status};
use complaint_office::history::{self, ChainHash, ChainedEvent, HistoryError, canonical_json};
use complaint_office::number::{ComplaintNumber, NumberSequences};
use complaint_office::policy::{Policy, PolicySet};
use complaint_office::stats::{Ledger, Leniency, Record};
use complaint_office::time::{Instant, YearMonth};

use crate::backend::{Backend, Due, DueRow, EventRow, Head, Key, NewEvent, Tx};
use crate::error::{Result, StoreError};
use crate::index::{CaseRow, NoReminders, Reminders, instant_at, number_month, stage_of};
use crate::{postgres, sqlite};

/// A stored case's id: the `cases.id` column, assigned by the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseId(pub i64);

impl std::fmt::Display for CaseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// When a write counts as done (PostgreSQL; SQLite always syncs every commit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Durability {
    /// Every commit reaches the disk before it returns and before other sessions see it.
    /// Registrations of one month then follow each other at the pace of the disk's flush,
    /// since the month's counter stays locked until the flush.
    #[default]
    Immediate,
    /// A write commits without waiting for the disk, which releases the month's counter at
    /// once; the call then waits for a small synchronous commit that flushes the log up to and
    /// past it, together with the flushes other sessions wait for. A call still returns only
    /// once its write is on disk, and the log being written in order, a server crash never
    /// leaves a gap (everything after a lost registration is lost with it). The difference:
    /// other sessions may see a registration a few milliseconds before it is on disk, and
    /// after a server crash in those milliseconds it is gone although they saw it (its caller
    /// was never told it succeeded). Several times the registrations per second on a disk
    /// with slow flushes.
    Grouped,
}

/// How to open a store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    policies: PolicySet,
    reminders: Arc<dyn Reminders>,
    connections: usize,
    wait: Duration,
    durability: Durability,
}

impl StoreOptions {
    /// Options judging cases by `policies` (the policy in force when each was received); no
    /// reminders, 8 connections, a 30-second wait for a connection or lock, immediate
    /// durability.
    pub fn new(policies: PolicySet) -> Self {
        StoreOptions {
            policies,
            reminders: Arc::new(NoReminders),
            connections: 8,
            wait: Duration::from_secs(30),
            durability: Durability::Immediate,
        }
    }

    /// The rule that fills the reminder index (see [`Reminders`]).
    pub fn reminders(mut self, reminders: Arc<dyn Reminders>) -> Self {
        self.reminders = reminders;
        self
    }

    /// At most this many connections at once (at least 1).
    pub fn connections(mut self, connections: usize) -> Self {
        self.connections = connections.max(1);
        self
    }

    /// How long an operation waits for a connection, a lock or the database.
    pub fn wait(mut self, wait: Duration) -> Self {
        self.wait = wait;
        self
    }

    /// When a PostgreSQL write counts as done (see [`Durability`]).
    pub fn durability(mut self, durability: Durability) -> Self {
        self.durability = durability;
        self
    }
}

/// A complaint to register: its `received` event, and when and by whom it is registered.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    /// The `received` event: the complaint as it arrived.
    pub received: Event,
    /// When it is registered.
    pub at: Instant,
    /// The registrar's staff id (recorded with the role `complaint_office`).
    pub by: Option<String>,
    /// The host's idempotency key: registering again with the same key returns the first
    /// registration instead of a second number (a retry after a lost connection).
    pub request_key: Option<String>,
}

impl Registration {
    /// A registration at `at` of the complaint `received`.
    pub fn new(received: Event, at: Instant) -> Self {
        Registration {
            received,
            at,
            by: None,
            request_key: None,
        }
    }

    /// Registered by `staff` (a staff id).
    pub fn by(mut self, staff: impl Into<String>) -> Self {
        self.by = Some(staff.into());
        self
    }

    /// With an idempotency key.
    pub fn request_key(mut self, key: impl Into<String>) -> Self {
        self.request_key = Some(key.into());
        self
    }
}

/// A registered complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    /// The case.
    pub case: CaseId,
    /// Its number.
    pub number: ComplaintNumber,
    /// Its version (events stored): what the next append passes.
    pub version: u64,
    /// Whether this is an earlier registration returned for its request key (nothing new
    /// was written).
    pub replayed: bool,
}

/// A complaint received and stored without a number (waiting for missing information).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// The case.
    pub case: CaseId,
    /// Its version.
    pub version: u64,
    /// Whether this is an earlier one returned for its request key.
    pub replayed: bool,
}

/// An appended event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    /// The case's version now.
    pub version: u64,
    /// Its status now.
    pub status: Status,
}

/// A case read back: its history verified against its hash chain, and replayed.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCase {
    /// The case's id.
    pub id: CaseId,
    /// Its version (the number of events).
    pub version: u64,
    /// The hash of its last event.
    pub head: ChainHash,
    /// The case.
    pub case: Case,
    /// Its events.
    pub events: Vec<Event>,
}

/// A case whose next deadline falls in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueCase {
    /// The case.
    pub case: CaseId,
    /// Its number (none before registration).
    pub number: Option<ComplaintNumber>,
    /// The stage whose clock runs out first.
    pub stage: Stage,
    /// Its due instant, in office time.
    pub due: Instant,
}

/// A case whose next reminder falls in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderCase {
    /// The case.
    pub case: CaseId,
    /// Its number.
    pub number: Option<ComplaintNumber>,
    /// When to remind, in office time.
    pub at: Instant,
}

/// An archived case in a retention sweep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SweptCase {
    /// The case.
    pub case: CaseId,
    /// What the library's sweep decided for it.
    pub entry: SweepEntry,
}

/// Cases kept in SQLite or PostgreSQL.
///
/// Every operation is one transaction. Numbers are allocated in the transaction that writes
/// the case, from a per-month counter row locked until it commits: unique and gap-free with
/// any number of writers. Appends name the version the writer last saw; the library's
/// [`Case::apply`] decides; the event is stored with its hash chained over the previous one;
/// the index columns are recomputed from the replayed case in the same transaction.
#[derive(Debug)]
pub struct Store {
    backend: Backend,
    policies: PolicySet,
    reminders: Arc<dyn Reminders>,
}

impl Store {
    /// Opens a store: a `postgres://` or `postgresql://` URL, or a SQLite file path (created
    /// when missing; `sqlite://` and `sqlite:` prefixes are accepted). Migrates the schema.
    ///
    /// # Errors
    /// `store.invalid_target`, `store.unavailable`, `store.schema_too_new`, `store.database`.
    pub fn open(target: &str, policy: Policy) -> Result<Store> {
        let policies = PolicySet::new([policy])?;
        Store::open_with(target, StoreOptions::new(policies))
    }

    /// Opens a store with options.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_with(target: &str, options: StoreOptions) -> Result<Store> {
        let target = target.trim();
        let backend = if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            Backend::Postgres(postgres::Postgres::open(
                target,
                options.connections,
                options.wait,
                options.durability,
            )?)
        } else {
            let path = target
                .strip_prefix("sqlite://")
                .or_else(|| target.strip_prefix("sqlite:"))
                .unwrap_or(target);
            if path.is_empty() || path.contains("://") || path == ":memory:" {
                return Err(StoreError::InvalidTarget);
            }
            Backend::Sqlite(sqlite::Sqlite::open(
                Path::new(path),
                options.connections,
                options.wait,
            )?)
        };
        Ok(Store {
            backend,
            policies: options.policies,
            reminders: options.reminders,
        })
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.backend.name()
    }

    /// The schema version of the database.
    ///
    /// # Errors
    /// A database error.
    pub fn schema_version(&self) -> Result<u32> {
        self.backend.schema_version()
    }

    /// Registers a complaint: in one transaction, takes the next number of the month it was
    /// received in (office time), writes the case with its `received` and `registered`
    /// events, and commits. Refusals (an incomplete or inadmissible complaint) are found
    /// before the month's counter is touched.
    ///
    /// # Errors
    /// The library's code when the policy refuses the complaint (`case.intake_incomplete`,
    /// `case.inadmissible`, `case.not_received_first`, …), `number.serial_exhausted`,
    /// `store.request_key_in_use`, and database errors.
    pub fn register(&self, registration: Registration) -> Result<Registered> {
        let Registration {
            received,
            at,
            by,
            request_key,
        } = registration;
        let case = Case::replay_in(&self.policies, [received.clone()])?;
        let month = number_month(&case);
        // Everything costly before the month's counter is locked: refusals, the schedule.
        let schedule = probe_registration(&case, month, at, by.as_deref())?;
        let received_link = link(&ChainHash::GENESIS, &received);
        let key = request_key.as_deref();
        let write = || {
            self.backend.write(|tx| {
                if let Some(found) = replayed(tx, key)? {
                    return Ok(found);
                }
                let (number, registered) = allocate(tx, month, at, by.as_deref())?;
                let mut case = case.clone();
                case.apply(registered.clone())?;
                let registered_link = link(&received_link.hash, &registered);
                let events = [received.clone(), registered];
                let row = CaseRow::with_schedule(
                    &case,
                    &events,
                    registered_link.hash,
                    &schedule,
                    &*self.reminders,
                )?;
                // The key taken meanwhile: the error rolls back the number with the rest.
                let first = [received_link.at(0), registered_link.at(1)];
                let id = tx.insert_case(key, &row, &first)?;
                Ok(Registered {
                    case: id,
                    number,
                    version: 2,
                    replayed: false,
                })
            })
        };
        match write() {
            // Another writer registered the same request key between our lookup and our
            // insert: its registration is the one, read it (or refuse, if it has no number).
            Err(StoreError::RequestKeyInUse) if key.is_some() => write(),
            other => other,
        }
    }

    /// Stores a complaint that cannot be registered yet (information missing, §2.2.1): a case
    /// without a number, with its `received` event. Register it later with
    /// [`Store::register_received`].
    ///
    /// # Errors
    /// `case.not_received_first` and the library's other refusals; database errors.
    pub fn receive(&self, received: Event, request_key: Option<&str>) -> Result<Received> {
        let case = Case::replay_in(&self.policies, [received.clone()])?;
        let linked = link(&ChainHash::GENESIS, &received);
        let row = CaseRow::of(&case, &[received], linked.hash, &*self.reminders)?;
        let write = || {
            self.backend.write(|tx| {
                if let Some(key) = request_key
                    && let Some(found) = tx.case_by_request_key(key)?
                {
                    return Ok(Received {
                        case: found.id,
                        version: found.version,
                        replayed: true,
                    });
                }
                let id = tx.insert_case(request_key, &row, &[linked.at(0)])?;
                Ok(Received {
                    case: id,
                    version: 1,
                    replayed: false,
                })
            })
        };
        match write() {
            Err(StoreError::RequestKeyInUse) if request_key.is_some() => write(),
            other => other,
        }
    }

    /// Registers a stored case that was received without a number: the number of its month
    /// of receipt, allocated in the same transaction as its `registered` event.
    ///
    /// # Errors
    /// `store.not_found`, `store.conflict` (the case moved past `expected_version`), the
    /// library's refusal (`case.intake_incomplete` while information is missing,
    /// `case.transition_not_allowed` when already registered), `history.*` when its stored
    /// history fails its chain, database errors.
    pub fn register_received(
        &self,
        case: CaseId,
        expected_version: u64,
        at: Instant,
        by: Option<&str>,
    ) -> Result<Registered> {
        self.backend.write(|tx| {
            let (head, mut events, mut replayed) = self.locked(tx, case, expected_version)?;
            let month = number_month(&replayed);
            let schedule = probe_registration(&replayed, month, at, by)?;
            let (number, registered) = allocate(tx, month, at, by)?;
            replayed.apply(registered.clone())?;
            let linked = link(&head, &registered);
            events.push(registered);
            let row = CaseRow::with_schedule(
                &replayed,
                &events,
                linked.hash,
                &schedule,
                &*self.reminders,
            )?;
            self.write_row(tx, case, expected_version, &row, &linked)?;
            Ok(Registered {
                case,
                number,
                version: expected_version + 1,
                replayed: false,
            })
        })
    }

    /// Appends an event to a case whose version the writer last saw as `expected_version`.
    /// In one transaction: locks the case, checks its version, verifies its stored chain,
    /// replays it, lets the library apply the event, stores it linked to the chain and
    /// updates the index. Two writers who saw the same version: one succeeds, the other gets
    /// `store.conflict` and nothing is applied twice.
    ///
    /// # Errors
    /// `store.not_found`, `store.conflict`, `store.registration_through_append`, the
    /// library's refusal of the event (its code and clause), `history.*`, database errors.
    pub fn append(&self, case: CaseId, expected_version: u64, event: Event) -> Result<Appended> {
        if event.kind() == EventKind::Registered {
            return Err(StoreError::RegistrationThroughAppend);
        }
        self.backend.write(|tx| {
            let (head, mut events, mut replayed) = self.locked(tx, case, expected_version)?;
            replayed.apply(event.clone())?;
            let linked = link(&head, &event);
            events.push(event);
            self.write_event(tx, case, expected_version, &replayed, &events, &linked)?;
            Ok(Appended {
                version: expected_version + 1,
                status: replayed.status(),
            })
        })
    }

    /// Loads a case: its history read in one snapshot, verified against its hash chain and
    /// the head kept with it, and replayed.
    ///
    /// # Errors
    /// `store.not_found`; `history.chain_broken` / `history.head_mismatch` with the index
    /// where the stored history was tampered with; database errors.
    pub fn load(&self, case: CaseId) -> Result<StoredCase> {
        self.load_by(Key::Id(case))
    }

    /// Loads a case by its complaint number.
    ///
    /// # Errors
    /// As [`Store::load`].
    pub fn find(&self, number: ComplaintNumber) -> Result<StoredCase> {
        self.load_by(Key::Number(number))
    }

    fn load_by(&self, key: Key) -> Result<StoredCase> {
        let (head, rows) = self
            .backend
            .read(|tx| tx.load(key))?
            .ok_or(StoreError::NotFound)?;
        let (head_hash, events, case) = self.verified(&head, rows)?;
        Ok(StoredCase {
            id: head.id,
            version: head.version,
            head: head_hash,
            case,
            events,
        })
    }

    /// Cases whose next deadline falls in `[from, to)` (from the beginning of time when
    /// `from` is `None`: overdue ones included), earliest first, at most `limit`. Read from
    /// the index, without replaying a case.
    ///
    /// # Errors
    /// Database errors; `store.corrupt` for an index row that does not read.
    pub fn due(&self, from: Option<Instant>, to: Instant, limit: u32) -> Result<Vec<DueCase>> {
        self.window(Due::Deadline, from, to, limit)?
            .into_iter()
            .map(|(r, at)| {
                Ok(DueCase {
                    case: r.id,
                    number: number_of(r.number.as_deref())?,
                    stage: stage_of(r.stage.as_deref().unwrap_or(""))?,
                    due: at,
                })
            })
            .collect()
    }

    /// Cases whose next reminder falls in `[from, to)`, earliest first, at most `limit`.
    ///
    /// # Errors
    /// As [`Store::due`].
    pub fn reminders(
        &self,
        from: Option<Instant>,
        to: Instant,
        limit: u32,
    ) -> Result<Vec<ReminderCase>> {
        self.window(Due::Reminder, from, to, limit)?
            .into_iter()
            .map(|(r, at)| {
                Ok(ReminderCase {
                    case: r.id,
                    number: number_of(r.number.as_deref())?,
                    at,
                })
            })
            .collect()
    }

    /// The index rows of a window query, each with its instant in office time.
    fn window(
        &self,
        which: Due,
        from: Option<Instant>,
        to: Instant,
        limit: u32,
    ) -> Result<Vec<(DueRow, Instant)>> {
        let from = from.map_or(i64::MIN, |f| f.timestamp());
        let rows = self
            .backend
            .read(|tx| tx.due(which, from, to.timestamp(), limit))?;
        rows.into_iter()
            .map(|r| {
                let at = instant_at(r.at, self.office_at(r.received_at)?)?;
                Ok((r, at))
            })
            .collect()
    }

    /// The retention sweep on `on` (§6.2.2): every archived, not yet destroyed case whose
    /// retention period ended before `on`, with what the library's [`archive::sweep`] decides
    /// for it (`may_destroy`, `awaiting_approval`, `held`). Cases still retained are not
    /// listed. Destroying one is then an append of its `destroyed` event.
    ///
    /// # Errors
    /// Database errors; the library's archive errors.
    pub fn retention_sweep(&self, on: NaiveDate) -> Result<Vec<SweptCase>> {
        let rows = self
            .backend
            .read(|tx| tx.retention_ended(&on.to_string()))?;
        let mut swept = Vec::with_capacity(rows.len());
        for r in rows {
            let policy = self.policy_at(r.received_at)?;
            let number =
                number_of(r.number.as_deref())?.ok_or(StoreError::Corrupt { what: "number" })?;
            let archived_on = date_of(r.archived_on.as_deref())?.ok_or(StoreError::Corrupt {
                what: "archived_on",
            })?;
            let mut file = ArchiveFile::new(number, archived_on, Vec::new());
            file.legal_hold = r.legal_hold;
            file.approval = date_of(r.approved_on.as_deref())?.map(|approved_on| Approval {
                // The approval is on record as the leadership's event; its staff id may not be.
                approved_by: r
                    .approved_by
                    .clone()
                    .unwrap_or_else(|| ActorRole::Leadership.as_str().to_owned()),
                approved_on,
            });
            let entry = archive::sweep(policy, &[file], on)?
                .pop()
                .ok_or(StoreError::Corrupt { what: "sweep" })?;
            swept.push(SweptCase { case: r.id, entry });
        }
        Ok(swept)
    }

    /// The statistics ledger's records of the registered and classified cases received in
    /// `[from, to)`, read from the index (nothing personal: number, times, channel,
    /// category, department, severity, satisfaction).
    ///
    /// # Errors
    /// Database errors; `store.corrupt` for a row that does not read.
    pub fn ledger_records(&self, from: Instant, to: Instant) -> Result<Vec<Record>> {
        let rows = self
            .backend
            .read(|tx| tx.ledger(from.timestamp(), to.timestamp()))?;
        rows.into_iter()
            .map(|r| {
                let office = self.office_at(r.received_at)?;
                let number =
                    number_of(Some(&r.number))?.ok_or(StoreError::Corrupt { what: "number" })?;
                let mut record = Record::new(
                    number,
                    instant_at(r.received_at, office)?,
                    r.category,
                    r.department,
                );
                record.channel = Some(r.channel);
                record.severity = r.severity;
                record.closed_at = r.closed_at.map(|c| instant_at(c, office)).transpose()?;
                record.satisfied = r.satisfied;
                Ok(record)
            })
            .collect()
    }

    /// The statistics ledger of the cases received in `[from, to)`, ready for
    /// [`Ledger::report`].
    ///
    /// # Errors
    /// As [`Store::ledger_records`]; the ledger's own checks.
    pub fn ledger(&self, from: Instant, to: Instant) -> Result<Ledger> {
        Ok(Ledger::from_records(
            self.ledger_records(from, to)?,
            Leniency::Strict,
        )?)
    }

    /// Recomputes the index columns of every case from its verified, replayed history: after
    /// a change of the reminder rule, the policies or the calendar. Returns the number of
    /// cases whose row changed. Each case is its own transaction; writers may go on meanwhile.
    ///
    /// # Errors
    /// The first case that fails (`history.*` for a tampered one), or a database error.
    pub fn reindex(&self) -> Result<usize> {
        let mut after = CaseId(0);
        let mut changed = 0;
        loop {
            let ids = self.backend.read(|tx| tx.case_ids(after, 500))?;
            let Some(last) = ids.last().copied() else {
                return Ok(changed);
            };
            for id in ids {
                let updated = self.backend.write(|tx| {
                    let Some(head) = tx.lock_case(id)? else {
                        return Ok(false); // gone meanwhile
                    };
                    let version = head.version;
                    let (head, events, case) = self.replay_locked(tx, &head)?;
                    let row = CaseRow::of(&case, &events, head, &*self.reminders)?;
                    tx.update_case(id, version, &row, true)
                })?;
                changed += usize::from(updated);
            }
            after = last;
        }
    }

    // ---- the parts of the recipe ----

    /// Locks the case, checks the version, verifies and replays its history.
    fn locked(
        &self,
        tx: &mut dyn Tx,
        case: CaseId,
        expected_version: u64,
    ) -> Result<(ChainHash, Vec<Event>, Case)> {
        let head = tx.lock_case(case)?.ok_or(StoreError::NotFound)?;
        if head.version != expected_version {
            return Err(StoreError::Conflict {
                expected: expected_version,
                actual: head.version,
            });
        }
        self.replay_locked(tx, &head)
    }

    fn replay_locked(&self, tx: &mut dyn Tx, head: &Head) -> Result<(ChainHash, Vec<Event>, Case)> {
        let rows = tx.events(head.id)?;
        self.verified(head, rows)
    }

    /// Verifies stored rows against the chain and the head, then replays them.
    fn verified(&self, head: &Head, rows: Vec<EventRow>) -> Result<(ChainHash, Vec<Event>, Case)> {
        let expected_head: ChainHash = head
            .head
            .parse()
            .map_err(|_| HistoryError::HeadMismatch { length: rows.len() })?;
        if rows.len() as u64 != head.version {
            return Err(HistoryError::HeadMismatch { length: rows.len() }.into());
        }
        let mut chained = Vec::with_capacity(rows.len());
        for (index, row) in rows.into_iter().enumerate() {
            let event = serde_json::from_str(&row.event).ok();
            let hash = row.hash.parse().ok();
            let (Some(event), Some(hash)) = (event, hash) else {
                // A row that no longer reads as JSON or as a hash was changed: the chain
                // breaks there, unless it already broke before.
                history::verify(&chained, None)?;
                return Err(HistoryError::ChainBroken { index }.into());
            };
            chained.push(ChainedEvent { event, hash });
        }
        let events = history::verified_events(chained, Some(&expected_head))?;
        let case = Case::replay_in(&self.policies, events.clone())?;
        Ok((expected_head, events, case))
    }

    /// Stores the event just applied and the case's new row.
    fn write_event(
        &self,
        tx: &mut dyn Tx,
        case: CaseId,
        expected_version: u64,
        replayed: &Case,
        events: &[Event],
        linked: &Linked,
    ) -> Result<()> {
        let row = CaseRow::of(replayed, events, linked.hash, &*self.reminders)?;
        self.write_row(tx, case, expected_version, &row, linked)
    }

    /// Stores an event and the case's new row.
    fn write_row(
        &self,
        tx: &mut dyn Tx,
        case: CaseId,
        expected_version: u64,
        row: &CaseRow,
        linked: &Linked,
    ) -> Result<()> {
        if tx.append_event(case, expected_version, &linked.at(expected_version), row)? {
            Ok(())
        } else {
            // Cannot happen while the row is locked; a database that lost the lock says so.
            Err(StoreError::Conflict {
                expected: expected_version,
                actual: expected_version + 1,
            })
        }
    }

    fn policy_at(&self, received_at: i64) -> Result<&Policy> {
        let utc = FixedOffset::east_opt(0).ok_or(StoreError::Corrupt { what: "offset" })?;
        Ok(self.policies.in_force_at(instant_at(received_at, utc)?)?)
    }

    fn office_at(&self, received_at: i64) -> Result<FixedOffset> {
        Ok(self.policy_at(received_at)?.office_offset())
    }
}

/// An event linked to the chain, as the row stores it.
struct Linked {
    text: String,
    hash: ChainHash,
    hex: String,
}

impl Linked {
    /// The event to store at position `seq`.
    fn at(&self, seq: u64) -> NewEvent {
        NewEvent {
            seq,
            text: self.text.clone(),
            hash: self.hex.clone(),
        }
    }
}

fn link(previous: &ChainHash, event: &Event) -> Linked {
    let text = canonical_json(&event.to_json_value());
    let hash = history::link_canonical(previous, &text);
    Linked {
        text,
        hex: hash.to_hex(),
        hash,
    }
}

fn registered_event(number: ComplaintNumber, at: Instant, by: Option<&str>) -> Event {
    let event = Event::new(at, complaint_office::case::payload::Registered { number });
    match by {
        Some(by) => event.by(by, ActorRole::ComplaintOffice),
        None => event,
    }
}

/// Applies a registration with the month's first number to a copy of the case, so that
/// every refusal (none depends on the serial) is found before the counter is locked; returns
/// the registered case's schedule, which does not depend on the serial either.
fn probe_registration(
    case: &Case,
    month: YearMonth,
    at: Instant,
    by: Option<&str>,
) -> Result<Schedule> {
    let mut probe = case.clone();
    probe.apply(registered_event(ComplaintNumber::first_of(month)?, at, by))?;
    Ok(probe.schedule(probe.last_event_at()))
}

/// The month's next number, decided by the library from the counter (which the database
/// has locked until the transaction ends), and the `registered` event carrying it.
fn allocate(
    tx: &mut dyn Tx,
    month: YearMonth,
    at: Instant,
    by: Option<&str>,
) -> Result<(ComplaintNumber, Event)> {
    let serial = tx.next_serial(&month.to_string())?;
    let mut sequences = NumberSequences::new();
    if serial > 1 {
        sequences.record(ComplaintNumber::new(
            month.year(),
            month.month(),
            serial - 1,
        )?);
    }
    let number = sequences.issue(month)?;
    if number.serial() != serial {
        return Err(StoreError::Corrupt { what: "serial" });
    }
    Ok((number, registered_event(number, at, by)))
}

/// A registration already stored under `key`.
fn replayed(tx: &mut dyn Tx, key: Option<&str>) -> Result<Option<Registered>> {
    let Some(key) = key else {
        return Ok(None);
    };
    let Some(found) = tx.case_by_request_key(key)? else {
        return Ok(None);
    };
    let number = number_of(found.number.as_deref())?.ok_or(StoreError::RequestKeyInUse)?;
    Ok(Some(Registered {
        case: found.id,
        number,
        version: found.version,
        replayed: true,
    }))
}

fn number_of(text: Option<&str>) -> Result<Option<ComplaintNumber>> {
    text.map(|t| {
        t.parse()
            .map_err(|_| StoreError::Corrupt { what: "number" })
    })
    .transpose()
}

fn date_of(text: Option<&str>) -> Result<Option<NaiveDate>> {
    text.map(|t| t.parse().map_err(|_| StoreError::Corrupt { what: "date" }))
        .transpose()
}
