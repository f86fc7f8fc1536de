//! Confidentiality (§1.3.4): masking, what each role may see, and role views of personal data.

use complaint_office::privacy::{self, Field, MaskKind, PersonalData, Role};
use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{Text, py_enum};
use crate::errors::err;
use crate::guard;

fn kind(text: &str) -> PyResult<MaskKind> {
    text.parse().map_err(err)
}

fn field(text: &str) -> PyResult<Field> {
    text.parse().map_err(err)
}

fn role(text: &str) -> PyResult<Role> {
    text.parse().map_err(err)
}

/// Hides most of a name, phone number, e-mail address or resident ID number; a value of no
/// known form becomes `***`. Never fails on a value; the kind must be a `MaskKind`.
///
/// >>> from complaint_office import privacy
/// >>> privacy.mask("phone", "13812345678"), privacy.mask("name", "李小龍")
/// ('138****5678', '李**')
#[pyfunction]
fn mask(kind: Text, value: Text) -> PyResult<String> {
    guard(|| Ok(privacy::mask(self::kind(&kind)?, &value)))
}

/// Whether `value` has a form the rule of `kind` knows (otherwise it masks to `***`).
#[pyfunction]
fn is_recognised(kind: Text, value: Text) -> PyResult<bool> {
    guard(|| Ok(privacy::is_recognised(self::kind(&kind)?, &value)))
}

/// What `role` may see of `field`: a `Visibility` (full, masked or hidden).
#[pyfunction]
fn visibility<'py>(py: Python<'py>, role: Text, field: Text) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let v = privacy::visibility(self::role(&role)?, self::field(&field)?);
        py_enum!(py, "complaint_office.privacy", "Visibility", v.as_str())
    })
}

/// A complainant's personal data; `view(role)` is the redacted copy a role gets. `repr()`
/// names the fields present, never their values.
///
/// >>> from complaint_office.privacy import PersonalData
/// >>> data = PersonalData(complainant_name="張三", contact_phone="13812345678",
/// ...                     content="張三 says 13812345678 was never called back")
/// >>> data.view("department").content
/// '*** says *** was never called back'
///
/// Safe to share between threads: the data sits behind a lock that a thread waiting for it
/// releases the GIL on, taken once the arguments are read and released before an error is
/// built (building one runs Python code, and another thread may run meanwhile).
#[pyclass(name = "PersonalData", module = "complaint_office.privacy", frozen)]
#[derive(Default)]
pub struct PyPersonalData(Mutex<PersonalData>);

impl std::fmt::Debug for PyPersonalData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.data().fmt(f)
    }
}

impl PyPersonalData {
    /// Personal data for Python.
    pub fn of(data: PersonalData) -> Self {
        PyPersonalData(Mutex::new(data))
    }

    /// The data, locked; the GIL is released while waiting for another thread.
    fn data(&self) -> MutexGuard<'_, PersonalData> {
        Python::attach(|py| self.0.lock_py_attached(py)).unwrap_or_else(PoisonError::into_inner)
    }

    /// A copy of the data (the lock held only while copying).
    fn snapshot(&self) -> PersonalData {
        self.data().clone()
    }
}

#[pymethods]
impl PyPersonalData {
    /// Personal data, each field text or None.
    #[new]
    #[pyo3(signature = (complainant_name = None, contact_phone = None, contact_email = None, id_number = None, content = None))]
    fn new(
        complainant_name: Option<Text>,
        contact_phone: Option<Text>,
        contact_email: Option<Text>,
        id_number: Option<Text>,
        content: Option<Text>,
    ) -> Self {
        PyPersonalData::of(PersonalData {
            complainant_name: complainant_name.map(String::from),
            contact_phone: contact_phone.map(String::from),
            contact_email: contact_email.map(String::from),
            id_number: id_number.map(String::from),
            content: content.map(String::from),
        })
    }

    /// The complainant's name.
    #[getter]
    fn complainant_name(&self) -> Option<String> {
        self.data().complainant_name.clone()
    }

    /// The complainant's phone number.
    #[getter]
    fn contact_phone(&self) -> Option<String> {
        self.data().contact_phone.clone()
    }

    /// The complainant's e-mail address.
    #[getter]
    fn contact_email(&self) -> Option<String> {
        self.data().contact_email.clone()
    }

    /// The resident ID number.
    #[getter]
    fn id_number(&self) -> Option<String> {
        self.data().id_number.clone()
    }

    /// What the complaint says.
    #[getter]
    fn content(&self) -> Option<String> {
        self.data().content.clone()
    }

    /// A field by name (a privacy `Field`).
    fn get(&self, field: Text) -> PyResult<Option<String>> {
        guard(|| {
            let field = self::field(&field)?;
            Ok(self.data().get(field).map(str::to_owned))
        })
    }

    /// Sets a field (None clears it).
    fn set(&self, field: Text, value: Option<Text>) -> PyResult<()> {
        guard(|| {
            let field = self::field(&field)?;
            self.data().set(field, value.map(String::from));
            Ok(())
        })
    }

    /// The copy `role` may see: hidden fields None, masked fields masked, and in a masked
    /// content every identity value the role does not see in full replaced.
    fn view(&self, role: Text) -> PyResult<Self> {
        guard(|| {
            let role = self::role(&role)?;
            let view = self.data().view(role);
            Ok(PyPersonalData::of(view))
        })
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<PyPersonalData>() {
            Ok(other) if std::ptr::eq(self, other.get()) => true,
            Ok(other) => {
                let theirs = other.get().snapshot();
                *self.data() == theirs
            }
            Err(_) => false,
        }
    }

    /// The JSON form: all five fields, None where absent.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let data = self.snapshot();
        let dict = PyDict::new(py);
        for &f in Field::ALL {
            dict.set_item(f.as_str(), data.get(f))?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.data())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let d = slf.get().snapshot();
        let args = (
            d.complainant_name,
            d.contact_phone,
            d.contact_email,
            d.id_number,
            d.content,
        )
            .into_pyobject(slf.py())?;
        Ok((slf.get_type().into_any(), args))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("FULLY_MASKED", privacy::FULLY_MASKED)?;
    m.add_class::<PyPersonalData>()?;
    m.add_function(wrap_pyfunction!(mask, m)?)?;
    m.add_function(wrap_pyfunction!(is_recognised, m)?)?;
    m.add_function(wrap_pyfunction!(visibility, m)?)?;
    Ok(())
}
