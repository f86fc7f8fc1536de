//! How long archived files are kept: the `[retention]` section (§6.2.2).

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

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
