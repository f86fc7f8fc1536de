//! Python values in and out: native `datetime` values and ISO strings, offsets, months, and
//! JSON-shaped values (dicts, lists, strings, numbers) for events and policy files.
//!
//! # Arguments: one way to read them, every failure coded
//!
//! Every parameter of the public API is read by a type of this file, so that whatever a caller
//! passes, a failure is a `ComplaintOfficeError` with a code whose message and args never hold
//! the value (issue 16):
//!
//! * [`Text`] for a `str`: a lone surrogate is `input.invalid_text` (`InputError`).
//! * The library's concepts ([`Date`], [`At`], [`Offset`], [`Month`], [`Count`], [`Many`], and
//!   the domain files' `EventArg`, `NumberArg`, …) check the type themselves: the wrong one is
//!   [`type_error`], `binding.invalid_argument` (`ArgumentError`).
//! * [`Arg`] for anything else pyo3 reads (`bool`, an int, a path, bytes, a pyclass by value)
//!   and [`Ref`] for a pyclass by reference: pyo3's own refusals go through [`coded`].
//!
//! A parameter with a default of one of these types gives its Python form in
//! `text_signature` (`signature = (form = Text::from("long")), text_signature = "($self,
//! form='long')"`): pyo3 writes only literal defaults into the signature, and `mypy.stubtest`
//! compares it with the stubs.
//!
//! [`coded`] (in `errors.rs`, with the other mappings) is the one translation of Python's
//! uncoded conversion errors: a `TypeError` becomes `binding.invalid_argument`, an
//! `OverflowError` `input.invalid_number`, a `UnicodeError` `input.invalid_text`.
//! `ArgumentError` is a `TypeError` subclass, so `except TypeError` keeps working; pyo3
//! prefixes the parameter's name only to an exception whose type is exactly `TypeError`, so
//! ours pass through unchanged. [`crate::guard`] applies the same translation
//! to what a function body lets escape (a `.extract()` or `try_iter()` of a value taken as
//! `&Bound<PyAny>`).
//!
//! Dates are `datetime.date` (not `datetime.datetime`: an instant is not a day) or
//! `YYYY-MM-DD`. Instants are timezone-aware `datetime.datetime` or RFC 3339 text; a naive
//! datetime is `time.missing_offset`, never guessed. Errors come from the core's parsers, so the
//! codes are the same in every language.

use std::borrow::Cow;
use std::ops::Deref;

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, TimeZone};
use complaint_office::input::{InputError, MAX_NESTING};
use complaint_office::time::{
    Instant, TimeError, YearMonth, check_date, check_offset, format_instant, offset_from_seconds,
    parse_date, parse_instant, parse_offset,
};
use pyo3::prelude::*;
use pyo3::pyclass::PyClass;
use pyo3::sync::PyOnceLock;
use pyo3::types::{IntoPyDict, PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use pyo3::{Borrowed, intern};
use serde_json::{Map, Number, Value};

use crate::errors::{coded, err, raise, type_error};

/// The text of a `str`: one holding a lone surrogate is `input.invalid_text`
/// (`InputError`), whose message and args never hold the value — Python's own
/// `UnicodeEncodeError` would carry the whole string into error trackers.
pub fn text_of<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    s.to_cow().map_err(|_| err(InputError::InvalidText))
}

/// A text argument (a `str`): `input.invalid_text` for a lone surrogate, `TypeError` for
/// another type.
pub fn string_of(ob: &Bound<'_, PyAny>) -> PyResult<String> {
    match ob.cast::<PyString>() {
        Ok(s) => Ok(text_of(s)?.into_owned()),
        Err(_) => Err(type_error("a str", ob)),
    }
}

/// A text argument (a `str`): a lone surrogate is `input.invalid_text`, another type
/// `binding.invalid_argument`. Reads as a `&str` (`Deref`); `.0` is the owned `String`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(pub String);

impl FromPyObject<'_, '_> for Text {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        string_of(&ob).map(Text)
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    /// A default of a text parameter (`signature = (form = Text::from("long"))`).
    fn from(text: &str) -> Text {
        Text(text.to_owned())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

impl Many<Text> {
    /// The texts as `String`s.
    pub fn strings(self) -> Vec<String> {
        self.0.into_iter().map(String::from).collect()
    }
}

/// Any argument pyo3 can read (`bool`, `i64`, `PathBuf`, a pyclass by value), its refusals
/// [`coded`]. `.0` is the value.
#[derive(Debug, Clone, Copy)]
pub struct Arg<T>(pub T);

impl<'a, 'py, T> FromPyObject<'a, 'py> for Arg<T>
where
    T: FromPyObject<'a, 'py>,
    T::Error: Into<PyErr>,
{
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        T::extract(ob)
            .map(Arg)
            .map_err(|e| coded(ob.py(), e.into()))
    }
}

/// A pyclass argument by reference, its refusals [`coded`]; reads as the class (`Deref`).
pub struct Ref<'py, C: PyClass> {
    inner: PyRef<'py, C>,
}

impl<'a, 'py, C: PyClass> FromPyObject<'a, 'py> for Ref<'py, C> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        ob.extract::<PyRef<'py, C>>()
            .map(|inner| Ref { inner })
            .map_err(|e| coded(ob.py(), e.into()))
    }
}

impl<C: PyClass> Deref for Ref<'_, C> {
    type Target = C;

    fn deref(&self) -> &C {
        &self.inner
    }
}

/// A count or size argument: an `int` from 0 to 2**64 - 1. Any other `int` (negative or
/// beyond 64 bits) is `input.invalid_number`, never a bare `OverflowError`.
#[derive(Debug, Clone, Copy)]
pub struct Count(pub u64);

impl FromPyObject<'_, '_> for Count {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if ob.cast::<PyInt>().is_err() || ob.cast::<PyBool>().is_ok() {
            return Err(type_error("an int", &ob));
        }
        ob.extract::<u64>()
            .map(Count)
            .map_err(|_| err(InputError::InvalidNumber))
    }
}

impl Count {
    /// The count as a `usize`; beyond it, `input.invalid_number`.
    pub fn usize(self) -> PyResult<usize> {
        usize::try_from(self.0).map_err(|_| err(InputError::InvalidNumber))
    }
}

struct DateTypes {
    date: Py<PyType>,
    datetime: Py<PyType>,
    fromordinal: Py<PyAny>,
}

fn date_types(py: Python<'_>) -> PyResult<&DateTypes> {
    static TYPES: PyOnceLock<DateTypes> = PyOnceLock::new();
    TYPES.get_or_try_init(py, || {
        let module = py.import("datetime")?;
        let date = module.getattr("date")?.cast_into::<PyType>()?;
        Ok(DateTypes {
            fromordinal: date.getattr("fromordinal")?.unbind(),
            datetime: module.getattr("datetime")?.cast_into::<PyType>()?.unbind(),
            date: date.unbind(),
        })
    })
}

/// Whether `ob` is a `datetime.date` that is not a `datetime.datetime`.
fn is_plain_date(py: Python<'_>, ob: &Bound<'_, PyAny>) -> PyResult<Option<bool>> {
    let types = date_types(py)?;
    let ty = ob.get_type();
    if ty.is(types.date.bind(py)) {
        return Ok(Some(true));
    }
    if ob.is_instance(types.datetime.bind(py))? {
        return Ok(Some(false));
    }
    Ok(ob.is_instance(types.date.bind(py))?.then_some(true))
}

fn date_from_ordinal(ordinal: i64) -> PyResult<NaiveDate> {
    i32::try_from(ordinal)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or(TimeError::OutOfRange)
        .and_then(check_date)
        .map_err(err)
}

/// A date argument: `datetime.date` or `YYYY-MM-DD`.
pub fn date_of(ob: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let py = ob.py();
    if let Ok(text) = ob.cast::<PyString>() {
        return parse_date(&text_of(text)?).map_err(err);
    }
    match is_plain_date(py, ob)? {
        Some(true) => {
            let ordinal: i64 = ob.call_method0(intern!(py, "toordinal"))?.extract()?;
            date_from_ordinal(ordinal)
        }
        Some(false) => Err(raise(
            "time.invalid_date",
            None,
            "invalid date: expected a datetime.date or YYYY-MM-DD, not a datetime",
            None,
            None,
        )),
        None => Err(type_error("a datetime.date or a YYYY-MM-DD string", ob)),
    }
}

/// A date out: `datetime.date`.
pub fn date_to_py(py: Python<'_>, date: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    date_types(py)?
        .fromordinal
        .bind(py)
        .call1((date.num_days_from_ce(),))
}

/// An optional date out.
pub fn opt_date_to_py(py: Python<'_>, date: Option<NaiveDate>) -> PyResult<Bound<'_, PyAny>> {
    match date {
        Some(d) => date_to_py(py, d),
        None => Ok(py.None().into_bound(py)),
    }
}

/// An instant argument: a timezone-aware `datetime.datetime` or RFC 3339 text.
pub fn instant_of(ob: &Bound<'_, PyAny>) -> PyResult<Instant> {
    let py = ob.py();
    if let Ok(text) = ob.cast::<PyString>() {
        return parse_instant(&text_of(text)?).map_err(err);
    }
    match is_plain_date(py, ob)? {
        Some(false) => {
            // Any tzinfo (fixed or a zone such as ZoneInfo) gives this instant's offset.
            let utcoffset = ob.call_method0(intern!(py, "utcoffset"))?;
            if utcoffset.is_none() {
                return Err(err(TimeError::MissingOffset));
            }
            // A sub-minute offset (Africa/Monrovia until 1972: -00:44:30) is refused, never
            // rounded: rounding it and keeping the local time would move the instant.
            let offset: TimeDelta = utcoffset.extract()?;
            if offset.subsec_nanos() != 0 {
                return Err(err(TimeError::InvalidOffset));
            }
            let offset = offset_from_seconds(offset.num_seconds()).map_err(err)?;
            let local: NaiveDateTime = ob
                .call_method(
                    intern!(py, "replace"),
                    (),
                    Some(&[("tzinfo", py.None())].into_py_dict(py)?),
                )?
                .extract()?;
            check_date(local.date()).map_err(err)?;
            offset
                .from_local_datetime(&local)
                .single()
                .ok_or_else(|| err(TimeError::InvalidInstant))
        }
        Some(true) => Err(raise(
            "time.invalid_instant",
            None,
            "invalid instant: expected a timezone-aware datetime, not a date",
            None,
            None,
        )),
        None => Err(type_error("a timezone-aware datetime or RFC 3339 text", ob)),
    }
}

/// An instant out: an aware `datetime.datetime` in the instant's own offset.
pub fn instant_to_py(py: Python<'_>, at: Instant) -> PyResult<Bound<'_, PyAny>> {
    Ok(at.into_pyobject(py)?.into_any())
}

/// An optional instant out.
pub fn opt_instant_to_py(py: Python<'_>, at: Option<Instant>) -> PyResult<Bound<'_, PyAny>> {
    match at {
        Some(at) => instant_to_py(py, at),
        None => Ok(py.None().into_bound(py)),
    }
}

/// An office offset: `+08:00` text or a fixed `datetime.tzinfo` (`datetime.timezone`).
pub fn offset_of(ob: &Bound<'_, PyAny>) -> PyResult<FixedOffset> {
    if let Ok(text) = ob.cast::<PyString>() {
        return parse_offset(&text_of(text)?).map_err(err);
    }
    let offset = ob
        .extract::<FixedOffset>()
        .map_err(|_| type_error("an offset like +08:00 or a datetime.timezone", ob))?;
    check_offset(offset).map_err(err)
}

/// A month: `YYYY-MM` text, or the month of a `datetime.date`.
pub fn month_of(ob: &Bound<'_, PyAny>) -> PyResult<YearMonth> {
    if let Ok(text) = ob.cast::<PyString>() {
        return text_of(text)?.parse::<YearMonth>().map_err(err);
    }
    if is_plain_date(ob.py(), ob)?.is_some() {
        return date_of(ob).map(YearMonth::of);
    }
    Err(type_error("a YYYY-MM string or a datetime.date", ob))
}

/// Argument wrappers, so that signatures read as what they take.
macro_rules! arg {
    ($(#[$doc:meta])* $name:ident($ty:ty) = $read:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name(pub $ty);

        impl FromPyObject<'_, '_> for $name {
            type Error = PyErr;

            fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
                $read(&ob).map($name)
            }
        }
    };
}

arg!(
    /// `datetime.date` or `YYYY-MM-DD`.
    Date(NaiveDate) = date_of
);
arg!(
    /// An aware `datetime.datetime` or RFC 3339 text.
    At(Instant) = instant_of
);
arg!(
    /// `+08:00` or a `datetime.timezone`.
    Offset(FixedOffset) = offset_of
);
arg!(
    /// `YYYY-MM` or a date in the month.
    Month(YearMonth) = month_of
);

/// A JSON-shaped Python value (dict, list, tuple, str, int, float, bool, None; dates, aware
/// datetimes, enum members and the library's value types as their JSON text).
///
/// Lists, tuples and dicts may be nested at most [`MAX_NESTING`] levels (the JSON parser's own
/// bound) and may not contain themselves: a deeper value is `input.too_deep`, a cyclic one
/// `input.cycle` (`ComplaintOfficeError`), checked while converting, so no value can exhaust
/// the stack and kill the interpreter.
pub fn to_json(ob: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_json_within(ob, &mut Vec::new())
}

/// Enters a container that the caller walks itself (a list of histories, say), so that its
/// levels count towards the bound and a value inside it that contains it is a cycle; the
/// caller pops `path` when done.
pub fn enter(ob: &Bound<'_, PyAny>, path: &mut Vec<usize>) -> PyResult<()> {
    let id = ob.as_ptr() as usize;
    if path.contains(&id) {
        return Err(err(InputError::Cycle));
    }
    if path.len() >= MAX_NESTING {
        return Err(err(InputError::TooDeep));
    }
    path.push(id);
    Ok(())
}

/// [`to_json`] below the containers of `path` (their addresses, outermost first).
pub fn to_json_within(ob: &Bound<'_, PyAny>, path: &mut Vec<usize>) -> PyResult<Value> {
    let py = ob.py();
    if ob.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(text) = ob.cast::<PyString>() {
        return Ok(Value::String(text_of(text)?.into_owned()));
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if ob.cast::<PyInt>().is_ok() {
        if let Ok(i) = ob.extract::<i64>() {
            return Ok(Value::from(i));
        }
        return ob
            .extract::<u64>()
            .map(Value::from)
            .map_err(|_| err(InputError::InvalidNumber));
    }
    if let Ok(f) = ob.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| err(InputError::InvalidNumber));
    }
    let is_container =
        ob.cast::<PyDict>().is_ok() || ob.cast::<PyList>().is_ok() || ob.cast::<PyTuple>().is_ok();
    if is_container {
        // The address identifies the object while it is alive, and every container on the
        // path is alive: its parent holds it.
        let id = ob.as_ptr() as usize;
        if path.contains(&id) {
            return Err(err(InputError::Cycle));
        }
        if path.len() >= MAX_NESTING {
            return Err(err(InputError::TooDeep));
        }
        path.push(id);
        let value = container_to_json(ob, path);
        path.pop();
        return value;
    }
    match is_plain_date(py, ob)? {
        Some(true) => return Ok(Value::String(date_of(ob)?.to_string())),
        Some(false) => return Ok(Value::String(format_instant(&instant_of(ob)?))),
        None => {}
    }
    if let Ok(n) = ob.cast::<crate::number::PyComplaintNumber>() {
        return Ok(Value::String(n.get().0.to_string()));
    }
    if let Ok(d) = ob.cast::<crate::duration::PyDuration>() {
        return Ok(Value::String(d.get().0.to_string()));
    }
    Err(type_error(
        "a JSON-like value (dict, list, str, int, float, bool, None, date, datetime)",
        ob,
    ))
}

/// A dict, list or tuple, its items converted below `path`.
fn container_to_json(ob: &Bound<'_, PyAny>, path: &mut Vec<usize>) -> PyResult<Value> {
    if let Ok(dict) = ob.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = text_of(
                k.cast::<PyString>()
                    .map_err(|_| type_error("string keys", &k))?,
            )?
            .into_owned();
            map.insert(key, to_json_within(&v, path)?);
        }
        return Ok(Value::Object(map));
    }
    let items: PyResult<Vec<Value>> = match ob.cast::<PyList>() {
        Ok(list) => list.iter().map(|v| to_json_within(&v, path)).collect(),
        Err(_) => ob
            .cast::<PyTuple>()?
            .iter()
            .map(|v| to_json_within(&v, path))
            .collect(),
    };
    items.map(Value::Array)
}

/// A JSON value as Python: dicts, lists, str, int, float, bool, None.
pub fn from_json<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(from_json(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, from_json(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Looks up a member of a vocabulary enum of the Python package by its value.
pub fn enum_member<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyDict>>,
    module: &str,
    class: &str,
    value: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let members = cell.get_or_try_init(py, || -> PyResult<_> {
        Ok(py
            .import(module)?
            .getattr(class)?
            .getattr("_value2member_map_")?
            .cast_into::<PyDict>()?
            .unbind())
    })?;
    members.bind(py).get_item(value)?.ok_or_else(|| {
        raise(
            "internal.vocabulary",
            None,
            "internal error: a core name is missing from a Python enum",
            None,
            None,
        )
    })
}

/// A member of a vocabulary enum: `py_enum!(py, "complaint_office.calendar", "DayKind", name)`.
macro_rules! py_enum {
    ($py:expr, $module:literal, $class:literal, $value:expr) => {{
        static MEMBERS: ::pyo3::sync::PyOnceLock<::pyo3::Py<::pyo3::types::PyDict>> =
            ::pyo3::sync::PyOnceLock::new();
        $crate::convert::enum_member($py, &MEMBERS, $module, $class, $value)
    }};
}

pub(crate) use py_enum;

/// Any iterable of `T` (not a string), collected.
#[derive(Debug, Clone)]
pub struct Many<T>(pub Vec<T>);

impl<T> FromPyObject<'_, '_> for Many<T>
where
    T: for<'a, 'py> FromPyObject<'a, 'py>,
    for<'a, 'py> <T as FromPyObject<'a, 'py>>::Error: Into<PyErr>,
{
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if ob.cast::<PyString>().is_ok() {
            return Err(type_error("an iterable of values, not a string", &ob));
        }
        let py = ob.py();
        let iter = ob
            .try_iter()
            .map_err(|_| type_error("an iterable of values", &ob))?;
        let mut items = Vec::with_capacity(ob.len().unwrap_or(0));
        for item in iter {
            items.push(item?.extract::<T>().map_err(|e| coded(py, e.into()))?);
        }
        Ok(Many(items))
    }
}
