//! The policy file: `Policy.from_toml_str`, `from_json_str`, `from_json_value` (a dict),
//! `from_file`; accessors; `PolicySet` by effective date.

use std::path::PathBuf;

use complaint_office::policy::{Deadlines, Policy, PolicySet, Retention, Sla};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::calendar::PyCalendar;
use crate::convert::{Arg, At, Date, Many, Ref, Text, from_json, opt_date_to_py, py_enum, to_json};
use crate::duration::PyDuration;
use crate::errors::policy_err;
use crate::guard;

/// A validated policy (POLICY.md with every blank filled in). `Policy()` is the documented
/// default; unknown keys are errors (`policy.unknown_key`) and every error names its key.
///
/// >>> from complaint_office import Policy
/// >>> p = Policy.from_toml_str('[deadlines]\nplan = "10 working days"')
/// >>> str(p.deadlines.plan), str(p.deadlines.feedback)
/// ('10 working days', '3 working days')
/// >>> try:
/// ...     Policy.from_toml_str('[deadlines]\nplann = "10 days"')
/// ... except ValueError as e:
/// ...     print(e.code, e.key)
/// policy.unknown_key deadlines.plann
#[pyclass(
    name = "Policy",
    module = "complaint_office.policy",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PyPolicy(pub Policy);

/// The time limits of a policy (`[deadlines]`).
#[pyclass(
    name = "Deadlines",
    module = "complaint_office.policy",
    frozen,
    get_all
)]
#[derive(Debug, Clone)]
pub struct PyDeadlines {
    /// §2.2.1: initial registration after receipt.
    registration: PyDuration,
    /// §4.1.2: the handling plan of a general complaint.
    plan: PyDuration,
    /// §4.1.2: the furthest a complex or major complaint's plan may be extended.
    plan_extended_max: PyDuration,
    /// §4.4.1: result feedback after implementation is complete.
    feedback: PyDuration,
    /// §5.2.1: the follow-up visit after handling is complete.
    follow_up: PyDuration,
    /// §5.1.2: re-handling after an objection.
    rehandling: PyDuration,
}

impl From<&Deadlines> for PyDeadlines {
    fn from(d: &Deadlines) -> Self {
        PyDeadlines {
            registration: PyDuration(d.registration),
            plan: PyDuration(d.plan),
            plan_extended_max: PyDuration(d.plan_extended_max),
            feedback: PyDuration(d.feedback),
            follow_up: PyDuration(d.follow_up),
            rehandling: PyDuration(d.rehandling),
        }
    }
}

#[pymethods]
impl PyDeadlines {
    fn __repr__(&self) -> String {
        format!(
            "Deadlines(registration='{}', plan='{}', plan_extended_max='{}', feedback='{}', follow_up='{}', rehandling='{}')",
            self.registration.0,
            self.plan.0,
            self.plan_extended_max.0,
            self.feedback.0,
            self.follow_up.0,
            self.rehandling.0
        )
    }
}

/// When a stage counts as due soon (`[sla]`).
#[pyclass(name = "Sla", module = "complaint_office.policy", frozen, get_all)]
#[derive(Debug, Clone)]
pub struct PySla {
    /// A stage is due soon when at most this much is left …
    due_soon: PyDuration,
    /// … or at most this fraction of its whole period.
    due_soon_fraction: f64,
}

impl From<&Sla> for PySla {
    fn from(s: &Sla) -> Self {
        PySla {
            due_soon: PyDuration(s.due_soon),
            due_soon_fraction: s.due_soon_fraction,
        }
    }
}

/// How long archived files are kept (`[retention]`, §6.2.2).
#[pyclass(
    name = "Retention",
    module = "complaint_office.policy",
    frozen,
    get_all
)]
#[derive(Debug, Clone)]
pub struct PyRetention {
    /// The retention period, from the archive date.
    period: PyDuration,
}

impl From<&Retention> for PyRetention {
    fn from(r: &Retention) -> Self {
        PyRetention {
            period: PyDuration(r.period),
        }
    }
}

#[pymethods]
impl PyPolicy {
    /// The default policy (POLICY.md's documented defaults).
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// The default policy.
    #[staticmethod]
    fn default() -> Self {
        PyPolicy(Policy::default())
    }

    /// Reads a policy from TOML text. Raises `PolicyError` naming the key.
    #[staticmethod]
    fn from_toml_str(text: Text) -> PyResult<Self> {
        guard(|| {
            Policy::from_toml_str(&text)
                .map(PyPolicy)
                .map_err(policy_err)
        })
    }

    /// Reads a policy from JSON text. Raises `PolicyError` naming the key.
    #[staticmethod]
    fn from_json_str(text: Text) -> PyResult<Self> {
        guard(|| {
            Policy::from_json_str(&text)
                .map(PyPolicy)
                .map_err(policy_err)
        })
    }

    /// Reads a policy from a dict in the JSON form (dates and durations may be native values).
    #[staticmethod]
    fn from_json_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            Policy::from_json_value(to_json(value)?)
                .map(PyPolicy)
                .map_err(policy_err)
        })
    }

    /// Reads a policy file: JSON when the name ends in `.json`, TOML otherwise. A file that
    /// cannot be read is `input.unreadable`; one over `max_bytes` (64 MiB by default) is
    /// `input.too_large`, checked while reading, so a device that never ends stops too.
    #[staticmethod]
    #[pyo3(signature = (path, *, max_bytes = crate::convert::Count(complaint_office::input::MAX_TEXT_FILE_BYTES)))]
    fn from_file(
        py: Python<'_>,
        path: Arg<PathBuf>,
        max_bytes: crate::convert::Count,
    ) -> PyResult<Self> {
        guard(|| {
            let text = py
                .detach(|| complaint_office::input::read_text_file(&path.0, max_bytes.0))
                .map_err(crate::errors::err)?;
            let json = path
                .0
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            if json {
                Self::from_json_str(Text(text))
            } else {
                Self::from_toml_str(Text(text))
            }
        })
    }

    /// The policy as TOML (round-trips through `from_toml_str`).
    fn to_toml(&self) -> PyResult<String> {
        guard(|| self.0.to_toml().map_err(policy_err))
    }

    /// The policy as a dict in the JSON form, every default filled in.
    fn to_json_value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| from_json(py, &self.0.to_json_value().map_err(policy_err)?))
    }

    /// Same as `to_json_value()`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_json_value(py)
    }

    /// A name for the policy, shown in reports.
    #[getter]
    fn name(&self) -> &str {
        self.0.name()
    }

    /// The first day the policy is in force, or None.
    #[getter]
    fn effective_from<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| opt_date_to_py(py, self.0.effective_from()))
    }

    /// The office's UTC offset, as a `datetime.timezone`.
    #[getter]
    fn office_offset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| Ok(self.0.office_offset().into_pyobject(py)?.into_any()))
    }

    /// The language of labels, reports and charts.
    #[getter]
    fn language<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            py_enum!(
                py,
                "complaint_office.policy",
                "Language",
                self.0.language().tag()
            )
        })
    }

    /// The working-day calendar.
    #[getter]
    fn calendar(&self) -> PyCalendar {
        PyCalendar(self.0.calendar().clone())
    }

    /// The time limits.
    #[getter]
    fn deadlines(&self) -> PyDeadlines {
        self.0.deadlines().into()
    }

    /// When stages count as due soon.
    #[getter]
    fn sla(&self) -> PySla {
        self.0.sla().into()
    }

    /// Retention of archived files.
    #[getter]
    fn retention(&self) -> PyRetention {
        self.0.retention().into()
    }

    /// The discipline table (`[discipline]`, §8).
    #[getter]
    fn discipline(&self) -> crate::accountability::PyDisciplineTable {
        crate::accountability::PyDisciplineTable(self.0.discipline().clone())
    }

    /// This policy with another calendar (for example one with holiday-cn data loaded).
    fn with_calendar(&self, calendar: Ref<'_, PyCalendar>) -> PyResult<Self> {
        guard(|| {
            self.0
                .with_calendar(calendar.0.clone())
                .map(PyPolicy)
                .map_err(policy_err)
        })
    }

    fn __repr__(&self) -> String {
        format!("Policy(name={:?})", self.0.name())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let rebuild = slf.get_type().getattr("from_json_value")?;
        let state = from_json(py, &slf.get().0.to_json_value().map_err(policy_err)?)?;
        Ok((rebuild, PyTuple::new(py, [state])?))
    }
}

/// Policies by effective date: a case is judged by the policy in force when it was received.
#[pyclass(name = "PolicySet", module = "complaint_office.policy", frozen)]
#[derive(Debug, Clone)]
pub struct PyPolicySet(pub PolicySet);

#[pymethods]
impl PyPolicySet {
    /// A set of policies; two with the same effective date are a `PolicyError`
    /// (`policy.contradiction`).
    #[new]
    fn new(policies: Many<PyPolicy>) -> PyResult<Self> {
        guard(|| {
            PolicySet::new(policies.0.into_iter().map(|p| p.0))
                .map(PyPolicySet)
                .map_err(policy_err)
        })
    }

    /// The policy in force on `date`; `PolicyError` (`policy.none_in_force`) before all.
    fn in_force_on(&self, date: Date) -> PyResult<PyPolicy> {
        guard(|| {
            self.0
                .in_force_on(date.0)
                .map(|p| PyPolicy(p.clone()))
                .map_err(policy_err)
        })
    }

    /// The policy in force at `at`, decided on its office date.
    fn in_force_at(&self, at: At) -> PyResult<PyPolicy> {
        guard(|| {
            self.0
                .in_force_at(at.0)
                .map(|p| PyPolicy(p.clone()))
                .map_err(policy_err)
        })
    }

    /// The policies, by effective date.
    #[getter]
    fn policies(&self) -> Vec<PyPolicy> {
        self.0.policies().iter().cloned().map(PyPolicy).collect()
    }

    fn __len__(&self) -> usize {
        self.0.policies().len()
    }
}

#[pymethods]
impl PySla {
    fn __repr__(&self) -> String {
        format!(
            "Sla(due_soon='{}', due_soon_fraction={})",
            self.due_soon.0, self.due_soon_fraction
        )
    }
}

#[pymethods]
impl PyRetention {
    fn __repr__(&self) -> String {
        format!("Retention(period='{}')", self.period.0)
    }
}

#[pymethods]
impl PyPolicySet {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let policies = self
            .policies()
            .into_iter()
            .map(|p| Ok(pyo3::Py::new(py, p)?.bind(py).repr()?.to_string()))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(format!("PolicySet([{}])", policies.join(", ")))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPolicy>()?;
    m.add_class::<PyDeadlines>()?;
    m.add_class::<PySla>()?;
    m.add_class::<PyRetention>()?;
    m.add_class::<PyPolicySet>()?;
    Ok(())
}
