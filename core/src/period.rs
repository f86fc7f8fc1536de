//! Periods under the PRC Civil Code, art. 200–204: when a time limit of the policy runs out.
//!
//! * **Art. 200**: periods are reckoned by the Gregorian calendar in years, months, days and
//!   hours.
//! * **Art. 201 ¶1**: a period in days, months or years starts counting on the day *after* the
//!   start (the start day is not counted). **¶2**: a period in hours runs from the start instant.
//! * **Art. 202**: a period in months or years ends on the corresponding day of the last month;
//!   where that month has no such day, on its last day (31 January + 1 month → 28/29 February).
//! * **Art. 203 ¶1**: if the last day is a statutory rest day, the period ends on the day after
//!   the rest ends: the next working day of the calendar (a make-up working day is a working
//!   day, so the roll stops there). A company's own day off (`calendar.extra_off_days`) is not
//!   a statutory rest day: by default it does not move the last day (nor does the roll pass
//!   it), so a company holiday never lengthens a limit owed to the complainant; the policy's
//!   `calendar.roll_past_extra_off_days = true` makes it move the last day like a statutory
//!   rest day ([`PeriodRule::CompanyDayOffKept`] says when it mattered). **¶2**: the last day
//!   ends at 24:00, or at close of business where office hours are configured.
//! * **Art. 204**: the parties may agree otherwise: the policy's *working-day* and
//!   *working-hour* limits are such an agreement. Working days count working days only, starting
//!   the day after the start; working hours count office time only, from the start instant. A
//!   company day off is not a working day here.
//!
//! Which day an instant falls on is decided in office time. A [`Deadline`] says which rules
//! decided it and whether it is `provisional` (it used a day of a year no published notice
//! covers: there the regulation's own holidays and days in lieu decide, swaps unknown, or
//! Monday–Friday outside 2000–2099).
//!
//! ```
//! use complaint_office::{calendar::Calendar, duration::Duration, period, time::parse_instant};
//!
//! let cal = Calendar::cn();
//! let start = parse_instant("2025-09-20T09:00:00+08:00")?;
//! let deadline = period::end(&cal, start, "15 days".parse()?)?;
//! // 5 October falls in the National Day holiday: the period ends on the next working day.
//! assert_eq!(deadline.last_day.to_string(), "2025-10-09");
//! assert_eq!(deadline.due.to_rfc3339(), "2025-10-10T00:00:00+08:00");
//! assert!(!deadline.provisional);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::{Days, Duration as Span, Months, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarError, seconds_of, time_of};
use crate::duration::{Duration, Unit};
use crate::error::ErrorCode;
use crate::time::{Instant, MAX_DATE, MIN_DATE, at_time, in_office, start_of_day};

/// Why a period's end could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The period would end outside the supported dates (1900–2999).
    #[error("period out of range: the end would lie outside 1900-01-01..=2999-12-31")]
    OutOfRange,
    /// A duration in working hours needs office hours in the policy.
    #[error("a duration in working hours needs office hours (calendar.office_hours)")]
    OfficeHoursRequired,
}

impl ErrorCode for PeriodError {
    fn code(&self) -> &'static str {
        match self {
            PeriodError::OutOfRange => "period.out_of_range",
            PeriodError::OfficeHoursRequired => "period.office_hours_required",
        }
    }
}

impl From<CalendarError> for PeriodError {
    fn from(_: CalendarError) -> Self {
        PeriodError::OutOfRange
    }
}

/// A rule that decided a deadline, with the article it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PeriodRule {
    /// Art. 201 ¶1: counting starts the day after the start.
    StartDayExcluded,
    /// Art. 201 ¶2: hours run from the start instant.
    HoursFromStart,
    /// Art. 204 (the policy's agreement): only working days count.
    WorkingDaysOnly,
    /// Art. 204 (the policy's agreement): only office hours on working days count.
    OfficeHoursOnly,
    /// Art. 202: the corresponding day of the last month.
    CorrespondingDay,
    /// Art. 202: the last month has no corresponding day; its last day is used.
    MonthEnd {
        /// The day of the month the start fell on.
        start_day: u32,
    },
    /// Art. 203 ¶1: the last day was a rest day; the period ends on the next working day.
    RolledPastRestDays {
        /// The last day before rolling.
        from: NaiveDate,
    },
    /// Art. 203 ¶1 moves only statutory rest days: a company day off (`extra_off_days`) stays
    /// the last day, or stops the roll (unless the policy sets `roll_past_extra_off_days`).
    CompanyDayOffKept {
        /// The company day off the period ends on.
        day: NaiveDate,
    },
    /// Art. 203 ¶2: the last day ends at 24:00.
    EndsAtMidnight,
    /// Art. 203 ¶2: the last day ends at close of business.
    EndsAtCloseOfBusiness {
        /// Close of business, `HH:MM`.
        close: String,
    },
    /// A day of a year no published notice covers was used: the regulation's holidays decided
    /// it, swaps unknown (or Monday–Friday outside 2000–2099).
    Provisional,
    /// §2.2.1: the clock paused while waiting for the complainant, and moved later by the
    /// days (of the clock's unit) the pauses covered, or by their seconds for an hours clock.
    ExtendedByPauses {
        /// Days of the clock's unit, or seconds for hour units.
        amount: i64,
    },
    /// §4.1.2: a complex or major complaint's plan limit, extended to the end of this day.
    ExtendedUntil {
        /// The new last day.
        until: NaiveDate,
    },
    /// §4.1.2: the extension until this day lapsed when the case was re-assessed onto the
    /// general track: the extension is only for complex or major complaints.
    ExtensionLapsed {
        /// The extension's last day, no longer in force.
        until: NaiveDate,
    },
    /// §4.3.1: the approved handling plan's last time point, the end of its implementation.
    PlanTimePoint {
        /// The last time point.
        until: NaiveDate,
    },
}

impl PeriodRule {
    /// The rule's stable name, as in JSON (`rolled_past_rest_days`).
    pub fn name(&self) -> &'static str {
        match self {
            PeriodRule::StartDayExcluded => "start_day_excluded",
            PeriodRule::HoursFromStart => "hours_from_start",
            PeriodRule::WorkingDaysOnly => "working_days_only",
            PeriodRule::OfficeHoursOnly => "office_hours_only",
            PeriodRule::CorrespondingDay => "corresponding_day",
            PeriodRule::MonthEnd { .. } => "month_end",
            PeriodRule::RolledPastRestDays { .. } => "rolled_past_rest_days",
            PeriodRule::CompanyDayOffKept { .. } => "company_day_off_kept",
            PeriodRule::EndsAtMidnight => "ends_at_midnight",
            PeriodRule::EndsAtCloseOfBusiness { .. } => "ends_at_close_of_business",
            PeriodRule::Provisional => "provisional",
            PeriodRule::ExtendedByPauses { .. } => "extended_by_pauses",
            PeriodRule::ExtendedUntil { .. } => "extended_until",
            PeriodRule::ExtensionLapsed { .. } => "extension_lapsed",
            PeriodRule::PlanTimePoint { .. } => "plan_time_point",
        }
    }

    /// The article of the Civil Code behind the rule (`"art. 203 ¶1"`).
    pub fn article(&self) -> &'static str {
        match self {
            PeriodRule::StartDayExcluded => "art. 201 ¶1",
            PeriodRule::HoursFromStart => "art. 201 ¶2",
            PeriodRule::WorkingDaysOnly | PeriodRule::OfficeHoursOnly => "art. 204",
            PeriodRule::CorrespondingDay | PeriodRule::MonthEnd { .. } => "art. 202",
            PeriodRule::RolledPastRestDays { .. } | PeriodRule::CompanyDayOffKept { .. } => {
                "art. 203 ¶1"
            }
            PeriodRule::EndsAtMidnight | PeriodRule::EndsAtCloseOfBusiness { .. } => "art. 203 ¶2",
            PeriodRule::Provisional => "calendar",
            PeriodRule::ExtendedByPauses { .. } => "§2.2.1",
            PeriodRule::ExtendedUntil { .. } | PeriodRule::ExtensionLapsed { .. } => "§4.1.2",
            PeriodRule::PlanTimePoint { .. } => "§4.3.1",
        }
    }

    /// One English sentence saying what the rule did.
    pub fn describe(&self) -> String {
        match self {
            PeriodRule::StartDayExcluded => "counting starts the day after the start".into(),
            PeriodRule::HoursFromStart => "hours run from the start instant".into(),
            PeriodRule::WorkingDaysOnly => "only working days count".into(),
            PeriodRule::OfficeHoursOnly => "only office hours on working days count".into(),
            PeriodRule::CorrespondingDay => "ends on the corresponding day".into(),
            PeriodRule::MonthEnd { start_day } => {
                format!("the last month has no day {start_day}: ends on its last day")
            }
            PeriodRule::RolledPastRestDays { from } => {
                format!("{from} is a rest day: moved to the next working day")
            }
            PeriodRule::CompanyDayOffKept { day } => format!(
                "{day} is a company day off, not a statutory rest day: the period still ends on it"
            ),
            PeriodRule::EndsAtMidnight => "the last day ends at 24:00".into(),
            PeriodRule::EndsAtCloseOfBusiness { close } => {
                format!("the last day ends at close of business, {close}")
            }
            PeriodRule::Provisional => {
                "uses a day no published notice covers: statutory holidays computed, swaps unknown"
                    .into()
            }
            PeriodRule::ExtendedByPauses { amount } => {
                format!("moved later by {amount} while waiting for the complainant's information")
            }
            PeriodRule::ExtendedUntil { until } => {
                format!("extended until the end of {until} (complex or major complaint)")
            }
            PeriodRule::ExtensionLapsed { until } => format!(
                "the extension until {until} lapsed: re-assessed as a general complaint, due at the general limit again"
            ),
            PeriodRule::PlanTimePoint { until } => {
                format!("the approved plan's last time point, {until}")
            }
        }
    }
}

/// When a period ends, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The start instant, in office time.
    pub start: Instant,
    /// The period.
    pub duration: Duration,
    /// The last day of the period (office time).
    pub last_day: NaiveDate,
    /// The first instant after the period: 00:00 after the last day, close of business on it,
    /// or the exact end of an hours period. Something done before `due` is on time.
    pub due: Instant,
    /// Whether a day outside the calendar's statutory data was used.
    pub provisional: bool,
    /// The rules that decided it, in the order applied.
    pub rules: Vec<PeriodRule>,
}

impl Deadline {
    /// Whether something done at `at` meets the deadline (strictly before `due`).
    pub fn is_met_at(&self, at: Instant) -> bool {
        at < self.due
    }
}

/// The end of `duration` started at `start`, on `calendar` (its offset and office hours).
///
/// # Errors
/// [`PeriodError::OfficeHoursRequired`] for working hours without office hours;
/// [`PeriodError::OutOfRange`] when the end lies outside the supported dates.
pub fn end(
    calendar: &Calendar,
    start: Instant,
    duration: Duration,
) -> Result<Deadline, PeriodError> {
    let start = in_office(start, calendar.offset());
    let start_date = start.date_naive();
    let amount = duration.amount();
    let mut rules = Vec::with_capacity(4);

    let (due, last_day, provisional) = match duration.unit() {
        Unit::Hours => {
            rules.push(PeriodRule::HoursFromStart);
            let due = start + Span::hours(i64::from(amount));
            let last_day = last_day_of(due);
            check_range(last_day)?;
            (due, last_day, false)
        }
        Unit::WorkingHours => {
            rules.push(PeriodRule::OfficeHoursOnly);
            let due = add_working_hours(calendar, start, amount)?;
            let last_day = last_day_of(due);
            (due, last_day, !calendar.covers_span(start_date, last_day))
        }
        Unit::WorkingDays => {
            rules.push(PeriodRule::StartDayExcluded);
            rules.push(PeriodRule::WorkingDaysOnly);
            let last_day = calendar.add_working_days(start_date, i64::from(amount))?;
            let first_counted = start_date.succ_opt().unwrap_or(start_date);
            let provisional = !calendar.covers_span(first_counted, last_day);
            (
                close_of(calendar, last_day, &mut rules)?,
                last_day,
                provisional,
            )
        }
        Unit::Days | Unit::Months | Unit::Years => {
            rules.push(PeriodRule::StartDayExcluded);
            let naive_end = match duration.unit() {
                Unit::Days => start_date.checked_add_days(Days::new(u64::from(amount))),
                Unit::Months => start_date.checked_add_months(Months::new(amount)),
                _ => amount
                    .checked_mul(12)
                    .and_then(|m| start_date.checked_add_months(Months::new(m))),
            }
            .ok_or(PeriodError::OutOfRange)?;
            check_range(naive_end)?;
            if duration.unit() != Unit::Days {
                rules.push(
                    if chrono::Datelike::day(&naive_end) == chrono::Datelike::day(&start_date) {
                        PeriodRule::CorrespondingDay
                    } else {
                        PeriodRule::MonthEnd {
                            start_day: chrono::Datelike::day(&start_date),
                        }
                    },
                );
            }
            let last_day = calendar.roll_last_day(naive_end)?;
            if last_day != naive_end {
                rules.push(PeriodRule::RolledPastRestDays { from: naive_end });
            }
            if calendar.is_extra_off_day(last_day) {
                rules.push(PeriodRule::CompanyDayOffKept { day: last_day });
            }
            let provisional = !calendar.covers_span(naive_end, last_day);
            (
                close_of(calendar, last_day, &mut rules)?,
                last_day,
                provisional,
            )
        }
    };
    if provisional {
        rules.push(PeriodRule::Provisional);
    }
    Ok(Deadline {
        start,
        duration,
        last_day,
        due,
        provisional,
        rules,
    })
}

/// [`end`] for many starts with one duration.
///
/// # Errors
/// As [`end`], for the first start that fails.
pub fn end_many(
    calendar: &Calendar,
    starts: &[Instant],
    duration: Duration,
) -> Result<Vec<Deadline>, PeriodError> {
    starts.iter().map(|&s| end(calendar, s, duration)).collect()
}

fn check_range(date: NaiveDate) -> Result<NaiveDate, PeriodError> {
    if (MIN_DATE..=MAX_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(PeriodError::OutOfRange)
    }
}

/// The last day a due instant closes: the day before when it is exactly midnight.
fn last_day_of(due: Instant) -> NaiveDate {
    let date = due.date_naive();
    if due.time() == NaiveTime::MIN {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

/// The end of the last day (art. 203 ¶2).
fn close_of(
    calendar: &Calendar,
    last_day: NaiveDate,
    rules: &mut Vec<PeriodRule>,
) -> Result<Instant, PeriodError> {
    rules.push(match calendar.office_hours() {
        Some(hours) => {
            let end = hours.intervals().last().map_or(86_400, |i| i.end_seconds());
            PeriodRule::EndsAtCloseOfBusiness {
                close: format!("{:02}:{:02}", end / 3600, end / 60 % 60),
            }
        }
        None => PeriodRule::EndsAtMidnight,
    });
    end_of_day(calendar, last_day)
}

/// When `day` ends as the last day of a period (art. 203 ¶2): close of business where office
/// hours are configured, else 24:00 (the next day's 00:00), in office time.
///
/// # Errors
/// [`PeriodError::OutOfRange`] past the supported dates.
pub fn end_of_day(calendar: &Calendar, day: NaiveDate) -> Result<Instant, PeriodError> {
    let offset = calendar.offset();
    match calendar.office_hours() {
        Some(hours) => {
            let end = hours.intervals().last().map_or(86_400, |i| i.end_seconds());
            if end >= 86_400 {
                next_midnight(day, offset)
            } else {
                Ok(at_time(day, hours.close_of_business(), offset))
            }
        }
        None => next_midnight(day, offset),
    }
}

fn next_midnight(day: NaiveDate, offset: chrono::FixedOffset) -> Result<Instant, PeriodError> {
    let next = day.succ_opt().ok_or(PeriodError::OutOfRange)?;
    Ok(start_of_day(next, offset))
}

/// `hours` of office time on working days, counted from `start` (already in office time).
fn add_working_hours(
    calendar: &Calendar,
    start: Instant,
    hours: u32,
) -> Result<Instant, PeriodError> {
    let office = calendar
        .office_hours()
        .ok_or(PeriodError::OfficeHoursRequired)?;
    let offset = calendar.offset();
    let per_day = u64::from(office.seconds_per_day());
    let date = start.date_naive();
    let mut need = u64::from(hours) * 3600;
    if calendar.is_working_day(date) {
        let from = crate::time::seconds_of_day(&start);
        match office.consume(from, u32::try_from(need).unwrap_or(u32::MAX)) {
            Ok(end) => return Ok(instant_at(date, end, offset)),
            Err(left) => need = u64::from(left),
        }
    }
    // Whole working days first (O(1)), then the rest on the final day.
    let whole = (need - 1) / per_day;
    let rest = need - whole * per_day;
    let day = calendar.add_working_days(date, i64::try_from(whole + 1).unwrap_or(i64::MAX))?;
    let end = office
        .consume(0, u32::try_from(rest).unwrap_or(u32::MAX))
        .unwrap_or_else(|_| seconds_of(office.close_of_business()));
    Ok(instant_at(day, end, offset))
}

fn instant_at(date: NaiveDate, secs: u32, offset: chrono::FixedOffset) -> Instant {
    if secs >= 86_400 {
        let next = date.succ_opt().unwrap_or(date);
        start_of_day(next, offset)
    } else {
        at_time(date, time_of(secs), offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarConfig, OfficeInterval};
    use crate::time::parse_instant;

    fn run(cal: &Calendar, start: &str, duration: &str) -> Deadline {
        end(
            cal,
            parse_instant(start).unwrap(),
            duration.parse().unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn the_contract_examples() {
        let cal = Calendar::cn();
        let d = run(&cal, "2025-09-26T10:00:00+08:00", "5 working days");
        assert_eq!(d.last_day.to_string(), "2025-10-10");
        assert_eq!(d.due.to_rfc3339(), "2025-10-11T00:00:00+08:00");
        let d = run(&cal, "2025-09-20T09:00:00+08:00", "15 days");
        assert_eq!(d.last_day.to_string(), "2025-10-09");
        assert!(d.rules.contains(&PeriodRule::RolledPastRestDays {
            from: NaiveDate::from_ymd_opt(2025, 10, 5).unwrap()
        }));
        let d = run(&cal, "2025-05-30T16:00:00+08:00", "24 hours");
        assert_eq!(d.due.to_rfc3339(), "2025-05-31T16:00:00+08:00");
        assert_eq!(d.last_day.to_string(), "2025-05-31");
        let d = run(&cal, "2024-01-31T12:00:00+08:00", "1 month");
        assert_eq!(d.last_day.to_string(), "2024-02-29");
        assert!(matches!(d.rules[1], PeriodRule::MonthEnd { start_day: 31 }));
        let d = run(&cal, "2024-02-29T12:00:00+08:00", "3 years");
        assert_eq!(d.last_day.to_string(), "2027-03-01");
        assert!(d.provisional);
    }

    #[test]
    fn office_offset_decides_the_start_day() {
        let cal = Calendar::cn();
        // 20:00 UTC on Thursday 25 Sept is Friday 26 Sept 04:00 in Beijing.
        let d = run(&cal, "2025-09-25T20:00:00Z", "5 working days");
        assert_eq!(d.last_day.to_string(), "2025-10-10");
        assert_eq!(d.start.to_rfc3339(), "2025-09-26T04:00:00+08:00");
    }

    #[test]
    fn close_of_business_and_working_hours() {
        let config = CalendarConfig {
            office_hours: ["09:00-12:00", "13:30-18:00"]
                .iter()
                .map(|s| s.parse::<OfficeInterval>().unwrap())
                .collect(),
            ..CalendarConfig::default()
        };
        let cal = Calendar::from_config(&config, crate::calendar::beijing()).unwrap();
        let d = run(&cal, "2025-09-26T10:00:00+08:00", "5 working days");
        assert_eq!(d.due.to_rfc3339(), "2025-10-10T18:00:00+08:00");
        // Friday 17:00 + 2 office hours: one hour Friday, the other Sunday 28 Sept (make-up day).
        let d = run(&cal, "2025-09-26T17:00:00+08:00", "2 working hours");
        assert_eq!(d.due.to_rfc3339(), "2025-09-28T10:00:00+08:00");
        let d = run(&cal, "2025-09-29T09:00:00+08:00", "7 working hours");
        assert_eq!(d.due.to_rfc3339(), "2025-09-29T17:30:00+08:00");
        // Ending exactly at a close ends there, not at the next opening.
        let d = run(&cal, "2025-09-29T17:00:00+08:00", "1 working hour");
        assert_eq!(d.due.to_rfc3339(), "2025-09-29T18:00:00+08:00");
        let d = run(&cal, "2025-09-30T12:00:00+08:00", "8 working hours");
        // 30 Sept: 13:30-18:00 (4.5 h), then the holiday until 9 Oct: 09:00-12:00 (3 h), 13:30-14:00.
        assert_eq!(d.due.to_rfc3339(), "2025-10-09T14:00:00+08:00");
        assert_eq!(
            end(
                &Calendar::cn(),
                parse_instant("2025-09-30T12:00:00+08:00").unwrap(),
                "8 working hours".parse().unwrap()
            ),
            Err(PeriodError::OfficeHoursRequired)
        );
    }

    #[test]
    fn out_of_range() {
        let cal = Calendar::cn();
        let start = parse_instant("2999-06-01T00:00:00+08:00").unwrap();
        assert_eq!(
            end(&cal, start, "5 years".parse().unwrap()),
            Err(PeriodError::OutOfRange)
        );
        assert_eq!(
            end(&cal, start, "99999 working days".parse().unwrap()),
            Err(PeriodError::OutOfRange)
        );
    }
}
