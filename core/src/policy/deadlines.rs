//! The time limits of the policy: the `[deadlines]` section.

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

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
