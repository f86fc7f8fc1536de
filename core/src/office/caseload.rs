//! The caseload: the office's cases, each with its place in the host's list and the keys the
//! host gives it.

use std::collections::HashSet;
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::OfficeError;
use crate::case::{Case, CaseError, Event};
use crate::error::ErrorCode;
use crate::policy::{Policy, PolicySet};

/// The keys a host may give a case (neither may be personal data).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseKeys {
    /// The host's own id of the case (its record id): makes reminder ids that never change
    /// and never collide. Without it a case is known by its number, or before registration
    /// by its receipt instant.
    pub key: Option<String>,
    /// The complainant's key for repeat complaints: an opaque value the host derives (a keyed
    /// hash of the phone number, say). Statistics compare keys, nothing else.
    pub complainant_key: Option<String>,
}

/// A history that could not be replayed: where it is and why, never what it says.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Refused {
    /// Its position in the host's list (0-based).
    pub index: usize,
    /// The host's key of the case, if given.
    pub key: Option<String>,
    /// The error's code (`case.transition_not_allowed`, …).
    #[cfg_attr(feature = "schema", schemars(with = "crate::error::CodeText"))]
    pub code: &'static str,
    /// The clause behind it, if any.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::error::ClauseText>")
    )]
    pub clause: Option<&'static str>,
    /// The position of the refused event in the history (0-based), if an event was refused.
    pub event: Option<usize>,
}

impl Refused {
    fn of(index: usize, key: Option<String>, e: &CaseError) -> Self {
        Refused {
            index,
            key,
            code: e.code(),
            clause: e.clause(),
            event: e.index(),
        }
    }
}

/// A case's history with the host's keys, in JSON.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Keyed {
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    complainant_key: Option<String>,
    events: Vec<Value>,
}

/// One case of the caseload, as the office's functions see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item<'a> {
    pub(crate) index: usize,
    pub(crate) case: &'a Case,
    pub(crate) key: Option<&'a str>,
    pub(crate) complainant_key: Option<&'a str>,
    /// The texts a worklist entry shares with the case, when it is kept in a caseload (a
    /// plain slice of cases has none: each entry copies them).
    pub(crate) shared: Option<&'a Shared>,
    /// What the office's functions worked out once about the case, when it is kept in a
    /// caseload (a plain slice of cases has none: each call works it out afresh).
    pub(crate) prepared: Option<&'a Prepared>,
}

/// What does not depend on the instant asked about, worked out for a case the first time a
/// function needs it and kept with the case (which a caseload never changes): each running
/// clock's due instant and last day for the worklist, the reminder ladder's instants, the
/// ledger row's time limits. Each call then only compares instants with `now` (and works out
/// the states of the clocks still running).
#[derive(Debug, Clone, Default)]
pub(crate) struct Prepared {
    pub(crate) worklist: OnceLock<super::worklist::Prepared>,
    pub(crate) reminders: OnceLock<super::reminders::Prepared>,
    pub(crate) ledger: OnceLock<super::ledger::Prepared>,
}

/// The value a function keeps in `cell` (working it out the first time), or, without a
/// cell, worked out for this call only.
pub(crate) fn prepared<T, R>(
    cell: Option<&OnceLock<T>>,
    make: impl FnOnce() -> T,
    then: impl FnOnce(&T) -> R,
) -> R {
    match cell {
        Some(cell) => then(cell.get_or_init(make)),
        None => then(&make()),
    }
}

/// A case's texts that every worklist entry of it shares instead of copying: the host's key,
/// and the department's and category's names, one per name in the caseload.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shared {
    pub(crate) key: Option<Arc<str>>,
    pub(crate) department: Option<Arc<str>>,
    pub(crate) category: Option<Arc<str>>,
}

#[derive(Debug, Clone)]
struct Loaded {
    index: usize,
    case: Case,
    shared: Shared,
    complainant_key: Option<String>,
    prepared: Prepared,
}

/// The office's cases: already replayed cases, or histories replayed here. Each keeps its
/// position in the host's list (`index`), so a worklist entry, a reminder or a ledger row
/// leads back to it; a history that cannot be replayed is listed in
/// [`Caseload::refused`], never dropped silently.
///
/// ```
/// use complaint_office::case::Event;
/// use complaint_office::office::Caseload;
/// use complaint_office::policy::Policy;
///
/// let history = [r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
///     "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "…"}"#];
/// let events: Vec<Event> = history.iter().map(|e| Event::from_json_str(e)).collect::<Result<_, _>>()?;
/// let broken = vec![events[0].clone(), events[0].clone()]; // received twice
/// let caseload = Caseload::replay(&Policy::default(), [events, broken]);
/// assert_eq!(caseload.len(), 1);
/// assert_eq!(caseload.refused()[0].index, 1);
/// assert_eq!(caseload.refused()[0].code, "case.not_received_first");
/// # Ok::<(), complaint_office::case::CaseError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Caseload {
    cases: Vec<Loaded>,
    refused: Vec<Refused>,
    next: usize,
    /// The department and category names of the cases, each once.
    names: HashSet<Arc<str>>,
    /// Each case's rank in queue order (see `worklist::queue_ranks`), worked out by the first
    /// worklist and forgotten when a case is added.
    ranks: OnceLock<Box<[u64]>>,
}

impl Caseload {
    /// An empty caseload.
    pub fn new() -> Self {
        Caseload::default()
    }

    /// Adds a replayed case; returns its index.
    pub fn push(&mut self, case: Case) -> usize {
        self.push_keyed(case, CaseKeys::default())
    }

    /// Adds a replayed case with the host's keys; returns its index.
    pub fn push_keyed(&mut self, case: Case, keys: CaseKeys) -> usize {
        let index = self.next;
        self.next += 1;
        let shared = Shared {
            key: keys.key.map(Arc::from),
            department: intern(&mut self.names, case.department()),
            category: intern(&mut self.names, case.category()),
        };
        self.cases.push(Loaded {
            index,
            case,
            shared,
            complainant_key: keys.complainant_key,
            prepared: Prepared::default(),
        });
        self.ranks = OnceLock::new();
        index
    }

    /// Replays a history under `policy` and adds the case, or lists the history as refused;
    /// returns its index either way.
    pub fn push_history<I>(&mut self, policy: &Policy, events: I, keys: CaseKeys) -> usize
    where
        I: IntoIterator<Item = Event>,
    {
        let replayed = Case::replay(policy, events);
        self.add_replayed(replayed, keys)
    }

    fn add_replayed(&mut self, replayed: Result<Case, CaseError>, keys: CaseKeys) -> usize {
        match replayed {
            Ok(case) => self.push_keyed(case, keys),
            Err(e) => {
                let index = self.next;
                self.next += 1;
                self.refused.push(Refused::of(index, keys.key, &e));
                index
            }
        }
    }

    /// Replays every history under `policy`.
    pub fn replay<H, I>(policy: &Policy, histories: H) -> Self
    where
        H: IntoIterator<Item = I>,
        I: IntoIterator<Item = Event>,
    {
        let mut caseload = Caseload::new();
        for events in histories {
            caseload.push_history(policy, events, CaseKeys::default());
        }
        caseload
    }

    /// Replays every history under the policy in force when its complaint was received.
    pub fn replay_in<H, I>(policies: &PolicySet, histories: H) -> Self
    where
        H: IntoIterator<Item = I>,
        I: IntoIterator<Item = Event>,
    {
        let mut caseload = Caseload::new();
        for events in histories {
            let replayed = Case::replay_in(policies, events);
            caseload.add_replayed(replayed, CaseKeys::default());
        }
        caseload
    }

    /// Replays histories given as JSON, the form a host stores: an array whose elements are
    /// each a case's array of events, or an object `{"key", "complainant_key", "events"}`
    /// (the keys optional). An element that is neither, or whose events cannot be read or
    /// replayed, is listed in [`Caseload::refused`].
    ///
    /// # Errors
    /// [`OfficeError::InvalidCaseload`] when `value` is not an array.
    pub fn from_json_value(policy: &Policy, value: Value) -> Result<Self, OfficeError> {
        let Value::Array(elements) = value else {
            return Err(OfficeError::InvalidCaseload);
        };
        let mut caseload = Caseload::new();
        for element in elements {
            let (keys, events) = match element {
                Value::Array(events) => (CaseKeys::default(), Ok(events)),
                object @ Value::Object(_) => match serde_json::from_value::<Keyed>(object) {
                    Ok(k) => (
                        CaseKeys {
                            key: k.key,
                            complainant_key: k.complainant_key,
                        },
                        Ok(k.events),
                    ),
                    Err(_) => (CaseKeys::default(), Err(())),
                },
                _ => (CaseKeys::default(), Err(())),
            };
            let replayed = events
                .map_err(|()| {
                    CaseError::invalid_event(
                        "(case)",
                        "expected an array of events or {key, complainant_key, events}",
                    )
                })
                .and_then(|events| {
                    let events = events
                        .into_iter()
                        .enumerate()
                        .map(|(index, v)| {
                            Event::from_json_value(v).map_err(|e| CaseError::AtEvent {
                                index,
                                source: Box::new(e),
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    Case::replay(policy, events)
                });
            caseload.add_replayed(replayed, keys);
        }
        Ok(caseload)
    }

    /// The number of cases (refused histories not counted).
    pub fn len(&self) -> usize {
        self.cases.len()
    }

    /// Whether there is no case.
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// The cases with their indices, in the order added.
    pub fn cases(&self) -> impl Iterator<Item = (usize, &Case)> {
        self.cases.iter().map(|l| (l.index, &l.case))
    }

    /// The case at `index`, if it was replayed.
    pub fn get(&self, index: usize) -> Option<&Case> {
        self.cases
            .binary_search_by_key(&index, |l| l.index)
            .ok()
            .and_then(|i| self.cases.get(i))
            .map(|l| &l.case)
    }

    /// The histories that could not be replayed, in order.
    pub fn refused(&self) -> &[Refused] {
        &self.refused
    }

    pub(crate) fn items(&self) -> impl Iterator<Item = Item<'_>> + Clone {
        self.cases.iter().map(|l| Item {
            index: l.index,
            case: &l.case,
            key: l.shared.key.as_deref(),
            complainant_key: l.complainant_key.as_deref(),
            shared: Some(&l.shared),
            prepared: Some(&l.prepared),
        })
    }

    /// The cases' ranks in queue order, once worked out.
    pub(crate) fn ranks(&self) -> &OnceLock<Box<[u64]>> {
        &self.ranks
    }
}

/// The caseload's one copy of `name`.
fn intern(names: &mut HashSet<Arc<str>>, name: Option<&str>) -> Option<Arc<str>> {
    let name = name?;
    if let Some(shared) = names.get(name) {
        return Some(Arc::clone(shared));
    }
    let shared: Arc<str> = Arc::from(name);
    names.insert(Arc::clone(&shared));
    Some(shared)
}

/// The items of a plain slice of cases: indices are positions, no keys.
pub(crate) fn items_of(cases: &[Case]) -> impl Iterator<Item = Item<'_>> + Clone {
    cases.iter().enumerate().map(|(index, case)| Item {
        index,
        case,
        key: None,
        complainant_key: None,
        shared: None,
        prepared: None,
    })
}
