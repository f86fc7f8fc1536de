//! Counts by (period, name index): a dense table when it is small, a map when a ledger has so
//! many names and periods that a table would not fit.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::intern::Fnv;

/// Past this many cells the table is sparse (16 MB of counters at most).
const DENSE_LIMIT: usize = 1 << 21;

#[derive(Debug)]
pub(crate) enum Counts {
    Dense { names: usize, cells: Vec<u64> },
    Sparse(HashMap<(u32, u32), u64, BuildHasherDefault<Fnv>>),
}

impl Counts {
    pub(crate) fn new(periods: usize, names: usize) -> Self {
        match periods.checked_mul(names) {
            Some(cells) if cells <= DENSE_LIMIT => Counts::Dense {
                names,
                cells: vec![0; cells],
            },
            _ => Counts::Sparse(HashMap::default()),
        }
    }

    #[inline]
    pub(crate) fn add(&mut self, period: usize, name: u32) {
        match self {
            Counts::Dense { names, cells } => {
                if let Some(c) = cells.get_mut(period * *names + name as usize) {
                    *c += 1;
                }
            }
            Counts::Sparse(map) => *map.entry((period as u32, name)).or_insert(0) += 1,
        }
    }

    /// The non-zero counts of each period, by name index.
    pub(crate) fn rows(self, periods: usize) -> Vec<Vec<(u32, u64)>> {
        match self {
            Counts::Dense { names, cells } => {
                if names == 0 {
                    return vec![Vec::new(); periods];
                }
                cells
                    .chunks(names)
                    .map(|row| {
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
                    if let Some(row) = rows.get_mut(p as usize) {
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
}
