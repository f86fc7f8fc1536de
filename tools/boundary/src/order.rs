//! The order in which the core declares each record's keys.
//!
//! A JSON Schema's `properties` is a map, and without serde_json's `preserve_order` (which the
//! workspace must not turn on: the core's JSON outputs are sorted) it comes out sorted. The
//! order matters to a reader of the declarations and to languages that pass fields by
//! position (Kotlin), so it is taken from the core itself: each event's example is read by
//! the core and written back by serde, which writes a struct's fields in declaration order;
//! the keys are read back in that order and recorded as `x-order` on each object definition.

use std::collections::BTreeMap;
use std::fmt;

use complaint_office::case::Event;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::{Unsupported, reference};

/// A JSON document's shape with its objects' keys in the order they were written.
enum Node {
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut keys = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            keys.push((key, value));
        }
        Ok(Node::Object(keys))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Scalar)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Scalar)
    }

    fn visit_str<E>(self, _: &str) -> Result<Node, E> {
        Ok(Node::Scalar)
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar)
    }
}

/// Records `x-order` on every object definition the events reach, from their examples.
pub(crate) fn record(events: &[Value], defs: &mut Map<String, Value>) -> Result<(), Unsupported> {
    let mut orders = BTreeMap::new();
    for event in events {
        let name = event
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let example = event.get("example").cloned().unwrap_or(Value::Null);
        let read = Event::from_json_value(example)
            .map_err(|error| Unsupported(format!("the {name} example: {error}")))?;
        let text = serde_json::to_string(&read.body)
            .map_err(|error| Unsupported(format!("the {name} payload: {error}")))?;
        let node: Node = serde_json::from_str(&text)
            .map_err(|error| Unsupported(format!("the {name} payload: {error}")))?;
        collect(
            event.get("payload").unwrap_or(&Value::Null),
            &node,
            defs,
            &mut orders,
        );
    }
    for (name, order) in orders {
        if let Some(Value::Object(def)) = defs.get_mut(&name) {
            def.insert("x-order".into(), Value::from(order));
        }
    }
    Ok(())
}

/// Walks a schema and the written value side by side, noting each object definition's keys.
fn collect(
    schema: &Value,
    node: &Node,
    defs: &Map<String, Value>,
    orders: &mut BTreeMap<String, Vec<String>>,
) {
    if let Some(name) = reference(schema) {
        if let Some(def) = defs.get(name) {
            if let Node::Object(keys) = node {
                orders
                    .entry(name.to_owned())
                    .or_insert_with(|| keys.iter().map(|(k, _)| k.clone()).collect());
            }
            collect(def, node, defs, orders);
        }
        return;
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            options
                .iter()
                .for_each(|option| collect(option, node, defs, orders));
        }
    }
    match node {
        Node::Object(keys) => {
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                for (key, child) in keys {
                    if let Some(property) = properties.get(key) {
                        collect(property, child, defs, orders);
                    }
                }
            }
        }
        Node::Array(items) => {
            if let (Some(items_schema), Some(first)) = (schema.get("items"), items.first()) {
                collect(items_schema, first, defs, orders);
            }
        }
        Node::Scalar => {}
    }
}

/// An object schema's properties in the core's order (`x-order`), else as stored.
pub(crate) fn properties(schema: &Value) -> Vec<(&str, &Value)> {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let order = schema.get("x-order").and_then(Value::as_array);
    match order {
        Some(order) => {
            let mut listed: Vec<(&str, &Value)> = order
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|key| properties.get_key_value(key).map(|(k, v)| (k.as_str(), v)))
                .collect();
            for (key, value) in properties {
                if !listed.iter().any(|(k, _)| *k == key) {
                    listed.push((key, value));
                }
            }
            listed
        }
        None => properties.iter().map(|(k, v)| (k.as_str(), v)).collect(),
    }
}
