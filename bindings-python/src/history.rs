//! Tamper-evident histories (§6.1.2): each stored event with a SHA-256 hash chained over the
//! one before it, verified before a stored history is replayed. Hashes cross as 64 hexadecimal
//! digits (`str`, written in lowercase, read in either case).

use complaint_office::history::{self, ChainHash, ChainedEvent};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use serde_json::Value;

use crate::case::{History, PyCase, PyEvent};
use crate::convert::{Ref, Text, from_json, to_json};
use crate::errors::{case_err, history_err, type_error};
use crate::guard;
use crate::policy::{PyPolicy, PyPolicySet};

fn hash_of(text: &str) -> PyResult<ChainHash> {
    ChainHash::from_hex(text).map_err(history_err)
}

fn head_of(head: Option<&str>) -> PyResult<Option<ChainHash>> {
    head.map(hash_of).transpose()
}

/// One event of a chained history as a store keeps it: the event as JSON (a dict) and its
/// hash over the previous link and the event's canonical JSON. `repr()` shows the event's type
/// and instant, never its content.
///
/// >>> from complaint_office import history
/// >>> linked = history.chain([{"type": "registered", "at": "2025-09-26T11:00:00+08:00",
/// ...                          "number": "25090001"}])[0]
/// >>> linked.canonical
/// '{"at":"2025-09-26T11:00:00+08:00","number":"25090001","type":"registered"}'
/// >>> linked.hash
/// '019ef0bea7cf9a487d767189d1427620f99a902658a918057d7a55df227c9aa3'
#[pyclass(
    name = "ChainedEvent",
    module = "complaint_office.history",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyChainedEvent(ChainedEvent);

#[pymethods]
impl PyChainedEvent {
    /// A stored event: the event (an `Event`, a dict or JSON text) and its hash (64
    /// hexadecimal digits). Raises `HistoryError` (`history.invalid_hash`) for a hash that is
    /// not one.
    #[new]
    fn new(event: &Bound<'_, PyAny>, hash: Text) -> PyResult<Self> {
        guard(|| {
            Ok(PyChainedEvent(ChainedEvent {
                event: event_value(event)?,
                hash: hash_of(&hash)?,
            }))
        })
    }

    /// The event as a dict (as stored: the form `Event.to_json_value()` writes).
    #[getter]
    fn event<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        from_json(py, &self.0.event)
    }

    /// Its hash: 64 lowercase hexadecimal digits.
    #[getter]
    fn hash(&self) -> String {
        self.0.hash.to_hex()
    }

    /// The event's canonical JSON (sorted keys, no white space): the text that is hashed, and
    /// the text to store when the store keeps text.
    #[getter]
    fn canonical(&self) -> String {
        self.0.canonical()
    }

    /// `{"event", "hash"}`: what a store keeps.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("event", self.event(py)?)?;
        dict.set_item("hash", self.hash())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let text = |key: &str| {
            self.0
                .event
                .get(key)
                .and_then(Value::as_str)
                .map_or_else(|| "None".to_owned(), |v| format!("'{v}'"))
        };
        format!(
            "ChainedEvent(type={}, at={}, hash='{}')",
            text("type"),
            text("at"),
            self.0.hash
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let c = &slf.get().0;
        let args = PyTuple::new(
            py,
            [
                from_json(py, &c.event)?,
                c.hash.to_hex().into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// An event as JSON: an `Event` (its JSON form), JSON text, or a JSON-like value.
fn event_value(ob: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(e) = ob.cast::<PyEvent>() {
        return Ok(e.get().0.to_json_value());
    }
    if let Ok(text) = ob.cast::<PyString>() {
        return serde_json::from_str(&crate::convert::text_of(text)?).map_err(|_| {
            case_err(complaint_office::case::CaseError::invalid_event(
                "(event)",
                "expected the JSON text of an event",
            ))
        });
    }
    to_json(ob)
}

/// A stored history: an iterable of `ChainedEvent`s or dicts `{"event", "hash"}`.
struct Stored(Vec<ChainedEvent>);

impl FromPyObject<'_, '_> for Stored {
    type Error = PyErr;

    fn extract(ob: pyo3::Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if ob.cast::<PyString>().is_ok() || ob.cast::<PyDict>().is_ok() {
            return Err(type_error(
                "an iterable of ChainedEvent or {\"event\", \"hash\"} dicts",
                &ob,
            ));
        }
        let mut stored = Vec::with_capacity(ob.len().unwrap_or(0));
        let items = ob.try_iter().map_err(|_| {
            type_error(
                "an iterable of ChainedEvent or {\"event\", \"hash\"} dicts",
                &ob,
            )
        })?;
        for item in items {
            let item = item?;
            if let Ok(c) = item.cast::<PyChainedEvent>() {
                stored.push(c.get().0.clone());
                continue;
            }
            let Ok(dict) = item.cast::<PyDict>() else {
                return Err(type_error(
                    "a ChainedEvent or a {\"event\", \"hash\"} dict",
                    &item,
                ));
            };
            if dict.len() != 2 {
                return Err(type_error(
                    "a dict with exactly the keys \"event\" and \"hash\"",
                    &item,
                ));
            }
            let (Some(event), Some(hash)) = (dict.get_item("event")?, dict.get_item("hash")?)
            else {
                return Err(type_error(
                    "a dict with exactly the keys \"event\" and \"hash\"",
                    &item,
                ));
            };
            let hash = hash
                .cast::<PyString>()
                .map_err(|_| type_error("a hash as text (64 hexadecimal digits)", &hash))?
                .to_cow()
                .map_err(|_| crate::errors::err(complaint_office::InputError::InvalidText))?
                .into_owned();
            stored.push(ChainedEvent {
                event: to_json(&event)?,
                hash: hash_of(&hash)?,
            });
        }
        Ok(Stored(stored))
    }
}

/// Links a history from the start: each event (an `Event`, a dict or JSON text; an event that
/// cannot be read raises `EventError` with its `.index`) with its hash. What a store writes.
#[pyfunction]
fn chain(events: History) -> PyResult<Vec<PyChainedEvent>> {
    guard(|| {
        Ok(history::chain(&events.0)
            .into_iter()
            .map(PyChainedEvent)
            .collect())
    })
}

/// Links one more event after `previous` (the head of the history so far, or `GENESIS` for
/// the first event): what a store appends.
///
/// >>> from complaint_office import history
/// >>> first = history.link(history.GENESIS, {"type": "registered",
/// ...                                         "at": "2025-09-26T11:00:00+08:00", "number": "25090001"})
/// >>> history.verify([first]) == first.hash
/// True
#[pyfunction]
fn link(previous: Text, event: crate::case::EventArg) -> PyResult<PyChainedEvent> {
    guard(|| {
        Ok(PyChainedEvent(history::link(
            &hash_of(&previous)?,
            &event.0,
        )))
    })
}

/// The head of a stored history: its last hash, or `GENESIS` when empty.
#[pyfunction]
fn head(history: Stored) -> PyResult<String> {
    guard(|| Ok(history::head(&history.0).to_hex()))
}

/// The canonical JSON of an event (a dict, `Event` or JSON text): sorted keys, no white
/// space, fixed string escapes (Python's `json.dumps(value, ensure_ascii=False,
/// separators=(",", ":"), sort_keys=True)` for an event's JSON form).
#[pyfunction]
fn canonical_json(event: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(|| Ok(history::canonical_json(&event_value(event)?)))
}

/// Recomputes the chain of a stored history (`ChainedEvent`s or `{"event", "hash"}` dicts;
/// key order and spacing of a stored event do not matter) and returns its head. With `head`
/// (the head the store keeps with the case) the chain must also end there.
///
/// Raises `HistoryError`: `history.chain_broken` with `.index` the first event that does not
/// link (an edit, a swap, an insertion or a deletion there), `history.head_mismatch` with
/// `.index` the number of events read (a cut tail), `history.invalid_hash`.
///
/// >>> from complaint_office import history, HistoryError
/// >>> stored = [e.to_dict() for e in history.chain([
/// ...     {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
/// ...     {"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}])]
/// >>> head = history.verify(stored)
/// >>> stored[0]["event"]["number"] = "25090002"
/// >>> try:
/// ...     history.verify(stored, head)
/// ... except HistoryError as e:
/// ...     print(e.code, e.index, e.clause)
/// history.chain_broken 0 §6.1.2
#[pyfunction]
#[pyo3(signature = (history, head = None))]
fn verify(py: Python<'_>, history: Stored, head: Option<Text>) -> PyResult<String> {
    guard(|| {
        let head = head_of(head.as_deref())?;
        py.detach(|| history::verify(&history.0, head.as_ref()))
            .map(|h| h.to_hex())
            .map_err(history_err)
    })
}

/// Verifies a stored history (as `verify`), then reads its events: for a host that needs the
/// events as well as the case.
#[pyfunction]
#[pyo3(signature = (history, head = None))]
fn verified_events(history: Stored, head: Option<Text>) -> PyResult<Vec<PyEvent>> {
    guard(|| {
        let head = head_of(head.as_deref())?;
        history::verified_events(history.0, head.as_ref())
            .map(|events| events.into_iter().map(PyEvent).collect())
            .map_err(history_err)
    })
}

/// Verifies a stored history (as `verify`; the whole chain before any event is read, so a
/// tampered history is reported as such even when the edit also makes an event invalid), then
/// rebuilds its case under `policy` as `Case.replay` does. An intact history the case refuses
/// raises the case's own error, with the refused event's `.index`.
#[pyfunction]
#[pyo3(signature = (policy, history, head = None))]
fn replay(
    py: Python<'_>,
    policy: Ref<'_, PyPolicy>,
    history: Stored,
    head: Option<Text>,
) -> PyResult<PyCase> {
    guard(|| {
        let head = head_of(head.as_deref())?;
        let policy = &policy.0;
        py.detach(|| history::replay_verified(policy, history.0, head.as_ref()))
            .map(PyCase::new_from)
            .map_err(history_err)
    })
}

/// As `replay`, under the policy of `policies` in force when the complaint was received.
#[pyfunction]
#[pyo3(signature = (policies, history, head = None))]
fn replay_in(
    py: Python<'_>,
    policies: Ref<'_, PyPolicySet>,
    history: Stored,
    head: Option<Text>,
) -> PyResult<PyCase> {
    guard(|| {
        let head = head_of(head.as_deref())?;
        let policies = &policies.0;
        py.detach(|| history::replay_verified_in(policies, history.0, head.as_ref()))
            .map(PyCase::new_from)
            .map_err(history_err)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("GENESIS", ChainHash::GENESIS.to_hex())?;
    m.add_class::<PyChainedEvent>()?;
    m.add_function(wrap_pyfunction!(chain, m)?)?;
    m.add_function(wrap_pyfunction!(link, m)?)?;
    m.add_function(wrap_pyfunction!(head, m)?)?;
    m.add_function(wrap_pyfunction!(canonical_json, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(verified_events, m)?)?;
    m.add_function(wrap_pyfunction!(replay, m)?)?;
    m.add_function(wrap_pyfunction!(replay_in, m)?)?;
    Ok(())
}
