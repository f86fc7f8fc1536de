//! Moving data across the boundary: results become plain objects, stored JSON data (policy
//! files, events) comes in as objects or text.

use serde::Serialize;
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

/// Stored JSON data given as text, or as an object (or class instance with `toJSON`) that
/// `JSON.stringify` turns into that text; `what` names the parameter in the error.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, Failure> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(Failure::argument(what));
    }
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Failure::argument(what))
}

/// The text of a value that is either text or an object of this package with `toString()`
/// (a `Duration`, a `ComplaintNumber`).
pub(crate) fn text_of(value: &JsValue, what: &str) -> Result<String, Failure> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match value.dyn_ref::<js_sys::Object>() {
        Some(object) if !value.is_function() => Ok(String::from(object.to_string())),
        _ => Err(Failure::argument(what)),
    }
}

/// The elements of a JavaScript array.
pub(crate) fn array_items(value: &JsValue, what: &str) -> Result<Vec<JsValue>, Failure> {
    if !js_sys::Array::is_array(value) {
        return Err(Failure::argument(what));
    }
    Ok(js_sys::Array::from(value).iter().collect())
}

/// A whole number given as a JavaScript number. Numbers too large for `i64` saturate: whether
/// they are in range is the library's to judge, with its own error code.
pub(crate) fn integer(value: f64, what: &str) -> Result<i64, Failure> {
    if value.is_finite() && value.fract() == 0.0 {
        // A whole finite number: `as` is exact within i64 and saturates beyond it.
        #[allow(clippy::cast_possible_truncation)]
        Ok(value as i64)
    } else {
        Err(Failure::argument(what))
    }
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
