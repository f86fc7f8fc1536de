//! The keyword table compiled for one pass over a text: every keyword folded once, indexed by
//! its first character, matched leftmost-longest.

use std::ops::Range;

use super::Category;
use super::text::{fold_char, folds_to_alphanumeric, unfold};

/// One `(count, first byte offset)` per keyword of the table, in table order (category by
/// category).
pub(crate) struct Counts {
    pub(crate) words: Vec<(u32, usize)>,
}

pub(crate) struct Matcher {
    // Sorted by slot, then first character, longer keywords first: the first match is the
    // longest.
    keywords: Vec<Compiled>,
    // For each slot (a first character's code modulo SLOTS), its range of `keywords`: most
    // text positions stop at an empty range.
    slots: Box<[(u32, u32)]>,
    // One bit per Basic Multilingual Plane character that folds to a keyword's first
    // character: the scan folds only at those.
    starts: Box<[u64]>,
    // The table range of each category's keywords.
    ranges: Vec<Range<usize>>,
}

const SLOTS: usize = 1024;

struct Compiled {
    chars: Box<[char]>,
    first: char,
    id: usize,
    // English keywords match at the start of a word only: `rude` is not in `prudent`.
    word_start: bool,
}

fn slot(c: char) -> usize {
    c as usize % SLOTS
}

impl Matcher {
    pub(crate) fn new(categories: &[Category]) -> Self {
        let mut keywords = Vec::new();
        let mut ranges = Vec::with_capacity(categories.len());
        for category in categories {
            let start = keywords.len();
            for word in &category.keywords {
                let chars: Box<[char]> = word.trim().chars().map(fold_char).collect();
                let first = chars.first().copied().unwrap_or('\0');
                keywords.push(Compiled {
                    word_start: first.is_ascii_alphanumeric(),
                    first,
                    chars,
                    id: keywords.len(),
                });
            }
            ranges.push(start..keywords.len());
        }
        keywords.retain(|k| !k.chars.is_empty());
        keywords.sort_by(|a, b| {
            (slot(a.first), a.first, b.chars.len(), a.id).cmp(&(
                slot(b.first),
                b.first,
                a.chars.len(),
                b.id,
            ))
        });
        let mut slots = vec![(0u32, 0u32); SLOTS].into_boxed_slice();
        for (i, k) in keywords.iter().enumerate() {
            if let Some(range) = slots.get_mut(slot(k.first)) {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                if range.0 == range.1 {
                    *range = (i, i);
                }
                range.1 = i.saturating_add(1);
            }
        }
        let mut starts = vec![0u64; 0x10000 / 64].into_boxed_slice();
        let mut firsts: Vec<char> = keywords.iter().map(|k| k.first).collect();
        firsts.dedup();
        for c in firsts.into_iter().flat_map(unfold) {
            let code = c as usize;
            if let Some(word) = starts.get_mut(code / 64) {
                *word |= 1 << (code % 64);
            }
        }
        Matcher {
            keywords,
            slots,
            starts,
            ranges,
        }
    }

    /// The keyword ids of category `index`, in table order.
    pub(crate) fn range(&self, index: usize) -> Range<usize> {
        self.ranges.get(index).cloned().unwrap_or(0..0)
    }

    /// Counts every keyword in `text`, leftmost-longest and without overlaps. Folds as it
    /// goes: no folded copy of the text is made.
    pub(crate) fn count(&self, text: &str) -> Counts {
        let total = self.ranges.last().map_or(0, |r| r.end);
        let mut words = vec![(0u32, 0usize); total];
        let mut chars = text.char_indices();
        let mut after_word = false;
        while let Some((at, raw)) = chars.next() {
            let alphanumeric = folds_to_alphanumeric(raw);
            // Inside an English word no keyword can start.
            let skip = (after_word && alphanumeric) || !self.may_start(raw);
            let after = std::mem::replace(&mut after_word, alphanumeric);
            if skip {
                continue;
            }
            let c = fold_char(raw);
            let rest = text.get(at + raw.len_utf8()..).unwrap_or_default();
            let Some(k) = self.longest_at(rest, c, after) else {
                continue;
            };
            if let Some(entry) = words.get_mut(k.id) {
                if entry.0 == 0 {
                    entry.1 = at;
                }
                entry.0 = entry.0.saturating_add(1);
            }
            // Resume after the keyword.
            if k.chars.len() > 1 {
                chars.nth(k.chars.len() - 2);
            }
            after_word = k.chars.last().is_some_and(char::is_ascii_alphanumeric);
        }
        Counts { words }
    }

    /// Whether a keyword may start with the character `raw` folds to.
    #[inline]
    fn may_start(&self, raw: char) -> bool {
        let code = raw as usize;
        match self.starts.get(code / 64) {
            Some(word) => word & (1 << (code % 64)) != 0,
            // Outside the Basic Multilingual Plane characters fold to themselves.
            None => self
                .slots
                .get(slot(raw))
                .is_some_and(|&(start, end)| start != end),
        }
    }

    /// The longest keyword that starts with `c` and goes on with `rest`.
    fn longest_at(&self, rest: &str, c: char, after_word: bool) -> Option<&Compiled> {
        let &(start, end) = self.slots.get(slot(c))?;
        let candidates = self.keywords.get(start as usize..end as usize)?;
        // Most candidates differ in their second character: fold it once.
        let mut text = rest.chars().map(fold_char);
        let second = text.next();
        candidates.iter().find(|k| {
            if k.first != c || (k.word_start && after_word) {
                return false;
            }
            match k.chars.get(1..) {
                Some([next, tail @ ..]) => {
                    Some(*next) == second && {
                        let mut text = text.clone();
                        tail.iter().all(|&w| text.next() == Some(w))
                    }
                }
                _ => true,
            }
        })
    }
}
