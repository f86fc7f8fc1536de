import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union, final

from ._vocabulary import VocabularyEnum
from .number import ComplaintNumber
from .policy import Policy
from .dataframe import ArrowTable

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

_Instant = Union[datetime.datetime, str]
_Offset = Union[str, datetime.tzinfo]
_Path = Union[str, "os.PathLike[str]"]

class Granularity(VocabularyEnum):
    """The unit of a report row: month, quarter or year."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

class Outcome(VocabularyEnum):
    """How a complaint ended, or that it has not."""

    RESOLVED = "resolved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    LAPSED = "lapsed"
    OPEN = "open"

class MeasuredStage(VocabularyEnum):
    """A stage whose on-time rate a report gives."""

    REGISTRATION = "registration"
    PLAN = "plan"
    FEEDBACK = "feedback"
    FOLLOW_UP = "follow_up"

@final
class TimeLimit:
    """A stage's time limit in a ledger row: when it fell due and when it was met."""

    def __new__(cls, due: _Instant, met_at: Optional[_Instant] = None) -> "TimeLimit": ...
    @property
    def due(self) -> datetime.datetime: ...
    @property
    def met_at(self) -> Optional[datetime.datetime]: ...
    @property
    def on_time(self) -> bool: ...
    def to_dict(self) -> Dict[str, Optional[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class OnTime:
    """The time limits of one stage that fell due in a period."""

    @property
    def due(self) -> int: ...
    @property
    def on_time(self) -> int: ...
    @property
    def late(self) -> int: ...
    @property
    def overdue(self) -> int: ...
    @property
    def rate(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class HandlingDays:
    """Handling time in working days of the cases closed."""

    @property
    def mean(self) -> Optional[float]: ...
    @property
    def median(self) -> Optional[float]: ...
    @property
    def p90(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Optional[float]]: ...

@final
class Indicators:
    """The office indicators of a period or of a report's range."""

    @property
    def by_track(self) -> Dict[str, int]: ...
    @property
    def by_outcome(self) -> Dict[str, int]: ...
    @property
    def on_time(self) -> Dict[str, OnTime]: ...
    @property
    def handling_working_days(self) -> HandlingDays: ...
    @property
    def rehandled(self) -> int: ...
    @property
    def rehandling_rate(self) -> Optional[float]: ...
    @property
    def follow_up_satisfaction_rate(self) -> Optional[float]: ...
    @property
    def repeat(self) -> int: ...
    @property
    def repeat_rate(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Period:
    """A month (2025-01), quarter (2025-Q1) or year (2025)."""

    @staticmethod
    def parse(text: str) -> "Period": ...
    @staticmethod
    def of_instant(at: _Instant, granularity: Union[Granularity, str], office_offset: _Offset) -> "Period": ...
    @staticmethod
    def of_date(date: Union[datetime.date, str], granularity: Union[Granularity, str]) -> "Period": ...
    @property
    def granularity(self) -> Granularity: ...
    @property
    def first_day(self) -> datetime.date: ...
    @property
    def last_day(self) -> datetime.date: ...
    def start(self, office_offset: _Offset) -> datetime.datetime: ...
    def end(self, office_offset: _Offset) -> datetime.datetime: ...
    def succ(self) -> "Period": ...
    def pred(self) -> "Period": ...
    def __eq__(self, other: object, /) -> bool: ...
    def __lt__(self, other: "Period", /) -> bool: ...
    def __le__(self, other: "Period", /) -> bool: ...
    def __gt__(self, other: "Period", /) -> bool: ...
    def __ge__(self, other: "Period", /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

@final
class Record:
    """One complaint of a ledger."""

    def __new__(
        cls,
        number: Union[ComplaintNumber, str],
        received_at: _Instant,
        category: str,
        department: str,
        channel: Optional[str] = None,
        severity: Optional[str] = None,
        closed_at: Optional[_Instant] = None,
        satisfied: Optional[bool] = None,
        outcome: Optional[str] = None,
        *,
        track: Optional[str] = None,
        rehandled: Optional[bool] = None,
        follow_up_satisfied: Optional[bool] = None,
        complainant_key: Optional[str] = None,
        registration: Optional[TimeLimit] = None,
        plan: Optional[TimeLimit] = None,
        feedback: Optional[TimeLimit] = None,
        follow_up: Optional[TimeLimit] = None,
    ) -> "Record": ...
    @property
    def number(self) -> ComplaintNumber: ...
    @property
    def received_at(self) -> datetime.datetime: ...
    @property
    def channel(self) -> Optional[str]: ...
    @property
    def category(self) -> str: ...
    @property
    def department(self) -> str: ...
    @property
    def severity(self) -> Optional[str]: ...
    @property
    def closed_at(self) -> Optional[datetime.datetime]: ...
    @property
    def satisfied(self) -> Optional[bool]: ...
    @property
    def outcome(self) -> Optional[str]:
        """`resolved`, `rejected`, `withdrawn`, `merged`, `lapsed` or `open`; None when the
        ledger does not say."""
    @property
    def track(self) -> Optional[str]: ...
    @property
    def rehandled(self) -> Optional[bool]: ...
    @property
    def follow_up_satisfied(self) -> Optional[bool]: ...
    @property
    def complainant_key(self) -> Optional[str]: ...
    @property
    def registration(self) -> Optional[TimeLimit]: ...
    @property
    def plan(self) -> Optional[TimeLimit]: ...
    @property
    def feedback(self) -> Optional[TimeLimit]: ...
    @property
    def follow_up(self) -> Optional[TimeLimit]: ...
    def to_dict(self, case_columns: bool = False) -> Dict[str, Any]: ...

@final
class Rejected:
    """A row left out in lenient mode."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> Optional[str]: ...
    @property
    def code(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class HandlingHours:
    """Handling time of the cases closed in a period."""

    @property
    def mean(self) -> Optional[float]: ...
    @property
    def median(self) -> Optional[float]: ...
    @property
    def p90(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Optional[float]]: ...

@final
class Change:
    """The change of a period's total from the previous period."""

    @property
    def absolute(self) -> int: ...
    @property
    def percent(self) -> Optional[float]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class PeriodStats:
    """The figures of one period."""

    @property
    def period(self) -> Period: ...
    @property
    def total(self) -> int: ...
    @property
    def by_category(self) -> Dict[str, int]: ...
    @property
    def by_department(self) -> Dict[str, int]: ...
    @property
    def by_channel(self) -> Dict[str, int]: ...
    @property
    def by_severity(self) -> Dict[str, int]: ...
    @property
    def closed(self) -> int: ...
    @property
    def handling_hours(self) -> HandlingHours: ...
    @property
    def satisfaction_rate(self) -> Optional[float]: ...
    @property
    def open_at_end(self) -> int: ...
    @property
    def change(self) -> Optional[Change]: ...
    @property
    def indicators(self) -> Optional[Indicators]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Trend:
    """The trend of one category or department."""

    @property
    def name(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def slope(self) -> float: ...
    @property
    def percent(self) -> float: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Growth:
    """The fastest-growing categories and departments."""

    @property
    def categories(self) -> List[Trend]: ...
    @property
    def departments(self) -> List[Trend]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Report:
    """A periodic report (§7.1.2)."""

    @staticmethod
    def from_arrow(
        data: object,
        granularity: str = "month",
        policy: Optional[Policy] = None,
        columns: Optional[Mapping[str, str]] = None,
        lenient: bool = False,
        start: Optional[Period] = None,
        end: Optional[Period] = None,
    ) -> "Report":
        """The report of any Arrow table without keeping a ledger: as Ledger.from_arrow(...).report(...)."""
    @property
    def granularity(self) -> Granularity: ...
    @property
    def periods(self) -> List[PeriodStats]: ...
    @property
    def growth(self) -> Growth: ...
    @property
    def rejected(self) -> List[Rejected]: ...
    @property
    def indicators(self) -> Optional[Indicators]: ...
    @property
    def overview(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def charts(self) -> Dict[str, str]: ...
    def html(self) -> str: ...
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The tidy long form (period, dimension, key, figure) as an Arrow stream."""
    def to_arrow(self, form: str = "long") -> ArrowTable: ...
    def to_polars(self, form: str = "long") -> Any: ...
    def to_pandas(self, form: str = "long") -> Any: ...
    def to_pyarrow(self, form: str = "long") -> Any: ...

@final
class Ledger:
    """A complaint ledger, validated and stored by column."""

    @staticmethod
    def from_records(records: Iterable[Record], lenient: bool = False) -> "Ledger": ...
    @staticmethod
    def from_csv_path(
        path: _Path,
        policy: Optional[Policy] = None,
        columns: Optional[Mapping[str, str]] = None,
        delimiter: str = ",",
        lenient: bool = False,
        *,
        max_bytes: int = ...,  # 4 GiB
    ) -> "Ledger": ...
    @staticmethod
    def from_csv_text(
        text: str,
        policy: Optional[Policy] = None,
        columns: Optional[Mapping[str, str]] = None,
        delimiter: str = ",",
        lenient: bool = False,
    ) -> "Ledger": ...
    @staticmethod
    def from_csv_bytes(
        data: bytes,
        policy: Optional[Policy] = None,
        columns: Optional[Mapping[str, str]] = None,
        delimiter: str = ",",
        lenient: bool = False,
    ) -> "Ledger": ...
    @staticmethod
    def from_arrow(
        data: object,
        policy: Optional[Policy] = None,
        columns: Optional[Mapping[str, str]] = None,
        lenient: bool = False,
    ) -> "Ledger":
        """A ledger from any Arrow table: pyarrow, polars, pandas, DuckDB."""
    @staticmethod
    def from_columns(
        number: Iterable[str],
        received_at: Iterable[Union[_Instant, int]],
        category: Iterable[str],
        department: Iterable[str],
        channel: Optional[Iterable[Optional[str]]] = None,
        severity: Optional[Iterable[Optional[str]]] = None,
        closed_at: Optional[Iterable[Optional[Union[_Instant, int]]]] = None,
        satisfied: Optional[Iterable[Optional[bool]]] = None,
        lenient: bool = False,
    ) -> "Ledger": ...
    @property
    def rejected(self) -> List[Rejected]: ...
    def records(self) -> List[Record]: ...
    @property
    def has_case_columns(self) -> bool: ...
    def with_as_of(self, at: _Instant) -> "Ledger": ...
    def report(
        self,
        granularity: Union[Granularity, str] = "month",
        policy: Optional[Policy] = None,
        start: Optional[Period] = None,
        end: Optional[Period] = None,
    ) -> Report: ...
    def __len__(self) -> int: ...

def report_from_csv(
    path: _Path,
    granularity: Union[Granularity, str] = "month",
    policy: Optional[Policy] = None,
    columns: Optional[Mapping[str, str]] = None,
    delimiter: str = ",",
    lenient: bool = False,
    start: Optional[Period] = None,
    end: Optional[Period] = None,
    *,
    max_bytes: int = ...,  # 4 GiB
) -> Report: ...
def synthetic_csv(
    rows: int,
    months: Optional[int] = None,
    first_month: Optional[Union[str, datetime.date]] = None,
    seed: Optional[int] = None,
) -> str: ...
