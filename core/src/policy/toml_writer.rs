//! The policy as TOML text, written by a serializer of our own.
//!
//! The toml crate's serializer is about 124 KB of the WebAssembly package (issue 22), for one
//! method. This writer takes the policy's `Serialize` impls into a small ordered tree (keys in
//! the schema's order, which a JSON value would sort), then writes it the way the toml crate
//! lays a document out: in each table its plain values first (`key = value`), then its tables
//! (`[a.b]`, a header only where the table has values of its own or nothing at all) and its
//! arrays of tables (`[[a.c]]`, a list whose items are all tables), a blank line before each
//! header. Lists of values are written inline (`["a", "b"]`), a table inside one inline
//! (`{ a = 1 }`). Strings are written basic (`"…"`) where nothing needs escaping, literal
//! (`'…'`) where that avoids escapes, basic with escapes otherwise (never multi-line: policy
//! texts are short, and our own reader reads every form written here).
//!
//! What it writes the package reads back to the same policy: tests compare the two writers on
//! every policy of the conformance vectors (the same TOML document) and read the text back.

use std::fmt::Write as _;

use serde::Serialize;
use serde::ser::{self, Impossible};

/// `value` as a TOML document; an error where TOML has no form for a value (a value without
/// a table at the root, `None` in a list, a unit).
pub(super) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    match value.serialize(Tree)? {
        Node::Table(entries) => {
            let mut out = String::new();
            table(&mut out, "", &entries, false);
            Ok(out)
        }
        _ => Err(Error("a TOML document is a table".into())),
    }
}

/// Why a value has no TOML form.
#[derive(Debug)]
pub(super) struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// A value, its keys in the order they were serialised.
enum Node {
    /// A scalar, as TOML text.
    Value(String),
    Array(Vec<Node>),
    Table(Vec<(String, Node)>),
    /// `None`: left out of a table.
    Absent,
}

impl Node {
    /// A table or a list of tables: written under headers, not as `key = value`.
    fn is_section(&self) -> bool {
        match self {
            Node::Table(_) => true,
            Node::Array(items) => is_array_of_tables(items),
            _ => false,
        }
    }
}

fn is_array_of_tables(items: &[Node]) -> bool {
    !items.is_empty() && items.iter().all(|item| matches!(item, Node::Table(_)))
}

/// Writes the table at `key` (`""` for the root; `array`: an item of an array of tables).
fn table(out: &mut String, key: &str, entries: &[(String, Node)], array: bool) {
    let entries: Vec<&(String, Node)> = entries
        .iter()
        .filter(|(_, node)| !matches!(node, Node::Absent))
        .collect();
    let has_values = entries.iter().any(|(_, node)| !node.is_section());
    if array || (!key.is_empty() && (has_values || entries.is_empty())) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(if array { "[[" } else { "[" });
        out.push_str(key);
        out.push_str(if array { "]]\n" } else { "]\n" });
    }
    for (name, node) in &entries {
        if !node.is_section() {
            write_key(out, name);
            out.push_str(" = ");
            inline(out, node);
            out.push('\n');
        }
    }
    for (name, node) in &entries {
        if !node.is_section() {
            continue;
        }
        let mut child = String::with_capacity(key.len() + name.len() + 1);
        child.push_str(key);
        if !child.is_empty() {
            child.push('.');
        }
        write_key(&mut child, name);
        match node {
            Node::Table(entries) => table(out, &child, entries, false),
            Node::Array(items) => {
                for item in items {
                    if let Node::Table(entries) = item {
                        table(out, &child, entries, true);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Writes a value inline: scalars, `[a, b]`, `{ k = v }`.
fn inline(out: &mut String, node: &Node) {
    match node {
        Node::Value(text) => out.push_str(text),
        Node::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                inline(out, item);
            }
            out.push(']');
        }
        Node::Table(entries) => {
            let mut first = true;
            out.push('{');
            for (name, node) in entries {
                if matches!(node, Node::Absent) {
                    continue;
                }
                out.push_str(if first { " " } else { ", " });
                first = false;
                write_key(out, name);
                out.push_str(" = ");
                inline(out, node);
            }
            out.push_str(if first { "}" } else { " }" });
        }
        Node::Absent => {}
    }
}

/// A key: bare where TOML allows it, quoted otherwise.
fn write_key(out: &mut String, key: &str) {
    if !key.is_empty() && key.bytes().all(is_bare) {
        out.push_str(key);
    } else {
        basic(out, key);
    }
}

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A string: `"…"` where nothing needs escaping, `'…'` where that avoids escapes, `"…"` with
/// escapes otherwise.
fn string(out: &mut String, text: &str) {
    let control = |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f;
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| control(b) || b == b'"' || b == b'\\') {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else if !bytes.iter().any(|&b| control(b) || b == b'\'') {
        out.push('\'');
        out.push_str(text);
        out.push('\'');
    } else {
        basic(out, text);
    }
}

/// A basic string with TOML's escapes.
fn basic(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c < '\u{20}' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn text_node(text: &str) -> Node {
    let mut out = String::with_capacity(text.len() + 2);
    string(&mut out, text);
    Node::Value(out)
}

fn float_node(v: f64) -> Node {
    Node::Value(if v.is_nan() {
        if v.is_sign_negative() { "-nan" } else { "nan" }.to_owned()
    } else if v.is_infinite() {
        if v < 0.0 { "-inf" } else { "inf" }.to_owned()
    } else if v % 1.0 == 0.0 {
        format!("{v}.0")
    } else {
        format!("{v}")
    })
}

/// The serializer into a [`Node`].
struct Tree;

/// The items of a list, or of a table's entries, gathered.
struct Gather {
    items: Vec<Node>,
    entries: Vec<(String, Node)>,
    /// The key of a map entry, until its value comes.
    key: Option<String>,
    /// A variant's name: the gathered value is the one entry of a table under it.
    variant: Option<&'static str>,
}

impl Gather {
    fn new(variant: Option<&'static str>) -> Self {
        Gather {
            items: Vec::new(),
            entries: Vec::new(),
            key: None,
            variant,
        }
    }

    fn wrap(variant: Option<&'static str>, node: Node) -> Node {
        match variant {
            Some(name) => Node::Table(vec![(name.to_owned(), node)]),
            None => node,
        }
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        match value.serialize(Tree)? {
            Node::Absent => Err(Error("a list item is None".into())),
            node => {
                self.items.push(node);
                Ok(())
            }
        }
    }

    fn array(self) -> Node {
        Self::wrap(self.variant, Node::Array(self.items))
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let node = value.serialize(Tree)?;
        self.entries.push((key.to_owned(), node));
        Ok(())
    }

    fn table(self) -> Node {
        Self::wrap(self.variant, Node::Table(self.entries))
    }
}

impl ser::Serializer for Tree {
    type Ok = Node;
    type Error = Error;
    type SerializeSeq = Gather;
    type SerializeTuple = Gather;
    type SerializeTupleStruct = Gather;
    type SerializeTupleVariant = Gather;
    type SerializeMap = Gather;
    type SerializeStruct = Gather;
    type SerializeStructVariant = Gather;

    fn serialize_bool(self, v: bool) -> Result<Node, Error> {
        Ok(Node::Value(if v { "true" } else { "false" }.to_owned()))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Error> {
        Ok(Node::Value(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Error> {
        i64::try_from(v)
            .map_err(|_| Error("out-of-range value for i64 type".into()))
            .and_then(|v| self.serialize_i64(v))
    }
    fn serialize_f32(self, v: f32) -> Result<Node, Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Node, Error> {
        Ok(float_node(v))
    }
    fn serialize_char(self, v: char) -> Result<Node, Error> {
        Ok(text_node(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Error> {
        Ok(text_node(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Node, Error> {
        Ok(Node::Array(
            v.iter().map(|b| Node::Value(b.to_string())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Node, Error> {
        Ok(Node::Absent)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Error> {
        Err(Error("unsupported unit type".into()))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Node, Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Node, Error> {
        Ok(text_node(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        Ok(Gather::wrap(Some(variant), value.serialize(self)?))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Gather, Error> {
        Ok(Gather::new(None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Gather, Error> {
        Ok(Gather::new(None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Gather, Error> {
        Ok(Gather::new(None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Gather, Error> {
        Ok(Gather::new(Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Gather, Error> {
        Ok(Gather::new(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Gather, Error> {
        Ok(Gather::new(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Gather, Error> {
        Ok(Gather::new(Some(variant)))
    }
}

impl ser::SerializeSeq for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.array())
    }
}

impl ser::SerializeTuple for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.array())
    }
}

impl ser::SerializeTupleStruct for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.array())
    }
}

impl ser::SerializeTupleVariant for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.array())
    }
}

impl ser::SerializeMap for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().unwrap_or_default();
        self.field(&key, value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.table())
    }
}

impl ser::SerializeStruct for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.table())
    }
}

impl ser::SerializeStructVariant for Gather {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Node, Error> {
        Ok(self.table())
    }
}

/// The text of a map's key: a string, or a number or unit variant written as text.
struct KeyText;

fn key_error() -> Error {
    Error("map key was not a string".into())
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::policy::Policy;

    /// Every policy of the conformance vectors that loads.
    fn vector_policies() -> Vec<Policy> {
        fn collect(value: &Value, out: &mut Vec<Policy>) {
            match value {
                Value::Object(map) => {
                    for (key, item) in map {
                        if key == "policy"
                            && let Ok(policy) = Policy::from_json_value(item.clone())
                        {
                            out.push(policy);
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
                let vector: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                collect(&vector, &mut out);
            }
        }
        assert!(out.len() > 50, "{} policies", out.len());
        out
    }

    /// The same document as the toml crate writes, for every policy of the vectors, and read
    /// back to the same policy.
    #[test]
    fn writes_the_toml_crates_document_for_every_vector_policy() {
        let mut same_text = 0;
        let policies = vector_policies();
        for policy in &policies {
            let ours = to_string(policy.file()).unwrap();
            let crates = toml::to_string(policy.file()).unwrap();
            let read = |text: &str| toml::from_str::<toml::Table>(text).unwrap();
            assert_eq!(read(&ours), read(&crates), "{ours}\n---\n{crates}");
            same_text += usize::from(ours == crates);
            assert_eq!(&Policy::from_toml_str(&ours).unwrap(), policy, "{ours}");
        }
        // Laid out the same way too (only strings the crate would write multi-line differ).
        assert_eq!(same_text, policies.len());
    }

    /// Texts with quotes, escapes and control characters, keys that must be quoted, numbers
    /// of every kind, nesting of every kind: what the toml crate reads back is what was written.
    #[test]
    fn every_value_reads_back() {
        let texts = [
            "",
            "plain",
            "a b:c/d.e",
            "quo\"te",
            "apo'strophe",
            "both ' and \"",
            "back\\slash",
            "tab\there",
            "new\nline",
            "cr\r\nlf",
            "\u{1}\u{1f}\u{7f}",
            "投訴 ＣＯＭＰＬＡＩＮＴ",
            "'''",
            "\"\"\"",
            "\\u0041",
        ];
        for text in texts {
            let value = json!({ "t": text, text: 1, "list": [text], "inline": [{ "k": text }] });
            let written = to_string(&value).unwrap();
            let back: Value = toml::from_str(&written).unwrap();
            assert_eq!(back, value, "{written}");
        }
        let value = json!({
            "int": -5, "big": i64::MAX, "float": 0.25, "whole": 3.0, "tiny": 1e-7, "huge": 1e300,
            "yes": true, "empty_list": [], "empty_table": {}, "mixed": [1, "a", [2, {"x": 1}]],
            "tables": [{"a": 1, "sub": {"b": 2}, "deeper": [{"c": 3}]}, {}],
            "nested": {"only": {"tables": {"v": 1}}, "list": [[1, 2], []]},
            "after": "a value after the tables",
        });
        let written = to_string(&value).unwrap();
        let back: Value = toml::from_str(&written).unwrap();
        assert_eq!(back, value, "{written}");
        assert_eq!(written, toml::to_string(&value).unwrap());
        // No TOML form: not a table at the root, None in a list.
        assert!(to_string(&json!([1])).is_err());
        assert!(to_string(&json!({ "list": [null] })).is_err());
        assert!(to_string(&std::collections::BTreeMap::from([("a", [Some(1), None])])).is_err());
    }
}
