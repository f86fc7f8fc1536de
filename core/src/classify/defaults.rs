//! The default categories, departments and keywords (§2.2.2): the three kinds of complaint the
//! policy names (product quality, service attitude, management) and `other`, each routed to
//! the department that usually handles it.
//!
//! Keywords are written once, in Simplified Chinese or English: folding (see [`super::text`])
//! makes them match Traditional and full-width text too.

use super::{Category, Department, Labels};

pub(super) fn departments() -> Vec<Department> {
    vec![
        department(
            "quality",
            ("質量管理部", "质量管理部", "Quality Management"),
        ),
        department(
            "customer_service",
            ("客戶服務部", "客户服务部", "Customer Service"),
        ),
        department(
            "administration",
            ("行政管理部", "行政管理部", "Administration"),
        ),
        department("complaint_office", ("投訴室", "投诉室", "Complaint Office")),
    ]
}

pub(super) fn categories() -> Vec<Category> {
    vec![
        category(
            "product_quality",
            ("產品質量", "产品质量", "Product quality"),
            "quality",
            &[
                "质量",
                "产品",
                "故障",
                "损坏",
                "坏了",
                "破损",
                "破裂",
                "缺陷",
                "瑕疵",
                "失灵",
                "漏水",
                "漏电",
                "异味",
                "异响",
                "过期",
                "变质",
                "发霉",
                "假货",
                "次品",
                "残次",
                "不合格",
                "做工",
                "返修",
                "维修",
                "退货",
                "换货",
                "质保",
                "安全隐患",
                "用不了",
                "无法使用",
                "quality",
                "product",
                "defect",
                "broken",
                "faulty",
                "damaged",
                "malfunction",
                "leak",
                "expired",
                "fake",
                "counterfeit",
                "repair",
                "warranty",
            ],
        ),
        category(
            "service_attitude",
            ("服務態度", "服务态度", "Service attitude"),
            "customer_service",
            &[
                "态度",
                "服务",
                "客服",
                "服务员",
                "店员",
                "工作人员",
                "不耐烦",
                "粗鲁",
                "无礼",
                "没礼貌",
                "不礼貌",
                "恶劣",
                "冷漠",
                "敷衍",
                "推诿",
                "踢皮球",
                "辱骂",
                "骂人",
                "顶撞",
                "爱理不理",
                "不理睬",
                "傲慢",
                "歧视",
                "刁难",
                "怠慢",
                "attitude",
                "service",
                "rude",
                "impolite",
                "unfriendly",
                "arrogant",
                "disrespectful",
                "insult",
                "ignored",
                "staff",
            ],
        ),
        category(
            "management",
            ("管理問題", "管理问题", "Management"),
            "administration",
            &[
                "管理",
                "制度",
                "流程",
                "规定",
                "领导",
                "主管",
                "经理",
                "上级",
                "考勤",
                "加班",
                "工资",
                "薪酬",
                "薪水",
                "报销",
                "绩效",
                "克扣",
                "拖欠",
                "排班",
                "培训",
                "不公平",
                "不公正",
                "违规",
                "腐败",
                "贿赂",
                "回扣",
                "打压",
                "骚扰",
                "management",
                "manager",
                "supervisor",
                "policy",
                "procedure",
                "overtime",
                "salary",
                "wage",
                "payroll",
                "unfair",
                "bribe",
                "harassment",
            ],
        ),
        category("other", ("其他", "其他", "Other"), "complaint_office", &[]),
    ]
}

pub(super) const FALLBACK: &str = "other";

fn labels((zh_hant, zh_hans, en): (&str, &str, &str)) -> Labels {
    Labels {
        zh_hant: zh_hant.into(),
        zh_hans: zh_hans.into(),
        en: en.into(),
    }
}

fn department(code: &str, names: (&str, &str, &str)) -> Department {
    Department {
        code: code.into(),
        labels: labels(names),
    }
}

fn category(
    code: &str,
    names: (&str, &str, &str),
    department: &str,
    keywords: &[&str],
) -> Category {
    Category {
        code: code.into(),
        labels: labels(names),
        department: department.into(),
        keywords: keywords.iter().map(|&k| k.to_owned()).collect(),
        // §3.2.2 names product quality and the service site (服務現場): service attitude is
        // judged where the service was given.
        site_inspection: matches!(code, "product_quality" | "service_attitude"),
    }
}
