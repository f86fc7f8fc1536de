//! Moving data across the boundary: results become plain objects, stored JSON data (policy
//! files, events) comes in as objects or text.

use complaint_office::input::{InputError, MAX_NESTING, check_nesting};
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
///
/// An object is bounded as JSON text is: nested more than [`MAX_NESTING`] levels of arrays and
/// objects it is `input.too_deep`, containing itself `input.cycle` (the codes of every
/// binding), never the bare `TypeError` or `RangeError` of `JSON.stringify`.
pub(crate) fn json_text(value: &JsValue, what: &str) -> Result<String, Failure> {
    if let Some(text) = value.as_string() {
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
            check_nesting(&text)?;
            Ok(text)
        }
        // A cycle (`TypeError`), nesting too deep for the engine (`RangeError`), or anything
        // else `JSON.stringify` refuses (a BigInt, a throwing getter): the shape says which.
        None => Err(shape_fault(value, &mut Vec::new())
            .map_or_else(|| Failure::argument(what), Failure::from)),
    }
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
