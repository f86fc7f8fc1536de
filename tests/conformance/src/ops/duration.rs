use complaint_office::duration::{Duration, Unit};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, i64_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "duration.parse" => {
            let d: Duration = str_of(input, "text")?.parse().map_err(code)?;
            Ok(json!({"amount": d.amount(), "unit": d.unit().as_str()}))
        }
        "duration.format" => {
            let unit: Unit = str_of(input, "unit")?.parse().map_err(code)?;
            let amount = u32::try_from(i64_of(input, "amount")?).unwrap_or(0);
            let d = Duration::new(amount, unit).map_err(code)?;
            Ok(json!(d.to_string()))
        }
        _ => unknown(op),
    }
}
