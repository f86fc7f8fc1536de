use complaint_office::classify::{self, Labels};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    let policy = policy_of(input)?;
    let language = policy.language();
    match op {
        "classify.suggest" => {
            let ranked = classify::suggest(&policy, str_of(input, "text")?);
            Ok(json!(ranked.iter().map(|s| json!({
                "category": s.category.code,
                "label": s.category.labels.get(language),
                "department": s.category.department,
                "confidence": s.confidence,
                "hits": s.hits,
                "matched": s.matched.iter().map(|m| json!({"word": m.word, "count": m.count})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>()))
        }
        "classify.category" => {
            let code_ = str_of(input, "code")?;
            let category = classify::category(&policy, code_).map_err(code)?;
            let department = classify::department_of(&policy, code_).map_err(code)?;
            Ok(json!({
                "code": category.code,
                "labels": labels(&category.labels),
                "department": {"code": department.code, "labels": labels(&department.labels)},
            }))
        }
        _ => unknown(op),
    }
}

fn labels(l: &Labels) -> Value {
    json!({"zh_hant": l.zh_hant, "zh_hans": l.zh_hans, "en": l.en})
}
