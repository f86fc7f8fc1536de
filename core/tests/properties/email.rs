//! §2.1.1 e-mail intake: whatever a mailer writes reads back, and nothing makes it panic.
//!
//! Messages are built here the way mailers build them: text encoded in a charset with
//! encoding_rs, then as RFC 2047 encoded words (B or Q, split anywhere, even inside a
//! character, over folded lines) or as a body in base64, quoted-printable or 8bit.

#![cfg(feature = "email-charsets")]

use complaint_office::intake::{self, ComplainantKind};
use complaint_office::policy::Policy;
use proptest::prelude::*;
use proptest::sample::select;

use crate::config;

/// Characters mail carries: ASCII, full-width punctuation, Simplified and Traditional Chinese,
/// and 𠮷 (U+20BB7), which only UTF-8 and GB18030 can write.
const POOL: &[char] = &[
    'a', 'Z', '7', ' ', ' ', '-', ':', '?', '=', '_', '"', '投', '诉', '訴', '质', '質', '量',
    '问', '題', '，', '。', '：', '（', '）', '“', '”', '𠮷',
];

const CHARSETS: &[&str] = &["UTF-8", "GBK", "gb18030", "gb2312", "Big5"];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(select(POOL), 1..40).prop_map(|c| c.into_iter().collect())
}

/// `text` in `charset`, or `None` when the charset cannot write it.
fn encode(charset: &str, text: &str) -> Option<Vec<u8>> {
    let encoding = encoding_rs::Encoding::for_label(charset.as_bytes())?;
    let (bytes, _, unmappable) = encoding.encode(text);
    (!unmappable).then(|| bytes.into_owned())
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
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// RFC 2047 "Q": `_` for space, `=XX` for anything but letters and digits.
fn q(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            b' ' => "_".to_owned(),
            b if b.is_ascii_alphanumeric() => (b as char).to_string(),
            b => format!("={b:02X}"),
        })
        .collect()
}

/// Quoted-printable (RFC 2045 section 6.7), lines of at most 76 characters with soft breaks.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for &b in bytes {
        let piece = match b {
            b'\n' => {
                out.push_str("\r\n");
                line = 0;
                continue;
            }
            b'\r' => continue,
            b'!'..=b'<' | b'>'..=b'~' => (b as char).to_string(),
            b => format!("={b:02X}"),
        };
        if line + piece.len() > 75 {
            out.push_str("=\r\n");
            line = 0;
        }
        line += piece.len();
        out.push_str(&piece);
    }
    out
}

/// Splits `bytes` at the given fractions of its length (anywhere, inside characters too).
fn split(bytes: &[u8], cuts: &[f64]) -> Vec<Vec<u8>> {
    let mut at: Vec<usize> = cuts
        .iter()
        .map(|f| (f * bytes.len() as f64) as usize)
        .filter(|&p| p > 0 && p < bytes.len())
        .collect();
    at.sort_unstable();
    at.dedup();
    let mut pieces = Vec::new();
    let mut from = 0;
    for p in at.into_iter().chain([bytes.len()]) {
        pieces.push(bytes[from..p].to_vec());
        from = p;
    }
    pieces
}

fn message(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "Received: from a by b; Fri, 26 Sep 2025 01:58:02 +0000\r\n\
         From: a@example.net\r\n{headers}\r\n"
    )
    .into_bytes();
    m.extend_from_slice(body);
    m
}

fn read(message: &[u8]) -> intake::EmailIntake {
    intake::email(&Policy::default(), message, ComplainantKind::Customer)
        .unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(config())]

    /// A subject written as encoded words in any charset, B or Q, cut anywhere into words
    /// separated by spaces or folds, with plain text around, reads back as written.
    #[test]
    fn s2_1_1_encoded_subjects_read_back(
        text in text(),
        charset in select(CHARSETS),
        b in any::<bool>(),
        cuts in proptest::collection::vec(0.0..1.0f64, 0..4),
        separators in proptest::collection::vec(select(&[" ", "\r\n ", "\r\n\t", "  "][..]), 4),
        prefix in select(&["", "Re: ", "投诉 "][..]),
    ) {
        let Some(bytes) = encode(charset, &text) else { return Ok(()) };
        let words: Vec<String> = split(&bytes, &cuts)
            .iter()
            .map(|w| format!("=?{charset}?{}?{}?=", if b { "B" } else { "Q" }, if b { base64(w) } else { q(w) }))
            .collect();
        let mut subject = prefix.to_owned();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                subject.push_str(separators[i % separators.len()]);
            }
            subject.push_str(w);
        }
        let read = read(&message(&format!("Subject: {subject}\r\n"), b""));
        let expected = format!("{prefix}{text}").trim().to_owned();
        prop_assert_eq!(read.complaint.subject.as_deref(), Some(expected.as_str()));
        prop_assert!(read.findings.is_empty(), "{:?}", read.findings);
    }

    /// A body in any charset and transfer encoding reads back (line ends as `\n`, trimmed).
    #[test]
    fn s2_1_1_bodies_read_back(
        lines in proptest::collection::vec(text(), 1..6),
        charset in select(CHARSETS),
        encoding in 0..3u8,
    ) {
        let text = lines.join("\r\n");
        let Some(bytes) = encode(charset, &text) else { return Ok(()) };
        let (name, body) = match encoding {
            0 => ("base64", base64(&bytes).into_bytes()),
            1 => ("quoted-printable", quoted_printable(&bytes).into_bytes()),
            _ => ("8bit", bytes),
        };
        let headers = format!(
            "Subject: x\r\nContent-Type: text/plain; charset=\"{charset}\"\r\n\
             Content-Transfer-Encoding: {name}\r\n"
        );
        let read = read(&message(&headers, &body));
        let expected = text.replace("\r\n", "\n").trim().to_owned();
        let expected = (!expected.is_empty()).then_some(expected);
        prop_assert_eq!(read.complaint.content, expected);
        prop_assert!(read.findings.is_empty(), "{:?}", read.findings);
    }

    /// No input panics: arbitrary bytes after a header line, and header-like noise.
    #[test]
    fn s2_1_1_no_message_panics(
        noise in proptest::collection::vec(any::<u8>(), 0..400),
        lines in proptest::collection::vec(
            select(&[
                "Subject: =?gbk?B?", "?=", "=?utf-8?Q?=E6", "Content-Type: multipart/mixed; boundary=b",
                "--b", "--b--", "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename*0*=gbk''%C4",
                "filename*1*=%E3", "Received: from x; Fri, 31 Feb 2025 25:61:61 +9999", "Date: ", "From: \"", "<", "(", "\r\n", " ", "\t",
            ][..]),
            0..40,
        ),
    ) {
        let mut m = b"Subject: x\r\n".to_vec();
        m.extend_from_slice(&noise);
        let _ = intake::email(&Policy::default(), &m, ComplainantKind::Customer);
        let mut m = b"X: y\r\n".to_vec();
        for l in lines {
            m.extend_from_slice(l.as_bytes());
        }
        let _ = intake::email(&Policy::default(), &m, ComplainantKind::Customer);
    }
}
