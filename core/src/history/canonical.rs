//! Canonical JSON: one byte sequence per JSON value, so that a hash of an event is the same
//! in every language that writes it.
//!
//! The form (a subset of JSON, RFC 8259):
//! - no whitespace outside strings;
//! - object members sorted by key, comparing keys as sequences of Unicode code points (the
//!   order of their UTF-8 bytes); keys are unique;
//! - strings in double quotes with exactly these escapes: `\"`, `\\`, `\b` (U+0008), `\f`
//!   (U+000C), `\n`, `\r`, `\t`, and `\u00xx` with lowercase hex digits for the other
//!   characters below U+0020; every other character is written as itself in UTF-8 (no `\/`,
//!   no escape of non-ASCII, U+007F, U+2028 or U+2029);
//! - `true`, `false`, `null`; integers in plain decimal (`-12`, `0`).
//!
//! Events never contain fractional numbers; should a value hold one, it is written as
//! `serde_json` writes it, which the cross-language contract does not cover.
//!
//! Python writes the same bytes with `json.dumps(value, ensure_ascii=False,
//! separators=(",", ":"), sort_keys=True).encode("utf-8")`; JavaScript with `JSON.stringify`
//! over objects whose keys were sorted by code point.

use serde_json::Value;

/// The canonical JSON text of `value` (see the [`history`](crate::history) module).
///
/// ```
/// use complaint_office::history::canonical_json;
/// use serde_json::json;
///
/// let value = json!({"type": "registered", "at": "2025-09-26T11:00:00+08:00", "n": [1, true, null],
///                    "text": "張三\n\"quoted\""});
/// assert_eq!(
///     canonical_json(&value),
///     r#"{"at":"2025-09-26T11:00:00+08:00","n":[1,true,null],"text":"張三\n\"quoted\"","type":"registered"}"#
/// );
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::with_capacity(256);
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Sorted here, whatever order the map keeps (serde_json's `preserve_order` feature
            // may be switched on by any crate of a build).
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\u{08}' => "\\b",
            '\u{0c}' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if c < ' ' => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        plain = i + c.len_utf8();
        if escape.is_empty() {
            let byte = c as usize;
            out.push_str("\\u00");
            out.push(char::from(HEX[byte >> 4]));
            out.push(char::from(HEX[byte & 0xf]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_sort_by_code_point_at_every_depth() {
        let v =
            json!({"b": {"z": 1, "a": [{"y": 0, "x": 0}]}, "a": null, "B": false, "é": 1, "e": 2});
        assert_eq!(
            canonical_json(&v),
            r#"{"B":false,"a":null,"b":{"a":[{"x":0,"y":0}],"z":1},"e":2,"é":1}"#
        );
    }

    #[test]
    fn strings_escape_only_what_json_requires() {
        let s: String = (0u8..0x20).map(char::from).collect::<String>() + "\"\\/\u{7f}\u{2028}中😀";
        let text = canonical_json(&Value::String(s.clone()));
        assert_eq!(
            text,
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\
             \\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\
             \\\"\\\\/\u{7f}\u{2028}中😀\""
        );
        // Still JSON, and the same string once read back.
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            Value::String(s)
        );
    }

    #[test]
    fn numbers_and_literals() {
        assert_eq!(
            canonical_json(&json!([
                0,
                -12,
                9007199254740993u64,
                true,
                false,
                null,
                [],
                {}
            ])),
            "[0,-12,9007199254740993,true,false,null,[],{}]"
        );
    }

    #[test]
    fn reading_back_and_rewriting_is_the_identity() {
        let v = json!({"type": "received", "content": "Tab\there, quote \" and 投訴", "list": [3, 2, 1]});
        let once = canonical_json(&v);
        let again = canonical_json(&serde_json::from_str(&once).unwrap());
        assert_eq!(once, again);
    }
}
