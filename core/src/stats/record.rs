//! One row of a complaint ledger (台賬, §2.2.2), as a Rust host hands it over.

use super::case_columns::TimeLimit;
use crate::number::ComplaintNumber;
use crate::time::Instant;

/// A ledger row: what statistics need of a case, and nothing personal.
///
/// Categories, departments, channels, severities, tracks and outcomes are free text here: a
/// ledger may come from an older system with its own names, and the report counts them as
/// written (trimmed).
///
/// The fields after `satisfied` are the case columns ([`Outcome`](super::Outcome),
/// [`TimeLimit`]): a ledger built from cases fills them; a record that leaves them all empty
/// is a classic ledger row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The complaint number (§2.2.3); unique within a ledger.
    pub number: ComplaintNumber,
    /// When the complaint was received: it counts in the period this instant falls in.
    pub received_at: Instant,
    /// How it arrived (`email`, `hotline`, …), if the ledger says.
    pub channel: Option<String>,
    /// The category (§2.2.2), for example `product_quality`.
    pub category: String,
    /// The department concerned (§2.2.2).
    pub department: String,
    /// The severity (§2.2.4), if the ledger says.
    pub severity: Option<String>,
    /// When the case was closed; none while it is open.
    pub closed_at: Option<Instant>,
    /// Whether the complainant was satisfied (§4.4.2); none when not answered.
    pub satisfied: Option<bool>,
    /// The handling track (§4.1.2: `general`, `complex`, `major`), if known.
    pub track: Option<String>,
    /// How the complaint ended, once it has: `resolved` (closed after its follow-up visit),
    /// `rejected`, `withdrawn`, `merged` or `lapsed` ([`Case::record`](crate::case::Case::record)
    /// writes these), or `open`; free text like the channel, none when the ledger does not say.
    pub outcome: Option<String>,
    /// Whether it was handled again after an objection (§5.1.2), if known.
    pub rehandled: Option<bool>,
    /// Whether the complainant said so at the follow-up visit (§5.2.2); none when not asked
    /// or not answered.
    pub follow_up_satisfied: Option<bool>,
    /// The complainant's key for repeat complaints: an opaque value the host derives (a keyed
    /// hash of the phone number, say), never personal data itself.
    pub complainant_key: Option<String>,
    /// Registration's time limit (§2.2.1).
    pub registration: Option<TimeLimit>,
    /// The handling plan's time limit (§4.1.2).
    pub plan: Option<TimeLimit>,
    /// The feedback's time limit (§4.4.1), first handling round.
    pub feedback: Option<TimeLimit>,
    /// The follow-up visit's time limit (§5.2.1), first handling round.
    pub follow_up: Option<TimeLimit>,
}

impl Record {
    /// A record with the required fields; the optional ones empty.
    pub fn new(
        number: ComplaintNumber,
        received_at: Instant,
        category: impl Into<String>,
        department: impl Into<String>,
    ) -> Self {
        Record {
            number,
            received_at,
            channel: None,
            category: category.into(),
            department: department.into(),
            severity: None,
            closed_at: None,
            satisfied: None,
            track: None,
            outcome: None,
            rehandled: None,
            follow_up_satisfied: None,
            complainant_key: None,
            registration: None,
            plan: None,
            feedback: None,
            follow_up: None,
        }
    }

    /// The time limits in the order of [`MeasuredStage::ALL`](super::MeasuredStage::ALL).
    pub fn time_limits(&self) -> [Option<TimeLimit>; 4] {
        [self.registration, self.plan, self.feedback, self.follow_up]
    }
}
