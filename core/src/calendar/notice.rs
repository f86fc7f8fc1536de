//! The State Council notices a published day comes from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;

vocabulary! {
    /// What a notice does to its year.
    pub enum NoticeKind("kind of notice", "calendar.unknown_notice_kind") {
        /// The yearly arrangement (国务院办公厅关于XXXX年部分节假日安排的通知).
        Annual = "annual",
        /// A special holiday with its own days off and swaps (Victory Day 2015).
        Special = "special",
        /// A dated change to the year's arrangement (Labour Day 2019).
        Amendment = "amendment",
        /// Days off added beyond the arrangement, without a swap (Spring Festival 2020).
        Extension = "extension",
    }
}

/// A State Council notice: where a published day off or make-up day comes from. Fields that
/// could not be confirmed are `None`, never guessed (`core/src/calendar/SOURCES.md`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The title, `国务院办公厅关于2025年部分节假日安排的通知`.
    pub title: Option<String>,
    /// The document number, `国办发明电〔2024〕12号`.
    pub number: Option<String>,
    /// The date the notice bears.
    pub date: Option<NaiveDate>,
    /// What it does to its year.
    pub kind: NoticeKind,
}

impl Notice {
    /// An annual notice known by its number and date only (a year a policy or host adds).
    pub fn annual(number: Option<String>, date: Option<NaiveDate>) -> Notice {
        Notice {
            title: None,
            number,
            date,
            kind: NoticeKind::Annual,
        }
    }
}
