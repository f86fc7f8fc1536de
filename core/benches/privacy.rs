//! Redaction of a complaint's content: `cargo bench -p complaint-office --bench privacy`.
//! Target: the department's view of a 2,000-character complaint in the microseconds.
//!
//! The texts come from the privacy corpus's generator (`core/tests/support/complaints.rs`):
//! complaints in Simplified Chinese, Traditional Chinese and English with personal values in
//! many written forms (separators, full-width digits, zero-width characters, the other
//! script), order numbers, dates, amounts and codes; the case records a name, a contact and
//! superseded values.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/support/complaints.rs"]
mod complaints;

use std::hint::black_box;

use complaint_office::privacy::{PersonalData, Role};
use complaints::{Document, Rng, document};
use criterion::{Criterion, criterion_group, criterion_main};

/// A 2,000-character complaint in `language` (generated complaints joined), with what the
/// case recorded: the first one's name, contact and superseded values.
fn complaint(language: &'static str) -> (PersonalData, Vec<PersonalData>) {
    let mut rng = Rng::new(2_000);
    let mut content = String::new();
    let mut first: Option<Document> = None;
    while content.chars().count() < 2_000 {
        let doc = document(&mut rng, language);
        content.push_str(&doc.text());
        first.get_or_insert(doc);
    }
    let first = first.unwrap();
    let content: String = content.chars().take(2_000).collect();
    let data = PersonalData {
        content: Some(content),
        ..first.data
    };
    (data, first.superseded)
}

fn redaction(c: &mut Criterion) {
    for language in complaints::LANGUAGES {
        let (data, superseded) = complaint(language);
        c.bench_function(
            &format!("department view, 2,000 characters, {language}"),
            |b| {
                b.iter(|| {
                    black_box(&data).view_with_history(Role::Department, black_box(&superseded))
                })
            },
        );
    }
    let (data, superseded) = complaint("zh-Hans");
    c.bench_function("investigation team view, 2,000 characters, zh-Hans", |b| {
        b.iter(|| {
            black_box(&data).view_with_history(Role::InvestigationTeam, black_box(&superseded))
        })
    });
    let plain = PersonalData {
        complainant_name: Some("張三".into()),
        contact_phone: Some("13812345678".into()),
        content: Some("更換的零件又壞了，客服態度也很差。".repeat(118)),
        ..PersonalData::default()
    };
    c.bench_function(
        "department view, 2,000 characters, no personal data in the text",
        |b| b.iter(|| black_box(&plain).view(Role::Department)),
    );
}

criterion_group!(benches, redaction);
criterion_main!(benches);
