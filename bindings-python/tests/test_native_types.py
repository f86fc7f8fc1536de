"""Native datetime values in and out; ISO strings accepted; naive datetimes refused."""

import datetime as dt

import pytest

import complaint_office as co

CST = dt.timezone(dt.timedelta(hours=8))
CAL = co.Calendar.default()


def test_dates_in_and_out():
    assert CAL.add_working_days(dt.date(2025, 9, 26), 5) == dt.date(2025, 10, 10)
    assert CAL.add_working_days("2025-09-26", 5) == dt.date(2025, 10, 10)
    assert type(CAL.add_working_days("2025-09-26", 5)) is dt.date
    assert CAL.is_working_day(dt.date(2024, 2, 4))  # a Sunday, worked for Spring Festival
    assert not CAL.is_working_day("2025-10-06")


def test_date_subclasses_are_dates():
    class MyDate(dt.date):
        pass

    assert CAL.is_working_day(MyDate(2025, 10, 11))


def test_a_datetime_is_not_a_date():
    with pytest.raises(co.TimeError) as e:
        CAL.is_working_day(dt.datetime(2025, 10, 11, 9, 0, tzinfo=CST))
    assert e.value.code == "time.invalid_date"


@pytest.mark.parametrize("text", ["2023-02-30", "2025-1-01", "2025-01-01T00:00:00+08:00", ""])
def test_bad_date_text(text):
    with pytest.raises(co.TimeError) as e:
        CAL.is_working_day(text)
    assert e.value.code == "time.invalid_date"


def test_dates_out_of_range():
    with pytest.raises(co.TimeError) as e:
        CAL.is_working_day(dt.date(1800, 1, 1))
    assert e.value.code == "time.out_of_range"


def test_wrong_python_types_are_type_errors():
    with pytest.raises(TypeError):
        CAL.is_working_day(20250101)


def test_instants_in_and_out():
    d = co.period.end(CAL, dt.datetime(2025, 9, 26, 10, tzinfo=CST), "5 working days")
    assert d.due == dt.datetime(2025, 10, 11, tzinfo=CST)
    assert d.due.utcoffset() == dt.timedelta(hours=8)
    assert d.start.tzinfo is not None
    utc = dt.datetime(2025, 9, 26, 2, tzinfo=dt.timezone.utc)
    assert co.period.end(CAL, utc, "5 working days") == d


def test_zoneinfo_datetimes_are_aware():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        shanghai = zoneinfo.ZoneInfo("Asia/Shanghai")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database on this machine")
    at = dt.datetime(2025, 9, 26, 10, tzinfo=shanghai)
    assert co.period.end(CAL, at, "5 working days").last_day == dt.date(2025, 10, 10)


def test_naive_datetimes_are_refused_never_guessed():
    with pytest.raises(co.TimeError) as e:
        co.period.end(CAL, dt.datetime(2025, 9, 26, 10), "5 working days")
    assert e.value.code == "time.missing_offset"
    assert isinstance(e.value, ValueError)
    with pytest.raises(co.TimeError) as e:
        co.period.end(CAL, "2025-09-26T10:00:00", "5 working days")
    assert e.value.code == "time.missing_offset"
    with pytest.raises(co.TimeError) as e:
        co.next_number_at([], dt.datetime(2025, 9, 26), "+08:00")
    assert e.value.code == "time.missing_offset"


def test_naive_datetimes_inside_events_are_refused():
    with pytest.raises(co.TimeError) as e:
        co.Event.from_json_value({"type": "closed", "at": dt.datetime(2025, 1, 1)})
    assert e.value.code == "time.missing_offset"


def test_offsets():
    assert co.Policy().office_offset == CST
    assert co.next_number_at([], "2023-05-31T17:30:00Z", CST) == co.ComplaintNumber(2023, 6, 1)
    assert co.next_number_at([], "2023-05-31T17:30:00Z", "+00:00") == co.ComplaintNumber(2023, 5, 1)
    with pytest.raises(co.TimeError) as e:
        co.NumberAllocator("+25:00")
    assert e.value.code == "time.invalid_offset"


def test_months():
    seq = co.NumberSequences()
    assert str(seq.issue("2023-05")) == "23050001"
    assert str(seq.issue(dt.date(2023, 5, 20))) == "23050002"
    assert seq.last("2023-05") == co.ComplaintNumber(2023, 5, 2)
    with pytest.raises(co.TimeError) as e:
        seq.peek("2023-13")
    assert e.value.code == "time.invalid_month"


def test_events_take_native_values():
    at = dt.datetime(2025, 9, 26, 11, tzinfo=CST)
    e = co.Event.from_json_value({"type": "registered", "at": at, "number": co.ComplaintNumber(2025, 9, 1)})
    assert e.at == at
    assert e.to_json_value() == {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}
