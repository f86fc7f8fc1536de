"""The office's working calendar: the built-in PRC statutory calendar (holidays off, make-up
working days on), company days, office hours; batch calls over lists and numpy arrays.

>>> import numpy as np
>>> from complaint_office import Calendar
>>> starts = np.array(["2025-09-26", "2025-09-30"], dtype="datetime64[D]")
>>> Calendar.default().add_working_days_many(starts, 5)
array(['2025-10-10', '2025-10-14'], dtype='datetime64[D]')
"""

from ._native import Calendar, DayInfo, Notice, from_epoch_day, to_epoch_day
from ._vocabulary import vocabulary

__all__ = [
    "Calendar",
    "DayInfo",
    "DayKind",
    "DayReason",
    "DecidedBy",
    "Festival",
    "Notice",
    "NoticeKind",
    "Regulation",
    "from_epoch_day",
    "to_epoch_day",
]

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
DayReason = vocabulary(
    "DayReason",
    __name__,
    "Why a day is worked or not: a statutory holiday told apart from a swapped rest day and a day in lieu.",
)
DecidedBy = vocabulary(
    "DecidedBy",
    __name__,
    "How a day's status was decided: a published notice, the holiday regulation alone, or the weekday.",
)
Regulation = vocabulary(
    "Regulation",
    __name__,
    "A version of the holiday regulation (全国年节及纪念日放假办法), named by the State Council order that made it.",
)
NoticeKind = vocabulary(
    "NoticeKind",
    __name__,
    "What a State Council notice does to its year: the annual arrangement, a special holiday, an amendment, an extension.",
)
