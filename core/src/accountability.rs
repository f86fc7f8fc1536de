//! Accountability (§8): responsibility findings → discipline level and sanctions.
//!
//! (Being built: see issue 6.)

use serde::{Deserialize, Serialize};

use crate::policy::PolicyError;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The type of responsibility (§8.1.2).
    pub enum Responsibility("responsibility", "accountability.unknown_responsibility") {
        /// Direct responsibility (直接責任).
        Direct = "direct",
        /// Primary responsibility (主要責任).
        Primary = "primary",
        /// Secondary responsibility (次要責任).
        Secondary = "secondary",
        /// Leadership responsibility (領導責任).
        Leadership = "leadership",
    }
}

vocabulary! {
    /// The degree of fault (§8.2.3).
    pub enum Fault("fault", "accountability.unknown_fault") {
        /// Intent (故意).
        Intentional = "intentional",
        /// Gross negligence (重大過失).
        GrossNegligence = "gross_negligence",
        /// Ordinary negligence (過失).
        Negligence = "negligence",
    }
}

vocabulary! {
    /// The consequence of the conduct (§8.2.3).
    pub enum Consequence("consequence", "accountability.unknown_consequence") {
        /// A general complaint resulted.
        General = "general",
        /// A serious complaint resulted.
        Serious = "serious",
    }
}

vocabulary! {
    /// The discipline level (§8.2).
    pub enum Level("discipline level", "accountability.unknown_level") {
        /// Lighter responsibility (§8.2.1).
        Light = "light",
        /// Heavier responsibility (§8.2.2).
        Heavy = "heavy",
        /// Termination and legal liability (§8.2.3).
        Dismissal = "dismissal",
    }
}

vocabulary! {
    /// A sanction the policy offers (§8.2.1–§8.2.3).
    pub enum Sanction("sanction", "accountability.unknown_sanction") {
        /// Criticism and education (批評教育).
        CriticismEducation = "criticism_education",
        /// Warning (警告).
        Warning = "warning",
        /// Fine (罰款).
        Fine = "fine",
        /// Demotion (降職).
        Demotion = "demotion",
        /// Pay cut (降薪).
        PayCut = "pay_cut",
        /// Termination of the labour contract (解除勞動合同).
        Termination = "termination",
        /// Pursuit of legal liability (追究法律責任).
        LegalLiability = "legal_liability",
    }
}

/// The `[discipline]` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DisciplineTable {}

impl DisciplineTable {
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
pub enum AccountabilityError {}

impl crate::error::ErrorCode for AccountabilityError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

// ---- Temporary stand-ins until issue 6 lands (names agreed with it). ----

/// A responsibility finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Staff id or role.
    pub subject: String,
    /// Type of responsibility.
    pub responsibility: Responsibility,
    /// Fault.
    pub fault: Fault,
    /// Consequence.
    pub consequence: Consequence,
    /// Nature.
    #[serde(default)]
    pub nature: String,
    /// Degree.
    #[serde(default)]
    pub degree: String,
    /// Scope.
    #[serde(default)]
    pub scope: String,
}
