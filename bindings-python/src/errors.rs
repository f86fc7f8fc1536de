//! Errors crossing into Python, mapped in this one place.
//!
//! Every core error becomes an instance of a `ComplaintOfficeError` subclass with `.code` and
//! `.clause`, `.index` (a batch element or a replayed event, else None) and `.key` (the policy
//! key, event key or ledger column at fault, else None).
//! The classes live in `complaint_office/errors.py`, which also picks the subclass from the
//! code; this file only carries the core's code, clause and message across. Messages are the
//! core's, which never contain personal data; nothing is added to them.
//!
//! No panic reaches Python: every entry point runs inside [`guard`], which turns a panic into
//! `InternalError` with the code `internal.panic`.
//!
//! Nor does an uncoded conversion error: an argument of the wrong type is `ArgumentError`
//! (`binding.invalid_argument`, also a `TypeError`), and [`coded`] translates the `TypeError`,
//! `OverflowError` and `UnicodeError` that pyo3 and CPython raise while reading a value (see
//! `convert.rs` for where it is applied).

use std::fmt::Display;
use std::panic::{AssertUnwindSafe, catch_unwind};

use complaint_office::ErrorCode;
use complaint_office::calendar::CalendarError;
use complaint_office::case::CaseError;
use complaint_office::history::HistoryError;
use complaint_office::input::InputError;
use complaint_office::policy::PolicyError;
use complaint_office_store::StoreError;
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyUnicodeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The code of a panic caught at the boundary.
pub const PANIC_CODE: &str = "internal.panic";

/// Runs one entry point of the module; a panic becomes `InternalError` (`internal.panic`).
///
/// # Errors
/// What `f` returns, or the internal error.
pub fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let result = catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(raise(
            PANIC_CODE,
            None,
            "internal error: complaint-office hit a bug; please report it",
            None,
            None,
        ))
    });
    // What the body let escape from reading a value itself is coded like an argument.
    result.map_err(|e| Python::attach(|py| coded(py, e)))
}

/// The Python exception for an error code: `complaint_office.errors._from_code(...)`.
pub fn raise(
    code: &str,
    clause: Option<&str>,
    message: &str,
    index: Option<usize>,
    key: Option<&str>,
) -> PyErr {
    static FROM_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    Python::attach(|py| {
        let made = FROM_CODE
            .import(py, "complaint_office.errors", "_from_code")
            .and_then(|f| f.call1((message, code, clause, index, key)));
        match made {
            Ok(exception) => PyErr::from_value(exception),
            Err(e) => e,
        }
    })
}

/// A store error, as `complaint_office.errors._from_store_code(...)` makes it: a `StoreError`,
/// which for the library's own codes (a refused event, a tampered history) is at the same
/// time the library's class (`TransitionError`, `HistoryError`, …). The index and key are the
/// wrapped library error's; the message is the store's, which names codes, constraints and
/// counts, never a row's content or a driver's message.
pub fn store_err(e: StoreError) -> PyErr {
    static FROM_STORE_CODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let inner: Option<&dyn ErrorCode> = match &e {
        StoreError::History(e) => Some(e),
        StoreError::Case(e) => Some(e),
        StoreError::Number(e) => Some(e),
        StoreError::Archive(e) => Some(e),
        StoreError::Stats(e) => Some(e),
        StoreError::Policy(e) => Some(e),
        _ => None,
    };
    // The store's own `index()` reads the history's break and the refused event; the trait
    // gives the others' (a ledger's row).
    let index = e.index().or_else(|| inner.and_then(|i| i.index()));
    let key = inner.and_then(|i| i.key());
    let message = e.to_string();
    Python::attach(|py| {
        let made = FROM_STORE_CODE
            .import(py, "complaint_office.errors", "_from_store_code")
            .and_then(|f| f.call1((message, e.code(), e.clause(), index, key)));
        match made {
            Ok(exception) => PyErr::from_value(exception),
            Err(e) => e,
        }
    })
}

/// Any core error, with the position and the key at fault when the core names them.
pub fn err<E: ErrorCode + Display>(e: E) -> PyErr {
    raise(e.code(), e.clause(), &e.to_string(), e.index(), e.key())
}

/// A calendar error, with the position of a failing batch element.
pub fn calendar_err(e: CalendarError) -> PyErr {
    let index = match &e {
        CalendarError::AtIndex { index, .. } => Some(*index),
        _ => None,
    };
    raise(e.code(), e.clause(), &e.to_string(), index, e.key())
}

/// A case error, with the position of the refused event of a replay and the event's key at
/// fault.
pub fn case_err(e: CaseError) -> PyErr {
    err(e)
}

/// A history error, with the index where the chain breaks (or of the refused event, with the
/// event's key at fault, for an intact history the case refuses).
pub fn history_err(e: HistoryError) -> PyErr {
    match e {
        HistoryError::Case(e) => case_err(e),
        e => raise(e.code(), e.clause(), &e.to_string(), e.index(), None),
    }
}

/// A policy error, with the key at fault.
pub fn policy_err(e: PolicyError) -> PyErr {
    err(e)
}

/// The code of an argument of the wrong type or form (`ArgumentError`, also a `TypeError`).
pub const ARGUMENT_CODE: &str = "binding.invalid_argument";

/// An argument refused for its type or form: `ArgumentError` (`binding.invalid_argument`).
/// The message names what was expected, never the value.
pub fn invalid_argument(message: &str) -> PyErr {
    raise(
        ARGUMENT_CODE,
        None,
        &format!("invalid argument: {message}"),
        None,
        None,
    )
}

/// A Python value of the wrong type: `ArgumentError` naming the expected and the given type
/// (the value itself is never echoed).
pub fn type_error(expected: &str, got: &Bound<'_, PyAny>) -> PyErr {
    let type_name = got
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    invalid_argument(&format!("expected {expected}, got {type_name}"))
}

/// Python's uncoded conversion errors as the library's: a `TypeError` (exactly that type,
/// as pyo3 and CPython raise it) is `binding.invalid_argument` with the same message, which
/// names types, never values; an `OverflowError` (an int beyond the parameter's range) is
/// `input.invalid_number`; a `UnicodeError` (whose args would hold the whole string) is
/// `input.invalid_text`. Any other error, coded ones included, is returned unchanged.
pub fn coded(py: Python<'_>, e: PyErr) -> PyErr {
    if e.get_type(py).is(py.get_type::<PyTypeError>()) {
        let message = e
            .value(py)
            .str()
            .map_or_else(|_| "wrong type".to_owned(), |m| m.to_string());
        invalid_argument(&message)
    } else if e.is_instance_of::<PyOverflowError>(py) {
        err(InputError::InvalidNumber)
    } else if e.is_instance_of::<PyUnicodeError>(py) {
        err(InputError::InvalidText)
    } else {
        e
    }
}

/// Raises `InternalError` from a panic inside the guard: proves that no panic crosses the
/// boundary (used by the test suite; it does nothing else).
#[pyfunction]
fn _panic_probe() -> PyResult<()> {
    #[allow(clippy::panic)] // the point of the probe
    guard(|| panic!("deliberate panic of the boundary test"))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PANIC_CODE", PANIC_CODE)?;
    m.add_function(wrap_pyfunction!(_panic_probe, m)?)?;
    Ok(())
}
