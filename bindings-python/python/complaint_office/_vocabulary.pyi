import enum
from typing import Type, TypeVar

_E = TypeVar("_E", bound="VocabularyEnum")

class VocabularyEnum(str, enum.Enum):  # type: ignore[misc]  # a base: members are in the subclasses
    def __new__(cls: Type[_E], value: str) -> _E: ...

def vocabulary(name: str, module: str, doc: str) -> Type[VocabularyEnum]: ...
