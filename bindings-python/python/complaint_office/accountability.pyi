from typing import Any, Dict, List, Optional, Tuple, Union, final

from ._vocabulary import VocabularyEnum

__all__ = [
    "Assessment",
    "Consequence",
    "Decision",
    "DisciplineTable",
    "Fault",
    "Finding",
    "Level",
    "Responsibility",
    "Sanction",
    "decide",
]

class Responsibility(VocabularyEnum):
    """The type of responsibility (§8.1.2)."""

    DIRECT = "direct"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    LEADERSHIP = "leadership"

class Fault(VocabularyEnum):
    """The degree of fault (§8.1)."""

    INTENTIONAL = "intentional"
    GROSS_NEGLIGENCE = "gross_negligence"
    NEGLIGENCE = "negligence"

class Consequence(VocabularyEnum):
    """The consequence (§8.1)."""

    GENERAL = "general"
    SERIOUS = "serious"

class Level(VocabularyEnum):
    """The discipline level (§8.2)."""

    LIGHT = "light"
    HEAVY = "heavy"
    DISMISSAL = "dismissal"

class Sanction(VocabularyEnum):
    """A sanction (§8.2)."""

    CRITICISM_EDUCATION = "criticism_education"
    WARNING = "warning"
    FINE = "fine"
    DEMOTION = "demotion"
    PAY_CUT = "pay_cut"
    TERMINATION = "termination"
    LEGAL_LIABILITY = "legal_liability"


@final
class Assessment:
    """Type of responsibility, fault and consequence of a finding."""

    def __new__(cls, responsibility: Union[Responsibility, str], fault: Union[Fault, str], consequence: Union[Consequence, str]) -> "Assessment": ...
    @staticmethod
    def all() -> List["Assessment"]: ...
    @property
    def responsibility(self) -> Responsibility: ...
    @property
    def fault(self) -> Fault: ...
    @property
    def consequence(self) -> Consequence: ...
    def calls_for_dismissal(self) -> bool: ...
    def is_at_least_as_grave_as(self, other: "Assessment") -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

@final
class Decision:
    """The discipline decided for a finding."""

    @property
    def level(self) -> Level: ...
    @property
    def sanctions(self) -> List[Sanction]: ...
    @property
    def clause(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class DisciplineTable:
    """The policy's [discipline] table."""

    def __new__(cls) -> "DisciplineTable": ...
    @staticmethod
    def from_json_value(value: Dict[str, Any]) -> "DisciplineTable": ...
    def decide(self, assessment: Assessment) -> Decision: ...
    def level(self, assessment: Assessment) -> Level: ...
    def entries(self) -> List[Tuple[Assessment, Level]]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Finding:
    """A responsibility finding for one person or role (§8.1)."""

    def __new__(
        cls,
        subject: str,
        responsibility: Union[Responsibility, str],
        fault: Union[Fault, str],
        consequence: Union[Consequence, str],
        nature: Optional[str] = None,
        degree: Optional[str] = None,
        scope: Optional[str] = None,
    ) -> "Finding": ...
    @property
    def subject(self) -> str: ...
    @property
    def nature(self) -> str: ...
    @property
    def degree(self) -> str: ...
    @property
    def scope(self) -> str: ...
    def assessment(self) -> Assessment: ...
    def check(self) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

def decide(table: DisciplineTable, finding: Finding) -> Decision: ...
