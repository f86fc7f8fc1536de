//! The root README's store snippet, run.
//!
//! Core's doc tests run every Rust block of the README, but they cannot link this crate, so the
//! README shows the store's three lines as `rust,ignore`. This test runs those lines verbatim
//! (the region between the `README:` markers) against a throwaway SQLite file, and checks that
//! the README still shows exactly these lines: an edit to either side fails here.

use complaint_office::case::Event;
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use complaint_office_store::{Registration, Store};

const README: &str = include_str!("../../README.md");
const THIS_FILE: &str = include_str!("readme.rs");

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn snippet() -> Result<(u64, String)> {
    let received = Event::from_json_str(
        r#"{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
            "content": "The replacement part broke again."}"#,
    )?;
    let now = parse_instant("2025-09-26T11:00:00+08:00")?;
    let classified = Event::from_json_str(
        r#"{"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}"#,
    )?;
    // README: begin
    let store = Store::open("complaints.db", Policy::default())?;
    let registered = store.register(Registration::new(received, now).by("clerk-07"))?; // 25090001
    store.append(registered.case, registered.version, classified)?; // judged by the policy
    // README: end
    let stored = store.load(registered.case)?;
    assert_eq!(
        stored.case.category(),
        Some("product_quality"),
        "the append took effect"
    );
    Ok((stored.version, registered.number.to_string()))
}

/// A line with its runs of white space made one space (rustfmt aligns comments differently
/// from the README).
fn words(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines between the markers of this file.
fn region() -> Vec<String> {
    THIS_FILE
        .lines()
        .skip_while(|line| line.trim() != "// README: begin")
        .skip(1)
        .take_while(|line| line.trim() != "// README: end")
        .map(words)
        .collect()
}

/// The first `rust,ignore` block after the README's store heading.
fn readme_block() -> Vec<String> {
    README
        .lines()
        .skip_while(|line| *line != "## Keeping cases: the store")
        .skip_while(|line| *line != "```rust,ignore")
        .skip(1)
        .take_while(|line| *line != "```")
        .map(words)
        .collect()
}

#[test]
fn the_readme_shows_the_lines_this_test_runs() {
    let block = readme_block();
    assert!(!block.is_empty(), "the README's store block was not found");
    assert_eq!(block, region());
}

#[test]
fn the_readme_lines_register_and_append() -> Result<()> {
    // The snippet opens "complaints.db" in the working directory: run it in a fresh one.
    let dir = std::env::temp_dir().join(format!("co-store-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let before = std::env::current_dir()?;
    std::env::set_current_dir(&dir)?;
    let outcome = snippet();
    std::env::set_current_dir(before)?;
    std::fs::remove_dir_all(&dir)?;
    let (version, number) = outcome?;
    assert_eq!(number, "25090001");
    assert_eq!(version, 3, "received, registered, then classified");
    Ok(())
}
