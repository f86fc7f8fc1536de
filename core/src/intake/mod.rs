//! Intake (§1.2, §2.1, §2.2.1): is a complaint admissible through the channel it came by, what
//! is missing from its registration, and what to ask the complainant for.
//!
//! ```
//! use complaint_office::intake::{self, Channel, ComplainantKind, Complaint, Field};
//! use complaint_office::policy::Policy;
//! use complaint_office::time::parse_instant;
//!
//! let complaint = Complaint {
//!     name: Some("張三".into()),
//!     contact: Some("+86 138 1234 5678".into()),
//!     received_at: Some(parse_instant("2025-09-26T10:00:00+08:00")?),
//!     subject: Some("关于售后服务的投诉".into()),
//!     ..Complaint::new(Channel::Email, ComplainantKind::Customer)
//! };
//! let report = intake::check(&Policy::default(), &complaint);
//! assert!(report.admissible);                 // 投诉 is in the subject (§2.1.1)
//! assert!(!report.complete);
//! assert_eq!(report.missing, [Field::Content]); // §2.2.1: ask for it
//! assert_eq!(report.requests[0].field, Field::Content);
//!
//! // A partner on the employees' OA board (§2.1.4).
//! let partner = Complaint { content: Some("…".into()), ..Complaint::new(Channel::Oa, ComplainantKind::Partner) };
//! let report = intake::check(&Policy::default(), &partner);
//! assert!(!report.admissible);
//! assert_eq!(report.violations[0].code(), "intake.channel_not_for_complainant");
//! assert_eq!(report.violations[0].clause(), "§2.1.4");
//! # Ok::<(), complaint_office::Error>(())
//! ```
//!
//! A complaint is **admissible** when its channel is open to its kind of complainant
//! (`intake.eligible`) and, for an e-mail, the subject has a complaint word
//! (`intake.subject_words`). It is **complete** when every field its channel requires
//! (`intake.required`) is there, and a contact given is usable. A field that is absent, empty
//! or only white space (including the ideographic space and zero-width characters) is missing.
//! The findings are data, not errors: a form shows all of them at once.

mod contact;
#[cfg(feature = "email")]
mod email;
mod rules;

use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::classify::text::{contains, is_blank};
use crate::error::ErrorCode;
use crate::time::Instant;
use crate::vocabulary::vocabulary;

pub use contact::{Contact, ContactKind};
#[cfg(feature = "email")]
pub use email::{
    Attachment, Charsets, Decoded, EmailError, EmailFinding, EmailFindingCode, EmailIntake,
    EmailPolicy, MailPart, Malformed, ReceivedFrom, Utf8Only, email_with,
};
#[cfg(feature = "email-charsets")]
pub use email::{EncodingRs, email};
pub use rules::{ChannelFields, ChannelKinds, IntakeRules};

const REGISTRATION: &str = "§2.2.1";

vocabulary! {
    /// How a complaint arrived (§2.1).
    pub enum Channel("channel", "intake.unknown_channel") {
        /// §2.1.1: e-mail to the complaint mailbox, with the complaint word in the subject.
        Email = "email",
        /// §2.1.2: the complaint hotline.
        Hotline = "hotline",
        /// §2.1.3: the desk at reception.
        OnSite = "on_site",
        /// §2.1.4: the OA system's complaint board, for employees.
        Oa = "oa",
    }
}

vocabulary! {
    /// Who complains (§1.2).
    pub enum ComplainantKind("complainant kind", "intake.unknown_complainant_kind") {
        /// An employee of the company.
        Employee = "employee",
        /// A customer.
        Customer = "customer",
        /// A business partner.
        Partner = "partner",
    }
}

vocabulary! {
    /// A field of a complaint's registration (§2.2.1), named as in [`Complaint`].
    pub enum Field("field", "intake.unknown_field") {
        /// The complainant's name.
        Name = "name",
        /// A phone number or e-mail address.
        Contact = "contact",
        /// When the complaint was received.
        ReceivedAt = "received_at",
        /// What the complaint is about.
        Content = "content",
        /// An e-mail's subject.
        Subject = "subject",
    }
}

impl Field {
    /// Whether the registrar asks the complainant for it when it is missing (§2.2.1). The
    /// time of receipt is the office's to record, and the subject belongs to the e-mail.
    pub fn askable(self) -> bool {
        matches!(self, Field::Name | Field::Contact | Field::Content)
    }
}

/// A complaint as received, before registration. `name`, `contact`, `content` and `subject`
/// are personal data: `Debug` shows only whether they are there.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// How it arrived.
    pub channel: Channel,
    /// Who complains.
    pub complainant_kind: ComplainantKind,
    /// The complainant's name.
    #[serde(default)]
    pub name: Option<String>,
    /// A phone number or an e-mail address.
    #[serde(default)]
    pub contact: Option<String>,
    /// When the complaint was received.
    #[serde(default, with = "opt_instant")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::time::InstantText>")
    )]
    pub received_at: Option<Instant>,
    /// What the complaint is about.
    #[serde(default)]
    pub content: Option<String>,
    /// An e-mail's subject (§2.1.1).
    #[serde(default)]
    pub subject: Option<String>,
}

impl Complaint {
    /// A complaint with only its channel and complainant kind.
    pub fn new(channel: Channel, complainant_kind: ComplainantKind) -> Self {
        Complaint {
            channel,
            complainant_kind,
            name: None,
            contact: None,
            received_at: None,
            content: None,
            subject: None,
        }
    }

    /// Whether a field holds something other than white space.
    pub fn has(&self, field: Field) -> bool {
        let text = match field {
            Field::Name => &self.name,
            Field::Contact => &self.contact,
            Field::ReceivedAt => return self.received_at.is_some(),
            Field::Content => &self.content,
            Field::Subject => &self.subject,
        };
        text.as_deref().is_some_and(|t| !is_blank(t))
    }
}

impl fmt::Debug for Complaint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Redacted(bool);
        impl fmt::Debug for Redacted {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(if self.0 { "Some(<redacted>)" } else { "None" })
            }
        }
        f.debug_struct("Complaint")
            .field("channel", &self.channel)
            .field("complainant_kind", &self.complainant_kind)
            .field("name", &Redacted(self.name.is_some()))
            .field("contact", &Redacted(self.contact.is_some()))
            .field("received_at", &self.received_at)
            .field("content", &Redacted(self.content.is_some()))
            .field("subject", &Redacted(self.subject.is_some()))
            .finish()
    }
}

/// What intake found.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntakeReport {
    /// No violation of the channel rules (§1.2, §2.1).
    pub admissible: bool,
    /// Nothing missing and the contact usable (§2.2.1).
    pub complete: bool,
    /// The required fields that are missing, in [`Field`] order.
    pub missing: Vec<Field>,
    /// What is wrong, channel rules first, then fields in [`Field`] order.
    pub violations: Vec<Violation>,
    /// What to ask the complainant for, in [`Field`] order.
    pub requests: Vec<Request>,
    /// The kind of a usable contact, if one was given.
    pub contact_kind: Option<ContactKind>,
}

/// A rule a complaint breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Violation {
    /// The channel is not open to this kind of complainant (the channel's clause of §2.1:
    /// `§2.1.4` for a non-employee on the OA board).
    ChannelNotForComplainant {
        /// The channel.
        channel: Channel,
        /// The complainant kind.
        kind: ComplainantKind,
    },
    /// An e-mail whose subject has no complaint word (§2.1.1).
    SubjectWordMissing,
    /// A contact that cannot be used (§2.2.1).
    Contact(IntakeError),
}

impl Violation {
    /// Whether the violation makes the complaint inadmissible (rather than incomplete).
    pub fn bars_admission(&self) -> bool {
        !matches!(self, Violation::Contact(_))
    }

    /// The field at fault, if one is.
    pub fn field(&self) -> Option<Field> {
        match self {
            Violation::ChannelNotForComplainant { .. } => None,
            Violation::SubjectWordMissing => Some(Field::Subject),
            Violation::Contact(_) => Some(Field::Contact),
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Violation::ChannelNotForComplainant { .. } => "intake.channel_not_for_complainant",
            Violation::SubjectWordMissing => "intake.subject_word_missing",
            Violation::Contact(e) => e.code(),
        }
    }

    /// The clause broken.
    pub fn clause(&self) -> &'static str {
        match self {
            Violation::ChannelNotForComplainant { channel, .. } => match channel {
                Channel::Email => "§2.1.1",
                Channel::Hotline => "§2.1.2",
                Channel::OnSite => "§2.1.3",
                Channel::Oa => "§2.1.4",
            },
            Violation::SubjectWordMissing => "§2.1.1",
            Violation::Contact(_) => REGISTRATION,
        }
    }
}

/// Written as its code, clause and field (each binding adds whether it bars admission).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Violation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Violation".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let field = generator.subschema_for::<Option<Field>>();
        schemars::json_schema!({
            "type": "object",
            "properties": { "code": { "type": "string" }, "clause": { "type": "string" }, "field": field },
            "required": ["code", "clause", "field"]
        })
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut v = s.serialize_struct("Violation", 3)?;
        v.serialize_field("code", self.code())?;
        v.serialize_field("clause", self.clause())?;
        v.serialize_field("field", &self.field())?;
        v.end()
    }
}

/// Something to ask the complainant for (§2.2.1).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Request {
    /// The field.
    pub field: Field,
    /// Why: `intake.missing_field`, or the code of the contact's problem.
    #[cfg_attr(feature = "schema", schemars(with = "crate::error::CodeText"))]
    pub code: &'static str,
}

/// The code of a request for a missing field.
pub const MISSING_FIELD: &str = "intake.missing_field";

/// Checks a complaint under the intake rules of `policy`: a
/// [`Policy`](crate::policy::Policy), or the [`IntakeRules`] themselves.
pub fn check(policy: &(impl AsRef<IntakeRules> + ?Sized), complaint: &Complaint) -> IntakeReport {
    policy.as_ref().check(complaint)
}

impl IntakeRules {
    /// Checks a complaint under these rules (see the module documentation).
    pub fn check(&self, complaint: &Complaint) -> IntakeReport {
        let channel = complaint.channel;
        let mut violations = Vec::new();
        if !self
            .eligible
            .get(channel)
            .contains(&complaint.complainant_kind)
        {
            violations.push(Violation::ChannelNotForComplainant {
                channel,
                kind: complaint.complainant_kind,
            });
        }
        if channel == Channel::Email && !self.subject_words.is_empty() {
            let subject = complaint.subject.as_deref().unwrap_or_default();
            if !self.subject_words.iter().any(|w| contains(subject, w)) {
                violations.push(Violation::SubjectWordMissing);
            }
        }
        let required = self.required.get(channel);
        let missing: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|&f| required.contains(&f) && !complaint.has(f))
            .collect();
        let mut contact_kind = None;
        if complaint.has(Field::Contact) {
            match Contact::parse(complaint.contact.as_deref().unwrap_or_default()) {
                Ok(c) if c.kind() == ContactKind::International && !self.international_phones => {
                    violations.push(Violation::Contact(IntakeError::InternationalPhone));
                }
                Ok(c) => contact_kind = Some(c.kind()),
                Err(e) => violations.push(Violation::Contact(e)),
            }
        }
        let mut requests = Vec::new();
        for &field in Field::ALL {
            if missing.contains(&field) && field.askable() {
                requests.push(Request {
                    field,
                    code: MISSING_FIELD,
                });
            }
            for v in violations
                .iter()
                .filter(|v| !v.bars_admission() && v.field() == Some(field))
            {
                requests.push(Request {
                    field,
                    code: v.code(),
                });
            }
        }
        IntakeReport {
            admissible: !violations.iter().any(Violation::bars_admission),
            complete: missing.is_empty() && violations.iter().all(Violation::bars_admission),
            missing,
            violations,
            requests,
            contact_kind,
        }
    }
}

/// Why a contact detail cannot be used (§2.2.1). Messages name the problem, never the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IntakeError {
    /// Looks like a mainland mobile number (starts with 1) but is not one.
    #[error("invalid mobile number: expected 11 digits starting with 13 to 19")]
    InvalidMobile,
    /// Looks like a mainland landline number but is not one (or lacks its area code).
    #[error("invalid landline number: expected an area code and a 7- or 8-digit number")]
    InvalidLandline,
    /// A number with a foreign country code of the wrong length.
    #[error("invalid phone number: expected 7 to 15 digits after the country code")]
    InvalidPhone,
    /// Has an `@` but is not an e-mail address.
    #[error("invalid e-mail address")]
    InvalidEmail,
    /// Neither a phone number nor an e-mail address.
    #[error("invalid contact: expected a phone number or an e-mail address")]
    InvalidContact,
    /// A phone number abroad, which the policy does not accept (`intake.international_phones`).
    #[error("phone numbers abroad are not accepted by the policy")]
    InternationalPhone,
}

impl ErrorCode for IntakeError {
    fn code(&self) -> &'static str {
        match self {
            IntakeError::InvalidMobile => "intake.invalid_mobile",
            IntakeError::InvalidLandline => "intake.invalid_landline",
            IntakeError::InvalidPhone => "intake.invalid_phone",
            IntakeError::InvalidEmail => "intake.invalid_email",
            IntakeError::InvalidContact => "intake.invalid_contact",
            IntakeError::InternationalPhone => "intake.international_phone",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some(REGISTRATION)
    }
}

/// Serde for an optional RFC 3339 instant, read with the library's own parser.
mod opt_instant {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::time::{Instant, format_instant, parse_instant};

    pub fn serialize<S: Serializer>(at: &Option<Instant>, s: S) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_some(&format_instant(at)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Instant>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| parse_instant(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_instant;

    fn full(channel: Channel, kind: ComplainantKind) -> Complaint {
        Complaint {
            name: Some("張三".into()),
            contact: Some("13812345678".into()),
            received_at: Some(parse_instant("2025-09-26T10:00:00+08:00").unwrap()),
            content: Some("產品質量問題".into()),
            subject: Some("投訴".into()),
            ..Complaint::new(channel, kind)
        }
    }

    #[test]
    fn debug_redacts_personal_data() {
        let mut c = full(Channel::Email, ComplainantKind::Customer);
        c.contact = Some("zhangsan@example.com".into());
        let text = format!("{c:?}");
        for secret in ["張三", "zhangsan", "example", "產品", "投訴"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert!(
            text.contains("Email") && text.contains("Some(<redacted>)"),
            "{text}"
        );
        let report = IntakeRules::default().check(&Complaint {
            contact: Some("1381234".into()),
            ..c
        });
        assert!(!format!("{report:?}").contains("1381234"));
    }

    #[test]
    fn a_full_complaint_passes_everywhere_it_may() {
        let rules = IntakeRules::default();
        for &channel in Channel::ALL {
            let r = rules.check(&full(channel, ComplainantKind::Employee));
            assert!(r.admissible && r.complete, "{channel}: {r:?}");
            assert_eq!(r.contact_kind, Some(ContactKind::Mobile));
        }
        let r = rules.check(&full(Channel::Hotline, ComplainantKind::Partner));
        assert!(r.admissible && r.complete);
    }

    #[test]
    fn findings() {
        let rules = IntakeRules::default();
        let mut c = full(Channel::Email, ComplainantKind::Customer);
        c.subject = Some("Re: 售后".into());
        c.name = Some(" \u{3000}".into());
        c.contact = Some("+1 2".into());
        c.received_at = None;
        let r = rules.check(&c);
        assert!(!r.admissible && !r.complete);
        assert_eq!(r.missing, [Field::Name, Field::ReceivedAt]);
        let codes: Vec<_> = r
            .violations
            .iter()
            .map(|v| (v.code(), v.clause()))
            .collect();
        assert_eq!(
            codes,
            [
                ("intake.subject_word_missing", "§2.1.1"),
                ("intake.invalid_phone", "§2.2.1")
            ]
        );
        let asks: Vec<_> = r.requests.iter().map(|q| (q.field, q.code)).collect();
        assert_eq!(
            asks,
            [
                (Field::Name, MISSING_FIELD),
                (Field::Contact, "intake.invalid_phone")
            ]
        );
        assert_eq!(r.contact_kind, None);
    }

    #[test]
    fn abroad_is_a_setting() {
        let mut rules = IntakeRules::default();
        let mut c = full(Channel::Hotline, ComplainantKind::Partner);
        c.contact = Some("+852 9123 4567".into());
        assert_eq!(
            rules.check(&c).contact_kind,
            Some(ContactKind::International)
        );
        rules.international_phones = false;
        let r = rules.check(&c);
        assert!(r.admissible && !r.complete);
        assert_eq!(r.violations[0].code(), "intake.international_phone");
    }

    #[test]
    fn rules_validate() {
        IntakeRules::default().validate().unwrap();
        let mut r = IntakeRules::default();
        r.eligible.email.clear();
        r.eligible
            .hotline
            .retain(|&k| k != ComplainantKind::Partner);
        r.eligible.on_site.clear();
        assert_eq!(r.validate().unwrap_err().key(), Some("intake.eligible"));
        let mut r = IntakeRules::default();
        r.required.hotline = vec![Field::Contact];
        assert_eq!(
            r.validate().unwrap_err().key(),
            Some("intake.required.hotline")
        );
        let mut r = IntakeRules::default();
        r.required.oa.push(Field::Subject);
        assert_eq!(r.validate().unwrap_err().key(), Some("intake.required.oa"));
        let mut r = IntakeRules::default();
        r.subject_words.push("\u{200B}".into());
        assert_eq!(
            r.validate().unwrap_err().key(),
            Some("intake.subject_words[2]")
        );
    }

    #[test]
    fn serde_denies_unknown_fields() {
        let json = r#"{"channel":"oa","complainant_kind":"employee","received_at":"2025-09-26T10:00:00+08:00"}"#;
        let c: Complaint = serde_json::from_str(json).unwrap();
        assert_eq!(c.channel, Channel::Oa);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"channel":"oa","complainant_kind":"employee","name":null,"contact":null,"received_at":"2025-09-26T10:00:00+08:00","content":null,"subject":null}"#
        );
        assert!(
            serde_json::from_str::<Complaint>(
                r#"{"channel":"oa","complainant_kind":"employee","phone":"1"}"#
            )
            .is_err()
        );
        assert!(
            serde_json::from_str::<Complaint>(r#"{"channel":"fax","complainant_kind":"employee"}"#)
                .is_err()
        );
    }
}
