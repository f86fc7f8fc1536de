//! Counts by (period, name index): a dense table when it is small, a map when a ledger has so
//! many names and periods that a table would not fit. A table grows (more periods on either
//! side, more names) when a report is counted chunk by chunk and new ones turn up.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::intern::Fnv;

/// Past this many cells the table is sparse (16 MB of counters at most).
const DENSE_LIMIT: usize = 1 << 21;

/// A row's slot or name that is not counted (a period outside the report, a missing name).
pub(crate) const SKIP: u32 = u32::MAX;

#[derive(Debug)]
pub(crate) enum Counts {
    Dense {
        periods: usize,
        names: usize,
        cells: Vec<u64>,
    },
    Sparse(HashMap<(u32, u32), u64, BuildHasherDefault<Fnv>>),
}

impl Counts {
    pub(crate) fn new(periods: usize, names: usize) -> Self {
        match periods.checked_mul(names) {
            Some(cells) if cells <= DENSE_LIMIT => Counts::Dense {
                periods,
                names,
                cells: vec![0; cells],
            },
            _ => Counts::Sparse(HashMap::default()),
        }
    }

    /// Makes room for `periods` periods, the old first period now at `shift`, and at least
    /// `names` names (a table grows its names by doubling, so that names turning up chunk
    /// after chunk do not re-lay it each time). Counts keep their period and name.
    pub(crate) fn grow(&mut self, shift: usize, periods: usize, names: usize) {
        match self {
            Counts::Dense {
                periods: old_periods,
                names: old_names,
                cells,
            } => {
                let wider = if names > *old_names {
                    names.max(old_names.saturating_mul(2))
                } else {
                    *old_names
                };
                if shift == 0 && periods == *old_periods && wider == *old_names {
                    return;
                }
                let old_names = *old_names;
                let moved = |k: usize| k + shift;
                match periods.checked_mul(wider) {
                    Some(size) if size <= DENSE_LIMIT => {
                        let mut grown = vec![0; size];
                        if old_names > 0 {
                            for (k, row) in cells.chunks(old_names).enumerate() {
                                let at = moved(k) * wider;
                                if let Some(to) = grown.get_mut(at..at + old_names) {
                                    to.copy_from_slice(row);
                                }
                            }
                        }
                        *self = Counts::Dense {
                            periods,
                            names: wider,
                            cells: grown,
                        };
                    }
                    _ => {
                        let mut map: HashMap<(u32, u32), u64, BuildHasherDefault<Fnv>> =
                            HashMap::default();
                        if old_names > 0 {
                            for (k, row) in cells.chunks(old_names).enumerate() {
                                for (name, &n) in (0u32..).zip(row) {
                                    if n > 0 {
                                        map.insert((moved(k) as u32, name), n);
                                    }
                                }
                            }
                        }
                        *self = Counts::Sparse(map);
                    }
                }
            }
            Counts::Sparse(map) => {
                if shift > 0 {
                    *map = map
                        .drain()
                        .map(|((k, name), n)| ((k + shift as u32, name), n))
                        .collect();
                }
            }
        }
    }

    #[inline]
    pub(crate) fn add(&mut self, period: usize, name: u32) {
        match self {
            Counts::Dense { names, cells, .. } => {
                if let Some(c) = cells.get_mut(period * *names + name as usize) {
                    *c += 1;
                }
            }
            Counts::Sparse(map) => *map.entry((period as u32, name)).or_insert(0) += 1,
        }
    }

    /// Adds one for each row's (slot, name), skipping rows whose slot or name is [`SKIP`]: a
    /// column at a time, the table's kind decided once, not per row.
    pub(crate) fn add_column(&mut self, slots: &[u32], names: &[u32]) {
        let rows = slots.iter().zip(names);
        match self {
            Counts::Dense {
                names: stride,
                cells,
                ..
            } => {
                // A skipped slot or name lands past the table (at 2^32 or beyond, with at most
                // 2^21 cells; no overflow in 64 bits): the bounds check skips it, no compare.
                const _: () = assert!(DENSE_LIMIT < 1 << 31);
                let stride = *stride as u64;
                for (&k, &name) in rows {
                    let at = u64::from(k) * stride + u64::from(name);
                    if let Some(c) = usize::try_from(at).ok().and_then(|at| cells.get_mut(at)) {
                        *c += 1;
                    }
                }
            }
            Counts::Sparse(map) => {
                for (&k, &name) in rows {
                    if k != SKIP && name != SKIP {
                        *map.entry((k, name)).or_insert(0) += 1;
                    }
                }
            }
        }
    }

    /// The non-zero counts of each period, by name index.
    pub(crate) fn rows(self, periods: usize) -> Vec<Vec<(u32, u64)>> {
        self.rows_from(0, periods)
    }

    /// The non-zero counts of `periods` periods from period `first` (which may lie before the
    /// table's first or run past its last: those periods have no counts), by name index.
    pub(crate) fn rows_from(self, first: i64, periods: usize) -> Vec<Vec<(u32, u64)>> {
        let slot = |k: usize| usize::try_from(first + k as i64).ok();
        match self {
            Counts::Dense { names, cells, .. } => {
                if names == 0 {
                    return vec![Vec::new(); periods];
                }
                (0..periods)
                    .map(|k| {
                        let row = slot(k)
                            .and_then(|s| cells.get(s * names..(s + 1) * names))
                            .unwrap_or_default();
                        (0u32..)
                            .zip(row)
                            .filter(|(_, n)| **n > 0)
                            .map(|(i, n)| (i, *n))
                            .collect()
                    })
                    .collect()
            }
            Counts::Sparse(map) => {
                let mut rows = vec![Vec::new(); periods];
                for ((p, name), n) in map {
                    let k = i64::from(p) - first;
                    if let Some(row) = usize::try_from(k).ok().and_then(|k| rows.get_mut(k)) {
                        row.push((name, n));
                    }
                }
                for row in &mut rows {
                    row.sort_unstable();
                }
                rows
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_and_sparse_agree() {
        let mut dense = Counts::new(3, 4);
        let mut sparse = Counts::Sparse(HashMap::default());
        for (p, n) in [(0, 1), (0, 1), (2, 3), (1, 0), (2, 0)] {
            dense.add(p, n);
            sparse.add(p, n);
        }
        assert_eq!(dense.rows(3), sparse.rows(3));
        assert!(matches!(Counts::new(100_000, 100_000), Counts::Sparse(_)));
        assert_eq!(Counts::new(2, 0).rows(2), vec![Vec::new(), Vec::new()]);
    }

    #[test]
    fn grown_tables_keep_their_counts() {
        let expected = vec![
            vec![],
            vec![(0, 1)],
            vec![],
            vec![(0, 1), (3, 1), (7, 1)],
            vec![],
        ];
        for sparse in [false, true] {
            let mut counts = if sparse {
                Counts::Sparse(HashMap::default())
            } else {
                Counts::new(1, 1)
            };
            counts.add(0, 0);
            counts.grow(2, 3, 4); // a period before, names up to 3
            counts.add(2, 3);
            counts.grow(0, 3, 8); // more names only
            counts.add(2, 7);
            counts.add(0, 0);
            counts.grow(0, 4, 8); // a period after; the old first period is now 2
            assert_eq!(counts.rows_from(-1, 5), expected, "sparse: {sparse}");
        }
        // Past the dense limit a table turns into a map with the same counts.
        let mut counts = Counts::new(2, 2);
        counts.add(1, 1);
        counts.grow(1, 3, DENSE_LIMIT);
        assert!(matches!(counts, Counts::Sparse(_)));
        assert_eq!(counts.rows(3), vec![vec![], vec![], vec![(1, 1)]]);
    }
}
