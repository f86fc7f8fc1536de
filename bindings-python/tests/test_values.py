"""Value types: equality, ordering, hashing, str/repr, pickling."""

import copy
import pickle

import pytest

import complaint_office as co


def test_complaint_numbers_order_hash_and_print():
    a, b, c = co.ComplaintNumber.parse("23050002"), co.ComplaintNumber(2023, 5, 10), co.ComplaintNumber.parse("22120001")
    assert sorted([a, b, c]) == [c, a, b]
    assert str(b) == "23050010" and repr(b) == "ComplaintNumber('23050010')"
    assert len({a, co.ComplaintNumber(2023, 5, 2)}) == 1
    assert a.succ() == co.ComplaintNumber(2023, 5, 3)
    assert a.year_month == "2023-05"
    assert a.to_dict() == {"year": 2023, "month": 5, "serial": 2}


def test_value_types_pickle_and_copy():
    values = [
        co.ComplaintNumber.parse("23050001"),
        co.Duration.parse("5個工作日"),
        co.Policy.from_toml_str('name = "ACME"\n[deadlines]\nplan = "10 working days"'),
        co.Event.from_json_value({"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value


def test_durations():
    d = co.Duration("5 working days")
    assert d == co.Duration(5, "working_days") == co.Duration.parse("5個工作日")
    assert hash(d) == hash(co.Duration.parse("5工作日"))
    assert str(co.Duration(1, co.Unit.MONTHS)) == "1 month"
    assert repr(d) == "Duration('5 working days')"
    assert d.to_dict() == {"amount": 5, "unit": "working_days"}
    assert d.is_day_based() and not co.Duration("24 hours").is_day_based()


def test_number_sequences_and_allocator():
    seq = co.NumberSequences.from_issued(iter(["23050001", co.ComplaintNumber(2023, 5, 7)]))
    assert str(seq.peek("2023-05")) == "23050008"
    allocator = co.NumberAllocator("+08:00", seq)
    assert str(allocator.allocate("2023-05-31T17:30:00Z")) == "23060001"
    assert str(allocator.allocate_in("2023-05")) == "23050008"
    assert allocator.snapshot().last("2023-05") == co.ComplaintNumber(2023, 5, 8)


def test_more_value_types_pickle():
    values = [
        co.accountability.Finding("E1024", "direct", "negligence", "general", "late reply", "once", "one case"),
        co.accountability.Assessment("primary", "intentional", "serious"),
        co.intake.Complaint("hotline", "customer", name="張三", contact="13812345678", received_at="2025-09-26T10:00:00+08:00"),
        co.privacy.PersonalData(complainant_name="張三", contact_phone="13812345678"),
        co.stats.Period.parse("2025-Q3"),
    ]
    for value in values:
        assert pickle.loads(pickle.dumps(value)) == value


def test_first_number_of_a_month():
    import datetime as dt
    first = co.ComplaintNumber.first_of("2025-09")
    assert first == co.ComplaintNumber.parse("25090001") == co.ComplaintNumber(2025, 9, 1)
    assert co.ComplaintNumber.first_of(dt.date(2099, 12, 31)) == co.ComplaintNumber.parse("99120001")
    assert co.next_number([], "2025-09") == first
    with pytest.raises(co.NumberError) as e:
        co.ComplaintNumber.first_of("2100-01")
    assert e.value.code == "number.year_out_of_range"
