//! Classification (§2.2.2): categories, keyword suggestion with the words matched, department
//! routing.

use complaint_office::classify::{self as core_classify, Department, Labels, Suggestion};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;
use crate::error::JsResult;
use crate::policy::Policy;

#[wasm_bindgen(typescript_custom_section)]
const TS_CLASSIFY: &str = r#"
/** A name in the three languages of the library. */
export interface Labels {
  zhHant: string;
  zhHans: string;
  en: string;
}

/** A name in the three languages, as a policy file's sections write it. */
export interface LabelsSection {
  zh_hant: string;
  zh_hans: string;
  en: string;
}

/** A keyword found in a text, as written in the policy, and how often. */
export interface MatchedWord {
  word: string;
  count: number;
}

/** A category suggested for a text, with the evidence for it. */
export interface CategorySuggestion {
  category: string;
  /** The category's label in the policy's language. */
  label: string;
  department: string;
  /** `hits / (hits of every category + 1)`; 0 for the fallback with no hits. */
  confidence: number;
  hits: number;
  matched: MatchedWord[];
}

/** A department of the `[classification]` section. */
export interface Department {
  code: string;
  labels: Labels;
}

/** A category and the department it is routed to. */
export interface CategoryInfo {
  code: string;
  labels: Labels;
  department: Department;
  /** The words that suggest it (§2.2.2), as the policy writes them. */
  keywords: string[];
}

/** A category of the `[classification]` section. */
export interface CategorySection {
  code: string;
  labels: LabelsSection;
  department: string;
  keywords?: string[];
}

/** The `[classification]` section of a policy file. */
export interface ClassificationSection {
  categories?: CategorySection[];
  departments?: { code: string; labels: LabelsSection }[];
  fallback?: string;
}
"#;

#[derive(Serialize)]
struct MatchedJs<'p> {
    word: &'p str,
    count: u32,
}

#[derive(Serialize)]
struct SuggestionJs<'p> {
    category: &'p str,
    label: &'p str,
    department: &'p str,
    confidence: f64,
    hits: u32,
    matched: Vec<MatchedJs<'p>>,
}

/// `Labels` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LabelsJs<'p> {
    pub(crate) zh_hant: &'p str,
    pub(crate) zh_hans: &'p str,
    pub(crate) en: &'p str,
}

impl<'p> From<&'p Labels> for LabelsJs<'p> {
    fn from(labels: &'p Labels) -> Self {
        LabelsJs {
            zh_hant: &labels.zh_hant,
            zh_hans: &labels.zh_hans,
            en: &labels.en,
        }
    }
}

#[derive(Serialize)]
struct DepartmentJs<'p> {
    code: &'p str,
    labels: LabelsJs<'p>,
}

#[derive(Serialize)]
struct CategoryJs<'p> {
    code: &'p str,
    labels: LabelsJs<'p>,
    department: DepartmentJs<'p>,
    keywords: &'p [String],
}

impl<'p> From<&'p Department> for DepartmentJs<'p> {
    fn from(d: &'p Department) -> Self {
        DepartmentJs {
            code: &d.code,
            labels: (&d.labels).into(),
        }
    }
}

/// Suggests categories for a complaint text, best first, with the keywords matched.
#[wasm_bindgen(js_name = suggestCategory, unchecked_return_type = "CategorySuggestion[]")]
pub fn suggest(policy: &Policy, text: &str) -> JsResult<JsValue> {
    let language = policy.0.language();
    let ranked: Vec<Suggestion<'_>> = core_classify::suggest(&policy.0, text);
    let out: Vec<SuggestionJs<'_>> = ranked
        .iter()
        .map(|s| SuggestionJs {
            category: &s.category.code,
            label: s.category.labels.get(language),
            department: &s.category.department,
            confidence: s.confidence,
            hits: s.hits,
            matched: s
                .matched
                .iter()
                .map(|m| MatchedJs {
                    word: m.word,
                    count: m.count,
                })
                .collect(),
        })
        .collect();
    to_js(&out)
}

/// The category with this code and its department (`classify.unknown_category` otherwise).
#[wasm_bindgen(js_name = categoryInfo, unchecked_return_type = "CategoryInfo")]
pub fn category(policy: &Policy, code: &str) -> JsResult<JsValue> {
    let category = core_classify::category(&policy.0, code)?;
    let department = core_classify::department_of(&policy.0, code)?;
    to_js(&CategoryJs {
        code: &category.code,
        labels: (&category.labels).into(),
        department: department.into(),
        keywords: &category.keywords,
    })
}

/// The department the category with this code is routed to (`classify.unknown_category`
/// otherwise).
#[wasm_bindgen(js_name = departmentOf, unchecked_return_type = "Department")]
pub fn department_of(policy: &Policy, code: &str) -> JsResult<JsValue> {
    to_js(&DepartmentJs::from(core_classify::department_of(
        &policy.0, code,
    )?))
}
