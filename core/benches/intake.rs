//! Intake, classification and triage: `cargo bench -p complaint-office --bench intake`.
//! Targets: `intake.check` + `classify.suggest` on a 2,000-character complaint ≤ 20 µs;
//! triage ≤ 50 ns; one e-mail (raw bytes → checked complaint) ≤ 50 µs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use complaint_office::classify;
use complaint_office::intake::{self, Channel, ComplainantKind, Complaint};
use complaint_office::policy::Policy;
use complaint_office::time::parse_instant;
use complaint_office::triage::{self, Complexity, QueueKey, Severity, Urgency};
use criterion::{Criterion, criterion_group, criterion_main};

const SIMPLIFIED: &str = "我于上周在贵公司门店购买的电水壶，使用三天后出现漏水和异味，\
    联系客服要求退货，客服态度恶劣，多次推诿，还说是我使用不当。售后服务人员上门检查后说是质量问题，\
    但至今没有给出处理方案。希望公司重视产品质量和服务态度，尽快给我一个答复。";
const TRADITIONAL: &str = "我於上週在貴公司門店購買的電水壺，使用三天後出現漏水和異味，\
    聯繫客服要求退貨，客服態度惡劣，多次推諉，還說是我使用不當。售後服務人員上門檢查後說是質量問題，\
    但至今沒有給出處理方案。希望公司重視產品質量和服務態度，儘快給我一個答覆。";
const ENGLISH: &str = "The kettle I bought last week started to leak after three days and \
    the customer service staff were rude when I asked to return it. The repair man said it was \
    a quality defect, but nobody has called me back since. ";

/// `base` repeated to exactly `n` characters.
fn text_of(base: &str, n: usize) -> String {
    base.chars().cycle().take(n).collect()
}

fn complaint(content: String) -> Complaint {
    Complaint {
        name: Some("張三".into()),
        contact: Some("+86 138 1234 5678".into()),
        received_at: Some(parse_instant("2025-09-26T10:00:00+08:00").unwrap()),
        content: Some(content),
        subject: Some("Re: 关于电水壶的投诉".into()),
        ..Complaint::new(Channel::Email, ComplainantKind::Customer)
    }
}

fn intake_and_classify(c: &mut Criterion) {
    let policy = Policy::default();
    for (name, base) in [
        ("simplified", SIMPLIFIED),
        ("traditional", TRADITIONAL),
        ("english", ENGLISH),
    ] {
        let complaint = complaint(text_of(base, 2000));
        let content = complaint.content.clone().unwrap();
        c.bench_function(
            &format!("intake.check + classify.suggest 2000 chars {name}"),
            |b| {
                b.iter(|| {
                    let report = intake::check(&policy, black_box(&complaint));
                    let ranked = classify::suggest(&policy, black_box(&content));
                    (report.admissible, ranked.len())
                })
            },
        );
        c.bench_function(&format!("classify.suggest 2000 chars {name}"), |b| {
            b.iter(|| classify::suggest(&policy, black_box(&content)).len())
        });
    }
    let complaint = complaint(text_of(SIMPLIFIED, 2000));
    c.bench_function("intake.check", |b| {
        b.iter(|| intake::check(&policy, black_box(&complaint)))
    });
}

fn triage_calls(c: &mut Criterion) {
    let policy = Policy::default();
    let combos: Vec<(Severity, Urgency, Complexity)> = Severity::ALL
        .iter()
        .flat_map(|&s| {
            Urgency::ALL
                .iter()
                .flat_map(move |&u| Complexity::ALL.iter().map(move |&c| (s, u, c)))
        })
        .collect();
    let mut i = 0usize;
    c.bench_function("triage.assess", |b| {
        b.iter(|| {
            i = (i + 1) % combos.len();
            let (s, u, c) = combos[i];
            triage::assess(&policy, black_box(s), black_box(u), black_box(c))
        })
    });
    let at = parse_instant("2025-09-26T10:00:00+08:00").unwrap();
    c.bench_function("triage.assess + QueueKey::new", |b| {
        b.iter(|| {
            i = (i + 1) % combos.len();
            let (s, u, c) = combos[i];
            let a = triage::assess(&policy, black_box(s), black_box(u), black_box(c));
            QueueKey::new(&a, black_box(at))
        })
    });
    let keys: Vec<QueueKey> = (0..1000)
        .map(|n| {
            let (s, u, c) = combos[n % combos.len()];
            let a = triage::assess(&policy, s, u, c);
            QueueKey::new(&a, at + chrono::Duration::minutes((n * 7919 % 1000) as i64))
        })
        .collect();
    c.bench_function("triage::queue_order 1000", |b| {
        b.iter(|| triage::queue_order(black_box(&keys)))
    });
}

/// The real messages of `tests/data/email/`, from raw bytes to the checked complaint.
fn email(c: &mut Criterion) {
    let policy = Policy::default();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/email");
    for name in [
        "gbk_foxmail.eml",
        "gb18030_outlook.eml",
        "utf8_thunderbird.eml",
        "html_only_qq.eml",
    ] {
        let message = std::fs::read(dir.join(name)).unwrap();
        c.bench_function(
            &format!("intake::email {name} ({} bytes)", message.len()),
            |b| {
                b.iter(|| {
                    intake::email(&policy, black_box(&message), ComplainantKind::Customer).unwrap()
                })
            },
        );
    }
    // A long complaint: 2,000 characters of Chinese in GBK, 8bit, after the Foxmail headers.
    let text = text_of(SIMPLIFIED, 2000);
    let (text, _, _) = encoding_rs::GBK.encode(&text);
    let mut long = b"Received: from smtp.example.net by mx.example.com;\r\n \
        Fri, 26 Sep 2025 09:58:02 +0800\r\n\
        From: =?GBK?B?1cXI/Q==?= <zhang.san@example.net>\r\n\
        Subject: =?GBK?B?udjT2rXny666+LXEzbbL3w==?=\r\n\
        Content-Type: text/plain; charset=GBK\r\n\
        Content-Transfer-Encoding: 8bit\r\n\r\n"
        .to_vec();
    long.extend_from_slice(&text);
    c.bench_function(
        &format!("intake::email 2000 characters GBK ({} bytes)", long.len()),
        |b| b.iter(|| intake::email(&policy, black_box(&long), ComplainantKind::Customer).unwrap()),
    );
}

criterion_group!(benches, intake_and_classify, triage_calls, email);
criterion_main!(benches);
