//! How a case ends without resolution: rejected, withdrawn, merged or lapsed.
//!
//! An office must be able to end every complaint it receives, not only those it resolves. A
//! disposition stops every running clock of the schedule (a stage met neither before nor by
//! it is `stopped`, late only if its due instant had already passed), ends in a status of its
//! own, has its own compliance check, is archived with the documents that apply to it and is
//! an outcome in statistics.
//!
//! | disposition | event | clause | allowed | registration stage |
//! |---|---|---|---|---|
//! | rejected | `rejected` (ground, reason) | §1.2, §2.1 | before the investigation has a plan | met by the rejection |
//! | withdrawn | `withdrawn` | §6.1.1 | any time before closing | stopped |
//! | merged | `merged` (into a number) | §2.2.3 | before the plan is approved | met by the merge |
//! | lapsed | `lapsed` | §2.2.1 | `deadlines.lapse` after the request for information | stopped |

use super::payload::RejectionGround;
use super::status::Status;
use crate::number::ComplaintNumber;
use crate::time::Instant;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How a case ended without resolution.
    pub enum DispositionKind("disposition", "case.unknown_disposition") {
        /// Not taken up (§1.2, §2.1).
        Rejected = "rejected",
        /// Withdrawn by the complainant (§6.1.1).
        Withdrawn = "withdrawn",
        /// Merged into another case as a duplicate (§2.2.3).
        Merged = "merged",
        /// The missing information never came (§2.2.1).
        Lapsed = "lapsed",
    }
}

impl DispositionKind {
    /// The status the case ends in.
    pub fn status(self) -> Status {
        match self {
            DispositionKind::Rejected => Status::Rejected,
            DispositionKind::Withdrawn => Status::Withdrawn,
            DispositionKind::Merged => Status::Merged,
            DispositionKind::Lapsed => Status::Lapsed,
        }
    }

    /// The clause behind it.
    pub fn clause(self) -> &'static str {
        match self {
            DispositionKind::Rejected => "§1.2",
            DispositionKind::Withdrawn => "§6.1.1",
            DispositionKind::Merged => "§2.2.3",
            DispositionKind::Lapsed => "§2.2.1",
        }
    }

    /// Whether the disposition is the registrar's decision on the complaint, which meets the
    /// registration stage (a rejection or a merge); a withdrawal or a lapse only stops it.
    pub fn meets_registration(self) -> bool {
        matches!(self, DispositionKind::Rejected | DispositionKind::Merged)
    }
}

/// How and when a case ended without resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disposition {
    /// Rejected, withdrawn, merged or lapsed.
    pub kind: DispositionKind,
    /// When.
    pub at: Instant,
    /// For a rejection, its ground.
    pub ground: Option<RejectionGround>,
    /// For a merge, the case it was merged into.
    pub into: Option<ComplaintNumber>,
}
