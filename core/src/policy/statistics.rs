//! What statistics count as a repeat complaint: the `[statistics]` section.

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

/// Statistics settings (`[statistics]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Statistics {
    /// A complaint is a **repeat** when the same complainant (the same key, which the host
    /// supplies: a keyed hash of the phone number, say, never the number itself) complained
    /// before and this complaint was received within this period of the previous one (counted
    /// like every period, from the previous receipt). 30 days by default.
    pub repeat_window: Duration,
}

impl Default for Statistics {
    fn default() -> Self {
        Statistics {
            repeat_window: Duration::days(30),
        }
    }
}
