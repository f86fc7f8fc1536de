//! The computed statutory holidays against two independent sources per date.
//!
//! `tests/data/lunar/sources.tsv` is what `scripts/gen-cn-lunar` read from its sources for
//! 2000–2099: 正月初一, 五月初五 and 八月十五 from PyPI `sxtwl` (an astronomical computation,
//! 寿星天文历) and from PyPI `lunardate` (the `lunar` project's table), and the instant of the
//! 清明 solar term from `sxtwl` and from PyPI `ephem` (XEphem's libastro), in Beijing time. Here
//! the library's own answer, through its public API, must equal *both* sources' answers on every
//! date, and every holiday and day in lieu of a year the notices do not cover must be a rest day
//! of `Calendar::cn()`. See `core/src/calendar/SOURCES.md`.

use chrono::{Datelike, NaiveDate};
use complaint_office::calendar::{Calendar, Festival, Regulation, StatutoryYear};

const SOURCES: &str = include_str!("../../tests/data/lunar/sources.tsv");

struct Row {
    year: i32,
    spring: [NaiveDate; 2],
    dragon: [NaiveDate; 2],
    autumn: [NaiveDate; 2],
    qingming: [NaiveDate; 2],
}

fn date(text: &str) -> Result<NaiveDate, String> {
    let day = text.get(..10).ok_or_else(|| format!("bad date {text:?}"))?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| format!("bad date {text:?}: {e}"))
}

fn rows() -> Result<Vec<Row>, String> {
    let mut lines = SOURCES.lines();
    let head = lines.next().unwrap_or_default();
    if !head.starts_with("year\tspring_sxtwl\tspring_lunardate") {
        return Err(format!("unexpected header {head:?}"));
    }
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != 9 {
                return Err(format!("not 9 cells: {line}"));
            }
            // 清明 instants are RFC 3339 in +08:00: the date part is the Beijing day.
            if !(cells[7].ends_with("+08:00") && cells[8].ends_with("+08:00")) {
                return Err(format!("清明 not in Beijing time: {line}"));
            }
            Ok(Row {
                year: cells[0].parse().map_err(|e| format!("{line}: {e}"))?,
                spring: [date(cells[1])?, date(cells[2])?],
                dragon: [date(cells[3])?, date(cells[4])?],
                autumn: [date(cells[5])?, date(cells[6])?],
                qingming: [date(cells[7])?, date(cells[8])?],
            })
        })
        .collect()
}

fn holiday(year: &StatutoryYear, date: NaiveDate, festival: Festival) -> bool {
    year.holidays
        .iter()
        .any(|h| h.date == date && h.festival == festival)
}

#[test]
fn every_lunar_festival_and_qingming_2000_to_2099_agrees_with_both_sources() {
    let rows = rows().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 100);
    assert_eq!((rows[0].year, rows[99].year), (2000, 2099));
    let mut checked = 0;
    for row in &rows {
        let year = StatutoryYear::compute(row.year)
            .unwrap_or_else(|| panic!("no statutory year for {}", row.year));
        let lunar_festivals = year.regulation != Regulation::Order270;
        for source in 0..2 {
            let spring = row.spring[source];
            assert_eq!(spring.year(), row.year);
            // 正月初一 is a holiday under every version; 除夕 under 513 and 795 only.
            assert!(holiday(&year, spring, Festival::SpringFestival), "{spring}");
            let eve = spring.pred_opt().unwrap_or(spring);
            let eve_expected =
                matches!(year.regulation, Regulation::Order513 | Regulation::Order795);
            assert_eq!(
                holiday(&year, eve, Festival::SpringFestival),
                eve_expected,
                "除夕 {eve}"
            );
            for (date, festival) in [
                (row.dragon[source], Festival::DragonBoat),
                (row.autumn[source], Festival::MidAutumn),
                (row.qingming[source], Festival::TombSweeping),
            ] {
                assert_eq!(
                    holiday(&year, date, festival),
                    lunar_festivals,
                    "{festival} {date} ({:?})",
                    year.regulation
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 600);
}

#[test]
fn the_statutory_holidays_of_every_computed_year_are_rest_days() {
    let cal = Calendar::cn();
    let (first, last) = cal
        .covered_range()
        .unwrap_or((NaiveDate::MIN, NaiveDate::MIN));
    let mut days = 0;
    for y in 2000..=2099 {
        let year = StatutoryYear::compute(y).unwrap_or_else(|| panic!("{y}"));
        let published = (first.year()..=last.year()).contains(&y);
        for h in &year.holidays {
            // Published years too: the notices never made a statutory holiday a working day.
            assert!(!cal.is_working_day(h.date), "{} {}", h.date, h.festival);
            days += 1;
        }
        if !published {
            for lieu in &year.days_in_lieu {
                assert!(!cal.is_working_day(lieu.date), "{lieu:?}");
                assert!(lieu.date.weekday().number_from_monday() <= 5);
            }
        }
    }
    assert!(days > 1_100, "{days}");
}
