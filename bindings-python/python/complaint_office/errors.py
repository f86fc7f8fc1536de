"""Exceptions: one base, :class:`ComplaintOfficeError` (a :class:`ValueError`), with the
library's stable ``code`` (``"number.invalid_month"``) and, where a rule of the policy stands
behind it, the ``clause`` it enforces (``"§2.2.3"``). One subclass per area.

Messages never contain a complainant's personal data: they name fields, keys and rules, never
the values a person typed.

>>> from complaint_office import ComplaintNumber, NumberError
>>> try:
...     ComplaintNumber.parse("23130001")
... except NumberError as e:
...     print(e.code, e.clause)
number.invalid_month §2.2.3
"""

from typing import Dict, Optional, Type

__all__ = [
    "ComplaintOfficeError",
    "TimeError",
    "DurationError",
    "NumberError",
    "PolicyError",
    "CalendarError",
    "PeriodError",
    "IntakeError",
    "ClassifyError",
    "TriageError",
    "CaseError",
    "EventError",
    "TransitionError",
    "AccountabilityError",
    "ArchiveError",
    "PrivacyError",
    "StatsError",
    "OfficeError",
    "HistoryError",
    "InputError",
    "ArgumentError",
    "StoreError",
    "InternalError",
]


class ComplaintOfficeError(ValueError):
    """Any error of complaint-office.

    ``code`` is the stable dotted code, the same in every language; ``clause`` the policy
    clause it enforces (or None); ``index`` the position of the failing element of a batch or
    of the refused event of a replay (or None); ``key`` the place at fault: the dotted key of a
    policy setting (``deadlines.plan``), the key of an event (``members[0].role``) or the
    column of a ledger (or None). Keys name places, never values.

    >>> import complaint_office as co
    >>> try:
    ...     co.Case.replay(co.Policy(), '[{"type": "received", "at": "2025-09-26"}]')
    ... except co.EventError as e:
    ...     print(e.code, e.index, e.key)
    case.invalid_event 0 at
    """

    code: str
    clause: Optional[str]
    index: Optional[int]
    key: Optional[str]

    def __init__(
        self,
        message: str,
        code: str,
        clause: Optional[str] = None,
        index: Optional[int] = None,
        key: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.clause = clause
        self.index = index
        self.key = key

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (str(self), self.code, self.clause, self.index, self.key))


class TimeError(ComplaintOfficeError):
    """A date, instant, offset or month that cannot be read (``time.*``), including a naive
    datetime (``time.missing_offset``): the library never guesses a time zone."""


class DurationError(ComplaintOfficeError):
    """A duration that cannot be read (``duration.invalid``)."""


class NumberError(ComplaintOfficeError):
    """A complaint number that cannot be read, made or issued (``number.*``, §2.2.3)."""


class PolicyError(ComplaintOfficeError):
    """A policy file that was rejected (``policy.*``); ``key`` is the dotted key at fault."""


class CalendarError(ComplaintOfficeError):
    """The working-day calendar: results outside 1900–2999, bad holiday data (``calendar.*``)."""


class PeriodError(ComplaintOfficeError):
    """A period whose end cannot be computed (``period.*``)."""


class IntakeError(ComplaintOfficeError):
    """Intake checks (``intake.*``, §1.2, §2.1, §2.2.1)."""


class ClassifyError(ComplaintOfficeError):
    """Classification (``classify.*``, §2.2.2)."""


class TriageError(ComplaintOfficeError):
    """Triage (``triage.*``, §2.2.4, §4.1.2)."""


class CaseError(ComplaintOfficeError):
    """The case lifecycle (``case.*``)."""


class EventError(CaseError):
    """An event that cannot be read: unknown type or a missing, unknown or malformed key."""


class TransitionError(CaseError):
    """An event the case refuses: not allowed in its status, or a guard of the policy
    (``case.transition_not_allowed``, ``case.plan_incomplete`` §4.1.1, …)."""


class AccountabilityError(ComplaintOfficeError):
    """Accountability (``accountability.*``, §8)."""


class ArchiveError(ComplaintOfficeError):
    """Archive and retention (``archive.*``, §6)."""


class PrivacyError(ComplaintOfficeError):
    """Confidentiality (``privacy.*``, §1.3.4)."""


class StatsError(ComplaintOfficeError):
    """Statistics (``stats.*``, §7)."""


class OfficeError(ComplaintOfficeError):
    """The office's work over many cases (``office.*``): a caseload that is not a list of
    histories (``office.invalid_caseload``), a reminder window that ends before it starts
    (``office.invalid_window``), an unknown actor (``office.unknown_actor``)."""


class HistoryError(ComplaintOfficeError):
    """A stored history that cannot be trusted (``history.*``, §6.1.2): its hash chain breaks
    (``history.chain_broken``, ``index`` the first event that does not link), it does not end
    at the head kept for it (``history.head_mismatch``, ``index`` the number of events read), or
    a hash is not 64 hexadecimal digits (``history.invalid_hash``). An intact history whose
    events the case refuses raises the case's own error instead."""


class InputError(ComplaintOfficeError):
    """A JSON-like value refused for its shape (``input.*``): lists and dicts nested more than
    127 levels (``input.too_deep``, the bound JSON text has too) or a list or dict that contains
    itself (``input.cycle``). Checked while converting, so no value can exhaust the stack."""


class ArgumentError(ComplaintOfficeError, TypeError):
    """An argument of the wrong type or form (``binding.invalid_argument``): an int where a
    date is expected, None where a value is required, an object that is not a ``Policy``.
    Also a :class:`TypeError`, so ``except TypeError`` keeps working. The message names the
    type expected and the type given, never the value.

    >>> import complaint_office as co
    >>> try:
    ...     co.Calendar.default().add_working_days(20250926, 5)
    ... except co.ArgumentError as e:
    ...     print(e.code, isinstance(e, TypeError), isinstance(e, ValueError))
    binding.invalid_argument True True
    """


class StoreError(ComplaintOfficeError):
    """A store operation that failed (``complaint_office.store``). The store's own codes
    (``store.*``: ``store.conflict`` for a stale version, ``store.not_found``,
    ``store.busy``, …) raise ``StoreError`` itself. The library's codes that the store passes
    on raise an error that is both a ``StoreError`` and the library's class, with the same
    code, clause, index and key: a refused event is also a :class:`TransitionError`, a
    tampered history (``history.chain_broken`` with its ``index``) also a
    :class:`HistoryError`.

    Messages name codes, constraints and counts, never a stored row or a database driver's
    message.
    """


class InternalError(ComplaintOfficeError):
    """A bug in complaint-office (``internal.*``): a panic caught at the boundary."""


_BY_AREA: Dict[str, Type[ComplaintOfficeError]] = {
    "time": TimeError,
    "duration": DurationError,
    "number": NumberError,
    "policy": PolicyError,
    "calendar": CalendarError,
    "period": PeriodError,
    "intake": IntakeError,
    "classify": ClassifyError,
    "triage": TriageError,
    "case": CaseError,
    "accountability": AccountabilityError,
    "archive": ArchiveError,
    "privacy": PrivacyError,
    "stats": StatsError,
    "office": OfficeError,
    "history": HistoryError,
    "input": InputError,
    "binding": ArgumentError,
    "store": StoreError,
    "internal": InternalError,
}

# Case codes about reading an event; every other case code is a refused transition.
_EVENT_CODES = {"case.unknown_event", "case.invalid_event"}
_NOT_TRANSITIONS = _EVENT_CODES | {"case.no_policy"}


def _from_code(
    message: str,
    code: str,
    clause: Optional[str],
    index: Optional[int],
    key: Optional[str],
) -> ComplaintOfficeError:
    """The exception for a code of the core (called by the native module)."""
    if code in _EVENT_CODES:
        return EventError(message, code, clause, index, key)
    area = code.split(".", 1)[0]
    if area == "case" and code not in _NOT_TRANSITIONS and not code.startswith("case.unknown_"):
        return TransitionError(message, code, clause, index, key)
    cls = _BY_AREA.get(area, ComplaintOfficeError)
    return cls(message, code, clause, index, key)


# The classes of the library's errors as the store raises them: each both the library's class
# and StoreError, made once per class.
_STORE_VARIANTS: Dict[Type[ComplaintOfficeError], Type[ComplaintOfficeError]] = {}


def _reduce_store_variant(self: ComplaintOfficeError):  # type: ignore[no-untyped-def]
    return (_from_store_code, (str(self), self.code, self.clause, self.index, self.key))


def _store_variant(cls: Type[ComplaintOfficeError]) -> Type[ComplaintOfficeError]:
    if issubclass(cls, StoreError) or cls is ComplaintOfficeError:
        return StoreError
    variant = _STORE_VARIANTS.get(cls)
    if variant is None:
        variant = type(
            cls.__name__,
            (cls, StoreError),
            {
                "__module__": __name__,
                "__qualname__": cls.__qualname__,
                "__doc__": f"{cls.__name__} raised by the store: also a StoreError.",
                "__reduce__": _reduce_store_variant,
            },
        )
        _STORE_VARIANTS[cls] = variant
    return variant


def _from_store_code(
    message: str,
    code: str,
    clause: Optional[str],
    index: Optional[int],
    key: Optional[str],
) -> ComplaintOfficeError:
    """The exception for a store error (called by the native module): a StoreError, which for
    a library code is also that code's class."""
    cls = _store_variant(type(_from_code(message, code, clause, index, key)))
    return cls(message, code, clause, index, key)
