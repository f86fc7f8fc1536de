//! # complaint-office
//!
//! A company's complaint-handling policy (投訴室管理制度) as executable rules: complaint
//! numbering, intake, classification, triage, deadlines on the PRC working-day calendar under
//! the Civil Code's period rules, the case lifecycle, accountability, retention and statistics.
//!
//! The library decides and computes; it never stores, sends or reads the clock. The host owns
//! persistence, users and time: every function that needs "now" takes it as an argument, so
//! every rule is deterministic and identical in every language that embeds it.
//!
//! ```
//! use complaint_office::prelude::*;
//!
//! let policy = Policy::default();
//! let received = parse_instant("2025-09-26T10:00:00+08:00")?;
//!
//! // §2.2.3: the first complaint of September 2025.
//! let number = NumberSequences::new().issue(YearMonth::of_instant(received, policy.office_offset()))?;
//! assert_eq!(number.to_string(), "25090001");
//!
//! // §4.4.1: feedback within 3 working days; National Day is a week off, 28 Sept is worked.
//! let feedback = period::end(policy.calendar(), received, policy.deadlines().feedback)?;
//! assert_eq!(feedback.last_day.to_string(), "2025-09-30");
//! # Ok::<(), complaint_office::Error>(())
//! ```
//!
//! Every error has a stable [`code`](ErrorCode::code) and, where a policy rule stands behind
//! it, the [`clause`](ErrorCode::clause) it enforces.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod accountability;
pub mod archive;
pub mod calendar;
pub mod case;
pub mod classify;
pub mod confidential;
pub mod duration;
pub mod error;
pub mod history;
pub mod input;
pub mod intake;
mod language;
mod library_error;
pub mod number;
pub mod office;
pub mod period;
pub mod policy;
mod policy_error;
pub mod privacy;
pub mod stats;
#[cfg(feature = "proptest")]
pub mod testing;
pub mod time;
pub mod triage;
pub mod vocabulary;

/// The Rust blocks of the repository's README: doc tests, so that every snippet it shows runs.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The Rust "first hour" page (`docs/first-hour/rust.md`): each block is a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../docs/first-hour/rust.md")]
pub struct FirstHourDoctests;

pub use error::ErrorCode;
pub use input::{InputError, MAX_NESTING};
pub use library_error::Error;

/// The names most programs need, in one import.
pub mod prelude {
    pub use crate::calendar::Calendar;
    pub use crate::duration::{Duration, Unit};
    pub use crate::error::ErrorCode;
    pub use crate::library_error::Error;
    pub use crate::number::{ComplaintNumber, NumberAllocator, NumberSequences};
    pub use crate::period::{self, Deadline};
    pub use crate::policy::{Policy, PolicySet};
    pub use crate::time::{Instant, YearMonth, parse_date, parse_instant};
}
