"""complaint_office.store (issue 20 item 5): the store through the binding, against SQLite
always and against PostgreSQL when COMPLAINT_OFFICE_PG_URL names a server where the user may
create databases (one fresh database per test, made and dropped with `psql`).
scripts/suites/store runs this file against its throwaway server with
COMPLAINT_OFFICE_REQUIRE_PG=1, which makes a missing server or psql a failure, not a skip."""

import datetime as dt
import glob
import os
import pickle
import shutil
import subprocess
import sys
import threading
import urllib.parse
import uuid
from pathlib import Path

import pytest

import complaint_office as co
from complaint_office import stats
from complaint_office.store import (
    SCHEMA_VERSION,
    Appended,
    DueCase,
    Durability,
    Received,
    Registered,
    ReminderCase,
    Store,
    StoreError,
    StoredCase,
    SweptCase,
)

CST = dt.timezone(dt.timedelta(hours=8))
NAME, PHONE = "張三豐", "13812345678"
PG_URL = os.environ.get("COMPLAINT_OFFICE_PG_URL", "")
REQUIRE_PG = os.environ.get("COMPLAINT_OFFICE_REQUIRE_PG") == "1"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "python" / "intake_handler.py"


def psql():
    """The psql client: $COMPLAINT_OFFICE_PSQL, on the PATH, or Debian's server directory."""
    found = os.environ.get("COMPLAINT_OFFICE_PSQL") or shutil.which("psql")
    if not found:
        found = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), None)
    return found


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


class Target:
    """A fresh, empty database of one backend, and raw SQL on it that bypasses the store (what
    someone with database rights could do)."""

    def __init__(self, backend, tmp_path):
        self.backend = backend
        if backend == "sqlite":
            self.url = str(tmp_path / "complaints.db")
            self.database = None
        else:
            self.database = f"co_py_{uuid.uuid4().hex[:12]}"
            self._psql(PG_URL, f"CREATE DATABASE {self.database}")
            self.url = with_database(PG_URL, self.database)

    def _psql(self, url, sql):
        done = subprocess.run([psql(), url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip())
        return done.stdout

    def _sqlite(self, script, sql):
        # Python's sqlite3 module, in a child process: it links its own copy of SQLite, and two
        # copies in one process lose each other's POSIX locks when either closes the file
        # (sqlite.org/howtocorrupt.html, 2.2.1): the store would read a stale snapshot.
        done = subprocess.run([sys.executable, "-c", script, self.url, sql], capture_output=True, text=True,
                              timeout=120)
        if done.returncode != 0:
            raise RuntimeError(done.stderr.strip().splitlines()[-1])
        return done.stdout

    def sql(self, sql):
        if self.backend == "sqlite":
            self._sqlite(SQLITE_EXEC, sql)
        else:
            self._psql(self.url, sql)

    def ints(self, sql):
        if self.backend == "sqlite":
            rows = self._sqlite(SQLITE_QUERY, sql).strip().splitlines()
        else:
            rows = self._psql(self.url, sql).strip().splitlines()
        return [[int(v) if v else None for v in row.split("|")] for row in rows]

    def int(self, sql):
        return self.ints(sql)[0][0]

    def disable_append_only(self):
        if self.backend == "sqlite":
            self.sql("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;")
        else:
            self.sql("ALTER TABLE events DISABLE TRIGGER USER;")

    def open(self, policy=None, **options):
        return Store.open(self.url, policy or co.Policy(), **options)

    def drop(self):
        if self.database:
            self._psql(PG_URL, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")


SQLITE_EXEC = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()"
SQLITE_QUERY = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1])\n"
                "for row in c.execute(sys.argv[2]): print('|'.join('' if v is None else str(v) for v in row))")
BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def target(request, tmp_path):
    if request.param == "postgres":
        if not PG_URL:
            if REQUIRE_PG:
                pytest.fail("COMPLAINT_OFFICE_REQUIRE_PG=1 but COMPLAINT_OFFICE_PG_URL is not set")
            pytest.skip("PostgreSQL not configured: set COMPLAINT_OFFICE_PG_URL to run it too")
        if not psql():
            if REQUIRE_PG:
                pytest.fail("COMPLAINT_OFFICE_REQUIRE_PG=1 but no psql client was found")
            pytest.skip("psql not found (needed to create the test databases)")
    t = Target(request.param, tmp_path)
    yield t
    t.drop()


@pytest.fixture
def store(target):
    with target.open() as s:
        yield s


def received(at, name=NAME, contact=PHONE, channel="hotline"):
    event = {"type": "received", "at": at, "channel": channel, "complainant_kind": "customer",
             "name": name, "content": f"{name} ({PHONE}) says the replacement part broke again"}
    if contact is not None:
        event["contact"] = contact
    return event


def register(store, received_at, registered_at, **kw):
    return store.register(received(received_at), registered_at, **kw)


def to_archived(start):
    """The events after registration up to `archived`, an hour apart from `start` (a general,
    simple case handled on time), as the Rust suite's `to_archived`."""
    t = dt.datetime.fromisoformat(start)
    step_due = (t + dt.timedelta(days=3)).date().isoformat()
    out = []
    for event in [
        {"type": "classified", "category": "product_quality", "department": "quality"},
        {"type": "assessed", "severity": "serious", "urgency": "normal", "complexity": "simple"},
        {"type": "team_formed", "members": [{"id": "h-1", "role": "department_head"},
                                            {"id": "t-1", "role": "technical_specialist"},
                                            {"id": "l-1", "role": "legal"}]},
        {"type": "investigation_planned", "steps": [{"description": "review records", "due": step_due,
                                                     "owner": "h-1"}]},
        {"type": "evidence_added", "kind": "interview", "signed": True, "interviewee": "complainant"},
        {"type": "progress_reported"},
        {"type": "plan_submitted", "analysis": "a", "responsibility": "r", "measures": "m",
         "time_points": [{"what": "w", "due": "2030-01-01"}]},
        {"type": "plan_approved", "by": "m-1", "role": "management"},
        {"type": "implementation_started"},
        {"type": "implementation_completed"},
        {"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "unsatisfied"},
        {"type": "follow_up_visited", "method": "phone", "satisfaction": "satisfied"},
        {"type": "closed"},
        {"type": "archived", "documents": ["registration_form", "investigation_record", "handling_plan",
                                           "result_report", "follow_up_record"]},
    ]:
        t += dt.timedelta(hours=1)
        out.append({**event, "at": t})
    return out


def archived_case(store, received_at, registered_at):
    r = register(store, received_at, registered_at)
    version = r.version
    for event in to_archived(registered_at):
        version = store.append(r.case, version, event).version
    return r.case, version


def day_before(case, schedule):
    """A reminder rule: one day before the next deadline."""
    due = [s.due for s in schedule.running() if s.due is not None]
    return min(due) - dt.timedelta(days=1) if due else None


# ---- opening -------------------------------------------------------------------------------


def test_open_names_its_backend_and_schema_never_its_target(target):
    with target.open(connections=2, wait=5, durability=Durability.GROUPED) as store:
        assert store.backend == target.backend
        assert store.schema_version() == SCHEMA_VERSION >= 1
        assert repr(store) == f"Store(backend='{store.backend}')"
        assert target.url not in repr(store) and target.url not in str(store)
        assert not store.closed
    assert store.closed and repr(store).endswith(", closed)")
    with pytest.raises(StoreError) as e:
        store.schema_version()
    assert e.value.code == "store.unavailable"
    store.close()  # twice: nothing happens


def test_open_takes_a_policy_set_and_timedelta_wait(target):
    policies = co.PolicySet([co.Policy()])
    with Store.open(target.url, policies, wait=dt.timedelta(seconds=2), durability="immediate") as store:
        assert register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00").number == co.ComplaintNumber.parse("25090001")


def test_bad_arguments_to_open(tmp_path):
    for bad in ["", "   ", ":memory:", "mysql://db/x", "sqlite:"]:
        with pytest.raises(StoreError) as e:
            Store.open(bad, co.Policy())
        assert e.value.code == "store.invalid_target", bad
    with pytest.raises(StoreError) as e:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/x", co.Policy(), wait=1)
    assert e.value.code == "store.unavailable"
    assert "secret" not in str(e.value) and "nobody" not in str(e.value)
    path = str(tmp_path / "x.db")
    with pytest.raises(TypeError):
        Store.open(path, "not a policy")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Store.open(path, co.Policy(), wait=-1)
    with pytest.raises(ValueError):
        Store.open(path, co.Policy(), durability="eventually")
    with pytest.raises(TypeError):
        Store.open(path, co.Policy(), reminders="not callable")  # type: ignore[arg-type]


def test_a_newer_schema_is_refused(target):
    with target.open():
        pass
    target.sql(f"INSERT INTO schema_version (version, description, applied_at) VALUES ({SCHEMA_VERSION + 1}, 'x', 0)")
    with pytest.raises(StoreError) as e:
        target.open()
    assert e.value.code == "store.schema_too_new"


# ---- registration --------------------------------------------------------------------------


def test_numbers_per_office_month(store):
    first = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", by="clerk-07")
    assert isinstance(first, Registered)
    assert (str(first.number), first.version, first.replayed) == ("25090001", 2, False)
    assert isinstance(first.number, co.ComplaintNumber)
    second = store.register(co.Event.from_json_value(received("2025-09-27T10:00:00+08:00")),
                            dt.datetime(2025, 9, 27, 11, tzinfo=CST))
    assert str(second.number) == "25090002"
    # An evening in UTC that is already October in Beijing.
    october = register(store, "2025-09-30T17:30:00Z", "2025-09-30T18:00:00Z")
    assert str(october.number) == "25100001"
    # Registered late, in October: numbered in its month of receipt.
    late = register(store, "2025-09-30T15:00:00+08:00", "2025-10-08T09:00:00+08:00")
    assert str(late.number) == "25090003"
    loaded = store.load(first.case)
    assert isinstance(loaded, StoredCase)
    assert (loaded.id, loaded.version) == (first.case, 2)
    assert loaded.case.status == co.Status.REGISTERED and loaded.case.number == first.number
    assert [e.kind for e in loaded.events] == [co.EventKind.RECEIVED, co.EventKind.REGISTERED]
    assert loaded.events[1].by == "clerk-07" and loaded.events[1].role == co.ActorRole.COMPLAINT_OFFICE
    assert loaded.head == co.history.head([{"event": e.to_json_value(), "hash": h.hash}
                                           for e, h in zip(loaded.events, co.history.chain(loaded.events))])
    assert store.find("25090003").id == late.case
    assert store.find(co.ComplaintNumber.parse("25100001")).id == october.case
    assert first.to_dict() == {"case": first.case, "number": "25090001", "version": 2, "replayed": False}


def test_refusals_take_no_number(target, store):
    with pytest.raises(co.TransitionError) as e:
        store.register(received("2025-09-26T10:00:00+08:00", contact=None), "2025-09-26T11:00:00+08:00")
    assert isinstance(e.value, StoreError) and isinstance(e.value, co.ComplaintOfficeError)
    assert (e.value.code, e.value.clause) == ("case.intake_incomplete", "§2.2.1")
    with pytest.raises(StoreError) as e:
        store.register({"type": "closed", "at": "2025-09-26T10:00:00+08:00"}, "2025-09-26T11:00:00+08:00")
    assert e.value.code == "case.not_received_first"
    with pytest.raises(StoreError) as e:  # registered before it was received
        register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T09:00:00+08:00")
    assert e.value.code == "case.time_reversed"
    assert target.int("SELECT count(*) FROM number_counters") == 0
    assert target.int("SELECT count(*) FROM cases") == 0
    assert str(register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00").number) == "25090001"
    # A malformed event is refused while it is read, before the store is called.
    with pytest.raises(co.EventError):
        store.register({"type": "received", "at": "2025-09-26"}, "2025-09-26T11:00:00+08:00")
    with pytest.raises(co.TimeError):
        register(store, "2025-09-26T10:00:00+08:00", dt.datetime(2025, 9, 26, 11))  # naive


def test_request_keys_are_idempotent(target, store):
    a = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", request_key="mail-1")
    again = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", request_key="mail-1")
    assert again.replayed and (again.case, again.number, again.version) == (a.case, a.number, a.version)
    b = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", request_key="mail-2")
    assert str(b.number) == "25090002"
    assert target.int("SELECT last_serial FROM number_counters") == 2
    # The key of a case received without a number cannot register a second one.
    store.receive(received("2025-09-26T10:00:00+08:00", contact=None), request_key="call-1")
    with pytest.raises(StoreError) as e:
        register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", request_key="call-1")
    assert e.value.code == "store.request_key_in_use" and type(e.value) is StoreError


def test_one_request_key_from_four_threads_registers_once(target):
    stores = [target.open(connections=1) for _ in range(4)]
    barrier = threading.Barrier(4)
    results = [None] * 4

    def go(i):
        barrier.wait()
        results[i] = register(stores[i], "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00",
                              request_key="retry-me")

    threads = [threading.Thread(target=go, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    assert len({(r.case, str(r.number)) for r in results}) == 1
    assert sorted(r.replayed for r in results) == [False, True, True, True]
    assert target.int("SELECT count(*) FROM cases") == 1


def test_receive_then_register(target, store):
    r = store.receive(received("2025-09-26T10:00:00+08:00", contact=None), request_key="call-1")
    assert isinstance(r, Received) and (r.version, r.replayed) == (1, False)
    with pytest.raises(co.TransitionError) as e:  # the contact is missing
        store.register_received(r.case, 1, "2025-09-26T10:30:00+08:00")
    assert e.value.code == "case.intake_incomplete"
    assert target.int("SELECT count(*) FROM number_counters") == 0
    asked = store.append(r.case, 1, {"type": "information_requested", "at": "2025-09-26T10:40:00+08:00",
                                     "fields": ["contact"]})
    assert isinstance(asked, Appended) and asked.status == co.Status.AWAITING_INFORMATION
    store.append(r.case, 2, {"type": "information_supplied", "at": "2025-09-29T09:00:00+08:00",
                             "contact": PHONE})
    with pytest.raises(StoreError) as e:
        store.register_received(r.case, 2, "2025-09-29T10:00:00+08:00", by="clerk-1")
    assert e.value.code == "store.conflict"
    registered = store.register_received(r.case, 3, "2025-09-29T10:00:00+08:00", by="clerk-1")
    assert (str(registered.number), registered.version) == ("25090001", 4)
    assert store.load(r.case).case.status == co.Status.REGISTERED
    with pytest.raises(co.TransitionError) as e:
        store.register_received(r.case, 4, "2025-09-29T11:00:00+08:00")
    assert e.value.code == "case.transition_not_allowed"
    with pytest.raises(StoreError) as e:
        store.register_received(999_999, 1, "2025-09-29T11:00:00+08:00")
    assert e.value.code == "store.not_found"
    again = store.receive(received("2025-09-26T10:00:00+08:00"), request_key="call-1")
    assert again.replayed and again.case == r.case


# ---- appends -------------------------------------------------------------------------------


def test_appends_and_their_errors(store):
    r = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
    version = r.version
    for event in to_archived("2025-09-26T11:00:00+08:00"):
        appended = store.append(r.case, version, event)
        assert appended.version == version + 1
        version = appended.version
    assert appended.status == co.Status.ARCHIVED and appended.to_dict() == {"version": 16, "status": "archived"}
    loaded = store.load(r.case)
    assert loaded.version == 16 and loaded.case.status == co.Status.ARCHIVED
    # The library judges every append: destruction before the retention ended.
    with pytest.raises(co.ArchiveError) as e:
        store.append(r.case, version, {"type": "destroyed", "at": "2025-10-01T10:00:00+08:00"})
    assert isinstance(e.value, StoreError)
    assert (e.value.code, e.value.clause) == ("archive.retention_not_expired", "§6.2.2")
    with pytest.raises(co.TransitionError) as e:
        store.append(r.case, version, {"type": "plan_approved", "at": "2025-10-01T10:00:00+08:00",
                                       "by": "m-1", "role": "management"})
    assert isinstance(e.value, StoreError) and e.value.code == "case.transition_not_allowed"
    with pytest.raises(StoreError) as e:
        store.append(r.case, version - 1, {"type": "progress_reported", "at": "2025-10-01T10:00:00+08:00"})
    assert e.value.code == "store.conflict" and type(e.value) is StoreError
    assert "saw version 15" in str(e.value) and "at version 16" in str(e.value)
    with pytest.raises(StoreError) as e:
        store.append(r.case, version, {"type": "registered", "at": "2025-10-01T10:00:00+08:00",
                                       "number": "25090009"})
    assert e.value.code == "store.registration_through_append"
    with pytest.raises(StoreError) as e:
        store.append(424242, 2, {"type": "progress_reported", "at": "2025-10-01T10:00:00+08:00"})
    assert e.value.code == "store.not_found"
    with pytest.raises(StoreError) as e:
        store.find("25099999")
    assert e.value.code == "store.not_found"
    assert store.load(r.case).version == 16, "nothing written by the refusals"


def test_two_threads_appending_the_same_version_exactly_one_wins(target):
    with target.open() as setup:
        r = register(setup, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
    rounds = 30
    barrier = threading.Barrier(2)
    outcomes = [[], []]
    stores = [target.open(connections=1), target.open(connections=1)]

    def writer(w):
        for n in range(rounds):
            at = dt.datetime(2025, 9, 26, 11, tzinfo=CST) + dt.timedelta(minutes=n + 1)
            event = {"type": "progress_reported", "at": at, "note": f"writer {w}"}
            barrier.wait()
            try:
                outcomes[w].append(stores[w].append(r.case, 2 + n, event).version)
            except StoreError as e:
                outcomes[w].append(e)

    threads = [threading.Thread(target=writer, args=(w,)) for w in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in stores:
        s.close()
    for n, results in enumerate(zip(*outcomes)):
        won = [x for x in results if not isinstance(x, StoreError)]
        lost = [x for x in results if isinstance(x, StoreError)]
        assert won == [3 + n] and len(lost) == 1, (n, results)
        assert lost[0].code == "store.conflict"
    with target.open() as check:
        loaded = check.load(r.case)
    assert loaded.version == 2 + rounds
    assert sum(e.kind == co.EventKind.PROGRESS_REPORTED for e in loaded.events) == rounds


def test_the_gil_is_released_during_database_calls(target):
    """With a long switch interval, the main thread runs while the worker is inside the store's
    calls only if they released the GIL (as test_batch and test_office check)."""
    with target.open() as store:
        old = sys.getswitchinterval()
        sys.setswitchinterval(30)
        try:
            entered, done = threading.Event(), threading.Event()

            def work():
                entered.set()
                for i in range(40):
                    register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
                store.due(None, "2100-01-01T00:00:00+08:00", 1000)
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


# ---- tampering -----------------------------------------------------------------------------


def test_an_edited_row_is_found_on_load(target, store):
    cases = []
    for i in range(3):
        r = register(store, f"2025-09-26T1{i}:00:00+08:00", f"2025-09-26T1{i}:30:00+08:00")
        events = to_archived(f"2025-09-26T1{i}:30:00+08:00")
        store.append(r.case, 2, events[0])
        store.append(r.case, 3, events[1])
        cases.append(r)
    # Append-only: the database itself refuses to rewrite history.
    with pytest.raises(RuntimeError, match="append-only"):
        target.sql(f"UPDATE events SET hash = hash WHERE case_id = {cases[0].case}")
    with pytest.raises(RuntimeError, match="append-only"):
        target.sql(f"DELETE FROM events WHERE case_id = {cases[0].case}")
    target.disable_append_only()

    # The category of event 2 edited.
    target.sql("UPDATE events SET event = replace(event, 'product_quality', 'service_attitude') "
               f"WHERE case_id = {cases[0].case} AND seq = 2")
    with pytest.raises(co.HistoryError) as e:
        store.load(cases[0].case)
    assert isinstance(e.value, StoreError)
    assert (e.value.code, e.value.index, e.value.clause) == ("history.chain_broken", 2, "§6.1.2")
    with pytest.raises(co.HistoryError) as e:  # and by number, and before an append
        store.find(cases[0].number)
    assert e.value.index == 2
    with pytest.raises(co.HistoryError):
        store.append(cases[0].case, 4, {"type": "progress_reported", "at": "2025-09-27T09:00:00+08:00"})

    # A personal field of the first event: the phone number changed.
    target.sql(f"UPDATE events SET event = replace(event, '{PHONE}', '13900000000') "
               f"WHERE case_id = {cases[1].case} AND seq = 0")
    with pytest.raises(co.HistoryError) as e:
        store.load(cases[1].case)
    assert (e.value.code, e.value.index) == ("history.chain_broken", 0)
    assert PHONE not in str(e.value) and "13900000000" not in str(e.value) and NAME not in str(e.value)

    # The last event deleted: the chain ends before the head kept with the case.
    target.sql(f"DELETE FROM events WHERE case_id = {cases[2].case} AND seq = 3")
    with pytest.raises(co.HistoryError) as e:
        store.load(cases[2].case)
    assert (e.value.code, e.value.index) == ("history.head_mismatch", 3)
    # A tampered case stops a reindex, by its code.
    with pytest.raises(co.HistoryError):
        store.reindex()

    # The errors survive pickling (a worker process reporting to its parent).
    copy = pickle.loads(pickle.dumps(e.value))
    assert isinstance(copy, co.HistoryError) and isinstance(copy, StoreError)
    assert (copy.code, copy.index, str(copy)) == (e.value.code, e.value.index, str(e.value))


# ---- the index: due, reminders, sweep, ledger ----------------------------------------------


def test_due_windows(store):
    a = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
    b = register(store, "2025-09-29T10:00:00+08:00", "2025-09-29T11:00:00+08:00")
    c = store.receive(received("2025-09-30T10:00:00+08:00", contact=None))
    due = store.due(None, "2025-12-31T00:00:00+08:00", 100)
    assert all(isinstance(d, DueCase) for d in due)
    assert [(d.case, d.stage, d.due.isoformat()) for d in due] == [
        (c.case, co.Stage.REGISTRATION, "2025-10-10T00:00:00+08:00"),
        (a.case, co.Stage.PLAN, "2025-10-12T00:00:00+08:00"),  # 15 days: 11 Oct, a make-up working Saturday
        (b.case, co.Stage.PLAN, "2025-10-15T00:00:00+08:00"),
    ]
    assert due[0].number is None and str(due[1].number) == "25090001"
    assert due[1].due.utcoffset() == dt.timedelta(hours=8)
    assert due[1].to_dict() == {"case": a.case, "number": "25090001", "stage": "plan",
                                "due": "2025-10-12T00:00:00+08:00"}

    def window(start, end):
        return [d.case for d in store.due(start, end, 100)]

    # [start, end): the start is in, the end is out.
    assert window("2025-10-12T00:00:00+08:00", "2025-10-15T00:00:00+08:00") == [a.case]
    assert window(dt.datetime(2025, 10, 12, 0, 0, 1, tzinfo=CST),
                  dt.datetime(2025, 10, 15, 0, 0, 1, tzinfo=CST)) == [b.case]
    assert window("2025-10-09T00:00:00+08:00", "2025-10-09T00:00:00+08:00") == []
    assert len(store.due(None, "2025-12-31T00:00:00+08:00", 2)) == 2
    # Each listed due instant is the library's own schedule of the stored case.
    for d in due:
        case = store.load(d.case).case
        running = [s for s in case.schedule(case.last_event_at).running() if s.due]
        nearest = min(running, key=lambda s: s.due)
        assert (nearest.stage, nearest.due) == (d.stage, d.due)
    # Waiting for the complainant pauses the registration clock: out of every window.
    store.append(c.case, 1, {"type": "information_requested", "at": "2025-09-30T11:00:00+08:00",
                             "fields": ["contact"]})
    assert window("2000-01-01T00:00:00+08:00", "2100-01-01T00:00:00+08:00") == [a.case, b.case]
    # A closed case leaves the index.
    version = a.version
    for event in to_archived("2025-09-26T11:00:00+08:00"):
        version = store.append(a.case, version, event).version
    assert window("2000-01-01T00:00:00+08:00", "2100-01-01T00:00:00+08:00") == [b.case]


def test_reminder_windows_and_reindex(target):
    with target.open() as plain:
        a = register(plain, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
        b = register(plain, "2025-09-29T10:00:00+08:00", "2025-09-29T11:00:00+08:00")
        assert plain.reminders(None, "2100-01-01T00:00:00+08:00", 100) == [], "no rule, no reminders"
    with target.open(reminders=day_before) as store:
        assert store.reminders(None, "2100-01-01T00:00:00+08:00", 100) == [], "filled when recomputed"
        assert store.reindex() == 2
        assert store.reindex() == 0, "nothing left to change"
        listed = store.reminders(None, "2100-01-01T00:00:00+08:00", 100)
        assert all(isinstance(r, ReminderCase) for r in listed)
        assert [(r.case, r.at.isoformat()) for r in listed] == [
            (a.case, "2025-10-11T00:00:00+08:00"),
            (b.case, "2025-10-14T00:00:00+08:00"),
        ]
        assert str(listed[0].number) == "25090001"
        window = store.reminders("2025-10-12T00:00:00+08:00", "2025-10-20T00:00:00+08:00", 100)
        assert [r.case for r in window] == [b.case]
        assert len(store.reminders(None, "2100-01-01T00:00:00+08:00", 1)) == 1
        # New writes fill it at once; the rule sees the case and its schedule.
        seen = []

        def rule(case, schedule):
            seen.append((case.status, len(schedule)))
            return day_before(case, schedule)

    with target.open(reminders=rule) as store:
        c = register(store, "2025-09-30T10:00:00+08:00", "2025-09-30T11:00:00+08:00")
        assert seen and seen[-1][0] == co.Status.REGISTERED
        assert c.case in [r.case for r in store.reminders(None, "2100-01-01T00:00:00+08:00", 100)]


def test_a_failing_reminder_rule_does_not_stop_the_write(target, monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "unraisablehook", reported.append)

    def broken(case, schedule):
        raise RuntimeError("rule bug")

    with target.open(reminders=broken) as store:
        r = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
        assert store.load(r.case).version == 2
        assert store.reminders(None, "2100-01-01T00:00:00+08:00", 100) == []
    assert reported and isinstance(reported[0].exc_value, RuntimeError)
    with target.open(reminders=lambda case, schedule: "not an instant") as store:
        register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
    assert isinstance(reported[-1].exc_value, co.TimeError)


def test_retention_sweep(store):
    ids = [archived_case(store, f"2025-09-26T0{i}:00:00+08:00", f"2025-09-26T0{i}:30:00+08:00") for i in range(3)]

    def approve(at):
        return {"type": "destruction_approved", "at": at, "by": "ceo-1", "role": "leadership"}

    store.append(ids[0][0], ids[0][1], approve("2028-09-27T09:00:00+08:00"))
    store.append(ids[2][0], ids[2][1], {"type": "legal_hold_placed", "at": "2026-01-05T09:00:00+08:00",
                                        "reason": "lawsuit"})

    def sweep(on):
        swept = store.retention_sweep(on)
        assert all(isinstance(s, SweptCase) and isinstance(s.entry, co.SweepEntry) for s in swept)
        return [(s.case, s.entry.status, s.entry.expires_on) for s in swept]

    # Archived on Friday 2025-09-26 (retention 3 years): the last day is Tuesday 2028-09-26.
    assert sweep(dt.date(2028, 9, 26)) == []
    expires = dt.date(2028, 9, 26)
    assert sweep("2028-09-27") == [
        (ids[0][0], co.SweepStatus.MAY_DESTROY, expires),
        (ids[1][0], co.SweepStatus.AWAITING_APPROVAL, expires),
        (ids[2][0], co.SweepStatus.HELD, expires),
    ]
    # Destroying one is an append the library judges; it then leaves the sweep.
    store.append(ids[0][0], ids[0][1] + 1, {"type": "destroyed", "at": "2028-09-28T10:00:00+08:00"})
    assert store.load(ids[0][0]).case.status == co.Status.DESTROYED
    assert [s[0] for s in sweep("2028-11-02")] == [ids[1][0], ids[2][0]]


def test_ledger_to_report(store):
    archived_case(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00")
    b = register(store, "2025-10-08T10:00:00+08:00", "2025-10-08T11:00:00+08:00")
    store.append(b.case, 2, {"type": "classified", "at": "2025-10-08T12:00:00+08:00", "category": "service_attitude"})
    register(store, "2025-10-09T10:00:00+08:00", "2025-10-09T11:00:00+08:00")  # not classified: not counted
    out = register(store, "2025-11-02T10:00:00+08:00", "2025-11-02T11:00:00+08:00")
    store.append(out.case, 2, {"type": "classified", "at": "2025-11-02T12:00:00+08:00", "category": "product_quality"})

    records = store.ledger_records("2025-09-01T00:00:00+08:00", "2025-11-01T00:00:00+08:00")
    assert [(str(r.number), r.category, r.department, r.channel, r.severity, r.satisfied) for r in records] == [
        ("25090001", "product_quality", "quality", "hotline", "serious", True),
        ("25100001", "service_attitude", "customer_service", "hotline", None, None),
    ]
    assert records[0].closed_at == dt.datetime(2025, 9, 27, tzinfo=CST)
    ledger = store.ledger(dt.datetime(2025, 9, 1, tzinfo=CST), dt.datetime(2025, 12, 1, tzinfo=CST))
    assert isinstance(ledger, stats.Ledger) and len(ledger) == 3
    report = ledger.report("month")
    assert [(str(p.period), p.total) for p in report.periods] == [("2025-09", 1), ("2025-10", 1), ("2025-11", 1)]
    assert report.periods[0].satisfaction_rate == 1.0
    # Nothing personal in the ledger.
    text = repr(ledger.records()) + repr(report.to_dict())
    assert "25090001" in text and NAME not in text and PHONE not in text


# ---- what prints ---------------------------------------------------------------------------


def test_no_personal_data_in_reprs_or_errors(store):
    r = register(store, "2025-09-26T10:00:00+08:00", "2025-09-26T11:00:00+08:00", request_key="mail-1")
    loaded = store.load(r.case)
    due = store.due(None, "2100-01-01T00:00:00+08:00", 10)
    shown = [repr(r), repr(loaded), str(loaded), repr(due), repr(store),
             repr(store.receive(received("2025-09-26T10:00:00+08:00", contact=None)))]
    assert repr(loaded) == "StoredCase(id=1, version=2, status='registered', number='25090001')"
    assert repr(due[0]) == "DueCase(case=1, number='25090001', stage='plan', due='2025-10-12T00:00:00+08:00')"
    errors = []
    for call in [lambda: store.register(received("2025-09-26T10:00:00+08:00", contact=None), "2025-09-26T11:00:00+08:00"),
                 lambda: store.append(r.case, 1, received("2025-09-26T10:00:00+08:00")),
                 lambda: store.append(r.case, 2, received("2025-09-26T10:00:00+08:00"))]:
        with pytest.raises(StoreError) as e:
            call()
        errors.append(str(e.value))
    for text in shown + errors:
        assert NAME not in text and PHONE not in text, text


# ---- the worked example --------------------------------------------------------------------


def test_the_intake_handler_example_runs_on_this_backend(target):
    done = subprocess.run([sys.executable, str(EXAMPLE), target.url], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert '"number": "25090001"' in done.stdout and "daily sweep" in done.stdout
    for personal in ["李小龍", "13812345678", "zhang.san@example.com", "张三", "李四"]:
        assert personal not in done.stdout
