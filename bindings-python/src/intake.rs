//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, completeness and contacts.

use complaint_office::intake::{self, Complaint, Contact, IntakeReport};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{At, py_enum};
use crate::errors::err;
use crate::guard;
use crate::policy::PyPolicy;

fn field_to_py(py: Python<'_>, f: intake::Field) -> PyResult<Bound<'_, PyAny>> {
    py_enum!(py, "complaint_office.intake", "Field", f.as_str())
}

/// A complaint as received, before registration. `repr()` shows which personal fields are
/// there, never their values.
///
/// >>> from complaint_office import intake, Policy
/// >>> c = intake.Complaint("email", "customer", name="張三", contact="13812345678",
/// ...                      received_at="2025-09-26T10:00:00+08:00", content="…", subject="投訴: 零件")
/// >>> intake.check(Policy(), c).complete
/// True
#[pyclass(
    name = "Complaint",
    module = "complaint_office.intake",
    frozen,
    eq,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyComplaint(pub Complaint);

impl std::fmt::Debug for PyComplaint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyComplaint {
    /// A complaint: channel and complainant kind, and what was given of the rest.
    #[new]
    #[pyo3(signature = (channel, complainant_kind, name = None, contact = None, received_at = None, content = None, subject = None))]
    fn new(
        channel: &str,
        complainant_kind: &str,
        name: Option<String>,
        contact: Option<String>,
        received_at: Option<At>,
        content: Option<String>,
        subject: Option<String>,
    ) -> PyResult<Self> {
        guard(|| {
            Ok(PyComplaint(Complaint {
                name,
                contact,
                received_at: received_at.map(|a| a.0),
                content,
                subject,
                ..Complaint::new(
                    channel.parse().map_err(err)?,
                    complainant_kind.parse().map_err(err)?,
                )
            }))
        })
    }

    /// How it arrived (a `Channel`).
    #[getter]
    fn channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "Channel",
            self.0.channel.as_str()
        )
    }

    /// Who complains (a `ComplainantKind`).
    #[getter]
    fn complainant_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "ComplainantKind",
            self.0.complainant_kind.as_str()
        )
    }

    /// The complainant's name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// A phone number or an e-mail address.
    #[getter]
    fn contact(&self) -> Option<&str> {
        self.0.contact.as_deref()
    }

    /// When it was received.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::opt_instant_to_py(py, self.0.received_at)
    }

    /// What the complaint is about.
    #[getter]
    fn content(&self) -> Option<&str> {
        self.0.content.as_deref()
    }

    /// An e-mail's subject.
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }

    /// Whether a field (an intake `Field`) holds something other than white space.
    fn has(&self, field: &str) -> PyResult<bool> {
        guard(|| Ok(self.0.has(field.parse().map_err(err)?)))
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let c = &slf.get().0;
        let received_at = crate::convert::opt_instant_to_py(py, c.received_at)?;
        let args = (
            c.channel.as_str(),
            c.complainant_kind.as_str(),
            c.name.clone(),
            c.contact.clone(),
            received_at,
            c.content.clone(),
            c.subject.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// What intake found: admissible, complete, what is missing, what to ask for.
#[pyclass(name = "IntakeReport", module = "complaint_office.intake", frozen)]
#[derive(Debug, Clone)]
pub struct PyIntakeReport(IntakeReport);

#[pymethods]
impl PyIntakeReport {
    /// No violation of the channel rules (§1.2, §2.1).
    #[getter]
    fn admissible(&self) -> bool {
        self.0.admissible
    }

    /// Nothing missing and the contact usable (§2.2.1).
    #[getter]
    fn complete(&self) -> bool {
        self.0.complete
    }

    /// The required fields that are missing (intake `Field` members).
    #[getter]
    fn missing<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0.missing.iter().map(|&f| field_to_py(py, f)).collect()
    }

    /// The kind of a usable contact (a `ContactKind`), or None.
    #[getter]
    fn contact_kind<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .contact_kind
            .map(|k| py_enum!(py, "complaint_office.intake", "ContactKind", k.as_str()))
            .transpose()
    }

    /// The JSON form of `intake.check`: `{"admissible", "complete", "missing", "violations":
    /// [{"code", "clause", "field"}], "requests": [{"field", "code"}], "contact_kind"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("admissible", r.admissible)?;
        dict.set_item("complete", r.complete)?;
        dict.set_item(
            "missing",
            r.missing.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        )?;
        let violations = r
            .violations
            .iter()
            .map(|v| {
                let d = PyDict::new(py);
                d.set_item("code", v.code())?;
                d.set_item("clause", v.clause())?;
                d.set_item("field", v.field().map(|f| f.as_str()))?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("violations", violations)?;
        let requests = r
            .requests
            .iter()
            .map(|q| {
                let d = PyDict::new(py);
                d.set_item("field", q.field.as_str())?;
                d.set_item("code", q.code)?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("requests", requests)?;
        dict.set_item("contact_kind", r.contact_kind.map(|k| k.as_str()))?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "IntakeReport(admissible={}, complete={})",
            if self.0.admissible { "True" } else { "False" },
            if self.0.complete { "True" } else { "False" }
        )
    }
}

/// Checks a complaint under the policy's intake rules (§1.2, §2.1, §2.2.1).
#[pyfunction]
fn check(policy: &PyPolicy, complaint: &PyComplaint) -> PyIntakeReport {
    PyIntakeReport(intake::check(&policy.0, &complaint.0))
}

/// Reads a contact: a mainland mobile or landline number, or an e-mail address. Returns
/// `(kind, normalized)`; raises `IntakeError` naming the problem (never the value).
///
/// >>> from complaint_office import intake
/// >>> intake.parse_contact("138 1234 5678")
/// (<ContactKind.MOBILE: 'mobile'>, '13812345678')
#[pyfunction]
fn parse_contact<'py>(py: Python<'py>, text: &str) -> PyResult<(Bound<'py, PyAny>, String)> {
    guard(|| {
        let contact = Contact::parse(text).map_err(err)?;
        let kind = py_enum!(
            py,
            "complaint_office.intake",
            "ContactKind",
            contact.kind().as_str()
        )?;
        Ok((kind, contact.as_str().to_owned()))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyComplaint>()?;
    m.add_class::<PyIntakeReport>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(parse_contact, m)?)?;
    Ok(())
}
