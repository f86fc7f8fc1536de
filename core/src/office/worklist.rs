//! The worklist: every open case once, in the order an office works it.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::caseload::{Item, Refused, prepared};
use crate::case::{Actor, Case, Running, SlaState, Stage, Status, calendar_of};
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

impl Order {
    /// `(routine, group, measure)` as one number that sorts the same way.
    fn packed(&self) -> u128 {
        let measure = (self.measure as u64) ^ (1 << 63);
        (u128::from(self.routine) << 72) | (u128::from(self.group) << 64) | u128::from(measure)
    }
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

/// What a case's worklist entry needs that does not depend on `now` (kept with the case in a
/// caseload): the clocks that can press (running or paused), in schedule order, and the
/// case's queue key.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    clocks: Box<[Clock]>,
    queue: QueueKey,
    queue_key: String,
}

/// A clock that may press: running (its state depends on `now`) or paused.
#[derive(Debug, Clone, Copy)]
struct Clock {
    stage: Stage,
    round: usize,
    /// None while paused.
    running: Option<Running>,
}

impl Prepared {
    fn of(case: &Case) -> Self {
        // Which clocks run, and their due instants, are the same at every instant: the
        // schedule at receipt has them.
        let schedule = case.schedule(case.received_at());
        let sla = case.policy().sla();
        let clocks = schedule
            .stages
            .iter()
            .filter_map(|s| {
                let running = Running::of(s, sla, calendar_of(case, s.stage).1);
                (running.is_some() || s.state == SlaState::Paused).then_some(Clock {
                    stage: s.stage,
                    round: s.round,
                    running,
                })
            })
            .collect();
        let queue = queue_key(case);
        Prepared {
            clocks,
            queue,
            queue_key: queue.sort_key(),
        }
    }
}

/// The stage that presses most at `now`, as [`Case::schedule`] would give it.
#[derive(Debug, Clone, Copy)]
struct Pressing {
    stage: Stage,
    round: usize,
    state: SlaState,
    due: Option<Instant>,
    last_day: Option<NaiveDate>,
    remaining_seconds: Option<i64>,
    late_seconds: Option<i64>,
    late_working_days: Option<i64>,
}

/// The stage that presses most at `now`: overdue longest, else least time left, else paused;
/// the first in schedule order of equals.
fn pressing(case: &Case, clocks: &[Clock], now: Instant) -> Option<Pressing> {
    let mut best: Option<((u8, i64), Pressing)> = None;
    for clock in clocks {
        let p = match clock.running {
            Some(running) => {
                let (_, calendar) = calendar_of(case, clock.stage);
                let at = running.at(case.policy().sla(), calendar, now);
                Pressing {
                    stage: clock.stage,
                    round: clock.round,
                    state: at.state,
                    due: Some(running.due),
                    last_day: Some(running.last_day),
                    remaining_seconds: at.remaining_seconds,
                    late_seconds: at.late_seconds,
                    late_working_days: at.late_working_days,
                }
            }
            None => Pressing {
                stage: clock.stage,
                round: clock.round,
                state: SlaState::Paused,
                due: None,
                last_day: None,
                remaining_seconds: None,
                late_seconds: None,
                late_working_days: None,
            },
        };
        let measure = match p.state {
            SlaState::Overdue => -p.late_seconds.unwrap_or(0),
            _ => p.remaining_seconds.unwrap_or(i64::MAX),
        };
        let key = (group(p.state), measure);
        if best.as_ref().is_none_or(|(k, _)| key < *k) {
            best = Some((key, p));
        }
    }
    best.map(|(_, p)| p)
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
    // Entries are large: sort small keys, then build each entry once, in its place.
    let mut drafts: Vec<Draft<'a>> = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    drafts.extend(
        items
            .filter(|item| is_open(item.case.status()))
            .filter(|item| {
                options
                    .department
                    .as_deref()
                    .is_none_or(|d| item.case.department() == Some(d))
            })
            .filter_map(|item| draft(item, now, options)),
    );
    // The order, then the position: the order's leading fields packed into one number, which
    // decides most comparisons.
    let mut keys: Vec<(u128, Option<QueueKey>, usize, usize)> = drafts
        .iter()
        .enumerate()
        .map(|(at, d)| (d.order.packed(), d.order.queue, d.item.index, at))
        .collect();
    keys.sort_unstable();
    let mut by_state = [0u64; SlaState::ALL.len()];
    let mut by_stage = [0u64; Stage::ALL.len()];
    let mut by_actor = [0u64; Actor::ALL.len()];
    let mut by_department = Tally::default();
    let mut entries = Vec::with_capacity(drafts.len());
    for (_, _, _, at) in keys {
        let Some(d) = drafts.get_mut(at) else {
            continue;
        };
        let state = d.pressing.map_or(SlaState::Pending, |p| p.state);
        by_state[state as usize] += 1;
        if let Some(p) = d.pressing {
            by_stage[p.stage as usize] += 1;
        }
        if let Some(department) = d.item.case.department() {
            by_department.add(department);
        }
        by_actor[d.act as usize] += 1;
        entries.push(entry(d, options));
    }
    fn named<T: Copy>(
        all: &[T],
        counts: &[u64],
        name: impl Fn(T) -> &'static str,
    ) -> BTreeMap<String, u64> {
        all.iter()
            .zip(counts)
            .filter(|(_, n)| **n > 0)
            .map(|(&v, &n)| (name(v).to_owned(), n))
            .collect()
    }
    let counts = WorklistCounts {
        total: entries.len() as u64,
        by_state: named(SlaState::ALL, &by_state, SlaState::as_str),
        by_stage: named(Stage::ALL, &by_stage, Stage::as_str),
        by_department: by_department.into_map(),
        by_actor: named(Actor::ALL, &by_actor, Actor::as_str),
    };
    Worklist {
        now,
        entries,
        counts,
        refused: refused.to_vec(),
    }
}

/// Counts by name. An office has few departments: a short list, searched in order, costs
/// less than a map's comparisons or hashing for each entry; past a few dozen names, a map.
#[derive(Default)]
struct Tally<'a> {
    few: Vec<(&'a str, u64)>,
    many: BTreeMap<&'a str, u64>,
}

impl<'a> Tally<'a> {
    const FEW: usize = 32;

    fn add(&mut self, name: &'a str) {
        if let Some((_, n)) = self.few.iter_mut().find(|(k, _)| *k == name) {
            *n += 1;
        } else if self.few.len() < Self::FEW {
            self.few.push((name, 1));
        } else {
            *self.many.entry(name).or_insert(0) += 1;
        }
    }

    fn into_map(self) -> BTreeMap<String, u64> {
        let mut map: BTreeMap<String, u64> = self
            .many
            .into_iter()
            .map(|(k, n)| (k.to_owned(), n))
            .collect();
        for (k, n) in self.few {
            *map.entry(k.to_owned()).or_insert(0) += n;
        }
        map
    }
}

/// A case on its way to the list: what sorts it, and what its entry is made of.
struct Draft<'a> {
    item: Item<'a>,
    act: Actor,
    pressing: Option<Pressing>,
    order: Order,
    queue_key: String,
}

fn draft<'a>(item: Item<'a>, now: Instant, options: &WorklistOptions) -> Option<Draft<'a>> {
    let case = item.case;
    let act = Actor::for_status(case.status());
    if options.role.is_some_and(|r| r != act) {
        return None;
    }
    let cell = item.prepared.map(|p| &p.worklist);
    let (pressing, queue, queue_key) = prepared(
        cell,
        || Prepared::of(case),
        |p| (pressing(case, &p.clocks, now), p.queue, p.queue_key.clone()),
    );
    let state = pressing.map_or(SlaState::Pending, |s| s.state);
    let order = Order {
        routine: !case.emergency(),
        group: group(state),
        measure: match pressing {
            Some(s) if s.state == SlaState::Overdue => -s.late_seconds.unwrap_or(0),
            Some(s) => s.remaining_seconds.unwrap_or(0),
            None => 0,
        },
        queue: Some(queue),
    };
    Some(Draft {
        item,
        act,
        pressing,
        order,
        queue_key,
    })
}

fn entry(draft: &mut Draft<'_>, options: &WorklistOptions) -> WorklistEntry {
    let (item, act, stage, order) = (draft.item, draft.act, draft.pressing, draft.order);
    let queue_key = std::mem::take(&mut draft.queue_key);
    let case = item.case;
    let office = case.policy().office_offset();
    WorklistEntry {
        index: item.index,
        key: item.key.map(str::to_owned),
        number: case.number(),
        status: case.status(),
        stage: stage.map(|s| s.stage),
        round: stage.map(|s| s.round),
        clause: stage.map(|s| s.stage.clause()),
        state: stage.map_or(SlaState::Pending, |s| s.state),
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
        queue_key,
        received_at: in_office(case.received_at(), office),
        complainant: (options.view == Role::Office)
            .then(|| case.personal_data().view(Role::Office)),
        order,
    }
}
