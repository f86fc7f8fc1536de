//! The worklist: every open case once, in the order an office works it.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::caseload::{Item, Refused};
use crate::case::{Actor, Case, SlaState, Stage, StageDeadline, Status};
use crate::number::ComplaintNumber;
use crate::privacy::{PersonalData, Role};
use crate::time::{Instant, in_office};
use crate::triage::{self, Complexity, QueueKey, Severity, Track, Urgency};

/// What a worklist shows, and to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorklistOptions {
    /// Who looks (§1.3.4): only the complaint office's worklist carries the complainant's
    /// personal data; every other role's carries none.
    pub view: Role,
    /// Only the cases of this department.
    pub department: Option<String>,
    /// Only the cases this role should act on.
    pub role: Option<Actor>,
}

impl WorklistOptions {
    /// Every open case, as `view` may see it.
    pub fn new(view: Role) -> Self {
        WorklistOptions {
            view,
            department: None,
            role: None,
        }
    }
}

/// One case on the worklist: the stage that presses most, how it stands and who should act.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorklistEntry {
    /// The case's position in the host's list.
    pub index: usize,
    /// The host's key of the case, if given.
    pub key: Option<String>,
    /// The complaint number, once registered.
    pub number: Option<ComplaintNumber>,
    /// Where the case stands.
    pub status: Status,
    /// The stage whose clock presses most: overdue longest, else least time left, else paused;
    /// none when no clock runs (a plan awaiting approval, say).
    pub stage: Option<Stage>,
    /// Its handling round (0 the first; re-handling rounds after).
    pub round: Option<usize>,
    /// The clause that sets the stage's limit.
    pub clause: Option<&'static str>,
    /// `overdue`, `due_soon`, `open`, `paused`, or `pending` when no clock runs.
    pub state: SlaState,
    /// The stage's due instant.
    pub due: Option<Instant>,
    /// The stage's last day.
    pub last_day: Option<NaiveDate>,
    /// Seconds left before `due`.
    pub remaining_seconds: Option<i64>,
    /// Seconds past `due`.
    pub late_seconds: Option<i64>,
    /// Working days past the last day.
    pub late_working_days: Option<i64>,
    /// Who should act now.
    pub act: Actor,
    /// The department concerned, once classified.
    pub department: Option<String>,
    /// The category, once classified.
    pub category: Option<String>,
    /// The handling track.
    pub track: Track,
    /// Whether the emergency procedure applies (§2.2.4).
    pub emergency: bool,
    /// The case's place in the queue (§2.2.4) as text that sorts in queue order.
    pub queue_key: String,
    /// When the complaint was received.
    pub received_at: Instant,
    /// The complainant's personal data, in the complaint office's view only; none for every
    /// other role.
    pub complainant: Option<PersonalData>,
    #[serde(skip)]
    order: Order,
}

/// How many entries of each kind.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct WorklistCounts {
    /// Entries on the list.
    pub total: u64,
    /// By state.
    pub by_state: BTreeMap<String, u64>,
    /// By stage (entries with a running or paused clock).
    pub by_stage: BTreeMap<String, u64>,
    /// By department (classified cases).
    pub by_department: BTreeMap<String, u64>,
    /// By who should act.
    pub by_actor: BTreeMap<String, u64>,
}

/// An office's worklist at an instant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worklist {
    /// The instant the states refer to, as given.
    pub now: Instant,
    /// Every open case that passes the filters, in working order.
    pub entries: Vec<WorklistEntry>,
    /// The entries counted.
    pub counts: WorklistCounts,
    /// The histories that could not be replayed (by position and code only).
    pub refused: Vec<Refused>,
}

/// The sort key of an entry: emergencies first, then overdue (latest first), due soon and
/// open (least left first), paused, pending; ties in queue order, then by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Order {
    routine: bool,
    group: u8,
    measure: i64,
    queue: Option<QueueKey>,
}

impl PartialOrd for Order {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Order {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.routine, self.group, self.measure, self.queue).cmp(&(
            other.routine,
            other.group,
            other.measure,
            other.queue,
        ))
    }
}

/// Whether a case still needs work: every status but closed, the dispositions (rejected,
/// withdrawn, merged, lapsed), archived and destroyed.
pub(crate) fn is_open(status: Status) -> bool {
    !matches!(
        status,
        Status::Closed
            | Status::Rejected
            | Status::Withdrawn
            | Status::Merged
            | Status::Lapsed
            | Status::Archived
            | Status::Destroyed
    )
}

fn group(state: SlaState) -> u8 {
    match state {
        SlaState::Overdue => 0,
        SlaState::DueSoon => 1,
        SlaState::Open => 2,
        SlaState::Paused => 3,
        // Done, or waiting on no one's clock: a plan before management has its own stage
        // state (`submitted`), a case that ended stops its clocks.
        SlaState::Pending
        | SlaState::Met
        | SlaState::MetLate
        | SlaState::Submitted
        | SlaState::Stopped => 4,
    }
}

/// The stage that presses most at the schedule's instant.
fn pressing(stages: &[StageDeadline]) -> Option<&StageDeadline> {
    let measure = |s: &StageDeadline| match s.state {
        SlaState::Overdue => -s.late_seconds.unwrap_or(0),
        _ => s.remaining_seconds.unwrap_or(i64::MAX),
    };
    stages
        .iter()
        .filter(|s| group(s.state) < 4)
        .min_by_key(|s| (group(s.state), measure(s)))
}

/// The queue key of a case: its assessment's, or a general, normal, simple complaint's until
/// it is assessed.
pub(crate) fn queue_key(case: &Case) -> QueueKey {
    let (severity, urgency, complexity) = case.assessment().map_or(
        (Severity::General, Urgency::Normal, Complexity::Simple),
        |a| (a.severity, a.urgency, a.complexity),
    );
    let assessment = triage::assess(case.policy(), severity, urgency, complexity);
    QueueKey::new(&assessment, case.received_at())
}

pub(crate) fn worklist<'a>(
    items: impl Iterator<Item = Item<'a>>,
    refused: &[Refused],
    now: Instant,
    options: &WorklistOptions,
) -> Worklist {
    let mut entries: Vec<WorklistEntry> = items
        .filter(|item| is_open(item.case.status()))
        .filter(|item| {
            options
                .department
                .as_deref()
                .is_none_or(|d| item.case.department() == Some(d))
        })
        .filter_map(|item| entry(item, now, options))
        .collect();
    entries.sort_by(|a, b| a.order.cmp(&b.order).then(a.index.cmp(&b.index)));
    let mut counts = WorklistCounts {
        total: entries.len() as u64,
        ..WorklistCounts::default()
    };
    for e in &entries {
        *counts
            .by_state
            .entry(e.state.as_str().to_owned())
            .or_insert(0) += 1;
        if let Some(stage) = e.stage {
            *counts
                .by_stage
                .entry(stage.as_str().to_owned())
                .or_insert(0) += 1;
        }
        if let Some(d) = &e.department {
            *counts.by_department.entry(d.clone()).or_insert(0) += 1;
        }
        *counts
            .by_actor
            .entry(e.act.as_str().to_owned())
            .or_insert(0) += 1;
    }
    Worklist {
        now,
        entries,
        counts,
        refused: refused.to_vec(),
    }
}

fn entry(item: Item<'_>, now: Instant, options: &WorklistOptions) -> Option<WorklistEntry> {
    let case = item.case;
    let act = Actor::for_status(case.status());
    if options.role.is_some_and(|r| r != act) {
        return None;
    }
    let schedule = case.schedule(now);
    let stage = pressing(&schedule.stages);
    let state = stage.map_or(SlaState::Pending, |s| s.state);
    let queue = queue_key(case);
    let order = Order {
        routine: !case.emergency(),
        group: group(state),
        measure: match stage {
            Some(s) if s.state == SlaState::Overdue => -s.late_seconds.unwrap_or(0),
            Some(s) => s.remaining_seconds.unwrap_or(0),
            None => 0,
        },
        queue: Some(queue),
    };
    let office = case.policy().office_offset();
    Some(WorklistEntry {
        index: item.index,
        key: item.key.map(str::to_owned),
        number: case.number(),
        status: case.status(),
        stage: stage.map(|s| s.stage),
        round: stage.map(|s| s.round),
        clause: stage.map(|s| s.clause),
        state,
        due: stage.and_then(|s| s.due).map(|d| in_office(d, office)),
        last_day: stage.and_then(|s| s.last_day),
        remaining_seconds: stage.and_then(|s| s.remaining_seconds),
        late_seconds: stage.and_then(|s| s.late_seconds),
        late_working_days: stage.and_then(|s| s.late_working_days),
        act,
        department: case.department().map(str::to_owned),
        category: case.category().map(str::to_owned),
        track: case.track(),
        emergency: case.emergency(),
        queue_key: queue.sort_key(),
        received_at: in_office(case.received_at(), office),
        complainant: (options.view == Role::Office)
            .then(|| case.personal_data().view(Role::Office)),
        order,
    })
}
