"""The base of the vocabulary enums.

Each module's vocabulary classes are generated from the core's declarations by tools/boundary
(the marked part of the module and of its stub); :func:`vocabulary` builds the three whose core
types are not such declarations (``Unit``, ``Language``, ``Refusal``) from the native module's
names at import.
"""

import enum
from typing import Type

from . import _native
from .errors import ArgumentError


class VocabularyEnum(str, enum.Enum):
    """The base of every vocabulary enum: members are strings equal to their JSON names.

    A value outside the vocabulary is :class:`ArgumentError` (``binding.invalid_argument``, a
    ``ValueError`` as the standard one is), whose message names the vocabulary, not the value.
    """

    @classmethod
    def _missing_(cls, value: object) -> "VocabularyEnum":
        # The standard error quotes the value ("'13912345678' is not a valid Stage").
        raise ArgumentError(
            f"invalid argument: not a {cls.__name__} value ({type(value).__name__} given)",
            "binding.invalid_argument",
        )

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


def _member_name(value: str) -> str:
    """``zh-Hant`` → ``ZH_HANT``; a code ``archive.legal_hold`` → ``LEGAL_HOLD``."""
    return value.rsplit(".", 1)[-1].upper().replace("-", "_")


def vocabulary(name: str, module: str, doc: str) -> Type[VocabularyEnum]:
    """A :class:`VocabularyEnum` named ``name`` whose values are the core's names (the JSON
    forms); member names are the values in upper case (``zh-Hant`` → ``ZH_HANT``)."""
    key = f"{module.rsplit('.', 1)[-1]}.{name}"
    members = [(_member_name(value), value) for value in _native._vocabulary(key)]
    cls: Type[VocabularyEnum] = VocabularyEnum(  # type: ignore[call-overload]
        name, members, module=module, qualname=name
    )
    cls.__doc__ = doc
    return cls
