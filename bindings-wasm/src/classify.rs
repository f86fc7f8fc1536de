//! Classification (§2.2.2): categories, keyword suggestion with reasons, department routing.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_CLASSIFY: &str = r#"
/** The `[classification]` section of a policy file. */
export type ClassificationSection = Record<string, never>;
"#;
