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
//!
//! The checked way is the same guard over the policy's JSON value, with a [`Track`]: it
//! remembers where it is (keys, list indexes), notes the first key the schema does not have
//! and goes on, and on an error keeps the path of the innermost value that failed. The paths
//! are written as serde_path_to_error (errors) and serde_ignored (unknown keys) wrote them
//! when the checked way used those crates: the schema's deserialisation code exists once for a
//! JSON value, not once more per wrapper.

use std::borrow::Cow;
use std::cell::RefCell;

use serde::de::value::CowStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

use super::format::TOML_DATETIME;
use super::limits::{MAX_DEPTH, MAX_LIST_ITEMS, MAX_TEXT_BYTES};
use crate::error::shown_key;

/// `T` read from `de` the fast way, or `None` where the checked way must decide. With
/// `dates`, toml's datetime tables (`{ "$__toml_private_datetime": "2025-01-01" }`) are read
/// as their text, as the checked way reads TOML.
#[cfg(feature = "policy-fast")]
pub(super) fn deserialize<'de, T, D>(de: D, dates: bool) -> Option<T>
where
    T: de::Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(Guard {
        de,
        at: At {
            depth: 0,
            dates,
            track: None,
            key: false,
        },
    })
    .ok()
}

/// A value read the checked way: `T`, and the path of the first key the schema does not have
/// (`None` when there is none).
pub(super) type Checked<T> = Result<(T, Option<String>), Failure>;

/// Where and why the checked way failed: the path of the value (`deadlines.plan_extended_max`,
/// `.` for the root) and serde's message.
#[derive(Debug)]
pub(super) struct Failure {
    pub path: String,
    pub message: String,
}

/// `T` read from `value` the checked way, after its sizes were checked
/// ([`super::format::check_sizes`]): no limit is checked again, an unknown key is noted (the
/// first one) and reading goes on, and an error names the path of the value that failed.
pub(super) fn deserialize_checked<'de, T>(value: &'de serde_json::Value) -> Checked<T>
where
    T: de::Deserialize<'de>,
{
    let track = Track::default();
    let read = T::deserialize(Guard {
        de: value,
        at: At {
            depth: 0,
            dates: false,
            track: Some(&track),
            key: false,
        },
    });
    match read {
        Ok(value) => Ok((value, track.unknown.into_inner())),
        Err(e) => Err(Failure {
            path: track
                .failed_at
                .into_inner()
                .unwrap_or_else(|| ".".to_owned()),
            message: e.to_string(),
        }),
    }
}

/// A step of the path the checked way is at.
enum Step {
    /// The value of a table's key.
    Key(String),
    /// An item of a list.
    Index(usize),
    /// The contents of an enum's variant (named in error paths only).
    Variant(String),
    /// Inside an `Option`, a newtype or a newtype variant (`?` in unknown-key paths only).
    Inner,
}

/// The checked way's memory: where it is, the first unknown key, where the first error arose.
#[derive(Default)]
pub(super) struct Track {
    steps: RefCell<Vec<Step>>,
    /// The text of the key (or variant) read last, until its value is read.
    key: RefCell<Option<String>>,
    unknown: RefCell<Option<String>>,
    failed_at: RefCell<Option<String>>,
}

impl Track {
    /// `read` one level down at `step`; on an error, the path there is the error's (unless
    /// a deeper one was noted first).
    fn at<R, E>(&self, step: Step, read: impl FnOnce() -> Result<R, E>) -> Result<R, E> {
        self.steps.borrow_mut().push(step);
        let result = read();
        if result.is_err() {
            self.fail();
        }
        self.steps.borrow_mut().pop();
        result
    }

    /// Notes the current path as the error's, if no deeper one was noted.
    fn fail(&self) {
        let mut failed_at = self.failed_at.borrow_mut();
        if failed_at.is_none() {
            *failed_at = Some(self.error_path());
        }
    }

    /// Notes the current path as an unknown key, if it is the first.
    fn unknown_key(&self) {
        let mut unknown = self.unknown.borrow_mut();
        if unknown.is_none() {
            *unknown = Some(self.unknown_path());
        }
    }

    /// The path as serde_path_to_error writes it: `a.b[3].c`, `.` for the root.
    fn error_path(&self) -> String {
        let mut out = String::new();
        let mut separator = false;
        for step in self.steps.borrow().iter() {
            match step {
                Step::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
                Step::Key(key) | Step::Variant(key) => {
                    if separator {
                        out.push('.');
                    }
                    out.push_str(shown_key(key));
                }
                Step::Inner => continue,
            }
            separator = true;
        }
        if out.is_empty() { ".".to_owned() } else { out }
    }

    /// The path as serde_ignored writes it: `a.b.3.c`, `?` for the inside of an option.
    fn unknown_path(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for step in self.steps.borrow().iter() {
            match step {
                Step::Index(i) => parts.push(i.to_string()),
                Step::Key(key) => parts.push(shown_key(key).to_owned()),
                Step::Inner => parts.push("?".to_owned()),
                Step::Variant(_) => {}
            }
        }
        if parts.is_empty() {
            ".".to_owned()
        } else {
            parts.join(".")
        }
    }

    /// The key read last, for the step of its value.
    fn take_key(&self) -> Step {
        // A key that is no text (not in a JSON value) is written `?`, as serde_path_to_error
        // writes it.
        Step::Key(
            self.key
                .borrow_mut()
                .take()
                .unwrap_or_else(|| "?".to_owned()),
        )
    }
}

/// Gives up: the checked way will name the key and the problem.
fn give_up<E: de::Error>() -> E {
    E::custom("")
}

/// Where a value stands: how many levels below the root, whether toml's datetime tables are
/// read as text, and (the checked way) the track that remembers the path and whether the value
/// is a key.
#[derive(Clone, Copy)]
struct At<'t> {
    depth: usize,
    dates: bool,
    track: Option<&'t Track>,
    key: bool,
}

impl<'t> At<'t> {
    /// The same place, for a key or variant name (`true`) or a value (`false`).
    fn key(self, key: bool) -> Self {
        At { key, ..self }
    }

    /// Runs `read` one `step` down when tracked; plainly otherwise.
    fn step<R, E>(
        self,
        step: impl FnOnce() -> Step,
        read: impl FnOnce() -> Result<R, E>,
    ) -> Result<R, E> {
        match self.track {
            Some(track) => track.at(step(), read),
            None => read(),
        }
    }

    /// Notes a failure at the current path when tracked.
    fn fail<E>(self, e: E) -> E {
        if let Some(track) = self.track {
            track.fail();
        }
        e
    }

    /// Notes the text of a key when this value is one and is tracked.
    fn note_key(self, text: &str) {
        if let (true, Some(track)) = (self.key, self.track) {
            *track.key.borrow_mut() = Some(text.to_owned());
        }
    }
}

/// A deserialiser that forwards to `de`, for a value at `at`.
struct Guard<'t, D> {
    de: D,
    at: At<'t>,
}

/// A visitor that forwards to `inner`, checking texts and wrapping lists and tables.
struct Wrap<'t, V> {
    inner: V,
    at: At<'t>,
}

/// A seed that deserialises through a [`Guard`].
struct Seed<'t, S> {
    inner: S,
    at: At<'t>,
}

/// The items of a list or the entries of a table, counted.
struct Items<'t, 'de, A> {
    inner: A,
    at: At<'t>,
    count: usize,
    /// A table's first key, read already to tell a datetime table, to be handed on first.
    first: Option<Cow<'de, str>>,
    /// The table has no more keys (it had none at all).
    ended: bool,
}

/// An enum's variant and its contents.
struct Variant<'t, A> {
    inner: A,
    at: At<'t>,
}

/// A text of `len` bytes at `at`: over [`MAX_TEXT_BYTES`] the checked way refuses it (the
/// checked way itself checked the sizes before).
fn text<E: de::Error>(at: At<'_>, len: usize) -> Result<(), E> {
    if len > MAX_TEXT_BYTES && at.track.is_none() {
        Err(give_up())
    } else {
        Ok(())
    }
}

/// The items inside a list or table at `at` stand one level lower; past [`MAX_DEPTH`] the
/// checked way refuses them.
fn inside<E: de::Error>(at: At<'_>) -> Result<At<'_>, E> {
    if at.depth >= MAX_DEPTH && at.track.is_none() {
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
                let at = self.at;
                self.de.$method($($arg,)* Wrap { inner: visitor, at }).map_err(|e| at.fail(e))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Guard<'_, D> {
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

    /// A value the schema ignores is a key it does not have: the fast way gives up, the
    /// checked way notes it and goes on.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        match self.at.track {
            Some(track) => {
                track.unknown_key();
                self.de.deserialize_ignored_any(visitor)
            }
            None => Err(give_up()),
        }
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

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
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
        visit_u128(u128);
        visit_char(char);
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        // A variant named by its index (serde_path_to_error names it so).
        self.at.note_key(&v.to_string());
        self.inner.visit_u64(v)
    }

    // A JSON value cannot hold NaN or an infinity: the checked way reads TOML's as `null`.
    fn visit_f32<E: de::Error>(self, v: f32) -> Result<Self::Value, E> {
        if v.is_finite() || self.at.track.is_some() {
            self.inner.visit_f32(v)
        } else {
            Err(give_up())
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() || self.at.track.is_some() {
            self.inner.visit_f64(v)
        } else {
            Err(give_up())
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.at.note_key(v);
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.at.note_key(v);
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.at.note_key(&v);
        self.inner.visit_string(v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.inner.visit_bytes(v)
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.inner.visit_borrowed_bytes(v)
    }

    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
        text(self.at, v.len())?;
        self.inner.visit_byte_buf(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        let at = self.at;
        at.step(|| Step::Inner, || self.inner.visit_some(Guard { de, at }))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        let at = self.at;
        at.step(
            || Step::Inner,
            || self.inner.visit_newtype_struct(Guard { de, at }),
        )
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
                    text(at, date.len())?;
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

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Guard { de, at: self.at })
    }
}

impl<A> Items<'_, '_, A> {
    /// One more item: past [`MAX_LIST_ITEMS`] the checked way refuses the list or table.
    fn count<E: de::Error>(&mut self) -> Result<(), E> {
        self.count += 1;
        if self.count > MAX_LIST_ITEMS && self.at.track.is_none() {
            Err(give_up())
        } else {
            Ok(())
        }
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Items<'_, 'de, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let at = self.at;
        let index = self.count;
        let inner = &mut self.inner;
        let item = at.step(
            || Step::Index(index),
            || inner.next_element_seed(Seed { inner: seed, at }),
        )?;
        if item.is_some() {
            self.count()?;
        }
        Ok(item)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Items<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let seed = Seed {
            inner: seed,
            at: self.at.key(true),
        };
        let read = if self.ended {
            Ok(None)
        } else if let Some(key) = self.first.take() {
            seed.deserialize(CowStrDeserializer::<A::Error>::new(key))
                .map(Some)
        } else {
            self.inner.next_key_seed(seed)
        };
        // A key that fails fails at its own path, as serde_path_to_error names it.
        let key = match (read, self.at.track) {
            (Err(e), Some(track)) => return track.at(track.take_key(), || Err(e)),
            (read, _) => read?,
        };
        if key.is_some() {
            self.count()?;
        }
        Ok(key)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let at = self.at;
        let inner = &mut self.inner;
        match at.track {
            Some(track) => track.at(track.take_key(), || {
                inner.next_value_seed(Seed { inner: seed, at })
            }),
            None => inner.next_value_seed(Seed { inner: seed, at }),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'t, 'de, A: EnumAccess<'de>> EnumAccess<'de> for Variant<'t, A> {
    type Error = A::Error;
    type Variant = Variant<'t, A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let at = self.at;
        let (value, variant) = self
            .inner
            .variant_seed(Seed {
                inner: seed,
                at: at.key(true),
            })
            .map_err(|e| at.fail(e))?;
        Ok((
            value,
            Variant {
                inner: variant,
                at: self.at,
            },
        ))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<'_, A> {
    type Error = A::Error;

    // The contents of a variant stand at its name (serde_path_to_error's path), and a newtype
    // variant's one level further in (serde_ignored's `?`).

    fn unit_variant(self) -> Result<(), A::Error> {
        let at = self.at;
        at.step(|| variant(at), || self.inner.unit_variant())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let at = self.at;
        at.step(
            || variant(at),
            || {
                at.step(
                    || Step::Inner,
                    || self.inner.newtype_variant_seed(Seed { inner: seed, at }),
                )
            },
        )
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let at = self.at;
        at.step(
            || variant(at),
            || self.inner.tuple_variant(len, Wrap { inner: visitor, at }),
        )
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let at = self.at;
        at.step(
            || variant(at),
            || {
                self.inner
                    .struct_variant(fields, Wrap { inner: visitor, at })
            },
        )
    }
}

/// The step of a variant's contents: its name, read last.
fn variant(at: At<'_>) -> Step {
    let name = at.track.and_then(|t| t.key.borrow_mut().take());
    Step::Variant(name.unwrap_or_else(|| "?".to_owned()))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::super::format::{check_sizes, checked};
    use super::super::{PolicyError, PolicyFile};
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
        checked(policy).ok()
    }

    #[test]
    #[cfg(feature = "policy-fast")]
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

    /// The checked way as it was before [`deserialize_checked`]: serde_path_to_error and
    /// serde_ignored around the owned value. The differential tests below hold the new way to
    /// its errors: the same code, key and reason for every input.
    fn checked_by_crates(value: Value) -> Result<PolicyFile, PolicyError> {
        let mut unknown = Vec::new();
        let mut note_unknown =
            |path: serde_ignored::Path<'_>| unknown.push(masked(&path.to_string()));
        let de = serde_ignored::Deserializer::new(value, &mut note_unknown);
        let file: PolicyFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let key = masked(&e.path().to_string());
            PolicyError::InvalidValue {
                key: if key == "." { "(root)".into() } else { key },
                reason: super::super::format::reason(&e.into_inner().to_string()),
            }
        })?;
        match unknown.into_iter().next() {
            Some(key) => Err(PolicyError::UnknownKey { key }),
            None => Ok(file),
        }
    }

    /// A path the crates wrote, each key that is no key's name written `?` (as
    /// [`shown_key`] does): `a.b[3].c` and `a.b.3.c` (an index stands alone between dots in
    /// serde_ignored's paths).
    fn masked(path: &str) -> String {
        let segment = |part: &str| {
            let (key, indices) = part.split_at(part.find('[').unwrap_or(part.len()));
            let key = if key.is_empty() || key == "?" || key.bytes().all(|b| b.is_ascii_digit()) {
                key
            } else {
                shown_key(key)
            };
            format!("{key}{indices}")
        };
        if path == "." {
            return path.to_owned();
        }
        path.split('.').map(segment).collect::<Vec<_>>().join(".")
    }

    /// Variants of `value` that go wrong at every place: each value replaced by values of
    /// other kinds, an unknown key added to each table, each list given a wrong item.
    fn spoiled(value: &Value, out: &mut Vec<Value>, root: &Value, path: &mut Vec<PathStep>) {
        let wrong = [
            json!(null),
            json!(true),
            json!(-1),
            json!(13912345678_u64),
            json!(1.5),
            json!("x"),
            json!("15 days"),
            json!([1]),
            json!({ "a": 1 }),
        ];
        for w in &wrong {
            if w != value {
                out.push(replaced(root, path, w.clone()));
            }
        }
        match value {
            Value::Object(map) => {
                let mut with = value.clone();
                with.as_object_mut()
                    .unwrap()
                    .insert("colour".into(), json!(1));
                out.push(replaced(root, path, with));
                for (key, item) in map {
                    path.push(PathStep::Key(key.clone()));
                    spoiled(item, out, root, path);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(PathStep::Index(i));
                    spoiled(item, out, root, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    #[derive(Clone)]
    enum PathStep {
        Key(String),
        Index(usize),
    }

    fn replaced(root: &Value, path: &[PathStep], with: Value) -> Value {
        let mut out = root.clone();
        let mut at = &mut out;
        for step in path {
            at = match step {
                PathStep::Key(k) => at.get_mut(k.as_str()).unwrap(),
                PathStep::Index(i) => at.get_mut(*i).unwrap(),
            };
        }
        *at = with;
        out
    }

    /// The policies of the committed fuzz corpus (`core/fuzz/corpus/policy_*`), as values.
    fn corpus_policies() -> Vec<Value> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
        let mut out = Vec::new();
        for (dir, toml) in [("policy_json", false), ("policy_toml", true)] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                let Ok(text) = std::str::from_utf8(&bytes) else {
                    continue;
                };
                let value = if toml {
                    toml::from_str::<Value>(text).ok().map(|mut v| {
                        super::super::format::dates_to_strings(&mut v, 0);
                        v
                    })
                } else {
                    serde_json::from_str::<Value>(text).ok()
                };
                out.extend(value);
            }
        }
        out
    }

    #[test]
    fn names_errors_as_serde_path_to_error_and_serde_ignored_did() {
        let mut inputs = vector_policies();
        inputs.extend(corpus_policies());
        let mut all = Vec::new();
        for policy in &inputs {
            all.push(policy.clone());
            spoiled(policy, &mut all, policy, &mut Vec::new());
        }
        let (mut compared, mut errors) = (0, 0);
        for value in all {
            if check_sizes(&value, &mut Vec::new()).is_err() || !value.is_object() {
                continue;
            }
            let before = checked_by_crates(value.clone());
            let after = checked(&value);
            let summary: String = value.to_string().chars().take(200).collect();
            assert_eq!(after, before, "{summary}");
            compared += 1;
            errors += usize::from(before.is_err());
        }
        assert!(
            compared > 5000 && errors > 3000,
            "{compared} compared, {errors} errors"
        );
    }

    #[test]
    #[cfg(feature = "policy-fast")]
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
    #[cfg(feature = "policy-fast")]
    fn reads_toml_dates_as_the_checked_way_does() {
        let toml_way = |text: &str| {
            let de = toml::Deserializer::parse(text).unwrap();
            deserialize::<PolicyFile, _>(de, true)
        };
        let checked_way = |text: &str| {
            let mut value: Value = toml::from_str(text).unwrap();
            super::super::format::dates_to_strings(&mut value, 0);
            checked(&value).ok()
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
    #[cfg(feature = "policy-fast")]
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
