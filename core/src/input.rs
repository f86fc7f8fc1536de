//! The one bound on the shape of JSON-like input, whatever form it arrives in: JSON text read
//! by the core, or a host language's own values (Python dicts and lists, JavaScript objects)
//! that a binding converts for it. A value may have at most [`MAX_NESTING`] levels of lists
//! and objects inside one another — exactly what the core's JSON parser accepts in text — and
//! a host value may not contain itself. Bindings check both while they convert, so a value
//! nested 15,000 deep or a cyclic one is refused with a code (`input.too_deep`,
//! `input.cycle`) instead of exhausting the stack and killing the host process.
//!
//! The policy schema has a tighter bound of its own (32 levels,
//! [`policy::limits::MAX_DEPTH`](crate::policy::limits::MAX_DEPTH)), checked after conversion.

use crate::error::ErrorCode;

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
}

impl ErrorCode for InputError {
    fn code(&self) -> &'static str {
        match self {
            InputError::TooDeep => "input.too_deep",
            InputError::Cycle => "input.cycle",
        }
    }
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
