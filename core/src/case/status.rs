//! Statuses of a case and which event may come next.

use super::event::EventKind;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Where a case stands, in the order of its life (DESIGN.md):
    /// received → (awaiting information) → registered → investigating → plan drafted →
    /// (plan returned → plan drafted) → approved → implementing → result fed back →
    /// (objection → re-handling) → followed up → closed → archived → destroyed.
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
        /// The complainant objects.
        Objection = "objection",
        /// The department handles it again.
        Rehandling = "rehandling",
        /// The follow-up visit is done.
        FollowedUp = "followed_up",
        /// Closed.
        Closed = "closed",
        /// In the archive.
        Archived = "archived",
        /// Files destroyed.
        Destroyed = "destroyed",
    }
}

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
        EventKind::RehandlingStarted => &[Objection],
        EventKind::RehandlingCompleted => &[Rehandling],
        EventKind::FollowUpVisited => &[ResultFedBack],
        EventKind::Closed => &[FollowedUp],
        EventKind::Archived => &[Closed],
        EventKind::LegalHoldPlaced
        | EventKind::LegalHoldReleased
        | EventKind::DestructionApproved
        | EventKind::Destroyed => &[Archived],
    }
}
