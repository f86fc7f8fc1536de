//! Periods under the PRC Civil Code, art. 200–204: when a time limit runs out.

use complaint_office::period::{self as core_period, Deadline, PeriodRule};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::calendar::Calendar;
use crate::convert::{array_items, to_js};
use crate::duration::duration_in;
use crate::error::JsResult;
use crate::time::{date_in, date_out, instant_in, instant_out};

#[wasm_bindgen(typescript_custom_section)]
const TS_PERIOD: &str = r#"
/** A rule of the Civil Code (or the policy) that decided a period's end. */
export type PeriodRuleName =
  | "start_day_excluded" | "hours_from_start" | "working_days_only" | "office_hours_only"
  | "corresponding_day" | "month_end" | "rolled_past_rest_days" | "ends_at_midnight"
  | "ends_at_close_of_business" | "provisional" | "extended_by_pauses" | "extended_until"
  | "company_day_off_kept" | "extension_lapsed" | "plan_time_point";

/** A rule that decided a period's end, with its article and a sentence saying how. */
export interface PeriodRule {
  rule: PeriodRuleName;
  /** `art. 201 ¶1`, `art. 203 ¶1`, `§2.2.1`, … */
  article: string;
  description: string;
  /** `month_end`: the start's day of month that the last month lacks. */
  startDay?: number;
  /** `rolled_past_rest_days`: the rest day the period would have ended on. */
  from?: IsoDate;
  /** `ends_at_close_of_business`: the closing time, `HH:MM`. */
  close?: string;
  /** `extended_by_pauses`: by how much (in the period's unit). */
  amount?: number;
  /** `extended_until`: the extension's last day; `extension_lapsed`: the extension's last day,
   * no longer in force; `plan_time_point`: the plan's last time point. */
  until?: IsoDate;
  /** `company_day_off_kept`: the company day off the period ends on. */
  day?: IsoDate;
}

/** When a period ends. */
export interface Deadline {
  start: Rfc3339;
  duration: DurationText;
  /** The last day of the period, in office time. */
  lastDay: IsoDate;
  /** The first instant after the period: 00:00 after the last day, or close of business. */
  due: Rfc3339;
  /** Whether a day outside the calendar's statutory data was used (Monday–Friday assumed). */
  provisional: boolean;
  rules: PeriodRule[];
}
"#;

/// `PeriodRule` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PeriodRuleJs {
    rule: &'static str,
    article: &'static str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    close: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
}

impl From<&PeriodRule> for PeriodRuleJs {
    fn from(rule: &PeriodRule) -> Self {
        let mut js = PeriodRuleJs {
            rule: rule.name(),
            article: rule.article(),
            description: rule.describe(),
            start_day: None,
            from: None,
            close: None,
            amount: None,
            until: None,
            day: None,
        };
        match rule {
            PeriodRule::MonthEnd { start_day } => js.start_day = Some(*start_day),
            PeriodRule::RolledPastRestDays { from } => js.from = Some(date_out(*from)),
            PeriodRule::EndsAtCloseOfBusiness { close } => js.close = Some(close.clone()),
            PeriodRule::ExtendedByPauses { amount } => js.amount = Some(*amount),
            PeriodRule::ExtendedUntil { until }
            | PeriodRule::ExtensionLapsed { until }
            | PeriodRule::PlanTimePoint { until } => js.until = Some(date_out(*until)),
            PeriodRule::CompanyDayOffKept { day } => js.day = Some(date_out(*day)),
            _ => {}
        }
        js
    }
}

impl Serialize for crate::convert::Js<'_, PeriodRule> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PeriodRuleJs::from(self.0).serialize(serializer)
    }
}

/// `Deadline` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeadlineJs {
    start: String,
    duration: String,
    last_day: String,
    due: String,
    provisional: bool,
    rules: Vec<PeriodRuleJs>,
}

impl From<&Deadline> for DeadlineJs {
    fn from(d: &Deadline) -> Self {
        DeadlineJs {
            start: instant_out(&d.start),
            duration: d.duration.to_string(),
            last_day: date_out(d.last_day),
            due: instant_out(&d.due),
            provisional: d.provisional,
            rules: d.rules.iter().map(PeriodRuleJs::from).collect(),
        }
    }
}

/// When a period of `duration` from `start` ends on `calendar` (Civil Code art. 201–204).
#[wasm_bindgen(js_name = periodEnd, unchecked_return_type = "Deadline")]
pub fn end(
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] start: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DurationText | Duration")] duration: JsValue,
) -> JsResult<JsValue> {
    let deadline = core_period::end(&calendar.0, instant_in(&start)?, duration_in(&duration)?)?;
    to_js(&DeadlineJs::from(&deadline))
}

/// `periodEnd` for many starts with one duration.
#[wasm_bindgen(js_name = periodEndMany, unchecked_return_type = "Deadline[]")]
pub fn end_many(
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "InstantInput[]")] starts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DurationText | Duration")] duration: JsValue,
) -> JsResult<JsValue> {
    let starts = array_items(&starts, "starts: an array of instants expected")?
        .iter()
        .map(instant_in)
        .collect::<JsResult<Vec<_>>>()?;
    let deadlines = core_period::end_many(&calendar.0, &starts, duration_in(&duration)?)?;
    to_js(&deadlines.iter().map(DeadlineJs::from).collect::<Vec<_>>())
}

/// The last day of the period that starts on each of `startDates` (at 00:00 office time) and
/// lasts `duration`: `periodEndMany` for callers that hold dates.
#[wasm_bindgen(js_name = lastDays, unchecked_return_type = "IsoDate[]")]
pub fn last_days(
    calendar: &Calendar,
    #[wasm_bindgen(js_name = startDates, unchecked_param_type = "DateInput[]")]
    start_dates: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DurationText | Duration")] duration: JsValue,
) -> JsResult<Vec<String>> {
    let office = calendar.0.offset();
    let starts = array_items(&start_dates, "startDates: an array of dates expected")?
        .iter()
        .map(|day| {
            Ok(complaint_office::time::at_office_time(
                date_in(day)?,
                0,
                office,
            ))
        })
        .collect::<JsResult<Vec<_>>>()?;
    let deadlines = core_period::end_many(&calendar.0, &starts, duration_in(&duration)?)?;
    Ok(deadlines.iter().map(|d| date_out(d.last_day)).collect())
}

/// When `day` ends as the last day of a period: close of business where office hours are
/// configured, else 24:00 (the next day's 00:00), in office time (art. 203 ¶2).
#[wasm_bindgen(js_name = endOfDay, unchecked_return_type = "Rfc3339")]
pub fn end_of_day(
    calendar: &Calendar,
    #[wasm_bindgen(unchecked_param_type = "DateInput")] day: JsValue,
) -> JsResult<String> {
    Ok(instant_out(&core_period::end_of_day(
        &calendar.0,
        date_in(&day)?,
    )?))
}
