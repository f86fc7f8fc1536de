from typing import final, Any, Dict, Optional, Tuple, Union

from ._vocabulary import VocabularyEnum

__all__ = ["Duration", "Unit"]

class Unit(VocabularyEnum):
    """The unit of a Duration: hours, working hours, days, working days, months, years."""

    HOURS = "hours"
    WORKING_HOURS = "working_hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    YEARS = "years"

@final
class Duration:
    """A time limit of the policy: an amount of one unit."""

    def __new__(cls, amount: Union[int, str, "Duration"], unit: Optional[Union[Unit, str]] = None) -> "Duration": ...
    @staticmethod
    def parse(text: str) -> "Duration": ...
    @property
    def amount(self) -> int: ...
    @property
    def unit(self) -> Unit: ...
    def is_day_based(self) -> bool: ...
    def hour_bounds(self) -> Tuple[float, float]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __hash__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

_DurationLike = Union[Duration, str]
