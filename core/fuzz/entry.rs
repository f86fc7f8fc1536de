//! The fuzz entry points: each takes arbitrary bytes and drives one parser or entry point that
//! receives outside input. They must never panic. Shared by the cargo-fuzz targets
//! (`core/fuzz/fuzz_targets/*.rs`) and by `core/tests/fuzz_corpus.rs`, which replays the
//! committed corpus as ordinary tests.

use complaint_office::calendar::Calendar;
use complaint_office::case::{Case, Event};
use complaint_office::duration::Duration;
use complaint_office::intake::{self, Channel, ComplainantKind, Utf8Only};
use complaint_office::number::ComplaintNumber;
use complaint_office::policy::Policy;
use complaint_office::time::{parse_date, parse_instant, parse_offset};

/// A fuzz entry point.
pub type Target = fn(&[u8]);

/// The targets, by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("number", number),
    ("duration", duration),
    ("time", time),
    ("policy_toml", policy_toml),
    ("policy_json", policy_json),
    ("event_json", event_json),
    ("case_json", case_json),
    ("holiday_cn", holiday_cn),
    ("csv_ledger", csv_ledger),
    ("email", email),
];

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Complaint numbers: parse, and a parsed number prints back to the same text.
pub fn number(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(n) = ComplaintNumber::parse(s)
    {
        assert_eq!(n.to_string(), s);
        let _ = n.succ();
    }
}

/// Durations: parse, and a parsed duration round-trips through its canonical form.
pub fn duration(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(d) = s.parse::<Duration>()
    {
        assert_eq!(d.to_string().parse::<Duration>(), Ok(d));
        if let Ok(start) = parse_instant("2025-09-26T10:00:00+08:00") {
            let _ = complaint_office::period::end(&Calendar::cn(), start, d);
        }
    }
}

/// Dates, instants and offsets.
pub fn time(data: &[u8]) {
    if let Some(s) = text(data) {
        if let Ok(d) = parse_date(s) {
            let cal = Calendar::cn();
            let _ = cal.add_working_days(d, 10);
            let _ = cal.working_days_between(d, d);
        }
        let _ = parse_instant(s);
        let _ = parse_offset(s);
    }
}

/// Policy files in TOML.
pub fn policy_toml(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(p) = Policy::from_toml_str(s)
    {
        let again = p.to_toml().map(|t| Policy::from_toml_str(&t));
        assert!(
            matches!(again, Ok(Ok(_))),
            "a valid policy must print to valid TOML"
        );
    }
}

/// Policy files in JSON.
pub fn policy_json(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(p) = Policy::from_json_str(s)
    {
        let again = p.to_json_value().map(Policy::from_json_value);
        assert!(
            matches!(again, Ok(Ok(_))),
            "a valid policy must write JSON that reads back"
        );
    }
}

/// One event in JSON; a parsed event writes back to JSON that parses to the same event.
pub fn event_json(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(e) = Event::from_json_str(s)
    {
        assert_eq!(Event::from_json_value(e.to_json_value()).as_ref(), Ok(&e));
    }
}

/// A whole history in JSON, replayed, scheduled and checked.
pub fn case_json(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(case) = Case::replay_json(&Policy::default(), s)
    {
        let now = case.last_event_at();
        let _ = case.schedule(now);
        let _ = case.compliance(now);
        let _ = case.allowed_next();
    }
}

/// A CSV ledger (raw bytes: invalid UTF-8 included), strict and lenient, then every report.
pub fn csv_ledger(data: &[u8]) {
    use complaint_office::stats::{CsvOptions, Granularity, Ledger, Leniency};
    let policy = Policy::default();
    for leniency in [Leniency::Strict, Leniency::Lenient] {
        let options = CsvOptions {
            leniency,
            ..CsvOptions::default()
        };
        if let Ok(ledger) = Ledger::from_csv_reader(data, &options, &policy) {
            for granularity in [Granularity::Month, Granularity::Quarter, Granularity::Year] {
                if let Ok(report) = ledger.report(granularity, &policy) {
                    let _ = complaint_office::stats::html(&report, &policy);
                }
            }
        }
    }
}

/// holiday-cn JSON loaded into the calendar.
pub fn holiday_cn(data: &[u8]) {
    if let Some(s) = text(data)
        && let Ok(cal) = Calendar::cn().with_holiday_cn(s)
    {
        for year in cal.covered_years() {
            if let Some(d) = chrono::NaiveDate::from_ymd_opt(year, 6, 1) {
                let _ = cal.add_working_days(d, 30);
            }
        }
    }
}

/// Raw e-mail bytes (§2.1.1), read with encoding_rs and with no charset but UTF-8: whatever
/// the bytes, a coded error or a complaint; the address and the time of receipt do not depend
/// on the charset decoder; sizes are of decoded parts, so never more than the message.
pub fn email(data: &[u8]) {
    let policy = Policy::default();
    let full = intake::email(&policy, data, ComplainantKind::Customer);
    let bare = intake::email_with(&policy, data, ComplainantKind::Customer, &Utf8Only);
    match (full, bare) {
        (Ok(full), Ok(bare)) => {
            assert_eq!(full.complaint.channel, Channel::Email);
            assert_eq!(full.complaint.contact, bare.complaint.contact);
            assert_eq!(full.complaint.received_at, bare.complaint.received_at);
            assert_eq!(full.attachments.len(), bare.attachments.len());
            for a in &full.attachments {
                assert!(
                    a.size <= data.len() as u64,
                    "an attachment larger than the message"
                );
            }
            if let Some(content) = &full.complaint.content {
                assert!(!content.contains('\r') && content.trim() == content);
            }
            for (i, f) in full.findings.iter().enumerate() {
                assert!(!full.findings[..i].contains(f), "a finding twice");
            }
        }
        (full, bare) => assert_eq!(
            full.err(),
            bare.err(),
            "the charset decoder must not decide whether the bytes are an e-mail"
        ),
    }
}
