//! Text in a charset: encoded words (RFC 2047), parameters (RFC 2045, RFC 2231), display
//! names, bodies. mail-parser finds where each piece of text is and undoes its transfer
//! encoding; this reader does the last step, bytes to text, through the host's [`Charsets`],
//! which mail-parser has no seam for (without its encoding_rs feature it reads GBK as UTF-8
//! and loses the text).

use std::borrow::Cow;

use memchr::memmem;

use super::charsets::{Charsets, is_ascii, is_utf8, whatwg_label};
use super::{EmailFinding, EmailFindingCode, MailPart};

/// The longest encoded word looked for. RFC 2047 allows 75 characters; mailers write longer
/// ones, but a bound keeps a header full of `=?` linear to scan.
const MAX_WORD: usize = 2048;

/// Decodes text and collects what went wrong, for one message.
pub(super) struct TextReader<'c> {
    charsets: &'c dyn Charsets,
    /// The charset of the message's text: 8-bit header bytes that name no charset are read in
    /// it (mailers that write raw GBK headers label the body with the same charset).
    pub(super) header_charset: Option<String>,
    pub(super) findings: Vec<EmailFinding>,
}

impl<'c> TextReader<'c> {
    pub(super) fn new(charsets: &'c dyn Charsets) -> Self {
        TextReader {
            charsets,
            header_charset: None,
            findings: Vec::new(),
        }
    }

    pub(super) fn note(&mut self, code: EmailFindingCode, part: MailPart) {
        let finding = EmailFinding { code, part };
        if !self.findings.contains(&finding) {
            self.findings.push(finding);
        }
    }

    /// `bytes` in the charset `label` (`None`: the message names none).
    pub(super) fn decode(&mut self, label: Option<&str>, bytes: &[u8], part: MailPart) -> String {
        let label = label.map(clean_label).filter(|l| !l.is_empty());
        match label {
            Some(l) if is_utf8(l) => self.utf8(bytes, EmailFindingCode::TextMalformed, part),
            Some(l) if is_ascii(l) && bytes.is_ascii() => {
                self.utf8(bytes, EmailFindingCode::TextMalformed, part)
            }
            Some(l) => match self.charsets.decode(whatwg_label(l), bytes) {
                Some(decoded) => {
                    if decoded.malformed {
                        self.note(EmailFindingCode::TextMalformed, part);
                    }
                    decoded.text
                }
                None => {
                    self.note(EmailFindingCode::CharsetUnknown, part);
                    lossy(bytes)
                }
            },
            None => self.utf8(bytes, EmailFindingCode::CharsetMissing, part),
        }
    }

    fn utf8(&mut self, bytes: &[u8], otherwise: EmailFindingCode, part: MailPart) -> String {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                self.note(otherwise, part);
                lossy(bytes)
            }
        }
    }

    /// 8-bit header text outside encoded words: UTF-8 if it is, else in the message's charset.
    fn raw_header(&mut self, bytes: &[u8], part: MailPart) -> String {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return text.to_owned();
        }
        let assumed = self
            .header_charset
            .as_deref()
            .filter(|l| !is_utf8(l))
            .and_then(|l| self.charsets.decode(whatwg_label(l), bytes));
        match assumed {
            Some(decoded) => {
                self.note(EmailFindingCode::CharsetAssumed, part);
                if decoded.malformed {
                    self.note(EmailFindingCode::TextMalformed, part);
                }
                decoded.text
            }
            None => {
                self.note(EmailFindingCode::CharsetMissing, part);
                lossy(bytes)
            }
        }
    }

    /// An unstructured header value (RFC 2047 section 5(1)): unfolded, encoded words decoded, the
    /// white space between two adjacent encoded words dropped. Adjacent words in one charset
    /// are decoded together, so a character a mailer split across two words stays whole. A
    /// malformed encoded word stays as it is written.
    pub(super) fn unstructured(&mut self, raw: &[u8], part: MailPart) -> String {
        let raw = unfold(raw);
        let mut out = String::with_capacity(raw.len());
        let mut pending: Option<(&str, Vec<u8>)> = None;
        let mut plain_start = 0;
        let mut after_word = false;
        let mut i = 0;
        while let Some(at) = memmem::find(&raw[i..], b"=?") {
            let start = i + at;
            let Some(word) = EncodedWord::read(&raw[start..]) else {
                i = start + 1;
                continue;
            };
            let between = &raw[plain_start..start];
            let adjacent = after_word && between.iter().all(|b| matches!(b, b' ' | b'\t'));
            match &mut pending {
                Some((label, bytes)) if adjacent && label.eq_ignore_ascii_case(word.charset) => {
                    bytes.extend_from_slice(&word.bytes);
                }
                _ => {
                    if let Some((label, bytes)) = pending.take() {
                        out.push_str(&self.decode(Some(label), &bytes, part));
                    }
                    if !adjacent {
                        out.push_str(&self.raw_header(between, part));
                    }
                    pending = Some((word.charset, word.bytes));
                }
            }
            i = start + word.len;
            plain_start = i;
            after_word = true;
        }
        if let Some((label, bytes)) = pending.take() {
            out.push_str(&self.decode(Some(label), &bytes, part));
        }
        out.push_str(&self.raw_header(&raw[plain_start..], part));
        out
    }

    /// The display name of the first mailbox of an address header (`"张三" <a@b.cn>`,
    /// `=?GBK?B?…?= <a@b.cn>`, `a@b.cn (张三)`), decoded; `None` when there is none.
    pub(super) fn display_name(&mut self, raw: &[u8], part: MailPart) -> Option<String> {
        let raw = unfold(raw);
        let mut phrase = Vec::new();
        let mut comment: Option<Vec<u8>> = None;
        let mut depth = 0usize;
        let mut quoted = false;
        let mut escaped = false;
        let mut angle = false;
        for &b in raw.iter() {
            if escaped {
                escaped = false;
                if depth > 0 {
                    comment.get_or_insert_with(Vec::new).push(b);
                } else {
                    phrase.push(b);
                }
                continue;
            }
            match b {
                b'\\' if quoted || depth > 0 => escaped = true,
                b'"' if depth == 0 => quoted = !quoted,
                b'(' if !quoted => {
                    depth += 1;
                    if depth > 1 {
                        comment.get_or_insert_with(Vec::new).push(b);
                    }
                }
                b')' if !quoted && depth > 0 => {
                    depth -= 1;
                    if depth > 0 {
                        comment.get_or_insert_with(Vec::new).push(b);
                    }
                }
                b'<' if !quoted && depth == 0 => {
                    angle = true;
                    break;
                }
                _ if depth > 0 => comment.get_or_insert_with(Vec::new).push(b),
                _ => phrase.push(b),
            }
        }
        let name = if angle { phrase } else { comment? };
        let name = self.unstructured(&name, part);
        let name = name.trim();
        (!name.is_empty()).then(|| name.to_owned())
    }

    /// The parameter `wanted` (`filename`, `name`) of a Content-Disposition or Content-Type
    /// value, decoded: RFC 2231 (`filename*=gbk''%D5%C5.pdf`, continuations `filename*0*=`,
    /// `filename*1=`), else the plain parameter with any encoded words in it decoded (mailers
    /// write `filename="=?GBK?B?…?="`, which RFC 2047 does not allow but everyone reads).
    pub(super) fn parameter(&mut self, raw: &[u8], wanted: &str, part: MailPart) -> Option<String> {
        let raw = unfold(raw);
        let params = parameters(&raw);
        let mut plain = None;
        let mut sections: Vec<(u32, bool, &[u8])> = Vec::new();
        for (key, value) in &params {
            let Some(rest) = strip_prefix_ignore_case(key, wanted) else {
                continue;
            };
            match rest {
                "" => plain = Some(value.as_slice()),
                "*" => {
                    let (label, bytes) = extended(value);
                    return Some(self.decode(Some(label.unwrap_or_default()), &bytes, part));
                }
                _ => {
                    let Some(section) = rest.strip_prefix('*') else {
                        continue;
                    };
                    let (number, encoded) = match section.strip_suffix('*') {
                        Some(n) => (n, true),
                        None => (section, false),
                    };
                    if let Ok(n) = number.parse::<u32>() {
                        sections.push((n, encoded, value.as_slice()));
                    }
                }
            }
        }
        if !sections.is_empty() {
            sections.sort_by_key(|s| s.0);
            let mut label = None;
            let mut bytes = Vec::new();
            for (i, (_, encoded, value)) in sections.iter().enumerate() {
                if *encoded {
                    let (l, decoded) = if i == 0 {
                        extended(value)
                    } else {
                        (None, percent_decoded(value))
                    };
                    label = label.or(l);
                    bytes.extend_from_slice(&decoded);
                } else {
                    bytes.extend_from_slice(value);
                }
            }
            return Some(match label {
                Some(l) => self.decode(Some(l), &bytes, part),
                None => self.unstructured(&bytes, part),
            });
        }
        plain.map(|value| self.unstructured(value, part))
    }
}

/// An encoded word `=?charset?B|Q?text?=` at the start of a slice.
struct EncodedWord<'a> {
    charset: &'a str,
    bytes: Vec<u8>,
    len: usize,
}

impl<'a> EncodedWord<'a> {
    fn read(s: &'a [u8]) -> Option<Self> {
        let rest = s.get(2..)?;
        let q = rest.iter().take(80).position(|&b| b == b'?')?;
        let charset = std::str::from_utf8(&rest[..q]).ok()?;
        if charset.is_empty() || !charset.bytes().all(|b| b.is_ascii_graphic() && b != b'=') {
            return None;
        }
        let encoding = *rest.get(q + 1)?;
        if rest.get(q + 2) != Some(&b'?') {
            return None;
        }
        let text_start = 2 + q + 3;
        let window = &s[text_start.min(s.len())..s.len().min(text_start + MAX_WORD)];
        let end = text_start + memmem::find(window, b"?=")?;
        // mail-parser's word decoders read up to and including the closing `?=`.
        let mut stream = mail_parser::parsers::MessageStream::new(&s[text_start..end + 2]);
        let bytes = match encoding {
            b'B' | b'b' => stream.decode_base64_word(),
            b'Q' | b'q' => stream.decode_quoted_printable_word(),
            _ => None,
        }?;
        Some(EncodedWord {
            charset: clean_label(charset),
            bytes,
            len: end + 2,
        })
    }
}

/// A charset label as a decoder wants it: no quotes or white space, no RFC 2231 language.
fn clean_label(label: &str) -> &str {
    let label = label.trim().trim_matches('"').trim();
    label.split_once('*').map_or(label, |(charset, _)| charset)
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A header value without its line breaks (a fold is CRLF before white space, RFC 5322 section 2.2.3).
fn unfold(raw: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr2(b'\r', b'\n', raw).is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut start = 0;
    for at in memchr::memchr2_iter(b'\r', b'\n', raw) {
        out.extend_from_slice(&raw[start..at]);
        start = at + 1;
    }
    out.extend_from_slice(&raw[start..]);
    Cow::Owned(out)
}

/// The `key=value` parameters after the first `;` (quoted values unquoted; keys as written).
fn parameters(raw: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut params = Vec::new();
    let mut i = match raw.iter().position(|&b| b == b';') {
        Some(p) => p + 1,
        None => return params,
    };
    while i < raw.len() {
        let key_end = raw[i..]
            .iter()
            .position(|&b| b == b'=' || b == b';')
            .map_or(raw.len(), |p| i + p);
        let key = String::from_utf8_lossy(&raw[i..key_end]).trim().to_owned();
        if raw.get(key_end) != Some(&b'=') {
            i = key_end + 1;
            continue;
        }
        let mut j = key_end + 1;
        while raw.get(j).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            j += 1;
        }
        let mut value = Vec::new();
        if raw.get(j) == Some(&b'"') {
            j += 1;
            while let Some(&b) = raw.get(j) {
                j += 1;
                match b {
                    b'"' => break,
                    b'\\' => {
                        if let Some(&next) = raw.get(j) {
                            value.push(next);
                            j += 1;
                        }
                    }
                    _ => value.push(b),
                }
            }
            j = raw[j.min(raw.len())..]
                .iter()
                .position(|&b| b == b';')
                .map_or(raw.len(), |p| j + p);
        } else {
            let end = raw[j..]
                .iter()
                .position(|&b| b == b';')
                .map_or(raw.len(), |p| j + p);
            value.extend_from_slice(raw[j..end].trim_ascii());
            j = end;
        }
        params.push((key, value));
        i = j + 1;
    }
    params
}

/// An RFC 2231 extended value `charset'language'%XX…`: its charset and bytes.
fn extended(value: &[u8]) -> (Option<&str>, Vec<u8>) {
    let mut pieces = value.splitn(3, |&b| b == b'\'');
    match (pieces.next(), pieces.next(), pieces.next()) {
        (Some(charset), Some(_language), Some(text)) => (
            std::str::from_utf8(charset).ok().map(clean_label),
            percent_decoded(text),
        ),
        _ => (None, percent_decoded(value)),
    }
}

/// `%XX` escapes undone with mail-parser's decoder; a value with a broken escape stays as is.
fn percent_decoded(value: &[u8]) -> Vec<u8> {
    match mail_parser::decoders::hex::decode_hex(value) {
        (true, bytes) => bytes,
        (false, _) => value.to_vec(),
    }
}

fn strip_prefix_ignore_case<'k>(key: &'k str, prefix: &str) -> Option<&'k str> {
    let head = key.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &key[prefix.len()..])
}

#[cfg(all(test, feature = "email-charsets"))]
mod tests {
    use super::*;
    use crate::intake::email::charsets::{EncodingRs, Utf8Only};

    fn subject(raw: &str) -> (String, Vec<&'static str>) {
        subject_bytes(raw.as_bytes())
    }

    fn subject_bytes(raw: &[u8]) -> (String, Vec<&'static str>) {
        let mut r = TextReader::new(&EncodingRs);
        let text = r.unstructured(raw, MailPart::Subject);
        (text, r.findings.iter().map(|f| f.code.as_str()).collect())
    }

    #[test]
    fn encoded_words_b_and_q() {
        // 投诉 in GBK, base64 and Q.
        assert_eq!(subject("=?GBK?B?zbbL3w==?=").0, "投诉");
        assert_eq!(subject("=?gbk?Q?=CD=B6=CB=DF?=").0, "投诉");
        assert_eq!(
            subject("Re: =?utf-8?q?=E6=8A=95=E8=AF=89_ok?=").0,
            "Re: 投诉 ok"
        );
        // White space between adjacent words goes, a fold included; other text stays.
        assert_eq!(
            subject("=?utf-8?B?5oqV?=\r\n =?utf-8?B?6K+J?= (=?gbk?B?zbbL3w==?=)").0,
            "投诉 (投诉)"
        );
        // A character split across two words (GBK CD B6 | CB DF split as CD | B6 CB DF).
        assert_eq!(subject("=?gbk?B?zQ==?= =?gbk?B?tsvf?=").0, "投诉");
        // The RFC 2231 language of a charset is dropped.
        assert_eq!(subject("=?gb2312*zh-cn?B?zbbL3w==?=").0, "投诉");
    }

    #[test]
    fn malformed_words_stay_as_written() {
        for raw in [
            "=?gbk?B?zbbL3w==",
            "=??B?abc?=",
            "=?gbk?X?abc?=",
            "a =? b ?= c",
            "=?gbk?B?!!!?=",
        ] {
            let (text, findings) = subject(raw);
            assert_eq!(text, raw, "{raw}");
            assert!(findings.is_empty(), "{raw}: {findings:?}");
        }
        // A long header of unterminated words is still read (and quickly).
        let long = "=?gbk?B?".repeat(20_000);
        assert_eq!(subject(&long).0, long);
    }

    #[test]
    fn unknown_charsets_and_raw_bytes_are_findings() {
        let (text, findings) = subject("=?x-klingon?B?zbbL3w==?=");
        assert!(text.contains('\u{fffd}'));
        assert_eq!(findings, ["intake.email_charset_unknown"]);
        // Raw GBK in a header: assumed to be the message's charset when there is one…
        let mut r = TextReader::new(&EncodingRs);
        r.header_charset = Some("gbk".into());
        assert_eq!(
            r.unstructured(b"\xcd\xb6\xcb\xdf", MailPart::Subject),
            "投诉"
        );
        assert_eq!(r.findings[0].code, EmailFindingCode::CharsetAssumed);
        // …else replaced and reported.
        // (CD B6 happens to be UTF-8 for U+0376; CB DF is not UTF-8.)
        let (text, findings) = subject_bytes(b"\xcd\xb6\xcb\xdf");
        assert_eq!(text, "\u{376}\u{fffd}\u{fffd}");
        assert_eq!(findings, ["intake.email_charset_missing"]);
        // A host decoder that knows nothing but UTF-8.
        let mut r = TextReader::new(&Utf8Only);
        assert_eq!(
            r.unstructured(b"=?utf-8?B?5oqV6K+J?=", MailPart::Subject),
            "投诉"
        );
        r.unstructured(b"=?gbk?B?zbbL3w==?=", MailPart::Subject);
        assert_eq!(r.findings[0].code, EmailFindingCode::CharsetUnknown);
    }

    #[test]
    fn display_names() {
        let mut r = TextReader::new(&EncodingRs);
        let mut name = |raw: &[u8]| r.display_name(raw, MailPart::From);
        assert_eq!(
            name(b" =?GBK?B?1cXI/Q==?= <zhang@example.com>").as_deref(),
            Some("张三")
        );
        assert_eq!(
            name(b"\"=?gbk?B?1cXI/Q==?=\" <a@b.cn>").as_deref(),
            Some("张三")
        );
        assert_eq!(
            name(b"\"Zhang \\\"San\\\"\" <a@b.cn>").as_deref(),
            Some("Zhang \"San\"")
        );
        assert_eq!(
            name(b"a@b.cn (=?utf-8?B?5byg5LiJ?=)").as_deref(),
            Some("张三")
        );
        assert_eq!(name(b"<a@b.cn>"), None);
        assert_eq!(name(b"a@b.cn"), None);
        assert_eq!(name(b"\"\" <a@b.cn>"), None);
    }

    #[test]
    fn parameters_rfc_2231_and_encoded_words() {
        let mut r = TextReader::new(&EncodingRs);
        let mut file = |raw: &str| r.parameter(raw.as_bytes(), "filename", MailPart::Attachment);
        assert_eq!(
            file("attachment; filename=\"a b.pdf\"").as_deref(),
            Some("a b.pdf")
        );
        assert_eq!(
            file("attachment; filename=plain.txt ; size=3").as_deref(),
            Some("plain.txt")
        );
        assert_eq!(
            file("attachment; FileName*=gbk''%D5%C5%C8%FD.pdf").as_deref(),
            Some("张三.pdf")
        );
        assert_eq!(
            file("attachment;\r\n filename*0*=utf-8'zh'%E5%BC%A0; filename*1=\"三.pdf\"")
                .as_deref(),
            Some("张三.pdf")
        );
        // Sections out of order, a GBK character split between two of them.
        assert_eq!(
            file("attachment; filename*1*=%FD.pdf; filename*0*=gbk''%D5%C5%C8").as_deref(),
            Some("张三.pdf")
        );
        assert_eq!(
            file("attachment; filename=\"=?GBK?B?1cXI/Q==?=.pdf\"").as_deref(),
            Some("张三.pdf")
        );
        assert_eq!(file("attachment; name=x.pdf"), None);
        assert_eq!(file("attachment"), None);
        assert_eq!(
            file("attachment; filename=\"unterminated").as_deref(),
            Some("unterminated")
        );
        assert!(r.findings.is_empty(), "{:?}", r.findings);
    }
}
