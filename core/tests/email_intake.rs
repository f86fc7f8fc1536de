//! E-mail intake (§2.1.1) on the real messages of `tests/data/email/`: what the Rust API gives
//! beyond the vectors (which pin every field of every fixture in every language): the
//! charset seam a WebAssembly host uses, errors and `Debug` without personal data, and the
//! fixtures staying the ones the vectors carry.

#![cfg(feature = "email-charsets")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use complaint_office::intake::{
    self, Charsets, ComplainantKind, Decoded, EmailError, EmailFinding, EmailFindingCode,
    EncodingRs, MailPart, Malformed, ReceivedFrom, Utf8Only,
};
use complaint_office::policy::Policy;
use complaint_office::{Error, ErrorCode};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/email")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(data().join(name)).unwrap()
}

fn read(name: &str) -> intake::EmailIntake {
    intake::email(
        &Policy::default(),
        &fixture(name),
        ComplainantKind::Customer,
    )
    .unwrap()
}

/// A host's decoder (as a WebAssembly binding wraps `TextDecoder`): here encoding_rs behind a
/// log of what it was asked.
#[derive(Default)]
struct Logged(RefCell<Vec<String>>);

impl Charsets for Logged {
    fn decode(&self, label: &str, bytes: &[u8]) -> Option<Decoded> {
        self.0.borrow_mut().push(label.to_owned());
        EncodingRs.decode(label, bytes)
    }
}

#[test]
fn a_host_decoder_gets_every_charset_but_utf8() {
    let host = Logged::default();
    let policy = Policy::default();
    let gbk = intake::email_with(
        &policy,
        &fixture("gbk_foxmail.eml"),
        ComplainantKind::Customer,
        &host,
    )
    .unwrap();
    assert_eq!(gbk, read("gbk_foxmail.eml"));
    // Subject, name and the text/plain part; the HTML alternative is not read.
    assert_eq!(*host.0.borrow(), ["GBK", "GBK", "GBK"]);

    let host = Logged::default();
    let utf8 = intake::email_with(
        &policy,
        &fixture("utf8_thunderbird.eml"),
        ComplainantKind::Customer,
        &host,
    )
    .unwrap();
    assert_eq!(
        utf8.complaint.subject.as_deref(),
        Some("投訴：送貨延誤三週，客服未回電")
    );
    assert!(host.0.borrow().is_empty(), "{:?}", host.0.borrow());
}

#[test]
fn without_a_decoder_chinese_charsets_are_reported_not_guessed() {
    let read = intake::email_with(
        &Policy::default(),
        &fixture("gbk_foxmail.eml"),
        ComplainantKind::Customer,
        &Utf8Only,
    )
    .unwrap();
    let unknown = |part| EmailFinding {
        code: EmailFindingCode::CharsetUnknown,
        part,
    };
    assert_eq!(
        read.findings,
        [
            unknown(MailPart::Subject),
            unknown(MailPart::From),
            unknown(MailPart::Body)
        ]
    );
    let subject = read.complaint.subject.unwrap();
    assert!(subject.contains('\u{fffd}'), "{subject}");
    // Without its complaint word the subject no longer passes §2.1.1.
    assert!(!read.report.admissible);
    assert_eq!(
        read.report.violations[0].code(),
        "intake.subject_word_missing"
    );
    // The address and the time need no charset.
    assert_eq!(
        read.complaint.contact.as_deref(),
        Some("zhang.san@example.net")
    );
    assert_eq!(read.received_from, Some(ReceivedFrom::Received));
}

#[test]
fn the_office_offset_decides_the_day() {
    let mut policy = Policy::default();
    let outlook = fixture("gb18030_outlook.eml");
    let beijing = intake::email(&policy, &outlook, ComplainantKind::Customer).unwrap();
    let at = beijing.complaint.received_at.unwrap();
    assert_eq!(at.to_rfc3339(), "2025-11-04T00:20:11+08:00");
    policy = Policy::from_json_str(r#"{"office_offset": "-05:00"}"#).unwrap();
    let new_york = intake::email(&policy, &outlook, ComplainantKind::Customer).unwrap();
    let at2 = new_york.complaint.received_at.unwrap();
    assert_eq!(at2.to_rfc3339(), "2025-11-03T11:20:11-05:00");
    assert_eq!(at, at2);
}

#[test]
fn errors_say_what_is_wrong_and_nothing_else() {
    let policy = Policy::default();
    let mbox = fixture("mbox_from_line.eml");
    let e = intake::email(&policy, &mbox, ComplainantKind::Customer).unwrap_err();
    assert_eq!(e, EmailError::Malformed(Malformed::NoHeaderField));
    assert_eq!(
        (e.code(), e.clause()),
        ("intake.email_malformed", Some("§2.1.1"))
    );
    let all = Error::from(e);
    assert_eq!(all.code(), "intake.email_malformed");
    for text in [
        e.to_string(),
        format!("{e:?}"),
        all.to_string(),
        format!("{all:?}"),
    ] {
        assert!(
            !text.contains("zhang") && !text.contains("example"),
            "{text}"
        );
    }
    assert_eq!(
        e.to_string(),
        "malformed e-mail: the message does not start with a header field (name: value)"
    );
    let empty = intake::email(&policy, b" \r\n\t", ComplainantKind::Customer).unwrap_err();
    assert_eq!(empty.to_string(), "malformed e-mail: the message is empty");
}

#[test]
fn debug_shows_no_personal_data() {
    for name in [
        "gbk_foxmail.eml",
        "gb18030_outlook.eml",
        "utf8_thunderbird.eml",
    ] {
        let read = read(name);
        let text = format!("{read:?}");
        let c = &read.complaint;
        let secrets = [
            c.name.as_deref(),
            c.contact.as_deref(),
            c.subject.as_deref(),
            c.content.as_deref().and_then(|t| t.get(..12)),
        ];
        for secret in secrets.into_iter().flatten() {
            assert!(!text.contains(secret), "{name}: {secret} in {text}");
        }
        for a in &read.attachments {
            let file = a.name.as_deref().unwrap();
            assert!(!text.contains(file), "{name}: {file}");
        }
        assert!(text.contains("Attachment") || read.attachments.is_empty());
    }
}

#[test]
fn attachments_are_listed_not_read() {
    let read = read("gb18030_outlook.eml");
    assert_eq!(read.attachments.len(), 1);
    assert_eq!(read.attachments[0].name.as_deref(), Some("签收单照片.jpg"));
    // The JPEG's 1,537 bytes, not the length of its base64.
    assert_eq!(read.attachments[0].size, 1537);
    let json = serde_json::to_value(&read).unwrap();
    assert_eq!(
        json["attachments"],
        serde_json::json!([{"name": "签收单照片.jpg", "size": 1537}])
    );
    assert_eq!(json["complaint"]["channel"], "email");
    assert_eq!(json["received_from"], "received");
}

/// Found by the `email` fuzz target: a part that closes a multipart mail-parser cannot find
/// (its `debug_assert!` fired; release builds, and this workspace's, go on). Mangled header
/// bytes, NUL characters among them, must come out as text a database can store.
#[test]
fn a_part_closing_a_multipart_that_is_not_there() {
    let bytes = std::fs::read(data().join("fuzz/multipart-end-without-multipart.bin")).unwrap();
    let read = intake::email(&Policy::default(), &bytes, ComplainantKind::Customer).unwrap();
    assert_eq!(read.complaint.contact.as_deref(), Some("li.si@example.com"));
    assert_eq!(read.complaint.name.as_deref(), Some("李四（客服部）"));
    let subject = read.complaint.subject.unwrap();
    assert!(
        subject.starts_with("=?utf") && !subject.contains('\0'),
        "{subject:?}"
    );
    for a in &read.attachments {
        assert!(!a.name.as_deref().unwrap_or_default().contains('\0'));
    }
    assert!(!read.report.admissible);
}

#[test]
fn control_characters_in_headers_become_spaces() {
    let message = b"From: =?utf-8?Q?Zhang=09San=00?= <a@example.net>\r\n\
        Subject: =?utf-8?Q?=E6=8A=95=E8=AF=89=0D=0Aline_two=00?=\r\n\r\nbody\0text";
    let read = intake::email(&Policy::default(), message, ComplainantKind::Customer).unwrap();
    assert_eq!(read.complaint.subject.as_deref(), Some("投诉  line two"));
    assert_eq!(read.complaint.name.as_deref(), Some("Zhang San"));
    assert_eq!(read.complaint.content.as_deref(), Some("bodytext"));
}

/// The vectors carry each fixture in base64: they must be the same bytes, so that a fixture
/// changed here is a vector changed for every language.
#[test]
fn every_fixture_is_in_the_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let vectors = ["intake_email.json", "pending/intake_email.json"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .collect::<String>();
    assert!(
        !vectors.is_empty(),
        "no intake_email.json under tests/vectors"
    );
    let mut fixtures: Vec<_> = std::fs::read_dir(data())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 11);
    for path in fixtures {
        let encoded = base64(&std::fs::read(&path).unwrap());
        assert!(
            vectors.contains(&format!("\"{encoded}\"")),
            "{} is not in the vectors (or differs from them)",
            path.display()
        );
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}
