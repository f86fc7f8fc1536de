"""The office's working calendar: the built-in PRC statutory calendar (holidays off, make-up
working days on), company days, office hours; batch calls over lists and numpy arrays.

>>> import numpy as np
>>> from complaint_office import Calendar
>>> starts = np.array(["2025-09-26", "2025-09-30"], dtype="datetime64[D]")
>>> Calendar.default().add_working_days_many(starts, 5)
array(['2025-10-10', '2025-10-14'], dtype='datetime64[D]')
"""

from ._native import Calendar, DayInfo, from_epoch_day, to_epoch_day
from ._vocabulary import vocabulary

__all__ = ["Calendar", "DayInfo", "DayKind", "Festival", "from_epoch_day", "to_epoch_day"]

DayKind = vocabulary(
    "DayKind",
    __name__,
    "What kind of day a date is, and why it is or is not worked.",
)
Festival = vocabulary(
    "Festival",
    __name__,
    "A statutory festival that a day off or a make-up working day belongs to.",
)
