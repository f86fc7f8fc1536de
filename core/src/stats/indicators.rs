//! The office indicators of a report (ISO 10002, GB/T 17242 measure the same): on-time rate
//! per stage, overdue counts, handling time in working days, re-handling, repeat complaints,
//! outcomes and the follow-up visit's satisfaction. They come from the ledger's case columns
//! and appear in a report when the ledger has any of them
//! ([`Ledger::has_case_columns`](super::Ledger::has_case_columns)).
//!
//! What each figure means, precisely (periods in office time, as the rest of the report):
//! - `by_track`, `by_outcome`: the complaints **received** in the period, by track and by
//!   outcome (rows without one are not counted there).
//! - `on_time`: per stage (`registration`, `plan`, `feedback`, `follow_up`), the time limits
//!   that **fell due** in the period and are decided: `on_time` met before the due instant,
//!   `late` met at or after it, `overdue` not met by the ledger's "as of" instant
//!   ([`Ledger::set_as_of`](super::Ledger::set_as_of)); `due` is their sum and `rate` is
//!   `on_time / due` (null when `due` is 0). A limit due after "as of" and not yet met is not
//!   decided and not counted.
//! - `handling_working_days`: for the cases **closed** in the period, the working days from
//!   the day of receipt to the day of closing (§7.1.1 handling time; the policy's calendar,
//!   receipt day excluded, closing day included): mean, median, 90th percentile.
//! - `rehandled`, `rehandling_rate`: among the cases closed in the period whose ledger says
//!   whether they were handled again (§5.1.2), how many were, and that share.
//! - `follow_up_satisfaction_rate`: satisfied / answered at the follow-up visit (§5.2.2),
//!   among the cases closed in the period.
//! - `repeat`, `repeat_rate`: among the complaints received in the period with a complainant
//!   key, those received within the policy's `statistics.repeat_window` after the same
//!   complainant's previous complaint, and their share. The key is the host's (a keyed hash,
//!   say): statistics never see who complained.

use std::collections::BTreeMap;

use chrono::DateTime;
use serde::Serialize;

use super::case_columns::{MeasuredStage, NO_TIME, STAGES};
use super::counts::Counts;
use super::intern::Interner;
use super::ledger::{Ledger, NONE, OPEN};
use super::percentile::quantiles;
use super::timestamp::Epoch;
use crate::calendar::Calendar;
use crate::policy::Policy;

const SECONDS_PER_DAY: i64 = 86_400;

/// The time limits of one stage that fell due in a period.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct OnTime {
    /// Decided limits that fell due in the period: `on_time + late + overdue`.
    pub due: u64,
    /// Met before the due instant.
    pub on_time: u64,
    /// Met at or after the due instant.
    pub late: u64,
    /// Not met by the ledger's "as of" instant.
    pub overdue: u64,
    /// `on_time / due`; null when nothing fell due.
    pub rate: Option<f64>,
}

impl OnTime {
    fn add(&mut self, other: &OnTime) {
        self.on_time += other.on_time;
        self.late += other.late;
        self.overdue += other.overdue;
        self.finish();
    }

    fn finish(&mut self) {
        self.due = self.on_time + self.late + self.overdue;
        self.rate = (self.due > 0).then(|| self.on_time as f64 / self.due as f64);
    }
}

/// Handling time in working days (§7.1.1): mean, median and 90th percentile (numpy's linear
/// interpolation); all null when no case closed.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct HandlingDays {
    /// The mean.
    pub mean: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The 90th percentile.
    pub p90: Option<f64>,
}

impl HandlingDays {
    fn of(days: &mut [i64]) -> Self {
        if days.is_empty() {
            return HandlingDays::default();
        }
        let sum: i128 = days.iter().map(|&d| i128::from(d)).sum();
        let [median, p90] = quantiles(days, [0.5, 0.9]);
        HandlingDays {
            mean: Some(sum as f64 / days.len() as f64),
            median: Some(median),
            p90: Some(p90),
        }
    }
}

/// The office indicators of one period, or of a report's whole range (see the module
/// documentation for what each means).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct Indicators {
    /// Received, by track.
    pub by_track: BTreeMap<String, u64>,
    /// Received, by outcome.
    pub by_outcome: BTreeMap<String, u64>,
    /// Time limits that fell due, by stage (every [`MeasuredStage`]).
    pub on_time: BTreeMap<String, OnTime>,
    /// Handling time in working days of the cases closed.
    pub handling_working_days: HandlingDays,
    /// Closed cases that were handled again.
    pub rehandled: u64,
    /// `rehandled` / closed cases whose re-handling is known.
    pub rehandling_rate: Option<f64>,
    /// Satisfied / answered at the follow-up visit, among the cases closed.
    pub follow_up_satisfaction_rate: Option<f64>,
    /// Repeat complaints received.
    pub repeat: u64,
    /// `repeat` / complaints received with a complainant key.
    pub repeat_rate: Option<f64>,
}

/// Plain counts of one period, summed for the overview.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    on_time: [OnTime; STAGES],
    rehandled: u64,
    rehandling_known: u64,
    follow_up_satisfied: u64,
    follow_up_answered: u64,
    repeat: u64,
    keyed: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        for (a, b) in self.on_time.iter_mut().zip(&other.on_time) {
            a.add(b);
        }
        self.rehandled += other.rehandled;
        self.rehandling_known += other.rehandling_known;
        self.follow_up_satisfied += other.follow_up_satisfied;
        self.follow_up_answered += other.follow_up_answered;
        self.repeat += other.repeat;
        self.keyed += other.keyed;
    }
}

fn rate(n: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| n as f64 / of as f64)
}

/// The range of a report: its first period's index and how many periods it has.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Range {
    pub(crate) lo: i32,
    pub(crate) periods: usize,
}

impl Range {
    #[inline]
    fn slot(&self, p: i32) -> Option<usize> {
        usize::try_from(i64::from(p) - i64::from(self.lo))
            .ok()
            .filter(|&k| k < self.periods)
    }
}

/// The indicators of every period of `range` and of the range as a whole.
///
/// `received[i]` is row `i`'s receipt period; `period_of` gives the period of any instant.
pub(crate) fn indicators(
    ledger: &Ledger,
    range: Range,
    received: &[i32],
    period_of: impl Fn(Epoch) -> i32,
    policy: &Policy,
) -> (Vec<Indicators>, Indicators) {
    let periods = range.periods;
    let cases = &ledger.cases;
    let mut tally = vec![Tally::default(); periods];
    let mut by_track = Counts::new(periods, cases.tracks.len());
    let mut by_outcome = Counts::new(periods, cases.outcomes.len());
    let repeats = repeat_flags(ledger, policy);
    let as_of = as_of(ledger);
    // Working days of the closed cases, grouped by closing period.
    let mut closing: Vec<(usize, usize)> = Vec::new();
    for (i, &p) in received.iter().enumerate() {
        if let Some(k) = range.slot(p) {
            let track = cases.track(i);
            if track != NONE {
                by_track.add(k, track);
            }
            let outcome = cases.outcome(i);
            if outcome != NONE {
                by_outcome.add(k, outcome);
            }
            if cases.complainant(i) != NONE {
                let t = &mut tally[k];
                t.keyed += 1;
                t.repeat += u64::from(repeats.get(i).copied().unwrap_or(false));
            }
        }
        for s in 0..STAGES {
            let (due, met) = cases.limit(s, i);
            if due == NO_TIME {
                continue;
            }
            let Some(k) = range.slot(period_of(due)) else {
                continue;
            };
            let o = &mut tally[k].on_time[s];
            if met != NO_TIME && met <= as_of {
                if met < due {
                    o.on_time += 1;
                } else {
                    o.late += 1;
                }
            } else if due <= as_of {
                o.overdue += 1;
            }
        }
        let closed = ledger.closed.get(i).copied().unwrap_or(OPEN);
        if closed == OPEN {
            continue;
        }
        if let Some(k) = range.slot(period_of(closed)) {
            closing.push((k, i));
            let t = &mut tally[k];
            match cases.rehandled(i) {
                0 => {}
                v => {
                    t.rehandling_known += 1;
                    t.rehandled += u64::from(v == 2);
                }
            }
            match cases.follow_up(i) {
                0 => {}
                v => {
                    t.follow_up_answered += 1;
                    t.follow_up_satisfied += u64::from(v == 2);
                }
            }
        }
    }
    let mut days = working_days(ledger, &closing, policy.calendar());
    // Group the working days by closing period (a counting sort, as for handling hours).
    let mut offsets = vec![0usize; periods + 1];
    for &(k, _) in &closing {
        if let Some(o) = offsets.get_mut(k + 1) {
            *o += 1;
        }
    }
    for k in 0..periods {
        offsets[k + 1] += offsets[k];
    }
    let mut grouped = vec![0i64; closing.len()];
    let mut cursor = offsets.clone();
    for (&(k, _), &d) in closing.iter().zip(&days) {
        if let Some(at) = cursor.get_mut(k)
            && let Some(slot) = grouped.get_mut(*at)
        {
            *slot = d;
            *at += 1;
        }
    }
    let by_track = by_track.rows(periods);
    let by_outcome = by_outcome.rows(periods);
    let named = |rows: &[(u32, u64)], table: &Interner| -> BTreeMap<String, u64> {
        rows.iter()
            .map(|&(i, n)| (table.name(i).to_owned(), n))
            .collect()
    };
    let mut total = Tally::default();
    let mut out = Vec::with_capacity(periods);
    for (k, t) in tally.iter_mut().enumerate() {
        for o in &mut t.on_time {
            o.finish();
        }
        total.add(t);
        let slice = match (offsets.get(k), offsets.get(k + 1)) {
            (Some(&a), Some(&b)) => grouped.get_mut(a..b).unwrap_or_default(),
            _ => &mut [],
        };
        out.push(figures(
            t,
            named(
                by_track.get(k).map_or(&[][..], Vec::as_slice),
                &cases.tracks,
            ),
            named(
                by_outcome.get(k).map_or(&[][..], Vec::as_slice),
                &cases.outcomes,
            ),
            HandlingDays::of(slice),
        ));
    }
    let sum = |rows: &[Vec<(u32, u64)>], table: &Interner| {
        let mut sums = BTreeMap::new();
        for &(i, n) in rows.iter().flatten() {
            *sums.entry(table.name(i).to_owned()).or_insert(0) += n;
        }
        sums
    };
    let overview = figures(
        &total,
        sum(&by_track, &cases.tracks),
        sum(&by_outcome, &cases.outcomes),
        HandlingDays::of(&mut days),
    );
    (out, overview)
}

fn figures(
    t: &Tally,
    by_track: BTreeMap<String, u64>,
    by_outcome: BTreeMap<String, u64>,
    handling_working_days: HandlingDays,
) -> Indicators {
    Indicators {
        by_track,
        by_outcome,
        on_time: MeasuredStage::ALL
            .iter()
            .zip(&t.on_time)
            .map(|(s, o)| (s.as_str().to_owned(), *o))
            .collect(),
        handling_working_days,
        rehandled: t.rehandled,
        rehandling_rate: rate(t.rehandled, t.rehandling_known),
        follow_up_satisfaction_rate: rate(t.follow_up_satisfied, t.follow_up_answered),
        repeat: t.repeat,
        repeat_rate: rate(t.repeat, t.keyed),
    }
}

/// The instant the time limits are judged at: the ledger's own, else the latest instant it
/// holds.
fn as_of(ledger: &Ledger) -> Epoch {
    if let Some(at) = ledger.as_of {
        return at;
    }
    let received = ledger.received.iter().copied().max();
    let closed = ledger.closed.iter().copied().filter(|&c| c != OPEN).max();
    let met = ledger.cases.latest_met();
    [received, closed, met]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(Epoch::MIN)
}

/// Working days from receipt to closing of the rows `closing[..].1`, in the policy's calendar.
fn working_days(ledger: &Ledger, closing: &[(usize, usize)], calendar: &Calendar) -> Vec<i64> {
    let office = i64::from(calendar.offset().local_minus_utc());
    let day = |at: Epoch| (at + office).div_euclid(SECONDS_PER_DAY);
    let mut from = Vec::with_capacity(closing.len());
    let mut to = Vec::with_capacity(closing.len());
    for &(_, i) in closing {
        from.push(ledger.received.get(i).map_or(0, |&r| day(r)));
        to.push(ledger.closed.get(i).map_or(0, |&c| day(c)));
    }
    let mut out = vec![0i64; closing.len()];
    if calendar
        .working_days_between_epoch(&from, &to, &mut out)
        .is_err()
    {
        // Not reachable: the lengths agree and an i64 holds any count.
        out.clear();
    }
    out
}

/// Whether each row is a repeat complaint: received within the repeat window after the same
/// complainant's previous complaint.
fn repeat_flags(ledger: &Ledger, policy: &Policy) -> Vec<bool> {
    let cases = &ledger.cases;
    if !cases.has_complainants() {
        return Vec::new();
    }
    let mut keyed: Vec<(u32, Epoch, usize)> = (0..ledger.len())
        .filter_map(|i| {
            let key = cases.complainant(i);
            (key != NONE).then(|| (key, ledger.received.get(i).copied().unwrap_or(0), i))
        })
        .collect();
    keyed.sort_unstable();
    let window = policy.statistics().repeat_window;
    let calendar = policy.calendar();
    let office = calendar.offset();
    let mut flags = vec![false; ledger.len()];
    for pair in keyed.windows(2) {
        let [(a_key, a_at, _), (b_key, b_at, b)] = *pair else {
            continue;
        };
        if a_key != b_key {
            continue;
        }
        let end = DateTime::from_timestamp(a_at, 0)
            .map(|d| d.with_timezone(&office))
            .and_then(|start| crate::period::end(calendar, start, window).ok());
        if let (Some(end), Some(flag)) = (end, flags.get_mut(b)) {
            *flag = b_at < end.due.timestamp();
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{Granularity, Leniency, Record, TimeLimit};
    use crate::time::parse_instant;

    fn at(text: &str) -> crate::time::Instant {
        parse_instant(text).unwrap()
    }

    fn limit(due: &str, met: Option<&str>) -> Option<TimeLimit> {
        Some(TimeLimit {
            due: at(due),
            met_at: met.map(at),
        })
    }

    fn record(number: &str, received: &str) -> Record {
        Record::new(
            number.parse().unwrap(),
            at(received),
            "product_quality",
            "production",
        )
    }

    fn ledger() -> Ledger {
        let mut r1 = record("25010001", "2025-01-02T09:00:00+08:00");
        r1.closed_at = Some(at("2025-01-10T10:00:00+08:00"));
        r1.track = Some("general".into());
        r1.outcome = Some("resolved".into());
        r1.rehandled = Some(false);
        r1.follow_up_satisfied = Some(true);
        r1.complainant_key = Some("k1".into());
        r1.registration = limit(
            "2025-01-03T00:00:00+08:00",
            Some("2025-01-02T10:00:00+08:00"),
        );
        r1.plan = limit(
            "2025-01-18T00:00:00+08:00",
            Some("2025-01-08T10:00:00+08:00"),
        );
        let mut r2 = record("25010002", "2025-01-20T09:00:00+08:00");
        r2.closed_at = Some(at("2025-02-05T09:00:00+08:00"));
        r2.track = Some("major".into());
        r2.outcome = Some("resolved".into());
        r2.rehandled = Some(true);
        r2.complainant_key = Some("k1".into());
        r2.registration = limit(
            "2025-01-21T00:00:00+08:00",
            Some("2025-01-21T10:00:00+08:00"),
        );
        let mut r3 = record("25010003", "2025-01-25T09:00:00+08:00");
        r3.outcome = Some("open".into());
        r3.complainant_key = Some("k2".into());
        r3.registration = limit("2025-01-27T00:00:00+08:00", None);
        let mut r4 = record("25020001", "2025-02-28T09:00:00+08:00");
        r4.complainant_key = Some("k1".into());
        r4.registration = limit("2025-03-04T00:00:00+08:00", None);
        Ledger::from_records([r1, r2, r3, r4], Leniency::Strict).unwrap()
    }

    #[test]
    fn figures_of_a_small_ledger() {
        let policy = Policy::default();
        let report = ledger().report(Granularity::Month, &policy).unwrap();
        let jan = report.periods[0].indicators.as_ref().unwrap();
        assert_eq!(
            jan.by_track,
            BTreeMap::from([("general".into(), 1), ("major".into(), 1)])
        );
        assert_eq!(
            jan.by_outcome,
            BTreeMap::from([("open".into(), 1), ("resolved".into(), 2)])
        );
        let reg = jan.on_time["registration"];
        assert_eq!((reg.due, reg.on_time, reg.late, reg.overdue), (3, 1, 1, 1));
        assert_eq!(reg.rate, Some(1.0 / 3.0));
        assert_eq!(jan.on_time["plan"].rate, Some(1.0));
        assert_eq!(jan.on_time["feedback"], OnTime::default());
        // 2025-01-02 → 01-10: 3, 6, 7, 8, 9, 10 January.
        assert_eq!(jan.handling_working_days.median, Some(6.0));
        assert_eq!((jan.rehandled, jan.rehandling_rate), (0, Some(0.0)));
        assert_eq!(jan.follow_up_satisfaction_rate, Some(1.0));
        assert_eq!((jan.repeat, jan.repeat_rate), (1, Some(1.0 / 3.0)));
        let feb = report.periods[1].indicators.as_ref().unwrap();
        // Due 4 March, after the latest instant of the ledger (28 February): not decided.
        assert_eq!(feb.on_time["registration"].due, 0);
        assert_eq!(feb.on_time["registration"].rate, None);
        // 2025-01-20 → 02-05: 21–24 and 26 (a make-up Sunday), 27 January; 5 February.
        assert_eq!(feb.handling_working_days.mean, Some(7.0));
        assert_eq!((feb.rehandled, feb.rehandling_rate), (1, Some(1.0)));
        assert_eq!(feb.follow_up_satisfaction_rate, None);
        // 39 days after the same complainant's previous complaint: not a repeat.
        assert_eq!((feb.repeat, feb.repeat_rate), (0, Some(0.0)));
        let all = report.overview.indicators.as_ref().unwrap();
        assert_eq!(all.on_time["registration"].due, 3);
        assert_eq!(all.handling_working_days.mean, Some(6.5));
        assert_eq!(all.repeat, 1);
    }

    #[test]
    fn as_of_decides_what_is_overdue() {
        let policy = Policy::default();
        let mut ledger = ledger();
        ledger.set_as_of(at("2025-03-05T09:00:00+08:00"));
        let mut options = crate::stats::ReportOptions::new(Granularity::Month);
        options.to = Some("2025-03".parse().unwrap());
        let report = crate::stats::Report::build(&ledger, &options, &policy).unwrap();
        // A limit due in a period counts there, even when nothing was received then.
        let march = report.periods[2].indicators.as_ref().unwrap();
        assert_eq!(march.on_time["registration"].overdue, 1);
        ledger.set_as_of(at("2025-01-21T09:00:00+08:00"));
        let report = ledger.report(Granularity::Month, &policy).unwrap();
        let jan = report.periods[0].indicators.as_ref().unwrap();
        // r2's registration was met after "as of": overdue then; r3's was not due yet.
        let reg = jan.on_time["registration"];
        assert_eq!((reg.on_time, reg.late, reg.overdue), (1, 0, 1));
    }

    #[test]
    fn classic_ledgers_report_as_before() {
        let plain = Ledger::from_records(
            [record("25010001", "2025-01-02T09:00:00+08:00")],
            Leniency::Strict,
        )
        .unwrap();
        assert!(!plain.has_case_columns());
        let report = plain
            .report(Granularity::Month, &Policy::default())
            .unwrap();
        assert!(report.periods[0].indicators.is_none());
        let json = serde_json::to_value(&report.periods[0]).unwrap();
        assert!(json.get("on_time").is_none());
        let with = ledger()
            .report(Granularity::Month, &Policy::default())
            .unwrap();
        let json = serde_json::to_value(&with.periods[0]).unwrap();
        assert_eq!(json["on_time"]["registration"]["overdue"], 1);
        assert_eq!(json["total"], 3);
    }
}
