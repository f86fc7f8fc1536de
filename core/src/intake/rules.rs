//! The `[intake]` section of a policy: the complaint words of e-mail subjects, who may use
//! which channel, and what must be recorded on each.

use serde::{Deserialize, Serialize};

use super::{Channel, ComplainantKind, Field};
use crate::classify::text::is_blank;
use crate::policy_error::PolicyError;

/// The `[intake]` section of a policy.
///
/// ```toml
/// [intake]
/// subject_words = ["投訴", "complaint"]   # §2.1.1; [] turns the subject rule off
/// international_phones = true
///
/// [intake.eligible]                     # §1.2, §2.1: who may use each channel
/// oa = ["employee"]
///
/// [intake.required]                     # §2.2.1: an anonymous hotline
/// hotline = ["contact", "received_at", "content"]
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IntakeRules {
    /// §2.1.1: an e-mail's subject must contain one of these words (folded like keywords:
    /// `投訴` matches `投诉`, `complaint` matches `COMPLAINT` and `Ｃｏｍｐｌａｉｎｔ`). An empty
    /// list turns the rule off.
    pub subject_words: Vec<String>,
    /// §1.2, §2.1: the complainant kinds each channel is open to; an empty list closes it.
    pub eligible: ChannelKinds,
    /// §2.2.1: the fields each channel must record. `content` is always required.
    pub required: ChannelFields,
    /// Whether a phone number abroad (`+852 …`) is a usable contact.
    pub international_phones: bool,
}

impl Default for IntakeRules {
    fn default() -> Self {
        IntakeRules {
            subject_words: vec!["投訴".into(), "complaint".into()],
            eligible: ChannelKinds::default(),
            required: ChannelFields::default(),
            international_phones: true,
        }
    }
}

/// Complainant kinds per channel (`[intake.eligible]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelKinds {
    /// §2.1.1 e-mail; everyone by default.
    pub email: Vec<ComplainantKind>,
    /// §2.1.2 hotline; everyone by default.
    pub hotline: Vec<ComplainantKind>,
    /// §2.1.3 on-site desk; everyone by default.
    pub on_site: Vec<ComplainantKind>,
    /// §2.1.4 OA system; employees by default.
    pub oa: Vec<ComplainantKind>,
}

impl Default for ChannelKinds {
    fn default() -> Self {
        let everyone = ComplainantKind::ALL.to_vec();
        ChannelKinds {
            email: everyone.clone(),
            hotline: everyone.clone(),
            on_site: everyone,
            oa: vec![ComplainantKind::Employee],
        }
    }
}

impl ChannelKinds {
    /// The kinds `channel` is open to.
    pub fn get(&self, channel: Channel) -> &[ComplainantKind] {
        match channel {
            Channel::Email => &self.email,
            Channel::Hotline => &self.hotline,
            Channel::OnSite => &self.on_site,
            Channel::Oa => &self.oa,
        }
    }
}

/// Required fields per channel (`[intake.required]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChannelFields {
    /// §2.1.1 e-mail.
    pub email: Vec<Field>,
    /// §2.1.2 hotline.
    pub hotline: Vec<Field>,
    /// §2.1.3 on-site desk.
    pub on_site: Vec<Field>,
    /// §2.1.4 OA system.
    pub oa: Vec<Field>,
}

impl Default for ChannelFields {
    /// §2.2.1: name, contact, time and content, on every channel.
    fn default() -> Self {
        let all = vec![
            Field::Name,
            Field::Contact,
            Field::ReceivedAt,
            Field::Content,
        ];
        ChannelFields {
            email: all.clone(),
            hotline: all.clone(),
            on_site: all.clone(),
            oa: all,
        }
    }
}

impl ChannelFields {
    /// The fields `channel` must record.
    pub fn get(&self, channel: Channel) -> &[Field] {
        match channel {
            Channel::Email => &self.email,
            Channel::Hotline => &self.hotline,
            Channel::OnSite => &self.on_site,
            Channel::Oa => &self.oa,
        }
    }
}

/// The rules themselves, for the functions that take "a policy, or its IntakeRules".
impl AsRef<IntakeRules> for IntakeRules {
    fn as_ref(&self) -> &IntakeRules {
        self
    }
}

impl IntakeRules {
    /// Checks the section: complaint words are not blank; every complainant kind of §1.2 has
    /// a channel; every channel requires the content; only e-mail can require a subject.
    ///
    /// # Errors
    /// [`PolicyError`] naming the key at fault.
    pub fn validate(&self) -> Result<(), PolicyError> {
        for (i, word) in self.subject_words.iter().enumerate() {
            if is_blank(word) {
                return Err(PolicyError::invalid(
                    format!("intake.subject_words[{i}]"),
                    "a complaint word cannot be blank",
                ));
            }
        }
        for &kind in ComplainantKind::ALL {
            if !Channel::ALL
                .iter()
                .any(|&c| self.eligible.get(c).contains(&kind))
            {
                return Err(PolicyError::contradiction(
                    "intake.eligible",
                    format!("no channel is open to the complainant kind {kind} (§1.2)"),
                ));
            }
        }
        for &channel in Channel::ALL {
            let required = self.required.get(channel);
            let key = format!("intake.required.{channel}");
            if !required.contains(&Field::Content) {
                return Err(PolicyError::contradiction(
                    key,
                    "a complaint is registered with its content (§2.2.1)",
                ));
            }
            if channel != Channel::Email && required.contains(&Field::Subject) {
                return Err(PolicyError::invalid(
                    key,
                    "only an e-mail has a subject (§2.1.1)",
                ));
            }
        }
        Ok(())
    }
}
