//! The store (issue 20 item 5): cases kept in SQLite or PostgreSQL by
//! `complaint_office_store`, with the same operations and errors as its Rust `Store`.
//!
//! A thin layer like the rest of the binding: every method converts its arguments, makes one
//! call into the store with the GIL released (the database calls may wait for a lock, a
//! connection or the disk), and converts the result. Errors cross in `errors::store_err`.
//! The one piece of Python the store calls back is an optional reminder rule (a callable),
//! run with the GIL taken again inside the transaction that writes the case.

use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use chrono::TimeDelta;
use complaint_office::case::{Case, Schedule};
use complaint_office::policy::PolicySet;
use complaint_office::time::Instant;
use complaint_office_store::{
    Appended, CaseId, DueCase, Durability, Received, Registered, Registration, ReminderCase,
    Reminders, SCHEMA_VERSION, Store, StoreError, StoreOptions, StoredCase, SweptCase,
};
use pyo3::Borrowed;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyString};

use crate::archive::PySweepEntry;
use crate::case::{EventArg, PyCase, PyEvent, PySchedule};
use crate::convert::{Arg, At, Date, Text, instant_of, instant_to_py, py_enum};
use crate::errors::{invalid_argument, policy_err, store_err, type_error};
use crate::guard;
use crate::number::{NumberArg, PyComplaintNumber};
use crate::policy::{PyPolicy, PyPolicySet};
use crate::stats::{PyLedger, PyRecord};

/// The durabilities by their Python names (`complaint_office.store.Durability`).
const DURABILITIES: [(&str, Durability); 2] = [
    ("immediate", Durability::Immediate),
    ("grouped", Durability::Grouped),
];

/// The policies a store judges cases by: a `Policy`, or a `PolicySet` (the policy in force
/// when each complaint was received).
struct Policies(PolicySet);

impl FromPyObject<'_, '_> for Policies {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(p) = ob.cast::<PyPolicy>() {
            return PolicySet::new([p.get().0.clone()])
                .map(Policies)
                .map_err(policy_err);
        }
        if let Ok(set) = ob.cast::<PyPolicySet>() {
            return Ok(Policies(set.get().0.clone()));
        }
        Err(type_error("a Policy or a PolicySet", &ob))
    }
}

/// How long to wait: seconds (an int or float) or a `datetime.timedelta`, not negative.
struct Wait(Duration);

impl FromPyObject<'_, '_> for Wait {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let invalid =
            || invalid_argument("wait: expected a non-negative, finite number of seconds");
        if ob.cast::<PyBool>().is_ok() {
            return Err(type_error(
                "seconds (int or float) or a datetime.timedelta",
                &ob,
            ));
        }
        if let Ok(seconds) = ob.extract::<f64>() {
            return Duration::try_from_secs_f64(seconds)
                .map(Wait)
                .map_err(|_| invalid());
        }
        if let Ok(delta) = ob.extract::<TimeDelta>() {
            return delta.to_std().map(Wait).map_err(|_| invalid());
        }
        Err(type_error(
            "seconds (int or float) or a datetime.timedelta",
            &ob,
        ))
    }
}

/// A `Durability` member or its name.
struct DurabilityArg(Durability);

impl FromPyObject<'_, '_> for DurabilityArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let text = ob
            .cast::<PyString>()
            .map_err(|_| type_error("a Durability", &ob))?;
        let text = text.to_cow()?;
        DURABILITIES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, d)| DurabilityArg(*d))
            .ok_or_else(|| invalid_argument("durability: expected 'immediate' or 'grouped'"))
    }
}

/// A reminder rule written in Python: `rule(case, schedule)` returns the instant of the
/// case's next reminder (an aware datetime or RFC 3339 text) or None.
///
/// The store asks it on every write of a case, inside the transaction, where a Python
/// exception cannot stop the write cleanly (the trait has no error): an exception or a value
/// that is not an instant goes to `sys.unraisablehook` and the case gets no reminder, which
/// `Store.reindex()` recomputes once the rule is fixed.
struct PyReminders(Py<PyAny>);

impl std::fmt::Debug for PyReminders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PyReminders")
    }
}

impl Reminders for PyReminders {
    fn next_reminder(&self, case: &Case, schedule: &Schedule) -> Option<Instant> {
        Python::attach(|py| {
            let rule = self.0.bind(py);
            let called = rule
                .call1((PyCase::new_from(case.clone()), PySchedule(schedule.clone())))
                .and_then(|at| {
                    if at.is_none() {
                        Ok(None)
                    } else {
                        instant_of(&at).map(Some)
                    }
                });
            called.unwrap_or_else(|e| {
                e.write_unraisable(py, Some(rule));
                None
            })
        })
    }
}

/// Cases kept in SQLite (a file path) or PostgreSQL (a `postgresql://` URL), with one schema.
///
/// Every operation is one transaction and releases the GIL while it waits for the database.
/// Numbers are allocated in the transaction that writes the case (unique and gap-free per
/// office month, whatever the number of writers); `append` names the version the writer last
/// saw, and a stale one is `StoreError` `store.conflict`; every load verifies the history's
/// hash chain (an edited row is `history.chain_broken` with its `.index`). A store is shared
/// by threads; `close()` (or leaving a `with` block) returns its connections.
///
/// >>> import os, tempfile
/// >>> from complaint_office import Policy
/// >>> from complaint_office.store import Store, StoreError
/// >>> tmp = tempfile.TemporaryDirectory()
/// >>> store = Store.open(os.path.join(tmp.name, "complaints.db"), Policy())
/// >>> received = {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
/// ...             "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
/// ...             "content": "The replacement part broke again."}
/// >>> registered = store.register(received, "2025-09-26T11:00:00+08:00", by="clerk-07")
/// >>> registered
/// Registered(case=1, number='25090001', version=2, replayed=False)
/// >>> classified = {"type": "classified", "at": "2025-09-26T12:00:00+08:00",
/// ...               "category": "product_quality"}
/// >>> store.append(registered.case, registered.version, classified).version
/// 3
/// >>> try:
/// ...     store.append(registered.case, registered.version, classified)  # a stale version
/// ... except StoreError as e:
/// ...     print(e.code)
/// store.conflict
/// >>> store.find("25090001").case.category
/// 'product_quality'
/// >>> store.close(); tmp.cleanup()
#[pyclass(name = "Store", module = "complaint_office.store", frozen)]
pub struct PyStore {
    store: RwLock<Option<Arc<Store>>>,
    backend: &'static str,
}

impl std::fmt::Debug for PyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PyStore")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl PyStore {
    /// The open store, or `store.unavailable` once closed.
    fn get(&self) -> PyResult<Arc<Store>> {
        self.store
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| {
                store_err(StoreError::Unavailable {
                    backend: self.backend,
                    reason: "the store was closed",
                })
            })
    }

    /// One store call with the GIL released.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        call: impl FnOnce(&Store) -> Result<T, StoreError> + Send,
    ) -> PyResult<T> {
        let store = self.get()?;
        py.detach(|| call(&store)).map_err(store_err)
    }
}

#[pymethods]
impl PyStore {
    /// Opens a store: a `postgresql://` (or `postgres://`) URL, or a SQLite file path
    /// (created when missing; `sqlite:` prefix optional). Creates or migrates the schema.
    ///
    /// `policy` is a `Policy`, or a `PolicySet` whose policy in force when each complaint was
    /// received judges it. `connections` bounds the pool (default 8); `wait` (seconds or a
    /// `timedelta`, default 30 s) is how long an operation waits for a connection, a row lock
    /// or SQLite's write lock before `store.busy`; `durability` (a `Durability`) is when a
    /// PostgreSQL write counts as done; `reminders`, a callable `(case, schedule) -> datetime
    /// | None`, fills the reminder index on every write (see `reminders()`).
    ///
    /// Raises `StoreError`: `store.invalid_target`, `store.unavailable`,
    /// `store.schema_too_new`, `store.database`.
    #[staticmethod]
    #[pyo3(
        signature = (target, policy, *, connections = Arg(8), wait = None, durability = None, reminders = None),
        text_signature = "(target, policy, *, connections=8, wait=None, durability=None, reminders=None)"
    )]
    fn open(
        py: Python<'_>,
        target: Text,
        policy: Policies,
        connections: Arg<usize>,
        wait: Option<Wait>,
        durability: Option<DurabilityArg>,
        reminders: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyStore> {
        guard(|| {
            let mut options = StoreOptions::new(policy.0).connections(connections.0);
            if let Some(wait) = wait {
                options = options.wait(wait.0);
            }
            if let Some(durability) = durability {
                options = options.durability(durability.0);
            }
            if let Some(rule) = reminders {
                if !rule.is_callable() {
                    return Err(invalid_argument(
                        "reminders: expected a callable (case, schedule) -> datetime | None",
                    ));
                }
                options = options.reminders(Arc::new(PyReminders(rule.unbind())));
            }
            let store = py
                .detach(|| Store::open_with(&target, options))
                .map_err(store_err)?;
            Ok(PyStore {
                backend: store.backend(),
                store: RwLock::new(Some(Arc::new(store))),
            })
        })
    }

    /// `"sqlite"` or `"postgres"`.
    #[getter]
    fn backend(&self) -> &'static str {
        self.backend
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.store
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_none()
    }

    /// Returns the store's connections; later calls raise `StoreError` (`store.unavailable`).
    /// Calls still running finish first. Closing twice does nothing.
    fn close(&self, py: Python<'_>) {
        let store = self
            .store
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        // The last reference closes the connections: a PostgreSQL goodbye may wait.
        py.detach(move || drop(store));
    }

    fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, pyo3::types::PyTuple>) -> bool {
        self.close(py);
        false
    }

    /// The database's schema version.
    fn schema_version(&self, py: Python<'_>) -> PyResult<u32> {
        guard(|| self.run(py, Store::schema_version))
    }

    /// Registers a complaint: its `received` event (an `Event`, a dict or JSON text), the
    /// registration instant `at`, the registrar's staff id `by`, and an optional `request_key`
    /// (the same key again returns the first registration with `replayed=True`, never a
    /// second number). The number of the office month of receipt is allocated in the
    /// transaction that writes the case.
    ///
    /// Raises the library's refusal (`TransitionError`: `case.intake_incomplete`,
    /// `case.inadmissible`, …, with its clause), `NumberError` (`number.serial_exhausted`),
    /// `StoreError` (`store.request_key_in_use`, database errors); every one is a `StoreError`.
    #[pyo3(signature = (received, at, *, by = None, request_key = None))]
    fn register(
        &self,
        py: Python<'_>,
        received: EventArg,
        at: At,
        by: Option<Text>,
        request_key: Option<Text>,
    ) -> PyResult<PyRegistered> {
        guard(|| {
            let mut registration = Registration::new(received.0, at.0);
            registration.by = by.map(String::from);
            registration.request_key = request_key.map(String::from);
            self.run(py, move |s| s.register(registration))
                .map(PyRegistered)
        })
    }

    /// Stores a complaint that cannot be registered yet (§2.2.1: information missing): a case
    /// without a number. Register it later with `register_received`.
    #[pyo3(signature = (received, *, request_key = None))]
    fn receive(
        &self,
        py: Python<'_>,
        received: EventArg,
        request_key: Option<Text>,
    ) -> PyResult<PyReceived> {
        guard(|| {
            self.run(py, move |s| s.receive(received.0, request_key.as_deref()))
                .map(PyReceived)
        })
    }

    /// Registers a stored case received without a number, at the version the writer last saw:
    /// the number of its month of receipt and the `registered` event in one transaction.
    ///
    /// Raises `StoreError`: `store.not_found`, `store.conflict`, the library's refusal
    /// (`case.intake_incomplete` while information is missing), `history.*`.
    #[pyo3(signature = (case, expected_version, at, *, by = None))]
    fn register_received(
        &self,
        py: Python<'_>,
        case: Arg<i64>,
        expected_version: Arg<u64>,
        at: At,
        by: Option<Text>,
    ) -> PyResult<PyRegistered> {
        guard(|| {
            self.run(py, move |s| {
                s.register_received(CaseId(case.0), expected_version.0, at.0, by.as_deref())
            })
            .map(PyRegistered)
        })
    }

    /// Appends one event (an `Event`, a dict or JSON text) to a case whose version the writer
    /// last saw as `expected_version`; the library's `apply` decides. Two writers at the same
    /// version: one succeeds, the other gets `store.conflict` and nothing is applied twice.
    ///
    /// Raises `StoreError`: `store.not_found`, `store.conflict`,
    /// `store.registration_through_append`, the library's refusal of the event (a
    /// `TransitionError` too, with the clause), `history.*` (a `HistoryError` too).
    fn append(
        &self,
        py: Python<'_>,
        case: Arg<i64>,
        expected_version: Arg<u64>,
        event: EventArg,
    ) -> PyResult<PyAppended> {
        guard(|| {
            self.run(py, move |s| {
                s.append(CaseId(case.0), expected_version.0, event.0)
            })
            .map(PyAppended)
        })
    }

    /// Loads a case by its id: its history verified against its hash chain and replayed.
    ///
    /// Raises `StoreError`: `store.not_found`; `history.chain_broken` /
    /// `history.head_mismatch` (a `HistoryError` too, `.index` where the stored history was
    /// tampered with, §6.1.2).
    fn load(&self, py: Python<'_>, case: Arg<i64>) -> PyResult<PyStoredCase> {
        guard(|| {
            self.run(py, move |s| s.load(CaseId(case.0)))
                .map(PyStoredCase)
        })
    }

    /// Loads a case by its complaint number (a `ComplaintNumber` or its eight digits), as
    /// `load`.
    fn find(&self, py: Python<'_>, number: NumberArg) -> PyResult<PyStoredCase> {
        guard(|| self.run(py, move |s| s.find(number.0)).map(PyStoredCase))
    }

    /// Cases whose next deadline falls in `[start, end)` (with `start` None, every case due
    /// before `end`: overdue ones included), earliest first, at most `limit`; from the index,
    /// without replaying a case.
    fn due(
        &self,
        py: Python<'_>,
        start: Option<At>,
        end: At,
        limit: Arg<u32>,
    ) -> PyResult<Vec<PyDueCase>> {
        guard(|| {
            let due = self.run(py, move |s| s.due(start.map(|a| a.0), end.0, limit.0))?;
            Ok(due.into_iter().map(PyDueCase).collect())
        })
    }

    /// Cases whose next reminder (the `reminders` rule given to `open`) falls in
    /// `[start, end)`, earliest first, at most `limit`. Without a rule there are none.
    fn reminders(
        &self,
        py: Python<'_>,
        start: Option<At>,
        end: At,
        limit: Arg<u32>,
    ) -> PyResult<Vec<PyReminderCase>> {
        guard(|| {
            let due = self.run(py, move |s| s.reminders(start.map(|a| a.0), end.0, limit.0))?;
            Ok(due.into_iter().map(PyReminderCase).collect())
        })
    }

    /// The retention sweep on `on` (a date, §6.2.2): every archived, not destroyed case whose
    /// retention ended before `on`, with what the library's `archive.sweep` decides for it.
    /// Destroying one is an `append` of its `destroyed` event.
    fn retention_sweep(&self, py: Python<'_>, on: Date) -> PyResult<Vec<PySweptCase>> {
        guard(|| {
            let swept = self.run(py, move |s| s.retention_sweep(on.0))?;
            Ok(swept.into_iter().map(PySweptCase).collect())
        })
    }

    /// The statistics ledger's `Record`s of the registered, classified cases received in
    /// `[start, end)`, from the index (nothing personal).
    fn ledger_records(&self, py: Python<'_>, start: At, end: At) -> PyResult<Vec<PyRecord>> {
        guard(|| {
            let records = self.run(py, move |s| s.ledger_records(start.0, end.0))?;
            Ok(records.into_iter().map(PyRecord).collect())
        })
    }

    /// The statistics `Ledger` of the cases received in `[start, end)`, ready for
    /// `ledger.report("month")`.
    fn ledger(&self, py: Python<'_>, start: At, end: At) -> PyResult<PyLedger> {
        guard(|| {
            self.run(py, move |s| s.ledger(start.0, end.0))
                .map(PyLedger)
        })
    }

    /// Recomputes every case's index columns from its verified history (after changing the
    /// reminder rule, the policies or the calendar); returns how many cases changed.
    fn reindex(&self, py: Python<'_>) -> PyResult<usize> {
        guard(|| self.run(py, Store::reindex))
    }

    fn __repr__(&self) -> String {
        // Never the target: a URL may carry a password.
        format!(
            "Store(backend='{}'{})",
            self.backend,
            if self.closed() { ", closed" } else { "" }
        )
    }
}

fn opt_number(number: Option<complaint_office::number::ComplaintNumber>) -> String {
    number.map_or_else(|| "None".to_owned(), |n| format!("'{n}'"))
}

/// A registered complaint: its case id, number and version (what the next `append` passes),
/// and whether it is an earlier registration returned for its request key.
#[pyclass(name = "Registered", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyRegistered(Registered);

#[pymethods]
impl PyRegistered {
    /// The case id.
    #[getter]
    fn case(&self) -> i64 {
        self.0.case.0
    }

    /// Its complaint number.
    #[getter]
    fn number(&self) -> PyComplaintNumber {
        PyComplaintNumber(self.0.number)
    }

    /// Its version (events stored).
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    /// Whether nothing new was written (the request key's first registration).
    #[getter]
    fn replayed(&self) -> bool {
        self.0.replayed
    }

    /// `{"case", "number", "version", "replayed"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("case", self.0.case.0)?;
        dict.set_item("number", self.0.number.to_string())?;
        dict.set_item("version", self.0.version)?;
        dict.set_item("replayed", self.0.replayed)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Registered(case={}, number='{}', version={}, replayed={})",
            self.0.case,
            self.0.number,
            self.0.version,
            py_bool(self.0.replayed)
        )
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// A complaint stored without a number (waiting for missing information).
#[pyclass(name = "Received", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyReceived(Received);

#[pymethods]
impl PyReceived {
    /// The case id.
    #[getter]
    fn case(&self) -> i64 {
        self.0.case.0
    }

    /// Its version.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    /// Whether nothing new was written (the request key's first one).
    #[getter]
    fn replayed(&self) -> bool {
        self.0.replayed
    }

    /// `{"case", "version", "replayed"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("case", self.0.case.0)?;
        dict.set_item("version", self.0.version)?;
        dict.set_item("replayed", self.0.replayed)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Received(case={}, version={}, replayed={})",
            self.0.case,
            self.0.version,
            py_bool(self.0.replayed)
        )
    }
}

/// An appended event: the case's version and status now.
#[pyclass(name = "Appended", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyAppended(Appended);

#[pymethods]
impl PyAppended {
    /// The case's version now: what the next `append` passes.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    /// Its status now (a `Status`).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.case",
            "Status",
            self.0.status.as_str()
        )
    }

    /// `{"version", "status"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("version", self.0.version)?;
        dict.set_item("status", self.0.status.as_str())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Appended(version={}, status='{}')",
            self.0.version, self.0.status
        )
    }
}

/// A case read back: its id, version, the hash of its last event (`head`), the replayed
/// `Case` and its `Event`s. `repr()` shows where the case stands, never its content.
#[pyclass(name = "StoredCase", module = "complaint_office.store", frozen)]
#[derive(Debug, Clone)]
pub struct PyStoredCase(StoredCase);

#[pymethods]
impl PyStoredCase {
    /// The case id.
    #[getter]
    fn id(&self) -> i64 {
        self.0.id.0
    }

    /// Its version (the number of events): what the next `append` passes.
    #[getter]
    fn version(&self) -> u64 {
        self.0.version
    }

    /// The chain hash of its last event (64 hexadecimal digits), as `history.head` gives it.
    #[getter]
    fn head(&self) -> String {
        self.0.head.to_hex()
    }

    /// The case, replayed from its verified history.
    #[getter]
    fn case(&self) -> PyCase {
        PyCase::new_from(self.0.case.clone())
    }

    /// Its events, in order.
    #[getter]
    fn events(&self) -> Vec<PyEvent> {
        self.0.events.iter().cloned().map(PyEvent).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "StoredCase(id={}, version={}, status='{}', number={})",
            self.0.id,
            self.0.version,
            self.0.case.status(),
            opt_number(self.0.case.number())
        )
    }
}

/// A case whose next deadline falls in a window: its id, number, the stage whose clock runs
/// out first and its due instant (office time).
#[pyclass(name = "DueCase", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDueCase(DueCase);

#[pymethods]
impl PyDueCase {
    /// The case id.
    #[getter]
    fn case(&self) -> i64 {
        self.0.case.0
    }

    /// Its number (None before registration).
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.0.number.map(PyComplaintNumber)
    }

    /// The stage (a `Stage`).
    #[getter]
    fn stage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(py, "complaint_office.case", "Stage", self.0.stage.as_str())
    }

    /// Its due instant, in office time.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.due)
    }

    /// `{"case", "number", "stage", "due"}` (instants in RFC 3339).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("case", self.0.case.0)?;
        dict.set_item("number", self.0.number.map(|n| n.to_string()))?;
        dict.set_item("stage", self.0.stage.as_str())?;
        dict.set_item("due", complaint_office::time::format_instant(&self.0.due))?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "DueCase(case={}, number={}, stage='{}', due='{}')",
            self.0.case,
            opt_number(self.0.number),
            self.0.stage,
            complaint_office::time::format_instant(&self.0.due)
        )
    }
}

/// A case whose next reminder falls in a window: its id, number and the reminder's instant
/// (office time).
#[pyclass(name = "ReminderCase", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyReminderCase(ReminderCase);

#[pymethods]
impl PyReminderCase {
    /// The case id.
    #[getter]
    fn case(&self) -> i64 {
        self.0.case.0
    }

    /// Its number (None before registration).
    #[getter]
    fn number(&self) -> Option<PyComplaintNumber> {
        self.0.number.map(PyComplaintNumber)
    }

    /// When to remind, in office time.
    #[getter]
    fn at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.at)
    }

    /// `{"case", "number", "at"}` (instants in RFC 3339).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("case", self.0.case.0)?;
        dict.set_item("number", self.0.number.map(|n| n.to_string()))?;
        dict.set_item("at", complaint_office::time::format_instant(&self.0.at))?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "ReminderCase(case={}, number={}, at='{}')",
            self.0.case,
            opt_number(self.0.number),
            complaint_office::time::format_instant(&self.0.at)
        )
    }
}

/// An archived case in a retention sweep: its id and what the library's sweep decided
/// (`entry`, an `archive.SweepEntry`: may destroy, awaiting approval, held).
#[pyclass(name = "SweptCase", module = "complaint_office.store", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PySweptCase(SweptCase);

#[pymethods]
impl PySweptCase {
    /// The case id.
    #[getter]
    fn case(&self) -> i64 {
        self.0.case.0
    }

    /// The sweep's entry for it.
    #[getter]
    fn entry(&self) -> PySweepEntry {
        PySweepEntry(self.0.entry)
    }

    fn __repr__(&self) -> String {
        format!(
            "SweptCase(case={}, number='{}', status='{}')",
            self.0.case,
            self.0.entry.number,
            self.0.entry.status.as_str()
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("SCHEMA_VERSION", SCHEMA_VERSION)?;
    m.add(
        "_DURABILITIES",
        DURABILITIES
            .iter()
            .map(|(name, _)| *name)
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<PyStore>()?;
    m.add_class::<PyRegistered>()?;
    m.add_class::<PyReceived>()?;
    m.add_class::<PyAppended>()?;
    m.add_class::<PyStoredCase>()?;
    m.add_class::<PyDueCase>()?;
    m.add_class::<PyReminderCase>()?;
    m.add_class::<PySweptCase>()?;
    Ok(())
}
