//! Accountability (§8): responsibility findings → discipline level and sanctions.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ACCOUNTABILITY: &str = r#"
/** The type of responsibility (§8.1). */
export type Responsibility = "direct" | "primary" | "secondary" | "leadership";
/** The fault (§8.2). */
export type Fault = "intentional" | "gross_negligence" | "negligence";
/** The consequence (§8.2). */
export type Consequence = "general" | "serious";
/** A discipline level (§8.2). */
export type Level = "light" | "heavy" | "dismissal";
/** A sanction (§8.2). */
export type Sanction =
  | "criticism_education" | "warning" | "fine" | "demotion" | "pay_cut" | "termination"
  | "legal_liability";
/** A responsibility finding of a handling plan (§4.1.1, §8.1). */
export interface ResponsibilityFinding {
  subject: string;
  responsibility: Responsibility;
  fault: Fault;
  consequence: Consequence;
  nature?: string;
  degree?: string;
  scope?: string;
}
/** The `[discipline]` section of a policy file. */
export type DisciplineTableSection = Record<string, never>;
"#;
