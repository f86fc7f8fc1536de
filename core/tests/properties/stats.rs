//! §7 statistics: ledgers, periods and reports.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use complaint_office::number::ComplaintNumber;
use complaint_office::policy::Policy;
use complaint_office::stats::{
    CsvOptions, Granularity, Ledger, Leniency, Period, Record, Report, ReportOptions,
};
use complaint_office::time::{Instant, format_instant};
use proptest::prelude::*;

use crate::config;

/// 2024-01-01T00:00:00Z: records spread over three years from here.
const FIRST: i64 = 1_704_067_200;
const SPAN: i64 = 3 * 365 * 86_400;

fn granularity() -> impl Strategy<Value = Granularity> {
    prop_oneof![
        Just(Granularity::Month),
        Just(Granularity::Quarter),
        Just(Granularity::Year)
    ]
}

fn instant_at(epoch: i64, offset: FixedOffset) -> Instant {
    DateTime::from_timestamp(epoch, 0)
        .unwrap()
        .with_timezone(&offset)
}

/// SplitMix64: the rows of a ledger drawn from one seed, so a case costs one draw of the
/// property runner (whose generator is slow in debug builds) instead of hundreds.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn maybe(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

/// Offsets instants are written in: the office's own, UTC, others, odd ones.
fn drawn_offset(d: &mut Draw) -> FixedOffset {
    let seconds = match d.below(5) {
        0 => 8 * 3600,
        1 => 0,
        2 => -5 * 3600,
        3 => 5 * 3600 + 45 * 60,
        _ => d.below(2 * 23 * 3600 + 1) as i32 - 23 * 3600,
    };
    FixedOffset::east_opt(seconds).unwrap()
}

fn written_offset() -> impl Strategy<Value = FixedOffset> {
    any::<u64>().prop_map(|seed| drawn_offset(&mut Draw(seed)))
}

/// Ledgers of up to `max` records with unique numbers, received over three years, written in
/// various offsets; categories include non-ASCII text.
fn ledger_records(max: usize) -> impl Strategy<Value = Vec<Record>> {
    const CATEGORIES: [&str; 4] = [
        "product_quality",
        "service_attitude",
        "management",
        "產品質量",
    ];
    const DEPARTMENTS: [&str; 3] = ["production", "customer_service", "sales"];
    const CHANNELS: [&str; 3] = ["email", "hotline", "oa"];
    const SEVERITIES: [&str; 3] = ["general", "serious", "major"];
    (0..max, any::<u64>()).prop_map(|(n, seed)| {
        let mut d = Draw(seed);
        (1..=n as u32)
            .map(|serial| {
                let number =
                    ComplaintNumber::new(2025, 1 + serial / 9999, 1 + serial % 9999).unwrap();
                let at = FIRST + d.below(SPAN as u64) as i64;
                let offset = drawn_offset(&mut d);
                let category = CATEGORIES[d.below(4) as usize];
                let department = DEPARTMENTS[d.below(3) as usize];
                let mut r = Record::new(number, instant_at(at, offset), category, department);
                r.channel = d.maybe().then(|| CHANNELS[d.below(3) as usize].to_owned());
                r.severity = d
                    .maybe()
                    .then(|| SEVERITIES[d.below(3) as usize].to_owned());
                // Some cases close at once, most within 90 days, some stay open.
                r.closed_at = match d.below(4) {
                    0 => None,
                    1 => Some(r.received_at),
                    _ => Some(instant_at(at + d.below(90 * 86_400) as i64, offset)),
                };
                r.satisfied = match d.below(3) {
                    0 => None,
                    k => Some(k == 1),
                };
                r
            })
            .collect()
    })
}

/// The default policy in another office offset (cached: building a policy builds a calendar).
fn policy_in(office: FixedOffset) -> Policy {
    thread_local! {
        static POLICIES: std::cell::RefCell<BTreeMap<i32, Policy>> = Default::default();
    }
    POLICIES.with(|p| {
        p.borrow_mut()
            .entry(office.local_minus_utc())
            .or_insert_with(|| {
                let offset = complaint_office::time::format_offset(office);
                Policy::from_json_value(serde_json::json!({"office_offset": offset})).unwrap()
            })
            .clone()
    })
}

fn report(records: &[Record], granularity: Granularity, policy: &Policy) -> Report {
    let ledger = Ledger::from_records(records, Leniency::Strict).unwrap();
    Report::build(&ledger, &ReportOptions::new(granularity), policy).unwrap()
}

fn totals(report: &Report) -> BTreeMap<String, u64> {
    report
        .periods
        .iter()
        .map(|p| (p.period.to_string(), p.total))
        .collect()
}

/// numpy's linear percentile of sorted values.
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (sorted[above] - sorted[below]) * (position - below as f64)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A ledger written as CSV, every instant in RFC 3339 with its own offset; some cells quoted.
fn to_csv(records: &[Record], quote: bool) -> String {
    let q = |s: &str| {
        if quote {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut out = String::from(
        "severity,satisfied,number,received_at,category,department,channel,closed_at\n",
    );
    for r in records {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{}\n",
            r.severity.as_deref().unwrap_or(""),
            r.satisfied.map_or(String::new(), |b| b.to_string()),
            r.number,
            format_instant(&r.received_at),
            q(&r.category),
            r.department,
            r.channel.as_deref().unwrap_or(""),
            r.closed_at.as_ref().map_or(String::new(), format_instant),
        ));
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// §7.1.1: in every period the counts by category, and by department, add up to the
    /// total; channels and severities never exceed it.
    #[test]
    fn category_counts_sum_to_the_total(records in ledger_records(40), g in granularity()) {
        let report = report(&records, g, &Policy::default());
        for p in &report.periods {
            prop_assert_eq!(p.by_category.values().sum::<u64>(), p.total);
            prop_assert_eq!(p.by_department.values().sum::<u64>(), p.total);
            prop_assert!(p.by_channel.values().sum::<u64>() <= p.total);
            prop_assert!(p.by_severity.values().sum::<u64>() <= p.total);
        }
    }

    /// §7.1.1: a record counts in exactly one period, the one its receipt falls in (office
    /// time), and the periods run without gaps.
    #[test]
    fn a_record_counts_in_exactly_one_period(records in ledger_records(40), g in granularity()) {
        let policy = Policy::default();
        let report = report(&records, g, &policy);
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for r in &records {
            *expected.entry(Period::of_instant(r.received_at, g, policy.office_offset()).to_string()).or_default() += 1;
        }
        let mut got = totals(&report);
        got.retain(|_, n| *n > 0);
        prop_assert_eq!(got, expected);
        prop_assert_eq!(report.periods.iter().map(|p| p.total).sum::<u64>(), records.len() as u64);
        for pair in report.periods.windows(2) {
            prop_assert_eq!(pair[0].period.succ(), pair[1].period);
        }
    }

    /// §7.1.2: the report of two ledgers together has, period by period, the totals and
    /// category counts of the two reports added.
    #[test]
    fn report_of_a_union_adds_up(records in ledger_records(40), split in any::<u64>(), g in granularity()) {
        let policy = Policy::default();
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (i, r) in records.iter().enumerate() {
            if split >> (i % 64) & 1 == 1 { a.push(r.clone()) } else { b.push(r.clone()) }
        }
        let union = report(&records, g, &policy);
        let mut sum = totals(&report(&a, g, &policy));
        for (period, n) in totals(&report(&b, g, &policy)) {
            *sum.entry(period).or_default() += n;
        }
        let mut whole = totals(&union);
        whole.retain(|_, n| *n > 0);
        sum.retain(|_, n| *n > 0);
        prop_assert_eq!(whole, sum);
    }

    /// §7.1.2: the order of the ledger changes nothing in the report.
    #[test]
    fn permuting_records_changes_nothing(records in ledger_records(40), seed in any::<u64>(), g in granularity()) {
        let policy = Policy::default();
        let mut shuffled = records.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(report(&records, g, &policy), report(&shuffled, g, &policy));
    }

    /// §7.1.2: a period starts at midnight of its first day in the office offset, not UTC:
    /// a complaint at that instant is in the period, one a second earlier in the one before.
    #[test]
    fn period_boundaries_follow_the_office_offset(
        office_hours in -12i32..=14,
        office_minutes in prop_oneof![Just(0i32), Just(30), Just(45)],
        month in 0u32..36,
        written in written_offset(),
        g in granularity(),
    ) {
        let office = FixedOffset::east_opt(office_hours * 3600 + office_hours.signum() * office_minutes * 60).unwrap();
        let policy = policy_in(office);
        let first = complaint_office::time::YearMonth::new(2024 + (month / 12) as i32, month % 12 + 1).unwrap();
        let period = Period::of_date(first.first_day(), g);
        let start = period.start(office);
        let number = |s| ComplaintNumber::new(2025, 1, s).unwrap();
        let on = Record::new(number(1), start.with_timezone(&written), "a", "d");
        let before = Record::new(number(2), (start - chrono::Duration::seconds(1)).with_timezone(&written), "a", "d");
        let report = report(&[on, before], g, &policy);
        prop_assert_eq!(report.periods.len(), 2);
        prop_assert_eq!(report.periods[0].period, period.pred());
        prop_assert_eq!(report.periods[1].period, period);
        prop_assert_eq!(report.periods[1].total, 1);
        prop_assert_eq!(Period::of_instant(start, g, office), period);
    }

    /// §7.1.2: open cases at a period's end are those received before the end and not closed
    /// before it, and handling times are the numpy percentiles of the cases closed in it.
    #[test]
    fn open_cases_and_handling_times(records in ledger_records(40), g in granularity()) {
        let policy = Policy::default();
        let office = policy.office_offset();
        let report = report(&records, g, &policy);
        for p in &report.periods {
            let end = p.period.end(office);
            let open = records
                .iter()
                .filter(|r| r.received_at < end && r.closed_at.is_none_or(|c| c >= end))
                .count() as u64;
            prop_assert_eq!(p.open_at_end, open);
            let mut hours: Vec<f64> = records
                .iter()
                .filter_map(|r| r.closed_at.map(|c| (r, c)))
                .filter(|(_, c)| Period::of_instant(*c, g, office) == p.period)
                .map(|(r, c)| (c - r.received_at).num_seconds() as f64 / 3600.0)
                .collect();
            hours.sort_by(f64::total_cmp);
            prop_assert_eq!(p.closed, hours.len() as u64);
            match (p.handling_hours.mean, p.handling_hours.median, p.handling_hours.p90) {
                (None, None, None) => prop_assert!(hours.is_empty()),
                (Some(mean), Some(median), Some(p90)) => {
                    prop_assert!(close(mean, hours.iter().sum::<f64>() / hours.len() as f64));
                    prop_assert!(close(median, percentile(&hours, 0.5)));
                    prop_assert!(close(p90, percentile(&hours, 0.9)));
                }
                other => prop_assert!(false, "partial handling figures {:?}", other),
            }
        }
    }

    /// §7.1.1: a ledger read from CSV (quoted or not, columns in another order) reports the
    /// same as the same ledger given as records.
    #[test]
    fn csv_and_records_agree(records in ledger_records(30), quote in any::<bool>(), g in granularity()) {
        let policy = Policy::default();
        let csv = to_csv(&records, quote);
        let ledger = Ledger::from_csv_reader(csv.as_bytes(), &CsvOptions::default(), &policy).unwrap();
        let from_csv = Report::build(&ledger, &ReportOptions::new(g), &policy).unwrap();
        prop_assert_eq!(from_csv, report(&records, g, &policy));
    }

    /// §7.1.1: any text read as a ledger gives a ledger or an error, never a panic; lenient
    /// reading keeps or lists every data row.
    #[test]
    fn any_text_reads_without_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                "[0-9]{8},20[0-9]{2}-[01][0-9]-[0-3][0-9][ T][0-2][0-9]:[0-5][0-9]:[0-6][0-9](Z|[+-][0-2][0-9]:[0-5][0-9])?,[a-z]{0,3},[a-z]{0,3},.{0,25},(true|false|x)?",
                "[0-9]{8},.{0,24},[a-z\"]{0,4},[a-z]{1,3}(,.{0,3}){0,3}",
                ".{0,40}",
            ],
            0..12,
        ),
        lenient in any::<bool>(),
    ) {
        let csv = format!("number,received_at,category,department,closed_at,satisfied\n{}", lines.join("\n"));
        let options = CsvOptions {
            leniency: if lenient { Leniency::Lenient } else { Leniency::Strict },
            ..CsvOptions::default()
        };
        let policy = Policy::default();
        if let Ok(ledger) = Ledger::from_csv_reader(csv.as_bytes(), &options, &policy) {
            let report = Report::build(&ledger, &ReportOptions::new(Granularity::Month), &policy).unwrap();
            prop_assert_eq!(report.periods.iter().map(|p| p.total).sum::<u64>(), ledger.len() as u64);
            if lenient && !csv.contains('"') {
                let data_rows = lines.iter().filter(|l| !l.is_empty()).flat_map(|l| l.split(['\r', '\n'])).filter(|l| !l.is_empty()).count();
                prop_assert_eq!(ledger.len() + ledger.rejected().len(), data_rows);
            }
            let _ = complaint_office::stats::html(&report, &policy);
        }
    }
}
