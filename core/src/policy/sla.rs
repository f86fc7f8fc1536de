//! When a stage counts as due soon: the `[sla]` section.

use serde::{Deserialize, Serialize};

use crate::duration::Duration;
use crate::policy_error::PolicyError;

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

impl Sla {
    /// `due_soon_fraction` is a fraction.
    pub(super) fn validate(&self) -> Result<(), PolicyError> {
        if !(0.0..=1.0).contains(&self.due_soon_fraction) {
            return Err(PolicyError::invalid(
                "sla.due_soon_fraction",
                "expected a number from 0 to 1",
            ));
        }
        Ok(())
    }
}
