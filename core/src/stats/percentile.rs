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
        let [median, p90] = quantiles(durations, [0.5, 0.9]);
        HandlingHours {
            mean: Some(mean),
            median: Some(median / SECONDS_PER_HOUR),
            p90: Some(p90 / SECONDS_PER_HOUR),
        }
    }
}

/// Below this many values, [`HandlingHours::of_many_seconds`] selects on a copy.
const FEW: usize = 4096;

impl HandlingHours {
    /// The figures of many handling times, leaving them in place: the same numbers as
    /// [`HandlingHours::of_seconds`], found with a histogram of the values' high bits (two
    /// sequential passes) instead of selections that reorder a million values twice.
    #[cfg(test)]
    pub(crate) fn of_many_seconds(durations: &[i64]) -> Self {
        Self::of_parts(&[durations])
    }

    /// [`HandlingHours::of_many_seconds`] of the values of several slices together (a
    /// report's handling times, one slice per period), without copying them into one.
    pub(crate) fn of_parts(parts: &[&[i64]]) -> Self {
        let n: usize = parts.iter().map(|p| p.len()).sum();
        if n < FEW {
            return Self::of_seconds(&mut parts.concat());
        }
        let (mut lo, mut hi, mut sum) = (i64::MAX, i64::MIN, 0i128);
        // A loop per part (the compiler vectorises the bounds), the sum of each part in 128
        // bits as the values come.
        for part in parts {
            for &d in *part {
                lo = lo.min(d);
                hi = hi.max(d);
            }
            sum += part.iter().map(|&d| i128::from(d)).sum::<i128>();
        }
        let span = hi.abs_diff(lo);
        let shift = (64 - span.leading_zeros()).saturating_sub(16);
        let bucket = |d: i64| (d.abs_diff(lo) >> shift) as usize;
        let mut counts = vec![0u32; bucket(hi) + 1];
        for part in parts {
            for &d in *part {
                if let Some(c) = counts.get_mut(bucket(d)) {
                    *c += 1;
                }
            }
        }
        // The ranks numpy's linear interpolation reads for the median and the 90th percentile.
        let position = |q: f64| q * (n - 1) as f64;
        let below = |q: f64| (position(q).floor() as usize).min(n - 1);
        let ranks = [
            below(0.5),
            (below(0.5) + 1).min(n - 1),
            below(0.9),
            (below(0.9) + 1).min(n - 1),
        ];
        // The bucket of each rank and the rank within it.
        let mut located = [(0usize, 0usize); 4];
        for (slot, &rank) in located.iter_mut().zip(&ranks) {
            let mut before = 0usize;
            for (b, &c) in counts.iter().enumerate() {
                if before + c as usize > rank {
                    *slot = (b, rank - before);
                    break;
                }
                before += c as usize;
            }
        }
        let mut members: Vec<(usize, Vec<i64>)> = Vec::with_capacity(4);
        for &(b, _) in &located {
            if !members.iter().any(|(m, _)| *m == b) {
                members.push((
                    b,
                    Vec::with_capacity(counts.get(b).map_or(0, |&c| c as usize)),
                ));
            }
        }
        // The member list of each bucket, looked up instead of searched: most values fall in
        // no member's bucket and are passed over with one load.
        let mut member_of = vec![u8::MAX; counts.len()];
        for (m, (b, _)) in (0u8..).zip(&members) {
            if let Some(slot) = member_of.get_mut(*b) {
                *slot = m;
            }
        }
        for part in parts {
            for &d in *part {
                let m = member_of.get(bucket(d)).copied().unwrap_or(u8::MAX);
                if let Some((_, values)) = members.get_mut(usize::from(m)) {
                    values.push(d);
                }
            }
        }
        let mut at = |(b, offset): (usize, usize)| -> f64 {
            members
                .iter_mut()
                .find(|(m, _)| *m == b)
                .and_then(|(_, values)| {
                    (offset < values.len()).then(|| *values.select_nth_unstable(offset).1 as f64)
                })
                .unwrap_or(f64::NAN)
        };
        let [m0, m1, p0, p1] = located.map(&mut at);
        let figure = |q: f64, a: f64, b: f64| lerp(a, b, position(q) - below(q) as f64);
        HandlingHours {
            mean: Some(sum as f64 / n as f64 / SECONDS_PER_HOUR),
            median: Some(figure(0.5, m0, m1) / SECONDS_PER_HOUR),
            p90: Some(figure(0.9, p0, p1) / SECONDS_PER_HOUR),
        }
    }
}

/// numpy's lerp: from the nearer end, so that t = 1 gives b exactly.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    if t >= 0.5 {
        b - (b - a) * (1.0 - t)
    } else {
        a + (b - a) * t
    }
}

/// Quantiles (each 0–1) of a non-empty slice, linear interpolation (numpy's "linear"); NaN
/// for an empty one. Selection, not sorting: O(n) each, and each quantile after a lower one is
/// selected among the values above that one's rank, so the 90th percentile after the median
/// reorders half the values, not all of them.
pub(crate) fn quantiles<const N: usize>(values: &mut [i64], qs: [f64; N]) -> [f64; N] {
    let n = values.len();
    let mut out = [f64::NAN; N];
    if n == 0 {
        return out;
    }
    // `values[start..]` holds the values of ranks `start..`, in some order.
    let mut start = 0usize;
    for (slot, q) in out.iter_mut().zip(qs) {
        let position = q * (n - 1) as f64;
        let below = (position.floor() as usize).min(n - 1);
        let t = position - below as f64;
        if below < start {
            // Not ascending: select on the whole slice.
            start = 0;
        }
        let rest = values.get_mut(start..).unwrap_or_default();
        let (_, &mut a, above) = rest.select_nth_unstable(below - start);
        let a = a as f64;
        // t = 0 gives `a` exactly whatever the next value: it need not be found.
        let b = if t == 0.0 {
            a
        } else {
            above.iter().min().map_or(a, |&b| b as f64)
        };
        *slot = lerp(a, b, t);
        start = below;
    }
    out
}

/// The `q` quantile (0–1) of a slice, as [`quantiles`] gives it (the tests' one-at-a-time
/// reference).
#[cfg(test)]
fn quantile(values: &mut [i64], q: f64) -> f64 {
    let [value] = quantiles(values, [q]);
    value
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
    fn the_histogram_finds_what_selection_finds() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for (n, range) in [
            (5_000, 10),
            (20_001, 3_000_000),
            (100_000, 1 << 40),
            (4_097, 1),
        ] {
            let values: Vec<i64> = (0..n).map(|_| (next() % range) as i64).collect();
            let expected = HandlingHours::of_seconds(&mut values.clone());
            assert_eq!(
                HandlingHours::of_many_seconds(&values),
                expected,
                "{n} {range}"
            );
        }
        let few = [7, 1, 3];
        assert_eq!(
            HandlingHours::of_many_seconds(&few),
            HandlingHours::of_seconds(&mut few.to_vec())
        );
    }

    #[test]
    fn quantiles_together_equal_quantiles_one_by_one() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for n in (1..200).chain([1_000, 8_333, 8_334]) {
            let values: Vec<i64> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % 5_000) as i64
                })
                .collect();
            let one = |q: f64| quantile(&mut values.clone(), q);
            let both = quantiles(&mut values.clone(), [0.5, 0.9]);
            assert_eq!(
                both.map(f64::to_bits),
                [one(0.5), one(0.9)].map(f64::to_bits),
                "{n}"
            );
            let back = quantiles(&mut values.clone(), [0.9, 0.5]);
            assert_eq!(
                back.map(f64::to_bits),
                [one(0.9), one(0.5)].map(f64::to_bits),
                "{n}"
            );
        }
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
