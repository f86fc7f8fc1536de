//! E-mail intake (§2.1.1): a complaint from the raw bytes of one message. The rules are
//! documented on [`EmailIntake`], the public face of this module.

mod charsets;
mod text;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use mail_parser::decoders::DecodeFnc;
use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::parsers::MessageStream;
use mail_parser::{
    Address, Encoding, Header, HeaderName, HeaderValue, Message, MessageParser, MimeHeaders,
    PartType,
};
use serde::Serialize;
use std::borrow::Cow;
use std::panic::AssertUnwindSafe;
use std::sync::LazyLock;

use super::{Channel, ComplainantKind, Complaint, IntakeReport, IntakeRules};
use crate::error::ErrorCode;
use crate::time::{Instant, check_date};
use crate::vocabulary::vocabulary;
use text::TextReader;

#[cfg(feature = "email-charsets")]
pub use charsets::EncodingRs;
pub use charsets::{Charsets, Decoded, Utf8Only};

const CLAUSE: &str = "§2.1.1";

/// What e-mail intake needs of a policy: the intake rules that check the complaint and the
/// office's offset from UTC, in which a date without one is read. A
/// [`Policy`](crate::policy::Policy) is one; so is a pair of both.
pub trait EmailPolicy {
    /// The intake rules (§2.1.1: the subject word, the fields an e-mail complaint needs).
    fn intake_rules(&self) -> &IntakeRules;
    /// The office's offset from UTC.
    fn office_offset(&self) -> FixedOffset;
}

impl EmailPolicy for (IntakeRules, FixedOffset) {
    fn intake_rules(&self) -> &IntakeRules {
        &self.0
    }

    fn office_offset(&self) -> FixedOffset {
        self.1
    }
}

/// mail-parser, reading only the headers it must understand: `From:`, `Date:` and the MIME
/// headers. Every other header (`Subject:` and `Received:` among them) is kept as a position
/// in the message and read here, only when needed: parsing every `Received:` hop and `To:`
/// list costs more than the rest of the message.
static PARSER: LazyLock<MessageParser> =
    LazyLock::new(|| parser().header_text(HeaderName::ContentTransferEncoding));

/// [`PARSER`] without `Content-Transfer-Encoding`: it finds the same parts but leaves every
/// body as the message writes it, so an attachment's base64 (which intake never reads) is
/// not decoded. [`fast_bodies`] says when its reading is the same as [`PARSER`]'s.
static FAST_PARSER: LazyLock<MessageParser> = LazyLock::new(parser);

/// The headers both parsers read (`From:`, `Date:`, `Content-Type:`, `Content-Disposition:`);
/// every other one is skipped.
fn parser() -> MessageParser {
    MessageParser::new()
        .header_address(HeaderName::From)
        .header_date(HeaderName::Date)
        .header_content_type(HeaderName::ContentType)
        .header_content_type(HeaderName::ContentDisposition)
        .default_header_ignore()
}

/// A complaint read from an e-mail (§2.1.1), with what intake makes of it: from the raw bytes
/// of one message as the complaint mailbox received it (RFC 5322, MIME, RFC 2047 encoded words,
/// RFC 2231 parameters).
///
/// ```
/// use complaint_office::intake::{self, ComplainantKind, ReceivedFrom};
/// use complaint_office::policy::Policy;
///
/// let message = b"Received: from mx.example.net by mail.example.com;\r\n \
///                   Fri, 26 Sep 2025 01:58:02 +0000\r\n\
///                 Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n\
///                 From: =?GBK?B?1cXI/Q==?= <zhang.san@example.net>\r\n\
///                 Subject: =?GBK?B?udjT2srbuvO1xM22y98=?=\r\n\
///                 Content-Type: text/plain; charset=GBK\r\n\
///                 \r\n\
///                 \xb5\xe7\xcb\xae\xba\xf8\xc2\xa9\xcb\xae\xa1\xa3\r\n";
/// let intake = intake::email(&Policy::default(), message, ComplainantKind::Customer)?;
/// let complaint = &intake.complaint;
/// assert_eq!(complaint.subject.as_deref(), Some("关于售后的投诉"));
/// assert_eq!(complaint.name.as_deref(), Some("张三"));
/// assert_eq!(complaint.contact.as_deref(), Some("zhang.san@example.net"));
/// assert_eq!(complaint.content.as_deref(), Some("电水壶漏水。"));
/// // When the mail server took it (the newest Received header), in office time.
/// assert_eq!(complaint.received_at.unwrap().to_rfc3339(), "2025-09-26T09:58:02+08:00");
/// assert_eq!(intake.received_from, Some(ReceivedFrom::Received));
/// assert!(intake.report.admissible && intake.report.complete);
/// # Ok::<(), complaint_office::Error>(())
/// ```
///
/// What is read from where:
/// - **received_at**: the date of the topmost `Received:` header whose date can be read (the
///   newest one: the hop where the office's own mail server took the message), else the
///   `Date:` header (when the sender's program says it was sent); none when neither can be
///   read. In office time (the policy's offset). [`EmailIntake::received_from`] says which.
/// - **contact** and **name**: the first mailbox of `From:`, its display name decoded.
/// - **subject**: `Subject:`, decoded; the policy's complaint words (§2.1.1,
///   `intake.subject_words`) are checked by [`check`](super::check) as for any complaint: a
///   subject without one makes the report inadmissible with `intake.subject_word_missing`.
/// - **content**: the text parts of the body, `text/plain` preferred; a message with only
///   HTML gives the HTML's text (tags dropped, a line break for each paragraph, line break and
///   block), and says so in a finding. Line ends become `\n`; white space at either end goes.
/// - **attachments**: every other part, by name (decoded) and size in bytes (after the
///   transfer encoding is undone); their content is never read into the result.
///
/// Header texts (subject, name, contact, file names) come out on one line: NUL characters
/// dropped (databases cannot store them), other control characters as spaces. The content
/// keeps its line breaks and tabs and loses only NUL characters.
///
/// Text in a charset other than UTF-8 is decoded by a [`Charsets`]: [`email`] uses
/// [`EncodingRs`] (feature `email-charsets`, on by default), [`email_with`] takes the host's
/// own (a WebAssembly build passes the browser's `TextDecoder`, so it need not carry the
/// GBK/GB18030 tables).
///
/// A message that is not an e-mail at all (empty, or not starting with a header field) is an
/// [`EmailError`]; anything else that is wrong with it (an unknown charset, a broken base64
/// part, a date that cannot be read, a line in the header section that is not a header
/// field) is an [`EmailFinding`], and what it leaves missing shows in the intake report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmailIntake {
    /// The complaint: channel `email`, the complainant kind given, name, contact, time of
    /// receipt, content and subject from the message.
    pub complaint: Complaint,
    /// Which header gave the time of receipt (`None` when no date could be read).
    pub received_from: Option<ReceivedFrom>,
    /// The attachments, by name and size.
    pub attachments: Vec<Attachment>,
    /// What was wrong with the message but did not stop it being read, in the order found.
    pub findings: Vec<EmailFinding>,
    /// The intake check of the complaint under the policy ([`check`](super::check)).
    pub report: IntakeReport,
}

/// An attachment, listed but never opened. Its name may be personal data: `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// The file name the message gives (decoded), if any.
    pub name: Option<String>,
    /// The size in bytes, after the transfer encoding (base64, quoted-printable) is undone.
    pub size: u64,
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attachment")
            .field("name", &self.name.as_ref().map(|_| "<redacted>"))
            .field("size", &self.size)
            .finish()
    }
}

vocabulary! {
    /// The header that gave an e-mail's time of receipt.
    pub enum ReceivedFrom("time source", "intake.unknown_time_source") {
        /// The newest `Received:` header: when the office's mail server took the message.
        Received = "received",
        /// The `Date:` header: when the sender's program says it sent the message.
        Date = "date",
    }
}

vocabulary! {
    /// Where in a message a finding is.
    pub enum MailPart("message part", "intake.unknown_message_part") {
        /// The header section as a whole.
        Header = "header",
        /// The `Subject:` header.
        Subject = "subject",
        /// The `From:` header (contact and name).
        From = "from",
        /// The `Date:` header.
        Date = "date",
        /// The `Received:` headers.
        Received = "received",
        /// The text of the body (the complaint's content).
        Body = "body",
        /// An attachment (its name or its encoding).
        Attachment = "attachment",
    }
}

vocabulary! {
    /// What was wrong with a message that could still be read.
    pub enum EmailFindingCode("e-mail finding", "intake.unknown_email_finding") {
        /// Text in a charset the [`Charsets`] does not know: shown as UTF-8, with U+FFFD for
        /// what is not.
        CharsetUnknown = "intake.email_charset_unknown",
        /// 8-bit text that names no charset and is not UTF-8: shown with U+FFFD.
        CharsetMissing = "intake.email_charset_missing",
        /// 8-bit header text that names no charset, read in the charset of the message's text.
        CharsetAssumed = "intake.email_charset_assumed",
        /// Bytes that are not valid in their charset, each shown as U+FFFD.
        TextMalformed = "intake.email_text_malformed",
        /// A part whose base64 or quoted-printable encoding is broken: taken as it is written.
        EncodingDamaged = "intake.email_encoding_damaged",
        /// No plain-text body: the content is the text of the HTML body.
        ContentFromHtml = "intake.email_content_from_html",
        /// A header intake reads is there but cannot be read (a `From:` without an address, a
        /// date that is not one).
        HeaderUnreadable = "intake.email_header_unreadable",
        /// A line in the header section that is not a header field (`name: value`) nor the
        /// continuation of one: mail readers skip it, and so does intake.
        HeaderLineSkipped = "intake.email_header_line_skipped",
    }
}

/// Something wrong with a message that did not stop it being read. No personal data: a code
/// and a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EmailFinding {
    /// What.
    pub code: EmailFindingCode,
    /// Where.
    pub part: MailPart,
}

/// Why a message cannot be read at all. Messages say what is wrong, never what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Not an e-mail.
    #[error("malformed e-mail: {0}")]
    Malformed(Malformed),
    /// More than 4 GiB, beyond what the parser addresses.
    #[error("e-mail too large: at most 4 GiB")]
    TooLarge,
}

/// What makes a message malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Malformed {
    /// No bytes, or only white space.
    #[error("the message is empty")]
    Empty,
    /// The first line is not a header field (`name: value`): not an RFC 5322 message (an
    /// mbox `From ` line, a body without headers, another kind of file).
    #[error("the message does not start with a header field (name: value)")]
    NoHeaderField,
    /// The MIME structure (parts and their boundaries) cannot be read.
    #[error("the MIME structure cannot be read")]
    MimeStructure,
}

impl ErrorCode for EmailError {
    fn code(&self) -> &'static str {
        match self {
            EmailError::Malformed(_) => "intake.email_malformed",
            EmailError::TooLarge => "intake.email_too_large",
        }
    }

    fn clause(&self) -> Option<&'static str> {
        Some(CLAUSE)
    }
}

/// Reads an e-mail into a complaint and checks it, decoding charsets with [`EncodingRs`].
///
/// # Errors
/// [`EmailError`] when the bytes are not an e-mail (see [`EmailIntake`]).
#[cfg(feature = "email-charsets")]
pub fn email(
    policy: &(impl EmailPolicy + ?Sized),
    message: &[u8],
    kind: ComplainantKind,
) -> Result<EmailIntake, EmailError> {
    email_with(policy, message, kind, &EncodingRs)
}

/// Reads an e-mail into a complaint and checks it, decoding charsets other than UTF-8 with
/// `charsets`.
///
/// # Errors
/// [`EmailError`] when the bytes are not an e-mail (see [`EmailIntake`]).
pub fn email_with(
    policy: &(impl EmailPolicy + ?Sized),
    message: &[u8],
    kind: ComplainantKind,
    charsets: &dyn Charsets,
) -> Result<EmailIntake, EmailError> {
    read_email(policy, message, kind, charsets, true)
}

/// [`email_with`], with mail-parser's fast reading where it holds (`fast`) or always the full
/// one (to compare the two in tests).
fn read_email(
    policy: &(impl EmailPolicy + ?Sized),
    message: &[u8],
    kind: ComplainantKind,
    charsets: &dyn Charsets,
    fast: bool,
) -> Result<EmailIntake, EmailError> {
    let Read {
        parsed,
        encodings,
        mut bodies,
    } = parse(message, fast)?;
    let root = parsed.root_part();
    let mut reader = TextReader::new(charsets);
    let head = message.get(..root.offset_body as usize).unwrap_or(message);
    if skipped_header_lines(head) {
        reader.note(EmailFindingCode::HeaderLineSkipped, MailPart::Header);
    }
    reader.header_charset = parsed
        .text_body
        .first()
        .and_then(|&id| parsed.parts.get(id as usize))
        .and_then(|p| p.content_type())
        .and_then(|ct| ct.attribute("charset"))
        .map(str::to_owned);

    let subject = header(root, HeaderName::Subject)
        .map(|h| one_line(&reader.unstructured(raw_value(message, h), MailPart::Subject)));
    let (name, contact) = sender(message, root, &mut reader);
    let (received_at, received_from) = time_of_receipt(message, &root.headers, policy, &mut reader);
    let parts = Parts {
        message,
        parsed: &parsed,
        encodings: &encodings,
    };
    let content = content(&parts, &mut bodies, &mut reader);
    let attachments = attachments(&parts, &mut bodies, &mut reader);

    let complaint = Complaint {
        name,
        contact,
        received_at,
        content,
        subject,
        ..Complaint::new(Channel::Email, kind)
    };
    let report = policy.intake_rules().check(&complaint);
    Ok(EmailIntake {
        complaint,
        received_from,
        attachments,
        findings: reader.findings,
        report,
    })
}

/// A message as mail-parser read it, with each part's transfer encoding.
struct Read<'m> {
    parsed: Message<'m>,
    /// By part id: the part's transfer encoding (what [`PARSER`] puts in `MessagePart::encoding`).
    encodings: Vec<Encoding>,
    /// By part id: what [`fast_bodies`] already worked out of the part's body, if anything.
    bodies: Vec<Option<Body>>,
}

/// A part's body with its transfer encoding undone, or just the size of that.
enum Body {
    /// The bytes of a part that is read.
    Bytes(Vec<u8>),
    /// The size of an attachment, which is never read.
    Size(u64),
}

/// The parts of a message, by id, with their transfer encodings.
struct Parts<'a, 'm> {
    message: &'m [u8],
    parsed: &'a Message<'m>,
    encodings: &'a [Encoding],
}

/// The message's MIME structure, or why it has none.
fn parse(message: &[u8], fast: bool) -> Result<Read<'_>, EmailError> {
    if u32::try_from(message.len()).is_err() {
        return Err(EmailError::TooLarge);
    }
    if message.trim_ascii().is_empty() {
        return Err(EmailError::Malformed(Malformed::Empty));
    }
    if !first_line(message).is_some_and(is_header_field) {
        return Err(EmailError::Malformed(Malformed::NoHeaderField));
    }
    // mail-parser is a third party's parser of hostile input: should it ever panic (its
    // `debug_assert!`s do in a host's debug build, see the workspace Cargo.toml), the message
    // is malformed, and the panic does not reach the host.
    let run = |parser: &MessageParser| {
        std::panic::catch_unwind(AssertUnwindSafe(|| parser.parse(message)))
            .map_err(|_| EmailError::Malformed(Malformed::MimeStructure))?
            .ok_or(EmailError::Malformed(Malformed::NoHeaderField))
    };
    // The fast reading when it is the same as the full one (every well-formed message that
    // forwards no message); else the full reading, with whatever it finds wrong.
    if fast
        && let Ok(parsed) = run(&FAST_PARSER)
        && let Some((encodings, bodies)) = fast_bodies(message, &parsed)
    {
        return Ok(Read {
            parsed,
            encodings,
            bodies,
        });
    }
    let parsed = run(&PARSER)?;
    let encodings = parsed.parts.iter().map(|p| p.encoding).collect();
    let bodies = parsed.parts.iter().map(|_| None).collect();
    Ok(Read {
        parsed,
        encodings,
        bodies,
    })
}

/// Each part's transfer encoding and, for every encoded part, its body undone (a text part)
/// or its size (an attachment), when [`FAST_PARSER`]'s reading is the one [`PARSER`] would
/// give; `None` otherwise.
///
/// The two parsers find the same parts, bodies and ends, and file them the same way, unless
/// undoing a transfer encoding fails (the full parser then reads the part as broken text)
/// or a part is a message (the full parser reads an encoded one from its decoded bytes). So
/// the fast reading holds when no part is a message (or a digest's part, which may be one)
/// and every encoded part is one that mail-parser's stream decoders accept: base64 of only
/// the alphabet, `=` and white space; quoted-printable that its strict slice decoder accepts
/// (a part of neither kind, or a `Content-Transfer-Encoding` that is not one plain token,
/// takes the full reading). Sizes count as mail-parser's stream decoder does.
fn fast_bodies(message: &[u8], parsed: &Message<'_>) -> Option<(Vec<Encoding>, Vec<Option<Body>>)> {
    let mut encodings = Vec::with_capacity(parsed.parts.len());
    let mut bodies = Vec::with_capacity(parsed.parts.len());
    for part in &parsed.parts {
        if part.is_encoding_problem {
            return None;
        }
        if let Some(ct) = part.content_type()
            && (ct.ctype().eq_ignore_ascii_case("message")
                || ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("digest")))
        {
            return None;
        }
        let mut fields = part
            .headers
            .iter()
            .filter(|h| h.name == HeaderName::ContentTransferEncoding);
        let field = fields.next();
        if fields.next().is_some() {
            return None;
        }
        let encoding = match (&part.body, field) {
            (PartType::Message(_), _) => return None,
            // The full parser reads no encoding on a multipart whose parts it found.
            (PartType::Multipart(_), _) | (_, None) => Encoding::None,
            (_, Some(field)) => {
                let token = raw_value(message, field).trim_ascii();
                if !token
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
                {
                    return None;
                }
                if token.eq_ignore_ascii_case(b"base64") {
                    Encoding::Base64
                } else if token.eq_ignore_ascii_case(b"quoted-printable") {
                    Encoding::QuotedPrintable
                } else {
                    Encoding::None
                }
            }
        };
        let raw = message
            .get(part.offset_body as usize..part.offset_end as usize)
            .unwrap_or_default();
        let text = matches!(part.body, PartType::Text(_) | PartType::Html(_));
        let body = match encoding {
            Encoding::None => None,
            Encoding::Base64 if text => {
                // The slice decoder stops at a 0xFF byte, where the stream decoder fails.
                if memchr::memchr(0xff, raw).is_some() {
                    return None;
                }
                Some(Body::Bytes(base64_decode(raw)?))
            }
            Encoding::Base64 => Some(Body::Size(base64_size(raw)?)),
            Encoding::QuotedPrintable if text => Some(Body::Bytes(quoted_printable_decode(raw)?)),
            // A quoted-printable attachment: rare, and its size is the stream decoder's.
            Encoding::QuotedPrintable => return None,
        };
        encodings.push(encoding);
        bodies.push(body);
    }
    Some((encodings, bodies))
}

/// The size of base64 once decoded, counted as mail-parser's stream decoder decodes (a `=`
/// ends a group, a last group without one is dropped); `None` for a byte that is not of the
/// alphabet, `=` or white space.
fn base64_size(raw: &[u8]) -> Option<u64> {
    /// Per byte: 0 of the alphabet, 1 white space, 2³² anything else (`=` is split on first),
    /// so that a sum counts the white space in its low half and the others in its high half.
    const CLASS: [u64; 256] = {
        let mut class = [1u64 << 32; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' {
                class[b] = 0;
            } else if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
                class[b] = 1;
            }
            b += 1;
        }
        class
    };
    let mut size = 0u64;
    let mut rest = raw;
    loop {
        let equals = memchr::memchr(b'=', rest);
        let piece = &rest[..equals.unwrap_or(rest.len())];
        let sum: u64 = piece.iter().map(|&b| CLASS[usize::from(b)]).sum();
        if sum >> 32 != 0 {
            return None;
        }
        // A message is shorter than 4 GiB: the white space fits in the low half.
        let letters = piece.len() as u64 - (sum & 0xffff_ffff);
        size += letters / 4 * 3;
        let Some(at) = equals else {
            return Some(size);
        };
        // A `=` ends the group: one byte for one or two letters, two for three.
        size += match letters % 4 {
            1 | 2 => 1,
            3 => 2,
            _ => 0,
        };
        rest = &rest[at + 1..];
    }
}

fn header<'p, 'x>(
    part: &'p mail_parser::MessagePart<'x>,
    name: HeaderName<'static>,
) -> Option<&'p Header<'x>> {
    part.headers.iter().find(|h| h.name == name)
}

/// A header's value as the message writes it (folds included).
fn raw_value<'m>(message: &'m [u8], h: &Header<'_>) -> &'m [u8] {
    message
        .get(h.offset_start as usize..h.offset_end as usize)
        .unwrap_or_default()
}

/// The contact and name of the first mailbox of `From:`.
fn sender(
    message: &[u8],
    root: &mail_parser::MessagePart<'_>,
    reader: &mut TextReader<'_>,
) -> (Option<String>, Option<String>) {
    let Some(from) = header(root, HeaderName::From) else {
        return (None, None);
    };
    let mailbox = match &from.value {
        HeaderValue::Address(Address::List(list)) => list.first(),
        HeaderValue::Address(Address::Group(groups)) => {
            groups.iter().find_map(|g| g.addresses.first())
        }
        _ => None,
    };
    let contact = mailbox
        .and_then(|m| m.address.as_deref())
        .map(one_line)
        .filter(|a| !a.is_empty());
    if contact.is_none() {
        reader.note(EmailFindingCode::HeaderUnreadable, MailPart::From);
    }
    let raw = raw_value(message, from);
    // mail-parser reads an ASCII display name right; one with a charset is ours to decode.
    let name = if raw.is_ascii() && memchr::memmem::find(raw, b"=?").is_none() {
        mailbox.and_then(|m| m.name.as_deref()).map(one_line)
    } else {
        reader
            .display_name(raw, MailPart::From)
            .map(|n| one_line(&n))
    };
    (name.filter(|n| !n.is_empty()), contact)
}

/// The text of the body: its `text/plain` parts, else the text of its HTML.
fn content(
    parts: &Parts<'_, '_>,
    bodies: &mut [Option<Body>],
    reader: &mut TextReader<'_>,
) -> Option<String> {
    let mut texts = Vec::new();
    for &id in &parts.parsed.text_body {
        let Some(part) = parts.parsed.parts.get(id as usize) else {
            continue;
        };
        let is_html = match part.body {
            PartType::Text(_) => false,
            PartType::Html(_) => true,
            _ => continue,
        };
        let bytes = match bodies.get_mut(id as usize).and_then(Option::take) {
            Some(Body::Bytes(bytes)) => Cow::Owned(bytes),
            _ => transfer_decoded(parts, id, MailPart::Body, reader),
        };
        let charset = part.content_type().and_then(|ct| ct.attribute("charset"));
        let text = reader.decode(charset, &bytes, MailPart::Body);
        texts.push(if is_html {
            reader.note(EmailFindingCode::ContentFromHtml, MailPart::Body);
            html_text(&text)
        } else {
            normalise_lines(&text)
        });
    }
    let joined;
    let content = match texts.as_slice() {
        [text] => text.as_str(),
        _ => {
            joined = texts.join("\n");
            joined.as_str()
        }
    };
    let content = if content.contains('\0') {
        Cow::Owned(content.replace('\0', ""))
    } else {
        Cow::Borrowed(content)
    };
    let content = content.trim();
    (!content.is_empty()).then(|| content.to_owned())
}

/// Every part that is not body text, by name and size.
fn attachments(
    parts: &Parts<'_, '_>,
    bodies: &mut [Option<Body>],
    reader: &mut TextReader<'_>,
) -> Vec<Attachment> {
    let mut attachments = Vec::new();
    for &id in &parts.parsed.attachments {
        let Some(part) = parts.parsed.parts.get(id as usize) else {
            continue;
        };
        if part.is_encoding_problem && is_body_text(part) {
            // mail-parser files a text part it cannot decode as an attachment; it is the body.
            reader.note(EmailFindingCode::EncodingDamaged, MailPart::Body);
            continue;
        }
        let name = attachment_name(parts.message, part, reader);
        let size = match (
            bodies.get_mut(id as usize).and_then(Option::take),
            &part.body,
        ) {
            (Some(Body::Size(size)), _) => size,
            (Some(Body::Bytes(bytes)), _) => bytes.len() as u64,
            (None, PartType::Binary(bytes) | PartType::InlineBinary(bytes))
                if !part.is_encoding_problem =>
            {
                bytes.len() as u64
            }
            (None, _) => transfer_decoded(parts, id, MailPart::Attachment, reader).len() as u64,
        };
        attachments.push(Attachment { name, size });
    }
    attachments
}

/// A header text on one line: no NUL (databases cannot store it), any other control character
/// (a tab, a line break an encoded word carried) a space, no white space at either end.
fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.trim().to_owned();
    }
    text.chars()
        .filter(|&c| c != '\0')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The time of receipt: the topmost `Received:` header with a readable date, else `Date:`.
fn time_of_receipt(
    message: &[u8],
    headers: &[Header<'_>],
    policy: &(impl EmailPolicy + ?Sized),
    reader: &mut TextReader<'_>,
) -> (Option<Instant>, Option<ReceivedFrom>) {
    let office = policy.office_offset();
    let mut received_seen = false;
    for h in headers.iter().filter(|h| h.name == HeaderName::Received) {
        received_seen = true;
        // RFC 5322 section 3.6.7: `Received: tokens ; date-time`, the date after the last `;`
        // (or an earlier one, when a comment after the date has a `;` of its own).
        let raw = raw_value(message, h);
        let date = raw
            .iter()
            .enumerate()
            .rev()
            .filter(|&(_, &b)| b == b';')
            .find_map(|(semicolon, _)| {
                let text = std::str::from_utf8(&raw[semicolon + 1..]).ok()?;
                mail_parser::DateTime::parse_rfc822(text.trim())
            });
        if let Some(at) = date.as_ref().and_then(|d| instant(d, office)) {
            return (Some(at), Some(ReceivedFrom::Received));
        }
    }
    if received_seen {
        reader.note(EmailFindingCode::HeaderUnreadable, MailPart::Received);
    }
    if let Some(h) = headers.iter().find(|h| h.name == HeaderName::Date) {
        if let HeaderValue::DateTime(d) = &h.value
            && let Some(at) = instant(d, office)
        {
            return (Some(at), Some(ReceivedFrom::Date));
        }
        reader.note(EmailFindingCode::HeaderUnreadable, MailPart::Date);
    }
    (None, None)
}

/// A header date as an instant in office time, if it is a real one in the supported years.
fn instant(d: &mail_parser::DateTime, office: FixedOffset) -> Option<Instant> {
    let date = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?;
    let time =
        NaiveTime::from_hms_opt(u32::from(d.hour), u32::from(d.minute), u32::from(d.second))?;
    let seconds = (i32::from(d.tz_hour) * 3600 + i32::from(d.tz_minute) * 60)
        * if d.tz_before_gmt { -1 } else { 1 };
    let zone = FixedOffset::east_opt(seconds)?;
    let at = zone.from_local_datetime(&date.and_time(time)).single()?;
    let at = at.with_timezone(&office);
    check_date(at.date_naive()).ok().map(|_| at)
}

/// A part's body with its transfer encoding undone. mail-parser keeps the bytes of text parts
/// only as text decoded in its own way, so they are decoded again from the message, with
/// mail-parser's own decoders.
fn transfer_decoded<'m>(
    parts: &Parts<'_, 'm>,
    id: u32,
    place: MailPart,
    reader: &mut TextReader<'_>,
) -> Cow<'m, [u8]> {
    let Some(part) = parts.parsed.parts.get(id as usize) else {
        return Cow::Borrowed(&[]);
    };
    let raw = parts
        .message
        .get(part.offset_body as usize..part.offset_end as usize)
        .unwrap_or_default();
    // The slice decoders first (several times faster than the stream ones the parser uses,
    // the same bytes for what the parser accepted), the stream ones for what they refuse.
    let stream = |decode: DecodeFnc<'m>| {
        let (end, bytes) = decode(&mut MessageStream::new(raw), b"");
        (end != usize::MAX).then(|| bytes.into_owned())
    };
    let encoding = parts
        .encodings
        .get(id as usize)
        .copied()
        .unwrap_or_default();
    let decoded = match encoding {
        _ if part.is_encoding_problem => None,
        Encoding::None => return Cow::Borrowed(raw),
        Encoding::Base64 => {
            base64_decode(raw).or_else(|| stream(MessageStream::decode_base64_mime))
        }
        Encoding::QuotedPrintable => quoted_printable_decode(raw)
            .or_else(|| stream(MessageStream::decode_quoted_printable_mime)),
    };
    match decoded {
        Some(bytes) => Cow::Owned(bytes),
        None => {
            reader.note(EmailFindingCode::EncodingDamaged, place);
            Cow::Borrowed(raw)
        }
    }
}

/// Whether a part is text meant to be read in the message: `text/plain` or `text/html` (or
/// no type, which is plain text), not marked as an attachment, with no file name.
fn is_body_text(part: &mail_parser::MessagePart<'_>) -> bool {
    let text = part.content_type().is_none_or(|ct| {
        ct.ctype().eq_ignore_ascii_case("text")
            && ct
                .subtype()
                .is_none_or(|s| s.eq_ignore_ascii_case("plain") || s.eq_ignore_ascii_case("html"))
    });
    text && part.attachment_name().is_none()
        && part
            .content_disposition()
            .is_none_or(|d| !d.ctype().eq_ignore_ascii_case("attachment"))
}

/// An attachment's file name: `filename` of Content-Disposition, else `name` of Content-Type.
fn attachment_name(
    message: &[u8],
    part: &mail_parser::MessagePart<'_>,
    reader: &mut TextReader<'_>,
) -> Option<String> {
    [
        (HeaderName::ContentDisposition, "filename"),
        (HeaderName::ContentType, "name"),
    ]
    .into_iter()
    .find_map(|(name, parameter)| {
        let h = header(part, name)?;
        let file = reader.parameter(raw_value(message, h), parameter, MailPart::Attachment)?;
        let file = one_line(&file);
        (!file.is_empty()).then_some(file)
    })
}

/// The text of an HTML body. mail-parser's reader breaks lines at `<br>` and `</p>` only; mail
/// from Chinese webmail writes every line as a `<div>`, so the ends of block elements get a
/// line break too.
fn html_text(html: &str) -> String {
    const BLOCKS: [&str; 18] = [
        "div",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dt",
        "dd",
        "section",
        "article",
    ];
    let mut marked = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("</") {
        let after = &rest[at + 2..];
        let tag = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        marked.push_str(&rest[..at]);
        if BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(&after[..tag])) {
            marked.push_str("<br>");
        }
        marked.push_str("</");
        rest = after;
    }
    marked.push_str(rest);
    let text = normalise_lines(&mail_parser::decoders::html::html_to_text(&marked));
    // At most one empty line in a row: empty divs and paragraphs add nothing.
    let mut out = String::with_capacity(text.len());
    let mut empty = 0;
    for line in text.split('\n') {
        let line = line.trim_end();
        empty = if line.is_empty() { empty + 1 } else { 0 };
        if empty <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `\r\n` and lone `\r` as `\n`.
fn normalise_lines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut pieces = text.split('\r');
    out.push_str(pieces.next().unwrap_or_default());
    for piece in pieces {
        out.push('\n');
        out.push_str(piece.strip_prefix('\n').unwrap_or(piece));
    }
    out
}

fn first_line(message: &[u8]) -> Option<&[u8]> {
    message.split(|&b| b == b'\n').next()
}

/// `name: value` (RFC 5322 section 2.2: a name of printable ASCII but `:`, white space allowed
/// before the colon as in the obsolete syntax).
fn is_header_field(line: &[u8]) -> bool {
    let name = line
        .iter()
        .take_while(|&&b| b.is_ascii_graphic() && b != b':')
        .count();
    name > 0 && line[name..].trim_ascii_start().first() == Some(&b':')
}

/// Whether the header section has a line that is neither a field nor a continuation.
fn skipped_header_lines(head: &[u8]) -> bool {
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', head).chain([head.len()]) {
        let line = &head[start..end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return false;
        }
        if !matches!(line.first(), Some(b' ' | b'\t')) && !is_header_field(line) {
            return true;
        }
        start = end + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields() {
        assert!(is_header_field(b"Subject: x"));
        assert!(is_header_field(b"X-Mailer :x"));
        assert!(!is_header_field(b"From sender@example.com Fri Sep 26 2025"));
        assert!(!is_header_field(b": no name"));
        assert!(!is_header_field(b" Subject: folded"));
        assert!(!is_header_field("主题: x".as_bytes()));
        assert!(skipped_header_lines(b"A: b\r\nnot a field\r\n\r\n"));
        assert!(!skipped_header_lines(b"A: b\r\n c\r\n\r\nnot a field\r\n"));
        assert!(skipped_header_lines(b"A: b\nnot a field"));
        assert!(!skipped_header_lines(b"A: b\n\tc"));
        assert!(!skipped_header_lines(b""));
        assert_eq!(normalise_lines("a\r\nb\rc\n\r\r\nd\r"), "a\nb\nc\n\n\nd\n");
    }

    #[test]
    fn html_keeps_lines() {
        let html = "<html><head><style>p{}</style></head><body><div>您好：</div>\
            <div><br></div><div>我要投诉&nbsp;售后&amp;服务。</div><p>第二段</p>\
            <ul><li>一</li><li>二</li></ul></body></html>";
        assert_eq!(
            html_text(html).trim(),
            "您好：\n\n我要投诉\u{a0}售后&服务。\n第二段\n一\n二"
        );
    }

    #[test]
    fn base64_sizes_are_the_stream_decoders() {
        for raw in [
            &b""[..],
            b"QUJD",
            b"QUJDRA==",
            b"QUJDRE",
            b"QUJDREU=",
            b"QQ==QUJD",
            b"Q=QUJD",
            b"QUJ=D",
            b"QUJD\r\nREVG\r\n R0g=\r\n",
            b"====",
        ] {
            let (end, bytes) = MessageStream::new(raw).decode_base64_mime(b"");
            assert_ne!(end, usize::MAX);
            assert_eq!(base64_size(raw), Some(bytes.len() as u64), "{raw:?}");
        }
        assert_eq!(base64_size(b"QUJD-"), None);
        assert_eq!(base64_size(b"QUJD\xff"), None);
        assert_eq!(base64_size(b"QU_D"), None);
    }

    /// The fast reading (attachments' base64 left as written) gives what the full one gives,
    /// on every fixture, the fuzz corpus and messages made to fail each of its conditions.
    #[cfg(feature = "email-charsets")]
    #[test]
    fn the_fast_reading_is_the_full_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut messages: Vec<Vec<u8>> = Vec::new();
        for dir in ["../tests/data/email", "fuzz/corpus/email"] {
            for file in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                if file.path().is_file() {
                    messages.push(std::fs::read(file.path()).unwrap());
                }
            }
        }
        let made = |cte: &str, body: &str, ctype: &str| {
            format!(
                "From: a@b.cn\r\nSubject: =?utf-8?B?5oqV6K+J?=\r\nContent-Type: multipart/mixed; \
                 boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\
                 Content-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n--b\r\nContent-Type: {ctype}; \
                 name=\"x.bin\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n--b--\r\n"
            )
            .into_bytes()
        };
        for cte in [
            "base64",
            "BASE64",
            "quoted-printable",
            "7bit",
            " base64 (x)",
            "=?utf-8?Q?base64?=",
        ] {
            for body in [
                "5oqV6K+J",
                "5oqV6K+J-",
                "5o-qV-6K+J",
                "5oqV\u{ff}",
                "QQ==QUJD",
                "=E6=8A=95 ",
                "a==b",
                "=ZZ",
                "x --b",
            ] {
                for ctype in [
                    "application/octet-stream",
                    "message/rfc822",
                    "text/plain",
                    "image/jpeg",
                ] {
                    messages.push(made(cte, body, ctype));
                }
            }
        }
        let policy = (
            IntakeRules::default(),
            FixedOffset::east_opt(8 * 3600).unwrap(),
        );
        let mut fast_taken = 0;
        for message in &messages {
            let read = |fast| {
                read_email(
                    &policy,
                    message,
                    ComplainantKind::Customer,
                    &EncodingRs,
                    fast,
                )
            };
            assert_eq!(
                read(true),
                read(false),
                "{}",
                String::from_utf8_lossy(message)
            );
            if parse(message, true).is_ok_and(|r| r.bodies.iter().any(Option::is_some)) {
                fast_taken += 1;
            }
        }
        assert!(fast_taken > 10, "{fast_taken}");
    }

    #[test]
    fn dates() {
        let office = FixedOffset::east_opt(8 * 3600).unwrap();
        let d = |year, month, day, before, tz| mail_parser::DateTime {
            year,
            month,
            day,
            hour: 17,
            minute: 30,
            second: 0,
            tz_before_gmt: before,
            tz_hour: tz,
            tz_minute: 0,
        };
        let at = instant(&d(2023, 5, 31, false, 0), office).unwrap();
        assert_eq!(at.to_rfc3339(), "2023-06-01T01:30:00+08:00");
        let at = instant(&d(2023, 5, 31, true, 5), office).unwrap();
        assert_eq!(at.to_rfc3339(), "2023-06-01T06:30:00+08:00");
        assert!(instant(&d(2023, 2, 30, false, 0), office).is_none());
        assert!(instant(&d(3000, 1, 1, false, 0), office).is_none());
        assert!(instant(&d(2023, 1, 1, false, 24), office).is_none());
    }
}
