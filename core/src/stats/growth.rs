//! Which categories and departments grow fastest over a report's range (§7.2: patterns).
//!
//! Growth is the least-squares slope of a name's count per period against the period's
//! position (0, 1, 2, …) over every period of the report: complaints gained per period, robust
//! to one unusual month where "last against first" is not. `percent` relates the slope to the
//! name's average per period. Lists are ordered by slope, steepest first (ties by name), and
//! are empty when the report has fewer than two periods.

use serde::Serialize;

/// The trend of one category or department.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Trend {
    /// The category or department.
    pub name: String,
    /// Its complaints over the report's range.
    pub total: u64,
    /// Least-squares slope: complaints gained (negative: lost) per period.
    pub slope: f64,
    /// The slope as a percentage of its average per period (12.5 means +12.5 % per period).
    pub percent: f64,
}

/// Growth over the report's range, steepest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct Growth {
    /// Categories.
    pub categories: Vec<Trend>,
    /// Departments.
    pub departments: Vec<Trend>,
}

/// Trends of the names counted in `rows` (one row per period: `(name index, count)`).
pub(crate) fn trends(rows: &[Vec<(u32, u64)>], name: impl Fn(u32) -> String) -> Vec<Trend> {
    let periods = rows.len() as i128;
    if periods < 2 {
        return Vec::new();
    }
    // Per name: Σ count and Σ position·count, exact in integers.
    let mut sums: std::collections::BTreeMap<u32, (i128, i128)> = Default::default();
    for (k, row) in (0i128..).zip(rows) {
        for &(i, n) in row {
            let e = sums.entry(i).or_default();
            e.0 += i128::from(n);
            e.1 += k * i128::from(n);
        }
    }
    let sum_k = periods * (periods - 1) / 2;
    let denominator = periods * periods * (periods * periods - 1) / 12;
    let mut trends: Vec<(i128, Trend)> = sums
        .into_iter()
        .map(|(i, (total, weighted))| {
            let numerator = periods * weighted - sum_k * total;
            let slope = numerator as f64 / denominator as f64;
            let trend = Trend {
                name: name(i),
                total: total as u64,
                slope,
                percent: slope * periods as f64 / total as f64 * 100.0,
            };
            (numerator, trend)
        })
        .collect();
    trends.sort_by(|(a, ta), (b, tb)| b.cmp(a).then_with(|| ta.name.cmp(&tb.name)));
    trends.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_slope() {
        // a: 1, 2, 3 → slope 1, mean 2 → 50 %; b: 3, 3, 0 → slope -1.5.
        let rows = vec![vec![(0, 1), (1, 3)], vec![(0, 2), (1, 3)], vec![(0, 3)]];
        let t = trends(&rows, |i| ["a", "b"][i as usize].to_owned());
        assert_eq!(t[0].name, "a");
        assert_eq!(t[0].slope, 1.0);
        assert_eq!(t[0].percent, 50.0);
        assert_eq!(t[0].total, 6);
        assert_eq!(t[1].slope, -1.5);
        assert!(trends(&rows[..1], |_| String::new()).is_empty());
    }
}
