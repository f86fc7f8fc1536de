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
mod intake;
mod number;
mod period;
mod policy;
mod privacy;
mod stats;
mod triage;
mod vocabulary;

pub use errors::guard;

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
    arrow::register(m)?;
    Ok(())
}
