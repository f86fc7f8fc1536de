//! Instants, dates, offsets and months across the boundary.
//!
//! They cross as text in the core's own formats and become native types where
//! `bindings-ffi/uniffi.toml` says so:
//!
//! | UniFFI type | core | text | Kotlin/Java | Python | Swift |
//! |---|---|---|---|---|---|
//! | `OffsetDateTime` | [`Instant`] | RFC 3339, `2025-09-26T10:00:00+08:00` | `java.time.OffsetDateTime` | `datetime.datetime` | `String` |
//! | `LocalDate` | `NaiveDate` | `2025-09-26` | `java.time.LocalDate` | `datetime.date` | `String` |
//! | `ZoneOffset` | `FixedOffset` | `+08:00` | `java.time.ZoneOffset` | `str` | `String` |
//! | `YearMonth` | [`YearMonth`] | `2023-05` | `java.time.YearMonth` | `str` | `String` |
//!
//! Reading the text is the core's edge parsing, so a bad value is the core's error with its
//! code (`time.missing_offset` for an instant without offset, `time.out_of_range` for a date
//! outside 1900–2999), raised by whichever function received it.

use chrono::{FixedOffset, NaiveDate};
use complaint_office::time::{self, Instant, YearMonth as CoreYearMonth};

use crate::error::{ComplaintOfficeError, Result, guard};

/// An instant with its offset (the core's `Instant`).
pub type OffsetDateTime = Instant;
/// A calendar date.
pub type LocalDate = NaiveDate;
/// A UTC offset, like the office offset.
pub type ZoneOffset = FixedOffset;
/// A calendar month.
pub type YearMonth = CoreYearMonth;

fn lift_error(e: time::TimeError) -> uniffi::deps::anyhow::Error {
    // The scaffolding hands an argument's conversion error of our own type back to the caller
    // as that error (not as an internal one), so a bad date keeps its code.
    ComplaintOfficeError::from(e).into()
}

uniffi::custom_type!(OffsetDateTime, String, {
    remote,
    lower: |at| time::format_instant(&at),
    try_lift: |text| time::parse_instant(&text).map_err(lift_error),
});

uniffi::custom_type!(LocalDate, String, {
    remote,
    lower: |date| date.to_string(),
    try_lift: |text| time::parse_date(&text).map_err(lift_error),
});

uniffi::custom_type!(ZoneOffset, String, {
    remote,
    lower: |offset| time::format_offset(offset),
    try_lift: |text| time::parse_offset(&text).map_err(lift_error),
});

uniffi::custom_type!(YearMonth, String, {
    remote,
    lower: |month| month.to_string(),
    try_lift: |text| text.parse::<CoreYearMonth>().map_err(lift_error),
});

/// Reads an RFC 3339 instant; an offset is required (`parse_instant` of the core).
///
/// # Errors
/// `time.missing_offset`, `time.invalid_instant`, `time.out_of_range`.
#[uniffi::export]
pub fn parse_instant(text: String) -> Result<OffsetDateTime> {
    guard(|| Ok(time::parse_instant(&text)?))
}

/// Writes an instant as RFC 3339 in its own offset.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn format_instant(at: OffsetDateTime) -> Result<String> {
    guard(|| Ok(time::format_instant(&at)))
}

/// Reads a `YYYY-MM-DD` date.
///
/// # Errors
/// `time.invalid_date`, `time.out_of_range`.
#[uniffi::export]
pub fn parse_date(text: String) -> Result<LocalDate> {
    guard(|| Ok(time::parse_date(&text)?))
}

/// Reads a UTC offset: `+08:00`, `-05:30`, `+0800` or `Z`.
///
/// # Errors
/// `time.invalid_offset`.
#[uniffi::export]
pub fn parse_offset(text: String) -> Result<ZoneOffset> {
    guard(|| Ok(time::parse_offset(&text)?))
}

/// Reads a `YYYY-MM` month.
///
/// # Errors
/// `time.invalid_month`, `time.out_of_range`.
#[uniffi::export]
pub fn parse_year_month(text: String) -> Result<YearMonth> {
    guard(|| Ok(text.parse::<CoreYearMonth>()?))
}

/// The office date an instant falls on.
///
/// # Errors
/// Only for arguments out of range.
#[uniffi::export]
pub fn office_date(at: OffsetDateTime, office: ZoneOffset) -> Result<LocalDate> {
    guard(|| Ok(time::office_date(at, office)))
}

/// The office month an instant falls in (`YearMonth::of_instant`).
///
/// # Errors
/// Only for arguments out of range.
#[uniffi::export]
pub fn year_month_of_instant(at: OffsetDateTime, office: ZoneOffset) -> Result<YearMonth> {
    guard(|| Ok(CoreYearMonth::of_instant(at, office)))
}

/// The office month an instant falls in: the same as [`year_month_of_instant`] (the name the
/// other bindings use).
///
/// # Errors
/// Only for arguments out of range.
#[uniffi::export]
pub fn year_month_of(at: OffsetDateTime, office: ZoneOffset) -> Result<YearMonth> {
    year_month_of_instant(at, office)
}

/// The instant seen in office time: the same instant, in the office offset.
///
/// # Errors
/// Only for arguments out of range.
#[uniffi::export]
pub fn in_office(at: OffsetDateTime, office: ZoneOffset) -> Result<OffsetDateTime> {
    guard(|| Ok(time::in_office(at, office)))
}

/// An offset's canonical text, `+08:00` (`+0800`, `+08` and `Z` read as with
/// [`parse_offset`]; UTC is `+00:00`, where `ZoneOffset.toString()` says `Z`).
///
/// # Errors
/// `time.invalid_offset`.
#[uniffi::export]
pub fn normalize_offset(text: String) -> Result<String> {
    guard(|| Ok(time::format_offset(time::parse_offset(&text)?)))
}

/// Beijing time, the default office offset.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn beijing() -> Result<ZoneOffset> {
    guard(|| Ok(complaint_office::calendar::beijing()))
}
