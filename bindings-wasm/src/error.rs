//! Errors as JavaScript `Error` objects: `name` is `ComplaintOfficeError`, `code` the core's
//! stable dotted code, `clause` the policy clause behind it (or `null`), `index` the position
//! of the failing element of a batch or history (or `null`), `key` the place at fault: a
//! policy key, an event's key or a ledger column (or `null`).
//!
//! The message is the core's, which never contains a complainant's personal data; nothing is
//! added to it here.

use std::fmt::Display;

use complaint_office::ErrorCode;
use complaint_office::calendar::CalendarError;
use complaint_office::case::CaseError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS: &str = r#"
/** The area of an error code: a module of the library, `input` for JSON-like values nested
 * too deep or containing themselves, `binding` for arguments of the wrong
 * JavaScript type, `internal` for a bug of the library. */
export type ErrorArea =
  | "time" | "duration" | "number" | "policy" | "calendar" | "period" | "intake" | "classify"
  | "triage" | "case" | "history" | "office" | "accountability" | "archive" | "privacy"
  | "stats" | "input" | "binding" | "internal";

/** A stable dotted error code, the same in every language: `number.invalid_month`. */
export type ErrorCode = `${ErrorArea}.${string}`;

/** A clause of the complaint-handling policy: `§2.2.3`. */
export type Clause = `§${string}`;

/** Every error the library throws: a JavaScript `Error` with a stable code. */
export interface ComplaintOfficeError extends Error {
  readonly name: "ComplaintOfficeError";
  /** The stable code, like `calendar.out_of_range`. */
  readonly code: ErrorCode;
  /** The policy clause the error enforces, if a rule stands behind it. */
  readonly clause: Clause | null;
  /** The position of the failing event of a history or element of a batch. */
  readonly index: number | null;
  /** The place at fault: the dotted key of a policy setting (`deadlines.plan`), the key of an
   * event (`members[0].role`) or a ledger column. Keys name places, never values. */
  readonly key: string | null;
}
"#;

/// A failure on its way to JavaScript: a `ComplaintOfficeError`.
#[derive(Debug)]
pub struct Failure(JsValue);

impl Failure {
    /// An error with a code, an optional clause and a message.
    pub fn new(code: &str, clause: Option<&str>, message: &str) -> Self {
        Failure(make_error(code, clause, None, None, message))
    }

    /// A JavaScript argument of the wrong type (`binding.invalid_argument`): `what` names the
    /// parameter and the type expected, never the value.
    pub fn argument(what: &str) -> Self {
        Failure::new("binding.invalid_argument", None, what)
    }

    /// A key with `_` in an API object (`binding.invalid_argument`, `key` the key given):
    /// JavaScript's API objects are camelCase, only the stored formats (events, policy files,
    /// ledger rows, archive files) are snake_case. The message names the key and the name to
    /// use; keys are never personal data, and the value is never named.
    pub(crate) fn snake_key(what: &str, key: &str, index: Option<usize>) -> Self {
        // A key that is no key's name (a phone number with `_` in it) is not shown.
        let key = complaint_office::error::shown_key(key);
        let message = if key == "?" {
            format!(
                "{what}: a key with `_` (not shown: it is not a key's name); JavaScript's API objects are camelCase"
            )
        } else {
            let camel = camel_case(key);
            format!(
                "{what}: `{key}` is a stored format's spelling; JavaScript's API objects are camelCase: use `{camel}`"
            )
        };
        Failure(make_error(
            "binding.invalid_argument",
            None,
            index,
            Some(key),
            &message,
        ))
    }

    /// An argument of the wrong shape at `index` of an array (`binding.invalid_argument`).
    pub(crate) fn argument_at(what: &str, index: usize) -> Self {
        Failure(make_error(
            "binding.invalid_argument",
            None,
            Some(index),
            None,
            what,
        ))
    }

    /// A core error, with the position of the failing element when the core reports one.
    pub fn at<E: ErrorCode + Display>(error: &E, index: Option<usize>) -> Self {
        Failure(make_error(
            error.code(),
            error.clause(),
            index.or_else(|| error.index()),
            error.key(),
            &error.to_string(),
        ))
    }
}

impl<E: ErrorCode + Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure::at(&error, None)
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        failure.0
    }
}

/// `received_at` → `receivedAt`.
pub(crate) fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A history's failure names the event that was refused.
pub(crate) fn case_failure(error: CaseError) -> Failure {
    Failure::at(&error, error.index())
}

/// A batch's failure names the element that failed.
pub(crate) fn calendar_failure(error: CalendarError) -> Failure {
    let index = match &error {
        CalendarError::AtIndex { index, .. } => Some(*index),
        _ => None,
    };
    Failure::at(&error, index)
}

/// The JavaScript result of every fallible export.
pub type JsResult<T> = Result<T, Failure>;

pub(crate) fn make_error(
    code: &str,
    clause: Option<&str>,
    index: Option<usize>,
    key: Option<&str>,
    message: &str,
) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("ComplaintOfficeError");
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &value);
    };
    set("code", JsValue::from_str(code));
    set("clause", clause.map_or(JsValue::NULL, JsValue::from_str));
    set(
        "index",
        index.map_or(JsValue::NULL, |i| JsValue::from_f64(i as f64)),
    );
    set("key", key.map_or(JsValue::NULL, JsValue::from_str));
    error.into()
}

/// Whether `value` is an error thrown by this library.
#[wasm_bindgen(
    js_name = isComplaintOfficeError,
    unchecked_return_type = "value is ComplaintOfficeError"
)]
pub fn is_complaint_office_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> bool {
    value.is_instance_of::<js_sys::Error>()
        && js_sys::Reflect::get(&value, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == "ComplaintOfficeError")
}
