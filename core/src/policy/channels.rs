//! Where complaints are sent: the `[channels]` section (§2.1).

use serde::{Deserialize, Serialize};

use crate::intake::{Contact, ContactKind};
use crate::policy_error::PolicyError;

/// Where complaints are sent (`[channels]`, §2.1): the blanks `[complaint mailbox]` and
/// `[phone number]` of the source. Shown to complainants and staff; none by default.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Channels {
    /// §2.1.1: the complaint mailbox.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// §2.1.2: the complaint hotline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hotline: Option<String>,
}

impl Channels {
    /// The mailbox is an e-mail address, the hotline a phone number.
    pub(super) fn validate(&self) -> Result<(), PolicyError> {
        if let Some(email) = &self.email {
            let ok = Contact::parse(email).is_ok_and(|c| c.kind() == ContactKind::Email);
            if !ok {
                return Err(PolicyError::invalid(
                    "channels.email",
                    "expected an e-mail address",
                ));
            }
        }
        if let Some(hotline) = &self.hotline {
            // Company hotlines are often national service numbers (400/800 + 7 digits), which
            // no complainant has; otherwise any phone a complainant could give.
            let digits: String = hotline
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect();
            let service = digits.len() == 10
                && digits.bytes().all(|b| b.is_ascii_digit())
                && (digits.starts_with("400") || digits.starts_with("800"));
            let ok =
                service || Contact::parse(hotline).is_ok_and(|c| c.kind() != ContactKind::Email);
            if !ok {
                return Err(PolicyError::invalid(
                    "channels.hotline",
                    "expected a phone number",
                ));
            }
        }
        Ok(())
    }
}
