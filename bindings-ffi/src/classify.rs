//! Classification (§2.2.2): categories with labels in three scripts, keyword suggestions with
//! their evidence, and department routing.

use std::sync::Arc;

use complaint_office::classify as core;

use crate::error::{Result, guard};
use crate::policy::Policy;

/// A label in Traditional Chinese, Simplified Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Labels {
    /// Traditional Chinese.
    pub zh_hant: String,
    /// Simplified Chinese.
    pub zh_hans: String,
    /// English.
    pub en: String,
}

impl From<&core::Labels> for Labels {
    fn from(l: &core::Labels) -> Self {
        Labels {
            zh_hant: l.zh_hant.clone(),
            zh_hans: l.zh_hans.clone(),
            en: l.en.clone(),
        }
    }
}

/// A category of the policy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Category {
    /// Its stable code.
    pub code: String,
    /// Its labels.
    pub labels: Labels,
    /// The department it is routed to.
    pub department: String,
    /// The keywords that suggest it.
    pub keywords: Vec<String>,
}

impl From<&core::Category> for Category {
    fn from(c: &core::Category) -> Self {
        Category {
            code: c.code.clone(),
            labels: (&c.labels).into(),
            department: c.department.clone(),
            keywords: c.keywords.clone(),
        }
    }
}

/// A department of the policy.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Department {
    /// Its stable code.
    pub code: String,
    /// Its labels.
    pub labels: Labels,
}

/// A keyword found in a text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MatchedWord {
    /// The keyword as written in the policy.
    pub word: String,
    /// How often it occurs.
    pub count: i64,
}

/// A category suggested for a text, with the evidence for it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Suggestion {
    /// The category.
    pub category: Category,
    /// How many keyword occurrences of the category the text has.
    pub hits: i64,
    /// `hits / (hits of every category + 1)`.
    pub confidence: f64,
    /// The keywords found, in order of first occurrence.
    pub matched: Vec<MatchedWord>,
}

/// Suggests categories for a complaint text, best first.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn suggest(policy: Arc<Policy>, text: String) -> Result<Vec<Suggestion>> {
    guard(|| {
        Ok(core::suggest(&policy.0, &text)
            .into_iter()
            .map(|s| Suggestion {
                category: s.category.into(),
                hits: i64::from(s.hits),
                confidence: s.confidence,
                matched: s
                    .matched
                    .iter()
                    .map(|m| MatchedWord {
                        word: m.word.to_owned(),
                        count: i64::from(m.count),
                    })
                    .collect(),
            })
            .collect())
    })
}

/// The category with this code.
///
/// # Errors
/// `classify.unknown_category`.
#[uniffi::export]
pub fn category(policy: Arc<Policy>, code: String) -> Result<Category> {
    guard(|| Ok(core::category(&policy.0, &code)?.into()))
}

/// The department a category is routed to.
///
/// # Errors
/// `classify.unknown_category`, `classify.unknown_department`.
#[uniffi::export]
pub fn department_of(policy: Arc<Policy>, code: String) -> Result<Department> {
    guard(|| {
        let d = core::department_of(&policy.0, &code)?;
        Ok(Department {
            code: d.code.clone(),
            labels: (&d.labels).into(),
        })
    })
}
