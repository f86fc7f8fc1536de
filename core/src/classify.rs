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
