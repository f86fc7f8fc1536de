// Temporary: runs the cases of a vector file without expectations and writes them back with
// the outputs, for review. Not committed.
use serde_json::{Value, json};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mut groups: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for g in groups.as_array_mut().unwrap() {
        let op = g["op"].as_str().unwrap().to_owned();
        for c in g["cases"].as_array_mut().unwrap() {
            let input = c["input"].clone();
            match conformance::ops::run(&op, &input) {
                Ok(v) => c["expect"] = v,
                Err(e) => c["error"] = json!(e),
            }
        }
    }
    std::fs::write(&path, serde_json::to_string(&groups).unwrap()).unwrap();
}
