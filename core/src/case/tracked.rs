//! A payload read from its JSON value, naming the path of the value that failed.
//!
//! Events name the key of a bad payload value (`members[1].role`). A wrapper around serde_json's
//! own value deserialiser (serde_path_to_error did this) instantiates every payload's
//! deserialisation code twice, once per layer: in the WebAssembly package that was 126 KB
//! (issue 22). [`read`] is one layer: a deserialiser over `&Value` that keeps where it is on
//! the stack (the key or index of each level) and notes the path of the innermost value whose
//! reading failed. It calls the visitors exactly as serde_json's value deserialiser does, so the
//! values read and the messages of the errors are serde_json's; the paths are written as
//! serde_path_to_error wrote them (`a.b[3].c`, `.` for the root), which a differential test in
//! `event.rs` holds it to.

use std::cell::RefCell;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};
use serde_json::{Error, Map, Value};

/// Why reading failed, and where: serde's error, and the path of the value that failed.
#[derive(Debug)]
pub(super) struct Failure {
    pub error: Error,
    pub path: Path,
}

/// The path of a value: keys (and enum variants) and list indexes, from the root.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Path(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl Path {
    /// The path without its last step.
    pub fn parent(mut self) -> Path {
        self.0.pop();
        self
    }

    /// Whether the path is the root.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Path {
    /// `a.b[3].c`; `.` for the root.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return f.write_str(".");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Index(index) => write!(f, "[{index}]")?,
                Step::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
            }
        }
        Ok(())
    }
}

/// `T` read from `value`; on an error, the path of the innermost value that failed.
pub(super) fn read<'v, T: de::Deserialize<'v>>(value: &'v Value) -> Result<T, Failure> {
    let failed = RefCell::new(None);
    let here = Here::Root;
    let de = At {
        value,
        here: &here,
        failed: &failed,
    };
    T::deserialize(de).map_err(|error| {
        note(&failed, &here);
        Failure {
            error,
            path: failed.into_inner().unwrap_or_default(),
        }
    })
}

/// Where a value stands: a chain on the stack, to the root.
enum Here<'h> {
    Root,
    Key(&'h Here<'h>, &'h str),
    Index(&'h Here<'h>, usize),
}

impl Here<'_> {
    fn path(&self) -> Path {
        let mut steps = Vec::new();
        let mut here = self;
        loop {
            match here {
                Here::Root => break,
                Here::Key(parent, key) => {
                    steps.push(Step::Key((*key).to_owned()));
                    here = parent;
                }
                Here::Index(parent, index) => {
                    steps.push(Step::Index(*index));
                    here = parent;
                }
            }
        }
        steps.reverse();
        Path(steps)
    }
}

/// Notes `here` as the place of the failure, unless a deeper one was noted first.
fn note(failed: &RefCell<Option<Path>>, here: &Here<'_>) {
    let mut failed = failed.borrow_mut();
    if failed.is_none() {
        *failed = Some(here.path());
    }
}

/// The deserialiser of the value at `here`.
#[derive(Clone, Copy)]
struct At<'v, 'h> {
    value: &'v Value,
    here: &'h Here<'h>,
    failed: &'h RefCell<Option<Path>>,
}

/// What serde_json's messages call a value of this kind (`integer `5``, `sequence`).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'v, 'h> At<'v, 'h> {
    fn invalid_type<'de, V: Visitor<'de>>(self, visitor: &V) -> Error {
        Error::invalid_type(unexpected(self.value), visitor)
    }

    fn seq<V: Visitor<'v>>(self, items: &'v [Value], visitor: V) -> Result<V::Value, Error> {
        let mut access = Items {
            items: items.iter(),
            index: 0,
            here: self.here,
            failed: self.failed,
        };
        let read = visitor.visit_seq(&mut access)?;
        match access.items.len() {
            0 => Ok(read),
            _ => Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }

    fn map<V: Visitor<'v>>(
        self,
        map: &'v Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut access = Entries {
            entries: map.iter(),
            value: None,
            here: self.here,
            failed: self.failed,
        };
        let read = visitor.visit_map(&mut access)?;
        match access.entries.len() {
            0 => Ok(read),
            _ => Err(Error::invalid_length(map.len(), &"fewer elements in map")),
        }
    }
}

impl<'v> Deserializer<'v> for At<'v, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => self.seq(items, visitor),
            Value::Object(map) => self.map(map, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'v>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'v>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_str<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.seq(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'v>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'v>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Object(map) => self.map(map, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'v>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::Array(items) => self.seq(items, visitor),
            Value::Object(map) => self.map(map, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'v>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::String(variant) => visitor.visit_enum(Variant {
                name: variant,
                contents: None,
                at: self,
            }),
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, contents)), None) => visitor.visit_enum(Variant {
                        name,
                        contents: Some(contents),
                        at: self,
                    }),
                    _ => Err(Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'v>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'v>> bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
    }
}

/// The items of a list, each read at its index.
struct Items<'v, 'h> {
    items: std::slice::Iter<'v, Value>,
    index: usize,
    here: &'h Here<'h>,
    failed: &'h RefCell<Option<Path>>,
}

impl<'v> SeqAccess<'v> for Items<'v, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'v>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let here = Here::Index(self.here, self.index);
        self.index += 1;
        let at = At {
            value,
            here: &here,
            failed: self.failed,
        };
        seed.deserialize(at)
            .map(Some)
            .inspect_err(|_| note(self.failed, &here))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of a table, each value read at its key.
struct Entries<'v, 'h> {
    entries: serde_json::map::Iter<'v>,
    /// The entry whose key was read last, until its value is.
    value: Option<(&'v str, &'v Value)>,
    here: &'h Here<'h>,
    failed: &'h RefCell<Option<Path>>,
}

impl<'v> MapAccess<'v> for Entries<'v, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'v>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        let text: BorrowedStrDeserializer<'v, Error> = BorrowedStrDeserializer::new(key);
        // A key that fails (unknown to the schema) fails at its own path.
        seed.deserialize(text)
            .map(Some)
            .inspect_err(|_| note(self.failed, &Here::Key(self.here, key)))
    }

    fn next_value_seed<V: DeserializeSeed<'v>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(Error::custom("value is missing"));
        };
        let here = Here::Key(self.here, key);
        let at = At {
            value,
            here: &here,
            failed: self.failed,
        };
        seed.deserialize(at)
            .inspect_err(|_| note(self.failed, &here))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum's variant, named by a text or by the one key of a table holding its contents.
struct Variant<'v, 'h> {
    name: &'v str,
    contents: Option<&'v Value>,
    at: At<'v, 'h>,
}

impl<'v, 'h> EnumAccess<'v> for Variant<'v, 'h> {
    type Error = Error;
    type Variant = Contents<'v, 'h>;

    fn variant_seed<S: DeserializeSeed<'v>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Error> {
        let name: BorrowedStrDeserializer<'v, Error> = BorrowedStrDeserializer::new(self.name);
        let variant = seed.deserialize(name)?;
        Ok((
            variant,
            Contents {
                name: self.name,
                contents: self.contents,
                at: self.at,
            },
        ))
    }
}

/// The contents of a variant, read at its name (as serde_path_to_error names them).
struct Contents<'v, 'h> {
    name: &'v str,
    contents: Option<&'v Value>,
    at: At<'v, 'h>,
}

impl<'v> Contents<'v, '_> {
    /// Runs `read` on the contents, noting an error at the variant's name (where
    /// serde_path_to_error names every error of a variant's contents).
    fn inside<R>(
        self,
        read: impl FnOnce(Option<At<'v, '_>>) -> Result<R, Error>,
    ) -> Result<R, Error> {
        let here = Here::Key(self.at.here, self.name);
        read(self.contents.map(|value| At {
            value,
            here: &here,
            failed: self.at.failed,
        }))
        .inspect_err(|_| note(self.at.failed, &here))
    }
}

impl<'v> VariantAccess<'v> for Contents<'v, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.inside(|at| match at {
            Some(at) => de::Deserialize::deserialize(at),
            None => Ok(()),
        })
    }

    fn newtype_variant_seed<T: DeserializeSeed<'v>>(self, seed: T) -> Result<T::Value, Error> {
        self.inside(|at| match at {
            Some(at) => seed.deserialize(at),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        })
    }

    fn tuple_variant<V: Visitor<'v>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.inside(|at| match at {
            Some(At {
                value: Value::Array(items),
                ..
            }) if items.is_empty() => visitor.visit_unit(),
            Some(
                at @ At {
                    value: Value::Array(items),
                    ..
                },
            ) => at.seq(items, visitor),
            Some(at) => Err(Error::invalid_type(unexpected(at.value), &"tuple variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        })
    }

    fn struct_variant<V: Visitor<'v>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.inside(|at| match at {
            Some(
                at @ At {
                    value: Value::Object(map),
                    ..
                },
            ) => at.map(map, visitor),
            Some(at) => Err(Error::invalid_type(unexpected(at.value), &"struct variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    /// Shapes no payload has today (enums with contents, tuples, maps): read as
    /// serde_path_to_error and serde_json read them.
    #[derive(Debug, PartialEq, Deserialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(u8, String),
        Struct { x: u8 },
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Holder {
        shapes: Vec<Shape>,
        #[serde(default)]
        pair: Option<(u8, bool)>,
        #[serde(default)]
        table: std::collections::BTreeMap<String, Vec<u8>>,
    }

    fn by_crate(value: &Value) -> Result<Holder, (String, String)> {
        serde_path_to_error::deserialize(value.clone())
            .map_err(|e| (e.path().to_string(), e.inner().to_string()))
    }

    fn ours(value: &Value) -> Result<Holder, (String, String)> {
        read(value).map_err(|f| (f.path.to_string(), f.error.to_string()))
    }

    #[test]
    fn other_shapes_fail_where_serde_path_to_error_says() {
        let inputs = [
            json!({"shapes": ["Unit", {"Newtype": 3}, {"Tuple": [1, "a"]}, {"Struct": {"x": 2}}],
                   "pair": [1, true], "table": {"a": [1, 2]}}),
            json!({"shapes": [{"Newtype": 300}]}),
            json!({"shapes": [{"Newtype": "x"}]}),
            json!({"shapes": ["Newtype"]}),
            json!({"shapes": [{"Unit": 1}]}),
            json!({"shapes": [{"Unit": null}]}),
            json!({"shapes": [{"Tuple": [1]}]}),
            json!({"shapes": [{"Tuple": [1, "a", 3]}]}),
            json!({"shapes": [{"Tuple": []}]}),
            json!({"shapes": [{"Tuple": 5}]}),
            json!({"shapes": ["Tuple"]}),
            json!({"shapes": [{"Struct": {"x": 2, "y": 3}}]}),
            json!({"shapes": [{"Struct": {"x": -1}}]}),
            json!({"shapes": [{"Struct": [2]}]}),
            json!({"shapes": [{"Struct": 2}]}),
            json!({"shapes": ["Other"]}),
            json!({"shapes": [{"A": 1, "B": 2}]}),
            json!({"shapes": [{}]}),
            json!({"shapes": [7]}),
            json!({"shapes": [], "pair": [1]}),
            json!({"shapes": [], "pair": [1, true, 3]}),
            json!({"shapes": [], "pair": {"a": 1}}),
            json!({"shapes": [], "table": {"a": [1, "x"]}}),
            json!({"shapes": [], "table": []}),
            json!({"shapes": [], "other": 1}),
            json!({"pair": null}),
            json!([[], null, {}]),
            json!([[], null, {}, 4]),
            json!(null),
        ];
        for input in inputs {
            assert_eq!(ours(&input), by_crate(&input), "{input}");
        }
        assert!(ours(&inputs_ok()).is_ok());
    }

    fn inputs_ok() -> Value {
        json!({"shapes": [{"Tuple": [1, "a"]}], "pair": null})
    }
}
