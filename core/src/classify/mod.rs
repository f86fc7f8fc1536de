//! Classification (§2.2.2): categories as policy data, an explainable keyword suggestion, and
//! the department each category is routed to.
//!
//! ```
//! use complaint_office::classify;
//! use complaint_office::policy::Policy;
//!
//! let policy = Policy::default();
//! // Traditional and Simplified script, mixed: both match the same keywords.
//! let ranked = classify::suggest(&policy, "客服態度惡劣，产品也有质量问题");
//! let best = &ranked[0];
//! assert_eq!(best.category.code, "service_attitude");
//! assert_eq!(best.category.department, "customer_service");
//! assert_eq!(best.hits, 3); // 客服, 态度, 恶劣
//! assert_eq!(best.matched[0].word, "客服");
//! assert_eq!(ranked[1].category.code, "product_quality");
//! assert!((best.confidence - 3.0 / 6.0).abs() < 1e-12); // 3 of 5 hits, plus one
//!
//! assert_eq!(classify::department_of(&policy, "product_quality")?.labels.en, "Quality Management");
//! # Ok::<(), complaint_office::classify::ClassifyError>(())
//! ```
//!
//! **How a suggestion is made.** The text and every keyword are folded (Traditional to
//! Simplified, full-width to ASCII, capitals to small letters: see [`text`]) and scanned once,
//! left to right; at each position the longest keyword that starts there matches, and the scan
//! goes on after it, so `服务员` counts once, not also as `服务`. English keywords (those that
//! start with an ASCII letter or digit) match only at the start of a word: `defect` matches
//! `defects`, `rude` does not match `prudent`.
//!
//! Each category's `hits` is the number of its keyword occurrences. Categories with hits are
//! ranked by hits, most first, ties in the policy's order. Each has a `confidence` of
//! `hits / (all hits + 1)`: one lone keyword gives 0.5, more evidence for one category brings
//! it towards 1, evidence for others lowers it. Matched words are listed in the order they
//! first occur in the text, with their counts. A text without any keyword gets the policy's
//! `fallback` category alone (`other` by default) with confidence 0 and nothing matched, so
//! the first suggestion is always the one to route by.

mod defaults;
mod matcher;
pub mod text;

use std::collections::HashSet;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ErrorCode;
use crate::language::Language;
use crate::policy_error::PolicyError;
use matcher::Matcher;

const CLAUSE: &str = "§2.2.2";

/// A category suggested for a text, with the evidence for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion<'p> {
    /// The category (code, labels, department, keywords).
    pub category: &'p Category,
    /// How many keyword occurrences of the category the text has.
    pub hits: u32,
    /// `hits / (hits of every category + 1)`; 0 for the fallback category with no hits.
    pub confidence: f64,
    /// The category's keywords found, as written in the policy, in order of first occurrence.
    pub matched: Vec<MatchedWord<'p>>,
}

/// A keyword found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchedWord<'p> {
    /// The keyword as written in the policy.
    pub word: &'p str,
    /// How often it occurs.
    pub count: u32,
}

/// Suggests categories for a complaint text, best first (see the module documentation).
///
/// `policy` is a [`Policy`](crate::policy::Policy), or the [`Classification`] itself; so for
/// the functions below.
pub fn suggest<'p, P>(policy: &'p P, text: &str) -> Vec<Suggestion<'p>>
where
    P: AsRef<Classification> + ?Sized,
{
    policy.as_ref().suggest(text)
}

/// The category with this code.
///
/// # Errors
/// [`ClassifyError::UnknownCategory`] when the policy has no such category.
pub fn category<'p, P>(policy: &'p P, code: &str) -> Result<&'p Category, ClassifyError>
where
    P: AsRef<Classification> + ?Sized,
{
    policy
        .as_ref()
        .category(code)
        .ok_or(ClassifyError::UnknownCategory)
}

/// The department a category is routed to.
///
/// # Errors
/// [`ClassifyError::UnknownCategory`] when the policy has no such category.
pub fn department_of<'p, P>(policy: &'p P, code: &str) -> Result<&'p Department, ClassifyError>
where
    P: AsRef<Classification> + ?Sized,
{
    let category = category(policy, code)?;
    policy
        .as_ref()
        .department(&category.department)
        .ok_or(ClassifyError::UnknownDepartment)
}

/// Errors of classification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClassifyError {
    /// A category code the policy does not have.
    #[error("unknown category: the policy's classification has no category with this code")]
    UnknownCategory,
    /// A department code the policy does not have.
    #[error("unknown department: the policy's classification has no department with this code")]
    UnknownDepartment,
}

impl ErrorCode for ClassifyError {
    fn code(&self) -> &'static str {
        match self {
            ClassifyError::UnknownCategory => "classify.unknown_category",
            ClassifyError::UnknownDepartment => "classify.unknown_department",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some(CLAUSE)
    }
}

/// The `[classification]` section of a policy: categories, departments, the fallback category.
///
/// ```toml
/// [classification]
/// fallback = "other"
///
/// [[classification.categories]]
/// code = "billing"
/// labels = { zh_hant = "收費", zh_hans = "收费", en = "Billing" }
/// department = "finance"
/// keywords = ["收费", "账单", "invoice"]
///
/// [[classification.departments]]
/// code = "finance"
/// labels = { zh_hant = "財務部", zh_hans = "财务部", en = "Finance" }
/// ```
///
/// Writing `categories` (or `departments`) replaces the whole default list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Classification {
    /// The categories, in the order that breaks ties between suggestions.
    pub categories: Categories,
    /// The departments categories are routed to.
    pub departments: Vec<Department>,
    /// The category of a text without any keyword.
    pub fallback: String,
}

impl Default for Classification {
    /// Product quality, service attitude, management and other (§2.2.2).
    fn default() -> Self {
        Classification {
            categories: defaults::categories().into(),
            departments: defaults::departments(),
            fallback: defaults::FALLBACK.into(),
        }
    }
}

/// A category of complaint (§2.2.2).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Category {
    /// A stable code: small ASCII letters, digits and `_`, starting with a letter.
    pub code: String,
    /// The names shown to people.
    pub labels: Labels,
    /// The code of the department the category is routed to by default.
    pub department: String,
    /// Words that suggest the category, in either Chinese script or English (see [`text`]).
    pub keywords: Vec<String>,
    /// §3.2.2: whether the team inspects the site before it proposes a plan (product quality
    /// and complaints about a service site by default).
    pub site_inspection: bool,
}

/// A department complaints are routed to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Department {
    /// A stable code: small ASCII letters, digits and `_`, starting with a letter.
    pub code: String,
    /// The names shown to people.
    pub labels: Labels,
}

/// A name in the three languages of the library.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// Traditional Chinese.
    pub zh_hant: String,
    /// Simplified Chinese.
    pub zh_hans: String,
    /// English.
    pub en: String,
}

impl Labels {
    /// The label in `language`.
    pub fn get(&self, language: Language) -> &str {
        language.pick((&self.zh_hant, &self.zh_hans, &self.en))
    }
}

/// The category list of a classification. It reads and writes like a `Vec<Category>` and keeps
/// the keyword table compiled for matching, once, on first use; any change through `&mut`
/// makes the next use compile it again.
#[derive(Default)]
pub struct Categories {
    list: Vec<Category>,
    matcher: OnceLock<Matcher>,
}

impl Categories {
    fn matcher(&self) -> &Matcher {
        self.matcher.get_or_init(|| Matcher::new(&self.list))
    }
}

impl Deref for Categories {
    type Target = Vec<Category>;

    fn deref(&self) -> &Vec<Category> {
        &self.list
    }
}

impl DerefMut for Categories {
    fn deref_mut(&mut self) -> &mut Vec<Category> {
        // The caller may change keywords: forget the compiled table.
        self.matcher.take();
        &mut self.list
    }
}

impl From<Vec<Category>> for Categories {
    fn from(list: Vec<Category>) -> Self {
        Categories {
            list,
            matcher: OnceLock::new(),
        }
    }
}

impl FromIterator<Category> for Categories {
    fn from_iter<I: IntoIterator<Item = Category>>(iter: I) -> Self {
        Vec::from_iter(iter).into()
    }
}

impl Clone for Categories {
    fn clone(&self) -> Self {
        self.list.clone().into()
    }
}

impl PartialEq for Categories {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl Eq for Categories {}

impl fmt::Debug for Categories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.list.fmt(f)
    }
}

impl Serialize for Categories {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.list.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Categories {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<Category>::deserialize(d).map(Categories::from)
    }
}

/// The rules themselves, for the functions that take "a policy, or its Classification".
impl AsRef<Classification> for Classification {
    fn as_ref(&self) -> &Classification {
        self
    }
}

impl Classification {
    /// Suggests categories for a text, best first (see the module documentation).
    pub fn suggest(&self, text: &str) -> Vec<Suggestion<'_>> {
        let matcher = self.categories.matcher();
        let counts = matcher.count(text);
        let mut ranked = Vec::new();
        let mut total = 0u32;
        for (index, category) in self.categories.iter().enumerate() {
            let mut matched: Vec<(usize, MatchedWord<'_>)> = Vec::new();
            let words = counts.words.get(matcher.range(index)).unwrap_or_default();
            for (word, &(count, first)) in category.keywords.iter().zip(words) {
                if count > 0 {
                    matched.push((first, MatchedWord { word, count }));
                }
            }
            if matched.is_empty() {
                continue;
            }
            matched.sort_by_key(|&(first, _)| first);
            let hits = matched
                .iter()
                .fold(0u32, |sum, (_, m)| sum.saturating_add(m.count));
            total = total.saturating_add(hits);
            ranked.push(Suggestion {
                category,
                hits,
                confidence: 0.0,
                matched: matched.into_iter().map(|(_, m)| m).collect(),
            });
        }
        if ranked.is_empty() {
            return self
                .category(&self.fallback)
                .map(|category| Suggestion {
                    category,
                    hits: 0,
                    confidence: 0.0,
                    matched: Vec::new(),
                })
                .into_iter()
                .collect();
        }
        // A stable sort keeps the policy's order between equal hits.
        ranked.sort_by_key(|s| std::cmp::Reverse(s.hits));
        for s in &mut ranked {
            s.confidence = f64::from(s.hits) / (f64::from(total) + 1.0);
        }
        ranked
    }

    /// The category with this code.
    pub fn category(&self, code: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.code == code)
    }

    /// The department with this code.
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.code == code)
    }

    /// Checks the section: well-formed, unique codes; three non-blank labels; every category's
    /// department and the fallback exist; every keyword non-blank and, once folded, in the
    /// table only once (a word that counted for two categories would explain nothing).
    ///
    /// # Errors
    /// [`PolicyError`] naming the key at fault.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let keywords = self.check_sizes()?;
        if self.categories.is_empty() {
            return Err(PolicyError::invalid(
                "classification.categories",
                "at least one category is needed",
            ));
        }
        // Codes and folded keywords seen so far: one look-up each, so a table of any size is
        // checked in time linear in its size.
        let mut departments = HashSet::with_capacity(self.departments.len());
        for (i, d) in self.departments.iter().enumerate() {
            let key = Entry("classification.departments", i);
            check_code(&key, &d.code, &mut departments)?;
            check_labels(&key, &d.labels)?;
        }
        let mut codes = HashSet::with_capacity(self.categories.len());
        let mut seen = HashSet::with_capacity(keywords);
        for (i, c) in self.categories.iter().enumerate() {
            let key = Entry("classification.categories", i);
            check_code(&key, &c.code, &mut codes)?;
            check_labels(&key, &c.labels)?;
            if !departments.contains(c.department.as_str()) {
                return Err(PolicyError::contradiction(
                    format!("{key}.department"),
                    "no department in classification.departments has this code",
                ));
            }
            for (j, word) in c.keywords.iter().enumerate() {
                if text::is_blank(word) {
                    return Err(PolicyError::invalid(
                        format!("{key}.keywords[{j}]"),
                        "a keyword cannot be blank",
                    ));
                }
                if !seen.insert(text::fold(word.trim())) {
                    return Err(PolicyError::contradiction(
                        format!("{key}.keywords[{j}]"),
                        "the keyword is already in the table (scripts and widths fold together)",
                    ));
                }
            }
        }
        if !codes.contains(self.fallback.as_str()) {
            return Err(PolicyError::contradiction(
                "classification.fallback",
                "no category in classification.categories has this code",
            ));
        }
        Ok(())
    }

    /// The size limits ([`MAX_CATEGORIES`], [`MAX_DEPARTMENTS`], [`MAX_KEYWORDS`],
    /// [`MAX_KEYWORD_CHARS`]), checked before anything that costs time per entry; the number
    /// of keywords.
    fn check_sizes(&self) -> Result<usize, PolicyError> {
        if self.categories.len() > MAX_CATEGORIES {
            return Err(PolicyError::too_large(
                "classification.categories",
                format!("at most {MAX_CATEGORIES} categories"),
            ));
        }
        if self.departments.len() > MAX_DEPARTMENTS {
            return Err(PolicyError::too_large(
                "classification.departments",
                format!("at most {MAX_DEPARTMENTS} departments"),
            ));
        }
        let mut total = 0usize;
        for (i, c) in self.categories.iter().enumerate() {
            total = total.saturating_add(c.keywords.len());
            if total > MAX_KEYWORDS {
                return Err(PolicyError::too_large(
                    format!("classification.categories[{i}].keywords"),
                    format!("at most {MAX_KEYWORDS} keywords in all categories together"),
                ));
            }
            if let Some(j) = c
                .keywords
                .iter()
                .position(|w| w.len() > MAX_KEYWORD_CHARS && w.chars().count() > MAX_KEYWORD_CHARS)
            {
                return Err(PolicyError::too_large(
                    format!("classification.categories[{i}].keywords[{j}]"),
                    format!("at most {MAX_KEYWORD_CHARS} characters in a keyword"),
                ));
            }
        }
        Ok(total)
    }
}

/// The most categories a classification may have (real tables have tens).
pub const MAX_CATEGORIES: usize = 100_000;
/// The most departments a classification may have.
pub const MAX_DEPARTMENTS: usize = 10_000;
/// The most keywords all categories together may have.
pub const MAX_KEYWORDS: usize = 1_000_000;
/// The most characters a keyword may have.
pub const MAX_KEYWORD_CHARS: usize = 256;

/// Checks a code's form and that `seen` does not hold it yet, then adds it.
/// The key of one entry of a list, `classification.categories[3]`, written out only when an
/// error names it (validation of a large table then allocates nothing per entry).
struct Entry(&'static str, usize);

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

fn check_code<'a>(
    key: &Entry,
    code: &'a str,
    seen: &mut HashSet<&'a str>,
) -> Result<(), PolicyError> {
    let mut chars = code.chars();
    let well_formed = code.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !well_formed {
        return Err(PolicyError::invalid(
            format!("{key}.code"),
            "expected small ASCII letters, digits and _, starting with a letter",
        ));
    }
    if !seen.insert(code) {
        return Err(PolicyError::contradiction(
            format!("{key}.code"),
            "the code is used twice",
        ));
    }
    Ok(())
}

fn check_labels(key: &Entry, labels: &Labels) -> Result<(), PolicyError> {
    for (name, label) in [
        ("zh_hant", &labels.zh_hant),
        ("zh_hans", &labels.zh_hans),
        ("en", &labels.en),
    ] {
        if text::is_blank(label) {
            return Err(PolicyError::invalid(
                format!("{key}.labels.{name}"),
                "a label cannot be blank",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes<'a>(s: &'a [Suggestion<'a>]) -> Vec<(&'a str, u32)> {
        s.iter()
            .map(|s| (s.category.code.as_str(), s.hits))
            .collect()
    }

    #[test]
    fn defaults_are_valid() {
        Classification::default().validate().unwrap();
    }

    #[test]
    fn the_compiled_table_keeps_policies_shareable() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Classification>();
    }

    #[test]
    fn longest_match_and_word_starts() {
        let c = Classification::default();
        let s = c.suggest("服务员很不耐烦");
        assert_eq!(codes(&s), [("service_attitude", 2)]);
        let words: Vec<_> = s[0].matched.iter().map(|m| m.word).collect();
        assert_eq!(words, ["服务员", "不耐烦"]);
        assert_eq!(codes(&c.suggest("a prudent man")), [("other", 0)]);
        assert_eq!(
            codes(&c.suggest("Defects, RUDE staff")),
            [("service_attitude", 2), ("product_quality", 1)]
        );
    }

    #[test]
    fn scripts_and_widths_fold_together() {
        let c = Classification::default();
        let a = c.suggest("產品質量差，ＲＵＤＥ");
        let b = c.suggest("产品质量差，rude");
        assert_eq!(a, b);
        assert_eq!(codes(&a), [("product_quality", 2), ("service_attitude", 1)]);
        assert!((a[0].confidence - 0.5).abs() < 1e-12);
    }

    #[test]
    fn nothing_matched_is_the_fallback() {
        let c = Classification::default();
        let s = c.suggest("");
        assert_eq!(codes(&s), [("other", 0)]);
        assert_eq!(s[0].confidence, 0.0);
        assert!(s[0].matched.is_empty());
    }

    #[test]
    fn changes_through_mut_recompile() {
        let mut c = Classification::default();
        assert_eq!(codes(&c.suggest("invoice")), [("other", 0)]);
        c.categories[3].keywords.push("invoice".into());
        assert_eq!(codes(&c.suggest("invoice")), [("other", 1)]);
        let copy = c.clone();
        assert_eq!(codes(&copy.suggest("invoice")), [("other", 1)]);
    }

    #[test]
    fn validation_names_the_key() {
        let check = |f: &dyn Fn(&mut Classification), key: &str| {
            let mut c = Classification::default();
            f(&mut c);
            assert_eq!(c.validate().unwrap_err().key(), Some(key));
        };
        check(
            &|c| c.categories[1].code = "Service".into(),
            "classification.categories[1].code",
        );
        check(
            &|c| c.categories[1].code = "management".into(),
            "classification.categories[2].code",
        );
        check(
            &|c| c.categories[0].labels.en = " ".into(),
            "classification.categories[0].labels.en",
        );
        check(
            &|c| c.categories[0].department = "sales".into(),
            "classification.categories[0].department",
        );
        check(
            &|c| c.categories[2].keywords.push("質量".into()),
            "classification.categories[2].keywords[39]",
        );
        check(
            &|c| c.categories[2].keywords.push("\u{3000}".into()),
            "classification.categories[2].keywords[39]",
        );
        check(&|c| c.fallback = "misc".into(), "classification.fallback");
        check(
            &|c| c.departments[1].code = "quality".into(),
            "classification.departments[1].code",
        );
        check(&|c| c.categories.clear(), "classification.categories");
        check(
            &|c| c.departments[0].code = "".into(),
            "classification.departments[0].code",
        );
    }

    #[test]
    fn tables_over_a_limit_are_refused() {
        let too_large = |c: &Classification, key: &str| {
            let err = c.validate().unwrap_err();
            assert_eq!(err.code(), "policy.too_large", "{err}");
            assert_eq!(err.key(), Some(key), "{err}");
        };
        // Eleven categories of 100,000 keywords: the count passes 1,000,000 in the eleventh.
        let mut c = Classification::default();
        let template = c.categories[0].clone();
        c.categories.clear();
        for i in 0..11 {
            c.categories.push(Category {
                code: format!("c{i}"),
                keywords: vec!["x".to_owned(); MAX_KEYWORDS / 10],
                ..template.clone()
            });
        }
        too_large(&c, "classification.categories[10].keywords");
        let mut c = Classification::default();
        c.departments = vec![c.departments[0].clone(); MAX_DEPARTMENTS + 1];
        too_large(&c, "classification.departments");
        let mut c = Classification::default();
        let first = c.categories[0].clone();
        c.categories.resize(MAX_CATEGORIES + 1, first);
        too_large(&c, "classification.categories");
    }
}
