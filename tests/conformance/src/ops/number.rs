use complaint_office::number::{ComplaintNumber, next_number_at};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, i64_of, instant_of, policy_of, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "number.parse" => {
            let n = ComplaintNumber::parse(str_of(input, "text")?).map_err(code)?;
            Ok(json!({"year": n.year(), "month": n.month(), "serial": n.serial()}))
        }
        "number.format" => {
            let part = |key| -> Result<i64, String> { i64_of(input, key) };
            let (year, month, serial) = (part("year")?, part("month")?, part("serial")?);
            // Out-of-range parts are the library's to judge: clamp only what cannot fit the types.
            let year = i32::try_from(year).unwrap_or(i32::MAX);
            let month = u32::try_from(month).unwrap_or(u32::MAX);
            let serial = u32::try_from(serial).unwrap_or(u32::MAX);
            let n = ComplaintNumber::new(year, month, serial).map_err(code)?;
            Ok(json!(n.to_string()))
        }
        "number.next" => {
            let policy = policy_of(input)?;
            let issued = field(input, "issued")?
                .as_array()
                .ok_or("vector.not_an_array:issued")?
                .iter()
                .map(|v| {
                    let text = v.as_str().ok_or("vector.not_a_string:issued")?;
                    ComplaintNumber::parse(text).map_err(code)
                })
                .collect::<Result<Vec<_>, String>>()?;
            let at = instant_of(input, "at")?;
            let next = next_number_at(&issued, at, policy.office_offset()).map_err(code)?;
            Ok(json!(next.to_string()))
        }
        _ => unknown(op),
    }
}
