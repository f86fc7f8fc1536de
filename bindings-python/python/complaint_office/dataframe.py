"""Complaint data where analysts already work: Arrow tables in and out, the working-day rules
over dataframe columns, and a polars expression namespace.

Everything speaks the Arrow PyCapsule interface, so no dataframe library is a dependency:

* ``stats.Ledger.from_arrow(df)`` reads a pyarrow Table, a polars or pandas DataFrame or a
  DuckDB result; ``report.to_polars()``, ``report.to_pandas()``, ``report.to_pyarrow()``,
  ``polars.DataFrame(report)`` and ``pyarrow.table(report)`` read the report back (the tidy
  long form: ``period, dimension, key, figure``; ``report.to_arrow("wide")`` has one row per
  period).
* ``add_working_days``, ``working_days_between``, ``is_working_day``, ``period_end`` and
  ``period_last_day`` take Arrow date or timestamp columns (a polars or pandas Series, a pyarrow
  Array) and give a column of the same library back. A timestamp with a time zone counts in
  office days (the calendar's offset); one without is office time already.
* Importing this module registers the polars namespace ``co`` when polars is installed:
  ``pl.col("received_at").co.add_working_days(5)`` works in lazy pipelines.

>>> from complaint_office import dataframe
>>> from complaint_office.stats import Ledger
>>> import datetime
>>> due = dataframe.add_working_days(dataframe.dates([datetime.date(2025, 9, 26)]), 5)
>>> due.to_pylist()
[datetime.date(2025, 10, 10)]
"""

import datetime
from typing import Any, Iterable, Optional, Union

from ._arrow import _to_pandas, _to_polars, _to_pyarrow
from ._native import (
    ArrowColumn,
    ArrowTable,
    report_long_schema,
)
from ._native import add_working_days as _add_working_days
from ._native import is_working_day as _is_working_day
from ._native import period_end as _period_end
from ._native import working_days_between as _working_days_between
from .calendar import Calendar
from .duration import Duration
from .errors import ArgumentError

__all__ = [
    "ArrowColumn",
    "ArrowTable",
    "add_working_days",
    "dates",
    "deadlines",
    "is_working_day",
    "period_end",
    "period_last_day",
    "report_long_schema",
    "working_days_between",
]

_Duration = Union[Duration, str]


def dates(values: Iterable[Optional[datetime.date]]) -> ArrowColumn:
    """An Arrow ``Date32`` column of Python dates (None for a null), for callers without a
    dataframe library."""
    from ._native import _date32_column
    from .calendar import to_epoch_day

    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise ArgumentError(
            f"invalid argument: expected an iterable of dates, got {type(values).__name__}",
            "binding.invalid_argument",
        )
    return _date32_column([None if d is None else to_epoch_day(d) for d in values])


def _library(value: Any) -> str:
    return type(value).__module__.split(".")[0]


def _prepared(column: Any) -> Any:
    """A column the native functions read in one piece: polars Series and pyarrow chunked
    arrays are passed as they are (their chunks are joined natively); pandas Series through
    pyarrow."""
    if _library(column) == "pandas":
        import pyarrow as pa

        return pa.array(column)
    return column


def _like(original: Any, result: ArrowColumn) -> Any:
    """The result in the library of the input: a polars Series for a polars Series, a pyarrow
    Array for pyarrow, a pandas Series for pandas, else the ArrowColumn."""
    library = _library(original)
    if library == "polars":
        import polars as pl

        return pl.Series(result).alias(getattr(original, "name", ""))
    if library == "pyarrow":
        import pyarrow as pa

        return pa.array(result)
    if library == "pandas":
        import pyarrow as pa

        series = pa.array(result).to_pandas()
        series.index = original.index
        series.name = original.name
        return series
    return result


def add_working_days(dates: Any, days: Any, calendar: Optional[Calendar] = None) -> Any:
    """The ``days``-th working day after each day (``Calendar.add_working_days`` per row): dates
    out. ``days`` is an int or a column of ints; nulls stay null."""
    counts = days if isinstance(days, int) else _prepared(days)
    return _like(dates, _add_working_days(_prepared(dates), counts, calendar))


def working_days_between(start: Any, end: Any, calendar: Optional[Calendar] = None) -> Any:
    """Working days in ``(start, end]`` per row (negative when ``end`` is earlier); ``end`` is a
    column or a one-value column for all rows."""
    return _like(start, _working_days_between(_prepared(start), _prepared(end), calendar))


def is_working_day(dates: Any, calendar: Optional[Calendar] = None) -> Any:
    """Whether each day is a working day."""
    return _like(dates, _is_working_day(_prepared(dates), calendar))


def _deadlines(starts: Any, duration: _Duration, calendar: Optional[Calendar]) -> ArrowTable:
    return _period_end(_prepared(starts), duration, calendar)


def period_end(starts: Any, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
    """When a period of ``duration`` started at each row runs out (``period.end(...).due``): an
    instant in the office offset. Starts are instants, office times, or dates (00:00)."""
    table = _deadlines(starts, duration, calendar)
    return _like(starts, _column(table, 0))


def period_last_day(starts: Any, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
    """The last day of a period of ``duration`` started at each row
    (``period.end(...).last_day``)."""
    table = _deadlines(starts, duration, calendar)
    return _like(starts, _column(table, 1))


def deadlines(starts: Any, duration: _Duration, calendar: Optional[Calendar] = None) -> ArrowTable:
    """``period.end`` per row as a table: ``due``, ``last_day`` and ``provisional``."""
    return _deadlines(starts, duration, calendar)


def _column(table: ArrowTable, index: int) -> ArrowColumn:
    from ._native import _table_column

    return _table_column(table, index)


def _register_polars() -> None:
    try:
        import polars as pl
    except ImportError:
        return
    from . import _polars

    _polars.register(pl)


_register_polars()
