//! One row of a complaint ledger (台賬, §2.2.2), as a Rust host hands it over.

use crate::number::ComplaintNumber;
use crate::time::Instant;

/// A ledger row: what statistics need of a case, and nothing personal.
///
/// Categories, departments, channels and severities are free text here: a ledger may come from
/// an older system with its own names, and the report counts them as written (trimmed).
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
    /// How the case ended, once it has: `resolved` (closed after its follow-up visit),
    /// `rejected`, `withdrawn`, `merged` or `lapsed` ([`Case::record`](crate::case::Case::record)
    /// writes these); free text like the channel, none while open or when the ledger does
    /// not say.
    pub outcome: Option<String>,
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
            outcome: None,
        }
    }
}
