use complaint_office::privacy::{self, Field, MaskKind, PersonalData, Role};
use serde_json::{Map, Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{code, field, str_of};

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "privacy.mask" => {
            let kind = str_of(input, "kind")?.parse::<MaskKind>().map_err(code)?;
            Ok(json!(privacy::mask(kind, str_of(input, "value")?)))
        }
        "privacy.visibility" => {
            let role = str_of(input, "role")?.parse::<Role>().map_err(code)?;
            let field = str_of(input, "field")?.parse::<Field>().map_err(code)?;
            Ok(json!(privacy::visibility(role, field).as_str()))
        }
        "privacy.view" => {
            let role = str_of(input, "role")?.parse::<Role>().map_err(code)?;
            let data = data_of(field(input, "data")?)?;
            let view = data.view(role);
            let out: Map<String, Value> = Field::ALL
                .iter()
                .map(|&f| (f.as_str().to_owned(), json!(view.get(f))))
                .collect();
            Ok(Value::Object(out))
        }
        _ => unknown(op),
    }
}

/// The data object: each key a personal field, each value a string or null.
fn data_of(value: &Value) -> Result<PersonalData, String> {
    let object = value.as_object().ok_or("vector.not_an_object:data")?;
    let mut data = PersonalData::default();
    for (key, value) in object {
        let f = key.parse::<Field>().map_err(code)?;
        let value = match value {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            _ => return Err(format!("vector.not_a_string:data.{key}")),
        };
        data.set(f, value);
    }
    Ok(data)
}
