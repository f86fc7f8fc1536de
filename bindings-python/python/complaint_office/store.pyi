import datetime
from types import TracebackType
from typing import Any, Callable, Dict, List, Mapping, Optional, Type, Union, final

from ._vocabulary import VocabularyEnum
from .archive import SweepEntry
from .case import Case, Event, Schedule, Stage, Status
from .errors import StoreError as StoreError
from .number import ComplaintNumber
from .policy import Policy, PolicySet
from .stats import Ledger, Record

__all__ = [
    "SCHEMA_VERSION",
    "Appended",
    "DueCase",
    "Durability",
    "Received",
    "Registered",
    "ReminderCase",
    "Store",
    "StoreError",
    "StoredCase",
    "SweptCase",
]

_Instant = Union[datetime.datetime, str]
_Date = Union[datetime.date, str]
_EventLike = Union[Event, Mapping[str, Any], str]
_Number = Union[ComplaintNumber, str]
_ReminderRule = Callable[[Case, Schedule], Optional[_Instant]]

SCHEMA_VERSION: int
_DURABILITIES: List[str]

class Durability(VocabularyEnum):
    """When a PostgreSQL write counts as done (SQLite syncs every commit)."""

    IMMEDIATE = "immediate"
    GROUPED = "grouped"

@final
class Registered:
    """A registered complaint: case id, number, version, and whether it was replayed."""

    @property
    def case(self) -> int: ...
    @property
    def number(self) -> ComplaintNumber: ...
    @property
    def version(self) -> int: ...
    @property
    def replayed(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Received:
    """A complaint stored without a number (waiting for missing information)."""

    @property
    def case(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def replayed(self) -> bool: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Appended:
    """An appended event: the case's version and status now."""

    @property
    def version(self) -> int: ...
    @property
    def status(self) -> Status: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class StoredCase:
    """A case read back: id, version, head hash, the replayed case and its events."""

    @property
    def id(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def head(self) -> str: ...
    @property
    def case(self) -> Case: ...
    @property
    def events(self) -> List[Event]: ...

@final
class DueCase:
    """A case whose next deadline falls in a window."""

    @property
    def case(self) -> int: ...
    @property
    def number(self) -> Optional[ComplaintNumber]: ...
    @property
    def stage(self) -> Stage: ...
    @property
    def due(self) -> datetime.datetime: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ReminderCase:
    """A case whose next reminder falls in a window."""

    @property
    def case(self) -> int: ...
    @property
    def number(self) -> Optional[ComplaintNumber]: ...
    @property
    def at(self) -> datetime.datetime: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class SweptCase:
    """An archived case in a retention sweep, with the library's decision."""

    @property
    def case(self) -> int: ...
    @property
    def entry(self) -> SweepEntry: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Store:
    """Cases kept in SQLite (a file path) or PostgreSQL (a postgresql:// URL)."""

    @staticmethod
    def open(
        target: str,
        policy: Union[Policy, PolicySet],
        *,
        connections: int = 8,
        wait: Union[float, datetime.timedelta, None] = None,
        durability: Union[Durability, str, None] = None,
        reminders: Optional[_ReminderRule] = None,
    ) -> "Store": ...
    @property
    def backend(self) -> str: ...
    @property
    def closed(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> "Store": ...
    def __exit__(
        self,
        *_args: Union[Type[BaseException], BaseException, TracebackType, None],
    ) -> bool: ...
    def schema_version(self) -> int: ...
    def register(
        self,
        received: _EventLike,
        at: _Instant,
        *,
        by: Optional[str] = None,
        request_key: Optional[str] = None,
    ) -> Registered: ...
    def receive(self, received: _EventLike, *, request_key: Optional[str] = None) -> Received: ...
    def register_received(
        self, case: int, expected_version: int, at: _Instant, *, by: Optional[str] = None
    ) -> Registered: ...
    def append(self, case: int, expected_version: int, event: _EventLike) -> Appended: ...
    def load(self, case: int) -> StoredCase: ...
    def find(self, number: _Number) -> StoredCase: ...
    def due(self, start: Optional[_Instant], end: _Instant, limit: int) -> List[DueCase]: ...
    def reminders(self, start: Optional[_Instant], end: _Instant, limit: int) -> List[ReminderCase]: ...
    def retention_sweep(self, on: _Date) -> List[SweptCase]: ...
    def ledger_records(self, start: _Instant, end: _Instant) -> List[Record]: ...
    def ledger(self, start: _Instant, end: _Instant) -> Ledger: ...
    def reindex(self) -> int: ...
