//! Statuses of a case and which event may come next.

use super::event::EventKind;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a case stands, in the order of its life (DESIGN.md):
    /// received → (awaiting information) → registered → investigating → plan drafted →
    /// (plan returned → plan drafted) → approved → implementing → result fed back →
    /// (objection → re-handling) → followed up → closed (→ reopened: objection → re-handling
    /// → … → closed again) → archived → destroyed; or, ended
    /// without resolution, rejected, withdrawn, merged or lapsed → archived → destroyed.
    pub enum Status("status", "case.unknown_status") {
        /// Received, not yet registered.
        Received = "received",
        /// Waiting for the complainant's missing information (the registration clock pauses).
        AwaitingInformation = "awaiting_information",
        /// Registered and numbered.
        Registered = "registered",
        /// The team is investigating.
        Investigating = "investigating",
        /// A handling plan awaits management review.
        PlanDrafted = "plan_drafted",
        /// Management sent the plan back for modification.
        PlanReturned = "plan_returned",
        /// Management approved the plan.
        Approved = "approved",
        /// The department is implementing the plan.
        Implementing = "implementing",
        /// The result went to the complainant.
        ResultFedBack = "result_fed_back",
        /// The complainant objects (also after closing: the case was reopened).
        Objection = "objection",
        /// The department handles it again.
        Rehandling = "rehandling",
        /// The follow-up visit is done.
        FollowedUp = "followed_up",
        /// Closed.
        Closed = "closed",
        /// Not taken up: inadmissible, not a complaint or out of scope (§1.2, §2.1).
        Rejected = "rejected",
        /// Withdrawn by the complainant.
        Withdrawn = "withdrawn",
        /// Merged into another case as a duplicate (§2.2.3).
        Merged = "merged",
        /// Lapsed: the missing information never came (§2.2.1).
        Lapsed = "lapsed",
        /// In the archive.
        Archived = "archived",
        /// Files destroyed.
        Destroyed = "destroyed",
    }
}

impl Status {
    /// Whether the case ended without resolution (rejected, withdrawn, merged, lapsed).
    pub fn is_disposition(self) -> bool {
        matches!(
            self,
            Status::Rejected | Status::Withdrawn | Status::Merged | Status::Lapsed
        )
    }
}

/// Every status of an open case, from receipt to the follow-up visit.
const OPEN: &[Status] = &[
    Status::Received,
    Status::AwaitingInformation,
    Status::Registered,
    Status::Investigating,
    Status::PlanDrafted,
    Status::PlanReturned,
    Status::Approved,
    Status::Implementing,
    Status::ResultFedBack,
    Status::Objection,
    Status::Rehandling,
    Status::FollowedUp,
];

/// The statuses in which an event of `kind` may be applied (further guards apply).
pub(crate) fn allowed_in(kind: EventKind) -> &'static [Status] {
    use Status::*;
    match kind {
        EventKind::Received => &[],
        EventKind::InformationRequested => &[Received, AwaitingInformation],
        EventKind::InformationSupplied => &[AwaitingInformation],
        EventKind::Registered => &[Received],
        EventKind::Classified | EventKind::Assessed => {
            &[Registered, Investigating, PlanDrafted, PlanReturned]
        }
        // Registered and later, while the case is open (after the assessment: `precheck`).
        EventKind::EmergencyProcedureStarted => &OPEN[2..],
        EventKind::TeamFormed => &[Registered, Investigating],
        EventKind::InvestigationPlanned => &[Investigating, PlanReturned],
        EventKind::EvidenceAdded => &[Investigating, PlanReturned, Rehandling],
        EventKind::ProgressReported => &[
            Registered,
            Investigating,
            PlanDrafted,
            PlanReturned,
            Approved,
            Implementing,
            Objection,
            Rehandling,
        ],
        EventKind::PlanSubmitted => &[Investigating, PlanReturned],
        EventKind::PlanExtended => &[Investigating, PlanDrafted, PlanReturned],
        EventKind::PlanReturned | EventKind::PlanApproved => &[PlanDrafted],
        EventKind::ImplementationStarted => &[Approved],
        EventKind::ProblemRaised => &[Implementing, Rehandling],
        EventKind::ImplementationCompleted => &[Implementing],
        EventKind::ResultFedBack => &[Implementing, Rehandling],
        EventKind::ObjectionRaised => &[ResultFedBack, FollowedUp],
        // From an objection; or from a result or visit that left the complainant dissatisfied.
        EventKind::RehandlingStarted => &[Objection, ResultFedBack, FollowedUp],
        EventKind::RehandlingCompleted => &[Rehandling],
        EventKind::RehandlingDeclined => &[ResultFedBack, FollowedUp],
        EventKind::FollowUpVisited => &[ResultFedBack],
        EventKind::Closed => &[FollowedUp],
        // §5.1.2: only a closed case, before it is archived; one that ended without resolution
        // was never handled, and the complainant's new complaint is a new case.
        EventKind::Reopened => &[Closed],
        EventKind::Rejected => &[Received, AwaitingInformation, Registered, Investigating],
        EventKind::Withdrawn => OPEN,
        EventKind::Merged => &OPEN[..6],
        EventKind::Lapsed => &[AwaitingInformation],
        EventKind::Archived => &[Closed, Rejected, Withdrawn, Merged, Lapsed],
        EventKind::LegalHoldPlaced
        | EventKind::LegalHoldReleased
        | EventKind::DestructionApproved
        | EventKind::Destroyed => &[Archived],
    }
}
