//! A wrapper for values that may hold a complainant's personal data (§1.3.4).
//!
//! Free text in a case (what the complaint says, a report, an objection, suggestions) can name
//! people and repeat phone numbers. [`Confidential`] serializes exactly as the value it holds,
//! so a host stores and reads it unchanged, but its `Debug` never prints it: a case that ends up
//! in a log line or a panic message leaks nothing.
//!
//! ```
//! use complaint_office::confidential::Confidential;
//! let note = Confidential::new("張三 13812345678".to_owned());
//! assert_eq!(format!("{note:?}"), "Confidential(<redacted>)");
//! assert_eq!(note.expose(), "張三 13812345678");
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value kept out of `Debug` output. Compare, clone and serialize it like the value itself.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Confidential<T>(T);

impl<T> Confidential<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Confidential(value)
    }

    /// The value, for code that is allowed to see it (the complaint office's own view).
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl Confidential<String> {
    /// Whether the text is empty or only white space.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl<T> fmt::Debug for Confidential<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Confidential(<redacted>)")
    }
}

impl<T> From<T> for Confidential<T> {
    fn from(value: T) -> Self {
        Confidential(value)
    }
}

/// Written as the value itself.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Confidential<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

impl<T: Serialize> Serialize for Confidential<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Confidential<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Confidential)
    }
}
