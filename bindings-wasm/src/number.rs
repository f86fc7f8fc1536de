//! Complaint numbers (§2.2.3): `YYMMNNNN`, one sequence per month of receipt in office time.

use complaint_office::number as core_number;
use wasm_bindgen::prelude::*;

use crate::convert::{array_items, integer_in, saturating_i32, saturating_u32, text_of};
use crate::error::JsResult;
use crate::time::{beijing, instant_in, month_in, offset_in};

#[wasm_bindgen(typescript_custom_section)]
const TS_NUMBER: &str = r#"
/** A complaint number, 8 digits `YYMMNNNN`: `25090001`. */
export type ComplaintNumberText = string;
"#;

/// A complaint number: year (2000–2099), month and serial (0001–9999) of that month.
#[wasm_bindgen]
#[derive(Debug, Clone, Copy)]
pub struct ComplaintNumber(pub(crate) core_number::ComplaintNumber);

fn issued_in(values: &JsValue) -> JsResult<Vec<core_number::ComplaintNumber>> {
    let what = "issued: an array of complaint numbers (text or ComplaintNumber) expected";
    array_items(values, what)?
        .iter()
        .map(|v| Ok(core_number::ComplaintNumber::parse(&text_of(v, what)?)?))
        .collect()
}

#[wasm_bindgen]
impl ComplaintNumber {
    /// The number of `serial` in `month` of `year`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] month: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] serial: JsValue,
    ) -> JsResult<ComplaintNumber> {
        let year = saturating_i32(integer_in(&year, "year: a whole number expected")?);
        let month = saturating_u32(integer_in(&month, "month: a whole number expected")?);
        let serial = saturating_u32(integer_in(&serial, "serial: a whole number expected")?);
        Ok(ComplaintNumber(core_number::ComplaintNumber::new(
            year, month, serial,
        )?))
    }

    /// Reads exactly 8 ASCII digits `YYMMNNNN`.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "ComplaintNumberText")] text: &str,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(core_number::ComplaintNumber::parse(text)?))
    }

    /// The first number of a month, `YYYY-MM`.
    #[wasm_bindgen(js_name = firstOf)]
    pub fn first_of(
        #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(core_number::ComplaintNumber::first_of(
            month_in(month)?,
        )?))
    }

    /// The year, 2000–2099.
    #[wasm_bindgen(getter)]
    pub fn year(&self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    #[wasm_bindgen(getter)]
    pub fn month(&self) -> u32 {
        self.0.month()
    }

    /// The serial within the month, 1–9999.
    #[wasm_bindgen(getter)]
    pub fn serial(&self) -> u32 {
        self.0.serial()
    }

    /// The month, `YYYY-MM`.
    #[wasm_bindgen(getter, js_name = yearMonth, unchecked_return_type = "YearMonthText")]
    pub fn year_month(&self) -> String {
        self.0.year_month().to_string()
    }

    /// The next number of the same month.
    pub fn succ(&self) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.succ()?))
    }

    /// The 8 digits.
    #[wasm_bindgen(js_name = toString, unchecked_return_type = "ComplaintNumberText")]
    pub fn to_text(&self) -> String {
        self.0.to_string()
    }

    /// The 8 digits, for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ComplaintNumberText")]
    pub fn to_json(&self) -> String {
        self.0.to_string()
    }
}

/// The next number for the office month that `at` falls in, given the numbers already issued
/// (in any order and months); the office offset defaults to `+08:00`.
#[wasm_bindgen(js_name = nextNumberAt)]
pub fn next_number_at(
    #[wasm_bindgen(unchecked_param_type = "(ComplaintNumberText | ComplaintNumber)[]")]
    issued: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
    office_offset: Option<String>,
) -> JsResult<ComplaintNumber> {
    let issued = issued_in(&issued)?;
    let offset = offset_in(office_offset, beijing())?;
    Ok(ComplaintNumber(core_number::next_number_at(
        &issued,
        instant_in(&at)?,
        offset,
    )?))
}

/// The next number of `month` (`YYYY-MM`), given the numbers already issued.
#[wasm_bindgen(js_name = nextNumber)]
pub fn next_number(
    #[wasm_bindgen(unchecked_param_type = "(ComplaintNumberText | ComplaintNumber)[]")]
    issued: JsValue,
    #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
) -> JsResult<ComplaintNumber> {
    let issued = issued_in(&issued)?;
    Ok(ComplaintNumber(core_number::next_number(
        &issued,
        month_in(month)?,
    )?))
}

/// Per-month sequences of issued numbers: what a registration desk keeps to number the next
/// complaint without gaps or duplicates.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct NumberSequences(core_number::NumberSequences);

#[wasm_bindgen]
impl NumberSequences {
    /// No number issued yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> NumberSequences {
        NumberSequences(core_number::NumberSequences::new())
    }

    /// The sequences after the numbers already issued (a duplicate is `number.duplicate`).
    #[wasm_bindgen(js_name = fromIssued)]
    pub fn from_issued(
        #[wasm_bindgen(unchecked_param_type = "(ComplaintNumberText | ComplaintNumber)[]")]
        issued: JsValue,
    ) -> JsResult<NumberSequences> {
        Ok(NumberSequences(core_number::NumberSequences::from_issued(
            issued_in(&issued)?,
        )?))
    }

    /// Notes a number issued elsewhere.
    pub fn record(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ComplaintNumberText | ComplaintNumber")]
        number: JsValue,
    ) -> JsResult<()> {
        let text = text_of(&number, "number: a complaint number expected")?;
        self.0.record(core_number::ComplaintNumber::parse(&text)?);
        Ok(())
    }

    /// The number the next complaint of `month` will get, without issuing it.
    pub fn peek(
        &self,
        #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.peek(month_in(month)?)?))
    }

    /// Issues the next number of `month`.
    pub fn issue(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.issue(month_in(month)?)?))
    }

    /// The last number issued in `month`, if any.
    pub fn last(
        &self,
        #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
    ) -> JsResult<Option<ComplaintNumber>> {
        Ok(self.0.last(month_in(month)?).map(ComplaintNumber))
    }
}

#[wasm_bindgen]
impl NumberSequences {
    /// The last number issued in each month, `NumberSequences(25080003, 25090001)`: what
    /// `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let lasts = self.0.lasts().map(|n| n.to_string()).collect::<Vec<_>>();
        format!("NumberSequences({})", lasts.join(", "))
    }
}

/// Numbers complaints as they arrive (§2.2.3): the month of each receipt in the office's time
/// (`+08:00` by default), then that month's next serial, without gaps or duplicates.
#[wasm_bindgen]
#[derive(Debug)]
pub struct NumberAllocator(core_number::NumberAllocator);

#[wasm_bindgen]
impl NumberAllocator {
    /// An allocator with no number issued yet.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
        office_offset: Option<String>,
    ) -> JsResult<NumberAllocator> {
        let office = offset_in(office_offset, beijing())?;
        Ok(NumberAllocator(core_number::NumberAllocator::new(office)))
    }

    /// An allocator that continues after `sequences` (for example `NumberSequences.fromIssued`
    /// over the numbers a store holds); the sequences are copied.
    #[wasm_bindgen(js_name = withSequences)]
    pub fn with_sequences(
        sequences: &NumberSequences,
        #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
        office_offset: Option<String>,
    ) -> JsResult<NumberAllocator> {
        let office = offset_in(office_offset, beijing())?;
        Ok(NumberAllocator(
            core_number::NumberAllocator::with_sequences(office, sequences.0.clone()),
        ))
    }

    /// Issues the next number for the office month `at` falls in.
    pub fn allocate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.allocate(instant_in(&at)?)?))
    }

    /// Issues the next number of `month` (`YYYY-MM`: a late registration for an earlier month
    /// continues that month's sequence).
    #[wasm_bindgen(js_name = allocateIn)]
    pub fn allocate_in(
        &self,
        #[wasm_bindgen(unchecked_param_type = "YearMonthText")] month: &str,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.allocate_in(month_in(month)?)?))
    }

    /// The number the next complaint received at `at` would get, without issuing it.
    pub fn peek(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    ) -> JsResult<ComplaintNumber> {
        Ok(ComplaintNumber(self.0.peek(instant_in(&at)?)?))
    }

    /// Notes a number issued elsewhere.
    pub fn record(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ComplaintNumberText | ComplaintNumber")]
        number: JsValue,
    ) -> JsResult<()> {
        let text = text_of(&number, "number: a complaint number expected")?;
        self.0.record(core_number::ComplaintNumber::parse(&text)?);
        Ok(())
    }

    /// A copy of the current sequences (to persist them, or to inspect).
    pub fn snapshot(&self) -> NumberSequences {
        NumberSequences(self.0.snapshot())
    }

    /// `NumberAllocator(+08:00, 25090003)`: the office offset and the last number of each month.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        let mut parts = vec![self.0.office().to_string()];
        parts.extend(self.0.snapshot().lasts().map(|n| n.to_string()));
        format!("NumberAllocator({})", parts.join(", "))
    }
}
