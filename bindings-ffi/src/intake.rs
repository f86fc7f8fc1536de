//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, contacts, completeness.

use std::sync::Arc;

use complaint_office::intake as core;

use crate::error::{Result, guard};
use crate::policy::Policy;
use crate::time::OffsetDateTime;

pub use crate::vocabulary::{
    Channel, ComplainantKind, ContactKind, EmailFindingCode, MailPart, ReceivedFrom,
    RegistrationField,
};

/// A complaint as received. Personal data: its `Debug` shows the channel and kind only.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct Complaint {
    /// The channel.
    pub channel: Channel,
    /// Who complains.
    pub complainant_kind: ComplainantKind,
    /// The complainant's name.
    pub name: Option<String>,
    /// A phone number or e-mail address.
    pub contact: Option<String>,
    /// When it was received.
    pub received_at: Option<OffsetDateTime>,
    /// What the complaint is about.
    pub content: Option<String>,
    /// An e-mail's subject.
    pub subject: Option<String>,
}

impl std::fmt::Debug for Complaint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Complaint")
            .field("channel", &self.channel)
            .field("complainant_kind", &self.complainant_kind)
            .finish_non_exhaustive()
    }
}

impl From<Complaint> for core::Complaint {
    fn from(c: Complaint) -> Self {
        core::Complaint {
            name: c.name,
            contact: c.contact,
            received_at: c.received_at,
            content: c.content,
            subject: c.subject,
            ..core::Complaint::new(c.channel.into(), c.complainant_kind.into())
        }
    }
}

impl From<&core::Complaint> for Complaint {
    fn from(c: &core::Complaint) -> Self {
        Complaint {
            channel: c.channel.into(),
            complainant_kind: c.complainant_kind.into(),
            name: c.name.clone(),
            contact: c.contact.clone(),
            received_at: c.received_at,
            content: c.content.clone(),
            subject: c.subject.clone(),
        }
    }
}

/// A rule a complaint breaks.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IntakeViolation {
    /// The stable code (`intake.channel_not_for_complainant`, …).
    pub code: String,
    /// The clause broken.
    pub clause: String,
    /// The field at fault, if one is.
    pub field: Option<RegistrationField>,
    /// Whether it makes the complaint inadmissible (rather than incomplete).
    pub bars_admission: bool,
}

impl From<&complaint_office::intake::Violation> for IntakeViolation {
    fn from(v: &complaint_office::intake::Violation) -> Self {
        IntakeViolation {
            code: v.code().to_owned(),
            clause: v.clause().to_owned(),
            field: v.field().map(Into::into),
            bars_admission: v.bars_admission(),
        }
    }
}

// The result records (`InformationRequest`, `IntakeReport`) and their conversions from the
// core's, generated from the core's structs by `tools/boundary`.
include!("generated/intake_records.rs");

/// Checks a complaint under the policy's intake rules (§2.1, §2.2.1).
///
/// # Errors
/// Only for arguments the library cannot read.
#[uniffi::export]
pub fn check_intake(policy: Arc<Policy>, complaint: Complaint) -> Result<IntakeReport> {
    guard(|| Ok((&core::check(&policy.0, &complaint.into())).into()))
}

/// A usable contact detail, normalised. Personal data: its `Debug` shows the kind only.
#[derive(Clone, PartialEq, Eq, Hash, uniffi::Object)]
#[uniffi::export(Debug, Eq, Hash)]
pub struct Contact(core::Contact);

impl std::fmt::Debug for Contact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[uniffi::export]
impl Contact {
    /// Reads a phone number or e-mail address.
    ///
    /// # Errors
    /// The contact's `intake.*` code.
    #[uniffi::constructor]
    pub fn parse(text: String) -> Result<Arc<Self>> {
        guard(|| Ok(Arc::new(Contact(core::Contact::parse(&text)?))))
    }

    /// What kind of contact it is.
    pub fn kind(&self) -> ContactKind {
        self.0.kind().into()
    }

    /// The normalised form: `13812345678`, `010-62345678`, `name@example.com`.
    pub fn as_str(&self) -> String {
        self.0.as_str().to_owned()
    }

    /// The normalised form, as [`Self::as_str`] (the name of the other bindings' field).
    pub fn normalized(&self) -> String {
        self.0.as_str().to_owned()
    }
}

/// Reads a contact: a mainland mobile or landline, an international number or an e-mail
/// ([`Contact::parse`] as a function, as the other bindings have it).
///
/// # Errors
/// The contact's `intake.*` code.
#[uniffi::export]
pub fn parse_contact(text: String) -> Result<Arc<Contact>> {
    Contact::parse(text)
}
/// An attachment of an e-mail, listed but never opened. Its name may be personal data: its
/// `toString()` says whether it has one, never the name.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct Attachment {
    /// The file name the message gives (decoded), if any.
    pub name: Option<String>,
    /// The size in bytes, after the transfer encoding (base64, quoted-printable) is undone.
    pub size: i64,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment")
            .field("name", &self.name.is_some())
            .field("size", &self.size)
            .finish()
    }
}

/// Something wrong with a message that did not stop it being read: a code and a place, no
/// personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct EmailFinding {
    /// What.
    pub code: EmailFindingCode,
    /// Where.
    pub part: MailPart,
}

/// A complaint read from an e-mail (§2.1.1), with what intake makes of it. Its `toString()`
/// shows the complaint as [`Complaint`] does (channel and kind) and the counts, never the
/// message's text.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct EmailIntake {
    /// The complaint: channel `email`, the complainant kind given, name, contact, time of
    /// receipt (in office time), content and subject from the message.
    pub complaint: Complaint,
    /// Which header gave the time of receipt; absent when no date could be read.
    pub received_from: Option<ReceivedFrom>,
    /// The attachments, by name and size, in message order.
    pub attachments: Vec<Attachment>,
    /// What was wrong with the message but did not stop it being read, in the order found.
    pub findings: Vec<EmailFinding>,
    /// The intake check of the complaint under the policy.
    pub report: IntakeReport,
}

impl std::fmt::Debug for EmailIntake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailIntake")
            .field("complaint", &self.complaint)
            .field("received_from", &self.received_from)
            .field("attachments", &self.attachments.len())
            .field("findings", &self.findings)
            .field("admissible", &self.report.admissible)
            .field("complete", &self.report.complete)
            .finish()
    }
}

/// Reads a complaint from the raw bytes of one e-mail as the complaint mailbox received it
/// (RFC 5322, MIME, RFC 2047 encoded words; GBK, GB18030, Big5 and the other WHATWG charsets)
/// and checks it under the policy (§2.1.1). The time of receipt comes from the newest
/// `Received:` header with a readable date, else `Date:`; the contact and name from `From:`;
/// the content from the text parts (else the HTML's text). `complainantKind` is the host's
/// call: an e-mail does not say (customer, usually).
///
/// # Errors
/// `intake.email_malformed` for bytes that are not an e-mail (empty, or not starting with a
/// header field); `intake.email_too_large` beyond 4 GiB. Anything else wrong with a message
/// is a finding.
#[uniffi::export]
pub fn intake_email(
    policy: Arc<Policy>,
    message: Vec<u8>,
    complainant_kind: ComplainantKind,
) -> Result<EmailIntake> {
    guard(|| {
        let intake = core::email(&policy.0, &message, complainant_kind.into())?;
        Ok(EmailIntake {
            complaint: (&intake.complaint).into(),
            received_from: intake.received_from.map(Into::into),
            attachments: intake
                .attachments
                .iter()
                .map(|a| Attachment {
                    name: a.name.clone(),
                    size: i64::try_from(a.size).unwrap_or(i64::MAX),
                })
                .collect(),
            findings: intake
                .findings
                .iter()
                .map(|f| EmailFinding {
                    code: f.code.into(),
                    part: f.part.into(),
                })
                .collect(),
            report: (&intake.report).into(),
        })
    })
}
