//! The office's working time: which days are worked, in which offset, and (optionally) which
//! hours.
//!
//! Built in is the PRC statutory calendar in three layers, and every day says which decided it
//! ([`DecidedBy`]):
//!
//! * **published** (2007–2026): the State Council's notices, statutory holidays off and make-up
//!   working days (調休, Saturdays and Sundays that are worked) on, each day with the notice it
//!   comes from ([`Notice`]);
//! * **statutory rule** (2000–2006 and 2027–2099): the holiday regulation itself
//!   (全国年节及纪念日放假办法, [`Regulation`]) fixes the statutory holidays (the lunar ones and the
//!   清明 solar term from a table checked against two sources) and the days off in lieu of those
//!   on a weekend; only the swaps wait for the notice ([`StatutoryYear`]);
//! * **weekdays**: Monday–Friday, before 2000 and after 2099.
//!
//! A calendar may also work every day ([`Base::EveryDay`], [`Calendar::every_day`]): a
//! round-the-clock service with no rest days but the company's own, and nothing provisional.
//!
//! Only published days are certain: a period that uses any other day says `provisional`
//! ([`Calendar::covers`]). [`Calendar::day`] tells every day's reason ([`DayReason`]): a
//! statutory holiday is told apart from a swapped rest day, a day in lieu and a weekend.
//! A policy merges its own company days over all of it (`calendar.extra_off_days`,
//! `calendar.extra_working_days`), and a host adds a newly published year at run time from the
//! widely used holiday-cn JSON ([`Calendar::with_holiday_cn`]) or a policy's `[[calendar.years]]`;
//! [`Calendar::check_year`] then reports what in it does not fit the regulation.
//!
//! Working-day arithmetic is O(1) on any date: precomputed prefix sums over the years with data
//! or rules, the Monday–Friday formula outside them.
//!
//! ```
//! use chrono::NaiveDate;
//! use complaint_office::calendar::{Calendar, DayReason, DecidedBy};
//!
//! let cal = Calendar::cn();
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert!(cal.is_working_day(d(2025, 10, 11)));   // a Saturday, worked for National Day
//! assert!(!cal.is_working_day(d(2025, 10, 6)));   // a Monday inside the holiday
//! assert_eq!(cal.day(d(2025, 10, 6)).reason, DayReason::StatutoryHoliday); // 中秋节
//! assert_eq!(cal.day(d(2025, 10, 7)).reason, DayReason::SwappedRestDay);
//! assert_eq!(cal.add_working_days(d(2025, 9, 26), 5)?, d(2025, 10, 10));
//! assert_eq!(cal.working_days_between(d(2025, 9, 26), d(2025, 10, 10)), 5);
//! // 2027 is not published yet, but New Year's Day is a statutory holiday.
//! let new_year = cal.day(d(2027, 1, 1));
//! assert!(!new_year.working && new_year.provisional);
//! assert_eq!(new_year.decided_by, DecidedBy::StatutoryRule);
//! # Ok::<(), complaint_office::calendar::CalendarError>(())
//! ```

mod cn;
mod explain;
mod festival;
mod holiday_cn;
mod lunar;
mod notice;
mod office_hours;
mod statutory;
mod table;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, FixedOffset, NaiveDate, Offset};
use serde::{Deserialize, Serialize};

pub use explain::{DayReason, DecidedBy, YearNote, YearNoteCode};
pub use festival::Festival;
pub use notice::{Notice, NoticeKind};
pub use office_hours::{OfficeHours, OfficeInterval};
pub use statutory::{DayInLieu, Regulation, StatutoryDay, StatutoryYear};

use crate::error::ErrorCode;
use crate::time::{MAX_DATE, MIN_DATE};
use crate::vocabulary::vocabulary;
use explain::Explained;
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
    /// Every day is a working day, statutory holidays and weekends included (a round-the-clock
    /// hotline): only the policy's own days off are rest days. Nothing about such a calendar
    /// waits for a notice, so nothing it decides is provisional.
    EveryDay,
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
    /// The notice's document number, `国办发明电〔2026〕8号`, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// The date the notice bears, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<NaiveDate>,
}

/// The `[calendar]` section of a policy file, and each of its `[[calendars]]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarConfig {
    /// The calendar's name, which a schedule reports for every stage run on it. A policy's
    /// `[calendar]` is named `"default"` unless it says otherwise; each of its `[[calendars]]`
    /// must be named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The UTC offset the calendar's days are decided in; the office offset when left out.
    #[serde(
        default,
        with = "crate::time::offset_serde::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub office_offset: Option<FixedOffset>,
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
    /// Whether a company day off also moves the last day of a period in days, months or years
    /// (Civil Code art. 203 ¶1 moves a last day that is a *statutory* rest day). `false` by
    /// default: a company day off counts as a rest day in working-day counting (art. 204) but
    /// does not lengthen a limit owed to the complainant.
    pub roll_past_extra_off_days: bool,
}

vocabulary! {
    /// What kind of day a date is, coarsely ([`DayReason`] says why).
    pub enum DayKind("kind of day", "calendar.unknown_day_kind") {
        /// Monday to Friday (any day, on a calendar that works every day), worked.
        Weekday = "weekday",
        /// Saturday or Sunday, not worked.
        Weekend = "weekend",
        /// A day off of a holiday: a statutory holiday, day in lieu, swapped or extra rest day,
        /// and a weekend day that published data lists inside a holiday span.
        Holiday = "holiday",
        /// A Saturday or Sunday worked to make up for a holiday (調休).
        MakeupWorkday = "makeup_workday",
        /// A day off the company added.
        CompanyDayOff = "company_day_off",
        /// A working day the company added.
        CompanyWorkday = "company_workday",
    }
}

/// One day of the calendar: worked or not, why, and who decided it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub working: bool,
    /// What kind of day it is, coarsely.
    pub kind: DayKind,
    /// Why it is worked or not.
    pub reason: DayReason,
    /// The festival of a holiday, day in lieu, swapped rest day or make-up day.
    pub festival: Option<Festival>,
    /// For a day in lieu: the holiday it makes up for.
    pub in_lieu_of: Option<NaiveDate>,
    /// How its status was decided.
    pub decided_by: DecidedBy,
    /// The version of the holiday regulation in force, where one applies.
    pub regulation: Option<Regulation>,
    /// The notice it comes from, for a day that published data lists.
    pub source: Option<Notice>,
    /// Whether published data covers the date's year.
    pub covered: bool,
    /// Whether a period using this day is provisional: its year is not published.
    pub provisional: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Statutory {
    off: bool,
    festival: Option<Festival>,
    /// Index into the calendar's notices.
    notice: Option<u16>,
    /// A holiday the notice declares itself (Victory Day 2015).
    declared: bool,
}

/// The office's working calendar. Cheap to clone (shared, immutable).
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Inner>,
}

#[derive(Clone)]
struct Inner {
    offset: FixedOffset,
    office_hours: Option<OfficeHours>,
    data: Arc<Data>,
    extra_off: BTreeSet<NaiveDate>,
    extra_working: BTreeSet<NaiveDate>,
    /// Whether art. 203's roll moves past company days off (`roll_past_extra_off_days`).
    roll_past_extra_off: bool,
    table: Table,
}

/// The statutory layer of a calendar: published rows and their notices, whether the regulation
/// applies, and what follows from them.
#[derive(Clone)]
struct Data {
    statutory: BTreeMap<NaiveDate, Statutory>,
    covered: BTreeSet<i32>,
    /// Years added by a policy or holiday-cn JSON (not built in).
    loaded: BTreeSet<i32>,
    notices: Vec<Notice>,
    /// Whether the PRC holiday regulation applies (a `cn` base, not `weekdays`).
    rules: bool,
    /// Whether every day is worked outside the listed days ([`Base::EveryDay`]).
    every_day: bool,
    /// Every day that is not a plain weekday or weekend, explained.
    days: BTreeMap<NaiveDate, Explained>,
    notes: Vec<YearNote>,
}

impl Data {
    fn new(
        statutory: BTreeMap<NaiveDate, Statutory>,
        covered: BTreeSet<i32>,
        loaded: BTreeSet<i32>,
        notices: Vec<Notice>,
        rules: bool,
    ) -> Data {
        let explained = explain::explain(&statutory, &covered, rules, &notices);
        Data {
            statutory,
            covered,
            loaded,
            notices,
            rules,
            every_day: false,
            days: explained.days,
            notes: explained.notes,
        }
    }

    fn weekdays() -> Data {
        Data::new(
            BTreeMap::new(),
            BTreeSet::new(),
            BTreeSet::new(),
            Vec::new(),
            false,
        )
    }

    fn every_day() -> Data {
        Data {
            every_day: true,
            ..Data::weekdays()
        }
    }
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
            .field("statutory_rules", &self.inner.data.rules)
            .field("every_day", &self.inner.data.every_day)
            .field("extra_off_days", &self.inner.extra_off.len())
            .field("extra_working_days", &self.inner.extra_working.len())
            .finish()
    }
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.inner, &*other.inner);
        let same_data = Arc::ptr_eq(&a.data, &b.data)
            || (a.data.statutory == b.data.statutory
                && a.data.covered == b.data.covered
                && a.data.notices == b.data.notices
                && a.data.rules == b.data.rules
                && a.data.every_day == b.data.every_day);
        Arc::ptr_eq(&self.inner, &other.inner)
            || (a.offset == b.offset
                && a.office_hours == b.office_hours
                && same_data
                && a.extra_off == b.extra_off
                && a.extra_working == b.extra_working
                && a.roll_past_extra_off == b.roll_past_extra_off)
    }
}

/// Beijing time, the default office offset.
pub fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or(chrono::Utc.fix())
}

/// The built-in statutory layer, built once.
fn cn_data() -> Arc<Data> {
    static CN: OnceLock<Arc<Data>> = OnceLock::new();
    CN.get_or_init(|| Arc::new(build_cn_data())).clone()
}

fn build_cn_data() -> Data {
    let date = |y: u16, m: u8, d: u8| NaiveDate::from_ymd_opt(i32::from(y), m.into(), d.into());
    let notices = cn::NOTICES
        .iter()
        .map(|&(title, number, dated, kind)| Notice {
            title: Some(title.to_owned()),
            number: number.map(str::to_owned),
            date: dated.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            kind,
        })
        .collect();
    let mut statutory = BTreeMap::new();
    let rows = cn::DAYS_OFF
        .iter()
        .map(|row| (row, true))
        .chain(cn::MAKEUP_WORKING_DAYS.iter().map(|row| (row, false)));
    for (&(y, m, d, festival, notice), off) in rows {
        if let Some(date) = date(y, m, d) {
            statutory.insert(
                date,
                Statutory {
                    off,
                    festival: Some(festival),
                    notice: Some(u16::from(notice)),
                    declared: false,
                },
            );
        }
    }
    for &(y, m, d, _, _) in cn::DECLARED_HOLIDAYS {
        if let Some(row) = date(y, m, d).and_then(|date| statutory.get_mut(&date)) {
            row.declared = true;
        }
    }
    let covered = (cn::FIRST_YEAR..=cn::LAST_YEAR).collect();
    Data::new(statutory, covered, BTreeSet::new(), notices, true)
}

impl Calendar {
    /// The built-in PRC statutory calendar in Beijing time, without office hours.
    pub fn cn() -> Calendar {
        static CN: OnceLock<Calendar> = OnceLock::new();
        CN.get_or_init(|| {
            Calendar::assemble(beijing(), None, cn_data(), BTreeSet::new(), BTreeSet::new())
        })
        .clone()
    }

    /// Monday to Friday only, no statutory data and no holiday regulation, in Beijing time.
    pub fn weekdays() -> Calendar {
        Calendar::assemble(
            beijing(),
            None,
            Arc::new(Data::weekdays()),
            BTreeSet::new(),
            BTreeSet::new(),
        )
    }

    /// Every day worked, statutory holidays and weekends included (a round-the-clock service),
    /// in Beijing time: nothing it decides is provisional.
    pub fn every_day() -> Calendar {
        Calendar::assemble(
            beijing(),
            None,
            Arc::new(Data::every_day()),
            BTreeSet::new(),
            BTreeSet::new(),
        )
    }

    /// The calendar a policy's `[calendar]` section (or one of its `[[calendars]]`)
    /// describes, in its `office_offset`, else in `offset` (the office offset). Its `name`
    /// is the policy's business.
    ///
    /// # Errors
    /// [`CalendarError::Contradiction`] for a date both off and worked,
    /// [`CalendarError::InvalidOfficeHours`], [`CalendarError::InvalidHolidayData`] for year
    /// data whose dates are out of range, or for any on a calendar that works every day, and
    /// [`CalendarError::OutOfRange`] for extra days outside the supported dates.
    pub fn from_config(
        config: &CalendarConfig,
        offset: FixedOffset,
    ) -> Result<Calendar, CalendarError> {
        let offset = config.office_offset.unwrap_or(offset);
        let base = match config.base {
            Base::Cn => cn_data(),
            Base::Weekdays => Arc::new(Data::weekdays()),
            Base::EveryDay => Arc::new(Data::every_day()),
        };
        let data = if config.years.is_empty() {
            base
        } else {
            let mut years = Vec::with_capacity(config.years.len());
            for year in &config.years {
                let notice = (year.notice.is_some() || year.notice_date.is_some())
                    .then(|| Notice::annual(year.notice.clone(), year.notice_date));
                years.push((year.year, year_rows(year)?, notice));
            }
            Arc::new(with_years(&base, years)?)
        };
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
        let mut calendar = Calendar::assemble(offset, office_hours, data, extra_off, extra_working);
        if config.roll_past_extra_off_days
            && let Some(inner) = Arc::get_mut(&mut calendar.inner)
        {
            inner.roll_past_extra_off = true;
        }
        Ok(calendar)
    }

    /// This calendar with a year of statutory data in the holiday-cn JSON format
    /// (`{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}, …]}`),
    /// or an array of such years. A year already present is replaced by the new data; company
    /// days stay merged over it. The calendar itself is unchanged (values are immutable), so a
    /// host swaps in the returned one at run time, without restart. What in the new year does
    /// not fit the regulation is reported by [`Calendar::check_year`], never refused.
    ///
    /// # Errors
    /// [`CalendarError::InvalidHolidayData`] for JSON that is not in that format, dates that
    /// are not `YYYY-MM-DD` or lie outside the supported range, or for a calendar that works
    /// every day (it has no statutory years).
    pub fn with_holiday_cn(&self, json: &str) -> Result<Calendar, CalendarError> {
        let years = holiday_cn::parse(json)?
            .into_iter()
            .map(|(year, rows)| (year, rows, None))
            .collect();
        let inner = &*self.inner;
        let mut calendar = Calendar::assemble(
            inner.offset,
            inner.office_hours.clone(),
            Arc::new(with_years(&inner.data, years)?),
            inner.extra_off.clone(),
            inner.extra_working.clone(),
        );
        if let Some(new) = Arc::get_mut(&mut calendar.inner) {
            new.roll_past_extra_off = inner.roll_past_extra_off;
        }
        Ok(calendar)
    }

    /// This calendar in another office offset.
    pub fn with_offset(&self, offset: FixedOffset) -> Calendar {
        let mut inner = (*self.inner).clone();
        inner.offset = offset;
        Calendar {
            inner: Arc::new(inner),
        }
    }

    /// This calendar with office hours (or without, for `None`).
    pub fn with_office_hours(&self, office_hours: Option<OfficeHours>) -> Calendar {
        let mut inner = (*self.inner).clone();
        inner.office_hours = office_hours;
        Calendar {
            inner: Arc::new(inner),
        }
    }

    fn assemble(
        offset: FixedOffset,
        office_hours: Option<OfficeHours>,
        data: Arc<Data>,
        extra_off: BTreeSet<NaiveDate>,
        extra_working: BTreeSet<NaiveDate>,
    ) -> Calendar {
        let rule_years = data
            .rules
            .then_some([statutory::FIRST_YEAR, statutory::LAST_YEAR]);
        let years = data
            .days
            .keys()
            .chain(&extra_off)
            .chain(&extra_working)
            .map(Datelike::year)
            .chain(data.covered.iter().copied())
            .chain(rule_years.into_iter().flatten());
        let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
        let table = match (
            NaiveDate::from_ymd_opt(lo, 1, 1),
            NaiveDate::from_ymd_opt(hi, 12, 31),
        ) {
            (Some(first), Some(last)) if lo <= hi => {
                let (first, last) = (day_number(first), day_number(last));
                // Monday–Friday first, then the statutory layer, then the company's days: the
                // same precedence as `day`, in one pass over the overrides rather than lookups
                // per day.
                let every_day = data.every_day;
                let mut working: Vec<bool> = (first..=last)
                    .map(|n| every_day || table::is_weekday(n))
                    .collect();
                let mut set = |date: &NaiveDate, value: bool| {
                    if let Some(slot) = usize::try_from(day_number(*date) - first)
                        .ok()
                        .and_then(|i| working.get_mut(i))
                    {
                        *slot = value;
                    }
                };
                for (date, explained) in &data.days {
                    set(date, explained.reason.working());
                }
                for date in &extra_working {
                    set(date, true);
                }
                for date in &extra_off {
                    set(date, false);
                }
                Table::build(first, &working, data.every_day)
            }
            _ => Table::uniform(data.every_day),
        };
        Calendar {
            inner: Arc::new(Inner {
                offset,
                office_hours,
                data,
                extra_off,
                extra_working,
                roll_past_extra_off: false,
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

    /// Everything the calendar knows about `date`: worked or not, why, who decided it, and the
    /// notice it comes from.
    pub fn day(&self, date: NaiveDate) -> DayInfo {
        let i = &*self.inner;
        let data = &*i.data;
        let explained = data.days.get(&date).copied().unwrap_or(Explained {
            reason: if statutory::is_weekend(date) && !data.every_day {
                DayReason::Weekend
            } else {
                DayReason::WorkingDay
            },
            festival: None,
            in_lieu_of: None,
            listed: false,
        });
        let reason = if i.extra_off.contains(&date) {
            DayReason::CompanyDayOff
        } else if i.extra_working.contains(&date) {
            DayReason::CompanyWorkday
        } else {
            explained.reason
        };
        let kind = match reason {
            DayReason::WorkingDay => DayKind::Weekday,
            DayReason::Weekend if !explained.listed => DayKind::Weekend,
            DayReason::MakeupWorkday => DayKind::MakeupWorkday,
            DayReason::CompanyDayOff => DayKind::CompanyDayOff,
            DayReason::CompanyWorkday => DayKind::CompanyWorkday,
            _ => DayKind::Holiday,
        };
        let year = date.year();
        let covered = data.every_day || data.covered.contains(&year);
        let rule_year = (statutory::FIRST_YEAR..=statutory::LAST_YEAR).contains(&year);
        let decided_by = if data.every_day {
            DecidedBy::EveryDay
        } else if covered || explained.listed {
            DecidedBy::Published
        } else if data.rules && rule_year {
            DecidedBy::StatutoryRule
        } else {
            DecidedBy::Weekdays
        };
        let source = data
            .statutory
            .get(&date)
            .and_then(|row| row.notice)
            .and_then(|n| data.notices.get(usize::from(n)))
            .cloned();
        DayInfo {
            date,
            working: reason.working(),
            kind,
            reason,
            festival: explained.festival,
            in_lieu_of: explained.in_lieu_of,
            decided_by,
            source,
            regulation: data.rules.then(|| Regulation::for_year(year)).flatten(),
            covered,
            provisional: !covered,
        }
    }

    /// What in the published data of `year` does not fit the holiday regulation: a statutory
    /// holiday that is worked, a holiday on a weekend with no day off in lieu, more than six
    /// consecutive working days next to a break (from 2025), or a year no regulation here
    /// covers. Empty for a year that fits, or that has no published data.
    pub fn check_year(&self, year: i32) -> Vec<YearNote> {
        let notes = &self.inner.data.notes;
        notes.iter().filter(|n| n.year == year).cloned().collect()
    }

    /// [`Self::check_year`] for every year added to the built-in data (by a policy's
    /// `[[calendar.years]]` or holiday-cn JSON): what a policy loader reports after loading.
    pub fn loaded_year_notes(&self) -> Vec<YearNote> {
        let data = &self.inner.data;
        let loaded = &data.loaded;
        data.notes
            .iter()
            .filter(|n| loaded.contains(&n.year))
            .cloned()
            .collect()
    }

    /// Whether published data covers the year of `date` (otherwise the statutory rule or
    /// Monday–Friday decides, and periods using it are provisional). Always, for a calendar
    /// that works every day: no notice can change it.
    pub fn covers(&self, date: NaiveDate) -> bool {
        let data = &self.inner.data;
        data.every_day || data.covered.contains(&date.year())
    }

    /// Whether statutory data covers every year from `from` to `to` (always, for a calendar
    /// that works every day).
    pub fn covers_span(&self, from: NaiveDate, to: NaiveDate) -> bool {
        let (a, b) = (from.year().min(to.year()), from.year().max(to.year()));
        if self.inner.data.every_day {
            return true;
        }
        let covered = &self.inner.data.covered;
        if a == b {
            return covered.contains(&a);
        }
        usize::try_from(b - a + 1).is_ok_and(|years| covered.range(a..=b).count() == years)
    }

    /// Whether every day is worked but the company's own days off ([`Base::EveryDay`]).
    pub fn works_every_day(&self) -> bool {
        self.inner.data.every_day
    }

    /// The years with statutory data, ascending (none for a calendar that works every day).
    pub fn covered_years(&self) -> Vec<i32> {
        self.inner.data.covered.iter().copied().collect()
    }

    /// The first and last day of the longest run of covered years that starts at the first
    /// covered year (2007-01-01..=2026-12-31 for the built-in data).
    pub fn covered_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let covered = &self.inner.data.covered;
        let first = *covered.first()?;
        let mut last = first;
        while covered.contains(&(last + 1)) {
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

    /// The last day of a period in days, months or years whose counted end is `date` (Civil
    /// Code art. 203 ¶1): `date` if it is not a rest day, else the day after the rest ends. A
    /// company day off (`extra_off_days`) is not a statutory rest day: it stays the last day,
    /// and stops a roll that reaches it, unless the policy sets `roll_past_extra_off_days`
    /// (then this is [`Self::roll_forward`]).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] past 2999-12-31.
    pub fn roll_last_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let next_working = self.roll_forward(date)?;
        let inner = &*self.inner;
        if inner.roll_past_extra_off || next_working == date {
            return Ok(next_working);
        }
        Ok(inner
            .extra_off
            .range(date..next_working)
            .next()
            .copied()
            .unwrap_or(next_working))
    }

    /// Whether `date` is a company day off (`calendar.extra_off_days`).
    pub fn is_extra_off_day(&self, date: NaiveDate) -> bool {
        self.inner.extra_off.contains(&date)
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
        // A plain indexed loop: in a size-optimised build (the WebAssembly package) the
        // iterator adapters and closures of the idiomatic form stay calls, per element.
        #[allow(clippy::needless_range_loop)]
        for i in 0..out.len() {
            let k = match single {
                Some(k) => k,
                None => days[i].into(),
            };
            match self.add_working_days_epoch_day(epoch_days[i].into(), k) {
                Ok(result) => match T::try_from(result) {
                    Ok(value) => out[i] = value,
                    Err(_) => return Err(at_index(i, CalendarError::OutOfRange)),
                },
                Err(error) => return Err(at_index(i, error)),
            }
        }
        Ok(())
    }

    /// [`Self::add_working_days`] of one epoch day (days since 1970-01-01): the epoch day of
    /// the result. The single-call form of [`Self::add_working_days_epoch`], without a date
    /// conversion or an allocation, for bindings whose callers hold day numbers.
    ///
    /// ```
    /// use complaint_office::calendar::{Calendar, to_epoch_day};
    /// use chrono::NaiveDate;
    /// let cal = Calendar::cn();
    /// let start = to_epoch_day(NaiveDate::from_ymd_opt(2025, 9, 26).unwrap());
    /// let end = to_epoch_day(NaiveDate::from_ymd_opt(2025, 10, 10).unwrap());
    /// assert_eq!(cal.add_working_days_epoch_day(start, 5), Ok(end));
    /// ```
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `epoch_day` or the result lies outside
    /// 1900-01-01..=2999-12-31.
    #[inline(always)]
    pub fn add_working_days_epoch_day(
        &self,
        epoch_day: i64,
        days: i64,
    ) -> Result<i64, CalendarError> {
        // Constants, not `day_number(MIN_DATE)`: a size-optimised build (the WebAssembly
        // package) would compute those on every element of a batch.
        let (lo, hi) = (MIN_DAY_NUMBER, MAX_DAY_NUMBER);
        let n = epoch_day.saturating_add(EPOCH);
        if n < lo || n > hi || days.unsigned_abs() > (hi - lo).unsigned_abs() {
            return Err(CalendarError::OutOfRange);
        }
        let result = self.inner.table.add(n, days);
        if result < lo || result > hi {
            return Err(CalendarError::OutOfRange);
        }
        Ok(result - EPOCH)
    }

    /// [`Self::is_working_day`] of one epoch day (days since 1970-01-01); outside
    /// 1900-01-01..=2999-12-31 by the calendar's rule there (Monday–Friday, or every day), as
    /// [`Self::is_working_day_epoch`] answers.
    #[inline(always)]
    pub fn is_working_epoch_day(&self, epoch_day: i64) -> bool {
        self.inner.table.is_working(epoch_day.saturating_add(EPOCH))
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
            .map(|&d| self.is_working_epoch_day(d.into()))
            .collect()
    }
}

/// Day number of 1970-01-01.
const EPOCH: i64 = 719_163;
/// Day numbers of [`MIN_DATE`] and [`MAX_DATE`] (checked by a test).
const MIN_DAY_NUMBER: i64 = 693_596;
const MAX_DAY_NUMBER: i64 = 1_095_362;

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

/// The data of `base` with `years` added, each replacing a year already present.
fn with_years(
    base: &Data,
    years: Vec<(i32, Vec<HolidayRow>, Option<Notice>)>,
) -> Result<Data, CalendarError> {
    if base.every_day {
        return Err(CalendarError::InvalidHolidayData {
            reason: "a calendar that works every day has no statutory years".into(),
        });
    }
    let (mut statutory, mut covered) = (base.statutory.clone(), base.covered.clone());
    let (mut loaded, mut notices) = (base.loaded.clone(), base.notices.clone());
    for (year, rows, notice) in years {
        let notice = match notice {
            Some(n) => {
                notices.push(n);
                u16::try_from(notices.len() - 1).ok()
            }
            None => None,
        };
        apply_year(&mut statutory, &mut covered, year, rows, notice)?;
        loaded.insert(year);
    }
    Ok(Data::new(statutory, covered, loaded, notices, base.rules))
}

/// Replaces the statutory data of `year` with `rows` (which may include days of the adjacent
/// years, such as a make-up day in late December).
fn apply_year(
    statutory: &mut BTreeMap<NaiveDate, Statutory>,
    covered: &mut BTreeSet<i32>,
    year: i32,
    rows: Vec<HolidayRow>,
    notice: Option<u16>,
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
        statutory.insert(
            date,
            Statutory {
                off,
                festival,
                notice,
                declared: false,
            },
        );
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

    #[test]
    fn single_epoch_days_agree_with_dates() {
        assert_eq!(
            (MIN_DAY_NUMBER, MAX_DAY_NUMBER, EPOCH),
            (
                day_number(MIN_DATE),
                day_number(MAX_DATE),
                day_number(d(1970, 1, 1))
            )
        );
        let cal = Calendar::cn();
        let (lo, hi) = (to_epoch_day(MIN_DATE), to_epoch_day(MAX_DATE));
        // Every day of the built-in data and of the computed years, both edges of the
        // supported range, and counts that reach past them.
        let days = (lo..lo + 400)
            .chain(to_epoch_day(d(1999, 1, 1))..to_epoch_day(d(2101, 1, 1)))
            .chain(hi - 400..=hi);
        for day in days {
            let date = from_epoch_day(day).unwrap();
            assert_eq!(
                cal.is_working_epoch_day(day),
                cal.is_working_day(date),
                "{date}"
            );
            for k in [-400_000, -40, -1, 0, 1, 5, 40, 400_000] {
                let by_date = cal.add_working_days(date, k).map(to_epoch_day);
                assert_eq!(
                    cal.add_working_days_epoch_day(day, k),
                    by_date,
                    "{date} {k}"
                );
            }
        }
        assert_eq!(
            cal.add_working_days_epoch_day(lo - 1, 1),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days_epoch_day(hi, 1),
            Err(CalendarError::OutOfRange)
        );
        assert_eq!(
            cal.add_working_days_epoch_day(0, i64::MIN),
            Err(CalendarError::OutOfRange)
        );
        // Far outside the range: no overflow, the batch's answer.
        for day in [i64::MIN, i64::MAX] {
            assert_eq!(
                [cal.is_working_epoch_day(day)],
                *cal.is_working_day_epoch(&[day])
            );
        }
    }

    fn notes_of(cal: &Calendar, year: i32) -> Vec<(&'static str, String)> {
        cal.check_year(year)
            .into_iter()
            .map(|n| (n.code(), n.date.to_string()))
            .collect()
    }

    #[test]
    fn the_published_years_fit_the_regulation() {
        let cal = Calendar::cn();
        for year in 2007..=2026 {
            assert_eq!(cal.check_year(year), [], "{year}");
        }
        assert!(cal.loaded_year_notes().is_empty());
    }

    #[test]
    fn a_loaded_year_is_checked_not_refused() {
        // 正月初二 2027 (Sunday 7 February) listed as worked, the rest of the year missing.
        let json = r#"{"year": 2027, "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "春节", "date": "2027-02-07", "isOffDay": false}]}"#;
        let cal = Calendar::cn().with_holiday_cn(json).unwrap();
        assert!(
            cal.is_working_day(d(2027, 2, 7)),
            "the notice is kept as given"
        );
        let notes = notes_of(&cal, 2027);
        let worked = ("calendar.statutory_holiday_worked", "2027-02-07".to_owned());
        assert!(notes.contains(&worked), "{notes:?}");
        // 正月初一 on Saturday 6 February gets no weekday off.
        let no_lieu = ("calendar.no_day_in_lieu", "2027-02-06".to_owned());
        assert!(notes.contains(&no_lieu), "{notes:?}");
        assert_eq!(cal.loaded_year_notes(), cal.check_year(2027));
        let note = &cal.check_year(2027)[0];
        assert_eq!(note.year, 2027);
        assert!(!note.message().is_empty());
    }

    #[test]
    fn long_working_stretches_are_noted_from_2025() {
        // A Spring Festival break 5–12 February 2027 with both weekend days after it worked:
        // 13–19 February are seven working days in a row.
        let mut days: Vec<String> = (5..=12)
            .map(|day| format!(r#"{{"date": "2027-02-{day:02}", "isOffDay": true}}"#))
            .collect();
        days.push(r#"{"date": "2027-02-13", "isOffDay": false}"#.into());
        days.push(r#"{"date": "2027-02-14", "isOffDay": false}"#.into());
        let json = format!(r#"{{"year": 2027, "days": [{}]}}"#, days.join(","));
        let cal = Calendar::cn().with_holiday_cn(&json).unwrap();
        let stretch = cal
            .check_year(2027)
            .into_iter()
            .find(|n| n.code == YearNoteCode::LongWorkingStretch)
            .unwrap();
        assert_eq!(
            (stretch.date, stretch.until),
            (d(2027, 2, 13), Some(d(2027, 2, 19)))
        );
        // 2024 (国务院令第644号) had seven-day stretches; the limit is not checked there.
        let earlier = Calendar::cn()
            .with_holiday_cn(&json.replace("2027", "2024"))
            .unwrap();
        assert!(
            earlier
                .check_year(2024)
                .iter()
                .all(|n| n.code != YearNoteCode::LongWorkingStretch)
        );
    }

    #[test]
    fn years_without_a_rule_are_noted() {
        let config = CalendarConfig {
            base: Base::Weekdays,
            years: vec![YearData {
                year: 2027,
                off_days: vec![d(2027, 1, 1)],
                notice: Some("TEST-1".into()),
                notice_date: Some(d(2026, 11, 1)),
                ..YearData::default()
            }],
            ..CalendarConfig::default()
        };
        let cal = Calendar::from_config(&config, beijing()).unwrap();
        assert_eq!(
            notes_of(&cal, 2027),
            [("calendar.year_not_checked", "2027-01-01".to_owned())]
        );
        let day = cal.day(d(2027, 1, 1));
        assert_eq!(day.reason, DayReason::ListedRestDay);
        assert_eq!(day.regulation, None);
        let source = day.source.unwrap();
        assert_eq!(
            (source.number.as_deref(), source.date),
            (Some("TEST-1"), Some(d(2026, 11, 1)))
        );
    }

    #[test]
    fn how_each_day_was_decided() {
        let cal = Calendar::cn();
        let published = cal.day(d(2025, 10, 7));
        assert_eq!(published.decided_by, DecidedBy::Published);
        assert_eq!(published.reason, DayReason::SwappedRestDay);
        assert_eq!(
            published.source.unwrap().number.as_deref(),
            Some("国办发明电〔2024〕12号")
        );
        let computed = cal.day(d(2027, 10, 4));
        assert_eq!(
            (
                computed.decided_by,
                computed.reason,
                computed.in_lieu_of,
                computed.provisional
            ),
            (
                DecidedBy::StatutoryRule,
                DayReason::DayInLieu,
                Some(d(2027, 10, 2)),
                true
            )
        );
        assert_eq!(cal.day(d(2100, 1, 1)).decided_by, DecidedBy::Weekdays);
        assert_eq!(
            Calendar::weekdays().day(d(2027, 1, 1)).decided_by,
            DecidedBy::Weekdays
        );
        // The done-when case of issue 19.
        assert_eq!(cal.add_working_days(d(2026, 12, 29), 3), Ok(d(2027, 1, 4)));
    }

    #[test]
    fn a_calendar_that_works_every_day() {
        let cal = Calendar::every_day();
        assert!(cal.works_every_day() && !Calendar::cn().works_every_day());
        // National Day, a Sunday, New Year's Day 2027 and a day past the rules: all worked.
        for date in [
            d(2025, 10, 1),
            d(2025, 10, 12),
            d(2027, 1, 1),
            d(2150, 6, 7),
        ] {
            assert!(cal.is_working_day(date), "{date}");
            let day = cal.day(date);
            assert_eq!(
                (day.working, day.reason, day.decided_by, day.provisional),
                (true, DayReason::WorkingDay, DecidedBy::EveryDay, false),
                "{date}"
            );
        }
        assert_eq!(cal.add_working_days(d(2026, 12, 29), 3), Ok(d(2027, 1, 1)));
        assert_eq!(cal.add_working_days(d(1950, 1, 1), -2), Ok(d(1949, 12, 30)));
        assert_eq!(cal.working_days_between(d(2025, 1, 1), d(2026, 1, 1)), 365);
        // Nothing waits for a notice.
        assert!(cal.covers(d(2027, 1, 1)) && cal.covers_span(d(2026, 1, 1), d(2090, 1, 1)));
        assert_eq!(cal.covered_years(), Vec::<i32>::new());
        // Company days off still count, before, inside and after any table span.
        let config = CalendarConfig {
            base: Base::EveryDay,
            extra_off_days: vec![d(2026, 1, 1)],
            ..CalendarConfig::default()
        };
        let cal = Calendar::from_config(&config, beijing()).unwrap();
        assert!(!cal.is_working_day(d(2026, 1, 1)));
        assert_eq!(cal.day(d(2026, 1, 1)).reason, DayReason::CompanyDayOff);
        assert_eq!(cal.add_working_days(d(2025, 12, 30), 3), Ok(d(2026, 1, 3)));
        assert!(cal.is_working_day(d(2030, 1, 5)) && cal.is_working_day(d(2020, 1, 5)));
        assert_eq!(cal.working_days_between(d(2025, 12, 31), d(2026, 1, 2)), 1);
        // It has no statutory years to add.
        let with_years = CalendarConfig {
            years: vec![YearData {
                year: 2027,
                ..YearData::default()
            }],
            ..config
        };
        assert_eq!(
            Calendar::from_config(&with_years, beijing())
                .unwrap_err()
                .code(),
            "calendar.invalid_holiday_data"
        );
        let json = r#"{"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": true}]}"#;
        assert_eq!(
            Calendar::every_day()
                .with_holiday_cn(json)
                .unwrap_err()
                .code(),
            "calendar.invalid_holiday_data"
        );
    }

    #[test]
    fn a_calendar_in_its_own_offset() {
        let config = CalendarConfig {
            office_offset: FixedOffset::east_opt(6 * 3600),
            ..CalendarConfig::default()
        };
        let cal = Calendar::from_config(&config, beijing()).unwrap();
        assert_eq!(cal.offset().local_minus_utc(), 6 * 3600);
        assert_eq!(
            Calendar::from_config(&CalendarConfig::default(), beijing())
                .unwrap()
                .offset(),
            beijing()
        );
    }
}
