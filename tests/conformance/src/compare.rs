//! JSON comparison of the contract: numbers with a relative tolerance of 1e-9, everything else
//! exactly.

use serde_json::Value;

const TOLERANCE: f64 = 1e-9;

/// Whether two JSON values are equal under the contract.
pub fn equal(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Number(a), Value::Number(b)) => match (a.as_i64(), b.as_i64()) {
            (Some(x), Some(y)) => x == y,
            _ => close(a.as_f64(), b.as_f64()),
        },
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| equal(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => want == got,
    }
}

/// Whether every key of `want` is in `got` with an equal value (top level only).
pub fn subset(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            a.iter().all(|(k, v)| b.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => equal(want, got),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || (x - y).abs() <= TOLERANCE * x.abs().max(y.abs()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_and_subsets() {
        assert!(equal(&json!(0.1), &json!(0.1 + 1e-12)));
        assert!(!equal(&json!(0.1), &json!(0.1001)));
        assert!(equal(&json!(1), &json!(1.0)));
        assert!(!equal(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(subset(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(!subset(&json!({"a": 1}), &json!({"b": 2})));
    }
}
