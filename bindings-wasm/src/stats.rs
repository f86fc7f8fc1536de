//! Statistics (§7): ledgers from records or CSV text; monthly, quarterly and annual reports;
//! trends; self-contained SVG charts and an HTML report.

use std::collections::BTreeMap;

use chrono::FixedOffset;
use complaint_office::number::ComplaintNumber;
use complaint_office::stats::{
    self as core_stats, ColumnNames, CsvOptions, Granularity, Indicators, Leniency, Period,
    PeriodStats, Record, Rejected, ReportOptions, TimeLimit, Trend,
};
use complaint_office::time::{Instant, in_office, parse_instant};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::convert::{api_object, array_items, json_text, max_bytes_or, to_js, within};
use crate::error::{Failure, JsResult};
use crate::policy::Policy;
use crate::time::{beijing, date_out, instant_in, instant_out, offset_in};
use complaint_office::input::MAX_CSV_FILE_BYTES;

#[wasm_bindgen(typescript_custom_section)]
const TS_STATS: &str = r#"
/** A period: `2025-01`, `2025-Q1` or `2025`. */
export type PeriodText = string;

/** A row of a ledger, in its JSON form (the CSV export's columns). */
export interface LedgerRecord {
  number: ComplaintNumberText;
  received_at: Rfc3339;
  category: string;
  department: string;
  channel?: string | null;
  severity?: string | null;
  closed_at?: Rfc3339 | null;
  satisfied?: boolean | null;
  /** How it ended: `resolved`, `rejected`, `withdrawn`, `merged`, `lapsed`, or `open`. */
  outcome?: string | null;
  // The case columns (a ledger built from cases fills them; the report's indicators count
  // them). Free text like the channel where a name is written.
  /** The handling track (§4.1.2): `general`, `complex`, `major`. */
  track?: string | null;
  /** Whether it was handled again after an objection (§5.1.2). */
  rehandled?: boolean | null;
  /** What the complainant said at the follow-up visit (§5.2.2), if asked and answered. */
  follow_up_satisfied?: boolean | null;
  /** The complainant's key for repeat complaints: an opaque value the host derives (a keyed
   * hash of the phone number, say), never personal data itself. */
  complainant_key?: string | null;
  /** Registration's time limit (§2.2.1). */
  registration?: TimeLimitData | null;
  /** The handling plan's time limit (§4.1.2). */
  plan?: TimeLimitData | null;
  /** The feedback's time limit (§4.4.1), first handling round. */
  feedback?: TimeLimitData | null;
  /** The follow-up visit's time limit (§5.2.1), first handling round. */
  follow_up?: TimeLimitData | null;
}

/** A stage's time limit in a ledger row: when it fell due, and when it was met (null while
 * it is not). */
export interface TimeLimitData {
  due: Rfc3339;
  met_at?: Rfc3339 | null;
}

/** The time limits of one stage that fell due in a period and are decided. */
export interface OnTime {
  /** `onTime + late + overdue`. */
  due: number;
  /** Met before the due instant. */
  onTime: number;
  /** Met at or after it. */
  late: number;
  /** Not met by the ledger's "as of" instant. */
  overdue: number;
  /** `onTime / due`; null when nothing fell due. */
  rate: number | null;
}

/** Handling time in working days (§7.1.1) of the cases closed (null when none closed). */
export interface HandlingDays {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** The office indicators (ISO 10002, GB/T 17242), when the ledger has case columns. */
export interface Indicators {
  /** Received, by track. */
  byTrack: Counts;
  /** Received, by outcome. */
  byOutcome: Counts;
  /** Time limits that fell due, by stage. */
  onTime: { [S in MeasuredStage]: OnTime };
  handlingWorkingDays: HandlingDays;
  /** Closed cases that were handled again. */
  rehandled: number;
  /** `rehandled` / closed cases whose re-handling is known. */
  rehandlingRate: number | null;
  /** Satisfied / answered at the follow-up visit, among the cases closed. */
  followUpSatisfactionRate: number | null;
  /** Repeat complaints received (the same complainant key within `statistics.repeat_window`). */
  repeat: number;
  /** `repeat` / complaints received with a complainant key. */
  repeatRate: number | null;
}

/** The header names of a CSV ledger's columns, where they differ from the defaults (the
 * ledger's own names: `number`, `received_at`, …). */
export interface ColumnNames {
  number?: string;
  receivedAt?: string;
  channel?: string;
  category?: string;
  department?: string;
  severity?: string;
  closedAt?: string;
  satisfied?: string;
}

/** How to read a CSV ledger. */
export interface CsvOptions {
  columns?: ColumnNames;
  /** One ASCII character other than a quote or line break; `,` by default. */
  delimiter?: string;
  /** Collect bad rows (`rejected`) instead of stopping at the first (`stats.bad_row`). */
  lenient?: boolean;
}

/** Which periods a report covers. */
export interface ReportOptions {
  from?: PeriodText | null;
  to?: PeriodText | null;
}

/** A row the ledger left out, and why (line and column, never the content). */
export interface RejectedRow {
  line: number;
  column: string | null;
  code: ErrorCode;
}

/** Handling times in hours of the cases closed (null when none closed). */
export interface HandlingHours {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** Counts by name (categories, departments, channels, severities as written). */
export type Counts = { [name: string]: number };

/** The change of the total from the previous period. */
export interface Change {
  absolute: number;
  /** 12.5 means +12.5 %; null when the previous total is 0. */
  percent: number | null;
}

/** One period of a report. */
export interface PeriodStats {
  period: PeriodText;
  total: number;
  byCategory: Counts;
  byDepartment: Counts;
  byChannel: Counts;
  bySeverity: Counts;
  closed: number;
  handlingHours: HandlingHours;
  satisfactionRate: number | null;
  openAtEnd: number;
  change: Change | null;
  /** The office indicators of the period; null when the ledger has no case column. */
  indicators: Indicators | null;
}

/** How fast a category or department grows. */
export interface Trend {
  name: string;
  total: number;
  /** Complaints gained per period (least squares). */
  slope: number;
  percent: number;
}

/** The whole range of a report. */
export interface Overview {
  total: number;
  byCategory: Counts;
  byDepartment: Counts;
  byChannel: Counts;
  bySeverity: Counts;
  closed: number;
  handlingHours: HandlingHours;
  /** Closed cases by handling time, in the buckets of the handling chart. */
  handlingHistogram: number[];
  satisfactionRate: number | null;
  /** The office indicators over the range; null when the ledger has no case column. */
  indicators: Indicators | null;
}

/** How fast categories and departments grow over a report's periods, fastest first. */
export interface Growth {
  categories: Trend[];
  departments: Trend[];
}

/** A statistics report (§7). */
export interface ReportData {
  granularity: Granularity;
  periods: PeriodStats[];
  growth: Growth;
  rejected: RejectedRow[];
  overview: Overview;
}

/** The report's charts, each a self-contained SVG document. */
export interface Charts {
  trend: string;
  categories: string;
  departments: string;
  handling: string;
}

/** The period an instant falls in, with its first instant and its end. */
export interface PeriodInfo {
  period: PeriodText;
  /** Its first and last day. */
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Midnight of its first day, and of the day after its last, in office time. */
  start: Rfc3339;
  end: Rfc3339;
}
"#;

// Optional option objects: typed in the `.d.ts`, optional in the signature.
#[wasm_bindgen]
extern "C" {
    /// `CsvOptions` of the `.d.ts`.
    #[wasm_bindgen(typescript_type = "CsvOptions")]
    pub type CsvOptionsJs;

    /// `ReportOptions` of the `.d.ts`.
    #[wasm_bindgen(typescript_type = "ReportOptions")]
    pub type ReportOptionsJs;
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PeriodStatsJs<'a> {
    period: String,
    total: u64,
    by_category: &'a BTreeMap<String, u64>,
    by_department: &'a BTreeMap<String, u64>,
    by_channel: &'a BTreeMap<String, u64>,
    by_severity: &'a BTreeMap<String, u64>,
    closed: u64,
    handling_hours: &'a core_stats::HandlingHours,
    satisfaction_rate: Option<f64>,
    open_at_end: u64,
    change: Option<&'a core_stats::Change>,
    indicators: Option<IndicatorsJs<'a>>,
}

/// `OnTime` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OnTimeJs {
    due: u64,
    on_time: u64,
    late: u64,
    overdue: u64,
    rate: Option<f64>,
}

/// `Indicators` of the `.d.ts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IndicatorsJs<'a> {
    by_track: &'a BTreeMap<String, u64>,
    by_outcome: &'a BTreeMap<String, u64>,
    on_time: BTreeMap<&'a str, OnTimeJs>,
    handling_working_days: &'a core_stats::HandlingDays,
    rehandled: u64,
    rehandling_rate: Option<f64>,
    follow_up_satisfaction_rate: Option<f64>,
    repeat: u64,
    repeat_rate: Option<f64>,
}

impl<'a> From<&'a Indicators> for IndicatorsJs<'a> {
    fn from(i: &'a Indicators) -> Self {
        IndicatorsJs {
            by_track: &i.by_track,
            by_outcome: &i.by_outcome,
            on_time: i
                .on_time
                .iter()
                .map(|(stage, t)| {
                    (
                        stage.as_str(),
                        OnTimeJs {
                            due: t.due,
                            on_time: t.on_time,
                            late: t.late,
                            overdue: t.overdue,
                            rate: t.rate,
                        },
                    )
                })
                .collect(),
            handling_working_days: &i.handling_working_days,
            rehandled: i.rehandled,
            rehandling_rate: i.rehandling_rate,
            follow_up_satisfaction_rate: i.follow_up_satisfaction_rate,
            repeat: i.repeat,
            repeat_rate: i.repeat_rate,
        }
    }
}

impl<'a> From<&'a PeriodStats> for PeriodStatsJs<'a> {
    fn from(p: &'a PeriodStats) -> Self {
        PeriodStatsJs {
            period: p.period.to_string(),
            total: p.total,
            by_category: &p.by_category,
            by_department: &p.by_department,
            by_channel: &p.by_channel,
            by_severity: &p.by_severity,
            closed: p.closed,
            handling_hours: &p.handling_hours,
            satisfaction_rate: p.satisfaction_rate,
            open_at_end: p.open_at_end,
            change: p.change.as_ref(),
            indicators: p.indicators.as_ref().map(IndicatorsJs::from),
        }
    }
}

#[derive(Serialize)]
struct GrowthJs<'a> {
    categories: &'a [Trend],
    departments: &'a [Trend],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OverviewJs<'a> {
    total: u64,
    by_category: &'a BTreeMap<String, u64>,
    by_department: &'a BTreeMap<String, u64>,
    by_channel: &'a BTreeMap<String, u64>,
    by_severity: &'a BTreeMap<String, u64>,
    closed: u64,
    handling_hours: &'a core_stats::HandlingHours,
    handling_histogram: &'a [u64],
    satisfaction_rate: Option<f64>,
    indicators: Option<IndicatorsJs<'a>>,
}

#[derive(Serialize)]
struct ReportJs<'a> {
    granularity: &'static str,
    periods: Vec<PeriodStatsJs<'a>>,
    growth: GrowthJs<'a>,
    rejected: &'a [Rejected],
    overview: OverviewJs<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PeriodInfoJs {
    period: String,
    first_day: String,
    last_day: String,
    start: String,
    end: String,
}

// A record as JavaScript gives it: the number and instants read by the core (coded errors).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordInput {
    number: String,
    received_at: String,
    category: String,
    department: String,
    #[serde(default)]
    channel: Option<String>,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    closed_at: Option<String>,
    #[serde(default)]
    satisfied: Option<bool>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    rehandled: Option<bool>,
    #[serde(default)]
    follow_up_satisfied: Option<bool>,
    #[serde(default)]
    complainant_key: Option<String>,
    #[serde(default)]
    registration: Option<TimeLimitInput>,
    #[serde(default)]
    plan: Option<TimeLimitInput>,
    #[serde(default)]
    feedback: Option<TimeLimitInput>,
    #[serde(default)]
    follow_up: Option<TimeLimitInput>,
}

/// `TimeLimitData` of the `.d.ts`, as JavaScript gives it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeLimitInput {
    due: String,
    #[serde(default)]
    met_at: Option<String>,
}

impl TimeLimitInput {
    fn read(self) -> JsResult<TimeLimit> {
        Ok(TimeLimit {
            due: parse_instant(&self.due)?,
            met_at: self.met_at.map(|t| parse_instant(&t)).transpose()?,
        })
    }
}

/// `TimeLimitData` of the `.d.ts`, in the office offset.
#[derive(Serialize)]
struct TimeLimitOut {
    due: String,
    met_at: Option<String>,
}

/// `Required<LedgerRecord>` of the `.d.ts`: a row of a ledger with its case columns, instants
/// in the office offset.
#[derive(Serialize)]
pub(crate) struct RowOut {
    number: String,
    received_at: String,
    channel: Option<String>,
    category: String,
    department: String,
    severity: Option<String>,
    closed_at: Option<String>,
    satisfied: Option<bool>,
    track: Option<String>,
    outcome: Option<String>,
    rehandled: Option<bool>,
    follow_up_satisfied: Option<bool>,
    complainant_key: Option<String>,
    registration: Option<TimeLimitOut>,
    plan: Option<TimeLimitOut>,
    feedback: Option<TimeLimitOut>,
    follow_up: Option<TimeLimitOut>,
}

impl RowOut {
    pub(crate) fn new(r: Record, office: FixedOffset) -> Self {
        let at = |t: &Instant| instant_out(&in_office(*t, office));
        let limit = |l: Option<TimeLimit>| {
            l.map(|l| TimeLimitOut {
                due: at(&l.due),
                met_at: l.met_at.as_ref().map(at),
            })
        };
        RowOut {
            number: r.number.to_string(),
            received_at: at(&r.received_at),
            channel: r.channel,
            category: r.category,
            department: r.department,
            severity: r.severity,
            closed_at: r.closed_at.as_ref().map(at),
            satisfied: r.satisfied,
            track: r.track,
            outcome: r.outcome,
            rehandled: r.rehandled,
            follow_up_satisfied: r.follow_up_satisfied,
            complainant_key: r.complainant_key,
            registration: limit(r.registration),
            plan: limit(r.plan),
            feedback: limit(r.feedback),
            follow_up: limit(r.follow_up),
        }
    }
}

/// `LedgerRecord` of the `.d.ts`, as `Case.record` gives it.
#[derive(Serialize)]
pub(crate) struct RecordOut {
    number: String,
    received_at: String,
    channel: Option<String>,
    category: String,
    department: String,
    severity: Option<String>,
    closed_at: Option<String>,
    satisfied: Option<bool>,
    outcome: Option<String>,
}

impl From<Record> for RecordOut {
    fn from(r: Record) -> Self {
        RecordOut {
            number: r.number.to_string(),
            received_at: instant_out(&r.received_at),
            channel: r.channel,
            category: r.category,
            department: r.department,
            severity: r.severity,
            closed_at: r.closed_at.as_ref().map(instant_out),
            satisfied: r.satisfied,
            outcome: r.outcome,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CsvOptionsInput {
    #[serde(default)]
    columns: Option<ColumnNamesInput>,
    #[serde(default)]
    delimiter: Option<String>,
    #[serde(default)]
    lenient: Option<bool>,
}

/// `ColumnNames` of the `.d.ts`: the header of each column, where not the default.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ColumnNamesInput {
    number: Option<String>,
    received_at: Option<String>,
    channel: Option<String>,
    category: Option<String>,
    department: Option<String>,
    severity: Option<String>,
    closed_at: Option<String>,
    satisfied: Option<String>,
}

impl ColumnNamesInput {
    fn read(self) -> ColumnNames {
        let default = ColumnNames::default();
        ColumnNames {
            number: self.number.unwrap_or(default.number),
            received_at: self.received_at.unwrap_or(default.received_at),
            channel: self.channel.unwrap_or(default.channel),
            category: self.category.unwrap_or(default.category),
            department: self.department.unwrap_or(default.department),
            severity: self.severity.unwrap_or(default.severity),
            closed_at: self.closed_at.unwrap_or(default.closed_at),
            satisfied: self.satisfied.unwrap_or(default.satisfied),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ReportOptionsInput {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

/// An optional options object: absent, `undefined` or `null` give the defaults.
fn options_in<T: Default + serde::de::DeserializeOwned>(
    value: Option<JsValue>,
    what: &str,
) -> JsResult<T> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => api_object(&v, what),
        _ => Ok(T::default()),
    }
}

fn leniency(lenient: Option<bool>) -> Leniency {
    if lenient == Some(true) {
        Leniency::Lenient
    } else {
        Leniency::Strict
    }
}

fn csv_options(options: Option<CsvOptionsJs>) -> JsResult<CsvOptions> {
    let input: CsvOptionsInput = options_in(
        options.map(Into::into),
        "options: {columns, delimiter, lenient} expected",
    )?;
    let mut csv = CsvOptions {
        leniency: leniency(input.lenient),
        ..CsvOptions::default()
    };
    if let Some(columns) = input.columns {
        csv.columns = columns.read();
    }
    if let Some(delimiter) = input.delimiter {
        csv.delimiter = CsvOptions::delimiter_from_str(&delimiter)?;
    }
    Ok(csv)
}

fn record_in(value: &JsValue) -> JsResult<Record> {
    let what = "records: {number, received_at, category, department, channel, severity, closed_at, satisfied, outcome, track, rehandled, follow_up_satisfied, complainant_key, registration, plan, feedback, follow_up} expected";
    let input: RecordInput =
        serde_json::from_str(&json_text(value, what)?).map_err(|_| Failure::argument(what))?;
    let mut record = Record::new(
        ComplaintNumber::parse(&input.number)?,
        parse_instant(&input.received_at)?,
        &input.category,
        &input.department,
    );
    record.channel = input.channel;
    record.severity = input.severity;
    record.closed_at = input.closed_at.map(|t| parse_instant(&t)).transpose()?;
    record.satisfied = input.satisfied;
    record.outcome = input.outcome;
    record.track = input.track;
    record.rehandled = input.rehandled;
    record.follow_up_satisfied = input.follow_up_satisfied;
    record.complainant_key = input.complainant_key;
    let limit = |l: Option<TimeLimitInput>| l.map(TimeLimitInput::read).transpose();
    record.registration = limit(input.registration)?;
    record.plan = limit(input.plan)?;
    record.feedback = limit(input.feedback)?;
    record.follow_up = limit(input.follow_up)?;
    Ok(record)
}

/// A complaint ledger: the rows a report counts.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Ledger(pub(crate) core_stats::Ledger);

#[wasm_bindgen]
impl Ledger {
    /// A ledger from records; `lenient` collects bad records instead of stopping at the first.
    #[wasm_bindgen(js_name = fromRecords)]
    pub fn from_records(
        #[wasm_bindgen(unchecked_param_type = "LedgerRecord[]")] records: JsValue,
        lenient: Option<bool>,
    ) -> JsResult<Ledger> {
        let records = array_items(&records, "records: an array of records expected")?
            .iter()
            .map(record_in)
            .collect::<JsResult<Vec<_>>>()?;
        Ok(Ledger(core_stats::Ledger::from_records(
            records,
            leniency(lenient),
        )?))
    }

    /// A ledger from the text of a CSV export (times without an offset are office time), of
    /// at most `maxBytes` bytes (4 GiB by default, as a CSV file), else `input.too_large`.
    #[wasm_bindgen(js_name = fromCsv)]
    pub fn from_csv(
        text: &str,
        policy: &Policy,
        options: Option<CsvOptionsJs>,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Ledger> {
        within(text.len(), max_bytes_or(&max_bytes, MAX_CSV_FILE_BYTES)?)?;
        let csv = csv_options(options)?;
        Ok(Ledger(core_stats::Ledger::from_csv_reader(
            text.as_bytes(),
            &csv,
            &policy.0,
        )?))
    }

    /// A ledger from the bytes of a CSV export, for text that may not be valid UTF-8 (a bad
    /// cell is `stats.invalid_text` at its line and column); at most `maxBytes` bytes (4 GiB
    /// by default), else `input.too_large`.
    #[wasm_bindgen(js_name = fromCsvBytes)]
    pub fn from_csv_bytes(
        bytes: &[u8],
        policy: &Policy,
        options: Option<CsvOptionsJs>,
        #[wasm_bindgen(js_name = maxBytes, unchecked_optional_param_type = "number | null")]
        max_bytes: JsValue,
    ) -> JsResult<Ledger> {
        within(bytes.len(), max_bytes_or(&max_bytes, MAX_CSV_FILE_BYTES)?)?;
        let csv = csv_options(options)?;
        Ok(Ledger(core_stats::Ledger::from_csv_reader(
            bytes, &csv, &policy.0,
        )?))
    }

    /// The number of rows kept.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }

    /// Whether the ledger has the case columns (track, outcome, time limits, …) that the
    /// report's office indicators count: a ledger built from cases has them.
    #[wasm_bindgen(getter, js_name = hasCaseColumns)]
    pub fn has_case_columns(&self) -> bool {
        self.0.has_case_columns()
    }

    /// A copy judged as of `at`: a time limit due before it and not met is overdue in the
    /// report. A ledger built from cases is judged as of the instant it was built for;
    /// otherwise the report takes the latest instant the ledger holds.
    #[wasm_bindgen(js_name = withAsOf)]
    pub fn with_as_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    ) -> JsResult<Ledger> {
        let mut ledger = self.0.clone();
        ledger.set_as_of(instant_in(&at)?);
        Ok(Ledger(ledger))
    }

    /// The rows kept, in input order, with their case columns; instants in the office offset
    /// (`+08:00` when not given).
    #[wasm_bindgen(unchecked_return_type = "Required<LedgerRecord>[]")]
    pub fn records(
        &self,
        #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
        office_offset: Option<String>,
    ) -> JsResult<JsValue> {
        let office = offset_in(office_offset, beijing())?;
        let rows: Vec<RowOut> = self.0.records().map(|r| RowOut::new(r, office)).collect();
        to_js(&rows)
    }

    /// The rows left out (lenient reading), with line, column and code.
    #[wasm_bindgen(unchecked_return_type = "RejectedRow[]")]
    pub fn rejected(&self) -> JsResult<JsValue> {
        to_js(self.0.rejected())
    }

    /// The report of the ledger by `granularity`, over the periods of `options` (by default
    /// from the first to the last period with a record).
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Granularity")] granularity: &str,
        policy: &Policy,
        options: Option<ReportOptionsJs>,
    ) -> JsResult<Report> {
        let granularity = granularity.parse::<Granularity>()?;
        let input: ReportOptionsInput =
            options_in(options.map(Into::into), "options: {from, to} expected")?;
        let period = |text: Option<String>| -> JsResult<Option<Period>> {
            Ok(text.map(|t| t.parse::<Period>()).transpose()?)
        };
        let options = ReportOptions {
            granularity,
            from: period(input.from)?,
            to: period(input.to)?,
        };
        Ok(Report(core_stats::Report::build(
            &self.0, &options, &policy.0,
        )?))
    }
}

/// A statistics report (§7): periods, growth, rejected rows, overview.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Report(core_stats::Report);

#[wasm_bindgen]
impl Report {
    /// The report's figures (for `JSON.stringify` too).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ReportData")]
    pub fn to_json(&self) -> JsResult<JsValue> {
        let r = &self.0;
        let o = &r.overview;
        to_js(&ReportJs {
            granularity: r.granularity.as_str(),
            periods: r.periods.iter().map(PeriodStatsJs::from).collect(),
            growth: GrowthJs {
                categories: &r.growth.categories,
                departments: &r.growth.departments,
            },
            rejected: &r.rejected,
            overview: OverviewJs {
                total: o.total,
                by_category: &o.by_category,
                by_department: &o.by_department,
                by_channel: &o.by_channel,
                by_severity: &o.by_severity,
                closed: o.closed,
                handling_hours: &o.handling_hours,
                handling_histogram: &o.handling_histogram,
                satisfaction_rate: o.satisfaction_rate,
                indicators: o.indicators.as_ref().map(IndicatorsJs::from),
            },
        })
    }

    /// The report's charts, each a self-contained SVG document (labels in the policy's
    /// language).
    #[wasm_bindgen(unchecked_return_type = "Charts")]
    pub fn charts(&self, policy: &Policy) -> JsResult<JsValue> {
        let charts = core_stats::charts(&self.0, &policy.0);
        #[derive(Serialize)]
        struct ChartsJs {
            trend: String,
            categories: String,
            departments: String,
            handling: String,
        }
        to_js(&ChartsJs {
            trend: charts.trend,
            categories: charts.categories,
            departments: charts.departments,
            handling: charts.handling,
        })
    }

    /// A single-file HTML report with the charts.
    pub fn html(&self, policy: &Policy) -> String {
        core_stats::html(&self.0, &policy.0)
    }
}

/// The period of `granularity` an instant falls in, in the office offset (`+08:00` default).
#[wasm_bindgen(js_name = periodOf, unchecked_return_type = "PeriodInfo")]
pub fn period_of(
    #[wasm_bindgen(unchecked_param_type = "InstantInput")] at: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Granularity")] granularity: &str,
    #[wasm_bindgen(js_name = officeOffset, unchecked_optional_param_type = "OffsetText | null")]
    office_offset: Option<String>,
) -> JsResult<JsValue> {
    let granularity = granularity.parse::<Granularity>()?;
    let at = instant_in(&at)?;
    let office = offset_in(office_offset, beijing())?;
    let period = Period::of_instant(at, granularity, office);
    to_js(&PeriodInfoJs {
        period: period.to_string(),
        first_day: date_out(period.first_day()),
        last_day: date_out(period.last_day()),
        start: instant_out(&period.start(office)),
        end: instant_out(&period.end(office)),
    })
}

#[wasm_bindgen]
impl Ledger {
    /// `Ledger(2 records, 1 rejected)`: what `console.log` shows.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        format!(
            "Ledger({} records, {} rejected)",
            self.0.len(),
            self.0.rejected().len()
        )
    }
}

#[wasm_bindgen]
impl Report {
    /// `Report(granularity=month, periods=2025-01..2025-02)`: what `console.log` shows
    /// (`toJSON()` gives the figures).
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display(&self) -> String {
        match (self.0.periods.first(), self.0.periods.last()) {
            (Some(a), Some(b)) => format!(
                "Report(granularity={}, periods={}..{})",
                self.0.granularity, a.period, b.period
            ),
            _ => format!("Report(granularity={}, periods=none)", self.0.granularity),
        }
    }
}
