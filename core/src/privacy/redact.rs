//! Replacing personal data inside free text: the values a case recorded, in every written
//! form, and what looks like personal data whatever the case recorded ([`super::detect`]).
//!
//! A recorded value is found as written (anywhere, even inside a longer word) and in the
//! folded text of [`super::normalise`]: ignoring separators and invisible characters,
//! letter case, widths and the script (Traditional or Simplified) of its characters. A loose
//! match of a *name* whose edge is a letter or digit must not continue a longer run of ASCII
//! letters or digits, so that a short Latin name does not eat into every word; phone numbers,
//! e-mail addresses and ID numbers are found anywhere. A phone number is also found in its
//! other national forms (without `+86`/`0086`; a landline with or without the trunk `0` of
//! its area code).
//!
//! Each match is a range of *units*, which maps back to the exact bytes of the original
//! characters it covers; overlapping matches join, and a joined stretch whose parts would be
//! replaced differently becomes `***`.

use super::detect::{Detected, detect};
use super::normalise::{Unit, compact, units};
use super::{FULLY_MASKED, MaskKind};

/// One recorded value to find, with what replaces it.
pub(super) struct Needle {
    /// The value as recorded (trimmed), and for a phone also its national digits.
    exact: Vec<String>,
    /// The folded forms for loose matching.
    loose: Vec<Vec<char>>,
    /// Whether a loose match must not continue a run of ASCII letters or digits (names).
    word_bounded: bool,
    replacement: String,
}

impl Needle {
    /// A needle for `value`. A value that shows no more than its replacement (already masked,
    /// or made only of mask characters and separators) finds nothing.
    pub(super) fn new(kind: MaskKind, value: &str, replacement: String) -> Self {
        let value = value.trim();
        let folded: String = compact(value).into_iter().collect();
        let inert = folded.chars().all(|c| c == '*') || replacement.contains(value);
        let mut exact = Vec::new();
        let mut loose: Vec<String> = Vec::new();
        if !inert {
            exact.push(value.to_owned());
            if kind == MaskKind::Phone {
                let national = ["+86", "0086"]
                    .iter()
                    .find_map(|p| folded.strip_prefix(p))
                    .unwrap_or(&folded)
                    .to_owned();
                let mobile = national.len() == 11 && national.starts_with('1');
                if !national.is_empty() && national != folded {
                    exact.push(national.clone());
                }
                if !national.is_empty() && !mobile {
                    loose.push(match national.strip_prefix('0') {
                        Some(rest) => rest.to_owned(),
                        None => format!("0{national}"),
                    });
                }
                loose.push(national);
            }
            loose.push(folded);
        }
        loose.retain(|f| !f.is_empty());
        loose.dedup();
        Needle {
            exact,
            loose: loose.iter().map(|f| f.chars().collect()).collect(),
            word_bounded: kind == MaskKind::Name,
            replacement,
        }
    }
}

/// Whether any recorded value occurs, as written or folded, in `text`.
pub(super) fn any_occurs(needles: &[Needle], text: &str) -> bool {
    if needles
        .iter()
        .any(|n| n.exact.iter().any(|e| text.contains(e.as_str())))
    {
        return true;
    }
    // `***` is made of letters that no folded form holds: it cannot join what stood around
    // a replaced value into a new occurrence, nor be one.
    let inert = |r: &str| r == FULLY_MASKED;
    if needles
        .iter()
        .all(|n| inert(&n.replacement) && n.loose.iter().all(|f| !f.contains(&'*')))
    {
        return false;
    }
    let units = units(text);
    let letters = Letters::new(&units);
    needles.iter().any(|n| {
        n.loose
            .iter()
            .any(|form| letters.matches(form, n.word_bounded).next().is_some())
    })
}

/// `text` with every occurrence of every needle replaced, and every detected value that
/// `detected` gives a replacement for (`None`: left as written). Where replacements of
/// different values overlap, the joined stretch becomes `***`.
pub(super) fn redact(
    text: &str,
    needles: &[Needle],
    detected: impl Fn(Detected, &str) -> Option<String>,
) -> String {
    let units = units(text);
    let letters = Letters::new(&units);
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    for needle in needles {
        for exact in &needle.exact {
            spans.extend(
                text.match_indices(exact.as_str())
                    .map(|(start, m)| (start, start + m.len(), needle.replacement.clone())),
            );
        }
        for form in &needle.loose {
            spans.extend(
                letters
                    .matches(form, needle.word_bounded)
                    .map(|(s, e)| (s, e, needle.replacement.clone())),
            );
        }
    }
    for found in detect(&units) {
        if let Some(replacement) = detected(found.kind, &found.value) {
            spans.push((found.start, found.end, replacement));
        }
    }
    if spans.is_empty() {
        return text.to_owned();
    }
    spans.sort_unstable_by_key(|&(start, end, _)| (start, end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut spans = spans.into_iter().peekable();
    while let Some((start, mut end, replacement)) = spans.next() {
        let mut mixed = false;
        while let Some((next_start, next_end, other)) = spans.peek() {
            if *next_start >= end {
                break;
            }
            end = end.max(*next_end);
            mixed |= *other != replacement;
            spans.next();
        }
        out.push_str(text.get(pos..start).unwrap_or_default());
        out.push_str(if mixed { FULLY_MASKED } else { &replacement });
        pos = end;
    }
    out.push_str(text.get(pos..).unwrap_or_default());
    out
}

/// The units that matching compares (all but the separators): their folded characters and
/// where each is among the units.
struct Letters<'a> {
    units: &'a [Unit],
    chars: Vec<char>,
    unit_of: Vec<usize>,
}

impl<'a> Letters<'a> {
    fn new(units: &'a [Unit]) -> Self {
        let mut chars = Vec::with_capacity(units.len());
        let mut unit_of = Vec::with_capacity(units.len());
        for (i, u) in units.iter().enumerate().filter(|(_, u)| !u.separator) {
            chars.push(u.c);
            unit_of.push(i);
        }
        Letters {
            units,
            chars,
            unit_of,
        }
    }

    /// Byte spans of the original text where the folded `form` occurs, overlapping
    /// occurrences included.
    fn matches<'f>(
        &'f self,
        form: &'f [char],
        word_bounded: bool,
    ) -> impl Iterator<Item = (usize, usize)> + 'f {
        let (first, last) = (form.first().copied(), form.last().copied());
        let unit = |i: usize| self.units.get(i).map(|u| u.c);
        let mut from = 0;
        std::iter::from_fn(move || {
            let first = first?;
            loop {
                let at = from + self.chars.get(from..)?.iter().position(|&c| c == first)?;
                from = at + 1;
                if self.chars.get(at..at + form.len()) == Some(form) {
                    return Some(at);
                }
            }
        })
        .filter_map(move |at| {
            let first_unit = *self.unit_of.get(at)?;
            let last_unit = *self.unit_of.get(at + form.len() - 1)?;
            let before = first_unit.checked_sub(1).and_then(unit);
            let after = unit(last_unit + 1);
            let inside_a_word = continues(first, before) || continues(last, after);
            let span = (
                self.units.get(first_unit)?.start,
                self.units.get(last_unit)?.end(),
            );
            (!word_bounded || !inside_a_word).then_some(span)
        })
    }
}

/// Whether a match whose edge character is `edge` would continue into `neighbour`.
fn continues(edge: Option<char>, neighbour: Option<char>) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    alnum(edge) && alnum(neighbour)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hide(kind: MaskKind, value: &str, text: &str) -> String {
        redact(
            text,
            &[Needle::new(kind, value, FULLY_MASKED.into())],
            |_, _| None,
        )
    }

    #[test]
    fn exact_and_loose_forms() {
        let name = |t| hide(MaskKind::Name, "張三", t);
        assert_eq!(name("張三說"), "***說");
        assert_eq!(name("張 三和張三"), "***和***");
        assert_eq!(name("張張三三"), "張***三");
        let phone = |t| hide(MaskKind::Phone, "+86 13812345678", t);
        assert_eq!(phone("call 138-1234-5678."), "call ***.");
        assert_eq!(phone("tel:+86 138 1234 5678"), "tel:***");
        assert_eq!(phone("tel: 0086 13812345678"), "tel: 0086 ***");
        assert_eq!(phone("１３８１２３４５６７８"), "***");
        // Inside a longer number too: better hide too much than too little.
        assert_eq!(phone("2138 1234 5678"), "2***");
        assert_eq!(phone("913812345678"), "9***");
        let email = |t| hide(MaskKind::Email, "zhangsan@example.com", t);
        assert_eq!(
            email("mailto:ZHANGSAN@EXAMPLE.COMplease"),
            "mailto:***please"
        );
        assert_eq!(phone("+86-138-1234-5678"), "***");
        let landline = |t| hide(MaskKind::Phone, "+86 10 12345678", t);
        assert_eq!(
            landline("call 010-1234 5678 or (+86)10 12345678"),
            "call *** or (***"
        );
        let domestic = |t| hide(MaskKind::Phone, "010-12345678", t);
        assert_eq!(
            domestic("+86 10 1234 5678, 0086 1012345678"),
            "+86 ***, 0086 ***"
        );
        assert_eq!(domestic("91012345678"), "9***");
    }

    #[test]
    fn short_latin_names_do_not_eat_words() {
        let name = |t| hide(MaskKind::Name, "Li", t);
        assert_eq!(
            name("delivery by LI, li and Li."),
            "delivery by ***, *** and ***."
        );
        assert_eq!(name("deLivery"), "de***very");
    }

    #[test]
    fn overlapping_values_join() {
        let needles = [
            Needle::new(MaskKind::Name, "ab", "N".into()),
            Needle::new(MaskKind::Email, "b@c.de", "E".into()),
        ];
        assert_eq!(redact("x ab@c.de y", &needles, |_, _| None), "x *** y");
        assert_eq!(redact("ab and b@c.de", &needles, |_, _| None), "N and E");
    }

    #[test]
    fn masked_values_find_nothing() {
        assert_eq!(hide(MaskKind::Name, "***", "a *** b"), "a *** b");
        let n = Needle::new(
            MaskKind::IdNumber,
            "110101********1234",
            "110101********1234".into(),
        );
        assert!(!any_occurs(&[n], "110101********1234"));
    }
}
