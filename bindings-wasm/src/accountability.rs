//! Accountability (§8): responsibility findings → discipline level and sanctions.

use complaint_office::accountability::{
    self as core_accountability, Assessment, Consequence, Decision, Fault, Finding, Responsibility,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{api_object, json_text, to_js};
use crate::error::{Failure, JsResult};

#[wasm_bindgen(typescript_custom_section)]
const TS_ACCOUNTABILITY: &str = r#"
/** The type, fault and consequence of a finding: what the discipline table decides on. */
export interface AccountabilityAssessment {
  responsibility: Responsibility;
  fault: Fault;
  consequence: Consequence;
}

/** A responsibility finding of a handling plan for one person or role (§4.1.1, §8.1). */
export interface ResponsibilityFinding extends AccountabilityAssessment {
  /** A staff id or a role, never the complainant. */
  subject: string;
  /** The nature, degree and scope of the responsibility, in words (§8.1.1). */
  nature: string;
  degree: string;
  scope: string;
}

/** The discipline decided: the level, the sanctions it offers, the clause behind it. */
export interface Decision {
  level: Level;
  sanctions: Sanction[];
  clause: Clause;
}

/** A finding of a case with the discipline the policy's table decides for it (§8.2). */
export interface FindingDecision {
  finding: ResponsibilityFinding;
  decision: Decision;
}

/** One row of the discipline table: a combination and its level. */
export interface DisciplineEntry extends AccountabilityAssessment {
  level: Level;
}

/** A rule of the `[discipline]` section: a list left out matches any value. */
export interface DisciplineRuleSection {
  responsibility?: Responsibility[];
  fault?: Fault[];
  consequence?: Consequence[];
  level: "light" | "heavy";
}

/** The `[discipline]` section of a policy file. */
export interface DisciplineTableSection {
  otherwise?: "light" | "heavy";
  rules?: DisciplineRuleSection[];
}
"#;

#[derive(Serialize)]
pub(crate) struct DecisionJs {
    level: &'static str,
    sanctions: Vec<&'static str>,
    clause: &'static str,
}

impl From<&Decision> for DecisionJs {
    fn from(d: &Decision) -> Self {
        DecisionJs {
            level: d.level.as_str(),
            sanctions: d.sanctions.iter().map(|s| s.as_str()).collect(),
            clause: d.clause(),
        }
    }
}

#[derive(Serialize)]
struct EntryJs {
    responsibility: &'static str,
    fault: &'static str,
    consequence: &'static str,
    level: &'static str,
}

/// The assessment as JavaScript gives it: names, parsed by the core (coded errors).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentInput {
    responsibility: String,
    fault: String,
    consequence: String,
}

fn assessment_in(value: &JsValue) -> JsResult<Assessment> {
    let what = "assessment: {responsibility, fault, consequence} expected";
    let input: AssessmentInput = api_object(value, what)?;
    Ok(Assessment {
        responsibility: input.responsibility.parse::<Responsibility>()?,
        fault: input.fault.parse::<Fault>()?,
        consequence: input.consequence.parse::<Consequence>()?,
    })
}

/// The `[discipline]` section of a policy: the levels for findings outside §8.2.3.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct DisciplineTable(pub(crate) core_accountability::DisciplineTable);

#[wasm_bindgen]
impl DisciplineTable {
    /// The default table of POLICY.md.
    #[wasm_bindgen(constructor)]
    pub fn new() -> DisciplineTable {
        DisciplineTable::default()
    }

    /// The discipline for a type of responsibility, fault and consequence.
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn decide(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccountabilityAssessment")] assessment: JsValue,
    ) -> JsResult<JsValue> {
        to_js(&DecisionJs::from(
            &self.0.decide(assessment_in(&assessment)?),
        ))
    }

    /// Reads a `[discipline]` section (an object or its JSON text), checked as `Policy.fromJson`
    /// checks it: `policy.unknown_key` or `policy.invalid_value` naming the key
    /// (`discipline.rules[0].level`).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "DisciplineTableSection | string")] section: JsValue,
    ) -> JsResult<DisciplineTable> {
        let text = json_text(
            &section,
            "section: a [discipline] section (object or JSON text) expected",
        )?;
        let section: serde_json::Value = serde_json::from_str(&text).map_err(|_| {
            Failure::argument("section: a [discipline] section (object or JSON text) expected")
        })?;
        // Every key of the section is a name (`otherwise`, `rules`, `responsibility`, …): a key
        // of another shape is refused without being shown, for it may be data pasted in by
        // mistake (a phone number), which an error must never carry.
        if has_key_not_a_name(&section) {
            return Err(Failure::new(
                "policy.unknown_key",
                None,
                "unknown key in the [discipline] section (not shown: it is not a key's name)",
            ));
        }
        let mut file = serde_json::Map::new();
        file.insert("discipline".into(), section);
        let policy = complaint_office::policy::Policy::from_json_value(file.into())?;
        Ok(DisciplineTable(policy.discipline().clone()))
    }

    /// The level for a type of responsibility, fault and consequence (`decide`'s level).
    #[wasm_bindgen(unchecked_return_type = "Level")]
    pub fn level(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AccountabilityAssessment")] assessment: JsValue,
    ) -> JsResult<String> {
        Ok(self
            .0
            .level(assessment_in(&assessment)?)
            .as_str()
            .to_owned())
    }

    /// Every combination (responsibility, fault, consequence, in the vocabulary's order) and
    /// its level.
    #[wasm_bindgen(unchecked_return_type = "DisciplineEntry[]")]
    pub fn entries(&self) -> JsResult<JsValue> {
        let entries: Vec<EntryJs> = self
            .0
            .entries()
            .into_iter()
            .map(|(a, level)| EntryJs {
                responsibility: a.responsibility.as_str(),
                fault: a.fault.as_str(),
                consequence: a.consequence.as_str(),
                level: level.as_str(),
            })
            .collect();
        to_js(&entries)
    }

    /// The table as its policy section.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "Required<DisciplineTableSection>")]
    pub fn to_json(&self) -> JsResult<JsValue> {
        to_js(&self.0)
    }
}

/// The discipline for a finding under `table` (the policy's `[discipline]`).
#[wasm_bindgen(unchecked_return_type = "Decision")]
pub fn decide(
    table: &DisciplineTable,
    #[wasm_bindgen(unchecked_param_type = "ResponsibilityFinding")] finding: JsValue,
) -> JsResult<JsValue> {
    let finding = finding_in(&finding)?;
    to_js(&DecisionJs::from(&core_accountability::decide(
        &table.0, &finding,
    )))
}

/// Checks a finding: the subject and the words of §8.1.1 must be given.
#[wasm_bindgen(js_name = checkFinding)]
pub fn check_finding(
    #[wasm_bindgen(unchecked_param_type = "ResponsibilityFinding")] finding: JsValue,
) -> JsResult<()> {
    Ok(finding_in(&finding)?.check()?)
}

/// Whether an object of `value`, at any depth, has a key that is not a lowercase name.
fn has_key_not_a_name(value: &serde_json::Value) -> bool {
    let name = |key: &str| {
        key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    match value {
        serde_json::Value::Object(object) => object
            .iter()
            .any(|(key, item)| !name(key) || has_key_not_a_name(item)),
        serde_json::Value::Array(items) => items.iter().any(has_key_not_a_name),
        _ => false,
    }
}

fn finding_in(value: &JsValue) -> JsResult<Finding> {
    let what =
        "finding: {subject, responsibility, fault, consequence, nature, degree, scope} expected";
    let text = json_text(value, what)?;
    // The vocabulary names first, for their coded errors; then the whole finding.
    assessment_names_in(&text)?;
    serde_json::from_str(&text).map_err(|_| Failure::argument(what))
}

fn assessment_names_in(text: &str) -> JsResult<()> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| Failure::argument("finding: an object expected"))?;
    let name = |key: &str| value.get(key).and_then(|v| v.as_str()).unwrap_or_default();
    name("responsibility").parse::<Responsibility>()?;
    name("fault").parse::<Fault>()?;
    name("consequence").parse::<Consequence>()?;
    Ok(())
}

#[wasm_bindgen]
impl DisciplineTable {
    /// `DisciplineTable(otherwise=light, rules=5)`: what `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let value = serde_json::to_value(&self.0).unwrap_or(serde_json::Value::Null);
        format!(
            "DisciplineTable(otherwise={}, rules={})",
            value["otherwise"].as_str().unwrap_or("?"),
            value["rules"].as_array().map_or(0, Vec::len)
        )
    }
}
