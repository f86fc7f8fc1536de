//! Confidentiality (§1.3.4): masking names, phones, e-mails and ID numbers; what each role may
//! see of a complainant's personal data.

use complaint_office::privacy::{self as core_privacy, Field, MaskKind, PersonalData, Role};
use wasm_bindgen::prelude::*;

use crate::convert::{string_in, to_js};
use crate::error::{Failure, JsResult};

#[wasm_bindgen(typescript_custom_section)]
const TS_PRIVACY: &str = r#"
/** A complainant's personal data, by field; absent fields may be left out. */
export type PersonalData = { [F in PersonalField]?: string | null };
/** Personal data as a role sees it: every field, `null` where absent or hidden. */
export type PersonalView = { [F in PersonalField]: string | null };
"#;

/// Masks `value` as a `kind`: `138****5678`, `張*`, `z*******@example.com`. Never fails: a
/// blank value gives `""`, a value of no known form `"***"`.
#[wasm_bindgen]
pub fn mask(
    #[wasm_bindgen(unchecked_param_type = "MaskKind")] kind: &str,
    value: &str,
) -> JsResult<String> {
    Ok(core_privacy::mask(kind.parse::<MaskKind>()?, value))
}

/// Whether `value` has a form that masking of `kind` recognises.
#[wasm_bindgen(js_name = isRecognised)]
pub fn is_recognised(
    #[wasm_bindgen(unchecked_param_type = "MaskKind")] kind: &str,
    value: &str,
) -> JsResult<bool> {
    Ok(core_privacy::is_recognised(
        kind.parse::<MaskKind>()?,
        value,
    ))
}

/// How much of `field` a `role` sees (fixed by §1.3.4, not policy data).
#[wasm_bindgen(unchecked_return_type = "Visibility")]
pub fn visibility(
    #[wasm_bindgen(unchecked_param_type = "Role")] role: &str,
    #[wasm_bindgen(unchecked_param_type = "PersonalField")] field: &str,
) -> JsResult<String> {
    let role = role.parse::<Role>()?;
    let field = field.parse::<Field>()?;
    Ok(core_privacy::visibility(role, field).as_str().to_owned())
}

/// The personal data as `role` sees it: hidden fields `null`, masked ones masked, and in a
/// masked content every recorded identity value the role may not see replaced.
#[wasm_bindgen(js_name = viewPersonalData, unchecked_return_type = "PersonalView")]
pub fn view_personal_data(
    #[wasm_bindgen(unchecked_param_type = "PersonalData")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Role")] role: &str,
) -> JsResult<JsValue> {
    let role = role.parse::<Role>()?;
    view_out(&personal_data_in(&data)?.view(role))
}

/// Personal data given as an object keyed by field names (`privacy.unknown_field` otherwise).
pub(crate) fn personal_data_in(value: &JsValue) -> JsResult<PersonalData> {
    let what = "data: an object of personal fields (text or null) expected";
    let object = value
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !js_sys::Array::is_array(value))
        .ok_or_else(|| Failure::argument(what))?;
    let mut data = PersonalData::default();
    for entry in js_sys::Object::entries(object).iter() {
        let pair = js_sys::Array::from(&entry);
        let key = string_in(&pair.get(0))?.ok_or_else(|| Failure::argument(what))?;
        let field = key.parse::<Field>()?;
        let value = pair.get(1);
        let value = if value.is_null() || value.is_undefined() {
            None
        } else {
            Some(string_in(&value)?.ok_or_else(|| Failure::argument(what))?)
        };
        data.set(field, value);
    }
    Ok(data)
}

/// A view as an object with all five fields.
pub(crate) fn view_out(view: &PersonalData) -> JsResult<JsValue> {
    to_js(&view_map(view))
}

/// `PersonalView` of the `.d.ts`, inside a result record.
impl serde::Serialize for crate::convert::Js<'_, PersonalData> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        view_map(self.0).serialize(serializer)
    }
}

/// A view's five fields (`PersonalView` of the `.d.ts`), `null` where absent or hidden.
pub(crate) fn view_map(view: &PersonalData) -> serde_json::Map<String, serde_json::Value> {
    Field::ALL
        .iter()
        .map(|&f| {
            let value = view.get(f).map_or(serde_json::Value::Null, |v| v.into());
            (f.as_str().to_owned(), value)
        })
        .collect()
}
