//! Durations of the policy: `15 days`, `5 working days`, `24 hours`, `3 years`, `5個工作日`.

use complaint_office::duration::{self as core_duration, Unit};
use wasm_bindgen::prelude::*;

use crate::convert::{integer_in, saturating_u32, text_of, to_js};
use crate::error::JsResult;

#[wasm_bindgen(typescript_custom_section)]
const TS_DURATION: &str = r#"
/** The unit of a duration. */
export type Unit = "hours" | "working_hours" | "days" | "working_days" | "months" | "years";

/** A duration in the policy's grammar: `15 days`, `5 working days`, `24小時`, `5個工作日`. */
export type DurationText = string;
"#;

/// A time limit of the policy: a whole amount of a unit.
#[wasm_bindgen]
#[derive(Debug, Clone, Copy)]
pub struct Duration(pub(crate) core_duration::Duration);

/// A duration argument: text in the grammar, or a `Duration`.
pub(crate) fn duration_in(value: &JsValue) -> JsResult<core_duration::Duration> {
    let text = text_of(
        value,
        "duration: text like `15 days` or a Duration expected",
    )?;
    Ok(text.parse::<core_duration::Duration>()?)
}

#[wasm_bindgen]
impl Duration {
    /// A duration of `amount` (1 to 99999) `unit`s.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] amount: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Unit")] unit: &str,
    ) -> JsResult<Duration> {
        let unit: Unit = unit.parse()?;
        let amount = saturating_u32(integer_in(&amount, "amount: a whole number expected")?);
        Ok(Duration(core_duration::Duration::new(amount, unit)?))
    }

    /// Reads a duration: `15 days`, `5 working days`, `1 month`, `24小時`, `5個工作日`.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "DurationText")] text: &str,
    ) -> JsResult<Duration> {
        Ok(Duration(text.parse()?))
    }

    /// The amount.
    #[wasm_bindgen(getter)]
    pub fn amount(&self) -> u32 {
        self.0.amount()
    }

    /// The unit.
    #[wasm_bindgen(getter, unchecked_return_type = "Unit")]
    pub fn unit(&self) -> String {
        self.0.unit().as_str().to_owned()
    }

    /// Whether the unit counts days (not hours).
    #[wasm_bindgen(getter, js_name = isDayBased)]
    pub fn is_day_based(&self) -> bool {
        self.0.unit().is_day_based()
    }

    /// The least and the most hours the duration can span on any calendar, `[least, most]`:
    /// `[n, n]` for hours, wider for days, working days, months and years (a fortnight's
    /// holiday at most).
    #[wasm_bindgen(js_name = hourBounds, unchecked_return_type = "[number, number]")]
    pub fn hour_bounds(&self) -> JsResult<JsValue> {
        to_js(&self.0.hour_bounds())
    }

    /// The canonical English text: `5 working days`, `1 month`.
    #[wasm_bindgen(js_name = toString, unchecked_return_type = "DurationText")]
    pub fn to_text(&self) -> String {
        self.0.to_string()
    }

    /// The canonical text, for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "DurationText")]
    pub fn to_json(&self) -> String {
        self.0.to_string()
    }
}

impl From<core_duration::Duration> for Duration {
    fn from(d: core_duration::Duration) -> Self {
        Duration(d)
    }
}
