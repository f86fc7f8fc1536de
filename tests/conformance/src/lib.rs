//! The Rust runner of the conformance vectors (`tests/vectors/*.json`).
//!
//! Every case goes through the typed public API of `complaint-office`: the JSON input is turned
//! into the library's own types the way a Rust host would build them, the call is made, and the
//! result is written back as JSON for comparison. See `tests/vectors/README.md` for the contract.

use std::path::{Path, PathBuf};

use serde_json::Value;

pub mod compare;
pub mod input;
pub mod ops;

/// What running one case produced: a JSON output or an error code.
pub type Outcome = Result<Value, String>;

/// One case of a vector file.
#[derive(Debug, Clone)]
pub struct Case {
    /// The file it came from.
    pub file: String,
    /// The op.
    pub op: String,
    /// The case's name.
    pub name: String,
    /// The input object.
    pub input: Value,
    /// What is expected.
    pub expected: Expected,
}

/// What a case expects.
#[derive(Debug, Clone)]
pub enum Expected {
    /// The output, compared as JSON.
    Exact(Value),
    /// An object whose keys must all be present in the output with equal values.
    Subset(Value),
    /// The error code.
    Error(String),
}

/// The folder of vectors: `VECTORS_DIR` or the repository's `tests/vectors`.
pub fn vectors_dir() -> PathBuf {
    std::env::var_os("VECTORS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../vectors"),
        PathBuf::from,
    )
}

/// Reads every `*.json` file of `dir` into cases, in file-name order, then those of
/// `dir/pending/` (vectors of ops whose binding parts are still being built: the Rust runner
/// runs them from the first commit; they move up to `dir` when every binding runs them).
///
/// # Errors
/// A message naming the file and what is malformed: a vector file that cannot be read is a
/// failure, never a skip.
pub fn load(dir: &Path) -> Result<Vec<Case>, String> {
    let mut files = json_files(dir)?;
    let pending = dir.join("pending");
    if pending.is_dir() {
        files.extend(json_files(&pending)?);
    }
    let mut cases = Vec::new();
    for path in files {
        let file = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{file}: {e}"))?;
        let groups: Value = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
        let groups = groups
            .as_array()
            .ok_or_else(|| format!("{file}: expected an array of groups"))?;
        for group in groups {
            let op = group["op"]
                .as_str()
                .ok_or_else(|| format!("{file}: a group has no op"))?;
            let group_cases = group["cases"]
                .as_array()
                .ok_or_else(|| format!("{file}: {op} has no cases"))?;
            for case in group_cases {
                cases.push(parse_case(&file, op, case)?);
            }
        }
    }
    Ok(cases)
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn parse_case(file: &str, op: &str, case: &Value) -> Result<Case, String> {
    let name = case["name"]
        .as_str()
        .ok_or_else(|| format!("{file}: a case of {op} has no name"))?
        .to_owned();
    let mut expectations = Vec::new();
    if let Some(v) = case.get("expect") {
        expectations.push(Expected::Exact(v.clone()));
    }
    if let Some(v) = case.get("expect_subset") {
        expectations.push(Expected::Subset(v.clone()));
    }
    if let Some(v) = case.get("error") {
        let code = v
            .as_str()
            .ok_or_else(|| format!("{file}: {op} / {name}: error must be a code"))?;
        expectations.push(Expected::Error(code.to_owned()));
    }
    if expectations.len() != 1 {
        return Err(format!(
            "{file}: {op} / {name}: needs exactly one of expect, expect_subset, error"
        ));
    }
    Ok(Case {
        file: file.to_owned(),
        op: op.to_owned(),
        name,
        input: case.get("input").cloned().unwrap_or(Value::Null),
        expected: expectations.remove(0),
    })
}

/// Runs one case; `Err` describes the mismatch.
///
/// # Errors
/// A human-readable description of how the outcome differs from the expectation.
pub fn check(case: &Case) -> Result<(), String> {
    let outcome = ops::run(&case.op, &case.input);
    match (&case.expected, outcome) {
        (Expected::Exact(want), Ok(got)) if compare::equal(want, &got) => Ok(()),
        (Expected::Subset(want), Ok(got)) if compare::subset(want, &got) => Ok(()),
        (Expected::Error(code), Err(got)) if *code == got => Ok(()),
        (Expected::Exact(want) | Expected::Subset(want), Ok(got)) => {
            Err(format!("expected {want}\n       got {got}"))
        }
        (Expected::Exact(want) | Expected::Subset(want), Err(code)) => {
            Err(format!("expected {want}\n       got error {code}"))
        }
        (Expected::Error(code), Err(got)) => Err(format!("expected error {code}, got error {got}")),
        (Expected::Error(code), Ok(got)) => Err(format!("expected error {code}, got {got}")),
    }
}
