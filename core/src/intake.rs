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
