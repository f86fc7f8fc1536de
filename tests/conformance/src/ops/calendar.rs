use complaint_office::calendar::{Calendar, from_epoch_day};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, date_of, i64_of, policy_of, typed};

/// The case's calendar: the policy's, with `holiday_cn` data loaded when given.
fn calendar_of(input: &Value) -> Result<Calendar, String> {
    let calendar = policy_of(input)?.calendar().clone();
    match input.get("holiday_cn") {
        Some(Value::String(text)) => calendar.with_holiday_cn(text).map_err(code),
        Some(data) => calendar.with_holiday_cn(&data.to_string()).map_err(code),
        None => Ok(calendar),
    }
}

pub fn run(op: &str, input: &Value) -> Outcome {
    let cal = calendar_of(input)?;
    match op {
        "calendar.is_working_day" => Ok(json!(cal.is_working_day(date_of(input, "date")?))),
        "calendar.add_working_days" => {
            let date = cal
                .add_working_days(date_of(input, "date")?, i64_of(input, "days")?)
                .map_err(code)?;
            Ok(json!(date.to_string()))
        }
        "calendar.working_days_between" => Ok(json!(
            cal.working_days_between(date_of(input, "from")?, date_of(input, "to")?)
        )),
        "calendar.day" => {
            let day = cal.day(date_of(input, "date")?);
            Ok(json!({
                "date": day.date.to_string(),
                "working": day.working,
                "kind": day.kind.as_str(),
                "reason": day.reason.as_str(),
                "festival": day.festival.map(|f| f.as_str()),
                "labels": day.festival.map(|f| {
                    let (zh_hant, zh_hans, en) = f.labels();
                    json!({"zh_hant": zh_hant, "zh_hans": zh_hans, "en": en})
                }),
                "in_lieu_of": day.in_lieu_of.map(|d| d.to_string()),
                "decided_by": day.decided_by.as_str(),
                "regulation": day.regulation.map(|r| r.as_str()),
                "source": day.source.map(|n| json!({
                    "title": n.title,
                    "number": n.number,
                    "date": n.date.map(|d| d.to_string()),
                    "kind": n.kind.as_str(),
                })),
                "covered": day.covered,
                "provisional": day.provisional,
            }))
        }
        "calendar.covered_range" => {
            let range = cal.covered_range();
            Ok(json!(range.map(|(first, last)| json!({
                "first": first.to_string(),
                "last": last.to_string(),
            }))))
        }
        "calendar.is_working_epoch_day" => {
            let day = i64_of(input, "day")?;
            // Every binding's single-day call refuses a day outside the supported dates; the
            // core's answers by the calendar's rule there, so the range is checked first.
            from_epoch_day(day).map_err(code)?;
            Ok(json!(cal.is_working_epoch_day(day)))
        }
        "calendar.add_working_days_to_epoch_day" => {
            let day = cal
                .add_working_days_epoch_day(i64_of(input, "day")?, i64_of(input, "days")?)
                .map_err(code)?;
            Ok(json!(day))
        }
        "calendar.is_working_day_epoch" => {
            let days: Vec<i64> = typed(input, "epoch_days")?;
            Ok(json!(cal.is_working_day_epoch(&days)))
        }
        "calendar.add_working_days_epoch" => {
            let days: Vec<i64> = typed(input, "epoch_days")?;
            let counts: Vec<i64> = typed(input, "days")?;
            let mut out = vec![0; days.len()];
            cal.add_working_days_epoch(&days, &counts, &mut out)
                .map_err(code)?;
            Ok(json!(out))
        }
        "calendar.working_days_between_epoch" => {
            let from: Vec<i64> = typed(input, "from")?;
            let to: Vec<i64> = typed(input, "to")?;
            let mut out = vec![0; from.len()];
            cal.working_days_between_epoch(&from, &to, &mut out)
                .map_err(code)?;
            Ok(json!(out))
        }
        _ => unknown(op),
    }
}
