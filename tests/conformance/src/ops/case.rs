use complaint_office::ErrorCode;
use complaint_office::case::{Case, Event, SlaState, StageDeadline};
use complaint_office::policy::{Policy, PolicySet};
use complaint_office::time::format_instant;
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, instant_of, policy_of};

fn events_of(input: &Value) -> Result<Vec<Event>, String> {
    field(input, "events")?
        .as_array()
        .ok_or("vector.not_an_array:events")?
        .iter()
        .map(|v| Event::from_json_value(v.clone()).map_err(code))
        .collect()
}

/// The case, under `input.policies` (a policy set, by effective date) when given, else under
/// `input.policy` or the default.
fn replay(input: &Value) -> Result<Case, String> {
    let events = events_of(input)?;
    if let Some(list) = input.get("policies") {
        let policies = list
            .as_array()
            .ok_or("vector.not_an_array:policies")?
            .iter()
            .map(|p| Policy::from_json_value(p.clone()).map_err(code))
            .collect::<Result<Vec<_>, _>>()?;
        let set = PolicySet::new(policies).map_err(code)?;
        return Case::replay_in(&set, events).map_err(|e| e.code().to_owned());
    }
    let policy = policy_of(input)?;
    Case::replay(&policy, events).map_err(|e| e.code().to_owned())
}

fn opt_instant(at: Option<complaint_office::time::Instant>) -> Value {
    at.map_or(Value::Null, |at| json!(format_instant(&at)))
}

fn stage_json(s: &StageDeadline) -> Value {
    json!({
        "stage": s.stage.as_str(),
        "round": s.round,
        "state": s.state.as_str(),
        "calendar": s.calendar,
        "last_day": s.last_day.map(|d| d.to_string()),
        "due": opt_instant(s.due),
        "met_at": opt_instant(s.met_at),
        "late_working_days": s.late_working_days,
    })
}

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "case.event" => {
            let event = Event::from_json_value(field(input, "event")?.clone()).map_err(code)?;
            Ok(event.to_json_value())
        }
        "case.replay" => {
            let case = replay(input)?;
            let at = case.last_event_at();
            let schedule = case.schedule(at);
            let open: Vec<Value> = schedule
                .stages
                .iter()
                .filter(|s| {
                    matches!(
                        s.state,
                        SlaState::Open | SlaState::DueSoon | SlaState::Overdue
                    )
                })
                .map(|s| {
                    json!({
                        "stage": s.stage.as_str(),
                        "round": s.round,
                        "last_day": s.last_day.map(|d| d.to_string()),
                        "due": opt_instant(s.due),
                    })
                })
                .collect();
            let report = case.compliance(at);
            Ok(json!({
                "status": case.status().as_str(),
                "number": case.number().map(|n| n.to_string()),
                "category": case.category(),
                "department": case.department(),
                "track": case.track().as_str(),
                "emergency": case.emergency(),
                "open_deadlines": open,
                "violations": report.violations().map(|c| c.rule).collect::<Vec<_>>(),
                "allowed_next": case.allowed_next().iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            }))
        }
        "case.schedule" => {
            let case = replay(input)?;
            let now = instant_of(input, "now")?;
            Ok(Value::Array(
                case.schedule(now).stages.iter().map(stage_json).collect(),
            ))
        }
        "case.view" => {
            let case = replay(input)?;
            let role: complaint_office::privacy::Role =
                crate::input::str_of(input, "role")?.parse().map_err(code)?;
            let view = case.view(role);
            Ok(json!({
                "role": view.role.as_str(),
                "number": view.number.map(|n| n.to_string()),
                "status": view.status.as_str(),
                "category": view.category,
                "department": view.department,
                "track": view.track.as_str(),
                "emergency": view.emergency,
                "received_at": format_instant(&view.received_at),
                "personal": {
                    "complainant_name": view.personal.complainant_name,
                    "contact_phone": view.personal.contact_phone,
                    "contact_email": view.personal.contact_email,
                    "id_number": view.personal.id_number,
                    "content": view.personal.content,
                },
            }))
        }
        "case.record" => {
            let case = replay(input)?;
            Ok(case.record().map_or(Value::Null, |r| {
                json!({
                    "number": r.number.to_string(),
                    "received_at": format_instant(&r.received_at),
                    "channel": r.channel,
                    "category": r.category,
                    "department": r.department,
                    "severity": r.severity,
                    "closed_at": opt_instant(r.closed_at),
                    "satisfied": r.satisfied,
                    "outcome": r.outcome,
                })
            }))
        }
        "case.compliance" => {
            let case = replay(input)?;
            let now = instant_of(input, "now")?;
            let report = case.compliance(now);
            Ok(json!({
                "violations": report.violations().map(|c| c.rule).collect::<Vec<_>>(),
                "findings": report.findings().map(|c| c.rule).collect::<Vec<_>>(),
                "checks": report.checks.iter().map(|c| json!({
                    "rule": c.rule, "clause": c.clause, "result": c.result.as_str(),
                })).collect::<Vec<_>>(),
            }))
        }
        _ => unknown(op),
    }
}
