//! The names of a text column, interned once per distinct cell instead of once per row.
//!
//! A ledger's name columns hold a handful of distinct values over a million rows. A polars
//! `String` column exports as `Utf8View`, where each cell is a 16-byte view: its length, then
//! the whole string when it has at most 12 bytes, else its first 4 bytes and where the rest
//! lies. [`Memo`] keys a small direct-mapped table on that view: a short cell is found by
//! comparing one 128-bit integer, without reading the data buffers or hashing; a long one by
//! its length and prefix, confirmed by comparing its bytes with the cell that filled the slot.
//! Other text layouts get the same key built from their bytes. A miss asks the interner, so
//! the memo only saves work and never decides a name.

/// Slots in the table (a power of two): room for the names of a ledger column many times
/// over, so that distinct names seldom share a slot.
const SLOTS: usize = 256;
const _: () = assert!(SLOTS.is_power_of_two());
/// Consecutive slots a key may be found in.
const WAYS: usize = 4;

/// A view-shaped key: `len | data << 32` for a cell of at most 12 bytes (equal keys, equal
/// cells), `len | prefix << 32` for a longer one (equal keys say nothing until the bytes agree).
#[inline]
pub(super) fn key_of(cell: &[u8]) -> u128 {
    let len = cell.len();
    let mut head = [0u8; 16];
    let shown = len.min(if len <= 12 { 12 } else { 4 });
    if let (Some(to), Some(from)) = (head.get_mut(4..4 + shown), cell.get(..shown)) {
        to.copy_from_slice(from);
    }
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    u128::from_le_bytes(head) | u128::from(len)
}

/// The key of a `Utf8View` cell from its view: the view itself when inline, else its length
/// and prefix (the buffer and offset dropped: equal names sit at different offsets).
#[inline]
pub(super) fn key_of_view(view: u128) -> u128 {
    if (view as u32) <= 12 {
        view
    } else {
        view & u128::from(u64::MAX)
    }
}

/// Whether two cells are equal: names are short, and a call to `memcmp` costs more than
/// comparing them as overlapping words.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| {
        u64::from_le_bytes(
            s.get(at..at + 8)
                .and_then(|w| w.try_into().ok())
                .unwrap_or([0; 8]),
        )
    };
    match n {
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        17..=32 => {
            word(a, 0) == word(b, 0)
                && word(a, 8) == word(b, 8)
                && word(a, n - 16) == word(b, n - 16)
                && word(a, n - 8) == word(b, n - 8)
        }
        _ => a == b,
    }
}

#[derive(Clone, Copy)]
struct Slot<'a> {
    key: u128,
    cell: &'a [u8],
    code: u32,
}

/// A cache of cell → interned code for one column of one batch.
pub(super) struct Memo<'a> {
    /// A fixed size, indexed with a mask: no bounds check on the path every row takes.
    slots: Box<[Slot<'a>; SLOTS]>,
}

impl<'a> Memo<'a> {
    pub(super) fn new() -> Self {
        // A key of length u32::MAX is never inline, and its empty cell matches no cell of
        // that length: an unused slot matches nothing.
        let empty = Slot {
            key: u128::MAX,
            cell: &[],
            code: 0,
        };
        Memo {
            slots: Box::new([empty; SLOTS]),
        }
    }

    /// The code of the cell with `key`: remembered, or `miss(cell)` remembered. `cell` gives
    /// the cell's bytes, read only when the key alone cannot decide.
    #[inline]
    pub(super) fn get(
        &mut self,
        key: u128,
        cell: impl FnOnce() -> &'a [u8],
        miss: impl FnOnce(&'a [u8]) -> u32,
    ) -> u32 {
        let mixed = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let base = (mixed >> 56) as usize;
        if (key as u32) <= 12 {
            for way in 0..WAYS {
                let s = &self.slots[(base + way) & (SLOTS - 1)];
                if s.key == key {
                    return s.code;
                }
            }
            let bytes = cell();
            return self.fill(base, key, bytes, miss(bytes));
        }
        let bytes = cell();
        for way in 0..WAYS {
            let s = &self.slots[(base + way) & (SLOTS - 1)];
            if s.key == key && same(s.cell, bytes) {
                return s.code;
            }
        }
        self.fill(base, key, bytes, miss(bytes))
    }

    #[cold]
    fn fill(&mut self, base: usize, key: u128, cell: &'a [u8], code: u32) -> u32 {
        // The first unused way, else the first (a colliding name evicts an older one).
        let way = (0..WAYS)
            .find(|w| {
                self.slots
                    .get((base + w) % SLOTS)
                    .is_some_and(|s| s.key == u128::MAX && s.cell.is_empty())
            })
            .unwrap_or(0);
        if let Some(s) = self.slots.get_mut((base + way) % SLOTS) {
            *s = Slot { key, cell, code };
        }
        code
    }
}

/// Cells up to this long are keyed by their whole content (view and two words of data).
const WHOLE: u32 = 20;

#[derive(Clone, Copy)]
struct ViewSlot {
    key: u128,
    tail: u64,
    code: u32,
}

/// A cache of cell → interned code for one `Utf8View` column of one batch, keyed by each
/// cell's whole content when it has at most 20 bytes: the view itself when inline (at most
/// 12 bytes), else its length and prefix with two words of data (bytes 4–12 and the last
/// eight), so that a hit is two comparisons and no byte comparison. Longer cells go through a
/// [`Memo`].
pub(super) struct ViewMemo<'a> {
    slots: Box<[ViewSlot; SLOTS]>,
    long: Memo<'a>,
}

impl<'a> ViewMemo<'a> {
    pub(super) fn new() -> Self {
        // No content key has a length above 20 in its low 32 bits: an unused slot matches
        // nothing.
        let empty = ViewSlot {
            key: u128::MAX,
            tail: 0,
            code: 0,
        };
        ViewMemo {
            slots: Box::new([empty; SLOTS]),
            long: Memo::new(),
        }
    }

    /// The code of the cell of `view`, whose data lies in `buffers`: remembered, or
    /// `miss(cell)` remembered. `cell` gives the cell's bytes, read only on a miss or for a
    /// cell longer than 20 bytes.
    #[inline(always)] // a call per row costs as much as the lookup
    pub(super) fn get(
        &mut self,
        view: u128,
        buffers: &[arrow_buffer::Buffer],
        cell: impl FnOnce() -> &'a [u8],
        miss: impl FnOnce(&'a [u8]) -> u32,
    ) -> u32 {
        let len = view as u32;
        if len > WHOLE {
            return self.long.get(key_of_view(view), cell, miss);
        }
        let (key, tail) = content_key(view, buffers);
        let mixed = (key as u64 ^ (key >> 64) as u64 ^ tail).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let base = (mixed >> 56) as usize;
        for way in 0..WAYS {
            let s = &self.slots[(base + way) & (SLOTS - 1)];
            if s.key == key && s.tail == tail {
                return s.code;
            }
        }
        let code = miss(cell());
        self.fill(base, key, tail, code)
    }

    #[cold]
    fn fill(&mut self, base: usize, key: u128, tail: u64, code: u32) -> u32 {
        let way = (0..WAYS)
            .find(|w| {
                self.slots
                    .get((base + w) % SLOTS)
                    .is_some_and(|s| s.key == u128::MAX)
            })
            .unwrap_or(0);
        if let Some(s) = self.slots.get_mut((base + way) % SLOTS) {
            *s = ViewSlot { key, tail, code };
        }
        code
    }
}

/// The content key of a view of at most 20 bytes: equal keys, equal cells. Inline (at most
/// 12 bytes): the view, and 0, without touching the data. Longer: length and prefix with
/// bytes 4–12 of the data, and the last eight bytes (which with the prefix cover the whole
/// cell up to 20 bytes): two words read, no byte comparison.
#[inline(always)]
fn content_key(view: u128, buffers: &[arrow_buffer::Buffer]) -> (u128, u64) {
    let len = view as u32;
    if len <= 12 {
        return (view, 0);
    }
    let index = (view >> 64) as u32 as usize;
    let offset = (view >> 96) as u32 as usize;
    let data: &[u8] = buffers.get(index).map_or(&[], |b| b.as_slice());
    let word = |at: usize| {
        data.get(at..at + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let middle = word(offset + 4);
    let last = word(offset + len as usize - 8);
    (u128::from(view as u64) | u128::from(middle) << 64, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_cells_of_every_length() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
        for n in 0..text.len() {
            let a = &text[..n];
            assert!(same(a, &text[..n]));
            for i in 0..n {
                let mut b = a.to_vec();
                b[i] ^= 1;
                assert!(!same(a, &b), "{n} {i}");
            }
            assert!(!same(a, &text[..(n + 1).min(text.len())]) || n == text.len());
        }
    }

    #[test]
    fn keys_match_arrow_views() {
        use arrow_array::StringViewArray;
        let cells = [
            "",
            "a",
            "product_qua",
            "product_qual",
            "product_quali",
            "product_quality",
        ];
        let array = StringViewArray::from_iter_values(cells);
        for (view, cell) in array.views().iter().zip(cells) {
            assert_eq!(key_of_view(*view), key_of(cell.as_bytes()), "{cell}");
        }
    }

    #[test]
    fn the_view_memo_tells_every_cell_apart() {
        use arrow_array::{Array, StringViewArray};
        // Names of every length from 0 to 40 that differ in one byte anywhere, twice over in
        // a shuffled order, each in its own place in the data buffers.
        let base = b"abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        let mut cells: Vec<String> = Vec::new();
        for n in 0..=40 {
            let name = String::from_utf8(base[..n].to_vec()).unwrap();
            for i in 0..n {
                let mut other = name.clone().into_bytes();
                other[i] = b'_';
                cells.push(String::from_utf8(other).unwrap());
            }
            cells.push(name);
        }
        let distinct = cells.clone();
        cells.extend(distinct.iter().rev().cloned());
        let array = StringViewArray::from_iter_values(&cells);
        let mut memo = ViewMemo::new();
        let mut asked = 0;
        for (i, &view) in array.views().iter().enumerate() {
            let code = memo.get(
                view,
                array.data_buffers(),
                || array.value(i).as_bytes(),
                |cell| {
                    asked += 1;
                    distinct.iter().position(|d| d.as_bytes() == cell).unwrap() as u32
                },
            );
            assert_eq!(distinct[code as usize], cells[i], "row {i}");
        }
        assert!(array.len() == 2 * distinct.len());
        // Each distinct cell is asked for at least once; the memo only saves asking again.
        assert!(asked >= distinct.len(), "{asked}");
    }

    #[test]
    fn remembers_each_cell_and_tells_long_cells_apart() {
        // Many names sharing length and prefix: every one must keep its own code.
        let names: Vec<String> = (0..600).map(|i| format!("name_{i:010}")).collect();
        let short: Vec<String> = (0..600).map(|i| format!("n{i}")).collect();
        let mut memo = Memo::new();
        let mut asked = 0;
        for round in 0..3 {
            for (i, n) in names.iter().chain(&short).enumerate() {
                let code = memo.get(
                    key_of(n.as_bytes()),
                    || n.as_bytes(),
                    |_| {
                        asked += 1;
                        i as u32
                    },
                );
                assert_eq!(code, i as u32, "round {round}: {n}");
            }
        }
        assert!(asked >= 1200);
        // A few names are asked for once and then remembered.
        let mut memo = Memo::new();
        let mut asked = 0;
        for _ in 0..100 {
            for (i, n) in ["production", "customer_service", "", "logistics"]
                .iter()
                .enumerate()
            {
                let code = memo.get(
                    key_of(n.as_bytes()),
                    || n.as_bytes(),
                    |_| {
                        asked += 1;
                        i as u32
                    },
                );
                assert_eq!(code, i as u32);
            }
        }
        assert_eq!(asked, 4);
    }
}
