"""Statistics (§7): a ledger (CSV file or text, records, or columns) in; monthly, quarterly or
yearly reports out, as typed objects with ``to_dict()`` (the ``stats.report`` op's shape),
SVG charts and a single-file HTML report.

>>> from complaint_office import stats
>>> csv = ("number,received_at,category,department,closed_at,satisfied\\n"
...        "25010001,2025-01-02 09:00:00,product_quality,production,2025-01-03 09:00:00,true\\n")
>>> report = stats.Ledger.from_csv_text(csv).report("month")
>>> [(str(p.period), p.total, p.handling_hours.median) for p in report.periods]
[('2025-01', 1, 24.0)]
"""

from ._native import (
    Change,
    Growth,
    HandlingDays,
    HandlingHours,
    Indicators,
    Ledger,
    OnTime,
    Period,
    PeriodStats,
    Record,
    Rejected,
    Report,
    TimeLimit,
    Trend,
    report_from_csv,
    synthetic_csv,
)
from ._vocabulary import vocabulary

__all__ = [
    "Change",
    "Granularity",
    "Growth",
    "HandlingDays",
    "HandlingHours",
    "Indicators",
    "Ledger",
    "MeasuredStage",
    "OnTime",
    "Outcome",
    "Period",
    "PeriodStats",
    "Record",
    "Rejected",
    "Report",
    "TimeLimit",
    "Trend",
    "report_from_csv",
    "synthetic_csv",
]

Granularity = vocabulary("Granularity", __name__, "The unit of a report row: month, quarter or year.")
Outcome = vocabulary(
    "Outcome",
    __name__,
    "How a complaint ended, or that it has not: the outcome column of a ledger built from cases.",
)
MeasuredStage = vocabulary(
    "MeasuredStage",
    __name__,
    "A stage whose on-time rate a report gives (the keys of ``Indicators.on_time``).",
)
