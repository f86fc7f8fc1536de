//! Complaint numbers (§2.2.3): `ComplaintNumber`, `NumberSequences`, `NumberAllocator`,
//! `next_number_at`, `next_number`.

use complaint_office::number::{
    ComplaintNumber, NumberAllocator, NumberSequences, next_number, next_number_at,
};
use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3::types::{PyDict, PyString, PyTuple};
use pyo3::{Borrowed, intern};

use crate::convert::{Arg, At, Many, Month, Offset, Ref, Text};
use crate::errors::{err, type_error};
use crate::guard;

/// A complaint number, `YYMMNNNN` (§2.2.3): ordered by (year, month, serial), hashable,
/// picklable; `str()` gives the eight digits.
///
/// >>> from complaint_office import ComplaintNumber
/// >>> n = ComplaintNumber.parse("23050001")
/// >>> (n.year, n.month, n.serial, str(n))
/// (2023, 5, 1, '23050001')
/// >>> n < ComplaintNumber(2023, 5, 2)
/// True
#[pyclass(
    name = "ComplaintNumber",
    module = "complaint_office.number",
    frozen,
    eq,
    ord,
    hash
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyComplaintNumber(pub ComplaintNumber);

/// A number argument: a `ComplaintNumber` or its eight digits.
#[derive(Debug, Clone, Copy)]
pub struct NumberArg(pub ComplaintNumber);

impl FromPyObject<'_, '_> for NumberArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(n) = ob.cast::<PyComplaintNumber>() {
            return Ok(NumberArg(n.get().0));
        }
        if let Ok(text) = ob.cast::<PyString>() {
            return ComplaintNumber::parse(&crate::convert::text_of(&text)?)
                .map(NumberArg)
                .map_err(err);
        }
        Err(type_error("a ComplaintNumber or its eight digits", &ob))
    }
}

fn numbers(issued: Many<NumberArg>) -> Vec<ComplaintNumber> {
    issued.0.into_iter().map(|n| n.0).collect()
}

#[pymethods]
impl PyComplaintNumber {
    /// The highest serial in a month.
    #[classattr]
    const MAX_SERIAL: u32 = ComplaintNumber::MAX_SERIAL;

    /// The number with these parts; `year` is the full year (2000–2099).
    ///
    /// Raises `NumberError` (`number.year_out_of_range`, `number.invalid_month`,
    /// `number.invalid_serial`).
    #[new]
    fn new(year: Arg<i64>, month: Arg<i64>, serial: Arg<i64>) -> PyResult<Self> {
        guard(|| {
            // Out-of-range parts are the core's to judge: only what cannot fit is clamped.
            let year = i32::try_from(year.0).unwrap_or(i32::MAX);
            let month = u32::try_from(month.0).unwrap_or(u32::MAX);
            let serial = u32::try_from(serial.0).unwrap_or(u32::MAX);
            ComplaintNumber::new(year, month, serial)
                .map(PyComplaintNumber)
                .map_err(err)
        })
    }

    /// Reads `YYMMNNNN`.
    ///
    /// Raises `NumberError` (`number.invalid_format`, `number.invalid_month`,
    /// `number.invalid_serial`).
    #[staticmethod]
    fn parse(text: Text) -> PyResult<Self> {
        guard(|| {
            ComplaintNumber::parse(&text)
                .map(PyComplaintNumber)
                .map_err(err)
        })
    }

    /// The first number of `month` (a `YYYY-MM` string or a `datetime.date`): serial 1.
    /// Raises `NumberError` (`number.year_out_of_range`) outside 2000–2099.
    ///
    /// >>> from complaint_office import ComplaintNumber
    /// >>> str(ComplaintNumber.first_of("2025-09"))
    /// '25090001'
    #[staticmethod]
    fn first_of(month: Month) -> PyResult<Self> {
        guard(|| {
            ComplaintNumber::first_of(month.0)
                .map(PyComplaintNumber)
                .map_err(err)
        })
    }

    /// The full year, 2000–2099.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    #[getter]
    fn month(&self) -> u32 {
        self.0.month()
    }

    /// The serial within the month, 1–9999.
    #[getter]
    fn serial(&self) -> u32 {
        self.0.serial()
    }

    /// The month the number belongs to, `YYYY-MM`.
    #[getter]
    fn year_month(&self) -> String {
        self.0.year_month().to_string()
    }

    /// The next number in the same month; `NumberError` (`number.serial_exhausted`) after 9999.
    fn succ(&self) -> PyResult<Self> {
        guard(|| self.0.succ().map(PyComplaintNumber).map_err(err))
    }

    /// The JSON form of `number.parse`: `{"year", "month", "serial"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item(intern!(py, "year"), self.0.year())?;
        dict.set_item(intern!(py, "month"), self.0.month())?;
        dict.set_item(intern!(py, "serial"), self.0.serial())?;
        Ok(dict)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("ComplaintNumber('{}')", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let parts = (
            slf.get().0.year(),
            slf.get().0.month(),
            slf.get().0.serial(),
        );
        Ok((slf.get_type().into_any(), parts.into_pyobject(py)?))
    }
}

/// The highest serial issued in each month: what the next number of any month is.
///
/// >>> from complaint_office import NumberSequences
/// >>> seq = NumberSequences.from_issued(["23050001", "23050002"])
/// >>> str(seq.issue("2023-05")), str(seq.issue("2023-06"))
/// ('23050003', '23060001')
///
/// Safe to share between threads: the sequences sit behind a lock held only while Rust works
/// on them (never while Python code runs, so errors are built after it is released), and a
/// thread waiting for it lets the others run.
#[pyclass(name = "NumberSequences", module = "complaint_office.number", frozen)]
#[derive(Debug, Default)]
pub struct PyNumberSequences(Mutex<NumberSequences>);

impl PyNumberSequences {
    pub fn new_from(sequences: NumberSequences) -> Self {
        PyNumberSequences(Mutex::new(sequences))
    }

    /// The sequences, locked; the GIL is released while waiting for another thread.
    fn lock(&self) -> MutexGuard<'_, NumberSequences> {
        Python::attach(|py| self.0.lock_py_attached(py)).unwrap_or_else(PoisonError::into_inner)
    }

    /// A copy of the sequences.
    pub fn get(&self) -> NumberSequences {
        self.lock().clone()
    }
}

impl Clone for PyNumberSequences {
    fn clone(&self) -> Self {
        Self::new_from(self.get())
    }
}

#[pymethods]
impl PyNumberSequences {
    /// No number issued yet.
    #[new]
    fn new() -> Self {
        Self::default()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<PyNumberSequences>() {
            // The same object is equal to itself (and must not be locked twice).
            Ok(other) if std::ptr::eq(self, other.get()) => true,
            Ok(other) => {
                let theirs = other.get().get();
                *self.lock() == theirs
            }
            Err(_) => false,
        }
    }

    /// The sequences after the numbers already issued, in any order and any months.
    ///
    /// Raises `NumberError` (`number.duplicate`) when a number appears twice.
    #[staticmethod]
    fn from_issued(issued: Many<NumberArg>) -> PyResult<Self> {
        guard(|| {
            NumberSequences::from_issued(numbers(issued))
                .map(PyNumberSequences::new_from)
                .map_err(err)
        })
    }

    /// Notes a number issued elsewhere (a late import, a restored backup).
    fn record(&self, number: NumberArg) -> PyResult<()> {
        guard(|| {
            self.lock().record(number.0);
            Ok(())
        })
    }

    /// The number the next complaint of `month` (`YYYY-MM` or a date) will get, without
    /// issuing it.
    fn peek(&self, month: Month) -> PyResult<PyComplaintNumber> {
        guard(|| {
            let peeked = self.lock().peek(month.0);
            peeked.map(PyComplaintNumber).map_err(err)
        })
    }

    /// Issues the next number of `month`.
    fn issue(&self, month: Month) -> PyResult<PyComplaintNumber> {
        guard(|| {
            // The lock is released before the error is built: that calls Python.
            let issued = self.lock().issue(month.0);
            issued.map(PyComplaintNumber).map_err(err)
        })
    }

    /// The last number issued in `month`, if any.
    fn last(&self, month: Month) -> PyResult<Option<PyComplaintNumber>> {
        guard(|| Ok(self.lock().last(month.0).map(PyComplaintNumber)))
    }

    /// The last number issued in each month: `NumberSequences(['25080003', '25090001'])`.
    fn __repr__(&self) -> String {
        sequences_repr(&self.get())
    }
}

/// A thread-safe, in-process number allocator: no duplicate and no gap under concurrent use.
///
/// >>> from complaint_office import NumberAllocator
/// >>> allocator = NumberAllocator("+08:00")
/// >>> str(allocator.allocate("2025-03-01T09:00:00+08:00"))
/// '25030001'
#[pyclass(name = "NumberAllocator", module = "complaint_office.number", frozen)]
#[derive(Debug)]
pub struct PyNumberAllocator(NumberAllocator);

#[pymethods]
impl PyNumberAllocator {
    /// An allocator for an office at `office_offset`, continuing after `sequences` if given.
    #[new]
    #[pyo3(signature = (office_offset, sequences = None))]
    fn new(office_offset: Offset, sequences: Option<Ref<'_, PyNumberSequences>>) -> PyResult<Self> {
        guard(|| {
            Ok(PyNumberAllocator(NumberAllocator::with_sequences(
                office_offset.0,
                sequences.map(|s| s.get()).unwrap_or_default(),
            )))
        })
    }

    /// Issues the next number for the office month `at` falls in.
    fn allocate(&self, at: At) -> PyResult<PyComplaintNumber> {
        guard(|| self.0.allocate(at.0).map(PyComplaintNumber).map_err(err))
    }

    /// Issues the next number of `month` (a late registration continues that month).
    fn allocate_in(&self, month: Month) -> PyResult<PyComplaintNumber> {
        guard(|| {
            self.0
                .allocate_in(month.0)
                .map(PyComplaintNumber)
                .map_err(err)
        })
    }

    /// The number the next complaint received at `at` would get.
    fn peek(&self, at: At) -> PyResult<PyComplaintNumber> {
        guard(|| self.0.peek(at.0).map(PyComplaintNumber).map_err(err))
    }

    /// Notes a number issued elsewhere.
    fn record(&self, number: NumberArg) -> PyResult<()> {
        guard(|| {
            self.0.record(number.0);
            Ok(())
        })
    }

    /// A copy of the current sequences.
    fn snapshot(&self) -> PyResult<PyNumberSequences> {
        guard(|| Ok(PyNumberSequences::new_from(self.0.snapshot())))
    }
}

/// The next number for the office month that `at` falls in, given the numbers already issued.
///
/// >>> from complaint_office import next_number_at
/// >>> str(next_number_at(["23050001", "23050002", "23060001"], "2023-05-31T17:30:00Z", "+08:00"))
/// '23060002'
#[pyfunction(name = "next_number_at")]
fn py_next_number_at(
    issued: Many<NumberArg>,
    at: At,
    office_offset: Offset,
) -> PyResult<PyComplaintNumber> {
    guard(|| {
        next_number_at(&numbers(issued), at.0, office_offset.0)
            .map(PyComplaintNumber)
            .map_err(err)
    })
}

/// The next number of `month` (`YYYY-MM` or a date), given the numbers already issued.
#[pyfunction(name = "next_number")]
fn py_next_number(issued: Many<NumberArg>, month: Month) -> PyResult<PyComplaintNumber> {
    guard(|| {
        next_number(&numbers(issued), month.0)
            .map(PyComplaintNumber)
            .map_err(err)
    })
}

#[pymethods]
impl PyNumberAllocator {
    fn __repr__(&self) -> String {
        format!(
            "NumberAllocator(office_offset='{}', last={})",
            self.0.office(),
            sequences_repr(&self.0.snapshot())
                .trim_start_matches("NumberSequences(")
                .trim_end_matches(')')
        )
    }
}

fn sequences_repr(sequences: &NumberSequences) -> String {
    let lasts = sequences
        .lasts()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>();
    format!("NumberSequences([{}])", lasts.join(", "))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyComplaintNumber>()?;
    m.add_class::<PyNumberSequences>()?;
    m.add_class::<PyNumberAllocator>()?;
    m.add_function(wrap_pyfunction!(py_next_number_at, m)?)?;
    m.add_function(wrap_pyfunction!(py_next_number, m)?)?;
    Ok(())
}
