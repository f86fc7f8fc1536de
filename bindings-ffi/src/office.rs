//! The office at work: many cases at once. The morning's worklist, the reminder job and the
//! statistics ledger, straight from the cases' own histories.
//!
//! A [`Caseload`] holds the office's cases: histories as the host stores them (JSON text, or
//! lists of [`Event`]s), replayed here, or [`Case`]s already replayed. Each case keeps its
//! position in the host's list (`index`) and the host's keys ([`CaseKeys`]), so that a
//! worklist entry, a reminder or a ledger row leads back to it; a history that cannot be
//! replayed is listed in `refused()`, never dropped silently.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use complaint_office::office as core;

use crate::case::{Case, Event, SlaState, Stage, Status};
use crate::error::{Result, guard, within};
use crate::number::ComplaintNumber;
use crate::policy::{Policy, PolicySet};
use crate::privacy::{PersonalData, Role};
use crate::stats::{Ledger, LedgerRecord};
use crate::time::{LocalDate, OffsetDateTime};
use crate::triage::Track;
use complaint_office::input::MAX_TEXT_FILE_BYTES;

pub use crate::vocabulary::Actor;

/// Who should act next on a case in `status` (a worklist entry's `act`).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn actor_for_status(status: Status) -> Result<Actor> {
    guard(|| Ok(core::Actor::for_status(status.into()).into()))
}

/// The keys a host may give a case. Neither may be personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct CaseKeys {
    /// The host's own id of the case (its record id): makes reminder ids that never change
    /// and never collide. Without it a case is known by its number, or before registration by
    /// its receipt instant.
    #[uniffi(default = None)]
    pub key: Option<String>,
    /// The complainant's key for repeat complaints: an opaque value the host derives (a keyed
    /// hash of the phone number, say). Statistics compare keys, nothing else.
    #[uniffi(default = None)]
    pub complainant_key: Option<String>,
}

impl From<CaseKeys> for core::CaseKeys {
    fn from(k: CaseKeys) -> Self {
        core::CaseKeys {
            key: k.key,
            complainant_key: k.complainant_key,
        }
    }
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

// The result records (`Refused`, `WorklistEntry`, `Worklist`, `Reminder`) and their
// conversions from the core's, generated from the core's structs by `tools/boundary`.
include!("generated/office_records.rs");

/// What a worklist shows, and to whom.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorklistOptions {
    /// Who looks (§1.3.4): only the complaint office's worklist carries the complainant's
    /// personal data; every other role's carries none.
    pub view: Role,
    /// Only the cases of this department.
    #[uniffi(default = None)]
    pub department: Option<String>,
    /// Only the cases this role should act on.
    #[uniffi(default = None)]
    pub role: Option<Actor>,
}

impl From<WorklistOptions> for core::WorklistOptions {
    fn from(o: WorklistOptions) -> Self {
        core::WorklistOptions {
            department: o.department,
            role: o.role.map(Into::into),
            ..core::WorklistOptions::new(o.view.into())
        }
    }
}

/// How many entries of each kind, by stable name.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorklistCounts {
    /// Entries on the list.
    pub total: i64,
    /// By state.
    pub by_state: std::collections::HashMap<String, i64>,
    /// By stage (entries with a running or paused clock).
    pub by_stage: std::collections::HashMap<String, i64>,
    /// By department (classified cases).
    pub by_department: std::collections::HashMap<String, i64>,
    /// By who should act.
    pub by_actor: std::collections::HashMap<String, i64>,
}

impl From<&core::WorklistCounts> for WorklistCounts {
    fn from(c: &core::WorklistCounts) -> Self {
        WorklistCounts {
            total: count(c.total),
            by_state: counts(&c.by_state),
            by_stage: counts(&c.by_stage),
            by_department: counts(&c.by_department),
            by_actor: counts(&c.by_actor),
        }
    }
}

fn counts(map: &std::collections::BTreeMap<String, u64>) -> std::collections::HashMap<String, i64> {
    map.iter().map(|(k, &v)| (k.clone(), count(v))).collect()
}

/// The office's cases: histories replayed here, or cases already replayed, each with its
/// position in the host's list and the host's keys. Cases can be added from any thread; its
/// `toString()` is `Caseload(cases=5, refused=1)`.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Caseload(Mutex<core::Caseload>);

fn arc(caseload: core::Caseload) -> Arc<Caseload> {
    Arc::new(Caseload(Mutex::new(caseload)))
}

fn events_of(events: Vec<Arc<Event>>) -> impl Iterator<Item = complaint_office::case::Event> {
    events.into_iter().map(|e| e.0.clone())
}

impl Caseload {
    fn lock(&self) -> MutexGuard<'_, core::Caseload> {
        // Adding a case is one push; a lock poisoned by a caught panic still holds a
        // consistent caseload.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[uniffi::export]
impl Caseload {
    /// An empty caseload.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        arc(core::Caseload::new())
    }

    /// Replays histories given as JSON text, the form a host stores: an array whose elements
    /// are each a case's array of events, or an object `{"key", "complainant_key", "events"}`
    /// (the keys optional). An element that is neither, or whose events cannot be read or
    /// replayed, is listed in `refused()` with its index.
    ///
    /// # Errors
    /// `office.invalid_caseload` when the text is not a JSON array (nesting deeper than the
    /// JSON parser's limit included); `input.too_large` over 64 MiB of text.
    #[uniffi::constructor]
    pub fn from_json(policy: Arc<Policy>, json: String) -> Result<Arc<Self>> {
        within(json.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| {
            let value: serde_json::Value =
                serde_json::from_str(&json).map_err(|_| core::OfficeError::InvalidCaseload)?;
            Ok(arc(core::Caseload::from_json_value(&policy.0, value)?))
        })
    }

    /// The same as [`Self::from_json`]: histories as a host stores them, as JSON text (the
    /// name the other bindings use).
    ///
    /// # Errors
    /// As [`Self::from_json`].
    #[uniffi::constructor]
    pub fn from_histories(policy: Arc<Policy>, json: String) -> Result<Arc<Self>> {
        Self::from_json(policy, json)
    }

    /// Replays every history (each a list of events) under `policy`; a history that is
    /// refused is listed in `refused()` with its index.
    ///
    /// # Errors
    /// Only `internal.panic`.
    #[uniffi::constructor]
    pub fn replay(policy: Arc<Policy>, histories: Vec<Vec<Arc<Event>>>) -> Result<Arc<Self>> {
        guard(|| {
            Ok(arc(core::Caseload::replay(
                &policy.0,
                histories.into_iter().map(events_of),
            )))
        })
    }

    /// Replays every history under the policy in force when its complaint was received
    /// (`case.no_policy` in `refused()` when none is).
    ///
    /// # Errors
    /// Only `internal.panic`.
    #[uniffi::constructor]
    pub fn replay_in(
        policies: Arc<PolicySet>,
        histories: Vec<Vec<Arc<Event>>>,
    ) -> Result<Arc<Self>> {
        guard(|| {
            Ok(arc(core::Caseload::replay_in(
                &policies.0,
                histories.into_iter().map(events_of),
            )))
        })
    }

    /// A caseload of cases already replayed (each copied as it stands now), indexed by their
    /// position in `cases`.
    ///
    /// # Errors
    /// Only `internal.panic`.
    #[uniffi::constructor]
    pub fn from_cases(cases: Vec<Arc<Case>>) -> Result<Arc<Self>> {
        guard(|| {
            let mut caseload = core::Caseload::new();
            for case in cases {
                caseload.push(case.lock().clone());
            }
            Ok(arc(caseload))
        })
    }

    /// Adds a replayed case (a copy of it as it stands now) with the host's keys; returns its
    /// index.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn push(&self, case: Arc<Case>, keys: CaseKeys) -> Result<i64> {
        guard(|| {
            let case = case.lock().clone();
            Ok(int(self.lock().push_keyed(case, keys.into())))
        })
    }

    /// Replays a history under `policy` and adds the case, or lists the history as refused;
    /// returns its index either way.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn push_history(
        &self,
        policy: Arc<Policy>,
        events: Vec<Arc<Event>>,
        keys: CaseKeys,
    ) -> Result<i64> {
        guard(|| {
            Ok(int(self.lock().push_history(
                &policy.0,
                events_of(events),
                keys.into(),
            )))
        })
    }

    /// The number of cases (refused histories not counted).
    pub fn len(&self) -> i64 {
        int(self.lock().len())
    }

    /// Whether there is no case.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// The indices of the cases, in the order added.
    pub fn indices(&self) -> Vec<i64> {
        self.lock().cases().map(|(i, _)| int(i)).collect()
    }

    /// A copy of the case at `index`, if it was replayed.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn get(&self, index: i64) -> Result<Option<Arc<Case>>> {
        guard(|| {
            let Ok(index) = usize::try_from(index) else {
                return Ok(None);
            };
            Ok(self.lock().get(index).cloned().map(crate::case::arc))
        })
    }

    /// The histories that could not be replayed, in order.
    pub fn refused(&self) -> Vec<Refused> {
        self.lock().refused().iter().map(Into::into).collect()
    }

    /// The worklist at `now`: every open case once, in working order, with the view's
    /// personal data (§1.3.4).
    ///
    /// # Errors
    /// `time.*` for an instant the library cannot read.
    pub fn worklist(&self, now: OffsetDateTime, options: WorklistOptions) -> Result<Worklist> {
        guard(|| Ok((&self.lock().worklist(now, &options.into())).into()))
    }

    /// The reminders with an instant in `[from, to)`, sorted by instant: a scheduler that asks
    /// for consecutive windows gets each reminder exactly once, whatever the windows' sizes.
    ///
    /// # Errors
    /// `office.invalid_window` when `to` is before `from`.
    pub fn reminders(&self, from: OffsetDateTime, to: OffsetDateTime) -> Result<Vec<Reminder>> {
        guard(|| {
            Ok(self
                .lock()
                .reminders(from, to)?
                .iter()
                .map(Into::into)
                .collect())
        })
    }

    /// The statistics ledger of the cases judged as of `now`: one row per numbered case (its
    /// line the case's index plus one), with the case columns the report's office indicators
    /// come from; refused histories and cases not yet numbered are its rejected rows.
    ///
    /// # Errors
    /// `time.*` for an instant the library cannot read.
    pub fn ledger(&self, now: OffsetDateTime) -> Result<Arc<Ledger>> {
        guard(|| Ok(Arc::new(Ledger(self.lock().ledger(now)))))
    }

    /// The ledger rows of the numbered cases, judged at `now`, as records (for a CSV export,
    /// or a ledger of another system's rows and these together).
    ///
    /// # Errors
    /// `time.*` for an instant the library cannot read.
    pub fn records(&self, now: OffsetDateTime) -> Result<Vec<LedgerRecord>> {
        guard(|| {
            Ok(self
                .lock()
                .records(now)
                .into_iter()
                .map(Into::into)
                .collect())
        })
    }
}

/// `Caseload(cases=5, refused=1)`: Kotlin's `toString()`.
impl std::fmt::Display for Caseload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let caseload = self.lock();
        write!(
            f,
            "Caseload(cases={}, refused={})",
            caseload.len(),
            caseload.refused().len()
        )
    }
}
