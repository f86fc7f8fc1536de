//! The policy file: parameters, tables, validation, defaults, versions by effective date.
//!
//! A policy file is the host's configuration data: in JavaScript it is passed and returned in
//! its documented snake_case JSON form (the same in TOML), typed as `PolicyFile`.

use complaint_office::policy as core_policy;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{json_text_within, max_bytes_or, or_null, to_js, within};
use crate::error::JsResult;
use crate::time::{date_in, date_out, instant_in};
use complaint_office::input::MAX_TEXT_FILE_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const TS_POLICY: &str = r#"
/** The language of labels. */
export type Language = "zh-Hant" | "zh-Hans" | "en";

/** The `[deadlines]` section of a policy file. */
export interface DeadlinesSection {
  registration?: DurationText;
  plan?: DurationText;
  plan_extended_max?: DurationText;
  feedback?: DurationText;
  follow_up?: DurationText;
  rehandling?: DurationText;
}

/** The `[sla]` section of a policy file. */
export interface SlaSection {
  due_soon?: DurationText;
  due_soon_fraction?: number;
}

/** The `[retention]` section of a policy file. */
export interface RetentionSection {
  period?: DurationText;
}

/** A policy file in its JSON form (the same keys as in TOML); every key is optional. */
export interface PolicyFile {
  name?: string;
  effective_from?: IsoDate;
  office_offset?: OffsetText;
  language?: Language;
  calendar?: CalendarConfig;
  /** More calendars, each named: a site's, a round-the-clock hotline's. */
  calendars?: CalendarConfig[];
  /** Which calendar each intake channel and each department (by code) uses. */
  calendar_of?: {
    channels?: { email?: string; hotline?: string; on_site?: string; oa?: string };
    departments?: Record<string, string>;
  };
  deadlines?: DeadlinesSection;
  sla?: SlaSection;
  retention?: RetentionSection;
  reminders?: RemindersSection;
  statistics?: StatisticsSection;
  intake?: IntakeRulesSection;
  classification?: ClassificationSection;
  triage?: TriageRulesSection;
  discipline?: DisciplineTableSection;
}

/** The time limits of a policy. */
export interface Deadlines {
  registration: DurationText;
  plan: DurationText;
  planExtendedMax: DurationText;
  feedback: DurationText;
  followUp: DurationText;
  rehandling: DurationText;
}

/** When a stage counts as due soon. */
export interface Sla {
  dueSoon: DurationText;
  dueSoonFraction: number;
}

/** Retention of archived files. */
export interface Retention {
  period: DurationText;
}
"#;

/// A validated policy: every value checked, every default filled in.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct Policy(pub(crate) core_policy::Policy);

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DeadlinesJs {
    registration: String,
    plan: String,
    plan_extended_max: String,
    feedback: String,
    follow_up: String,
    rehandling: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SlaJs {
    due_soon: String,
    due_soon_fraction: f64,
}

#[derive(Serialize)]
struct RetentionJs {
    period: String,
}

#[wasm_bindgen]
impl Policy {
    /// The default policy of POLICY.md.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Policy {
        Policy::default()
    }

    /// Reads a policy from TOML of at most `maxBytes` bytes (64 MiB by default, as a policy
    /// file read by the Python binding), else `input.too_large`.
    #[wasm_bindgen(js_name = fromToml)]
    pub fn from_toml(
        text: &str,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Policy> {
        within(text.len(), max_bytes_or(&max_bytes, MAX_TEXT_FILE_BYTES)?)?;
        Ok(Policy(core_policy::Policy::from_toml_str(text)?))
    }

    /// Reads a policy from JSON text or a `PolicyFile` object. Unknown keys are
    /// `policy.unknown_key`, bad values `policy.invalid_value`, each naming the key. At most
    /// `maxBytes` bytes of JSON text (64 MiB by default), else `input.too_large`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "PolicyFile | string")] file: JsValue,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Policy> {
        let text = json_text_within(
            &file,
            "file: a policy file (object or JSON text) expected",
            MAX_TEXT_FILE_BYTES,
            &max_bytes,
        )?;
        Ok(Policy(core_policy::Policy::from_json_str(&text)?))
    }

    /// The policy as TOML.
    #[wasm_bindgen(js_name = toToml)]
    pub fn to_toml(&self) -> JsResult<String> {
        Ok(self.0.to_toml()?)
    }

    /// The whole policy file, every default filled in (for `JSON.stringify` too).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "Required<PolicyFile>")]
    pub fn to_json(&self) -> JsResult<JsValue> {
        to_js(&self.0.to_json_value()?)
    }

    /// The policy's name.
    #[wasm_bindgen(getter)]
    pub fn name(&self) -> String {
        self.0.name().to_owned()
    }

    /// The first day the policy is in force, if set.
    #[wasm_bindgen(getter, js_name = effectiveFrom, unchecked_return_type = "IsoDate | null")]
    pub fn effective_from(&self) -> JsValue {
        or_null(self.0.effective_from().map(date_out))
    }

    /// The office offset.
    #[wasm_bindgen(getter, js_name = officeOffset, unchecked_return_type = "OffsetText")]
    pub fn office_offset(&self) -> String {
        complaint_office::time::format_offset(self.0.office_offset())
    }

    /// The language of labels.
    #[wasm_bindgen(getter, unchecked_return_type = "Language")]
    pub fn language(&self) -> String {
        self.0.language().tag().to_owned()
    }

    /// The working-day calendar (statutory data, company days, office hours, offset).
    #[wasm_bindgen(getter)]
    pub fn calendar(&self) -> Calendar {
        Calendar(self.0.calendar().clone())
    }

    /// The time limits.
    #[wasm_bindgen(getter, unchecked_return_type = "Deadlines")]
    pub fn deadlines(&self) -> JsResult<JsValue> {
        let d = self.0.deadlines();
        to_js(&DeadlinesJs {
            registration: d.registration.to_string(),
            plan: d.plan.to_string(),
            plan_extended_max: d.plan_extended_max.to_string(),
            feedback: d.feedback.to_string(),
            follow_up: d.follow_up.to_string(),
            rehandling: d.rehandling.to_string(),
        })
    }

    /// When stages count as due soon.
    #[wasm_bindgen(getter, unchecked_return_type = "Sla")]
    pub fn sla(&self) -> JsResult<JsValue> {
        let s = self.0.sla();
        to_js(&SlaJs {
            due_soon: s.due_soon.to_string(),
            due_soon_fraction: s.due_soon_fraction,
        })
    }

    /// Retention of archived files.
    #[wasm_bindgen(getter, unchecked_return_type = "Retention")]
    pub fn retention(&self) -> JsResult<JsValue> {
        to_js(&RetentionJs {
            period: self.0.retention().period.to_string(),
        })
    }

    /// The discipline table (`[discipline]`).
    #[wasm_bindgen(getter)]
    pub fn discipline(&self) -> crate::accountability::DisciplineTable {
        crate::accountability::DisciplineTable(self.0.discipline().clone())
    }

    /// This policy with another calendar (in the same office offset).
    #[wasm_bindgen(js_name = withCalendar)]
    pub fn with_calendar(&self, calendar: &Calendar) -> JsResult<Policy> {
        Ok(Policy(self.0.with_calendar(calendar.0.clone())?))
    }
}

/// Policies by effective date: a case is judged by the policy in force when it was received.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct PolicySet(pub(crate) core_policy::PolicySet);

impl PolicySet {
    pub(crate) fn inner(&self) -> &core_policy::PolicySet {
        &self.0
    }
}

#[wasm_bindgen]
impl PolicySet {
    /// An empty set; `add` policies to it.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PolicySet {
        PolicySet::default()
    }

    /// Adds a copy of `policy`; two policies with the same effective date are
    /// `policy.contradiction`.
    pub fn add(&mut self, policy: &Policy) -> JsResult<()> {
        let all = self.0.policies().iter().cloned().chain([policy.0.clone()]);
        self.0 = core_policy::PolicySet::new(all)?;
        Ok(())
    }

    /// The number of policies.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.0.policies().len()
    }

    /// The policies, by effective date.
    pub fn policies(&self) -> Vec<Policy> {
        self.0.policies().iter().cloned().map(Policy).collect()
    }

    /// The policy in force on `date`: the latest whose effective date is not after it.
    #[wasm_bindgen(js_name = inForceOn)]
    pub fn in_force_on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<Policy> {
        Ok(Policy(self.0.in_force_on(date_in(&date)?)?.clone()))
    }

    /// The policy in force at `at`, decided on its office date.
    #[wasm_bindgen(js_name = inForceAt)]
    pub fn in_force_at(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    ) -> JsResult<Policy> {
        Ok(Policy(self.0.in_force_at(instant_in(&at)?)?.clone()))
    }
}

#[wasm_bindgen]
impl Policy {
    /// `Policy(name=default)`: what `console.log` shows (`toJSON()` gives the whole file).
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!("Policy(name={})", self.0.name())
    }
}

#[wasm_bindgen]
impl PolicySet {
    /// `PolicySet(Policy(name=2024), Policy(name=2025))`: what `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let policies = self
            .0
            .policies()
            .iter()
            .map(|p| format!("Policy(name={})", p.name()))
            .collect::<Vec<_>>();
        format!("PolicySet({})", policies.join(", "))
    }
}
