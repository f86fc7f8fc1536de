//! Periods under the PRC Civil Code (art. 200–204): a duration from a start instant to a
//! deadline, with the rules that decided it.

use std::sync::Arc;

use complaint_office::period as core;

use crate::calendar::Calendar;
use crate::duration::Duration;
use crate::error::{Result, guard};
use crate::time::{LocalDate, OffsetDateTime};

/// A rule that decided a deadline (`name()`, `article()` and `describe()` say which and why).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum PeriodRule {
    /// Art. 201 ¶1: counting starts the day after the start.
    StartDayExcluded,
    /// Art. 201 ¶2: hours run from the start instant.
    HoursFromStart,
    /// Art. 204: only working days count.
    WorkingDaysOnly,
    /// Art. 204: only office hours on working days count.
    OfficeHoursOnly,
    /// Art. 202: the corresponding day of the last month.
    CorrespondingDay,
    /// Art. 202: the last month has no corresponding day; its last day is used.
    MonthEnd {
        /// The day of the month the start fell on.
        start_day: i32,
    },
    /// Art. 203 ¶1: the last day was a rest day; the period ends on the next working day.
    RolledPastRestDays {
        /// The last day before rolling.
        from: LocalDate,
    },
    /// Art. 203 ¶1 moves only statutory rest days: a company day off (`extra_off_days`) stays
    /// the last day, or stops the roll (unless `calendar.roll_past_extra_off_days`).
    CompanyDayOffKept {
        /// The company day off the period ends on.
        day: LocalDate,
    },
    /// Art. 203 ¶2: the last day ends at 24:00.
    EndsAtMidnight,
    /// Art. 203 ¶2: the last day ends at close of business.
    EndsAtCloseOfBusiness {
        /// Close of business, `HH:MM`.
        close: String,
    },
    /// A day outside the calendar's statutory data was used; Monday–Friday was assumed.
    Provisional,
    /// §2.2.1: the clock paused while waiting for the complainant.
    ExtendedByPauses {
        /// Days of the clock's unit, or seconds for hour units.
        amount: i64,
    },
    /// §4.1.2: a complex or major complaint's plan limit, extended to the end of this day.
    ExtendedUntil {
        /// The new last day.
        until: LocalDate,
    },
    /// §4.1.2: the extension until this day lapsed when the case was re-assessed onto the
    /// general track: the extension is only for complex or major complaints.
    ExtensionLapsed {
        /// The extension's last day, no longer in force.
        until: LocalDate,
    },
    /// §4.3.1: the approved handling plan's last time point, the end of its implementation.
    PlanTimePoint {
        /// The last time point.
        until: LocalDate,
    },
    /// A rule of a newer core than this binding knows (kept with its name and article).
    Other {
        /// The rule's stable name.
        name: String,
        /// Its article.
        article: String,
        /// What it did.
        description: String,
    },
}

impl From<&core::PeriodRule> for PeriodRule {
    fn from(rule: &core::PeriodRule) -> Self {
        use core::PeriodRule as R;
        match rule {
            R::StartDayExcluded => PeriodRule::StartDayExcluded,
            R::HoursFromStart => PeriodRule::HoursFromStart,
            R::WorkingDaysOnly => PeriodRule::WorkingDaysOnly,
            R::OfficeHoursOnly => PeriodRule::OfficeHoursOnly,
            R::CorrespondingDay => PeriodRule::CorrespondingDay,
            R::MonthEnd { start_day } => PeriodRule::MonthEnd {
                start_day: i32::try_from(*start_day).unwrap_or(i32::MAX),
            },
            R::RolledPastRestDays { from } => PeriodRule::RolledPastRestDays { from: *from },
            R::CompanyDayOffKept { day } => PeriodRule::CompanyDayOffKept { day: *day },
            R::EndsAtMidnight => PeriodRule::EndsAtMidnight,
            R::EndsAtCloseOfBusiness { close } => PeriodRule::EndsAtCloseOfBusiness {
                close: close.clone(),
            },
            R::Provisional => PeriodRule::Provisional,
            R::ExtendedByPauses { amount } => PeriodRule::ExtendedByPauses { amount: *amount },
            R::ExtendedUntil { until } => PeriodRule::ExtendedUntil { until: *until },
            R::ExtensionLapsed { until } => PeriodRule::ExtensionLapsed { until: *until },
            R::PlanTimePoint { until } => PeriodRule::PlanTimePoint { until: *until },
            // `PeriodRule` is non-exhaustive: a newer rule keeps its name and article.
            other => PeriodRule::Other {
                name: other.name().to_owned(),
                article: other.article().to_owned(),
                description: other.describe(),
            },
        }
    }
}

impl PeriodRule {
    fn to_core(&self) -> Option<core::PeriodRule> {
        use core::PeriodRule as R;
        Some(match self {
            PeriodRule::StartDayExcluded => R::StartDayExcluded,
            PeriodRule::HoursFromStart => R::HoursFromStart,
            PeriodRule::WorkingDaysOnly => R::WorkingDaysOnly,
            PeriodRule::OfficeHoursOnly => R::OfficeHoursOnly,
            PeriodRule::CorrespondingDay => R::CorrespondingDay,
            PeriodRule::MonthEnd { start_day } => R::MonthEnd {
                start_day: u32::try_from(*start_day).unwrap_or(0),
            },
            PeriodRule::RolledPastRestDays { from } => R::RolledPastRestDays { from: *from },
            PeriodRule::CompanyDayOffKept { day } => R::CompanyDayOffKept { day: *day },
            PeriodRule::EndsAtMidnight => R::EndsAtMidnight,
            PeriodRule::EndsAtCloseOfBusiness { close } => R::EndsAtCloseOfBusiness {
                close: close.clone(),
            },
            PeriodRule::Provisional => R::Provisional,
            PeriodRule::ExtendedByPauses { amount } => R::ExtendedByPauses { amount: *amount },
            PeriodRule::ExtendedUntil { until } => R::ExtendedUntil { until: *until },
            PeriodRule::ExtensionLapsed { until } => R::ExtensionLapsed { until: *until },
            PeriodRule::PlanTimePoint { until } => R::PlanTimePoint { until: *until },
            PeriodRule::Other { .. } => return None,
        })
    }
}

#[uniffi::export]
impl PeriodRule {
    /// The rule's stable name, as in JSON (`rolled_past_rest_days`).
    pub fn name(&self) -> String {
        match (self.to_core(), self) {
            (Some(rule), _) => rule.name().to_owned(),
            (None, PeriodRule::Other { name, .. }) => name.clone(),
            (None, _) => String::new(),
        }
    }

    /// The article of the Civil Code (or clause of the policy) behind the rule.
    pub fn article(&self) -> String {
        match (self.to_core(), self) {
            (Some(rule), _) => rule.article().to_owned(),
            (None, PeriodRule::Other { article, .. }) => article.clone(),
            (None, _) => String::new(),
        }
    }

    /// One English sentence saying what the rule did.
    pub fn describe(&self) -> String {
        match (self.to_core(), self) {
            (Some(rule), _) => rule.describe(),
            (None, PeriodRule::Other { description, .. }) => description.clone(),
            (None, _) => String::new(),
        }
    }
}

pub(crate) fn rules(rules: &[core::PeriodRule]) -> Vec<PeriodRule> {
    rules.iter().map(PeriodRule::from).collect()
}

/// When a period ends, and why.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Deadline {
    /// The start instant, in office time.
    pub start: OffsetDateTime,
    /// The period.
    pub duration: Arc<Duration>,
    /// The last day of the period (office time).
    pub last_day: LocalDate,
    /// The first instant after the period: done before it is on time.
    pub due: OffsetDateTime,
    /// Whether a day outside the calendar's statutory data was used.
    pub provisional: bool,
    /// The rules that decided it, in the order applied.
    pub rules: Vec<PeriodRule>,
}

impl From<core::Deadline> for Deadline {
    fn from(d: core::Deadline) -> Self {
        Deadline {
            start: d.start,
            duration: Duration::arc(d.duration),
            last_day: d.last_day,
            due: d.due,
            provisional: d.provisional,
            rules: rules(&d.rules),
        }
    }
}

/// The end of `duration` started at `start`, on `calendar` (its offset and office hours)
/// (`period::end` of the core).
///
/// # Errors
/// `period.office_hours_required`, `period.out_of_range`.
#[uniffi::export]
pub fn period_end(
    calendar: Arc<Calendar>,
    start: OffsetDateTime,
    duration: Arc<Duration>,
) -> Result<Deadline> {
    guard(|| Ok(core::end(&calendar.0, start, duration.0)?.into()))
}

/// [`period_end`] for many starts with one duration.
///
/// # Errors
/// As [`period_end`], for the first start that fails.
#[uniffi::export]
pub fn period_end_many(
    calendar: Arc<Calendar>,
    starts: Vec<OffsetDateTime>,
    duration: Arc<Duration>,
) -> Result<Vec<Deadline>> {
    guard(|| {
        let deadlines = core::end_many(&calendar.0, &starts, duration.0)?;
        Ok(deadlines.into_iter().map(Into::into).collect())
    })
}

/// When `day` ends as the last day of a period: close of business where office hours are
/// configured, else 24:00.
///
/// # Errors
/// `period.out_of_range`.
#[uniffi::export]
pub fn end_of_day(calendar: Arc<Calendar>, day: LocalDate) -> Result<OffsetDateTime> {
    guard(|| Ok(core::end_of_day(&calendar.0, day)?))
}

/// The rule's name (`start_day_excluded`, with its day for the rules that carry one): what
/// Kotlin's `toString()` shows.
impl std::fmt::Display for PeriodRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeriodRule::RolledPastRestDays { from } => write!(f, "{}(from={from})", self.name()),
            PeriodRule::CompanyDayOffKept { day } => write!(f, "{}(day={day})", self.name()),
            PeriodRule::MonthEnd { start_day } => {
                write!(f, "{}(start_day={start_day})", self.name())
            }
            _ => f.write_str(&self.name()),
        }
    }
}

/// The last day of the period that starts on each of `start_dates` (at 00:00 office time) and
/// lasts `duration`: [`period_end_many`] for callers that hold dates.
///
/// # Errors
/// As [`period_end`], for the first start that fails.
#[uniffi::export]
pub fn last_days(
    calendar: Arc<Calendar>,
    start_dates: Vec<LocalDate>,
    duration: Arc<Duration>,
) -> Result<Vec<LocalDate>> {
    guard(|| {
        let offset = calendar.0.offset();
        let starts: Vec<_> = start_dates
            .into_iter()
            .map(|d| complaint_office::time::at_office_time(d, 0, offset))
            .collect();
        let deadlines = core::end_many(&calendar.0, &starts, duration.0)?;
        Ok(deadlines.into_iter().map(|d| d.last_day).collect())
    })
}
