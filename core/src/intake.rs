//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, completeness.
//!
//! (Being built: see issue 4.)

use serde::{Deserialize, Serialize};

use crate::policy::PolicyError;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How a complaint arrived (§2.1).
    pub enum Channel("channel", "intake.unknown_channel") {
        /// §2.1.1: e-mail to the complaint mailbox, with the complaint word in the subject.
        Email = "email",
        /// §2.1.2: the complaint hotline.
        Hotline = "hotline",
        /// §2.1.3: the desk at reception.
        OnSite = "on_site",
        /// §2.1.4: the OA system's complaint board, for employees.
        Oa = "oa",
    }
}

vocabulary! {
    /// Who complains (§1.2).
    pub enum ComplainantKind("complainant kind", "intake.unknown_complainant_kind") {
        /// An employee of the company.
        Employee = "employee",
        /// A customer.
        Customer = "customer",
        /// A business partner.
        Partner = "partner",
    }
}

/// The `[intake]` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IntakeRules {}

impl IntakeRules {
    /// Checks the section.
    ///
    /// # Errors
    /// [`PolicyError`] naming the key at fault.
    pub fn validate(&self) -> Result<(), PolicyError> {
        Ok(())
    }
}

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntakeError {}

impl crate::error::ErrorCode for IntakeError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

// ---- Temporary stand-ins until issue 4 lands (names agreed with it). ----

use crate::policy::Policy;
use crate::time::Instant;

vocabulary! {
    /// A field of the registration record (§2.2.1).
    pub enum Field("field", "intake.unknown_field") {
        /// The complainant's name.
        Name = "name",
        /// Contact details.
        Contact = "contact",
        /// The time of the complaint.
        Time = "time",
        /// What the complaint is about.
        Content = "content",
    }
}

/// A complaint as received.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The channel.
    pub channel: Channel,
    /// Who complains.
    pub complainant_kind: ComplainantKind,
    /// The complainant's name.
    #[serde(default)]
    pub name: Option<String>,
    /// Phone or e-mail.
    #[serde(default)]
    pub contact: Option<String>,
    /// When it was received.
    #[serde(default)]
    pub received_at: Option<Instant>,
    /// The complaint itself.
    #[serde(default)]
    pub content: Option<String>,
    /// The e-mail subject.
    #[serde(default)]
    pub subject: Option<String>,
}

impl std::fmt::Debug for Complaint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Complaint")
            .field("channel", &self.channel)
            .finish_non_exhaustive()
    }
}

/// A rule the complaint breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The code.
    pub code: &'static str,
    /// The clause.
    pub clause: &'static str,
}

/// What intake found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntakeReport {
    /// Whether the channel accepts it.
    pub admissible: bool,
    /// Whether every required field is present.
    pub complete: bool,
    /// Missing fields.
    pub missing: Vec<Field>,
    /// Broken rules.
    pub violations: Vec<Violation>,
}

/// Checks a complaint.
pub fn check(_policy: &Policy, complaint: &Complaint) -> IntakeReport {
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut missing = Vec::new();
    if blank(&complaint.name) {
        missing.push(Field::Name);
    }
    if blank(&complaint.contact) {
        missing.push(Field::Contact);
    }
    if complaint.received_at.is_none() {
        missing.push(Field::Time);
    }
    if blank(&complaint.content) {
        missing.push(Field::Content);
    }
    IntakeReport {
        admissible: true,
        complete: missing.is_empty(),
        missing,
        violations: Vec::new(),
    }
}
