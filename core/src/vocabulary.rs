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

/// A vocabulary as the bindings declare it (feature `schema`): what `tools/boundary` reads to
/// generate each binding's enum, with its documentation, from the one `vocabulary!` in the core.
#[cfg(feature = "schema")]
pub trait Declared: Sized + Copy + 'static {
    /// The Rust name of the enum (`Severity`).
    const NAME: &'static str;
    /// What a value is, in an error message (`severity`).
    const WHAT: &'static str;
    /// The code of an unknown name (`triage.unknown_severity`).
    const CODE: &'static str;
    /// The enum's doc comment, a line per line.
    const DOC: &'static str;
    /// Every value, in order.
    const VALUES: &'static [DeclaredValue];
}

/// One value of a [`Declared`] vocabulary.
#[cfg(feature = "schema")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredValue {
    /// The stable name, as in JSON (`major`).
    pub name: &'static str,
    /// The Rust variant (`Major`).
    pub variant: &'static str,
    /// Its doc comment, a line per line.
    pub doc: &'static str,
}

/// The text of a `doc` attribute and a line break; nothing for any other attribute.
#[cfg(feature = "schema")]
macro_rules! doc_line {
    (doc = $line:literal) => {
        concat!($line, "\n")
    };
    ($($other:tt)*) => {
        ""
    };
}

#[cfg(feature = "schema")]
pub(crate) use doc_line;

/// Defines a vocabulary enum: `as_str`, `ALL`, `FromStr`, `Display` and serde as the name;
/// with the feature `schema`, its JSON Schema and its [`Declared`] form.
macro_rules! vocabulary {
    (
        $(#[$($meta:tt)*])*
        pub enum $name:ident ($what:literal, $code:literal) {
            $($(#[$($vmeta:tt)*])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$($meta)*])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$($vmeta)*])* $variant,)+
        }

        #[cfg(feature = "schema")]
        impl $crate::vocabulary::Declared for $name {
            const NAME: &'static str = stringify!($name);
            const WHAT: &'static str = $what;
            const CODE: &'static str = $code;
            const DOC: &'static str =
                concat!($($crate::vocabulary::doc_line!($($meta)*),)*);
            const VALUES: &'static [$crate::vocabulary::DeclaredValue] = &[$(
                $crate::vocabulary::DeclaredValue {
                    name: $text,
                    variant: stringify!($variant),
                    doc: concat!($($crate::vocabulary::doc_line!($($vmeta)*),)*),
                },
            )+];
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
