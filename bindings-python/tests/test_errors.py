"""Real exceptions: one base with .code and .clause, a subclass per area; no personal data;
no panic reaches Python."""

import json
import pickle

import numpy as np
import pytest

import complaint_office as co
from complaint_office import _native

PERSONAL = ["張三", "13812345678", "zhangsan@example.com", "110101199003071234"]


def test_hierarchy():
    for cls in [co.TimeError, co.NumberError, co.PolicyError, co.CalendarError, co.CaseError,
                co.TransitionError, co.EventError, co.InternalError, co.TriageError, co.StatsError,
                co.InputError, co.OfficeError, co.HistoryError]:
        assert issubclass(cls, co.ComplaintOfficeError)
        assert issubclass(cls, ValueError)
    assert issubclass(co.TransitionError, co.CaseError)
    assert issubclass(co.EventError, co.CaseError)


def test_code_and_clause():
    with pytest.raises(co.NumberError) as e:
        co.ComplaintNumber.parse("23130001")
    assert (e.value.code, e.value.clause) == ("number.invalid_month", "§2.2.3")
    with pytest.raises(co.DurationError) as e:
        co.Duration.parse("0 days")
    assert (e.value.code, e.value.clause) == ("duration.invalid", None)


def test_policy_errors_name_the_key():
    with pytest.raises(co.PolicyError) as e:
        co.Policy.from_toml_str('[deadlines]\nplann = "10 days"')
    assert (e.value.code, e.value.key) == ("policy.unknown_key", "deadlines.plann")
    assert "deadlines.plann" in str(e.value)


def test_batch_errors_carry_the_index():
    cal = co.Calendar.default()
    with pytest.raises(co.CalendarError) as e:
        cal.add_working_days_many(["2025-01-01", "2999-12-30"], [1, 5])
    assert (e.value.code, e.value.index) == ("calendar.out_of_range", 1)
    days = np.array(["2025-01-01", "2999-12-30"], dtype="datetime64[D]")
    with pytest.raises(co.CalendarError) as e:
        cal.add_working_days_many(days, 5)
    assert (e.value.code, e.value.index) == ("calendar.out_of_range", 1)
    with pytest.raises(co.CalendarError) as e:
        cal.add_working_days_many(days, [1, 2, 3])
    assert e.value.code == "calendar.length_mismatch"


RECEIVED = {
    "type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
    "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
    "content": "zhangsan@example.com 110101199003071234 says the part broke",
}


def test_refused_events_are_transition_errors_with_index_and_clause():
    events = [RECEIVED, {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25100001"}]
    with pytest.raises(co.TransitionError) as e:
        co.Case.replay(co.Policy(), events)
    assert (e.value.code, e.value.clause, e.value.index) == ("case.number_month_mismatch", "§2.2.3", 1)


def test_malformed_events_are_event_errors():
    with pytest.raises(co.EventError) as e:
        co.Event.from_json_value({**RECEIVED, "nmae": "張三"})
    assert e.value.code == "case.invalid_event"
    with pytest.raises(co.EventError) as e:
        co.Event.from_json_value({"type": "telepathy", "at": "2025-09-26T10:00:00+08:00"})
    assert e.value.code == "case.unknown_event"


def test_an_unreadable_event_of_a_replay_names_its_index_and_key():
    registered = {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}
    bad = {**registered, "at": "2025-09-26T11:00:00"}  # no offset
    for history in ([RECEIVED, bad], [RECEIVED, json.dumps(bad)], json.dumps([RECEIVED, bad])):
        with pytest.raises(co.EventError) as e:
            co.Case.replay(co.Policy(), history)
        assert (e.value.code, e.value.index, e.value.key) == ("case.invalid_event", 1, "at")
    with pytest.raises(co.EventError) as e:
        co.Case.replay_json(co.Policy(), json.dumps([RECEIVED, bad]))
    assert (e.value.index, e.value.key) == (1, "at")
    with pytest.raises(co.EventError) as e:
        co.Case.replay(co.Policy(), [RECEIVED, {"type": "registered", "at": "2025-09-26"}])
    assert (e.value.index, e.value.key) == (1, "at")
    with pytest.raises(TypeError, match="event 1 of the history"):
        co.Case.replay(co.Policy(), [RECEIVED, 25090001])


def test_every_error_has_index_and_key():
    with pytest.raises(co.NumberError) as e:
        co.ComplaintNumber.parse("23130001")
    assert (e.value.index, e.value.key) == (None, None)
    with pytest.raises(co.EventError) as e:
        co.Event.from_json_value({**RECEIVED, "channel": 3})
    assert (e.value.index, e.value.key) == (None, "channel")
    with pytest.raises(co.TransitionError) as e:
        co.Case.replay(co.Policy(), [RECEIVED, {"type": "closed", "at": "2025-09-26T11:00:00+08:00"}])
    assert (e.value.index, e.value.key) == (1, None)


@pytest.mark.parametrize("bad", [
    {**RECEIVED, "name": 13812345678},
    {**RECEIVED, "contact": ["13812345678"]},
    {**RECEIVED, "channel": "張三"},
    {**RECEIVED, "extra": "110101199003071234"},
    {**RECEIVED, "at": "張三"},
])
def test_messages_carry_no_personal_data(bad):
    with pytest.raises(co.ComplaintOfficeError) as e:
        co.Case.replay(co.Policy(), [bad])
    for value in PERSONAL:
        assert value not in str(e.value)
        assert value not in repr(e.value)


def test_reprs_carry_no_personal_data():
    case = co.Case.replay(co.Policy(), [RECEIVED])
    event = co.Event.from_json_value(RECEIVED)
    for text in (repr(case), repr(event)):
        for value in PERSONAL:
            assert value not in text


def test_a_panic_becomes_internal_error_not_panic_exception():
    with pytest.raises(co.InternalError) as e:
        _native._panic_probe()
    assert e.value.code == _native.PANIC_CODE == "internal.panic"
    assert isinstance(e.value, Exception)  # PanicException is a BaseException
    assert "deliberate" not in str(e.value)


def test_exceptions_pickle():
    with pytest.raises(co.PolicyError) as e:
        co.Policy.from_toml_str('[deadlines]\nplann = "10 days"')
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is co.PolicyError
    assert (again.code, again.clause, again.key, str(again)) == (e.value.code, e.value.clause, e.value.key, str(e.value))
    with pytest.raises(co.EventError) as e:
        co.Case.replay(co.Policy(), [RECEIVED, {"type": "registered", "at": "2025-09-26"}])
    again = pickle.loads(pickle.dumps(e.value))
    assert type(again) is co.EventError
    assert (again.index, again.key) == (1, "at")


def test_arguments_of_the_wrong_type_are_argument_errors():
    # An ArgumentError is both the library's error (a ValueError) and a TypeError.
    assert issubclass(co.ArgumentError, co.ComplaintOfficeError)
    assert issubclass(co.ArgumentError, TypeError) and issubclass(co.ArgumentError, ValueError)
    cal = co.Calendar.default()
    for call in (
        lambda: cal.add_working_days(20250926, 5),     # an int for a date
        lambda: cal.add_working_days("2025-09-26", "5"),  # a str for an int
        lambda: co.Case.open(None, RECEIVED),          # None for a Policy
        lambda: co.privacy.mask("phone", 13812345678),  # an int for a str
        lambda: co.stats.Ledger.from_records([], lenient=1),  # an int for a bool
    ):
        with pytest.raises(TypeError) as e:
            call()
        assert isinstance(e.value, co.ArgumentError)
        assert e.value.code == "binding.invalid_argument"
        assert "13812345678" not in str(e.value) and "20250926" not in str(e.value)
        assert pickle.loads(pickle.dumps(e.value)).code == "binding.invalid_argument"


def test_lone_surrogates_and_huge_ints_in_any_argument_are_coded():
    with pytest.raises(co.InputError) as e:
        co.privacy.mask("phone", "138\ud800")
    assert e.value.code == "input.invalid_text" and "138" not in repr(e.value.args)
    with pytest.raises(co.InputError) as e:
        co.Calendar.default().add_working_days("2025-09-26", 2**80)
    assert e.value.code == "input.invalid_number"
