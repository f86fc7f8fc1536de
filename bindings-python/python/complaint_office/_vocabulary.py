"""Vocabulary enums built from the core's own names, so that they can never drift from Rust."""

import enum
from typing import Type

from . import _native


def vocabulary(name: str, module: str, doc: str) -> Type[enum.Enum]:
    """A ``str``-valued :class:`enum.Enum` named ``name`` whose values are the core's names
    (the JSON forms); member names are the values in upper case (``zh-Hant`` → ``ZH_HANT``)."""
    members = [(value.upper().replace("-", "_"), value) for value in _native._vocabulary(name)]
    cls = enum.Enum(name, members, module=module, qualname=name, type=str)  # type: ignore[misc]
    cls.__doc__ = doc
    cls.__str__ = lambda self: self.value  # type: ignore[method-assign]
    return cls
