"""Durations of the policy: ``15 days``, ``5 working days``, ``24 hours``, ``5個工作日``.

>>> from complaint_office import Duration
>>> str(Duration.parse("15日"))
'15 days'
"""

from ._native import Duration
from ._vocabulary import vocabulary

__all__ = ["Duration", "Unit"]

Unit = vocabulary(
    "Unit",
    __name__,
    "The unit of a Duration: hours, working hours, days, working days, months, years.",
)
