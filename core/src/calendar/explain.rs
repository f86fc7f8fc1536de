//! Why each day is worked or not: the regulation's holidays told apart from the notice's swaps,
//! the days in lieu, and the checks of a published year against the regulation.
//!
//! For a published year the notice lists its days off and make-up days; the regulation says
//! which of those days off are statutory holidays. The rest of the weekday days off are days in
//! lieu (one per holiday that fell on a weekend, or on another holiday), swapped rest days (放假
//! 调休, worked back on a make-up day), or, for an extension notice, extra rest days. Notices
//! seldom say which weekday is the day in lieu; here it is the first weekday day off after the
//! holiday in the same break (else the last one before it in the break, else the first within
//! two weeks after: 2015's 中秋 on Sunday 27 September was made up inside the National Day
//! break).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::statutory::{self, Regulation, StatutoryDay, StatutoryYear, is_weekend};
use super::{Festival, Notice, NoticeKind, Statutory};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Why a day is worked or not.
    pub enum DayReason("day reason", "calendar.unknown_day_reason") {
        /// Monday to Friday with nothing on it (any day, on a calendar that works every day):
        /// worked.
        WorkingDay = "working_day",
        /// Saturday or Sunday: not worked.
        Weekend = "weekend",
        /// A statutory holiday the regulation names (法定节假日), or a notice declares.
        StatutoryHoliday = "statutory_holiday",
        /// A working day given off in lieu (补假) of a statutory holiday on a weekend.
        DayInLieu = "day_in_lieu",
        /// A weekday off in a holiday break, worked back on a make-up day (放假调休).
        SwappedRestDay = "swapped_rest_day",
        /// A weekday off that a notice adds without a swap (the 2020 Spring Festival extension).
        ExtraRestDay = "extra_rest_day",
        /// A weekday off listed in data for a year no rule here covers, so not told apart.
        ListedRestDay = "listed_rest_day",
        /// A Saturday or Sunday worked to make up for a swapped rest day (调休上班).
        MakeupWorkday = "makeup_workday",
        /// A day off the company added.
        CompanyDayOff = "company_day_off",
        /// A working day the company added.
        CompanyWorkday = "company_workday",
    }
}

impl DayReason {
    /// Whether a day for this reason is worked.
    pub fn working(self) -> bool {
        matches!(
            self,
            DayReason::WorkingDay | DayReason::MakeupWorkday | DayReason::CompanyWorkday
        )
    }
}

vocabulary! {
    /// How a day's status was decided.
    pub enum DecidedBy("decision", "calendar.unknown_decision") {
        /// By a State Council notice in the calendar's data (built in, or loaded).
        Published = "published",
        /// By the holiday regulation alone: holidays and days in lieu computed, swaps unknown.
        StatutoryRule = "statutory_rule",
        /// By nothing but the day of the week: Monday–Friday.
        Weekdays = "weekdays",
        /// By the calendar itself, which works every day (a round-the-clock service).
        EveryDay = "every_day",
    }
}

vocabulary! {
    /// What a check of a published year against the regulation found.
    pub enum YearNoteCode("year note", "calendar.unknown_year_note") {
        /// A statutory holiday of the year is a working day in the data.
        StatutoryHolidayWorked = "statutory_holiday_worked",
        /// A statutory holiday on a weekend got no working day off in lieu (art. 6).
        NoDayInLieu = "no_day_in_lieu",
        /// More than six consecutive working days right before or after a break (art. 7 of
        /// 国务院令第795号: "generally no more than six").
        LongWorkingStretch = "long_working_stretch",
        /// No regulation here covers the year (outside 2000–2099, or a weekdays-only calendar).
        YearNotChecked = "year_not_checked",
    }
}

/// One thing in a published year that does not fit the regulation. The data is kept as
/// published: a note informs, it never refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearNote {
    /// What was found.
    pub code: YearNoteCode,
    /// The year checked.
    pub year: i32,
    /// The day concerned (the holiday, or the first day of a stretch).
    pub date: NaiveDate,
    /// The last day of a stretch.
    pub until: Option<NaiveDate>,
    /// The festival concerned.
    pub festival: Option<Festival>,
}

impl YearNote {
    /// The stable dotted code, `calendar.long_working_stretch`.
    pub fn code(&self) -> &'static str {
        match self.code {
            YearNoteCode::StatutoryHolidayWorked => "calendar.statutory_holiday_worked",
            YearNoteCode::NoDayInLieu => "calendar.no_day_in_lieu",
            YearNoteCode::LongWorkingStretch => "calendar.long_working_stretch",
            YearNoteCode::YearNotChecked => "calendar.year_not_checked",
        }
    }

    /// One English sentence.
    pub fn message(&self) -> String {
        let festival = self.festival.map_or("a holiday", |f| f.labels().2);
        match self.code {
            YearNoteCode::StatutoryHolidayWorked => {
                format!(
                    "{} ({festival}) is a statutory holiday but a working day",
                    self.date
                )
            }
            YearNoteCode::NoDayInLieu => format!(
                "{} ({festival}) falls on a weekend or another holiday, and no working day is given off in lieu",
                self.date
            ),
            YearNoteCode::LongWorkingStretch => format!(
                "{} to {} are more than six consecutive working days next to a break",
                self.date,
                self.until.unwrap_or(self.date)
            ),
            YearNoteCode::YearNotChecked => {
                format!("{}: no holiday regulation here covers the year", self.year)
            }
        }
    }
}

/// Why one day is what it is, apart from company days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Explained {
    pub(crate) reason: DayReason,
    pub(crate) festival: Option<Festival>,
    pub(crate) in_lieu_of: Option<NaiveDate>,
    /// Listed in published data.
    pub(crate) listed: bool,
}

/// The explanations of every day that is not a plain weekday or weekend, and the notes of the
/// published years.
pub(crate) struct Explanations {
    pub(crate) days: BTreeMap<NaiveDate, Explained>,
    pub(crate) notes: Vec<YearNote>,
}

/// Explains the published rows of `covered` years and, where `rules` apply, computes every other
/// year of the regulation's span.
pub(crate) fn explain(
    published: &BTreeMap<NaiveDate, Statutory>,
    covered: &BTreeSet<i32>,
    rules: bool,
    notices: &[Notice],
) -> Explanations {
    let mut days = BTreeMap::new();
    if rules {
        for year in statutory::FIRST_YEAR..=statutory::LAST_YEAR {
            if covered.contains(&year) {
                continue;
            }
            let Some(computed) = StatutoryYear::compute(year) else {
                continue;
            };
            for h in &computed.holidays {
                days.entry(h.date).or_insert(Explained {
                    reason: DayReason::StatutoryHoliday,
                    festival: Some(h.festival),
                    in_lieu_of: None,
                    listed: false,
                });
            }
            for d in &computed.days_in_lieu {
                days.entry(d.date).or_insert(Explained {
                    reason: DayReason::DayInLieu,
                    festival: Some(d.festival),
                    in_lieu_of: Some(d.of),
                    listed: false,
                });
            }
        }
        // Published rows win over computed days (a December make-up day of a published year
        // in a computed one).
        days.retain(|d, _| !published.contains_key(d));
    }
    let mut notes = Vec::new();
    Published {
        rows: published,
        covered,
        rules,
        notices,
    }
    .explain(&mut days, &mut notes);
    notes.sort_by_key(|n| (n.date, n.code));
    Explanations { days, notes }
}

struct Published<'a> {
    rows: &'a BTreeMap<NaiveDate, Statutory>,
    covered: &'a BTreeSet<i32>,
    rules: bool,
    notices: &'a [Notice],
}

/// How far a break or a stretch is followed: longer is not a holiday break.
const WALK_LIMIT: u64 = 40;
/// How far after a holiday a day in lieu is looked for outside its break.
const LIEU_WINDOW: u64 = 14;
/// The regulation's "generally no more than six consecutive working days".
const MAX_STRETCH: u64 = 6;

impl Published<'_> {
    fn off(&self, date: NaiveDate) -> bool {
        self.rows.get(&date).map_or(is_weekend(date), |s| s.off)
    }

    fn regulation(&self, year: i32) -> Option<Regulation> {
        if self.rules {
            Regulation::for_year(year)
        } else {
            None
        }
    }

    /// The statutory holidays of the covered years that a regulation covers, sorted by date.
    fn holidays(&self, notes: &mut Vec<YearNote>) -> Vec<StatutoryDay> {
        let mut all = Vec::new();
        for &year in self.covered {
            match self.regulation(year).and_then(|r| r.holidays(year)) {
                Some(days) => all.extend(days),
                None => notes.push(YearNote {
                    code: YearNoteCode::YearNotChecked,
                    year,
                    date: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
                    until: None,
                    festival: None,
                }),
            }
            let declared = self
                .rows
                .iter()
                .filter(|(d, s)| s.declared && d.year() == year);
            all.extend(declared.filter_map(|(&date, s)| {
                s.festival.map(|festival| StatutoryDay { date, festival })
            }));
        }
        all.sort_by_key(|h| h.date);
        all
    }

    /// The first and last day of the run of days off around `date`.
    fn break_around(&self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        let walk = |step: fn(NaiveDate) -> Option<NaiveDate>| {
            let mut edge = date;
            for _ in 0..WALK_LIMIT {
                match step(edge) {
                    Some(next) if self.off(next) => edge = next,
                    _ => break,
                }
            }
            edge
        };
        (walk(|d| d.pred_opt()), walk(|d| d.succ_opt()))
    }

    fn explain(&self, days: &mut BTreeMap<NaiveDate, Explained>, notes: &mut Vec<YearNote>) {
        let holidays = self.holidays(notes);
        let holiday_dates: BTreeSet<NaiveDate> = holidays.iter().map(|h| h.date).collect();
        let label = |date: NaiveDate| self.rows.get(&date).and_then(|s| s.festival);
        // Weekday days off that are not holidays: days in lieu, swapped or extra.
        let mut weekdays_off: BTreeSet<NaiveDate> = self
            .rows
            .iter()
            .filter(|(d, s)| s.off && !is_weekend(**d) && !holiday_dates.contains(d))
            .map(|(&d, _)| d)
            .collect();
        let mut in_lieu: BTreeMap<NaiveDate, (Option<Festival>, NaiveDate)> = BTreeMap::new();
        for (i, h) in holidays.iter().enumerate() {
            let repeated = i > 0 && holidays[i - 1].date == h.date;
            if !self.off(h.date) {
                if !repeated {
                    notes.push(note(YearNoteCode::StatutoryHolidayWorked, h, None));
                }
                continue;
            }
            if !repeated {
                let same_day = holidays.iter().filter(|o| o.date == h.date);
                let festival = same_day
                    .clone()
                    .find(|o| Some(o.festival) == label(h.date))
                    .map_or(h.festival, |o| o.festival);
                days.insert(
                    h.date,
                    Explained {
                        reason: DayReason::StatutoryHoliday,
                        festival: Some(festival),
                        in_lieu_of: None,
                        listed: self.rows.contains_key(&h.date),
                    },
                );
            }
            if is_weekend(h.date) || repeated {
                match self.payer(h.date, &weekdays_off) {
                    Some(day) => {
                        weekdays_off.remove(&day);
                        in_lieu.insert(day, (Some(h.festival), h.date));
                    }
                    None => notes.push(note(YearNoteCode::NoDayInLieu, h, None)),
                }
            }
        }
        for (&date, row) in self.rows {
            if holiday_dates.contains(&date) && row.off {
                continue;
            }
            let (reason, festival, of) = if !row.off {
                (DayReason::MakeupWorkday, row.festival, None)
            } else if is_weekend(date) {
                (DayReason::Weekend, row.festival, None)
            } else if let Some(&(festival, of)) = in_lieu.get(&date) {
                (DayReason::DayInLieu, festival, Some(of))
            } else if self.notice_kind(row) == Some(NoticeKind::Extension) {
                (DayReason::ExtraRestDay, row.festival, None)
            } else if self.regulation(date.year()).is_some() {
                (DayReason::SwappedRestDay, row.festival, None)
            } else {
                (DayReason::ListedRestDay, row.festival, None)
            };
            days.insert(
                date,
                Explained {
                    reason,
                    festival,
                    in_lieu_of: of,
                    listed: true,
                },
            );
        }
        self.stretches(&holidays, notes);
    }

    fn notice_kind(&self, row: &Statutory) -> Option<NoticeKind> {
        row.notice
            .and_then(|i| self.notices.get(usize::from(i)))
            .map(|n| n.kind)
    }

    /// The weekday day off that makes up for a holiday on `date`.
    fn payer(&self, date: NaiveDate, free: &BTreeSet<NaiveDate>) -> Option<NaiveDate> {
        let (start, end) = self.break_around(date);
        let after = date.succ_opt()?;
        let window = date.checked_add_days(Days::new(LIEU_WINDOW))?;
        between(free, after, end)
            .next()
            .or_else(|| between(free, start, date).rfind(|&&d| d < date))
            .or_else(|| between(free, after, window).next())
            .copied()
    }

    /// Notes for working stretches longer than six days next to a break, in years whose
    /// regulation asks for the limit.
    fn stretches(&self, holidays: &[StatutoryDay], notes: &mut Vec<YearNote>) {
        let mut seen = BTreeSet::new();
        for h in holidays {
            let limited = self
                .regulation(h.date.year())
                .is_some_and(Regulation::limits_working_stretches);
            if !limited || !self.off(h.date) {
                continue;
            }
            let (start, end) = self.break_around(h.date);
            let before = self.working_run(start, |d| d.pred_opt());
            let after = self.working_run(end, |d| d.succ_opt());
            for (first, last, count) in [before, after].into_iter().flatten() {
                if count > MAX_STRETCH && seen.insert(first) {
                    notes.push(note(
                        YearNoteCode::LongWorkingStretch,
                        h,
                        Some((first, last)),
                    ));
                }
            }
        }
    }

    /// The run of working days next to `edge` in the direction of `step`: (first, last, count).
    fn working_run(
        &self,
        edge: NaiveDate,
        step: fn(NaiveDate) -> Option<NaiveDate>,
    ) -> Option<(NaiveDate, NaiveDate, u64)> {
        let near = step(edge).filter(|&d| !self.off(d))?;
        let (mut far, mut count) = (near, 1);
        while count <= WALK_LIMIT {
            match step(far) {
                Some(next) if !self.off(next) => {
                    far = next;
                    count += 1;
                }
                _ => break,
            }
        }
        Some((near.min(far), near.max(far), count))
    }
}

/// The dates of `set` in `first..=last`, none when `first > last` (where `BTreeSet::range`
/// would panic).
fn between(
    set: &BTreeSet<NaiveDate>,
    first: NaiveDate,
    last: NaiveDate,
) -> impl DoubleEndedIterator<Item = &NaiveDate> {
    set.range(first..=last.max(first))
        .filter(move |&&d| d <= last)
}

fn note(code: YearNoteCode, h: &StatutoryDay, span: Option<(NaiveDate, NaiveDate)>) -> YearNote {
    let (date, until) = span.map_or((h.date, None), |(a, b)| (a, Some(b)));
    YearNote {
        code,
        year: h.date.year(),
        date,
        until,
        festival: Some(h.festival),
    }
}
