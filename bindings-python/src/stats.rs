//! Statistics (§7): ledgers from a CSV file or text, records or columns; monthly, quarterly and
//! yearly reports as typed objects with `to_dict()` (the `stats.report` op's shape); SVG charts
//! and a single-file HTML report.

use std::path::PathBuf;

use complaint_office::policy::Policy;
use complaint_office::stats::synthetic::Synthetic;
use complaint_office::stats::{
    self, Change, ColumnNames, Columns, CsvOptions, Granularity, Growth, HandlingDays,
    HandlingHours, Indicators, Ledger, Leniency, OnTime, Overview, Period, PeriodStats, Record,
    Rejected, Report, ReportOptions, TimeLimit, Trend,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::{
    Arg, At, Count, Date, Many, Month, Offset, Ref, Text, date_to_py, from_json, instant_to_py,
    opt_instant_to_py, py_enum, to_json,
};
use crate::errors::{err, type_error};
use crate::guard;
use crate::number::{NumberArg, PyComplaintNumber};
use crate::policy::PyPolicy;

pub(crate) fn policy_or_default(policy: Option<&PyPolicy>) -> Policy {
    policy.map_or_else(Policy::default, |p| p.0.clone())
}

fn leniency(lenient: bool) -> Leniency {
    if lenient {
        Leniency::Lenient
    } else {
        Leniency::Strict
    }
}

pub(crate) fn granularity(text: &str) -> PyResult<Granularity> {
    text.parse().map_err(err)
}

pub(crate) fn json_of<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
    from_json(py, &value)
}

/// A month (`2025-01`), quarter (`2025-Q1`) or year (`2025`): the unit of a report row.
#[pyclass(
    name = "Period",
    module = "complaint_office.stats",
    frozen,
    eq,
    ord,
    hash,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PyPeriod(pub(crate) Period);

#[pymethods]
impl PyPeriod {
    /// Reads `2025-01`, `2025-Q1` or `2025`; `StatsError` (`stats.invalid_period`) otherwise.
    #[staticmethod]
    fn parse(text: Text) -> PyResult<Self> {
        guard(|| text.parse().map(PyPeriod).map_err(err))
    }

    /// The period of `granularity` that `at` falls in, in office time.
    #[staticmethod]
    fn of_instant(at: At, granularity: Text, office_offset: Offset) -> PyResult<Self> {
        guard(|| {
            Ok(PyPeriod(Period::of_instant(
                at.0,
                self::granularity(&granularity)?,
                office_offset.0,
            )))
        })
    }

    /// The period of `granularity` that `date` falls in.
    #[staticmethod]
    fn of_date(date: Date, granularity: Text) -> PyResult<Self> {
        guard(|| {
            Ok(PyPeriod(Period::of_date(
                date.0,
                self::granularity(&granularity)?,
            )))
        })
    }

    /// Month, quarter or year (a `Granularity`).
    #[getter]
    fn granularity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.stats",
            "Granularity",
            self.0.granularity().as_str()
        )
    }

    /// Its first day.
    #[getter]
    fn first_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.first_day())
    }

    /// Its last day.
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.last_day())
    }

    /// Its first instant in `office_offset`.
    fn start<'py>(&self, py: Python<'py>, office_offset: Offset) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.start(office_offset.0))
    }

    /// Its end (the next period's first instant) in `office_offset`.
    fn end<'py>(&self, py: Python<'py>, office_offset: Offset) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.end(office_offset.0))
    }

    /// The next period.
    fn succ(&self) -> Self {
        PyPeriod(self.0.succ())
    }

    /// The previous period.
    fn pred(&self) -> Self {
        PyPeriod(self.0.pred())
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Period('{}')", self.0)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        Ok((slf.get_type().getattr("parse")?, (slf.get().0.to_string(),)))
    }
}

/// One complaint of a ledger: number, receipt, category, department, and optionally channel,
/// severity, closing instant, satisfaction and outcome. `Case.record()` gives a case's row.
#[pyclass(
    name = "Record",
    module = "complaint_office.stats",
    frozen,
    from_py_object
)]
#[derive(Debug, Clone)]
pub struct PyRecord(pub(crate) Record);

#[pymethods]
impl PyRecord {
    /// A record; instants are aware datetimes or RFC 3339 text. The case columns (from
    /// `track` on) are optional: a ledger with any of them gets the office indicators in its
    /// report.
    #[new]
    #[pyo3(signature = (number, received_at, category, department, channel = None, severity = None, closed_at = None, satisfied = None, outcome = None, *, track = None, rehandled = None, follow_up_satisfied = None, complainant_key = None, registration = None, plan = None, feedback = None, follow_up = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        number: NumberArg,
        received_at: At,
        category: Text,
        department: Text,
        channel: Option<Text>,
        severity: Option<Text>,
        closed_at: Option<At>,
        satisfied: Option<Arg<bool>>,
        outcome: Option<Text>,
        track: Option<Text>,
        rehandled: Option<Arg<bool>>,
        follow_up_satisfied: Option<Arg<bool>>,
        complainant_key: Option<Text>,
        registration: Option<Arg<PyTimeLimit>>,
        plan: Option<Arg<PyTimeLimit>>,
        feedback: Option<Arg<PyTimeLimit>>,
        follow_up: Option<Arg<PyTimeLimit>>,
    ) -> Self {
        let mut record = Record::new(number.0, received_at.0, category.0, department.0);
        record.channel = channel.map(String::from);
        record.severity = severity.map(String::from);
        record.closed_at = closed_at.map(|a| a.0);
        record.satisfied = satisfied.map(|s| s.0);
        record.outcome = outcome.map(String::from);
        record.track = track.map(String::from);
        record.rehandled = rehandled.map(|r| r.0);
        record.follow_up_satisfied = follow_up_satisfied.map(|s| s.0);
        record.complainant_key = complainant_key.map(String::from);
        record.registration = registration.map(|l| l.0.0);
        record.plan = plan.map(|l| l.0.0);
        record.feedback = feedback.map(|l| l.0.0);
        record.follow_up = follow_up.map(|l| l.0.0);
        PyRecord(record)
    }

    /// The complaint number (§2.2.3).
    #[getter]
    fn number(&self) -> PyComplaintNumber {
        PyComplaintNumber(self.0.number)
    }

    /// When the complaint was received (§2.2.1): it counts in the period this falls in.
    #[getter]
    fn received_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.received_at)
    }

    /// How it arrived (`email`, `hotline`, …), if the ledger says.
    #[getter]
    fn channel(&self) -> Option<&str> {
        self.0.channel.as_deref()
    }

    /// The category (§2.2.2).
    #[getter]
    fn category(&self) -> &str {
        &self.0.category
    }

    /// The department concerned (§2.2.2).
    #[getter]
    fn department(&self) -> &str {
        &self.0.department
    }

    /// The severity (§2.2.4), if the ledger says.
    #[getter]
    fn severity(&self) -> Option<&str> {
        self.0.severity.as_deref()
    }

    /// When the case was closed or ended by a disposition; None while open.
    #[getter]
    fn closed_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.closed_at)
    }

    /// Whether the complainant was satisfied (§4.4.2, §5.2.2); None when not answered.
    #[getter]
    fn satisfied(&self) -> Option<bool> {
        self.0.satisfied
    }

    /// How the complaint ended: `resolved`, `rejected`, `withdrawn`, `merged`, `lapsed`, or
    /// `open`; None when the ledger does not say.
    #[getter]
    fn outcome(&self) -> Option<&str> {
        self.0.outcome.as_deref()
    }

    /// The handling track (`general`, `complex`, `major`), if known.
    #[getter]
    fn track(&self) -> Option<&str> {
        self.0.track.as_deref()
    }

    /// Whether it was handled again after an objection (§5.1.2), if known.
    #[getter]
    fn rehandled(&self) -> Option<bool> {
        self.0.rehandled
    }

    /// Whether the complainant was satisfied at the follow-up visit (§5.2.2); None when not
    /// asked or not answered.
    #[getter]
    fn follow_up_satisfied(&self) -> Option<bool> {
        self.0.follow_up_satisfied
    }

    /// The complainant's key for repeat complaints (an opaque value the host derives, never
    /// personal data itself), if given.
    #[getter]
    fn complainant_key(&self) -> Option<&str> {
        self.0.complainant_key.as_deref()
    }

    /// Registration's time limit (§2.2.1), or None.
    #[getter]
    fn registration(&self) -> Option<PyTimeLimit> {
        self.0.registration.map(PyTimeLimit)
    }

    /// The handling plan's time limit (§4.1.2), or None.
    #[getter]
    fn plan(&self) -> Option<PyTimeLimit> {
        self.0.plan.map(PyTimeLimit)
    }

    /// The feedback's time limit (§4.4.1, first round), or None.
    #[getter]
    fn feedback(&self) -> Option<PyTimeLimit> {
        self.0.feedback.map(PyTimeLimit)
    }

    /// The follow-up visit's time limit (§5.2.1, first round), or None.
    #[getter]
    fn follow_up(&self) -> Option<PyTimeLimit> {
        self.0.follow_up.map(PyTimeLimit)
    }

    /// The JSON form. By default the `case.record` op's shape: `{"number", "received_at",
    /// "channel", "category", "department", "severity", "closed_at", "satisfied",
    /// "outcome"}`; with `case_columns=True` also `"track"`, `"rehandled"`,
    /// `"follow_up_satisfied"`, `"complainant_key"` and the time limits `"registration"`,
    /// `"plan"`, `"feedback"`, `"follow_up"` (each `{"due", "met_at"}` or None), the shape of a
    /// row of the `office.ledger` op. Instants in their own offset.
    #[pyo3(signature = (case_columns = Arg(false)), text_signature = "($self, case_columns=False)")]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        case_columns: Arg<bool>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("number", r.number.to_string())?;
        dict.set_item(
            "received_at",
            complaint_office::time::format_instant(&r.received_at),
        )?;
        dict.set_item("channel", r.channel.as_deref())?;
        dict.set_item("category", &r.category)?;
        dict.set_item("department", &r.department)?;
        dict.set_item("severity", r.severity.as_deref())?;
        dict.set_item(
            "closed_at",
            r.closed_at
                .map(|at| complaint_office::time::format_instant(&at)),
        )?;
        dict.set_item("satisfied", r.satisfied)?;
        dict.set_item("outcome", r.outcome.as_deref())?;
        if case_columns.0 {
            dict.set_item("track", r.track.as_deref())?;
            dict.set_item("rehandled", r.rehandled)?;
            dict.set_item("follow_up_satisfied", r.follow_up_satisfied)?;
            dict.set_item("complainant_key", r.complainant_key.as_deref())?;
            for (key, limit) in [
                ("registration", r.registration),
                ("plan", r.plan),
                ("feedback", r.feedback),
                ("follow_up", r.follow_up),
            ] {
                let value = limit.map(|l| PyTimeLimit(l).to_dict(py)).transpose()?;
                dict.set_item(key, value)?;
            }
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Record(number='{}', category='{}', outcome={})",
            self.0.number,
            self.0.category,
            self.0
                .outcome
                .as_deref()
                .map_or_else(|| "None".to_owned(), |o| format!("'{o}'"))
        )
    }
}

/// A stage's time limit in a ledger row: when it fell due and when it was met (None while
/// not). Met before `due` is on time.
///
/// >>> from complaint_office.stats import TimeLimit
/// >>> TimeLimit("2025-10-12T00:00:00+08:00", met_at="2025-10-10T16:00:00+08:00").on_time
/// True
#[pyclass(
    name = "TimeLimit",
    module = "complaint_office.stats",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PyTimeLimit(pub(crate) TimeLimit);

#[pymethods]
impl PyTimeLimit {
    /// A time limit; instants are aware datetimes or RFC 3339 text.
    #[new]
    #[pyo3(signature = (due, met_at = None))]
    fn new(due: At, met_at: Option<At>) -> Self {
        PyTimeLimit(TimeLimit {
            due: due.0,
            met_at: met_at.map(|a| a.0),
        })
    }

    /// The due instant.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.due)
    }

    /// When the stage was met, or None.
    #[getter]
    fn met_at<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_instant_to_py(py, self.0.met_at)
    }

    /// Whether it was met before the due instant (False while not met).
    #[getter]
    fn on_time(&self) -> bool {
        self.0.met_at.is_some_and(|m| m < self.0.due)
    }

    /// `{"due", "met_at"}` (RFC 3339 text in their own offset).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let fmt = complaint_office::time::format_instant;
        let dict = PyDict::new(py);
        dict.set_item("due", fmt(&self.0.due))?;
        dict.set_item("met_at", self.0.met_at.as_ref().map(fmt))?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("TimeLimit", self.to_dict(py)?.as_any())
    }
}

/// The time limits of one stage that fell due in a period: on time, late (met at or after the
/// due instant), overdue (not met by the ledger's "as of" instant), their sum `due`, and
/// `rate` = on_time / due (None when nothing fell due).
#[pyclass(name = "OnTime", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone, Copy)]
pub struct PyOnTime(OnTime);

#[pymethods]
impl PyOnTime {
    /// Decided limits that fell due: `on_time + late + overdue`.
    #[getter]
    fn due(&self) -> u64 {
        self.0.due
    }

    /// Met before the due instant.
    #[getter]
    fn on_time(&self) -> u64 {
        self.0.on_time
    }

    /// Met at or after the due instant.
    #[getter]
    fn late(&self) -> u64 {
        self.0.late
    }

    /// Not met by the ledger's "as of" instant.
    #[getter]
    fn overdue(&self) -> u64 {
        self.0.overdue
    }

    /// `on_time / due`, or None when nothing fell due.
    #[getter]
    fn rate(&self) -> Option<f64> {
        self.0.rate
    }

    /// `{"due", "on_time", "late", "overdue", "rate"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("OnTime", &self.to_dict(py)?)
    }
}

/// Handling time in working days (§7.1.1) of the cases closed: mean, median and 90th
/// percentile, each None when none closed.
#[pyclass(name = "HandlingDays", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone, Copy)]
pub struct PyHandlingDays(HandlingDays);

#[pymethods]
impl PyHandlingDays {
    /// The mean, or None.
    #[getter]
    fn mean(&self) -> Option<f64> {
        self.0.mean
    }

    /// The median, or None.
    #[getter]
    fn median(&self) -> Option<f64> {
        self.0.median
    }

    /// The 90th percentile, or None.
    #[getter]
    fn p90(&self) -> Option<f64> {
        self.0.p90
    }

    /// `{"mean", "median", "p90"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("HandlingDays", &self.to_dict(py)?)
    }
}

/// The office indicators of a period or of a report's range (ISO 10002, GB/T 17242): on-time
/// rate per stage, overdue counts, handling time in working days, re-handling, repeat
/// complaints, outcomes and the follow-up visit's satisfaction. A report has them when its
/// ledger has case columns (a ledger built from cases always does).
#[pyclass(name = "Indicators", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone)]
pub struct PyIndicators(Indicators);

#[pymethods]
impl PyIndicators {
    /// Received, by track.
    #[getter]
    fn by_track(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_track.clone()
    }

    /// Received, by outcome (`resolved`, `rejected`, …, `open`).
    #[getter]
    fn by_outcome(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_outcome.clone()
    }

    /// The time limits that fell due, by stage (`registration`, `plan`, `feedback`,
    /// `follow_up`: the `MeasuredStage` names).
    #[getter]
    fn on_time(&self) -> std::collections::BTreeMap<String, PyOnTime> {
        self.0
            .on_time
            .iter()
            .map(|(k, v)| (k.clone(), PyOnTime(*v)))
            .collect()
    }

    /// Handling time in working days of the cases closed.
    #[getter]
    fn handling_working_days(&self) -> PyHandlingDays {
        PyHandlingDays(self.0.handling_working_days)
    }

    /// Closed cases that were handled again.
    #[getter]
    fn rehandled(&self) -> u64 {
        self.0.rehandled
    }

    /// `rehandled` / closed cases whose re-handling is known, or None.
    #[getter]
    fn rehandling_rate(&self) -> Option<f64> {
        self.0.rehandling_rate
    }

    /// Satisfied / answered at the follow-up visit among the cases closed, or None.
    #[getter]
    fn follow_up_satisfaction_rate(&self) -> Option<f64> {
        self.0.follow_up_satisfaction_rate
    }

    /// Repeat complaints received (the same complainant key within the policy's window).
    #[getter]
    fn repeat(&self) -> u64 {
        self.0.repeat
    }

    /// `repeat` / complaints received with a complainant key, or None.
    #[getter]
    fn repeat_rate(&self) -> Option<f64> {
        self.0.repeat_rate
    }

    /// `{"by_track", "by_outcome", "on_time", "handling_working_days", "rehandled",
    /// "rehandling_rate", "follow_up_satisfaction_rate", "repeat", "repeat_rate"}` (the keys a
    /// period of the report's JSON holds beside its others).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Indicators", &self.to_dict(py)?)
    }
}

/// A row left out in lenient mode: where it is and why, never what it says.
#[pyclass(name = "Rejected", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone)]
pub struct PyRejected(Rejected);

#[pymethods]
impl PyRejected {
    /// The CSV line (the header is line 1), or the 1-based position of a record.
    #[getter]
    fn line(&self) -> u64 {
        self.0.line
    }

    /// The column at fault, or None.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.0.column.as_deref()
    }

    /// Why: the code of the problem.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code
    }

    /// `{"line", "column", "code"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// A complaint ledger, validated and stored by column.
#[pyclass(name = "Ledger", module = "complaint_office.stats", frozen)]
pub struct PyLedger(pub(crate) Ledger);

impl std::fmt::Debug for PyLedger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ledger({} records)", self.0.len())
    }
}

pub(crate) fn csv_options(
    columns: Option<&Bound<'_, PyAny>>,
    delimiter: &str,
    lenient: bool,
) -> PyResult<CsvOptions> {
    let mut options = CsvOptions {
        leniency: leniency(lenient),
        ..CsvOptions::default()
    };
    if let Some(columns) = columns {
        let mut names = serde_json::to_value(ColumnNames::default()).unwrap_or_default();
        if let (Some(names), serde_json::Value::Object(given)) =
            (names.as_object_mut(), to_json(columns)?)
        {
            for (key, value) in given {
                if !names.contains_key(&key) {
                    return Err(type_error(
                        "column keys among the eight ledger columns",
                        columns,
                    ));
                }
                names.insert(key, value);
            }
        }
        options.columns = serde_json::from_value(names)
            .map_err(|_| type_error("a dict of column names (text)", columns))?;
    }
    options.delimiter = CsvOptions::delimiter_from_str(delimiter).map_err(err)?;
    Ok(options)
}

/// Seconds since 1970-01-01 UTC of an aware datetime, RFC 3339 text, or an int.
#[derive(Debug, Clone, Copy)]
struct EpochSeconds(i64);

impl FromPyObject<'_, '_> for EpochSeconds {
    type Error = PyErr;

    fn extract(ob: pyo3::Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if ob.cast::<pyo3::types::PyInt>().is_ok() {
            return ob.extract::<i64>().map(EpochSeconds);
        }
        Ok(EpochSeconds(crate::convert::instant_of(&ob)?.timestamp()))
    }
}

#[pymethods]
impl PyLedger {
    /// A ledger of `Record`s; `lenient` leaves bad records out (see `rejected`).
    #[staticmethod]
    #[pyo3(signature = (records, lenient = Arg(false)), text_signature = "(records, lenient=False)")]
    fn from_records(records: Many<PyRecord>, lenient: Arg<bool>) -> PyResult<Self> {
        guard(|| {
            let records: Vec<Record> = records.0.into_iter().map(|r| r.0).collect();
            Ledger::from_records(records, leniency(lenient.0))
                .map(PyLedger)
                .map_err(err)
        })
    }

    /// Reads a CSV ledger file (the GIL released). Times without an offset are office time.
    /// A file that cannot be opened is `input.unreadable`; one over `max_bytes` (4 GiB by
    /// default) is `input.too_large`, checked while reading.
    #[staticmethod]
    #[pyo3(
        signature = (path, policy = None, columns = None, delimiter = Text::from(","), lenient = Arg(false), *, max_bytes = Count(complaint_office::input::MAX_CSV_FILE_BYTES)),
        text_signature = "(path, policy=None, columns=None, delimiter=',', lenient=False, *, max_bytes=...)"
    )]
    fn from_csv_path(
        py: Python<'_>,
        path: Arg<PathBuf>,
        policy: Option<Ref<'_, PyPolicy>>,
        columns: Option<&Bound<'_, PyAny>>,
        delimiter: Text,
        lenient: Arg<bool>,
        max_bytes: Count,
    ) -> PyResult<Self> {
        guard(|| {
            let options = csv_options(columns, &delimiter, lenient.0)?;
            let policy = policy_or_default(policy.as_deref());
            py.detach(|| Ledger::from_csv_path_within(&path.0, max_bytes.0, &options, &policy))
                .map(PyLedger)
                .map_err(err)
        })
    }

    /// Reads a CSV ledger from text.
    #[staticmethod]
    #[pyo3(
        signature = (text, policy = None, columns = None, delimiter = Text::from(","), lenient = Arg(false)),
        text_signature = "(text, policy=None, columns=None, delimiter=',', lenient=False)"
    )]
    fn from_csv_text(
        py: Python<'_>,
        text: Text,
        policy: Option<Ref<'_, PyPolicy>>,
        columns: Option<&Bound<'_, PyAny>>,
        delimiter: Text,
        lenient: Arg<bool>,
    ) -> PyResult<Self> {
        guard(|| {
            let options = csv_options(columns, &delimiter, lenient.0)?;
            let policy = policy_or_default(policy.as_deref());
            py.detach(|| Ledger::from_csv_reader(text.as_bytes(), &options, &policy))
                .map(PyLedger)
                .map_err(err)
        })
    }

    /// A ledger from the bytes of a CSV file (UTF-8; invalid text is a coded error, not a
    /// decoding exception).
    #[staticmethod]
    #[pyo3(
        signature = (data, policy = None, columns = None, delimiter = Text::from(","), lenient = Arg(false)),
        text_signature = "(data, policy=None, columns=None, delimiter=',', lenient=False)"
    )]
    fn from_csv_bytes(
        py: Python<'_>,
        data: Arg<&[u8]>,
        policy: Option<Ref<'_, PyPolicy>>,
        columns: Option<&Bound<'_, PyAny>>,
        delimiter: Text,
        lenient: Arg<bool>,
    ) -> PyResult<Self> {
        guard(|| {
            let options = csv_options(columns, &delimiter, lenient.0)?;
            let policy = policy_or_default(policy.as_deref());
            let data = data.0;
            py.detach(|| Ledger::from_csv_reader(data, &options, &policy))
                .map(PyLedger)
                .map_err(err)
        })
    }

    /// A ledger from parallel columns: numbers, receipt instants (aware datetimes, RFC 3339 or
    /// seconds since 1970-01-01 UTC), categories and departments, and optionally channels,
    /// severities, closing instants (None while open) and satisfaction (None if unanswered).
    #[staticmethod]
    #[pyo3(
        signature = (number, received_at, category, department, channel = None, severity = None, closed_at = None, satisfied = None, lenient = Arg(false)),
        text_signature = "(number, received_at, category, department, channel=None, severity=None, closed_at=None, satisfied=None, lenient=False)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn from_columns(
        py: Python<'_>,
        number: Many<Text>,
        received_at: Many<EpochSeconds>,
        category: Many<Text>,
        department: Many<Text>,
        channel: Option<Many<Option<Text>>>,
        severity: Option<Many<Option<Text>>>,
        closed_at: Option<Many<Option<EpochSeconds>>>,
        satisfied: Option<Many<Option<bool>>>,
        lenient: Arg<bool>,
    ) -> PyResult<Self> {
        guard(|| {
            let received: Vec<i64> = received_at.0.iter().map(|s| s.0).collect();
            let closed: Option<Vec<Option<i64>>> =
                closed_at.map(|c| c.0.iter().map(|v| v.map(|s| s.0)).collect());
            let optional = |c: Many<Option<Text>>| -> Vec<Option<String>> {
                c.0.into_iter().map(|v| v.map(String::from)).collect()
            };
            let channel = channel.map(optional);
            let severity = severity.map(optional);
            let satisfied = satisfied.map(|c| c.0);
            let (number, category, department) =
                (number.strings(), category.strings(), department.strings());
            let mut columns = Columns::new(&number, &received, &category, &department);
            columns.channel = channel.as_deref();
            columns.severity = severity.as_deref();
            columns.closed_at = closed.as_deref();
            columns.satisfied = satisfied.as_deref();
            py.detach(|| Ledger::from_columns(&columns, leniency(lenient.0)))
                .map(PyLedger)
                .map_err(err)
        })
    }

    /// The rows left out in lenient mode.
    #[getter]
    fn rejected(&self) -> Vec<PyRejected> {
        self.0.rejected().iter().cloned().map(PyRejected).collect()
    }

    /// The rows kept, as `Record`s in input order (instants in UTC, names trimmed).
    fn records(&self) -> Vec<PyRecord> {
        self.0.records().map(PyRecord).collect()
    }

    /// Whether the ledger has any case column (track, outcome, re-handling, follow-up
    /// satisfaction, complainant keys, time limits): its report then has the office
    /// indicators.
    #[getter]
    fn has_case_columns(&self) -> bool {
        self.0.has_case_columns()
    }

    /// This ledger judged as of `at` (an aware `datetime` or RFC 3339 text): a time limit due
    /// before it and not met by it is overdue in the report. A ledger built from cases is
    /// judged as of the instant it was built for; otherwise the report takes the latest
    /// instant the ledger holds.
    fn with_as_of(&self, at: At) -> Self {
        let mut ledger = self.0.clone();
        ledger.set_as_of(at.0);
        PyLedger(ledger)
    }

    /// The report of the ledger by `granularity` (`"month"`, `"quarter"`, `"year"`),
    /// optionally from/to a period, periods in the policy's office offset.
    #[pyo3(
        signature = (granularity = Text::from("month"), policy = None, start = None, end = None),
        text_signature = "($self, granularity='month', policy=None, start=None, end=None)"
    )]
    fn report(
        &self,
        py: Python<'_>,
        granularity: Text,
        policy: Option<Ref<'_, PyPolicy>>,
        start: Option<Arg<PyPeriod>>,
        end: Option<Arg<PyPeriod>>,
    ) -> PyResult<PyReport> {
        guard(|| {
            let options = ReportOptions {
                granularity: self::granularity(&granularity)?,
                from: start.map(|p| p.0.0),
                to: end.map(|p| p.0.0),
            };
            let policy = policy_or_default(policy.as_deref());
            let report = py
                .detach(|| Report::build(&self.0, &options, &policy))
                .map_err(err)?;
            Ok(PyReport { report, policy })
        })
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("Ledger({} records)", self.0.len())
    }
}

/// Handling time (hours from receipt to closing) of the cases closed in a period.
#[pyclass(name = "HandlingHours", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone, Copy)]
pub struct PyHandlingHours(HandlingHours);

#[pymethods]
impl PyHandlingHours {
    /// The mean, or None.
    #[getter]
    fn mean(&self) -> Option<f64> {
        self.0.mean
    }

    /// The median, or None.
    #[getter]
    fn median(&self) -> Option<f64> {
        self.0.median
    }

    /// The 90th percentile, or None.
    #[getter]
    fn p90(&self) -> Option<f64> {
        self.0.p90
    }

    /// `{"mean", "median", "p90"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// The change of a period's total from the previous period.
#[pyclass(name = "Change", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone, Copy)]
pub struct PyChange(Change);

#[pymethods]
impl PyChange {
    /// Total minus the previous period's total.
    #[getter]
    fn absolute(&self) -> i64 {
        self.0.absolute
    }

    /// `absolute / previous × 100`, or None when the previous total is 0.
    #[getter]
    fn percent(&self) -> Option<f64> {
        self.0.percent
    }

    /// `{"absolute", "percent"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// The figures of one period.
#[pyclass(name = "PeriodStats", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone)]
pub struct PyPeriodStats(PeriodStats);

#[pymethods]
impl PyPeriodStats {
    /// The period.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod(self.0.period)
    }

    /// Complaints received in the period.
    #[getter]
    fn total(&self) -> u64 {
        self.0.total
    }

    /// Received, by category.
    #[getter]
    fn by_category(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_category.clone()
    }

    /// Received, by department.
    #[getter]
    fn by_department(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_department.clone()
    }

    /// Received, by channel.
    #[getter]
    fn by_channel(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_channel.clone()
    }

    /// Received, by severity.
    #[getter]
    fn by_severity(&self) -> std::collections::BTreeMap<String, u64> {
        self.0.by_severity.clone()
    }

    /// Cases closed in the period.
    #[getter]
    fn closed(&self) -> u64 {
        self.0.closed
    }

    /// Handling time of the cases closed in the period.
    #[getter]
    fn handling_hours(&self) -> PyHandlingHours {
        PyHandlingHours(self.0.handling_hours)
    }

    /// Satisfied / answered among the cases closed, or None.
    #[getter]
    fn satisfaction_rate(&self) -> Option<f64> {
        self.0.satisfaction_rate
    }

    /// Cases open at the period's end.
    #[getter]
    fn open_at_end(&self) -> u64 {
        self.0.open_at_end
    }

    /// The change from the previous period, or None.
    #[getter]
    fn change(&self) -> Option<PyChange> {
        self.0.change.map(PyChange)
    }

    /// The office indicators of the period, or None when the ledger has no case columns.
    #[getter]
    fn indicators(&self) -> Option<PyIndicators> {
        self.0.indicators.clone().map(PyIndicators)
    }

    /// The JSON form of one period of the `stats.report` op.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// The trend of one category or department over the report's range.
#[pyclass(name = "Trend", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone)]
pub struct PyTrend(Trend);

#[pymethods]
impl PyTrend {
    /// The category or department.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// Its complaints over the range.
    #[getter]
    fn total(&self) -> u64 {
        self.0.total
    }

    /// Least-squares slope: complaints gained per period.
    #[getter]
    fn slope(&self) -> f64 {
        self.0.slope
    }

    /// The slope as a percentage of its average per period.
    #[getter]
    fn percent(&self) -> f64 {
        self.0.percent
    }

    /// `{"name", "total", "slope", "percent"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// The fastest-growing categories and departments, steepest first.
#[pyclass(name = "Growth", module = "complaint_office.stats", frozen)]
#[derive(Debug, Clone)]
pub struct PyGrowth(Growth);

#[pymethods]
impl PyGrowth {
    /// Categories.
    #[getter]
    fn categories(&self) -> Vec<PyTrend> {
        self.0.categories.iter().cloned().map(PyTrend).collect()
    }

    /// Departments.
    #[getter]
    fn departments(&self) -> Vec<PyTrend> {
        self.0.departments.iter().cloned().map(PyTrend).collect()
    }

    /// `{"categories": [...], "departments": [...]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_of(py, &self.0)
    }
}

/// A periodic report (§7.1.2): the periods, growth and rejected rows, typed; `to_dict()` is
/// the `stats.report` op's JSON shape; `charts()` and `html()` render it.
#[pyclass(name = "Report", module = "complaint_office.stats", frozen)]
pub struct PyReport {
    pub(crate) report: Report,
    pub(crate) policy: Policy,
}

impl std::fmt::Debug for PyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Report({} periods)", self.report.periods.len())
    }
}

fn overview_dict<'py>(py: Python<'py>, o: &Overview) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("total", o.total)?;
    dict.set_item("by_category", o.by_category.clone())?;
    dict.set_item("by_department", o.by_department.clone())?;
    dict.set_item("by_channel", o.by_channel.clone())?;
    dict.set_item("by_severity", o.by_severity.clone())?;
    dict.set_item("closed", o.closed)?;
    dict.set_item("handling_hours", json_of(py, &o.handling_hours)?)?;
    dict.set_item("handling_histogram", o.handling_histogram.to_vec())?;
    dict.set_item(
        "handling_buckets_hours",
        stats::HANDLING_BUCKETS_HOURS.to_vec(),
    )?;
    dict.set_item("satisfaction_rate", o.satisfaction_rate)?;
    let indicators = o.indicators.as_ref().map(|i| json_of(py, i)).transpose()?;
    dict.set_item("indicators", indicators)?;
    Ok(dict)
}

#[pymethods]
impl PyReport {
    /// Months, quarters or years (a `Granularity`).
    #[getter]
    fn granularity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.stats",
            "Granularity",
            self.report.granularity.as_str()
        )
    }

    /// One entry per period of the range, in order.
    #[getter]
    fn periods(&self) -> Vec<PyPeriodStats> {
        self.report
            .periods
            .iter()
            .cloned()
            .map(PyPeriodStats)
            .collect()
    }

    /// The fastest-growing categories and departments.
    #[getter]
    fn growth(&self) -> PyGrowth {
        PyGrowth(self.report.growth.clone())
    }

    /// Rows the ledger left out in lenient mode.
    #[getter]
    fn rejected(&self) -> Vec<PyRejected> {
        self.report
            .rejected
            .iter()
            .cloned()
            .map(PyRejected)
            .collect()
    }

    /// The office indicators over the whole range, or None when the ledger has no case
    /// columns.
    #[getter]
    fn indicators(&self) -> Option<PyIndicators> {
        self.report.overview.indicators.clone().map(PyIndicators)
    }

    /// Figures over the whole range (totals, handling histogram), as a dict.
    #[getter]
    fn overview<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        overview_dict(py, &self.report.overview)
    }

    /// The JSON form of the `stats.report` op: `{"granularity", "periods", "growth",
    /// "rejected"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| json_of(py, &self.report))
    }

    /// Self-contained SVG charts: `{"trend", "categories", "departments", "handling"}`.
    fn charts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        guard(|| {
            let c = stats::charts(&self.report, &self.policy);
            let dict = PyDict::new(py);
            dict.set_item("trend", c.trend)?;
            dict.set_item("categories", c.categories)?;
            dict.set_item("departments", c.departments)?;
            dict.set_item("handling", c.handling)?;
            Ok(dict)
        })
    }

    /// A single-file HTML report with the charts, in the policy's language.
    fn html(&self) -> PyResult<String> {
        guard(|| Ok(stats::html(&self.report, &self.policy)))
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(granularity='{}', periods={})",
            self.report.granularity,
            self.report.periods.len()
        )
    }
}

/// A report straight from a CSV ledger file: `Ledger.from_csv_path(...).report(...)`, the GIL
/// released for the reading and the figures.
///
/// `report.to_dict()` has the shape of the `stats.report` op. The file may have at most
/// `max_bytes` bytes (4 GiB by default): more is `input.too_large`, a file that cannot be
/// opened `input.unreadable`.
#[pyfunction]
#[pyo3(
    signature = (path, granularity = Text::from("month"), policy = None, columns = None, delimiter = Text::from(","), lenient = Arg(false), start = None, end = None, *, max_bytes = Count(complaint_office::input::MAX_CSV_FILE_BYTES)),
    text_signature = "(path, granularity='month', policy=None, columns=None, delimiter=',', lenient=False, start=None, end=None, *, max_bytes=...)"
)]
#[allow(clippy::too_many_arguments)]
fn report_from_csv(
    py: Python<'_>,
    path: Arg<PathBuf>,
    granularity: Text,
    policy: Option<Ref<'_, PyPolicy>>,
    columns: Option<&Bound<'_, PyAny>>,
    delimiter: Text,
    lenient: Arg<bool>,
    start: Option<Arg<PyPeriod>>,
    end: Option<Arg<PyPeriod>>,
    max_bytes: Count,
) -> PyResult<PyReport> {
    guard(|| {
        let options = csv_options(columns, &delimiter, lenient.0)?;
        let report_options = ReportOptions {
            granularity: self::granularity(&granularity)?,
            from: start.map(|p| p.0.0),
            to: end.map(|p| p.0.0),
        };
        let policy = policy_or_default(policy.as_deref());
        let report = py
            .detach(|| {
                let ledger = Ledger::from_csv_path_within(&path.0, max_bytes.0, &options, &policy)?;
                Report::build(&ledger, &report_options, &policy)
            })
            .map_err(err)?;
        Ok(PyReport { report, policy })
    })
}

/// A synthetic CSV ledger for demos, tests and benchmarks: deterministic from `seed`, with
/// trends, seasons and realistic handling times (the core's `stats::synthetic`). At most
/// 10,000,000 rows (`input.too_large` beyond, checked before anything is allocated).
#[pyfunction]
#[pyo3(signature = (rows, months = None, first_month = None, seed = None))]
fn synthetic_csv(
    py: Python<'_>,
    rows: Count,
    months: Option<Count>,
    first_month: Option<Month>,
    seed: Option<Count>,
) -> PyResult<String> {
    guard(|| {
        let mut synthetic = Synthetic {
            rows: rows.usize()?,
            ..Synthetic::default()
        };
        if let Some(months) = months {
            // More than the maximum is refused by the core (`stats.invalid_period`).
            synthetic.months = u32::try_from(months.0).unwrap_or(u32::MAX);
        }
        if let Some(month) = first_month {
            synthetic.first_month = month.0;
        }
        if let Some(seed) = seed {
            synthetic.seed = seed.0;
        }
        py.detach(|| synthetic.csv(&Policy::default())).map_err(err)
    })
}

#[pymethods]
impl PyRejected {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Rejected", &self.to_dict(py)?)
    }
}
#[pymethods]
impl PyHandlingHours {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("HandlingHours", &self.to_dict(py)?)
    }
}
#[pymethods]
impl PyChange {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Change", &self.to_dict(py)?)
    }
}
#[pymethods]
impl PyPeriodStats {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("PeriodStats", &self.to_dict(py)?)
    }
}
#[pymethods]
impl PyTrend {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Trend", &self.to_dict(py)?)
    }
}
#[pymethods]
impl PyGrowth {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Growth", &self.to_dict(py)?)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(synthetic_csv, m)?)?;
    m.add_class::<PyPeriod>()?;
    m.add_class::<PyRecord>()?;
    m.add_class::<PyTimeLimit>()?;
    m.add_class::<PyOnTime>()?;
    m.add_class::<PyHandlingDays>()?;
    m.add_class::<PyIndicators>()?;
    m.add_class::<PyRejected>()?;
    m.add_class::<PyLedger>()?;
    m.add_class::<PyHandlingHours>()?;
    m.add_class::<PyChange>()?;
    m.add_class::<PyPeriodStats>()?;
    m.add_class::<PyTrend>()?;
    m.add_class::<PyGrowth>()?;
    m.add_class::<PyReport>()?;
    m.add_function(wrap_pyfunction!(report_from_csv, m)?)?;
    Ok(())
}
