//! How long archived files are kept: the `[retention]` section (§6.2.2).

use serde::{Deserialize, Serialize};

use crate::duration::Duration;

/// How long archived files are kept (`[retention]`, §6.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Retention {
    /// The retention period, from the archive date.
    pub period: Duration,
    /// Whether a leadership approval given before the retention period expired counts (a
    /// standing pre-approval). `false` by default: §6.2.2 has files destroyed *after* the period
    /// expires *with* leadership approval, so an approval counts only when given after the last
    /// day of retention (`archive.approval_missing` otherwise).
    pub standing_approval: bool,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            period: Duration::years(3),
            standing_approval: false,
        }
    }
}
