//! Masking resident ID numbers (居民身份證號碼): the region code and the last digits are kept,
//! the birth date hidden.
//!
//! The shape is checked, not the check digit or the birth date: intake validates the number;
//! masking only has to hide the same characters whatever they are.

use super::narrow;

/// The masked number, or `None` when it is neither an 18- nor a 15-character ID number.
pub(super) fn mask(value: &str) -> Option<String> {
    let s: String = value
        .chars()
        .map(narrow)
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let b = s.as_bytes();
    let (kept_tail, last_may_be_x) = match b.len() {
        18 => (4, true),
        15 => (3, false),
        _ => return None,
    };
    let masked = b.len() - 6 - kept_tail;
    let head = s.get(..6)?;
    let middle = s.get(6..6 + masked)?;
    let tail = s.get(6 + masked..)?;
    let digits = |t: &str| t.bytes().all(|c| c.is_ascii_digit());
    let tail_ok = tail.bytes().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || (last_may_be_x && i == kept_tail - 1 && matches!(c, b'X' | b'x'))
    });
    let shaped = digits(head)
        && !head.starts_with('0')
        && middle.bytes().all(|c| c.is_ascii_digit() || c == b'*')
        && tail_ok;
    shaped.then(|| format!("{head}{}{tail}", "*".repeat(masked)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms() {
        let cases = [
            ("110101199003071234", "110101********1234"),
            ("11010119900307123X", "110101********123X"),
            ("11010119900307123x", "110101********123x"),
            ("110101 19900307 1234", "110101********1234"),
            ("１１０１０１１９９００３０７１２３４", "110101********1234"),
            ("110101900307123", "110101******123"),
        ];
        for (input, want) in cases {
            assert_eq!(mask(input).as_deref(), Some(want), "{input}");
            assert_eq!(mask(want).as_deref(), Some(want), "idempotent: {want}");
        }
    }

    #[test]
    fn unknown_forms() {
        for v in [
            "11010119900307123",
            "1101011990030712345",
            "X10101199003071234",
            "010101199003071234",
            "1101011990030712X4",
            "11010119900307123Y",
            "11010190030712X",
            "110101********12**",
            "1101011990030７123ä",
            "A1234567(8)",
        ] {
            assert_eq!(mask(v), None, "{v}");
        }
    }
}
