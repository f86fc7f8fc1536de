//! §1.3.4 measured: a corpus of generated complaint texts (Simplified Chinese, Traditional
//! Chinese, English) with personal values planted in many written forms, redacted for the
//! department and for statistics.
//!
//! * Every planted value must be masked for the department (asserted: 100 %), and statistics
//!   see no content at all.
//! * False positives, masked stretches that are not planted personal data, are counted on
//!   the numbers a complaint holds besides (order numbers, dates, amounts, the company's 400
//!   number, product codes, tracking numbers, invoice numbers, postal codes, …); the rate is
//!   printed (`cargo test --test privacy_corpus -- --nocapture`), recorded in the README and
//!   held under a ceiling here.
//!
//! The department's view replaces stretches of the text by `***` and leaves everything else
//! as it was; the generated texts contain no `*`, so the replaced byte ranges are recovered
//! exactly by aligning the view with the original.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/complaints.rs"]
mod complaints;

use std::collections::BTreeMap;

use complaint_office::privacy::{PersonalData, Role};
use complaints::{Document, Kind, LANGUAGES, Rng, Segment, document, replaced};

/// Documents per language.
const DOCUMENTS: usize = 2_000;
/// The most false positives tolerated, in masked stretches per 10,000.
const FALSE_POSITIVE_CEILING: usize = 50;

#[derive(Default)]
struct Tally {
    documents: usize,
    characters: usize,
    planted: usize,
    masked: usize,
    by_kind: BTreeMap<String, (usize, usize)>,
    by_form: BTreeMap<String, (usize, usize)>,
    other_items: usize,
    other_touched: usize,
    masked_spans: usize,
    false_positive_spans: usize,
    text_touched: usize,
    leaks: Vec<String>,
    false_positives: Vec<String>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn covered(range: (usize, usize), spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&s| s.0 <= range.0 && range.1 <= s.1)
}

fn measure(doc: &Document, tally: &mut Tally) {
    let text = doc.text();
    let view = doc
        .data
        .view_with_history(Role::Department, &doc.superseded);
    let stats = doc
        .data
        .view_with_history(Role::Statistics, &doc.superseded);
    assert_eq!(stats, PersonalData::default(), "statistics see nothing");
    assert_eq!(view.complainant_name, None);
    assert_eq!(view.contact_phone, None);
    assert_eq!(view.contact_email, None);
    assert_eq!(view.id_number, None);
    let redacted = view.content.expect("the department sees the content");
    let spans = replaced(&text, &redacted)
        .unwrap_or_else(|| panic!("not an in-place redaction:\n{text}\n{redacted}"));
    tally.documents += 1;
    tally.characters += text.chars().count();
    tally.masked_spans += spans.len();
    let ranges = doc.ranges();
    let mut planted_ranges = Vec::new();
    for (segment, &range) in doc.segments.iter().zip(&ranges) {
        match segment {
            Segment::Planted(i) => {
                let p = &doc.planted[*i];
                // The prefix (`+86 `, `(`) may stay; the value itself must be covered.
                let value = (range.0 + p.prefix.len(), range.1);
                planted_ranges.push(value);
                let ok = covered(value, &spans);
                tally.planted += 1;
                tally.masked += usize::from(ok);
                let k = tally.by_kind.entry(format!("{:?}", p.kind)).or_default();
                k.0 += 1;
                k.1 += usize::from(ok);
                let f = tally
                    .by_form
                    .entry(format!("{:?}: {}", p.kind, p.form))
                    .or_default();
                f.0 += 1;
                f.1 += usize::from(ok);
                if !ok {
                    tally.leaks.push(format!(
                        "{:?} {:?} in {text:?} → {redacted:?}",
                        p.kind, p.written
                    ));
                }
            }
            Segment::Other(item) => {
                tally.other_items += 1;
                if spans.iter().any(|&s| overlaps(s, range)) {
                    tally.other_touched += 1;
                    tally
                        .false_positives
                        .push(format!("{item:?} in {}", doc.language));
                }
            }
            Segment::Text(_) => {
                if spans.iter().any(|&s| overlaps(s, range)) {
                    tally.text_touched += 1;
                }
            }
        }
    }
    tally.false_positive_spans += spans
        .iter()
        .filter(|&&s| !planted_ranges.iter().any(|&p| overlaps(s, p)))
        .count();
}

#[test]
fn planted_values_are_masked_for_the_department_and_statistics() {
    let mut tally = Tally::default();
    for (l, language) in LANGUAGES.into_iter().enumerate() {
        let mut rng = Rng::new(0x5EED_0000 + l as u64);
        for _ in 0..DOCUMENTS {
            measure(&document(&mut rng, language), &mut tally);
        }
    }
    eprintln!(
        "corpus: {} documents, {} characters, {} planted values, {} other numbers and codes",
        tally.documents, tally.characters, tally.planted, tally.other_items
    );
    eprintln!(
        "planted values masked: {} of {} ({:.2} %)",
        tally.masked,
        tally.planted,
        100.0 * tally.masked as f64 / tally.planted as f64
    );
    for (kind, (n, ok)) in &tally.by_kind {
        eprintln!("  {kind}: {ok}/{n}");
    }
    for (form, (n, ok)) in &tally.by_form {
        eprintln!("    {form}: {ok}/{n}");
    }
    eprintln!(
        "masked stretches: {}, not planted personal data: {} ({:.3} %); other numbers touched: {} of {} ({:.3} %); template text touched: {}",
        tally.masked_spans,
        tally.false_positive_spans,
        100.0 * tally.false_positive_spans as f64 / tally.masked_spans as f64,
        tally.other_touched,
        tally.other_items,
        100.0 * tally.other_touched as f64 / tally.other_items as f64,
        tally.text_touched,
    );
    for fp in tally.false_positives.iter().take(20) {
        eprintln!("  false positive: {fp}");
    }
    assert!(
        tally.leaks.is_empty(),
        "{} planted values shown, e.g.\n{}",
        tally.leaks.len(),
        tally
            .leaks
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(tally.masked, tally.planted);
    // Every kind and every language is in the corpus.
    for kind in Kind::ALL {
        assert!(
            tally
                .by_kind
                .get(&format!("{kind:?}"))
                .is_some_and(|k| k.0 > 100),
            "{kind:?}"
        );
    }
    assert!(
        tally.false_positive_spans * 10_000 <= tally.masked_spans * FALSE_POSITIVE_CEILING,
        "{} false positives of {} masked stretches",
        tally.false_positive_spans,
        tally.masked_spans
    );
}

#[test]
fn the_alignment_recovers_replaced_stretches() {
    assert_eq!(replaced("abc", "abc"), Some(vec![]));
    assert_eq!(replaced("a 123 b", "a *** b"), Some(vec![(2, 5)]));
    assert_eq!(replaced("1 2", "*** ***"), Some(vec![(0, 1), (2, 3)]));
    assert_eq!(replaced("ab", "ab***"), None);
    assert_eq!(replaced("ab", "a***"), Some(vec![(1, 2)]));
}
