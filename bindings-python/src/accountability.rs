//! Accountability (§8): responsibility findings → discipline level and sanctions.

use complaint_office::accountability::{
    self, Assessment, Consequence, Decision, DisciplineTable, Fault, Finding, Responsibility,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{Ref, Text, from_json, py_enum, to_json};
use crate::errors::{err, policy_err};
use crate::guard;

fn responsibility(text: &str) -> PyResult<Responsibility> {
    text.parse().map_err(err)
}

fn fault(text: &str) -> PyResult<Fault> {
    text.parse().map_err(err)
}

fn consequence(text: &str) -> PyResult<Consequence> {
    text.parse().map_err(err)
}

/// Type of responsibility, fault and consequence of a finding: what the discipline depends on.
///
/// >>> from complaint_office.accountability import Assessment
/// >>> Assessment("direct", "gross_negligence", "serious").calls_for_dismissal()
/// True
#[pyclass(
    name = "Assessment",
    module = "complaint_office.accountability",
    frozen,
    eq,
    hash
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyAssessment(pub Assessment);

#[pymethods]
impl PyAssessment {
    /// An assessment from its three names (or enum members).
    #[new]
    fn new(responsibility: Text, fault: Text, consequence: Text) -> PyResult<Self> {
        guard(|| {
            Ok(PyAssessment(Assessment {
                responsibility: self::responsibility(&responsibility)?,
                fault: self::fault(&fault)?,
                consequence: self::consequence(&consequence)?,
            }))
        })
    }

    /// All 24 combinations, in the order of the vocabularies.
    #[staticmethod]
    fn all() -> Vec<PyAssessment> {
        Assessment::all().map(PyAssessment).collect()
    }

    /// The type of responsibility.
    #[getter]
    fn responsibility<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.accountability",
            "Responsibility",
            self.0.responsibility.as_str()
        )
    }

    /// The degree of fault.
    #[getter]
    fn fault<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.accountability",
            "Fault",
            self.0.fault.as_str()
        )
    }

    /// The consequence.
    #[getter]
    fn consequence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.accountability",
            "Consequence",
            self.0.consequence.as_str()
        )
    }

    /// §8.2.3: intent or gross negligence with a serious consequence.
    fn calls_for_dismissal(&self) -> bool {
        self.0.calls_for_dismissal()
    }

    /// Whether this finding is at least as grave as `other` (a partial order).
    fn is_at_least_as_grave_as(&self, other: Ref<'_, PyAssessment>) -> bool {
        self.0.is_at_least_as_grave_as(other.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment('{}', '{}', '{}')",
            self.0.responsibility, self.0.fault, self.0.consequence
        )
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let a = slf.get().0;
        let args = PyTuple::new(
            slf.py(),
            [
                a.responsibility.as_str(),
                a.fault.as_str(),
                a.consequence.as_str(),
            ],
        )?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// The discipline decided for a finding: the level and the sanctions it offers.
#[pyclass(
    name = "Decision",
    module = "complaint_office.accountability",
    frozen,
    eq
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyDecision(pub Decision);

#[pymethods]
impl PyDecision {
    /// The discipline level (a `Level`).
    #[getter]
    fn level<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.accountability",
            "Level",
            self.0.level.as_str()
        )
    }

    /// The sanctions the policy offers at that level (`Sanction` members).
    #[getter]
    fn sanctions<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0
            .sanctions
            .iter()
            .map(|s| {
                py_enum!(
                    py,
                    "complaint_office.accountability",
                    "Sanction",
                    s.as_str()
                )
            })
            .collect()
    }

    /// The clause behind the level (`§8.2.1`, `§8.2.2` or `§8.2.3`).
    #[getter]
    fn clause(&self) -> &'static str {
        self.0.clause()
    }

    /// The JSON form of `accountability.decide`: `{"level", "sanctions"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("level", self.0.level.as_str())?;
        dict.set_item(
            "sanctions",
            self.0
                .sanctions
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>(),
        )?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("Decision(level='{}')", self.0.level)
    }
}

/// The policy's `[discipline]` table: the levels for findings outside §8.2.3.
#[pyclass(
    name = "DisciplineTable",
    module = "complaint_office.accountability",
    frozen,
    eq
)]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PyDisciplineTable(pub DisciplineTable);

#[pymethods]
impl PyDisciplineTable {
    /// The documented default table.
    #[new]
    fn new() -> Self {
        Self::default()
    }

    /// A table from its JSON form (`{"otherwise", "rules"}`); `PolicyError` when it is invalid
    /// or not monotone.
    #[staticmethod]
    fn from_json_value(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            let mut file = serde_json::Map::new();
            file.insert("discipline".into(), to_json(value)?);
            let policy = complaint_office::policy::Policy::from_json_value(file.into())
                .map_err(policy_err)?;
            Ok(PyDisciplineTable(policy.discipline().clone()))
        })
    }

    /// The decision for an assessment.
    fn decide(&self, assessment: Ref<'_, PyAssessment>) -> PyDecision {
        PyDecision(self.0.decide(assessment.0))
    }

    /// The level for an assessment.
    fn level<'py>(
        &self,
        py: Python<'py>,
        assessment: Ref<'_, PyAssessment>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let level = self.0.level(assessment.0);
        py_enum!(
            py,
            "complaint_office.accountability",
            "Level",
            level.as_str()
        )
    }

    /// Every assessment with its level, in the order of `Assessment.all()`.
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Vec<(PyAssessment, Bound<'py, PyAny>)>> {
        self.0
            .entries()
            .into_iter()
            .map(|(a, level)| {
                Ok((
                    PyAssessment(a),
                    py_enum!(
                        py,
                        "complaint_office.accountability",
                        "Level",
                        level.as_str()
                    )?,
                ))
            })
            .collect()
    }

    /// The JSON form (`{"otherwise", "rules"}`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.0).unwrap_or(serde_json::Value::Null);
        from_json(py, &value)
    }
}

/// A responsibility finding for one person or role (§8.1): who, the assessment, and its
/// nature, degree and scope in words. `repr()` never shows the words.
#[pyclass(
    name = "Finding",
    module = "complaint_office.accountability",
    frozen,
    eq
)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyFinding(pub Finding);

impl std::fmt::Debug for PyFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyFinding {
    /// A finding (`subject` is a staff id or a role, never the complainant).
    #[new]
    #[pyo3(signature = (subject, responsibility, fault, consequence, nature = None, degree = None, scope = None))]
    fn new(
        subject: Text,
        responsibility: Text,
        fault: Text,
        consequence: Text,
        nature: Option<Text>,
        degree: Option<Text>,
        scope: Option<Text>,
    ) -> PyResult<Self> {
        guard(|| {
            Ok(PyFinding(Finding {
                subject: subject.0,
                responsibility: self::responsibility(&responsibility)?,
                fault: self::fault(&fault)?,
                consequence: self::consequence(&consequence)?,
                nature: nature.map(String::from).unwrap_or_default(),
                degree: degree.map(String::from).unwrap_or_default(),
                scope: scope.map(String::from).unwrap_or_default(),
            }))
        })
    }

    /// Who is responsible.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }

    /// The nature of the responsibility, in words.
    #[getter]
    fn nature(&self) -> &str {
        &self.0.nature
    }

    /// Its degree, in words.
    #[getter]
    fn degree(&self) -> &str {
        &self.0.degree
    }

    /// Its scope, in words.
    #[getter]
    fn scope(&self) -> &str {
        &self.0.scope
    }

    /// The type, fault and consequence.
    fn assessment(&self) -> PyAssessment {
        PyAssessment(self.0.assessment())
    }

    /// Raises `AccountabilityError` (`accountability.incomplete_finding`) when the subject,
    /// nature, degree or scope is blank (§8.1.1).
    fn check(&self) -> PyResult<()> {
        guard(|| self.0.check().map_err(err))
    }

    /// The JSON form, as in a `plan_submitted` event.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.0).unwrap_or(serde_json::Value::Null);
        from_json(py, &value)
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let f = &slf.get().0;
        let args = PyTuple::new(
            slf.py(),
            [
                f.subject.as_str(),
                f.responsibility.as_str(),
                f.fault.as_str(),
                f.consequence.as_str(),
                f.nature.as_str(),
                f.degree.as_str(),
                f.scope.as_str(),
            ],
        )?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// The discipline for a finding under `table` (a `DisciplineTable`, or a `Policy`'s).
///
/// >>> from complaint_office import Policy, accountability as acc
/// >>> f = acc.Finding("E1024", "direct", "gross_negligence", "serious", "misreported tests", "repeated", "one line")
/// >>> d = acc.decide(Policy().discipline, f)
/// >>> d.level, [s.value for s in d.sanctions], d.clause
/// (<Level.DISMISSAL: 'dismissal'>, ['termination', 'legal_liability'], '§8.2.3')
#[pyfunction]
fn decide(table: Ref<'_, PyDisciplineTable>, finding: Ref<'_, PyFinding>) -> PyDecision {
    PyDecision(accountability::decide(&table.0, &finding.0))
}

#[pymethods]
impl PyDisciplineTable {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("DisciplineTable", &self.to_dict(py)?)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // `Assessment` is also triage's: the native module holds it under another name.
    m.add(
        "AccountabilityAssessment",
        m.py().get_type::<PyAssessment>(),
    )?;
    m.add_class::<PyDecision>()?;
    m.add_class::<PyDisciplineTable>()?;
    m.add_class::<PyFinding>()?;
    m.add_function(wrap_pyfunction!(decide, m)?)?;
    Ok(())
}
