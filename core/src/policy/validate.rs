//! The checks that turn a [`PolicyFile`] into a [`Policy`](super::Policy): every one names
//! the key at fault. The tables check their own sections (`IntakeRules::validate`, …).

use super::PolicyFile;
use crate::calendar::{Calendar, CalendarError};
use crate::duration::Unit;
use crate::policy_error::PolicyError;

/// Checks a policy file section by section, always in this order, and builds its calendar.
/// The first failing check is the error.
pub(super) fn file(file: &PolicyFile) -> Result<Calendar, PolicyError> {
    let calendar =
        Calendar::from_config(&file.calendar, file.office_offset).map_err(calendar_error)?;
    deadlines(file, &calendar)?;
    file.sla.validate()?;
    file.reminders.validate()?;
    file.channels.validate()?;
    file.intake.validate()?;
    file.classification.validate()?;
    file.triage.validate()?;
    file.discipline.validate()?;
    Ok(calendar)
}

/// The limits against each other and against the calendar (also checked when the calendar
/// changes, [`Policy::with_calendar`](super::Policy::with_calendar)).
pub(super) fn deadlines(file: &PolicyFile, calendar: &Calendar) -> Result<(), PolicyError> {
    let d = &file.deadlines;
    let (_, ext_max) = d.plan_extended_max.hour_bounds();
    let (plan_min, _) = d.plan.hour_bounds();
    if ext_max < plan_min {
        return Err(PolicyError::contradiction(
            "deadlines.plan_extended_max",
            "the extended plan limit is shorter than the plan limit",
        ));
    }
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
    Ok(())
}

fn calendar_error(e: CalendarError) -> PolicyError {
    match e {
        CalendarError::Contradiction { .. } => {
            PolicyError::contradiction("calendar.extra_working_days", e.to_string())
        }
        CalendarError::InvalidOfficeHours => {
            PolicyError::invalid("calendar.office_hours", e.to_string())
        }
        CalendarError::InvalidHolidayData { .. } => {
            PolicyError::invalid("calendar.years", e.to_string())
        }
        _ => PolicyError::invalid("calendar", e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use crate::accountability;
    use crate::error::ErrorCode;
    use crate::policy::Policy;

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
