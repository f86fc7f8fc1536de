//! Confidentiality (§1.3.4): masking of names, phones, e-mails and ID numbers, and what each
//! role may see of a case's personal data.

use complaint_office::privacy as core;

use crate::error::{Result, guard};

pub use crate::vocabulary::{MaskKind, PersonalField, Role, Visibility};

/// The personal data of a case: who complained, how to reach them, what they said. Its
/// `Debug` names the fields present, never their values.
#[derive(Clone, PartialEq, Eq, Default, uniffi::Record)]
#[uniffi::export(Debug)]
pub struct PersonalData {
    /// The complainant's name.
    pub complainant_name: Option<String>,
    /// The complainant's phone number.
    pub contact_phone: Option<String>,
    /// The complainant's e-mail address.
    pub contact_email: Option<String>,
    /// The complainant's resident ID number.
    pub id_number: Option<String>,
    /// The complaint's content.
    pub content: Option<String>,
}

impl std::fmt::Debug for PersonalData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonalData")
            .field("complainant_name", &self.complainant_name.is_some())
            .field("contact_phone", &self.contact_phone.is_some())
            .field("contact_email", &self.contact_email.is_some())
            .field("id_number", &self.id_number.is_some())
            .field("content", &self.content.is_some())
            .finish()
    }
}

impl From<PersonalData> for core::PersonalData {
    fn from(d: PersonalData) -> Self {
        core::PersonalData {
            complainant_name: d.complainant_name,
            contact_phone: d.contact_phone,
            contact_email: d.contact_email,
            id_number: d.id_number,
            content: d.content,
        }
    }
}

impl From<core::PersonalData> for PersonalData {
    fn from(d: core::PersonalData) -> Self {
        PersonalData {
            complainant_name: d.complainant_name,
            contact_phone: d.contact_phone,
            contact_email: d.contact_email,
            id_number: d.id_number,
            content: d.content,
        }
    }
}

/// Masks `value` as a `kind`: `13812345678` → `138****5678`, `張三` → `張*`. Never fails on
/// content: a blank value gives `""`, a value of no known form `***`.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn mask(kind: MaskKind, value: String) -> Result<String> {
    guard(|| Ok(core::mask(kind.into(), &value)))
}

/// Whether `value` has a form the `kind`'s rule knows (otherwise [`mask`] gives `***`).
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn is_recognised(kind: MaskKind, value: String) -> Result<bool> {
    guard(|| Ok(core::is_recognised(kind.into(), &value)))
}

/// How much of `field` a `role` sees.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn visibility(role: Role, field: PersonalField) -> Result<Visibility> {
    guard(|| Ok(core::visibility(role.into(), field.into()).into()))
}

/// The copy of `data` that `role` may see (`PersonalData::view`); identity values inside
/// the content are replaced too.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn personal_data_view(data: PersonalData, role: Role) -> Result<PersonalData> {
    guard(|| Ok(core::PersonalData::from(data).view(role.into()).into()))
}
