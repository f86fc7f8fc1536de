//! Tamper-evident histories (§6.1.2): every stored event carries a SHA-256 hash chained over
//! the one before it, so an event edited, reordered, inserted or deleted after the fact is
//! found when the history is read back.
//!
//! A store keeps each event with its hash (`ChainedEvent`, the host's stored data: plain
//! objects or JSON text) and the head with the case.

use complaint_office::history::{self as core_history, ChainHash, ChainedEvent, HistoryError};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::case::{Case, event_in, events_in};
use crate::convert::{json_text, to_js};
use crate::error::{Failure, JsResult, case_failure};
use crate::policy::{Policy, PolicySet};

#[wasm_bindgen(typescript_custom_section)]
const TS_HISTORY: &str = r#"
/** A link of a history's hash chain: 64 hexadecimal digits (written in lower case, read in
 * either). The head of an empty history is 64 `0`s. */
export type ChainHashText = string;

/** One event of a chained history as a store keeps it: the event (any key order) and its
 * hash over the previous one. */
export interface ChainedEvent {
  event: CaseEventData;
  hash: ChainHashText;
}
"#;

/// The error of a history, with the index where it breaks (or of the refused event) and, for
/// an event the case refuses, the key at fault.
pub(crate) fn history_failure(error: HistoryError) -> Failure {
    match error {
        HistoryError::Case(e) => case_failure(e),
        other => Failure::at(&other, other.index()),
    }
}

/// A hash argument (`history.invalid_hash` unless 64 hexadecimal digits).
fn hash_in(text: &str) -> JsResult<ChainHash> {
    ChainHash::from_hex(text).map_err(history_failure)
}

/// An optional head argument.
fn head_in(head: Option<String>) -> JsResult<Option<ChainHash>> {
    head.as_deref().map(hash_in).transpose()
}

/// A stored history: an array of `{event, hash}`, or its JSON text.
fn stored_in(value: &JsValue) -> JsResult<Vec<ChainedEvent>> {
    const WHAT: &str = "history: an array of {event, hash} (or its JSON text) expected";
    let text = json_text(value, WHAT)?;
    let Ok(Value::Array(entries)) = serde_json::from_str::<Value>(&text) else {
        return Err(Failure::argument(WHAT));
    };
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let Value::Object(mut entry) = entry else {
                return Err(Failure::argument_at(WHAT, index));
            };
            let (event, hash) = (entry.remove("event"), entry.remove("hash"));
            let (Some(event), Some(hash), true) = (event, hash, entry.is_empty()) else {
                return Err(Failure::argument_at(WHAT, index));
            };
            let hash = hash
                .as_str()
                .ok_or(HistoryError::InvalidHash)
                .and_then(ChainHash::from_hex)
                .map_err(|e| Failure::at(&e, Some(index)))?;
            Ok(ChainedEvent { event, hash })
        })
        .collect()
}

/// Links a whole history from the start: each event as the library writes it back
/// (normalised, as `CaseEvent.toJSON()`), with its hash. Store both; the head is the last
/// hash. `canonicalJson(link.event)` is the text that was hashed.
#[wasm_bindgen(js_name = chainHistory, unchecked_return_type = "ChainedEvent[]")]
pub fn chain_history(
    #[wasm_bindgen(unchecked_param_type = "(CaseEventData | CaseEvent)[] | string")]
    events: JsValue,
) -> JsResult<JsValue> {
    to_js(&core_history::chain(&events_in(&events)?))
}

/// Links one more event after `previous`, the head of the history so far (null, or 64 `0`s,
/// for the first event): what a store appends.
#[wasm_bindgen(js_name = linkEvent, unchecked_return_type = "ChainedEvent")]
pub fn link_event(
    #[wasm_bindgen(unchecked_param_type = "ChainHashText | null")] previous: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "CaseEventData | CaseEvent | string")] event: JsValue,
) -> JsResult<JsValue> {
    let previous = head_in(previous)?.unwrap_or(ChainHash::GENESIS);
    to_js(&core_history::link(&previous, &event_in(&event)?))
}

/// Recomputes the chain of a stored history and returns its head. With `head` (the one the
/// store keeps with the case) the chain must also end there.
///
/// Throws `history.chain_broken` with the `index` of the first event that does not link (an
/// edit, a swap, an insertion or deletion), `history.head_mismatch` with `index` = the number
/// of events read (a cut tail), `history.invalid_hash` for a hash that is not 64 hex digits.
#[wasm_bindgen(js_name = verifyHistory, unchecked_return_type = "ChainHashText")]
pub fn verify_history(
    #[wasm_bindgen(unchecked_param_type = "ChainedEvent[] | string")] history: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChainHashText | null")] head: Option<String>,
) -> JsResult<String> {
    let head = head_in(head)?;
    let stored = stored_in(&history)?;
    let verified = core_history::verify(&stored, head.as_ref()).map_err(history_failure)?;
    Ok(verified.to_hex())
}

/// The events of a stored history once its chain is verified (as `verifyHistory`), in the
/// stored event format: what `Case.replay` takes, for a host that replays them itself.
#[wasm_bindgen(js_name = verifiedEvents, unchecked_return_type = "CaseEventData[]")]
pub fn verified_events(
    #[wasm_bindgen(unchecked_param_type = "ChainedEvent[] | string")] history: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ChainHashText | null")] head: Option<String>,
) -> JsResult<JsValue> {
    let head = head_in(head)?;
    let stored = stored_in(&history)?;
    let events = core_history::verified_events(stored, head.as_ref()).map_err(history_failure)?;
    to_js(&events.iter().map(|e| e.to_json_value()).collect::<Vec<_>>())
}

/// The canonical JSON of a stored event, the text its hash covers: keys sorted at every
/// depth, no white space, a fixed set of escapes. JSON text is read first.
#[wasm_bindgen(js_name = canonicalJson)]
pub fn canonical_json(
    #[wasm_bindgen(unchecked_param_type = "CaseEventData | CaseEvent | string")] event: JsValue,
) -> JsResult<String> {
    let text = json_text(&event, "event: an event object or JSON text expected")?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|_| Failure::argument("event: an event object or JSON text expected"))?;
    Ok(core_history::canonical_json(&value))
}

#[wasm_bindgen]
impl Case {
    /// Verifies a stored history (as `verifyHistory`), then rebuilds its case under `policy`.
    /// The whole chain is checked before any event is read: a tampered history is reported as
    /// such even when the edit also makes an event invalid.
    #[wasm_bindgen(js_name = replayVerified)]
    pub fn replay_verified(
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "ChainedEvent[] | string")] history: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ChainHashText | null")] head: Option<
            String,
        >,
    ) -> JsResult<Case> {
        let head = head_in(head)?;
        let stored = stored_in(&history)?;
        core_history::replay_verified(&policy.0, stored, head.as_ref())
            .map(Case)
            .map_err(history_failure)
    }

    /// As `replayVerified`, under the policy of the set in force when it was received.
    #[wasm_bindgen(js_name = replayVerifiedIn)]
    pub fn replay_verified_in(
        policies: &PolicySet,
        #[wasm_bindgen(unchecked_param_type = "ChainedEvent[] | string")] history: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ChainHashText | null")] head: Option<
            String,
        >,
    ) -> JsResult<Case> {
        let head = head_in(head)?;
        let stored = stored_in(&history)?;
        core_history::replay_verified_in(policies.inner(), stored, head.as_ref())
            .map(Case)
            .map_err(history_failure)
    }
}
