//! Interned names: each distinct category (department, …) is stored once and counted by index.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Up to this many names of at most 24 bytes a linear scan beats hashing (ledgers have a handful of
/// categories); past it, and for long names, the hash map decides.
const SCAN_LIMIT: usize = 16;

/// Names in first-seen order, each with a dense `u32` index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    names: Vec<Box<str>>,
    /// Short names by [`Key`]: found by comparing integers, without `memcmp`.
    short: Vec<(Key, u32)>,
    index: HashMap<Box<[u8]>, u32, BuildHasherDefault<Fnv>>,
}

/// A name of at most 24 bytes as integers: its length and (overlapping) loads that together
/// cover every byte, so equal keys mean equal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key(u64, u64, u64, usize);

fn load<const N: usize>(bytes: Option<&[u8]>) -> [u8; N] {
    bytes.and_then(|b| b.try_into().ok()).unwrap_or([0; N])
}

impl Key {
    #[inline]
    fn of(name: &[u8]) -> Option<Key> {
        let len = name.len();
        let word = |at: usize| u64::from_le_bytes(load(name.get(at..at + 8)));
        let half = |at: usize| u64::from(u32::from_le_bytes(load(name.get(at..at + 4))));
        let key = match len {
            0 => Key(0, 0, 0, 0),
            1..=3 => {
                let byte = |i: usize| u64::from(name.get(i).copied().unwrap_or(0));
                Key(
                    byte(0) | byte(len / 2) << 8 | byte(len - 1) << 16,
                    0,
                    0,
                    len,
                )
            }
            4..=7 => Key(half(0), half(len - 4), 0, len),
            8..=16 => Key(word(0), word(len - 8), 0, len),
            17..=24 => Key(word(0), word(8), word(len - 8), len),
            _ => return None,
        };
        Some(key)
    }
}

impl Interner {
    /// The index of `name`, adding it if new; `None` if it is not UTF-8 (or the table is full).
    #[inline]
    pub(crate) fn intern(&mut self, name: &[u8]) -> Option<u32> {
        let key = Key::of(name);
        if let Some(key) = key
            && self.short.len() <= SCAN_LIMIT
        {
            if let Some(&(_, i)) = self.short.iter().find(|e| e.0 == key) {
                return Some(i);
            }
        } else if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        self.add(name, key)
    }

    #[cold]
    fn add(&mut self, name: &[u8], key: Option<Key>) -> Option<u32> {
        let text = std::str::from_utf8(name).ok()?;
        let i = u32::try_from(self.names.len())
            .ok()
            .filter(|&i| i != u32::MAX)?;
        self.names.push(text.into());
        self.index.insert(name.into(), i);
        if let Some(key) = key
            && self.short.len() <= SCAN_LIMIT
        {
            self.short.push((key, i));
        }
        Some(i)
    }

    /// The name at `index`.
    pub(crate) fn name(&self, index: u32) -> &str {
        self.names.get(index as usize).map_or("", |n| n)
    }

    /// The number of names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// FNV-1a: short keys, no adversary to fear (a slow ledger is the worst it can do).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_past_the_scan_limit() {
        let mut t = Interner::default();
        let names: Vec<String> = (0..100).map(|i| format!("c{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            assert_eq!(t.intern(n.as_bytes()), Some(i as u32));
        }
        let long = "a name longer than twenty-four bytes";
        assert_eq!(t.intern(long.as_bytes()), Some(100));
        assert_eq!(t.intern(long.as_bytes()), Some(100));
        let mut few = Interner::default();
        assert_eq!(few.intern(long.as_bytes()), Some(0));
        assert_eq!(few.intern(b"short"), Some(1));
        assert_eq!(few.intern(long.as_bytes()), Some(0));
        assert_eq!(few.intern(b"short"), Some(1));
        assert_eq!(few.intern(b"shor"), Some(2));
        assert_eq!(few.intern(b""), Some(3));
        assert_eq!(few.intern(b"\0"), Some(4));
        for (i, n) in [
            "abc",
            "acc",
            "abcd",
            "abce",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "quality_assurance",
            "quality_assurancf",
            "quality_bssurance",
        ]
        .into_iter()
        .enumerate()
        {
            assert_eq!(few.intern(n.as_bytes()), Some(5 + i as u32), "{n}");
        }
        assert_eq!(few.intern(b"abce"), Some(8));
        assert_eq!(few.intern(b"quality_bssurance"), Some(14));
        for (i, n) in names.iter().enumerate().rev() {
            assert_eq!(t.intern(n.as_bytes()), Some(i as u32));
            assert_eq!(t.name(i as u32), n);
        }
        assert_eq!(t.intern(&[0xff, 0xfe]), None);
        assert_eq!(t.len(), 101);
    }
}
