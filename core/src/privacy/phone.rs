//! Masking mainland phone numbers: mobile, landline with area code, local number.

use super::narrow;

/// The masked number, or `None` when it is no mainland form.
pub(super) fn mask(value: &str) -> Option<String> {
    let mut s = String::with_capacity(value.len());
    for c in value.chars().map(narrow) {
        match c {
            ' ' | '\t' | '-' | '(' | ')' => {}
            '0'..='9' | '*' | '+' => s.push(c),
            _ => return None,
        }
    }
    let international = ["+86", "0086"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .or_else(|| {
            s.strip_prefix("86")
                .filter(|rest| rest.len() == 11 && mobile(rest).is_some())
        });
    match international {
        Some(national) => {
            let masked = mobile(national)
                .or_else(|| landline(national, true))
                .or_else(|| landline(national, false))?;
            Some(format!("+86 {masked}"))
        }
        None => mobile(&s)
            .or_else(|| landline(&s, true))
            .or_else(|| local(&s)),
    }
}

/// Digits, with `*` allowed where the rule masks.
fn digits_or_stars(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit() || b == b'*')
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1[3-9]` + 9 digits: the first 3 and last 4 kept.
fn mobile(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let shaped = b.len() == 11
        && digits_or_stars(s)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && digits(s.get(..3)?)
        && digits(s.get(7..)?);
    shaped.then(|| {
        format!(
            "{}****{}",
            s.get(..3).unwrap_or(""),
            s.get(7..).unwrap_or("")
        )
    })
}

/// Area code + a 7- or 8-digit local number: the area code and the last 4 digits kept.
/// With `trunk`, the area code starts with 0 (`010`, `02x`, `0xxx`); without, it is written
/// after +86 without the 0 (`10`, `2x`, `xxx`).
fn landline(s: &str, trunk: bool) -> Option<String> {
    if !s.is_ascii() || !digits_or_stars(s) {
        return None;
    }
    let national = if trunk { s.strip_prefix('0')? } else { s };
    let b = national.as_bytes();
    let area_len = match (b.first()?, b.get(1)?) {
        (b'1', b'0') | (b'2', _) => 2,
        (b'3'..=b'9', _) => 3,
        _ => return None,
    };
    let area = national.get(..area_len)?;
    let number = national.get(area_len..)?;
    if !digits(area) {
        return None;
    }
    let masked = local_part(number)?;
    Some(format!("{}{area}-{masked}", if trunk { "0" } else { "" }))
}

/// A local number without an area code: 7 or 8 digits, not starting with 0 (that is a trunk
/// prefix).
fn local(s: &str) -> Option<String> {
    if s.starts_with('0') {
        return None;
    }
    local_part(s)
}

fn local_part(s: &str) -> Option<String> {
    if !matches!(s.len(), 7 | 8) || !digits_or_stars(s) {
        return None;
    }
    let tail = s.get(s.len() - 4..)?;
    digits(tail).then(|| format!("{}{tail}", "*".repeat(s.len() - 4)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms() {
        let cases = [
            ("13812345678", "138****5678"),
            ("138 1234 5678", "138****5678"),
            ("138-1234-5678", "138****5678"),
            ("１３８１２３４５６７８", "138****5678"),
            ("+86 138 1234 5678", "+86 138****5678"),
            ("+8613812345678", "+86 138****5678"),
            ("0086 13812345678", "+86 138****5678"),
            ("8613812345678", "+86 138****5678"),
            ("(+86) 138-1234-5678", "+86 138****5678"),
            ("010-12345678", "010-****5678"),
            ("01012345678", "010-****5678"),
            ("(010) 1234 5678", "010-****5678"),
            ("0755-1234567", "0755-***4567"),
            ("0755-12345678", "0755-****5678"),
            ("021-87654321", "021-****4321"),
            ("+86 10 12345678", "+86 10-****5678"),
            ("+86 755 1234 5678", "+86 755-****5678"),
            ("+86 (0)10 12345678", "+86 010-****5678"),
            ("87654321", "****4321"),
            ("7654321", "***4321"),
        ];
        for (input, want) in cases {
            assert_eq!(mask(input).as_deref(), Some(want), "{input}");
            assert_eq!(mask(want).as_deref(), Some(want), "idempotent: {want}");
        }
    }

    #[test]
    fn unknown_forms() {
        for v in [
            "1381234567",
            "138123456789",
            "12812345678",
            "011-12345678",
            "010-123456",
            "010-123456789",
            "0123456",
            "138****567*",
            "1*812345678",
            "+1 415 555 0100",
            "13812345678 ext 5",
            "95555",
            "400-123-4567",
            "+86",
            "138+12345678",
            "",
        ] {
            assert_eq!(mask(v), None, "{v}");
        }
    }
}
