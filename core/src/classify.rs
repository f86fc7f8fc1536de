//! Classification (§2.2.2): categories, keyword suggestion, department routing.
//!
//! (Being built: see issue 4.)

use serde::{Deserialize, Serialize};

use crate::policy::PolicyError;

/// The `[classification]` section of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Classification {}

impl Classification {
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
pub enum ClassifyError {}

impl crate::error::ErrorCode for ClassifyError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

// ---- Temporary stand-ins until issue 4 lands (names agreed with it). ----

impl Classification {
    /// The default department of a category, if the category exists.
    pub fn department_of(&self, category: &str) -> Option<&str> {
        match category {
            "product_quality" => Some("quality"),
            "service_attitude" => Some("customer_service"),
            "management" => Some("administration"),
            "other" => Some("complaint_office"),
            _ => None,
        }
    }
}
