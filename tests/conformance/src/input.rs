//! Reading a case's input into the library's types: the same edge parsing a Rust host does.

use chrono::NaiveDate;
use complaint_office::ErrorCode;
use complaint_office::duration::Duration;
use complaint_office::policy::Policy;
use complaint_office::time::{Instant, parse_date, parse_instant};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A failed input conversion: the error code of the library, or a malformed vector.
pub type Fail = String;

/// The code of a library error.
pub fn code(e: impl ErrorCode) -> Fail {
    e.code().to_owned()
}

/// A required field.
pub fn field<'a>(input: &'a Value, key: &str) -> Result<&'a Value, Fail> {
    input
        .get(key)
        .ok_or_else(|| format!("vector.missing_input:{key}"))
}

/// A string field.
pub fn str_of<'a>(input: &'a Value, key: &str) -> Result<&'a str, Fail> {
    field(input, key)?
        .as_str()
        .ok_or_else(|| format!("vector.not_a_string:{key}"))
}

/// An integer field.
pub fn i64_of(input: &Value, key: &str) -> Result<i64, Fail> {
    field(input, key)?
        .as_i64()
        .ok_or_else(|| format!("vector.not_an_integer:{key}"))
}

/// A boolean field.
pub fn bool_of(input: &Value, key: &str) -> Result<bool, Fail> {
    field(input, key)?
        .as_bool()
        .ok_or_else(|| format!("vector.not_a_bool:{key}"))
}

/// A `YYYY-MM-DD` date field.
pub fn date_of(input: &Value, key: &str) -> Result<NaiveDate, Fail> {
    parse_date(str_of(input, key)?).map_err(code)
}

/// An RFC 3339 instant field.
pub fn instant_of(input: &Value, key: &str) -> Result<Instant, Fail> {
    parse_instant(str_of(input, key)?).map_err(code)
}

/// A duration field, in the duration grammar.
pub fn duration_of(input: &Value, key: &str) -> Result<Duration, Fail> {
    str_of(input, key)?.parse::<Duration>().map_err(code)
}

/// A field deserialized into a library type (enums by their JSON names, events, …).
pub fn typed<T: DeserializeOwned>(input: &Value, key: &str) -> Result<T, Fail> {
    serde_json::from_value(field(input, key)?.clone())
        .map_err(|_| format!("vector.bad_value:{key}"))
}

/// The case's policy: `input.policy` as a policy file in JSON form, or the default.
pub fn policy_of(input: &Value) -> Result<Policy, Fail> {
    match input.get("policy") {
        Some(p) => Policy::from_json_value(p.clone()).map_err(code),
        None => Ok(Policy::default()),
    }
}

/// A field of standard base64 (RFC 4648, with padding), decoded to bytes.
pub fn base64_of(input: &Value, key: &str) -> Result<Vec<u8>, Fail> {
    let text = str_of(input, key)?;
    let bad = || format!("vector.bad_base64:{key}");
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= value(c).ok_or_else(bad)? << (18 - 6 * i);
        }
        let n = chunk.len().saturating_sub(1);
        out.extend_from_slice(&acc.to_be_bytes()[1..=n]);
    }
    Ok(out)
}
