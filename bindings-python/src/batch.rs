//! Batch calls of the calendar over many dates, in one call into the core with the GIL
//! released.
//!
//! * numpy `datetime64[D]` arrays are read and written **in place** (their int64 values are
//!   days since 1970-01-01, exactly what the core's epoch-day batch functions take); the
//!   result is a new numpy array. numpy is not a dependency: it is only imported when an array
//!   comes in.
//! * Anything else iterable (lists, tuples, generators) of dates or ISO strings gives a list.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use complaint_office::calendar::{Calendar, from_epoch_day, to_epoch_day};
use complaint_office::duration::Duration;
use complaint_office::period;
use complaint_office::time::{Instant, at_office_time};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyList};

use crate::convert::{Many, date_of, date_to_py};
use crate::errors::{calendar_err, err, type_error};

/// Borrowed views of numpy arrays: the only unsafe code of the binding.
///
/// The limited C API of CPython 3.9 (the abi3 wheel) has no buffer protocol, so arrays are
/// reached through numpy's documented `__array_interface__` (data address, shape, strides,
/// type), for aligned C-contiguous arrays only.
#[allow(unsafe_code)]
mod view {
    use std::marker::PhantomData;

    use crate::errors::invalid_argument;
    use pyo3::intern;
    use pyo3::prelude::*;
    use pyo3::types::PyDict;

    /// An aligned, C-contiguous numpy array of `T`, held (so kept alive) during one call.
    pub struct Array<'py, T> {
        _array: Bound<'py, PyAny>,
        address: usize,
        len: usize,
        readonly: bool,
        _element: PhantomData<T>,
    }

    impl<'py, T> Array<'py, T> {
        /// The memory of `array`, whose `__array_interface__` type must be `typestr`.
        pub fn get(array: Bound<'py, PyAny>, typestr: &str) -> PyResult<Self> {
            let py = array.py();
            let interface = array
                .getattr(intern!(py, "__array_interface__"))?
                .cast_into::<PyDict>()?;
            let item = |key: &Bound<'py, pyo3::types::PyString>| {
                interface
                    .get_item(key)?
                    .ok_or_else(|| invalid_argument("incomplete __array_interface__"))
            };
            let found: String = item(intern!(py, "typestr"))?.extract()?;
            if found != typestr {
                return Err(invalid_argument(&format!(
                    "expected an array of {typestr}, got {found}"
                )));
            }
            if !item(intern!(py, "strides"))?.is_none() {
                return Err(invalid_argument("expected a C-contiguous array"));
            }
            let shape: Vec<usize> = item(intern!(py, "shape"))?.extract()?;
            let (address, readonly): (usize, bool) = item(intern!(py, "data"))?.extract()?;
            let len = shape.iter().product::<usize>();
            if len > 0 && (address == 0 || address % std::mem::align_of::<T>() != 0) {
                return Err(invalid_argument("expected an aligned array"));
            }
            Ok(Array {
                _array: array,
                address,
                len,
                readonly,
                _element: PhantomData,
            })
        }

        /// The elements.
        pub fn as_slice(&self) -> &[T] {
            if self.len == 0 {
                return &[];
            }
            // SAFETY: numpy's array interface gives the address of `len` contiguous elements
            // of the checked type (C-contiguous: `strides` is None) and alignment was checked.
            // The array is held by `self`, so its memory stays allocated and in place for the
            // borrow (numpy refuses to resize an array that other references hold). The
            // binding never writes to an input; callers must not mutate it from another thread
            // during the call, as with numpy's own GIL-free loops.
            unsafe { std::slice::from_raw_parts(self.address as *const T, self.len) }
        }

        /// The elements, writable; only for an array this binding just created.
        pub fn as_mut_slice(&mut self) -> PyResult<&mut [T]> {
            if self.readonly {
                return Err(invalid_argument("output array is read-only"));
            }
            if self.len == 0 {
                return Ok(&mut []);
            }
            // SAFETY: as in `as_slice`; the array was created by this binding for the result
            // and nothing else refers to its memory until it is returned, so the exclusive
            // borrow is sound.
            Ok(unsafe { std::slice::from_raw_parts_mut(self.address as *mut T, self.len) })
        }
    }
}

use view::Array;

/// The interface type of numpy `datetime64[D]`, int64 and bool arrays.
const DAYS: &str = "<M8[D]";
const INT64: &str = "<i8";
const BOOL: &str = "|b1";

/// A numpy array argument, aligned and C-contiguous (copied only when it was not).
struct NumpyDays<'py> {
    array: Bound<'py, PyAny>,
    shape: Bound<'py, PyAny>,
}

fn numpy<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyModule>> {
    py.import("numpy")
}

/// An aligned C-contiguous array of `dtype` from `ob` (numpy's `require`).
fn required<'py>(ob: &Bound<'py, PyAny>, dtype: &str) -> PyResult<Bound<'py, PyAny>> {
    let py = ob.py();
    numpy(py)?.call_method1(intern!(py, "require"), (ob, dtype, "CA"))
}

/// `Some` for a numpy `datetime64[D]` array; `None` for anything that is not a numpy array
/// (or an object array, read element by element).
fn numpy_dates<'py>(ob: &Bound<'py, PyAny>) -> PyResult<Option<NumpyDays<'py>>> {
    let py = ob.py();
    if !ob.hasattr(intern!(py, "__array_interface__"))? {
        return Ok(None);
    }
    let dtype = ob.getattr(intern!(py, "dtype"))?;
    let kind: String = dtype.getattr(intern!(py, "kind"))?.extract()?;
    if kind == "O" {
        return Ok(None);
    }
    let code: String = dtype.getattr(intern!(py, "str"))?.extract()?;
    if kind != "M" || code != DAYS {
        return Err(type_error(
            "a numpy datetime64[D] array (convert with .astype('datetime64[D]'))",
            ob,
        ));
    }
    Ok(Some(NumpyDays {
        shape: ob.getattr(intern!(py, "shape"))?,
        array: required(ob, "datetime64[D]")?,
    }))
}

/// Day counts: one Python int, a numpy integer array, or an iterable of ints.
enum Counts<'py> {
    Numpy(Bound<'py, PyAny>),
    List(Vec<i64>),
}

fn counts<'py>(ob: &Bound<'py, PyAny>) -> PyResult<Counts<'py>> {
    let py = ob.py();
    if ob.cast::<PyInt>().is_ok() {
        return Ok(Counts::List(vec![ob.extract()?]));
    }
    if ob.hasattr(intern!(py, "__array_interface__"))? {
        let kind: String = ob
            .getattr(intern!(py, "dtype"))?
            .getattr(intern!(py, "kind"))?
            .extract()?;
        if kind != "i" && kind != "u" {
            return Err(type_error("an integer array of day counts", ob));
        }
        return Ok(Counts::Numpy(required(ob, "int64")?));
    }
    Ok(Counts::List(ob.extract::<Many<i64>>()?.0))
}

fn new_array<'py>(
    py: Python<'py>,
    shape: &Bound<'py, PyAny>,
    dtype: &str,
) -> PyResult<Bound<'py, PyAny>> {
    numpy(py)?.call_method1(intern!(py, "empty"), (shape, dtype))
}

fn dates_of(ob: &Bound<'_, PyAny>) -> PyResult<Vec<NaiveDate>> {
    if ob.cast::<pyo3::types::PyString>().is_ok() {
        return Err(type_error("an iterable of dates, not a string", ob));
    }
    let mut dates = Vec::with_capacity(ob.len().unwrap_or(0));
    for item in ob.try_iter()? {
        dates.push(date_of(&item?)?);
    }
    Ok(dates)
}

/// Dates as a list of `datetime.date`, each distinct date made once.
fn date_list<'py>(py: Python<'py>, dates: &[NaiveDate]) -> PyResult<Bound<'py, PyList>> {
    let mut made: HashMap<i32, Bound<'py, PyAny>> = HashMap::new();
    let mut items = Vec::with_capacity(dates.len());
    for &date in dates {
        let key = date.num_days_from_ce();
        let item = match made.get(&key) {
            Some(item) => item.clone(),
            None => {
                let item = date_to_py(py, date)?;
                made.insert(key, item.clone());
                item
            }
        };
        items.push(item);
    }
    PyList::new(py, items)
}

pub fn add_working_days_many<'py>(
    py: Python<'py>,
    calendar: &Calendar,
    dates: &Bound<'py, PyAny>,
    days: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let counts = counts(days)?;
    if let Some(input) = numpy_dates(dates)? {
        let counts_view;
        let ks: &[i64] = match &counts {
            Counts::Numpy(ints) => {
                counts_view = Array::<i64>::get(ints.clone(), INT64)?;
                counts_view.as_slice()
            }
            Counts::List(list) => list,
        };
        let out = new_array(py, &input.shape, "datetime64[D]")?;
        let mut out_view = Array::<i64>::get(out.clone(), DAYS)?;
        let in_view = Array::<i64>::get(input.array, DAYS)?;
        let (from, slots) = (in_view.as_slice(), out_view.as_mut_slice()?);
        py.detach(|| calendar.add_working_days_epoch(from, ks, slots))
            .map_err(calendar_err)?;
        return Ok(out);
    }
    let ks = match counts {
        Counts::List(list) => list,
        Counts::Numpy(ints) => ints.extract::<Many<i64>>()?.0,
    };
    let from = dates_of(dates)?;
    let result = py
        .detach(|| calendar.add_working_days_many(&from, &ks))
        .map_err(calendar_err)?;
    Ok(date_list(py, &result)?.into_any())
}

pub fn working_days_between_many<'py>(
    py: Python<'py>,
    calendar: &Calendar,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(from) = numpy_dates(start)? {
        let to = match numpy_dates(end)? {
            Some(to) => to,
            None => {
                // One end date for all, or a list: through numpy too, so both sides match.
                let one = numpy(py)?.call_method1(
                    intern!(py, "array"),
                    (
                        dates_of(end)?
                            .into_iter()
                            .map(complaint_office::calendar::to_epoch_day)
                            .collect::<Vec<_>>(),
                        "datetime64[D]",
                    ),
                )?;
                numpy_dates(&one)?.ok_or_else(|| type_error("dates", end))?
            }
        };
        let out = new_array(py, &from.shape, "int64")?;
        let mut out_view = Array::<i64>::get(out.clone(), INT64)?;
        let (a, b) = (
            Array::<i64>::get(from.array, DAYS)?,
            Array::<i64>::get(to.array, DAYS)?,
        );
        let (a, b, slots) = (a.as_slice(), b.as_slice(), out_view.as_mut_slice()?);
        py.detach(|| calendar.working_days_between_epoch(a, b, slots))
            .map_err(calendar_err)?;
        return Ok(out);
    }
    let (a, b) = (dates_of(start)?, dates_of(end)?);
    let result = py
        .detach(|| calendar.working_days_between_many(&a, &b))
        .map_err(calendar_err)?;
    Ok(PyList::new(py, result)?.into_any())
}

pub fn is_working_day_many<'py>(
    py: Python<'py>,
    calendar: &Calendar,
    dates: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(input) = numpy_dates(dates)? {
        let view = Array::<i64>::get(input.array, DAYS)?;
        let out = new_array(py, &input.shape, "bool")?;
        let mut out_view = Array::<u8>::get(out.clone(), BOOL)?;
        let (days, slots) = (view.as_slice(), out_view.as_mut_slice()?);
        py.detach(|| {
            let working = calendar.is_working_day_epoch(days);
            for (slot, w) in slots.iter_mut().zip(working) {
                *slot = u8::from(w);
            }
        });
        return Ok(out);
    }
    let days = dates_of(dates)?;
    let working: Vec<bool> =
        py.detach(|| days.iter().map(|&d| calendar.is_working_day(d)).collect());
    Ok(PyList::new(py, working)?.into_any())
}

/// The last days of periods of `duration` that start on `dates` (at 00:00 office time, as a
/// period from a date does): dates in, dates out; a numpy `datetime64[D]` array in, one out.
pub fn last_days<'py>(
    py: Python<'py>,
    calendar: &Calendar,
    dates: &Bound<'py, PyAny>,
    duration: Duration,
) -> PyResult<Bound<'py, PyAny>> {
    let offset = calendar.offset();
    let starts = |days: &mut dyn Iterator<Item = NaiveDate>| -> Vec<Instant> {
        days.map(|d| at_office_time(d, 0, offset)).collect()
    };
    if let Some(input) = numpy_dates(dates)? {
        let view = Array::<i64>::get(input.array, DAYS)?;
        let out = new_array(py, &input.shape, "datetime64[D]")?;
        let mut out_view = Array::<i64>::get(out.clone(), DAYS)?;
        let (days, slots) = (view.as_slice(), out_view.as_mut_slice()?);
        py.detach(|| -> PyResult<()> {
            let dates = days
                .iter()
                .map(|&d| from_epoch_day(d))
                .collect::<Result<Vec<_>, _>>()
                .map_err(calendar_err)?;
            let deadlines = period::end_many(calendar, &starts(&mut dates.into_iter()), duration)
                .map_err(err)?;
            for (slot, deadline) in slots.iter_mut().zip(deadlines) {
                *slot = to_epoch_day(deadline.last_day);
            }
            Ok(())
        })?;
        return Ok(out);
    }
    let from = dates_of(dates)?;
    let deadlines = py
        .detach(|| period::end_many(calendar, &starts(&mut from.into_iter()), duration))
        .map_err(err)?;
    let days: Vec<NaiveDate> = deadlines.iter().map(|d| d.last_day).collect();
    Ok(date_list(py, &days)?.into_any())
}
