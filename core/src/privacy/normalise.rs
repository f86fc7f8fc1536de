//! The text as redaction reads it: one folded character per visible character of the
//! original, each with the byte range it came from.
//!
//! Folding makes equal what a reader takes for the same: full-width forms and mathematical
//! digits read as ASCII, letter case, Traditional and Simplified characters
//! ([`classify::text::fold_char`](crate::classify::text::fold_char), the same folding that
//! classification uses). Invisible characters (every format character of Unicode's category
//! Cf: zero-width spaces and joiners, direction marks, the byte-order mark, the soft hyphen,
//! …, and the variation selectors, the combining grapheme joiner and the Hangul fillers) are
//! dropped; *separators* (white space, dashes of every kind, connectors such as `_`, slashes,
//! dots and brackets) are kept but marked, so that matching a recorded value can skip them
//! while finding an e-mail address or a group of digits can still see them.
//!
//! Every unit keeps the byte range of the original character it stands for, so a match in
//! the folded text maps back to exactly the original characters it covers, whatever their
//! widths and encodings, and with the invisible characters between them.

use crate::classify::text::fold_char;

/// One visible character of the original text, folded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    /// The folded character ([`fold`]).
    pub c: char,
    /// Where the original character starts, in bytes.
    pub start: usize,
    /// Its length in bytes (1 to 4).
    len: u8,
    /// Whether the character is a separator ([`is_separator`]).
    pub separator: bool,
}

impl Unit {
    /// Where the original character ends, in bytes.
    pub fn end(&self) -> usize {
        self.start + usize::from(self.len)
    }
}

/// The units of `text`, invisible characters dropped.
pub(super) fn units(text: &str) -> Vec<Unit> {
    let mut units = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        // Chinese text is neither invisible nor a separator.
        let cjk = ('\u{3400}'..'\u{FE00}').contains(&c);
        if !cjk && is_invisible(c) {
            continue;
        }
        units.push(Unit {
            c: fold(c),
            start,
            // A char is 1 to 4 bytes long.
            len: c.len_utf8() as u8,
            separator: !cjk && is_separator(c),
        });
    }
    units
}

/// The folded characters of `value` that matching compares: separators and invisible
/// characters dropped.
pub(super) fn compact(value: &str) -> Vec<char> {
    value
        .chars()
        .filter(|&c| !is_invisible(c) && !is_separator(c))
        .map(fold)
        .collect()
}

/// Folds one character: [`fold_char`] (width, ASCII case, script), other letters to their
/// lower case when that is one character, mathematical digits (`𝟏`, `𝟙`) to ASCII.
pub(super) fn fold(c: char) -> char {
    if let '\u{1D7CE}'..='\u{1D7FF}' = c {
        let digit = (u32::from(c) - 0x1D7CE) % 10;
        return char::from_digit(digit, 10).unwrap_or(c);
    }
    let c = fold_char(c);
    // ASCII is folded already; the scripts of China and their neighbours have no case.
    if c.is_ascii()
        || matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7FF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..)
    {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// A character that shows nothing: Unicode's format characters (category Cf, as of Unicode
/// 16), the variation selectors, the combining grapheme joiner and the Hangul fillers.
pub(super) fn is_invisible(c: char) -> bool {
    // The common case first: ASCII letters and digits, and Chinese text.
    if c < '\u{00AD}' || ('\u{3165}'..'\u{FE00}').contains(&c) {
        return false;
    }
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{0600}'..='\u{0605}'
        | '\u{061C}'
        | '\u{06DD}'
        | '\u{070F}'
        | '\u{0890}'..='\u{0891}'
        | '\u{08E2}'
        | '\u{115F}'..='\u{1160}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{110BD}'
        | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// A character people put between the parts of a number or a name: white space, every dash
/// (Unicode's category Pd, the minus sign, the hyphen bullet), every connector (category Pc:
/// `_`, `‿`, `＿`, …), slashes, dots (full stops, middle dots, bullets) and brackets.
pub(super) fn is_separator(c: char) -> bool {
    if c.is_ascii_alphanumeric() || ('\u{3400}'..'\u{FE00}').contains(&c) {
        return false;
    }
    c.is_whitespace()
        || matches!(c,
            // Dashes (Pd), the minus sign and the hyphen bullet.
            '-' | '\u{058A}' | '\u{05BE}' | '\u{1400}' | '\u{1806}' | '\u{2010}'..='\u{2015}'
            | '\u{2043}' | '\u{2212}' | '\u{2E17}' | '\u{2E1A}' | '\u{2E3A}' | '\u{2E3B}'
            | '\u{2E40}' | '\u{2E5D}' | '\u{301C}' | '\u{3030}' | '\u{30A0}' | '\u{FE31}'
            | '\u{FE32}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' | '\u{10EAD}'
            // Connectors (Pc).
            | '_' | '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}'
            | '\u{FE4D}'..='\u{FE4F}' | '\u{FF3F}'
            // Slashes.
            | '/' | '\\' | '\u{2044}' | '\u{2215}' | '\u{FF0F}' | '\u{FF3C}'
            // Dots.
            | '.' | '\u{00B7}' | '\u{2022}' | '\u{2027}' | '\u{2219}' | '\u{22C5}'
            | '\u{30FB}' | '\u{FF0E}' | '\u{FF65}' | '\u{3002}' | '\u{FF61}'
            // Brackets.
            | '(' | ')' | '[' | ']' | '{' | '}' | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}'
            | '\u{FF3D}' | '\u{3010}' | '\u{3011}' | '\u{3014}' | '\u{3015}' | '\u{3016}'
            | '\u{3017}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('𝟗'), '9');
        assert_eq!(fold('𝟙'), '1');
        assert_eq!(fold('Ｘ'), 'x');
        assert_eq!(fold('É'), 'é');
        assert_eq!(fold('張'), '张');
        assert_eq!(fold('豐'), '丰');
        assert_eq!(fold('İ'), 'İ');
    }

    #[test]
    fn compact_forms() {
        let s = |v: &str| compact(v).into_iter().collect::<String>();
        assert_eq!(s("139–1234–5678"), "13912345678");
        assert_eq!(s("139_1234/5678"), "13912345678");
        assert_eq!(s("１３９\u{200B}１２３４ ５６７８"), "13912345678");
        assert_eq!(s("(+86) 139.1234.5678"), "+8613912345678");
        assert_eq!(s("張\u{200D}三·豐"), "张三丰");
        assert_eq!(s("Zhang\u{00AD}San@Example．com"), "zhangsan@examplecom");
    }

    #[test]
    fn units_map_back_to_the_original() {
        let text = "a\u{200B}１–張\u{FE0F}b";
        let units = units(text);
        let chars: String = units.iter().map(|u| u.c).collect();
        assert_eq!(chars, "a1–张b");
        for u in &units {
            let original = &text[u.start..u.end()];
            assert_eq!(original.chars().count(), 1);
            assert_eq!(fold(original.chars().next().unwrap_or('?')), u.c);
        }
        assert!(units[2].separator);
        assert!(!units[1].separator);
    }
}
