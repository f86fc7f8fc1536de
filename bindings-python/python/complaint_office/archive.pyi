import datetime
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union, final

from ._vocabulary import VocabularyEnum
from .calendar import Calendar
from .duration import Duration
from .number import ComplaintNumber
from .policy import Policy

__all__ = [
    "ArchiveFile",
    "ArchivedDocument",
    "DestructionDecision",
    "Document",
    "Expiry",
    "Refusal",
    "SweepEntry",
    "SweepStatus",
    "expiry",
    "expiry_with",
    "may_destroy",
    "may_destroy_with",
    "missing_documents",
    "sweep",
]

_Date = Union[datetime.date, str]

class Document(VocabularyEnum):
    """A document of the archive file (§6.2.1)."""

    REGISTRATION_FORM = "registration_form"
    INVESTIGATION_RECORD = "investigation_record"
    HANDLING_PLAN = "handling_plan"
    RESULT_REPORT = "result_report"
    FOLLOW_UP_RECORD = "follow_up_record"

class SweepStatus(VocabularyEnum):
    """Where a retention sweep puts a file."""

    RETAINED = "retained"
    AWAITING_APPROVAL = "awaiting_approval"
    HELD = "held"
    MAY_DESTROY = "may_destroy"

class Refusal(VocabularyEnum):
    """Why a file may not be destroyed (§6.2.2); the values are the error codes."""

    RETENTION_NOT_EXPIRED = "archive.retention_not_expired"
    APPROVAL_MISSING = "archive.approval_missing"
    LEGAL_HOLD = "archive.legal_hold"

@final
class Expiry:
    """The last day of retention, and whether it is provisional."""

    @property
    def last_day(self) -> datetime.date: ...
    @property
    def provisional(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ArchivedDocument:
    """One document of an archive file with its references."""

    def __new__(cls, document: Union[Document, str], electronic: Optional[str] = None, paper: Optional[str] = None) -> "ArchivedDocument": ...
    @property
    def document(self) -> Document: ...
    @property
    def electronic(self) -> Optional[str]: ...
    @property
    def paper(self) -> Optional[str]: ...
    def is_kept(self) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ArchiveFile:
    """The archive file of a case (§6.2.1)."""

    def __new__(
        cls,
        number: Union[ComplaintNumber, str],
        archived_on: _Date,
        documents: Optional[Iterable[Union[ArchivedDocument, Mapping[str, Any]]]] = None,
        legal_hold: bool = False,
        approval: Optional[Union[Mapping[str, Any], Tuple[str, _Date]]] = None,
    ) -> "ArchiveFile": ...
    @staticmethod
    def from_json(data: Union[str, Dict[str, Any]]) -> "ArchiveFile": ...
    @property
    def number(self) -> ComplaintNumber: ...
    @property
    def archived_on(self) -> datetime.date: ...
    @property
    def documents(self) -> List[ArchivedDocument]: ...
    @property
    def legal_hold(self) -> bool: ...
    @property
    def approval(self) -> Optional[Tuple[str, datetime.date]]: ...
    def missing_documents(self) -> List[Document]: ...
    def single_form_documents(self) -> List[Document]: ...
    def check_complete(self) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class DestructionDecision:
    """Whether a file may be destroyed on a date, and if not, why."""

    @property
    def allowed(self) -> bool: ...
    @property
    def reason(self) -> Optional[Refusal]: ...
    def into_result(self) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class SweepEntry:
    """One file of a retention sweep."""

    @property
    def number(self) -> ComplaintNumber: ...
    @property
    def expires_on(self) -> datetime.date: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def status(self) -> SweepStatus: ...
    @property
    def reason(self) -> Optional[Refusal]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

def expiry(policy: Policy, archived_on: _Date) -> Expiry: ...
def expiry_with(calendar: Calendar, archived_on: _Date, period: Union[Duration, str]) -> Expiry: ...
def may_destroy(policy: Policy, file: ArchiveFile, on: _Date) -> DestructionDecision: ...
def may_destroy_with(
    calendar: Calendar,
    period: Union[Duration, str],
    archived_on: _Date,
    approved_on: Optional[_Date],
    legal_hold: bool,
    on: _Date,
) -> DestructionDecision: ...
def sweep(policy: Policy, files: Iterable[ArchiveFile], on: _Date) -> List[SweepEntry]: ...
def missing_documents(present: Iterable[Union[Document, str]]) -> List[Document]: ...
