//! The closed vocabularies of the policy (channels, severities, responsibility types, …):
//! enums with one stable lower-case name each, the same in JSON and in every language.
//!
//! Reading an unknown name is an [`UnknownValue`] error whose code names the vocabulary
//! (`triage.unknown_severity`), never a panic, and never an echo of what was typed.

use crate::error::ErrorCode;

/// A name that is not in a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what}: expected one of {}", expected.join(", "))]
pub struct UnknownValue {
    code: &'static str,
    what: &'static str,
    expected: &'static [&'static str],
}

impl UnknownValue {
    /// An unknown value of the vocabulary `what`, with its code and accepted names.
    pub const fn new(
        code: &'static str,
        what: &'static str,
        expected: &'static [&'static str],
    ) -> Self {
        UnknownValue {
            code,
            what,
            expected,
        }
    }

    /// The names the vocabulary accepts.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl ErrorCode for UnknownValue {
    fn code(&self) -> &'static str {
        self.code
    }
}

/// Defines a vocabulary enum: `as_str`, `ALL`, `FromStr`, `Display` and serde as the name.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal, $code:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The names, in order.
            pub const NAMES: &'static [&'static str] = &[$($text,)+];

            /// The stable name, as in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownValue;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::vocabulary::UnknownValue::new($code, $what, $name::NAMES)),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }

        /// One of the names, as in JSON.
        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({ "type": "string", "enum": $name::NAMES })
            }
        }
    };
}

pub(crate) use vocabulary;
