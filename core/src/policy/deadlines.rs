//! The time limits of the policy: the `[deadlines]` section.

use serde::{Deserialize, Serialize};

use super::Emergency;
use crate::duration::Duration;

/// The time limits of the policy (`[deadlines]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Deadlines {
    /// §2.2.1: initial registration after receipt.
    pub registration: Duration,
    /// §2.2.4: the emergency procedure starts "immediately" after the assessment that finds a
    /// complaint urgent and serious: this is how soon (a short duration in hours).
    pub emergency_start: Duration,
    /// §2.2.1: how long the office waits for the complainant's missing information after
    /// asking; once it has passed without an answer the complaint may lapse.
    pub lapse: Duration,
    /// §4.1.2: the handling plan of a general complaint.
    pub plan: Duration,
    /// §4.1.2: the furthest a complex or major complaint's plan may be extended.
    pub plan_extended_max: Duration,
    /// §3.3.3: the longest gap between progress reports to the complainant while the team
    /// investigates; none (the default) checks only that some progress was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Duration>,
    /// §4.4.1: result feedback after implementation is complete.
    pub feedback: Duration,
    /// §5.2.1: the follow-up visit after handling is complete.
    pub follow_up: Duration,
    /// §5.1.2: re-handling after an objection or dissatisfaction (the source sets no limit;
    /// the plan limit by default).
    pub rehandling: Duration,
    /// §2.2.4: shorter limits for the later stages of emergency cases (`[deadlines.emergency]`);
    /// none by default.
    pub emergency: Emergency,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            registration: Duration::working_days(1),
            emergency_start: Duration::hours(2),
            lapse: Duration::days(30),
            plan: Duration::days(15),
            plan_extended_max: Duration::days(30),
            progress: None,
            feedback: Duration::working_days(3),
            follow_up: Duration::working_days(7),
            rehandling: Duration::days(15),
            emergency: Emergency::default(),
        }
    }
}

impl Deadlines {
    /// Every limit that is set, with its key.
    pub fn entries(&self) -> Vec<(&'static str, Duration)> {
        let mut entries = vec![
            ("deadlines.registration", self.registration),
            ("deadlines.emergency_start", self.emergency_start),
            ("deadlines.lapse", self.lapse),
            ("deadlines.plan", self.plan),
            ("deadlines.plan_extended_max", self.plan_extended_max),
            ("deadlines.feedback", self.feedback),
            ("deadlines.follow_up", self.follow_up),
            ("deadlines.rehandling", self.rehandling),
        ];
        entries.extend(self.progress.map(|d| ("deadlines.progress", d)));
        entries.extend(self.emergency.entries());
        entries
    }

    /// The limit of the plan (§4.1.2), the emergency one for an emergency case.
    pub fn plan_for(&self, emergency: bool) -> Duration {
        self.pick(emergency, self.plan, self.emergency.plan)
    }

    /// The limit between progress reports (§3.3.3), if any; the emergency one for an emergency
    /// case.
    pub fn progress_for(&self, emergency: bool) -> Option<Duration> {
        match (emergency, self.emergency.progress) {
            (true, Some(shorter)) => Some(shorter),
            _ => self.progress,
        }
    }

    /// The feedback limit (§4.4.1), the emergency one for an emergency case.
    pub fn feedback_for(&self, emergency: bool) -> Duration {
        self.pick(emergency, self.feedback, self.emergency.feedback)
    }

    /// The re-handling limit (§5.1.2), the emergency one for an emergency case.
    pub fn rehandling_for(&self, emergency: bool) -> Duration {
        self.pick(emergency, self.rehandling, self.emergency.rehandling)
    }

    /// The follow-up limit (§5.2.1), the emergency one for an emergency case.
    pub fn follow_up_for(&self, emergency: bool) -> Duration {
        self.pick(emergency, self.follow_up, self.emergency.follow_up)
    }

    fn pick(&self, emergency: bool, general: Duration, shorter: Option<Duration>) -> Duration {
        match (emergency, shorter) {
            (true, Some(shorter)) => shorter,
            _ => general,
        }
    }
}
