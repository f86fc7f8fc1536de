//! [`PolicyFile`]: the policy as written, plain data with every key defaulted.

use chrono::{FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{
    CalendarOf, Channels, Deadlines, Language, Reminders, Retention, Sla, Statistics, Tracking,
};
use crate::calendar::{CalendarConfig, beijing};
use crate::time::offset_serde;
use crate::{accountability, classify, intake, triage};

/// A policy file as written: plain data, every key defaulted. [`Policy`](super::Policy) is the
/// validated form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyFile {
    /// A name for the policy, shown in reports.
    pub name: String,
    /// The first day the policy is in force (for a [`PolicySet`](super::PolicySet)); none means
    /// always.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// The office's UTC offset: days and months are decided in it.
    #[serde(with = "offset_serde")]
    pub office_offset: FixedOffset,
    /// The language of labels, reports and charts.
    pub language: Language,
    /// The office's working-day calendar.
    pub calendar: CalendarConfig,
    /// Further calendars, each named: a site's, a round-the-clock hotline's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calendars: Vec<CalendarConfig>,
    /// Which calendar each channel and each department uses (the office's by default).
    #[serde(skip_serializing_if = "CalendarOf::is_empty")]
    pub calendar_of: CalendarOf,
    /// The time limits.
    pub deadlines: Deadlines,
    /// When stages count as due soon.
    pub sla: Sla,
    /// Tracking of the complainant's satisfaction (§5.1).
    pub tracking: Tracking,
    /// Retention of archived files.
    pub retention: Retention,
    /// Reminders and escalation.
    pub reminders: Reminders,
    /// Statistics settings.
    pub statistics: Statistics,
    /// The complaint mailbox and hotline (§2.1).
    pub channels: Channels,
    /// Intake channels and completeness (§1.2, §2.1, §2.2.1).
    pub intake: intake::IntakeRules,
    /// Categories, keywords and departments (§2.2.2).
    pub classification: classify::Classification,
    /// Severity, urgency and tracks (§2.2.4, §4.1.2).
    pub triage: triage::TriageRules,
    /// Discipline for responsibility findings (§8).
    pub discipline: accountability::DisciplineTable,
}

impl Default for PolicyFile {
    fn default() -> Self {
        PolicyFile {
            name: "default".into(),
            effective_from: None,
            office_offset: beijing(),
            language: Language::default(),
            calendar: CalendarConfig::default(),
            calendars: Vec::new(),
            calendar_of: CalendarOf::default(),
            deadlines: Deadlines::default(),
            sla: Sla::default(),
            tracking: Tracking::default(),
            retention: Retention::default(),
            reminders: Reminders::default(),
            statistics: Statistics::default(),
            channels: Channels::default(),
            intake: intake::IntakeRules::default(),
            classification: classify::Classification::default(),
            triage: triage::TriageRules::default(),
            discipline: accountability::DisciplineTable::default(),
        }
    }
}
