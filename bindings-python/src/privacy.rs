//! Confidentiality (§1.3.4): masking, what each role may see, and role views of personal data.

use complaint_office::privacy::{self, Field, MaskKind, PersonalData, Role};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::py_enum;
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
fn mask(kind: &str, value: &str) -> PyResult<String> {
    guard(|| Ok(privacy::mask(self::kind(kind)?, value)))
}

/// Whether `value` has a form the rule of `kind` knows (otherwise it masks to `***`).
#[pyfunction]
fn is_recognised(kind: &str, value: &str) -> PyResult<bool> {
    guard(|| Ok(privacy::is_recognised(self::kind(kind)?, value)))
}

/// What `role` may see of `field`: a `Visibility` (full, masked or hidden).
#[pyfunction]
fn visibility<'py>(py: Python<'py>, role: &str, field: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let v = privacy::visibility(self::role(role)?, self::field(field)?);
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
#[pyclass(
    name = "PersonalData",
    module = "complaint_office.privacy",
    eq,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq, Default)]
pub struct PyPersonalData(pub PersonalData);

impl std::fmt::Debug for PyPersonalData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyPersonalData {
    /// Personal data, each field text or None.
    #[new]
    #[pyo3(signature = (complainant_name = None, contact_phone = None, contact_email = None, id_number = None, content = None))]
    fn new(
        complainant_name: Option<String>,
        contact_phone: Option<String>,
        contact_email: Option<String>,
        id_number: Option<String>,
        content: Option<String>,
    ) -> Self {
        PyPersonalData(PersonalData {
            complainant_name,
            contact_phone,
            contact_email,
            id_number,
            content,
        })
    }

    /// The complainant's name.
    #[getter]
    fn complainant_name(&self) -> Option<&str> {
        self.0.complainant_name.as_deref()
    }

    /// The complainant's phone number.
    #[getter]
    fn contact_phone(&self) -> Option<&str> {
        self.0.contact_phone.as_deref()
    }

    /// The complainant's e-mail address.
    #[getter]
    fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }

    /// The resident ID number.
    #[getter]
    fn id_number(&self) -> Option<&str> {
        self.0.id_number.as_deref()
    }

    /// What the complaint says.
    #[getter]
    fn content(&self) -> Option<&str> {
        self.0.content.as_deref()
    }

    /// A field by name (a privacy `Field`).
    fn get(&self, field: &str) -> PyResult<Option<String>> {
        guard(|| Ok(self.0.get(self::field(field)?).map(str::to_owned)))
    }

    /// Sets a field (None clears it).
    fn set(&mut self, field: &str, value: Option<String>) -> PyResult<()> {
        guard(|| {
            self.0.set(self::field(field)?, value);
            Ok(())
        })
    }

    /// The copy `role` may see: hidden fields None, masked fields masked, and in a masked
    /// content every identity value the role does not see in full replaced.
    fn view(&self, role: &str) -> PyResult<Self> {
        guard(|| Ok(PyPersonalData(self.0.view(self::role(role)?))))
    }

    /// The JSON form: all five fields, None where absent.
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for &f in Field::ALL {
            dict.set_item(f.as_str(), self.0.get(f))?;
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let d = &slf.borrow().0;
        let args = (
            d.complainant_name.clone(),
            d.contact_phone.clone(),
            d.contact_email.clone(),
            d.id_number.clone(),
            d.content.clone(),
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
