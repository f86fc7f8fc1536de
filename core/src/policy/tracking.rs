//! Tracking after the result: the `[tracking]` section (§5.1).

use serde::{Deserialize, Serialize};

/// How the office tracks the complainant's satisfaction (`[tracking]`, §5.1).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tracking {
    /// §5.1.2: whether a case may close while the complainant is recorded as not satisfied and
    /// the complaint was neither handled again nor declined for re-handling by management.
    /// `false` (the default, as the text says "handle it again") refuses the closing with
    /// `case.rehandling_required`; `true` lets it close, and the compliance report shows the
    /// finding `objection_handled_again`.
    pub close_while_unsatisfied: bool,
}
