//! The worklist: every open case once, in the order an office works it.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorklistEntry {
    /// The case's position in the host's list.
    pub index: usize,
    /// The host's key of the case, if given (shared with the caseload, not copied).
    #[serde(serialize_with = "shared_text")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<SharedText>"))]
    pub key: Option<Arc<str>>,
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
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::error::ClauseText>")
    )]
    pub clause: Option<&'static str>,
    /// `overdue`, `due_soon`, `open`, `paused`, or `pending` when no clock runs.
    pub state: SlaState,
    /// The stage's due instant.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
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
    /// The department concerned, once classified (one shared name per department in a
    /// caseload, not a copy per entry).
    #[serde(serialize_with = "shared_text")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<SharedText>"))]
    pub department: Option<Arc<str>>,
    /// The category, once classified (shared like the department).
    #[serde(serialize_with = "shared_text")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<SharedText>"))]
    pub category: Option<Arc<str>>,
    /// The handling track.
    pub track: Track,
    /// Whether the emergency procedure applies (§2.2.4).
    pub emergency: bool,
    /// The case's place in the queue (§2.2.4). Serialized as its
    /// [`sort_key`](QueueKey::sort_key), the text that sorts in queue order.
    #[serde(serialize_with = "queue_sort_key")]
    #[cfg_attr(feature = "schema", schemars(with = "QueueKeyText"))]
    pub queue_key: QueueKey,
    /// When the complaint was received.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub received_at: Instant,
    /// The complainant's personal data, in the complaint office's view only; none for every
    /// other role.
    pub complainant: Option<PersonalData>,
}

/// The schema of a name shared between a caseload's entries (`Arc<str>`): text, named so
/// that a binding knows it is not a `String` in the core.
#[cfg(feature = "schema")]
struct SharedText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SharedText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SharedText".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// The schema of a queue key as written: its sort key, text.
#[cfg(feature = "schema")]
struct QueueKeyText;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for QueueKeyText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "QueueKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

fn shared_text<S: Serializer>(text: &Option<Arc<str>>, serializer: S) -> Result<S::Ok, S::Error> {
    text.as_deref().serialize(serializer)
}

fn queue_sort_key<S: Serializer>(key: &QueueKey, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&key.sort_key())
}

/// How many entries of each kind.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worklist {
    /// The instant the states refer to, as given.
    #[cfg_attr(feature = "schema", schemars(with = "crate::time::InstantText"))]
    pub now: Instant,
    /// Every open case that passes the filters, in working order.
    pub entries: Vec<WorklistEntry>,
    /// The entries counted.
    pub counts: WorklistCounts,
    /// The histories that could not be replayed (by position and code only).
    pub refused: Vec<Refused>,
}

/// The sort key of an entry as one number: emergencies first, then overdue (latest first),
/// due soon and open (least left first), paused, pending; ties in queue order, then by
/// position. The last two are the case's queue rank (see [`queue_ranks`]), unique, which
/// makes every key unique: a plain sort of numbers gives the working order.
///
/// Bit 127 is "not an emergency", bits 124–126 the state's group, bits 60–123 the measure
/// (lateness as a negative number, else time left) with its sign bit flipped so that it sorts
/// as unsigned, bits 0–59 the rank (a caseload cannot hold 2^60 cases: each takes far more
/// than 16 bytes).
fn sort_key(routine: bool, group: u8, measure: i64, rank: u64) -> u128 {
    let measure = (measure as u64) ^ (1 << 63);
    (u128::from(routine) << 127)
        | (u128::from(group) << 124)
        | (u128::from(measure) << 60)
        | u128::from(rank & RANK_MASK)
}

const RANK_MASK: u64 = (1 << 60) - 1;

/// Each open case's rank in queue order (§2.2.4), then by position: what breaks ties of the
/// worklist's order, worked out once for a caseload (whose cases never change) instead of
/// comparing queue keys in every call. Indexed by the item's position in `items`; closed
/// cases get none (0).
pub(crate) fn queue_ranks<'a>(items: impl Iterator<Item = Item<'a>>) -> Box<[u64]> {
    let mut keys: Vec<(QueueKey, usize)> = Vec::with_capacity(items.size_hint().0);
    let mut ranks = Vec::with_capacity(items.size_hint().0);
    for (at, item) in items.enumerate() {
        if is_open(item.case.status()) {
            keys.push((queue_key(item.case), at));
        }
        ranks.push(0);
    }
    // Positions are in index order: (key, position) sorts as (key, index) does.
    keys.sort_unstable();
    for (rank, (_, at)) in keys.into_iter().enumerate() {
        if let Some(r) = ranks.get_mut(at) {
            *r = rank as u64;
        }
    }
    ranks.into_boxed_slice()
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
        Prepared {
            clocks,
            queue: queue_key(case),
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
    items: impl Iterator<Item = Item<'a>> + Clone,
    ranks: Option<&OnceLock<Box<[u64]>>>,
    refused: &[Refused],
    now: Instant,
    options: &WorklistOptions,
) -> Worklist {
    let all = items.clone();
    prepared(
        ranks,
        || queue_ranks(all),
        |ranks| listed(items, ranks, refused, now, options),
    )
}

fn listed<'a>(
    items: impl Iterator<Item = Item<'a>>,
    ranks: &[u64],
    refused: &[Refused],
    now: Instant,
    options: &WorklistOptions,
) -> Worklist {
    // Entries are large: sort numbers (each key unique, its low bits the rank), then build
    // each entry once, in its place, from the draft the rank leads to.
    let mut drafts: Vec<Draft<'a>> = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    let mut keys: Vec<u128> = Vec::with_capacity(drafts.capacity());
    for (item, &rank) in items.zip(ranks) {
        if !is_open(item.case.status())
            || options
                .department
                .as_deref()
                .is_some_and(|d| item.case.department() != Some(d))
        {
            continue;
        }
        if let Some((key, draft)) = draft(item, rank, now, options) {
            keys.push(key);
            drafts.push(draft);
        }
    }
    keys.sort_unstable();
    // The draft of each rank (ranks count the open cases, at most `ranks.len()`).
    let mut at_rank = vec![usize::MAX; ranks.len()];
    for (at, draft) in drafts.iter().enumerate() {
        if let Some(slot) = at_rank.get_mut(draft.rank_index()) {
            *slot = at;
        }
    }
    let mut by_state = [0u64; SlaState::ALL.len()];
    let mut by_stage = [0u64; Stage::ALL.len()];
    let mut by_actor = [0u64; Actor::ALL.len()];
    let mut by_department = Tally::default();
    let mut entries = Vec::with_capacity(drafts.len());
    for key in keys {
        let rank = (key as u64 & RANK_MASK) as usize;
        let Some(d) = at_rank.get(rank).and_then(|&at| drafts.get(at)) else {
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

/// A case on its way to the list: what its entry is made of.
struct Draft<'a> {
    item: Item<'a>,
    rank: u64,
    act: Actor,
    pressing: Option<Pressing>,
    queue: QueueKey,
}

impl Draft<'_> {
    fn rank_index(&self) -> usize {
        usize::try_from(self.rank).unwrap_or(usize::MAX)
    }
}

/// The case's draft and its sort key, unless the role filter leaves it out.
fn draft<'a>(
    item: Item<'a>,
    rank: u64,
    now: Instant,
    options: &WorklistOptions,
) -> Option<(u128, Draft<'a>)> {
    let case = item.case;
    let act = Actor::for_status(case.status());
    if options.role.is_some_and(|r| r != act) {
        return None;
    }
    let cell = item.prepared.map(|p| &p.worklist);
    let (pressing, queue) = prepared(
        cell,
        || Prepared::of(case),
        |p| (pressing(case, &p.clocks, now), p.queue),
    );
    let state = pressing.map_or(SlaState::Pending, |s| s.state);
    let measure = match pressing {
        Some(s) if s.state == SlaState::Overdue => -s.late_seconds.unwrap_or(0),
        Some(s) => s.remaining_seconds.unwrap_or(0),
        None => 0,
    };
    let key = sort_key(!case.emergency(), group(state), measure, rank);
    Some((
        key,
        Draft {
            item,
            rank,
            act,
            pressing,
            queue,
        },
    ))
}

fn entry(draft: &Draft<'_>, options: &WorklistOptions) -> WorklistEntry {
    let (item, act, stage) = (draft.item, draft.act, draft.pressing);
    let case = item.case;
    let office = case.policy().office_offset();
    let shared = |own: Option<&Arc<str>>, text: Option<&str>| match own {
        Some(name) => Some(Arc::clone(name)),
        None => text.map(Arc::from),
    };
    let names = item.shared;
    WorklistEntry {
        index: item.index,
        key: shared(names.and_then(|n| n.key.as_ref()), item.key),
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
        department: shared(names.and_then(|n| n.department.as_ref()), case.department()),
        category: shared(names.and_then(|n| n.category.as_ref()), case.category()),
        track: case.track(),
        emergency: case.emergency(),
        queue_key: draft.queue,
        received_at: in_office(case.received_at(), office),
        complainant: (options.view == Role::Office)
            .then(|| case.personal_data().view(Role::Office)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_instant;

    /// Every case twice: each twin ties with its case on every part of the order but the
    /// position, so the earlier position goes first; the cases added after a first worklist
    /// (whose queue ranks the caseload kept) take their place in the next one.
    #[test]
    fn twins_go_by_position_and_cases_added_later_are_ranked() {
        let mut caseload = super::super::tests::caseload();
        let now = parse_instant("2025-10-22T10:00:00+08:00").unwrap();
        let options = WorklistOptions::new(Role::Office);
        let before = caseload.worklist(now, &options);
        let cases: Vec<Case> = caseload.cases().map(|(_, c)| c.clone()).collect();
        // Added in reverse, so that positions run against the queue order.
        for case in cases.into_iter().rev() {
            caseload.push(case);
        }
        let after = caseload.worklist(now, &options);
        assert_eq!(after.entries.len(), 2 * before.entries.len());
        for (pair, first) in after.entries.chunks(2).zip(&before.entries) {
            assert_eq!(&pair[0], first);
            assert!(pair[1].index > first.index);
            // Added without the host's keys.
            let twin = WorklistEntry {
                index: first.index,
                key: first.key.clone(),
                ..pair[1].clone()
            };
            assert_eq!(&twin, first);
        }
        // A list from scratch agrees with the one from kept ranks.
        let cases: Vec<Case> = caseload.cases().map(|(_, c)| c.clone()).collect();
        let fresh = worklist(
            super::super::caseload::items_of(&cases),
            None,
            &[],
            now,
            &options,
        );
        let order = |l: &Worklist| -> Vec<(Option<String>, QueueKey)> {
            l.entries
                .iter()
                .map(|e| (e.number.map(|n| n.to_string()), e.queue_key))
                .collect()
        };
        assert_eq!(order(&fresh), order(&after));
    }
}
