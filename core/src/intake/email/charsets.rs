//! Charsets of e-mail text: the one seam where the host may supply its own decoder.
//!
//! Chinese mail is often GBK or GB18030, and the tables for those are large (encoding_rs's
//! are some hundreds of kilobytes). A Rust host takes [`EncodingRs`] (feature
//! `email-charsets`, on by default); a WebAssembly build, which has a size budget, leaves the
//! feature out and implements [`Charsets`] with the browser's `TextDecoder`, which knows the
//! same labels (both follow the WHATWG Encoding Standard), so every language reads a message
//! the same way.

/// Decodes text in a named charset: the reader calls it for every piece of text (a body part,
/// an encoded word, an attachment's name) whose charset is not UTF-8.
///
/// The label is the one the message gives, trimmed, without an RFC 2231 language suffix, and
/// with the MIME names the WHATWG Encoding Standard lacks mapped to its own (`cp936`, `ms936`,
/// `windows-936` and `euc-cn` become `gbk`); look it up case-insensitively. A byte-order mark
/// of the charset at the start is dropped, as `TextDecoder` does by default.
///
/// ```
/// use complaint_office::intake::{Charsets, Decoded};
///
/// /// Latin-1 only: every byte is the code point of the same number.
/// struct Latin1;
/// impl Charsets for Latin1 {
///     fn decode(&self, label: &str, bytes: &[u8]) -> Option<Decoded> {
///         label.eq_ignore_ascii_case("iso-8859-1").then(|| Decoded {
///             text: bytes.iter().map(|&b| char::from(b)).collect(),
///             malformed: false,
///         })
///     }
/// }
/// assert_eq!(Latin1.decode("ISO-8859-1", b"J\xf8rn").unwrap().text, "Jørn");
/// assert!(Latin1.decode("gbk", b"\xcd\xb6").is_none());
/// ```
pub trait Charsets {
    /// The text `bytes` spell in the charset `label`, or `None` when the charset is unknown
    /// (the reader then shows the bytes as UTF-8, with U+FFFD for what is not, and says so in
    /// a finding). Malformed sequences become U+FFFD and set [`Decoded::malformed`].
    fn decode(&self, label: &str, bytes: &[u8]) -> Option<Decoded>;
}

/// Text decoded from a charset.
#[derive(Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Whether some bytes were not valid in the charset (each became U+FFFD).
    pub malformed: bool,
}

impl std::fmt::Debug for Decoded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoded")
            .field("text", &format_args!("<{} bytes>", self.text.len()))
            .field("malformed", &self.malformed)
            .finish()
    }
}

/// Knows no charset but UTF-8 (which the reader decodes without asking): for hosts that
/// accept only UTF-8 mail, or as a placeholder while another decoder is wired up. Text in any
/// other charset is shown as UTF-8 with U+FFFD and reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Utf8Only;

impl Charsets for Utf8Only {
    fn decode(&self, _label: &str, _bytes: &[u8]) -> Option<Decoded> {
        None
    }
}

/// The charsets of the WHATWG Encoding Standard, from encoding_rs: GBK (which reads every
/// GB18030 sequence as well), GB18030, Big5, Shift_JIS, EUC-KR, the ISO 8859 and Windows code
/// pages, UTF-16 and more. Labels that the standard maps to its "replacement" decoder
/// (ISO-2022-KR, HZ-GB-2312, …) are unknown: that decoder would turn the whole text into one
/// U+FFFD.
#[cfg(feature = "email-charsets")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EncodingRs;

#[cfg(feature = "email-charsets")]
impl Charsets for EncodingRs {
    fn decode(&self, label: &str, bytes: &[u8]) -> Option<Decoded> {
        let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())?;
        let (text, malformed) = encoding.decode_with_bom_removal(bytes);
        Some(Decoded {
            text: text.into_owned(),
            malformed,
        })
    }
}

/// The label as the decoder gets it: MIME names that the WHATWG standard lacks are mapped to
/// its own, so `TextDecoder` and encoding_rs agree on them.
pub(super) fn whatwg_label(label: &str) -> &str {
    const GBK: [&str; 4] = ["cp936", "ms936", "windows-936", "euc-cn"];
    if GBK.iter().any(|alias| alias.eq_ignore_ascii_case(label)) {
        "gbk"
    } else {
        label
    }
}

/// Whether the label names UTF-8 (the reader decodes it itself).
pub(super) fn is_utf8(label: &str) -> bool {
    label.eq_ignore_ascii_case("utf-8") || label.eq_ignore_ascii_case("utf8")
}

/// Whether the label names US-ASCII: pure ASCII text under it is read without asking the
/// decoder (8-bit bytes go to the decoder, which reads them as windows-1252, as browsers do).
pub(super) fn is_ascii(label: &str) -> bool {
    label.eq_ignore_ascii_case("us-ascii") || label.eq_ignore_ascii_case("ascii")
}

#[cfg(all(test, feature = "email-charsets"))]
mod tests {
    use super::*;

    #[test]
    fn encoding_rs_reads_the_chinese_charsets() {
        // 投诉 in GBK; 𠀀 (U+20000) is the 4-byte GB18030 sequence 95 32 82 36.
        let gbk = EncodingRs.decode("GBK", b"\xcd\xb6\xcb\xdf").unwrap();
        assert_eq!((gbk.text.as_str(), gbk.malformed), ("投诉", false));
        let gb = EncodingRs.decode("gb18030", b"\x95\x32\x82\x36").unwrap();
        assert_eq!(gb.text, "\u{20000}");
        // WHATWG's GBK decoder reads four-byte sequences too; gb2312 is a GBK label.
        assert_eq!(
            EncodingRs
                .decode("gb2312", b"\x95\x32\x82\x36")
                .unwrap()
                .text,
            "\u{20000}"
        );
        assert_eq!(EncodingRs.decode("big5", b"\xa7\x41").unwrap().text, "你");
        let bad = EncodingRs.decode("gbk", b"\xcd").unwrap();
        assert_eq!((bad.text.as_str(), bad.malformed), ("\u{fffd}", true));
    }

    #[test]
    fn unknown_and_replacement_labels_are_unknown() {
        assert!(EncodingRs.decode("x-klingon", b"a").is_none());
        assert!(EncodingRs.decode("hz-gb-2312", b"~{<:~}").is_none());
        assert!(Utf8Only.decode("gbk", b"a").is_none());
    }

    #[test]
    fn mime_aliases() {
        assert_eq!(whatwg_label("CP936"), "gbk");
        assert_eq!(whatwg_label("EUC-CN"), "gbk");
        assert_eq!(whatwg_label("gb18030"), "gb18030");
        assert!(is_utf8("UTF-8") && is_ascii("US-ASCII") && !is_utf8("utf-16"));
    }

    #[test]
    fn debug_shows_no_text() {
        let d = EncodingRs.decode("gbk", b"\xcd\xb6\xcb\xdf").unwrap();
        assert!(!format!("{d:?}").contains("投"));
    }
}
