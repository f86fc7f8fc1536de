//! The policy file: TOML or JSON, every default filled in, validated once.

use std::sync::Arc;

use complaint_office::policy as core;

use crate::calendar::Calendar;
use crate::duration::Duration;
use crate::error::{Result, guard, within};
use crate::time::{LocalDate, OffsetDateTime, ZoneOffset};
use complaint_office::input::MAX_TEXT_FILE_BYTES;

/// The language of labels, reports and charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[uniffi::export(Display)]
pub enum Language {
    /// Traditional Chinese (`zh-Hant`), the script of the source policy.
    ZhHant,
    /// Simplified Chinese (`zh-Hans`), the default.
    ZhHans,
    /// English (`en`).
    En,
}

impl From<core::Language> for Language {
    fn from(value: core::Language) -> Self {
        match value {
            core::Language::ZhHant => Language::ZhHant,
            core::Language::ZhHans => Language::ZhHans,
            core::Language::En => Language::En,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tag = match self {
            Language::ZhHant => core::Language::ZhHant,
            Language::ZhHans => core::Language::ZhHans,
            Language::En => core::Language::En,
        }
        .tag();
        f.write_str(tag)
    }
}

/// The time limits of the policy (`[deadlines]`).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Deadlines {
    /// §2.2.1: initial registration after receipt.
    pub registration: Arc<Duration>,
    /// §4.1.2: the handling plan of a general complaint.
    pub plan: Arc<Duration>,
    /// §4.1.2: the furthest a complex or major complaint's plan may be extended.
    pub plan_extended_max: Arc<Duration>,
    /// §4.4.1: result feedback after implementation is complete.
    pub feedback: Arc<Duration>,
    /// §5.2.1: the follow-up visit after handling is complete.
    pub follow_up: Arc<Duration>,
    /// §5.1.2: re-handling after an objection.
    pub rehandling: Arc<Duration>,
}

/// When a stage counts as due soon (`[sla]`).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Sla {
    /// Due soon when at most this much is left before the due instant.
    pub due_soon: Arc<Duration>,
    /// … or when at most this fraction of the whole period is left (0 turns it off).
    pub due_soon_fraction: f64,
}

/// How long archived files are kept (`[retention]`, §6.2.2).
#[derive(Debug, Clone, uniffi::Record)]
pub struct Retention {
    /// The retention period, from the archive date.
    pub period: Arc<Duration>,
}

/// A validated policy. Immutable; cheap to share between threads.
#[derive(Debug, Clone, PartialEq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct Policy(pub(crate) core::Policy);

impl Policy {
    pub(crate) fn arc(policy: core::Policy) -> Arc<Self> {
        Arc::new(Policy(policy))
    }
}

#[uniffi::export]
impl Policy {
    /// The documented defaults of POLICY.md.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Self::arc(core::Policy::default())
    }

    /// The documented defaults of POLICY.md (the same as the constructor).
    // The API's name (`Policy.default()` in the other bindings); a UniFFI constructor returns an
    // `Arc`, which `Default` cannot.
    #[allow(clippy::should_implement_trait)]
    #[uniffi::constructor]
    pub fn default() -> Arc<Self> {
        Self::arc(core::Policy::default())
    }

    /// Reads a policy from TOML of at most 64 MiB (the maximum of a policy file in every
    /// binding).
    ///
    /// # Errors
    /// `policy.syntax`, `policy.unknown_key`, `policy.invalid_value`, `policy.contradiction`;
    /// `input.too_large` over 64 MiB.
    #[uniffi::constructor]
    pub fn from_toml(text: String) -> Result<Arc<Self>> {
        within(text.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| Ok(Self::arc(core::Policy::from_toml_str(&text)?)))
    }

    /// Reads a policy from JSON text (the same schema as TOML).
    ///
    /// # Errors
    /// As [`Self::from_toml`].
    #[uniffi::constructor]
    pub fn from_json(text: String) -> Result<Arc<Self>> {
        within(text.len(), MAX_TEXT_FILE_BYTES)?;
        guard(|| Ok(Self::arc(core::Policy::from_json_str(&text)?)))
    }

    /// The policy as TOML, every default written out.
    ///
    /// # Errors
    /// `policy.invalid_value` if a value cannot be written as TOML (not expected).
    pub fn to_toml(&self) -> Result<String> {
        guard(|| Ok(self.0.to_toml()?))
    }

    /// The policy as JSON text, every default written out.
    ///
    /// # Errors
    /// `policy.invalid_value` if the policy cannot be written as JSON (not expected).
    pub fn to_json(&self) -> Result<String> {
        guard(|| Ok(self.0.to_json_value()?.to_string()))
    }

    /// This policy with another calendar (one with a newly loaded holiday-cn year).
    ///
    /// # Errors
    /// `policy.contradiction` when the calendar's offset differs from the office offset.
    pub fn with_calendar(&self, calendar: Arc<Calendar>) -> Result<Arc<Self>> {
        guard(|| Ok(Self::arc(self.0.with_calendar(calendar.0.clone())?)))
    }

    /// The policy's name.
    pub fn name(&self) -> String {
        self.0.name().to_owned()
    }

    /// The first day the policy is in force, if set.
    pub fn effective_from(&self) -> Option<LocalDate> {
        self.0.effective_from()
    }

    /// The office's UTC offset: days and months are decided in it.
    pub fn office_offset(&self) -> ZoneOffset {
        self.0.office_offset()
    }

    /// The language of labels, reports and charts.
    pub fn language(&self) -> Language {
        self.0.language().into()
    }

    /// The discipline table (`[discipline]`, §8).
    pub fn discipline(&self) -> Arc<crate::accountability::DisciplineTable> {
        Arc::new(crate::accountability::DisciplineTable(
            self.0.discipline().clone(),
        ))
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> Arc<Calendar> {
        Arc::new(Calendar(self.0.calendar().clone()))
    }

    /// The time limits.
    pub fn deadlines(&self) -> Deadlines {
        let d = self.0.deadlines();
        Deadlines {
            registration: Duration::arc(d.registration),
            plan: Duration::arc(d.plan),
            plan_extended_max: Duration::arc(d.plan_extended_max),
            feedback: Duration::arc(d.feedback),
            follow_up: Duration::arc(d.follow_up),
            rehandling: Duration::arc(d.rehandling),
        }
    }

    /// When stages count as due soon.
    pub fn sla(&self) -> Sla {
        let s = self.0.sla();
        Sla {
            due_soon: Duration::arc(s.due_soon),
            due_soon_fraction: s.due_soon_fraction,
        }
    }

    /// Retention of archived files.
    pub fn retention(&self) -> Retention {
        Retention {
            period: Duration::arc(self.0.retention().period),
        }
    }
}

/// Policies by effective date: a case is judged by the policy in force when it was received.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Display)]
pub struct PolicySet(pub(crate) core::PolicySet);

#[uniffi::export]
impl PolicySet {
    /// A set of policies; two with the same effective date are a contradiction.
    ///
    /// # Errors
    /// `policy.contradiction` at `effective_from`.
    #[uniffi::constructor]
    pub fn new(policies: Vec<Arc<Policy>>) -> Result<Arc<Self>> {
        guard(|| {
            let set = core::PolicySet::new(policies.iter().map(|p| p.0.clone()))?;
            Ok(Arc::new(PolicySet(set)))
        })
    }

    /// The policy in force on `date`: the latest whose effective date is not after it.
    ///
    /// # Errors
    /// `policy.none_in_force`.
    pub fn in_force_on(&self, date: LocalDate) -> Result<Arc<Policy>> {
        guard(|| Ok(Policy::arc(self.0.in_force_on(date)?.clone())))
    }

    /// The policy in force at `at`, decided on its office date.
    ///
    /// # Errors
    /// `policy.none_in_force`.
    pub fn in_force_at(&self, at: OffsetDateTime) -> Result<Arc<Policy>> {
        guard(|| Ok(Policy::arc(self.0.in_force_at(at)?.clone())))
    }

    /// The policies, by effective date.
    pub fn policies(&self) -> Vec<Arc<Policy>> {
        self.0.policies().iter().cloned().map(Policy::arc).collect()
    }
}

/// `Policy(name=default)`: Kotlin's `toString()` (`toJson()` gives the whole file).
impl std::fmt::Display for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Policy(name={})", self.0.name())
    }
}

/// `PolicySet(Policy(name=2024), Policy(name=2025))`: Kotlin's `toString()`.
impl std::fmt::Display for PolicySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = self
            .0
            .policies()
            .iter()
            .map(|p| format!("Policy(name={})", p.name()))
            .collect::<Vec<_>>();
        write!(f, "PolicySet({})", names.join(", "))
    }
}
