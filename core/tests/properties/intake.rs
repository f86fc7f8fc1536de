//! §1.2 §2.1 §2.2.1 intake, §2.2.2 classification, §2.2.4 §4.1.2 triage.

use std::collections::HashMap;
use std::sync::LazyLock;

use complaint_office::ErrorCode;
use complaint_office::classify::{self, Classification, Suggestion, text};
use complaint_office::intake::{
    self, Channel, ComplainantKind, Complaint, Contact, ContactKind, Field,
};
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use complaint_office::triage::{
    self, Complexity, QueueKey, Severity, Track, TriageRule, TriageRules, Urgency,
};
use proptest::prelude::*;
use proptest::sample::select;

use crate::config;

fn severity() -> impl Strategy<Value = Severity> {
    select(Severity::ALL.to_vec())
}
fn urgency() -> impl Strategy<Value = Urgency> {
    select(Urgency::ALL.to_vec())
}
fn complexity() -> impl Strategy<Value = Complexity> {
    select(Complexity::ALL.to_vec())
}

/// A case for the queue: triage inputs and a receipt instant in some offset.
fn queued() -> impl Strategy<Value = (Severity, Urgency, Complexity, i64, i32)> {
    // Few distinct instants, so that ties are common.
    (severity(), urgency(), complexity(), 0..40i64, -12..=14i32)
}

fn key(
    policy: &Policy,
    (s, u, c, minutes, hours): (Severity, Urgency, Complexity, i64, i32),
) -> QueueKey {
    let offset = chrono::FixedOffset::east_opt(hours * 3600).unwrap();
    let at =
        parse_instant("2025-09-26T00:00:00Z").unwrap() + chrono::Duration::minutes(minutes * 7);
    QueueKey::new(&triage::assess(policy, s, u, c), at.with_timezone(&offset))
}

/// The default matrix with a few rows changed at random.
fn mutated_matrix() -> impl Strategy<Value = Vec<TriageRule>> {
    let change = (
        0..12usize,
        any::<bool>(),
        select(Track::ALL.to_vec()),
        0..9u8,
        0..3u8,
    );
    proptest::collection::vec(change, 1..4).prop_map(|changes| {
        let mut m = TriageRules::default().matrix;
        for (row, emergency, track, priority, what) in changes {
            match what {
                0 => m[row].emergency = emergency,
                1 => m[row].track = track,
                _ => m[row].priority = priority,
            }
        }
        m
    })
}

/// Characters that fold together: the classes of Traditional/Simplified pairs, of ASCII
/// letters in both cases and widths, of digits in both widths, and of white space.
static CLASSES: LazyLock<Vec<Vec<char>>> = LazyLock::new(fold_classes);

// A classification of its own, so its keyword table is compiled apart from the policy's.
static FRESH: LazyLock<Classification> = LazyLock::new(Classification::default);

fn fold_classes() -> Vec<Vec<char>> {
    let mut classes: HashMap<char, Vec<char>> = HashMap::new();
    for &(t, s) in text::traditional_pairs() {
        classes.entry(s).or_insert_with(|| vec![s]).push(t);
    }
    let mut out: Vec<Vec<char>> = classes.into_values().collect();
    for c in ('a'..='z').chain('0'..='9') {
        let wide = |c: char| char::from_u32(c as u32 + 0xFEE0).unwrap();
        let up = c.to_ascii_uppercase();
        let mut class = vec![c, wide(c)];
        if up != c {
            class.extend([up, wide(up)]);
        }
        out.push(class);
    }
    out.push(vec![' ', '\u{3000}', '\t', '\n']);
    out.push(vec!['，', '。', '!', '.', '-']); // not equivalent: separators only
    out
}

/// A complaint-like text as a list of (class, member) choices.
fn text_choices() -> impl Strategy<Value = Vec<(usize, usize)>> {
    let n = CLASSES.len();
    proptest::collection::vec((0..n, 0..4usize), 0..80)
}

fn render(
    choices: &[(usize, usize)],
    classes: &[Vec<char>],
    pick: impl Fn(usize) -> usize,
) -> String {
    choices
        .iter()
        .enumerate()
        .map(|(i, &(class, member))| {
            let class = &classes[class];
            if class.len() == 5 && class[0] == '，' {
                class[member % class.len()] // separators stay as they are
            } else {
                class[pick(i).wrapping_add(member) % class.len()]
            }
        })
        .collect()
}

/// A suggestion as comparable data: code, hits, confidence bits, matched words.
type Summary<'a> = (&'a str, u32, u64, Vec<(&'a str, u32)>);

fn summary<'a>(s: &[Suggestion<'a>]) -> Vec<Summary<'a>> {
    s.iter()
        .map(|s| {
            let words = s.matched.iter().map(|m| (m.word, m.count)).collect();
            (
                s.category.code.as_str(),
                s.hits,
                s.confidence.to_bits(),
                words,
            )
        })
        .collect()
}

fn personal() -> impl Strategy<Value = Option<String>> {
    // A marker that no field name, code or clause contains, around arbitrary text.
    proptest::option::of("\\PC{0,8}".prop_map(|t| format!("QX{t}QX")))
}

fn complaint() -> impl Strategy<Value = Complaint> {
    (
        select(Channel::ALL.to_vec()),
        select(ComplainantKind::ALL.to_vec()),
        personal(),
        prop_oneof![personal(), proptest::option::of("[+0-9 ()@a-z.\\-]{0,20}")],
        any::<bool>(),
        personal(),
        prop_oneof![
            personal(),
            proptest::option::of("(投诉|投訴|complaint|ＣＯＭＰＬＡＩＮＴ| |x){0,3}")
        ],
    )
        .prop_map(
            |(channel, kind, name, contact, at, content, subject)| Complaint {
                name,
                contact,
                received_at: at.then(|| parse_instant("2025-09-26T10:00:00+08:00").unwrap()),
                content,
                subject,
                ..Complaint::new(channel, kind)
            },
        )
}

proptest! {
    #![proptest_config(config())]

    /// §2.2.4: with the default policy the emergency procedure starts exactly when a complaint
    /// is urgent and at least serious; §4.1.2: major severity is the major track, else
    /// complexity decides.
    #[test]
    fn s2_2_4_emergency_iff_urgent_and_serious(s in severity(), u in urgency(), c in complexity()) {
        let a = triage::assess(&Policy::default(), s, u, c);
        prop_assert_eq!(a.emergency, u == Urgency::Urgent && s >= Severity::Serious);
        let track = if s == Severity::Major { Track::Major }
            else if c == Complexity::Complex { Track::Complex } else { Track::General };
        prop_assert_eq!(a.track, track);
    }

    /// §2.2.4 §4.1.2: a custom matrix either fails validation with a policy code or keeps the
    /// rules: only urgent complaints are emergencies, urgent major ones always are, a worse
    /// complaint is never on a lighter track, later in the queue, or out of an emergency a
    /// better one is in, and every emergency is ahead of every non-emergency.
    #[test]
    fn s2_2_4_custom_matrices_keep_the_rules(matrix in mutated_matrix()) {
        let rules = TriageRules { matrix };
        match rules.validate() {
            Err(e) => prop_assert!(["policy.contradiction", "policy.invalid_value"].contains(&e.code())),
            Ok(()) => {
                let assess = |s, u, c| rules.assess(s, u, c).unwrap();
                let all: Vec<_> = Severity::ALL.iter().flat_map(|&s| Urgency::ALL.iter().flat_map(move |&u|
                    Complexity::ALL.iter().map(move |&c| (s, u, c)))).collect();
                for &(s, u, c) in &all {
                    let a = assess(s, u, c);
                    prop_assert!(!a.emergency || u == Urgency::Urgent);
                    prop_assert!(a.emergency || !(u == Urgency::Urgent && s == Severity::Major));
                    for &(s2, u2, c2) in &all {
                        let b = assess(s2, u2, c2);
                        if s <= s2 && u <= u2 && c <= c2 {
                            prop_assert!(a.track <= b.track && a.priority >= b.priority);
                            prop_assert!(!a.emergency || b.emergency);
                        }
                        if a.emergency && !b.emergency {
                            prop_assert!(a.priority < b.priority);
                        }
                    }
                }
            }
        }
    }

    /// §2.2.4: the queue order is a total order, consistent with the text sort key, stable
    /// for equal keys, and puts every emergency first.
    #[test]
    fn s2_2_4_queue_order_is_total_stable_emergency_first(cases in proptest::collection::vec(queued(), 0..20)) {
        let policy = Policy::default();
        let keys: Vec<QueueKey> = cases.iter().map(|&c| key(&policy, c)).collect();
        let texts: Vec<String> = keys.iter().map(QueueKey::sort_key).collect();
        for i in 0..keys.len() {
            for j in 0..keys.len() {
                prop_assert_eq!(keys[i].cmp(&keys[j]), texts[i].cmp(&texts[j]));
                prop_assert_eq!(keys[i].cmp(&keys[j]), keys[j].cmp(&keys[i]).reverse());
            }
        }
        let order = triage::queue_order(&keys);
        let mut seen = order.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..keys.len()).collect::<Vec<_>>());
        for w in order.windows(2) {
            let (a, b) = (keys[w[0]], keys[w[1]]);
            prop_assert!(a <= b);
            if a == b { prop_assert!(w[0] < w[1], "equal keys keep their order"); }
            prop_assert!(a.emergency() || !b.emergency(), "an emergency after a non-emergency");
        }
    }

    /// §2.2.2: classification is deterministic and the same for a text written in the other
    /// Chinese script, in full-width forms, in other capitals or with other white space.
    #[test]
    fn s2_2_2_classification_ignores_script_width_and_case(choices in text_choices(), seed in any::<u64>()) {
        let classes = &*CLASSES;
        let policy = Policy::default();
        let original = render(&choices, classes, |_| 0);
        let variant = render(&choices, classes, |i| (seed.rotate_left(i as u32 % 64) % 7) as usize);
        let a = classify::suggest(&policy, &original);
        let b = classify::suggest(&policy, &variant);
        prop_assert_eq!(summary(&a), summary(&b), "{} / {}", original, variant);
        // A fresh classification compiles its own keyword table: same answer.
        prop_assert_eq!(summary(&a), summary(&FRESH.suggest(&original)));
        prop_assert!(!a.is_empty());
        let total: u32 = a.iter().map(|s| s.hits).sum();
        for w in a.windows(2) { prop_assert!(w[0].hits >= w[1].hits); }
        for s in &a {
            prop_assert_eq!(s.hits, s.matched.iter().map(|m| m.count).sum::<u32>());
            prop_assert!((s.confidence - f64::from(s.hits) / (f64::from(total) + 1.0)).abs() < 1e-12
                || (total == 0 && s.confidence == 0.0));
        }
    }

    /// §2.2.1 §2.1: any complaint gets a report, never a panic; the report is consistent with
    /// itself; and neither its Debug nor the complaint's shows personal data.
    #[test]
    fn s2_2_1_intake_reports_are_consistent_and_private(c in complaint()) {
        let policy = Policy::default();
        let r = intake::check(&policy, &c);
        prop_assert_eq!(r.admissible, !r.violations.iter().any(|v| v.bars_admission()));
        prop_assert_eq!(r.complete, r.missing.is_empty() && r.violations.iter().all(|v| v.bars_admission()));
        for f in &r.missing { prop_assert!(!c.has(*f)); }
        for q in &r.requests {
            prop_assert!(q.field.askable());
            prop_assert!(r.missing.contains(&q.field) || q.field == Field::Contact);
        }
        prop_assert!(r.contact_kind.is_none() || c.has(Field::Contact));
        if c.channel == Channel::Oa && c.complainant_kind != ComplainantKind::Employee {
            prop_assert!(!r.admissible);
        }
        let shown = format!("{c:?} {r:?}");
        prop_assert!(!shown.contains("QX"), "{}", shown);
    }

    /// §2.2.1: a mainland mobile number reads the same however it is written (spaces,
    /// hyphens, +86/0086/86, full-width digits), and contact errors never echo the input.
    #[test]
    fn s2_2_1_mobile_numbers_read_the_same_in_any_format(
        number in "1[3-9][0-9]{9}",
        prefix in select(vec!["", "+86 ", "+86", "0086 ", "86"]),
        sep in select(vec!["", " ", "-"]),
        wide in any::<bool>(),
        noise in "\\PC{0,8}",
    ) {
        let grouped = format!("{}{sep}{}{sep}{}", &number[..3], &number[3..7], &number[7..]);
        let mut written = format!("{prefix}{grouped}");
        if wide {
            written = written.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect();
        }
        let c = Contact::parse(&written).unwrap();
        prop_assert_eq!(c.kind(), ContactKind::Mobile);
        prop_assert_eq!(c.as_str(), number.as_str());
        let marked = format!("QX{noise}");
        if let Err(e) = Contact::parse(&marked) {
            prop_assert!(!e.to_string().contains("QX"));
            prop_assert!(e.code().starts_with("intake."));
        }
    }
}
