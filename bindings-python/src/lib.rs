//! The Python binding of complaint-office: the native module `complaint_office._native`.
//!
//! A thin layer: every function converts Python values into the core's types, makes one call
//! into the core, and converts the result back. The Python package around it
//! (`python/complaint_office/`) re-exports these types per domain, defines the vocabulary enums
//! (built from the core's own names) and the exception classes.
//!
//! * [`errors`] maps every core error onto a `ComplaintOfficeError` subclass, and [`guard`]
//!   turns a panic into `InternalError` (`internal.panic`) so that none reaches Python.
//! * [`convert`] reads native `datetime` values and ISO strings, and JSON-shaped Python values.

// Methods exposed to Python take `&self` (pyo3), whatever their name (`to_dict`,
// `into_result` after the core's).
#![allow(clippy::wrong_self_convention)]

use pyo3::prelude::*;

mod accountability;
mod archive;
mod arrow;
mod batch;
mod calendar;
mod case;
mod classify;
mod convert;
mod duration;
mod errors;
mod history;
mod intake;
mod number;
mod office;
mod period;
mod policy;
mod privacy;
mod stats;
mod store;
mod triage;
mod vocabulary;

pub use errors::guard;

/// `Name(key=value, …)` from a type's JSON-shaped form (a dict: its items with the Python
/// reprs of their values; anything else: its repr). The one way the types without a
/// hand-written `__repr__` print their content; forms with personal data must hold the masked
/// values (or a `PersonalData`, whose repr masks) before they get here.
pub(crate) fn repr_of(name: &str, form: &Bound<'_, PyAny>) -> PyResult<String> {
    let inner = match form.cast::<pyo3::types::PyDict>() {
        Ok(dict) => dict
            .iter()
            .map(|(k, v)| Ok(format!("{}={}", k.str()?, v.repr()?)))
            .collect::<PyResult<Vec<_>>>()?
            .join(", "),
        Err(_) => form.repr()?.to_string(),
    };
    Ok(format!("{name}({inner})"))
}

/// The native module; `complaint_office` re-exports it by domain.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    vocabulary::register(m)?;
    duration::register(m)?;
    number::register(m)?;
    policy::register(m)?;
    calendar::register(m)?;
    period::register(m)?;
    case::register(m)?;
    accountability::register(m)?;
    archive::register(m)?;
    privacy::register(m)?;
    intake::register(m)?;
    classify::register(m)?;
    triage::register(m)?;
    stats::register(m)?;
    office::register(m)?;
    history::register(m)?;
    arrow::register(m)?;
    store::register(m)?;
    Ok(())
}
