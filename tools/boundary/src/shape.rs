//! A schema's type read once, for the three writers (TypeScript, Python, the UniFFI binding's
//! Rust), which differ only in how they spell each shape.

use serde_json::{Map, Value};

use crate::{Unsupported, reference};

/// What a value of a schema is.
pub(crate) enum Shape<'a> {
    /// A definition, by name: each writer names it or spells what it is.
    Named {
        name: &'a str,
        def: &'a Value,
    },
    /// Text, with its format (`date`, `date-time`) if any.
    Text {
        format: Option<&'a str>,
    },
    Bool,
    Integer,
    Number,
    /// One of these values (text).
    Literals(Vec<&'a str>),
    List(Box<Shape<'a>>),
    /// An object written in place.
    Object(&'a Value),
    /// One of several shapes.
    Union(Vec<Shape<'a>>),
    /// The shape, or null.
    Nullable(Box<Shape<'a>>),
}

impl<'a> Shape<'a> {
    /// Reads `schema`'s shape; a reference resolves against `defs`.
    pub(crate) fn of(schema: &'a Value, defs: &'a Map<String, Value>) -> Result<Self, Unsupported> {
        if let Some(name) = reference(schema) {
            let def = defs
                .get(name)
                .ok_or_else(|| Unsupported(format!("a reference to no definition: {name}")))?;
            return Ok(Shape::Named { name, def });
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(options) = schema.get(key).and_then(Value::as_array) {
                let is_null = |o: &&Value| o.get("type").and_then(Value::as_str) == Some("null");
                let null = options.iter().any(|o| is_null(&o));
                let mut shapes = options
                    .iter()
                    .filter(|o| !is_null(o))
                    .map(|o| Shape::of(o, defs))
                    .collect::<Result<Vec<_>, _>>()?;
                let shape = match shapes.len() {
                    1 => shapes.remove(0),
                    _ => Shape::Union(shapes),
                };
                return Ok(if null {
                    Shape::Nullable(Box::new(shape))
                } else {
                    shape
                });
            }
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let literals = values
                .iter()
                .map(|value| {
                    value
                        .as_str()
                        .ok_or_else(|| Unsupported(format!("a non-text enum value {value}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Shape::Literals(literals));
        }
        let (ty, null) = match schema.get("type") {
            Some(Value::String(ty)) => (ty.as_str(), false),
            Some(Value::Array(types)) => {
                let named: Vec<&str> = types
                    .iter()
                    .filter_map(Value::as_str)
                    .filter(|t| *t != "null")
                    .collect();
                match named.as_slice() {
                    [one] => (*one, types.len() > 1),
                    _ => return Err(Unsupported(format!("several types: {schema}"))),
                }
            }
            _ => return Err(Unsupported(format!("no type: {schema}"))),
        };
        let shape = match ty {
            "string" => Shape::Text {
                format: schema.get("format").and_then(Value::as_str),
            },
            "boolean" => Shape::Bool,
            "integer" => Shape::Integer,
            "number" => Shape::Number,
            "array" => {
                let items = schema
                    .get("items")
                    .ok_or_else(|| Unsupported("an array without items".into()))?;
                Shape::List(Box::new(Shape::of(items, defs)?))
            }
            "object" => Shape::Object(schema),
            other => return Err(Unsupported(format!("the type {other}"))),
        };
        Ok(if null {
            Shape::Nullable(Box::new(shape))
        } else {
            shape
        })
    }

    /// Whether a definition is a record (an object with keys), which every language names.
    pub(crate) fn is_record(def: &Value) -> bool {
        def.get("type").and_then(Value::as_str) == Some("object")
    }
}

/// The payload schema of an event of the schema document, its definition resolved.
pub(crate) fn payload<'a>(
    event: &'a Value,
    defs: &'a Map<String, Value>,
) -> Result<&'a Value, Unsupported> {
    let payload = event.get("payload").unwrap_or(&Value::Null);
    match reference(payload) {
        Some(def) => defs
            .get(def)
            .ok_or_else(|| Unsupported(format!("no definition {def}"))),
        None => Ok(payload),
    }
}

/// `plan_submitted` → `PlanSubmitted`: an event type's name as a type or variant.
pub(crate) fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The TypeScript type of text of a format: `IsoDate`, `Rfc3339` or `string`.
pub(crate) fn typescript_text(format: Option<&str>) -> &'static str {
    match format {
        Some("date") => "IsoDate",
        Some("date-time") => "Rfc3339",
        _ => "string",
    }
}

/// A TypeScript array of `item`, in parentheses when it is a union (`(A | null)[]`).
pub(crate) fn typescript_list(item: &str) -> String {
    if item.contains(' ') {
        format!("({item})[]")
    } else {
        format!("{item}[]")
    }
}
