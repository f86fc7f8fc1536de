//! Tamper-evident histories (§6.1.2): each stored event chained to the one before it by a
//! SHA-256 hash of its canonical JSON, verified before a stored history is replayed.
//!
//! A store keeps each event as JSON text with its hash ([`ChainedEvent`]) and the head with the
//! case. The events cross as the JSON text the store holds, not as [`Event`] objects: a
//! tampered row may no longer be an event at all, and must still be reported as a broken
//! chain at its index rather than as an unreadable event.

use std::sync::Arc;

use complaint_office::case::CaseError;
use complaint_office::history as core;
use serde_json::Value;

use crate::case::{self, Case, Event};
use crate::error::{Result, guard};
use crate::policy::{Policy, PolicySet};

/// A link of the chain: a SHA-256 hash, written as 64 lowercase hexadecimal digits (also its
/// `toString()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Object)]
#[uniffi::export(Display, Eq, Hash)]
pub struct ChainHash(core::ChainHash);

impl std::fmt::Display for ChainHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

fn hash(h: core::ChainHash) -> Arc<ChainHash> {
    Arc::new(ChainHash(h))
}

#[uniffi::export]
impl ChainHash {
    /// Reads 64 hexadecimal digits, in either case.
    ///
    /// # Errors
    /// `history.invalid_hash` for anything else.
    #[uniffi::constructor]
    pub fn from_hex(text: String) -> Result<Arc<Self>> {
        guard(|| Ok(hash(core::ChainHash::from_hex(&text)?)))
    }

    /// The hash before the first event, and the head of an empty history: 64 `0`s.
    #[uniffi::constructor]
    pub fn genesis() -> Arc<Self> {
        hash(core::ChainHash::GENESIS)
    }

    /// The 64 lowercase hexadecimal digits.
    pub fn to_hex(&self) -> String {
        self.0.to_hex()
    }
}

/// One event of a chained history as a store keeps it: the event as JSON text and its hash.
/// Its `toString()` shows the hash only (the event holds personal data).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct ChainedEvent {
    /// The event as JSON text. [`chain_history`] and [`link_event`] give its canonical JSON,
    /// the text to store; a stored copy may differ in key order and spacing (a `jsonb`
    /// column), since the canonical form is what is hashed.
    pub event: String,
    /// Its link: the hash over the previous link and the event's canonical JSON.
    pub hash: Arc<ChainHash>,
}

impl std::fmt::Debug for ChainedEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChainedEvent")
            .field("hash", &self.hash.0)
            .finish_non_exhaustive()
    }
}

fn chained(linked: &core::ChainedEvent) -> ChainedEvent {
    ChainedEvent {
        event: linked.canonical(),
        hash: hash(linked.hash),
    }
}

/// Reads JSON text (bounded: nesting deeper than the JSON parser's limit is refused like any
/// other text that is not JSON).
fn json_value(text: &str) -> Result<Value, CaseError> {
    serde_json::from_str(text).map_err(|_| CaseError::invalid_event("(event)", "not JSON text"))
}

/// The stored history in the core's form; an event that is not JSON text is
/// `case.invalid_event` at its index.
fn stored(history: Vec<ChainedEvent>) -> Result<Vec<core::ChainedEvent>> {
    history
        .into_iter()
        .enumerate()
        .map(|(index, e)| {
            let event = json_value(&e.event).map_err(|source| CaseError::AtEvent {
                index,
                source: Box::new(source),
            })?;
            Ok(core::ChainedEvent {
                event,
                hash: e.hash.0,
            })
        })
        .collect()
}

fn head_of(head: Option<Arc<ChainHash>>) -> Option<core::ChainHash> {
    head.map(|h| h.0)
}

/// The canonical JSON of a JSON text: no whitespace outside strings, keys sorted by code
/// point at every depth, a fixed set of string escapes (what the chain hashes).
///
/// # Errors
/// `case.invalid_event` when the text is not JSON.
#[uniffi::export]
pub fn canonical_json(json: String) -> Result<String> {
    guard(|| Ok(core::canonical_json(&json_value(&json)?)))
}

/// Links a whole history from the start: each event as its canonical JSON with its chained
/// hash, the form to store.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn chain_history(events: Vec<Arc<Event>>) -> Result<Vec<ChainedEvent>> {
    guard(|| {
        Ok(core::chain(events.iter().map(|e| &e.0))
            .iter()
            .map(chained)
            .collect())
    })
}

/// Links one event after `previous` (the head of the history so far, or
/// `ChainHash.genesis()` for the first event): what a store appends.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn link_event(previous: Arc<ChainHash>, event: Arc<Event>) -> Result<ChainedEvent> {
    guard(|| Ok(chained(&core::link(&previous.0, &event.0))))
}

/// The head of a chained history: its last hash, or the genesis hash when empty.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn history_head(history: Vec<ChainedEvent>) -> Result<Arc<ChainHash>> {
    guard(|| {
        Ok(history
            .last()
            .map_or_else(ChainHash::genesis, |e| Arc::clone(&e.hash)))
    })
}

/// Recomputes the chain of a stored history and returns its head. With `expectedHead` (the
/// head the store keeps with the case) the chain must also end there; without it, a history
/// cut short at the end cannot be told from a shorter one.
///
/// # Errors
/// `history.chain_broken` with the index of the first event that does not link (an edit, a
/// swap, an insertion or deletion); `history.head_mismatch` with the number of events read
/// when the intact chain ends elsewhere; `case.invalid_event` with its index for an event
/// that is not JSON text.
#[uniffi::export]
pub fn verify_history(
    history: Vec<ChainedEvent>,
    expected_head: Option<Arc<ChainHash>>,
) -> Result<Arc<ChainHash>> {
    guard(|| {
        let stored = stored(history)?;
        Ok(hash(core::verify(
            &stored,
            head_of(expected_head).as_ref(),
        )?))
    })
}

/// Verifies a stored history, then reads its events: for a host that needs the events as well
/// as the case.
///
/// # Errors
/// As [`verify_history`]; then the index and code of an intact event that does not read.
#[uniffi::export]
pub fn verified_events(
    history: Vec<ChainedEvent>,
    expected_head: Option<Arc<ChainHash>>,
) -> Result<Vec<Arc<Event>>> {
    guard(|| {
        let events = core::verified_events(stored(history)?, head_of(expected_head).as_ref())?;
        Ok(events.into_iter().map(|e| Arc::new(Event(e))).collect())
    })
}

/// Verifies a stored history, then rebuilds its case under `policy`. The whole chain is
/// checked before any event is read, so a tampered history is reported as such even when the
/// edit also makes an event invalid.
///
/// # Errors
/// As [`verify_history`]; then the code, clause and index of the first refused event.
#[uniffi::export]
pub fn replay_verified(
    policy: Arc<Policy>,
    history: Vec<ChainedEvent>,
    expected_head: Option<Arc<ChainHash>>,
) -> Result<Arc<Case>> {
    guard(|| {
        let case =
            core::replay_verified(&policy.0, stored(history)?, head_of(expected_head).as_ref())?;
        Ok(case::arc(case))
    })
}

/// As [`replay_verified`], under the policy in force when the complaint was received.
///
/// # Errors
/// As [`replay_verified`]; `case.no_policy` when no policy is in force then.
#[uniffi::export]
pub fn replay_verified_in(
    policies: Arc<PolicySet>,
    history: Vec<ChainedEvent>,
    expected_head: Option<Arc<ChainHash>>,
) -> Result<Arc<Case>> {
    guard(|| {
        let case = core::replay_verified_in(
            &policies.0,
            stored(history)?,
            head_of(expected_head).as_ref(),
        )?;
        Ok(case::arc(case))
    })
}
