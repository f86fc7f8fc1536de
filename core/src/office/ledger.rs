//! Statistics straight from cases: a ledger row per case, built from its own history.

use super::caseload::{Item, Refused, prepared};
use crate::case::{Case, Satisfaction, SlaState, Stage};
use crate::stats::{Ledger, LedgerBuilder, Leniency, MeasuredStage, Record, TimeLimit};
use crate::time::Instant;

/// The category and department of a case not yet classified, in its ledger row.
pub const UNCLASSIFIED: &str = "unclassified";

fn answered(s: Option<Satisfaction>) -> Option<bool> {
    match s? {
        Satisfaction::Satisfied => Some(true),
        Satisfaction::Unsatisfied => Some(false),
        Satisfaction::Unknown => None,
    }
}

/// The schedule's stage of a measured stage.
fn stage_of(s: MeasuredStage) -> Stage {
    match s {
        MeasuredStage::Registration => Stage::Registration,
        MeasuredStage::Plan => Stage::Plan,
        MeasuredStage::Feedback => Stage::Feedback,
        MeasuredStage::FollowUp => Stage::FollowUp,
    }
}

/// Fills `record` with a case's row (the same at every instant: the ledger is judged as of
/// its `as_of`). The number must be set by the caller.
fn fill(record: &mut Record, item: Item<'_>) {
    let case = item.case;
    let set = |slot: &mut String, value: &str| {
        slot.clear();
        slot.push_str(value);
    };
    let set_opt = |slot: &mut Option<String>, value: Option<&str>| match value {
        Some(v) => set(slot.get_or_insert_with(String::new), v),
        None => *slot = None,
    };
    record.received_at = case.received_at();
    set_opt(&mut record.channel, Some(case.complaint().channel.as_str()));
    set(
        &mut record.category,
        case.category().unwrap_or(UNCLASSIFIED),
    );
    set(
        &mut record.department,
        case.department().unwrap_or(UNCLASSIFIED),
    );
    let assessment = case.assessment();
    set_opt(
        &mut record.severity,
        assessment.map(|a| a.severity.as_str()),
    );
    set_opt(&mut record.track, assessment.map(|a| a.track.as_str()));
    set_opt(&mut record.outcome, Some(case.outcome().as_str()));
    set_opt(&mut record.complainant_key, item.complainant_key);
    record.closed_at = case.closed_at();
    record.satisfied = answered(case.result_satisfaction());
    record.follow_up_satisfied = answered(case.follow_up_satisfaction());
    let cell = item.prepared.map(|p| &p.ledger);
    prepared(
        cell,
        || Prepared::of(case),
        |p| {
            record.rehandled = Some(p.rehandled);
            [
                record.registration,
                record.plan,
                record.feedback,
                record.follow_up,
            ] = p.limits;
        },
    );
}

/// The schedule's part of a case's ledger row, the same at every instant (kept with the case
/// in a caseload): whether it was handled again, and the time limit of registration, the
/// plan, the feedback and the follow-up visit (first round). A clock that runs counts the same
/// at every `now`: due, not yet met.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Prepared {
    rehandled: bool,
    limits: [Option<TimeLimit>; 4],
}

impl Prepared {
    fn of(case: &Case) -> Self {
        let schedule = case.schedule(case.received_at());
        let limit = |m: MeasuredStage| {
            let stage = stage_of(m);
            schedule
                .stages
                .iter()
                .find(|s| s.stage == stage && s.round == 0)
                // Not started, waiting, or stopped in time by the case's end: no limit to count.
                .filter(|s| match s.state {
                    SlaState::Pending | SlaState::Paused => false,
                    SlaState::Stopped => s.is_late(),
                    _ => true,
                })
                .and_then(|s| {
                    s.due.map(|due| TimeLimit {
                        due,
                        // A plan before management stopped its clock when it was submitted.
                        met_at: match s.state {
                            SlaState::Submitted => s.stopped_at,
                            _ => s.met_at,
                        },
                    })
                })
        };
        Prepared {
            rehandled: schedule.stages.iter().any(|s| s.stage == Stage::Rehandling),
            limits: [
                limit(MeasuredStage::Registration),
                limit(MeasuredStage::Plan),
                limit(MeasuredStage::Feedback),
                limit(MeasuredStage::FollowUp),
            ],
        }
    }
}

/// The ledger rows of some cases, as records (refused histories and cases without a number
/// have none).
pub(crate) fn records<'a>(items: impl Iterator<Item = Item<'a>>) -> Vec<Record> {
    items
        .filter_map(|item| {
            let number = item.case.number()?;
            let mut record = Record::new(number, item.case.received_at(), "", "");
            fill(&mut record, item);
            Some(record)
        })
        .collect()
}

/// The ledger of some cases, judged as of `now`. A row's line is its case's position plus
/// one. Refused histories and cases without a number (not yet registered) are listed as
/// rejected rows: the history's code, or `stats.missing_value` in the `number` column.
pub(crate) fn ledger<'a>(
    items: impl Iterator<Item = Item<'a>>,
    refused: &[Refused],
    now: Instant,
) -> Ledger {
    let mut builder = LedgerBuilder::new(Leniency::Lenient);
    let mut record: Option<Record> = None;
    let mut refused = refused.iter().peekable();
    for item in items {
        while let Some(r) = refused.next_if(|r| r.index < item.index) {
            // Lenient: never an error.
            let _ = builder.reject(r.index as u64 + 1, None, r.code);
        }
        let line = item.index as u64 + 1;
        let Some(number) = item.case.number() else {
            let _ = builder.reject(line, Some("number"), "stats.missing_value");
            continue;
        };
        let record =
            record.get_or_insert_with(|| Record::new(number, item.case.received_at(), "", ""));
        record.number = number;
        fill(record, item);
        // Lenient: a bad row is listed, not an error.
        let _ = builder.push(line, record);
    }
    for r in refused {
        let _ = builder.reject(r.index as u64 + 1, None, r.code);
    }
    let mut ledger = builder.finish();
    ledger.set_as_of(now);
    ledger
}
