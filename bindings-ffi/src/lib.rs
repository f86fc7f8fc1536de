//! # complaint-office-ffi
//!
//! The UniFFI binding of `complaint-office`: the same rules in process from Kotlin and Java
//! (JVM, Android), Swift (iOS, macOS) and Python. Bindings are generated in library mode from
//! the compiled library by `scripts/build-ffi` (see `bindings-ffi/README.md`).
//!
//! The binding is thin: each function converts its arguments, makes one call into the core and
//! converts the result. It holds no rules.
//!
//! - One file per area of the core (`calendar.rs`, `case.rs`, `number.rs`, …), with the
//!   core's names (`add_working_days` becomes `addWorkingDays` in Kotlin).
//! - Core types with private fields (`Duration`, `ComplaintNumber`, `Policy`, `Calendar`,
//!   `Case`, …) are UniFFI objects with the core's constructors and methods; plain data
//!   (`Deadline`, `DayInfo`, `Schedule`, …) are records; closed vocabularies are enums that
//!   print as their stable names.
//! - Events come typed ([`event::CaseEvent`], a sealed class in Kotlin, one variant per event
//!   type) or as the JSON a host stores ([`case::Event`]); both are the core's event.
//! - Instants, dates, offsets and months are `java.time` types on the JVM (see [`time`]).
//! - No unsigned integers in the API: Java cannot call Kotlin functions that take them.
//! - Every error is a [`ComplaintOfficeError`](error::ComplaintOfficeError) with the core's
//!   stable `code` and `clause`; a panic is caught at the boundary (`internal.panic`).

#![deny(missing_docs)]

uniffi::setup_scaffolding!();

pub mod accountability;
pub mod archive;
pub mod calendar;
pub mod case;
pub mod classify;
pub mod duration;
pub mod error;
pub mod event;
pub mod history;
pub mod intake;
pub mod number;
pub mod office;
pub mod period;
pub mod policy;
pub mod privacy;
pub mod stats;
pub mod time;
pub mod triage;
mod vocabulary;

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
