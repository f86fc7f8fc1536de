//! The office at work: many cases at once. Each morning's worklist, the reminder job and the
//! monthly report, straight from the cases' own histories.

use std::collections::BTreeMap;

use complaint_office::office::{
    self as core_office, Actor, CaseKeys, OfficeError, WorklistCounts, WorklistOptions,
};
use complaint_office::privacy::Role;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

use complaint_office::case::Status;

use crate::case::{Case, events_in};
use crate::convert::{Js, api_object, array_items, count, json_text_within, number_in, to_js};
use crate::error::JsResult;
use crate::policy::{Policy, PolicySet};
use crate::stats::{Ledger, RowOut};
use crate::time::{beijing, instant_in, offset_in};
use complaint_office::input::MAX_TEXT_FILE_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const TS_OFFICE: &str = r#"
/** A case's history as a host stores it: its events, or its events with the host's keys
 * (neither key may be personal data; `complainant_key` is an opaque value the host derives,
 * a keyed hash of the phone number, say, for repeat complaints). */
export type CaseHistory =
  | (CaseEventData | CaseEvent)[]
  | { key?: string | null; complainant_key?: string | null; events: (CaseEventData | CaseEvent)[] };

/** The host's keys of a case pushed into a caseload. */
export interface CaseKeys {
  /** The host's own id of the case: reminder ids that never change and never collide. */
  key?: string | null;
  /** The complainant's key for repeat complaints (never personal data itself). */
  complainantKey?: string | null;
}

/** What a worklist shows, and to whom. */
export interface WorklistOptions {
  /** Who looks (§1.3.4): only the office's worklist carries the complainant's personal data. */
  view: Role;
  /** Only the cases of this department. */
  department?: string | null;
  /** Only the cases this role should act on. */
  role?: Actor | null;
}

/** How a worklist entry's most pressing clock stands; `pending` when no clock runs. */
export type WorklistState = "overdue" | "due_soon" | "open" | "paused" | "pending";

/** The entries of a worklist, counted. */
export interface WorklistCounts {
  total: number;
  byState: { [S in WorklistState]?: number };
  byStage: { [S in Stage]?: number };
  byDepartment: Counts;
  byActor: { [A in Actor]?: number };
}

/** A rung of a reminder ladder: its name, where it stands on the clock (`50%`, `due`,
 * `1 working day left`, `3 working days overdue`) and whom it reminds (`responsible`: whoever
 * acts on the stage). */
export interface RungSection {
  rung: string;
  at: string;
  to: "responsible" | Actor;
}

/** The `[reminders]` section of a policy file (a stored format: snake_case keys). */
export interface RemindersSection {
  /** When reminders go out on working days (`HH:MM-HH:MM`); by default the calendar's office
   * hours, else 09:00-18:00. */
  office_hours?: OfficeIntervalText[];
  /** The ladder of every stage without one of its own. */
  ladder?: RungSection[];
  /** Ladders of single stages; an empty list turns a stage's reminders off. */
  stages?: { [S in Stage]?: RungSection[] };
}

/** The `[statistics]` section of a policy file (a stored format: snake_case keys). */
export interface StatisticsSection {
  /** A complaint within this period of the same complainant's previous one is a repeat. */
  repeat_window?: DurationText;
}
"#;

// The options object: typed in the `.d.ts`.
#[wasm_bindgen]
extern "C" {
    /// `WorklistOptions` of the `.d.ts`.
    #[wasm_bindgen(typescript_type = "WorklistOptions")]
    pub type WorklistOptionsJs;

    /// `CaseKeys` of the `.d.ts`.
    #[wasm_bindgen(typescript_type = "CaseKeys")]
    pub type CaseKeysJs;
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorklistOptionsInput {
    view: String,
    #[serde(default)]
    department: Option<String>,
    #[serde(default)]
    role: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CaseKeysInput {
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    complainant_key: Option<String>,
}

/// The host's keys of a case (`CaseKeys` of the `.d.ts`), none when absent or null.
fn case_keys_in(keys: Option<CaseKeysJs>) -> JsResult<CaseKeys> {
    const WHAT: &str = "keys: {key, complainantKey} (text or null) expected";
    let keys: CaseKeysInput = match keys.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => api_object(&v, WHAT)?,
        _ => CaseKeysInput::default(),
    };
    Ok(CaseKeys {
        key: keys.key,
        complainant_key: keys.complainant_key,
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CountsJs<'a> {
    total: u64,
    by_state: &'a BTreeMap<String, u64>,
    by_stage: &'a BTreeMap<String, u64>,
    by_department: &'a BTreeMap<String, u64>,
    by_actor: &'a BTreeMap<String, u64>,
}

/// `WorklistCounts` of the `.d.ts`, inside a `Worklist`.
impl Serialize for Js<'_, WorklistCounts> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        CountsJs {
            total: c.total,
            by_state: &c.by_state,
            by_stage: &c.by_stage,
            by_department: &c.by_department,
            by_actor: &c.by_actor,
        }
        .serialize(serializer)
    }
}

/// A queue key as its sort key, the text that sorts in queue order.
impl Serialize for Js<'_, complaint_office::triage::QueueKey> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0.sort_key())
    }
}

/// The office's cases: histories replayed here, or cases already replayed. Each keeps its
/// position in the host's list (`index`), so a worklist entry, a reminder or a ledger row
/// leads back to it; a history that cannot be replayed is listed in `refused()`, never
/// dropped silently.
#[wasm_bindgen]
#[derive(Debug, Clone, Default)]
pub struct Caseload(core_office::Caseload);

#[wasm_bindgen]
impl Caseload {
    /// An empty caseload: `push` cases into it.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Caseload {
        Caseload::default()
    }

    /// Replays histories as a host stores them under `policy`: an array whose elements are
    /// each a case's events, or `{key, complainant_key, events}` (or the JSON text of that
    /// array). A history that cannot be read or replayed is listed in `refused()` with its
    /// position and code; anything but an array is `office.invalid_caseload`. At most
    /// `maxBytes` bytes of JSON text (64 MiB by default), else `input.too_large`.
    #[wasm_bindgen(js_name = fromHistories)]
    pub fn from_histories(
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "CaseHistory[] | string")] histories: JsValue,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Caseload> {
        let text = json_text_within(
            &histories,
            "histories: an array of histories or JSON text expected",
            MAX_TEXT_FILE_BYTES,
            &max_bytes,
        )?;
        let value: Value = serde_json::from_str(&text).map_err(|_| OfficeError::InvalidCaseload)?;
        Ok(Caseload(core_office::Caseload::from_json_value(
            &policy.0, value,
        )?))
    }

    /// Replays each history (an array of events, or its JSON text) under the policy of `set`
    /// in force when its complaint was received; a history that cannot be replayed is listed
    /// in `refused()`. An event that cannot be read throws as in `Case.replay`
    /// (`case.invalid_event`, `case.unknown_event`, with the event's position as `index`).
    #[wasm_bindgen(js_name = replayIn)]
    pub fn replay_in(
        set: &PolicySet,
        #[wasm_bindgen(unchecked_param_type = "((CaseEventData | CaseEvent)[] | string)[]")]
        histories: JsValue,
    ) -> JsResult<Caseload> {
        let histories = array_items(&histories, "histories: an array of histories expected")?
            .iter()
            .map(events_in)
            .collect::<JsResult<Vec<_>>>()?;
        Ok(Caseload(core_office::Caseload::replay_in(
            &set.0, histories,
        )))
    }

    /// Replays one history (an array of events, or its JSON text) under `policy` and adds the
    /// case with the host's keys, or lists the history in `refused()` when it cannot be
    /// replayed; returns its index either way. An event that cannot be read is
    /// `case.invalid_event` with its position as `index` (nothing is added).
    #[wasm_bindgen(js_name = pushHistory)]
    pub fn push_history(
        &mut self,
        policy: &Policy,
        #[wasm_bindgen(unchecked_param_type = "(CaseEventData | CaseEvent)[] | string")]
        events: JsValue,
        keys: Option<CaseKeysJs>,
    ) -> JsResult<usize> {
        let keys = case_keys_in(keys)?;
        let events = events_in(&events)?;
        Ok(self.0.push_history(&policy.0, events, keys))
    }

    /// Adds a copy of a replayed case, with the host's keys; returns its index.
    pub fn push(&mut self, replayed: &Case, keys: Option<CaseKeysJs>) -> JsResult<usize> {
        Ok(self.0.push_keyed(replayed.0.clone(), case_keys_in(keys)?))
    }

    /// The number of cases (refused histories not counted).
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }

    /// A copy of the case at `index`, if it was replayed; an index that is not a whole
    /// number from 0 is `input.invalid_number` (never wrapped to another index).
    pub fn get(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] index: JsValue,
    ) -> JsResult<Option<Case>> {
        const WHAT: &str = "index: a whole number from 0 expected";
        let index = count(number_in(&index, WHAT)?, WHAT)?;
        Ok(usize::try_from(index)
            .ok()
            .and_then(|i| self.0.get(i))
            .cloned()
            .map(Case))
    }

    /// Copies of the cases, in the order added (refused histories left out); `indices()`
    /// gives their positions in the host's list.
    pub fn cases(&self) -> Vec<Case> {
        self.0.cases().map(|(_, case)| Case(case.clone())).collect()
    }

    /// The positions in the host's list of the cases of `cases()`, in the same order.
    #[wasm_bindgen(unchecked_return_type = "number[]")]
    pub fn indices(&self) -> JsResult<JsValue> {
        to_js(&self.0.cases().map(|(index, _)| index).collect::<Vec<_>>())
    }

    /// The ledger rows of the numbered cases, with their case columns, as `Ledger.records`
    /// gives them (instants in `officeOffset`, `+08:00` when not given): for a CSV export, or
    /// a ledger of these rows and another system's together. A row is the same at every
    /// `now`; the ledger's "as of" instant (`ledger(now)`, `Ledger.withAsOf`) judges it.
    #[wasm_bindgen(unchecked_return_type = "Required<LedgerRecord>[]")]
    pub fn records(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] now: JsValue,
        #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
        office_offset: Option<String>,
    ) -> JsResult<JsValue> {
        let office = offset_in(office_offset, beijing())?;
        let rows: Vec<RowOut> = self
            .0
            .records(instant_in(&now)?)
            .into_iter()
            .map(|r| RowOut::new(r, office))
            .collect();
        to_js(&rows)
    }

    /// The histories that could not be replayed, in order (position and code, never content).
    #[wasm_bindgen(unchecked_return_type = "RefusedHistory[]")]
    pub fn refused(&self) -> JsResult<JsValue> {
        to_js(&Js(self.0.refused()))
    }

    /// The worklist at `now`: every open case once, in working order, as `options.view` may
    /// see it, filtered by department and by the role that should act.
    #[wasm_bindgen(unchecked_return_type = "Worklist")]
    pub fn worklist(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] now: JsValue,
        options: WorklistOptionsJs,
    ) -> JsResult<JsValue> {
        const WHAT: &str = "options: {view, department, role} expected";
        let input: WorklistOptionsInput = api_object(&options.into(), WHAT)?;
        let options = WorklistOptions {
            view: input.view.parse::<Role>()?,
            department: input.department,
            role: input.role.map(|r| r.parse::<Actor>()).transpose()?,
        };
        let list = self.0.worklist(instant_in(&now)?, &options);
        to_js(&Js(&list))
    }

    /// The reminders with an instant in `[from, to)`, by instant. Consecutive windows
    /// (`[t0, t1)`, `[t1, t2)`, …) give each reminder exactly once, whatever their sizes.
    /// `office.invalid_window` when `to` is before `from`.
    #[wasm_bindgen(unchecked_return_type = "Reminder[]")]
    pub fn reminders(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] to: JsValue,
    ) -> JsResult<JsValue> {
        let reminders = self.0.reminders(instant_in(&from)?, instant_in(&to)?)?;
        to_js(&Js(&reminders))
    }

    /// The statistics ledger of the cases judged as of `now`: a row per numbered case with
    /// the case columns (track, outcome, time limits, …); refused histories and cases not yet
    /// numbered are its rejected rows. Its `report` gives the office indicators.
    pub fn ledger(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] now: JsValue,
    ) -> JsResult<Ledger> {
        Ok(Ledger(self.0.ledger(instant_in(&now)?)))
    }

    /// `Caseload(cases=2, refused=1)`: what `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!(
            "Caseload(cases={}, refused={})",
            self.0.len(),
            self.0.refused().len()
        )
    }
}

/// Who should act on a case in `status` (a worklist's `act`).
#[wasm_bindgen(js_name = actorForStatus, unchecked_return_type = "Actor")]
pub fn actor_for_status(
    #[wasm_bindgen(unchecked_param_type = "Status")] status: &str,
) -> JsResult<String> {
    Ok(Actor::for_status(status.parse::<Status>()?)
        .as_str()
        .to_owned())
}
