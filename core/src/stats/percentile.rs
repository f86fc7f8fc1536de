//! Handling-time figures: mean, median and 90th percentile, as numpy computes them.

use serde::Serialize;

const SECONDS_PER_HOUR: f64 = 3600.0;

/// Handling time in hours of the cases closed in a period (received to closed).
///
/// Percentiles interpolate linearly between the two nearest ranks, numpy's default
/// (`numpy.percentile(x, 90)`, pandas' `quantile(0.9)`). All are null when no case closed.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct HandlingHours {
    /// The mean.
    pub mean: Option<f64>,
    /// The median (50th percentile).
    pub median: Option<f64>,
    /// The 90th percentile.
    pub p90: Option<f64>,
}

impl HandlingHours {
    /// The figures of handling times in seconds (reordered in place).
    pub(crate) fn of_seconds(durations: &mut [i64]) -> Self {
        if durations.is_empty() {
            return HandlingHours::default();
        }
        let sum: i128 = durations.iter().map(|&d| i128::from(d)).sum();
        let mean = sum as f64 / durations.len() as f64 / SECONDS_PER_HOUR;
        HandlingHours {
            mean: Some(mean),
            median: Some(quantile(durations, 0.5) / SECONDS_PER_HOUR),
            p90: Some(quantile(durations, 0.9) / SECONDS_PER_HOUR),
        }
    }
}

/// The `q` quantile (0–1) of a non-empty slice, linear interpolation (numpy's "linear").
/// Selection, not sorting: O(n).
pub(crate) fn quantile(values: &mut [i64], q: f64) -> f64 {
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    let position = q * (n - 1) as f64;
    let below = (position.floor() as usize).min(n - 1);
    let t = position - below as f64;
    let (_, &mut a, above) = values.select_nth_unstable(below);
    let a = a as f64;
    let b = above.iter().min().map_or(a, |&b| b as f64);
    // numpy's lerp: from the nearer end, so that t = 1 gives b exactly.
    if t >= 0.5 {
        b - (b - a) * (1.0 - t)
    } else {
        a + (b - a) * t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_numpy_linear() {
        // numpy.percentile([1, 2, 3, 4], [50, 90]) == [2.5, 3.7]
        let mut v = vec![4, 1, 3, 2];
        assert_eq!(quantile(&mut v, 0.5), 2.5);
        assert!((quantile(&mut v, 0.9) - 3.7).abs() < 1e-12);
        let mut one = vec![7];
        assert_eq!(quantile(&mut one, 0.9), 7.0);
        // numpy.percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 1000], 90) == 100.0
        let mut v: Vec<i64> = (1..=10).map(|i| i * 10).chain([1000]).collect();
        assert!((quantile(&mut v, 0.9) - 100.0).abs() < 1e-9);
    }

    #[test]
    fn hours_of_seconds() {
        let mut v = vec![3600, 7200, 36_000];
        let h = HandlingHours::of_seconds(&mut v);
        assert!((h.mean.unwrap() - 13.0 / 3.0).abs() < 1e-12);
        assert_eq!(h.median, Some(2.0));
        assert!((h.p90.unwrap() - 8.4).abs() < 1e-12);
        assert_eq!(HandlingHours::of_seconds(&mut []), HandlingHours::default());
    }
}
