//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, completeness and contacts.

use complaint_office::intake::{
    self, Attachment, ComplainantKind, Complaint, Contact, EmailFinding, EmailIntake, IntakeReport,
};
use complaint_office::time::format_instant;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::convert::{Arg, At, Ref, Text, opt_instant_to_py, py_enum};
use crate::errors::err;
use crate::guard;
use crate::policy::PyPolicy;

fn field_to_py(py: Python<'_>, f: intake::Field) -> PyResult<Bound<'_, PyAny>> {
    py_enum!(py, "complaint_office.intake", "Field", f.as_str())
}

/// A complaint as received, before registration. `repr()` shows which personal fields are
/// there, never their values.
///
/// >>> from complaint_office import intake, Policy
/// >>> c = intake.Complaint("email", "customer", name="張三", contact="13812345678",
/// ...                      received_at="2025-09-26T10:00:00+08:00", content="…", subject="投訴: 零件")
/// >>> intake.check(Policy(), c).complete
/// True
#[pyclass(
    name = "Complaint",
    module = "complaint_office.intake",
    frozen,
    eq,
    from_py_object
)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyComplaint(pub Complaint);

impl std::fmt::Debug for PyComplaint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[pymethods]
impl PyComplaint {
    /// A complaint: channel and complainant kind, and what was given of the rest.
    #[new]
    #[pyo3(signature = (channel, complainant_kind, name = None, contact = None, received_at = None, content = None, subject = None))]
    fn new(
        channel: Text,
        complainant_kind: Text,
        name: Option<Text>,
        contact: Option<Text>,
        received_at: Option<At>,
        content: Option<Text>,
        subject: Option<Text>,
    ) -> PyResult<Self> {
        guard(|| {
            Ok(PyComplaint(Complaint {
                name: name.map(String::from),
                contact: contact.map(String::from),
                received_at: received_at.map(|a| a.0),
                content: content.map(String::from),
                subject: subject.map(String::from),
                ..Complaint::new(
                    channel.parse().map_err(err)?,
                    complainant_kind.parse().map_err(err)?,
                )
            }))
        })
    }

    /// How it arrived (a `Channel`).
    #[getter]
    fn channel<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "Channel",
            self.0.channel.as_str()
        )
    }

    /// Who complains (a `ComplainantKind`).
    #[getter]
    fn complainant_kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "ComplainantKind",
            self.0.complainant_kind.as_str()
        )
    }

    /// The complainant's name.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// A phone number or an e-mail address.
    #[getter]
    fn contact(&self) -> Option<&str> {
        self.0.contact.as_deref()
    }

    /// When it was received.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::opt_instant_to_py(py, self.0.received_at)
    }

    /// What the complaint is about.
    #[getter]
    fn content(&self) -> Option<&str> {
        self.0.content.as_deref()
    }

    /// An e-mail's subject.
    #[getter]
    fn subject(&self) -> Option<&str> {
        self.0.subject.as_deref()
    }

    /// Whether a field (an intake `Field`) holds something other than white space.
    fn has(&self, field: Text) -> PyResult<bool> {
        guard(|| Ok(self.0.has(field.parse().map_err(err)?)))
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let c = &slf.get().0;
        let received_at = crate::convert::opt_instant_to_py(py, c.received_at)?;
        let args = (
            c.channel.as_str(),
            c.complainant_kind.as_str(),
            c.name.clone(),
            c.contact.clone(),
            received_at,
            c.content.clone(),
            c.subject.clone(),
        )
            .into_pyobject(py)?;
        Ok((slf.get_type().into_any(), args))
    }
}

/// What intake found: admissible, complete, what is missing, what to ask for.
#[pyclass(name = "IntakeReport", module = "complaint_office.intake", frozen)]
#[derive(Debug, Clone)]
pub struct PyIntakeReport(pub IntakeReport);

#[pymethods]
impl PyIntakeReport {
    /// No violation of the channel rules (§1.2, §2.1).
    #[getter]
    fn admissible(&self) -> bool {
        self.0.admissible
    }

    /// Nothing missing and the contact usable (§2.2.1).
    #[getter]
    fn complete(&self) -> bool {
        self.0.complete
    }

    /// The required fields that are missing (intake `Field` members).
    #[getter]
    fn missing<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0.missing.iter().map(|&f| field_to_py(py, f)).collect()
    }

    /// The kind of a usable contact (a `ContactKind`), or None.
    #[getter]
    fn contact_kind<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .contact_kind
            .map(|k| py_enum!(py, "complaint_office.intake", "ContactKind", k.as_str()))
            .transpose()
    }

    /// What is wrong (`IntakeViolation`s), channel rules first, then fields in `Field` order.
    #[getter]
    fn violations(&self) -> Vec<PyIntakeViolation> {
        self.0
            .violations
            .iter()
            .cloned()
            .map(PyIntakeViolation)
            .collect()
    }

    /// What to ask the complainant for (`InformationRequest`s), in `Field` order.
    #[getter]
    fn requests(&self) -> Vec<PyInformationRequest> {
        self.0
            .requests
            .iter()
            .copied()
            .map(PyInformationRequest)
            .collect()
    }

    /// The JSON form of `intake.check`: `{"admissible", "complete", "missing", "violations":
    /// [{"code", "clause", "field"}], "requests": [{"field", "code"}], "contact_kind"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("admissible", r.admissible)?;
        dict.set_item("complete", r.complete)?;
        dict.set_item(
            "missing",
            r.missing.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        )?;
        let violations = r
            .violations
            .iter()
            .map(|v| {
                let d = PyDict::new(py);
                d.set_item("code", v.code())?;
                d.set_item("clause", v.clause())?;
                d.set_item("field", v.field().map(|f| f.as_str()))?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("violations", violations)?;
        let requests = r
            .requests
            .iter()
            .map(|q| {
                let d = PyDict::new(py);
                d.set_item("field", q.field.as_str())?;
                d.set_item("code", q.code)?;
                Ok(d)
            })
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("requests", requests)?;
        dict.set_item("contact_kind", r.contact_kind.map(|k| k.as_str()))?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "IntakeReport(admissible={}, complete={})",
            if self.0.admissible { "True" } else { "False" },
            if self.0.complete { "True" } else { "False" }
        )
    }
}

/// Checks a complaint under the policy's intake rules (§1.2, §2.1, §2.2.1).
#[pyfunction]
fn check(policy: Ref<'_, PyPolicy>, complaint: Ref<'_, PyComplaint>) -> PyIntakeReport {
    PyIntakeReport(intake::check(&policy.0, &complaint.0))
}

/// A rule a complaint breaks (an entry of `IntakeReport.violations`): its code, clause and
/// field, never the value.
///
/// >>> from complaint_office import Policy, intake
/// >>> c = intake.Complaint("email", "customer", name="張三", contact="13812345678",
/// ...                      received_at="2025-09-26T10:00:00+08:00", content="It broke.",
/// ...                      subject="Hello")
/// >>> [(v.code, v.clause, v.field, v.bars_admission) for v in intake.check(Policy(), c).violations]
/// [('intake.subject_word_missing', '§2.1.1', <Field.SUBJECT: 'subject'>, True)]
#[pyclass(name = "IntakeViolation", module = "complaint_office.intake", frozen)]
#[derive(Debug, Clone)]
pub struct PyIntakeViolation(intake::Violation);

#[pymethods]
impl PyIntakeViolation {
    /// The stable code (`intake.missing_field`, `intake.subject_word_missing`, …).
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The clause it breaks (`§2.2.1`, …).
    #[getter]
    fn clause(&self) -> &'static str {
        self.0.clause()
    }

    /// The field at fault (a `Field`), or None for a channel rule.
    #[getter]
    fn field<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0.field().map(|f| field_to_py(py, f)).transpose()
    }

    /// Whether it makes the complaint inadmissible (a channel rule), not merely incomplete.
    #[getter]
    fn bars_admission(&self) -> bool {
        self.0.bars_admission()
    }

    fn __repr__(&self) -> String {
        format!(
            "IntakeViolation(code='{}', clause='{}', field={})",
            self.0.code(),
            self.0.clause(),
            self.0
                .field()
                .map_or_else(|| "None".to_owned(), |f| format!("'{f}'"))
        )
    }
}

/// What to ask the complainant for (an entry of `IntakeReport.requests`): the field and why.
#[pyclass(
    name = "InformationRequest",
    module = "complaint_office.intake",
    frozen
)]
#[derive(Debug, Clone, Copy)]
pub struct PyInformationRequest(intake::Request);

#[pymethods]
impl PyInformationRequest {
    /// The field (a `Field`).
    #[getter]
    fn field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        field_to_py(py, self.0.field)
    }

    /// Why: `intake.missing_field`, or the code of the contact's problem.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }

    fn __repr__(&self) -> String {
        format!(
            "InformationRequest(field='{}', code='{}')",
            self.0.field, self.0.code
        )
    }
}

/// A usable contact detail, normalised: a mainland mobile or landline number, or an e-mail
/// address. Personal data: its `repr()` shows the kind only.
///
/// >>> from complaint_office import intake
/// >>> c = intake.Contact.parse("138 1234 5678")
/// >>> c.kind, c.normalized
/// (<ContactKind.MOBILE: 'mobile'>, '13812345678')
/// >>> c
/// Contact(kind='mobile')
#[pyclass(name = "Contact", module = "complaint_office.intake", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyContact(Contact);

#[pymethods]
impl PyContact {
    /// Reads a phone number or e-mail address; raises `IntakeError` naming the problem
    /// (never the value).
    #[staticmethod]
    fn parse(text: Text) -> PyResult<Self> {
        guard(|| Contact::parse(&text).map(PyContact).map_err(err))
    }

    /// What kind of contact it is (a `ContactKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "ContactKind",
            self.0.kind().as_str()
        )
    }

    /// The normalised form: `13812345678`, `010-62345678`, `name@example.com`.
    #[getter]
    fn normalized(&self) -> &str {
        self.0.as_str()
    }

    /// The normalised form (as `normalized`).
    fn as_str(&self) -> &str {
        self.0.as_str()
    }

    fn __repr__(&self) -> String {
        format!("Contact(kind='{}')", self.0.kind().as_str())
    }
}

/// Reads a contact: a mainland mobile or landline number, or an e-mail address. Returns
/// `(kind, normalized)`; raises `IntakeError` naming the problem (never the value).
///
/// >>> from complaint_office import intake
/// >>> intake.parse_contact("138 1234 5678")
/// (<ContactKind.MOBILE: 'mobile'>, '13812345678')
#[pyfunction]
fn parse_contact<'py>(py: Python<'py>, text: Text) -> PyResult<(Bound<'py, PyAny>, String)> {
    guard(|| {
        let contact = Contact::parse(&text).map_err(err)?;
        let kind = py_enum!(
            py,
            "complaint_office.intake",
            "ContactKind",
            contact.kind().as_str()
        )?;
        Ok((kind, contact.as_str().to_owned()))
    })
}

/// The complaint's JSON form, `{"channel", "complainant_kind", "name", "contact",
/// "received_at", "content", "subject"}` (instants in their own offset).
fn complaint_dict<'py>(py: Python<'py>, c: &Complaint) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("channel", c.channel.as_str())?;
    dict.set_item("complainant_kind", c.complainant_kind.as_str())?;
    dict.set_item("name", c.name.as_deref())?;
    dict.set_item("contact", c.contact.as_deref())?;
    dict.set_item("received_at", c.received_at.as_ref().map(format_instant))?;
    dict.set_item("content", c.content.as_deref())?;
    dict.set_item("subject", c.subject.as_deref())?;
    Ok(dict)
}

/// An attachment of an e-mail, listed but never opened: its file name (decoded; None if the
/// message gives none) and its size in bytes after the transfer encoding is undone. The name
/// may be personal data: `repr()` shows only whether there is one.
#[pyclass(name = "Attachment", module = "complaint_office.intake", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyAttachment(Attachment);

#[pymethods]
impl PyAttachment {
    /// The file name, or None.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }

    /// The size in bytes.
    #[getter]
    fn size(&self) -> u64 {
        self.0.size
    }

    /// `{"name", "size"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("name", self.0.name.as_deref())?;
        dict.set_item("size", self.0.size)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Attachment(name={}, size={})",
            if self.0.name.is_some() {
                "<redacted>"
            } else {
                "None"
            },
            self.0.size
        )
    }
}

/// Something wrong with a message that did not stop it being read: a code (an
/// `EmailFindingCode`) and the part of the message (a `MailPart`). No personal data.
#[pyclass(name = "EmailFinding", module = "complaint_office.intake", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyEmailFinding(EmailFinding);

#[pymethods]
impl PyEmailFinding {
    /// What (an `EmailFindingCode`, whose value is the code `intake.email_…`).
    #[getter]
    fn code<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "EmailFindingCode",
            self.0.code.as_str()
        )
    }

    /// Where (a `MailPart`).
    #[getter]
    fn part<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.intake",
            "MailPart",
            self.0.part.as_str()
        )
    }

    /// `{"code", "part"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("code", self.0.code.as_str())?;
        dict.set_item("part", self.0.part.as_str())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "EmailFinding(code='{}', part='{}')",
            self.0.code, self.0.part
        )
    }
}

/// A complaint read from one e-mail (§2.1.1), with what intake makes of it: the complaint
/// (channel `email`; time of receipt from the newest readable `Received:` header, else
/// `Date:`, in office time; the sender as contact and name; the subject; the text body as
/// content), which header gave the time (`received_from`), the attachments by name and size,
/// the findings about what was wrong with the message, and the intake report. `to_dict()` is
/// the `intake.email` op's shape; `repr()` shows no personal data.
#[pyclass(name = "EmailIntake", module = "complaint_office.intake", frozen)]
#[derive(Debug, Clone)]
pub struct PyEmailIntake(EmailIntake);

#[pymethods]
impl PyEmailIntake {
    /// The complaint read from the message.
    #[getter]
    fn complaint(&self) -> PyComplaint {
        PyComplaint(self.0.complaint.clone())
    }

    /// The header that gave the time of receipt (a `ReceivedFrom`), or None when no date
    /// could be read.
    #[getter]
    fn received_from<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .received_from
            .map(|r| py_enum!(py, "complaint_office.intake", "ReceivedFrom", r.as_str()))
            .transpose()
    }

    /// When the complaint was received (the complaint's `received_at`), or None.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.complaint.received_at)
    }

    /// The attachments, in message order.
    #[getter]
    fn attachments(&self) -> Vec<PyAttachment> {
        self.0
            .attachments
            .iter()
            .cloned()
            .map(PyAttachment)
            .collect()
    }

    /// What was wrong with the message but did not stop it being read, in the order found.
    #[getter]
    fn findings(&self) -> Vec<PyEmailFinding> {
        self.0
            .findings
            .iter()
            .copied()
            .map(PyEmailFinding)
            .collect()
    }

    /// The intake check of the complaint under the policy.
    #[getter]
    fn report(&self) -> PyIntakeReport {
        PyIntakeReport(self.0.report.clone())
    }

    /// The JSON form of the `intake.email` op: `{"complaint", "received_from",
    /// "attachments", "findings", "report"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("complaint", complaint_dict(py, &self.0.complaint)?)?;
        dict.set_item("received_from", self.0.received_from.map(|r| r.as_str()))?;
        let attachments = self
            .attachments()
            .iter()
            .map(|a| a.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("attachments", attachments)?;
        let findings = self
            .findings()
            .iter()
            .map(|f| f.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        dict.set_item("findings", findings)?;
        dict.set_item("report", self.report().to_dict(py)?)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let findings = self
            .0
            .findings
            .iter()
            .map(|f| format!("'{}'", f.code))
            .collect::<Vec<_>>();
        format!(
            "EmailIntake(complaint={:?}, received_from={}, attachments={}, findings=[{}], admissible={}, complete={})",
            self.0.complaint,
            self.0
                .received_from
                .map_or_else(|| "None".to_owned(), |r| format!("'{r}'")),
            self.0.attachments.len(),
            findings.join(", "),
            if self.0.report.admissible {
                "True"
            } else {
                "False"
            },
            if self.0.report.complete {
                "True"
            } else {
                "False"
            },
        )
    }
}

/// Reads a complaint from the raw bytes of one e-mail (RFC 5322, MIME, RFC 2047 encoded
/// words; GBK, GB18030, Big5 and the other WHATWG charsets) and checks it under the policy's
/// intake rules (§2.1.1). `complainant_kind` (a `ComplainantKind`) is the host's call: an
/// e-mail does not say. The GIL is released while the message is read.
///
/// Raises `IntakeError`: `intake.email_malformed` for bytes that are not an e-mail (empty,
/// or not starting with a header field), `intake.email_too_large` beyond 4 GiB,
/// `intake.unknown_complainant_kind`. Anything else wrong with the message is a finding.
///
/// >>> from complaint_office import Policy, intake
/// >>> message = (b"Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n"
/// ...            b"From: =?GBK?B?1cXI/Q==?= <zhang.san@example.net>\r\n"
/// ...            b"Subject: =?GBK?B?udjT2srbuvO1xM22y98=?=\r\n"
/// ...            b"Content-Type: text/plain; charset=GBK\r\n\r\n"
/// ...            b"\xb5\xe7\xcb\xae\xba\xf8\xc2\xa9\xcb\xae\xa1\xa3\r\n")
/// >>> mail = intake.email(Policy(), message)
/// >>> mail.complaint.subject, mail.complaint.content, mail.received_from
/// ('关于售后的投诉', '电水壶漏水。', <ReceivedFrom.DATE: 'date'>)
/// >>> mail.received_at.isoformat(), mail.report.admissible, mail.report.complete
/// ('2025-09-26T09:57:40+08:00', True, True)
/// >>> mail
/// EmailIntake(complaint=Complaint { channel: Email, ... }, received_from='date', attachments=0, findings=[], admissible=True, complete=True)
#[pyfunction]
#[pyo3(
    signature = (policy, message, complainant_kind = Text::from("customer")),
    text_signature = "(policy, message, complainant_kind='customer')"
)]
fn email(
    py: Python<'_>,
    policy: Ref<'_, PyPolicy>,
    message: Arg<&[u8]>,
    complainant_kind: Text,
) -> PyResult<PyEmailIntake> {
    guard(|| {
        let kind: ComplainantKind = complainant_kind.parse().map_err(err)?;
        let policy = &policy.0;
        let message = message.0;
        py.detach(|| intake::email(policy, message, kind))
            .map(PyEmailIntake)
            .map_err(err)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyComplaint>()?;
    m.add_class::<PyIntakeReport>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(parse_contact, m)?)?;
    m.add_class::<PyIntakeViolation>()?;
    m.add_class::<PyInformationRequest>()?;
    m.add_class::<PyContact>()?;
    m.add_class::<PyAttachment>()?;
    m.add_class::<PyEmailFinding>()?;
    m.add_class::<PyEmailIntake>()?;
    m.add_function(wrap_pyfunction!(email, m)?)?;
    Ok(())
}
