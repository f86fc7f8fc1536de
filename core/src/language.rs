//! [`Language`]: the language of labels, reports and charts.
//!
//! Chosen by the policy (`language = "zh-Hant"`) and read by the tables below it (a category's
//! [`Labels`](crate::classify::Labels)), so it lives under both; its public path is
//! [`crate::policy::Language`].

use serde::{Deserialize, Serialize};

/// The language of labels, reports and charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    /// Traditional Chinese, the script of the source policy.
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// Simplified Chinese.
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Language {
    /// The BCP 47 tag: `zh-Hant`, `zh-Hans`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhHant => "zh-Hant",
            Language::ZhHans => "zh-Hans",
            Language::En => "en",
        }
    }

    /// Picks the label for this language from (Traditional, Simplified, English).
    pub fn pick<'a>(self, labels: (&'a str, &'a str, &'a str)) -> &'a str {
        match self {
            Language::ZhHant => labels.0,
            Language::ZhHans => labels.1,
            Language::En => labels.2,
        }
    }
}
