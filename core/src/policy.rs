//! The policy file: every blank the source leaves (POLICY.md), filled in, validated once.
//!
//! TOML or JSON, one schema. Every key has the documented default, so an empty file is the
//! default policy. Unknown keys are errors (a typo must not pass silently), and every error
//! names its key: `policy.unknown_key`, `policy.invalid_value`, `policy.contradiction`,
//! `policy.syntax`.
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

use std::fmt;
use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, CalendarConfig, CalendarError, beijing};
use crate::duration::{Duration, Unit};
use crate::time::{Instant, office_date, offset_serde};
use crate::{accountability, classify, intake, triage};

pub use crate::language::Language;
pub use crate::policy_error::PolicyError;

/// The time limits of the policy (`[deadlines]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deadlines {
    /// §2.2.1: initial registration after receipt.
    pub registration: Duration,
    /// §4.1.2: the handling plan of a general complaint.
    pub plan: Duration,
    /// §4.1.2: the furthest a complex or major complaint's plan may be extended.
    pub plan_extended_max: Duration,
    /// §4.4.1: result feedback after implementation is complete.
    pub feedback: Duration,
    /// §5.2.1: the follow-up visit after handling is complete.
    pub follow_up: Duration,
    /// §5.1.2: re-handling after an objection (the source sets no limit; the plan limit by
    /// default).
    pub rehandling: Duration,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            registration: Duration::working_days(1),
            plan: Duration::days(15),
            plan_extended_max: Duration::days(30),
            feedback: Duration::working_days(3),
            follow_up: Duration::working_days(7),
            rehandling: Duration::days(15),
        }
    }
}

impl Deadlines {
    /// Every limit with its key.
    pub fn entries(&self) -> [(&'static str, Duration); 6] {
        [
            ("deadlines.registration", self.registration),
            ("deadlines.plan", self.plan),
            ("deadlines.plan_extended_max", self.plan_extended_max),
            ("deadlines.feedback", self.feedback),
            ("deadlines.follow_up", self.follow_up),
            ("deadlines.rehandling", self.rehandling),
        ]
    }
}

/// When a stage counts as due soon (`[sla]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sla {
    /// A stage is due soon when at most this much is left before its due instant.
    pub due_soon: Duration,
    /// … or when at most this fraction of its whole period is left (0 to 1; 0 turns it off).
    pub due_soon_fraction: f64,
}

impl Default for Sla {
    fn default() -> Self {
        Sla {
            due_soon: Duration::working_days(1),
            due_soon_fraction: 0.2,
        }
    }
}

/// Where complaints are sent (`[channels]`, §2.1): the blanks `[complaint mailbox]` and
/// `[phone number]` of the source. Shown to complainants and staff; none by default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Channels {
    /// §2.1.1: the complaint mailbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// §2.1.2: the complaint hotline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hotline: Option<String>,
}

impl Channels {
    fn validate(&self) -> Result<(), PolicyError> {
        use crate::intake::{Contact, ContactKind};
        if let Some(email) = &self.email {
            let ok = Contact::parse(email).is_ok_and(|c| c.kind() == ContactKind::Email);
            if !ok {
                return Err(PolicyError::invalid(
                    "channels.email",
                    "expected an e-mail address",
                ));
            }
        }
        if let Some(hotline) = &self.hotline {
            // Company hotlines are often national service numbers (400/800 + 7 digits), which
            // no complainant has; otherwise any phone a complainant could give.
            let digits: String = hotline
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect();
            let service = digits.len() == 10
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits.starts_with("400") || digits.starts_with("800"));
            let ok =
                service || Contact::parse(hotline).is_ok_and(|c| c.kind() != ContactKind::Email);
            if !ok {
                return Err(PolicyError::invalid(
                    "channels.hotline",
                    "expected a phone number",
                ));
            }
        }
        Ok(())
    }
}

/// How long archived files are kept (`[retention]`, §6.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Retention {
    /// The retention period, from the archive date.
    pub period: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            period: Duration::years(3),
        }
    }
}

/// A policy file as written: plain data, every key defaulted. [`Policy`] is the validated form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyFile {
    /// A name for the policy, shown in reports.
    pub name: String,
    /// The first day the policy is in force (for a [`PolicySet`]); none means always.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// The office's UTC offset: days and months are decided in it.
    #[serde(with = "offset_serde")]
    pub office_offset: FixedOffset,
    /// The language of labels, reports and charts.
    pub language: Language,
    /// The working-day calendar.
    pub calendar: CalendarConfig,
    /// The time limits.
    pub deadlines: Deadlines,
    /// When stages count as due soon.
    pub sla: Sla,
    /// Retention of archived files.
    pub retention: Retention,
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
            deadlines: Deadlines::default(),
            sla: Sla::default(),
            retention: Retention::default(),
            channels: Channels::default(),
            intake: intake::IntakeRules::default(),
            classification: classify::Classification::default(),
            triage: triage::TriageRules::default(),
            discipline: accountability::DisciplineTable::default(),
        }
    }
}

/// A validated policy. Cheap to clone (shared, immutable).
#[derive(Clone)]
pub struct Policy {
    inner: Arc<Inner>,
}

struct Inner {
    file: PolicyFile,
    calendar: Calendar,
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
            .get_or_init(|| {
                let file = PolicyFile::default();
                Policy {
                    inner: Arc::new(Inner {
                        calendar: Calendar::cn(),
                        file,
                    }),
                }
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
        let calendar =
            Calendar::from_config(&file.calendar, file.office_offset).map_err(calendar_error)?;
        validate_deadlines(&file, &calendar)?;
        if !(0.0..=1.0).contains(&file.sla.due_soon_fraction) {
            return Err(PolicyError::invalid(
                "sla.due_soon_fraction",
                "expected a number from 0 to 1",
            ));
        }
        file.channels.validate()?;
        file.intake.validate()?;
        file.classification.validate()?;
        file.triage.validate()?;
        file.discipline.validate()?;
        Ok(Policy {
            inner: Arc::new(Inner { file, calendar }),
        })
    }

    /// Reads a policy from TOML.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid TOML; otherwise as [`Self::from_json_value`].
    pub fn from_toml_str(text: &str) -> Result<Self, PolicyError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| toml_syntax(text, &e))?;
        Self::from_json_value(toml_to_json(toml::Value::Table(table)))
    }

    /// Reads a policy from JSON.
    ///
    /// # Errors
    /// [`PolicyError::Syntax`] for invalid JSON; otherwise as [`Self::from_json_value`].
    pub fn from_json_str(text: &str) -> Result<Self, PolicyError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| PolicyError::Syntax {
                line: e.line(),
                column: e.column(),
                message: json_message(&e),
            })?;
        Self::from_json_value(value)
    }

    /// Reads a policy from a JSON value (the form policies take inside conformance vectors).
    ///
    /// # Errors
    /// [`PolicyError::UnknownKey`], [`PolicyError::InvalidValue`] or
    /// [`PolicyError::Contradiction`], each naming the key.
    pub fn from_json_value(value: serde_json::Value) -> Result<Self, PolicyError> {
        if !value.is_object() {
            return Err(PolicyError::invalid(
                "(root)",
                "expected a table of policy keys",
            ));
        }
        let mut unknown = Vec::new();
        let mut note_unknown = |path: serde_ignored::Path<'_>| unknown.push(path.to_string());
        let de = serde_ignored::Deserializer::new(&value, &mut note_unknown);
        let file: PolicyFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let key = e.path().to_string();
            PolicyError::InvalidValue {
                key: if key == "." { "(root)".into() } else { key },
                reason: e.into_inner().to_string(),
            }
        })?;
        if let Some(key) = unknown.into_iter().next() {
            return Err(PolicyError::UnknownKey { key });
        }
        Self::new(file)
    }

    /// The policy as TOML (round-trips through [`Self::from_toml_str`]).
    ///
    /// # Errors
    /// [`PolicyError::InvalidValue`] if a value cannot be written as TOML (not expected).
    pub fn to_toml(&self) -> Result<String, PolicyError> {
        toml::to_string(&self.inner.file).map_err(|e| PolicyError::invalid("(root)", e.to_string()))
    }

    /// The policy as a JSON value (round-trips through [`Self::from_json_value`]).
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(&self.inner.file).unwrap_or(serde_json::Value::Null)
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

    /// The working-day calendar (statutory data, company days, office hours, offset).
    pub fn calendar(&self) -> &Calendar {
        &self.inner.calendar
    }

    /// The time limits.
    pub fn deadlines(&self) -> &Deadlines {
        &self.inner.file.deadlines
    }

    /// When stages count as due soon.
    pub fn sla(&self) -> &Sla {
        &self.inner.file.sla
    }

    /// Retention of archived files.
    pub fn retention(&self) -> &Retention {
        &self.inner.file.retention
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

    /// This policy with another calendar (for example one with a newly loaded holiday-cn
    /// year). The calendar's offset must stay the office offset.
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
        validate_deadlines(&self.inner.file, &calendar)?;
        Ok(Policy {
            inner: Arc::new(Inner {
                file: self.inner.file.clone(),
                calendar,
            }),
        })
    }
}

/// The policy holds the tables: functions of the table modules take `&Policy` through these
/// (`intake::check(&policy, …)`, `classify::suggest(&policy, …)`, `triage::assess(&policy, …)`).
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

fn validate_deadlines(file: &PolicyFile, calendar: &Calendar) -> Result<(), PolicyError> {
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

fn toml_syntax(text: &str, e: &toml::de::Error) -> PolicyError {
    let (line, column) = e.span().map_or((1, 1), |span| {
        // A span is a byte offset; step back to a character boundary rather than trust it.
        let before = &text[..text.floor_char_boundary(span.start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    });
    PolicyError::Syntax {
        line,
        column,
        message: e.message().trim().to_owned(),
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; the variant carries those already.
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Policies by effective date: a case is judged by the policy in force when it was received.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicySet {
    // Sorted by effective date; a policy without one is in force from the beginning.
    policies: Vec<Policy>,
}

impl PolicySet {
    /// A set of policies. Two policies with the same effective date are a contradiction.
    ///
    /// # Errors
    /// [`PolicyError::Contradiction`] at `effective_from` for duplicate dates.
    pub fn new(policies: impl IntoIterator<Item = Policy>) -> Result<Self, PolicyError> {
        let mut policies: Vec<Policy> = policies.into_iter().collect();
        policies.sort_by_key(Policy::effective_from);
        if policies
            .windows(2)
            .any(|w| w[0].effective_from() == w[1].effective_from())
        {
            return Err(PolicyError::contradiction(
                "effective_from",
                "two policies take effect on the same day",
            ));
        }
        Ok(PolicySet { policies })
    }

    /// The policy in force on `date`: the latest whose effective date is not after it.
    ///
    /// # Errors
    /// [`PolicyError::NoneInForce`] when every policy takes effect later.
    pub fn in_force_on(&self, date: NaiveDate) -> Result<&Policy, PolicyError> {
        self.policies
            .iter()
            .rev()
            .find(|p| p.effective_from().is_none_or(|from| from <= date))
            .ok_or(PolicyError::NoneInForce { date })
    }

    /// The policy in force at `at`, decided on its office date.
    ///
    /// # Errors
    /// As [`Self::in_force_on`].
    pub fn in_force_at(&self, at: Instant) -> Result<&Policy, PolicyError> {
        let first = self
            .policies
            .first()
            .map_or_else(beijing, Policy::office_offset);
        self.in_force_on(office_date(at, first))
    }

    /// The policies, by effective date.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn policies_are_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Policy>();
    }

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(Policy::from_toml_str("").unwrap(), Policy::default());
        assert_eq!(Policy::from_json_str("{}").unwrap(), Policy::default());
    }

    #[test]
    fn round_trips() {
        let p = Policy::from_toml_str(
            "effective_from = 2025-01-01\n[calendar]\noffice_hours = [\"09:00-12:00\", \"13:30-18:00\"]\nextra_off_days = [2025-12-31]\n",
        )
        .unwrap();
        let toml = p.to_toml().unwrap();
        assert_eq!(Policy::from_toml_str(&toml).unwrap(), p);
        assert_eq!(Policy::from_json_value(p.to_json_value()).unwrap(), p);
    }

    #[test]
    fn errors_name_their_key() {
        let cases = [
            (
                "[deadlines]\nplan = \"15 weeks\"",
                "policy.invalid_value",
                Some("deadlines.plan"),
            ),
            (
                "[deadlines]\nplann = \"15 days\"",
                "policy.unknown_key",
                Some("deadlines.plann"),
            ),
            ("colour = 1", "policy.unknown_key", Some("colour")),
            (
                "office_offset = \"+25:00\"",
                "policy.invalid_value",
                Some("office_offset"),
            ),
            (
                "[deadlines]\nplan = \"30 days\"\nplan_extended_max = \"15 days\"",
                "policy.contradiction",
                Some("deadlines.plan_extended_max"),
            ),
            (
                "[deadlines]\nfeedback = \"8 working hours\"",
                "policy.contradiction",
                Some("deadlines.feedback"),
            ),
            (
                "[calendar]\nextra_off_days = [2025-10-11]\nextra_working_days = [2025-10-11]",
                "policy.contradiction",
                Some("calendar.extra_working_days"),
            ),
            (
                "[calendar]\noffice_hours = [\"18:00-09:00\"]",
                "policy.invalid_value",
                None,
            ),
            ("[deadlines\nplan = 1", "policy.syntax", None),
            (
                "language = \"fr\"",
                "policy.invalid_value",
                Some("language"),
            ),
        ];
        for (text, code, key) in cases {
            let err = Policy::from_toml_str(text).unwrap_err();
            assert_eq!(err.code(), code, "{text}: {err}");
            if key.is_some() {
                assert_eq!(err.key(), key, "{text}");
            }
        }
        assert_eq!(
            Policy::from_json_str("[1]").unwrap_err().code(),
            "policy.invalid_value"
        );
        let syntax = Policy::from_json_str("{\n  \"name\": }").unwrap_err();
        assert!(
            matches!(syntax, PolicyError::Syntax { line: 2, .. }),
            "{syntax:?}"
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

    #[test]
    fn policy_sets_pick_the_policy_in_force() {
        let old = Policy::from_toml_str("name = \"2024\"\neffective_from = 2024-01-01").unwrap();
        let new = Policy::from_toml_str("name = \"2025\"\neffective_from = 2025-01-01").unwrap();
        let set = PolicySet::new([new, old]).unwrap();
        let on = |s: &str| {
            set.in_force_on(s.parse().unwrap())
                .map(|p| p.name().to_owned())
        };
        assert_eq!(on("2024-12-31").unwrap(), "2024");
        assert_eq!(on("2025-01-01").unwrap(), "2025");
        assert_eq!(on("2023-06-01").unwrap_err().code(), "policy.none_in_force");
    }
}
