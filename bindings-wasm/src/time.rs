//! Dates and instants at the boundary: `YYYY-MM-DD` and RFC 3339 text out; the same text, a
//! `Temporal.PlainDate` or a `Date` in.
//!
//! A calendar day is `YYYY-MM-DD` text, a `Temporal.PlainDate` (or any object with `year`,
//! `month`, `day` and a `toString()` giving `YYYY-MM-DD`), an object with `toPlainDate()`
//! (`Temporal.PlainDateTime`, `Temporal.ZonedDateTime`), or a `Date`, which stands for its
//! *local* calendar day (`getFullYear()`, `getMonth()`, `getDate()`): `new Date(2025, 8, 26)`
//! is 26 September in every time zone, never the UTC day before it. Anything else (a number, say)
//! is `binding.invalid_argument`. A `Date` given as an instant is that instant (it carries no
//! offset, but it is unambiguous). Text instants must carry an offset: `2025-09-26T10:00:00`
//! without one is `time.missing_offset`, never guessed.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use complaint_office::time::{
    Instant, TimeError, YearMonth, check_date, format_instant, format_offset, in_office,
    office_date, parse_date, parse_instant, parse_offset,
};
use wasm_bindgen::prelude::*;

use crate::convert::string_in;
use crate::error::{Failure, JsResult};

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
/** A calendar day without a time or zone: a `Temporal.PlainDate` (ISO calendar), or any object
 * with `year`, `month`, `day` whose `toString()` gives `YYYY-MM-DD`. */
export interface PlainDateLike {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  toString(): string;
}
/** A value with a calendar day: `Temporal.PlainDateTime`, `Temporal.ZonedDateTime`. */
export interface ToPlainDate {
  toPlainDate(): PlainDateLike;
}
/** A calendar day: `YYYY-MM-DD` text, a `Temporal.PlainDate` (or anything with
 * `toPlainDate()`), or a `Date`, which stands for its **local** calendar day (`getFullYear()`,
 * `getMonth()`, `getDate()`): `new Date(2025, 8, 26)` is `2025-09-26` in every time zone.
 * Beware `new Date("2025-09-26")`: JavaScript reads it as UTC midnight, which west of UTC is
 * the 25th locally; pass the text itself instead. Anything else is `binding.invalid_argument`. */
export type DateInput = IsoDate | PlainDateLike | ToPlainDate | Date;
/** An instant: RFC 3339 text with an offset, or a `Date`. */
export type InstantInput = Rfc3339 | Date;
"#;

/// What a calendar-day argument must be, for `binding.invalid_argument`.
const DATE_EXPECTED: &str =
    "date: YYYY-MM-DD text, a Temporal.PlainDate or a Date (its local calendar day) expected";

/// A date argument: text, a `Temporal.PlainDate`-like object, something with `toPlainDate()`,
/// or a `Date` (its local calendar day).
pub(crate) fn date_in(value: &JsValue) -> JsResult<NaiveDate> {
    if let Some(text) = string_in(value)? {
        return Ok(parse_date(&text)?);
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        if date.get_time().is_nan() {
            return Err(TimeError::InvalidDate.into());
        }
        // The local calendar day: what `new Date(2025, 8, 26)` was made from.
        let day = NaiveDate::from_ymd_opt(
            i32::try_from(date.get_full_year()).map_err(|_| TimeError::OutOfRange)?,
            date.get_month() + 1,
            date.get_date(),
        )
        .ok_or(TimeError::OutOfRange)?;
        return Ok(check_date(day)?);
    }
    if value.is_object() {
        let to_plain = js_sys::Reflect::get(value, &JsValue::from_str("toPlainDate"))
            .map_err(|_| Failure::argument(DATE_EXPECTED))?;
        if let Some(f) = to_plain.dyn_ref::<js_sys::Function>() {
            let plain = f
                .call0(value)
                .map_err(|_| Failure::argument(DATE_EXPECTED))?;
            return plain_date_in(&plain);
        }
        return plain_date_in(value);
    }
    Err(Failure::argument(DATE_EXPECTED))
}

/// A `Temporal.PlainDate`-like object: numeric `year`, `month`, `day`, and `toString()` giving
/// `YYYY-MM-DD` (a non-ISO calendar's `[u-ca=…]` suffix is `time.invalid_date`).
fn plain_date_in(value: &JsValue) -> JsResult<NaiveDate> {
    if !value.is_object() {
        return Err(Failure::argument(DATE_EXPECTED));
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    let (Some(year), Some(month), Some(day)) = (field("year"), field("month"), field("day")) else {
        return Err(Failure::argument(DATE_EXPECTED));
    };
    // Its own `toString()`: a bare `{ year, month, day }` object only has Object's, which
    // says `[object Object]`; that object is the wrong type, not a wrong date.
    let plain_object_to_string =
        js_sys::Reflect::get(&js_sys::Object::new(), &JsValue::from_str("toString")).ok();
    let text = js_sys::Reflect::get(value, &JsValue::from_str("toString"))
        .ok()
        .filter(|f| Some(f) != plain_object_to_string.as_ref())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(value).ok())
        .and_then(|t| t.as_string())
        .ok_or_else(|| Failure::argument(DATE_EXPECTED))?;
    let date = parse_date(&text)?;
    // The fields must be the text's: a calendar other than the ISO one is not read.
    if (
        f64::from(date.year()),
        f64::from(date.month()),
        f64::from(date.day()),
    ) != (year, month, day)
    {
        return Err(TimeError::InvalidDate.into());
    }
    Ok(date)
}

/// An instant argument.
pub(crate) fn instant_in(value: &JsValue) -> JsResult<Instant> {
    if let Some(text) = string_in(value)? {
        return Ok(parse_instant(&text)?);
    }
    let date = value.dyn_ref::<js_sys::Date>().ok_or_else(|| {
        Failure::argument("instant: RFC 3339 text with an offset or a Date expected")
    })?;
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
    #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
    office_offset: Option<String>,
) -> JsResult<String> {
    let offset = offset_in(office_offset, beijing())?;
    Ok(date_out(office_date(instant_in(&at)?, offset)))
}

/// The office month an instant falls on (§2.2.3 numbers complaints by it).
#[wasm_bindgen(js_name = yearMonthOf, unchecked_return_type = "YearMonthText")]
pub fn year_month_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
    office_offset: Option<String>,
) -> JsResult<String> {
    let offset = offset_in(office_offset, beijing())?;
    Ok(YearMonth::of_instant(instant_in(&at)?, offset).to_string())
}

/// An instant in the office offset, as RFC 3339 text.
#[wasm_bindgen(js_name = inOffice, unchecked_return_type = "Rfc3339")]
pub fn in_office_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
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
