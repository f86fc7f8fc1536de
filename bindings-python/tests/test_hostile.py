"""Hostile input (issue 16): values a careless or hostile caller passes, each refused with a
coded ``ComplaintOfficeError`` whose message and args hold none of the values, and the
interpreter alive afterwards.

Deep and cyclic values: lists and dicts may be nested at most ``MAX_NESTING`` (127) levels,
the bound the JSON parser has for text, and may not contain themselves. Before the bound
existed a value nested 15,000 deep or a cyclic one overflowed the stack during conversion and
the interpreter died with SIGSEGV.
"""

import json
import subprocess
import sys

import pytest

import complaint_office as co

MAX_NESTING = 127
PHONE = "13912345678"
AT = "2025-09-26T10:00:00+08:00"
RECEIVED = {"type": "received", "at": AT, "channel": "hotline", "complainant_kind": "customer"}


def deep_list(levels, inner=PHONE):
    value = inner
    for _ in range(levels):
        value = [value]
    return value


def deep_dict(levels, inner=PHONE):
    value = inner
    for _ in range(levels):
        value = {"k": value}
    return value


def cyclic_list():
    items = [PHONE]
    items.append(items)
    return items


def cyclic_dict():
    table = {"name": PHONE}
    table["self"] = table
    return table


def cyclic_through_tuple():
    # A cycle two containers long, one of them a tuple.
    items = [PHONE]
    items.append((items,))
    return items


def deep_mixed(levels):
    value = PHONE
    for i in range(levels):
        value = {"k": value} if i % 3 == 0 else ([value] if i % 3 == 1 else (value,))
    return value


# Each entry point that converts a Python value, with the hostile value placed inside the
# argument where the entry point reads it.
def event_from_json_value(v):
    co.Event.from_json_value({**RECEIVED, "note": v})


def case_open(v):
    co.Case.open(co.Policy(), {**RECEIVED, "note": v})


def case_replay(v):
    co.Case.replay(co.Policy(), [RECEIVED, {"type": "closed", "at": AT, "note": v}])


def case_replay_in(v):
    co.Case.replay_in(co.PolicySet([co.Policy()]), [{**RECEIVED, "note": v}])


def case_apply(v):
    case = co.Case.open(co.Policy(), RECEIVED)
    case.apply({"type": "closed", "at": AT, "note": v})


def policy_from_json_value(v):
    co.Policy.from_json_value({"deadlines": {"plan": v}})


def policy_whole(v):
    co.Policy.from_json_value(v)


def calendar_with_holiday_cn(v):
    co.Calendar.cn().with_holiday_cn({"year": 2027, "days": [v]})


def calendar_whole(v):
    co.Calendar.cn().with_holiday_cn(v)


def discipline_table(v):
    co.DisciplineTable.from_json_value({"otherwise": "warning", "rules": [v]})


def discipline_whole(v):
    co.DisciplineTable.from_json_value(v)


def caseload_replay(v):
    co.office.Caseload.replay(co.Policy(), [[RECEIVED, {"type": "closed", "at": AT, "note": v}]])


def caseload_keyed(v):
    co.office.Caseload.replay(co.Policy(), [{"key": v, "events": [RECEIVED]}])


def caseload_whole(v):
    co.office.Caseload.replay(co.Policy(), v)


def history_chain(v):
    co.history.chain([{**RECEIVED, "note": v}])


def history_verify(v):
    co.history.verify([{"event": {**RECEIVED, "note": v}, "hash": "0" * 64}])


def chained_event(v):
    co.history.ChainedEvent({**RECEIVED, "note": v}, "0" * 64)


ENTRY_POINTS = [
    event_from_json_value,
    case_open,
    case_replay,
    case_replay_in,
    case_apply,
    policy_from_json_value,
    policy_whole,
    calendar_with_holiday_cn,
    calendar_whole,
    discipline_table,
    discipline_whole,
    caseload_replay,
    caseload_keyed,
    caseload_whole,
    history_chain,
    history_verify,
    chained_event,
]

HOSTILE = {
    "list 15,000 deep": (lambda: deep_list(15_000), "input.too_deep"),
    "dict 15,000 deep": (lambda: deep_dict(15_000), "input.too_deep"),
    "lists, dicts and tuples 15,000 deep": (lambda: deep_mixed(15_000), "input.too_deep"),
    "list one level past the bound": (lambda: deep_list(MAX_NESTING + 1), "input.too_deep"),
    "cyclic list": (cyclic_list, "input.cycle"),
    "cyclic dict": (cyclic_dict, "input.cycle"),
    "cycle through a tuple": (cyclic_through_tuple, "input.cycle"),
}


def assert_no_value(error):
    text = str(error) + repr(error.args)
    assert PHONE not in text
    assert "{" not in text and "[" not in text


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_deep_and_cyclic_values_are_refused_with_a_code(entry, kind):
    make, code = HOSTILE[kind]
    with pytest.raises(co.InputError) as e:
        entry(make())
    assert e.value.code == code
    assert isinstance(e.value, co.ComplaintOfficeError)
    assert_no_value(e.value)


def test_a_value_within_the_bound_converts():
    # 127 levels in all: the event's dict and 126 lists below it. Conversion succeeds and the
    # event is refused for its unknown key, as the same JSON text is.
    event = {**RECEIVED, "note": deep_list(MAX_NESTING - 1)}
    with pytest.raises(co.EventError) as native:
        co.Event.from_json_value(event)
    with pytest.raises(co.EventError) as text:
        co.Event.from_json_str(json.dumps(event))
    assert native.value.code == text.value.code == "case.invalid_event"


def test_the_bound_is_the_one_of_json_text():
    # One level more and JSON text is refused by the parser too.
    event = {**RECEIVED, "note": deep_list(MAX_NESTING)}
    with pytest.raises(co.EventError):
        co.Event.from_json_str(json.dumps(event))
    with pytest.raises(co.InputError) as e:
        co.Event.from_json_value(event)
    assert e.value.code == "input.too_deep"
    assert str(MAX_NESTING) in str(e.value)


def test_shared_values_are_not_cycles():
    # The same list twice, side by side, is not a cycle.
    shared = [1, 2]
    with pytest.raises(co.ComplaintOfficeError) as e:
        co.Event.from_json_value({**RECEIVED, "note": [shared, shared, {"a": shared}]})
    assert e.value.code == "case.invalid_event"


def test_wide_values_are_not_deep():
    wide = [[i] for i in range(20_000)]
    with pytest.raises(co.EventError) as e:
        co.Event.from_json_value({**RECEIVED, "note": wide})
    assert e.value.code == "case.invalid_event"


REPRODUCER = """
import complaint_office as co
deep = []
for _ in range(15_000):
    deep = [deep]
cyclic = {}
cyclic["self"] = cyclic
received = {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer"}
calls = [
    lambda v: co.Event.from_json_value({**received, "note": v}),
    lambda v: co.Case.open(co.Policy(), {**received, "note": v}),
    lambda v: co.Case.replay(co.Policy(), [{**received, "note": v}]),
    lambda v: co.Policy.from_json_value({"deadlines": v}),
    lambda v: co.Calendar.cn().with_holiday_cn(v),
    lambda v: co.DisciplineTable.from_json_value(v),
]
for call in calls:
    for value in (deep, cyclic):
        try:
            call(value)
        except co.InputError as e:
            print(e.code)
print("alive")
"""


def test_the_interpreter_survives_the_reported_reproducers():
    # In a child process, so that a crash is a failed test rather than a dead test run.
    done = subprocess.run(
        [sys.executable, "-c", REPRODUCER], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.split()
    assert lines[-1] == "alive"
    assert lines[:-1] == ["input.too_deep", "input.cycle"] * 6


# --- Issue 16 items 6, 7 and 8: errors without a code, unbounded reads, sub-minute offsets ---

SURROGATE = "张三\ud800" + PHONE


def assert_clean(error):
    """A coded error whose message and args hold none of the values passed."""
    assert isinstance(error, co.ComplaintOfficeError)
    assert error.code
    text = str(error) + repr(error.args)
    assert PHONE not in text
    assert "\ud800" not in text and "\\ud800" not in text


SURROGATE_CALLS = {
    "event dict": lambda: co.Event.from_json_value({**RECEIVED, "content": SURROGATE}),
    "dict key": lambda: co.Event.from_json_value({SURROGATE: 1}),
    "policy": lambda: co.Policy.from_json_value({"name": SURROGATE}),
    "date": lambda: co.Case.open(co.Policy(), {**RECEIVED, "at": SURROGATE}),
    "instant": lambda: co.next_number_at([], SURROGATE, "+08:00"),
    "offset": lambda: co.next_number_at([], AT, SURROGATE),
    "holiday data": lambda: co.Calendar.cn().with_holiday_cn(SURROGATE),
    "duration": lambda: co.Duration(SURROGATE),
    "approval": lambda: co.archive.ArchiveFile("22100001", "2022-10-01", approval=(SURROGATE, "2025-10-10")),
}


@pytest.mark.parametrize("name", list(SURROGATE_CALLS))
def test_a_lone_surrogate_is_input_invalid_text(name):
    with pytest.raises(co.ComplaintOfficeError) as e:
        SURROGATE_CALLS[name]()
    assert_clean(e.value)
    assert e.value.code == "input.invalid_text"


@pytest.mark.parametrize("number", [2**64, -(2**63) - 1, 10**30, float("nan"), float("inf"), -float("inf")])
def test_numbers_json_cannot_hold_are_input_invalid_number(number):
    for call in (
        lambda: co.Event.from_json_value({**RECEIVED, "extra": number}),
        lambda: co.Policy.from_json_value({"name": "x", "limits": [number]}),
    ):
        with pytest.raises(co.InputError) as e:
            call()
        assert e.value.code == "input.invalid_number"
        assert_clean(e.value)
        assert str(number) not in str(e.value)


def test_sizes_are_ints_within_64_bits():
    for rows in (10**30, -1):
        with pytest.raises(co.InputError) as e:
            co.stats.synthetic_csv(rows)
        assert e.value.code == "input.invalid_number"


def test_the_tuple_approval_is_read_like_the_dict():
    bad = "2025-02-30"
    with pytest.raises(co.TimeError) as by_dict:
        co.archive.ArchiveFile("22100001", "2022-10-01", approval={"approved_by": "L-1", "approved_on": bad})
    with pytest.raises(co.TimeError) as by_tuple:
        co.archive.ArchiveFile("22100001", "2022-10-01", approval=("L-1", bad))
    assert by_dict.value.code == by_tuple.value.code == "time.invalid_date"
    ok = co.archive.ArchiveFile("22100001", "2022-10-01", approval=("L-1", "2025-02-28"))
    assert ok.approval[0] == "L-1"


def test_a_missing_file_is_the_same_code_everywhere(tmp_path):
    missing = tmp_path / "missing.csv"
    calls = [
        lambda: co.Policy.from_file(missing),
        lambda: co.Policy.from_file(tmp_path / "missing.json"),
        lambda: co.stats.report_from_csv(missing),
        lambda: co.stats.Ledger.from_csv_path(missing),
    ]
    for call in calls:
        with pytest.raises(co.InputError) as e:
            call()
        assert e.value.code == "input.unreadable"
        assert "missing" not in str(e.value)


def test_synthetic_csv_checks_its_size_before_allocating():
    # Before: a failed allocation of ~112 TB aborted the interpreter.
    for rows in (10**12, 10_000_001, 2**64 - 1):
        with pytest.raises(co.InputError) as e:
            co.stats.synthetic_csv(rows)
        assert e.value.code == "input.too_large"
    with pytest.raises(co.StatsError) as e:
        co.stats.synthetic_csv(10, months=2**32 - 1)
    assert e.value.code == "stats.invalid_period"
    assert co.stats.synthetic_csv(5).count("\n") == 6


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="no /dev/zero")
def test_readers_stop_at_their_maximum_size():
    # Before: report_from_csv("/dev/zero") read forever while memory grew.
    for call in (
        lambda: co.stats.report_from_csv("/dev/zero", max_bytes=1 << 20),
        lambda: co.stats.Ledger.from_csv_path("/dev/zero", max_bytes=1 << 20),
        lambda: co.Policy.from_file("/dev/zero", max_bytes=1 << 20),
    ):
        with pytest.raises(co.InputError) as e:
            call()
        assert e.value.code == "input.too_large"


def test_a_file_over_the_maximum_is_refused_and_one_at_it_is_read(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text('name = "x"\n', encoding="utf-8")
    size = policy.stat().st_size
    assert co.Policy.from_file(policy, max_bytes=size).name == "x"
    with pytest.raises(co.InputError) as e:
        co.Policy.from_file(policy, max_bytes=size - 1)
    assert e.value.code == "input.too_large"
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(co.stats.synthetic_csv(20), encoding="utf-8")
    size = ledger.stat().st_size
    assert len(co.stats.Ledger.from_csv_path(ledger, max_bytes=size)) == 20
    with pytest.raises(co.InputError) as e:
        co.stats.report_from_csv(ledger, max_bytes=size - 1)
    assert e.value.code == "input.too_large"


def monrovia_1971():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        zone = zoneinfo.ZoneInfo("Africa/Monrovia")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone data")
    import datetime as dt

    at = dt.datetime(1971, 1, 1, 12, 0, tzinfo=zone)
    if at.utcoffset() != dt.timedelta(minutes=-44, seconds=-30):
        pytest.skip("time zone data without Monrovia's -00:44:30")
    return at


def test_a_sub_minute_offset_is_refused_never_rounded():
    import datetime as dt

    at = monrovia_1971()
    fixed = dt.datetime(1971, 1, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(seconds=-2670)))
    micro = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=8, microseconds=1)))
    for value in (at, fixed, micro):
        for call in (
            lambda: co.next_number_at([], value, "+08:00"),
            lambda: co.Event.from_json_value({**RECEIVED, "at": value}),
            lambda: co.Case.open(co.Policy(), {**RECEIVED, "at": value}),
        ):
            with pytest.raises(co.TimeError) as e:
                call()
            assert e.value.code == "time.invalid_offset"
    with pytest.raises(co.TimeError) as e:
        co.next_number_at([], "1971-01-01T12:00:00-00:44:30", "+08:00")
    assert e.value.code == "time.invalid_offset"
    # A whole-minute historic offset is kept exactly.
    kept = dt.datetime(1971, 1, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(minutes=-44)))
    event = co.Event.from_json_value({**RECEIVED, "at": kept})
    assert event.at == kept
    assert event.at.utcoffset() == dt.timedelta(minutes=-44)
    with pytest.raises(co.TimeError) as e:
        co.NumberAllocator(dt.timezone(dt.timedelta(seconds=30)))
    assert e.value.code == "time.invalid_offset"
