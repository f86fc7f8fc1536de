//! The names of the three vocabularies whose Python enums are built at import time from the
//! core: `duration.Unit`, `policy.Language` and `archive.Refusal`. Their core types are not
//! `vocabulary!` declarations (a unit's parse error is a `DurationError`, a language is a BCP 47
//! tag, a refusal's name is an error code). Every other vocabulary class is generated from the
//! core's declaration by tools/boundary, into the marked part of its module.

use crate::convert::Text;
use complaint_office::archive::Refusal;
use complaint_office::duration::Unit;
use complaint_office::policy::Language;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;

/// The names of the vocabulary `key` (`module.Class` of the Python package), in the core's order.
fn names(key: &str) -> Option<Vec<&'static str>> {
    match key {
        "duration.Unit" => Some(Unit::ALL.iter().map(|u| u.as_str()).collect()),
        "policy.Language" => Some(
            [Language::ZhHant, Language::ZhHans, Language::En]
                .map(Language::tag)
                .to_vec(),
        ),
        "archive.Refusal" => Some(Refusal::ALL.iter().map(|r| r.code()).collect()),
        _ => None,
    }
}

/// The core's names of a vocabulary, for the Python enums.
#[pyfunction]
fn _vocabulary(key: Text) -> PyResult<Vec<&'static str>> {
    crate::guard(|| names(&key).ok_or_else(|| PyKeyError::new_err(key.0.clone())))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_vocabulary, m)?)?;
    Ok(())
}
