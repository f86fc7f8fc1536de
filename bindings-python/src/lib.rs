//! Python binding of complaint-office (being built: issue 8).

use pyo3::prelude::*;

/// The `complaint_office` Python module.
#[pymodule]
fn complaint_office(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
