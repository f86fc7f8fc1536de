//! The office at work (issue 18): a `Caseload` of many cases (histories as a host stores them,
//! or replayed `Case` objects), its worklist, its reminders over a window and its statistics
//! ledger. Every call over the caseload runs with the GIL released.

use std::sync::{Mutex, MutexGuard, PoisonError};

use complaint_office::office::{
    Actor, CaseKeys, Caseload, OfficeError, Refused, Reminder, Worklist, WorklistCounts,
    WorklistEntry, WorklistOptions,
};
use complaint_office::privacy::Role;
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyBytes, PyDict, PyIterator, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::case::{History, PyCase, PyEvent};
use crate::convert::{
    Arg, At, Many, Ref, Text, enter, instant_to_py, opt_date_to_py, opt_instant_to_py, py_enum,
    to_json, to_json_within,
};
use crate::errors::{err, type_error};
use crate::guard;
use crate::number::PyComplaintNumber;
use crate::policy::{PyPolicy, PyPolicySet};
use crate::privacy::PyPersonalData;
use crate::stats::{PyLedger, PyRecord, json_of};

fn actor_to_py(py: Python<'_>, actor: Actor) -> PyResult<Bound<'_, PyAny>> {
    py_enum!(py, "complaint_office.office", "Actor", actor.as_str())
}

fn opt_str(v: Option<&str>) -> String {
    v.map_or_else(|| "None".to_owned(), |v| format!("'{v}'"))
}

/// One event of a history as JSON: an `Event`, its JSON text, or a dict. Text that is not JSON
/// stays text, which the core refuses as an event (so its case is refused, not the call).
fn event_json(ob: &Bound<'_, PyAny>, path: &mut Vec<usize>) -> PyResult<Value> {
    if let Ok(e) = ob.cast::<PyEvent>() {
        return Ok(e.get().0.to_json_value());
    }
    if let Ok(text) = ob.cast::<PyString>() {
        let text = crate::convert::text_of(text)?;
        return Ok(serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.into_owned())));
    }
    to_json_within(ob, path)
}

/// The items of a container the caller walks, each converted by `item` below it.
fn items_json(
    ob: &Bound<'_, PyAny>,
    path: &mut Vec<usize>,
    item: fn(&Bound<'_, PyAny>, &mut Vec<usize>) -> PyResult<Value>,
) -> PyResult<Value> {
    enter(ob, path)?;
    let items = ob
        .try_iter()
        .and_then(|items| items.map(|i| item(&i?, path)).collect::<PyResult<Vec<_>>>());
    path.pop();
    items.map(Value::Array)
}

/// One case of a caseload as JSON: a list of events, or a dict `{"key", "complainant_key",
/// "events"}`; anything else as it is (the core refuses it as a case, not the call).
fn history_json(ob: &Bound<'_, PyAny>, path: &mut Vec<usize>) -> PyResult<Value> {
    if let Ok(dict) = ob.cast::<PyDict>() {
        enter(ob, path)?;
        let map = dict
            .iter()
            .map(|(k, v)| {
                let key = k
                    .cast::<PyString>()
                    .map_err(|_| type_error("string keys", &k))?
                    .to_cow()
                    .map_err(|_| crate::errors::err(complaint_office::InputError::InvalidText))?
                    .into_owned();
                let listed = v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok();
                let value = if key == "events" && listed {
                    items_json(&v, path, event_json)?
                } else {
                    to_json_within(&v, path)?
                };
                Ok((key, value))
            })
            .collect::<PyResult<serde_json::Map<_, _>>>();
        path.pop();
        return map.map(Value::Object);
    }
    if ob.cast::<PyList>().is_ok() || ob.cast::<PyTuple>().is_ok() {
        return items_json(ob, path, event_json);
    }
    to_json_within(ob, path)
}

/// Histories as a host stores them: JSON text of an array, or any iterable (not a dict) of
/// histories. A dict is not an array: the core says `office.invalid_caseload`. Nesting counts
/// from the outer list, as in JSON text.
fn caseload_json(ob: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(text) = ob.cast::<PyString>() {
        return serde_json::from_str(&crate::convert::text_of(text)?)
            .map_err(|_| err(OfficeError::InvalidCaseload));
    }
    if ob.cast::<PyBytes>().is_ok() {
        return Err(type_error("a list of histories or JSON text (str)", ob));
    }
    if ob.cast::<PyDict>().is_ok() {
        return to_json(ob);
    }
    if ob.try_iter().is_err() {
        return Err(type_error("a list of histories or JSON text", ob));
    }
    items_json(ob, &mut Vec::new(), history_json)
}

/// The office's cases, each with its position in the host's list (`index`) and the host's
/// keys: histories replayed here (a history that cannot be replayed is listed in `refused` by
/// position and code, never dropped silently), or cases already replayed. Every call over the
/// caseload releases the GIL (a `push` from another thread meanwhile raises `RuntimeError`:
/// the caseload is in use).
///
/// >>> from complaint_office import Policy
/// >>> from complaint_office.office import Caseload
/// >>> received = {"type": "received", "at": "2025-09-01T10:00:00+08:00", "channel": "hotline",
/// ...             "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
/// ...             "content": "The part broke."}
/// >>> caseload = Caseload.replay(Policy(), [
/// ...     {"key": "crm-1", "events": [received,
/// ...         {"type": "registered", "at": "2025-09-01T11:00:00+08:00", "number": "25090001"}]},
/// ...     [received, received],                  # received twice: refused
/// ... ])
/// >>> caseload
/// Caseload(cases=1, refused=1)
/// >>> caseload.refused[0].index, caseload.refused[0].code
/// (1, 'case.not_received_first')
/// >>> entry = caseload.worklist("2025-09-22T09:00:00+08:00", view="department").entries[0]
/// >>> entry.key, str(entry.number), entry.stage, entry.state, entry.act, entry.complainant
/// ('crm-1', '25090001', <Stage.PLAN: 'plan'>, <SlaState.OVERDUE: 'overdue'>, <Actor.COMPLAINT_OFFICE: 'complaint_office'>, None)
/// >>> [(r.id, r.to, r.place) for r in caseload.reminders("2025-09-22T00:00:00+08:00",
/// ...                                                    "2025-09-23T00:00:00+08:00")]
/// [('crm-1/plan/0/management', <Actor.MANAGEMENT: 'management'>, '3 working days overdue')]
///
/// Safe to share between threads: the caseload sits behind a lock that a thread waiting for
/// it releases the GIL on, taken once the arguments are read; `push` from one thread while
/// another builds a worklist waits for it, never fails.
#[pyclass(name = "Caseload", module = "complaint_office.office", frozen)]
#[derive(Debug, Default)]
pub struct PyCaseload(Mutex<Caseload>);

impl PyCaseload {
    fn of(caseload: Caseload) -> Self {
        PyCaseload(Mutex::new(caseload))
    }

    /// The caseload, locked; the GIL is released while waiting for another thread.
    fn lock(&self) -> MutexGuard<'_, Caseload> {
        Python::attach(|py| self.0.lock_py_attached(py)).unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl PyCaseload {
    /// An empty caseload (add cases with `push`).
    #[new]
    fn new() -> Self {
        PyCaseload::default()
    }

    /// Replays histories under `policy`, the form a host stores them in: a list (any iterable)
    /// whose elements are each a case's list of events (`Event` objects, dicts or JSON text) or
    /// a dict `{"key", "complainant_key", "events"}` (the keys optional: the host's id of the
    /// case, and an opaque complainant key for repeat complaints), or the JSON text of such a
    /// list. An element whose events cannot be read or replayed is listed in `refused`.
    /// Raises `OfficeError` (`office.invalid_caseload`) when `histories` is not a list.
    #[staticmethod]
    fn replay(
        py: Python<'_>,
        policy: Ref<'_, PyPolicy>,
        histories: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        guard(|| {
            let value = caseload_json(histories)?;
            let policy = &policy.0;
            py.detach(|| Caseload::from_json_value(policy, value))
                .map(PyCaseload::of)
                .map_err(err)
        })
    }

    /// The same as `replay`: histories as a host stores them (the name the other bindings
    /// use).
    #[staticmethod]
    fn from_histories(
        py: Python<'_>,
        policy: Ref<'_, PyPolicy>,
        histories: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        Self::replay(py, policy, histories)
    }

    /// Replays histories given as JSON text (`str`), the form a host stores: an array whose
    /// elements are each a case's array of events, or an object `{"key", "complainant_key",
    /// "events"}`. Raises `OfficeError` (`office.invalid_caseload`) when the text is not a
    /// JSON array.
    ///
    /// >>> from complaint_office import Policy
    /// >>> from complaint_office.office import Caseload
    /// >>> Caseload.from_json(Policy(), '[[{"type": "received"}]]')
    /// Caseload(cases=0, refused=1)
    #[staticmethod]
    fn from_json(py: Python<'_>, policy: Ref<'_, PyPolicy>, json: Text) -> PyResult<Self> {
        guard(|| {
            let value: Value =
                serde_json::from_str(&json).map_err(|_| err(OfficeError::InvalidCaseload))?;
            let policy = &policy.0;
            py.detach(|| Caseload::from_json_value(policy, value))
                .map(PyCaseload::of)
                .map_err(err)
        })
    }

    /// Replays every history (each a list of events, or its JSON text, as `Case.replay`
    /// takes) under the policy of `policies` in force when its complaint was received; a
    /// history refused (`case.no_policy` when none is in force) is listed in `refused`.
    /// Raises the event's error (with its `.index`) for an event that cannot be read.
    #[staticmethod]
    fn replay_in(
        py: Python<'_>,
        policies: Ref<'_, PyPolicySet>,
        histories: Many<History>,
    ) -> PyResult<Self> {
        guard(|| {
            let policies = &policies.0;
            let histories = histories.0;
            Ok(PyCaseload::of(py.detach(|| {
                Caseload::replay_in(policies, histories.into_iter().map(|h| h.0))
            })))
        })
    }

    /// A caseload of replayed `Case` objects (an iterable), in order; their indices are their
    /// positions. Cases judged by different policies (`Case.replay_in`) may be mixed.
    #[staticmethod]
    fn from_cases(cases: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            if cases.cast::<PyString>().is_ok() {
                return Err(type_error("an iterable of Case objects", cases));
            }
            let mut caseload = Caseload::new();
            for item in cases.try_iter()? {
                let item = item?;
                let case = item
                    .cast::<PyCase>()
                    .map_err(|_| type_error("Case objects", &item))?;
                caseload.push(case.get().lock().clone());
            }
            Ok(PyCaseload::of(caseload))
        })
    }

    /// Adds a replayed case (a copy of it) with the host's keys, neither of them personal
    /// data: `key` the host's own id of the case (it makes reminder ids that never change),
    /// `complainant_key` an opaque value for repeat complaints (a keyed hash of the phone
    /// number, say). Returns its index.
    #[pyo3(signature = (case, key = None, complainant_key = None))]
    fn push(
        &self,
        case: Ref<'_, PyCase>,
        key: Option<Text>,
        complainant_key: Option<Text>,
    ) -> usize {
        let case = case.lock().clone();
        let keys = CaseKeys {
            key: key.map(String::from),
            complainant_key: complainant_key.map(String::from),
        };
        self.lock().push_keyed(case, keys)
    }

    /// Replays a history (a list of events, or its JSON text, as `Case.replay` takes) under
    /// `policy` and adds the case with the host's keys (as `push`), or lists the history in
    /// `refused`; returns its index either way. Raises the event's error (with its `.index`)
    /// for an event that cannot be read.
    ///
    /// >>> from complaint_office import Policy
    /// >>> from complaint_office.office import Caseload
    /// >>> caseload = Caseload()
    /// >>> caseload.push_history(Policy(), [{"type": "registered", "at": "2025-09-01T10:00:00+08:00",
    /// ...                                   "number": "25090001"}], key="crm-7")
    /// 0
    /// >>> caseload.refused[0].key, caseload.refused[0].code
    /// ('crm-7', 'case.not_received_first')
    #[pyo3(signature = (policy, events, key = None, complainant_key = None))]
    fn push_history(
        &self,
        py: Python<'_>,
        policy: Ref<'_, PyPolicy>,
        events: History,
        key: Option<Text>,
        complainant_key: Option<Text>,
    ) -> usize {
        let keys = CaseKeys {
            key: key.map(String::from),
            complainant_key: complainant_key.map(String::from),
        };
        let policy = &policy.0;
        let mut caseload = self.lock();
        let caseload = &mut *caseload;
        py.detach(|| caseload.push_history(policy, events.0, keys))
    }

    /// The histories that could not be replayed, in order (position and code only).
    #[getter]
    fn refused(&self) -> Vec<PyRefused> {
        self.lock()
            .refused()
            .iter()
            .cloned()
            .map(PyRefused)
            .collect()
    }

    /// The case at `index` (a copy), or None when that history was refused or there is none.
    fn get(&self, index: Arg<usize>) -> Option<PyCase> {
        self.lock().get(index.0).cloned().map(PyCase::new_from)
    }

    /// The cases with their indices, in the order added: a list of `(index, Case)` (copies).
    fn cases(&self) -> Vec<(usize, PyCase)> {
        self.lock()
            .cases()
            .map(|(i, c)| (i, PyCase::new_from(c.clone())))
            .collect()
    }

    /// The worklist at `now`: every open case once, in the order an office works it
    /// (emergencies first, then overdue by how late, due soon and open by time left, paused,
    /// then cases without a running clock; ties in queue order), each with the stage that
    /// presses most and who should act. `view` (a privacy `Role`) is who looks: only the
    /// complaint office's view carries the complainant's personal data (§1.3.4).
    /// `department` keeps the cases of one department, `role` (an `Actor`) those that role
    /// should act on.
    #[pyo3(signature = (now, view, department = None, role = None))]
    fn worklist(
        &self,
        py: Python<'_>,
        now: At,
        view: Text,
        department: Option<Text>,
        role: Option<Text>,
    ) -> PyResult<PyWorklist> {
        guard(|| {
            let mut options = WorklistOptions::new(view.parse::<Role>().map_err(err)?);
            options.department = department.map(String::from);
            options.role = role
                .as_deref()
                .map(str::parse::<Actor>)
                .transpose()
                .map_err(err)?;
            let caseload = self.lock();
            let caseload = &*caseload;
            Ok(PyWorklist(py.detach(|| caseload.worklist(now.0, &options))))
        })
    }

    /// The reminders whose instant falls in `[start, end)`, sorted by instant: the policy's
    /// ladder (`[reminders]`) placed on every stage's clock and moved into the reminder hours
    /// of a working day. Consecutive windows (`[t0, t1)`, `[t1, t2)`, …) give each reminder
    /// exactly once; a reminder's `id` is the same on every run. Raises `OfficeError`
    /// (`office.invalid_window`) when `end` is before `start`.
    fn reminders(&self, py: Python<'_>, start: At, end: At) -> PyResult<Vec<PyReminder>> {
        guard(|| {
            let reminders = {
                let caseload = self.lock();
                let caseload = &*caseload;
                py.detach(|| caseload.reminders(start.0, end.0))
            };
            let reminders = reminders.map_err(err)?;
            Ok(reminders.into_iter().map(PyReminder).collect())
        })
    }

    /// The statistics ledger of the cases judged as of `now`: one row per numbered case
    /// (receipt, channel, category, department, severity, track, outcome, closing,
    /// satisfaction, re-handling, the complainant key, the stages' time limits); refused
    /// histories and cases not yet numbered are its rejected rows. Its `report()` has the
    /// office indicators.
    fn ledger(&self, py: Python<'_>, now: At) -> PyResult<PyLedger> {
        guard(|| {
            let caseload = self.lock();
            let caseload = &*caseload;
            Ok(PyLedger(py.detach(|| caseload.ledger(now.0))))
        })
    }

    /// The ledger rows of the numbered cases judged at `now`, as `Record`s (for a CSV export,
    /// or a ledger of these and another system's rows together).
    fn records(&self, py: Python<'_>, now: At) -> PyResult<Vec<PyRecord>> {
        guard(|| {
            let caseload = self.lock();
            let caseload = &*caseload;
            let records = py.detach(|| caseload.records(now.0));
            Ok(records.into_iter().map(PyRecord).collect())
        })
    }

    fn __len__(&self) -> usize {
        self.lock().len()
    }

    fn __repr__(&self) -> String {
        let caseload = self.lock();
        format!(
            "Caseload(cases={}, refused={})",
            caseload.len(),
            caseload.refused().len()
        )
    }
}

/// A history that could not be replayed: where it is (`index` in the host's list, the host's
/// `key`) and why (`code`, `clause`, and `event`, the position of the refused event), never
/// what it says.
#[pyclass(name = "Refused", module = "complaint_office.office", frozen)]
#[derive(Debug, Clone)]
pub struct PyRefused(Refused);

#[pymethods]
impl PyRefused {
    /// Its position in the host's list.
    #[getter]
    fn index(&self) -> usize {
        self.0.index
    }

    /// The host's key of the case, if given.
    #[getter]
    fn key(&self) -> Option<&str> {
        self.0.key.as_deref()
    }

    /// The error's code (`case.transition_not_allowed`, …).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }

    /// The clause behind it, or None.
    #[getter]
    fn clause(&self) -> Option<&'static str> {
        self.0.clause
    }

    /// The position of the refused event in the history, or None.
    #[getter]
    fn event(&self) -> Option<usize> {
        self.0.event
    }

    /// `{"index", "key", "code", "clause", "event"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Refused", &self.to_dict(py)?)
    }
}

/// One case on the worklist: the stage whose clock presses most, how it stands, and who
/// should act. `complainant` is the personal data, in the complaint office's view only.
#[pyclass(name = "WorklistEntry", module = "complaint_office.office", frozen)]
#[derive(Debug, Clone)]
pub struct PyWorklistEntry(WorklistEntry);

#[pymethods]
impl PyWorklistEntry {
    /// The case's position in the host's list.
    #[getter]
    fn index(&self) -> usize {
        self.0.index
    }

    /// The host's key of the case, if given.
    #[getter]
    fn key(&self) -> Option<&str> {
        self.0.key.as_deref()
    }

    /// The complaint number, once registered.
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.0.number.map(PyComplaintNumber)
    }

    /// Where the case stands (a `Status`).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "Status",
            self.0.status.as_str()
        )
    }

    /// The stage whose clock presses most (a `Stage`), or None when no clock runs.
    #[getter]
    fn stage<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .stage
            .map(|s| py_enum!(py, "complaint_office.case", "Stage", s.as_str()))
            .transpose()
    }

    /// Its handling round (0 the first), or None.
    #[getter]
    fn round(&self) -> Option<usize> {
        self.0.round
    }

    /// The clause that sets the stage's limit, or None.
    #[getter]
    fn clause(&self) -> Option<&'static str> {
        self.0.clause
    }

    /// The stage's state (an `SlaState`): `overdue`, `due_soon`, `open`, `paused`, or
    /// `pending` when no clock runs.
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "SlaState",
            self.0.state.as_str()
        )
    }

    /// The stage's due instant (office time), or None.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.due)
    }

    /// The stage's last day, or None.
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.0.last_day)
    }

    /// Seconds left before `due`, or None.
    #[getter]
    fn remaining_seconds(&self) -> Option<i64> {
        self.0.remaining_seconds
    }

    /// Seconds past `due`, or None.
    #[getter]
    fn late_seconds(&self) -> Option<i64> {
        self.0.late_seconds
    }

    /// Working days past the last day, or None.
    #[getter]
    fn late_working_days(&self) -> Option<i64> {
        self.0.late_working_days
    }

    /// Who should act now (an `Actor`).
    #[getter]
    fn act<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        actor_to_py(py, self.0.act)
    }

    /// The department concerned, once classified.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }

    /// The category, once classified.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.0.category.as_deref()
    }

    /// The handling track (a `Track`).
    #[getter]
    fn track<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.triage",
            "Track",
            self.0.track.as_str()
        )
    }

    /// Whether the emergency procedure applies (§2.2.4).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// The case's place in the queue (§2.2.4) as text that sorts in queue order.
    #[getter]
    fn queue_key(&self) -> String {
        self.0.queue_key.sort_key()
    }

    /// When the complaint was received (office time).
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.received_at)
    }

    /// The complainant's personal data (a `PersonalData`) in the complaint office's view;
    /// None in every other view.
    #[getter]
    fn complainant(&self) -> Option<PyPersonalData> {
        self.0.complainant.clone().map(PyPersonalData::of)
    }

    /// The JSON form of one entry of the `office.worklist` op.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    /// The entry's fields; the personal data as its (masking) repr, never in full.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let form = self.to_dict(py)?;
        if let Ok(dict) = form.cast::<PyDict>() {
            dict.set_item("complainant", self.complainant())?;
        }
        crate::repr_of("WorklistEntry", &form)
    }

    /// One line: number (or index), stage, state, due, who acts.
    fn __str__(&self) -> String {
        line(&self.0)
    }
}

fn line(e: &WorklistEntry) -> String {
    let case = e
        .number
        .map_or_else(|| format!("#{}", e.index), |n| n.to_string());
    let mut out = format!("{case} {}", e.status);
    if let Some(stage) = e.stage {
        out.push_str(&format!(" {stage}"));
    }
    out.push_str(&format!(": {}", e.state));
    if let Some(due) = &e.due {
        out.push_str(&format!(
            ", due {}",
            complaint_office::time::format_instant(due)
        ));
    }
    if e.emergency {
        out.push_str(", emergency");
    }
    out.push_str(&format!(", {} acts", e.act));
    out
}

/// How many entries of each kind: `total`, and dicts by state, stage, department and actor.
#[pyclass(name = "WorklistCounts", module = "complaint_office.office", frozen)]
#[derive(Debug, Clone)]
pub struct PyWorklistCounts(WorklistCounts);

#[pymethods]
impl PyWorklistCounts {
    /// Entries on the list.
    #[getter]
    fn total(&self) -> u64 {
        self.0.total
    }

    /// By state (`SlaState` names).
    #[getter]
    fn by_state(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_state.clone()
    }

    /// By stage (entries with a running or paused clock).
    #[getter]
    fn by_stage(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_stage.clone()
    }

    /// By department (classified cases).
    #[getter]
    fn by_department(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_department.clone()
    }

    /// By who should act (`Actor` names).
    #[getter]
    fn by_actor(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_actor.clone()
    }

    /// `{"total", "by_state", "by_stage", "by_department", "by_actor"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("WorklistCounts", &self.to_dict(py)?)
    }
}

/// An office's worklist at an instant: the entries in working order, their counts, and the
/// histories that could not be replayed. Iterating gives the entries; `to_dict()` is the
/// `office.worklist` op's shape; `str()` is one line per entry.
#[pyclass(name = "Worklist", module = "complaint_office.office", frozen)]
#[derive(Debug, Clone)]
pub struct PyWorklist(Worklist);

#[pymethods]
impl PyWorklist {
    /// The instant the states refer to, as given.
    #[getter]
    fn now<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.now)
    }

    /// Every open case that passes the filters, in working order.
    #[getter]
    fn entries(&self) -> Vec<PyWorklistEntry> {
        self.0
            .entries
            .iter()
            .cloned()
            .map(PyWorklistEntry)
            .collect()
    }

    /// The entries counted.
    #[getter]
    fn counts(&self) -> PyWorklistCounts {
        PyWorklistCounts(self.0.counts.clone())
    }

    /// The histories that could not be replayed (by position and code only).
    #[getter]
    fn refused(&self) -> Vec<PyRefused> {
        self.0.refused.iter().cloned().map(PyRefused).collect()
    }

    /// The JSON form of the `office.worklist` op: `{"now", "entries", "counts", "refused"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| json_of(py, &self.0))
    }

    fn __len__(&self) -> usize {
        self.0.entries.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        PyList::new(py, self.entries())?.as_any().try_iter()
    }

    fn __repr__(&self) -> String {
        format!(
            "Worklist(now='{}', entries={}, refused={})",
            complaint_office::time::format_instant(&self.0.now),
            self.0.entries.len(),
            self.0.refused.len()
        )
    }

    /// A heading, then one line per entry.
    fn __str__(&self) -> String {
        let mut out = format!(
            "worklist at {}: {} cases",
            complaint_office::time::format_instant(&self.0.now),
            self.0.entries.len()
        );
        for e in &self.0.entries {
            out.push_str("\n  ");
            out.push_str(&line(e));
        }
        if !self.0.refused.is_empty() {
            out.push_str(&format!("\n  ({} histories refused)", self.0.refused.len()));
        }
        out
    }
}

/// One reminder: whom to remind of which stage of which case, when, and why then. `id`
/// (`<case>/<stage>/<round>/<rung>`) is the same on every run, so a host that records the ids
/// it sent never sends one twice.
#[pyclass(name = "Reminder", module = "complaint_office.office", frozen)]
#[derive(Debug, Clone)]
pub struct PyReminder(Reminder);

#[pymethods]
impl PyReminder {
    /// The stable id: the case (the host's key, else the number, else `received-<instant>`),
    /// the stage, the round and the rung.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }

    /// When to send it: in the reminder hours of a working day, office time.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.at)
    }

    /// Where the ladder placed it, before it was moved into the reminder hours.
    #[getter]
    fn placed_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.placed_at)
    }

    /// Whether it was moved into the reminder hours.
    #[getter]
    fn moved(&self) -> bool {
        self.0.moved
    }

    /// The case's position in the host's list.
    #[getter]
    fn index(&self) -> usize {
        self.0.index
    }

    /// The host's key of the case, if given.
    #[getter]
    fn key(&self) -> Option<&str> {
        self.0.key.as_deref()
    }

    /// The complaint number, once registered.
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.0.number.map(PyComplaintNumber)
    }

    /// The stage (a `Stage`).
    #[getter]
    fn stage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(py, "complaint_office.case", "Stage", self.0.stage.as_str())
    }

    /// Its handling round (0 the first).
    #[getter]
    fn round(&self) -> usize {
        self.0.round
    }

    /// The clause that sets the stage's limit.
    #[getter]
    fn clause(&self) -> &'static str {
        self.0.clause
    }

    /// The rung of the ladder that placed it (`half_period`, `due`, …).
    #[getter]
    fn rung(&self) -> &str {
        &self.0.rung
    }

    /// Where the rung stands, as the policy writes it (`50%`, `1 working day overdue`).
    #[getter]
    fn place(&self) -> &str {
        &self.0.place
    }

    /// Whom it reminds (an `Actor`).
    #[getter]
    fn to<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        actor_to_py(py, self.0.to)
    }

    /// The department concerned (whose head an escalation goes to), or None before
    /// classification.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }

    /// The stage's due instant.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.due)
    }

    /// Whether the emergency procedure applies (§2.2.4).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// The JSON form of one reminder of the `office.reminders` op.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Reminder(id='{}', at='{}', to='{}', stage='{}', rung='{}', place='{}', department={})",
            self.0.id,
            complaint_office::time::format_instant(&self.0.at),
            self.0.to,
            self.0.stage,
            self.0.rung,
            self.0.place,
            opt_str(self.0.department.as_deref()),
        )
    }
}

/// Who should act next on a case in `status` (a `Status` or its name): a worklist entry's
/// `act`, as an `Actor`. Raises `CaseError` (`case.unknown_status`) for a name that is not a
/// status.
///
/// >>> from complaint_office.office import actor_for_status
/// >>> actor_for_status("plan_drafted")
/// <Actor.MANAGEMENT: 'management'>
#[pyfunction]
fn actor_for_status(py: Python<'_>, status: Text) -> PyResult<Bound<'_, PyAny>> {
    guard(|| {
        let status = status
            .parse::<complaint_office::case::Status>()
            .map_err(err)?;
        actor_to_py(py, Actor::for_status(status))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(actor_for_status, m)?)?;
    m.add_class::<PyCaseload>()?;
    m.add_class::<PyRefused>()?;
    m.add_class::<PyWorklist>()?;
    m.add_class::<PyWorklistEntry>()?;
    m.add_class::<PyWorklistCounts>()?;
    m.add_class::<PyReminder>()?;
    Ok(())
}
