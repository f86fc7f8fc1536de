"""Batch calls over lists and numpy datetime64[D] arrays, and the GIL released meanwhile."""

import datetime as dt
import sys
import threading

import numpy as np
import pytest

import complaint_office as co

CAL = co.Calendar.default()
CST = dt.timezone(dt.timedelta(hours=8))
START = dt.date(2024, 12, 20)
DATES = [START + dt.timedelta(days=i) for i in range(60)]
COUNTS = [(i * 7) % 23 - 5 for i in range(60)]


def test_lists_in_list_out():
    got = CAL.add_working_days_many(DATES, COUNTS)
    assert isinstance(got, list)
    assert got == [CAL.add_working_days(d, k) for d, k in zip(DATES, COUNTS)]
    assert CAL.add_working_days_many(iter(d.isoformat() for d in DATES), 3) == [CAL.add_working_days(d, 3) for d in DATES]
    assert CAL.working_days_between_many(DATES, DATES[::-1]) == [CAL.working_days_between(a, b) for a, b in zip(DATES, DATES[::-1])]
    assert CAL.is_working_day_many(DATES) == [CAL.is_working_day(d) for d in DATES]


def test_numpy_in_numpy_out():
    days = np.array(DATES, dtype="datetime64[D]")
    ks = np.array(COUNTS)
    got = CAL.add_working_days_many(days, ks)
    assert isinstance(got, np.ndarray) and got.dtype == np.dtype("datetime64[D]")
    assert got.tolist() == CAL.add_working_days_many(DATES, COUNTS)
    between = CAL.working_days_between_many(days, days[::-1])
    assert between.dtype == np.int64
    assert between.tolist() == CAL.working_days_between_many(DATES, DATES[::-1])
    working = CAL.is_working_day_many(days)
    assert working.dtype == np.bool_
    assert working.tolist() == CAL.is_working_day_many(DATES)


def test_numpy_shapes_strides_and_counts():
    days = np.array(DATES, dtype="datetime64[D]").reshape(6, 10)
    got = CAL.add_working_days_many(days, 2)
    assert got.shape == (6, 10)
    strided = np.array(DATES, dtype="datetime64[D]")[::3]
    assert CAL.add_working_days_many(strided, np.int32(2) * np.ones(len(strided), dtype=np.int32)).tolist() == [CAL.add_working_days(d, 2) for d in DATES[::3]]
    empty = np.array([], dtype="datetime64[D]")
    assert CAL.add_working_days_many(empty, 1).shape == (0,)
    one_end = CAL.working_days_between_many(np.array(DATES, dtype="datetime64[D]"), [dt.date(2025, 3, 1)])
    assert one_end.tolist() == [CAL.working_days_between(d, dt.date(2025, 3, 1)) for d in DATES]


def test_the_input_array_is_not_modified():
    days = np.array(DATES, dtype="datetime64[D]")
    before = days.copy()
    CAL.add_working_days_many(days, 5)
    assert (days == before).all()


def test_object_arrays_are_read_element_by_element():
    objects = np.array(DATES, dtype=object)
    assert CAL.add_working_days_many(objects, 1) == [CAL.add_working_days(d, 1) for d in DATES]


def test_other_datetime_units_are_refused():
    with pytest.raises(TypeError):
        CAL.add_working_days_many(np.array(DATES, dtype="datetime64[s]"), 1)
    with pytest.raises(TypeError):
        CAL.add_working_days_many(np.array(DATES, dtype="datetime64[D]"), np.array([1.5]))
    with pytest.raises(TypeError):
        CAL.add_working_days_many("2025-01-01", 1)


def test_not_a_time_is_an_error_not_a_guess():
    days = np.array(["2025-01-01", "NaT"], dtype="datetime64[D]")
    with pytest.raises(co.CalendarError) as e:
        CAL.add_working_days_many(days, 1)
    assert e.value.index == 1


def test_periods_over_many_starts():
    starts = ["2025-09-26T10:00:00+08:00", "2025-09-20T09:00:00+08:00"]
    got = co.period.end_many(CAL, starts, "15 days")
    assert got == [co.period.end(CAL, s, "15 days") for s in starts]


def test_last_days_over_lists_and_arrays():
    dates = DATES[:20]
    single = [co.period.end(CAL, dt.datetime.combine(d, dt.time(), CST), "15 days").last_day for d in dates]
    assert co.period.last_days(CAL, dates, "15 days") == single
    array = co.period.last_days(CAL, np.array(dates, dtype="datetime64[D]"), co.Duration("15 days"))
    assert array.dtype == np.dtype("datetime64[D]") and array.tolist() == single


def test_the_gil_is_released_during_batch_work():
    """With a long switch interval, the main thread can run while the worker is inside the
    batch call only if the call released the GIL."""
    days = np.datetime64(START.isoformat(), "D") + np.arange(3_000_000) % 3000
    ks = np.arange(len(days)) % 40
    old = sys.getswitchinterval()
    sys.setswitchinterval(30)
    try:
        entered = threading.Event()
        done = threading.Event()

        def work():
            entered.set()
            for _ in range(3):
                CAL.add_working_days_many(days, ks)
            done.set()

        worker = threading.Thread(target=work)
        worker.start()
        entered.wait()  # wakes up only once the worker lets go of the GIL
        ran_while_busy = not done.is_set()
        done.wait()
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert ran_while_busy


def test_day_number_calls_agree_with_the_dated_ones():
    epoch = [co.to_epoch_day(d) for d in DATES]
    got = CAL.add_working_days_epoch(epoch, COUNTS)
    assert got == [co.to_epoch_day(CAL.add_working_days(d, k)) for d, k in zip(DATES, COUNTS)]
    assert CAL.add_working_days_epoch(epoch, 3) == CAL.add_working_days_epoch(epoch, [3])
    assert CAL.working_days_between_epoch(epoch, epoch[::-1]) == CAL.working_days_between_many(DATES, DATES[::-1])
    assert CAL.working_days_between_epoch(epoch, epoch[0]) == [CAL.working_days_between(d, DATES[0]) for d in DATES]
    assert CAL.is_working_day_epoch(epoch) == CAL.is_working_day_many(DATES)
    assert [CAL.is_working_epoch_day(e) for e in epoch] == CAL.is_working_day_many(DATES)
    assert [CAL.add_working_days_to_epoch_day(e, k) for e, k in zip(epoch, COUNTS)] == got
    # numpy integers are ints too.
    assert CAL.add_working_days_epoch(np.array(epoch, dtype=np.int64), 1) == CAL.add_working_days_epoch(epoch, 1)


def test_day_number_calls_refuse_by_code():
    first, last = co.to_epoch_day("1900-01-01"), co.to_epoch_day("2999-12-31")
    for call in (lambda: CAL.is_working_epoch_day(first - 1),
                 lambda: CAL.is_working_epoch_day(last + 1),
                 lambda: CAL.add_working_days_to_epoch_day(last, 1),
                 lambda: CAL.add_working_days_to_epoch_day(first, -1),
                 lambda: CAL.add_working_days_to_epoch_day(0, 10**6)):
        with pytest.raises(co.errors.CalendarError) as e:
            call()
        assert e.value.code == "calendar.out_of_range"
    with pytest.raises(co.errors.CalendarError) as e:
        CAL.add_working_days_epoch([0, 1, last], 1)
    assert (e.value.code, e.value.index) == ("calendar.out_of_range", 2)
    with pytest.raises(co.errors.CalendarError) as e:
        CAL.add_working_days_epoch([0, 1, 2], [1, 2])
    assert e.value.code == "calendar.length_mismatch"
    with pytest.raises(co.errors.CalendarError) as e:
        CAL.working_days_between_epoch([0, 1, 2], [1, 2])
    assert e.value.code == "calendar.length_mismatch"
    with pytest.raises(co.ComplaintOfficeError) as e:
        CAL.is_working_epoch_day(2**70)
    assert e.value.code == "input.invalid_number"
    with pytest.raises(co.errors.ArgumentError):
        CAL.add_working_days_epoch("20357", 1)


def test_calendar_from_config():
    cal = co.Calendar.from_config({"base": "weekdays", "extra_off_days": ["2025-10-10"],
                                   "office_hours": ["09:00-17:00"]})
    assert not cal.is_working_day("2025-10-10")
    assert cal.is_working_day("2025-10-06")  # no statutory holidays on this base
    assert cal.office_hours == ["09:00-17:00"]
    assert cal.offset == CST
    assert co.Calendar.from_config('{"base": "cn"}') == co.Calendar.default()
    assert co.Calendar.from_config({}, "+09:00").offset == dt.timezone(dt.timedelta(hours=9))
    assert co.Calendar.from_config({"office_offset": "+07:00"}).offset == dt.timezone(dt.timedelta(hours=7))
    with pytest.raises(co.errors.CalendarError) as e:
        co.Calendar.from_config({"extra_off_days": ["2025-10-10"], "extra_working_days": ["2025-10-10"]})
    assert e.value.code == "calendar.contradiction"
    with pytest.raises(co.errors.ArgumentError):
        co.Calendar.from_config({"base": "moon"})
    with pytest.raises(co.errors.ArgumentError):
        co.Calendar.from_config("not json")


def test_period_rules_carry_their_values():
    month = co.period.end(CAL, "2024-01-31T12:00:00+08:00", "1 month")
    by_name = {r.name: r for r in month.rules}
    assert by_name["month_end"].start_day == 31
    for r in month.rules:
        assert r.rule == r.name and r.description == r.describe()
        assert (r.close, r.amount, r.until) == (None, None, None)
        if r.name != "month_end":
            assert r.start_day is None
    hours = co.period.end(CAL.with_office_hours(["09:00-12:00", "13:30-17:30"]), "2025-09-26T10:00:00+08:00", "5 working days")
    [close] = [r for r in hours.rules if r.name == "ends_at_close_of_business"]
    assert close.close == "17:30"
