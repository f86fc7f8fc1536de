//! The layers of the core, checked: every file of `core/src` may reach into the top-level
//! modules of lower layers only (ARCHITECTURE.md draws the same list). A path into another
//! top-level module is any `use crate::…`, `crate::x::…`, `$crate::…`, `super::…` that climbs to
//! the crate root, or a string in an attribute that names `crate::…` (`serde(with = …)`).
//! Comments and doc tests do not count; unit tests (`#[cfg(test)]`) do.
//!
//! The test fails on any import against the layer order and, separately, on any cycle between
//! top-level modules; a module missing from the list, or a path that names something it
//! cannot place, fails too, so a new module has to be given its layer here and in
//! ARCHITECTURE.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may use the modules of lower layers, and of its own
/// layer those listed before it. ARCHITECTURE.md draws the same list, top first.
#[rustfmt::skip]
const LAYERS: &[(&str, &[&str])] = &[
    ("base",       &["error", "input"]),
    ("vocabulary", &["time", "vocabulary", "confidential", "language", "policy_error"]),
    ("quantities", &["duration", "number", "calendar"]),
    ("periods",    &["period"]),
    ("tables",     &["classify", "triage", "accountability", "intake"]),
    ("policy",     &["policy"]),
    ("rules",      &["privacy", "archive", "stats"]),
    ("lifecycle",  &["case", "history"]),
    ("office",     &["office"]),
    ("top",        &["library_error", "testing"]),
];

/// The crate root itself (`lib.rs`, its prelude): above every module, used by none.
const ROOT: &str = "(crate root)";

#[test]
fn the_core_has_layers_without_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_sources(&src);
    let problems = check(&files, LAYERS);
    assert!(
        problems.is_empty(),
        "the core's layers are broken (see ARCHITECTURE.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_architecture_note_draws_the_same_layers() {
    let note = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md");
    let text = fs::read_to_string(&note).unwrap();
    let drawn = drawn_layers(&text);
    let declared: Vec<(String, Vec<String>)> = LAYERS
        .iter()
        .rev()
        .map(|(layer, modules)| {
            let modules = modules.iter().map(|m| (*m).to_owned()).collect();
            ((*layer).to_owned(), modules)
        })
        .collect();
    assert_eq!(
        drawn, declared,
        "ARCHITECTURE.md's diagram and LAYERS in core/tests/layers.rs must list the same layers"
    );
}

/// The check can fail: a table that imports the policy goes up a layer and closes a circle.
#[test]
fn a_back_edge_is_found() {
    let files = BTreeMap::from([
        (
            "lib.rs".to_owned(),
            "pub mod error;\npub mod intake;\npub mod policy;\npub use error::ErrorCode;\n"
                .to_owned(),
        ),
        ("error.rs".to_owned(), "pub trait ErrorCode {}\n".to_owned()),
        (
            "intake/mod.rs".to_owned(),
            "use crate::ErrorCode;\nmod rules;\n".to_owned(),
        ),
        (
            "intake/rules.rs".to_owned(),
            "// use crate::policy::Policy; (a comment is not an import)\n\
             const WORDS: &str = \"crate::policy\";\n\
             pub(crate) fn check(p: &crate::policy::Policy) {}\n"
                .to_owned(),
        ),
        (
            "policy/mod.rs".to_owned(),
            "use crate::{error::ErrorCode, intake};\n".to_owned(),
        ),
    ]);
    let layers: &[(&str, &[&str])] = &[
        ("base", &["error"]),
        ("tables", &["intake"]),
        ("policy", &["policy"]),
    ];
    let problems = check(&files, layers);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0]
            .starts_with("intake/rules.rs:3: intake (layer tables) uses policy (layer policy)"),
        "{problems:#?}"
    );
    assert_eq!(problems[1], "circle: intake -> policy -> intake");
}

#[test]
fn paths_through_super_groups_and_strings_are_found() {
    let files = BTreeMap::from([
        (
            "lib.rs".to_owned(),
            "pub mod a;\npub mod b;\npub mod c;\npub mod d;\npub mod e;\n".to_owned(),
        ),
        ("a.rs".to_owned(), "pub struct A;\n".to_owned()),
        ("b.rs".to_owned(), "pub struct B;\n".to_owned()),
        ("c.rs".to_owned(), "pub struct C;\n".to_owned()),
        ("e.rs".to_owned(), "pub struct E;\n".to_owned()),
        (
            "d/mod.rs".to_owned(),
            "mod inner;\nuse super::{a::A, b};\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n"
                .to_owned(),
        ),
        (
            "d/inner.rs".to_owned(),
            "#[serde(with = \"crate::c::form\")]\nstruct X { s: &'static str }\n\
             fn f() -> char { let _ = super::super::a::A; '{' }\n\
             macro_rules! e { () => { $crate::e::E }; }\n"
                .to_owned(),
        ),
    ]);
    let graph = imports(&files).unwrap();
    let from_d: BTreeSet<&str> = graph
        .iter()
        .filter(|e| e.from == "d")
        .map(|e| e.to.as_str())
        .collect();
    assert_eq!(from_d, BTreeSet::from(["a", "b", "c", "e"]));
}

// ---------------------------------------------------------------------------------------------

/// Every `.rs` file under `src`, by its path relative to `src` (`case/event.rs`).
fn read_sources(src: &Path) -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(src, &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// One path from a file of one top-level module into another.
#[derive(Debug)]
struct Import {
    from: String,
    to: String,
    at: String,
}

/// Every problem with the layers: imports against the order, circles, unplaced modules.
fn check(files: &BTreeMap<String, String>, layers: &[(&str, &[&str])]) -> Vec<String> {
    let mut problems = Vec::new();
    let rank: BTreeMap<&str, (usize, &str)> = layers
        .iter()
        .flat_map(|(layer, modules)| modules.iter().map(move |m| (*m, *layer)))
        .enumerate()
        .map(|(i, (m, layer))| (m, (i, layer)))
        .collect();
    let declared = match top_level_modules(files) {
        Ok(d) => d,
        Err(e) => return vec![e],
    };
    for module in &declared.modules {
        if !rank.contains_key(module.as_str()) {
            problems.push(format!(
                "module `{module}` has no layer: add it to LAYERS (core/tests/layers.rs) and ARCHITECTURE.md"
            ));
        }
    }
    for module in rank.keys() {
        if !declared.modules.contains(*module) {
            problems.push(format!(
                "LAYERS lists `{module}`, which lib.rs does not declare"
            ));
        }
    }
    let imports = match imports(files) {
        Ok(i) => i,
        Err(e) => {
            problems.extend(e);
            return problems;
        }
    };
    let layer_of = |m: &str| rank.get(m).copied();
    for import in &imports {
        let ok = match (layer_of(&import.from), layer_of(&import.to)) {
            (Some((from, _)), Some((to, _))) => to < from,
            // Nothing uses the crate root (its prelude re-exports from every layer).
            _ if import.to == ROOT => false,
            // A module without a layer: reported above.
            _ => true,
        };
        if !ok {
            let name = |m: &str| layer_of(m).map_or("above every layer", |(_, l)| l);
            problems.push(format!(
                "{}: {} (layer {}) uses {} (layer {}): an import against the layer order",
                import.at,
                import.from,
                name(&import.from),
                import.to,
                name(&import.to)
            ));
        }
    }
    let graph: BTreeMap<&str, BTreeSet<&str>> = imports.iter().fold(BTreeMap::new(), |mut g, i| {
        g.entry(i.from.as_str()).or_default().insert(i.to.as_str());
        g
    });
    for circle in circles(&graph) {
        problems.push(format!("circle: {}", circle.join(" -> ")));
    }
    problems
}

/// The circles of a graph, each once, starting at its smallest module.
fn circles<'a>(graph: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Vec<Vec<&'a str>> {
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        found: &mut BTreeSet<Vec<&'a str>>,
    ) {
        if let Some(i) = path.iter().position(|&n| n == node) {
            let mut circle = path[i..].to_vec();
            let start = (0..circle.len()).min_by_key(|&k| circle[k]).unwrap_or(0);
            circle.rotate_left(start);
            circle.push(circle[0]);
            found.insert(circle);
            return;
        }
        if done.contains(node) {
            return;
        }
        path.push(node);
        for &next in graph.get(node).into_iter().flatten() {
            visit(next, graph, path, done, found);
        }
        path.pop();
        done.insert(node);
    }
    let mut found = BTreeSet::new();
    let mut done = BTreeSet::new();
    for &node in graph.keys() {
        visit(node, graph, &mut Vec::new(), &mut done, &mut found);
    }
    found.into_iter().collect()
}

/// What `lib.rs` declares: the file modules, and the names it re-exports from them.
struct Declared {
    modules: BTreeSet<String>,
    reexports: BTreeMap<String, String>,
}

fn top_level_modules(files: &BTreeMap<String, String>) -> Result<Declared, String> {
    let lib = files.get("lib.rs").ok_or("no lib.rs")?;
    let tokens = lex(lib);
    let mut declared = Declared {
        modules: BTreeSet::new(),
        reexports: BTreeMap::new(),
    };
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].string {
            i += 1;
            continue;
        }
        match tokens[i].text.as_str() {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            "mod" if depth == 0 && tokens.get(i + 2).is_some_and(|t| t.text == ";") => {
                declared.modules.insert(tokens[i + 1].text.clone());
            }
            "use" if depth == 0 => {
                let end = (i..tokens.len())
                    .find(|&k| tokens[k].text == ";")
                    .unwrap_or(tokens.len());
                let statement: Vec<&str> =
                    tokens[i + 1..end].iter().map(|t| t.text.as_str()).collect();
                let statement = match statement.as_slice() {
                    ["crate", "::", rest @ ..] => rest,
                    all => all,
                };
                if let Some(module) = statement.first() {
                    // The names it exports: the last segment of each item, or what it is
                    // renamed to.
                    for (k, word) in statement.iter().enumerate() {
                        let next = statement.get(k + 1).copied();
                        let is_name = word
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphabetic() || c == '_')
                            && matches!(next, None | Some("," | "}"));
                        if is_name && k > 0 {
                            declared
                                .reexports
                                .insert((*word).to_owned(), (*module).to_owned());
                        }
                    }
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(declared)
}

/// Every path from one top-level module into another, over every file but `lib.rs`.
fn imports(files: &BTreeMap<String, String>) -> Result<Vec<Import>, Vec<String>> {
    let declared = top_level_modules(files).map_err(|e| vec![e])?;
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in files {
        if name == "lib.rs" {
            continue;
        }
        let module_path = module_path_of(name);
        let (named, climbed_too_far) = root_paths(&lex(text), module_path.len());
        for line in climbed_too_far {
            problems.push(format!("{name}:{line}: `super::` above the crate root"));
        }
        for (first, line) in named {
            let to = if declared.modules.contains(&first) {
                first
            } else if let Some(module) = declared.reexports.get(&first) {
                module.clone()
            } else if first == "prelude" {
                ROOT.to_owned()
            } else {
                problems.push(format!(
                    "{name}:{line}: cannot place `crate::{first}` in a module: use the module's path"
                ));
                continue;
            };
            if to != module_path[0] {
                found.push(Import {
                    from: module_path[0].clone(),
                    to,
                    at: format!("{name}:{line}"),
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// The first segment after the crate root of every path of a file that reaches the root
/// (`crate::x`, `$crate::x`, `super::x` from the top of the file's module path, `"crate::x"` in
/// an attribute), with its line; and the lines where `super::` climbs above the root.
fn root_paths(tokens: &[Token], file_depth: usize) -> (Vec<(String, usize)>, Vec<usize>) {
    let mut named = Vec::new();
    let mut too_far = Vec::new();
    // Inline modules (`mod tests { … }`) deepen the path that `super::` climbs from.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    // Inside `#[…]`, the depth of its brackets: a string there may be a path.
    let mut attribute = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.string {
            if attribute > 0
                && let Some(rest) = t.text.strip_prefix("crate::")
            {
                let first = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                named.push((first, t.line));
            }
            i += 1;
            continue;
        }
        let before = |k: usize| (i >= k).then(|| tokens[i - k].text.as_str());
        match t.text.as_str() {
            "[" if attribute > 0 => attribute += 1,
            "[" if before(1) == Some("#") || (before(1) == Some("!") && before(2) == Some("#")) => {
                attribute = 1;
            }
            "]" if attribute > 0 => attribute -= 1,
            "{" => depth += 1,
            "}" => {
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "mod" if tokens.get(i + 2).is_some_and(|t| t.text == "{") => inline.push(depth + 1),
            "crate" if follows_path_start(tokens, i) && next_is(tokens, i, "::") => {
                for first in first_segments(tokens, i + 2) {
                    named.push((first, t.line));
                }
            }
            "super" if follows_path_start(tokens, i) && next_is(tokens, i, "::") => {
                let mut climbs = 0;
                let mut k = i;
                while tokens.get(k).is_some_and(|t| t.text == "super") && next_is(tokens, k, "::") {
                    climbs += 1;
                    k += 2;
                }
                let here = file_depth + inline.len();
                if climbs == here {
                    for first in first_segments(tokens, k) {
                        named.push((first, t.line));
                    }
                } else if climbs > here {
                    too_far.push(t.line);
                }
                i = k;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (named, too_far)
}

/// The module path of a file: `case/event.rs` is `case::event`, `policy/mod.rs` is `policy`.
fn module_path_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn next_is(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens
        .get(i + 1)
        .is_some_and(|t| !t.string && t.text == text)
}

/// `crate`/`super` start a path unless they follow `::` (`$crate` in a macro starts one too).
fn follows_path_start(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].text != "::"
}

/// The first segment after `crate::`: one name, or each item of a `{…}` group.
fn first_segments(tokens: &[Token], i: usize) -> Vec<String> {
    match tokens.get(i) {
        Some(t) if t.text == "{" => {
            let mut names = Vec::new();
            let mut depth = 0usize;
            let mut expecting = true;
            for t in &tokens[i..] {
                match t.text.as_str() {
                    "{" => {
                        depth += 1;
                        if depth == 1 {
                            expecting = true;
                        }
                    }
                    "}" => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    "," if depth == 1 => expecting = true,
                    word if depth == 1 && expecting => {
                        if word != "self" {
                            names.push(word.to_owned());
                        }
                        expecting = false;
                    }
                    _ => {}
                }
            }
            names
        }
        Some(t) if !t.string => vec![t.text.clone()],
        _ => Vec::new(),
    }
}

/// A word, a punctuation mark (`::` is one) or the contents of a string literal.
#[derive(Debug)]
struct Token {
    text: String,
    line: usize,
    string: bool,
}

/// Splits Rust source into tokens, leaving out comments (doc comments too), char literals and
/// lifetimes, and keeping string literals as single tokens.
fn lex(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if let Some((hashes, start)) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br"…": ends at a quote followed by as many hashes.
            let mut k = start;
            let first_line = line;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while k < chars.len() && !chars[k..].starts_with(&closing) {
                if chars[k] == '\n' {
                    line += 1;
                }
                k += 1;
            }
            tokens.push(Token {
                text: chars[start..k.min(chars.len())].iter().collect(),
                line: first_line,
                string: true,
            });
            i = k + closing.len();
        } else if c == '"' || (c == 'b' && next == Some('"')) {
            let mut k = if c == 'b' { i + 2 } else { i + 1 };
            let first_line = line;
            let mut text = String::new();
            while k < chars.len() && chars[k] != '"' {
                if chars[k] == '\\' {
                    text.push(chars[k]);
                    k += 1;
                }
                if let Some(&ch) = chars.get(k) {
                    if ch == '\n' {
                        line += 1;
                    }
                    text.push(ch);
                }
                k += 1;
            }
            tokens.push(Token {
                text,
                line: first_line,
                string: true,
            });
            i = k + 1;
        } else if c == '\'' || (c == 'b' && next == Some('\'')) {
            // A char literal ('a', '\n', '\u{3000}', b'x') or a lifetime ('a, 'static).
            let k = if c == 'b' { i + 1 } else { i };
            if chars.get(k + 1) == Some(&'\\') {
                let mut end = k + 2;
                while end < chars.len() && chars[end] != '\'' {
                    end += 1;
                }
                i = end + 1;
            } else if chars.get(k + 2) == Some(&'\'') {
                i = k + 3;
            } else {
                i = k + 1;
                while i < chars.len() && is_word(chars[i]) {
                    i += 1;
                }
            }
        } else if is_word(c) {
            // A raw identifier (r#type) is the identifier.
            if c == 'r' && next == Some('#') {
                i += 2;
            }
            let word_start = i;
            while i < chars.len() && is_word(chars[i]) {
                i += 1;
            }
            tokens.push(Token {
                text: chars[word_start..i].iter().collect(),
                line,
                string: false,
            });
        } else if c == ':' && next == Some(':') {
            tokens.push(Token {
                text: "::".into(),
                line,
                string: false,
            });
            i += 2;
        } else {
            tokens.push(Token {
                text: c.to_string(),
                line,
                string: false,
            });
            i += 1;
        }
    }
    tokens
}

/// Where a raw string literal starts (`r"`, `r#"`, `br##"` …): its number of hashes and the
/// index of its first character.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut k = i;
    if chars.get(k) == Some(&'b') {
        k += 1;
    }
    if chars.get(k) != Some(&'r') {
        return None;
    }
    if i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    k += 1;
    let mut hashes = 0;
    while chars.get(k) == Some(&'#') {
        hashes += 1;
        k += 1;
    }
    (chars.get(k) == Some(&'"')).then_some((hashes, k + 1))
}

/// The layers drawn in ARCHITECTURE.md: the rows `| layer   module  module … |` of the
/// diagram between `<!-- layers -->` and the end of its code block, top first.
fn drawn_layers(text: &str) -> Vec<(String, Vec<String>)> {
    let start = text
        .find("<!-- layers -->")
        .expect("ARCHITECTURE.md marks its diagram with <!-- layers -->");
    let block = &text[start..];
    let body_start = block.find("```").map(|i| i + 3).unwrap_or(0);
    let body = &block[body_start..];
    let body = &body[..body.find("```").unwrap_or(body.len())];
    body.lines()
        .filter_map(|line| {
            let row = line.trim().strip_prefix('|')?;
            let row = &row[..row.find('|')?];
            let mut words = row.split_whitespace();
            let layer = words.next()?.to_owned();
            let modules = words
                .map(|w| w.trim_end_matches(',').to_owned())
                .filter(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .collect();
            Some((layer, modules))
        })
        .collect()
}
