"""The office at work (issue 18): many cases at once, straight from their own histories.

A :class:`Caseload` holds the office's cases: histories as a host stores them (a list of
event lists or ``{"key", "complainant_key", "events"}`` dicts, or their JSON text), or cases
already replayed. From it come each morning's :meth:`Caseload.worklist` (every open case
once, in the order an office works it, with the §1.3.4 views applied), the reminder job's
:meth:`Caseload.reminders` over a window ``[start, end)`` (consecutive windows give each
reminder exactly once) and the month's :meth:`Caseload.ledger`, whose report has the office
indicators (on-time rate per stage, overdue, working days, re-handling, repeat complaints).

The library never reads the clock: ``now``, ``start`` and ``end`` are the host's. Every call
over the caseload releases the GIL.

>>> from complaint_office import Policy
>>> from complaint_office.office import Caseload
>>> def history(at, number):
...     return [{"type": "received", "at": at, "channel": "hotline",
...              "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
...              "content": "The part broke."},
...             {"type": "registered", "at": at, "number": number}]
>>> caseload = Caseload.replay(Policy(), [history("2025-09-01T10:00:00+08:00", "25090001"),
...                                       history("2025-09-20T10:00:00+08:00", "25090002")])
>>> print(caseload.worklist("2025-09-22T09:00:00+08:00", view="department"))
worklist at 2025-09-22T09:00:00+08:00: 2 cases
  25090001 registered plan: overdue, due 2025-09-17T00:00:00+08:00, complaint_office acts
  25090002 registered plan: open, due 2025-10-10T00:00:00+08:00, complaint_office acts
>>> report = caseload.ledger("2025-09-30T18:00:00+08:00").report("month")
>>> plan = report.periods[0].indicators.on_time["plan"]
>>> plan.due, plan.overdue, plan.rate
(1, 1, 0.0)
"""

from ._native import (
    Caseload,
    Refused,
    Reminder,
    Worklist,
    WorklistCounts,
    WorklistEntry,
    actor_for_status,
)
from ._vocabulary import vocabulary

__all__ = [
    "Actor",
    "Caseload",
    "Refused",
    "Reminder",
    "Worklist",
    "WorklistCounts",
    "WorklistEntry",
    "actor_for_status",
]

Actor = vocabulary(
    "Actor",
    __name__,
    "A role in the office's work: who should act on a case, whom a reminder goes to.",
)
