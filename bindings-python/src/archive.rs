//! Records and archive (§6): completeness, retention expiry, destruction, sweeps.

use complaint_office::archive::{
    self, Approval, ArchiveFile, ArchivedDocument, DestructionDecision, Document, Expiry, Refusal,
    SweepEntry,
};
use pyo3::Borrowed;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::calendar::PyCalendar;
use crate::convert::{Arg, Date, Many, Ref, Text, date_to_py, py_enum, to_json};
use crate::duration::DurationArg;
use crate::errors::{err, invalid_argument, type_error};
use crate::guard;
use crate::number::{NumberArg, PyComplaintNumber};
use crate::policy::PyPolicy;

fn document_to_py(py: Python<'_>, d: Document) -> PyResult<Bound<'_, PyAny>> {
    py_enum!(py, "complaint_office.archive", "Document", d.as_str())
}

fn refusal_to_py(py: Python<'_>, r: Option<Refusal>) -> PyResult<Option<Bound<'_, PyAny>>> {
    r.map(|r| py_enum!(py, "complaint_office.archive", "Refusal", r.code()))
        .transpose()
}

fn documents_to_py(py: Python<'_>, docs: Vec<Document>) -> PyResult<Vec<Bound<'_, PyAny>>> {
    docs.into_iter().map(|d| document_to_py(py, d)).collect()
}

/// The last day of retention, and whether it is provisional.
#[pyclass(name = "Expiry", module = "complaint_office.archive", frozen, eq)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyExpiry(Expiry);

#[pymethods]
impl PyExpiry {
    /// The last day of the retention period.
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.last_day)
    }

    /// Whether it used a day outside the calendar's statutory data.
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    fn __repr__(&self) -> String {
        format!(
            "Expiry(last_day={}, provisional={})",
            self.0.last_day,
            if self.0.provisional { "True" } else { "False" }
        )
    }
}

/// One document of an archive file with its references (electronic and/or paper, §6.1.2).
#[pyclass(
    name = "ArchivedDocument",
    module = "complaint_office.archive",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyArchivedDocument(ArchivedDocument);

#[pymethods]
impl PyArchivedDocument {
    /// A document with its electronic and/or paper reference.
    #[new]
    #[pyo3(signature = (document, electronic = None, paper = None))]
    fn new(document: Text, electronic: Option<Text>, paper: Option<Text>) -> PyResult<Self> {
        guard(|| {
            Ok(PyArchivedDocument(ArchivedDocument {
                document: document.parse().map_err(err)?,
                electronic: electronic.map(String::from),
                paper: paper.map(String::from),
            }))
        })
    }

    /// Which document (a `Document`).
    #[getter]
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        document_to_py(py, self.0.document)
    }

    /// The electronic reference, if any.
    #[getter]
    fn electronic(&self) -> Option<&str> {
        self.0.electronic.as_deref()
    }

    /// The paper reference, if any.
    #[getter]
    fn paper(&self) -> Option<&str> {
        self.0.paper.as_deref()
    }

    /// Whether it is kept in at least one form (a non-blank reference).
    fn is_kept(&self) -> bool {
        self.0.is_kept()
    }
}

/// A document argument: an `ArchivedDocument` or a dict `{"document", "electronic", "paper"}`.
struct DocumentArg(ArchivedDocument);

impl FromPyObject<'_, '_> for DocumentArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(d) = ob.cast::<PyArchivedDocument>() {
            return Ok(DocumentArg(d.get().0.clone()));
        }
        let dict = ob
            .cast::<PyDict>()
            .map_err(|_| type_error("an ArchivedDocument or a dict", &ob))?;
        let text = |key: &str| -> PyResult<Option<String>> {
            dict.get_item(key)?
                .filter(|v| !v.is_none())
                .map(|v| v.extract::<String>())
                .transpose()
        };
        let document =
            text("document")?.ok_or_else(|| type_error("a dict with a document", &ob))?;
        Ok(DocumentArg(ArchivedDocument {
            document: document.parse().map_err(err)?,
            electronic: text("electronic")?,
            paper: text("paper")?,
        }))
    }
}

/// A leadership approval argument: a dict `{"approved_by", "approved_on"}` or a tuple.
struct ApprovalArg(Approval);

impl FromPyObject<'_, '_> for ApprovalArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Ok(dict) = ob.cast::<PyDict>() {
            let by = dict
                .get_item("approved_by")?
                .ok_or_else(|| type_error("a dict with approved_by", &ob))?;
            let on = dict
                .get_item("approved_on")?
                .ok_or_else(|| type_error("a dict with approved_on", &ob))?;
            return Ok(ApprovalArg(Approval {
                approved_by: crate::convert::string_of(&by)?,
                approved_on: crate::convert::date_of(&on)?,
            }));
        }
        // The tuple form reads its items as the dict form does: a day that does not exist is
        // `time.invalid_date` in both.
        let (by, on): (Bound<'_, PyAny>, Bound<'_, PyAny>) = ob
            .extract()
            .map_err(|_| type_error("a dict {approved_by, approved_on}", &ob))?;
        Ok(ApprovalArg(Approval {
            approved_by: crate::convert::string_of(&by)?,
            approved_on: crate::convert::date_of(&on)?,
        }))
    }
}

/// The archive file of a case (§6.2.1): number, archive date, documents, legal hold and the
/// leadership's destruction approval.
///
/// >>> from complaint_office.archive import ArchiveFile
/// >>> f = ArchiveFile("25010001", "2025-01-20", [{"document": "registration_form", "paper": "box 3"}])
/// >>> [d.value for d in f.missing_documents()][:2]
/// ['investigation_record', 'handling_plan']
#[pyclass(
    name = "ArchiveFile",
    module = "complaint_office.archive",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyArchiveFile(pub ArchiveFile);

#[pymethods]
impl PyArchiveFile {
    /// A file; `documents` are `ArchivedDocument`s or dicts, `approval` a dict
    /// `{"approved_by", "approved_on"}`.
    #[new]
    #[pyo3(
        signature = (number, archived_on, documents = None, legal_hold = Arg(false), approval = None),
        text_signature = "(number, archived_on, documents=None, legal_hold=False, approval=None)"
    )]
    fn new(
        number: NumberArg,
        archived_on: Date,
        documents: Option<Many<DocumentArg>>,
        legal_hold: Arg<bool>,
        approval: Option<ApprovalArg>,
    ) -> PyResult<Self> {
        guard(|| {
            let docs = documents.map_or_else(Vec::new, |d| d.0.into_iter().map(|d| d.0).collect());
            let mut file = ArchiveFile::new(number.0, archived_on.0, docs);
            file.legal_hold = legal_hold.0;
            file.approval = approval.map(|a| a.0);
            Ok(PyArchiveFile(file))
        })
    }

    /// A file from its stored JSON form (what the other bindings' `to_json` writes): a dict or
    /// its JSON text, `{"number", "archived_on", "documents": [{"document", "electronic",
    /// "paper"}], "legal_hold", "approval": {"approved_by", "approved_on"} or null}`. Raises
    /// `ArgumentError` for anything else.
    ///
    /// >>> from complaint_office.archive import ArchiveFile
    /// >>> f = ArchiveFile.from_json('{"number": "25010001", "archived_on": "2025-01-20", "documents": []}')
    /// >>> f == ArchiveFile("25010001", "2025-01-20")
    /// True
    #[staticmethod]
    fn from_json(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        const FILE: &str = "an archive file ({number, archived_on, documents, legal_hold, approval}) or its JSON text";
        guard(|| {
            let value = match data.cast::<PyString>() {
                Ok(s) => serde_json::from_str(&crate::convert::text_of(s)?)
                    .map_err(|_| invalid_argument(FILE))?,
                Err(_) => to_json(data)?,
            };
            serde_json::from_value::<ArchiveFile>(value)
                .map(PyArchiveFile)
                .map_err(|_| invalid_argument(FILE))
        })
    }

    /// The case's complaint number.
    #[getter]
    fn number(&self) -> PyComplaintNumber {
        PyComplaintNumber(self.0.number)
    }

    /// The archive date.
    #[getter]
    fn archived_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.archived_on)
    }

    /// The documents.
    #[getter]
    fn documents(&self) -> Vec<PyArchivedDocument> {
        self.0
            .documents
            .iter()
            .cloned()
            .map(PyArchivedDocument)
            .collect()
    }

    /// Whether a legal hold forbids destruction.
    #[getter]
    fn legal_hold(&self) -> bool {
        self.0.legal_hold
    }

    /// The approval as `(approved_by, approved_on)`, or None.
    #[getter]
    fn approval<'py>(&self, py: Python<'py>) -> PyResult<Option<(String, Bound<'py, PyAny>)>> {
        self.0
            .approval
            .as_ref()
            .map(|a| Ok((a.approved_by.clone(), date_to_py(py, a.approved_on)?)))
            .transpose()
    }

    /// The required documents not kept in any form, in the order of §6.2.1.
    fn missing_documents<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        documents_to_py(py, self.0.missing_documents())
    }

    /// The documents kept in one form only (§6.1.2).
    fn single_form_documents<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        documents_to_py(py, self.0.single_form_documents())
    }

    /// Raises `ArchiveError` (`archive.missing_documents`, §6.2.1) when incomplete.
    fn check_complete(&self) -> PyResult<()> {
        guard(|| self.0.check_complete().map_err(err))
    }

    fn __repr__(&self) -> String {
        format!(
            "ArchiveFile(number='{}', archived_on={})",
            self.0.number, self.0.archived_on
        )
    }
}

/// Whether a file may be destroyed on a date, and if not, why (a `Refusal`).
#[pyclass(
    name = "DestructionDecision",
    module = "complaint_office.archive",
    frozen,
    eq
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyDestructionDecision(DestructionDecision);

#[pymethods]
impl PyDestructionDecision {
    /// Whether destruction is allowed.
    #[getter]
    fn allowed(&self) -> bool {
        self.0.allowed
    }

    /// Why not (a `Refusal`), or None.
    #[getter]
    fn reason<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        refusal_to_py(py, self.0.reason)
    }

    /// Raises `ArchiveError` with the refusal's code when destruction is not allowed.
    fn into_result(&self) -> PyResult<()> {
        guard(|| self.0.into_result().map_err(err))
    }

    /// The JSON form of `archive.may_destroy`: `{"allowed", "reason"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("allowed", self.0.allowed)?;
        dict.set_item("reason", self.0.reason.map(|r| r.code()))?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "DestructionDecision(allowed={}, reason={})",
            if self.0.allowed { "True" } else { "False" },
            self.0
                .reason
                .map_or_else(|| "None".to_owned(), |r| format!("'{}'", r.code()))
        )
    }
}

/// One file of a retention sweep.
#[pyclass(name = "SweepEntry", module = "complaint_office.archive", frozen, eq)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PySweepEntry(pub(crate) SweepEntry);

#[pymethods]
impl PySweepEntry {
    /// The file's complaint number.
    #[getter]
    fn number(&self) -> PyComplaintNumber {
        PyComplaintNumber(self.0.number)
    }

    /// The last day of its retention.
    #[getter]
    fn expires_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.expires_on)
    }

    /// Whether that day is provisional.
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    /// Where the sweep puts it (a `SweepStatus`).
    #[getter]
    fn status<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.archive",
            "SweepStatus",
            self.0.status.as_str()
        )
    }

    /// Why it may not be destroyed (a `Refusal`), or None.
    #[getter]
    fn reason<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        refusal_to_py(py, self.0.reason)
    }

    /// The JSON form of one `archive.sweep` entry.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("number", self.0.number.to_string())?;
        dict.set_item("expires_on", self.0.expires_on.to_string())?;
        dict.set_item("provisional", self.0.provisional)?;
        dict.set_item("status", self.0.status.as_str())?;
        dict.set_item("reason", self.0.reason.map(|r| r.code()))?;
        Ok(dict)
    }
}

/// The end of the policy's retention period for a file archived on `archived_on`.
#[pyfunction]
fn expiry(policy: Ref<'_, PyPolicy>, archived_on: Date) -> PyResult<PyExpiry> {
    guard(|| {
        archive::expiry(&policy.0, archived_on.0)
            .map(PyExpiry)
            .map_err(err)
    })
}

/// The end of `period` from the archive date, on `calendar`.
///
/// >>> from complaint_office import Calendar, archive
/// >>> archive.expiry_with(Calendar.default(), "2022-10-01", "3 years").last_day
/// datetime.date(2025, 10, 9)
#[pyfunction]
fn expiry_with(
    calendar: Ref<'_, PyCalendar>,
    archived_on: Date,
    period: DurationArg,
) -> PyResult<PyExpiry> {
    guard(|| {
        archive::expiry_with(&calendar.0, archived_on.0, period.0)
            .map(PyExpiry)
            .map_err(err)
    })
}

/// Whether `file` may be destroyed on `on` under `policy` (§6.2.2).
#[pyfunction]
fn may_destroy(
    policy: Ref<'_, PyPolicy>,
    file: Ref<'_, PyArchiveFile>,
    on: Date,
) -> PyResult<PyDestructionDecision> {
    guard(|| {
        archive::may_destroy(&policy.0, &file.0, on.0)
            .map(PyDestructionDecision)
            .map_err(err)
    })
}

/// Whether a file archived on `archived_on` may be destroyed on `on`: after the retention's
/// last day, with a leadership approval on record (`approved_on`, or None) and no legal hold.
#[pyfunction]
#[pyo3(signature = (calendar, period, archived_on, approved_on, legal_hold, on))]
fn may_destroy_with(
    calendar: Ref<'_, PyCalendar>,
    period: DurationArg,
    archived_on: Date,
    approved_on: Option<Date>,
    legal_hold: Arg<bool>,
    on: Date,
) -> PyResult<PyDestructionDecision> {
    guard(|| {
        archive::may_destroy_with(
            &calendar.0,
            period.0,
            archived_on.0,
            approved_on.map(|d| d.0),
            legal_hold.0,
            on.0,
        )
        .map(PyDestructionDecision)
        .map_err(err)
    })
}

/// Sorts archived files on `on`: retained, held, awaiting approval or may be destroyed.
#[pyfunction]
fn sweep(
    policy: Ref<'_, PyPolicy>,
    files: Many<PyArchiveFile>,
    on: Date,
) -> PyResult<Vec<PySweepEntry>> {
    guard(|| {
        let files: Vec<ArchiveFile> = files.0.into_iter().map(|f| f.0).collect();
        let entries = archive::sweep(&policy.0, &files, on.0).map_err(err)?;
        Ok(entries.into_iter().map(PySweepEntry).collect())
    })
}

/// The required documents (§6.2.1) missing from `present`.
#[pyfunction]
fn missing_documents<'py>(
    py: Python<'py>,
    present: Many<Text>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    guard(|| {
        let docs = present
            .0
            .iter()
            .map(|d| d.parse::<Document>().map_err(err))
            .collect::<PyResult<Vec<_>>>()?;
        documents_to_py(py, archive::missing_documents(&docs))
    })
}

#[pymethods]
impl PySweepEntry {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("SweepEntry", &self.to_dict(py)?.into_any())
    }
}
#[pymethods]
impl PyArchivedDocument {
    fn __repr__(&self) -> String {
        let opt = |s: &Option<String>| {
            s.as_ref()
                .map_or_else(|| "None".to_owned(), |s| format!("{s:?}"))
        };
        format!(
            "ArchivedDocument(document='{}', electronic={}, paper={})",
            self.0.document.as_str(),
            opt(&self.0.electronic),
            opt(&self.0.paper)
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExpiry>()?;
    m.add_class::<PyArchivedDocument>()?;
    m.add_class::<PyArchiveFile>()?;
    m.add_class::<PyDestructionDecision>()?;
    m.add_class::<PySweepEntry>()?;
    m.add_function(wrap_pyfunction!(expiry, m)?)?;
    m.add_function(wrap_pyfunction!(expiry_with, m)?)?;
    m.add_function(wrap_pyfunction!(may_destroy, m)?)?;
    m.add_function(wrap_pyfunction!(may_destroy_with, m)?)?;
    m.add_function(wrap_pyfunction!(sweep, m)?)?;
    m.add_function(wrap_pyfunction!(missing_documents, m)?)?;
    Ok(())
}
