//! The calendars of a policy: the office's own (`[calendar]`), further ones for sites and
//! channels (`[[calendars]]`), and who uses which (`[calendar_of]`).
//!
//! ```toml
//! [calendar]                        # the office's calendar, named "default" unless it says
//! office_hours = ["09:00-18:00"]
//!
//! [[calendars]]                     # the Nanning branch: the national calendar and 三月三
//! name = "guangxi"
//! extra_off_days = [2026-04-19, 2026-04-20]
//! office_hours = ["08:00-12:00", "15:00-18:00"]
//!
//! [[calendars]]                     # the hotline: every day, round the clock
//! name = "hotline"
//! base = "every_day"
//!
//! [calendar_of]
//! channels = { hotline = "hotline" }
//! departments = { nanning_service = "guangxi" }
//! ```
//!
//! Every stage's clock runs on the calendar of whoever must act in it
//! ([`Actor::responsible_for`](crate::case::Actor::responsible_for)): the complaint office's
//! stages (registration, the start of the emergency procedure, the follow-up visit) on the
//! calendar of the channel the complaint came through, the investigation team's and the
//! department's (plan, progress, implementation, feedback, re-handling) on the calendar of the
//! department concerned; on the office's calendar where `[calendar_of]` names none.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::intake::Channel;

/// The name of a policy's `[calendar]` when it gives none.
pub const DEFAULT_CALENDAR: &str = "default";

/// The most calendars of `[[calendars]]` (each is built and every limit checked on it, so a
/// policy's loading time grows with their number; real offices have a handful of sites).
pub const MAX_CALENDARS: usize = 100;

/// Which calendar the stages of each channel and each department run on (`[calendar_of]`).
/// Every name is one of the policy's calendars; a channel or department not listed runs on
/// the office's calendar (`[calendar]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CalendarOf {
    /// By the channel a complaint came through: the stages the complaint office must act on
    /// (registration, the start of the emergency procedure, the follow-up visit).
    #[serde(skip_serializing_if = "ChannelCalendars::is_empty")]
    pub channels: ChannelCalendars,
    /// By the code of the department concerned: the stages the investigation team and the
    /// department must act on (plan, progress, implementation, feedback, re-handling).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub departments: BTreeMap<String, String>,
}

impl CalendarOf {
    /// Whether it names no calendar at all (every stage on the office's calendar).
    pub fn is_empty(&self) -> bool {
        self.channels.is_empty() && self.departments.is_empty()
    }
}

/// The calendar of each intake channel (`[calendar_of.channels]`), by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelCalendars {
    /// §2.1.1: the complaint mailbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// §2.1.2: the complaint hotline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hotline: Option<String>,
    /// §2.1.3: the complaint desk at reception.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_site: Option<String>,
    /// §2.1.4: the OA system's complaint board.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oa: Option<String>,
}

impl ChannelCalendars {
    /// The calendar named for `channel`, if any.
    pub fn get(&self, channel: Channel) -> Option<&str> {
        match channel {
            Channel::Email => self.email.as_deref(),
            Channel::Hotline => self.hotline.as_deref(),
            Channel::OnSite => self.on_site.as_deref(),
            Channel::Oa => self.oa.as_deref(),
        }
    }

    /// Whether no channel names a calendar.
    pub fn is_empty(&self) -> bool {
        Channel::ALL.iter().all(|&c| self.get(c).is_none())
    }
}

/// The built calendars of a policy, the office's first, and who uses which.
#[derive(Debug, Clone)]
pub(super) struct Calendars {
    /// The office's calendar (`[calendar]`) and its name.
    pub(super) office: (String, Calendar),
    /// The `[[calendars]]`, in the file's order, with their names.
    pub(super) others: Vec<(String, Calendar)>,
    /// Index into `others` by channel.
    pub(super) channels: BTreeMap<Channel, usize>,
    /// Index into `others` by department code.
    pub(super) departments: BTreeMap<String, usize>,
}

impl Calendars {
    /// The office's calendar alone, under `name`.
    pub(super) fn single(name: &str, calendar: Calendar) -> Calendars {
        Calendars {
            office: (name.to_owned(), calendar),
            others: Vec::new(),
            channels: BTreeMap::new(),
            departments: BTreeMap::new(),
        }
    }

    /// Every calendar with its name, the office's first.
    pub(super) fn all(&self) -> impl Iterator<Item = (&str, &Calendar)> {
        std::iter::once(&self.office)
            .chain(&self.others)
            .map(|(name, calendar)| (name.as_str(), calendar))
    }

    /// The calendar at `index` of `others`, else the office's.
    pub(super) fn at(&self, index: Option<usize>) -> (&str, &Calendar) {
        let (name, calendar) = index
            .and_then(|i| self.others.get(i))
            .unwrap_or(&self.office);
        (name, calendar)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::error::ErrorCode;
    use crate::intake::Channel;
    use crate::policy::Policy;

    const SITES: &str = r#"
        [calendar]
        office_hours = ["09:00-12:00", "13:30-18:00"]

        [[calendars]]
        name = "guangxi"
        extra_off_days = [2026-04-20, 2026-04-21]
        roll_past_extra_off_days = true
        office_hours = ["08:00-12:00", "15:00-18:00"]

        [[calendars]]
        name = "hotline"
        base = "every_day"
        office_offset = "+08:00"

        [calendar_of]
        channels = { hotline = "hotline", email = "default" }
        departments = { quality = "guangxi" }
    "#;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_channel_and_department_finds_its_calendar() {
        let policy = Policy::from_toml_str(SITES).unwrap();
        let names: Vec<&str> = policy.calendars().map(|(name, _)| name).collect();
        assert_eq!(names, ["default", "guangxi", "hotline"]);
        assert_eq!(policy.calendar_name(), "default");
        let (name, hotline) = policy.channel_calendar(Channel::Hotline);
        assert_eq!(name, "hotline");
        assert!(hotline.works_every_day());
        // Named as the office's, or not named: the office's.
        assert_eq!(policy.channel_calendar(Channel::Email).0, "default");
        assert_eq!(policy.channel_calendar(Channel::Oa).0, "default");
        let (name, guangxi) = policy.department_calendar(Some("quality"));
        assert_eq!(name, "guangxi");
        assert!(!guangxi.is_working_day(d(2026, 4, 20)));
        assert!(policy.calendar().is_working_day(d(2026, 4, 20)));
        assert_eq!(guangxi.office_hours().unwrap().intervals().len(), 2);
        assert_eq!(
            policy.department_calendar(Some("administration")).0,
            "default"
        );
        assert_eq!(policy.department_calendar(None).0, "default");
        assert!(policy.calendar_named("guangxi").is_some());
        assert!(policy.calendar_named("nowhere").is_none());
        // Reminders of a stage go out in its calendar's office hours.
        let (_, hours) = policy.reminder_calendar("guangxi");
        assert_eq!(hours.intervals()[0].to_string(), "08:00-12:00");
        let (calendar, hours) = policy.reminder_calendar("nowhere");
        assert_eq!(calendar, policy.calendar());
        assert_eq!(hours, policy.reminder_hours());
    }

    #[test]
    fn the_calendars_round_trip_and_a_single_calendar_writes_nothing_new() {
        let policy = Policy::from_toml_str(SITES).unwrap();
        let toml = policy.to_toml().unwrap();
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), policy);
        let json = policy.to_json_value().unwrap();
        assert_eq!(json["calendars"][1]["base"], "every_day");
        assert_eq!(json["calendar_of"]["departments"]["quality"], "guangxi");
        assert_eq!(Policy::from_json_value(json).unwrap(), policy);
        let default = Policy::default().to_json_value().unwrap();
        for key in ["calendars", "calendar_of"] {
            assert!(default.get(key).is_none(), "{key}");
        }
        assert!(default["calendar"].get("name").is_none());
        assert!(default["calendar"].get("office_offset").is_none());
        // The office's calendar may be named.
        let named = Policy::from_toml_str("[calendar]\nname = \"national\"").unwrap();
        assert_eq!(named.calendar_name(), "national");
    }

    #[test]
    fn a_national_year_reaches_every_calendar_on_the_statutory_base() {
        let policy = Policy::from_toml_str(&format!(
            "{SITES}\n[[calendar.years]]\nyear = 2027\noff_days = [2027-01-01, 2027-01-04]\n"
        ))
        .unwrap();
        let (_, guangxi) = policy.department_calendar(Some("quality"));
        assert!(guangxi.covers(d(2027, 1, 4)));
        assert!(!guangxi.is_working_day(d(2027, 1, 4)));
        assert!(!guangxi.is_working_day(d(2026, 4, 20)), "its own days kept");
        // A calendar's own year replaces the national one.
        let own = SITES.replace(
            "roll_past_extra_off_days = true",
            "roll_past_extra_off_days = true\nyears = [ { year = 2027, off_days = [2027-01-01] } ]",
        );
        let policy = Policy::from_toml_str(&format!(
            "{own}\n[[calendar.years]]\nyear = 2027\noff_days = [2027-01-01, 2027-01-04]\n"
        ))
        .unwrap();
        let (_, guangxi) = policy.department_calendar(Some("quality"));
        assert!(guangxi.is_working_day(d(2027, 1, 4)));
        assert!(!policy.calendar().is_working_day(d(2027, 1, 4)));
    }

    #[test]
    fn errors_name_the_key() {
        let cases = [
            (
                "[[calendars]]\nbase = \"every_day\"",
                "policy.invalid_value",
                "calendars[0].name",
            ),
            (
                "[[calendars]]\nname = \"Guang Xi\"",
                "policy.invalid_value",
                "calendars[0].name",
            ),
            (
                "[calendar]\nname = \"\"",
                "policy.invalid_value",
                "calendar.name",
            ),
            (
                "[[calendars]]\nname = \"a\"\n[[calendars]]\nname = \"a\"",
                "policy.contradiction",
                "calendars[1].name",
            ),
            (
                "[[calendars]]\nname = \"default\"",
                "policy.contradiction",
                "calendars[0].name",
            ),
            (
                "[calendar]\nname = \"national\"\n[[calendars]]\nname = \"national\"",
                "policy.contradiction",
                "calendars[0].name",
            ),
            (
                "[calendar_of]\nchannels = { hotline = \"hotline\" }",
                "policy.contradiction",
                "calendar_of.channels.hotline",
            ),
            (
                "[calendar_of]\nchannels = { fax = \"default\" }",
                "policy.unknown_key",
                "calendar_of.channels.fax",
            ),
            (
                "[[calendars]]\nname = \"a\"\n[calendar_of]\ndepartments = { quality = \"b\" }",
                "policy.contradiction",
                "calendar_of.departments.quality",
            ),
            (
                "[[calendars]]\nname = \"a\"\n[calendar_of]\ndepartments = { nowhere = \"a\" }",
                "policy.contradiction",
                "calendar_of.departments.nowhere",
            ),
            (
                "[[calendars]]\nname = \"a\"\nextra_off_days = [2026-01-05]\nextra_working_days = [2026-01-05]",
                "policy.contradiction",
                "calendars[0].extra_working_days",
            ),
            (
                "[[calendars]]\nname = \"a\"\noffice_hours = [\"09:00-12:00\", \"11:00-13:00\"]",
                "policy.invalid_value",
                "calendars[0].office_hours",
            ),
            (
                "[[calendars]]\nname = \"a\"\nbase = \"every_day\"\nyears = [ { year = 2027 } ]",
                "policy.invalid_value",
                "calendars[0].years",
            ),
            (
                "[[calendars]]\nname = \"a\"\noffice_offset = \"+25:00\"",
                "policy.invalid_value",
                "calendars[0].office_offset",
            ),
            (
                "[calendar]\noffice_offset = \"+07:00\"",
                "policy.contradiction",
                "calendar.office_offset",
            ),
            (
                "[calendar]\noffice_hours = [\"09:00-18:00\"]\n[[calendars]]\nname = \"a\"\n[deadlines]\nfeedback = \"8 working hours\"",
                "policy.contradiction",
                "deadlines.feedback",
            ),
        ];
        for (text, code, key) in cases {
            let err = Policy::from_toml_str(text).unwrap_err();
            assert_eq!((err.code(), err.key()), (code, Some(key)), "{text}: {err}");
        }
        // A limit's contradiction on another calendar says which.
        let err = Policy::from_toml_str(
            "[calendar]\noffice_hours = [\"09:00-18:00\"]\n[[calendars]]\nname = \"a\"\n[deadlines]\nfeedback = \"8 working hours\"",
        )
        .unwrap_err();
        assert!(err.to_string().contains("on the calendar a"), "{err}");
        // More calendars than any office has sites: refused before any is built.
        let many: Vec<String> = (0..=super::MAX_CALENDARS)
            .map(|i| format!("[[calendars]]\nname = \"c{i}\"\n"))
            .collect();
        let err = Policy::from_toml_str(&many.concat()).unwrap_err();
        assert_eq!(
            (err.code(), err.key()),
            ("policy.too_large", Some("calendars"))
        );
        // The office's own offset, written out, is fine.
        assert!(Policy::from_toml_str("[calendar]\noffice_offset = \"+08:00\"").is_ok());
    }
}
