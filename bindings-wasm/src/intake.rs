//! Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, required fields, completeness.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_INTAKE: &str = r#"
/** How a complaint arrived (§2.1). */
export type Channel = "email" | "hotline" | "on_site" | "oa";
/** Who complains (§1.2). */
export type ComplainantKind = "employee" | "customer" | "partner";
/** A field of the registration record (§2.2.1). */
export type Field = "name" | "contact" | "time" | "content";
/** The `[intake]` section of a policy file. */
export type IntakeRulesSection = Record<string, never>;
"#;
