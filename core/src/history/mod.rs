//! Tamper-evident histories (§6.1.2: records complete and traceable): every stored event
//! carries a hash chained over the one before it, so that an event edited, reordered, inserted
//! or deleted after the fact is found when the history is read back.
//!
//! The chain, version 1, in terms a host in any language can reproduce:
//!
//! ```text
//! canonical_i = canonical JSON of event i as the library writes it (Event::to_json_value)
//! hash_0      = SHA-256( 32 zero bytes  ||  UTF-8 bytes of canonical_0 )
//! hash_i      = SHA-256( hash_(i-1) (32 bytes)  ||  UTF-8 bytes of canonical_i )
//! head        = hash of the last event (32 zero bytes, [`ChainHash::GENESIS`], when empty)
//! ```
//!
//! Hashes are written as 64 lowercase hexadecimal digits. The canonical JSON is defined in
//! [`canonical_json`]: sorted keys, no whitespace, a fixed set of string escapes. A store keeps
//! each event (as JSON, any key order or spacing) with its hash, and the head with the case;
//! [`verify`] recomputes the chain and compares it with both:
//!
//! - an edited event changes its own hash: the chain breaks at its index;
//! - two events swapped break it at the first of them, an inserted or deleted event at its
//!   position ([`HistoryError::ChainBroken`], `history.chain_broken`);
//! - events missing at the end (or added after it) leave a chain that ends elsewhere than the
//!   head the store keeps ([`HistoryError::HeadMismatch`], `history.head_mismatch`).
//!
//! The chain makes edits *evident*, it does not make them impossible: someone able to rewrite
//! every hash and the head as well is caught only if the head is also kept out of their reach
//! (a daily digest of heads sent elsewhere, a second database).
//!
//! ```
//! use complaint_office::case::Event;
//! use complaint_office::history::{self, ChainHash, HistoryError};
//! use complaint_office::policy::Policy;
//! use complaint_office::ErrorCode;
//!
//! let events = [
//!     r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
//!         "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
//!         "content": "The replacement part broke again."}"#,
//!     r#"{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"#,
//! ];
//! let events = events.iter().map(|e| Event::from_json_str(e)).collect::<Result<Vec<_>, _>>()?;
//!
//! // What a store writes: each event with its hash, and the head with the case.
//! let mut stored = history::chain(&events);
//! let head = history::head(&stored);
//! let case = history::replay_verified(&Policy::default(), stored.clone(), Some(&head))?;
//! assert_eq!(case.status().as_str(), "registered");
//!
//! // Someone edits the first event in the database.
//! stored[0].event["channel"] = "email".into();
//! let err = history::verify(&stored, Some(&head)).unwrap_err();
//! assert_eq!((err.code(), err.index()), ("history.chain_broken", Some(0)));
//!
//! // Someone deletes the last event.
//! let truncated = history::chain(&events[..1]);
//! let err = history::verify(&truncated, Some(&head)).unwrap_err();
//! assert_eq!((err.code(), err.index()), ("history.head_mismatch", Some(1)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod canonical;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use canonical::canonical_json;

use crate::case::{Case, CaseError, Event};
use crate::error::ErrorCode;
use crate::policy::{Policy, PolicySet};

const CLAUSE: &str = "§6.1.2";

/// Why a stored history cannot be trusted or rebuilt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// The event at `index` does not hash to its stored hash over the one before it: it, or
    /// its position, was changed after it was written.
    #[error("the history's hash chain breaks at event {index}")]
    ChainBroken {
        /// The position (0-based) of the first event that does not link.
        index: usize,
    },
    /// The chain is intact but does not end at the head the store keeps: events are missing
    /// at the end, or were added after it.
    #[error("the history does not end at the head kept for it (chain of {length} events)")]
    HeadMismatch {
        /// The number of events read: where the chain should have ended.
        length: usize,
    },
    /// A hash that is not 64 hexadecimal digits.
    #[error("invalid chain hash: expected 64 hexadecimal digits")]
    InvalidHash,
    /// The chain is intact but an event is refused when the case is rebuilt (the code is the
    /// case's own, with the event's index).
    #[error(transparent)]
    Case(#[from] CaseError),
}

impl HistoryError {
    /// Where the history breaks: the index of the first event that does not link, the length
    /// of a chain that ends elsewhere than its head, or the index of the refused event.
    pub fn index(&self) -> Option<usize> {
        match self {
            HistoryError::ChainBroken { index } => Some(*index),
            HistoryError::HeadMismatch { length } => Some(*length),
            HistoryError::InvalidHash => None,
            HistoryError::Case(e) => e.index(),
        }
    }
}

impl ErrorCode for HistoryError {
    fn code(&self) -> &'static str {
        match self {
            HistoryError::ChainBroken { .. } => "history.chain_broken",
            HistoryError::HeadMismatch { .. } => "history.head_mismatch",
            HistoryError::InvalidHash => "history.invalid_hash",
            HistoryError::Case(e) => e.code(),
        }
    }

    fn clause(&self) -> Option<&'static str> {
        match self {
            HistoryError::ChainBroken { .. } | HistoryError::HeadMismatch { .. } => Some(CLAUSE),
            HistoryError::InvalidHash => None,
            HistoryError::Case(e) => e.clause(),
        }
    }

    fn index(&self) -> Option<usize> {
        HistoryError::index(self)
    }

    fn key(&self) -> Option<&str> {
        match self {
            HistoryError::Case(e) => e.key(),
            _ => None,
        }
    }
}

/// A link of the chain: a SHA-256 hash, written as 64 lowercase hexadecimal digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChainHash([u8; 32]);

impl ChainHash {
    /// The hash before the first event: 32 zero bytes.
    pub const GENESIS: ChainHash = ChainHash([0; 32]);

    /// A hash from its 32 bytes.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        ChainHash(bytes)
    }

    /// The 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The 64 lowercase hexadecimal digits (as `Display` writes them).
    pub fn to_hex(&self) -> String {
        self.to_string()
    }

    /// Reads 64 hexadecimal digits (either case).
    ///
    /// # Errors
    /// [`HistoryError::InvalidHash`] for anything else.
    pub fn from_hex(text: &str) -> Result<Self, HistoryError> {
        let text = text.as_bytes();
        if text.len() != 64 {
            return Err(HistoryError::InvalidHash);
        }
        let mut bytes = [0u8; 32];
        for (byte, pair) in bytes.iter_mut().zip(text.chunks_exact(2)) {
            *byte = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
        }
        Ok(ChainHash(bytes))
    }
}

fn hex_digit(c: u8) -> Result<u8, HistoryError> {
    match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        _ => Err(HistoryError::InvalidHash),
    }
}

impl fmt::Display for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Debug for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChainHash({self})")
    }
}

impl FromStr for ChainHash {
    type Err = HistoryError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ChainHash::from_hex(text)
    }
}

impl Serialize for ChainHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for ChainHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        ChainHash::from_hex(&text).map_err(serde::de::Error::custom)
    }
}

/// One event of a chained history as a store keeps it: the event as JSON and its hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainedEvent {
    /// The event as JSON (the form [`Event::to_json_value`] writes; key order and spacing of
    /// a stored copy do not matter, its canonical form is what is hashed).
    pub event: Value,
    /// Its link: the hash over the previous link and its canonical JSON.
    pub hash: ChainHash,
}

impl ChainedEvent {
    /// The event's canonical JSON: the text to store when the store keeps text.
    pub fn canonical(&self) -> String {
        canonical_json(&self.event)
    }
}

/// The link after `previous` for an event whose canonical JSON is `canonical`:
/// SHA-256 of the previous hash's 32 bytes followed by the text's UTF-8 bytes.
pub fn link_canonical(previous: &ChainHash, canonical: &str) -> ChainHash {
    let mut hasher = Sha256::new();
    hasher.update(previous.0);
    hasher.update(canonical.as_bytes());
    ChainHash(hasher.finalize().into())
}

/// Links `event` after `previous` (the head of the history so far, or
/// [`ChainHash::GENESIS`] for the first event).
pub fn link(previous: &ChainHash, event: &Event) -> ChainedEvent {
    let event = event.to_json_value();
    let hash = link_canonical(previous, &canonical_json(&event));
    ChainedEvent { event, hash }
}

/// Links a whole history from the start.
pub fn chain<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<ChainedEvent> {
    let mut previous = ChainHash::GENESIS;
    events
        .into_iter()
        .map(|event| {
            let linked = link(&previous, event);
            previous = linked.hash;
            linked
        })
        .collect()
}

/// The head of a chained history: its last hash, or [`ChainHash::GENESIS`] when empty.
pub fn head(history: &[ChainedEvent]) -> ChainHash {
    history.last().map_or(ChainHash::GENESIS, |e| e.hash)
}

/// Recomputes the chain of a stored history and returns its head.
///
/// With `expected_head` (the head the store keeps with the case), the chain must also end
/// there; without it, a history cut short at the end cannot be told from a shorter one.
///
/// # Errors
/// [`HistoryError::ChainBroken`] with the index of the first event that does not link;
/// [`HistoryError::HeadMismatch`] when the intact chain does not end at `expected_head`.
pub fn verify(
    history: &[ChainedEvent],
    expected_head: Option<&ChainHash>,
) -> Result<ChainHash, HistoryError> {
    let mut previous = ChainHash::GENESIS;
    for (index, stored) in history.iter().enumerate() {
        let hash = link_canonical(&previous, &canonical_json(&stored.event));
        if hash != stored.hash {
            return Err(HistoryError::ChainBroken { index });
        }
        previous = hash;
    }
    match expected_head {
        Some(head) if *head != previous => Err(HistoryError::HeadMismatch {
            length: history.len(),
        }),
        _ => Ok(previous),
    }
}

/// Verifies a stored history ([`verify`]), then rebuilds its case under `policy`
/// ([`Case::replay`]). The whole chain is checked before any event is read, so a tampered
/// history is reported as such even when the edit also makes an event invalid.
///
/// # Errors
/// As [`verify`]; then [`HistoryError::Case`] with the first refused event's error and index.
pub fn replay_verified(
    policy: &Policy,
    history: Vec<ChainedEvent>,
    expected_head: Option<&ChainHash>,
) -> Result<Case, HistoryError> {
    Ok(Case::replay(
        policy,
        verified_events(history, expected_head)?,
    )?)
}

/// As [`replay_verified`], under the policy in force when the complaint was received
/// ([`Case::replay_in`]).
///
/// # Errors
/// As [`replay_verified`]; `case.no_policy` when no policy is in force then.
pub fn replay_verified_in(
    policies: &PolicySet,
    history: Vec<ChainedEvent>,
    expected_head: Option<&ChainHash>,
) -> Result<Case, HistoryError> {
    Ok(Case::replay_in(
        policies,
        verified_events(history, expected_head)?,
    )?)
}

/// Verifies a stored history ([`verify`]) and reads its events: for a host that needs the
/// events as well as the case it replays from them.
///
/// # Errors
/// As [`verify`]; then [`HistoryError::Case`] with `case.invalid_event` or
/// `case.unknown_event` and the index of an intact event that does not read.
pub fn verified_events(
    history: Vec<ChainedEvent>,
    expected_head: Option<&ChainHash>,
) -> Result<Vec<Event>, HistoryError> {
    verify(&history, expected_head)?;
    Ok(history
        .into_iter()
        .enumerate()
        .map(|(index, stored)| {
            Event::from_json_value(stored.event).map_err(|e| CaseError::AtEvent {
                index,
                source: Box::new(e),
            })
        })
        .collect::<Result<Vec<_>, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events() -> Vec<Event> {
        [
            r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
                "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
                "content": "The part broke."}"#,
            r#"{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"#,
            r#"{"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}"#,
            r#"{"type": "assessed", "at": "2025-09-26T13:00:00+08:00", "severity": "general",
                "urgency": "normal", "complexity": "simple"}"#,
        ]
        .iter()
        .map(|e| Event::from_json_str(e).unwrap())
        .collect()
    }

    fn broken_at(history: &[ChainedEvent], head: &ChainHash) -> (&'static str, Option<usize>) {
        let e = verify(history, Some(head)).unwrap_err();
        (e.code(), e.index())
    }

    #[test]
    fn the_first_link_is_sha256_of_zeros_and_the_canonical_text() {
        let event = &events()[1];
        let canonical = canonical_json(&event.to_json_value());
        assert_eq!(
            canonical,
            r#"{"at":"2025-09-26T11:00:00+08:00","number":"25090001","type":"registered"}"#
        );
        // Also computed with Python: hashlib.sha256(bytes(32) + text.encode()).hexdigest().
        let mut input = vec![0u8; 32];
        input.extend_from_slice(canonical.as_bytes());
        let expected: [u8; 32] = Sha256::digest(&input).into();
        assert_eq!(link(&ChainHash::GENESIS, event).hash.as_bytes(), &expected);
        assert_eq!(
            link(&ChainHash::GENESIS, event).hash.to_hex(),
            "019ef0bea7cf9a487d767189d1427620f99a902658a918057d7a55df227c9aa3"
        );
    }

    #[test]
    fn the_shared_error_interface_gives_the_index_a_binding_reads() {
        let mut history = chain(&events());
        let head = head(&history);
        history.swap(1, 2);
        let e = verify(&history, Some(&head)).unwrap_err();
        let shared: &dyn ErrorCode = &e;
        assert_eq!(shared.index(), Some(1));
        assert_eq!(shared.index(), e.index());
        let short = &chain(&events())[..3];
        let e = verify(short, Some(&head)).unwrap_err();
        assert_eq!(
            (e.code(), (&e as &dyn ErrorCode).index()),
            ("history.head_mismatch", Some(3))
        );
    }

    #[test]
    fn an_intact_history_verifies_to_its_head() {
        let history = chain(&events());
        let head = head(&history);
        assert_eq!(verify(&history, Some(&head)).unwrap(), head);
        assert_eq!(verify(&history, None).unwrap(), head);
        assert_eq!(verify(&[], None).unwrap(), ChainHash::GENESIS);
        let case = replay_verified(&Policy::default(), history, Some(&head)).unwrap();
        assert_eq!(case.event_count(), 4);
    }

    #[test]
    fn verified_events_are_the_events_written() {
        let history = chain(&events());
        let head = head(&history);
        assert_eq!(
            verified_events(history.clone(), Some(&head)).unwrap(),
            events()
        );
        let mut edited = history;
        edited[1].event["number"] = "25090002".into();
        let e = verified_events(edited, Some(&head)).unwrap_err();
        assert_eq!((e.code(), e.index()), ("history.chain_broken", Some(1)));
    }

    #[test]
    fn key_order_and_spacing_of_a_stored_copy_do_not_matter() {
        let mut history = chain(&events());
        let head = head(&history);
        // A database that re-encodes JSON (PostgreSQL jsonb) reorders keys.
        let text =
            r#"{ "type" : "registered", "number": "25090001", "at": "2025-09-26T11:00:00+08:00" }"#;
        history[1].event = serde_json::from_str(text).unwrap();
        assert_eq!(verify(&history, Some(&head)).unwrap(), head);
    }

    #[test]
    fn an_edit_breaks_the_chain_at_the_edited_event() {
        let mut history = chain(&events());
        let head = head(&history);
        history[2].event["category"] = "service_attitude".into();
        assert_eq!(
            broken_at(&history, &head),
            ("history.chain_broken", Some(2))
        );
    }

    #[test]
    fn reordering_inserting_and_deleting_break_it_where_they_happen() {
        let original = chain(&events());
        let head = head(&original);

        let mut swapped = original.clone();
        swapped.swap(2, 3);
        assert_eq!(
            broken_at(&swapped, &head),
            ("history.chain_broken", Some(2))
        );

        let mut inserted = original.clone();
        inserted.insert(1, original[3].clone());
        assert_eq!(
            broken_at(&inserted, &head),
            ("history.chain_broken", Some(1))
        );

        let mut deleted = original.clone();
        deleted.remove(1);
        assert_eq!(
            broken_at(&deleted, &head),
            ("history.chain_broken", Some(1))
        );

        // Even an inserted event with a correctly computed link breaks the next one.
        let mut forged = original.clone();
        let extra = link(&original[0].hash, &events()[2]);
        forged.insert(1, extra);
        assert_eq!(broken_at(&forged, &head), ("history.chain_broken", Some(2)));
    }

    #[test]
    fn a_cut_or_extended_tail_misses_the_head() {
        let original = chain(&events());
        let head = head(&original);
        assert_eq!(
            broken_at(&original[..3], &head),
            ("history.head_mismatch", Some(3))
        );
        assert_eq!(broken_at(&[], &head), ("history.head_mismatch", Some(0)));
        let mut longer = original.clone();
        longer.push(link(&head, &events()[3]));
        assert_eq!(
            broken_at(&longer, &head),
            ("history.head_mismatch", Some(5))
        );
    }

    #[test]
    fn tampering_is_reported_before_a_refused_event() {
        let mut history = chain(&events());
        let head = head(&history);
        // The edit makes the event invalid as well: the chain is what is reported.
        history[3].event["severity"] = "apocalyptic".into();
        let e = replay_verified(&Policy::default(), history, Some(&head)).unwrap_err();
        assert_eq!((e.code(), e.index()), ("history.chain_broken", Some(3)));
    }

    #[test]
    fn an_intact_but_refused_history_reports_the_case_error() {
        let mut events = events();
        events.remove(1); // without registration, classification is not allowed yet
        let history = chain(&events);
        let e = replay_verified(&Policy::default(), history, None).unwrap_err();
        assert_eq!(e.code(), "case.transition_not_allowed");
        assert_eq!(e.index(), Some(1));
    }

    #[test]
    fn hashes_read_and_write_as_hex() {
        let h = link(&ChainHash::GENESIS, &events()[0]).hash;
        assert_eq!(h.to_hex().len(), 64);
        assert_eq!(h.to_hex().parse::<ChainHash>().unwrap(), h);
        assert_eq!(h.to_hex().to_uppercase().parse::<ChainHash>().unwrap(), h);
        for bad in ["", "00", &"g".repeat(64), &"0".repeat(63), &"0".repeat(65)] {
            assert_eq!(
                bad.parse::<ChainHash>().unwrap_err().code(),
                "history.invalid_hash"
            );
        }
        assert_eq!(ChainHash::GENESIS.to_hex(), "0".repeat(64));
        let json = serde_json::to_string(&ChainedEvent {
            event: Value::Null,
            hash: h,
        })
        .unwrap();
        assert!(json.contains(&h.to_hex()));
    }
}
