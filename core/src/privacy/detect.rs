//! Finding what looks like personal data in free text, whatever the case recorded: mainland
//! phone numbers, resident ID numbers, bank card numbers and e-mail addresses.
//!
//! **Numbers** are read in *digit groups*: runs of digits (ASCII, full-width or
//! mathematical, with invisible characters ignored) joined by at most three separators
//! (white space, dashes, `_`, `/`, dots, brackets; see [`super::normalise`]). A group is cut
//! into *chunks* where separators stand, and every run of whole consecutive chunks is a
//! candidate, so `139–1234–5678`, `139_1234_5678` and `(0755) 1234 567` are found while
//! `13812345678 2024-05-01` finds only the phone. A candidate is
//!
//! | kind | when |
//! |---|---|
//! | mobile | `1[3-9]` + 9 digits, also after `+86`, `0086` or `86` (only the national number is masked; `86` without `+` not glued to a letter) |
//! | landline | `0` + area code (`10`, `2x`, or `[3-9]xx`) + a local number of 8 digits (7 or 8 after a 3-digit area code) not starting with 0 or 1, not glued to a letter; after `+86` also without the trunk `0` |
//! | ID number, 18 characters | 17 digits and a check character (digit or `X`) that satisfies ISO 7064 MOD 11-2, a province code of GB/T 2260 and a real birth date from 1900 to 2099 |
//! | ID number, 15 digits (first generation, issued until 2004) | a province code and a real birth date `YYMMDD` (19YY), not glued to a letter or digit |
//! | bank card | 16–19 digits with a valid Luhn check digit and the issuer prefix of a card network used in China (UnionPay `62`/`81`, Visa `4`, Mastercard `51`–`55` and `2221`–`2720`, JCB `3528`–`3589`, Discover `60`/`65`), not glued to a letter or digit |
//!
//! "Glued" means a letter, digit or `*` directly before or after, without a separator: such
//! digits are part of a code (`SF1234…`, `ZTO0358…`). A mobile number is found even so
//! (`Tel13912345678`).
//!
//! Service numbers (`400`/`800` numbers, `95xxx`, `12345`) are the company's or an
//! authority's, not a person's, and are left alone; so are local numbers without an area code
//! (7 or 8 digits read like amounts and order numbers; a recorded one is still found as a
//! recorded value).
//!
//! **E-mail addresses**: `local@domain.tld` with an ASCII local part (letters, digits,
//! `. _ % + -`) and ASCII domain labels, after folding (`＠` and `．` read as `@` and `.`,
//! `。` between labels as a dot), with up to two spaces around the `@`.

use super::normalise::Unit;

/// What a detected value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detected {
    /// A mobile or landline number.
    Phone,
    /// An e-mail address.
    Email,
    /// A resident ID number.
    IdNumber,
    /// A bank card number.
    BankCard,
}

/// A value found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    /// Byte range in the original text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// What it looks like.
    pub kind: Detected,
    /// The value as read: digits (and `X`) of a number, the folded address.
    pub value: String,
}

/// Most separators between two chunks of one number.
const MAX_SEPARATORS: usize = 3;
/// The longest candidate: `0086` and an 18-character ID number.
const MAX_DIGITS: usize = 22;

/// Every value in `units` that looks like personal data.
pub(super) fn detect(units: &[Unit]) -> Vec<Found> {
    let mut found = Vec::new();
    numbers(units, &mut found);
    emails(units, &mut found);
    // A run of chunks can be read with and without its country code, and part of an ID
    // number can look like a phone number: one finding for each stretch, the longest.
    found.sort_unstable_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut end = 0;
    found.retain(|f| {
        let inside = f.end <= end;
        end = end.max(f.end);
        !inside
    });
    found
}

fn digit(u: &Unit) -> Option<u8> {
    u.c.to_digit(10).and_then(|d| u8::try_from(d).ok())
}

/// Whether a unit continues a code: an ASCII letter or digit, or `*` (a masked character:
/// so that masking what stood beside a number never makes the number detectable later).
fn glue(u: Option<&Unit>) -> bool {
    u.is_some_and(|u| u.c.is_ascii_alphanumeric() || u.c == '*')
}

/// A digit group: its digits (value, unit index) and where each chunk starts in them.
struct Group {
    digits: Vec<(u8, usize)>,
    chunks: Vec<usize>,
}

fn numbers(units: &[Unit], found: &mut Vec<Found>) {
    let mut i = 0;
    let mut group = Group {
        digits: Vec::new(),
        chunks: Vec::new(),
    };
    while i < units.len() {
        if units.get(i).and_then(digit).is_none() {
            i += 1;
            continue;
        }
        group.digits.clear();
        group.chunks.clear();
        let mut j = i;
        loop {
            group.chunks.push(group.digits.len());
            while let Some(d) = units.get(j).and_then(digit) {
                group.digits.push((d, j));
                j += 1;
            }
            let mut k = j;
            while k < j + MAX_SEPARATORS && units.get(k).is_some_and(|u| u.separator) {
                k += 1;
            }
            if k > j && units.get(k).and_then(digit).is_some() {
                j = k;
            } else {
                break;
            }
        }
        candidates(units, &group, found);
        i = j;
    }
}

/// Every run of whole chunks of `group` that is a phone, ID or card number.
fn candidates(units: &[Unit], group: &Group, found: &mut Vec<Found>) {
    let ds = &group.digits;
    let values: Vec<u8> = ds.iter().map(|&(d, _)| d).collect();
    let chunk_end = |c: usize| group.chunks.get(c + 1).copied().unwrap_or(ds.len());
    for (a, &from) in group.chunks.iter().enumerate() {
        for b in a..group.chunks.len() {
            let to = chunk_end(b);
            if to - from > MAX_DIGITS {
                break;
            }
            let Some(span) = ds.get(from..to) else {
                continue;
            };
            let digits = values.get(from..to).unwrap_or_default();
            let first_unit = span.first().map_or(0, |&(_, u)| u);
            let last_unit = span.last().map_or(0, |&(_, u)| u);
            let before = first_unit.checked_sub(1).and_then(|p| units.get(p));
            let after = units.get(last_unit + 1);
            let plus = before.is_some_and(|u| u.c == '+');
            let mut push = |kind, skip: usize, end_unit: usize, value: String| {
                let start = span.get(skip).map_or(0, |&(_, u)| u);
                if let (Some(s), Some(e)) = (units.get(start), units.get(end_unit)) {
                    found.push(Found {
                        start: s.start,
                        end: e.end(),
                        kind,
                        value,
                    });
                }
            };
            // The national number after a country code, if any.
            let prefixes: &[usize] = match digits {
                [0, 0, 8, 6, ..] => &[4],
                [8, 6, ..] => &[2],
                _ => &[],
            };
            let glued = glue(before) || glue(after);
            for &skip in prefixes {
                let national = digits.get(skip..).unwrap_or_default();
                // `86` without `+` reads as a country code only before a mobile number, and
                // not inside a code (`JD8613…`).
                let country_code = plus || skip == 4;
                let found = if country_code {
                    mobile(national) || (!glued && landline(national, false))
                } else {
                    !glued && mobile(national)
                };
                if found {
                    push(Detected::Phone, skip, last_unit, text(national));
                }
            }
            if mobile(digits) || (!glued && landline(digits, true)) {
                push(Detected::Phone, 0, last_unit, text(digits));
            }
            let check_x = b + 1 == group.chunks.len() && after.is_some_and(|u| u.c == 'x');
            if check_x && !glue(units.get(last_unit + 2)) && id18(digits, 10) {
                push(
                    Detected::IdNumber,
                    0,
                    last_unit + 1,
                    format!("{}X", text(digits)),
                );
            }
            if let [head @ .., check] = digits
                && digits.len() == 18
                && id18(head, *check)
            {
                push(Detected::IdNumber, 0, last_unit, text(digits));
            }
            if !glued && id15(digits) {
                push(Detected::IdNumber, 0, last_unit, text(digits));
            }
            if !glued && bank_card(digits) {
                push(Detected::BankCard, 0, last_unit, text(digits));
            }
        }
    }
}

fn text(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

fn starts(digits: &[u8], prefix: &[u8]) -> bool {
    digits.starts_with(prefix)
}

/// The number the digits spell, for prefixes of at most 4 digits.
fn value(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, &d| acc * 10 + u32::from(d))
}

/// `1[3-9]` + 9 digits.
fn mobile(n: &[u8]) -> bool {
    matches!(n, [1, 3..=9, ..]) && n.len() == 11
}

/// A landline: with `trunk`, `0` + area code + local number; without, after `+86`, the same
/// without the `0` (or with it: `+86 (0)10 …`).
fn landline(n: &[u8], trunk: bool) -> bool {
    let national = match n {
        [0, rest @ ..] => rest,
        _ if trunk => return false,
        _ => n,
    };
    if matches!(national, [4 | 8, 0, 0, ..]) && national.len() == 10 {
        return false; // a 400/800 service number
    }
    let (area, local_lengths): (usize, &[usize]) = match national {
        [1, 0, ..] | [2, ..] => (2, &[8]),
        [3..=9, ..] => (3, &[7, 8]),
        _ => return false,
    };
    let local = national.get(area..).unwrap_or_default();
    local_lengths.contains(&local.len()) && matches!(local.first(), Some(2..=9))
}

/// 17 digits and a check character (`10` for `X`): ISO 7064 MOD 11-2, a region code starting
/// 1–8, a birth date from 1900 to 2099.
fn id18(head: &[u8], check: u8) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    if head.len() != 17 || !province(head) {
        return false;
    }
    let sum: u32 = head
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    let year = value(head.get(6..10).unwrap_or_default());
    let date = head.get(10..14).unwrap_or_default();
    CHECK.get((sum % 11) as usize) == Some(&check)
        && (1900..=2099).contains(&year)
        && birth_date(year, date)
}

/// 15 digits: a region code starting 1–8 and a birth date `YYMMDD` of 19YY.
fn id15(n: &[u8]) -> bool {
    n.len() == 15
        && province(n)
        && birth_date(
            1900 + value(n.get(6..8).unwrap_or_default()),
            n.get(8..12).unwrap_or_default(),
        )
}

/// Whether an ID number starts with the code of a province-level division (GB/T 2260:
/// 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 Taiwan, 81 Hong Kong, 82 Macao; 83 the
/// residence permits of Taiwan residents, 91 the permanent residence cards of foreigners).
fn province(n: &[u8]) -> bool {
    matches!(
        n,
        [1, 1..=5, ..]
            | [2, 1..=3, ..]
            | [3, 1..=7, ..]
            | [4, 1..=6, ..]
            | [5, 0..=4, ..]
            | [6, 1..=5, ..]
            | [7, 1, ..]
            | [8, 1..=3, ..]
            | [9, 1, ..]
    )
}

/// Whether `mmdd` is a day of `year`.
fn birth_date(year: u32, mmdd: &[u8]) -> bool {
    let [m1, m2, d1, d2] = mmdd else {
        return false;
    };
    i32::try_from(year).is_ok_and(|year| {
        chrono::NaiveDate::from_ymd_opt(year, value(&[*m1, *m2]), value(&[*d1, *d2])).is_some()
    })
}

/// 16–19 digits, a card network's issuer prefix, a valid Luhn check digit.
fn bank_card(n: &[u8]) -> bool {
    let network = starts(n, &[6, 2])
        || starts(n, &[8, 1])
        || starts(n, &[4])
        || matches!(n, [5, 1..=5, ..])
        || (2221..=2720).contains(&value(n.get(..4).unwrap_or_default()))
        || (3528..=3589).contains(&value(n.get(..4).unwrap_or_default()))
        || starts(n, &[6, 0])
        || starts(n, &[6, 5]);
    (16..=19).contains(&n.len()) && network && luhn(n)
}

fn luhn(n: &[u8]) -> bool {
    let sum: u32 = n
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                if d * 2 > 9 { d * 2 - 9 } else { d * 2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '。' | '｡')
}

/// Up to two spaces from `i` in direction `step`; the index after them.
fn skip_spaces(units: &[Unit], mut i: isize, step: isize) -> isize {
    for _ in 0..2 {
        match usize::try_from(i).ok().and_then(|i| units.get(i)) {
            Some(u) if u.c == ' ' => i += step,
            _ => break,
        }
    }
    i
}

fn emails(units: &[Unit], found: &mut Vec<Found>) {
    let at_signs = units
        .iter()
        .enumerate()
        .filter(|(_, u)| matches!(u.c, '@' | '\u{FE6B}'));
    for (at, _) in at_signs {
        let Ok(at) = isize::try_from(at) else {
            continue;
        };
        let unit = |i: isize| usize::try_from(i).ok().and_then(|i| units.get(i));
        // The local part, leftwards.
        let mut start = skip_spaces(units, at - 1, -1);
        let local_end = start;
        while unit(start).is_some_and(|u| is_local_char(u.c)) {
            start -= 1;
        }
        start += 1;
        while start <= local_end && unit(start).is_some_and(|u| u.c == '.') {
            start += 1;
        }
        let local_ok =
            (start..=local_end).any(|i| unit(i).is_some_and(|u| u.c.is_ascii_alphanumeric()));
        if !local_ok {
            continue;
        }
        // The domain's labels, rightwards: (first unit, last unit) of each.
        let mut labels: Vec<(isize, isize)> = Vec::new();
        let mut i = skip_spaces(units, at + 1, 1);
        loop {
            let first = i;
            while unit(i).is_some_and(|u| is_label_char(u.c)) {
                i += 1;
            }
            if i == first {
                break;
            }
            labels.push((first, i - 1));
            if unit(i).is_some_and(|u| is_dot(u.c))
                && unit(i + 1).is_some_and(|u| is_label_char(u.c))
            {
                i += 1;
            } else {
                break;
            }
        }
        // The last label that can be a top-level domain, after at least one other.
        let tld = (1..labels.len()).rev().find(|&l| {
            labels.get(l).is_some_and(|&(a, b)| {
                b > a && (a..=b).all(|k| unit(k).is_some_and(|u| u.c.is_ascii_alphabetic()))
            })
        });
        let Some(tld) = tld else {
            continue;
        };
        let end = labels.get(tld).map_or(at, |&(_, b)| b);
        let (Some(s), Some(e)) = (unit(start), unit(end)) else {
            continue;
        };
        let value = (start..=end)
            .filter_map(unit)
            .map(|u| if is_dot(u.c) { '.' } else { u.c })
            .filter(|&c| c != ' ')
            .collect();
        found.push(Found {
            start: s.start,
            end: e.end(),
            kind: Detected::Email,
            value,
        });
    }
}

/// A bank card number with the issuer's first 6 and the last 4 digits kept:
/// `622202******1234`.
pub(super) fn mask_card(digits: &str) -> String {
    let n = digits.chars().count();
    digits
        .chars()
        .enumerate()
        .map(|(i, c)| if i < 6 || i + 4 >= n { c } else { '*' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::normalise::units;
    use super::*;

    fn found(text: &str) -> Vec<(&str, Detected)> {
        detect(&units(text))
            .into_iter()
            .map(|f| (&text[f.start..f.end], f.kind))
            .collect()
    }

    #[test]
    fn mobiles_in_every_written_form() {
        for (text, want) in [
            ("电话13912345678。", "13912345678"),
            ("139–1234–5678", "139–1234–5678"),
            ("139_1234_5678", "139_1234_5678"),
            ("139/1234/5678", "139/1234/5678"),
            ("139\u{200B}1234\u{200B}5678", "139\u{200B}1234\u{200B}5678"),
            ("１３９ １２３４ ５６７８", "１３９ １２３４ ５６７８"),
            ("+86 139 1234 5678", "139 1234 5678"),
            ("+8613912345678", "13912345678"),
            ("0086-139-1234-5678", "139-1234-5678"),
            ("(86)13912345678", "13912345678"),
            ("Tel13912345678", "13912345678"),
        ] {
            assert_eq!(found(text), vec![(want, Detected::Phone)], "{text}");
        }
    }

    #[test]
    fn landlines_but_not_service_numbers() {
        for (text, want) in [
            ("010-62345678", "010-62345678"),
            ("(0755) 2345 678", "0755) 2345 678"),
            ("021－8765 4321", "021－8765 4321"),
            ("+86 10 6234 5678", "10 6234 5678"),
            ("+86 (0)10 62345678", "0)10 62345678"),
        ] {
            assert_eq!(found(text), vec![(want, Detected::Phone)], "{text}");
        }
        for text in [
            "400-820-8820",
            "800 810 8888",
            "+86 400 820 8820",
            "95555",
            "12345",
            "87654321",
            "010-1234567",
            "0755-0123456",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn id_numbers_with_their_check_digit() {
        // 11010519491231002X and 110101199003074477 are valid; 110101199003071234 is not.
        for (text, want) in [
            ("身份证11010519491231002X。", "11010519491231002X"),
            ("110105 19491231 002x", "110105 19491231 002x"),
            (
                "１１０１０１１９９００３０７４４７７",
                "１１０１０１１９９００３０７４４７７",
            ),
            ("110101-1990-0307-4477", "110101-1990-0307-4477"),
            ("旧证 110105491231002 号", "110105491231002"),
        ] {
            assert_eq!(found(text), vec![(want, Detected::IdNumber)], "{text}");
        }
        for text in [
            "110101199003071234",
            "11010519491331002X",
            "11010519491231002Y",
            "SN110105491231002",
            "110105491231002A",
            "订单 202405011234567",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn bank_cards_with_luhn_and_a_network_prefix() {
        for text in [
            "6222021234567890128",
            "6222 0212 3456 7890 128",
            "4111-1111-1111-1111",
            "5500 0000 0000 0004",
        ] {
            assert_eq!(found(text), vec![(text, Detected::BankCard)], "{text}");
        }
        for text in [
            "6222021234567890127",
            "1111111111111111117",
            "4111111111111111A",
            "202405011234567890",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
        assert_eq!(mask_card("6222021234567890128"), "622202*********0128");
    }

    #[test]
    fn numbers_beside_other_numbers() {
        assert_eq!(
            found("13812345678 2024-05-01"),
            vec![("13812345678", Detected::Phone)]
        );
        assert_eq!(found("2024-05-01 13:45"), vec![]);
        assert_eq!(found("订单号 202405011381234567890"), vec![]);
        assert_eq!(found("¥1,299.00，共 3 件"), vec![]);
    }

    #[test]
    fn emails() {
        for (text, want) in [
            ("邮箱zhangsan@example.com谢谢", "zhangsan@example.com"),
            (
                "Zhang.San+x@Mail.Example.COM.",
                "Zhang.San+x@Mail.Example.COM",
            ),
            (
                "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ",
                "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ",
            ),
            ("zhang\u{200B}san@qq。com", "zhang\u{200B}san@qq。com"),
            ("li @ 163.com", "li @ 163.com"),
            ("a_b-c@mail-1.example.cn", "a_b-c@mail-1.example.cn"),
            ("x@qq.com.2024", "x@qq.com"),
        ] {
            assert_eq!(found(text), vec![(want, Detected::Email)], "{text}");
        }
        for text in [
            "@everyone",
            "a@localhost",
            "a@b.c",
            "..@x.com",
            "price @ 3.5",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
