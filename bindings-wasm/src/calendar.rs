//! The working-day calendar: weekends, statutory holidays, make-up working days, company days.

use complaint_office::calendar::{
    self as core_calendar, CalendarConfig, Festival, OfficeHours, OfficeInterval,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::classify::LabelsJs;
use crate::convert::{
    Js, array_items, integer, integer_in, json_text, json_text_within, or_null, string_in, to_js,
};
use crate::error::{Failure, JsResult, calendar_failure};
use crate::time::{date_in, date_js, date_out, offset_in};
use complaint_office::input::MAX_TEXT_FILE_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const TS_CALENDAR: &str = r#"
/** A span of dates, both ends included. */
export interface DateRange {
  first: IsoDate;
  last: IsoDate;
}

/** One year of statutory data in the widely used holiday-cn format. */
export interface HolidayCnYear {
  year: number;
  days: { name?: string; date: IsoDate; isOffDay: boolean }[];
}

/** Office hours, `HH:MM-HH:MM`: `09:00-12:00`. */
export type OfficeIntervalText = string;

/** One year of statutory data in a policy's `calendar.years` (a stored format: snake_case keys). */
export interface YearData {
  year: number;
  off_days?: IsoDate[];
  working_days?: IsoDate[];
  /** The notice's document number, `国办发明电〔2026〕8号`, if known (a day's `source`). */
  notice?: string | null;
  /** The date the notice bears, if known. */
  notice_date?: IsoDate | null;
}

/** The `[calendar]` section of a policy file, and each of its `[[calendars]]` (a stored format:
 * snake_case keys). */
export interface CalendarConfig {
  /** The calendar's name: `"default"` for `[calendar]` unless set; required in `calendars`. */
  name?: string;
  /** The offset its days are decided in (the office offset when left out). */
  office_offset?: OffsetText;
  base?: "cn" | "weekdays" | "every_day";
  extra_off_days?: IsoDate[];
  extra_working_days?: IsoDate[];
  office_hours?: OfficeIntervalText[];
  years?: YearData[];
  /** Whether art. 203's roll to the next working day also passes company days off. */
  roll_past_extra_off_days?: boolean;
}
"#;

/// A working-day calendar: which days are worked, in which office offset, with which office
/// hours. Values are immutable: `with*` methods return a new calendar.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Calendar(pub(crate) core_calendar::Calendar);

/// The labels of a festival (`DayInfo.labels`).
pub(crate) fn festival_labels(festival: Festival) -> LabelsJs<'static> {
    let (zh_hant, zh_hans, en) = festival.labels();
    LabelsJs {
        zh_hant,
        zh_hans,
        en,
    }
}

#[derive(Serialize)]
struct DateRangeJs {
    first: String,
    last: String,
}

fn dates_in(values: &JsValue, what: &str) -> JsResult<Vec<chrono::NaiveDate>> {
    array_items(values, what)?.iter().map(date_in).collect()
}

fn counts_in(values: &[f64]) -> JsResult<Vec<i64>> {
    values
        .iter()
        .map(|&n| integer(n, "days: whole numbers expected"))
        .collect()
}

#[wasm_bindgen]
impl Calendar {
    /// The built-in PRC statutory calendar in Beijing time, without office hours.
    pub fn cn() -> Calendar {
        Calendar(core_calendar::Calendar::cn())
    }

    /// Monday to Friday only, no statutory data, in Beijing time.
    pub fn weekdays() -> Calendar {
        Calendar(core_calendar::Calendar::weekdays())
    }

    /// The calendar a policy's `[calendar]` section describes, in the office offset
    /// (`+08:00` when not given).
    #[wasm_bindgen(js_name = fromConfig)]
    pub fn from_config(
        #[wasm_bindgen(unchecked_param_type = "CalendarConfig | string")] config: JsValue,
        #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
        office_offset: Option<String>,
    ) -> JsResult<Calendar> {
        let text = json_text(&config, "config: a calendar section (object or JSON text)")?;
        let config: CalendarConfig = serde_json::from_str(&text).map_err(|_| {
            Failure::argument("config: not a calendar section (base, extra_off_days, extra_working_days, office_hours, years)")
        })?;
        let offset = offset_in(office_offset, crate::time::beijing())?;
        Ok(Calendar(core_calendar::Calendar::from_config(
            &config, offset,
        )?))
    }

    /// This calendar with statutory data in the holiday-cn JSON format (one year or an array
    /// of years, as objects or JSON text); a year already present is replaced. At most
    /// `maxBytes` bytes of JSON text (64 MiB by default), else `input.too_large`.
    #[wasm_bindgen(js_name = withHolidayCn)]
    pub fn with_holiday_cn(
        &self,
        #[wasm_bindgen(unchecked_param_type = "HolidayCnYear | HolidayCnYear[] | string")]
        data: JsValue,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Calendar> {
        let text = json_text_within(
            &data,
            "data: holiday-cn data (object, array or JSON text)",
            MAX_TEXT_FILE_BYTES,
            &max_bytes,
        )?;
        Ok(Calendar(self.0.with_holiday_cn(&text)?))
    }

    /// This calendar in another office offset.
    #[wasm_bindgen(js_name = withOffset)]
    pub fn with_offset(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OffsetText")] offset: String,
    ) -> JsResult<Calendar> {
        let offset = offset_in(Some(offset), self.0.offset())?;
        Ok(Calendar(self.0.with_offset(offset)))
    }

    /// The office offset: which day an instant falls on is decided in it.
    #[wasm_bindgen(getter, unchecked_return_type = "OffsetText")]
    pub fn offset(&self) -> String {
        complaint_office::time::format_offset(self.0.offset())
    }

    /// The office hours, if configured.
    #[wasm_bindgen(getter, js_name = officeHours, unchecked_return_type = "OfficeIntervalText[] | null")]
    pub fn office_hours(&self) -> JsValue {
        or_null(self.0.office_hours().map(|h| {
            h.intervals()
                .iter()
                .map(|i| JsValue::from_str(&i.to_string()))
                .collect::<js_sys::Array>()
        }))
    }

    /// A copy with other office hours (`HH:MM-HH:MM` intervals, in order, not overlapping),
    /// or none with `null`: a day-based period then ends at midnight, not at close of
    /// business. A bad interval is `calendar.invalid_office_hours` with its `index`.
    #[wasm_bindgen(js_name = withOfficeHours)]
    pub fn with_office_hours(
        &self,
        #[wasm_bindgen(unchecked_param_type = "OfficeIntervalText[] | null")] hours: JsValue,
    ) -> JsResult<Calendar> {
        const WHAT: &str = "hours: an array of HH:MM-HH:MM intervals, or null, expected";
        if hours.is_null() || hours.is_undefined() {
            return Ok(Calendar(self.0.with_office_hours(None)));
        }
        let intervals = array_items(&hours, WHAT)?
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let text = string_in(item)?.ok_or_else(|| Failure::argument_at(WHAT, index))?;
                text.parse::<OfficeInterval>()
                    .map_err(|e| Failure::at(&e, Some(index)))
            })
            .collect::<JsResult<Vec<_>>>()?;
        let hours = OfficeHours::new(intervals).map_err(calendar_failure)?;
        Ok(Calendar(self.0.with_office_hours(Some(hours))))
    }

    /// Whether `date` is a working day.
    #[wasm_bindgen(js_name = isWorkingDay)]
    pub fn is_working_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<bool> {
        Ok(self.0.is_working_day(date_in(&date)?))
    }

    /// Everything the calendar knows about `date`.
    #[wasm_bindgen(unchecked_return_type = "DayInfo")]
    pub fn day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<JsValue> {
        to_js(&Js(&self.0.day(date_in(&date)?)))
    }

    /// Whether statutory data covers the year of `date`.
    pub fn covers(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<bool> {
        Ok(self.0.covers(date_in(&date)?))
    }

    /// The years with statutory data, ascending.
    #[wasm_bindgen(js_name = coveredYears)]
    pub fn covered_years(&self) -> Vec<i32> {
        self.0.covered_years()
    }

    /// The first and last day of the run of covered years that starts at the first one.
    #[wasm_bindgen(js_name = coveredRange, unchecked_return_type = "DateRange | null")]
    pub fn covered_range(&self) -> JsResult<JsValue> {
        to_js(&self.0.covered_range().map(|(first, last)| DateRangeJs {
            first: date_out(first),
            last: date_out(last),
        }))
    }

    /// The `days`-th working day after `date` (the next working day is 1); for 0, `date`
    /// itself if it is a working day, else the next one; negative counts go backwards.
    #[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "IsoDate")]
    pub fn add_working_days(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    ) -> JsResult<JsValue> {
        let days = integer_in(&days, "days: a whole number expected")?;
        Ok(date_js(self.0.add_working_days(date_in(&date)?, days)?))
    }

    /// The number of working days in `(from, to]`; negative when `to` is before `from`.
    #[wasm_bindgen(js_name = workingDaysBetween)]
    pub fn working_days_between(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] to: JsValue,
    ) -> JsResult<f64> {
        let count = self.0.working_days_between(date_in(&from)?, date_in(&to)?);
        // At most ±400,000 days: exact as a JavaScript number.
        #[allow(clippy::cast_precision_loss)]
        Ok(count as f64)
    }

    /// `date` if it is a working day, else the next working day (Civil Code art. 203 ¶1).
    #[wasm_bindgen(js_name = rollForward, unchecked_return_type = "IsoDate")]
    pub fn roll_forward(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<JsValue> {
        Ok(date_js(self.0.roll_forward(date_in(&date)?)?))
    }

    /// `addWorkingDays` over many dates; `days` has one count per date, or one for all.
    #[wasm_bindgen(js_name = addWorkingDaysMany, unchecked_return_type = "IsoDate[]")]
    pub fn add_working_days_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput[]")] dates: JsValue,
        days: Vec<f64>,
    ) -> JsResult<Vec<String>> {
        let dates = dates_in(&dates, "dates: an array of dates expected")?;
        let days = counts_in(&days)?;
        let out = self
            .0
            .add_working_days_many(&dates, &days)
            .map_err(calendar_failure)?;
        Ok(out.into_iter().map(date_out).collect())
    }

    /// `isWorkingDay` over many dates, in order (an element that is not a date is refused
    /// with its `index`).
    #[wasm_bindgen(js_name = isWorkingDayMany, unchecked_return_type = "boolean[]")]
    pub fn is_working_day_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput[]")] dates: JsValue,
    ) -> JsResult<JsValue> {
        let dates = dates_in(&dates, "dates: an array of dates expected")?;
        to_js(
            &dates
                .iter()
                .map(|&d| self.0.is_working_day(d))
                .collect::<Vec<_>>(),
        )
    }

    /// Whether statutory data covers every year from the year of `from` to that of `to`
    /// (in either order): a span whose periods are not provisional.
    #[wasm_bindgen(js_name = coversSpan)]
    pub fn covers_span(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateInput")] to: JsValue,
    ) -> JsResult<bool> {
        Ok(self.0.covers_span(date_in(&from)?, date_in(&to)?))
    }

    /// `workingDaysBetween` over pairs; `to` has one date per `from`, or one for all.
    #[wasm_bindgen(js_name = workingDaysBetweenMany)]
    pub fn working_days_between_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DateInput[]")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "DateInput[]")] to: JsValue,
    ) -> JsResult<Vec<f64>> {
        let from = dates_in(&from, "from: an array of dates expected")?;
        let to = dates_in(&to, "to: an array of dates expected")?;
        let out = self
            .0
            .working_days_between_many(&from, &to)
            .map_err(calendar_failure)?;
        #[allow(clippy::cast_precision_loss)]
        Ok(out.into_iter().map(|n| n as f64).collect())
    }

    /// `addWorkingDays` over day numbers (days since 1970-01-01): one result per element of
    /// `days`; `n` has one count per day, or one for all.
    #[wasm_bindgen(js_name = addWorkingDaysEpoch)]
    pub fn add_working_days_epoch(&self, days: &[i32], n: &[i32]) -> JsResult<Vec<i32>> {
        let mut out = vec![0; days.len()];
        self.0
            .add_working_days_epoch(days, n, &mut out)
            .map_err(calendar_failure)?;
        Ok(out)
    }

    /// `workingDaysBetween` over day numbers; `to` has one day per `from`, or one for all.
    #[wasm_bindgen(js_name = workingDaysBetweenEpoch)]
    pub fn working_days_between_epoch(&self, from: &[i32], to: &[i32]) -> JsResult<Vec<i32>> {
        let mut out = vec![0; from.len()];
        self.0
            .working_days_between_epoch(from, to, &mut out)
            .map_err(calendar_failure)?;
        Ok(out)
    }

    /// `isWorkingDay` over day numbers: 1 for a working day, 0 otherwise.
    #[wasm_bindgen(js_name = isWorkingDayEpoch)]
    pub fn is_working_day_epoch(&self, days: &[i32]) -> Vec<u8> {
        self.0
            .is_working_day_epoch(days)
            .into_iter()
            .map(u8::from)
            .collect()
    }

    /// Whether the day numbered `day` (days since 1970-01-01) is a working day:
    /// `isWorkingDay` for a caller that holds day numbers, without a date crossing the
    /// boundary. `day` must be a whole number (`input.invalid_number`) for a date from
    /// 1900-01-01 to 2999-12-31 (`calendar.out_of_range`).
    #[wasm_bindgen(js_name = isWorkingEpochDay)]
    pub fn is_working_epoch_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] day: JsValue,
    ) -> JsResult<bool> {
        let day = integer_in(&day, "day: a whole number expected")?;
        Ok(self.0.is_working_day(core_calendar::from_epoch_day(day)?))
    }

    /// `addWorkingDays` over day numbers (days since 1970-01-01): the day number of the
    /// `n`-th working day after the day numbered `day`. Errors as `addWorkingDays` and
    /// `isWorkingEpochDay`.
    #[wasm_bindgen(js_name = addWorkingDaysToEpochDay)]
    pub fn add_working_days_to_epoch_day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] day: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> JsResult<f64> {
        let day = integer_in(&day, "day: a whole number expected")?;
        let n = integer_in(&n, "n: a whole number expected")?;
        // Within ±400,000: exact as a JavaScript number.
        #[allow(clippy::cast_precision_loss)]
        Ok(self.0.add_working_days_epoch_day(day, n)? as f64)
    }

    /// The day number (days since 1970-01-01) of a date.
    #[wasm_bindgen(js_name = toEpochDay)]
    pub fn to_epoch_day(
        #[wasm_bindgen(unchecked_param_type = "DateInput")] date: JsValue,
    ) -> JsResult<f64> {
        #[allow(clippy::cast_precision_loss)]
        Ok(core_calendar::to_epoch_day(date_in(&date)?) as f64)
    }

    /// The date of a day number.
    #[wasm_bindgen(js_name = fromEpochDay, unchecked_return_type = "IsoDate")]
    pub fn from_epoch_day(
        #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    ) -> JsResult<JsValue> {
        let days = integer_in(&days, "days: a whole number expected")?;
        Ok(date_js(core_calendar::from_epoch_day(days)?))
    }
}

/// The fast routes of `isWorkingDay`, `addWorkingDays`, `isWorkingEpochDay` and
/// `addWorkingDaysToEpochDay` (issue 22): plain `i32` day numbers in and out, no allocation,
/// no `Result`. Not part of the API: `glue/calendar.mjs` calls these wasm exports directly for
/// arguments it has checked (strict `YYYY-MM-DD` text, a valid `Date`, whole numbers in range)
/// and removes the methods from the class; every other argument goes to the methods above, so
/// each error is theirs.
#[wasm_bindgen]
impl Calendar {
    /// `isWorkingEpochDay` of a day number the glue has checked.
    #[doc(hidden)]
    #[wasm_bindgen(js_name = __fastIsWorking, skip_typescript)]
    pub fn fast_is_working(&self, day: i32) -> bool {
        self.0.is_working_epoch_day(day.into())
    }

    /// `addWorkingDaysToEpochDay` of a day number and a count the glue has checked;
    /// `i32::MIN` when the result is out of range (the glue then asks the method above,
    /// which says so with the error).
    #[doc(hidden)]
    #[wasm_bindgen(js_name = __fastAddWorkingDays, skip_typescript)]
    pub fn fast_add_working_days(&self, day: i32, n: i32) -> i32 {
        self.0
            .add_working_days_epoch_day(day.into(), n.into())
            .ok()
            .and_then(|d| i32::try_from(d).ok())
            .unwrap_or(i32::MIN)
    }
}

#[wasm_bindgen]
impl Calendar {
    /// `Calendar(coveredYears=2007..2026, offset=+08:00)`: what `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let years = self.0.covered_years();
        let offset = complaint_office::time::format_offset(self.0.offset());
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!("Calendar(coveredYears={a}..{b}, offset={offset})"),
            _ => format!("Calendar(coveredYears=none, offset={offset})"),
        }
    }
}
