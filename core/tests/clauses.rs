//! `docs/POLICY.md` is the text every clause id points at. These tests keep it honest:
//!
//! - its 原文 cells, read in order, are the source (`docs/policy.zh-Hant.txt`) verbatim, and
//!   each cell's id follows the source's own numbering (一、 → §1, (一) → §1.1, 1. → §1.1.1);
//! - every clause id mentioned anywhere in the repository is an anchor of the page;
//! - the clauses it marks **enforced** are exactly the clause ids the core names in its string
//!   literals, and every parameter, code, check, stage, event, level and API item it lists
//!   exists (events, stages and levels with that very clause);
//! - every (code or check, clause) pair the conformance vectors show, and every clause the
//!   vectors' case histories produce through the library, is listed under its clause; every
//!   check they show without a clause is listed under "Checks without a clause", and every
//!   check listed there exists;
//! - the defaults in its parameter table are the library's.
//!
//! The checks are functions from the page's text to a list of problems, so the tests at the
//! end can show that each one catches a page that is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use complaint_office::ErrorCode;
use complaint_office::accountability::Level;
use complaint_office::case::{Case, EventKind, EvidenceKind, Stage};
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use serde_json::Value;

const CHAPTERS: &str = "一二三四五六七八九";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(relative: &str) -> Result<String, String> {
    let path = repo().join(relative);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `§2.2.1` → `clause-2.2.1`.
fn anchor(id: &str) -> String {
    format!("clause-{}", id.trim_start_matches('§'))
}

/// Whether `text` is a clause id: `§` and dot-separated numbers.
fn is_id(text: &str) -> bool {
    text.strip_prefix('§').is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .split('.')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Every clause id mentioned in `text` (`§2–§6` mentions §2 and §6), with its line.
fn mentions(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for (i, _) in line.match_indices('§') {
            let rest = &line[i + '§'.len_utf8()..];
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let id = format!("§{}", rest[..len].trim_end_matches('.'));
            if is_id(&id) {
                found.push((id, n + 1));
            }
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// The page

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Enforced,
    Supported,
    Outside,
}

/// A clause of the page: a chapter heading or a table row.
#[derive(Debug)]
struct Clause {
    id: String,
    zh: String,
    en: String,
    line: usize,
}

/// A line of an "In the library" list.
#[derive(Debug)]
struct Entry {
    id: String,
    status: Status,
    /// (kind, tokens): `errors `a`, `b`` is ("error", [a, b]).
    items: Vec<(String, Vec<String>)>,
    line: usize,
}

#[derive(Debug, Default)]
struct Doc {
    title: String,
    clauses: Vec<Clause>,
    anchors: BTreeSet<String>,
    entries: Vec<Entry>,
    /// `](#target)` links, with their line.
    links: Vec<(String, usize)>,
    /// GitHub's anchors of the `##` headings.
    slugs: BTreeSet<String>,
    /// (key, default, line) of the parameter table.
    parameters: Vec<(String, String, usize)>,
    /// (check, line) of the list of checks without a clause.
    clause_free: Vec<(String, usize)>,
}

/// The id after `</a>` in `<a id="clause-…"></a>§…`, checked against the anchor.
fn anchored_id(cell: &str, line: usize, problems: &mut Vec<String>) -> Option<(String, String)> {
    let rest = cell.trim().strip_prefix("<a id=\"")?;
    let (name, rest) = rest.split_once("\"></a>")?;
    let (id, after) = rest.split_once(' ').unwrap_or((rest, ""));
    if !is_id(id) || anchor(id) != name {
        problems.push(format!(
            "line {line}: anchor `{name}` does not match the id `{id}`"
        ));
        return None;
    }
    Some((id.to_owned(), after.to_owned()))
}

fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn parse(text: &str) -> (Doc, Vec<String>) {
    let mut doc = Doc::default();
    let mut problems = Vec::new();
    let mut in_parameters = false;
    let mut in_clause_free = false;
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        for (i, _) in line.match_indices("<a id=\"") {
            if let Some(end) = line[i + 7..].find('"') {
                let name = &line[i + 7..i + 7 + end];
                match name.strip_prefix("clause-") {
                    Some(id) if is_id(&format!("§{id}")) => {
                        if !doc.anchors.insert(format!("§{id}")) {
                            problems.push(format!("line {n}: anchor `{name}` appears twice"));
                        }
                    }
                    _ => problems.push(format!("line {n}: anchor `{name}` is not `clause-<id>`")),
                }
            }
        }
        for (i, _) in line.match_indices("](#") {
            if let Some(end) = line[i + 3..].find(')') {
                doc.links.push((line[i + 3..i + 3 + end].to_owned(), n));
            }
        }
        if let Some(title) = line.strip_prefix("# ") {
            doc.title = title.to_owned();
        } else if let Some(heading) = line.strip_prefix("## ") {
            in_parameters = heading == "Parameters";
            in_clause_free = heading == "Checks without a clause";
            if heading.starts_with("<a id=") {
                let Some((id, rest)) = anchored_id(heading, n, &mut problems) else {
                    continue;
                };
                match rest.split_once(" — ") {
                    Some((zh, en)) => doc.clauses.push(Clause {
                        id,
                        zh: zh.to_owned(),
                        en: en.to_owned(),
                        line: n,
                    }),
                    None => problems.push(format!("line {n}: `{id}` heading without ` — English`")),
                }
            } else {
                doc.slugs.insert(slug(heading));
            }
        } else if line.starts_with("| <a id=") {
            let cells: Vec<&str> = line.split('|').collect();
            if cells.len() != 5 {
                problems.push(format!("line {n}: a clause row needs three cells"));
                continue;
            }
            if let Some((id, _)) = anchored_id(cells[1], n, &mut problems) {
                doc.clauses.push(Clause {
                    id,
                    zh: cells[2].trim().to_owned(),
                    en: cells[3].trim().to_owned(),
                    line: n,
                });
            }
        } else if in_parameters && line.starts_with("| ") {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if let Some(key) = cells
                .get(3)
                .and_then(|c| c.strip_prefix('`'))
                .and_then(|c| c.strip_suffix('`'))
            {
                let default = cells.get(4).copied().unwrap_or_default();
                doc.parameters.push((key.to_owned(), default.to_owned(), n));
            }
        } else if in_clause_free && line.starts_with("- ") {
            let check = line
                .strip_prefix("- check `")
                .and_then(|rest| rest.split_once("`: "))
                .map(|(check, _)| check)
                .filter(|check| !check.is_empty() && !check.contains('`'));
            match check {
                Some(check) => doc.clause_free.push((check.to_owned(), n)),
                None => problems.push(format!(
                    "line {n}: a check without a clause is listed as \"- check `rule`: what it says\""
                )),
            }
        } else if let Some(rest) = line.strip_prefix("- [§") {
            match parse_entry(rest, n) {
                Ok(entry) => doc.entries.push(entry),
                Err(problem) => problems.push(problem),
            }
        }
    }
    (doc, problems)
}

/// `§2.2.1](#clause-2.2.1) **enforced**: parameters `a`, `b`; a note.`
fn parse_entry(rest: &str, line: usize) -> Result<Entry, String> {
    let bad = |what: &str| format!("line {line}: {what}");
    let (id, rest) = rest
        .split_once("](#")
        .ok_or_else(|| bad("entry without link"))?;
    let id = format!("§{id}");
    let (target, rest) = rest
        .split_once(") **")
        .ok_or_else(|| bad("entry without status"))?;
    if target != anchor(&id) {
        return Err(bad(&format!("entry `{id}` links to `{target}`")));
    }
    let (status, rest) = rest
        .split_once("**: ")
        .ok_or_else(|| bad("entry without `**: `"))?;
    let status = match status {
        "enforced" => Status::Enforced,
        "supported" => Status::Supported,
        "outside" => Status::Outside,
        other => return Err(bad(&format!("unknown status `{other}`"))),
    };
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let mut items = Vec::new();
    for item in rest.split("; ") {
        let Some((kind, tokens)) = item.split_once('`') else {
            continue; // prose
        };
        let kind = kind.trim().to_lowercase();
        let kind = kind.strip_suffix('s').unwrap_or(&kind).to_owned();
        let tokens: Vec<String> = format!("`{tokens}")
            .split(", ")
            .map(|t| t.trim_matches('`').to_owned())
            .collect();
        let again = format!(
            "{} {}",
            item.split_once('`').map_or("", |(k, _)| k.trim()),
            tokens
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if again != item || tokens.iter().any(|t| t.is_empty() || t.contains('`')) {
            return Err(bad(&format!(
                "`{item}`: an item is a kind and backticked names separated by `, `; prose goes in an item of its own"
            )));
        }
        items.push((kind, tokens));
    }
    Ok(Entry {
        id,
        status,
        items,
        line,
    })
}

// ---------------------------------------------------------------------------------------------
// What the repository says

struct Facts {
    /// What could not be read.
    unreadable: Vec<String>,
    /// `docs/policy.zh-Hant.txt`.
    source: String,
    /// Clause ids in the string literals of `core/src`, with where.
    emitted: BTreeMap<String, Vec<String>>,
    /// Malformed clause literals (`"§ 2.1"`).
    malformed: Vec<String>,
    /// Clause ids mentioned anywhere in the repository, with where.
    mentioned: BTreeMap<String, Vec<String>>,
    /// The text of `core/src`, per file.
    sources: BTreeMap<PathBuf, String>,
    /// What stands between double quotes on a line of `core/src` (a superset of its string
    /// literals).
    literals: BTreeSet<String>,
    /// (code, clause) pairs of errors and intake violations seen in the vectors.
    observed_codes: BTreeSet<(String, String)>,
    /// (rule, clause) pairs of compliance checks seen in the vectors.
    observed_checks: BTreeSet<(String, String)>,
    /// Compliance checks seen in the vectors without a clause.
    observed_clause_free: BTreeSet<String>,
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    const SKIP: &[&str] = &[
        "target",
        "node_modules",
        "pkg",
        "dist",
        "build",
        "venv",
        "__pycache__",
        "corpus",
        "data",
    ];
    const TEXT: &[&str] = &[
        "rs", "md", "py", "pyi", "ts", "js", "mjs", "kt", "java", "json", "toml", "html",
    ];
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = read.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || SKIP.contains(&name) {
            continue;
        }
        if path.is_dir() {
            walk(&path, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT.contains(&e))
        {
            files.push(path);
        }
    }
}

fn facts() -> &'static Facts {
    static FACTS: OnceLock<Facts> = OnceLock::new();
    FACTS.get_or_init(|| {
        let root = repo();
        let source = read("docs/policy.zh-Hant.txt");
        let mut facts = Facts {
            unreadable: source.as_ref().err().cloned().into_iter().collect(),
            source: source.unwrap_or_default(),
            emitted: BTreeMap::new(),
            malformed: Vec::new(),
            mentioned: BTreeMap::new(),
            sources: BTreeMap::new(),
            literals: BTreeSet::new(),
            observed_codes: BTreeSet::new(),
            observed_checks: BTreeSet::new(),
            observed_clause_free: BTreeSet::new(),
        };

        let mut files = Vec::new();
        walk(&root.join("core/src"), &mut files);
        if files.len() < 20 {
            facts
                .unreadable
                .push("core/src: too few sources".to_owned());
        }
        for path in files {
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    facts.unreadable.push(format!("{}: {e}", path.display()));
                    continue;
                }
            };
            let short = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            for (n, line) in text.lines().enumerate() {
                for (i, _) in line.match_indices("\"§") {
                    let literal = line[i + 1..].split('"').next().unwrap_or_default();
                    let at = format!("{short}:{}", n + 1);
                    if is_id(literal) {
                        facts
                            .emitted
                            .entry(literal.to_owned())
                            .or_default()
                            .push(at);
                    } else {
                        facts.malformed.push(format!("{at}: \"{literal}\""));
                    }
                }
            }
            for line in text.lines() {
                let quoted = line.split('"').skip(1).step_by(2);
                facts.literals.extend(quoted.map(str::to_owned));
            }
            facts.sources.insert(path, text);
        }

        let mut files = Vec::new();
        walk(&root, &mut files);
        let this = root.join("core/tests/clauses.rs");
        for path in files {
            if path == this {
                continue; // its own examples of wrong ids
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let short = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            for (id, line) in mentions(&text) {
                facts
                    .mentioned
                    .entry(id)
                    .or_default()
                    .push(format!("{short}:{line}"));
            }
        }

        observe_vectors(&root.join("tests/vectors"), &mut facts);
        observe_vectors(&root.join("tests/vectors/pending"), &mut facts);
        if facts.observed_checks.len() < 10 || facts.observed_codes.len() < 10 {
            facts
                .unreadable
                .push("tests/vectors: too few checks and codes with their clauses".to_owned());
        }
        facts
    })
}

/// Objects with a `clause` and a `code` or `rule` in the vectors' expected outputs, and what
/// the library says of each case history in them: its compliance checks, or the clause of
/// the error that refuses it.
fn observe_vectors(dir: &Path, facts: &mut Facts) {
    fn walk_json(value: &Value, facts: &mut Facts) {
        match value {
            Value::Object(map) => {
                if let (Some(Value::Null), Some(Value::String(rule))) =
                    (map.get("clause"), map.get("rule"))
                    && !map.contains_key("rung")
                {
                    facts.observed_clause_free.insert(rule.clone());
                }
                if let Some(Value::String(clause)) = map.get("clause") {
                    if let Some(Value::String(code)) = map.get("code") {
                        facts.observed_codes.insert((code.clone(), clause.clone()));
                    }
                    // A reminder (it has a `rung`) says which rung placed it in `rule`: the
                    // placement, not a compliance check.
                    if let Some(Value::String(rule)) = map.get("rule")
                        && !map.contains_key("rung")
                    {
                        facts.observed_checks.insert((rule.clone(), clause.clone()));
                    }
                }
                map.values().for_each(|v| walk_json(v, facts));
            }
            Value::Array(items) => items.iter().for_each(|v| walk_json(v, facts)),
            _ => {}
        }
    }

    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = read.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let groups: Value = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
        {
            Ok(groups) => groups,
            Err(e) => {
                facts.unreadable.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        for group in groups.as_array().into_iter().flatten() {
            for case in group["cases"].as_array().into_iter().flatten() {
                walk_json(&case["expect"], facts);
                walk_json(&case["expect_subset"], facts);
                let input = &case["input"];
                let (Some(events), None) = (input["events"].as_array(), input.get("policies"))
                else {
                    continue;
                };
                let policy = match input.get("policy") {
                    Some(p) => match Policy::from_json_value(p.clone()) {
                        Ok(p) => p,
                        Err(_) => continue,
                    },
                    None => Policy::default(),
                };
                match Case::replay_json(&policy, &Value::Array(events.clone()).to_string()) {
                    Ok(history) => {
                        let now = input["now"]
                            .as_str()
                            .or_else(|| events.last().and_then(|e| e["at"].as_str()))
                            .and_then(|at| parse_instant(at).ok());
                        let Some(now) = now else { continue };
                        for check in history.compliance(now).checks {
                            match check.clause {
                                Some(clause) => facts
                                    .observed_checks
                                    .insert((check.rule.to_owned(), clause.to_owned())),
                                None => facts.observed_clause_free.insert(check.rule.to_owned()),
                            };
                        }
                    }
                    Err(e) => {
                        if let Some(clause) = e.clause() {
                            facts
                                .observed_codes
                                .insert((e.code().to_owned(), clause.to_owned()));
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The checks

/// The 原文 cells, read in order, are the source; the title is the page's title.
fn verbatim(doc: &Doc, source: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let (title, body) = source.split_once('\n').unwrap_or((source, ""));
    let body = body.strip_suffix('\n').unwrap_or(body);
    if !doc.title.contains(title) {
        problems.push(format!(
            "the page's title does not name the source's title {title}"
        ));
    }
    let mut at = 0;
    for clause in &doc.clauses {
        let rest = &body[at..];
        if !rest.starts_with(&clause.zh) {
            let same = clause
                .zh
                .chars()
                .zip(rest.chars())
                .take_while(|(a, b)| a == b)
                .count();
            problems.push(format!(
                "{} (line {}): the 原文 differs from the source after {same} characters: the source goes on `{}`",
                clause.id,
                clause.line,
                rest.chars().skip(same).take(12).collect::<String>()
            ));
            return problems;
        }
        at += clause.zh.len();
    }
    if at != body.len() {
        problems.push(format!(
            "the page ends before the source does: `{}` is missing",
            body[at..].chars().take(20).collect::<String>()
        ));
    }
    problems
}

/// Each clause's id follows the numbering of its text, and its English is there.
fn numbering(doc: &Doc) -> Vec<String> {
    let mut problems = Vec::new();
    let (mut chapter, mut section) = (0, 0);
    let mut seen = BTreeSet::new();
    for clause in &doc.clauses {
        let mut chars = clause.zh.chars();
        let (first, second, third) = (chars.next(), chars.next(), chars.next());
        let numeral = |c: Option<char>| c.and_then(|c| CHAPTERS.chars().position(|n| n == c));
        let expected = match (first, second, third) {
            (c, Some('、'), _) if numeral(c).is_some() => {
                chapter = numeral(c).unwrap_or(0) + 1;
                section = 0;
                format!("§{chapter}")
            }
            (Some('('), c, Some(')')) if numeral(c).is_some() => {
                section = numeral(c).unwrap_or(0) + 1;
                format!("§{chapter}.{section}")
            }
            (Some(d), Some('.'), _) if d.is_ascii_digit() => format!("§{chapter}.{section}.{d}"),
            _ => {
                problems.push(format!(
                    "{} (line {}): the 原文 does not start with a number of the source",
                    clause.id, clause.line
                ));
                continue;
            }
        };
        if clause.id != expected {
            problems.push(format!(
                "line {}: the clause numbered `{}` in the source is {expected}, not {}",
                clause.line,
                clause.zh.chars().take(3).collect::<String>(),
                clause.id
            ));
        }
        if !seen.insert(clause.id.clone()) {
            problems.push(format!("{} appears twice", clause.id));
        }
        if clause.en.trim().is_empty() || clause.en == clause.zh {
            problems.push(format!("{} (line {}): no English", clause.id, clause.line));
        }
    }
    problems
}

/// Every clause has its anchor, every anchor is a clause, every link lands.
fn anchors(doc: &Doc) -> Vec<String> {
    let mut problems = Vec::new();
    let ids: BTreeSet<&String> = doc.clauses.iter().map(|c| &c.id).collect();
    for id in &doc.anchors {
        if !ids.contains(id) {
            problems.push(format!("anchor {id} is not a clause of the page"));
        }
    }
    for (target, line) in &doc.links {
        let lands = match target.strip_prefix("clause-") {
            Some(id) => doc.anchors.contains(&format!("§{id}")),
            None => doc.slugs.contains(target),
        };
        if !lands {
            problems.push(format!("line {line}: the link to #{target} goes nowhere"));
        }
    }
    problems
}

/// Every id the repository mentions, and every id the core names, is an anchor.
fn mentioned(doc: &Doc, facts: &Facts) -> Vec<String> {
    let mut problems: Vec<String> = facts
        .malformed
        .iter()
        .map(|m| format!("{m}: not a clause id"))
        .collect();
    for (id, places) in facts.emitted.iter().chain(&facts.mentioned) {
        if !doc.anchors.contains(id) {
            problems.push(format!(
                "{id} is not a clause of docs/POLICY.md, but {} says it",
                places.join(", ")
            ));
        }
    }
    problems
}

/// Whether `path` of a policy file is a key of the schema: a file with only that key is
/// read, or refused for its value at that key, never as an unknown key.
fn is_policy_key(path: &str) -> bool {
    static KNOWN: OnceLock<Mutex<BTreeMap<String, bool>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Mutex::default);
    if let Some(&answer) = known.lock().ok().as_ref().and_then(|k| k.get(path)) {
        return answer;
    }
    let mut value = Value::Null;
    for segment in path.split('.').rev() {
        value = serde_json::json!({ segment: value });
    }
    let answer = match Policy::from_json_value(value) {
        Ok(_) => true,
        Err(e) => e.code() == "policy.invalid_value" && e.key() == Some(path),
    };
    if let Ok(mut known) = known.lock() {
        known.insert(path.to_owned(), answer);
    }
    answer
}

/// Whether the core has a string literal `"text"`.
fn has_literal(facts: &Facts, text: &str) -> bool {
    facts.literals.contains(text)
}

/// Whether `module::Item::member` is declared in the files of `core/src/module`.
fn is_declared(facts: &Facts, path: &str) -> bool {
    let mut segments = path.split("::");
    let Some(module) = segments.next() else {
        return false;
    };
    let root = repo().join("core/src");
    let (file, dir) = (root.join(format!("{module}.rs")), root.join(module));
    let texts: Vec<&String> = facts
        .sources
        .iter()
        .filter(|(p, _)| **p == file || p.starts_with(&dir))
        .map(|(_, t)| t)
        .collect();
    let declares = |name: &str| {
        texts.iter().any(|t| {
            [
                "fn ", "struct ", "enum ", "const ", "type ", "trait ", "static ",
            ]
            .iter()
            .any(|kw| {
                t.match_indices(&format!("{kw}{name}")).any(|(i, m)| {
                    !t[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            })
        })
    };
    let mut any = false;
    for segment in segments {
        any = true;
        if !declares(segment) {
            return false;
        }
    }
    any && !texts.is_empty()
}

/// Why `token` of `kind` listed under `id` is wrong, if it is.
fn wrong_item(facts: &Facts, id: &str, kind: &str, token: &str) -> Option<String> {
    let ok = match kind {
        "parameter" => is_policy_key(token),
        "error" | "intake violation" | "intake request" | "check" | "period rule" => {
            has_literal(facts, token)
        }
        "stage" => token
            .parse::<Stage>()
            .is_ok_and(|s| s.clause() == id && s.as_str() == token),
        "event" => token.parse::<EventKind>().is_ok_and(|e| e.clause() == id),
        "level" => token.parse::<Level>().is_ok_and(|l| l.clause() == id),
        "evidence kind" => token.parse::<EvidenceKind>().is_ok(),
        "api" => is_declared(facts, token),
        other => return Some(format!("{id}: unknown kind `{other}`")),
    };
    (!ok)
        .then(|| format!("{id}: the {kind} `{token}` is not in the library (or not this clause's)"))
}

/// The "In the library" lists against the code.
fn library(doc: &Doc, facts: &Facts) -> Vec<String> {
    let mut problems = Vec::new();
    let ids: Vec<&String> = doc.clauses.iter().map(|c| &c.id).collect();
    let leaf = |id: &str| !ids.iter().any(|other| other.starts_with(&format!("{id}.")));
    let mut by_id: BTreeMap<&str, &Entry> = BTreeMap::new();
    for entry in &doc.entries {
        if !ids.contains(&&entry.id) {
            problems.push(format!("line {}: {} is not a clause", entry.line, entry.id));
        }
        if by_id.insert(&entry.id, entry).is_some() {
            problems.push(format!("{} has two entries", entry.id));
        }
    }
    for id in &ids {
        if leaf(id) && !by_id.contains_key(id.as_str()) {
            problems.push(format!("{id} has no \"In the library\" entry"));
        }
    }
    for entry in &doc.entries {
        let id = entry.id.as_str();
        let named = facts.emitted.contains_key(id);
        match (entry.status, named) {
            (Status::Enforced, false) => problems.push(format!(
                "{id} is marked enforced, but no string literal of core/src names it"
            )),
            (Status::Supported | Status::Outside, true) => problems.push(format!(
                "{id} is named by {}, so it is enforced",
                facts.emitted[id].join(", ")
            )),
            _ => {}
        }
        let tokens = entry.items.iter().map(|(_, t)| t.len()).sum::<usize>();
        match entry.status {
            Status::Outside if tokens > 0 => problems.push(format!(
                "{id} is outside the library but lists what does it"
            )),
            Status::Enforced | Status::Supported if tokens == 0 => {
                problems.push(format!("{id} does not say what in the library does it"))
            }
            _ => {}
        }
        for (kind, tokens) in &entry.items {
            for token in tokens {
                problems.extend(wrong_item(facts, id, kind, token));
            }
        }
    }
    for id in facts.emitted.keys() {
        if !by_id.contains_key(id.as_str()) {
            problems.push(format!("{id} is named by the core but has no entry"));
        }
    }

    let lists = |id: &str, kinds: &[&str], token: &str| {
        by_id.get(id).is_some_and(|e| {
            e.items
                .iter()
                .any(|(k, t)| kinds.contains(&k.as_str()) && t.iter().any(|t| t == token))
        })
    };
    let has_events = |id: &str| {
        by_id
            .get(id)
            .is_some_and(|e| e.items.iter().any(|(k, _)| k == "event"))
    };
    for (code, clause) in &facts.observed_codes {
        // An event out of order is refused with the event's own clause.
        let listed = if code == "case.transition_not_allowed" {
            has_events(clause)
        } else {
            lists(clause, &["error", "intake violation"], code)
        };
        if !listed {
            problems.push(format!(
                "the vectors show `{code}` naming {clause}, which does not list it"
            ));
        }
    }
    for (rule, clause) in &facts.observed_checks {
        if !lists(clause, &["check"], rule) {
            problems.push(format!(
                "the vectors show the check `{rule}` naming {clause}, which does not list it"
            ));
        }
    }
    for event in EventKind::ALL {
        if !lists(event.clause(), &["event"], event.as_str()) {
            problems.push(format!(
                "the event `{event}` is not listed under {}",
                event.clause()
            ));
        }
    }
    for stage in Stage::ALL {
        if !lists(stage.clause(), &["stage"], stage.as_str()) {
            problems.push(format!(
                "the stage `{stage}` is not listed under {}",
                stage.clause()
            ));
        }
    }
    for level in Level::ALL {
        if !lists(level.clause(), &["level"], level.as_str()) {
            problems.push(format!(
                "the level `{level}` is not listed under {}",
                level.clause()
            ));
        }
    }
    problems
}

/// The checks without a clause: each exists, and each the vectors show is listed.
fn clause_free(doc: &Doc, facts: &Facts) -> Vec<String> {
    let mut problems = Vec::new();
    for (check, line) in &doc.clause_free {
        if !has_literal(facts, check) {
            problems.push(format!(
                "line {line}: the check `{check}` is not in the library"
            ));
        }
    }
    for check in &facts.observed_clause_free {
        if !doc.clause_free.iter().any(|(listed, _)| listed == check) {
            problems.push(format!(
                "the vectors show the check `{check}` without a clause, which \"Checks without a clause\" does not list"
            ));
        }
    }
    problems
}

/// The parameter table's defaults are the default policy's.
fn defaults(doc: &Doc) -> Vec<String> {
    let mut problems = Vec::new();
    let policy = match Policy::default().to_json_value() {
        Ok(policy) => policy,
        Err(e) => return vec![format!("the default policy cannot be written: {e}")],
    };
    if doc.parameters.len() < 8 {
        problems.push("the parameter table lists every blank of the source".to_owned());
    }
    for (key, default, line) in &doc.parameters {
        let value = key.split('.').fold(&policy, |v, k| &v[k]);
        let actual = match value {
            Value::Null => "none".to_owned(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if !is_policy_key(key) || actual != *default {
            problems.push(format!(
                "line {line}: `{key}` defaults to `{actual}`, not `{default}`"
            ));
        }
    }
    problems
}

fn problems(text: &str, facts: &Facts) -> Vec<String> {
    let (doc, mut problems) = parse(text);
    problems.extend(facts.unreadable.iter().cloned());
    problems.extend(verbatim(&doc, &facts.source));
    problems.extend(numbering(&doc));
    problems.extend(anchors(&doc));
    problems.extend(mentioned(&doc, facts));
    problems.extend(library(&doc, facts));
    problems.extend(clause_free(&doc, facts));
    problems.extend(defaults(&doc));
    problems
}

// ---------------------------------------------------------------------------------------------
// The tests

fn page() -> Result<String, String> {
    read("docs/POLICY.md")
}

#[test]
fn the_policy_page_matches_the_source_and_the_code() {
    let problems = problems(&page().unwrap(), facts());
    assert!(
        problems.is_empty(),
        "docs/POLICY.md:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_page_has_every_clause_of_the_source() {
    let (doc, parse_problems) = parse(&page().unwrap());
    assert_eq!(parse_problems, Vec::<String>::new());
    // 9 chapters, 22 sections, 46 numbered items; the source breaks off in §9.2.2.
    assert_eq!(doc.clauses.len(), 77);
    assert_eq!(doc.clauses.first().map(|c| c.id.as_str()), Some("§1"));
    assert_eq!(doc.clauses.last().map(|c| c.id.as_str()), Some("§9.2.2"));
    assert!(doc.clauses.last().unwrap().zh.ends_with("(原文至此中斷)"));
    let enforced = doc
        .entries
        .iter()
        .filter(|e| e.status == Status::Enforced)
        .count();
    assert_eq!(enforced, facts().emitted.len());
    assert!(
        doc.entries
            .iter()
            .filter(|e| e.id.starts_with("§9."))
            .all(|e| e.status == Status::Outside),
        "training and publicity are outside the library"
    );
}

#[test]
fn the_core_names_clauses_and_the_readme_links_the_page() {
    let emitted = &facts().emitted;
    for id in ["§2.2.3", "§3.2.3", "§6.2.2", "§8.2.3"] {
        assert!(emitted.contains_key(id), "{id}");
    }
    let readme = read("README.md").unwrap();
    let (_, section) = readme
        .split_once("## The policy and its clauses")
        .expect("the README's section on the policy");
    let section = section.split("\n## ").next().unwrap();
    assert!(section.contains("(docs/POLICY.md)"), "{section}");
}

/// The problems of the page with `from` (which must occur) replaced by `to`.
fn with(page: &str, from: &str, to: &str) -> Vec<String> {
    if !page.contains(from) {
        return vec![format!("the page has no `{from}` to replace")];
    }
    problems(&page.replacen(from, to, 1), facts())
}

fn assert_caught(problems: &[String], expected: &str) {
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "expected a problem with `{expected}`, got {problems:#?}"
    );
}

#[test]
fn a_changed_character_of_the_source_is_caught() {
    let page = page().unwrap();
    assert_caught(&with(&page, "投訴室對已處理", "投訴室對已處裡"), "§5.1.1");
    // "Fixing" the source's characters is a change too.
    assert_caught(&with(&page, "適用范圍", "適用範圍"), "§1.2");
}

#[test]
fn a_missing_or_misnumbered_clause_is_caught() {
    let page = page().unwrap();
    let row = page
        .lines()
        .find(|l| l.starts_with("| <a id=\"clause-4.3.2\">"))
        .expect("the row of §4.3.2");
    let problems = with(&page, &format!("{row}\n"), "");
    assert_caught(&problems, "§4.4 (line");
    assert_caught(&problems, "#clause-4.3.2 goes nowhere");

    let renumbered = with(
        &page,
        "<a id=\"clause-3.3.2\"></a>§3.3.2",
        "<a id=\"clause-3.3.5\"></a>§3.3.5",
    );
    assert_caught(&renumbered, "is §3.3.2, not §3.3.5");
}

#[test]
fn a_clause_the_code_names_but_the_page_lacks_is_caught() {
    let (doc, _) = parse(&page().unwrap());
    let new_id = format!("§{}.{}", 4, 5);
    let mut facts = Facts {
        unreadable: Vec::new(),
        source: facts().source.clone(),
        emitted: facts().emitted.clone(),
        malformed: vec![format!("core/src/x.rs:1: \"§ {}\"", "2.1")],
        mentioned: BTreeMap::new(),
        sources: facts().sources.clone(),
        literals: facts().literals.clone(),
        observed_codes: BTreeSet::new(),
        observed_checks: BTreeSet::new(),
        observed_clause_free: BTreeSet::new(),
    };
    facts
        .emitted
        .insert(new_id.clone(), vec!["core/src/x.rs:2".into()]);
    let problems = mentioned(&doc, &facts);
    assert_caught(
        &problems,
        &format!("{new_id} is not a clause of docs/POLICY.md"),
    );
    assert_caught(&problems, "not a clause id");
    assert_caught(
        &library(&doc, &facts),
        &format!("{new_id} is named by the core"),
    );
}

#[test]
fn a_wrong_enforcement_claim_is_caught() {
    let page = page().unwrap();
    let caught = |from: &str, to: &str, expected: &str| {
        assert_caught(&with(&page, from, to), expected);
    };
    caught(
        "[§3.3.2](#clause-3.3.2) **outside**: a duty of the investigators",
        "[§3.3.2](#clause-3.3.2) **enforced**: check `timeliness`",
        "§3.3.2 is marked enforced",
    );
    caught(
        "[§4.3.2](#clause-4.3.2) **enforced**",
        "[§4.3.2](#clause-4.3.2) **supported**",
        "§4.3.2 is named by",
    );
    caught(
        "`case.team_empty`",
        "`case.team_emtpy`",
        "`case.team_emtpy`",
    );
    caught(
        "`deadlines.registration`",
        "`deadlines.registraton`",
        "`deadlines.registraton`",
    );
    caught("`privacy::mask`", "`privacy::unmask`", "`privacy::unmask`");
    // An event, a stage or a level under another clause than its own, or left out.
    caught(
        "events `plan_returned`, `plan_approved`",
        "event `plan_returned`",
        "`plan_approved` is not listed under §4.2",
    );
    caught("stage `plan`;", "stage `feedback`;", "the stage `feedback`");
    caught("level `heavy`", "level `light`", "the level `light`");
    // A check or a code the vectors see under a clause, left out.
    caught(
        "check `team_composition`",
        "check `evidence`",
        "`team_composition` naming §3.1",
    );
    caught(
        "error `case.unsigned_interview`; ",
        "",
        "`case.unsigned_interview` naming §3.2.3",
    );
    // A code in prose would escape the checks.
    caught(
        "error `case.team_empty`",
        "error `case.team_empty` when empty",
        "prose goes in an item",
    );
}

#[test]
fn a_check_without_a_clause_left_out_or_made_up_is_caught() {
    let page = page().unwrap();
    assert!(
        facts().observed_clause_free.contains("provisional_days"),
        "the vectors show the provisional finding"
    );
    assert_caught(
        &with(&page, "- check `provisional_days`: ", "- "),
        "is listed as",
    );
    assert_caught(
        &with(
            &page,
            "- check `provisional_days`: ",
            "- check `provisional_weeks`: ",
        ),
        "`provisional_weeks` is not in the library",
    );
    assert_caught(
        &with(
            &page,
            "- check `provisional_days`: ",
            "- check `provisional_weeks`: ",
        ),
        "the vectors show the check `provisional_days` without a clause",
    );
}

#[test]
fn a_wrong_default_is_caught() {
    assert_caught(
        &with(
            &page().unwrap(),
            "`deadlines.feedback` | 3 working days",
            "`deadlines.feedback` | 5 working days",
        ),
        "`deadlines.feedback` defaults to `3 working days`",
    );
}
