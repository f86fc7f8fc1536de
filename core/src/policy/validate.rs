//! The checks that turn a [`PolicyFile`] into a [`Policy`](super::Policy): every one names
//! the key at fault. The tables check their own sections (`IntakeRules::validate`, …).

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::PolicyFile;
use super::calendars::{Calendars, DEFAULT_CALENDAR, MAX_CALENDARS};
use crate::calendar::{Base, Calendar, CalendarConfig, CalendarError};
use crate::duration::{Duration, Unit};
use crate::error::shown_key;
use crate::intake::Channel;
use crate::period;
use crate::policy_error::PolicyError;
use crate::time::at_time;

/// Checks a policy file section by section, always in this order, and builds its calendars.
/// The first failing check is the error.
pub(super) fn file(file: &PolicyFile) -> Result<Calendars, PolicyError> {
    let name = match &file.calendar.name {
        Some(name) => {
            check_name("calendar.name", name)?;
            name.as_str()
        }
        None => DEFAULT_CALENDAR,
    };
    if file
        .calendar
        .office_offset
        .is_some_and(|offset| offset != file.office_offset)
    {
        return Err(PolicyError::contradiction(
            "calendar.office_offset",
            "the office's calendar keeps the office offset: set office_offset instead",
        ));
    }
    let calendar = Calendar::from_config(&file.calendar, file.office_offset)
        .map_err(|e| calendar_error("calendar", e))?;
    deadlines(file, &calendar)?;
    file.sla.validate()?;
    file.reminders.validate()?;
    file.channels.validate()?;
    file.intake.validate()?;
    file.classification.validate()?;
    file.triage.validate()?;
    file.discipline.validate()?;
    let mut calendars = Calendars::single(name, calendar);
    sites(file, &mut calendars)?;
    Ok(calendars)
}

/// The `[[calendars]]` (named once each, every limit checked on each) and `[calendar_of]`
/// (every calendar and department it names exists).
fn sites(file: &PolicyFile, calendars: &mut Calendars) -> Result<(), PolicyError> {
    if file.calendars.len() > MAX_CALENDARS {
        return Err(PolicyError::too_large(
            "calendars",
            format!("at most {MAX_CALENDARS} calendars"),
        ));
    }
    for (i, config) in file.calendars.iter().enumerate() {
        let key = format!("calendars[{i}]");
        let Some(name) = &config.name else {
            return Err(PolicyError::invalid(
                format!("{key}.name"),
                "a calendar of [[calendars]] needs a name",
            ));
        };
        check_name(&format!("{key}.name"), name)?;
        if calendars.all().any(|(other, _)| other == name) {
            return Err(PolicyError::contradiction(
                format!("{key}.name"),
                "another calendar has this name",
            ));
        }
        // A State Council notice is national: the years of `[calendar]` reach every calendar
        // on the statutory base, before (and so under) the calendar's own.
        let inherited;
        let config = if config.base == Base::Cn && !file.calendar.years.is_empty() {
            inherited = CalendarConfig {
                years: file
                    .calendar
                    .years
                    .iter()
                    .chain(&config.years)
                    .cloned()
                    .collect(),
                ..config.clone()
            };
            &inherited
        } else {
            config
        };
        let calendar = Calendar::from_config(config, file.office_offset)
            .map_err(|e| calendar_error(&key, e))?;
        deadlines(file, &calendar).map_err(|e| on_calendar(e, name))?;
        calendars.others.push((name.clone(), calendar));
    }
    let index = |key: String, name: &str| {
        calendars
            .others
            .iter()
            .position(|(other, _)| other == name)
            .map(Some)
            .or_else(|| (name == calendars.office.0).then_some(None))
            .ok_or_else(|| {
                PolicyError::contradiction(key, "no calendar of the policy has this name")
            })
    };
    let mut channels = BTreeMap::new();
    for &channel in Channel::ALL {
        if let Some(name) = file.calendar_of.channels.get(channel) {
            let key = format!("calendar_of.channels.{channel}");
            if let Some(i) = index(key, name)? {
                channels.insert(channel, i);
            }
        }
    }
    let known: HashSet<&str> = file
        .classification
        .departments
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    let mut departments = BTreeMap::new();
    for (code, name) in &file.calendar_of.departments {
        let key = format!("calendar_of.departments.{}", shown_key(code));
        if !known.contains(code.as_str()) {
            return Err(PolicyError::contradiction(
                key,
                "no department in classification.departments has this code",
            ));
        }
        if let Some(i) = index(key, name)? {
            departments.insert(code.clone(), i);
        }
    }
    calendars.channels = channels;
    calendars.departments = departments;
    Ok(())
}

/// A calendar's name: small ASCII letters, digits and `_`, starting with a letter, as codes
/// are.
fn check_name(key: &str, name: &str) -> Result<(), PolicyError> {
    let mut chars = name.chars();
    let well_formed = name.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if well_formed {
        Ok(())
    } else {
        Err(PolicyError::invalid(
            key,
            "expected small ASCII letters, digits and _, starting with a letter",
        ))
    }
}

/// A limit's contradiction found on a calendar of `[[calendars]]`: the key stays the limit's,
/// the reason names the calendar.
fn on_calendar(error: PolicyError, name: &str) -> PolicyError {
    match error {
        PolicyError::Contradiction { key, reason } => PolicyError::Contradiction {
            key,
            reason: format!("{reason} (on the calendar {name})"),
        },
        PolicyError::InvalidValue { key, reason } => PolicyError::InvalidValue {
            key,
            reason: format!("{reason} (on the calendar {name})"),
        },
        other => other,
    }
}

/// The limits against each other and against the calendar (also checked when the calendar
/// changes, [`Policy::with_calendar`](super::Policy::with_calendar)).
pub(super) fn deadlines(file: &PolicyFile, calendar: &Calendar) -> Result<(), PolicyError> {
    let d = &file.deadlines;
    let working_hours = d
        .entries()
        .into_iter()
        .chain([
            ("sla.due_soon", file.sla.due_soon),
            ("retention.period", file.retention.period),
            ("statistics.repeat_window", file.statistics.repeat_window),
        ])
        .find(|(_, duration)| duration.unit() == Unit::WorkingHours);
    if let Some((key, _)) = working_hours
        && calendar.office_hours().is_none()
    {
        return Err(PolicyError::contradiction(
            key,
            "a limit in working hours needs calendar.office_hours",
        ));
    }
    if !matches!(d.emergency_start.unit(), Unit::Hours | Unit::WorkingHours) {
        return Err(PolicyError::invalid(
            "deadlines.emergency_start",
            "the emergency procedure starts at once (§2.2.4): expected hours",
        ));
    }
    // §4.1.2: the extended limit is a cap on the general one; a cap that ends first for some
    // start could never be used.
    never_before(
        calendar,
        ("deadlines.plan_extended_max", d.plan_extended_max),
        ("deadlines.plan", d.plan),
    )?;
    // §2.2.4: an emergency limit replaces a general one and must not end later.
    let e = &d.emergency;
    let shorter = [
        (
            ("deadlines.emergency.plan", e.plan),
            ("deadlines.plan", Some(d.plan)),
        ),
        (
            ("deadlines.emergency.progress", e.progress),
            ("deadlines.progress", d.progress),
        ),
        (
            ("deadlines.emergency.feedback", e.feedback),
            ("deadlines.feedback", Some(d.feedback)),
        ),
        (
            ("deadlines.emergency.rehandling", e.rehandling),
            ("deadlines.rehandling", Some(d.rehandling)),
        ),
        (
            ("deadlines.emergency.follow_up", e.follow_up),
            ("deadlines.follow_up", Some(d.follow_up)),
        ),
    ];
    for ((key, emergency), (general_key, general)) in shorter {
        if let (Some(emergency), Some(general)) = (emergency, general) {
            never_before(calendar, (general_key, general), (key, emergency))
                .map_err(|_| {
                    PolicyError::contradiction(
                        key,
                        format!("{key} ends after {general_key} for some start: an emergency limit must be no longer than the general one"),
                    )
                })?;
        }
    }
    Ok(())
}

/// `later` must never end before `earlier`, whatever the start: a contradiction naming both
/// keys otherwise. Limits of one unit compare by their amounts (a period's end never comes
/// earlier with a larger amount); limits of different units are computed for a start on every
/// day of the calendar's published years (four years from 2024 for a calendar with none),
/// because "10 working days" and "12 days" compare differently around a holiday.
fn never_before(
    calendar: &Calendar,
    (later_key, later): (&'static str, Duration),
    (earlier_key, earlier): (&'static str, Duration),
) -> Result<(), PolicyError> {
    let contradiction = |when: String| {
        PolicyError::contradiction(
            later_key,
            format!("{later_key} ends before {earlier_key}{when}"),
        )
    };
    if later.unit() == earlier.unit() {
        return if later.amount() < earlier.amount() {
            Err(contradiction(String::new()))
        } else {
            Ok(())
        };
    }
    let (later_min, later_max) = later.hour_bounds();
    let (earlier_min, earlier_max) = earlier.hour_bounds();
    if later_min >= earlier_max {
        return Ok(());
    }
    if later_max < earlier_min {
        return Err(contradiction(String::new()));
    }
    for day in start_days(calendar) {
        let start = at_time(day, NOON, calendar.offset());
        let (Ok(a), Ok(b)) = (
            period::end(calendar, start, later),
            period::end(calendar, start, earlier),
        ) else {
            continue;
        };
        if a.due < b.due {
            return Err(contradiction(format!(" for a start on {day}")));
        }
    }
    Ok(())
}

const NOON: chrono::NaiveTime = match chrono::NaiveTime::from_hms_opt(12, 0, 0) {
    Some(t) => t,
    None => chrono::NaiveTime::MIN,
};

/// Every day of the calendar's published years, or of 2024–2027 without any.
fn start_days(calendar: &Calendar) -> impl Iterator<Item = NaiveDate> {
    let mut years = calendar.covered_years();
    if years.is_empty() {
        years = (2024..=2027).collect();
    }
    years.into_iter().flat_map(|year| {
        let first = NaiveDate::from_ymd_opt(year, 1, 1);
        first
            .into_iter()
            .flat_map(|d| d.iter_days())
            .take_while(move |d| d.year() == year)
    })
}

/// A calendar's error, at `key` (`calendar`, `calendars[1]`).
fn calendar_error(key: &str, e: CalendarError) -> PolicyError {
    match e {
        CalendarError::Contradiction { .. } => {
            PolicyError::contradiction(format!("{key}.extra_working_days"), e.to_string())
        }
        CalendarError::InvalidOfficeHours => {
            PolicyError::invalid(format!("{key}.office_hours"), e.to_string())
        }
        CalendarError::InvalidHolidayData { .. } => {
            PolicyError::invalid(format!("{key}.years"), e.to_string())
        }
        _ => PolicyError::invalid(key, e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use crate::accountability;
    use crate::error::ErrorCode;
    use crate::policy::Policy;

    #[test]
    fn limits_of_different_units_are_compared_by_computing_them() {
        // §4.1.2: 12 days from 26 September 2025 end on 9 October (National Day), before the
        // 10 working days (16 October): no complex case could ever be extended.
        let err = Policy::from_toml_str(
            "[deadlines]\nplan = \"10 working days\"\nplan_extended_max = \"12 days\"",
        )
        .unwrap_err();
        assert_eq!(err.code(), "policy.contradiction");
        assert_eq!(err.key(), Some("deadlines.plan_extended_max"));
        let message = err.to_string();
        assert!(
            message.contains("deadlines.plan_extended_max") && message.contains("deadlines.plan "),
            "{message}"
        );
        assert!(message.contains("for a start on 20"), "{message}");
        // Same unit: by amount, without computing.
        let err = Policy::from_toml_str(
            "[deadlines]\nplan = \"3 months\"\nplan_extended_max = \"2 months\"",
        )
        .unwrap_err();
        assert_eq!(err.key(), Some("deadlines.plan_extended_max"));
        assert!(
            Policy::from_toml_str(
                "[deadlines]\nplan = \"10 working days\"\nplan_extended_max = \"30 days\""
            )
            .is_ok()
        );
        // An emergency limit must not end after the general one it replaces.
        let err = Policy::from_toml_str("[deadlines]\nfeedback = \"3 working days\"\n[deadlines.emergency]\nfeedback = \"5 days\"")
            .unwrap_err();
        assert_eq!(err.code(), "policy.contradiction");
        assert_eq!(err.key(), Some("deadlines.emergency.feedback"));
        assert!(err.to_string().contains("deadlines.feedback"), "{err}");
        assert!(
            Policy::from_toml_str("[deadlines.emergency]\nfeedback = \"1 working day\"").is_ok()
        );
    }

    // The discipline table (§8.2), through the policy file's `[discipline]` section.

    #[test]
    fn the_default_is_valid_and_round_trips_through_toml() {
        assert_eq!(
            accountability::DisciplineTable::default().validate(),
            Ok(())
        );
        let policy = Policy::from_toml_str(
            "[discipline]\notherwise = \"light\"\nrules = [ { fault = [\"intentional\"], level = \"heavy\" } ]\n",
        )
        .unwrap();
        let toml = policy.to_toml().unwrap();
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), policy);
        assert_eq!(policy.discipline().rules.len(), 1);
    }

    #[test]
    fn a_rule_for_a_less_grave_finding_cannot_be_heavier() {
        let err = Policy::from_toml_str(
            "[discipline]\nrules = [ { responsibility = [\"secondary\"], level = \"heavy\" } ]\n",
        )
        .unwrap_err();
        assert_eq!(err.code(), "policy.contradiction");
        // direct/negligence/general gets `otherwise` (light) while secondary gets heavy.
        assert_eq!(err.key(), Some("discipline.otherwise"));
        assert!(err.to_string().contains("discipline.rules[0]"), "{err}");
    }

    #[test]
    fn a_lighter_rule_for_graver_findings_is_named() {
        let err = Policy::from_toml_str(
            "[discipline]\notherwise = \"heavy\"\nrules = [ { responsibility = [\"direct\"], level = \"light\" } ]\n",
        )
        .unwrap_err();
        assert_eq!(err.code(), "policy.contradiction");
        assert_eq!(err.key(), Some("discipline.rules[0]"));
    }

    #[test]
    fn leadership_and_secondary_may_be_ranked_either_way() {
        for r in ["secondary", "leadership"] {
            let text = format!(
                "[discipline]\nrules = [ {{ responsibility = [\"direct\", \"primary\", \"{r}\"], level = \"heavy\" }} ]\n"
            );
            assert!(Policy::from_toml_str(&text).is_ok(), "{r}");
        }
    }

    #[test]
    fn dismissal_and_empty_lists_are_rejected() {
        let cases = [
            (
                "[discipline]\notherwise = \"dismissal\"",
                "discipline.otherwise",
            ),
            (
                "[discipline]\nrules = [ { fault = [\"negligence\"], level = \"dismissal\" } ]",
                "discipline.rules[0].level",
            ),
            (
                "[discipline]\nrules = [ { fault = [], level = \"heavy\" } ]",
                "discipline.rules[0].fault",
            ),
        ];
        for (text, key) in cases {
            let err = Policy::from_toml_str(text).unwrap_err();
            assert_eq!(err.code(), "policy.invalid_value", "{text}");
            assert_eq!(err.key(), Some(key), "{text}");
        }
        let err = Policy::from_toml_str(
            "[discipline]\nrules = [ { fault = [\"malice\"], level = \"heavy\" } ]",
        )
        .unwrap_err();
        assert_eq!(err.code(), "policy.invalid_value");
    }
}
