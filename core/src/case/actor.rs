//! Who acts on a case, and whom a reminder goes to. The schedule runs each stage's clock on
//! the calendar of the one who must act in it ([`Actor::responsible_for`]); the office's
//! worklist and reminders name the actors (public there as `office::Actor` too).

use super::{Stage, Status};
use crate::policy::Recipient;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A role in the office's work: who should act on a case, whom a reminder goes to.
    pub enum Actor("actor", "office.unknown_actor") {
        /// The complaint office: registers, completes the intake, forms the team, visits,
        /// closes (§2.2, §5.2).
        ComplaintOffice = "complaint_office",
        /// The investigation team: investigates and drafts the plan (§3, §4.1).
        InvestigationTeam = "investigation_team",
        /// The department concerned: implements, reports the result, handles again (§4.3,
        /// §4.4, §5.1.2).
        Department = "department",
        /// The head of the department concerned: the first escalation.
        DepartmentHead = "department_head",
        /// Management: approves plans (§4.2); the last escalation.
        Management = "management",
    }
}

impl Actor {
    /// Who should act next on a case in `status` (the worklist's `act`).
    ///
    /// | status | actor |
    /// |---|---|
    /// | received, awaiting information, registered | complaint office (register, complete, classify and assess, form the team) |
    /// | investigating, plan returned | investigation team |
    /// | plan drafted | management (approve or return) |
    /// | approved, implementing, objection, re-handling | department |
    /// | result fed back, followed up, closed, archived, destroyed | complaint office (visit, close, archive) |
    /// | rejected, withdrawn, merged, lapsed | complaint office (archive) |
    pub fn for_status(status: Status) -> Actor {
        use Status::*;
        match status {
            Received | AwaitingInformation | Registered => Actor::ComplaintOffice,
            Investigating | PlanReturned => Actor::InvestigationTeam,
            PlanDrafted => Actor::Management,
            Approved | Implementing | Objection | Rehandling => Actor::Department,
            ResultFedBack | FollowedUp | Closed | Archived | Destroyed => Actor::ComplaintOffice,
            Rejected | Withdrawn | Merged | Lapsed => Actor::ComplaintOffice,
        }
    }

    /// Who is responsible for meeting a stage's time limit (a ladder's `responsible`): the
    /// complaint office for registration, starting the emergency procedure (it assessed the
    /// emergency, §2.2.4) and the follow-up visit, the investigation team for the plan and the
    /// progress reports during the investigation (§3.3.3), the department for implementing the
    /// plan's time points (§4.3.1), feedback and re-handling.
    pub fn responsible_for(stage: Stage) -> Actor {
        match stage {
            Stage::Registration | Stage::EmergencyStart | Stage::FollowUp => Actor::ComplaintOffice,
            Stage::Plan | Stage::Progress => Actor::InvestigationTeam,
            Stage::Implementation | Stage::Feedback | Stage::Rehandling => Actor::Department,
        }
    }

    /// The actor a ladder's recipient names on `stage`.
    pub fn of_recipient(recipient: Recipient, stage: Stage) -> Actor {
        match recipient {
            Recipient::Responsible => Actor::responsible_for(stage),
            Recipient::ComplaintOffice => Actor::ComplaintOffice,
            Recipient::InvestigationTeam => Actor::InvestigationTeam,
            Recipient::Department => Actor::Department,
            Recipient::DepartmentHead => Actor::DepartmentHead,
            Recipient::Management => Actor::Management,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::REMINDER_STAGES;

    #[test]
    fn every_stage_has_a_ladder_key_and_someone_responsible() {
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(names, REMINDER_STAGES);
        assert_eq!(
            Actor::of_recipient(Recipient::Responsible, Stage::Plan),
            Actor::InvestigationTeam
        );
        assert_eq!(
            Actor::of_recipient(Recipient::Management, Stage::Plan),
            Actor::Management
        );
        // A recipient's name is the actor's name, `responsible` aside.
        for &r in Recipient::ALL {
            if r != Recipient::Responsible {
                assert_eq!(Actor::of_recipient(r, Stage::Feedback).as_str(), r.as_str());
            }
        }
    }
}
