import datetime
from typing import final, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union, overload

from ._vocabulary import VocabularyEnum

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

_Date = Union[datetime.date, str]
_Offset = Union[str, datetime.tzinfo]
# numpy arrays (datetime64[D] / integer arrays) without depending on numpy's stubs.
_Array = Any

class DayKind(VocabularyEnum):
    """What kind of day a date is, and why it is or is not worked."""

    WEEKDAY = "weekday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"
    COMPANY_DAY_OFF = "company_day_off"
    COMPANY_WORKDAY = "company_workday"

class Festival(VocabularyEnum):
    """A statutory festival that a day off or a make-up working day belongs to."""

    NEW_YEAR = "new_year"
    SPRING_FESTIVAL = "spring_festival"
    TOMB_SWEEPING = "tomb_sweeping"
    LABOUR_DAY = "labour_day"
    DRAGON_BOAT = "dragon_boat"
    MID_AUTUMN = "mid_autumn"
    NATIONAL_DAY = "national_day"
    VICTORY_DAY = "victory_day"

class DayReason(VocabularyEnum):
    """Why a day is worked or not."""

    WORKING_DAY = "working_day"
    WEEKEND = "weekend"
    STATUTORY_HOLIDAY = "statutory_holiday"
    DAY_IN_LIEU = "day_in_lieu"
    SWAPPED_REST_DAY = "swapped_rest_day"
    EXTRA_REST_DAY = "extra_rest_day"
    LISTED_REST_DAY = "listed_rest_day"
    MAKEUP_WORKDAY = "makeup_workday"
    COMPANY_DAY_OFF = "company_day_off"
    COMPANY_WORKDAY = "company_workday"

class DecidedBy(VocabularyEnum):
    """How a day's status was decided."""

    PUBLISHED = "published"
    STATUTORY_RULE = "statutory_rule"
    WEEKDAYS = "weekdays"
    EVERY_DAY = "every_day"

class Regulation(VocabularyEnum):
    """A version of the holiday regulation, named by the State Council order that made it."""

    ORDER_270 = "order_270"
    ORDER_513 = "order_513"
    ORDER_644 = "order_644"
    ORDER_795 = "order_795"

class NoticeKind(VocabularyEnum):
    """What a State Council notice does to its year."""

    ANNUAL = "annual"
    SPECIAL = "special"
    AMENDMENT = "amendment"
    EXTENSION = "extension"

@final
class Notice:
    """A State Council notice that a published day comes from."""

    @property
    def title(self) -> Optional[str]: ...
    @property
    def number(self) -> Optional[str]: ...
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def kind(self) -> NoticeKind: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class DayInfo:
    """One day of the calendar: whether it is worked, why, and from which notice."""

    @property
    def date(self) -> datetime.date: ...
    @property
    def working(self) -> bool: ...
    @property
    def kind(self) -> DayKind: ...
    @property
    def reason(self) -> DayReason: ...
    @property
    def festival(self) -> Optional[Festival]: ...
    @property
    def labels(self) -> Optional[Dict[str, str]]: ...
    @property
    def in_lieu_of(self) -> Optional[datetime.date]: ...
    @property
    def decided_by(self) -> DecidedBy: ...
    @property
    def regulation(self) -> Optional[Regulation]: ...
    @property
    def source(self) -> Optional[Notice]: ...
    @property
    def covered(self) -> bool: ...
    @property
    def provisional(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Calendar:
    """The office's working calendar (the built-in PRC calendar by default)."""

    def __new__(cls) -> "Calendar": ...
    @staticmethod
    def default() -> "Calendar": ...
    @staticmethod
    def cn() -> "Calendar": ...
    @staticmethod
    def weekdays() -> "Calendar": ...
    @staticmethod
    def from_config(config: Union[str, Dict[str, Any]], office_offset: Optional[_Offset] = None) -> "Calendar": ...
    def with_holiday_cn(self, data: Union[str, Dict[str, Any], List[Any]]) -> "Calendar": ...
    def with_offset(self, offset: _Offset) -> "Calendar": ...
    def with_office_hours(self, office_hours: Optional[Sequence[str]]) -> "Calendar": ...
    @property
    def offset(self) -> datetime.timezone: ...
    @property
    def office_hours(self) -> Optional[List[str]]: ...
    def is_working_day(self, date: _Date) -> bool: ...
    def day(self, date: _Date) -> DayInfo: ...
    def covers(self, date: _Date) -> bool: ...
    def covers_span(self, start: _Date, end: _Date) -> bool: ...
    def covered_years(self) -> List[int]: ...
    def covered_range(self) -> Optional[Tuple[datetime.date, datetime.date]]: ...
    def add_working_days(self, date: _Date, days: int) -> datetime.date: ...
    def working_days_between(self, start: _Date, end: _Date) -> int: ...
    def roll_forward(self, date: _Date) -> datetime.date: ...
    @overload
    def add_working_days_many(self, dates: Iterable[_Date], days: Union[int, Iterable[int]]) -> List[datetime.date]: ...
    @overload
    def add_working_days_many(self, dates: _Array, days: Union[int, Iterable[int], _Array]) -> _Array: ...
    @overload
    def working_days_between_many(self, start: Iterable[_Date], end: Iterable[_Date]) -> List[int]: ...
    @overload
    def working_days_between_many(self, start: _Array, end: Union[_Array, Iterable[_Date]]) -> _Array: ...
    @overload
    def is_working_day_many(self, dates: Iterable[_Date]) -> List[bool]: ...
    @overload
    def is_working_day_many(self, dates: _Array) -> _Array: ...
    def add_working_days_epoch(self, epoch_days: Iterable[int], days: Union[int, Iterable[int]]) -> List[int]: ...
    def working_days_between_epoch(self, start: Iterable[int], end: Union[int, Iterable[int]]) -> List[int]: ...
    def is_working_day_epoch(self, epoch_days: Iterable[int]) -> List[bool]: ...
    def is_working_epoch_day(self, epoch_day: int) -> bool: ...
    def add_working_days_to_epoch_day(self, epoch_day: int, days: int) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...

def to_epoch_day(date: _Date) -> int: ...
def from_epoch_day(days: int) -> datetime.date: ...
