//! Reminders and escalation: the `[reminders]` section.
//!
//! A **ladder** of rungs per stage with a time limit: where each rung stands on the stage's
//! clock and whom it reminds. The default ladder, for every stage:
//!
//! | rung | at | to |
//! |---|---|---|
//! | `half_period` | `50%` (half the period has run) | `responsible` |
//! | `one_working_day_left` | `1 working day left` | `responsible` |
//! | `due` | `due` | `responsible` |
//! | `department_head` | `1 working day overdue` | `department_head` |
//! | `management` | `3 working days overdue` | `management` |
//!
//! `at` is one of:
//! - `N%`: that share of the period, from the clock's start to its due instant (1–99);
//! - `due`: the due instant;
//! - `<duration> left`: in working days, the end of the working day that leaves that many
//!   whole working days before the last day (`1 working day left` is the start of the last
//!   day); in days or hours, that long before the due instant;
//! - `<duration> overdue`: in working days, the end of the `N`-th working day after the last
//!   day (a whole working day overdue); in days or hours, that long after the due instant.
//!
//! Durations are in hours, days or working days (`2 hours`, `1 day`, `3 working days`).
//! `to` is `responsible` (whoever acts on the stage: the complaint office for registration,
//! the start of the emergency procedure and the follow-up visit, the investigation team for
//! the plan and the progress reports, the department for implementation, feedback and
//! re-handling) or a role: `complaint_office`, `investigation_team`, `department`,
//! `department_head`, `management`.
//!
//! `stages.<stage>` replaces the ladder for one stage (`registration`, `emergency_start`,
//! `plan`, `progress`, `implementation`, `feedback`,
//! `rehandling`, `follow_up`); an empty list turns that stage's reminders off.
//!
//! Reminders go out in office hours on working days: `office_hours` when set, else the
//! calendar's office hours, else [`DEFAULT_REMINDER_HOURS`] (09:00–18:00). A rung that falls
//! outside them moves to the next opening time of a working day, so nobody is reminded at
//! midnight or on a Sunday, and a make-up Saturday is a working day like any other.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::{Calendar, OfficeHours, OfficeInterval};
use crate::duration::{Duration, Unit};
use crate::error::shown_key;
use crate::policy_error::PolicyError;
use crate::vocabulary::vocabulary;

/// The hours in which reminders go out when neither `reminders.office_hours` nor the
/// calendar's office hours are set: 09:00–18:00.
pub const DEFAULT_REMINDER_HOURS: &str = "09:00-18:00";

/// The stages a ladder may be set for (the stages of the case schedule with a time limit).
pub const REMINDER_STAGES: &[&str] = &[
    "registration",
    "emergency_start",
    "plan",
    "progress",
    "implementation",
    "feedback",
    "rehandling",
    "follow_up",
];

vocabulary! {
    /// Whom a rung reminds (`to`).
    pub enum Recipient("recipient", "policy.unknown_recipient") {
        /// Whoever acts on the stage.
        Responsible = "responsible",
        /// The complaint office.
        ComplaintOffice = "complaint_office",
        /// The investigation team.
        InvestigationTeam = "investigation_team",
        /// The department concerned.
        Department = "department",
        /// The head of the department concerned.
        DepartmentHead = "department_head",
        /// Management.
        Management = "management",
    }
}

/// Where a rung stands on a stage's clock (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RungAt {
    /// That share of the period has run, in percent (1–99).
    Share(u8),
    /// This much is left before the due instant.
    Left(Duration),
    /// The due instant.
    Due,
    /// This much past the due instant.
    Overdue(Duration),
}

impl fmt::Display for RungAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RungAt::Share(p) => write!(f, "{p}%"),
            RungAt::Left(d) => write!(f, "{d} left"),
            RungAt::Due => f.write_str("due"),
            RungAt::Overdue(d) => write!(f, "{d} overdue"),
        }
    }
}

impl FromStr for RungAt {
    type Err = &'static str;

    /// `50%`, `due`, `1 working day left`, `3 working days overdue`.
    fn from_str(text: &str) -> Result<Self, &'static str> {
        const EXPECTED: &str =
            "expected `N%` (1-99), `due`, `<duration> left` or `<duration> overdue`";
        let text = text.trim();
        if text == "due" {
            return Ok(RungAt::Due);
        }
        if let Some(share) = text.strip_suffix('%') {
            return match share.trim().parse::<u8>() {
                Ok(p @ 1..=99) => Ok(RungAt::Share(p)),
                _ => Err(EXPECTED),
            };
        }
        let (amount, make): (&str, fn(Duration) -> RungAt) =
            if let Some(d) = text.strip_suffix(" left") {
                (d, RungAt::Left)
            } else if let Some(d) = text.strip_suffix(" overdue") {
                (d, RungAt::Overdue)
            } else {
                return Err(EXPECTED);
            };
        let duration = Duration::from_str(amount).map_err(|_| EXPECTED)?;
        match duration.unit() {
            Unit::Hours | Unit::Days | Unit::WorkingDays => Ok(make(duration)),
            _ => Err("a rung's duration is in hours, days or working days"),
        }
    }
}

impl Serialize for RungAt {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RungAt {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// One rung of a ladder: its name (part of every reminder's id), where it stands and whom it
/// reminds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rung {
    /// A name unique within its ladder: lower-case letters, digits and `_`.
    pub rung: String,
    /// Where it stands on the clock.
    pub at: RungAt,
    /// Whom it reminds.
    pub to: Recipient,
}

impl Rung {
    fn new(rung: &str, at: RungAt, to: Recipient) -> Self {
        Rung {
            rung: rung.to_owned(),
            at,
            to,
        }
    }
}

/// Reminders and escalation (`[reminders]`; see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reminders {
    /// When reminders go out on working days; empty: the calendar's office hours, else
    /// [`DEFAULT_REMINDER_HOURS`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub office_hours: Vec<OfficeInterval>,
    /// The ladder of every stage without one of its own.
    pub ladder: Vec<Rung>,
    /// Ladders of single stages, by stage name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: BTreeMap<String, Vec<Rung>>,
}

impl Default for Reminders {
    fn default() -> Self {
        use Recipient::{DepartmentHead, Management, Responsible};
        Reminders {
            office_hours: Vec::new(),
            ladder: vec![
                Rung::new("half_period", RungAt::Share(50), Responsible),
                Rung::new(
                    "one_working_day_left",
                    RungAt::Left(Duration::working_days(1)),
                    Responsible,
                ),
                Rung::new("due", RungAt::Due, Responsible),
                Rung::new(
                    "department_head",
                    RungAt::Overdue(Duration::working_days(1)),
                    DepartmentHead,
                ),
                Rung::new(
                    "management",
                    RungAt::Overdue(Duration::working_days(3)),
                    Management,
                ),
            ],
            stages: BTreeMap::new(),
        }
    }
}

impl Reminders {
    /// The ladder of a stage (its own, else the common one).
    pub fn ladder_for(&self, stage: &str) -> &[Rung] {
        self.stages.get(stage).unwrap_or(&self.ladder)
    }

    /// The hours in which reminders go out (see [`Reminders::office_hours`]).
    pub fn hours(&self, calendar: &Calendar) -> OfficeHours {
        if let Ok(own) = OfficeHours::new(self.office_hours.clone()) {
            return own;
        }
        if let Some(hours) = calendar.office_hours() {
            return hours.clone();
        }
        OfficeHours::daily(9, 18)
    }

    /// Names are well formed and unique within each ladder; stages exist; the hours are
    /// ordered.
    pub(super) fn validate(&self) -> Result<(), PolicyError> {
        if !self.office_hours.is_empty() && OfficeHours::new(self.office_hours.clone()).is_err() {
            return Err(PolicyError::invalid(
                "reminders.office_hours",
                "expected ascending, non-overlapping intervals",
            ));
        }
        check_ladder("reminders.ladder", &self.ladder)?;
        for (stage, ladder) in &self.stages {
            let key = format!("reminders.stages.{}", shown_key(stage));
            if !REMINDER_STAGES.contains(&stage.as_str()) {
                return Err(PolicyError::invalid(
                    key,
                    format!(
                        "not a stage with a time limit: expected one of {}",
                        REMINDER_STAGES.join(", ")
                    ),
                ));
            }
            check_ladder(&key, ladder)?;
        }
        Ok(())
    }
}

/// The most rungs a ladder may have (the default has five).
pub const MAX_RUNGS: usize = 1_000;

fn check_ladder(key: &str, ladder: &[Rung]) -> Result<(), PolicyError> {
    // Every rung is a reminder per stage and case: a ladder is short.
    if ladder.len() > MAX_RUNGS {
        return Err(PolicyError::too_large(
            key,
            format!("at most {MAX_RUNGS} rungs in a ladder"),
        ));
    }
    let mut names = std::collections::HashSet::with_capacity(ladder.len());
    for (i, rung) in ladder.iter().enumerate() {
        let well_formed = !rung.rung.is_empty()
            && rung.rung.len() <= 40
            && rung
                .rung
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !well_formed {
            return Err(PolicyError::invalid(
                format!("{key}[{i}].rung"),
                "expected 1-40 lower-case letters, digits or `_`",
            ));
        }
        if !names.insert(rung.rung.as_str()) {
            return Err(PolicyError::invalid(
                format!("{key}[{i}].rung"),
                "a rung's name must be unique within its ladder",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::policy::Policy;

    #[test]
    fn rung_places_read_and_print() {
        for text in [
            "50%",
            "due",
            "1 working day left",
            "3 working days overdue",
            "2 hours left",
            "1 day overdue",
        ] {
            let at: RungAt = text.parse().unwrap();
            assert_eq!(at.to_string(), text);
        }
        assert_eq!(
            "1個工作日 left".parse::<RungAt>().unwrap().to_string(),
            "1 working day left"
        );
        for bad in [
            "0%",
            "100%",
            "half",
            "1 month left",
            "due soon",
            "2 weeks overdue",
            "",
        ] {
            assert!(bad.parse::<RungAt>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_default_round_trips_and_is_written() {
        let toml = Policy::default().to_toml().unwrap();
        assert!(toml.contains("[[reminders.ladder]]"), "{toml}");
        assert!(toml.contains("at = \"3 working days overdue\""), "{toml}");
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), Policy::default());
    }

    #[test]
    fn stage_ladders_and_errors_name_their_key() {
        let p = Policy::from_toml_str(
            "[reminders]\noffice_hours = [\"08:30-12:00\", \"13:00-17:30\"]\n[[reminders.stages.plan]]\nrung = \"a\"\nat = \"due\"\nto = \"management\"\n",
        )
        .unwrap();
        let r = p.reminders();
        assert_eq!(r.ladder_for("plan").len(), 1);
        assert_eq!(r.ladder_for("feedback").len(), 5);
        assert_eq!(
            r.hours(p.calendar()).intervals()[0].to_string(),
            "08:30-12:00"
        );
        assert_eq!(
            Reminders::default()
                .hours(Policy::default().calendar())
                .intervals()[0]
                .to_string(),
            "09:00-18:00"
        );
        let cases = [
            (
                "[reminders.stages]\nclosing = []",
                "reminders.stages.closing",
            ),
            (
                "[[reminders.ladder]]\nrung = \"A\"\nat = \"due\"\nto = \"department\"",
                "reminders.ladder[0].rung",
            ),
            (
                "[reminders]\nladder = [{rung = \"a\", at = \"due\", to = \"department\"}, {rung = \"a\", at = \"50%\", to = \"department\"}]",
                "reminders.ladder[1].rung",
            ),
            (
                "[reminders]\nladder = [{rung = \"a\", at = \"2 months overdue\", to = \"department\"}]",
                "reminders.ladder[0].at",
            ),
            (
                "[reminders]\nladder = [{rung = \"a\", at = \"due\", to = \"ceo\"}]",
                "reminders.ladder[0].to",
            ),
            (
                "[reminders]\noffice_hours = [\"13:00-17:00\", \"09:00-12:00\"]",
                "reminders.office_hours",
            ),
        ];
        for (text, key) in cases {
            let e = Policy::from_toml_str(text).unwrap_err();
            assert_eq!(e.code(), "policy.invalid_value", "{text}");
            assert_eq!(e.key(), Some(key), "{text}: {e}");
        }
    }
}
