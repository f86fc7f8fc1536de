"""Property tests (Hypothesis), built on complaint_office.testing."""

import datetime as dt
import pickle

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import complaint_office as co
from complaint_office import testing as cot

CAL = co.Calendar.default()


@given(cot.dates(), st.integers(min_value=1, max_value=2000))
def test_add_then_count_working_days(start, k):
    end = CAL.add_working_days(start, k)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == k
    assert CAL.working_days_between(end, start) == -k


@given(cot.dates())
def test_zero_days_rolls_forward(d):
    r = CAL.add_working_days(d, 0)
    assert r >= d and CAL.is_working_day(r) and r == CAL.roll_forward(d)
    assert CAL.working_days_between(d, r) == (0 if r == d else 1)


@given(st.lists(cot.dates(), max_size=50), st.integers(min_value=-300, max_value=300))
def test_batches_agree_with_single_calls(dates, k):
    single = [CAL.add_working_days(d, k) for d in dates]
    assert CAL.add_working_days_many(dates, k) == single
    array = CAL.add_working_days_many(np.array(dates, dtype="datetime64[D]"), k)
    assert [d.astype(dt.date) for d in array] == single


@given(cot.complaint_numbers(), cot.complaint_numbers())
def test_number_text_round_trip_and_order(a, b):
    assert co.ComplaintNumber.parse(str(a)) == a
    assert (a < b) == ((a.year, a.month, a.serial) < (b.year, b.month, b.serial))
    assert pickle.loads(pickle.dumps(a)) == a


@given(cot.durations(units=list(co.Unit)))
def test_duration_text_round_trip(d):
    assert co.Duration.parse(str(d)) == d


@settings(max_examples=50, deadline=None)
@given(cot.instants(min_value=dt.date(2008, 1, 1), max_value=dt.date(2025, 12, 31)), cot.durations())
def test_period_end_is_a_working_day_not_before_the_start(start, duration):
    deadline = co.period.end(CAL, start, duration)
    assert CAL.is_working_day(deadline.last_day) or deadline.provisional
    assert deadline.due > start


@settings(max_examples=40, deadline=None)
@given(cot.case_histories())
def test_generated_histories_replay(events):
    case = co.Case.replay(co.Policy(), events)
    assert case.event_count == len(events)
    again = co.Case.replay(co.Policy(), [co.Event.from_json_value(e).to_json_value() for e in events])
    assert again.status == case.status
    assert again.compliance(case.last_event_at).to_dict() == case.compliance(case.last_event_at).to_dict()


@settings(max_examples=20, deadline=None)
@given(st.data())
def test_every_event_type_has_candidates(data):
    """The strategies offer every event type the package knows: a hand-written candidate, or
    one built from the type's TypedDict in the generated catalogue (a new type needs no edit
    of complaint_office.testing)."""
    at = dt.datetime(2025, 11, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    catalogue = cot._catalogue()
    assert set(catalogue) == {k.value for k in co.EventKind}
    for kind in co.EventKind:
        if kind is co.EventKind.RECEIVED:
            continue
        payload = cot._payload(data.draw, kind.value, co.Policy(), at)
        required = set(catalogue[kind.value].__required_keys__) - {"type", "at"}
        assert required <= set(payload), kind


DISPOSITIONS = {"rejected", "withdrawn", "merged", "lapsed"}


@settings(max_examples=40, deadline=None)
@given(cot.case_histories())
def test_a_disposition_stops_every_clock_and_is_the_outcome(events):
    """Issue 15, point 10: a disposition stops every running clock, and the ledger row names
    it as the outcome (`open` while the case runs, `resolved` once closed)."""
    case = co.Case.replay(co.Policy(), events)
    ended = next((e for e in events if e["type"] in DISPOSITIONS), None)
    later = case.last_event_at + dt.timedelta(days=400)
    if ended is not None:
        assert case.schedule(later).running() == []
    row = case.record()
    if case.number is None:
        assert row is None
        return
    assert row is not None and row.number == case.number
    assert row.received_at == case.received_at
    # Resolved while closed (and once archived or destroyed, which only a closed case reaches
    # without a disposition); a case reopened after closing is open again.
    closed = case.status in (co.Status.CLOSED, co.Status.ARCHIVED, co.Status.DESTROYED)
    expected = ended["type"] if ended is not None else "resolved" if closed else "open"
    assert row.outcome == expected
    assert (row.closed_at is None) == (expected == "open")


@given(st.sampled_from(list(co.MaskKind)), st.text(max_size=30))
def test_masking_a_masked_value_changes_nothing(kind, value):
    once = co.privacy.mask(kind, value)
    assert co.privacy.mask(kind, once) == once


@given(st.lists(cot.dates(), max_size=40), st.lists(cot.dates(), min_size=1, max_size=1))
def test_differences_agree_between_lists_and_arrays(starts, end):
    ends = end * len(starts)
    as_list = CAL.working_days_between_many(starts, ends)
    as_array = CAL.working_days_between_many(np.array(starts, dtype="datetime64[D]"), np.array(ends, dtype="datetime64[D]"))
    assert as_array.tolist() == as_list == [CAL.working_days_between(a, b) for a, b in zip(starts, ends)]


@given(st.sampled_from(list(co.accountability.Responsibility)), st.sampled_from(list(co.accountability.Fault)),
       st.sampled_from(list(co.accountability.Consequence)))
def test_a_graver_finding_never_gets_a_lighter_level(r, f, c):
    table = co.Policy().discipline
    order = [co.Level.LIGHT, co.Level.HEAVY, co.Level.DISMISSAL]
    a = co.accountability.Assessment(r, f, c)
    for b in co.accountability.Assessment.all():
        if a.is_at_least_as_grave_as(b):
            assert order.index(table.level(a)) >= order.index(table.level(b))
