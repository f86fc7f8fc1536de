//! The built-in PRC calendar against a second, independent source.
//!
//! `Calendar::cn()` is generated from the PyPI package `chinesecalendar` by
//! `scripts/gen-cn-calendar`. `tests/data/holiday-cn/*.json` is a checked-in copy of
//! the holiday-cn data set (NateScarlet/holiday-cn, MIT; 2022–2026 from its copy
//! drjiathu/holiday-cn, see the README there). For every date of
//! 2007-01-01 to the end of the published data (2026-12-31 today) the two must agree on whether it is a working day:
//! a date listed in holiday-cn with `isOffDay: true` is not a working day, one with
//! `isOffDay: false` is, and an unlisted date is a working day exactly when it falls
//! on Monday–Friday. Dates are compared by date, not by file: a make-up day that
//! holiday-cn lists in the file of the following year (e.g. 2018-12-29 in 2019.json)
//! counts the same. See `core/src/calendar/SOURCES.md`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use complaint_office::calendar::Calendar;

const HOLIDAY_CN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/holiday-cn");
const FIRST_YEAR: i32 = 2007;
/// The last published year: the end of the built-in data (`scripts/gen-cn-calendar` takes it
/// from the newest holiday-cn file, so a new year needs no edit here).
fn last_year() -> i32 {
    Calendar::cn()
        .covered_range()
        .map_or(FIRST_YEAR, |(_, last)| last.year())
}
const MAX_REPORTED: usize = 50;

/// One day listed by holiday-cn.
#[derive(Debug, Clone)]
struct Listed {
    off: bool,
    name: String,
    file: String,
}

fn file_of(year: i32) -> PathBuf {
    Path::new(HOLIDAY_CN).join(format!("{year}.json"))
}

/// Every day listed in the holiday-cn files of FIRST_YEAR..=last_year(), by date.
fn load_holiday_cn() -> Result<BTreeMap<NaiveDate, Listed>, String> {
    let mut days: BTreeMap<NaiveDate, Listed> = BTreeMap::new();
    for year in FIRST_YEAR..=last_year() {
        let path = file_of(year);
        let file = format!("{year}.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{file}: not JSON: {e}"))?;
        if json.get("year").and_then(serde_json::Value::as_i64) != Some(i64::from(year)) {
            return Err(format!("{file}: \"year\" is not {year}"));
        }
        let entries = json
            .get("days")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| format!("{file}: no \"days\" array"))?;
        if entries.is_empty() {
            return Err(format!(
                "{file}: \"days\" is empty (an unpublished placeholder?)"
            ));
        }
        for entry in entries {
            let date = entry
                .get("date")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| format!("{file}: entry without \"date\": {entry}"))?;
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|e| format!("{file}: bad date {date:?}: {e}"))?;
            let off = entry
                .get("isOffDay")
                .and_then(serde_json::Value::as_bool)
                .ok_or_else(|| format!("{file}: entry without \"isOffDay\": {entry}"))?;
            let name = entry
                .get("name")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
                .to_owned();
            if let Some(seen) = days.get(&date)
                && seen.off != off
            {
                return Err(format!(
                    "holiday-cn contradicts itself on {date}: {} says isOffDay={}, {file} says {off}",
                    seen.file, seen.off
                ));
            }
            days.insert(
                date,
                Listed {
                    off,
                    name,
                    file: file.clone(),
                },
            );
        }
    }
    Ok(days)
}

fn is_monday_to_friday(date: NaiveDate) -> bool {
    date.weekday().number_from_monday() <= 5
}

/// holiday-cn's verdict on `date`: listed days as listed, others by the day of the week.
fn holiday_cn_working(days: &BTreeMap<NaiveDate, Listed>, date: NaiveDate) -> bool {
    match days.get(&date) {
        Some(listed) => !listed.off,
        None => is_monday_to_friday(date),
    }
}

fn verdict(working: bool) -> &'static str {
    if working { "working day" } else { "day off" }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

#[test]
fn every_day_2007_to_2026_agrees_with_holiday_cn() {
    let days = load_holiday_cn().unwrap_or_else(|e| panic!("loading holiday-cn: {e}"));
    let cal = Calendar::cn();

    let first = date(FIRST_YEAR, 1, 1);
    let last = date(last_year(), 12, 31);
    let mut checked = 0_usize;
    let mut disagreements = Vec::new();
    for day in first.iter_days().take_while(|d| *d <= last) {
        checked += 1;
        let ours = cal.is_working_day(day);
        let theirs = holiday_cn_working(&days, day);
        if ours != theirs {
            let listed = match days.get(&day) {
                Some(l) => format!("listed in {} as {} isOffDay={}", l.file, l.name, l.off),
                None => "not listed".to_owned(),
            };
            disagreements.push(format!(
                "{day} ({}): built-in calendar: {}, holiday-cn: {} ({listed})",
                day.format("%a"),
                verdict(ours),
                verdict(theirs),
            ));
        }
    }
    assert!(
        checked >= 7305,
        "at least 2007-01-01..=2026-12-31, 7305 days: {checked}"
    );
    let shown: Vec<&str> = disagreements
        .iter()
        .take(MAX_REPORTED)
        .map(String::as_str)
        .collect();
    assert!(
        disagreements.is_empty(),
        "the built-in calendar disagrees with holiday-cn on {} of {checked} days \
         (first {} shown):\n{}",
        disagreements.len(),
        shown.len(),
        shown.join("\n"),
    );
}

#[test]
fn holiday_cn_make_up_days_fall_on_weekends() {
    // A make-up working day (isOffDay=false) is a Saturday or Sunday, with one exception
    // in the data: 2020.json lists Monday 2020-02-03, the day work resumed after the
    // Spring Festival extension (国办发明电〔2020〕1号). It is an ordinary Monday.
    let days = load_holiday_cn().unwrap_or_else(|e| panic!("loading holiday-cn: {e}"));
    let odd: Vec<String> = days
        .iter()
        .filter(|(d, l)| !l.off && is_monday_to_friday(**d) && **d != date(2020, 2, 3))
        .map(|(d, l)| format!("{d} ({}) in {}", d.format("%a"), l.file))
        .collect();
    assert!(odd.is_empty(), "weekday make-up days: {odd:?}");
}

/// Well-known days, each checked against both the built-in calendar and the holiday-cn copy:
/// `date working|off why`, one a line; `#` starts a comment line.
const FACTS: &str = "
# 2025 (国办发明电〔2024〕12号): 国庆节、中秋节 10-01..08 off; 09-28 (Sun), 10-11 (Sat) worked.
2025-10-11 working  Saturday make-up day for National Day
2025-09-28 working  Sunday make-up day for National Day
2025-10-06 off      Monday inside the National Day/Mid-Autumn span
2025-10-08 off      last day of the 8-day span
2025-10-09 working  Thursday after the span
# 2025 Spring Festival: 01-28..02-04 (8 days); 01-26 (Sun) and 02-08 (Sat) worked.
2025-02-04 off      8th day of Spring Festival 2025
2025-01-26 working  Sunday make-up day for Spring Festival
2025-02-08 working  Saturday make-up day for Spring Festival
# No make-up day for 2025 falls in December 2024.
2024-12-29 off      an ordinary Sunday
2025-01-01 off      New Year's Day 2025 (no make-up day)
# 2024 (国办发明电〔2023〕7号): Spring Festival 02-10..17; 02-04 and 02-18 (Sundays) worked.
2024-02-04 working  Sunday make-up day for Spring Festival
2024-02-18 working  Sunday make-up day for Spring Festival
2024-02-09 working  New Year's Eve 2024 was a working Friday
# 2015-09-03..05 Victory Day (国发明电〔2015〕1号); 09-06 (Sun) worked.
2015-09-03 off      Victory Day
2015-09-04 off      Victory Day, swapped with 09-06
2015-09-06 working  Sunday make-up day for Victory Day
# New Year spans at the turn of the year.
# 2011: 01-01..03 (Sat-Mon); no make-up day on either side of the year boundary.
2011-01-01 off      New Year 2011
2011-01-03 off      New Year 2011, Monday
2011-01-04 working  Tuesday after New Year 2011
2010-12-25 off      an ordinary Saturday
2010-12-26 off      an ordinary Sunday
2011-01-08 off      an ordinary Saturday
2011-01-09 off      an ordinary Sunday
# 2012: 01-01..03, made up on Saturday 2011-12-31.
2011-12-31 working  Saturday make-up day for New Year 2012
2012-01-03 off      New Year 2012, Tuesday
# 2013: 01-01..03 (Tue-Thu), made up on 01-05 (Sat) and 01-06 (Sun).
2013-01-01 off      New Year 2013
2013-01-03 off      New Year 2013, Thursday
2013-01-04 working  Friday between the span and its make-up days
2013-01-05 working  Saturday make-up day for New Year 2013
2013-01-06 working  Sunday make-up day for New Year 2013
# 2008: 2007-12-30..2008-01-01, made up on Saturday 2007-12-29.
2007-12-29 working  Saturday make-up day for New Year 2008
2007-12-31 off      New Year 2008 span, Monday
# 2019: 2018-12-30..2019-01-01, made up on Saturday 2018-12-29.
2018-12-29 working  Saturday make-up day for New Year 2019
2018-12-31 off      New Year 2019 span, Monday
# 2023: 2022-12-31..2023-01-02.
2023-01-02 off      New Year 2023, Monday
# 2026: 01-01..03, made up on Sunday 01-04.
2026-01-02 off      New Year 2026, Friday
2026-01-04 working  Sunday make-up day for New Year 2026
# 2026 (State Council General Office notice of 2025-11-04).
2026-02-14 working  Saturday make-up day for Spring Festival
2026-02-23 off      last day of Spring Festival 2026, Monday
2026-02-28 working  Saturday make-up day for Spring Festival
2026-09-20 working  Sunday make-up day for National Day
2026-10-10 working  Saturday make-up day for National Day
# 2020: Spring Festival extended to 02-02 (国办发明电〔2020〕1号); Saturday 02-01, a make-up
# day in the original notice (国办发明电〔2019〕16号), became a day off.
2020-01-31 off      Spring Festival 2020 extension
2020-02-01 off      make-up day cancelled by the extension
2020-02-03 working  work resumed on Monday 2020-02-03
# Tomb-sweeping Day became a statutory holiday in 2008.
2007-04-05 working  Thursday, before Tomb-sweeping Day was statutory
2008-04-04 off      first statutory Tomb-sweeping Day
";

/// The rows of [`FACTS`] as (date, working?, why).
fn facts() -> Result<Vec<(NaiveDate, bool, &'static str)>, String> {
    let mut rows = Vec::new();
    for line in FACTS.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, ' ');
        let (Some(day), Some(verdict), Some(why)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(format!("bad FACTS line {line:?}"));
        };
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map_err(|e| format!("bad date in FACTS line {line:?}: {e}"))?;
        let working = match verdict {
            "working" => true,
            "off" => false,
            _ => return Err(format!("bad verdict in FACTS line {line:?}")),
        };
        rows.push((day, working, why.trim()));
    }
    Ok(rows)
}

#[test]
fn well_known_days() {
    let days = load_holiday_cn().unwrap_or_else(|e| panic!("loading holiday-cn: {e}"));
    let cal = Calendar::cn();

    let facts = facts().unwrap_or_else(|e| panic!("{e}"));
    assert!(facts.len() >= 40, "FACTS has {} rows", facts.len());
    let mut wrong = Vec::new();
    for (day, working, why) in facts {
        let ours = cal.is_working_day(day);
        let theirs = holiday_cn_working(&days, day);
        if ours != working || theirs != working {
            wrong.push(format!(
                "{day} ({}) should be a {} — {why}; built-in calendar: {}, holiday-cn: {}",
                day.format("%a"),
                verdict(working),
                verdict(ours),
                verdict(theirs),
            ));
        }
    }
    assert!(wrong.is_empty(), "well-known days:\n{}", wrong.join("\n"));

    let victory = days.get(&date(2015, 9, 3));
    assert!(
        victory.is_some_and(|l| l.off && l.name.contains("反法西斯")),
        "holiday-cn should list 2015-09-03 as the anti-fascist war anniversary, not {victory:?}"
    );
}

#[test]
fn every_listed_day_names_its_notice() {
    use complaint_office::calendar::{DayReason, NoticeKind};
    let cal = Calendar::cn();
    let first = date(FIRST_YEAR - 1, 12, 1);
    let last = date(last_year(), 12, 31);
    let mut listed = 0;
    for day in first.iter_days().take_while(|d| *d <= last) {
        let info = cal.day(day);
        let plain = matches!(info.reason, DayReason::WorkingDay)
            || (info.reason == DayReason::Weekend && info.festival.is_none());
        if plain {
            assert!(info.source.is_none(), "{day}");
            continue;
        }
        let notice = info
            .source
            .unwrap_or_else(|| panic!("{day} ({:?}) has no notice", info.reason));
        let title = notice.title.unwrap_or_default();
        if notice.kind == NoticeKind::Annual {
            // New Year days in December belong to the next year's notice.
            let year = if day.month() == 12 {
                day.year() + 1
            } else {
                day.year()
            };
            assert!(title.contains(&format!("{year}年")), "{day}: {title}");
        }
        listed += 1;
    }
    assert!(listed >= 687, "555 days off and 132 make-up days: {listed}");
    let number = |y, m, d| cal.day(date(y, m, d)).source.and_then(|n| n.number);
    assert_eq!(
        number(2025, 10, 1).as_deref(),
        Some("国办发明电〔2024〕12号")
    );
    assert_eq!(
        number(2007, 1, 2).as_deref(),
        Some("国办发明电〔2006〕49号")
    );
    assert_eq!(number(2020, 2, 1).as_deref(), Some("国办发明电〔2020〕1号"));
    assert_eq!(
        number(2019, 4, 28).as_deref(),
        Some("国办发明电〔2019〕3号")
    );
    assert_eq!(number(2015, 9, 6).as_deref(), Some("国发明电〔2015〕1号"));
    assert_eq!(number(2008, 2, 6), None, "unconfirmed: left out");
}
