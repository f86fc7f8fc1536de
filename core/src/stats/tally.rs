//! The running counts of a report, fed a ledger at a time: the whole ledger for
//! [`Report::build`], or chunk after chunk of a table read in slices into one small reused
//! ledger, so that a million rows are counted without a million-row ledger ever being written.
//!
//! Every figure is a count, a sum or a set of handling times, so counting the chunks one after
//! the other gives the figures of counting them together. The counts are kept per period
//! (absolute period index, from the first period seen to the last) and grow as periods and
//! names turn up; the report's range is only known at the end (it is every period from the
//! first to the last in which a record was received, unless the options fix it), so the
//! figures outside it are dropped then. Periods before a fixed `from` only add to the counts
//! the range starts from (received before, closed before); periods after a fixed `to` are
//! not counted.

use std::collections::BTreeMap;

use super::counts::{Counts, SKIP};
use super::day_periods::DayPeriods;
use super::growth::{Growth, trends};
use super::intern::Interner;
use super::ledger::{Ledger, NONE, OPEN};
use super::percentile::HandlingHours;
use super::period::{Granularity, Period};
use super::report::{Change, Overview, PeriodStats, Report, ReportOptions, handling_histogram};
use super::timestamp::Epoch;

const _: () = assert!(NONE == SKIP, "a missing name is a skipped one");

/// A closing that is not counted: an open case, or one received after a fixed `to`.
const UNCOUNTED: i32 = i32::MAX;

/// The running counts of one report.
#[derive(Debug)]
pub(crate) struct Tally {
    granularity: Granularity,
    /// The options' fixed ends (the extreme periods when not fixed).
    from: i32,
    to: Option<i32>,
    from_fixed: Option<i32>,
    /// The period of slot 0 of the per-period counts below.
    base: i32,
    total: Vec<u64>,
    closed: Vec<u64>,
    answered: Vec<u64>,
    satisfied: Vec<u64>,
    /// Handling times in seconds of the cases closed in each period.
    durations: Vec<Vec<i64>>,
    by_category: Counts,
    by_department: Counts,
    by_channel: Counts,
    by_severity: Counts,
    /// Before a fixed `from`: records received, received in the period just before it, and
    /// cases closed.
    received_before: u64,
    received_just_before: u64,
    closed_before: u64,
    /// The first and last period any record was received in.
    received_range: Option<(i32, i32)>,
    /// Per chunk: the received period of each row, its slot in the per-period counts, and
    /// its closing period.
    received: Vec<i32>,
    slots: Vec<u32>,
    closing: Vec<i32>,
}

impl Tally {
    /// Counts for a report with these options (already checked).
    pub(crate) fn new(options: &ReportOptions) -> Self {
        Tally {
            granularity: options.granularity,
            from: options.from.map_or(i32::MIN, Period::index),
            to: options.to.map(Period::index),
            from_fixed: options.from.map(Period::index),
            base: 0,
            total: Vec::new(),
            closed: Vec::new(),
            answered: Vec::new(),
            satisfied: Vec::new(),
            durations: Vec::new(),
            by_category: Counts::new(0, 0),
            by_department: Counts::new(0, 0),
            by_channel: Counts::new(0, 0),
            by_severity: Counts::new(0, 0),
            received_before: 0,
            received_just_before: 0,
            closed_before: 0,
            received_range: None,
            received: Vec::new(),
            slots: Vec::new(),
            closing: Vec::new(),
        }
    }

    /// The period range the report covers, from its options and the records counted; none
    /// when neither says anything.
    pub(crate) fn range(&self) -> Option<(i32, i32)> {
        let data = self.received_range;
        Some(match (self.from_fixed, self.to, data) {
            (Some(f), Some(t), _) => (f, t),
            (Some(f), None, Some((_, max))) => (f, max.max(f)),
            (None, Some(t), Some((min, _))) => (min.min(t), t),
            (None, None, Some(range)) => range,
            (Some(f), None, None) => (f, f),
            (None, Some(t), None) => (t, t),
            (None, None, None) => return None,
        })
    }

    /// Counts `rows` (a whole ledger's, or the chunk just read), whose instants `days` turns
    /// into periods.
    pub(crate) fn add(&mut self, rows: &Rows<'_>, days: &DayPeriods) {
        let to = self.to.unwrap_or(i32::MAX - 1);
        let from = self.from;
        self.received.clear();
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        self.received.extend(rows.received.iter().map(|&at| {
            let p = days.period(at);
            lo = lo.min(p);
            hi = hi.max(p);
            p
        }));
        if lo > hi {
            return;
        }
        self.received_range = Some(match self.received_range {
            Some((a, b)) => (a.min(lo), b.max(hi)),
            None => (lo, hi),
        });
        // The periods counted per period: received ones inside the fixed ends, and closings.
        let (mut need_lo, mut need_hi) = (lo.max(from), hi.min(to));
        self.closing.clear();
        self.closing
            .extend(rows.closed.iter().zip(&self.received).map(|(&at, &p)| {
                let c = if at == OPEN || p > to {
                    UNCOUNTED
                } else {
                    days.period(at)
                };
                if c >= from && c <= to {
                    need_lo = need_lo.min(c);
                    need_hi = need_hi.max(c);
                }
                c
            }));
        if need_lo <= need_hi {
            self.make_room(need_lo, need_hi, rows.tables);
        }
        self.count_received(rows, from, to);
        self.count_closed(rows, from, to);
    }

    /// Widens the per-period counts to cover `lo..=hi` and `tables` names in each name table.
    fn make_room(&mut self, lo: i32, hi: i32, tables: [usize; 4]) {
        let (new_lo, new_hi) = if self.total.is_empty() {
            (lo, hi)
        } else {
            let last = self.base + self.total.len() as i32 - 1;
            (lo.min(self.base), hi.max(last))
        };
        let shift = if self.total.is_empty() {
            0
        } else {
            (self.base - new_lo) as usize
        };
        let periods = (i64::from(new_hi) - i64::from(new_lo) + 1) as usize;
        fn widen<T: Clone + Default>(v: &mut Vec<T>, shift: usize, periods: usize) {
            if shift > 0 {
                v.splice(0..0, std::iter::repeat_n(T::default(), shift));
            }
            v.resize(periods, T::default());
        }
        widen(&mut self.total, shift, periods);
        widen(&mut self.closed, shift, periods);
        widen(&mut self.answered, shift, periods);
        widen(&mut self.satisfied, shift, periods);
        widen(&mut self.durations, shift, periods);
        self.base = new_lo;
        let counts = [
            &mut self.by_category,
            &mut self.by_department,
            &mut self.by_channel,
            &mut self.by_severity,
        ];
        for (counts, names) in counts.into_iter().zip(tables) {
            counts.grow(shift, periods, names);
        }
    }

    fn count_received(&mut self, rows: &Rows<'_>, from: i32, to: i32) {
        let base = self.base;
        // The slot of each row received in the counted periods; the name counts then go a
        // column at a time.
        self.slots.clear();
        if from == i32::MIN {
            // No fixed start (the usual report): nothing is received before the range.
            let total = &mut self.total;
            self.slots.extend(self.received.iter().map(|&p| {
                if p > to {
                    return SKIP;
                }
                let k = (p - base) as u32;
                if let Some(t) = total.get_mut(k as usize) {
                    *t += 1;
                }
                k
            }));
        } else {
            let just_before = from.saturating_sub(1);
            for &p in &self.received {
                let slot = if p < from {
                    self.received_before += 1;
                    self.received_just_before += u64::from(p == just_before);
                    SKIP
                } else if p <= to {
                    let k = (p - base) as u32;
                    if let Some(t) = self.total.get_mut(k as usize) {
                        *t += 1;
                    }
                    k
                } else {
                    SKIP
                };
                self.slots.push(slot);
            }
        }
        let slots = &self.slots;
        let [category, department, channel, severity] = rows.names;
        self.by_category.add_column(slots, category);
        self.by_department.add_column(slots, department);
        self.by_channel.add_column(slots, channel);
        self.by_severity.add_column(slots, severity);
    }

    fn count_closed(&mut self, rows: &Rows<'_>, from: i32, to: i32) {
        let base = self.base;
        let counted = self
            .closing
            .iter()
            .zip(rows.closed.iter().zip(rows.received))
            .zip(rows.satisfied);
        for ((&c, (&closed, &received)), &answer) in counted {
            if c == UNCOUNTED || c > to {
                continue;
            }
            if c < from {
                self.closed_before += 1;
                continue;
            }
            let k = (c - base) as usize;
            if let (Some(n), Some(a), Some(s), Some(d)) = (
                self.closed.get_mut(k),
                self.answered.get_mut(k),
                self.satisfied.get_mut(k),
                self.durations.get_mut(k),
            ) {
                *n += 1;
                *a += u64::from(answer > 0);
                *s += u64::from(answer == 2);
                d.push(closed - received);
            }
        }
    }

    /// The report; `ledger` holds the names (the whole ledger, or the one the chunks were
    /// read into) and the rows left out.
    pub(crate) fn finish(self, ledger: &Ledger) -> Report {
        let granularity = self.granularity;
        let Some((lo, hi)) = self.range() else {
            return Report {
                granularity,
                periods: Vec::new(),
                growth: Growth::default(),
                rejected: ledger.rejected.clone(),
                overview: Overview::default(),
            };
        };
        let first_with_data = self.received_range.map(|r| r.0);
        let periods = usize::try_from(i64::from(hi) - i64::from(lo) + 1).unwrap_or(0);
        // Slot of the range's first period in the per-period counts (negative: before them).
        let first = i64::from(lo) - i64::from(self.base);
        let slot = |k: usize| usize::try_from(first + k as i64).ok();
        let at = |v: &[u64], k: usize| slot(k).and_then(|s| v.get(s)).copied().unwrap_or(0);
        let before = |v: &[u64]| -> u64 {
            let end = usize::try_from(first.clamp(0, v.len() as i64)).unwrap_or(0);
            v.get(..end).unwrap_or_default().iter().sum()
        };
        let received_before = self.received_before + before(&self.total);
        let received_just_before = self.received_just_before
            + usize::try_from(first - 1)
                .ok()
                .and_then(|s| self.total.get(s))
                .copied()
                .unwrap_or(0);
        let closed_before = self.closed_before + before(&self.closed);

        let by_category = self.by_category.rows_from(first, periods);
        let by_department = self.by_department.rows_from(first, periods);
        let by_channel = self.by_channel.rows_from(first, periods);
        let by_severity = self.by_severity.rows_from(first, periods);
        let mut durations = self.durations;
        let in_range = match (
            usize::try_from(first.max(0)),
            usize::try_from(first + periods as i64),
        ) {
            (Ok(start), Ok(end)) => start.min(durations.len())..end.min(durations.len()),
            _ => 0..0,
        };
        let named = |rows: &[(u32, u64)], table: &Interner| -> BTreeMap<String, u64> {
            rows.iter()
                .map(|&(i, n)| (table.name(i).to_owned(), n))
                .collect()
        };
        let mut cumulative_received = received_before;
        let mut cumulative_closed = closed_before;
        let mut previous = received_just_before;
        let (mut sum_total, mut sum_closed, mut sum_answered, mut sum_satisfied) = (0, 0, 0, 0);
        let mut out = Vec::with_capacity(periods);
        for k in 0..periods {
            let index = lo + k as i32;
            let total = at(&self.total, k);
            let closed = at(&self.closed, k);
            let answered = at(&self.answered, k);
            let satisfied = at(&self.satisfied, k);
            sum_total += total;
            sum_closed += closed;
            sum_answered += answered;
            sum_satisfied += satisfied;
            cumulative_received += total;
            cumulative_closed += closed;
            let change = first_with_data.filter(|&f| index > f).map(|_| {
                let absolute = total as i64 - previous as i64;
                Change {
                    absolute,
                    percent: (previous > 0).then(|| absolute as f64 / previous as f64 * 100.0),
                }
            });
            previous = total;
            let handling = match slot(k).and_then(|s| durations.get_mut(s)) {
                Some(d) => HandlingHours::of_seconds(d),
                None => HandlingHours::default(),
            };
            fn row(rows: &[Vec<(u32, u64)>], k: usize) -> &[(u32, u64)] {
                rows.get(k).map(Vec::as_slice).unwrap_or_default()
            }
            out.push(PeriodStats {
                period: Period::from_index(granularity, index),
                total,
                by_category: named(row(&by_category, k), &ledger.categories),
                by_department: named(row(&by_department, k), &ledger.departments),
                by_channel: named(row(&by_channel, k), &ledger.channels),
                by_severity: named(row(&by_severity, k), &ledger.severities),
                closed,
                handling_hours: handling,
                satisfaction_rate: rate(satisfied, answered),
                open_at_end: cumulative_received.saturating_sub(cumulative_closed),
                change,
                indicators: None,
            });
        }
        let sum_names = |rows: &[Vec<(u32, u64)>], table: &Interner| {
            let mut sums = BTreeMap::new();
            for &(i, n) in rows.iter().flatten() {
                *sums.entry(table.name(i).to_owned()).or_insert(0) += n;
            }
            sums
        };
        let parts: Vec<&[i64]> = durations
            .get(in_range)
            .unwrap_or_default()
            .iter()
            .map(Vec::as_slice)
            .collect();
        let overview = Overview {
            total: sum_total,
            by_category: sum_names(&by_category, &ledger.categories),
            by_department: sum_names(&by_department, &ledger.departments),
            by_channel: sum_names(&by_channel, &ledger.channels),
            by_severity: sum_names(&by_severity, &ledger.severities),
            closed: sum_closed,
            handling_hours: HandlingHours::of_parts(&parts),
            handling_histogram: handling_histogram(&parts),
            satisfaction_rate: rate(sum_satisfied, sum_answered),
            indicators: None,
        };
        let growth = Growth {
            categories: trends(&by_category, |i| ledger.categories.name(i).to_owned()),
            departments: trends(&by_department, |i| ledger.departments.name(i).to_owned()),
        };
        Report {
            granularity,
            periods: out,
            growth,
            rejected: ledger.rejected.clone(),
            overview,
        }
    }
}

/// The columns of the rows to count: a whole ledger's, or a chunk's of a table read in slices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rows<'a> {
    pub(crate) received: &'a [Epoch],
    /// [`OPEN`] for an open case.
    pub(crate) closed: &'a [Epoch],
    /// 0 unanswered, 1 not satisfied, 2 satisfied.
    pub(crate) satisfied: &'a [u8],
    /// Category, department, channel and severity: interned indices, [`NONE`] when absent.
    pub(crate) names: [&'a [u32]; 4],
    /// How many names each of the four tables holds.
    pub(crate) tables: [usize; 4],
}

impl Ledger {
    /// The ledger's columns to count.
    pub(crate) fn rows(&self) -> Rows<'_> {
        Rows {
            received: &self.received,
            closed: &self.closed,
            satisfied: &self.satisfied,
            names: [
                &self.category,
                &self.department,
                &self.channel,
                &self.severity,
            ],
            tables: [
                self.categories.len(),
                self.departments.len(),
                self.channels.len(),
                self.severities.len(),
            ],
        }
    }
}

/// The received instants and closings of rows, for the bounds of [`DayPeriods::new`]: an
/// open case's closing stands in as the first received instant (inside the bounds either way),
/// so that the bounds are a loop without a branch.
pub(crate) fn instants<'a>(rows: &Rows<'a>) -> impl Iterator<Item = Epoch> + 'a {
    let stand_in = rows.received.first().copied().unwrap_or(OPEN);
    let closed = rows
        .closed
        .iter()
        .map(move |&at| if at == OPEN { stand_in } else { at });
    rows.received.iter().copied().chain(closed)
}

fn rate(satisfied: u64, answered: u64) -> Option<f64> {
    (answered > 0).then(|| satisfied as f64 / answered as f64)
}
