//! Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency procedure, handling
//! track and priority; the queue order.

use complaint_office::triage::{
    self as core_triage, Assessment, Complexity, QueueKey, Severity, Urgency,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{api_object, array_items, camel_case_keys, string_in, to_js};
use crate::error::{Failure, JsResult};
use crate::policy::Policy;
use crate::time::instant_in;

#[wasm_bindgen(typescript_custom_section)]
const TS_TRIAGE: &str = r#"
/** The initial assessment's three judgements. */
export interface TriageInput {
  severity: Severity;
  urgency: Urgency;
  complexity: Complexity;
}

/** What triage makes of them. */
export interface TriageAssessment {
  /** Whether the emergency procedure starts (§2.2.4). */
  emergency: boolean;
  track: Track;
  /** The place in the queue: 1 goes first. */
  priority: number;
}

/** A complaint waiting in the queue. */
export interface QueueItem extends TriageInput {
  id: string;
  receivedAt: InstantInput;
}

/** A place in the queue, with the text whose bytewise order is the queue order. */
export interface QueuePlace {
  id: string;
  sortKey: string;
}

/** A row of the `[triage]` matrix (a policy file's section). */
export interface TriageRuleSection extends TriageInput {
  emergency: boolean;
  track: Track;
  priority: number;
}

/** The `[triage]` section of a policy file. */
export interface TriageRulesSection {
  matrix?: TriageRuleSection[];
}
"#;

#[derive(Serialize)]
struct AssessmentJs {
    emergency: bool,
    track: &'static str,
    priority: u8,
}

impl From<Assessment> for AssessmentJs {
    fn from(a: Assessment) -> Self {
        AssessmentJs {
            emergency: a.emergency,
            track: a.track.as_str(),
            priority: a.priority,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlaceJs {
    id: String,
    sort_key: String,
}

#[derive(Deserialize)]
struct TriageFields {
    severity: String,
    urgency: String,
    complexity: String,
}

const INPUT: &str = "assessment: {severity, urgency, complexity} expected";

fn assess_fields(policy: &Policy, fields: &TriageFields) -> JsResult<Assessment> {
    Ok(core_triage::assess(
        &policy.0,
        fields.severity.parse::<Severity>()?,
        fields.urgency.parse::<Urgency>()?,
        fields.complexity.parse::<Complexity>()?,
    ))
}

/// Assesses a complaint under the policy's triage matrix.
#[wasm_bindgen(js_name = assessTriage, unchecked_return_type = "TriageAssessment")]
pub fn assess(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "TriageInput")] input: JsValue,
) -> JsResult<JsValue> {
    let fields: TriageFields = api_object(&input, INPUT)?;
    to_js(&AssessmentJs::from(assess_fields(policy, &fields)?))
}

/// The queue order of complaints: emergencies first, then priority, then receipt (stable).
#[wasm_bindgen(js_name = queueOrder, unchecked_return_type = "QueuePlace[]")]
pub fn queue_order(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "QueueItem[]")] items: JsValue,
) -> JsResult<JsValue> {
    let what = "items: an array of {id, severity, urgency, complexity, receivedAt} expected";
    let mut ids = Vec::new();
    let mut keys = Vec::new();
    for (index, item) in array_items(&items, what)?.into_iter().enumerate() {
        camel_case_keys(&item, "items", Some(index))?;
        let text = |key: &str| {
            string_in(&js_sys::Reflect::get(&item, &JsValue::from_str(key)).unwrap_or_default())?
                .ok_or_else(|| Failure::argument(what))
        };
        ids.push(text("id")?);
        let fields = TriageFields {
            severity: text("severity")?,
            urgency: text("urgency")?,
            complexity: text("complexity")?,
        };
        let assessment = assess_fields(policy, &fields)?;
        let received = js_sys::Reflect::get(&item, &JsValue::from_str("receivedAt"))
            .map_err(|_| Failure::argument(what))?;
        keys.push(QueueKey::new(&assessment, instant_in(&received)?));
    }
    let order: Vec<PlaceJs> = core_triage::queue_order(&keys)
        .into_iter()
        .filter_map(|i| {
            Some(PlaceJs {
                id: ids.get(i)?.clone(),
                sort_key: keys.get(i)?.sort_key(),
            })
        })
        .collect();
    to_js(&order)
}
