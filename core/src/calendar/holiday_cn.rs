//! The holiday-cn JSON format (github.com/NateScarlet/holiday-cn), widely used to publish each
//! year's State Council schedule:
//!
//! ```json
//! {"year": 2025, "papers": ["https://…"],
//!  "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}, …]}
//! ```
//!
//! Keys other than `year` and `days` (`$schema`, `$id`, `papers`) are ignored: they are the
//! format's own metadata.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{CalendarError, Festival, HolidayRow};
use crate::time::parse_date;

#[derive(Deserialize)]
struct YearFile {
    year: i32,
    days: Vec<Day>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Day {
    #[serde(default)]
    name: String,
    date: String,
    is_off_day: bool,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(YearFile),
    Many(Vec<YearFile>),
}

fn invalid(reason: &str) -> CalendarError {
    CalendarError::InvalidHolidayData {
        reason: reason.to_owned(),
    }
}

/// The festival a holiday-cn day name refers to (simplified or traditional script).
fn festival(name: &str) -> Option<Festival> {
    const NAMES: [(&str, Festival); 9] = [
        ("元旦", Festival::NewYear),
        ("春节", Festival::SpringFestival),
        ("春節", Festival::SpringFestival),
        ("清明", Festival::TombSweeping),
        ("劳动", Festival::LabourDay),
        ("勞動", Festival::LabourDay),
        ("端午", Festival::DragonBoat),
        ("国庆", Festival::NationalDay),
        ("國慶", Festival::NationalDay),
    ];
    if name.contains("胜利") || name.contains("勝利") {
        return Some(Festival::VictoryDay);
    }
    if name.contains("中秋") && !(name.contains("国庆") || name.contains("國慶")) {
        return Some(Festival::MidAutumn);
    }
    NAMES
        .iter()
        .find(|(word, _)| name.contains(word))
        .map(|&(_, f)| f)
}

/// Reads one year file or an array of them into (year, rows).
pub(super) fn parse(json: &str) -> Result<Vec<(i32, Vec<HolidayRow>)>, CalendarError> {
    let files = match serde_json::from_str::<OneOrMany>(json) {
        Ok(OneOrMany::One(file)) => vec![file],
        Ok(OneOrMany::Many(files)) => files,
        Err(_) => {
            return Err(invalid(
                "expected holiday-cn JSON: {\"year\": N, \"days\": [{\"name\", \"date\", \"isOffDay\"}]}",
            ));
        }
    };
    files
        .into_iter()
        .map(|file| {
            let mut rows = Vec::with_capacity(file.days.len());
            let mut seen = std::collections::BTreeSet::<NaiveDate>::new();
            for day in file.days {
                let date = parse_date(&day.date)
                    .map_err(|_| invalid("a date is not an existing YYYY-MM-DD day in range"))?;
                if !seen.insert(date) {
                    return Err(invalid("a date is listed twice"));
                }
                rows.push((date, day.is_off_day, festival(&day.name)));
            }
            Ok((file.year, rows))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;

    #[test]
    fn loads_a_new_year() {
        let json = r#"{"$schema": "x", "year": 2027, "papers": [],
            "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                     {"name": "春节", "date": "2027-02-07", "isOffDay": false}]}"#;
        let cal = Calendar::cn().with_holiday_cn(json).unwrap();
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        assert!(!cal.is_working_day(d(1, 1)));
        assert!(cal.is_working_day(d(2, 7)), "a Sunday make-up day");
        assert!(cal.covers(d(6, 1)));
        assert!(!Calendar::cn().covers(d(6, 1)), "the original is unchanged");
        assert_eq!(cal.day(d(1, 1)).festival, Some(Festival::NewYear));
    }

    #[test]
    fn rejects_bad_data() {
        let cal = Calendar::cn();
        for bad in [
            "",
            "{}",
            r#"{"year": 2027}"#,
            r#"{"year": 2027, "days": [{"name": "x", "date": "2027-02-30", "isOffDay": true}]}"#,
            r#"{"year": 2027, "days": [{"name": "x", "date": "2035-01-01", "isOffDay": true}]}"#,
            r#"{"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": true}, {"date": "2027-01-01", "isOffDay": false}]}"#,
            r#"{"year": 99999, "days": []}"#,
        ] {
            let err = cal.with_holiday_cn(bad).unwrap_err();
            assert_eq!(
                crate::ErrorCode::code(&err),
                "calendar.invalid_holiday_data",
                "{bad}"
            );
        }
    }
}
