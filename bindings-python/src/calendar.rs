//! The working-day calendar: `Calendar.default()` (the built-in PRC calendar), single-day
//! queries and the batch functions (lists, or numpy `datetime64[D]` arrays: see [`crate::batch`]).

use complaint_office::calendar::{
    Calendar, CalendarConfig, DayInfo, Notice, OfficeHours, OfficeInterval,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::batch;
use crate::convert::{Arg, Date, Many, Offset, Text, date_to_py, opt_date_to_py, py_enum, to_json};
use crate::errors::{calendar_err, err, invalid_argument};
use crate::guard;

/// The office's working calendar: statutory holidays off, make-up working days (調休) on,
/// company days merged in; Monday–Friday outside the years with statutory data.
///
/// >>> from datetime import date
/// >>> from complaint_office import Calendar
/// >>> cal = Calendar.default()
/// >>> cal.is_working_day(date(2025, 10, 11))   # a Saturday, worked for National Day
/// True
/// >>> cal.add_working_days(date(2025, 9, 26), 5)
/// datetime.date(2025, 10, 10)
/// >>> cal.working_days_between("2025-09-26", "2025-10-10")
/// 5
#[pyclass(
    name = "Calendar",
    module = "complaint_office.calendar",
    frozen,
    eq,
    from_py_object
)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyCalendar(pub Calendar);

/// One day of the calendar: whether it is worked, why, how that was decided and from which
/// notice. `to_dict()` is the `calendar.day` op's shape.
///
/// >>> from complaint_office import Calendar
/// >>> day = Calendar.default().day("2025-10-07")
/// >>> day.working, day.reason, day.festival, day.decided_by
/// (False, <DayReason.SWAPPED_REST_DAY: 'swapped_rest_day'>, <Festival.NATIONAL_DAY: 'national_day'>, <DecidedBy.PUBLISHED: 'published'>)
/// >>> day.labels["en"], day.source.number
/// ('National Day', '国办发明电〔2024〕12号')
#[pyclass(name = "DayInfo", module = "complaint_office.calendar", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDayInfo(DayInfo);

fn labels_dict(
    py: Python<'_>,
    festival: complaint_office::calendar::Festival,
) -> PyResult<Bound<'_, PyDict>> {
    let (zh_hant, zh_hans, en) = festival.labels();
    let dict = PyDict::new(py);
    dict.set_item("zh_hant", zh_hant)?;
    dict.set_item("zh_hans", zh_hans)?;
    dict.set_item("en", en)?;
    Ok(dict)
}

#[pymethods]
impl PyDayInfo {
    /// The date.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.date)
    }

    /// Whether it is a working day.
    #[getter]
    fn working(&self) -> bool {
        self.0.working
    }

    /// What kind of day it is, coarsely (a `DayKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.calendar",
            "DayKind",
            self.0.kind.as_str()
        )
    }

    /// Why it is worked or not (a `DayReason`): a statutory holiday is told apart from a
    /// swapped rest day and a day in lieu.
    #[getter]
    fn reason<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.calendar",
            "DayReason",
            self.0.reason.as_str()
        )
    }

    /// The festival of a holiday, day in lieu, swapped rest day or make-up day (a
    /// `Festival`), or None.
    #[getter]
    fn festival<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .festival
            .map(|f| py_enum!(py, "complaint_office.calendar", "Festival", f.as_str()))
            .transpose()
    }

    /// The festival's names, `{"zh_hant", "zh_hans", "en"}`, or None without a festival.
    #[getter]
    fn labels<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.0.festival.map(|f| labels_dict(py, f)).transpose()
    }

    /// For a day in lieu: the holiday it makes up for (a date), else None.
    #[getter]
    fn in_lieu_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.0.in_lieu_of)
    }

    /// How its status was decided (a `DecidedBy`): a published notice, the holiday regulation
    /// alone, or the day of the week.
    #[getter]
    fn decided_by<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.calendar",
            "DecidedBy",
            self.0.decided_by.as_str()
        )
    }

    /// The version of the holiday regulation in force (a `Regulation`), or None where no rule
    /// applies.
    #[getter]
    fn regulation<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.0
            .regulation
            .map(|r| py_enum!(py, "complaint_office.calendar", "Regulation", r.as_str()))
            .transpose()
    }

    /// The notice a listed day comes from (a `Notice`), or None.
    #[getter]
    fn source(&self) -> Option<PyNotice> {
        self.0.source.clone().map(PyNotice)
    }

    /// Whether published data covers the date's year.
    #[getter]
    fn covered(&self) -> bool {
        self.0.covered
    }

    /// Whether a period using this day is provisional (its year is not published).
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    /// The JSON form of the `calendar.day` op: `{"date", "working", "kind", "reason",
    /// "festival", "labels", "in_lieu_of", "decided_by", "regulation", "source", "covered",
    /// "provisional"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("date", d.date.to_string())?;
        dict.set_item("working", d.working)?;
        dict.set_item("kind", d.kind.as_str())?;
        dict.set_item("reason", d.reason.as_str())?;
        dict.set_item("festival", d.festival.map(|f| f.as_str()))?;
        dict.set_item("labels", self.labels(py)?)?;
        dict.set_item("in_lieu_of", d.in_lieu_of.map(|x| x.to_string()))?;
        dict.set_item("decided_by", d.decided_by.as_str())?;
        dict.set_item("regulation", d.regulation.map(|r| r.as_str()))?;
        let source = match &d.source {
            Some(n) => Some(PyNotice(n.clone()).to_dict(py)?),
            None => None,
        };
        dict.set_item("source", source)?;
        dict.set_item("covered", d.covered)?;
        dict.set_item("provisional", d.provisional)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let opt = |v: Option<&str>| v.map_or_else(|| "None".to_owned(), |v| format!("'{v}'"));
        let flag = |b: bool| if b { "True" } else { "False" };
        format!(
            "DayInfo(date={}, working={}, kind='{}', reason='{}', festival={}, decided_by='{}', covered={}, provisional={})",
            self.0.date,
            flag(self.0.working),
            self.0.kind,
            self.0.reason,
            opt(self.0.festival.map(|f| f.as_str())),
            self.0.decided_by,
            flag(self.0.covered),
            flag(self.0.provisional),
        )
    }
}

/// A State Council notice that a published day off or make-up day comes from: title, document
/// number, date (each None where not confirmed, never guessed) and kind (a `NoticeKind`).
#[pyclass(name = "Notice", module = "complaint_office.calendar", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyNotice(Notice);

#[pymethods]
impl PyNotice {
    /// The title, `国务院办公厅关于2025年部分节假日安排的通知`, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title.as_deref()
    }

    /// The document number, `国办发明电〔2024〕12号`, or None.
    #[getter]
    fn number(&self) -> Option<&str> {
        self.0.number.as_deref()
    }

    /// The date the notice bears, or None.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        opt_date_to_py(py, self.0.date)
    }

    /// What it does to its year (a `NoticeKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_enum!(
            py,
            "complaint_office.calendar",
            "NoticeKind",
            self.0.kind.as_str()
        )
    }

    /// `{"title", "number", "date", "kind"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("title", self.0.title.as_deref())?;
        dict.set_item("number", self.0.number.as_deref())?;
        dict.set_item("date", self.0.date.map(|d| d.to_string()))?;
        dict.set_item("kind", self.0.kind.as_str())?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::repr_of("Notice", self.to_dict(py)?.as_any())
    }
}

#[pymethods]
impl PyCalendar {
    /// The built-in PRC statutory calendar in Beijing time (same as `Calendar.default()`).
    #[new]
    fn new() -> Self {
        PyCalendar(Calendar::cn())
    }

    /// The built-in PRC statutory calendar in Beijing time, without office hours.
    #[staticmethod]
    fn default() -> Self {
        PyCalendar(Calendar::cn())
    }

    /// The built-in PRC statutory calendar (same as `default()`).
    #[staticmethod]
    fn cn() -> Self {
        PyCalendar(Calendar::cn())
    }

    /// Monday to Friday only, no statutory data, in Beijing time.
    #[staticmethod]
    fn weekdays() -> Self {
        PyCalendar(Calendar::weekdays())
    }

    /// The calendar a policy's `[calendar]` section describes (a dict, or its JSON text: `base`,
    /// `extra_off_days`, `extra_working_days`, `office_hours`, `years`, …), in the section's
    /// `office_offset`, else in `office_offset` (`+08:00` when not given). Raises
    /// `ArgumentError` for anything that is not such a section, `CalendarError`
    /// (`calendar.contradiction`, `calendar.out_of_range`, …) for one that contradicts itself.
    ///
    /// >>> from complaint_office import Calendar
    /// >>> cal = Calendar.from_config({"base": "weekdays", "extra_off_days": ["2025-10-10"]})
    /// >>> cal.is_working_day("2025-10-10"), cal.is_working_day("2025-10-06")
    /// (False, True)
    #[staticmethod]
    #[pyo3(signature = (config, office_offset=None))]
    fn from_config(config: &Bound<'_, PyAny>, office_offset: Option<Offset>) -> PyResult<Self> {
        guard(|| {
            let value = match config.cast::<PyString>() {
                Ok(s) => serde_json::from_str(&crate::convert::text_of(s)?)
                    .map_err(|_| invalid_argument("config: not JSON text"))?,
                Err(_) => to_json(config)?,
            };
            let config: CalendarConfig = serde_json::from_value(value).map_err(|_| {
                invalid_argument(
                    "config: not a calendar section (base, extra_off_days, extra_working_days, office_hours, years)",
                )
            })?;
            let offset = office_offset.map_or_else(complaint_office::calendar::beijing, |o| o.0);
            Calendar::from_config(&config, offset)
                .map(PyCalendar)
                .map_err(calendar_err)
        })
    }

    /// This calendar with years of statutory data in the holiday-cn JSON format (text, a dict
    /// or a list of them). Raises `CalendarError` (`calendar.invalid_holiday_data`).
    fn with_holiday_cn(&self, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            let text = match data.cast::<PyString>() {
                Ok(s) => crate::convert::text_of(s)?.into_owned(),
                Err(_) => to_json(data)?.to_string(),
            };
            self.0
                .with_holiday_cn(&text)
                .map(PyCalendar)
                .map_err(calendar_err)
        })
    }

    /// This calendar in another office offset (`+08:00` or a `datetime.timezone`).
    fn with_offset(&self, offset: Offset) -> PyResult<Self> {
        guard(|| Ok(PyCalendar(self.0.with_offset(offset.0))))
    }

    /// This calendar with office hours (`["09:00-12:00", "13:30-18:00"]`), or without (None).
    #[pyo3(signature = (office_hours))]
    fn with_office_hours(&self, office_hours: Option<Many<Text>>) -> PyResult<Self> {
        guard(|| {
            let hours = match office_hours {
                None => None,
                Some(list) => {
                    let intervals = list
                        .0
                        .iter()
                        .map(|s| s.parse::<OfficeInterval>())
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(err)?;
                    Some(OfficeHours::new(intervals).map_err(err)?)
                }
            };
            Ok(PyCalendar(self.0.with_office_hours(hours)))
        })
    }

    /// The office offset, as a `datetime.timezone`.
    #[getter]
    fn offset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| Ok(self.0.offset().into_pyobject(py)?.into_any()))
    }

    /// The office hours as `HH:MM-HH:MM` texts, or None.
    #[getter]
    fn office_hours(&self) -> Option<Vec<String>> {
        self.0
            .office_hours()
            .map(|h| h.intervals().iter().map(ToString::to_string).collect())
    }

    /// Whether `date` (a `datetime.date` or `YYYY-MM-DD`) is a working day.
    fn is_working_day(&self, date: Date) -> PyResult<bool> {
        guard(|| Ok(self.0.is_working_day(date.0)))
    }

    /// Everything the calendar knows about `date`.
    fn day(&self, date: Date) -> PyResult<PyDayInfo> {
        guard(|| Ok(PyDayInfo(self.0.day(date.0))))
    }

    /// Whether statutory data covers the year of `date`.
    fn covers(&self, date: Date) -> PyResult<bool> {
        guard(|| Ok(self.0.covers(date.0)))
    }

    /// Whether statutory data covers every year from `start` to `end`.
    fn covers_span(&self, start: Date, end: Date) -> PyResult<bool> {
        guard(|| Ok(self.0.covers_span(start.0, end.0)))
    }

    /// The years with statutory data, ascending.
    fn covered_years(&self) -> Vec<i32> {
        self.0.covered_years()
    }

    /// The first and last day of the run of covered years from the first one, or None.
    fn covered_range<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        guard(|| {
            self.0
                .covered_range()
                .map(|(a, b)| Ok((date_to_py(py, a)?, date_to_py(py, b)?)))
                .transpose()
        })
    }

    /// The `days`-th working day after `date` (the next working day is 1); `days = 0` gives
    /// `date` if it is a working day, else the next one; negative counts go backwards.
    /// Raises `CalendarError` (`calendar.out_of_range`) outside 1900–2999.
    fn add_working_days<'py>(
        &self,
        py: Python<'py>,
        date: Date,
        days: Arg<i64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let result = self
                .0
                .add_working_days(date.0, days.0)
                .map_err(calendar_err)?;
            date_to_py(py, result)
        })
    }

    /// The number of working days in `(start, end]`; negative when `end` is before `start`.
    fn working_days_between(&self, start: Date, end: Date) -> PyResult<i64> {
        guard(|| Ok(self.0.working_days_between(start.0, end.0)))
    }

    /// `date` if it is a working day, else the next working day (Civil Code art. 203 ¶1).
    fn roll_forward<'py>(&self, py: Python<'py>, date: Date) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let result = self.0.roll_forward(date.0).map_err(calendar_err)?;
            date_to_py(py, result)
        })
    }

    /// `add_working_days` over many dates: `days` is one count per date or a single count.
    /// Lists in, list of dates out; a numpy `datetime64[D]` array in, a `datetime64[D]` array
    /// out (zero-copy, the GIL released). A failing element raises with its `.index`.
    ///
    /// >>> from datetime import date
    /// >>> from complaint_office import Calendar
    /// >>> Calendar.default().add_working_days_many([date(2025, 9, 26), date(2025, 9, 30)], [5, 1])
    /// [datetime.date(2025, 10, 10), datetime.date(2025, 10, 9)]
    fn add_working_days_many<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        days: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| batch::add_working_days_many(py, &self.0, dates, days))
    }

    /// `working_days_between` over pairs: `end` has one date per start or one for all. Lists
    /// in, list of ints out; numpy `datetime64[D]` arrays in, an int64 array out.
    fn working_days_between_many<'py>(
        &self,
        py: Python<'py>,
        start: &Bound<'py, PyAny>,
        end: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| batch::working_days_between_many(py, &self.0, start, end))
    }

    /// `is_working_day` over many dates: a list of bools, or a numpy bool array for a numpy
    /// `datetime64[D]` array.
    fn is_working_day_many<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| batch::is_working_day_many(py, &self.0, dates))
    }

    /// `add_working_days` over day numbers (days since 1970-01-01, numpy's `datetime64[D]`
    /// integers): an iterable of ints in, a list of ints out; `days` has one count per day,
    /// or one for all (a single int or a one-element list). Raises `CalendarError`:
    /// `calendar.length_mismatch`, or the first failing element's code
    /// (`calendar.out_of_range`) with its `.index`.
    ///
    /// >>> from complaint_office import Calendar, to_epoch_day
    /// >>> start = to_epoch_day("2025-09-26")
    /// >>> [d - start for d in Calendar.default().add_working_days_epoch([start, start], [5, 1])]
    /// [14, 2]
    fn add_working_days_epoch(
        &self,
        py: Python<'_>,
        epoch_days: Many<Arg<i64>>,
        days: CountsArg,
    ) -> PyResult<Vec<i64>> {
        guard(|| {
            let epoch_days: Vec<i64> = epoch_days.0.into_iter().map(|d| d.0).collect();
            let mut out = vec![0; epoch_days.len()];
            py.detach(|| {
                self.0
                    .add_working_days_epoch(&epoch_days, &days.0, &mut out)
            })
            .map_err(calendar_err)?;
            Ok(out)
        })
    }

    /// `working_days_between` over day numbers: `end` has one day per start, or one for all
    /// (a single int or a one-element list). Raises `CalendarError`
    /// (`calendar.length_mismatch`).
    fn working_days_between_epoch(
        &self,
        py: Python<'_>,
        start: Many<Arg<i64>>,
        end: CountsArg,
    ) -> PyResult<Vec<i64>> {
        guard(|| {
            let start: Vec<i64> = start.0.into_iter().map(|d| d.0).collect();
            let mut out = vec![0; start.len()];
            py.detach(|| self.0.working_days_between_epoch(&start, &end.0, &mut out))
                .map_err(calendar_err)?;
            Ok(out)
        })
    }

    /// `is_working_day` over day numbers: a list of bools. Day numbers outside 1900–2999
    /// answer by the calendar's rule there (Monday to Friday, or every day).
    fn is_working_day_epoch(&self, py: Python<'_>, epoch_days: Many<Arg<i64>>) -> Vec<bool> {
        let epoch_days: Vec<i64> = epoch_days.0.into_iter().map(|d| d.0).collect();
        py.detach(|| self.0.is_working_day_epoch(&epoch_days))
    }

    /// Whether the day numbered `epoch_day` (days since 1970-01-01) is a working day:
    /// `is_working_day` for a caller that holds day numbers. Raises `CalendarError`
    /// (`calendar.out_of_range`) for a day outside 1900-01-01..2999-12-31.
    ///
    /// >>> from complaint_office import Calendar, to_epoch_day
    /// >>> Calendar.default().is_working_epoch_day(to_epoch_day("2025-10-11"))
    /// True
    fn is_working_epoch_day(&self, epoch_day: Arg<i64>) -> PyResult<bool> {
        guard(|| {
            complaint_office::calendar::from_epoch_day(epoch_day.0).map_err(calendar_err)?;
            Ok(self.0.is_working_epoch_day(epoch_day.0))
        })
    }

    /// `add_working_days` over day numbers: the day number of the `days`-th working day after
    /// the day numbered `epoch_day`. Raises `CalendarError` (`calendar.out_of_range`) when the
    /// day or the result lies outside 1900-01-01..2999-12-31.
    ///
    /// >>> from complaint_office import Calendar, to_epoch_day, from_epoch_day
    /// >>> from_epoch_day(Calendar.default().add_working_days_to_epoch_day(to_epoch_day("2025-09-26"), 5))
    /// datetime.date(2025, 10, 10)
    fn add_working_days_to_epoch_day(&self, epoch_day: Arg<i64>, days: Arg<i64>) -> PyResult<i64> {
        guard(|| {
            self.0
                .add_working_days_epoch_day(epoch_day.0, days.0)
                .map_err(calendar_err)
        })
    }

    fn __repr__(&self) -> String {
        let years = self.0.covered_years();
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!(
                "Calendar(covered_years={a}..={b}, offset='{}')",
                complaint_office::time::format_offset(self.0.offset())
            ),
            _ => format!(
                "Calendar(covered_years=none, offset='{}')",
                complaint_office::time::format_offset(self.0.offset())
            ),
        }
    }
}

/// One int for all, or an iterable of ints (one per element of a batch).
struct CountsArg(Vec<i64>);

impl FromPyObject<'_, '_> for CountsArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if ob.cast::<pyo3::types::PyInt>().is_ok() {
            return Ok(CountsArg(vec![ob.extract::<Arg<i64>>()?.0]));
        }
        let many: Many<Arg<i64>> = ob.extract()?;
        Ok(CountsArg(many.0.into_iter().map(|d| d.0).collect()))
    }
}

/// Dates as days since 1970-01-01 (numpy's `datetime64[D]` integers).
#[pyfunction]
fn to_epoch_day(date: Date) -> i64 {
    complaint_office::calendar::to_epoch_day(date.0)
}

/// The date `days` after 1970-01-01.
#[pyfunction]
fn from_epoch_day(py: Python<'_>, days: Arg<i64>) -> PyResult<Bound<'_, PyAny>> {
    guard(|| {
        let date = complaint_office::calendar::from_epoch_day(days.0).map_err(calendar_err)?;
        date_to_py(py, date)
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCalendar>()?;
    m.add_class::<PyDayInfo>()?;
    m.add_class::<PyNotice>()?;
    m.add_function(wrap_pyfunction!(to_epoch_day, m)?)?;
    m.add_function(wrap_pyfunction!(from_epoch_day, m)?)?;
    Ok(())
}
