//! Periods under the PRC Civil Code, art. 200–204: `period.end(calendar, start, duration)`.

use complaint_office::period::{self, Deadline, PeriodRule};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::calendar::PyCalendar;
use crate::convert::{At, Date, Many, Ref, date_to_py, instant_to_py};
use crate::duration::{DurationArg, PyDuration};
use crate::errors::err;
use crate::guard;

/// When a period ends, and why (the rules that decided it, with their articles).
///
/// >>> from complaint_office import Calendar, period
/// >>> d = period.end(Calendar.default(), "2025-09-20T09:00:00+08:00", "15 days")
/// >>> d.last_day, d.due.isoformat(), d.provisional
/// (datetime.date(2025, 10, 9), '2025-10-10T00:00:00+08:00', False)
/// >>> [r.name for r in d.rules]
/// ['start_day_excluded', 'rolled_past_rest_days', 'ends_at_midnight']
#[pyclass(name = "Deadline", module = "complaint_office.period", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyDeadline(pub Deadline);

/// A rule of the Civil Code (or the policy) that decided a deadline.
#[pyclass(name = "PeriodRule", module = "complaint_office.period", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub struct PyPeriodRule(pub PeriodRule);

#[pymethods]
impl PyPeriodRule {
    /// The rule's stable name (`rolled_past_rest_days`).
    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The article behind it (`art. 203 ¶1`).
    #[getter]
    fn article(&self) -> &'static str {
        self.0.article()
    }

    /// One English sentence saying what the rule did.
    fn describe(&self) -> String {
        self.0.describe()
    }

    /// The rule's stable name, as `name` (the key of the JavaScript form).
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.name()
    }

    /// The sentence of `describe()`, as a property (the JavaScript form's key).
    #[getter]
    fn description(&self) -> String {
        self.0.describe()
    }

    /// `month_end`: the day of the month the start fell on; else None.
    #[getter]
    fn start_day(&self) -> Option<u32> {
        match &self.0 {
            PeriodRule::MonthEnd { start_day } => Some(*start_day),
            _ => None,
        }
    }

    /// `ends_at_close_of_business`: close of business, `HH:MM`; else None.
    #[getter]
    fn close(&self) -> Option<&str> {
        match &self.0 {
            PeriodRule::EndsAtCloseOfBusiness { close } => Some(close),
            _ => None,
        }
    }

    /// `extended_by_pauses`: the amount the pauses added; else None.
    #[getter]
    fn amount(&self) -> Option<i64> {
        match &self.0 {
            PeriodRule::ExtendedByPauses { amount } => Some(*amount),
            _ => None,
        }
    }

    /// `extended_until`: the date the limit was extended to; `extension_lapsed`: the
    /// extension's last day, no longer in force; `plan_time_point`: the plan's last time
    /// point; else None.
    #[getter]
    fn until<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let until = match &self.0 {
            PeriodRule::ExtendedUntil { until }
            | PeriodRule::ExtensionLapsed { until }
            | PeriodRule::PlanTimePoint { until } => Some(*until),
            _ => None,
        };
        crate::convert::opt_date_to_py(py, until)
    }

    /// `company_day_off_kept`: the company day off the period ends on; else None.
    #[getter]
    fn day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let day = match &self.0 {
            PeriodRule::CompanyDayOffKept { day } => Some(*day),
            _ => None,
        };
        crate::convert::opt_date_to_py(py, day)
    }

    /// The JSON form of `period.explain`: `{"rule", "article"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("rule", self.0.name())?;
        dict.set_item("article", self.0.article())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("PeriodRule('{}')", self.0.name())
    }
}

#[pymethods]
impl PyDeadline {
    /// The start instant, in office time.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.start)
    }

    /// The period.
    #[getter]
    fn duration(&self) -> PyDuration {
        PyDuration(self.0.duration)
    }

    /// The last day of the period (office time).
    #[getter]
    fn last_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.0.last_day)
    }

    /// The first instant after the period: something done before it is on time.
    #[getter]
    fn due<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        instant_to_py(py, self.0.due)
    }

    /// Whether a day outside the calendar's statutory data was used.
    #[getter]
    fn provisional(&self) -> bool {
        self.0.provisional
    }

    /// The rules that decided it, in the order applied.
    #[getter]
    fn rules(&self) -> Vec<PyPeriodRule> {
        self.0.rules.iter().cloned().map(PyPeriodRule).collect()
    }

    /// Whether something done at `at` meets the deadline (strictly before `due`).
    fn is_met_at(&self, at: At) -> PyResult<bool> {
        guard(|| Ok(self.0.is_met_at(at.0)))
    }

    /// The JSON form of `period.end`: `{"last_day", "due", "provisional"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("last_day", self.0.last_day.to_string())?;
        dict.set_item("due", complaint_office::time::format_instant(&self.0.due))?;
        dict.set_item("provisional", self.0.provisional)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Deadline(last_day={}, due='{}', provisional={})",
            self.0.last_day,
            complaint_office::time::format_instant(&self.0.due),
            if self.0.provisional { "True" } else { "False" }
        )
    }
}

/// The end of `duration` started at `start`, on `calendar` (its offset and office hours).
///
/// Raises `PeriodError` (`period.out_of_range`, `period.office_hours_required`).
#[pyfunction]
fn end(calendar: Ref<'_, PyCalendar>, start: At, duration: DurationArg) -> PyResult<PyDeadline> {
    guard(|| {
        period::end(&calendar.0, start.0, duration.0)
            .map(PyDeadline)
            .map_err(err)
    })
}

/// `end` for many starts with one duration, the GIL released.
#[pyfunction]
fn end_many<'py>(
    py: Python<'py>,
    calendar: Ref<'_, PyCalendar>,
    starts: Many<At>,
    duration: DurationArg,
) -> PyResult<Bound<'py, PyList>> {
    guard(|| {
        let starts: Vec<_> = starts.0.into_iter().map(|s| s.0).collect();
        let calendar = &calendar.0;
        let deadlines = py
            .detach(|| period::end_many(calendar, &starts, duration.0))
            .map_err(err)?;
        PyList::new(py, deadlines.into_iter().map(PyDeadline))
    })
}

/// The last days of periods of `duration` starting on many dates (at 00:00 office time):
/// a list of dates gives a list, a numpy `datetime64[D]` array gives one (read in place, the
/// GIL released).
///
/// >>> import numpy as np
/// >>> from complaint_office import Calendar, period
/// >>> starts = np.array(["2025-09-20", "2025-09-26"], dtype="datetime64[D]")
/// >>> period.last_days(Calendar.default(), starts, "15 days")
/// array(['2025-10-09', '2025-10-11'], dtype='datetime64[D]')
#[pyfunction]
fn last_days<'py>(
    py: Python<'py>,
    calendar: Ref<'_, PyCalendar>,
    start_dates: &Bound<'py, PyAny>,
    duration: DurationArg,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| crate::batch::last_days(py, &calendar.0, start_dates, duration.0))
}

/// When `day` ends as the last day of a period: close of business where office hours are
/// configured, else 24:00, in office time.
#[pyfunction]
fn end_of_day<'py>(
    py: Python<'py>,
    calendar: Ref<'_, PyCalendar>,
    day: Date,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let at = period::end_of_day(&calendar.0, day.0).map_err(err)?;
        instant_to_py(py, at)
    })
}

#[pymethods]
impl PyPeriodRule {
    /// The rule's name (`start_day_excluded`), as a vocabulary value prints.
    fn __str__(&self) -> &'static str {
        self.0.name()
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDeadline>()?;
    m.add_class::<PyPeriodRule>()?;
    m.add_function(wrap_pyfunction!(end, m)?)?;
    m.add_function(wrap_pyfunction!(end_many, m)?)?;
    m.add_function(wrap_pyfunction!(end_of_day, m)?)?;
    m.add_function(wrap_pyfunction!(last_days, m)?)?;
    Ok(())
}
