//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, contacts, completeness.

use std::sync::Arc;

use complaint_office::intake as core;

use crate::error::{Result, guard};
use crate::policy::Policy;
use crate::time::OffsetDateTime;
use crate::vocabulary::mirror_vocabulary;

mirror_vocabulary! {
    /// How a complaint arrived (§2.1).
    Channel = core::Channel, parse_channel {
        /// §2.1.1: e-mail to the complaint mailbox, with the complaint word in the subject.
        Email,
        /// §2.1.2: the complaint hotline.
        Hotline,
        /// §2.1.3: the desk at reception.
        OnSite,
        /// §2.1.4: the OA system's complaint board, for employees.
        Oa,
    }
}

mirror_vocabulary! {
    /// Who complains (§1.2).
    ComplainantKind = core::ComplainantKind, parse_complainant_kind {
        /// An employee of the company.
        Employee,
        /// A customer.
        Customer,
        /// A business partner.
        Partner,
    }
}

mirror_vocabulary! {
    /// A field of a complaint's registration (§2.2.1); the core's `intake::Field`.
    RegistrationField = core::Field, parse_registration_field {
        /// The complainant's name.
        Name,
        /// A phone number or e-mail address.
        Contact,
        /// When the complaint was received.
        ReceivedAt,
        /// What the complaint is about.
        Content,
        /// An e-mail's subject.
        Subject,
    }
}

mirror_vocabulary! {
    /// What kind of contact detail a complainant gave.
    ContactKind = core::ContactKind, parse_contact_kind {
        /// A mainland mobile number.
        Mobile,
        /// A mainland landline number with its area code.
        Landline,
        /// An e-mail address.
        Email,
        /// A number abroad in international form.
        International,
    }
}

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

/// Something to ask the complainant for (§2.2.1).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct InformationRequest {
    /// The field.
    pub field: RegistrationField,
    /// Why: `intake.missing_field`, or the code of the contact's problem.
    pub code: String,
}

/// What intake found.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IntakeReport {
    /// Whether the channel accepts it.
    pub admissible: bool,
    /// Whether every required field is present and usable.
    pub complete: bool,
    /// The required fields that are missing.
    pub missing: Vec<RegistrationField>,
    /// The rules it breaks.
    pub violations: Vec<IntakeViolation>,
    /// What to ask the complainant for.
    pub requests: Vec<InformationRequest>,
    /// The kind of the contact given, when usable.
    pub contact_kind: Option<ContactKind>,
}

impl From<&core::IntakeReport> for IntakeReport {
    fn from(r: &core::IntakeReport) -> Self {
        IntakeReport {
            admissible: r.admissible,
            complete: r.complete,
            missing: r.missing.iter().map(|&f| f.into()).collect(),
            violations: r
                .violations
                .iter()
                .map(|v| IntakeViolation {
                    code: v.code().to_owned(),
                    clause: v.clause().to_owned(),
                    field: v.field().map(Into::into),
                    bars_admission: v.bars_admission(),
                })
                .collect(),
            requests: r
                .requests
                .iter()
                .map(|q| InformationRequest {
                    field: q.field.into(),
                    code: q.code.to_owned(),
                })
                .collect(),
            contact_kind: r.contact_kind.map(Into::into),
        }
    }
}

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
}
