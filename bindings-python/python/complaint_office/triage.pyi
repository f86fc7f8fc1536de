import datetime
from typing import Dict, Iterable, List, Union, final

from ._vocabulary import VocabularyEnum
from .policy import Policy

__all__ = [
    "Assessment",
    "Complexity",
    "QueueKey",
    "Severity",
    "Track",
    "Urgency",
    "assess",
    "queue_order",
]

class Severity(VocabularyEnum):
    """How severe a complaint is (§2.2.4)."""

    GENERAL = "general"
    SERIOUS = "serious"
    MAJOR = "major"

class Urgency(VocabularyEnum):
    """How urgent a complaint is (§2.2.4)."""

    NORMAL = "normal"
    URGENT = "urgent"

class Complexity(VocabularyEnum):
    """Whether handling is simple or complex (§4.1.2)."""

    SIMPLE = "simple"
    COMPLEX = "complex"

class Track(VocabularyEnum):
    """The handling track (§4.1.2): general, complex or major."""

    GENERAL = "general"
    COMPLEX = "complex"
    MAJOR = "major"

@final
class Assessment:
    """The outcome of triage: emergency procedure, track and priority."""

    @property
    def emergency(self) -> bool: ...
    @property
    def track(self) -> Track: ...
    @property
    def priority(self) -> int: ...
    def to_dict(self) -> Dict[str, object]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class QueueKey:
    """A complaint's place in the queue."""

    def __new__(cls, assessment: Assessment, received_at: Union[datetime.datetime, str]) -> "QueueKey": ...
    @property
    def emergency(self) -> bool: ...
    @property
    def priority(self) -> int: ...
    def sort_key(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __lt__(self, other: "QueueKey", /) -> bool: ...
    def __le__(self, other: "QueueKey", /) -> bool: ...
    def __gt__(self, other: "QueueKey", /) -> bool: ...
    def __ge__(self, other: "QueueKey", /) -> bool: ...
    def __hash__(self) -> int: ...

def assess(
    policy: Policy,
    severity: Union[Severity, str],
    urgency: Union[Urgency, str],
    complexity: Union[Complexity, str],
) -> Assessment: ...
def queue_order(keys: Iterable[QueueKey]) -> List[int]: ...
