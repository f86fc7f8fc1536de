use complaint_office::ErrorCode;
use complaint_office::case::Event;
use complaint_office::history::{self, ChainHash, ChainedEvent, HistoryError};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, policy_of, str_of};

fn stored_history(input: &Value) -> Result<Vec<ChainedEvent>, String> {
    field(input, "history")?
        .as_array()
        .ok_or("vector.not_an_array:history")?
        .iter()
        .map(|entry| {
            Ok(ChainedEvent {
                event: field(entry, "event")?.clone(),
                hash: str_of(entry, "hash")?.parse::<ChainHash>().map_err(code)?,
            })
        })
        .collect()
}

fn head_of(input: &Value) -> Result<Option<ChainHash>, String> {
    match input.get("head") {
        None => Ok(None),
        Some(_) => Ok(Some(
            str_of(input, "head")?.parse::<ChainHash>().map_err(code)?,
        )),
    }
}

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "history.link" => {
            let events = field(input, "events")?
                .as_array()
                .ok_or("vector.not_an_array:events")?
                .iter()
                .map(|v| Event::from_json_value(v.clone()).map_err(code))
                .collect::<Result<Vec<_>, _>>()?;
            let links: Vec<Value> = history::chain(&events)
                .iter()
                .map(
                    |linked| json!({"canonical": linked.canonical(), "hash": linked.hash.to_hex()}),
                )
                .collect();
            Ok(Value::Array(links))
        }
        "history.verify" => {
            let stored = stored_history(input)?;
            let head = head_of(input)?;
            match history::verify(&stored, head.as_ref()) {
                Ok(head) => {
                    Ok(json!({"valid": true, "head": head.to_hex(), "length": stored.len()}))
                }
                Err(e @ (HistoryError::ChainBroken { .. } | HistoryError::HeadMismatch { .. })) => {
                    Ok(json!({"valid": false, "code": e.code(), "index": e.index()}))
                }
                Err(e) => Err(code(e)),
            }
        }
        "history.replay" => {
            let policy = policy_of(input)?;
            let stored = stored_history(input)?;
            let head = head_of(input)?;
            let case = history::replay_verified(&policy, stored, head.as_ref()).map_err(code)?;
            Ok(json!({
                "status": case.status().as_str(),
                "number": case.number().map(|n| n.to_string()),
                "version": case.event_count(),
            }))
        }
        _ => unknown(op),
    }
}
