//! Moving data across the boundary: results become plain objects, stored JSON data (policy
//! files, events) comes in as objects or text.

use complaint_office::ErrorCode;
use complaint_office::input::{InputError, MAX_NESTING, MAX_TEXT_FILE_BYTES, check_nesting};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::error::Failure;

/// A result as a plain JavaScript object: written as JSON by serde and read by `JSON.parse`, so
/// maps are objects, `None` is `null` and integers are numbers, the way the contract's JSON
/// has them. (One serializer for every result type keeps the module small: a serializer that
/// builds objects through calls into JavaScript costs more code per type.)
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Failure> {
    let internal = || {
        Failure::new(
            "internal.serialize",
            None,
            "internal error: cannot convert a result",
        )
    };
    let text = serde_json::to_string(value).map_err(|_| internal())?;
    js_sys::JSON::parse(&text).map_err(|_| internal())
}

/// A core value in its JavaScript form: a result record with its keys camelCased, an instant
/// as RFC 3339 text. The records' `Serialize` is generated from the core's structs by
/// `tools/boundary` (`generated/records.rs`, included below), so a record has no mirror struct
/// here; [`to_js`] turns the result into a plain object.
pub(crate) struct Js<'a, T: ?Sized>(pub(crate) &'a T);

impl<T> Serialize for Js<'_, Option<T>>
where
    for<'a> Js<'a, T>: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(value) => serializer.serialize_some(&Js(value)),
            None => serializer.serialize_none(),
        }
    }
}

impl<T> Serialize for Js<'_, [T]>
where
    for<'a> Js<'a, T>: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(Js))
    }
}

impl<T> Serialize for Js<'_, Vec<T>>
where
    for<'a> Js<'a, T>: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Js(self.0.as_slice()).serialize(serializer)
    }
}

/// An instant as every binding writes it (`+00:00`, never `Z`: chrono's own serde form).
impl Serialize for Js<'_, complaint_office::time::Instant> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&complaint_office::time::format_instant(self.0))
    }
}

/// A name shared between a caseload's entries.
impl Serialize for Js<'_, std::sync::Arc<str>> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

include!("generated/records.rs");

/// Stored JSON data given as text, or as an object (or class instance with `toJSON`) that
/// `JSON.stringify` turns into that text; `what` names the parameter in the error.
///
/// An object is bounded as JSON text is: nested more than [`MAX_NESTING`] levels of arrays and
/// objects it is `input.too_deep`, containing itself `input.cycle` (the codes of every
/// binding), never the bare `TypeError` or `RangeError` of `JSON.stringify`.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, Failure> {
    json_text_within(value, what, MAX_TEXT_FILE_BYTES, &JsValue::UNDEFINED)
}

/// [`json_text`] for a whole document (a policy file, holiday data, histories): at most
/// `max_bytes` bytes of JSON text (`default` when `None`), else `input.too_large`.
///
/// A lone surrogate anywhere in the value, in text or inside an object, is
/// `input.invalid_text`: `JSON.stringify` writes it as a `\udXXX` escape that would otherwise
/// reach the parser, and the text of a string argument would otherwise become U+FFFD.
pub(crate) fn json_text_within(
    value: &JsValue,
    what: &str,
    default: u64,
    max_bytes: &JsValue,
) -> Result<String, Failure> {
    let max = max_bytes_or(max_bytes, default)?;
    if let Some(text) = string_in(value)? {
        within(text.len(), max)?;
        return Ok(text);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(Failure::argument(what));
    }
    match js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
    {
        Some(text) => {
            within(text.len(), max)?;
            check_nesting(&text)?;
            if has_lone_surrogate_escape(&text) {
                return Err(InputError::InvalidText.into());
            }
            Ok(text)
        }
        // A cycle (`TypeError`), nesting too deep for the engine (`RangeError`), or anything
        // else `JSON.stringify` refuses (a BigInt, a throwing getter): the shape says which.
        None => Err(shape_fault(value, &mut Vec::new())
            .map_or_else(|| Failure::argument(what), Failure::from)),
    }
}

/// An API object (an options object, a complaint to check), given as an object or its JSON
/// text, read into `T` (which names its fields in camelCase). A key with `_`, at any depth, is
/// refused first, naming the camelCase key to use ([`Failure::snake_key`]); any other wrong
/// shape is `binding.invalid_argument` with `what`.
pub(crate) fn api_object<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, Failure> {
    let value: serde_json::Value =
        serde_json::from_str(&json_text(value, what)?).map_err(|_| Failure::argument(what))?;
    if let Some(key) = snake_key_in(&value) {
        return Err(Failure::snake_key(what, key, None));
    }
    serde_json::from_value(value).map_err(|_| Failure::argument(what))
}

/// The first key with `_` in the objects of `value`, nested ones included (an API object's
/// parts are API objects too: `CsvOptions.columns`).
fn snake_key_in(value: &serde_json::Value) -> Option<&str> {
    match value {
        serde_json::Value::Object(object) => object.iter().find_map(|(key, item)| {
            if key.contains('_') {
                Some(key.as_str())
            } else {
                snake_key_in(item)
            }
        }),
        serde_json::Value::Array(items) => items.iter().find_map(snake_key_in),
        _ => None,
    }
}

/// [`api_object`]'s check of the keys for an object read property by property (one that may
/// hold a `Date` or a Temporal value, which JSON would not keep): the first own key with `_` is
/// refused, with the position of the object in its array.
pub(crate) fn camel_case_keys(
    value: &JsValue,
    what: &str,
    index: Option<usize>,
) -> Result<(), Failure> {
    let Some(object) = value.dyn_ref::<js_sys::Object>() else {
        return Ok(());
    };
    for key in js_sys::Object::keys(object).iter() {
        if let Some(key) = key.as_string().filter(|key| key.contains('_')) {
            return Err(Failure::snake_key(what, &key, index));
        }
    }
    Ok(())
}

/// What is wrong with the shape of `value` below the objects of `path`, if anything: an
/// object inside itself, or more than [`MAX_NESTING`] levels. Walks own properties, at most
/// [`MAX_NESTING`] levels down.
fn shape_fault(value: &JsValue, path: &mut Vec<js_sys::Object>) -> Option<InputError> {
    if !value.is_object() || value.is_function() {
        return None;
    }
    let object = js_sys::Object::from(value.clone());
    if path.iter().any(|outer| js_sys::Object::is(outer, &object)) {
        return Some(InputError::Cycle);
    }
    if path.len() >= MAX_NESTING {
        return Some(InputError::TooDeep);
    }
    let keys = js_sys::Reflect::own_keys(&object).ok()?;
    path.push(object);
    let mut fault = None;
    for key in keys.iter().filter(JsValue::is_string) {
        let Some(object) = path.last() else { break };
        if let Ok(item) = js_sys::Reflect::get(object, &key) {
            fault = shape_fault(&item, path);
            if fault.is_some() {
                break;
            }
        }
    }
    path.pop();
    fault
}

/// The text of a value that is either text or an object of this package with `toString()`
/// (a `Duration`, a `ComplaintNumber`). An array is never one; a `toString` that throws (an
/// array nested 15,000 deep inside an object would, with a `RangeError`) is refused with a
/// code instead of unwinding through the module.
pub(crate) fn text_of(value: &JsValue, what: &str) -> Result<String, Failure> {
    if let Some(text) = string_in(value)? {
        return Ok(text);
    }
    if !value.is_object() || value.is_function() || js_sys::Array::is_array(value) {
        return Err(Failure::argument(what));
    }
    let text = js_sys::Reflect::get(value, &JsValue::from_str("toString"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(value).ok())
        .ok_or_else(|| Failure::argument(what))?;
    string_in(&text)?.ok_or_else(|| Failure::argument(what))
}

/// A JavaScript boolean argument: anything else is `binding.invalid_argument` (the engine's
/// own conversion would throw a bare `TypeError` for a BigInt or a Symbol).
pub(crate) fn bool_in(value: &JsValue, what: &str) -> Result<bool, Failure> {
    value.as_bool().ok_or_else(|| Failure::argument(what))
}

/// The elements of a JavaScript array.
pub(crate) fn array_items(value: &JsValue, what: &str) -> Result<Vec<JsValue>, Failure> {
    if !js_sys::Array::is_array(value) {
        return Err(Failure::argument(what));
    }
    Ok(js_sys::Array::from(value).iter().collect())
}

/// The largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A whole number given as a JavaScript number: a safe integer (at most 2^53 − 1 either
/// way), else `input.invalid_number` — NaN, ±Infinity, `1.5` or `2 ** 80` are never rounded,
/// wrapped or saturated into another number. Whether it is in range is then the library's
/// to judge, with its own error code.
pub(crate) fn integer(value: f64, what: &str) -> Result<i64, Failure> {
    if value.is_finite() && value.fract() == 0.0 && value.abs() <= MAX_SAFE_INTEGER {
        // A safe integer: `as` is exact.
        #[allow(clippy::cast_possible_truncation)]
        Ok(value as i64)
    } else {
        Err(invalid_number(what))
    }
}

/// A count or a size given as a JavaScript number: a safe integer that is not negative,
/// else `input.invalid_number`.
pub(crate) fn count(value: f64, what: &str) -> Result<u64, Failure> {
    u64::try_from(integer(value, what)?).map_err(|_| invalid_number(what))
}

/// A JavaScript number argument: anything else (a BigInt, a Symbol, an object) is
/// `binding.invalid_argument` — the engine's own conversion to a wasm `f64` would throw a bare
/// `TypeError`, or a `RangeError` for an array nested deep, before the library saw it.
pub(crate) fn number_in(value: &JsValue, what: &str) -> Result<f64, Failure> {
    value.as_f64().ok_or_else(|| Failure::argument(what))
}

/// [`integer`] of a JavaScript argument ([`number_in`]).
pub(crate) fn integer_in(value: &JsValue, what: &str) -> Result<i64, Failure> {
    integer(number_in(value, what)?, what)
}

/// `input.invalid_number`, naming the parameter (never the value).
fn invalid_number(what: &str) -> Failure {
    Failure::new(
        InputError::InvalidNumber.code(),
        None,
        &format!("{what} (a safe integer; not NaN, ±Infinity, a fraction or a negative count)"),
    )
}

/// The text of a JavaScript string, or `None` for any other value; a string holding a lone
/// surrogate is `input.invalid_text` (its UTF-8 copy would hold U+FFFD instead: a silent
/// change of the caller's text).
pub(crate) fn string_in(value: &JsValue) -> Result<Option<String>, Failure> {
    thread_local! {
        // `String.prototype.isWellFormed` is newer than Node 18: a Unicode-mode regular
        // expression matches a surrogate only where it is alone.
        static LONE_SURROGATE: js_sys::RegExp = js_sys::RegExp::new("\\p{Surrogate}", "u");
    }
    match value.dyn_ref::<js_sys::JsString>() {
        Some(text) if LONE_SURROGATE.with(|lone| text.search(lone)) >= 0 => {
            Err(InputError::InvalidText.into())
        }
        Some(_) => Ok(value.as_string()),
        None => Ok(None),
    }
}

/// Whether JSON text written by `JSON.stringify` holds a `\udXXX` escape of a surrogate:
/// `JSON.stringify` writes paired surrogates as characters and only lone ones as escapes.
fn has_lone_surrogate_escape(text: &str) -> bool {
    if !text.contains("\\u") {
        return false;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'\\') {
            let next = bytes.get(i + 1).copied();
            if next == Some(b'u') {
                let hex = bytes.get(i + 2..i + 6).unwrap_or_default();
                if matches!(hex.first(), Some(b'd' | b'D'))
                    && matches!(hex.get(1), Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
                {
                    return true;
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// The maximum size of a document: `max_bytes` (a count) or, when it is `undefined` or
/// `null`, `default`.
pub(crate) fn max_bytes_or(max_bytes: &JsValue, default: u64) -> Result<u64, Failure> {
    const WHAT: &str = "maxBytes: a number of bytes expected";
    if max_bytes.is_undefined() || max_bytes.is_null() {
        return Ok(default);
    }
    count(number_in(max_bytes, WHAT)?, WHAT)
}

/// `input.too_large` for a document of `size` bytes over `max`.
pub(crate) fn within(size: usize, max: u64) -> Result<(), Failure> {
    if size as u64 > max {
        return Err(InputError::TooLarge {
            what: "the input's size in bytes",
            max,
        }
        .into());
    }
    Ok(())
}

/// A whole number for a `u32` parameter of the core, saturating at its bounds.
pub(crate) fn saturating_u32(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}

/// A whole number for an `i32` parameter of the core, saturating at its bounds.
pub(crate) fn saturating_i32(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

/// An optional result: the value, or `null` (not `undefined`), as in the JSON shapes.
pub(crate) fn or_null<T: Into<JsValue>>(value: Option<T>) -> JsValue {
    value.map_or(JsValue::NULL, Into::into)
}
