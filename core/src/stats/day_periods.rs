//! The report period of an instant, fast: a table of the period of every office day the
//! ledger touches, so a million instants cost a division and a lookup each.

use super::period::Granularity;
use super::timestamp::{Epoch, days_from_civil, month_index_of_day};

const SECONDS_PER_DAY: i64 = 86_400;

/// Periods of office days, from the first day any instant falls on to the last.
#[derive(Debug)]
pub(crate) struct DayPeriods {
    granularity: Granularity,
    office: i64,
    first_day: i64,
    /// The instant the table's first day starts at (office midnight), so that an instant's
    /// day in the table is an unsigned division by a constant.
    origin: Epoch,
    periods: Vec<i32>,
}

impl DayPeriods {
    /// A table covering `instants`, in the office offset (seconds east of UTC). A table pays
    /// when there are several instants a day; sparse ledgers compute each period instead.
    pub(crate) fn new(
        granularity: Granularity,
        office: i32,
        instants: impl Iterator<Item = Epoch>,
        count: usize,
    ) -> Self {
        let office = i64::from(office);
        let day = |at: Epoch| (at + office).div_euclid(SECONDS_PER_DAY);
        // Plain bounds and a count, not an `Option` carried through the fold: a loop the
        // compiler vectorises.
        let (lo, hi, n) = instants.fold((Epoch::MAX, Epoch::MIN, 0usize), |(lo, hi, n), at| {
            (lo.min(at), hi.max(at), n + 1)
        });
        let bounds = (n > 0).then_some((lo, hi));
        let first = bounds.map(|b| day(b.0));
        let last = bounds.map(|b| day(b.1));
        let mut table = DayPeriods {
            granularity,
            office,
            first_day: first.unwrap_or(0),
            origin: 0,
            periods: Vec::new(),
        };
        let origin = first
            .and_then(|f| f.checked_mul(SECONDS_PER_DAY))
            .and_then(|o| o.checked_sub(office));
        let (Some(first), Some(last), Some(origin)) = (first, last, origin) else {
            return table;
        };
        table.origin = origin;
        let span = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
        if span > count.saturating_mul(4) {
            return table;
        }
        table.periods.reserve(span);
        let mut month = month_index_of_day(first);
        let mut next = month_start(month + 1);
        for d in first..=last {
            while d >= next {
                month += 1;
                next = month_start(month + 1);
            }
            table.periods.push(granularity.index_of_month(month));
        }
        table
    }

    /// The period index of an instant.
    #[inline]
    pub(crate) fn period(&self, at: Epoch) -> i32 {
        // In the table: seconds since its origin, never negative, so the day is a plain
        // division (a multiplication) and one bounds check.
        if let Some(&p) = at
            .checked_sub(self.origin)
            .and_then(|since| u64::try_from(since).ok())
            .and_then(|since| self.periods.get((since / SECONDS_PER_DAY as u64) as usize))
        {
            return p;
        }
        self.period_outside(at)
    }

    #[cold]
    fn period_outside(&self, at: Epoch) -> i32 {
        let day = (at + self.office).div_euclid(SECONDS_PER_DAY);
        usize::try_from(day - self.first_day)
            .ok()
            .and_then(|i| self.periods.get(i))
            .copied()
            .unwrap_or_else(|| self.granularity.index_of_month(month_index_of_day(day)))
    }
}

fn month_start(month_index: i32) -> i64 {
    let year = i64::from(month_index.div_euclid(12));
    let month = i64::from(month_index.rem_euclid(12)) + 1;
    days_from_civil(year, month, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_arithmetic_agree() {
        let office = 8 * 3600;
        let instants: Vec<i64> = (0..2000).map(|i| 1_700_000_000 + i * 37_003).collect();
        for g in Granularity::ALL {
            let table = DayPeriods::new(*g, office, instants.iter().copied(), instants.len());
            assert!(!table.periods.is_empty());
            let none = DayPeriods::new(*g, office, std::iter::empty(), 0);
            for &at in instants.iter().chain(&[0, -5_000_000_000, 30_000_000_000]) {
                let expected =
                    g.index_of_month(super::super::timestamp::office_month_index(at, office));
                assert_eq!(table.period(at), expected);
                assert_eq!(none.period(at), expected);
            }
        }
    }
}
