//! The closed vocabularies (channel, severity, status, …) as UniFFI enums.
//!
//! Each core vocabulary enum gets a mirror with the same variants (UniFFI cannot add methods
//! to a type of another crate), converted both ways without a wildcard, so a value added to the
//! core fails this build instead of slipping through. Every mirror has its stable JSON name as
//! `as_str()` (and as `toString()` in Kotlin and Java, `description` in Swift) and a
//! `parse_<vocabulary>(name)` function that reads the name with the core's coded error
//! (`triage.unknown_severity`).

/// Mirrors a core vocabulary enum: the enum, conversions, its name as `Display` and `as_str`
/// (exported), and an exported `parse_*` function.
macro_rules! mirror_vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident = $core:ty, $parse:ident {
            $($(#[$vmeta:meta])* $variant:ident,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        #[uniffi::export(Display)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl From<$core> for $name {
            fn from(value: $core) -> Self {
                match value {
                    $(<$core>::$variant => $name::$variant,)+
                }
            }
        }

        impl From<$name> for $core {
            fn from(value: $name) -> Self {
                match value {
                    $($name::$variant => <$core>::$variant,)+
                }
            }
        }

        impl $crate::event::Wire for $name {
            fn to_wire(&self) -> ::serde_json::Value {
                ::serde_json::to_value(<$core>::from(*self)).unwrap_or(::serde_json::Value::Null)
            }

            fn from_wire(value: ::serde_json::Value) -> Option<Self> {
                ::serde_json::from_value::<$core>(value).ok().map(Into::into)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&<$core>::from(*self), f)
            }
        }

        #[uniffi::export]
        impl $name {
            /// The stable name, as in JSON (what `toString()` also gives, except in Python,
            /// whose generated enums do not take the name).
            pub fn as_str(&self) -> String {
                <$core>::from(*self).as_str().to_owned()
            }
        }

        /// Reads a value of this vocabulary from its stable name.
        ///
        /// # Errors
        /// The vocabulary's `unknown_*` code.
        #[uniffi::export]
        pub fn $parse(name: String) -> $crate::error::Result<$name> {
            $crate::error::guard(|| Ok(name.parse::<$core>()?.into()))
        }
    };
}

pub(crate) use mirror_vocabulary;

// The mirrors of the core's vocabularies, generated from their declarations by tools/boundary
// (`cargo run -p complaint-office-boundary`); each domain module re-exports its own.
include!("generated/vocabularies.rs");
