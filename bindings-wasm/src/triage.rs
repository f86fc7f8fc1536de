//! Triage (§2.2.4, §4.1.2): severity × urgency → emergency procedure, handling track.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TRIAGE: &str = r#"
/** How serious a complaint is (§2.2.4). */
export type Severity = "general" | "serious" | "major";
/** How urgent it is (§2.2.4). */
export type Urgency = "normal" | "urgent";
/** How complex it is (§4.1.2). */
export type Complexity = "simple" | "complex";
/** The handling track (§4.1.2). */
export type Track = "general" | "complex" | "major";
/** The `[triage]` section of a policy file. */
export type TriageRulesSection = Record<string, never>;
"#;
