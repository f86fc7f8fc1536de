//! Triage (§2.2.4, §4.1.2): severity, urgency, complexity and the handling track.

use complaint_office::triage as core;

use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// How severe a complaint is (§2.2.4).
    Severity = core::Severity, parse_severity {
        /// An ordinary complaint.
        General,
        /// A serious complaint.
        Serious,
        /// A major complaint.
        Major,
    }
}

mirror_vocabulary! {
    /// How urgent a complaint is (§2.2.4).
    Urgency = core::Urgency, parse_urgency {
        /// Not urgent.
        Normal,
        /// Urgent.
        Urgent,
    }
}

mirror_vocabulary! {
    /// Whether handling is simple or complex (§4.1.2).
    Complexity = core::Complexity, parse_complexity {
        /// Simple.
        Simple,
        /// Complex.
        Complex,
    }
}

mirror_vocabulary! {
    /// The handling track (§4.1.2): general complaints have the plan limit; complex and major
    /// ones may be extended up to the extended limit.
    Track = core::Track, parse_track {
        /// A general complaint.
        General,
        /// A complex complaint.
        Complex,
        /// A major complaint.
        Major,
    }
}
