"""The polars namespace ``co``: the working-day rules as polars expressions.

Each method is a ``map_batches`` over the Arrow column functions of ``complaint_office.
dataframe``: one call into the library per batch of rows, elementwise, so the expressions work
in lazy and streaming pipelines and in ``group_by`` contexts.

    import polars as pl
    import complaint_office.dataframe  # registers the namespace

    df.lazy().with_columns(due=pl.col("received_at").co.add_working_days(5)).collect()
"""

from typing import Any, Optional, Union


def register(pl: Any) -> None:
    """Registers ``co`` on polars expressions and series (idempotent)."""
    from . import dataframe as d
    from .calendar import Calendar
    from .duration import Duration

    _Duration = Union[Duration, str]

    def _series(name: str, column: Any) -> Any:
        # polars names a series read through the PyCapsule interface after the Arrow field.
        return pl.Series(column).alias(name)

    class ComplaintOfficeExpr:
        """Working days and periods under the PRC rules, on date or datetime columns."""

        def __init__(self, expr: Any) -> None:
            self._expr = expr

        def add_working_days(self, days: Any, calendar: Optional[Calendar] = None) -> Any:
            """The ``days``-th working day after each day (an int, or an integer expression)."""
            if isinstance(days, int):
                k = days
                return self._expr.map_batches(
                    lambda s: _series(s.name, d._add_working_days(s, k, calendar)),
                    return_dtype=pl.Date,
                    is_elementwise=True,
                )
            return pl.map_batches(
                [self._expr, days],
                lambda ss: _series(ss[0].name, d._add_working_days(ss[0], ss[1], calendar)),
                return_dtype=pl.Date,
                is_elementwise=True,
            )

        def working_days_between(self, end: Any, calendar: Optional[Calendar] = None) -> Any:
            """Working days in ``(self, end]`` (``end`` an expression)."""
            return pl.map_batches(
                [self._expr, end],
                lambda ss: _series(ss[0].name, d._working_days_between(ss[0], ss[1], calendar)),
                return_dtype=pl.Int64,
                is_elementwise=True,
            )

        def is_working_day(self, calendar: Optional[Calendar] = None) -> Any:
            """Whether each day is a working day."""
            return self._expr.map_batches(
                lambda s: _series(s.name, d._is_working_day(s, calendar)),
                return_dtype=pl.Boolean,
                is_elementwise=True,
            )

        def period_end(self, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
            """When a period of ``duration`` started at each row runs out (an instant)."""
            zone = _zone((calendar or Calendar.default()).offset)
            return self._expr.map_batches(
                lambda s: _series(s.name, d._column(d._period_end(s, duration, calendar), 0)),
                return_dtype=pl.Datetime("ms", _zone(zone)),
                is_elementwise=True,
            )

        def period_last_day(self, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
            """The last day of a period of ``duration`` started at each row."""
            return self._expr.map_batches(
                lambda s: _series(s.name, d._column(d._period_end(s, duration, calendar), 1)),
                return_dtype=pl.Date,
                is_elementwise=True,
            )

    def _zone(offset: Any) -> str:
        """`+08:00`: polars' name of a fixed offset (a timezone would print `UTC+08:00`)."""
        if isinstance(offset, str):
            return offset
        minutes = int(offset.utcoffset(None).total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"

    class ComplaintOfficeSeries:
        """The same on a Series, eagerly."""

        def __init__(self, series: Any) -> None:
            self._s = series

        def add_working_days(self, days: Any, calendar: Optional[Calendar] = None) -> Any:
            return d.add_working_days(self._s, days, calendar)

        def working_days_between(self, end: Any, calendar: Optional[Calendar] = None) -> Any:
            return d.working_days_between(self._s, end, calendar)

        def is_working_day(self, calendar: Optional[Calendar] = None) -> Any:
            return d.is_working_day(self._s, calendar)

        def period_end(self, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
            return d.period_end(self._s, duration, calendar)

        def period_last_day(self, duration: _Duration, calendar: Optional[Calendar] = None) -> Any:
            return d.period_last_day(self._s, duration, calendar)

    pl.api.register_expr_namespace("co")(ComplaintOfficeExpr)
    pl.api.register_series_namespace("co")(ComplaintOfficeSeries)
