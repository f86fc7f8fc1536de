//! Classification (§2.2.2): categories, keyword suggestion, department routing.

use complaint_office::classify::{self, Category, Department, Labels};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{Ref, Text};
use crate::errors::err;
use crate::guard;
use crate::policy::PyPolicy;

fn labels_dict<'py>(py: Python<'py>, l: &Labels) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("zh_hant", &l.zh_hant)?;
    dict.set_item("zh_hans", &l.zh_hans)?;
    dict.set_item("en", &l.en)?;
    Ok(dict)
}

/// A category of the policy: code, labels (`zh_hant`, `zh_hans`, `en`), department, keywords.
#[pyclass(name = "Category", module = "complaint_office.classify", frozen)]
#[derive(Debug, Clone)]
pub struct PyCategory(Category);

#[pymethods]
impl PyCategory {
    /// The stable code (`product_quality`).
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }

    /// The labels: `{"zh_hant", "zh_hans", "en"}`.
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        labels_dict(py, &self.0.labels)
    }

    /// The code of the department it is routed to.
    #[getter]
    fn department(&self) -> &str {
        &self.0.department
    }

    /// The keywords that suggest it.
    #[getter]
    fn keywords(&self) -> Vec<String> {
        self.0.keywords.clone()
    }

    fn __repr__(&self) -> String {
        format!("Category('{}')", self.0.code)
    }
}

/// A department: code and labels.
#[pyclass(name = "Department", module = "complaint_office.classify", frozen)]
#[derive(Debug, Clone)]
pub struct PyDepartment(Department);

#[pymethods]
impl PyDepartment {
    /// The stable code.
    #[getter]
    fn code(&self) -> &str {
        &self.0.code
    }

    /// The labels: `{"zh_hant", "zh_hans", "en"}`.
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        labels_dict(py, &self.0.labels)
    }

    fn __repr__(&self) -> String {
        format!("Department('{}')", self.0.code)
    }
}

/// A category suggested for a text, with the evidence: hits, confidence, matched keywords.
#[pyclass(name = "Suggestion", module = "complaint_office.classify", frozen)]
#[derive(Debug, Clone)]
pub struct PySuggestion {
    category: Category,
    label: String,
    hits: u32,
    confidence: f64,
    matched: Vec<(String, u32)>,
}

#[pymethods]
impl PySuggestion {
    /// The category.
    #[getter]
    fn category(&self) -> PyCategory {
        PyCategory(self.category.clone())
    }

    /// The category's label in the policy's language.
    #[getter]
    fn label(&self) -> &str {
        &self.label
    }

    /// The code of the department the category is routed to (as `category.department`).
    #[getter]
    fn department(&self) -> &str {
        &self.category.department
    }

    /// How many keyword occurrences of the category the text has.
    #[getter]
    fn hits(&self) -> u32 {
        self.hits
    }

    /// `hits / (hits of every category + 1)`.
    #[getter]
    fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The keywords found, as `(word, count)`, in order of first occurrence.
    #[getter]
    fn matched(&self) -> Vec<(String, u32)> {
        self.matched.clone()
    }

    /// The JSON form of one `classify.suggest` entry.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("category", &self.category.code)?;
        dict.set_item("label", &self.label)?;
        dict.set_item("department", &self.category.department)?;
        dict.set_item("confidence", self.confidence)?;
        dict.set_item("hits", self.hits)?;
        let matched = self
            .matched
            .iter()
            .map(|(w, c)| {
                let d = PyDict::new(py);
                d.set_item("word", w)?;
                d.set_item("count", c)?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("matched", matched)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Suggestion(category='{}', hits={})",
            self.category.code, self.hits
        )
    }
}

/// Suggests categories for a complaint text, best first, with the evidence (§2.2.2).
///
/// >>> from complaint_office import Policy, classify
/// >>> classify.suggest(Policy(), "更換的零件又壞了")[0].category.code
/// 'product_quality'
#[pyfunction]
fn suggest(policy: Ref<'_, PyPolicy>, text: Text) -> Vec<PySuggestion> {
    let language = policy.0.language();
    classify::suggest(&policy.0, &text)
        .into_iter()
        .map(|s| PySuggestion {
            label: s.category.labels.get(language).to_owned(),
            category: s.category.clone(),
            hits: s.hits,
            confidence: s.confidence,
            matched: s
                .matched
                .iter()
                .map(|m| (m.word.to_owned(), m.count))
                .collect(),
        })
        .collect()
}

/// The category with this code; `ClassifyError` (`classify.unknown_category`) otherwise.
#[pyfunction]
fn category(policy: Ref<'_, PyPolicy>, code: Text) -> PyResult<PyCategory> {
    guard(|| {
        classify::category(&policy.0, &code)
            .map(|c| PyCategory(c.clone()))
            .map_err(err)
    })
}

/// The department a category is routed to.
#[pyfunction]
fn department_of(policy: Ref<'_, PyPolicy>, code: Text) -> PyResult<PyDepartment> {
    guard(|| {
        classify::department_of(&policy.0, &code)
            .map(|d| PyDepartment(d.clone()))
            .map_err(err)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCategory>()?;
    m.add_class::<PyDepartment>()?;
    m.add_class::<PySuggestion>()?;
    m.add_function(wrap_pyfunction!(suggest, m)?)?;
    m.add_function(wrap_pyfunction!(category, m)?)?;
    m.add_function(wrap_pyfunction!(department_of, m)?)?;
    Ok(())
}
