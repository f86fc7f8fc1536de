//! Contact details (§2.2.1): a mainland mobile or landline number, an e-mail address, or (if
//! the policy accepts them) a number abroad. Parsed once into a [`Contact`]; errors name the
//! kind of problem, never the value.

use std::fmt;

use super::IntakeError;
use crate::classify::text::narrow;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What kind of contact detail a complainant gave.
    pub enum ContactKind("contact kind", "intake.unknown_contact_kind") {
        /// A mainland mobile number, `1[3-9]` and 9 more digits.
        Mobile = "mobile",
        /// A mainland landline number with its area code.
        Landline = "landline",
        /// An e-mail address.
        Email = "email",
        /// A number abroad in international form (`+852 …`).
        International = "international",
    }
}

/// A usable contact detail, normalised: `13812345678`, `010-62345678`, `+85291234567`,
/// `name@example.com`. Personal data: its `Debug` shows the kind only.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Contact {
    kind: ContactKind,
    value: String,
}

impl fmt::Debug for Contact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Contact")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Contact {
    /// Reads a phone number or an e-mail address.
    ///
    /// Phone numbers may have spaces, `-`, `(`, `)` and `.` between digits, full-width digits,
    /// and `+86`, `0086` or `86` before a mobile number; `+86` may also stand for a landline's
    /// leading 0 (`+86 10 6234 5678` is `010-62345678`). A mobile number is 11 digits starting
    /// with 13–19. A landline is an area code (010 and 020–029 with an 8-digit number; 0 and
    /// three digits from 03 up with a 7- or 8-digit number) and a number that does not start
    /// with 0 or 1; extensions are not recognised. A number with another country code (`+852`,
    /// `00852`) is [`ContactKind::International`]: 7 to 15 digits, the first not 0.
    ///
    /// ```
    /// use complaint_office::intake::{Contact, ContactKind};
    /// let c = Contact::parse("+86 138 1234 5678")?;
    /// assert_eq!((c.kind(), c.as_str()), (ContactKind::Mobile, "13812345678"));
    /// assert_eq!(Contact::parse("(0755) 8765-4321")?.as_str(), "0755-87654321");
    /// assert_eq!(Contact::parse("Zhang.San@Example.COM")?.as_str(), "Zhang.San@example.com");
    /// assert_eq!(Contact::parse("138 1234 567").unwrap_err().to_string(),
    ///            "invalid mobile number: expected 11 digits starting with 13 to 19");
    /// # Ok::<(), complaint_office::intake::IntakeError>(())
    /// ```
    ///
    /// # Errors
    /// [`IntakeError::InvalidMobile`], [`IntakeError::InvalidLandline`],
    /// [`IntakeError::InvalidPhone`] (an international number of the wrong length),
    /// [`IntakeError::InvalidEmail`], or [`IntakeError::InvalidContact`] for text that is
    /// neither a phone number nor an e-mail address.
    pub fn parse(text: &str) -> Result<Contact, IntakeError> {
        let text: String = text.chars().map(narrow).collect();
        let text = text.trim();
        if text.contains('@') {
            return email(text);
        }
        phone(text)
    }

    /// The kind of contact.
    pub fn kind(&self) -> ContactKind {
        self.kind
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

fn phone(text: &str) -> Result<Contact, IntakeError> {
    let (plus, body) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let well_formed = body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'));
    if !well_formed {
        return Err(IntakeError::InvalidContact);
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    match international {
        Some(number) => match number.strip_prefix("86") {
            // After +86 a landline drops its leading 0 (Beijing's 10 too); mobiles start 13-19.
            Some(national) if national.starts_with('0') || is_mobile_prefix(national) => {
                mainland(national)
            }
            Some(national) => mainland(&format!("0{national}")),
            None => abroad(number),
        },
        None => match digits.strip_prefix("86") {
            Some(mobile) if digits.len() == 13 && mobile.starts_with('1') => mainland(mobile),
            _ => mainland(&digits),
        },
    }
}

fn is_mobile_prefix(digits: &str) -> bool {
    digits.starts_with('1') && !digits.starts_with("10")
}

fn mainland(digits: &str) -> Result<Contact, IntakeError> {
    let b = digits.as_bytes();
    match b.first() {
        Some(b'1') => {
            if b.len() == 11 && b.get(1).is_some_and(|d| (b'3'..=b'9').contains(d)) {
                Ok(Contact {
                    kind: ContactKind::Mobile,
                    value: digits.to_owned(),
                })
            } else {
                Err(IntakeError::InvalidMobile)
            }
        }
        Some(b'0') => {
            let area = match (b.get(1), b.get(2)) {
                (Some(b'1'), Some(b'0')) | (Some(b'2'), _) => 3,
                (Some(b'3'..=b'9'), _) => 4,
                _ => return Err(IntakeError::InvalidLandline),
            };
            let local = digits.get(area..).unwrap_or_default();
            let lengths: &[usize] = if area == 3 { &[8] } else { &[7, 8] };
            let local_ok = lengths.contains(&local.len())
                && local
                    .as_bytes()
                    .first()
                    .is_some_and(|d| (b'2'..=b'9').contains(d));
            if !local_ok {
                return Err(IntakeError::InvalidLandline);
            }
            Ok(Contact {
                kind: ContactKind::Landline,
                value: format!("{}-{local}", digits.get(..area).unwrap_or_default()),
            })
        }
        // A number without an area code (or nothing at all).
        _ => Err(IntakeError::InvalidLandline),
    }
}

fn abroad(digits: &str) -> Result<Contact, IntakeError> {
    if (7..=15).contains(&digits.len()) && !digits.starts_with('0') {
        Ok(Contact {
            kind: ContactKind::International,
            value: format!("+{digits}"),
        })
    } else {
        Err(IntakeError::InvalidPhone)
    }
}

fn email(text: &str) -> Result<Contact, IntakeError> {
    let Some((local, domain)) = text.split_once('@') else {
        return Err(IntakeError::InvalidEmail);
    };
    let local_ok = (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            c.is_alphanumeric() || (c.is_ascii_punctuation() && "!#$%&'*+/=?^_`{|}~-.".contains(c))
        });
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            (1..=63).contains(&l.len())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if !local_ok || !domain_ok || text.len() > 254 {
        return Err(IntakeError::InvalidEmail);
    }
    Ok(Contact {
        kind: ContactKind::Email,
        value: format!("{local}@{}", domain.to_lowercase()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn ok(text: &str) -> (ContactKind, String) {
        let c = Contact::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (c.kind(), c.as_str().to_owned())
    }

    fn err(text: &str) -> &'static str {
        Contact::parse(text).unwrap_err().code()
    }

    #[test]
    fn mobiles() {
        for text in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "0086 13812345678",
            "86 13812345678",
            "１３８１２３４５６７８",
            " 13812345678\u{3000}",
        ] {
            assert_eq!(
                ok(text),
                (ContactKind::Mobile, "13812345678".into()),
                "{text}"
            );
        }
        for text in [
            "1381234567",
            "138123456789",
            "12812345678",
            "+86 128 1234 5678",
            "1",
        ] {
            assert_eq!(err(text), "intake.invalid_mobile", "{text}");
        }
    }

    #[test]
    fn landlines() {
        let cases = [
            ("010-62345678", "010-62345678"),
            ("(010) 6234 5678", "010-62345678"),
            ("+86 10 6234 5678", "010-62345678"),
            ("+86 010 6234 5678", "010-62345678"),
            ("021 6543 2100", "021-65432100"),
            ("0755-87654321", "0755-87654321"),
            ("0871-6543210", "0871-6543210"),
        ];
        for (text, want) in cases {
            assert_eq!(ok(text), (ContactKind::Landline, want.into()), "{text}");
        }
        for text in [
            "010-1234567",
            "0755-123456",
            "0755-123456789",
            "010-02345678",
            "011-12345678",
            "12345678",
            "87654321",
            "010-12345678",
            "010-62345678-123",
        ] {
            assert!(
                ["intake.invalid_landline", "intake.invalid_mobile"].contains(&err(text)),
                "{text}: {}",
                err(text)
            );
        }
        assert_eq!(err("87654321"), "intake.invalid_landline");
        assert_eq!(err("(010)"), "intake.invalid_landline");
    }

    #[test]
    fn abroad_and_e_mail() {
        assert_eq!(
            ok("+852 9123 4567"),
            (ContactKind::International, "+85291234567".into())
        );
        assert_eq!(
            ok("00852 9123 4567"),
            (ContactKind::International, "+85291234567".into())
        );
        assert_eq!(
            ok("+1 (415) 555-0100"),
            (ContactKind::International, "+14155550100".into())
        );
        assert_eq!(err("+852 12"), "intake.invalid_phone");
        assert_eq!(
            ok("zhangsan＠example.com"),
            (ContactKind::Email, "zhangsan@example.com".into())
        );
        assert_eq!(
            ok("張三@例子.中国"),
            (ContactKind::Email, "張三@例子.中国".into())
        );
        for text in [
            "zhangsan@",
            "@example.com",
            "a@@b.com",
            "a@b",
            "a@b.c",
            "a b@example.com",
            "a..b@example.com",
            "a@-b.com",
            "a@b.c0m",
        ] {
            assert_eq!(err(text), "intake.invalid_email", "{text}");
        }
        for text in [
            "wechat zhangsan",
            "call me",
            "+",
            "++86 13812345678",
            "138 1234 5678 ext 2",
        ] {
            assert_eq!(err(text), "intake.invalid_contact", "{text}");
        }
    }

    #[test]
    fn no_echo() {
        let c = Contact::parse("13812345678").unwrap();
        assert!(!format!("{c:?}").contains("1381234"));
        for text in ["13812345", "zhangsan@", "call 13812345678 please"] {
            let e = Contact::parse(text).unwrap_err();
            assert!(!e.to_string().contains("1381234") && !e.to_string().contains("zhangsan"));
        }
    }
}
