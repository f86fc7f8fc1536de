//! Archive and retention (§6): required documents, retention expiry, destruction.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_ARCHIVE: &str = r#"
/** A document of the archive file (§6.2.1). */
export type ArchiveDocument =
  | "registration_form" | "investigation_record" | "handling_plan" | "result_report"
  | "follow_up_record";
"#;
