//! The office's working calendar: PRC statutory holidays, make-up working days, company days,
//! office hours; O(1) working-day arithmetic and batch forms.

use std::sync::Arc;

use complaint_office::calendar as core;

use crate::classify::Labels;
use crate::error::{Result, guard, within};
use crate::time::{LocalDate, ZoneOffset};
use complaint_office::input::MAX_TEXT_FILE_BYTES;

pub use crate::vocabulary::{DayKind, DayReason, DecidedBy, Festival, NoticeKind, Regulation};

// The result records (`Notice`, `DayInfo`) and their conversions from the core's, generated
// from the core's structs by `tools/boundary`.
include!("generated/calendar_records.rs");

#[uniffi::export]
impl Festival {
    /// The festival's names in Traditional Chinese, Simplified Chinese and English.
    pub fn labels(&self) -> Labels {
        labels(*self)
    }
}

fn labels(festival: Festival) -> Labels {
    let (zh_hant, zh_hans, en) = core::Festival::from(festival).labels();
    Labels {
        zh_hant: zh_hant.to_owned(),
        zh_hans: zh_hans.to_owned(),
        en: en.to_owned(),
    }
}

/// A span of dates, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DateRange {
    /// The first day.
    pub first: LocalDate,
    /// The last day.
    pub last: LocalDate,
}

/// The office's working calendar. Immutable; cheap to share between threads.
#[derive(Debug, Clone, PartialEq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct Calendar(pub(crate) core::Calendar);

fn arc(calendar: core::Calendar) -> Arc<Calendar> {
    Arc::new(Calendar(calendar))
}

#[uniffi::export]
impl Calendar {
    /// The built-in PRC statutory calendar in Beijing time, without office hours.
    #[uniffi::constructor]
    pub fn cn() -> Arc<Self> {
        arc(core::Calendar::cn())
    }

    /// Monday to Friday only, no statutory data, in Beijing time.
    #[uniffi::constructor]
    pub fn weekdays() -> Arc<Self> {
        arc(core::Calendar::weekdays())
    }

    /// The built-in PRC statutory calendar in Beijing time, without office hours (the same
    /// as [`Self::cn`]).
    // The API's name (`Calendar.default()` in the other bindings); a UniFFI constructor returns an
    // `Arc`, which `Default` cannot.
    #[allow(clippy::should_implement_trait)]
    #[uniffi::constructor]
    pub fn default() -> Arc<Self> {
        arc(core::Calendar::cn())
    }

    /// The calendar a policy's `[calendar]` section describes, given as JSON text (`base`,
    /// `extra_off_days`, `extra_working_days`, `office_hours`, `years`, …), in the section's
    /// `office_offset`, else in `office_offset` (`+08:00` when null).
    ///
    /// # Errors
    /// `policy.invalid_value` (key `calendar`) for text that is not such a section;
    /// `calendar.contradiction`, `calendar.invalid_office_hours`,
    /// `calendar.invalid_holiday_data`, `calendar.out_of_range` as the policy's calendar;
    /// `input.too_large` over 64 MiB.
    #[uniffi::constructor]
    pub fn from_config(json: String, office_offset: Option<ZoneOffset>) -> Result<Arc<Self>> {
        within(json.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| {
            let config: core::CalendarConfig = serde_json::from_str(&json).map_err(|_| {
                complaint_office::policy::PolicyError::invalid(
                    "calendar",
                    "not a calendar section (base, extra_off_days, extra_working_days, office_hours, years)",
                )
            })?;
            let offset = office_offset.unwrap_or_else(core::beijing);
            Ok(arc(core::Calendar::from_config(&config, offset)?))
        })
    }

    /// This calendar with years of statutory data in the holiday-cn JSON format (one year
    /// object or an array of them); a year already present is replaced.
    ///
    /// # Errors
    /// `calendar.invalid_holiday_data`; `input.too_large` over 64 MiB of text.
    pub fn with_holiday_cn(&self, json: String) -> Result<Arc<Self>> {
        within(json.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| Ok(arc(self.0.with_holiday_cn(&json)?)))
    }

    /// This calendar in another office offset.
    ///
    /// # Errors
    /// Only for an offset out of range.
    pub fn with_offset(&self, offset: ZoneOffset) -> Result<Arc<Self>> {
        guard(|| Ok(arc(self.0.with_offset(offset))))
    }

    /// This calendar with office hours, like `["09:00-12:00", "13:30-18:00"]` (a due time
    /// is then close of business); an empty list for none.
    ///
    /// # Errors
    /// `calendar.invalid_office_hours` for an interval that is not `HH:MM-HH:MM`, ends before
    /// it starts or overlaps another.
    pub fn with_office_hours(&self, office_hours: Vec<String>) -> Result<Arc<Self>> {
        guard(|| {
            let hours = if office_hours.is_empty() {
                None
            } else {
                let intervals = office_hours
                    .iter()
                    .map(|s| s.parse::<core::OfficeInterval>())
                    .collect::<std::result::Result<Vec<_>, _>>()?;
                Some(core::OfficeHours::new(intervals)?)
            };
            Ok(arc(self.0.with_office_hours(hours)))
        })
    }

    /// The office offset: which day an instant falls on is decided in it.
    pub fn offset(&self) -> ZoneOffset {
        self.0.offset()
    }

    /// The office hours, like `["09:00-12:00", "13:30-18:00"]`; empty for none.
    pub fn office_hours(&self) -> Vec<String> {
        self.0
            .office_hours()
            .map(|h| h.intervals().iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn is_working_day(&self, date: LocalDate) -> Result<bool> {
        guard(|| Ok(self.0.is_working_day(date)))
    }

    /// Everything the calendar knows about `date`.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn day(&self, date: LocalDate) -> Result<DayInfo> {
        guard(|| Ok(DayInfo::from(&self.0.day(date))))
    }

    /// Whether statutory data covers the year of `date`.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn covers(&self, date: LocalDate) -> Result<bool> {
        guard(|| Ok(self.0.covers(date)))
    }

    /// Whether statutory data covers every year from `from` to `to`.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn covers_span(&self, from: LocalDate, to: LocalDate) -> Result<bool> {
        guard(|| Ok(self.0.covers_span(from, to)))
    }

    /// The years with statutory data, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.0.covered_years()
    }

    /// The first and last day of the run of covered years from the first one.
    pub fn covered_range(&self) -> Option<DateRange> {
        self.0
            .covered_range()
            .map(|(first, last)| DateRange { first, last })
    }

    /// The `days`-th working day after `date` (the next working day is 1); `0` gives `date`
    /// if it is a working day, else the next one; negative counts go backwards.
    ///
    /// # Errors
    /// `calendar.out_of_range` outside 1900-01-01..=2999-12-31.
    pub fn add_working_days(&self, date: LocalDate, days: i64) -> Result<LocalDate> {
        guard(|| Ok(self.0.add_working_days(date, days)?))
    }

    /// The number of working days in `(from, to]`; negative when `to` is before `from`.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn working_days_between(&self, from: LocalDate, to: LocalDate) -> Result<i64> {
        guard(|| Ok(self.0.working_days_between(from, to)))
    }

    /// `date` if it is a working day, else the next working day (Civil Code art. 203 ¶1).
    ///
    /// # Errors
    /// `calendar.out_of_range` past 2999-12-31.
    pub fn roll_forward(&self, date: LocalDate) -> Result<LocalDate> {
        guard(|| Ok(self.0.roll_forward(date)?))
    }

    /// [`Self::add_working_days`] over many dates; `days` has one count per date, or one for
    /// all.
    ///
    /// # Errors
    /// `calendar.length_mismatch`, or the first failing element's code.
    pub fn add_working_days_many(
        &self,
        dates: Vec<LocalDate>,
        days: Vec<i64>,
    ) -> Result<Vec<LocalDate>> {
        guard(|| Ok(self.0.add_working_days_many(&dates, &days)?))
    }

    /// [`Self::is_working_day`] over many dates.
    ///
    /// # Errors
    /// `time.*` for a date the library cannot read.
    pub fn is_working_day_many(&self, dates: Vec<LocalDate>) -> Result<Vec<bool>> {
        guard(|| Ok(dates.iter().map(|&d| self.0.is_working_day(d)).collect()))
    }

    /// [`Self::working_days_between`] over pairs; `to` has one date per `from`, or one for all.
    ///
    /// # Errors
    /// `calendar.length_mismatch`.
    pub fn working_days_between_many(
        &self,
        from: Vec<LocalDate>,
        to: Vec<LocalDate>,
    ) -> Result<Vec<i64>> {
        guard(|| Ok(self.0.working_days_between_many(&from, &to)?))
    }

    /// [`Self::add_working_days`] over epoch days (days since 1970-01-01): the fast batch form
    /// for arrays of dates.
    ///
    /// # Errors
    /// `calendar.length_mismatch`, `calendar.out_of_range`.
    pub fn add_working_days_epoch(&self, epoch_days: Vec<i64>, days: Vec<i64>) -> Result<Vec<i64>> {
        guard(|| {
            let mut out = vec![0; epoch_days.len()];
            self.0
                .add_working_days_epoch(&epoch_days, &days, &mut out)?;
            Ok(out)
        })
    }

    /// [`Self::working_days_between`] over epoch days.
    ///
    /// # Errors
    /// `calendar.length_mismatch`.
    pub fn working_days_between_epoch(&self, from: Vec<i64>, to: Vec<i64>) -> Result<Vec<i64>> {
        guard(|| {
            let mut out = vec![0; from.len()];
            self.0.working_days_between_epoch(&from, &to, &mut out)?;
            Ok(out)
        })
    }

    /// [`Self::is_working_day`] over epoch days.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn is_working_day_epoch(&self, epoch_days: Vec<i64>) -> Result<Vec<bool>> {
        guard(|| Ok(self.0.is_working_day_epoch(&epoch_days)))
    }

    /// Whether the day numbered `epoch_day` (days since 1970-01-01) is a working day:
    /// [`Self::is_working_day`] for a caller that holds day numbers.
    ///
    /// # Errors
    /// `calendar.out_of_range` for a day outside 1900-01-01..=2999-12-31.
    pub fn is_working_epoch_day(&self, epoch_day: i64) -> Result<bool> {
        guard(|| {
            core::from_epoch_day(epoch_day)?;
            Ok(self.0.is_working_epoch_day(epoch_day))
        })
    }

    /// [`Self::add_working_days`] over day numbers: the day number of the `days`-th working
    /// day after the day numbered `epoch_day`.
    ///
    /// # Errors
    /// `calendar.out_of_range` when the day or the result lies outside
    /// 1900-01-01..=2999-12-31.
    pub fn add_working_days_to_epoch_day(&self, epoch_day: i64, days: i64) -> Result<i64> {
        guard(|| Ok(self.0.add_working_days_epoch_day(epoch_day, days)?))
    }
}

/// Days since 1970-01-01 of a date.
///
/// # Errors
/// `time.*` for a date the library cannot read.
#[uniffi::export]
pub fn to_epoch_day(date: LocalDate) -> Result<i64> {
    guard(|| Ok(core::to_epoch_day(date)))
}

/// The date `days` after 1970-01-01.
///
/// # Errors
/// `calendar.out_of_range` outside 1900-01-01..=2999-12-31.
#[uniffi::export]
pub fn from_epoch_day(days: i64) -> Result<LocalDate> {
    guard(|| Ok(core::from_epoch_day(days)?))
}

/// `Calendar(covered_years=2007..2026, offset=+08:00)`: Kotlin's `toString()`.
impl std::fmt::Display for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let years = self.0.covered_years();
        let offset = complaint_office::time::format_offset(self.0.offset());
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => write!(f, "Calendar(covered_years={a}..{b}, offset={offset})"),
            _ => write!(f, "Calendar(covered_years=none, offset={offset})"),
        }
    }
}
