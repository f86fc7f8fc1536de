//! Statistics (§7): ledgers from records or CSV, monthly, quarterly and annual reports with
//! trends, and their SVG charts and HTML page.

use std::collections::HashMap;
use std::sync::Arc;

use complaint_office::stats as core;

use crate::error::{Result, guard, within};
use crate::number::ComplaintNumber;
use crate::policy::Policy;
use crate::time::{LocalDate, OffsetDateTime, ZoneOffset};
use crate::vocabulary::mirror_vocabulary;
use complaint_office::input::MAX_CSV_FILE_BYTES;

pub use crate::vocabulary::{Granularity, MeasuredStage};

mirror_vocabulary! {
    /// How a complaint ended, or that it has not (§5–§6): the `outcome` column of a ledger
    /// built from cases (a ledger from another system may hold other words, counted as
    /// written).
    Outcome = core::Outcome, parse_outcome {
        /// Handled to the end: the follow-up visit made and the case closed.
        Resolved,
        /// Not admitted as a complaint.
        Rejected,
        /// Withdrawn by the complainant.
        Withdrawn,
        /// Merged into another case as a duplicate.
        Merged,
        /// Lapsed: the complainant never supplied what was missing.
        Lapsed,
        /// Still open.
        Open,
    }
}

/// What to do with a row that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, uniffi::Enum)]
pub enum Leniency {
    /// Stop at the first bad row (`stats.bad_row`).
    #[default]
    Strict,
    /// Leave bad rows out and list them in the ledger's and the report's `rejected`.
    Lenient,
}

impl From<Leniency> for core::Leniency {
    fn from(l: Leniency) -> Self {
        match l {
            Leniency::Strict => core::Leniency::Strict,
            Leniency::Lenient => core::Leniency::Lenient,
        }
    }
}

/// A report period: a month `2025-01`, a quarter `2025-Q1` or a year `2025` (the core's
/// `stats::Period`). Prints as that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq, Hash, Ord)]
pub struct ReportPeriod(core::Period);

impl std::fmt::Display for ReportPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

fn period(p: core::Period) -> Arc<ReportPeriod> {
    Arc::new(ReportPeriod(p))
}

#[uniffi::export]
impl ReportPeriod {
    /// Reads `2025-01`, `2025-Q1` or `2025`.
    ///
    /// # Errors
    /// `stats.invalid_period`.
    #[uniffi::constructor]
    pub fn parse(text: String) -> Result<Arc<Self>> {
        guard(|| Ok(period(text.parse()?)))
    }

    /// The period of `granularity` that `at` falls in, in office time.
    ///
    /// # Errors
    /// Only for arguments the library cannot read.
    #[uniffi::constructor]
    pub fn of_instant(
        at: OffsetDateTime,
        granularity: Granularity,
        office: ZoneOffset,
    ) -> Result<Arc<Self>> {
        guard(|| {
            Ok(period(core::Period::of_instant(
                at,
                granularity.into(),
                office,
            )))
        })
    }

    /// The period of `granularity` that `date` falls in.
    ///
    /// # Errors
    /// Only for a date the library cannot read.
    #[uniffi::constructor]
    pub fn of_date(date: LocalDate, granularity: Granularity) -> Result<Arc<Self>> {
        guard(|| Ok(period(core::Period::of_date(date, granularity.into()))))
    }

    /// Its granularity.
    pub fn granularity(&self) -> Granularity {
        self.0.granularity().into()
    }

    /// Its first day.
    pub fn first_day(&self) -> LocalDate {
        self.0.first_day()
    }

    /// Its last day.
    pub fn last_day(&self) -> LocalDate {
        self.0.last_day()
    }

    /// Its first instant, 00:00 office time of its first day.
    ///
    /// # Errors
    /// Only for an offset out of range.
    pub fn start(&self, office: ZoneOffset) -> Result<OffsetDateTime> {
        guard(|| Ok(self.0.start(office)))
    }

    /// The first instant after it.
    ///
    /// # Errors
    /// Only for an offset out of range.
    pub fn end(&self, office: ZoneOffset) -> Result<OffsetDateTime> {
        guard(|| Ok(self.0.end(office)))
    }

    /// The next period.
    pub fn succ(&self) -> Arc<Self> {
        period(self.0.succ())
    }

    /// The previous period.
    pub fn pred(&self) -> Arc<Self> {
        period(self.0.pred())
    }
}

/// One complaint of a ledger (the core's `stats::Record`).
#[derive(Debug, Clone, uniffi::Record)]
pub struct LedgerRecord {
    /// The complaint number.
    pub number: Arc<ComplaintNumber>,
    /// When it was received.
    pub received_at: OffsetDateTime,
    /// The channel, if recorded.
    pub channel: Option<String>,
    /// The category.
    pub category: String,
    /// The department concerned.
    pub department: String,
    /// The severity, if recorded.
    pub severity: Option<String>,
    /// When it was closed; open while absent.
    pub closed_at: Option<OffsetDateTime>,
    /// Whether the complainant was satisfied, if answered.
    pub satisfied: Option<bool>,
    /// How it ended: `resolved`, `rejected`, `withdrawn`, `merged`, `lapsed`, or `open`;
    /// absent when the ledger does not say.
    #[uniffi(default = None)]
    pub outcome: Option<String>,
    /// The handling track (§4.1.2: `general`, `complex`, `major`), if known. This and the
    /// fields after it are the case columns: a ledger built from cases fills them, and the
    /// report's office indicators ([`Indicators`]) come from them.
    #[uniffi(default = None)]
    pub track: Option<String>,
    /// Whether it was handled again after an objection (§5.1.2), if known.
    #[uniffi(default = None)]
    pub rehandled: Option<bool>,
    /// Whether the complainant said so at the follow-up visit (§5.2.2), if asked and answered.
    #[uniffi(default = None)]
    pub follow_up_satisfied: Option<bool>,
    /// The complainant's key for repeat complaints: an opaque value the host derives (a keyed
    /// hash of the phone number, say), never personal data itself.
    #[uniffi(default = None)]
    pub complainant_key: Option<String>,
    /// Registration's time limit (§2.2.1).
    #[uniffi(default = None)]
    pub registration: Option<TimeLimit>,
    /// The handling plan's time limit (§4.1.2).
    #[uniffi(default = None)]
    pub plan: Option<TimeLimit>,
    /// The feedback's time limit (§4.4.1), first handling round.
    #[uniffi(default = None)]
    pub feedback: Option<TimeLimit>,
    /// The follow-up visit's time limit (§5.2.1), first handling round.
    #[uniffi(default = None)]
    pub follow_up: Option<TimeLimit>,
}

/// A stage's time limit in a ledger row: when it fell due and when it was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct TimeLimit {
    /// The due instant: met before it is on time.
    pub due: OffsetDateTime,
    /// When the stage was met; absent while it is not.
    #[uniffi(default = None)]
    pub met_at: Option<OffsetDateTime>,
}

impl From<TimeLimit> for core::TimeLimit {
    fn from(l: TimeLimit) -> Self {
        core::TimeLimit {
            due: l.due,
            met_at: l.met_at,
        }
    }
}

impl From<core::TimeLimit> for TimeLimit {
    fn from(l: core::TimeLimit) -> Self {
        TimeLimit {
            due: l.due,
            met_at: l.met_at,
        }
    }
}

impl From<LedgerRecord> for core::Record {
    fn from(r: LedgerRecord) -> Self {
        let mut record = core::Record::new(r.number.0, r.received_at, r.category, r.department);
        record.channel = r.channel;
        record.severity = r.severity;
        record.closed_at = r.closed_at;
        record.satisfied = r.satisfied;
        record.outcome = r.outcome;
        record.track = r.track;
        record.rehandled = r.rehandled;
        record.follow_up_satisfied = r.follow_up_satisfied;
        record.complainant_key = r.complainant_key;
        record.registration = r.registration.map(Into::into);
        record.plan = r.plan.map(Into::into);
        record.feedback = r.feedback.map(Into::into);
        record.follow_up = r.follow_up.map(Into::into);
        record
    }
}

impl From<core::Record> for LedgerRecord {
    fn from(r: core::Record) -> Self {
        LedgerRecord {
            number: ComplaintNumber::arc(r.number),
            received_at: r.received_at,
            channel: r.channel,
            category: r.category,
            department: r.department,
            severity: r.severity,
            closed_at: r.closed_at,
            satisfied: r.satisfied,
            outcome: r.outcome,
            track: r.track,
            rehandled: r.rehandled,
            follow_up_satisfied: r.follow_up_satisfied,
            complainant_key: r.complainant_key,
            registration: r.registration.map(Into::into),
            plan: r.plan.map(Into::into),
            feedback: r.feedback.map(Into::into),
            follow_up: r.follow_up.map(Into::into),
        }
    }
}

/// The header names of a ledger's CSV columns.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ColumnNames {
    /// The complaint number column.
    pub number: String,
    /// The receipt instant column.
    pub received_at: String,
    /// The channel column.
    pub channel: String,
    /// The category column.
    pub category: String,
    /// The department column.
    pub department: String,
    /// The severity column.
    pub severity: String,
    /// The closing instant column.
    pub closed_at: String,
    /// The satisfaction column.
    pub satisfied: String,
}

impl From<core::ColumnNames> for ColumnNames {
    fn from(c: core::ColumnNames) -> Self {
        ColumnNames {
            number: c.number,
            received_at: c.received_at,
            channel: c.channel,
            category: c.category,
            department: c.department,
            severity: c.severity,
            closed_at: c.closed_at,
            satisfied: c.satisfied,
        }
    }
}

impl From<ColumnNames> for core::ColumnNames {
    fn from(c: ColumnNames) -> Self {
        core::ColumnNames {
            number: c.number,
            received_at: c.received_at,
            channel: c.channel,
            category: c.category,
            department: c.department,
            severity: c.severity,
            closed_at: c.closed_at,
            satisfied: c.satisfied,
        }
    }
}

/// How to read a ledger's CSV.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CsvOptions {
    /// The column names.
    pub columns: ColumnNames,
    /// The delimiter: one ASCII character, or `tab`.
    pub delimiter: String,
    /// What to do with bad rows.
    pub leniency: Leniency,
}

/// The default CSV options: the canonical column names, `,`, strict.
///
/// # Errors
/// Only `internal.panic`.
#[uniffi::export]
pub fn default_csv_options() -> Result<CsvOptions> {
    guard(|| {
        Ok(CsvOptions {
            columns: core::CsvOptions::default().columns.into(),
            delimiter: ",".to_owned(),
            leniency: Leniency::Strict,
        })
    })
}

/// A row left out in lenient mode: where it is and why, never what it says.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Rejected {
    /// The CSV line the row starts on (the header is line 1), or the 1-based position.
    pub line: i64,
    /// The column at fault, as named in the input.
    pub column: Option<String>,
    /// Why: a `stats.*` code or the cell's parser's code.
    pub code: String,
}

fn rejected(r: &core::Rejected) -> Rejected {
    Rejected {
        line: i64::try_from(r.line).unwrap_or(i64::MAX),
        column: r.column.clone(),
        code: r.code.to_owned(),
    }
}

/// A complaint ledger, validated and stored by column.
#[derive(Clone, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Ledger(pub(crate) core::Ledger);

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger")
            .field("len", &self.0.len())
            .finish()
    }
}

#[uniffi::export]
impl Ledger {
    /// A ledger from records.
    ///
    /// # Errors
    /// `stats.bad_row` (strict) with the position and code of the first bad record.
    #[uniffi::constructor]
    pub fn from_records(records: Vec<LedgerRecord>, leniency: Leniency) -> Result<Arc<Self>> {
        guard(|| {
            let records: Vec<core::Record> = records.into_iter().map(Into::into).collect();
            Ok(Arc::new(Ledger(core::Ledger::from_records(
                records,
                leniency.into(),
            )?)))
        })
    }

    /// A ledger from CSV text with a header row.
    ///
    /// # Errors
    /// `stats.invalid_delimiter`, `stats.missing_column`, `stats.duplicate_column`,
    /// `stats.bad_row` (strict).
    #[uniffi::constructor]
    pub fn from_csv(text: String, options: CsvOptions, policy: Arc<Policy>) -> Result<Arc<Self>> {
        Self::from_csv_bytes(text.into_bytes(), options, policy)
    }

    /// The same as [`Self::from_csv`] (the name the other bindings use).
    ///
    /// # Errors
    /// As [`Self::from_csv`].
    #[uniffi::constructor]
    pub fn from_csv_text(
        text: String,
        options: CsvOptions,
        policy: Arc<Policy>,
    ) -> Result<Arc<Self>> {
        Self::from_csv_bytes(text.into_bytes(), options, policy)
    }

    /// A ledger from CSV bytes as read from a file (UTF-8 expected; bad bytes are a bad row).
    ///
    /// # Errors
    /// As [`Self::from_csv`]; `stats.unreadable`; `input.too_large` over 4 GiB (the maximum
    /// of a CSV ledger file in every binding).
    #[uniffi::constructor]
    pub fn from_csv_bytes(
        bytes: Vec<u8>,
        options: CsvOptions,
        policy: Arc<Policy>,
    ) -> Result<Arc<Self>> {
        within(bytes.len(), MAX_CSV_FILE_BYTES)?;
        guard(|| {
            let options = core::CsvOptions {
                columns: options.columns.into(),
                delimiter: core::CsvOptions::delimiter_from_str(&options.delimiter)?,
                leniency: options.leniency.into(),
            };
            let ledger = core::Ledger::from_csv_reader(bytes.as_slice(), &options, &policy.0)?;
            Ok(Arc::new(Ledger(ledger)))
        })
    }

    /// The number of complaints.
    pub fn len(&self) -> i64 {
        i64::try_from(self.0.len()).unwrap_or(i64::MAX)
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The rows left out (lenient mode), and for a ledger built from cases the histories
    /// refused and the cases not yet numbered.
    pub fn rejected(&self) -> Vec<Rejected> {
        self.0.rejected().iter().map(rejected).collect()
    }

    /// The rows, in order, as records (instants in UTC).
    pub fn records(&self) -> Vec<LedgerRecord> {
        self.0.records().map(Into::into).collect()
    }

    /// This ledger judged as of `at`: a time limit due before it and not met by it is
    /// overdue in the report. A ledger built from cases is judged as of the instant it was
    /// built for; otherwise the report takes the latest instant the ledger holds.
    ///
    /// # Errors
    /// Only for an instant the library cannot read.
    pub fn with_as_of(&self, at: OffsetDateTime) -> Result<Arc<Self>> {
        guard(|| {
            let mut ledger = self.0.clone();
            ledger.set_as_of(at);
            Ok(Arc::new(Ledger(ledger)))
        })
    }

    /// Whether any row has a case column (track, outcome, time limits, …): the report then
    /// gives the office indicators.
    pub fn has_case_columns(&self) -> bool {
        self.0.has_case_columns()
    }

    /// The report of this ledger over the options' range: [`Report::build`].
    ///
    /// # Errors
    /// `stats.invalid_range`.
    pub fn report(
        self: Arc<Self>,
        options: ReportOptions,
        policy: Arc<Policy>,
    ) -> Result<Arc<Report>> {
        Report::build(self, options, policy)
    }
}

/// What a report covers.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ReportOptions {
    /// Months, quarters or years.
    pub granularity: Granularity,
    /// The first period; the ledger's first when absent.
    pub from: Option<Arc<ReportPeriod>>,
    /// The last period; the ledger's last when absent.
    pub to: Option<Arc<ReportPeriod>>,
}

/// Mean, median and 90th percentile of handling times, in hours; absent when none closed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct HandlingHours {
    /// The mean.
    pub mean: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The 90th percentile.
    pub p90: Option<f64>,
}

impl From<core::HandlingHours> for HandlingHours {
    fn from(h: core::HandlingHours) -> Self {
        HandlingHours {
            mean: h.mean,
            median: h.median,
            p90: h.p90,
        }
    }
}

/// The change of a period's total against the previous period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Change {
    /// This total minus the previous.
    pub absolute: i64,
    /// As a percentage of the previous total; absent when that was 0.
    pub percent: Option<f64>,
}

/// The time limits of one stage that fell due in a period.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct OnTime {
    /// Decided limits that fell due: `on_time + late + overdue`.
    pub due: i64,
    /// Met before the due instant.
    pub on_time: i64,
    /// Met at or after the due instant.
    pub late: i64,
    /// Not met by the ledger's "as of" instant.
    pub overdue: i64,
    /// `on_time / due`; absent when nothing fell due.
    pub rate: Option<f64>,
}

/// Handling time in working days (§7.1.1): mean, median and 90th percentile; absent when no
/// case closed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct HandlingDays {
    /// The mean.
    pub mean: Option<f64>,
    /// The median.
    pub median: Option<f64>,
    /// The 90th percentile.
    pub p90: Option<f64>,
}

/// The office indicators of a period or of a report's range (ISO 10002, GB/T 17242): on-time
/// rates per stage, overdue counts, handling time in working days, re-handling, repeat
/// complaints, outcomes, the follow-up visit's satisfaction. A report has them when its
/// ledger has case columns.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Indicators {
    /// Received, by track.
    pub by_track: HashMap<String, i64>,
    /// Received, by outcome.
    pub by_outcome: HashMap<String, i64>,
    /// Time limits that fell due, by stage (`registration`, `plan`, `feedback`,
    /// `follow_up`).
    pub on_time: HashMap<String, OnTime>,
    /// Handling time in working days of the cases closed.
    pub handling_working_days: HandlingDays,
    /// Closed cases that were handled again.
    pub rehandled: i64,
    /// `rehandled` / closed cases whose re-handling is known.
    pub rehandling_rate: Option<f64>,
    /// Satisfied / answered at the follow-up visit, among the cases closed.
    pub follow_up_satisfaction_rate: Option<f64>,
    /// Repeat complaints received (the same complainant key within
    /// `statistics.repeat_window`).
    pub repeat: i64,
    /// `repeat` / complaints received with a complainant key.
    pub repeat_rate: Option<f64>,
}

impl From<&core::Indicators> for Indicators {
    fn from(i: &core::Indicators) -> Self {
        Indicators {
            by_track: counts(&i.by_track),
            by_outcome: counts(&i.by_outcome),
            on_time: i
                .on_time
                .iter()
                .map(|(stage, t)| {
                    (
                        stage.clone(),
                        OnTime {
                            due: count(t.due),
                            on_time: count(t.on_time),
                            late: count(t.late),
                            overdue: count(t.overdue),
                            rate: t.rate,
                        },
                    )
                })
                .collect(),
            handling_working_days: HandlingDays {
                mean: i.handling_working_days.mean,
                median: i.handling_working_days.median,
                p90: i.handling_working_days.p90,
            },
            rehandled: count(i.rehandled),
            rehandling_rate: i.rehandling_rate,
            follow_up_satisfaction_rate: i.follow_up_satisfaction_rate,
            repeat: count(i.repeat),
            repeat_rate: i.repeat_rate,
        }
    }
}

/// The figures of one period.
#[derive(Debug, Clone, uniffi::Record)]
pub struct PeriodStats {
    /// The period.
    pub period: Arc<ReportPeriod>,
    /// Complaints received in it.
    pub total: i64,
    /// Received, by category.
    pub by_category: HashMap<String, i64>,
    /// Received, by department.
    pub by_department: HashMap<String, i64>,
    /// Received, by channel.
    pub by_channel: HashMap<String, i64>,
    /// Received, by severity.
    pub by_severity: HashMap<String, i64>,
    /// Cases closed in it.
    pub closed: i64,
    /// Handling time of the cases closed in it.
    pub handling_hours: HandlingHours,
    /// Satisfied / answered among the cases closed in it.
    pub satisfaction_rate: Option<f64>,
    /// Cases open at its end.
    pub open_at_end: i64,
    /// Against the previous period.
    pub change: Option<Change>,
    /// The office indicators, when the ledger has case columns.
    pub indicators: Option<Indicators>,
}

/// A category's or department's trend over the range.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Trend {
    /// The category or department.
    pub name: String,
    /// Its complaints over the range.
    pub total: i64,
    /// Least-squares slope: complaints gained per period.
    pub slope: f64,
    /// The slope as a percentage of its average per period.
    pub percent: f64,
}

/// Growth over the range, steepest first.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Growth {
    /// Categories.
    pub categories: Vec<Trend>,
    /// Departments.
    pub departments: Vec<Trend>,
}

/// Figures over the whole range, for charts and headlines.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Overview {
    /// Complaints received in the range.
    pub total: i64,
    /// Received, by category.
    pub by_category: HashMap<String, i64>,
    /// Received, by department.
    pub by_department: HashMap<String, i64>,
    /// Received, by channel.
    pub by_channel: HashMap<String, i64>,
    /// Received, by severity.
    pub by_severity: HashMap<String, i64>,
    /// Cases closed in the range.
    pub closed: i64,
    /// Handling time of the cases closed in the range.
    pub handling_hours: HandlingHours,
    /// Closed cases per handling-time bucket (0, 24, 72, 168, 360, 720 hours and more).
    pub handling_histogram: Vec<i64>,
    /// Satisfied / answered among the cases closed in the range.
    pub satisfaction_rate: Option<f64>,
    /// The office indicators over the range, when the ledger has case columns.
    pub indicators: Option<Indicators>,
}

/// The charts of a report, each a complete SVG document.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Charts {
    /// Complaints per period, stacked by category.
    pub trend: String,
    /// Complaints by category, one bar each.
    pub categories: String,
    /// Complaints by department, one bar each.
    pub departments: String,
    /// The distribution of handling times.
    pub handling: String,
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn counts(map: &std::collections::BTreeMap<String, u64>) -> HashMap<String, i64> {
    map.iter().map(|(k, &v)| (k.clone(), count(v))).collect()
}

fn trends(trends: &[core::Trend]) -> Vec<Trend> {
    trends
        .iter()
        .map(|t| Trend {
            name: t.name.clone(),
            total: count(t.total),
            slope: t.slope,
            percent: t.percent,
        })
        .collect()
}

/// A periodic report (§7.1.2).
#[derive(Debug, Clone, uniffi::Object)]
#[uniffi::export(Display)]
pub struct Report(core::Report);

#[uniffi::export]
impl Report {
    /// The report of `ledger` over the options' range.
    ///
    /// # Errors
    /// `stats.invalid_range`.
    #[uniffi::constructor]
    pub fn build(
        ledger: Arc<Ledger>,
        options: ReportOptions,
        policy: Arc<Policy>,
    ) -> Result<Arc<Self>> {
        guard(|| {
            let options = core::ReportOptions {
                granularity: options.granularity.into(),
                from: options.from.map(|p| p.0),
                to: options.to.map(|p| p.0),
            };
            Ok(Arc::new(Report(core::Report::build(
                &ledger.0, &options, &policy.0,
            )?)))
        })
    }

    /// The office indicators over the whole range (as in [`Self::overview`]), when the
    /// ledger has case columns.
    pub fn indicators(&self) -> Option<Indicators> {
        self.0.overview.indicators.as_ref().map(Into::into)
    }

    /// Months, quarters or years.
    pub fn granularity(&self) -> Granularity {
        self.0.granularity.into()
    }

    /// One entry per period of the range, in order.
    pub fn periods(&self) -> Vec<PeriodStats> {
        self.0
            .periods
            .iter()
            .map(|p| PeriodStats {
                period: period(p.period),
                total: count(p.total),
                by_category: counts(&p.by_category),
                by_department: counts(&p.by_department),
                by_channel: counts(&p.by_channel),
                by_severity: counts(&p.by_severity),
                closed: count(p.closed),
                handling_hours: p.handling_hours.into(),
                satisfaction_rate: p.satisfaction_rate,
                open_at_end: count(p.open_at_end),
                change: p.change.map(|c| Change {
                    absolute: c.absolute,
                    percent: c.percent,
                }),
                indicators: p.indicators.as_ref().map(Into::into),
            })
            .collect()
    }

    /// The fastest-growing categories and departments.
    pub fn growth(&self) -> Growth {
        Growth {
            categories: trends(&self.0.growth.categories),
            departments: trends(&self.0.growth.departments),
        }
    }

    /// Rows the ledger left out in lenient mode.
    pub fn rejected(&self) -> Vec<Rejected> {
        self.0.rejected.iter().map(rejected).collect()
    }

    /// Figures over the whole range.
    pub fn overview(&self) -> Overview {
        let o = &self.0.overview;
        Overview {
            total: count(o.total),
            by_category: counts(&o.by_category),
            by_department: counts(&o.by_department),
            by_channel: counts(&o.by_channel),
            by_severity: counts(&o.by_severity),
            closed: count(o.closed),
            handling_hours: o.handling_hours.into(),
            handling_histogram: o.handling_histogram.iter().map(|&n| count(n)).collect(),
            satisfaction_rate: o.satisfaction_rate,
            indicators: o.indicators.as_ref().map(Into::into),
        }
    }

    /// The report in its documented JSON shape (`granularity`, `periods`, `growth`,
    /// `rejected`), for hosts that store or forward it.
    ///
    /// # Errors
    /// `stats.unwritable` if the report cannot be written as JSON (not expected).
    pub fn to_json(&self) -> Result<String> {
        guard(|| Ok(self.0.to_json()?))
    }

    /// The charts, labelled in the policy's language.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn charts(&self, policy: Arc<Policy>) -> Result<Charts> {
        guard(|| {
            let c = core::charts(&self.0, &policy.0);
            Ok(Charts {
                trend: c.trend,
                categories: c.categories,
                departments: c.departments,
                handling: c.handling,
            })
        })
    }

    /// A self-contained HTML page with the figures and charts.
    ///
    /// # Errors
    /// Only `internal.panic`.
    pub fn html(&self, policy: Arc<Policy>) -> Result<String> {
        guard(|| Ok(core::html(&self.0, &policy.0)))
    }
}

/// `Ledger(2 records, 1 rejected)`: Kotlin's `toString()`.
impl std::fmt::Display for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Ledger({} records, {} rejected)",
            self.0.len(),
            self.0.rejected().len()
        )
    }
}

/// `Report(granularity=month, periods=2025-01..2025-02)`: Kotlin's `toString()`.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.0.periods.first(), self.0.periods.last()) {
            (Some(a), Some(b)) => write!(
                f,
                "Report(granularity={}, periods={}..{})",
                self.0.granularity, a.period, b.period
            ),
            _ => write!(
                f,
                "Report(granularity={}, periods=none)",
                self.0.granularity
            ),
        }
    }
}
