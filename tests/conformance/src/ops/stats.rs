//! Statistics (§7): reports from records or CSV text, and the period of an instant.

use complaint_office::number::ComplaintNumber;
use complaint_office::stats::{
    ColumnNames, CsvOptions, Granularity, Ledger, Leniency, Period, Record, Report, ReportOptions,
    TimeLimit,
};
use complaint_office::time::{format_instant, parse_instant};
use serde_json::{Value, json};

use super::unknown;
use crate::Outcome;
use crate::input::{Fail, code, field, instant_of, policy_of, str_of, typed};

const RECORD_KEYS: [&str; 17] = [
    "number",
    "received_at",
    "channel",
    "category",
    "department",
    "severity",
    "closed_at",
    "satisfied",
    // The case columns.
    "track",
    "outcome",
    "rehandled",
    "follow_up_satisfied",
    "complainant_key",
    "registration",
    "plan",
    "feedback",
    "follow_up",
];

pub fn run(op: &str, input: &Value) -> Outcome {
    match op {
        "stats.report" => {
            let policy = policy_of(input)?;
            let options = report_options(input)?;
            let records = field(input, "records")?
                .as_array()
                .ok_or("vector.not_an_array:records")?
                .iter()
                .map(record)
                .collect::<Result<Vec<_>, _>>()?;
            let ledger = Ledger::from_records(records, leniency(input)?).map_err(code)?;
            report(&ledger, &options, &policy)
        }
        "stats.report_csv" => {
            let policy = policy_of(input)?;
            let options = report_options(input)?;
            let mut csv = CsvOptions {
                leniency: leniency(input)?,
                ..CsvOptions::default()
            };
            if present(input, "columns").is_some() {
                csv.columns = typed::<ColumnNames>(input, "columns")?;
            }
            if present(input, "delimiter").is_some() {
                csv.delimiter =
                    CsvOptions::delimiter_from_str(str_of(input, "delimiter")?).map_err(code)?;
            }
            // `csv_base64` carries bytes JSON cannot: invalid UTF-8, stray NULs.
            let bytes = match present(input, "csv_base64") {
                Some(_) => crate::input::base64_of(input, "csv_base64")?,
                None => str_of(input, "csv")?.as_bytes().to_vec(),
            };
            let ledger = Ledger::from_csv_reader(bytes.as_slice(), &csv, &policy).map_err(code)?;
            report(&ledger, &options, &policy)
        }
        "stats.period_of" => {
            let policy = policy_of(input)?;
            let granularity = granularity(input)?;
            let at = instant_of(input, "at")?;
            let office = policy.office_offset();
            let period = Period::of_instant(at, granularity, office);
            Ok(json!({
                "period": period.to_string(),
                "start": format_instant(&period.start(office)),
                "end": format_instant(&period.end(office)),
            }))
        }
        _ => unknown(op),
    }
}

pub(crate) fn report(
    ledger: &Ledger,
    options: &ReportOptions,
    policy: &complaint_office::policy::Policy,
) -> Outcome {
    let report = Report::build(ledger, options, policy).map_err(code)?;
    serde_json::to_value(&report).map_err(|e| format!("vector.unserializable:{e}"))
}

/// A key that is there and not null.
fn present<'a>(input: &'a Value, key: &str) -> Option<&'a Value> {
    input.get(key).filter(|v| !v.is_null())
}

fn granularity(input: &Value) -> Result<Granularity, Fail> {
    str_of(input, "granularity")?
        .parse::<Granularity>()
        .map_err(code)
}

pub(crate) fn report_options(input: &Value) -> Result<ReportOptions, Fail> {
    let period = |key: &str| -> Result<Option<Period>, Fail> {
        match present(input, key) {
            None => Ok(None),
            Some(_) => str_of(input, key)?
                .parse::<Period>()
                .map(Some)
                .map_err(code),
        }
    };
    Ok(ReportOptions {
        granularity: granularity(input)?,
        from: period("from")?,
        to: period("to")?,
    })
}

fn leniency(input: &Value) -> Result<Leniency, Fail> {
    match present(input, "lenient").map(Value::as_bool) {
        None | Some(Some(false)) => Ok(Leniency::Strict),
        Some(Some(true)) => Ok(Leniency::Lenient),
        Some(None) => Err("vector.not_a_bool:lenient".into()),
    }
}

/// A record as a Rust host builds one: the number and instants parsed at the edge.
fn record(v: &Value) -> Result<Record, Fail> {
    let object = v.as_object().ok_or("vector.not_an_object:records")?;
    if let Some(key) = object.keys().find(|k| !RECORD_KEYS.contains(&k.as_str())) {
        return Err(format!("vector.unknown_key:{key}"));
    }
    let optional_str = |key: &str| -> Result<Option<String>, Fail> {
        match present(v, key) {
            None => Ok(None),
            Some(s) => s
                .as_str()
                .map(|s| Some(s.to_owned()))
                .ok_or_else(|| format!("vector.not_a_string:{key}")),
        }
    };
    let number = ComplaintNumber::parse(str_of(v, "number")?).map_err(code)?;
    let mut record = Record::new(
        number,
        instant_of(v, "received_at")?,
        str_of(v, "category")?,
        str_of(v, "department")?,
    );
    record.channel = optional_str("channel")?;
    record.severity = optional_str("severity")?;
    record.closed_at = optional_str("closed_at")?
        .map(|t| parse_instant(&t).map_err(code))
        .transpose()?;
    record.satisfied = match present(v, "satisfied") {
        None => None,
        Some(b) => Some(b.as_bool().ok_or("vector.not_a_bool:satisfied")?),
    };
    let flag = |key: &str| -> Result<Option<bool>, Fail> {
        present(v, key)
            .map(|b| {
                b.as_bool()
                    .ok_or_else(|| format!("vector.not_a_bool:{key}"))
            })
            .transpose()
    };
    let limit = |key: &str| -> Result<Option<TimeLimit>, Fail> {
        let Some(l) = present(v, key) else {
            return Ok(None);
        };
        let met_at = match present(l, "met_at") {
            None => None,
            Some(_) => Some(instant_of(l, "met_at")?),
        };
        Ok(Some(TimeLimit {
            due: instant_of(l, "due")?,
            met_at,
        }))
    };
    record.track = optional_str("track")?;
    record.outcome = optional_str("outcome")?;
    record.rehandled = flag("rehandled")?;
    record.follow_up_satisfied = flag("follow_up_satisfied")?;
    record.complainant_key = optional_str("complainant_key")?;
    record.registration = limit("registration")?;
    record.plan = limit("plan")?;
    record.feedback = limit("feedback")?;
    record.follow_up = limit("follow_up")?;
    Ok(record)
}

/// A record as JSON, in the shape `stats.report` reads (instants in `offset`).
pub(crate) fn record_json(r: &Record, offset: chrono::FixedOffset) -> Value {
    let at = |t: &complaint_office::time::Instant| format_instant(&t.with_timezone(&offset));
    let limit = |l: &Option<TimeLimit>| {
        l.map_or(
            Value::Null,
            |l| json!({"due": at(&l.due), "met_at": l.met_at.as_ref().map(at)}),
        )
    };
    json!({
        "number": r.number.to_string(),
        "received_at": at(&r.received_at),
        "channel": r.channel,
        "category": r.category,
        "department": r.department,
        "severity": r.severity,
        "closed_at": r.closed_at.as_ref().map(at),
        "satisfied": r.satisfied,
        "track": r.track,
        "outcome": r.outcome,
        "rehandled": r.rehandled,
        "follow_up_satisfied": r.follow_up_satisfied,
        "complainant_key": r.complainant_key,
        "registration": limit(&r.registration),
        "plan": limit(&r.plan),
        "feedback": limit(&r.feedback),
        "follow_up": limit(&r.follow_up),
    })
}
