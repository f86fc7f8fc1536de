//! Dates and instants at the boundary: `YYYY-MM-DD` and RFC 3339 text out; the same text or a
//! `Date` in.
//!
//! A `Date` given where a calendar date is expected stands for its UTC day, the day
//! `new Date("2025-10-01")` and `toISOString()` mean. A `Date` given as an instant is that
//! instant (it carries no offset, but it is unambiguous). Text instants must carry an offset:
//! `2025-09-26T10:00:00` without one is `time.missing_offset`, never guessed.

use chrono::{DateTime, FixedOffset, NaiveDate};
use complaint_office::time::{
    Instant, TimeError, YearMonth, check_date, format_instant, format_offset, in_office,
    office_date, parse_date, parse_instant, parse_offset,
};
use wasm_bindgen::prelude::*;

use crate::error::JsResult;

#[wasm_bindgen(typescript_custom_section)]
const TS_TIME: &str = r#"
/** A calendar date, `YYYY-MM-DD`: `2025-10-01`. */
export type IsoDate = string;
/** An instant in RFC 3339 with an offset: `2025-09-26T10:00:00+08:00`. */
export type Rfc3339 = string;
/** A month, `YYYY-MM`: `2025-09`. */
export type YearMonthText = string;
/** A UTC offset, `+08:00` (`Z` accepted on input). */
export type OffsetText = string;
/** A date: `YYYY-MM-DD` text, or a `Date` standing for its UTC day. */
export type DateInput = IsoDate | Date;
/** An instant: RFC 3339 text with an offset, or a `Date`. */
export type InstantInput = Rfc3339 | Date;
"#;

/// A date argument.
pub(crate) fn date_in(value: &JsValue) -> JsResult<NaiveDate> {
    if let Some(text) = value.as_string() {
        return Ok(parse_date(&text)?);
    }
    let date = value
        .dyn_ref::<js_sys::Date>()
        .ok_or(TimeError::InvalidDate)?;
    if date.get_time().is_nan() {
        return Err(TimeError::InvalidDate.into());
    }
    let day = NaiveDate::from_ymd_opt(
        i32::try_from(date.get_utc_full_year()).map_err(|_| TimeError::OutOfRange)?,
        date.get_utc_month() + 1,
        date.get_utc_date(),
    )
    .ok_or(TimeError::OutOfRange)?;
    Ok(check_date(day)?)
}

/// An instant argument.
pub(crate) fn instant_in(value: &JsValue) -> JsResult<Instant> {
    if let Some(text) = value.as_string() {
        return Ok(parse_instant(&text)?);
    }
    let date = value
        .dyn_ref::<js_sys::Date>()
        .ok_or(TimeError::InvalidInstant)?;
    let millis = date.get_time();
    if !millis.is_finite() {
        return Err(TimeError::InvalidInstant.into());
    }
    // A valid Date holds at most ±8.64e15 ms, well inside i64.
    #[allow(clippy::cast_possible_truncation)]
    let at = DateTime::from_timestamp_millis(millis as i64).ok_or(TimeError::OutOfRange)?;
    let utc = FixedOffset::east_opt(0).ok_or(TimeError::InvalidOffset)?;
    let at = at.with_timezone(&utc);
    check_date(at.date_naive())?;
    Ok(at)
}

/// An optional offset argument: the given one, or `default`.
pub(crate) fn offset_in(value: Option<String>, default: FixedOffset) -> JsResult<FixedOffset> {
    match value {
        Some(text) => Ok(parse_offset(&text)?),
        None => Ok(default),
    }
}

/// A month argument, `YYYY-MM`.
pub(crate) fn month_in(text: &str) -> JsResult<YearMonth> {
    Ok(text.parse::<YearMonth>()?)
}

/// A date result.
pub(crate) fn date_out(date: NaiveDate) -> String {
    date.to_string()
}

/// A date result as a JavaScript string, from a small cache of recent dates: building the
/// text and decoding it in JavaScript costs more than the working-day arithmetic itself, and a
/// calendar screen asks for the same few hundred days again and again.
pub(crate) fn date_js(date: NaiveDate) -> JsValue {
    const SLOTS: usize = 1024;
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<Option<(NaiveDate, JsValue)>>> =
            std::cell::RefCell::new(vec![None; SLOTS]);
    }
    let day = usize::try_from(complaint_office::calendar::to_epoch_day(date).rem_euclid(1 << 20))
        .unwrap_or(0);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let slot = &mut cache[day % SLOTS];
        match slot {
            Some((cached, text)) if *cached == date => text.clone(),
            _ => {
                let text = JsValue::from_str(&date_out(date));
                *slot = Some((date, text.clone()));
                text
            }
        }
    })
}

/// An instant result.
pub(crate) fn instant_out(at: &Instant) -> String {
    format_instant(at)
}

/// Beijing time, the offset of the built-in calendar and of the default policy.
pub(crate) fn beijing() -> FixedOffset {
    complaint_office::calendar::Calendar::cn().offset()
}

/// The office day an instant falls on.
#[wasm_bindgen(js_name = officeDate, unchecked_return_type = "IsoDate")]
pub fn office_date_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    office_offset: Option<String>,
) -> JsResult<String> {
    let offset = offset_in(office_offset, beijing())?;
    Ok(date_out(office_date(instant_in(&at)?, offset)))
}

/// The office month an instant falls on (§2.2.3 numbers complaints by it).
#[wasm_bindgen(js_name = yearMonthOf, unchecked_return_type = "YearMonthText")]
pub fn year_month_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    office_offset: Option<String>,
) -> JsResult<String> {
    let offset = offset_in(office_offset, beijing())?;
    Ok(YearMonth::of_instant(instant_in(&at)?, offset).to_string())
}

/// An instant in the office offset, as RFC 3339 text.
#[wasm_bindgen(js_name = inOffice, unchecked_return_type = "Rfc3339")]
pub fn in_office_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    office_offset: Option<String>,
) -> JsResult<String> {
    let offset = offset_in(office_offset, beijing())?;
    Ok(instant_out(&in_office(instant_in(&at)?, offset)))
}

/// An offset in its canonical form, `+08:00`.
#[wasm_bindgen(js_name = normalizeOffset, unchecked_return_type = "OffsetText")]
pub fn normalize_offset(
    #[wasm_bindgen(unchecked_param_type = "OffsetText")] offset: &str,
) -> JsResult<String> {
    Ok(format_offset(parse_offset(offset)?))
}
