//! Durations: `Duration("5 working days")`, `Duration.parse("5個工作日")`, `Duration(5, Unit.WORKING_DAYS)`.

use complaint_office::duration::{Duration, DurationError, Unit};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use pyo3::{Borrowed, intern};

use crate::convert::{Text, py_enum};
use crate::errors::{err, type_error};
use crate::guard;

/// A time limit of the policy: an amount of one unit (hours, working hours, days, working
/// days, months, years).
///
/// >>> from complaint_office import Duration, Unit
/// >>> d = Duration.parse("5個工作日")
/// >>> (d.amount, d.unit, str(d))
/// (5, <Unit.WORKING_DAYS: 'working_days'>, '5 working days')
/// >>> Duration(1, "months") == Duration.parse("1 month")
/// True
#[pyclass(
    name = "Duration",
    module = "complaint_office.duration",
    frozen,
    eq,
    hash
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PyDuration(pub Duration);

/// A duration argument: a `Duration` or its text.
#[derive(Debug, Clone, Copy)]
pub struct DurationArg(pub Duration);

impl FromPyObject<'_, '_> for DurationArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(d) = ob.cast::<PyDuration>() {
            return Ok(DurationArg(d.get().0));
        }
        if let Ok(text) = ob.cast::<PyString>() {
            return crate::convert::text_of(&text)?
                .parse()
                .map(DurationArg)
                .map_err(err);
        }
        Err(type_error("a Duration or duration text", &ob))
    }
}

/// The unit enum member of a core unit.
pub fn unit_to_py(py: Python<'_>, unit: Unit) -> PyResult<Bound<'_, PyAny>> {
    py_enum!(py, "complaint_office.duration", "Unit", unit.as_str())
}

#[pymethods]
impl PyDuration {
    /// `Duration(5, Unit.WORKING_DAYS)`, or `Duration("5 working days")` with one text argument.
    #[new]
    #[pyo3(signature = (amount, unit = None))]
    fn new(amount: &Bound<'_, PyAny>, unit: Option<Text>) -> PyResult<Self> {
        guard(|| match unit {
            None => Ok(PyDuration(amount.extract::<DurationArg>()?.0)),
            Some(unit) => {
                let unit: Unit = unit.parse().map_err(err)?;
                let amount: i64 = amount.extract()?;
                let amount =
                    u32::try_from(amount).map_err(|_| err(DurationError::AmountOutOfRange))?;
                Duration::new(amount, unit).map(PyDuration).map_err(err)
            }
        })
    }

    /// Reads a duration: `15 days`, `5 working days`, `24 hours`, `3 years`, `5個工作日`, `15日`.
    ///
    /// Raises `DurationError` (`duration.invalid`) for anything else.
    #[staticmethod]
    fn parse(text: Text) -> PyResult<Self> {
        guard(|| text.parse().map(PyDuration).map_err(err))
    }

    /// The amount, at least 1.
    #[getter]
    fn amount(&self) -> u32 {
        self.0.amount()
    }

    /// The unit.
    #[getter]
    fn unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| unit_to_py(py, self.0.unit()))
    }

    /// Whether the unit counts whole days (as opposed to hours).
    fn is_day_based(&self) -> bool {
        self.0.unit().is_day_based()
    }

    /// The shortest and longest this duration can last, in hours.
    fn hour_bounds(&self) -> (f64, f64) {
        self.0.hour_bounds()
    }

    /// The JSON form: `{"amount": 5, "unit": "working_days"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "amount"), self.0.amount())?;
        dict.set_item(intern!(py, "unit"), self.0.unit().as_str())?;
        Ok(dict)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Duration('{}')", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        Ok((
            slf.get_type().into_any(),
            PyTuple::new(py, [slf.get().0.to_string()])?,
        ))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDuration>()?;
    Ok(())
}
