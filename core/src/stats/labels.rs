//! The words of reports and charts in the policy's language (zh-Hant, zh-Hans, English).

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::period::Granularity;
use crate::policy::{Language, Policy};

/// The label of a ledger category in the policy's language: the classification's label for a
/// category code of the policy; a ledger's own category text (an older system's) as written.
pub fn label_for<'a>(policy: &'a Policy, category_code: &'a str) -> Cow<'a, str> {
    match policy.classification().category(category_code) {
        Some(category) => Cow::Borrowed(category.labels.get(policy.language())),
        None => Cow::Borrowed(category_code),
    }
}

/// The label of a department code in the policy's language, or the code as written.
pub fn department_label<'a>(policy: &'a Policy, department_code: &'a str) -> Cow<'a, str> {
    match policy.classification().department(department_code) {
        Some(department) => Cow::Borrowed(department.labels.get(policy.language())),
        None => Cow::Borrowed(department_code),
    }
}

/// The label of a channel or severity name: the known vocabulary names are translated, other
/// names (an older system's) are shown as written.
pub(crate) fn value_label(language: Language, name: &str) -> &str {
    let known = match name {
        "email" => ("電子郵件", "电子邮件", "E-mail"),
        "hotline" => ("熱線電話", "热线电话", "Hotline"),
        "on_site" => ("現場", "现场", "On site"),
        "oa" => ("OA系統", "OA系统", "OA system"),
        "general" => ("一般", "一般", "General"),
        "serious" => ("嚴重", "严重", "Serious"),
        "major" => ("重大", "重大", "Major"),
        _ => return name,
    };
    language.pick(known)
}

/// The name of `policy` as a report shows it: its own name, or for the default name
/// (`default`, what a policy file without a name gets) the words for it in the policy's
/// language.
pub(crate) fn policy_name(policy: &Policy) -> &str {
    match policy.name() {
        "default" => texts(policy.language()).default_policy,
        name => name,
    }
}

/// `counts` in the order of a vocabulary (`names`: severities in rank order, channels in the
/// policy's order), then names outside it (an older system's) in alphabetical order.
pub(crate) fn in_vocabulary_order<'a>(
    counts: &'a BTreeMap<String, u64>,
    names: &[&str],
) -> Vec<(&'a str, u64)> {
    let rank = |name: &str| names.iter().position(|n| *n == name).unwrap_or(names.len());
    let mut items: Vec<(&str, u64)> = counts.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    // A stable sort keeps the map's alphabetical order among names of equal rank.
    items.sort_by_key(|(name, _)| rank(name));
    items
}

/// Fixed texts of a report.
#[derive(Debug)]
pub(crate) struct Texts {
    pub(crate) title: [&'static str; 3],
    pub(crate) period: &'static str,
    pub(crate) complaints: &'static str,
    pub(crate) category: &'static str,
    pub(crate) department: &'static str,
    pub(crate) channel: &'static str,
    pub(crate) severity: &'static str,
    pub(crate) closed: &'static str,
    pub(crate) handling_hours: &'static str,
    pub(crate) mean: &'static str,
    pub(crate) median: &'static str,
    pub(crate) p90: &'static str,
    pub(crate) satisfaction: &'static str,
    pub(crate) open_at_end: &'static str,
    pub(crate) change: &'static str,
    pub(crate) trend: &'static str,
    pub(crate) by_category: &'static str,
    pub(crate) by_department: &'static str,
    pub(crate) handling_distribution: &'static str,
    pub(crate) growth: &'static str,
    pub(crate) slope: &'static str,
    pub(crate) slope_percent: &'static str,
    pub(crate) rejected: &'static str,
    pub(crate) line: &'static str,
    pub(crate) column: &'static str,
    pub(crate) code: &'static str,
    pub(crate) other: &'static str,
    pub(crate) buckets: [&'static str; 6],
    pub(crate) overview: &'static str,
    pub(crate) details: &'static str,
    pub(crate) office_offset: &'static str,
    pub(crate) no_data: &'static str,
    pub(crate) rejected_more: &'static str,
    /// "Policy: ", before its name.
    pub(crate) policy: &'static str,
    /// The name of a policy that has none of its own (its name is `default`).
    pub(crate) default_policy: &'static str,
    /// The unit after a number of hours.
    pub(crate) hours: &'static str,
    /// The overview's median handling time.
    pub(crate) median_handling: &'static str,
    /// The overview's 90th percentile of handling time.
    pub(crate) p90_handling: &'static str,
    /// A growth table in which nothing grew.
    pub(crate) no_growth: &'static str,
    /// A report of one period, which has no trend and no growth.
    pub(crate) growth_needs_periods: &'static str,
    /// The heading of the channel and severity tables.
    pub(crate) channels_and_severities: &'static str,
}

impl Texts {
    pub(crate) fn title(&self, granularity: Granularity) -> &'static str {
        match granularity {
            Granularity::Month => self.title[0],
            Granularity::Quarter => self.title[1],
            Granularity::Year => self.title[2],
        }
    }
}

const ZH_HANT: Texts = Texts {
    title: ["投訴統計月報", "投訴統計季報", "投訴統計年報"],
    period: "期間",
    complaints: "投訴數",
    category: "類別",
    department: "部門",
    channel: "渠道",
    severity: "嚴重程度",
    closed: "結案數",
    handling_hours: "處理時長（小時）",
    mean: "平均",
    median: "中位數",
    p90: "第90百分位",
    satisfaction: "滿意率",
    open_at_end: "期末未結",
    change: "環比",
    trend: "投訴趨勢（按類別堆疊）",
    by_category: "按類別",
    by_department: "按部門",
    handling_distribution: "處理時長分佈（本期結案）",
    growth: "增長最快",
    slope: "每期增減",
    slope_percent: "每期增減率",
    rejected: "未採用的行",
    line: "行",
    column: "列",
    code: "代碼",
    other: "其他",
    buckets: [
        "< 1 天",
        "1–3 天",
        "3–7 天",
        "7–15 天",
        "15–30 天",
        "≥ 30 天",
    ],
    overview: "概覽",
    details: "各期明細",
    office_offset: "辦公時區",
    no_data: "無資料",
    rejected_more: "另有",
    policy: "制度：",
    default_policy: "投訴室管理制度（預設）",
    hours: "小時",
    median_handling: "處理時長中位數",
    p90_handling: "處理時長第90百分位",
    no_growth: "沒有增長",
    growth_needs_periods: "只有一期：趨勢與增長需要至少兩期的資料",
    channels_and_severities: "渠道與嚴重程度",
};

const ZH_HANS: Texts = Texts {
    title: ["投诉统计月报", "投诉统计季报", "投诉统计年报"],
    period: "期间",
    complaints: "投诉数",
    category: "类别",
    department: "部门",
    channel: "渠道",
    severity: "严重程度",
    closed: "结案数",
    handling_hours: "处理时长（小时）",
    mean: "平均",
    median: "中位数",
    p90: "第90百分位",
    satisfaction: "满意率",
    open_at_end: "期末未结",
    change: "环比",
    trend: "投诉趋势（按类别堆叠）",
    by_category: "按类别",
    by_department: "按部门",
    handling_distribution: "处理时长分布（本期结案）",
    growth: "增长最快",
    slope: "每期增减",
    slope_percent: "每期增减率",
    rejected: "未采用的行",
    line: "行",
    column: "列",
    code: "代码",
    other: "其他",
    buckets: [
        "< 1 天",
        "1–3 天",
        "3–7 天",
        "7–15 天",
        "15–30 天",
        "≥ 30 天",
    ],
    overview: "概览",
    details: "各期明细",
    office_offset: "办公时区",
    no_data: "无数据",
    rejected_more: "另有",
    policy: "制度：",
    default_policy: "投诉室管理制度（默认）",
    hours: "小时",
    median_handling: "处理时长中位数",
    p90_handling: "处理时长第90百分位",
    no_growth: "没有增长",
    growth_needs_periods: "只有一期：趋势与增长需要至少两期的数据",
    channels_and_severities: "渠道与严重程度",
};

const EN: Texts = Texts {
    title: [
        "Monthly complaint report",
        "Quarterly complaint report",
        "Annual complaint report",
    ],
    period: "Period",
    complaints: "Complaints",
    category: "Category",
    department: "Department",
    channel: "Channel",
    severity: "Severity",
    closed: "Closed",
    handling_hours: "Handling time (hours)",
    mean: "Mean",
    median: "Median",
    p90: "90th percentile",
    satisfaction: "Satisfaction",
    open_at_end: "Open at end",
    change: "Change",
    trend: "Complaints over time, stacked by category",
    by_category: "By category",
    by_department: "By department",
    handling_distribution: "Handling time of closed cases",
    growth: "Fastest growing",
    slope: "Change per period",
    slope_percent: "Change per period (%)",
    rejected: "Rows left out",
    line: "Line",
    column: "Column",
    code: "Code",
    other: "Other",
    buckets: [
        "< 1 day",
        "1–3 days",
        "3–7 days",
        "7–15 days",
        "15–30 days",
        "≥ 30 days",
    ],
    overview: "Overview",
    details: "By period",
    office_offset: "Office time",
    no_data: "No data",
    rejected_more: "and more:",
    policy: "Policy: ",
    default_policy: "Complaint office rules (default)",
    hours: "h",
    median_handling: "Handling, median",
    p90_handling: "Handling, 90th pct.",
    no_growth: "Nothing grew",
    growth_needs_periods: "One period: a trend and growth need at least two",
    channels_and_severities: "Channels and severities",
};

/// The texts of a language.
pub(crate) fn texts(language: Language) -> &'static Texts {
    match language {
        Language::ZhHant => &ZH_HANT,
        Language::ZhHans => &ZH_HANS,
        Language::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let policy = Policy::default();
        assert_eq!(label_for(&policy, "product_quality"), "产品质量");
        assert_eq!(label_for(&policy, "legacy_code_7"), "legacy_code_7");
        assert_eq!(
            department_label(&policy, "quality"),
            policy
                .classification()
                .department("quality")
                .map_or("", |d| d.labels.get(policy.language()))
        );
        assert_eq!(value_label(Language::ZhHant, "hotline"), "熱線電話");
        assert_eq!(value_label(Language::En, "major"), "Major");
        assert_eq!(value_label(Language::En, "fax"), "fax");
        assert_eq!(
            texts(Language::ZhHans).title(Granularity::Quarter),
            "投诉统计季报"
        );
    }

    #[test]
    fn the_default_name_is_said_in_the_policys_language() {
        let named = |toml: &str| Policy::from_toml_str(toml).unwrap();
        assert_eq!(
            policy_name(&named("language = \"zh-Hant\"")),
            "投訴室管理制度（預設）"
        );
        assert_eq!(
            policy_name(&named("language = \"en\"")),
            "Complaint office rules (default)"
        );
        assert_eq!(
            policy_name(&named("name = \"2025 版\"\nlanguage = \"en\"")),
            "2025 版"
        );
    }

    #[test]
    fn severities_in_rank_order() {
        let counts: BTreeMap<String, u64> = [
            ("general", 5),
            ("major", 1),
            ("serious", 2),
            ("grave", 3),
            ("a", 1),
        ]
        .into_iter()
        .map(|(k, n)| (k.to_owned(), n))
        .collect();
        let ordered = in_vocabulary_order(&counts, crate::triage::Severity::NAMES);
        assert_eq!(
            ordered,
            [
                ("general", 5),
                ("serious", 2),
                ("major", 1),
                ("a", 1),
                ("grave", 3)
            ]
        );
    }
}
