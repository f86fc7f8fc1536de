//! The WebAssembly binding of complaint-office: the npm package `complaint-office`.
//!
//! A thin layer over the core crate: every export converts its JavaScript arguments, makes
//! one call into `complaint_office` and converts the result back. There are no rules here.
//!
//! * Names are the core's in camelCase (`add_working_days` → `addWorkingDays`), one file per
//!   domain, like the core's modules.
//! * Results are plain JavaScript objects with camelCase keys, typed precisely in the
//!   package's `.d.ts` (hand-written declarations next to each export, no `any`).
//! * Dates go out as `YYYY-MM-DD` text and instants as RFC 3339 text in the office offset; they
//!   come in as the same text or as a `Date`.
//! * Every failure is a JavaScript `Error` named `ComplaintOfficeError` with the core's stable
//!   `code` and the policy `clause` behind it ([`error`]). A panic, which should never happen,
//!   reaches JavaScript as such an error with code `internal.panic` (see [`mod@panic`]).
//!
//! The policy file and the case events are the host's stored data: they keep their
//! documented snake_case JSON shape (`complainant_kind`, `plan_extended_max`) in every
//! language, so JavaScript passes them as plain objects (or JSON text) unchanged.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod convert;
pub mod error;
pub mod panic;
pub mod time;

pub mod accountability;
pub mod archive;
pub mod calendar;
pub mod case;
pub mod classify;
pub mod duration;
pub mod history;
pub mod intake;
pub mod number;
pub mod office;
pub mod period;
pub mod policy;
pub mod privacy;
pub mod stats;
pub mod triage;
pub mod vocabulary;

use wasm_bindgen::prelude::*;

/// The library version (the npm package's version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
