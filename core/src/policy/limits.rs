//! The sizes a policy may have. A policy file is outside input: each limit is far above any
//! real policy (which has tens of categories and hundreds of keywords) and is checked before
//! the work it would cost, so loading stays linear in the size of the file and a file over a
//! limit is refused with `policy.too_large` naming the key, never by running out of time or
//! memory.
//!
//! | what | limit | key named |
//! |---|---:|---|
//! | policy text (TOML or JSON) | 64 MiB | `(root)` |
//! | nesting of tables and lists | 32 levels | the key at that depth |
//! | items of any list, keys of any table | 100,000 | the list |
//! | any text value or key | 64 KiB | the key (a key too long: its table) |
//! | `classification.categories` | 100,000 | `classification.categories` |
//! | `classification.departments` | 10,000 | `classification.departments` |
//! | keywords of all categories together | 1,000,000 | the category's `keywords` where the count passes it |
//! | a keyword | 256 characters | the keyword |
//! | rungs of a reminder ladder | 1,000 | `reminders.ladder` or `reminders.stages.<stage>` |
//! | `calendars` | 100 | `calendars` |

pub use super::calendars::MAX_CALENDARS;
pub use super::reminders::MAX_RUNGS;
pub use crate::classify::{MAX_CATEGORIES, MAX_DEPARTMENTS, MAX_KEYWORD_CHARS, MAX_KEYWORDS};

/// The most bytes of policy text [`Policy::from_toml_str`](super::Policy::from_toml_str) and
/// [`Policy::from_json_str`](super::Policy::from_json_str) read.
pub const MAX_POLICY_BYTES: usize = 64 * 1024 * 1024;

/// The most levels of tables and lists inside one another (the schema has six).
pub const MAX_DEPTH: usize = 32;

/// The most items of any list, and keys of any table, in a policy.
pub const MAX_LIST_ITEMS: usize = 100_000;

/// The most bytes of any text value, or key, in a policy.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
