//! Confidentiality (§1.3.4): the complainant's identity and the complaint's content are kept
//! strictly confidential.
//!
//! * [`mask`] hides most of a name, phone number, e-mail address or resident ID number, the
//!   same way in every language: `13812345678` → `138****5678`, `張三` → `張*`,
//!   `zhangsan@example.com` → `z*******@example.com`, `110101199003071234` →
//!   `110101********1234`. Masking never fails and never reveals more than its rule: a value of
//!   no known form becomes [`FULLY_MASKED`] (`***`), whatever its length. Masking a masked
//!   value changes nothing.
//! * [`visibility`] says what each [`Role`] may see of each personal [`Field`] of a case, and
//!   [`PersonalData::view`] returns the redacted copy a role gets: the complaint office sees
//!   everything; the investigation team the contact details it needs, not the ID number; the
//!   department complained about the content without the complainant's identity; statistics
//!   and exports nothing personal.
//! * **Redaction of free text** (the content a role sees masked) finds every identity value
//!   the case has held ([`PersonalData::view_with_history`]: also those that
//!   `information_supplied` replaced) in any written form: the text and the values are
//!   *normalised* before matching (full-width forms, letter case, Traditional and Simplified
//!   characters through [`crate::classify::text::fold_char`], separators of every kind:
//!   white space, dashes, `_`, `/`, dots, brackets; zero-width and other invisible format
//!   characters), and every match maps back to exactly the original characters it covers.
//!   For roles outside the office it also replaces what *looks* like personal data, recorded
//!   or not: mainland mobile and landline numbers (with `+86`/`0086` and any separators;
//!   400/800 service numbers are left alone), 18-character resident ID numbers with a valid
//!   ISO 7064 MOD 11-2 check character and birth date, 15-digit first-generation ID numbers
//!   with a birth date, e-mail addresses, and bank card numbers (16–19 digits, Luhn, a card
//!   network's prefix). Each kind is replaced as the role sees the matching field (a bank
//!   card as the ID number): `***` for the department; the investigation team sees phones
//!   and e-mail addresses but ID and card numbers masked. Names are found only as recorded.
//! * Nothing in the library prints personal data: [`PersonalData`]'s `Debug` names the fields
//!   that are present, never their values, and no error echoes a value.
//!
//! The forms each rule knows (anything else is `***`):
//!
//! | kind | forms | masked |
//! |---|---|---|
//! | `name` | Chinese (`張三`, `李小龍`, `買買提·艾力`; compound surnames like `歐陽`, `司馬` from a built-in table when the name has 3 or more characters) | surname kept, every other character `*`; a one-character name is `*` |
//! | `name` | Latin letters with spaces, `-`, `'`, `.` (`John Smith`, `O'Neil`) | first letter of each word kept: `J*** S****` |
//! | `phone` | mainland mobile (`1[3-9]` + 9 digits) | `138****5678` |
//! | `phone` | landline with area code (`010-12345678`, `0755-1234567`, 7–8 digit local number) | area code and the last 4 digits kept: `010-****5678`, `0755-***4567` |
//! | `phone` | local number without area code (7–8 digits, not starting with 0) | last 4 kept: `****5678` |
//! | `phone` | any of these with `+86`, `0086` (or `86` before a mobile number), with spaces, hyphens or brackets | `+86 138****5678`, `+86 10-****5678` |
//! | `email` | `local@domain.tld` | first character of the local part kept (none when it has one character), domain kept |
//! | `id_number` | 18 characters (17 digits + digit or `X`), or 15 digits (first generation) | first 6 and last 4 (last 3 for 15 digits) kept: the birth date is hidden |
//!
//! Separators are dropped and full-width digits read as ASCII; `*` is read as an already
//! masked character where the rule masks. An empty (or blank) value stays empty.
//!
//! ```
//! use complaint_office::privacy::{self, MaskKind, PersonalData, Role};
//!
//! assert_eq!(privacy::mask(MaskKind::Phone, "+86 138 1234 5678"), "+86 138****5678");
//! assert_eq!(privacy::mask(MaskKind::Name, "歐陽修"), "歐陽*");
//! assert_eq!(privacy::mask(MaskKind::Phone, "call me!"), "***");
//!
//! let data = PersonalData {
//!     complainant_name: Some("張三".into()),
//!     contact_phone: Some("13812345678".into()),
//!     content: Some("我是張三，電話 138-1234-5678，客服態度惡劣。".into()),
//!     ..PersonalData::default()
//! };
//! let seen = data.view(Role::Department);
//! assert_eq!(seen.complainant_name, None);
//! assert_eq!(seen.content.as_deref(), Some("我是***，電話 ***，客服態度惡劣。"));
//! assert_eq!(format!("{data:?}").contains("張三"), false);
//! ```

// Full-width ASCII forms (`１３８`, `Ｘ`, `＋`) read as ASCII in phones and ID numbers.
use crate::classify::text::narrow;
use crate::error::ErrorCode;
use crate::vocabulary::vocabulary;

mod detect;
mod email;
mod id_number;
mod name;
mod normalise;
mod phone;
mod redact;
mod view;

pub use view::{Field, PersonalData, Role, Visibility, visibility};

/// What a value that no rule recognises masks to: nothing of it, not even its length.
pub const FULLY_MASKED: &str = "***";

vocabulary! {
    /// What kind of value to mask.
    pub enum MaskKind("mask kind", "privacy.unknown_kind") {
        /// A person's name.
        Name = "name",
        /// A phone number.
        Phone = "phone",
        /// An e-mail address.
        Email = "email",
        /// A resident ID number (居民身份證號碼).
        IdNumber = "id_number",
    }
}

/// Masks `value` as a `kind` (see the module documentation for the rules).
///
/// Never fails: a blank value gives `""`, a value of no known form [`FULLY_MASKED`].
pub fn mask(kind: MaskKind, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    recognise(kind, value).unwrap_or_else(|| FULLY_MASKED.to_owned())
}

/// Whether `value` has a form the `kind`'s rule knows (otherwise [`mask`] gives
/// [`FULLY_MASKED`]). Blank values are not recognised.
pub fn is_recognised(kind: MaskKind, value: &str) -> bool {
    let value = value.trim();
    !value.is_empty() && recognise(kind, value).is_some()
}

fn recognise(kind: MaskKind, value: &str) -> Option<String> {
    match kind {
        MaskKind::Name => name::mask(value),
        MaskKind::Phone => phone::mask(value),
        MaskKind::Email => email::mask(value),
        MaskKind::IdNumber => id_number::mask(value),
    }
}

/// Errors of this module. Masking and views never fail, and unknown names of kinds, roles,
/// fields and visibilities are [`UnknownValue`](crate::vocabulary::UnknownValue)s
/// (`privacy.unknown_kind`, `privacy.unknown_role`, `privacy.unknown_field`,
/// `privacy.unknown_visibility`), so this type has no variant yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrivacyError {}

impl ErrorCode for PrivacyError {
    fn code(&self) -> &'static str {
        match *self {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_examples() {
        assert_eq!(mask(MaskKind::Phone, "13812345678"), "138****5678");
        assert_eq!(mask(MaskKind::Name, "張三"), "張*");
        assert_eq!(mask(MaskKind::Name, "李小龍"), "李**");
        assert_eq!(
            mask(MaskKind::Email, "zhangsan@example.com"),
            "z*******@example.com"
        );
        assert_eq!(
            mask(MaskKind::IdNumber, "11010119900307123X"),
            "110101********123X"
        );
    }

    #[test]
    fn blank_and_unknown_values() {
        for &kind in MaskKind::ALL {
            assert_eq!(mask(kind, ""), "");
            assert_eq!(mask(kind, " \u{3000} "), "");
            assert_eq!(mask(kind, "<script>"), FULLY_MASKED);
            assert_eq!(mask(kind, FULLY_MASKED), FULLY_MASKED);
            assert!(!is_recognised(kind, ""));
        }
        assert!(is_recognised(MaskKind::Phone, "138 1234 5678"));
        assert!(!is_recognised(MaskKind::Phone, "1381234567"));
    }

    #[test]
    fn full_width_forms_read_as_ascii() {
        assert_eq!(narrow('１'), '1');
        assert_eq!(narrow('Ｘ'), 'X');
        assert_eq!(narrow('\u{3000}'), ' ');
        assert_eq!(narrow('張'), '張');
    }
}
