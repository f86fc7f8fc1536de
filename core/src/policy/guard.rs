//! The fast way in: a policy read straight into its schema, with no tree of values in between
//! and no key remembered on the way.
//!
//! Naming the key of a bad setting costs: serde_path_to_error and serde_ignored keep every key
//! they pass as an owned string, and the size checks walk a `serde_json::Value` built only for
//! them. Errors are rare, so loading first tries the plain way through [`Guard`], which
//! forwards every call of the format's deserialiser and gives up (with an empty error) on
//! anything the checked way would refuse or report: a key the schema does not have, a text, list
//! or table over its limit ([`super::limits`]), nesting past [`MAX_DEPTH`], or any error of
//! the format or the schema. The caller then loads the same input the checked way, which names
//! the key. So the fast way never accepts what the checked way refuses, and what it accepts it
//! reads the same way: it only ever stops earlier.

use std::borrow::Cow;

use serde::de::value::CowStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::format::TOML_DATETIME;
use super::limits::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_TEXT_BYTES};

/// `T` read from `de` the fast way, or `None` where the checked way must decide. With
/// `dates`, toml's datetime tables (`{ "$__toml_private_datetime": "2025-01-01" }`) are read
/// as their text, as the checked way reads TOML.
pub(super) fn deserialize<'de, T, D>(de: D, dates: bool) -> Option<T>
where
    T: de::Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(Guard {
        de,
        at: At { depth: 0, dates },
    })
    .ok()
}

/// Gives up: the checked way will name the key and the problem.
fn give_up<E: de::Error>() -> E {
    E::custom("")
}

/// Where a value stands: how many levels below the root, and whether toml's datetime tables
/// are read as text.
#[derive(Clone, Copy)]
struct At {
    depth: usize,
    dates: bool,
}

/// A deserialiser that forwards to `de`, for a value at `at`.
struct Guard<D> {
    de: D,
    at: At,
}

/// A visitor that forwards to `inner`, checking texts and wrapping lists and tables.
struct Wrap<V> {
    inner: V,
    at: At,
}

/// A seed that deserialises through a [`Guard`].
struct Seed<S> {
    inner: S,
    at: At,
}

/// The items of a list or the entries of a table, counted.
struct Items<'de, A> {
    inner: A,
    at: At,
    count: usize,
    /// A table's first key, read already to tell a datetime table, to be handed on first.
    first: Option<Cow<'de, str>>,
    /// The table has no more keys (it had none at all).
    ended: bool,
}

/// An enum's variant and its contents.
struct Variant<A> {
    inner: A,
    at: At,
}

fn text<E: de::Error>(len: usize) -> Result<(), E> {
    if len > MAX_TEXT_BYTES {
        Err(give_up())
    } else {
        Ok(())
    }
}

/// The items inside a list or table at `at` stand one level lower; past [`MAX_DEPTH`] the
/// checked way refuses them.
fn inside<E: de::Error>(at: At) -> Result<At, E> {
    if at.depth >= MAX_DEPTH {
        Err(give_up())
    } else {
        Ok(At {
            depth: at.depth + 1,
            ..at
        })
    }
}

macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method($($arg,)* Wrap { inner: visitor, at: self.at })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Guard<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    /// A value the schema ignores is a key it does not have.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, D::Error> {
        Err(give_up())
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_char(char);
    }

    // A JSON value cannot hold NaN or an infinity: the checked way reads TOML's as `null`.
    fn visit_f32<E: de::Error>(self, v: f32) -> Result<Self::Value, E> {
        if v.is_finite() {
            self.inner.visit_f32(v)
        } else {
            Err(give_up())
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() {
            self.inner.visit_f64(v)
        } else {
            Err(give_up())
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_string(v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_bytes(v)
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_borrowed_bytes(v)
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
        text(v.len())?;
        self.inner.visit_byte_buf(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Guard { de, at: self.at })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Guard { de, at: self.at })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_seq(Items {
            inner: seq,
            at: inside(self.at)?,
            count: 0,
            first: None,
            ended: false,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let at = inside(self.at)?;
        let mut first = None;
        let mut ended = false;
        if at.dates {
            match map.next_key_seed(KeySeed)? {
                Some(key) if key == TOML_DATETIME => {
                    let date: String = map.next_value()?;
                    // A table of the file that merely has that key, among others: the checked
                    // way leaves it a table.
                    if map.next_key::<de::IgnoredAny>()?.is_some() {
                        return Err(give_up());
                    }
                    text(date.len())?;
                    return self.inner.visit_string(date);
                }
                Some(key) => first = Some(key),
                None => ended = true,
            }
        }
        self.inner.visit_map(Items {
            inner: map,
            at,
            count: 0,
            first,
            ended,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(Variant {
            inner: data,
            at: inside(self.at)?,
        })
    }
}

/// A table's key, borrowed from the text where it can be.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Cow<'de, str>, D::Error> {
        de.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Guard { de, at: self.at })
    }
}

impl<A> Items<'_, A> {
    /// One more item: past [`MAX_LIST_ITEMS`] the checked way refuses the list or table.
    fn count<E: de::Error>(&mut self) -> Result<(), E> {
        self.count += 1;
        if self.count > MAX_LIST_ITEMS {
            Err(give_up())
        } else {
            Ok(())
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<'de, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let item = self.inner.next_element_seed(Seed {
            inner: seed,
            at: self.at,
        })?;
        if item.is_some() {
            self.count()?;
        }
        Ok(item)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Items<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let seed = Seed {
            inner: seed,
            at: self.at,
        };
        let key = if self.ended {
            None
        } else if let Some(key) = self.first.take() {
            Some(seed.deserialize(CowStrDeserializer::<A::Error>::new(key))?)
        } else {
            self.inner.next_key_seed(seed)?
        };
        if key.is_some() {
            self.count()?;
        }
        Ok(key)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(Seed {
            inner: seed,
            at: self.at,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Variant<A> {
    type Error = A::Error;
    type Variant = Variant<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.inner.variant_seed(Seed {
            inner: seed,
            at: self.at,
        })?;
        Ok((
            value,
            Variant {
                inner: variant,
                at: self.at,
            },
        ))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.newtype_variant_seed(Seed {
            inner: seed,
            at: self.at,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.inner.tuple_variant(
            len,
            Wrap {
                inner: visitor,
                at: self.at,
            },
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.inner.struct_variant(
            fields,
            Wrap {
                inner: visitor,
                at: self.at,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::PolicyFile;
    use super::super::format::{check_sizes, checked};
    use super::*;

    /// Every policy of the conformance vectors (`"policy": { … }` anywhere in them).
    fn vector_policies() -> Vec<Value> {
        fn collect(value: &Value, out: &mut Vec<Value>) {
            match value {
                Value::Object(map) => {
                    for (key, item) in map {
                        if key == "policy" && item.is_object() {
                            out.push(item.clone());
                        }
                        collect(item, out);
                    }
                }
                Value::Array(items) => items.iter().for_each(|item| collect(item, out)),
                _ => {}
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                collect(&serde_json::from_str(&text).unwrap(), &mut out);
            }
        }
        out
    }

    /// What the checked way makes of `policy`, where its sizes pass.
    fn the_checked_way(policy: &Value) -> Option<PolicyFile> {
        check_sizes(policy, &mut Vec::new()).ok()?;
        checked(policy.clone()).ok()
    }

    #[test]
    fn reads_every_vector_policy_as_the_checked_way_does() {
        let policies = vector_policies();
        assert!(policies.len() > 50, "{} policies", policies.len());
        let mut fast = 0;
        for policy in &policies {
            let expected = the_checked_way(policy);
            // From a value and from JSON text: the same file wherever the checked way reads
            // one, and nothing where it refuses.
            assert_eq!(
                deserialize::<PolicyFile, _>(policy, false),
                expected,
                "{policy}"
            );
            let text = policy.to_string();
            let mut de = serde_json::Deserializer::from_str(&text);
            assert_eq!(
                deserialize::<PolicyFile, _>(&mut de, false),
                expected,
                "{policy}"
            );
            // From TOML text (dates written as strings), where the policy can be written so.
            if let Ok(text) = toml::to_string(policy) {
                let de = toml::Deserializer::parse(&text).unwrap();
                assert_eq!(deserialize::<PolicyFile, _>(de, true), expected, "{text}");
            }
            fast += usize::from(expected.is_some());
        }
        assert!(fast > 50, "{fast} of {} read", policies.len());
    }

    #[test]
    fn gives_up_on_what_the_checked_way_must_name() {
        let category = json!({ "code": "other", "department": "quality", "keywords": ["a"] });
        let refused = [
            json!({ "colour": 1 }),
            json!({ "deadlines": { "plann": "10 days" } }),
            json!({ "classification": { "categories": [
                { "code": "other", "department": "quality", "keywords": ["a"], "colour": 1 }
            ] } }),
            json!({ "classification": { "categories": [
                { "code": "other", "labels": { "fr": "Autre" } }
            ] } }),
            json!({ "deadlines": { "plan": 13912345678_u64 } }),
            json!({ "name": "x".repeat(MAX_TEXT_BYTES + 1) }),
            json!({ "calendar": { "extra_off_days": vec![json!("2025-10-11"); MAX_LIST_ITEMS + 1] } }),
            json!({ "classification": { "categories": vec![category; MAX_LIST_ITEMS + 1] } }),
        ];
        for policy in refused {
            let summary: String = policy.to_string().chars().take(60).collect();
            assert_eq!(
                deserialize::<PolicyFile, _>(&policy, false),
                None,
                "{summary}"
            );
            let text = policy.to_string();
            let mut de = serde_json::Deserializer::from_str(&text);
            assert_eq!(
                deserialize::<PolicyFile, _>(&mut de, false),
                None,
                "{summary}"
            );
        }
    }

    #[test]
    fn reads_toml_dates_as_the_checked_way_does() {
        let toml_way = |text: &str| {
            let de = toml::Deserializer::parse(text).unwrap();
            deserialize::<PolicyFile, _>(de, true)
        };
        let checked_way = |text: &str| {
            let mut value: Value = toml::from_str(text).unwrap();
            super::super::format::dates_to_strings(&mut value, 0);
            checked(value).ok()
        };
        for text in [
            "effective_from = 2025-01-01",
            "[calendar]\nextra_off_days = [2025-10-11, 2025-12-31]",
            // Written by hand: a table with toml's own key alone reads as that key's text.
            "[effective_from]\n\"$__toml_private_datetime\" = \"2025-01-01\"",
        ] {
            let file = toml_way(text);
            assert!(file.is_some(), "{text}");
            assert_eq!(file, checked_way(text), "{text}");
        }
        // NaN and infinities, which a JSON value cannot hold, are the checked way's to refuse.
        for text in [
            "[sla]\ndue_soon_fraction = nan",
            "[sla]\ndue_soon_fraction = inf",
        ] {
            assert_eq!(toml_way(text), None, "{text}");
            assert_eq!(checked_way(text), None, "{text}");
        }
        assert!(toml_way("[sla]\ndue_soon_fraction = 0.5").is_some());
        // Beside other keys, or in JSON, such a table is no date.
        let text = "[effective_from]\n\"$__toml_private_datetime\" = \"2025-01-01\"\nx = 1";
        assert_eq!(toml_way(text), None);
        assert_eq!(checked_way(text), None);
        let json = json!({ "effective_from": { TOML_DATETIME: "2025-01-01" } });
        assert_eq!(deserialize::<PolicyFile, _>(&json, false), None);
        let dated = PolicyFile {
            effective_from: chrono::NaiveDate::from_ymd_opt(2025, 1, 1),
            ..PolicyFile::default()
        };
        assert_eq!(toml_way("effective_from = 2025-01-01"), Some(dated));
    }

    #[test]
    fn limits_are_those_of_the_checked_way() {
        // Read as a plain value, the guard passes exactly what `check_sizes` passes, except an
        // empty list or table at the deepest level (refused early: the checked way decides).
        let nested = |depth: usize, inner: Value| (0..depth).fold(inner, |v, _| json!([v]));
        let cases = [
            nested(MAX_DEPTH, json!(1)),
            nested(MAX_DEPTH + 1, json!(1)),
            nested(MAX_DEPTH - 1, json!({ "a": 1 })),
            nested(MAX_DEPTH, json!({ "a": 1 })),
            json!(vec![json!(1); MAX_LIST_ITEMS]),
            json!(vec![json!(1); MAX_LIST_ITEMS + 1]),
            Value::Object(
                (0..=MAX_LIST_ITEMS)
                    .map(|i| (i.to_string(), json!(1)))
                    .collect(),
            ),
            json!("x".repeat(MAX_TEXT_BYTES)),
            json!("x".repeat(MAX_TEXT_BYTES + 1)),
            json!({ "x".repeat(MAX_TEXT_BYTES): 1 }),
            json!({ "x".repeat(MAX_TEXT_BYTES + 1): 1 }),
        ];
        for value in cases {
            let sizes_pass = check_sizes(&value, &mut Vec::new()).is_ok();
            let summary: String = value.to_string().chars().take(60).collect();
            assert_eq!(
                deserialize::<Value, _>(&value, false).is_some(),
                sizes_pass,
                "{summary}"
            );
            let text = value.to_string();
            let mut de = serde_json::Deserializer::from_str(&text);
            assert_eq!(
                deserialize::<Value, _>(&mut de, false).is_some(),
                sizes_pass
            );
        }
    }
}
