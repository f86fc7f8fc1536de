//! The keyword table compiled for one pass over a text: every keyword folded once, indexed by
//! its first character, matched leftmost-longest.

use super::Category;
use super::text::fold_char;

/// One occurrence count per keyword of the table, in table order (category by category).
pub(crate) struct Counts {
    /// `(count, first position)` per keyword.
    pub(crate) words: Vec<(u32, usize)>,
}

pub(crate) struct Matcher {
    // Sorted by first character, longer keywords first: the first match is the longest.
    keywords: Vec<Compiled>,
    // Which first characters occur, hashed into 1,024 bits: most text positions stop here.
    firsts: [u64; 16],
    // The table range of each category's keywords.
    ranges: Vec<std::ops::Range<usize>>,
}

struct Compiled {
    chars: Box<[char]>,
    id: usize,
    // English keywords match at the start of a word only: `rude` is not in `prudent`.
    word_start: bool,
}

impl Compiled {
    fn first(&self) -> char {
        self.chars.first().copied().unwrap_or('\0')
    }
}

impl Matcher {
    pub(crate) fn new(categories: &[Category]) -> Self {
        let mut keywords = Vec::new();
        let mut ranges = Vec::with_capacity(categories.len());
        for category in categories {
            let start = keywords.len();
            for word in &category.keywords {
                let chars: Box<[char]> = word.trim().chars().map(fold_char).collect();
                let word_start = chars.first().is_some_and(char::is_ascii_alphanumeric);
                keywords.push(Compiled {
                    chars,
                    id: keywords.len(),
                    word_start,
                });
            }
            ranges.push(start..keywords.len());
        }
        keywords.retain(|k| !k.chars.is_empty());
        let mut firsts = [0u64; 16];
        for k in &keywords {
            let bit = k.first() as usize & 1023;
            if let Some(slot) = firsts.get_mut(bit >> 6) {
                *slot |= 1 << (bit & 63);
            }
        }
        keywords.sort_by(|a, b| {
            a.first()
                .cmp(&b.first())
                .then(b.chars.len().cmp(&a.chars.len()))
                .then(a.id.cmp(&b.id))
        });
        Matcher {
            keywords,
            firsts,
            ranges,
        }
    }

    /// The keyword ids of category `index`, in table order.
    pub(crate) fn range(&self, index: usize) -> std::ops::Range<usize> {
        self.ranges.get(index).cloned().unwrap_or(0..0)
    }

    /// Counts every keyword in `text`, leftmost-longest and without overlaps.
    pub(crate) fn count(&self, text: &str) -> Counts {
        let total = self.ranges.last().map_or(0, |r| r.end);
        let mut words = vec![(0u32, 0usize); total];
        let folded: Vec<char> = text.chars().map(fold_char).collect();
        let mut i = 0;
        while let Some(rest) = folded.get(i..) {
            let Some(&c) = rest.first() else { break };
            let step = match self.longest_at(&folded, i, c) {
                Some(k) => {
                    if let Some(slot) = words.get_mut(k.id) {
                        if slot.0 == 0 {
                            slot.1 = i;
                        }
                        slot.0 += 1;
                    }
                    k.chars.len()
                }
                None => 1,
            };
            i += step;
        }
        Counts { words }
    }

    fn longest_at(&self, folded: &[char], i: usize, c: char) -> Option<&Compiled> {
        let bit = c as usize & 1023;
        if self
            .firsts
            .get(bit >> 6)
            .is_none_or(|w| w & (1 << (bit & 63)) == 0)
        {
            return None;
        }
        let rest = folded.get(i..)?;
        let after_word = i > 0 && folded.get(i - 1).is_some_and(|p| p.is_ascii_alphanumeric());
        let start = self.keywords.partition_point(|k| k.first() < c);
        self.keywords
            .get(start..)?
            .iter()
            .take_while(|k| k.first() == c)
            .find(|k| !(k.word_start && after_word) && rest.starts_with(&k.chars))
    }
}
