//! Ordinal tables: O(1) working-day arithmetic over any date.
//!
//! `W(d)` is the number of working days from the proleptic epoch up to and including `d`.
//! Inside the table span it comes from a prefix sum; outside, from the Monday–Friday formula
//! (or, for a calendar that works every day, from the day number itself), joined continuously
//! at both ends. Then `working_days_between(a, b) = W(b) - W(a)` and
//! `add_working_days` is the inverse of `W`, both O(1).

use chrono::{Datelike, NaiveDate};

/// Days since 0001-01-01 counted from 1 (a Monday): weekday = (n - 1) mod 7, 0 = Monday.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

pub(crate) fn from_day_number(n: i64) -> Option<NaiveDate> {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// Monday–Friday days in [epoch, n].
#[inline(always)]
fn weekday_count(n: i64) -> i64 {
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

/// The smallest day number whose weekday count is `t`.
#[inline(always)]
fn weekday_inverse(t: i64) -> i64 {
    let t = t - 1;
    7 * t.div_euclid(5) + t.rem_euclid(5) + 1
}

#[inline(always)]
pub(crate) fn is_weekday(n: i64) -> bool {
    (n - 1).rem_euclid(7) < 5
}

/// The working days of a contiguous span of days, as prefix sums.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    /// Whether every day outside the span is worked (a round-the-clock calendar); else
    /// Monday–Friday.
    every_day: bool,
    /// Day number of the first day of the span.
    first: i64,
    /// `cum[i]`: working days in [first, first + i].
    cum: Vec<u32>,
    /// `nth[k]`: offset from `first` of the (k+1)-th working day of the span.
    nth: Vec<u32>,
    /// `W(first - 1)`.
    before: i64,
}

impl Table {
    /// A table over consecutive days starting at day number `first`, `working[i]` for the
    /// i-th day.
    pub(crate) fn build(first: i64, working: &[bool], every_day: bool) -> Table {
        let mut cum = Vec::with_capacity(working.len());
        let mut nth = Vec::with_capacity(working.len());
        let mut count = 0u32;
        for (i, &w) in (0u32..).zip(working) {
            if w {
                nth.push(i);
                count += 1;
            }
            cum.push(count);
        }
        let mut table = Table {
            every_day,
            first,
            cum,
            nth,
            before: 0,
        };
        table.before = table.outside_count(first - 1);
        table
    }

    /// A table without a span: Monday–Friday, or every day, everywhere.
    pub(crate) fn uniform(every_day: bool) -> Table {
        Table {
            every_day,
            ..Table::default()
        }
    }

    /// Working days in [epoch, n] by the rule outside the span.
    #[inline(always)]
    fn outside_count(&self, n: i64) -> i64 {
        if self.every_day { n } else { weekday_count(n) }
    }

    /// The smallest day number whose count by the rule outside the span is `t`.
    #[inline(always)]
    fn outside_inverse(&self, t: i64) -> i64 {
        if self.every_day {
            t
        } else {
            weekday_inverse(t)
        }
    }

    #[inline(always)]
    fn last(&self) -> i64 {
        self.first + self.cum.len() as i64 - 1
    }

    #[inline(always)]
    fn total(&self) -> i64 {
        self.cum.last().map_or(0, |&c| i64::from(c))
    }

    #[inline(always)]
    fn index(&self, n: i64) -> Option<usize> {
        if n >= self.first && n <= self.last() {
            Some((n - self.first) as usize)
        } else {
            None
        }
    }

    /// Whether day `n` is a working day according to the table (Monday–Friday outside it).
    #[inline(always)]
    pub(crate) fn is_working(&self, n: i64) -> bool {
        match self.index(n) {
            Some(0) => self.cum[0] == 1,
            Some(i) => self.cum[i] != self.cum[i - 1],
            None => self.every_day || is_weekday(n),
        }
    }

    /// `W(n)`.
    #[inline(always)]
    pub(crate) fn count(&self, n: i64) -> i64 {
        if self.cum.is_empty() || n < self.first {
            self.outside_count(n)
        } else if let Some(i) = self.index(n) {
            self.before + i64::from(self.cum[i])
        } else {
            self.before + self.total() + self.outside_count(n) - self.outside_count(self.last())
        }
    }

    /// The smallest day number `n` with `W(n) == t`; always a working day.
    #[inline(always)]
    pub(crate) fn inverse(&self, t: i64) -> i64 {
        if self.cum.is_empty() || t <= self.before {
            return self.outside_inverse(t);
        }
        let k = t - self.before;
        if k <= self.total() {
            return self.first + i64::from(self.nth[(k - 1) as usize]);
        }
        let beyond = k - self.total();
        self.outside_inverse(self.outside_count(self.last()) + beyond)
    }

    /// The `k`-th working day after day `n` (k ≥ 1), the `-k`-th before it (k ≤ -1), or `n`
    /// itself or the next working day (k = 0).
    #[inline(always)]
    pub(crate) fn add(&self, n: i64, k: i64) -> i64 {
        if k >= 0 {
            let k = if k == 0 && self.is_working(n) {
                0
            } else {
                k.max(1)
            };
            if k == 0 {
                return n;
            }
            self.inverse(self.count(n) + k)
        } else {
            self.inverse(self.count(n - 1) + k + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk_add(t: &Table, n: i64, k: i64) -> i64 {
        let mut d = n;
        if k == 0 {
            while !t.is_working(d) {
                d += 1;
            }
            return d;
        }
        let step = k.signum();
        let mut left = k.abs();
        while left > 0 {
            d += step;
            if t.is_working(d) {
                left -= 1;
            }
        }
        d
    }

    #[test]
    fn weekday_formulas_agree_with_walking() {
        let mut count = weekday_count(100);
        for n in 101..1000 {
            if is_weekday(n) {
                count += 1;
            }
            assert_eq!(weekday_count(n), count);
            if is_weekday(n) {
                assert_eq!(weekday_inverse(count), n);
            }
        }
    }

    #[test]
    fn table_agrees_with_walking_across_both_edges() {
        // A span with some odd days: weekends worked, weekdays off.
        let flags: Vec<bool> = (1000..1060)
            .map(|n| (is_weekday(n) && n % 11 != 0) || n % 13 == 0)
            .collect();
        for every_day in [false, true] {
            let table = Table::build(1000, &flags, every_day);
            for n in 950..1100 {
                for k in -40..40 {
                    assert_eq!(table.add(n, k), walk_add(&table, n, k), "n={n} k={k}");
                }
                assert_eq!(
                    table.count(n) - table.count(n - 1),
                    i64::from(table.is_working(n))
                );
            }
            assert_eq!(table.is_working(900), every_day || is_weekday(900));
        }
    }

    #[test]
    fn a_uniform_table_works_every_day_or_monday_to_friday() {
        for every_day in [false, true] {
            let table = Table::uniform(every_day);
            for n in 990..1030 {
                for k in -15..15 {
                    assert_eq!(table.add(n, k), walk_add(&table, n, k), "n={n} k={k}");
                }
            }
        }
        assert_eq!(Table::uniform(true).add(1000, 3), 1003);
    }
}
