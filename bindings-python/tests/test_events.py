"""Typed events (issue 23 item 7): `complaint_office.events` has a TypedDict and a keyword
constructor for every event type the core knows (`EventKind` is the core's own list), each
constructor's dict is accepted by the core as it is, and the event catalogue and the CSV ledger
columns in bindings-python/README.md are exactly what the module and the core say."""

import datetime as dt
import inspect
import pathlib
import re
import typing

import pytest

import complaint_office as co
from complaint_office import events

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
ENVELOPE = {"type", "at", "by", "role"}

# A valid value for every payload key and part of an event, so that each constructor can be
# called with every argument it has (the core rejects unknown keys: a wrong name fails here).
SAMPLES = {
    "channel": "hotline", "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
    "content": "broke", "subject": "投訴", "received_at": "2025-09-26T09:00:00+08:00",
    "fields": ["contact"], "number": "25090001", "category": "product_quality",
    "department": "quality", "severity": "serious", "urgency": "urgent", "complexity": "complex",
    "measures": "m", "members": [{"id": "h-1", "role": "department_head", "department": "quality"}],
    "steps": [{"description": "d", "due": dt.date(2025, 10, 1), "owner": "h-1"}],
    "kind": "interview", "signed": True, "interviewee": "complainant", "summary": "s", "note": "n",
    "analysis": "a", "responsibility": "r",
    "time_points": [{"what": "w", "due": "2025-10-10"}],
    "findings": [{"responsibility": "direct", "fault": "negligence", "consequence": "general",
                  "subject": "E1024", "nature": "n", "degree": "d", "scope": "s"}],
    "until": dt.date(2025, 10, 31), "reason": "r", "description": "d", "process": "p",
    "result": "r", "satisfaction": "satisfied", "method": "phone", "suggestions": "s",
    "ground": "out_of_scope", "into": "25090002",
    "documents": ["registration_form", "investigation_record", "handling_plan", "result_report",
                  "follow_up_record"],
}
AT = dt.datetime(2025, 9, 26, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def typed_dict(kind):
    return getattr(events, "".join(part.capitalize() for part in kind.split("_")))


def payload_keys(td):
    hints = typing.get_type_hints(td)
    return [(key, hints[key], key in td.__required_keys__) for key in hints if key not in ENVELOPE]


def show(tp):
    """A type as the catalogue writes it."""
    if tp == events.Instant:
        return "instant"
    if tp == events.Day:
        return "date"
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Union and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        inner = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
        return f"{show(inner)} or None"
    if origin is list:
        return f"list of {show(args[0])}"
    if origin is typing.Literal:
        return " or ".join(f'"{a}"' for a in args)
    return tp.__name__


def full_event(kind):
    """The event built by its constructor with every argument it has."""
    constructor = getattr(events, kind)
    params = [p for p in inspect.signature(constructor).parameters if p not in ("at", "by", "role")]
    role = {"plan_returned": "management", "plan_approved": "management",
            "destruction_approved": "leadership"}.get(kind, "complaint_office")
    return constructor(at=AT, by="staff-1", role=role, **{p: SAMPLES[p] for p in params})


def catalogue():
    """The catalogue's table, from the module (keys, types) and the core (types, clauses)."""
    lines = ["| event | constructor | keys (`?`: may be left out) | clause |", "|---|---|---|---|"]
    for kind in co.EventKind:
        td = typed_dict(kind.value)
        keys = ", ".join(f"`{k}{'' if req else '?'}`: {show(t)}" for k, t, req in payload_keys(td))
        clause = co.Event.from_json_value(full_event(kind.value)).clause
        lines.append(f"| `{kind.value}` | `events.{kind.value}(…)` → `{td.__name__}` | {keys or '–'} | {clause} |")
    return "\n".join(lines)


def test_every_event_type_of_the_core_has_a_typed_dict_and_a_constructor():
    kinds = [k.value for k in co.EventKind]
    assert len(kinds) >= 34
    constructors = {n for n, v in vars(events).items()
                    if inspect.isfunction(v) and v.__module__ == events.__name__ and not n.startswith("_")}
    assert constructors == set(kinds), "events.py and the core's EventKind differ"
    union = set(typing.get_args(events.EventData))
    assert union == {typed_dict(k) for k in kinds}
    for kind in kinds:
        td = typed_dict(kind)
        assert td.__required_keys__ >= {"type", "at"} and {"by", "role"} <= td.__optional_keys__
        assert typing.get_type_hints(td)["type"] == typing.Literal[kind]


@pytest.mark.parametrize("kind", [k.value for k in co.EventKind])
def test_each_constructor_gives_an_event_the_core_reads_back(kind):
    event = full_event(kind)
    assert event["type"] == kind and isinstance(event, dict)
    assert set(event) == set(typing.get_type_hints(typed_dict(kind))), "every key of the TypedDict filled"
    read = co.Event.from_json_value(event)
    assert read.kind.value == kind and read.at == AT and read.by == "staff-1"
    # The minimal form (required keys only) is read too; None arguments are left out.
    required = {k: v for k, v in event.items() if k in typed_dict(kind).__required_keys__}
    assert co.Event.from_json_value(required).kind.value == kind
    assert "by" not in getattr(events, kind)(**{k: v for k, v in required.items() if k != "type"})


def test_a_case_runs_on_constructed_events():
    history = [
        events.received(at="2025-09-26T10:00:00+08:00", channel=co.Channel.HOTLINE,
                        complainant_kind="customer", name="張三", contact="13812345678", content="broke"),
        events.registered(at="2025-09-26T11:00:00+08:00", number="25090001"),
        events.classified(at="2025-09-26T11:05:00+08:00", category="product_quality"),
    ]
    case = co.Case.replay(co.Policy(), history)
    case.apply(events.assessed(at=AT.replace(hour=12), severity=co.Severity.GENERAL,
                               urgency="normal", complexity="simple"))
    assert str(case.status) == "registered" and case.category == "product_quality"
    opened = co.Case.open(co.Policy(), history[0])
    assert str(opened.status) == "received"


def test_the_readme_has_the_event_catalogue():
    readme = README.read_text(encoding="utf-8")
    expected = catalogue()
    assert expected in readme, "bindings-python/README.md's event catalogue is not the module's:\n" + expected


def readme_columns():
    readme = README.read_text(encoding="utf-8")
    section = readme.split("### The CSV ledger's columns", 1)[1]
    return [(m.group(1), m.group(2) == "yes") for m in re.finditer(r"^\| `(\w+)` \| (yes|no) \|", section, re.M)]


def test_the_readme_has_the_csv_ledger_columns():
    columns = readme_columns()
    names = [c for c, _ in columns]
    assert len(names) == len(set(names)) >= 8
    row = {"number": "25090001", "received_at": "2025-09-26 10:00:00", "channel": "hotline",
           "category": "product_quality", "department": "quality", "severity": "general",
           "closed_at": "2025-09-30 10:00:00", "satisfied": "true"}
    assert set(row) == set(names), "the test's row has every documented column"
    text = ",".join(names) + "\n" + ",".join(row[n] for n in names) + "\n"
    # Each is a column the reader knows (an unknown one is refused) ...
    for name in names:
        co.stats.Ledger.from_csv_text(text, columns={name: name})
    with pytest.raises(TypeError):
        co.stats.Ledger.from_csv_text(text, columns={"not_a_column": "x"})
    # ... and every column of a record read from it is documented.
    ledger = co.stats.Ledger.from_csv_text(text)
    record = ledger.records()[0].to_dict()
    assert set(record) - {"outcome"} == set(names)
    # Other columns are ignored, as the README says.
    extra = ",".join(names) + ",note\n" + ",".join(row[n] for n in names) + ",x\n"
    assert len(co.stats.Ledger.from_csv_text(extra).records()) == 1
    # Required: exactly those without which a ledger cannot be read.
    for name, required in columns:
        rest = [n for n in names if n != name]
        text = ",".join(rest) + "\n" + ",".join(row[n] for n in rest) + "\n"
        if required:
            with pytest.raises(co.StatsError):
                co.stats.Ledger.from_csv_text(text)
        else:
            assert len(co.stats.Ledger.from_csv_text(text).records()) == 1
