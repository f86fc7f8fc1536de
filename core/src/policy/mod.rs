//! The policy file: every blank the source leaves (POLICY.md), filled in, validated once.
//!
//! TOML or JSON, one schema. Every key has the documented default, so an empty file is the
//! default policy. Unknown keys are errors (a typo must not pass silently), and every error
//! names its key: `policy.unknown_key`, `policy.invalid_value`, `policy.contradiction`,
//! `policy.too_large`, `policy.syntax`. Messages name the key and the kind of problem, never
//! the value written there (`invalid type: integer, expected a string`).
//!
//! **Limits.** Loading takes time linear in the size of the policy (about a microsecond per
//! keyword: 40,000 categories load in well under a second). Sizes far above any real policy
//! are refused with `policy.too_large` naming the key, before the work they would cost: 64 MiB
//! of text, 32 levels of nesting, 100,000 items in any list, 64 KiB in any text, 100,000
//! categories, 10,000 departments, 1,000,000 keywords, 256 characters in a keyword, 1,000
//! rungs in a reminder ladder, 100 calendars (constants in [`limits`]).
//!
//! ```
//! use complaint_office::policy::Policy;
//!
//! let policy = Policy::from_toml_str(r#"
//!     office_offset = "+08:00"
//!     [deadlines]
//!     plan = "10 working days"
//! "#)?;
//! assert_eq!(policy.deadlines().plan.to_string(), "10 working days");
//! assert_eq!(policy.deadlines().feedback.to_string(), "3 working days"); // the default
//!
//! let typo = Policy::from_toml_str("[deadlines]\nplann = \"10 days\"").unwrap_err();
//! assert_eq!(typo.code(), "policy.unknown_key");
//! assert_eq!(typo.key(), Some("deadlines.plann"));
//! # use complaint_office::ErrorCode;
//! # Ok::<(), complaint_office::policy::PolicyError>(())
//! ```
//!
//! One concept per file: [`PolicyFile`] is the file as written, every key defaulted
//! (`file.rs`); its own sections are [`Deadlines`] (with [`Emergency`]), [`Sla`], [`Tracking`],
//! [`Retention`], [`Channels`], [`Reminders`] and [`Statistics`] (one file each), and its
//! calendars, `[calendar]`, `[[calendars]]` and [`CalendarOf`] (`calendars.rs`); `validate.rs`
//! holds the checks that turn a file into a [`Policy`], each naming its key; `format.rs` reads
//! and writes TOML and JSON (`toml_reader.rs`: our reader of the TOML policies are written in); [`PolicySet`] (`set.rs`) picks
//! the policy in force by date. The tables the policy holds (intake rules, classification,
//! triage, discipline) are modules of their own, below this one: each validates its own
//! section and none imports the policy.

mod calendars;
mod channels;
mod deadlines;
mod emergency;
mod file;
mod format;
mod guard;
pub mod limits;
mod reminders;
mod retention;
mod set;
mod sla;
mod statistics;
mod toml_reader;
mod toml_writer;
mod tracking;
mod validate;

use std::fmt;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate};

use crate::calendar::{Calendar, OfficeHours};
use crate::intake::Channel;
use crate::{accountability, classify, intake, triage};
use calendars::Calendars;

pub use crate::language::Language;
pub use crate::policy_error::PolicyError;
pub use calendars::{CalendarOf, ChannelCalendars, DEFAULT_CALENDAR};
pub use channels::Channels;
pub use deadlines::Deadlines;
pub use emergency::Emergency;
pub use file::PolicyFile;
pub use reminders::{DEFAULT_REMINDER_HOURS, REMINDER_STAGES, Recipient, Reminders, Rung, RungAt};
pub use retention::Retention;
pub use set::PolicySet;
pub use sla::Sla;
pub use statistics::Statistics;
pub use tracking::Tracking;

/// A validated policy. Cheap to clone (shared, immutable).
#[derive(Clone)]
pub struct Policy {
    inner: Arc<Inner>,
}

struct Inner {
    file: PolicyFile,
    calendars: Calendars,
    /// The hours reminders go out in on the office's calendar, decided once.
    reminder_hours: OfficeHours,
    /// The same for each of `calendars.others`.
    other_reminder_hours: Vec<OfficeHours>,
}

impl Inner {
    fn new(file: PolicyFile, calendars: Calendars) -> Self {
        let reminder_hours = file.reminders.hours(&calendars.office.1);
        let other_reminder_hours = calendars
            .others
            .iter()
            .map(|(_, calendar)| file.reminders.hours(calendar))
            .collect();
        Inner {
            file,
            calendars,
            reminder_hours,
            other_reminder_hours,
        }
    }
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("name", &self.inner.file.name)
            .field("effective_from", &self.inner.file.effective_from)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.inner.file == other.inner.file
    }
}

impl Default for Policy {
    /// The documented defaults of POLICY.md.
    fn default() -> Self {
        static DEFAULT: std::sync::OnceLock<Policy> = std::sync::OnceLock::new();
        DEFAULT
            .get_or_init(|| Policy {
                inner: Arc::new(Inner::new(
                    PolicyFile::default(),
                    Calendars::single(DEFAULT_CALENDAR, Calendar::cn()),
                )),
            })
            .clone()
    }
}

impl Policy {
    /// Validates a policy file.
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] or [`PolicyError::Contradiction`] naming the key.
    pub fn new(file: PolicyFile) -> Result<Self, PolicyError> {
        let calendars = validate::file(&file)?;
        Ok(Policy {
            inner: Arc::new(Inner::new(file, calendars)),
        })
    }

    /// The policy data.
    pub fn file(&self) -> &PolicyFile {
        &self.inner.file
    }

    /// The policy's name.
    pub fn name(&self) -> &str {
        &self.inner.file.name
    }

    /// The first day the policy is in force, if set.
    pub fn effective_from(&self) -> Option<NaiveDate> {
        self.inner.file.effective_from
    }

    /// The office offset.
    pub fn office_offset(&self) -> FixedOffset {
        self.inner.file.office_offset
    }

    /// The language of labels.
    pub fn language(&self) -> Language {
        self.inner.file.language
    }

    /// The office's working-day calendar (statutory data, company days, office hours,
    /// offset): `[calendar]`.
    pub fn calendar(&self) -> &Calendar {
        &self.inner.calendars.office.1
    }

    /// The name of the office's calendar (`calendar.name`, [`DEFAULT_CALENDAR`] unless set).
    pub fn calendar_name(&self) -> &str {
        &self.inner.calendars.office.0
    }

    /// Every calendar of the policy with its name: the office's first, then the
    /// `[[calendars]]` in the file's order.
    pub fn calendars(&self) -> impl Iterator<Item = (&str, &Calendar)> {
        self.inner.calendars.all()
    }

    /// The calendar with this name, if the policy has one.
    pub fn calendar_named(&self, name: &str) -> Option<&Calendar> {
        self.calendars()
            .find(|(n, _)| *n == name)
            .map(|(_, calendar)| calendar)
    }

    /// The calendar, and its name, of the complaint office's stages for a complaint that came
    /// through `channel` (`calendar_of.channels`, else the office's).
    pub fn channel_calendar(&self, channel: Channel) -> (&str, &Calendar) {
        let c = &self.inner.calendars;
        c.at(c.channels.get(&channel).copied())
    }

    /// The calendar, and its name, of the investigation team's and the department's stages
    /// for the department concerned (`calendar_of.departments`, else the office's; the
    /// office's too while no department is concerned yet).
    pub fn department_calendar(&self, department: Option<&str>) -> (&str, &Calendar) {
        let c = &self.inner.calendars;
        c.at(department.and_then(|d| c.departments.get(d).copied()))
    }

    /// The time limits.
    pub fn deadlines(&self) -> &Deadlines {
        &self.inner.file.deadlines
    }

    /// When stages count as due soon.
    pub fn sla(&self) -> &Sla {
        &self.inner.file.sla
    }

    /// Tracking of the complainant's satisfaction (§5.1).
    pub fn tracking(&self) -> &Tracking {
        &self.inner.file.tracking
    }

    /// Retention of archived files.
    pub fn retention(&self) -> &Retention {
        &self.inner.file.retention
    }

    /// Reminders and escalation.
    pub fn reminders(&self) -> &Reminders {
        &self.inner.file.reminders
    }

    /// The hours in which reminders go out on working days: `reminders.office_hours`, else the
    /// calendar's office hours, else 09:00–18:00.
    pub fn reminder_hours(&self) -> &OfficeHours {
        &self.inner.reminder_hours
    }

    /// The calendar named `name` and the hours in which reminders of the stages run on it go
    /// out (as [`Self::reminder_hours`], with that calendar's office hours); the office's for
    /// a name the policy does not have.
    pub fn reminder_calendar(&self, name: &str) -> (&Calendar, &OfficeHours) {
        let inner = &*self.inner;
        inner
            .calendars
            .others
            .iter()
            .zip(&inner.other_reminder_hours)
            .find(|((other, _), _)| other == name)
            .map_or(
                (&inner.calendars.office.1, &inner.reminder_hours),
                |((_, calendar), hours)| (calendar, hours),
            )
    }

    /// Statistics settings.
    pub fn statistics(&self) -> &Statistics {
        &self.inner.file.statistics
    }

    /// The complaint mailbox and hotline.
    pub fn channels(&self) -> &Channels {
        &self.inner.file.channels
    }

    /// Intake rules.
    pub fn intake(&self) -> &intake::IntakeRules {
        &self.inner.file.intake
    }

    /// Categories, keywords and departments.
    pub fn classification(&self) -> &classify::Classification {
        &self.inner.file.classification
    }

    /// Triage rules.
    pub fn triage(&self) -> &triage::TriageRules {
        &self.inner.file.triage
    }

    /// The discipline table.
    pub fn discipline(&self) -> &accountability::DisciplineTable {
        &self.inner.file.discipline
    }

    /// This policy with another office calendar (for example one with a newly loaded
    /// holiday-cn year), under the same name; the `[[calendars]]` stay as they are. The
    /// calendar's offset must stay the office offset.
    ///
    /// # Errors
    /// [`PolicyError::Contradiction`] when the offsets differ.
    pub fn with_calendar(&self, calendar: Calendar) -> Result<Self, PolicyError> {
        if calendar.offset() != self.office_offset() {
            return Err(PolicyError::contradiction(
                "office_offset",
                "the calendar's offset differs from the office offset",
            ));
        }
        validate::deadlines(&self.inner.file, &calendar)?;
        let mut calendars = self.inner.calendars.clone();
        calendars.office.1 = calendar;
        Ok(Policy {
            inner: Arc::new(Inner::new(self.inner.file.clone(), calendars)),
        })
    }
}

/// The policy holds the tables: functions of the table modules take `&Policy` through these
/// (`intake::check(&policy, …)`, `classify::suggest(&policy, …)`, `triage::assess(&policy, …)`).
#[cfg(feature = "email")]
impl intake::EmailPolicy for Policy {
    fn intake_rules(&self) -> &intake::IntakeRules {
        self.intake()
    }

    fn office_offset(&self) -> chrono::FixedOffset {
        Policy::office_offset(self)
    }
}

impl AsRef<intake::IntakeRules> for Policy {
    fn as_ref(&self) -> &intake::IntakeRules {
        self.intake()
    }
}

impl AsRef<classify::Classification> for Policy {
    fn as_ref(&self) -> &classify::Classification {
        self.classification()
    }
}

impl AsRef<triage::TriageRules> for Policy {
    fn as_ref(&self) -> &triage::TriageRules {
        self.triage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_are_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Policy>();
    }
}
