//! Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency, track, priority; the
//! queue order.

use complaint_office::triage::{self, Assessment, QueueKey};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{At, Many, Ref, Text, py_enum};
use crate::errors::err;
use crate::guard;
use crate::policy::PyPolicy;

/// The outcome of triage: emergency procedure, track and priority (1 goes first).
#[pyclass(
    name = "Assessment",
    module = "complaint_office.triage",
    frozen,
    eq,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyTriageAssessment(pub Assessment);

#[pymethods]
impl PyTriageAssessment {
    /// Whether the emergency procedure starts (§2.2.4).
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency
    }

    /// The handling track (a `Track`, §4.1.2).
    #[getter]
    fn track<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.triage",
            "Track",
            self.0.track.as_str()
        )
    }

    /// The place in the queue: 1 goes first.
    #[getter]
    fn priority(&self) -> u8 {
        self.0.priority
    }

    /// The JSON form of `triage.assess`: `{"emergency", "track", "priority"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("emergency", self.0.emergency)?;
        dict.set_item("track", self.0.track.as_str())?;
        dict.set_item("priority", self.0.priority)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment(emergency={}, track='{}', priority={})",
            if self.0.emergency { "True" } else { "False" },
            self.0.track,
            self.0.priority
        )
    }
}

/// A complaint's place in the queue: keys compare in queue order (emergencies first, then
/// priority, then the earlier receipt).
#[pyclass(
    name = "QueueKey",
    module = "complaint_office.triage",
    frozen,
    eq,
    ord,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyQueueKey(QueueKey);

#[pymethods]
impl PyQueueKey {
    /// The key of a complaint assessed as `assessment` and received at `received_at`.
    #[new]
    fn new(assessment: Ref<'_, PyTriageAssessment>, received_at: At) -> Self {
        PyQueueKey(QueueKey::new(&assessment.0, received_at.0))
    }

    /// Whether the complaint is in the emergency procedure.
    #[getter]
    fn emergency(&self) -> bool {
        self.0.emergency()
    }

    /// The priority, 1 first.
    #[getter]
    fn priority(&self) -> u8 {
        self.0.priority()
    }

    /// The key as text that sorts bytewise in queue order.
    fn sort_key(&self) -> String {
        self.0.sort_key()
    }

    fn __repr__(&self) -> String {
        format!("QueueKey('{}')", self.0.sort_key())
    }
}

/// Assesses a complaint under the policy's triage matrix.
///
/// >>> from complaint_office import Policy, triage
/// >>> a = triage.assess(Policy(), "serious", "urgent", "simple")
/// >>> a.emergency, a.track
/// (True, <Track.GENERAL: 'general'>)
#[pyfunction]
fn assess(
    policy: Ref<'_, PyPolicy>,
    severity: Text,
    urgency: Text,
    complexity: Text,
) -> PyResult<PyTriageAssessment> {
    guard(|| {
        Ok(PyTriageAssessment(triage::assess(
            &policy.0,
            severity.parse().map_err(err)?,
            urgency.parse().map_err(err)?,
            complexity.parse().map_err(err)?,
        )))
    })
}

/// The queue order of some keys: their indices, first in the queue first (stable).
#[pyfunction]
fn queue_order(keys: Many<PyQueueKey>) -> Vec<usize> {
    let keys: Vec<QueueKey> = keys.0.into_iter().map(|k| k.0).collect();
    triage::queue_order(&keys)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // `Assessment` is also accountability's: the native module holds it under another name.
    m.add("TriageAssessment", m.py().get_type::<PyTriageAssessment>())?;
    m.add_class::<PyQueueKey>()?;
    m.add_function(wrap_pyfunction!(assess, m)?)?;
    m.add_function(wrap_pyfunction!(queue_order, m)?)?;
    Ok(())
}
