//! The holiday regulation itself (全国年节及纪念日放假办法): which days are statutory holidays in
//! a year, and which working days are given off in lieu of those that fall on a weekend.
//!
//! The regulation names the holidays; the State Council's yearly notice adds the swaps (调休),
//! published in the autumn before. Between the notices, the regulation alone already fixes most
//! of a year. Versions, each in force for whole years here:
//!
//! | version | in force | holidays for all citizens |
//! |---|---|---|
//! | 国务院令第270号 (1999-09-18) | 2000–2007 | 元旦 1; 春节 3 (正月初一–初三); 劳动节 3 (5月1–3日); 国庆节 3 (10月1–3日) |
//! | 国务院令第513号 (2007-12-14) | 2008–2013 | 元旦 1; 春节 3 (除夕、初一、初二); 清明 1; 劳动节 1; 端午 1; 中秋 1; 国庆节 3 |
//! | 国务院令第644号 (2013-12-11) | 2014–2024 | as 513, but 春节 正月初一–初三 |
//! | 国务院令第795号 (2024-11-10) | 2025– | as 644, but 春节 4 (除夕–初三) and 劳动节 2 (5月1–2日) |
//!
//! Years before 2000 have no rule here (see `SOURCES.md`: the six-day week until 1995-05-01, and
//! the 1949 text's Sunday-only day in lieu under a five-day week), and the lunar table ends with
//! 2099. Article 6 (all versions since 1999): a holiday for all citizens that falls on a Saturday
//! or Sunday is made up on a working day (补假). Which day is not said; here it is the first
//! Monday–Friday after the holiday that is neither a holiday nor already given in lieu, as the
//! notices mostly did (2014 清明, 2015 清明 and 端午, 2016 劳动节, 2017 元旦: the Monday after). Two
//! holidays on one date (中秋 inside 国庆) owe a day in lieu for the second, as the notices for
//! 2009 and 2020 gave it.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::Festival;
use super::lunar;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A version of the holiday regulation (全国年节及纪念日放假办法), named by the State Council
    /// order that made it.
    pub enum Regulation("regulation", "calendar.unknown_regulation") {
        /// 国务院令第270号 (1999-09-18): the 1999 revision; here for 2000–2007.
        Order270 = "order_270",
        /// 国务院令第513号 (2007-12-14): in force from 2008-01-01.
        Order513 = "order_513",
        /// 国务院令第644号 (2013-12-11): in force from 2014-01-01.
        Order644 = "order_644",
        /// 国务院令第795号 (2024-11-10): in force from 2025-01-01.
        Order795 = "order_795",
    }
}

/// First year with a rule.
pub(crate) const FIRST_YEAR: i32 = lunar::FIRST_YEAR;
/// Last year with a rule (the end of the lunar table).
pub(crate) const LAST_YEAR: i32 = lunar::LAST_YEAR;

impl Regulation {
    /// The version in force for the whole of `year`, for 2000–2099; none outside.
    pub fn for_year(year: i32) -> Option<Regulation> {
        match year {
            FIRST_YEAR..=2007 => Some(Regulation::Order270),
            2008..=2013 => Some(Regulation::Order513),
            2014..=2024 => Some(Regulation::Order644),
            2025..=LAST_YEAR => Some(Regulation::Order795),
            _ => None,
        }
    }

    /// The State Council order that made this version, `国务院令第795号`.
    pub fn order(self) -> &'static str {
        match self {
            Regulation::Order270 => "国务院令第270号",
            Regulation::Order513 => "国务院令第513号",
            Regulation::Order644 => "国务院令第644号",
            Regulation::Order795 => "国务院令第795号",
        }
    }

    /// The first day this version was in force.
    pub fn in_force_from(self) -> NaiveDate {
        let (y, m, d) = match self {
            Regulation::Order270 => (1999, 9, 18),
            Regulation::Order513 => (2008, 1, 1),
            Regulation::Order644 => (2014, 1, 1),
            Regulation::Order795 => (2025, 1, 1),
        };
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    /// Whether this version asks that work before or after a break generally not exceed six
    /// consecutive days (art. 7, added by 国务院令第795号).
    pub fn limits_working_stretches(self) -> bool {
        self == Regulation::Order795
    }

    /// The statutory holidays of `year` under this version, in the regulation's order
    /// (a date appears twice when two holidays fall on it). `None` outside the lunar table.
    pub(crate) fn holidays(self, year: i32) -> Option<Vec<StatutoryDay>> {
        let [spring, dragon, autumn, qingming] = *usize::try_from(year - lunar::FIRST_YEAR)
            .ok()
            .and_then(|i| lunar::DAYS.get(i))?;
        let ordinal = |day: u16| NaiveDate::from_yo_opt(year, u32::from(day));
        let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
        let spring = ordinal(spring)?;
        let eve = spring.pred_opt()?;
        let spring_days: Vec<NaiveDate> = match self {
            Regulation::Order270 | Regulation::Order644 => {
                vec![spring, spring + Days::new(1), spring + Days::new(2)]
            }
            Regulation::Order513 => vec![eve, spring, spring + Days::new(1)],
            Regulation::Order795 => vec![eve, spring, spring + Days::new(1), spring + Days::new(2)],
        };
        let labour: &[u32] = match self {
            Regulation::Order270 => &[1, 2, 3],
            Regulation::Order513 | Regulation::Order644 => &[1],
            Regulation::Order795 => &[1, 2],
        };
        let mut days = vec![(ymd(1, 1)?, Festival::NewYear)];
        days.extend(
            spring_days
                .into_iter()
                .map(|d| (d, Festival::SpringFestival)),
        );
        let lunar_festivals = self != Regulation::Order270;
        if lunar_festivals {
            days.push((ymd(4, u32::from(qingming))?, Festival::TombSweeping));
        }
        for &d in labour {
            days.push((ymd(5, d)?, Festival::LabourDay));
        }
        if lunar_festivals {
            days.push((ordinal(dragon)?, Festival::DragonBoat));
            days.push((ordinal(autumn)?, Festival::MidAutumn));
        }
        for d in 1..=3 {
            days.push((ymd(10, d)?, Festival::NationalDay));
        }
        Some(
            days.into_iter()
                .map(|(date, festival)| StatutoryDay { date, festival })
                .collect(),
        )
    }
}

/// One statutory holiday: a date and its festival.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryDay {
    /// The date.
    pub date: NaiveDate,
    /// The festival.
    pub festival: Festival,
}

/// A working day given off in lieu (补假) of a statutory holiday that fell on a weekend, or on
/// another holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayInLieu {
    /// The day off.
    pub date: NaiveDate,
    /// The holiday's festival.
    pub festival: Festival,
    /// The holiday it makes up for.
    pub of: NaiveDate,
}

/// A year as the regulation alone decides it: its statutory holidays and the days off in lieu,
/// without the swaps (调休) that only the State Council's notice sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatutoryYear {
    /// The year.
    pub year: i32,
    /// The version of the regulation in force.
    pub regulation: Regulation,
    /// The holidays, by date (a date twice when two holidays fall on it).
    pub holidays: Vec<StatutoryDay>,
    /// The days off in lieu, by date.
    pub days_in_lieu: Vec<DayInLieu>,
}

impl StatutoryYear {
    /// The year as the regulation in force decides it, for 2000–2099; `None` outside.
    ///
    /// ```
    /// use complaint_office::calendar::{Festival, StatutoryYear};
    ///
    /// let y = StatutoryYear::compute(2027).unwrap();
    /// // 正月初一 is Saturday 6 February 2027: 除夕 to 初三 are 5–8 February, and the Saturday
    /// // and Sunday are made up on Tuesday 9 and Wednesday 10 February.
    /// let lieu: Vec<String> = y.days_in_lieu.iter().map(|d| d.date.to_string()).collect();
    /// assert_eq!(lieu[..2], ["2027-02-09", "2027-02-10"]);
    /// assert_eq!(y.holidays[0].festival, Festival::NewYear);
    /// ```
    pub fn compute(year: i32) -> Option<StatutoryYear> {
        let regulation = Regulation::for_year(year)?;
        let mut holidays = regulation.holidays(year)?;
        holidays.sort_by_key(|h| h.date);
        let mut taken: Vec<NaiveDate> = holidays.iter().map(|h| h.date).collect();
        let mut days_in_lieu = Vec::new();
        for debt in debts(&holidays) {
            let mut day = debt.date;
            loop {
                day = day.succ_opt()?;
                if !is_weekend(day) && !taken.contains(&day) {
                    break;
                }
            }
            taken.push(day);
            days_in_lieu.push(DayInLieu {
                date: day,
                festival: debt.festival,
                of: debt.date,
            });
        }
        days_in_lieu.sort_by_key(|d| d.date);
        Some(StatutoryYear {
            year,
            regulation,
            holidays,
            days_in_lieu,
        })
    }
}

/// The holidays (sorted by date) that owe a day in lieu: those on a Saturday or Sunday, and
/// the second of two on one date.
pub(crate) fn debts(holidays: &[StatutoryDay]) -> impl Iterator<Item = StatutoryDay> + '_ {
    holidays.iter().enumerate().filter_map(|(i, h)| {
        let repeated = i > 0 && holidays[i - 1].date == h.date;
        (is_weekend(h.date) || repeated).then_some(*h)
    })
}

pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dates(days: impl IntoIterator<Item = NaiveDate>) -> Vec<String> {
        days.into_iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn versions_by_year() {
        assert_eq!(Regulation::for_year(1999), None);
        assert_eq!(Regulation::for_year(2000), Some(Regulation::Order270));
        assert_eq!(Regulation::for_year(2007), Some(Regulation::Order270));
        assert_eq!(Regulation::for_year(2008), Some(Regulation::Order513));
        assert_eq!(Regulation::for_year(2014), Some(Regulation::Order644));
        assert_eq!(Regulation::for_year(2024), Some(Regulation::Order644));
        assert_eq!(Regulation::for_year(2025), Some(Regulation::Order795));
        assert_eq!(Regulation::for_year(2099), Some(Regulation::Order795));
        assert_eq!(Regulation::for_year(2100), None);
        assert_eq!(Regulation::Order795.in_force_from(), d(2025, 1, 1));
        assert_eq!(Regulation::Order795.order(), "国务院令第795号");
    }

    #[test]
    fn the_2025_rules_match_the_2025_notice() {
        // 国办发明电〔2024〕12号: 春节 from 除夕 1月28日; 劳动节 5月1日; 国庆 and 中秋 (10月6日).
        let y = StatutoryYear::compute(2025).unwrap();
        let holidays = dates(y.holidays.iter().map(|h| h.date));
        assert_eq!(
            holidays,
            [
                "2025-01-01",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-04-04",
                "2025-05-01",
                "2025-05-02",
                "2025-05-31",
                "2025-10-01",
                "2025-10-02",
                "2025-10-03",
                "2025-10-06",
            ]
        );
        // 端午 on Saturday 31 May: made up on Monday 2 June, as the notice gave it.
        assert_eq!(dates(y.days_in_lieu.iter().map(|d| d.date)), ["2025-06-02"]);
        assert_eq!(y.days_in_lieu[0].of, d(2025, 5, 31));
    }

    #[test]
    fn earlier_versions() {
        // 1999 rules: 春节 初一–初三, 劳动节 3 days, no lunar festivals besides 春节.
        let y2005 = StatutoryYear::compute(2005).unwrap();
        assert_eq!(y2005.holidays.len(), 10);
        assert!(
            y2005
                .holidays
                .iter()
                .all(|h| h.festival != Festival::MidAutumn)
        );
        // 2008 rules: 除夕 2008-02-06 is a holiday; 2014 rules: 除夕 2014-01-30 is not.
        let y2008 = StatutoryYear::compute(2008).unwrap();
        assert!(y2008.holidays.iter().any(|h| h.date == d(2008, 2, 6)));
        let y2014 = StatutoryYear::compute(2014).unwrap();
        assert!(!y2014.holidays.iter().any(|h| h.date == d(2014, 1, 30)));
        assert_eq!(y2014.holidays.len(), 11);
        assert_eq!(StatutoryYear::compute(2025).unwrap().holidays.len(), 13);
    }

    #[test]
    fn days_in_lieu_follow_the_holiday() {
        // 2009: 除夕 on Sunday 25 January, 初一 and 初二 Monday and Tuesday: Wednesday 28th in
        // lieu, as 国办发明电〔2008〕42号 gave it; 国庆 3 October a Saturday and 中秋 the same day:
        // 5 and 6 October, as the notice gave them.
        let y = StatutoryYear::compute(2009).unwrap();
        let lieu = dates(y.days_in_lieu.iter().map(|d| d.date));
        assert!(lieu.contains(&"2009-01-28".to_owned()), "{lieu:?}");
        assert!(lieu.contains(&"2009-10-05".to_owned()), "{lieu:?}");
        assert!(lieu.contains(&"2009-10-06".to_owned()), "{lieu:?}");
        // 2017: 元旦 on Sunday, Monday 2 January in lieu (国办发明电〔2016〕17号).
        let y = StatutoryYear::compute(2017).unwrap();
        assert_eq!(y.days_in_lieu[0].date, d(2017, 1, 2));
        for year in FIRST_YEAR..=LAST_YEAR {
            let y = StatutoryYear::compute(year).unwrap();
            for lieu in &y.days_in_lieu {
                assert!(!is_weekend(lieu.date) && lieu.date > lieu.of, "{lieu:?}");
                assert!(!y.holidays.iter().any(|h| h.date == lieu.date), "{lieu:?}");
            }
            assert_eq!(y.days_in_lieu.len(), debts(&y.holidays).count());
        }
        assert_eq!(StatutoryYear::compute(1999), None);
        assert_eq!(StatutoryYear::compute(2100), None);
    }
}
