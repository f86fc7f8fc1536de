"""Objects shared by threads (issue 16 item 4).

Before, when one thread's ``Case.apply`` or ``NumberSequences.issue`` failed, other threads
using the same object got ``RuntimeError: Already mutably borrowed`` (no code): the error was
built, which runs Python code, while the object was still borrowed, and another thread ran in
between. A tzinfo written in Python (pytz, dateutil) did the same on successful calls. Now
``Case`` and ``NumberSequences`` keep their state behind a lock taken only once the arguments
are read and released before an error is built, so concurrent use either works or fails with a
coded ``ComplaintOfficeError``, never a bare ``RuntimeError``.

Each test hammers one shared object from a thread pool with failing and succeeding calls, with
a tiny switch interval so the interpreter changes threads as often as it can.
"""

import datetime as dt
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import complaint_office as co

THREADS = 8
ROUNDS = 400


class SlowZone(dt.tzinfo):
    """A tzinfo written in Python, like pytz's and dateutil's: every call runs Python code and
    gives the interpreter a chance to switch threads."""

    def utcoffset(self, _when):
        time.sleep(0)
        return dt.timedelta(hours=8)

    def dst(self, _when):
        return dt.timedelta(0)

    def tzname(self, _when):
        return "CST"


ZONE = SlowZone()
RECEIVED = {
    "type": "received",
    "at": dt.datetime(2025, 9, 26, 10, tzinfo=ZONE),
    "channel": "hotline",
    "complainant_kind": "customer",
    "name": "Zhang San",
    "contact": "13812345678",
    "content": "The part broke again.",
}


@pytest.fixture(autouse=True)
def switch_often():
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def hammer(calls):
    """Runs every call ROUNDS times over THREADS threads; returns (results, errors)."""

    def run(i):
        call = calls[i % len(calls)]
        try:
            return ("ok", call.__name__, call())
        except Exception as e:  # noqa: BLE001 - the point is to see every kind
            return ("error", call.__name__, e)

    with ThreadPoolExecutor(THREADS) as pool:
        outcomes = list(pool.map(run, range(ROUNDS * len(calls))))
    errors = [(name, e) for kind, name, e in outcomes if kind == "error"]
    for name, e in errors:
        assert not isinstance(e, RuntimeError), f"{name}: bare {type(e).__name__}: {e}"
        assert isinstance(e, co.ComplaintOfficeError), f"{name}: {type(e).__name__}: {e}"
        assert e.code
    return outcomes, errors


def test_a_shared_case_refusing_events_while_others_read():
    case = co.Case.open(co.Policy(), RECEIVED)
    now = dt.datetime(2025, 10, 1, 9, tzinfo=ZONE)

    def refused_event():
        # A second `received` is refused; the event's instant runs Python code to be read.
        case.apply(RECEIVED)

    def unreadable_event():
        case.apply({"type": "registered", "at": "2025-02-30T10:00:00+08:00"})

    def status():
        return case.status

    def schedule():
        return case.schedule(now).stage("registration").state

    def count():
        return case.event_count

    def view():
        return case.view("department").status

    outcomes, errors = hammer([refused_event, unreadable_event, status, schedule, count, view])
    by_name = {}
    for kind, name, value in outcomes:
        by_name.setdefault(name, set()).add(kind)
    # Every read succeeded, every refused event failed with its code.
    for reader in ("status", "schedule", "count", "view"):
        assert by_name[reader] == {"ok"}, reader
    assert by_name["refused_event"] == {"error"}
    assert by_name["unreadable_event"] == {"error"}
    codes = {e.code for _, e in errors}
    assert codes == {"case.not_received_first", "case.invalid_event"}
    assert case.status is co.Status.RECEIVED
    assert case.event_count == 1


def test_a_shared_case_taking_one_event_from_many_threads():
    # Every thread tries to register the case, with a Python tzinfo: exactly one succeeds, the
    # others are refused with a code, and readers never fail.
    case = co.Case.open(co.Policy(), RECEIVED)
    registered = {
        "type": "registered",
        "at": dt.datetime(2025, 9, 26, 11, tzinfo=ZONE),
        "number": "25090001",
    }

    def register():
        case.apply(registered)

    def number():
        return case.number

    outcomes, errors = hammer([register, number])
    applied = [name for kind, name, _ in outcomes if kind == "ok" and name == "register"]
    assert len(applied) == 1
    assert {name for name, _ in errors} == {"register"}
    assert all(isinstance(e, co.TransitionError) for _, e in errors)
    assert case.status is co.Status.REGISTERED
    assert case.event_count == 2
    assert str(case.number) == "25090001"


def test_shared_number_sequences_issue_without_gaps_or_duplicates():
    sequences = co.NumberSequences()

    def issue():
        return str(sequences.issue("2025-05"))

    def out_of_range():
        # Complaint numbers have two-digit years: 1999 cannot be numbered.
        return sequences.issue("1999-05")

    def peek():
        return str(sequences.peek("2025-05"))

    def last():
        return sequences.last("2025-05")

    outcomes, errors = hammer([issue, out_of_range, peek, last])
    issued = sorted(v for kind, name, v in outcomes if kind == "ok" and name == "issue")
    assert len(issued) == ROUNDS
    assert issued == [f"2505{n:04d}" for n in range(1, ROUNDS + 1)]
    assert {name for name, _ in errors} == {"out_of_range"}
    assert str(sequences.last("2025-05")) == issued[-1]
    assert sequences == sequences
    assert sequences == co.NumberSequences.from_issued(issued)


def test_a_shared_calendar_and_allocator():
    calendar = co.Calendar.cn()
    allocator = co.NumberAllocator("+08:00")

    def add():
        return calendar.add_working_days(dt.date(2025, 9, 30), 3)

    expected = add()

    def out_of_range():
        return calendar.add_working_days(dt.date(2999, 12, 30), 10)

    def allocate():
        return str(allocator.allocate(dt.datetime(2025, 3, 1, 9, tzinfo=ZONE)))

    outcomes, errors = hammer([add, out_of_range, allocate])
    assert {v for kind, name, v in outcomes if name == "add"} == {expected}
    numbers = [v for kind, name, v in outcomes if name == "allocate"]
    assert len(set(numbers)) == len(numbers) == ROUNDS
    assert {name for name, _ in errors} == {"out_of_range"}


def test_a_shared_caseload_taking_cases_while_others_build_worklists():
    # Before, `push` needed the caseload mutably borrowed while another thread built a worklist
    # with the GIL released (or a refused push built its error): "Already borrowed".
    policy = co.Policy()
    case = co.Case.replay(policy, [
        RECEIVED,
        {"type": "registered", "at": dt.datetime(2025, 9, 26, 11, tzinfo=ZONE), "number": "25090001"},
    ])
    caseload = co.Caseload.from_cases([case])
    now = dt.datetime(2025, 10, 1, 9, tzinfo=ZONE)

    def push():
        return caseload.push(case, key="crm-1")

    def refused_push():
        caseload.push("not a case")

    def worklist():
        return len(caseload.worklist(now, view="department").entries)

    def reminders():
        return caseload.reminders(now, now + dt.timedelta(days=3))

    def length():
        return len(caseload)

    outcomes, errors = hammer([push, refused_push, worklist, reminders, length])
    for reader in ("push", "worklist", "reminders", "length"):
        assert {kind for kind, name, _ in outcomes if name == reader} == {"ok"}, reader
    assert {name for name, _ in errors} == {"refused_push"}
    assert {e.code for _, e in errors} == {"binding.invalid_argument"}
    assert len(caseload) == 1 + ROUNDS
    indices = sorted(v for kind, name, v in outcomes if name == "push")
    assert indices == list(range(1, ROUNDS + 1))


def test_shared_personal_data_set_while_others_read():
    # Before, a refused `set` built its error (Python code) with the object mutably borrowed,
    # and another thread reading it got "Already mutably borrowed".
    data = co.privacy.PersonalData(complainant_name="Zhang San", contact_phone="13812345678",
                                   content="Zhang San 13812345678")

    def refused_set():
        data.set("shoe_size", "42")

    def set_phone():
        data.set("contact_phone", "13812345678")

    def view():
        return data.view("department").content

    def get():
        return data.get("contact_phone")

    def as_dict():
        return data.to_dict()["complainant_name"]

    outcomes, errors = hammer([refused_set, set_phone, view, get, as_dict])
    for reader in ("set_phone", "view", "get", "as_dict"):
        assert {kind for kind, name, _ in outcomes if name == reader} == {"ok"}, reader
    assert {name for name, _ in errors} == {"refused_set"}
    assert {v for kind, name, v in outcomes if name == "get"} == {"13812345678"}
    assert "13812345678" not in {v for kind, name, v in outcomes if name == "view"}
