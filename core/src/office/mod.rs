//! The office at work: many cases at once. Each morning's worklist, the reminder job and the
//! monthly report, straight from the cases' own histories.
//!
//! ```text
//! Caseload::replay(&policy, histories)        or Caseload::push(case) / push_keyed(case, keys)
//!   caseload.refused()                        histories that could not be replayed (index, code)
//!   caseload.worklist(now, &options)          every open case once, in working order
//!   caseload.reminders(from, to)              the ladder's reminders with an instant in [from, to)
//!   caseload.ledger(now)                      a stats::Ledger, one row per numbered case
//!     ledger.report(Granularity::Month, &policy)   on-time rates, overdue, working days, …
//! worklist(&cases, …), reminders(&cases, …), ledger(&cases, …)   the same over a slice of cases
//! ```
//!
//! **Worklist** ([`Worklist`]). Every open case (not closed, rejected, withdrawn, merged,
//! lapsed, archived or destroyed) once, with the stage whose clock presses most, its state, due
//! instant, time left or lateness, the department, and who should act
//! ([`Actor::for_status`]). Emergency cases first (§2.2.4),
//! then overdue cases by how late (latest first), then due-soon and open ones by time left
//! (least first), then paused clocks, then cases without a running clock (a plan awaiting
//! approval); ties in queue order (§2.2.4, [`crate::triage::QueueKey`]), then by position.
//! Counts by state, stage, department and actor. Filters by department and by the role that
//! should act. Only the complaint office's view carries the complainant's personal data
//! (§1.3.4): the department concerned, the investigation team, management and statistics get
//! entries without it.
//!
//! **Reminders** ([`Reminder`], see [`reminders`](mod@self::reminders)). The policy's ladder
//! (`[reminders]`) placed on every stage's clock and moved into the reminder hours of a
//! working day; exactly those with an instant in `[from, to)`, each with a stable id and the
//! rule that placed it.
//!
//! **Statistics** ([`Caseload::ledger`]). A row per numbered case: receipt, channel, category,
//! department, severity, track, outcome ([`Case::outcome`](crate::case::Case::outcome)), closing, the satisfaction of the
//! result report and of the follow-up visit, re-handling, the host's complainant key, and the
//! due and met instants of registration, the plan, the feedback and the follow-up visit
//! (first round), judged as of `now`. The report then gives the office indicators
//! ([`crate::stats::Indicators`]).
//!
//! ```
//! use complaint_office::case::Event;
//! use complaint_office::office::{Actor, Caseload, WorklistOptions};
//! use complaint_office::policy::Policy;
//! use complaint_office::privacy::Role;
//! use complaint_office::time::parse_instant;
//!
//! let history = |at: &str, number: &str| -> Vec<Event> {
//!     [
//!         format!(r#"{{"type": "received", "at": "{at}", "channel": "hotline",
//!             "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
//!             "content": "…"}}"#),
//!         format!(r#"{{"type": "registered", "at": "{at}", "number": "{number}"}}"#),
//!     ]
//!     .iter()
//!     .map(|e| Event::from_json_str(e).unwrap())
//!     .collect()
//! };
//! let caseload = Caseload::replay(
//!     &Policy::default(),
//!     [
//!         history("2025-09-01T10:00:00+08:00", "25090001"),
//!         history("2025-09-20T10:00:00+08:00", "25090002"),
//!     ],
//! );
//! let now = parse_instant("2025-09-22T09:00:00+08:00")?;
//! let list = caseload.worklist(now, &WorklistOptions::new(Role::Department));
//! // The plan of the first case (15 days from 1 September) is overdue: it comes first.
//! assert_eq!(list.entries[0].number.unwrap().to_string(), "25090001");
//! assert_eq!(list.entries[0].state.as_str(), "overdue");
//! assert_eq!(list.entries[0].act, Actor::ComplaintOffice);
//! assert!(list.entries[0].complainant.is_none()); // the department never sees who
//! assert_eq!(list.counts.by_state["open"], 1);
//!
//! // Monday's reminders.
//! let day = caseload.reminders(now, parse_instant("2025-09-23T00:00:00+08:00")?)?;
//! assert!(day.iter().all(|r| r.at.format("%H:%M").to_string() == "09:00"));
//! # Ok::<(), complaint_office::Error>(())
//! ```

mod caseload;
mod ledger;
pub mod reminders;
mod worklist;

pub use crate::case::Actor;
pub use caseload::{CaseKeys, Caseload, Refused};
pub use ledger::UNCLASSIFIED;
pub use reminders::Reminder;
pub use worklist::{Worklist, WorklistCounts, WorklistEntry, WorklistOptions};

use crate::case::Case;
use crate::error::ErrorCode;
use crate::stats::{Ledger, Record};
use crate::time::Instant;

/// Why the office could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OfficeError {
    /// A reminder window that ends before it starts.
    #[error("invalid reminder window: `to` is before `from`")]
    InvalidWindow,
    /// Histories in JSON that are not an array.
    #[error("invalid caseload: expected a JSON array of cases")]
    InvalidCaseload,
}

impl ErrorCode for OfficeError {
    fn code(&self) -> &'static str {
        match self {
            OfficeError::InvalidWindow => "office.invalid_window",
            OfficeError::InvalidCaseload => "office.invalid_caseload",
        }
    }
}

impl Caseload {
    /// The worklist at `now` (see the module documentation).
    pub fn worklist(&self, now: Instant, options: &WorklistOptions) -> Worklist {
        worklist::worklist(
            self.items(),
            Some(self.ranks()),
            self.refused(),
            now,
            options,
        )
    }

    /// The reminders with an instant in `[from, to)` (see [`reminders`](mod@reminders)).
    ///
    /// # Errors
    /// [`OfficeError::InvalidWindow`] when `to` is before `from`.
    pub fn reminders(&self, from: Instant, to: Instant) -> Result<Vec<Reminder>, OfficeError> {
        check_window(from, to)?;
        Ok(reminders::reminders(self.items(), from, to))
    }

    /// The ledger of the cases judged as of `now`: one row per numbered case, its line the
    /// case's position plus one; refused histories and cases not yet numbered are listed as
    /// rejected rows (the history's code; `stats.missing_value` in the `number` column).
    pub fn ledger(&self, now: Instant) -> Ledger {
        ledger::ledger(self.items(), self.refused(), now)
    }

    /// The ledger rows of the numbered cases, judged at `now`, as records (for a CSV export,
    /// or a ledger of another system's rows and these together). A row is the same at every
    /// `now` (a clock still running counts as due and not yet met); the ledger's `as_of`
    /// ([`Caseload::ledger`]) is what judges it.
    pub fn records(&self, now: Instant) -> Vec<Record> {
        // Kept in the signature so that hosts need not change; the rows do not depend on it.
        let _ = now;
        ledger::records(self.items())
    }
}

fn check_window(from: Instant, to: Instant) -> Result<(), OfficeError> {
    if to < from {
        return Err(OfficeError::InvalidWindow);
    }
    Ok(())
}

/// The worklist of some cases at `now`; an entry's index is the case's position.
pub fn worklist(cases: &[Case], now: Instant, options: &WorklistOptions) -> Worklist {
    worklist::worklist(caseload::items_of(cases), None, &[], now, options)
}

/// The reminders of some cases with an instant in `[from, to)`; a reminder's index is the
/// case's position.
///
/// # Errors
/// [`OfficeError::InvalidWindow`] when `to` is before `from`.
pub fn reminders(cases: &[Case], from: Instant, to: Instant) -> Result<Vec<Reminder>, OfficeError> {
    check_window(from, to)?;
    Ok(reminders::reminders(caseload::items_of(cases), from, to))
}

/// The ledger of some cases judged as of `now`; a row's line is the case's position plus one.
pub fn ledger(cases: &[Case], now: Instant) -> Ledger {
    ledger::ledger(caseload::items_of(cases), &[], now)
}

#[cfg(test)]
mod tests;
