//! The case lifecycle (§2–§6): events as dicts or JSON, `Case.replay`, `apply`, the deadline
//! `schedule` and the `compliance` report.

use complaint_office::case::{
    Case, CaseError, CaseView, Check, ComplianceReport, Event, Schedule, StageDeadline,
};

use crate::accountability::{PyDecision, PyFinding};
use crate::intake::{PyComplaint, PyIntakeReport};
use crate::privacy::PyPersonalData;
use crate::stats::PyRecord;
use pyo3::Borrowed;
use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use crate::convert::{
    At, Ref, Text, from_json, instant_to_py, opt_date_to_py, opt_instant_to_py, py_enum, to_json,
};
use crate::duration::PyDuration;
use crate::errors::{case_err, type_error};
use crate::guard;
use crate::number::PyComplaintNumber;
use crate::period::PyPeriodRule;
use crate::policy::{PyPolicy, PyPolicySet};

/// One event of a case's history, read from a dict (native `datetime` values allowed) or
/// JSON text. Unknown keys are `EventError` (`case.invalid_event`, naming the key).
///
/// >>> from complaint_office import Event
/// >>> e = Event.from_json_value({"type": "registered", "at": "2025-09-26T11:00:00+08:00",
/// ...                            "number": "25090001"})
/// >>> e.kind, e.at.isoformat()
/// (<EventKind.REGISTERED: 'registered'>, '2025-09-26T11:00:00+08:00')
#[pyclass(name = "Event", module = "complaint_office.case", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyEvent(pub Event);

/// An event argument: an `Event`, a dict or JSON text.
pub struct EventArg(pub Event);

impl FromPyObject<'_, '_> for EventArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(e) = ob.cast::<PyEvent>() {
            return Ok(EventArg(e.get().0.clone()));
        }
        if let Ok(text) = ob.cast::<PyString>() {
            return Event::from_json_str(&crate::convert::text_of(&text)?)
                .map(EventArg)
                .map_err(case_err);
        }
        if ob.cast::<PyDict>().is_ok() {
            return Event::from_json_value(to_json(&ob)?)
                .map(EventArg)
                .map_err(case_err);
        }
        Err(type_error("an Event, a dict or JSON text", &ob))
    }
}

/// A history argument: an iterable of events (each an `Event`, a dict or JSON text), or the
/// JSON text of an array of events. An event that cannot be read raises `EventError` with its
/// `.index` in the history and its `.key`, as a refused event does.
pub struct History(pub Vec<Event>);

impl FromPyObject<'_, '_> for History {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(text) = ob.cast::<PyString>() {
            return history_from_json(&crate::convert::text_of(&text)?).map(History);
        }
        let at = |index: usize, source: CaseError| {
            case_err(CaseError::AtEvent {
                index,
                source: Box::new(source),
            })
        };
        let mut events = Vec::with_capacity(ob.len().unwrap_or(0));
        let items = ob
            .try_iter()
            .map_err(|_| type_error("an iterable of events or JSON text", &ob))?;
        for (index, item) in items.enumerate() {
            let item = item?;
            let event = if let Ok(e) = item.cast::<PyEvent>() {
                e.get().0.clone()
            } else if let Ok(text) = item.cast::<PyString>() {
                Event::from_json_str(&crate::convert::text_of(text)?).map_err(|e| at(index, e))?
            } else if item.cast::<PyDict>().is_ok() {
                Event::from_json_value(to_json(&item)?).map_err(|e| at(index, e))?
            } else {
                return Err(type_error(
                    &format!("an Event, a dict or JSON text as event {index} of the history"),
                    &item,
                ));
            };
            events.push(event);
        }
        Ok(History(events))
    }
}

/// The events of a JSON array, each failure naming its position.
fn history_from_json(json: &str) -> PyResult<Vec<Event>> {
    let values: Vec<serde_json::Value> = serde_json::from_str(json).map_err(|_| {
        case_err(CaseError::invalid_event(
            "(events)",
            "expected a JSON array of events",
        ))
    })?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, v)| {
            Event::from_json_value(v).map_err(|e| {
                case_err(CaseError::AtEvent {
                    index,
                    source: Box::new(e),
                })
            })
        })
        .collect()
}

#[pymethods]
impl PyEvent {
    /// Reads an event from JSON text.
    #[staticmethod]
    fn from_json_str(text: Text) -> PyResult<Self> {
        guard(|| Event::from_json_str(&text).map(PyEvent).map_err(case_err))
    }

    /// Reads an event from a dict in the JSON form.
    #[staticmethod]
    fn from_json_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            Event::from_json_value(to_json(value)?)
                .map(PyEvent)
                .map_err(case_err)
        })
    }

    /// The event as a dict in the JSON form (normalised: what `from_json_value` reads).
    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| from_json(py, &self.0.to_json_value()))
    }

    /// Same as `to_json_value()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_json_value(py)
    }

    /// The type (an `EventKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "EventKind",
            self.0.kind().as_str()
        )
    }

    /// The clause of the policy that governs the event's type (`§2.2.1` for `received`).
    #[getter]
    fn clause(&self) -> &'static str {
        self.0.kind().clause()
    }

    /// When it happened.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.at)
    }

    /// Who did it (a staff id), if recorded.
    #[getter]
    fn by(&self) -> Option<&str> {
        self.0.by.as_deref()
    }

    /// In which role (an `ActorRole`), if recorded.
    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .role
            .map(|r| py_enum!(py, "complaint_office.case", "ActorRole", r.as_str()))
            .transpose()
    }

    fn __repr__(&self) -> String {
        format!(
            "Event(type='{}', at='{}')",
            self.0.kind(),
            complaint_office::time::format_instant(&self.0.at)
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let rebuild = slf.get_type().getattr("from_json_value")?;
        let state = from_json(py, &slf.get().0.to_json_value())?;
        Ok((rebuild, PyTuple::new(py, [state])?))
    }
}

/// A complaint's case: its state after the events applied so far, under the policy in force
/// when it was received. `apply` refuses an event with the clause it breaks and leaves the
/// case unchanged.
///
/// >>> from complaint_office import Case, Policy
/// >>> case = Case.replay(Policy(), [
/// ...     {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
/// ...      "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
/// ...      "content": "The replacement part broke again."},
/// ...     {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
/// ... ])
/// >>> case.status, str(case.number)
/// (<Status.REGISTERED: 'registered'>, '25090001')
/// >>> plan = case.schedule("2025-10-01T09:00:00+08:00").stage("plan")
/// >>> plan.last_day, plan.state
/// (datetime.date(2025, 10, 11), <SlaState.OPEN: 'open'>)
///
/// Safe to share between threads: the case sits behind a lock that a thread waiting for it
/// releases the GIL on, and an event is read (which may run Python code, a tzinfo's, say)
/// before the lock is taken and its error built after it is released. One thread's refused
/// event never disturbs another thread reading the case.
#[pyclass(name = "Case", module = "complaint_office.case", frozen)]
#[derive(Debug)]
pub struct PyCase(Mutex<Case>);

impl PyCase {
    pub fn new_from(case: Case) -> Self {
        PyCase(Mutex::new(case))
    }

    /// The case, locked; the GIL is released while waiting for another thread.
    pub fn lock(&self) -> MutexGuard<'_, Case> {
        Python::attach(|py| self.0.lock_py_attached(py)).unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl PyCase {
    /// Opens a case with its `received` event.
    #[staticmethod]
    fn open(policy: Ref<'_, PyPolicy>, event: EventArg) -> PyResult<Self> {
        guard(|| {
            Case::open(&policy.0, event.0)
                .map(PyCase::new_from)
                .map_err(case_err)
        })
    }

    /// Rebuilds a case from its history: an iterable of events (each an `Event`, a dict or
    /// JSON text), or the JSON text of an array of events. The first event that cannot be read
    /// or is refused raises with its `.index`, `.code`, `.clause` (and `.key` when an event's
    /// key is at fault).
    #[staticmethod]
    fn replay(policy: Ref<'_, PyPolicy>, events: History) -> PyResult<Self> {
        guard(|| {
            Case::replay(&policy.0, events.0)
                .map(PyCase::new_from)
                .map_err(case_err)
        })
    }

    /// Rebuilds a case from a JSON array of events.
    #[staticmethod]
    fn replay_json(policy: Ref<'_, PyPolicy>, json: Text) -> PyResult<Self> {
        guard(|| {
            Case::replay_json(&policy.0, &json)
                .map(PyCase::new_from)
                .map_err(case_err)
        })
    }

    /// Rebuilds a case under the policy of `policies` in force when it was received (the
    /// history as for `replay`).
    #[staticmethod]
    fn replay_in(policies: Ref<'_, PyPolicySet>, events: History) -> PyResult<Self> {
        guard(|| {
            Case::replay_in(&policies.0, events.0)
                .map(PyCase::new_from)
                .map_err(case_err)
        })
    }

    /// Applies one event, or raises (`TransitionError`, …) and leaves the case unchanged.
    fn apply(&self, event: EventArg) -> PyResult<()> {
        guard(|| {
            // The lock is released before the error is built: that calls Python.
            let applied = self.lock().apply(event.0);
            applied.map_err(case_err)
        })
    }

    /// The event types the policy allows next (further guards may still refuse one).
    fn allowed_next<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(|| {
            self.lock()
                .allowed_next()
                .iter()
                .map(|k| py_enum!(py, "complaint_office.case", "EventKind", k.as_str()))
                .collect()
        })
    }

    /// The policy the case is judged by.
    #[getter]
    fn policy(&self) -> PyPolicy {
        PyPolicy(self.lock().policy().clone())
    }

    /// Where the case stands (a `Status`).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "Status",
            self.lock().status().as_str()
        )
    }

    /// The complaint number, once registered.
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.lock().number().map(PyComplaintNumber)
    }

    /// The category code, once classified.
    #[getter]
    fn category(&self) -> Option<String> {
        self.lock().category().map(str::to_owned)
    }

    /// The department concerned.
    #[getter]
    fn department(&self) -> Option<String> {
        self.lock().department().map(str::to_owned)
    }

    /// The handling track (a `Track`; general until assessed).
    #[getter]
    fn track<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.triage",
            "Track",
            self.lock().track().as_str()
        )
    }

    /// The complaint as received (channel, complainant, contact, content), personal data
    /// included: what the complaint office sees.
    #[getter]
    fn complaint(&self) -> PyComplaint {
        PyComplaint(self.lock().complaint().clone())
    }

    /// What intake found when the complaint was received (§1.2, §2.1, §2.2.1).
    #[getter]
    fn intake(&self) -> PyIntakeReport {
        PyIntakeReport(self.lock().intake().clone())
    }

    /// The initial assessment (§2.2.4) as a dict of `severity`, `urgency`, `complexity`
    /// (triage members), `emergency` and `track`, or None before the case is assessed.
    #[getter]
    fn assessment<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(a) = self.lock().assessment() else {
            return Ok(None);
        };
        let dict = PyDict::new(py);
        macro_rules! member {
            ($class:literal, $value:expr) => {
                py_enum!(py, "complaint_office.triage", $class, $value.as_str())?
            };
        }
        dict.set_item("severity", member!("Severity", a.severity))?;
        dict.set_item("urgency", member!("Urgency", a.urgency))?;
        dict.set_item("complexity", member!("Complexity", a.complexity))?;
        dict.set_item("emergency", a.emergency)?;
        dict.set_item("track", member!("Track", a.track))?;
        Ok(Some(dict))
    }

    /// Whether the emergency procedure applies (§2.2.4).
    #[getter]
    fn emergency(&self) -> bool {
        self.lock().emergency()
    }

    /// When the complaint was received.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.lock().received_at())
    }

    /// When it was registered, or None.
    #[getter]
    fn registered_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.lock().registered_at())
    }

    /// The instant of the last event applied.
    #[getter]
    fn last_event_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.lock().last_event_at())
    }

    /// The number of events applied.
    #[getter]
    fn event_count(&self) -> usize {
        self.lock().event_count()
    }

    /// Whether a legal hold is in place.
    #[getter]
    fn legal_hold(&self) -> bool {
        self.lock().legal_hold()
    }

    /// The day the case was archived (office time), or None.
    #[getter]
    fn archived_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.lock().archived_on())
    }

    /// The documents filed in the archive (`Document` members).
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.lock()
            .documents()
            .iter()
            .map(|d| py_enum!(py, "complaint_office.archive", "Document", d.as_str()))
            .collect()
    }

    /// The pauses of the registration clock: `(from, to)` pairs, `to` None while waiting.
    #[getter]
    fn pauses<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        self.lock()
            .pauses()
            .iter()
            .map(|p| Ok((instant_to_py(py, p.from)?, opt_instant_to_py(py, p.to)?)))
            .collect()
    }

    /// The responsibility findings of the handling plan (§4.1.1, §8.1).
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.lock()
            .findings()
            .iter()
            .cloned()
            .map(PyFinding)
            .collect()
    }

    /// Each responsibility finding with the discipline the policy's table decides for it
    /// (§8.2): `(Finding, Decision)` pairs, in the order of `findings`.
    fn decisions(&self) -> Vec<(PyFinding, PyDecision)> {
        self.lock()
            .decisions()
            .into_iter()
            .map(|(f, d)| (PyFinding(f.clone()), PyDecision(d)))
            .collect()
    }

    /// What `role` (a privacy `Role`) may see of the case (§1.3.4).
    fn view(&self, role: Text) -> PyResult<PyCaseView> {
        guard(|| {
            let role = role.parse().map_err(crate::errors::err)?;
            Ok(PyCaseView(self.lock().view(role)))
        })
    }

    /// The deadline schedule and SLA state at `now`.
    fn schedule(&self, now: At) -> PyResult<PySchedule> {
        guard(|| Ok(PySchedule(self.lock().schedule(now.0))))
    }

    /// Every rule checked, with its clause, at `now`.
    fn compliance(&self, now: At) -> PyResult<PyComplianceReport> {
        guard(|| Ok(PyComplianceReport(self.lock().compliance(now.0))))
    }

    /// The case as a row of the complaint ledger (§2.2.2) for statistics (§7.1), once it has
    /// a number, else None: counted by its time of receipt (§2.2.1), closed when it closed or
    /// ended by a disposition, satisfied as the last answer said, with its outcome
    /// (`resolved`, `rejected`, `withdrawn`, `merged`, `lapsed` or `open`). No personal data.
    fn record(&self) -> Option<PyRecord> {
        self.lock().record().map(PyRecord)
    }

    fn __repr__(&self) -> String {
        // One lock for the whole text: the lock is not reentrant.
        let case = self.lock();
        format!(
            "Case(status='{}', number={})",
            case.status(),
            case.number()
                .map_or_else(|| "None".to_owned(), |n| format!("'{n}'"))
        )
    }
}

/// One stage's deadline and SLA state.
#[pyclass(name = "StageDeadline", module = "complaint_office.case", frozen)]
#[derive(Debug, Clone)]
pub struct PyStageDeadline(StageDeadline);

#[pymethods]
impl PyStageDeadline {
    /// The stage (a `Stage`).
    #[getter]
    fn stage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(py, "complaint_office.case", "Stage", self.0.stage.as_str())
    }

    /// 0 for the first handling round; 1, 2, … for re-handling rounds.
    #[getter]
    fn round(&self) -> usize {
        self.0.round
    }

    /// The clause that sets the limit.
    #[getter]
    fn clause(&self) -> &'static str {
        self.0.clause
    }

    /// The name of the calendar the clock runs on (that of whoever must act in the stage;
    /// `"default"` for a policy with one calendar).
    #[getter]
    fn calendar(&self) -> &str {
        &self.0.calendar
    }

    /// The event that started the clock (an `EventKind`), or None.
    #[getter]
    fn started_by<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .started_by
            .map(|k| py_enum!(py, "complaint_office.case", "EventKind", k.as_str()))
            .transpose()
    }

    /// When the clock started, or None.
    #[getter]
    fn started_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.started_at)
    }

    /// The limit.
    #[getter]
    fn duration(&self) -> PyDuration {
        PyDuration(self.0.duration)
    }

    /// The last day, once the clock started.
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.0.last_day)
    }

    /// The due instant, once the clock started.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.due)
    }

    /// Whether a day outside the calendar's published data was used.
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    /// The rules that decided the due instant.
    #[getter]
    fn rules(&self) -> Vec<PyPeriodRule> {
        self.0.rules.iter().cloned().map(PyPeriodRule).collect()
    }

    /// How much the pauses moved it (days of its unit, or seconds for hours).
    #[getter]
    fn paused(&self) -> i64 {
        self.0.paused
    }

    /// The last day of an extension (§4.1.2), or None.
    #[getter]
    fn extended_until<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.0.extended_until)
    }

    /// The SLA state (an `SlaState`).
    #[getter]
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "SlaState",
            self.0.state.as_str()
        )
    }

    /// When it was met, or None.
    #[getter]
    fn met_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.met_at)
    }

    /// When its clock stopped unmet (`submitted`, `stopped`), or None.
    #[getter]
    fn stopped_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.stopped_at)
    }

    /// Seconds left before `due`, while open.
    #[getter]
    fn remaining_seconds(&self) -> Option<i64> {
        self.0.remaining_seconds
    }

    /// Seconds past `due`.
    #[getter]
    fn late_seconds(&self) -> Option<i64> {
        self.0.late_seconds
    }

    /// Working days past the last day, for an overdue or late stage.
    #[getter]
    fn late_working_days(&self) -> Option<i64> {
        self.0.late_working_days
    }

    /// The JSON form of one `case.schedule` entry: `{"stage", "round", "state", "calendar",
    /// "last_day", "due", "met_at", "late_working_days"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.0;
        let fmt = |at: Option<complaint_office::time::Instant>| {
            at.map(|at| complaint_office::time::format_instant(&at))
        };
        let dict = PyDict::new(py);
        dict.set_item("stage", s.stage.as_str())?;
        dict.set_item("round", s.round)?;
        dict.set_item("state", s.state.as_str())?;
        dict.set_item("calendar", &s.calendar)?;
        dict.set_item("last_day", s.last_day.map(|d| d.to_string()))?;
        dict.set_item("due", fmt(s.due))?;
        dict.set_item("met_at", fmt(s.met_at))?;
        dict.set_item("late_working_days", s.late_working_days)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "StageDeadline(stage='{}', round={}, state='{}', calendar='{}', last_day={})",
            self.0.stage,
            self.0.round,
            self.0.state,
            self.0.calendar,
            self.0
                .last_day
                .map_or_else(|| "None".to_owned(), |d| d.to_string())
        )
    }
}

/// A case's deadlines at an instant.
#[pyclass(name = "Schedule", module = "complaint_office.case", frozen)]
#[derive(Debug, Clone)]
pub struct PySchedule(pub(crate) Schedule);

fn stages(list: impl Iterator<Item = StageDeadline>) -> Vec<PyStageDeadline> {
    list.map(PyStageDeadline).collect()
}

#[pymethods]
impl PySchedule {
    /// The instant the states refer to.
    #[getter]
    fn now<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.now)
    }

    /// Every stage, in the order of the case's life.
    #[getter]
    fn stages(&self) -> Vec<PyStageDeadline> {
        stages(self.0.stages.iter().cloned())
    }

    /// The latest round of a stage, by name (`"plan"` or `Stage.PLAN`), or None.
    fn stage(&self, name: Text) -> Option<PyStageDeadline> {
        self.0.stage(&name).cloned().map(PyStageDeadline)
    }

    /// Stages overdue now.
    fn overdue(&self) -> Vec<PyStageDeadline> {
        stages(self.0.overdue().cloned())
    }

    /// Stages whose clock runs now (open, due soon or overdue).
    fn running(&self) -> Vec<PyStageDeadline> {
        stages(self.0.running().cloned())
    }

    /// The JSON form of `case.schedule`: a list of stage dicts.
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .0
            .stages
            .iter()
            .map(|s| PyStageDeadline(s.clone()).to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    fn __len__(&self) -> usize {
        self.0.stages.len()
    }
}

/// One rule checked: rule id, clause, result (a `CheckResult`) and an English detail.
#[pyclass(name = "Check", module = "complaint_office.case", frozen)]
#[derive(Debug, Clone)]
pub struct PyCheck(Check);

#[pymethods]
impl PyCheck {
    /// A stable id of the rule, like `plan_on_time`.
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule
    }

    /// The clause, or None for a check that stands on no clause (`provisional_days`).
    #[getter]
    fn clause(&self) -> Option<&'static str> {
        self.0.clause
    }

    /// The outcome (a `CheckResult`).
    #[getter]
    fn result<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "CheckResult",
            self.0.result.as_str()
        )
    }

    /// One English sentence (no personal data).
    #[getter]
    fn detail(&self) -> &str {
        &self.0.detail
    }

    /// `{"rule", "clause", "result"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("rule", self.0.rule)?;
        dict.set_item("clause", self.0.clause)?;
        dict.set_item("result", self.0.result.as_str())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Check(rule='{}', clause={}, result='{}')",
            self.0.rule,
            self.0
                .clause
                .map_or_else(|| "None".to_owned(), |c| format!("'{c}'")),
            self.0.result
        )
    }
}

/// Every rule checked for a case at an instant.
#[pyclass(name = "ComplianceReport", module = "complaint_office.case", frozen)]
#[derive(Debug, Clone)]
pub struct PyComplianceReport(ComplianceReport);

fn checks<'a>(list: impl Iterator<Item = &'a Check>) -> Vec<PyCheck> {
    list.cloned().map(PyCheck).collect()
}

#[pymethods]
impl PyComplianceReport {
    /// The instant the report refers to.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.at)
    }

    /// The checks, in the order of the policy.
    #[getter]
    fn checks(&self) -> Vec<PyCheck> {
        checks(self.0.checks.iter())
    }

    /// The violations.
    fn violations(&self) -> Vec<PyCheck> {
        checks(self.0.violations())
    }

    /// The findings.
    fn findings(&self) -> Vec<PyCheck> {
        checks(self.0.findings())
    }

    /// A check by rule id, or None.
    fn check(&self, rule: Text) -> Option<PyCheck> {
        self.0.check(&rule).cloned().map(PyCheck)
    }

    /// The JSON form of `case.compliance`: `{"violations": [rule…], "findings": [rule…],
    /// "checks": [{"rule", "clause", "result"}]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let rules = |list: Vec<&Check>| list.iter().map(|c| c.rule).collect::<Vec<_>>();
        let dict = PyDict::new(py);
        dict.set_item("violations", rules(self.0.violations().collect()))?;
        dict.set_item("findings", rules(self.0.findings().collect()))?;
        let items = self
            .0
            .checks
            .iter()
            .map(|c| PyCheck(c.clone()).to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("checks", items)?;
        Ok(dict)
    }
}

/// What a role may see of a case (§1.3.4).
#[pyclass(name = "CaseView", module = "complaint_office.case", frozen)]
#[derive(Debug, Clone)]
pub struct PyCaseView(CaseView);

#[pymethods]
impl PyCaseView {
    /// Who is looking (a privacy `Role`).
    #[getter]
    fn role<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(py, "complaint_office.privacy", "Role", self.0.role.as_str())
    }

    /// The complaint number.
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.0.number.map(PyComplaintNumber)
    }

    /// The status.
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "Status",
            self.0.status.as_str()
        )
    }

    /// The category.
    #[getter]
    fn category(&self) -> Option<&str> {
        self.0.category.as_deref()
    }

    /// The department concerned.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }

    /// The track.
    #[getter]
    fn track<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.triage",
            "Track",
            self.0.track.as_str()
        )
    }

    /// Whether the emergency procedure applies.
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// When the complaint was received.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.received_at)
    }

    /// The complainant's personal data, redacted for the role.
    #[getter]
    fn personal(&self) -> PyPersonalData {
        PyPersonalData::of(self.0.personal.clone())
    }

    /// The JSON form of `case.view`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let v = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("role", v.role.as_str())?;
        dict.set_item("number", v.number.map(|n| n.to_string()))?;
        dict.set_item("status", v.status.as_str())?;
        dict.set_item("category", v.category.as_deref())?;
        dict.set_item("department", v.department.as_deref())?;
        dict.set_item("track", v.track.as_str())?;
        dict.set_item("emergency", v.emergency)?;
        dict.set_item(
            "received_at",
            complaint_office::time::format_instant(&v.received_at),
        )?;
        dict.set_item(
            "personal",
            PyPersonalData::of(v.personal.clone()).to_dict(py)?,
        )?;
        Ok(dict)
    }
}

#[pymethods]
impl PySchedule {
    fn __repr__(&self) -> String {
        let stages = self
            .0
            .stages
            .iter()
            .map(|s| PyStageDeadline(s.clone()).__repr__())
            .collect::<Vec<_>>();
        format!(
            "Schedule(now='{}', stages=[{}])",
            complaint_office::time::format_instant(&self.0.now),
            stages.join(", ")
        )
    }

    /// One line per stage: stage, round, state, last day and due instant.
    fn __str__(&self) -> String {
        let mut out = format!(
            "schedule at {}",
            complaint_office::time::format_instant(&self.0.now)
        );
        for s in &self.0.stages {
            out.push_str(&format!("\n  {} (round {}): {}", s.stage, s.round, s.state));
            if let Some(day) = s.last_day {
                out.push_str(&format!(", last day {day}"));
            }
            if let Some(due) = &s.due {
                out.push_str(&format!(
                    ", due {}",
                    complaint_office::time::format_instant(due)
                ));
            }
            if let Some(met) = &s.met_at {
                out.push_str(&format!(
                    ", met {}",
                    complaint_office::time::format_instant(met)
                ));
            }
        }
        out
    }
}

#[pymethods]
impl PyComplianceReport {
    fn __repr__(&self) -> String {
        let rules = |list: Vec<&Check>| {
            list.iter()
                .map(|c| format!("'{}'", c.rule))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "ComplianceReport(at='{}', violations=[{}], findings=[{}], checks={})",
            complaint_office::time::format_instant(&self.0.at),
            rules(self.0.violations().collect()),
            rules(self.0.findings().collect()),
            self.0.checks.len()
        )
    }

    /// One line per check: result, rule and clause.
    fn __str__(&self) -> String {
        let mut out = format!(
            "compliance at {}",
            complaint_office::time::format_instant(&self.0.at)
        );
        for c in &self.0.checks {
            match c.clause {
                Some(clause) => {
                    out.push_str(&format!("\n  {}: {} ({clause})", c.result, c.rule));
                }
                None => out.push_str(&format!("\n  {}: {}", c.result, c.rule)),
            }
        }
        out
    }
}

#[pymethods]
impl PyCaseView {
    /// The view's fields; the personal data as its (masking) repr, never in full.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let form = self.to_dict(py)?;
        form.set_item("personal", PyPersonalData::of(self.0.personal.clone()))?;
        crate::repr_of("CaseView", form.as_any())
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCaseView>()?;
    m.add_class::<PyEvent>()?;
    m.add_class::<PyCase>()?;
    m.add_class::<PySchedule>()?;
    m.add_class::<PyStageDeadline>()?;
    m.add_class::<PyComplianceReport>()?;
    m.add_class::<PyCheck>()?;
    Ok(())
}
