//! The office's working time: which days are worked, in which offset, and (optionally) which
//! hours.
//!
//! Built in is the PRC statutory calendar (State Council notices, 2007–2026): statutory
//! holidays are days off, and make-up working days (調休, Saturdays and Sundays that are
//! worked) are working days. A policy merges its own company days into it
//! (`calendar.extra_off_days`, `calendar.extra_working_days`), and a host adds a newly announced
//! year at run time from the widely used holiday-cn JSON ([`Calendar::with_holiday_cn`]).
//!
//! Outside the years with statutory data the calendar falls back to Monday–Friday; such days
//! are not [`covered`](Calendar::covers), and a period that uses one says `provisional`.
//!
//! Working-day arithmetic is O(1) on any date: precomputed prefix sums over the years with data,
//! the Monday–Friday formula outside them.
//!
//! ```
//! use chrono::NaiveDate;
//! use complaint_office::calendar::Calendar;
//!
//! let cal = Calendar::cn();
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(cal.is_working_day(d(2025, 10, 11)));   // a Saturday, worked for National Day
//! assert!(!cal.is_working_day(d(2025, 10, 6)));   // a Monday inside the holiday
//! assert_eq!(cal.add_working_days(d(2025, 9, 26), 5)?, d(2025, 10, 10));
//! assert_eq!(cal.working_days_between(d(2025, 9, 26), d(2025, 10, 10)), 5);
//! # Ok::<(), complaint_office::calendar::CalendarError>(())
//! ```

mod cn;
mod festival;
mod holiday_cn;
mod office_hours;
mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, FixedOffset, NaiveDate, Offset, Weekday};
use serde::{Deserialize, Serialize};

pub use festival::Festival;
pub use office_hours::{OfficeHours, OfficeInterval};

use crate::error::ErrorCode;
use crate::time::{MAX_DATE, MIN_DATE};
use crate::vocabulary::vocabulary;
use table::{Table, day_number, from_day_number};

pub(crate) use office_hours::{seconds_of, time_of};

/// Why a calendar could not be built or a computation left the supported dates.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The result would lie outside 1900-01-01..=2999-12-31.
    #[error("date out of range: working-day results must lie between 1900-01-01 and 2999-12-31")]
    OutOfRange,
    /// Office hours that are not ascending, non-overlapping `HH:MM-HH:MM` intervals.
    #[error("invalid office hours: expected ascending, non-overlapping intervals like 09:00-12:00")]
    InvalidOfficeHours,
    /// The same date is both an extra day off and an extra working day.
    #[error("contradiction: {date} is both an extra day off and an extra working day")]
    Contradiction {
        /// The date listed twice.
        date: NaiveDate,
    },
    /// Holiday data (holiday-cn JSON or a policy's `calendar.years`) that cannot be used.
    #[error("invalid holiday data: {reason}")]
    InvalidHolidayData {
        /// What is wrong, without echoing the input.
        reason: String,
    },
    /// Batch inputs of different lengths.
    #[error("batch inputs differ in length: {left} dates and {right} day counts")]
    LengthMismatch {
        /// Length of the first input.
        left: usize,
        /// Length of the second input.
        right: usize,
    },
    /// A batch element failed; `source` says why.
    #[error("element {index}: {source}")]
    AtIndex {
        /// The position in the batch.
        index: usize,
        /// What went wrong there.
        source: Box<CalendarError>,
    },
}

impl ErrorCode for CalendarError {
    fn code(&self) -> &'static str {
        match self {
            CalendarError::OutOfRange => "calendar.out_of_range",
            CalendarError::InvalidOfficeHours => "calendar.invalid_office_hours",
            CalendarError::Contradiction { .. } => "calendar.contradiction",
            CalendarError::InvalidHolidayData { .. } => "calendar.invalid_holiday_data",
            CalendarError::LengthMismatch { .. } => "calendar.length_mismatch",
            CalendarError::AtIndex { source, .. } => source.code(),
        }
    }
}

/// The statutory data a calendar starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// The built-in PRC statutory calendar.
    #[default]
    Cn,
    /// No statutory data: Monday–Friday plus the policy's own days.
    Weekdays,
}

/// Statutory data for one year, as a policy file adds it (`[[calendar.years]]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct YearData {
    /// The year this data covers; the calendar then counts it as covered.
    pub year: i32,
    /// Days off (holidays; weekend days inside a holiday span may be listed too).
    pub off_days: Vec<NaiveDate>,
    /// Make-up working days (Saturdays and Sundays that are worked).
    pub working_days: Vec<NaiveDate>,
}

/// The `[calendar]` section of a policy file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarConfig {
    /// Statutory data to start from (`"cn"` by default).
    pub base: Base,
    /// Company days off, merged over the statutory data.
    pub extra_off_days: Vec<NaiveDate>,
    /// Company working days, merged over the statutory data.
    pub extra_working_days: Vec<NaiveDate>,
    /// Office hours, e.g. `["09:00-12:00", "13:30-18:00"]`; empty for none.
    pub office_hours: Vec<OfficeInterval>,
    /// Statutory data for further years (or corrections to built-in years).
    pub years: Vec<YearData>,
}

vocabulary! {
    /// What kind of day a date is, and why it is or is not worked.
    pub enum DayKind("kind of day", "calendar.unknown_day_kind") {
        /// Monday to Friday, worked.
        Weekday = "weekday",
        /// Saturday or Sunday, not worked.
        Weekend = "weekend",
        /// A statutory holiday day off (weekend days inside the span included).
        Holiday = "holiday",
        /// A Saturday or Sunday worked to make up for a holiday (調休).
        MakeupWorkday = "makeup_workday",
        /// A day off the company added.
        CompanyDayOff = "company_day_off",
        /// A working day the company added.
        CompanyWorkday = "company_workday",
    }
}

/// One day of the calendar, for timelines and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub working: bool,
    /// Why.
    pub kind: DayKind,
    /// The festival of a holiday or make-up day.
    pub festival: Option<Festival>,
    /// Whether statutory data covers the date's year (otherwise Monday–Friday is assumed).
    pub covered: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Statutory {
    off: bool,
    festival: Option<Festival>,
}

/// The office's working calendar. Cheap to clone (shared, immutable).
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

struct Inner {
    offset: FixedOffset,
    office_hours: Option<OfficeHours>,
    statutory: BTreeMap<NaiveDate, Statutory>,
    covered: BTreeSet<i32>,
    extra_off: BTreeSet<NaiveDate>,
    extra_working: BTreeSet<NaiveDate>,
    table: Table,
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let covered = self.covered_years();
        f.debug_struct("Calendar")
            .field("offset", &self.inner.offset)
            .field("office_hours", &self.inner.office_hours)
            .field(
                "covered_years",
                &(covered.first(), covered.last(), covered.len()),
            )
            .field("extra_off_days", &self.inner.extra_off.len())
            .field("extra_working_days", &self.inner.extra_working.len())
            .finish()
    }
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.inner, &*other.inner);
        Arc::ptr_eq(&self.inner, &other.inner)
            || (a.offset == b.offset
                && a.office_hours == b.office_hours
                && a.statutory == b.statutory
                && a.covered == b.covered
                && a.extra_off == b.extra_off
                && a.extra_working == b.extra_working)
    }
}

/// Beijing time, the default office offset.
pub fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix())
}

fn cn_statutory() -> (BTreeMap<NaiveDate, Statutory>, BTreeSet<i32>) {
    static CN: OnceLock<(BTreeMap<NaiveDate, Statutory>, BTreeSet<i32>)> = OnceLock::new();
    CN.get_or_init(build_cn_statutory).clone()
}

fn build_cn_statutory() -> (BTreeMap<NaiveDate, Statutory>, BTreeSet<i32>) {
    let mut statutory = BTreeMap::new();
    let rows = cn::DAYS_OFF
        .iter()
        .map(|row| (row, true))
        .chain(cn::MAKEUP_WORKING_DAYS.iter().map(|row| (row, false)));
    for (&(y, m, d, festival), off) in rows {
        if let Some(date) = NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
            statutory.insert(
                date,
                Statutory {
                    off,
                    festival: Some(festival),
                },
            );
        }
    }
    (statutory, (cn::FIRST_YEAR..=cn::LAST_YEAR).collect())
}

impl Calendar {
    /// The built-in PRC statutory calendar in Beijing time, without office hours.
    pub fn cn() -> Calendar {
        static CN: OnceLock<Calendar> = OnceLock::new();
        CN.get_or_init(|| {
            let (statutory, covered) = cn_statutory();
            Calendar::assemble(
                beijing(),
                None,
                statutory,
                covered,
                BTreeSet::new(),
                BTreeSet::new(),
            )
        })
        .clone()
    }

    /// Monday to Friday only, no statutory data, in Beijing time.
    pub fn weekdays() -> Calendar {
        Calendar::assemble(
            beijing(),
            None,
            BTreeMap::new(),
            BTreeSet::new(),
            BTreeSet::new(),
            BTreeSet::new(),
        )
    }

    /// The calendar a policy's `[calendar]` section describes, in the office offset.
    ///
    /// # Errors
    /// [`CalendarError::Contradiction`] for a date both off and worked,
    /// [`CalendarError::InvalidOfficeHours`], [`CalendarError::InvalidHolidayData`] for year
    /// data whose dates are out of range, and [`CalendarError::OutOfRange`] for extra days
    /// outside the supported dates.
    pub fn from_config(
        config: &CalendarConfig,
        offset: FixedOffset,
    ) -> Result<Calendar, CalendarError> {
        let (mut statutory, mut covered) = match config.base {
            Base::Cn => cn_statutory(),
            Base::Weekdays => (BTreeMap::new(), BTreeSet::new()),
        };
        for year in &config.years {
            apply_year(&mut statutory, &mut covered, year.year, year_rows(year)?)?;
        }
        let extra_off: BTreeSet<NaiveDate> = config.extra_off_days.iter().copied().collect();
        let extra_working: BTreeSet<NaiveDate> =
            config.extra_working_days.iter().copied().collect();
        if let Some(&date) = extra_off.intersection(&extra_working).next() {
            return Err(CalendarError::Contradiction { date });
        }
        if extra_off
            .iter()
            .chain(&extra_working)
            .any(|d| !(MIN_DATE..=MAX_DATE).contains(d))
        {
            return Err(CalendarError::OutOfRange);
        }
        let office_hours = if config.office_hours.is_empty() {
            None
        } else {
            Some(OfficeHours::new(config.office_hours.clone())?)
        };
        Ok(Calendar::assemble(
            offset,
            office_hours,
            statutory,
            covered,
            extra_off,
            extra_working,
        ))
    }

    /// This calendar with a year of statutory data in the holiday-cn JSON format
    /// (`{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, …]}`),
    /// or an array of such years. A year already present is replaced by the new data; company
    /// days stay merged over it. The calendar itself is unchanged (values are immutable), so a
    /// host swaps in the returned one at run time, without restart.
    ///
    /// # Errors
    /// [`CalendarError::InvalidHolidayData`] for JSON that is not in that format, dates that
    /// are not `YYYY-MM-DD` or lie outside the supported range.
    pub fn with_holiday_cn(&self, json: &str) -> Result<Calendar, CalendarError> {
        let years = holiday_cn::parse(json)?;
        let inner = &*self.inner;
        let (mut statutory, mut covered) = (inner.statutory.clone(), inner.covered.clone());
        for (year, rows) in years {
            apply_year(&mut statutory, &mut covered, year, rows)?;
        }
        Ok(Calendar::assemble(
            inner.offset,
            inner.office_hours.clone(),
            statutory,
            covered,
            inner.extra_off.clone(),
            inner.extra_working.clone(),
        ))
    }

    /// This calendar in another office offset.
    pub fn with_offset(&self, offset: FixedOffset) -> Calendar {
        let mut inner = self.clone_inner();
        inner.offset = offset;
        Calendar {
            inner: Arc::new(inner),
        }
    }

    /// This calendar with office hours (or without, for `None`).
    pub fn with_office_hours(&self, office_hours: Option<OfficeHours>) -> Calendar {
        let mut inner = self.clone_inner();
        inner.office_hours = office_hours;
        Calendar {
            inner: Arc::new(inner),
        }
    }

    fn clone_inner(&self) -> Inner {
        let i = &*self.inner;
        Inner {
            offset: i.offset,
            office_hours: i.office_hours.clone(),
            statutory: i.statutory.clone(),
            covered: i.covered.clone(),
            extra_off: i.extra_off.clone(),
            extra_working: i.extra_working.clone(),
            table: i.table.clone(),
        }
    }

    fn assemble(
        offset: FixedOffset,
        office_hours: Option<OfficeHours>,
        statutory: BTreeMap<NaiveDate, Statutory>,
        covered: BTreeSet<i32>,
        extra_off: BTreeSet<NaiveDate>,
        extra_working: BTreeSet<NaiveDate>,
    ) -> Calendar {
        let years = statutory
            .keys()
            .chain(&extra_off)
            .chain(&extra_working)
            .map(Datelike::year)
            .chain(covered.iter().copied());
        let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let table = match (
            NaiveDate::from_ymd_opt(lo, 1, 1),
            NaiveDate::from_ymd_opt(hi, 12, 31),
        ) {
            (Some(first), Some(last)) if lo <= hi => {
                let (first, last) = (day_number(first), day_number(last));
                // Monday–Friday first, then the statutory days, then the company's: the same
                // precedence as `day_info_parts`, in one pass over the overrides rather than
                // three map lookups per day.
                let mut working: Vec<bool> = (first..=last).map(table::is_weekday).collect();
                let mut set = |date: &NaiveDate, value: bool| {
                    if let Some(slot) = usize::try_from(day_number(*date) - first)
                        .ok()
                        .and_then(|i| working.get_mut(i))
                    {
                        *slot = value;
                    }
                };
                for (date, s) in &statutory {
                    set(date, !s.off);
                }
                for date in &extra_working {
                    set(date, true);
                }
                for date in &extra_off {
                    set(date, false);
                }
                Table::build(first, &working)
            }
            _ => Table::default(),
        };
        Calendar {
            inner: Arc::new(Inner {
                offset,
                office_hours,
                statutory,
                covered,
                extra_off,
                extra_working,
                table,
            }),
        }
    }

    /// The office offset: which day an instant falls on is decided in it.
    pub fn offset(&self) -> FixedOffset {
        self.inner.offset
    }

    /// The office hours, if any.
    pub fn office_hours(&self) -> Option<&OfficeHours> {
        self.inner.office_hours.as_ref()
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.inner.table.is_working(day_number(date))
    }

    /// Everything the calendar knows about `date`.
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let i = &*self.inner;
        let (working, kind, festival) =
            day_info_parts(date, &i.statutory, &i.extra_off, &i.extra_working);
        DayInfo {
            date,
            working,
            kind,
            festival,
            covered: self.covers(date),
        }
    }

    /// Whether statutory data covers the year of `date` (otherwise Monday–Friday is assumed).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.inner.covered.contains(&date.year())
    }

    /// Whether statutory data covers every year from `from` to `to`.
    pub fn covers_span(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let (a, b) = (from.year().min(to.year()), from.year().max(to.year()));
        let covered = &self.inner.covered;
        if a == b {
            return covered.contains(&a);
        }
        usize::try_from(b - a + 1).is_ok_and(|years| covered.range(a..=b).count() == years)
    }

    /// The years with statutory data, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.inner.covered.iter().copied().collect()
    }

    /// The first and last day of the longest run of covered years that starts at the first
    /// covered year (2007-01-01..=2026-12-31 for the built-in data).
    pub fn covered_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = *self.inner.covered.first()?;
        let mut last = first;
        while self.inner.covered.contains(&(last + 1)) {
            last += 1;
        }
        Some((
            NaiveDate::from_ymd_opt(first, 1, 1)?,
            NaiveDate::from_ymd_opt(last, 12, 31)?,
        ))
    }

    /// The `days`-th working day after `date` (the next working day is 1); for `days = 0`,
    /// `date` itself if it is a working day, else the next one; for negative `days`, the
    /// `|days|`-th working day before `date`.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when the result lies outside 1900-01-01..=2999-12-31.
    pub fn add_working_days(&self, date: NaiveDate, days: i64) -> Result<NaiveDate, CalendarError> {
        let n = day_number(date);
        let reach = (day_number(MAX_DATE) - day_number(MIN_DATE)).unsigned_abs();
        if days.unsigned_abs() > reach {
            return Err(CalendarError::OutOfRange);
        }
        from_day_number(self.inner.table.add(n, days))
            .filter(|d| (MIN_DATE..=MAX_DATE).contains(d))
            .ok_or(CalendarError::OutOfRange)
    }

    /// The number of working days in `(from, to]`; the negative of those in `(to, from]` when
    /// `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let t = &self.inner.table;
        t.count(day_number(to)) - t.count(day_number(from))
    }

    /// `date` if it is a working day, else the next working day (Civil Code art. 203 ¶1 rolls a
    /// last day that is a rest day to the day after the rest ends).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] past 2999-12-31.
    pub fn roll_forward(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        // Most last days are working days: answer those without the round trip through day
        // numbers.
        if self.is_working_day(date) && (MIN_DATE..=MAX_DATE).contains(&date) {
            return Ok(date);
        }
        self.add_working_days(date, 0)
    }

    /// [`Self::add_working_days`] over many dates; `days` has one count per date, or a single
    /// count for all.
    ///
    /// # Errors
    /// [`CalendarError::LengthMismatch`], or the first failing element as
    /// [`CalendarError::AtIndex`].
    pub fn add_working_days_many(
        &self,
        dates: &[NaiveDate],
        days: &[i64],
    ) -> Result<Vec<NaiveDate>, CalendarError> {
        let count_at = broadcast(dates.len(), days)?;
        dates
            .iter()
            .enumerate()
            .map(|(i, &d)| {
                self.add_working_days(d, count_at(i))
                    .map_err(|e| at_index(i, e))
            })
            .collect()
    }

    /// [`Self::working_days_between`] over pairs; `to` has one date per `from`, or one for all.
    ///
    /// # Errors
    /// [`CalendarError::LengthMismatch`].
    pub fn working_days_between_many(
        &self,
        from: &[NaiveDate],
        to: &[NaiveDate],
    ) -> Result<Vec<i64>, CalendarError> {
        if to.len() != from.len() && to.len() != 1 {
            return Err(CalendarError::LengthMismatch {
                left: from.len(),
                right: to.len(),
            });
        }
        Ok(from
            .iter()
            .enumerate()
            .map(|(i, &a)| self.working_days_between(a, to[if to.len() == 1 { 0 } else { i }]))
            .collect())
    }

    /// [`Self::add_working_days`] over epoch days (days since 1970-01-01, as numpy's
    /// `datetime64[D]` and JavaScript typed arrays hold them), writing into `out`.
    ///
    /// # Errors
    /// [`CalendarError::LengthMismatch`] when `out` and `epoch_days` differ in length or `days`
    /// is neither one count nor one per date; the first failing element as
    /// [`CalendarError::AtIndex`] (elements before it are written).
    pub fn add_working_days_epoch<T>(
        &self,
        epoch_days: &[T],
        days: &[T],
        out: &mut [T],
    ) -> Result<(), CalendarError>
    where
        T: Copy + Into<i64> + TryFrom<i64>,
    {
        if out.len() != epoch_days.len() {
            return Err(CalendarError::LengthMismatch {
                left: epoch_days.len(),
                right: out.len(),
            });
        }
        let single = match days.len() {
            1 => Some(days[0].into()),
            n if n == epoch_days.len() => None,
            n => {
                return Err(CalendarError::LengthMismatch {
                    left: epoch_days.len(),
                    right: n,
                });
            }
        };
        let (lo, hi) = (day_number(MIN_DATE), day_number(MAX_DATE));
        let table = &self.inner.table;
        for (i, (slot, &d)) in out.iter_mut().zip(epoch_days).enumerate() {
            let n = d.into().saturating_add(EPOCH);
            let k = single.unwrap_or_else(|| days[i].into());
            if n < lo || n > hi || k.unsigned_abs() > (hi - lo).unsigned_abs() {
                return Err(at_index(i, CalendarError::OutOfRange));
            }
            let result = table.add(n, k);
            if result < lo || result > hi {
                return Err(at_index(i, CalendarError::OutOfRange));
            }
            *slot =
                T::try_from(result - EPOCH).map_err(|_| at_index(i, CalendarError::OutOfRange))?;
        }
        Ok(())
    }

    /// [`Self::working_days_between`] over epoch days, writing into `out`.
    ///
    /// # Errors
    /// [`CalendarError::LengthMismatch`] as for [`Self::add_working_days_epoch`];
    /// [`CalendarError::AtIndex`] when a count does not fit `T`.
    pub fn working_days_between_epoch<T>(
        &self,
        from: &[T],
        to: &[T],
        out: &mut [T],
    ) -> Result<(), CalendarError>
    where
        T: Copy + Into<i64> + TryFrom<i64>,
    {
        if out.len() != from.len() || (to.len() != from.len() && to.len() != 1) {
            return Err(CalendarError::LengthMismatch {
                left: from.len(),
                right: if out.len() == from.len() {
                    to.len()
                } else {
                    out.len()
                },
            });
        }
        let table = &self.inner.table;
        for (i, (slot, &a)) in out.iter_mut().zip(from).enumerate() {
            let b = to[if to.len() == 1 { 0 } else { i }];
            let count = table.count(b.into().saturating_add(EPOCH))
                - table.count(a.into().saturating_add(EPOCH));
            *slot = T::try_from(count).map_err(|_| at_index(i, CalendarError::OutOfRange))?;
        }
        Ok(())
    }

    /// [`Self::is_working_day`] over epoch days.
    pub fn is_working_day_epoch<T: Copy + Into<i64>>(&self, epoch_days: &[T]) -> Vec<bool> {
        epoch_days
            .iter()
            .map(|&d| self.inner.table.is_working(d.into().saturating_add(EPOCH)))
            .collect()
    }
}

/// Day number of 1970-01-01.
const EPOCH: i64 = 719_163;

/// Days since 1970-01-01 of a date.
pub fn to_epoch_day(date: NaiveDate) -> i64 {
    day_number(date) - EPOCH
}

/// The date `days` after 1970-01-01.
///
/// # Errors
/// [`CalendarError::OutOfRange`] outside 1900-01-01..=2999-12-31.
pub fn from_epoch_day(days: i64) -> Result<NaiveDate, CalendarError> {
    days.checked_add(EPOCH)
        .and_then(from_day_number)
        .filter(|d| (MIN_DATE..=MAX_DATE).contains(d))
        .ok_or(CalendarError::OutOfRange)
}

fn at_index(index: usize, error: CalendarError) -> CalendarError {
    CalendarError::AtIndex {
        index,
        source: Box::new(error),
    }
}

fn broadcast(len: usize, days: &[i64]) -> Result<impl Fn(usize) -> i64 + '_, CalendarError> {
    if days.len() != len && days.len() != 1 {
        return Err(CalendarError::LengthMismatch {
            left: len,
            right: days.len(),
        });
    }
    Ok(move |i: usize| days[if days.len() == 1 { 0 } else { i }])
}

fn day_info_parts(
    date: NaiveDate,
    statutory: &BTreeMap<NaiveDate, Statutory>,
    extra_off: &BTreeSet<NaiveDate>,
    extra_working: &BTreeSet<NaiveDate>,
) -> (bool, DayKind, Option<Festival>) {
    let festival = statutory.get(&date).and_then(|s| s.festival);
    if extra_off.contains(&date) {
        return (false, DayKind::CompanyDayOff, festival);
    }
    if extra_working.contains(&date) {
        return (true, DayKind::CompanyWorkday, festival);
    }
    match statutory.get(&date) {
        Some(s) if s.off => (false, DayKind::Holiday, festival),
        Some(_) => (true, DayKind::MakeupWorkday, festival),
        None if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) => {
            (false, DayKind::Weekend, None)
        }
        None => (true, DayKind::Weekday, None),
    }
}

/// One row of statutory data: a date, off or worked, and its festival if known.
pub(crate) type HolidayRow = (NaiveDate, bool, Option<Festival>);

fn year_rows(year: &YearData) -> Result<Vec<HolidayRow>, CalendarError> {
    let rows = year
        .off_days
        .iter()
        .map(|&d| (d, true, None))
        .chain(year.working_days.iter().map(|&d| (d, false, None)))
        .collect::<Vec<_>>();
    let mut seen = BTreeSet::new();
    for &(date, _, _) in &rows {
        if !seen.insert(date) {
            return Err(CalendarError::Contradiction { date });
        }
    }
    Ok(rows)
}

/// Replaces the statutory data of `year` with `rows` (which may include days of the adjacent
/// years, such as a make-up day in late December).
fn apply_year(
    statutory: &mut BTreeMap<NaiveDate, Statutory>,
    covered: &mut BTreeSet<i32>,
    year: i32,
    rows: Vec<HolidayRow>,
) -> Result<(), CalendarError> {
    let in_range = |d: &NaiveDate| (MIN_DATE..=MAX_DATE).contains(d);
    if !(MIN_DATE.year()..=MAX_DATE.year()).contains(&year) {
        return Err(CalendarError::InvalidHolidayData {
            reason: "the year is outside 1900-2999".into(),
        });
    }
    if rows
        .iter()
        .any(|(d, _, _)| !in_range(d) || (d.year() - year).abs() > 1)
    {
        return Err(CalendarError::InvalidHolidayData {
            reason: format!("a date lies outside the year {year} and its neighbours"),
        });
    }
    statutory.retain(|d, _| d.year() != year);
    for (date, off, festival) in rows {
        statutory.insert(date, Statutory { off, festival });
    }
    covered.insert(year);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn statutory_days_and_make_up_days() {
        let cal = Calendar::cn();
        assert!(cal.is_working_day(d(2025, 10, 11)));
        assert!(cal.is_working_day(d(2024, 2, 4)));
        assert!(!cal.is_working_day(d(2025, 10, 6)));
        assert_eq!(cal.day(d(2025, 10, 11)).kind, DayKind::MakeupWorkday);
        assert_eq!(
            cal.day(d(2025, 10, 1)).festival,
            Some(Festival::NationalDay)
        );
        assert_eq!(cal.covered_range(), Some((d(2007, 1, 1), d(2026, 12, 31))));
        assert!(!cal.covers(d(2027, 1, 4)));
    }

    #[test]
    fn add_working_days_semantics() {
        let cal = Calendar::cn();
        assert_eq!(cal.add_working_days(d(2025, 9, 26), 5), Ok(d(2025, 10, 10)));
        assert_eq!(cal.add_working_days(d(2025, 10, 4), 0), Ok(d(2025, 10, 9)));
        assert_eq!(cal.add_working_days(d(2025, 10, 9), 0), Ok(d(2025, 10, 9)));
        assert_eq!(
            cal.add_working_days(d(2025, 10, 10), -5),
            Ok(d(2025, 9, 26))
        );
        assert_eq!(
            cal.add_working_days(d(2999, 12, 30), 5),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days(d(2025, 1, 1), i64::MAX),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days(d(2025, 1, 1), i64::MIN),
            Err(CalendarError::OutOfRange)
        );
    }

    #[test]
    fn company_days_merge_over_statutory_data() {
        let config = CalendarConfig {
            extra_off_days: vec![d(2025, 12, 31)],
            extra_working_days: vec![d(2025, 10, 8)],
            ..CalendarConfig::default()
        };
        let cal = Calendar::from_config(&config, beijing()).unwrap();
        assert!(!cal.is_working_day(d(2025, 12, 31)));
        assert!(cal.is_working_day(d(2025, 10, 8)));
        assert!(cal.is_working_day(d(2025, 10, 11)), "statutory data kept");
        let bad = CalendarConfig {
            extra_off_days: vec![d(2025, 12, 31)],
            extra_working_days: vec![d(2025, 12, 31)],
            ..CalendarConfig::default()
        };
        assert_eq!(
            Calendar::from_config(&bad, beijing()).unwrap_err().code(),
            "calendar.contradiction"
        );
    }

    #[test]
    fn epoch_batches() {
        let cal = Calendar::cn();
        let start = to_epoch_day(d(2025, 9, 26));
        let mut out = [0i64; 2];
        cal.add_working_days_epoch(&[start, start], &[5], &mut out)
            .unwrap();
        assert_eq!(from_epoch_day(out[0]), Ok(d(2025, 10, 10)));
        let mut out32 = [0i32; 1];
        cal.add_working_days_epoch(&[start as i32], &[5i32], &mut out32)
            .unwrap();
        assert_eq!(i64::from(out32[0]), out[0]);
        let err = cal
            .add_working_days_epoch(&[start, i64::MAX], &[1], &mut out)
            .unwrap_err();
        assert_eq!(err.code(), "calendar.out_of_range");
        assert!(matches!(err, CalendarError::AtIndex { index: 1, .. }));
    }
}
