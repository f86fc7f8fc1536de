//! Interned names: each distinct category (department, …) is stored once and counted by index.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Below this many names a linear scan beats hashing (ledgers have a handful of categories).
const SCAN_LIMIT: usize = 16;

/// Names in first-seen order, each with a dense `u32` index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    names: Vec<Box<str>>,
    index: HashMap<Box<[u8]>, u32, BuildHasherDefault<Fnv>>,
}

impl Interner {
    /// The index of `name`, adding it if new; `None` if it is not UTF-8 (or the table is full).
    pub(crate) fn intern(&mut self, name: &[u8]) -> Option<u32> {
        if self.names.len() <= SCAN_LIMIT {
            if let Some(i) = self.names.iter().position(|n| n.as_bytes() == name) {
                return u32::try_from(i).ok();
            }
        } else if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        let text = std::str::from_utf8(name).ok()?;
        let i = u32::try_from(self.names.len())
            .ok()
            .filter(|&i| i != u32::MAX)?;
        self.names.push(text.into());
        self.index.insert(name.into(), i);
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
        for (i, n) in names.iter().enumerate().rev() {
            assert_eq!(t.intern(n.as_bytes()), Some(i as u32));
            assert_eq!(t.name(i as u32), n);
        }
        assert_eq!(t.intern(&[0xff, 0xfe]), None);
        assert_eq!(t.len(), 100);
    }
}
