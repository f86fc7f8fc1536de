//! The one bound on the shape of JSON-like input, whatever form it arrives in: JSON text read
//! by the core, or a host language's own values (Python dicts and lists, JavaScript objects)
//! that a binding converts for it. A value may have at most [`MAX_NESTING`] levels of lists
//! and objects inside one another — exactly what the core's JSON parser accepts in text — and
//! a host value may not contain itself. Bindings check both while they convert, so a value
//! nested 15,000 deep or a cyclic one is refused with a code (`input.too_deep`,
//! `input.cycle`) instead of exhausting the stack and killing the host process.
//!
//! The other bounds on outside input live here too: text that is not Unicode (a lone
//! surrogate from a host string, `input.invalid_text`), numbers JSON cannot hold
//! (`input.invalid_number`), inputs over a documented size (`input.too_large`) and files that
//! cannot be read (`input.unreadable`). Every reader of a file (policy files, holiday data, CSV
//! ledgers) stops at a maximum size, [`MAX_TEXT_FILE_BYTES`] and [`MAX_CSV_FILE_BYTES`] by
//! default, instead of reading `/dev/zero` forever.
//!
//! The policy schema has a tighter bound of its own (32 levels,
//! [`policy::limits::MAX_DEPTH`](crate::policy::limits::MAX_DEPTH)), checked after conversion.

use std::io::Read;
use std::path::Path;

use crate::error::ErrorCode;

/// The default maximum size of a text file read whole: a policy file or holiday data (64 MiB).
pub const MAX_TEXT_FILE_BYTES: u64 = 64 << 20;

/// The default maximum size of a CSV ledger file (4 GiB, about 40 million rows).
pub const MAX_CSV_FILE_BYTES: u64 = 4 << 30;

/// The most levels of lists and objects inside one another in any JSON-like input: the depth
/// at which the core's JSON parser (serde_json) stops reading text, applied by every binding to
/// native values too. `[[1]]` has two levels; a scalar has none.
pub const MAX_NESTING: usize = 127;

/// A JSON-like value refused for its shape. Messages never quote the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// More than [`MAX_NESTING`] levels of lists and objects.
    #[error("a value has more than {max} levels of lists and objects inside one another", max = MAX_NESTING)]
    TooDeep,
    /// A list or object that contains itself (only host values can).
    #[error("a value contains itself: a list or object is inside itself")]
    Cycle,
    /// Text that is not Unicode: a host string holding a lone surrogate.
    #[error("a text is not valid Unicode (it holds a lone surrogate)")]
    InvalidText,
    /// A number JSON cannot hold: an integer beyond 64 bits, or a float that is NaN or
    /// infinite.
    #[error("a number is not a finite value within 64 bits")]
    InvalidNumber,
    /// An input over a documented maximum (bytes of a file, rows to generate).
    #[error("{what} is over the maximum of {max}")]
    TooLarge {
        /// What was measured, like "the file's size in bytes".
        what: &'static str,
        /// The maximum.
        max: u64,
    },
    /// A file that cannot be opened or read; the path is not repeated.
    #[error("the file cannot be read ({0})")]
    Unreadable(std::io::ErrorKind),
}

impl ErrorCode for InputError {
    fn code(&self) -> &'static str {
        match self {
            InputError::TooDeep => "input.too_deep",
            InputError::Cycle => "input.cycle",
            InputError::InvalidText => "input.invalid_text",
            InputError::InvalidNumber => "input.invalid_number",
            InputError::TooLarge { .. } => "input.too_large",
            InputError::Unreadable(_) => "input.unreadable",
        }
    }
}

/// A reader that fails once more than `max` bytes have come through it, with an I/O error
/// that [`InputError::of_io`] recognises as [`InputError::TooLarge`]: the way to read a
/// stream of unknown length (a file, `/dev/zero`) without reading forever.
#[derive(Debug)]
pub struct Bounded<R> {
    inner: R,
    left: u64,
    max: u64,
}

/// The payload of the I/O error of [`Bounded`].
#[derive(Debug)]
struct OverMax(u64);

impl std::fmt::Display for OverMax {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} bytes", self.0)
    }
}

impl std::error::Error for OverMax {}

impl<R: Read> Bounded<R> {
    /// `inner`, cut off after `max` bytes.
    pub fn new(inner: R, max: u64) -> Self {
        Bounded {
            inner,
            left: max,
            max,
        }
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // At the limit: one more byte means the input is too large.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(OverMax(self.max))),
            };
        }
        let room = usize::try_from(self.left)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        let n = self.inner.read(buf.get_mut(..room).unwrap_or_default())?;
        self.left = self.left.saturating_sub(n as u64);
        Ok(n)
    }
}

impl InputError {
    /// The input error of an I/O error: [`InputError::TooLarge`] for the cut-off of a
    /// [`Bounded`] reader, [`InputError::Unreadable`] for anything else.
    pub fn of_io(e: &std::io::Error) -> Self {
        match e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<OverMax>())
        {
            Some(OverMax(max)) => InputError::TooLarge {
                what: "the input's size in bytes",
                max: *max,
            },
            None => InputError::Unreadable(e.kind()),
        }
    }
}

/// Reads a whole file of at most `max_bytes` bytes.
///
/// # Errors
/// [`InputError::Unreadable`] when the file cannot be opened or read,
/// [`InputError::TooLarge`] when it has more than `max_bytes` bytes (checked on the file's size
/// first, then while reading, so a device like `/dev/zero` stops too).
pub fn read_file(path: impl AsRef<Path>, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let file = std::fs::File::open(path).map_err(|e| InputError::of_io(&e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > max_bytes {
        return Err(InputError::TooLarge {
            what: "the input's size in bytes",
            max: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    Bounded::new(file, max_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::of_io(&e))?;
    Ok(bytes)
}

/// Reads a whole UTF-8 text file of at most `max_bytes` bytes.
///
/// # Errors
/// As [`read_file`], and [`InputError::InvalidText`] for bytes that are not UTF-8.
pub fn read_text_file(path: impl AsRef<Path>, max_bytes: u64) -> Result<String, InputError> {
    String::from_utf8(read_file(path, max_bytes)?).map_err(|_| InputError::InvalidText)
}

/// Checks the nesting of JSON text without parsing it: [`InputError::TooDeep`] when lists and
/// objects go more than [`MAX_NESTING`] levels deep. Brackets inside strings do not count.
/// Text that is not JSON passes here and fails in the parser with its own error.
///
/// # Errors
/// [`InputError::TooDeep`].
pub fn check_nesting(text: &str) -> Result<(), InputError> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in text.as_bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(InputError::TooDeep);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize, open: &str, inner: &str, close: &str) -> String {
        format!("{}{inner}{}", open.repeat(levels), close.repeat(levels))
    }

    #[test]
    fn the_limit_is_the_parsers() {
        for (open, inner, close) in [("[", "1", "]"), ("{\"a\":", "1", "}")] {
            let at = nested(MAX_NESTING, open, inner, close);
            let over = nested(MAX_NESTING + 1, open, inner, close);
            assert!(serde_json::from_str::<serde_json::Value>(&at).is_ok());
            assert!(serde_json::from_str::<serde_json::Value>(&over).is_err());
            assert_eq!(check_nesting(&at), Ok(()));
            assert_eq!(check_nesting(&over), Err(InputError::TooDeep));
        }
    }

    #[test]
    fn brackets_in_strings_do_not_count() {
        let text = format!(
            "[\"{}\", \"\\\"[[\", {{\"k[\": [1]}}]",
            "[".repeat(MAX_NESTING * 2)
        );
        assert_eq!(check_nesting(&text), Ok(()));
        assert_eq!(check_nesting(&"[".repeat(15_000)), Err(InputError::TooDeep));
    }

    #[test]
    fn readers_stop_at_their_maximum() {
        let dir = std::env::temp_dir().join(format!("co-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("policy.toml");
        std::fs::write(&file, "x".repeat(100)).unwrap();
        assert_eq!(read_text_file(&file, 100).unwrap().len(), 100);
        assert_eq!(
            read_text_file(&file, 99),
            Err(InputError::TooLarge {
                what: "the input's size in bytes",
                max: 99
            })
        );
        assert_eq!(
            read_text_file(dir.join("missing.toml"), 100),
            Err(InputError::Unreadable(std::io::ErrorKind::NotFound))
        );
        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        assert_eq!(read_text_file(&file, 100), Err(InputError::InvalidText));
        std::fs::remove_dir_all(&dir).unwrap();
        // A stream that never ends stops at the maximum.
        let mut out = Vec::new();
        let e = Bounded::new(std::io::repeat(0), 1000)
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(InputError::of_io(&e).code(), "input.too_large");
        assert_eq!(out.len(), 1000);
        #[cfg(unix)]
        assert_eq!(
            read_file("/dev/zero", 1 << 16).map_err(|e| e.code()),
            Err("input.too_large")
        );
        // Exactly the maximum is fine.
        let mut out = Vec::new();
        Bounded::new(&[1u8; 10][..], 10)
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out.len(), 10);
    }

    #[test]
    fn codes_and_messages() {
        assert_eq!(InputError::TooDeep.code(), "input.too_deep");
        assert_eq!(InputError::Cycle.code(), "input.cycle");
        assert!(
            InputError::TooDeep
                .to_string()
                .contains(&MAX_NESTING.to_string())
        );
    }
}
