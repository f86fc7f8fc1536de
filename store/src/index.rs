//! What the `cases` table keeps beside each history: the columns that let the store answer
//! "what is due", "what may be destroyed" and "what goes into the ledger" without replaying
//! every case. They are recomputed from the replayed case on every write, in the same
//! transaction as the event, so they never disagree with the history.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use complaint_office::archive;
use complaint_office::case::{Case, Event, EventBody, Satisfaction, Schedule, Stage};
use complaint_office::history::ChainHash;
use complaint_office::number::ComplaintNumber;
use complaint_office::time::{Instant, YearMonth, office_date};

use crate::error::{Result, StoreError};

/// Computes the instant of a case's next reminder for the reminder index
/// (`cases.next_reminder_at`), from the case and its schedule at its last event.
///
/// The store calls it on every write of an open case. Reminders themselves (who is reminded
/// of what, and when) are the subject of a later change; until then the store's default,
/// [`NoReminders`], leaves the column empty, and a host that wants reminders today plugs in
/// its own rule (a fixed time before the next due instant, say). After changing the rule,
/// [`Store::reindex`](crate::Store::reindex) recomputes the column for every stored case.
pub trait Reminders: Send + Sync + fmt::Debug {
    /// The next reminder, or `None` for no reminder.
    fn next_reminder(&self, case: &Case, schedule: &Schedule) -> Option<Instant>;
}

/// No reminders: `next_reminder_at` stays NULL. The store's default.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReminders;

impl Reminders for NoReminders {
    fn next_reminder(&self, _case: &Case, _schedule: &Schedule) -> Option<Instant> {
        None
    }
}

/// The row of the `cases` table for a case at its current version.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CaseRow {
    pub number: Option<ComplaintNumber>,
    pub version: u64,
    pub head: ChainHash,
    pub status: &'static str,
    pub received_at: i64,
    pub registered_at: Option<i64>,
    pub channel: &'static str,
    pub category: Option<String>,
    pub department: Option<String>,
    pub severity: Option<&'static str>,
    pub closed_at: Option<i64>,
    pub satisfied: Option<bool>,
    pub next_due_at: Option<i64>,
    pub next_due_stage: Option<&'static str>,
    pub next_reminder_at: Option<i64>,
    pub archived_on: Option<String>,
    pub retention_last_day: Option<String>,
    pub legal_hold: bool,
    pub destruction_approved_on: Option<String>,
    pub destruction_approved_by: Option<String>,
    pub updated_at: i64,
}

impl CaseRow {
    /// The row of `case`, rebuilt from `events`, whose chain ends at `head`.
    pub fn of(
        case: &Case,
        events: &[Event],
        head: ChainHash,
        reminders: &dyn Reminders,
    ) -> Result<CaseRow> {
        let schedule = case.schedule(case.last_event_at());
        CaseRow::with_schedule(case, events, head, &schedule, reminders)
    }

    /// As [`CaseRow::of`], with the case's schedule at its last event already computed (the
    /// costly part: a registration computes it before it locks the month's counter, from the
    /// same case registered under the month's first number, which has the same deadlines).
    pub fn with_schedule(
        case: &Case,
        events: &[Event],
        head: ChainHash,
        schedule: &Schedule,
        reminders: &dyn Reminders,
    ) -> Result<CaseRow> {
        let office = case.policy().office_offset();
        let next_due = schedule
            .running()
            .filter_map(|s| s.due.map(|due| (due, s.stage)))
            .min_by_key(|(due, _)| *due);
        let FromEvents {
            closed_at,
            satisfied,
            approval,
        } = from_events(events, office);
        let archived_on = case.archived_on();
        let retention_last_day = archived_on
            .map(|on| archive::expiry(case.policy(), on).map(|e| e.last_day))
            .transpose()?;
        Ok(CaseRow {
            number: case.number(),
            version: events.len() as u64,
            head,
            status: case.status().as_str(),
            received_at: case.received_at().timestamp(),
            registered_at: case.registered_at().map(|at| at.timestamp()),
            channel: case.complaint().channel.as_str(),
            category: case.category().map(str::to_owned),
            department: case.department().map(str::to_owned),
            severity: case.assessment().map(|a| a.severity.as_str()),
            closed_at: closed_at.map(|at| at.timestamp()),
            satisfied,
            next_due_at: next_due.map(|(due, _)| due.timestamp()),
            next_due_stage: next_due.map(|(_, stage)| stage.as_str()),
            next_reminder_at: reminders
                .next_reminder(case, schedule)
                .map(|at| at.timestamp()),
            archived_on: archived_on.map(|d| d.to_string()),
            retention_last_day: retention_last_day.map(|d| d.to_string()),
            legal_hold: case.legal_hold(),
            destruction_approved_on: approval.as_ref().map(|(on, _)| on.to_string()),
            destruction_approved_by: approval.and_then(|(_, by)| by),
            updated_at: case.last_event_at().timestamp(),
        })
    }

    /// The month (`YYYY-MM`, office time of receipt) and serial of the number, if any.
    pub fn month_serial(&self) -> Option<(String, u32)> {
        self.number
            .map(|n| (n.year_month().to_string(), n.serial()))
    }
}

/// What the case does not expose but its events say.
struct FromEvents {
    /// When it was closed.
    closed_at: Option<Instant>,
    /// Whether the complainant was satisfied in the end: the last follow-up visit, else the
    /// last written report (an objection clears both).
    satisfied: Option<bool>,
    /// Leadership's approval of destruction: its office date and approver.
    approval: Option<(NaiveDate, Option<String>)>,
}

fn from_events(events: &[Event], office: FixedOffset) -> FromEvents {
    let mut closed_at = None;
    let mut reported = None;
    let mut visited = None;
    let mut approval = None;
    for event in events {
        match &event.body {
            EventBody::Closed(_) => closed_at = Some(event.at),
            EventBody::ResultFedBack(report) => reported = Some(report.satisfaction),
            EventBody::FollowUpVisited(visit) => visited = Some(visit.satisfaction),
            // An objection reopens the question: the next report or visit answers it.
            EventBody::ObjectionRaised(_) => (reported, visited) = (None, None),
            EventBody::DestructionApproved(_) => {
                approval = Some((office_date(event.at, office), event.by.clone()));
            }
            _ => {}
        }
    }
    let satisfied = match visited.or(reported) {
        Some(Satisfaction::Satisfied) => Some(true),
        Some(Satisfaction::Unsatisfied) => Some(false),
        _ => None,
    };
    FromEvents {
        closed_at,
        satisfied,
        approval,
    }
}

/// The month a complaint received at `at` is numbered in (office time).
pub(crate) fn number_month(case: &Case) -> YearMonth {
    YearMonth::of_instant(case.received_at(), case.policy().office_offset())
}

/// An index instant (Unix seconds) back as an instant in `office` time.
pub(crate) fn instant_at(seconds: i64, office: FixedOffset) -> Result<Instant> {
    DateTime::from_timestamp(seconds, 0)
        .map(|at| at.with_timezone(&office))
        .ok_or(StoreError::Corrupt { what: "instant" })
}

/// A stage name of the index back as a [`Stage`].
pub(crate) fn stage_of(name: &str) -> Result<Stage> {
    name.parse()
        .map_err(|_| StoreError::Corrupt { what: "stage" })
}
