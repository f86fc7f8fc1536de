"""Periods under the PRC Civil Code, art. 200–204: when a time limit runs out.

Days, months and years start counting the day after the start (art. 201); months and years
end on the corresponding day or the month's last day (art. 202); a last day that is a rest day
moves to the next working day (art. 203); working days count working days only (art. 204).

>>> from complaint_office import Calendar, period
>>> d = period.end(Calendar.default(), "2025-09-26T10:00:00+08:00", "5 working days")
>>> d.last_day
datetime.date(2025, 10, 10)
"""

from ._native import Deadline, PeriodRule, end, end_many, end_of_day, last_days

__all__ = ["Deadline", "PeriodRule", "end", "end_many", "end_of_day", "last_days"]
