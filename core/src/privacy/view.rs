//! Role-based views of a case's personal data (§1.3.4).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::detect::{Detected, mask_card};
use super::redact::{Needle, any_occurs, redact};
use super::{FULLY_MASKED, MaskKind, mask};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// Who looks at a case.
    pub enum Role("role", "privacy.unknown_role") {
        /// The complaint office (投訴室): handles the case, sees everything.
        Office = "office",
        /// The investigation team (§3.1): contacts and interviews the complainant.
        InvestigationTeam = "investigation_team",
        /// The department complained about: implements the plan (§4.3).
        Department = "department",
        /// Statistics, reports and exports (§7).
        Statistics = "statistics",
    }
}

vocabulary! {
    /// A personal field of a case (§2.2.1, §6.1.1).
    pub enum Field("personal field", "privacy.unknown_field") {
        /// The complainant's name.
        ComplainantName = "complainant_name",
        /// The complainant's phone number.
        ContactPhone = "contact_phone",
        /// The complainant's e-mail address.
        ContactEmail = "contact_email",
        /// The complainant's resident ID number.
        IdNumber = "id_number",
        /// The complaint's content, in the complainant's words.
        Content = "content",
    }
}

vocabulary! {
    /// How much of a field a role sees.
    pub enum Visibility("visibility", "privacy.unknown_visibility") {
        /// The value as recorded.
        Full = "full",
        /// Masked: an identity field by its [`mask`] rule; the content with every identity
        /// value the role may not see in full replaced inside it.
        Masked = "masked",
        /// Nothing: the field is absent from the view.
        Hidden = "hidden",
    }
}

impl Field {
    /// The fields that identify the complainant (all but the content).
    pub const IDENTITY: &'static [Field] = &[
        Field::ComplainantName,
        Field::ContactPhone,
        Field::ContactEmail,
        Field::IdNumber,
    ];

    /// The masking rule of an identity field; `None` for the content.
    pub fn mask_kind(self) -> Option<MaskKind> {
        match self {
            Field::ComplainantName => Some(MaskKind::Name),
            Field::ContactPhone => Some(MaskKind::Phone),
            Field::ContactEmail => Some(MaskKind::Email),
            Field::IdNumber => Some(MaskKind::IdNumber),
            Field::Content => None,
        }
    }
}

/// What `role` sees of `field` (§1.3.4). The table is fixed, not policy data: confidentiality
/// is the one principle a host must not be able to widen by configuration.
///
/// | field | office | investigation_team | department | statistics |
/// |---|---|---|---|---|
/// | `complainant_name` | full | full | hidden | hidden |
/// | `contact_phone` | full | full | hidden | hidden |
/// | `contact_email` | full | full | hidden | hidden |
/// | `id_number` | full | masked | hidden | hidden |
/// | `content` | full | masked | masked | hidden |
///
/// The investigation team contacts and interviews the complainant (§3.2.3, §3.3.3), so it sees
/// name and contact details, but it has no need of the ID number. The department implements
/// the plan from the content but never learns who complained. Statistics count cases and see
/// nothing personal.
pub fn visibility(role: Role, field: Field) -> Visibility {
    use Visibility::{Full, Hidden, Masked};
    match (role, field) {
        (Role::Office, _) => Full,
        (Role::InvestigationTeam, Field::IdNumber | Field::Content) => Masked,
        (Role::InvestigationTeam, _) => Full,
        (Role::Department, Field::Content) => Masked,
        (Role::Department | Role::Statistics, _) => Hidden,
    }
}

/// The personal data of a case: who complained, how to reach them, what they said.
///
/// `Debug` shows which fields are present, never their values.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
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

impl PersonalData {
    /// The value of `field`, if recorded.
    pub fn get(&self, field: Field) -> Option<&str> {
        match field {
            Field::ComplainantName => self.complainant_name.as_deref(),
            Field::ContactPhone => self.contact_phone.as_deref(),
            Field::ContactEmail => self.contact_email.as_deref(),
            Field::IdNumber => self.id_number.as_deref(),
            Field::Content => self.content.as_deref(),
        }
    }

    /// Sets (or, with `None`, clears) `field`.
    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::ComplainantName => &mut self.complainant_name,
            Field::ContactPhone => &mut self.contact_phone,
            Field::ContactEmail => &mut self.contact_email,
            Field::IdNumber => &mut self.id_number,
            Field::Content => &mut self.content,
        };
        *slot = value;
    }

    /// The copy `role` may see (see [`visibility`]); `self` is left as it is.
    ///
    /// In the content, every recorded identity value the role does not see in full is
    /// replaced by what the role sees of it: its masked form, or `***` when hidden. Matching
    /// ignores separators of every kind (spaces, dashes, `_`, `/`, dots, brackets), invisible
    /// characters (zero-width spaces, …), letter case, full-width forms and the script of
    /// Chinese characters, and a phone number is also found without its `+86`. What *looks*
    /// like personal data is replaced too, recorded or not (phone numbers, resident ID
    /// numbers with a valid check digit, e-mail addresses, bank card numbers; see the module
    /// documentation), each kind as the role sees the matching field (a bank card as the ID
    /// number). Names are found only as recorded: a complainant who names themself otherwise
    /// in the text ("Mr Zhang") is not.
    pub fn view(&self, role: Role) -> PersonalData {
        self.view_with_history(role, &[])
    }

    /// As [`Self::view`], with earlier versions of the identity fields: values the case held
    /// before they were replaced (a name or contact corrected by `information_supplied`) are
    /// redacted from the content like the current ones (§1.3.4). Only the identity fields of
    /// `superseded` are read.
    pub fn view_with_history(&self, role: Role, superseded: &[PersonalData]) -> PersonalData {
        let mut view = PersonalData::default();
        for &field in Field::ALL {
            let Some(value) = self.get(field) else {
                continue;
            };
            let seen = match (visibility(role, field), field.mask_kind()) {
                (Visibility::Full, _) => Some(value.to_owned()),
                (Visibility::Hidden, _) => None,
                (Visibility::Masked, Some(kind)) => Some(mask(kind, value)),
                (Visibility::Masked, None) => Some(self.redact_identity(value, role, superseded)),
            };
            view.set(field, seen);
        }
        view
    }

    fn redact_identity(&self, text: &str, role: Role, superseded: &[PersonalData]) -> String {
        // A value kept unchanged by a correction is in several versions: one needle each.
        let mut values: Vec<(Field, &str)> = std::iter::once(self)
            .chain(superseded)
            .flat_map(|data| Field::IDENTITY.iter().map(move |&field| (data, field)))
            .filter_map(|(data, field)| Some((field, data.get(field)?.trim())))
            .collect();
        values.sort_unstable();
        values.dedup();
        let needles: Vec<Needle> = values
            .into_iter()
            .filter_map(|(field, value)| {
                let kind = field.mask_kind()?;
                let replacement = replacement(visibility(role, field), kind, value)?;
                Some(Needle::new(kind, value, replacement))
            })
            .collect();
        let redacted = redact(text, &needles, |detected, value| {
            let (field, kind) = match detected {
                Detected::Phone => (Field::ContactPhone, MaskKind::Phone),
                Detected::Email => (Field::ContactEmail, MaskKind::Email),
                Detected::IdNumber | Detected::BankCard => (Field::IdNumber, MaskKind::IdNumber),
            };
            match (visibility(role, field), detected) {
                (Visibility::Masked, Detected::BankCard) => Some(mask_card(value)),
                (seen, _) => replacement(seen, kind, value),
            }
        });
        // A replacement can only bring a value back if the value is made of mask characters
        // already; should one ever do so, nothing of the text is shown. (A text left as it
        // was holds no recorded value: each occurrence would have been replaced.)
        if redacted != text && any_occurs(&needles, &redacted) {
            FULLY_MASKED.to_owned()
        } else {
            redacted
        }
    }
}

/// What replaces a `kind` value that a role sees with `visibility`; `None` when it sees it
/// in full.
fn replacement(visibility: Visibility, kind: MaskKind, value: &str) -> Option<String> {
    match visibility {
        Visibility::Full => None,
        Visibility::Masked => Some(mask(kind, value)),
        Visibility::Hidden => Some(FULLY_MASKED.to_owned()),
    }
}

impl fmt::Debug for PersonalData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Presence(bool);
        impl fmt::Debug for Presence {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(if self.0 { "<redacted>" } else { "None" })
            }
        }
        let mut s = f.debug_struct("PersonalData");
        for &field in Field::ALL {
            s.field(field.as_str(), &Presence(self.get(field).is_some()));
        }
        s.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PersonalData {
        PersonalData {
            complainant_name: Some("張三".into()),
            contact_phone: Some("+86 138 1234 5678".into()),
            contact_email: Some("zhangsan@example.com".into()),
            id_number: Some("110101199003071234".into()),
            content: Some(
                "本人張三（身份證 110101 19900307 1234），請回電 13812345678 或 ZhangSan@Example.com。"
                    .into(),
            ),
        }
    }

    #[test]
    fn the_office_sees_everything() {
        assert_eq!(sample().view(Role::Office), sample());
    }

    #[test]
    fn the_investigation_team_sees_contacts_but_not_the_id_number() {
        let v = sample().view(Role::InvestigationTeam);
        assert_eq!(v.complainant_name.as_deref(), Some("張三"));
        assert_eq!(v.contact_phone.as_deref(), Some("+86 138 1234 5678"));
        assert_eq!(v.id_number.as_deref(), Some("110101********1234"));
        assert_eq!(
            v.content.as_deref(),
            Some(
                "本人張三（身份證 110101********1234），請回電 13812345678 或 ZhangSan@Example.com。"
            )
        );
    }

    #[test]
    fn the_department_sees_the_content_without_the_identity() {
        let v = sample().view(Role::Department);
        assert_eq!(
            v,
            PersonalData {
                content: Some("本人***（身份證 ***），請回電 *** 或 ***。".into()),
                ..PersonalData::default()
            }
        );
    }

    #[test]
    fn statistics_see_nothing_personal() {
        assert_eq!(sample().view(Role::Statistics), PersonalData::default());
    }

    #[test]
    fn views_leave_the_original_alone() {
        let data = sample();
        let before = data.clone();
        for &role in Role::ALL {
            let _ = data.view(role);
        }
        assert_eq!(data, before);
    }

    #[test]
    fn debug_names_fields_never_values() {
        let debug = format!("{:?}", sample());
        assert_eq!(
            debug,
            "PersonalData { complainant_name: <redacted>, contact_phone: <redacted>, contact_email: <redacted>, id_number: <redacted>, content: <redacted> }"
        );
        let alt = format!("{:#?}", PersonalData::default());
        assert!(alt.contains("content: None"), "{alt}");
    }

    #[test]
    fn get_and_set_cover_every_field() {
        let mut data = PersonalData::default();
        for &field in Field::ALL {
            data.set(field, Some(field.as_str().to_owned()));
        }
        for &field in Field::ALL {
            assert_eq!(data.get(field), Some(field.as_str()));
        }
        let json = serde_json::to_value(&data).unwrap();
        assert_eq!(json["contact_email"], "contact_email");
        assert!(serde_json::from_str::<PersonalData>(r#"{"address": "x"}"#).is_err());
    }
}
