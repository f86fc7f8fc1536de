"""Hypothesis strategies for QA teams (install the extra: ``complaint-office[testing]``).

Every strategy builds its values *through the library*: numbers through
:class:`ComplaintNumber`, durations through :class:`Duration`, working days through the
calendar, and case histories by offering candidate events to :meth:`Case.apply` and keeping
those the case accepts. No rule of the policy is re-implemented here, so the strategies stay
right when the rules (or the policy file) change. Nor is the list of event types: the
candidates of a type without a hand-written one are built from its ``TypedDict`` in
:mod:`complaint_office.events`, which ``tools/boundary`` generates from the core, so a new event
type is offered as soon as the package has it.

>>> from hypothesis import given, settings
>>> from complaint_office import Case, Policy
>>> from complaint_office.testing import case_histories
>>> @settings(max_examples=5, deadline=None)
... @given(case_histories())
... def test_replay_is_deterministic(events):
...     assert Case.replay(Policy(), events).status == Case.replay(Policy(), events).status
>>> test_replay_is_deterministic()
"""

import datetime as _dt
import typing as _typing
from typing import Any, Dict, List, Optional

from hypothesis import strategies as st

from . import events as _events
from ._vocabulary import VocabularyEnum
from .calendar import Calendar
from .case import ActorRole, Case, EventKind
from .duration import Duration, Unit
from .errors import ArgumentError, ComplaintOfficeError, InternalError
from .intake import Channel, ComplainantKind, Complaint, check
from .number import ComplaintNumber, next_number_at
from .policy import Policy

__all__ = [
    "case_histories",
    "complaints",
    "complaint_numbers",
    "dates",
    "durations",
    "instants",
    "offsets",
    "received_events",
    "working_days",
]

_FIRST = _dt.date(2007, 1, 1)
_LAST = _dt.date(2026, 12, 31)


def dates(
    min_value: _dt.date = _FIRST, max_value: _dt.date = _LAST
) -> "st.SearchStrategy[_dt.date]":
    """Dates, by default within the years the built-in PRC calendar covers."""
    return st.dates(min_value=min_value, max_value=max_value)


def offsets() -> "st.SearchStrategy[_dt.timezone]":
    """Fixed UTC offsets from -12:00 to +14:00, in whole quarter hours."""
    return st.integers(min_value=-48, max_value=56).map(
        lambda q: _dt.timezone(_dt.timedelta(minutes=15 * q))
    )


def instants(
    min_value: _dt.date = _FIRST,
    max_value: _dt.date = _LAST,
    tz: "Optional[st.SearchStrategy[_dt.timezone]]" = None,
) -> "st.SearchStrategy[_dt.datetime]":
    """Timezone-aware datetimes (whole seconds), never naive: the library refuses those."""
    return st.datetimes(
        min_value=_dt.datetime.combine(min_value, _dt.time()),
        max_value=_dt.datetime.combine(max_value, _dt.time(23, 59, 59)),
        timezones=tz if tz is not None else offsets(),
    ).map(lambda d: d.replace(microsecond=0))


def complaint_numbers(
    min_year: int = 2000, max_year: int = 2099
) -> "st.SearchStrategy[ComplaintNumber]":
    """Valid complaint numbers, made by :class:`ComplaintNumber` itself."""
    return st.builds(
        ComplaintNumber,
        st.integers(min_value=min_year, max_value=max_year),
        st.integers(min_value=1, max_value=12),
        st.integers(min_value=1, max_value=ComplaintNumber.MAX_SERIAL),
    )


def durations(
    units: Optional[List[Unit]] = None, max_amount: int = 400
) -> "st.SearchStrategy[Duration]":
    """Durations of the given units (day-based ones by default), made by :class:`Duration`."""
    chosen = units or [Unit.DAYS, Unit.WORKING_DAYS, Unit.MONTHS, Unit.YEARS]
    return st.builds(
        Duration, st.integers(min_value=1, max_value=max_amount), st.sampled_from(chosen)
    )


def working_days(
    calendar: Optional[Calendar] = None,
    min_value: _dt.date = _FIRST,
    max_value: _dt.date = _LAST,
) -> "st.SearchStrategy[_dt.date]":
    """Working days of `calendar` (the built-in PRC calendar by default): any date rolled
    forward by the calendar, so make-up working days are included."""
    cal = calendar or Calendar.default()
    return dates(min_value, max_value).map(cal.roll_forward)


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() != "")


_CONTACTS = st.sampled_from(["13812345678", "15900001111", "010-12345678", "zhangsan@example.com"])
_SUBJECTS = st.sampled_from(["投訴：更換的零件又壞了", "投诉", "Complaint: broken part", "hello"])


@st.composite
def received_events(
    draw: Any,
    at: "Optional[st.SearchStrategy[_dt.datetime]]" = None,
    policy: Optional[Policy] = None,
) -> Dict[str, Any]:
    """A ``received`` event that :func:`intake.check` finds admissible and complete under
    `policy` (the default policy if None): the library decides which drawn ones qualify."""
    policy = policy or Policy()
    when = at if at is not None else instants(tz=st.just(_dt.timezone(_dt.timedelta(hours=8))))
    while True:
        event = {
            "type": "received",
            "at": draw(when),
            "channel": draw(st.sampled_from(list(Channel))),
            "complainant_kind": draw(st.sampled_from(list(ComplainantKind))),
            "name": draw(_TEXT),
            "contact": draw(_CONTACTS),
            "content": draw(_TEXT),
        }
        if event["channel"] == Channel.EMAIL:
            event["subject"] = draw(_SUBJECTS)
        complaint = Complaint(
            event["channel"],
            event["complainant_kind"],
            name=event["name"],
            contact=event["contact"],
            received_at=event["at"],
            content=event["content"],
            subject=event.get("subject"),
        )
        report = check(policy, complaint)
        if report.admissible and report.complete:
            return event


def _categories(policy: Policy) -> List[str]:
    found = policy.to_dict().get("classification", {}).get("categories")
    if isinstance(found, dict) and found:
        return sorted(found)
    if isinstance(found, list) and found:
        return [c["code"] if isinstance(c, dict) else str(c) for c in found]
    return ["product_quality"]


def _catalogue() -> Dict[str, Any]:
    """Every event type's ``TypedDict``, by type name: the members of the generated
    ``events.EventData`` union, each naming its type in its ``type`` key."""
    found: Dict[str, Any] = {}
    for typed in _typing.get_args(_events.EventData):
        (kind,) = _typing.get_args(_typing.get_type_hints(typed)["type"])
        found[kind] = typed
    return found


_CATALOGUE = _catalogue()
_ENVELOPE = ("type", "at")


def _vocabulary_names() -> List[str]:
    """The names of every vocabulary of the package: the candidates of a text key that may
    hold one (the catalogue types vocabulary keys as ``str``)."""
    seen = set()
    pending = list(VocabularyEnum.__subclasses__())
    while pending:
        vocabulary = pending.pop()
        pending.extend(vocabulary.__subclasses__())
        seen.update(member.value for member in vocabulary)
    return sorted(seen)


def _keys(draw: Any, typed: Any, at: _dt.datetime, skip: "tuple[str, ...]" = ()) -> Dict[str, Any]:
    """A candidate for a ``TypedDict`` of the catalogue: every required key, each optional one
    sometimes, each value drawn by its declared type."""
    out: Dict[str, Any] = {}
    for key, declared in _typing.get_type_hints(typed).items():
        if key in skip or (key not in typed.__required_keys__ and not draw(st.booleans())):
            continue
        value = _value(draw, key, declared, at)
        if value is not None:
            out[key] = value
    return out


def _value(draw: Any, key: str, declared: Any, at: _dt.datetime) -> Any:
    """A value of a declared type: instants near `at`, days after it, one or two items of a
    list, free text or a vocabulary's name for text; the case decides which it accepts."""
    if key == "role":
        return draw(st.sampled_from([role.value for role in ActorRole]))
    if key == "by":
        return "s-01"
    if declared == _events.Instant:
        return at
    if declared == _events.Day:
        return (at + _dt.timedelta(days=draw(st.integers(1, 400)))).date().isoformat()
    origin, args = _typing.get_origin(declared), _typing.get_args(declared)
    if origin is _typing.Union:
        rest = tuple(a for a in args if a is not type(None))
        return _value(draw, key, rest[0] if len(rest) == 1 else _typing.Union[rest], at)
    if origin is list:
        return [_value(draw, key, args[0], at) for _ in range(draw(st.integers(1, 2)))]
    if origin is _typing.Literal:
        return draw(st.sampled_from(args))
    if hasattr(declared, "__required_keys__"):  # a TypedDict (typing.is_typeddict is 3.10+)
        return _keys(draw, declared, at)
    if declared is bool:
        return draw(st.booleans())
    if declared is int:
        return draw(st.integers(0, 1000))
    if declared is str:
        return draw(_TEXT | st.sampled_from(_vocabulary_names()))
    raise TypeError(f"complaint_office.testing: no candidates for {declared!r} ({key})")


def _payload(
    draw: Any,
    kind: str,
    policy: Policy,
    at: _dt.datetime,
    number: str = "25010001",
    other: str = "25010002",
) -> Dict[str, Any]:
    """Candidate keys for an event type: hand-written where the case's data helps (`number`
    is the case's number, `other` the number of another case, for a merge), else built from
    the type's ``TypedDict`` in the generated catalogue."""
    day = (at + _dt.timedelta(days=draw(st.integers(1, 20)))).date().isoformat()
    text = lambda: draw(_TEXT)  # noqa: E731
    payloads: Dict[str, Any] = {
        "information_requested": lambda: {"fields": ["contact"]},
        "information_supplied": lambda: {"contact": draw(_CONTACTS)},
        "registered": lambda: {"number": number},
        "classified": lambda: {"category": draw(st.sampled_from(_categories(policy)))},
        "assessed": lambda: {
            "severity": draw(st.sampled_from(["general", "serious", "major"])),
            "urgency": draw(st.sampled_from(["normal", "urgent"])),
            "complexity": draw(st.sampled_from(["simple", "complex"])),
        },
        "team_formed": lambda: {
            "members": [
                {"id": "s-01", "role": "department_head", "department": "quality"},
                {"id": "s-02", "role": "technical_specialist"},
                {"id": "s-03", "role": "legal"},
            ][: draw(st.integers(1, 3))]
        },
        "investigation_planned": lambda: {
            "steps": [{"description": text(), "due": day, "owner": "s-01"}]
        },
        "evidence_added": lambda: draw(
            st.sampled_from(
                [
                    {"kind": "document_review"},
                    {"kind": "interview", "signed": True, "interviewee": "complainant"},
                    {"kind": "site_inspection"},
                ]
            )
        ),
        "progress_reported": lambda: {},
        "emergency_procedure_started": lambda: {"measures": text()},
        "plan_submitted": lambda: {
            "analysis": text(),
            "responsibility": text(),
            "measures": text(),
            "time_points": [{"what": text(), "due": day}],
        },
        "plan_returned": lambda: {"reason": text(), "by": "m-01", "role": "management"},
        "plan_approved": lambda: {"by": "m-01", "role": "management"},
        "implementation_started": lambda: {},
        "implementation_completed": lambda: {},
        "result_fed_back": lambda: {
            "process": text(),
            "result": text(),
            "satisfaction": draw(st.sampled_from(["satisfied", "unsatisfied", "unknown"])),
        },
        "objection_raised": lambda: {"reason": text()},
        "rehandling_started": lambda: {},
        "rehandling_completed": lambda: {},
        "rehandling_declined": lambda: {"reason": text(), "by": "m-01", "role": "management"},
        "follow_up_visited": lambda: {
            "method": draw(st.sampled_from(["phone", "questionnaire"])),
            "satisfaction": draw(st.sampled_from(["satisfied", "unsatisfied"])),
        },
        "closed": lambda: {},
        "rejected": lambda: {
            "ground": draw(st.sampled_from(["not_a_complaint", "out_of_scope", "inadmissible"])),
            "reason": text(),
        },
        "withdrawn": lambda: {},
        "merged": lambda: {"into": other},
        "lapsed": lambda: {},
        # A closed case files all five documents; one that ended without resolution those of
        # the stages it reached, a subset the case accepts or refuses.
        "archived": lambda: {
            "documents": [
                "registration_form",
                "investigation_record",
                "handling_plan",
                "result_report",
                "follow_up_record",
            ][: draw(st.integers(1, 5))]
        },
    }
    make = payloads.get(kind)
    return make() if make is not None else _keys(draw, _CATALOGUE[kind], at, skip=_ENVELOPE)


@st.composite
def case_histories(
    draw: Any, policy: Optional[Policy] = None, max_events: int = 20
) -> List[Dict[str, Any]]:
    """Event histories (dicts) that the case accepts under `policy` (the default policy if
    None): a ``received`` event (sometimes recorded hours after it arrived, sometimes without
    its contact), then events among those :meth:`Case.allowed_next` offers (missing
    information, registration with the next number of the month of receipt, the emergency
    procedure, re-handling or its refusal, rejections, withdrawals, merges and lapses
    included, and every type of the event catalogue), each kept only if :meth:`Case.apply`
    accepts it. Replaying the result with :meth:`Case.replay` never fails."""
    policy = policy or Policy()
    received = draw(received_events(policy=policy))
    arrived: _dt.datetime = received["at"]
    if draw(st.booleans()):
        received = {**received, "at": arrived + _dt.timedelta(minutes=draw(st.integers(1, 4 * 24 * 60)))}
        received["received_at"] = arrived
    if draw(st.integers(0, 3)) == 0:
        received = {k: v for k, v in received.items() if k != "contact"}
    case = Case.open(policy, received)
    events: List[Dict[str, Any]] = [received]
    at: _dt.datetime = received["at"]
    issued = next_number_at([], arrived, policy.office_offset)
    number = str(issued)
    other = str(ComplaintNumber(issued.year, issued.month, issued.serial % ComplaintNumber.MAX_SERIAL + 1))
    # Candidates the case refuses are dropped; a case that refuses every one for long (a
    # destruction long before the retention period ends, say) ends the history.
    misses = 0
    while len(events) < max_events and misses < 4 * max_events:
        kinds = [k.value for k in case.allowed_next() if k is not EventKind.RECEIVED]
        if not kinds:
            break
        kind = draw(st.sampled_from(kinds))
        at = at + _dt.timedelta(minutes=draw(st.integers(min_value=1, max_value=4 * 24 * 60)))
        if kind == "lapsed":
            # The wait for missing information runs in weeks: offer the lapse once it can be due.
            at = at + _dt.timedelta(days=draw(st.integers(min_value=1, max_value=90)))
        event = {"type": kind, "at": at, **_payload(draw, kind, policy, at, number, other)}
        try:
            case.apply(event)
        except (ArgumentError, InternalError):
            raise  # a candidate the binding cannot take: the catalogue and the package disagree
        except ComplaintOfficeError:
            # Refused by a rule (of the case, or of the archive for a destruction).
            misses += 1
            continue
        events.append(event)
    return events


@st.composite
def complaints(draw: Any, complete: Optional[bool] = None) -> Complaint:
    """:class:`intake.Complaint` values of every channel and complainant kind; with
    ``complete=True`` (or False) only those that :func:`intake.check` finds complete (or not),
    as the library decides."""
    while True:
        complaint = Complaint(
            draw(st.sampled_from(list(Channel))),
            draw(st.sampled_from(list(ComplainantKind))),
            name=draw(st.none() | _TEXT),
            contact=draw(st.none() | _CONTACTS | st.just("12345")),
            received_at=draw(st.none() | instants()),
            content=draw(st.none() | _TEXT),
            subject=draw(st.none() | _SUBJECTS),
        )
        if complete is None or check(Policy(), complaint).complete == complete:
            return complaint
