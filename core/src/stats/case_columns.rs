//! The ledger's case columns: what a case's own history tells statistics beyond the eight
//! classic columns — track, outcome, re-handling, the follow-up visit's satisfaction, the
//! complainant's key for repeat complaints, and the due and met instants of the stages whose
//! on-time rates the report gives.
//!
//! All are optional, as columns and per row. A ledger built from cases
//! ([`crate::office::Caseload::ledger`]) has them all; a CSV file has those of its header that
//! carry these names (fixed names, in any order, among the others); records and columnar
//! input set them field by field. The report's office indicators
//! ([`Indicators`](super::Indicators)) appear when a ledger has any of them.

use serde::Serialize;

use super::intern::Interner;
use super::ledger::NONE;
use super::timestamp::Epoch;
use crate::time::Instant;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How a complaint ended, or that it has not (§5–§6): the `outcome` column of a ledger
    /// built from cases. A ledger from another system may hold other words; they are counted
    /// as written.
    pub enum Outcome("outcome", "stats.unknown_outcome") {
        /// Handled to the end: the follow-up visit made and the case closed.
        Resolved = "resolved",
        /// Not admitted as a complaint.
        Rejected = "rejected",
        /// Withdrawn by the complainant.
        Withdrawn = "withdrawn",
        /// Merged into another case as a duplicate.
        Merged = "merged",
        /// Lapsed: the complainant never supplied what was missing.
        Lapsed = "lapsed",
        /// Still open.
        Open = "open",
    }
}

vocabulary! {
    /// A stage whose on-time rate the report gives (§1.3.2).
    pub enum MeasuredStage("measured stage", "stats.unknown_stage") {
        /// §2.2.1: registration.
        Registration = "registration",
        /// §4.1.2: the handling plan.
        Plan = "plan",
        /// §4.4.1: the result fed back.
        Feedback = "feedback",
        /// §5.2.1: the follow-up visit.
        FollowUp = "follow_up",
    }
}

/// A stage's time limit in a ledger row: when it fell due and when it was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimeLimit {
    /// The due instant: met before it is on time.
    pub due: Instant,
    /// When the stage was met; none while it is not.
    pub met_at: Option<Instant>,
}

/// The case columns, in the order a row's cells are checked (after the eight classic ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseField {
    Track,
    Outcome,
    Rehandled,
    FollowUpSatisfied,
    ComplainantKey,
    /// `<stage>_due` of [`MeasuredStage::ALL`]`[i]`.
    Due(usize),
    /// `<stage>_met_at`.
    Met(usize),
}

pub(crate) const STAGES: usize = 4;

impl CaseField {
    /// Every case column, in checking order.
    pub(crate) fn all() -> impl Iterator<Item = CaseField> {
        [
            CaseField::Track,
            CaseField::Outcome,
            CaseField::Rehandled,
            CaseField::FollowUpSatisfied,
            CaseField::ComplainantKey,
        ]
        .into_iter()
        .chain((0..STAGES).flat_map(|i| [CaseField::Due(i), CaseField::Met(i)]))
    }

    /// The column's name (fixed, in CSV headers and records alike).
    pub(crate) fn name(self) -> &'static str {
        const DUE: [&str; STAGES] = [
            "registration_due",
            "plan_due",
            "feedback_due",
            "follow_up_due",
        ];
        const MET: [&str; STAGES] = [
            "registration_met_at",
            "plan_met_at",
            "feedback_met_at",
            "follow_up_met_at",
        ];
        match self {
            CaseField::Track => "track",
            CaseField::Outcome => "outcome",
            CaseField::Rehandled => "rehandled",
            CaseField::FollowUpSatisfied => "follow_up_satisfied",
            CaseField::ComplainantKey => "complainant_key",
            CaseField::Due(i) => DUE.get(i).copied().unwrap_or("due"),
            CaseField::Met(i) => MET.get(i).copied().unwrap_or("met_at"),
        }
    }

    /// The position of the column among [`CaseField::all`].
    pub(crate) fn position(self) -> usize {
        match self {
            CaseField::Track => 0,
            CaseField::Outcome => 1,
            CaseField::Rehandled => 2,
            CaseField::FollowUpSatisfied => 3,
            CaseField::ComplainantKey => 4,
            CaseField::Due(i) => 5 + 2 * i,
            CaseField::Met(i) => 6 + 2 * i,
        }
    }
}

/// The number of case columns.
pub(crate) const CASE_FIELDS: usize = 5 + 2 * STAGES;

/// A row's case cells, each read to a value or the code of its problem; names are raw bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CaseCells<'a> {
    pub(crate) track: Option<&'a [u8]>,
    pub(crate) outcome: Option<&'a [u8]>,
    pub(crate) rehandled: Result<Option<bool>, &'static str>,
    pub(crate) follow_up_satisfied: Result<Option<bool>, &'static str>,
    pub(crate) complainant_key: Option<&'a [u8]>,
    pub(crate) due: [Result<Option<Epoch>, &'static str>; STAGES],
    pub(crate) met: [Result<Option<Epoch>, &'static str>; STAGES],
}

impl Default for CaseCells<'_> {
    /// No case cell at all.
    fn default() -> Self {
        CaseCells {
            track: None,
            outcome: None,
            rehandled: Ok(None),
            follow_up_satisfied: Ok(None),
            complainant_key: None,
            due: [Ok(None); STAGES],
            met: [Ok(None); STAGES],
        }
    }
}

impl CaseCells<'_> {
    /// Whether any cell holds a value (or a problem).
    pub(crate) fn any(&self) -> bool {
        self.track.is_some()
            || self.outcome.is_some()
            || !matches!(self.rehandled, Ok(None))
            || !matches!(self.follow_up_satisfied, Ok(None))
            || self.complainant_key.is_some()
            || self
                .due
                .iter()
                .chain(&self.met)
                .any(|c| !matches!(c, Ok(None)))
    }
}

/// A row's case values, checked, ready to store.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CaseValues {
    track: u32,
    outcome: u32,
    rehandled: u8,
    follow_up: u8,
    complainant: u32,
    due: [Epoch; STAGES],
    met: [Epoch; STAGES],
}

/// No instant: a stage without a due instant, or one not met.
pub(crate) const NO_TIME: Epoch = Epoch::MIN;

impl CaseValues {
    /// The values of a row without any case cell.
    pub(crate) const EMPTY: CaseValues = CaseValues {
        track: NONE,
        outcome: NONE,
        rehandled: 0,
        follow_up: 0,
        complainant: NONE,
        due: [NO_TIME; STAGES],
        met: [NO_TIME; STAGES],
    };
}

/// The case columns of a ledger. A column is empty until a row gives it a value, then as long
/// as the ledger (rows before filled with "none"); read it with the getters, which answer
/// "none" past its end.
#[derive(Debug, Clone, Default)]
pub(crate) struct CaseColumns {
    /// Whether the input had any case column at all (the report's indicators appear then).
    pub(crate) present: bool,
    track: Vec<u32>,
    outcome: Vec<u32>,
    /// 0 unknown, 1 no, 2 yes.
    rehandled: Vec<u8>,
    /// 0 unanswered, 1 not satisfied, 2 satisfied.
    follow_up: Vec<u8>,
    complainant: Vec<u32>,
    due: [Vec<Epoch>; STAGES],
    met: [Vec<Epoch>; STAGES],
    pub(crate) tracks: Interner,
    pub(crate) outcomes: Interner,
    pub(crate) complainants: Interner,
}

/// Pushes `value` for row `row` of a lazily filled column.
#[inline]
fn put<T: Copy + PartialEq>(column: &mut Vec<T>, row: usize, value: T, none: T) {
    if column.is_empty() {
        if value == none {
            return;
        }
        column.resize(row, none);
    }
    column.push(value);
}

#[inline]
fn get<T: Copy>(column: &[T], row: usize, none: T) -> T {
    column.get(row).copied().unwrap_or(none)
}

impl CaseColumns {
    /// Checks a row's case cells: the first problem, in column order, with its column.
    pub(crate) fn check(
        &mut self,
        cells: &CaseCells<'_>,
    ) -> Result<CaseValues, (CaseField, &'static str)> {
        let optional = |table: &mut Interner, cell: Option<&[u8]>, field: CaseField| match cell
            .map(super::ledger::trim)
        {
            None | Some([]) => Ok(NONE),
            Some(cell) => table.intern(cell).ok_or((field, "stats.invalid_text")),
        };
        let flag = |cell: Result<Option<bool>, &'static str>, field: CaseField| match cell {
            Ok(None) => Ok(0u8),
            Ok(Some(false)) => Ok(1),
            Ok(Some(true)) => Ok(2),
            Err(code) => Err((field, code)),
        };
        let track = optional(&mut self.tracks, cells.track, CaseField::Track)?;
        let outcome = optional(&mut self.outcomes, cells.outcome, CaseField::Outcome)?;
        let rehandled = flag(cells.rehandled, CaseField::Rehandled)?;
        let follow_up = flag(cells.follow_up_satisfied, CaseField::FollowUpSatisfied)?;
        let complainant = optional(
            &mut self.complainants,
            cells.complainant_key,
            CaseField::ComplainantKey,
        )?;
        let mut due = [NO_TIME; STAGES];
        let mut met = [NO_TIME; STAGES];
        for i in 0..STAGES {
            let d = cells.due[i].map_err(|c| (CaseField::Due(i), c))?;
            let m = cells.met[i].map_err(|c| (CaseField::Met(i), c))?;
            if d.is_none() && m.is_some() {
                return Err((CaseField::Due(i), "stats.missing_value"));
            }
            due[i] = d.unwrap_or(NO_TIME);
            met[i] = m.unwrap_or(NO_TIME);
        }
        Ok(CaseValues {
            track,
            outcome,
            rehandled,
            follow_up,
            complainant,
            due,
            met,
        })
    }

    /// Whether no row has given any column a value yet: a row without case cells then has
    /// nothing to store.
    pub(crate) fn unused(&self) -> bool {
        self.track.is_empty()
            && self.outcome.is_empty()
            && self.rehandled.is_empty()
            && self.follow_up.is_empty()
            && self.complainant.is_empty()
            && self.due.iter().chain(&self.met).all(Vec::is_empty)
    }

    /// Stores a checked row as row `row` of the ledger.
    pub(crate) fn store(&mut self, row: usize, v: &CaseValues) {
        put(&mut self.track, row, v.track, NONE);
        put(&mut self.outcome, row, v.outcome, NONE);
        put(&mut self.rehandled, row, v.rehandled, 0);
        put(&mut self.follow_up, row, v.follow_up, 0);
        put(&mut self.complainant, row, v.complainant, NONE);
        for i in 0..STAGES {
            put(&mut self.due[i], row, v.due[i], NO_TIME);
            put(&mut self.met[i], row, v.met[i], NO_TIME);
        }
    }

    /// The track of row `i` (an index into `tracks`), or [`NONE`].
    pub(crate) fn track(&self, i: usize) -> u32 {
        get(&self.track, i, NONE)
    }

    /// The outcome of row `i` (an index into `outcomes`), or [`NONE`].
    pub(crate) fn outcome(&self, i: usize) -> u32 {
        get(&self.outcome, i, NONE)
    }

    /// Whether row `i` was handled again: 0 unknown, 1 no, 2 yes.
    pub(crate) fn rehandled(&self, i: usize) -> u8 {
        get(&self.rehandled, i, 0)
    }

    /// The follow-up visit's satisfaction of row `i`: 0 unanswered, 1 no, 2 yes.
    pub(crate) fn follow_up(&self, i: usize) -> u8 {
        get(&self.follow_up, i, 0)
    }

    /// The complainant key of row `i` (an index into `complainants`), or [`NONE`].
    pub(crate) fn complainant(&self, i: usize) -> u32 {
        get(&self.complainant, i, NONE)
    }

    /// The due and met instants of stage `s` in row `i`, or [`NO_TIME`].
    pub(crate) fn limit(&self, s: usize, i: usize) -> (Epoch, Epoch) {
        match (self.due.get(s), self.met.get(s)) {
            (Some(due), Some(met)) => (get(due, i, NO_TIME), get(met, i, NO_TIME)),
            _ => (NO_TIME, NO_TIME),
        }
    }

    /// Whether any row has a complainant key.
    pub(crate) fn has_complainants(&self) -> bool {
        !self.complainant.is_empty()
    }

    /// The latest met instant of any row and stage (for the report's "as of").
    pub(crate) fn latest_met(&self) -> Option<Epoch> {
        self.met
            .iter()
            .flatten()
            .copied()
            .filter(|&m| m != NO_TIME)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_lazily_and_answer_none_past_their_end() {
        let mut c = CaseColumns::default();
        let none = c.check(&CaseCells::default()).unwrap();
        c.store(0, &none);
        assert_eq!(c.track.len(), 0);
        let cells = CaseCells {
            track: Some(b"major"),
            rehandled: Ok(Some(true)),
            ..CaseCells::default()
        };
        let v = c.check(&cells).unwrap();
        c.store(1, &v);
        assert_eq!(c.track, [NONE, 0]);
        assert_eq!(c.rehandled(1), 2);
        assert_eq!(c.rehandled(0), 0);
        assert_eq!(c.rehandled(7), 0);
        assert_eq!(c.outcome(1), NONE);
        assert_eq!(c.tracks.name(0), "major");
    }

    #[test]
    fn a_met_stage_needs_its_due_instant() {
        let mut c = CaseColumns::default();
        let mut cells = CaseCells::default();
        cells.met[1] = Ok(Some(5));
        let e = c.check(&cells).unwrap_err();
        assert_eq!(e, (CaseField::Due(1), "stats.missing_value"));
        assert_eq!(e.0.name(), "plan_due");
        assert_eq!(CaseField::all().count(), CASE_FIELDS);
        for (i, f) in CaseField::all().enumerate() {
            assert_eq!(f.position(), i);
        }
    }
}
