"""The office at work from Python (issue 18): a Caseload from stored histories or replayed
cases, its worklist with the §1.3.4 views, reminders over consecutive windows, and the
statistics ledger with its indicators."""

import datetime as dt
import json
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import complaint_office as co
from complaint_office import testing as cot
from complaint_office.office import Actor, Caseload

CST = dt.timezone(dt.timedelta(hours=8))
NAME, PHONE = "張三", "13812345678"


def received(at, **extra):
    return {"type": "received", "at": at, "channel": "hotline", "complainant_kind": "customer",
            "name": NAME, "contact": PHONE, "content": f"{NAME} says the part broke", **extra}


def registered(at, number):
    return {"type": "registered", "at": at, "number": number}


def classified(at, category="product_quality"):
    return {"type": "classified", "at": at, "category": category}


def assessed(at, severity="general", urgency="normal"):
    return {"type": "assessed", "at": at, "severity": severity, "urgency": urgency, "complexity": "simple"}


HISTORIES = [
    {"key": "crm-1", "complainant_key": "k-a", "events": [
        received("2025-09-26T10:00:00+08:00"), registered("2025-09-26T11:00:00+08:00", "25090001"),
        classified("2025-09-26T12:00:00+08:00"), assessed("2025-09-26T12:05:00+08:00")]},
    [received("2025-10-20T09:00:00+08:00"), registered("2025-10-20T09:30:00+08:00", "25100001"),
     classified("2025-10-20T09:40:00+08:00", "service_attitude"),
     assessed("2025-10-20T09:45:00+08:00", "serious", "urgent")],
    [received("2025-10-20T16:00:00+08:00")],
    [received("2025-10-20T16:00:00+08:00"), received("2025-10-20T16:00:00+08:00")],
]
NOW = dt.datetime(2025, 10, 22, 10, tzinfo=CST)


@pytest.fixture(scope="module")
def caseload():
    return Caseload.replay(co.Policy(), HISTORIES)


def test_histories_as_stored_lists_json_and_event_objects_agree(caseload):
    as_json = Caseload.replay(co.Policy(), json.dumps(HISTORIES, ensure_ascii=False))
    as_events = Caseload.replay(co.Policy(), [
        {**h, "events": [co.Event.from_json_value(e) for e in h["events"]]} if isinstance(h, dict)
        else [json.dumps(e) for e in h]
        for h in HISTORIES
    ])
    want = caseload.worklist(NOW, "office").to_dict()
    assert as_json.worklist(NOW, "office").to_dict() == want
    assert as_events.worklist(NOW, "office").to_dict() == want
    assert len(caseload) == 3
    assert [(r.index, r.code, r.event) for r in caseload.refused] == [(3, "case.not_received_first", 1)]
    assert caseload.get(3) is None and str(caseload.get(0).number) == "25090001"
    assert [i for i, _ in caseload.cases()] == [0, 1, 2]


def test_a_caseload_of_replayed_cases_keeps_the_hosts_keys():
    cases = [co.Case.replay(co.Policy(), h["events"] if isinstance(h, dict) else h) for h in HISTORIES[:3]]
    caseload = Caseload.from_cases(cases)
    assert len(caseload) == 3 and caseload.refused == []
    pushed = Caseload()
    assert [pushed.push(c, key=f"crm-{i}", complainant_key="k") for i, c in enumerate(cases)] == [0, 1, 2]
    ids = {r.id.split("/")[0] for r in pushed.reminders("2025-09-26T00:00:00+08:00", "2025-11-30T00:00:00+08:00")}
    assert ids <= {"crm-0", "crm-1", "crm-2"} and ids
    assert {r.complainant_key for r in pushed.records(NOW)} == {"k"}
    with pytest.raises(TypeError):
        Caseload.from_cases([{"type": "received"}])


def test_the_worklist_in_working_order_with_the_views_applied(caseload):
    office = caseload.worklist(NOW, co.privacy.Role.OFFICE)
    first = office.entries[0]
    # The urgent, serious complaint whose emergency procedure has not started (§2.2.4).
    assert first.emergency and first.act is Actor.COMPLAINT_OFFICE and first.index == 1
    assert first.status is co.Status.REGISTERED and first.stage is co.Stage.EMERGENCY_START
    assert first.state is co.SlaState.OVERDUE and first.late_seconds > 0
    assert first.track is co.Track.GENERAL and isinstance(first.due, dt.datetime)
    assert first.due.utcoffset() == dt.timedelta(hours=8) and isinstance(first.last_day, dt.date)
    assert first.complainant.complainant_name == NAME
    assert NAME not in repr(first) and PHONE not in repr(first) and NAME not in str(office)
    assert [e.index for e in office] == [e.index for e in office.entries] and len(office) == 3
    assert office.counts.total == 3 and office.counts.by_actor == {"complaint_office": 3}
    department = caseload.worklist(NOW, "department", department="quality")
    assert [e.key for e in department] == ["crm-1"]
    assert all(e.complainant is None for e in department)
    assert caseload.worklist(NOW, "statistics", role=Actor.MANAGEMENT).entries == []


def test_bad_arguments_raise_coded_errors(caseload):
    with pytest.raises(co.PrivacyError) as e:
        caseload.worklist(NOW, "ceo")
    assert e.value.code == "privacy.unknown_role"
    with pytest.raises(co.OfficeError) as e:
        caseload.worklist(NOW, "office", role="ceo")
    assert e.value.code == "office.unknown_actor"
    with pytest.raises(co.OfficeError) as e:
        caseload.reminders(NOW, NOW - dt.timedelta(seconds=1))
    assert e.value.code == "office.invalid_window"
    for not_a_list in ({"events": []}, "{}", "not json"):
        with pytest.raises(co.OfficeError) as e:
            Caseload.replay(co.Policy(), not_a_list)
        assert e.value.code == "office.invalid_caseload"
    with pytest.raises(co.TimeError) as e:
        caseload.worklist(dt.datetime(2025, 10, 22, 10), "office")
    assert e.value.code == "time.missing_offset"
    with pytest.raises(TypeError):
        Caseload.replay(co.Policy(), b"[]")


def test_reminders_explain_themselves(caseload):
    day = caseload.reminders("2025-10-21T00:00:00+08:00", "2025-10-22T00:00:00+08:00")
    assert day and all(r.at.time() >= dt.time(9) for r in day)
    r = day[0]
    assert r.stage is co.Stage.REGISTRATION and r.to is Actor.COMPLAINT_OFFICE
    assert r.id == f"received-20251020T080000Z/registration/{r.round}/{r.rung}"
    assert r.moved == (r.at != r.placed_at) and r.clause == "§2.2.1"
    assert r.to_dict()["at"] == r.at.isoformat()


def test_the_ledger_and_its_indicators(caseload):
    ledger = caseload.ledger(NOW)
    assert ledger.has_case_columns
    rows = ledger.records()
    assert [str(r.number) for r in rows] == ["25090001", "25100001"]
    assert rows[0].complainant_key == "k-a" and rows[0].outcome == "open" and rows[0].track == "general"
    assert rows[0].registration.on_time and rows[0].plan.met_at is None
    assert rows[0].to_dict(case_columns=True)["plan"]["met_at"] is None
    assert "plan" not in rows[0].to_dict()
    assert [(r.line, r.code) for r in ledger.rejected] == [(3, "stats.missing_value"), (4, "case.not_received_first")]
    report = ledger.report("month")
    september = report.periods[0].indicators
    assert september.on_time["registration"].rate == 1.0
    october = report.periods[1].indicators
    assert october.on_time["plan"].overdue == 1  # the plan of 25090001 fell due on 12 October
    assert report.indicators.by_outcome == {"open": 2}
    assert report.overview["indicators"]["by_outcome"] == {"open": 2}
    assert report.to_dict()["periods"][1]["on_time"]["plan"] == october.on_time["plan"].to_dict()


def test_a_classic_ledger_has_no_indicators():
    report = co.stats.Ledger.from_records([co.stats.Record("25010001", "2025-01-02T09:00:00+08:00", "a", "b")]).report()
    assert report.periods[0].indicators is None and report.indicators is None
    assert "on_time" not in report.to_dict()["periods"][0]


def test_calls_from_threads_agree(caseload):
    want = caseload.worklist(NOW, "office").to_dict()
    results = []
    threads = [threading.Thread(target=lambda: results.append(caseload.worklist(NOW, "office").to_dict()))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [want] * 4


def test_the_gil_is_released_over_a_caseload():
    """With a long switch interval, the main thread can run while the worker is inside the
    caseload's calls only if they released the GIL (as test_batch checks for the calendar)."""
    cases = [co.Case.replay(co.Policy(), h["events"] if isinstance(h, dict) else h) for h in HISTORIES[:3]]
    big = Caseload.from_cases(cases * 20_000)
    old = sys.getswitchinterval()
    sys.setswitchinterval(30)
    try:
        entered, done = threading.Event(), threading.Event()

        def work():
            entered.set()
            big.worklist(NOW, "statistics")
            big.ledger(NOW)
            big.reminders("2025-10-21T00:00:00+08:00", "2025-10-21T09:00:00+08:00")
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


@settings(max_examples=30, deadline=None)
@given(st.lists(cot.case_histories(max_events=12), min_size=1, max_size=4), st.data())
def test_consecutive_windows_give_each_reminder_exactly_once(histories, data):
    """Issue 18 item 2: a scheduler asking for [t0, t1), [t1, t2), … gets every reminder of
    [t0, tn) once, none twice, none lost, whatever the windows' sizes."""
    caseload = Caseload.replay(co.Policy(), [{"key": f"case-{i}", "events": h} for i, h in enumerate(histories)])
    assert caseload.refused == []
    start = min(c.received_at for _, c in caseload.cases()) - dt.timedelta(hours=data.draw(st.integers(0, 48)))
    minutes = data.draw(st.integers(1, 120 * 24 * 60))
    cuts = sorted(set(data.draw(st.lists(st.integers(0, minutes), max_size=25))))
    points = [start] + [start + dt.timedelta(minutes=m) for m in cuts] + [start + dt.timedelta(minutes=minutes)]
    pieces = []
    for a, b in zip(points, points[1:]):
        window = caseload.reminders(a, b)
        assert all(a <= r.at < b for r in window)
        pieces.extend(window)
    whole = caseload.reminders(points[0], points[-1])
    assert [r.to_dict() for r in pieces] == [r.to_dict() for r in whole]
    assert [r.at for r in whole] == sorted(r.at for r in whole)


def test_caseload_from_histories_and_json_are_replay():
    policy = co.Policy()
    by_replay = Caseload.replay(policy, HISTORIES)
    for caseload in (Caseload.from_histories(policy, HISTORIES),
                     Caseload.from_json(policy, json.dumps(HISTORIES))):
        assert len(caseload) == len(by_replay)
        assert [(r.index, r.code) for r in caseload.refused] == [(r.index, r.code) for r in by_replay.refused]
        assert [i for i, _ in caseload.cases()] == [i for i, _ in by_replay.cases()]
    with pytest.raises(co.errors.OfficeError) as e:
        Caseload.from_json(policy, "{not json")
    assert e.value.code == "office.invalid_caseload"
    with pytest.raises(co.errors.OfficeError):
        Caseload.from_json(policy, '{"events": []}')


def test_caseload_push_history_and_replay_in():
    policy = co.Policy()
    caseload = Caseload()
    good = [received("2025-09-01T10:00:00+08:00"), registered("2025-09-01T11:00:00+08:00", "25090001")]
    assert caseload.push_history(policy, good, key="crm-9", complainant_key="k-z") == 0
    assert caseload.push_history(policy, [registered("2025-09-01T11:00:00+08:00", "25090002")], key="crm-10") == 1
    assert len(caseload) == 1
    assert [(r.index, r.key, r.code) for r in caseload.refused] == [(1, "crm-10", "case.not_received_first")]
    assert caseload.get(0).number == co.ComplaintNumber.parse("25090001")
    assert caseload.push_history(policy, json.dumps(good)) == 2
    with pytest.raises(co.ComplaintOfficeError) as e:
        caseload.push_history(policy, [{"type": "no_such_event"}])
    assert e.value.index == 0

    old = co.Policy.from_toml_str('name = "2024"\neffective_from = "2024-01-01"')
    new = co.Policy.from_toml_str('name = "2025"\neffective_from = "2025-06-01"')
    policies = co.PolicySet([old, new])
    early = [received("2023-05-01T10:00:00+08:00")]
    caseload = Caseload.replay_in(policies, [good, early, json.dumps(good)])
    assert len(caseload) == 2
    assert caseload.get(0).policy.name == "2025"
    assert [(r.index, r.code) for r in caseload.refused] == [(1, "case.no_policy")]


def test_actor_for_status():
    from complaint_office.office import actor_for_status
    from complaint_office.case import Status
    assert actor_for_status("plan_drafted") is Actor.MANAGEMENT
    assert actor_for_status(Status.REGISTERED) is Actor.COMPLAINT_OFFICE
    # the worklist's `act` is this function of the status
    caseload = Caseload.replay(co.Policy(), HISTORIES)
    for entry in caseload.worklist("2025-09-22T09:00:00+08:00", view="department").entries:
        assert entry.act is actor_for_status(entry.status)
    with pytest.raises(co.ComplaintOfficeError) as e:
        actor_for_status("asleep")
    assert e.value.code == "case.unknown_status"


def test_ledger_with_as_of_judges_the_time_limits_then():
    def history(at, number):
        return [received(at), registered(at, number)]

    caseload = Caseload.replay(co.Policy(), [history("2025-09-01T10:00:00+08:00", "25090001"),
                                             history("2025-09-20T10:00:00+08:00", "25090002")])
    ledger = caseload.ledger("2025-09-30T18:00:00+08:00")

    def plan(ledger):
        return ledger.report("month").periods[0].indicators.on_time["plan"]

    assert (plan(ledger).due, plan(ledger).overdue) == (1, 1)
    same = ledger.with_as_of(dt.datetime(2025, 9, 30, 18, tzinfo=CST))
    assert same.report("month").to_dict() == ledger.report("month").to_dict()
    early = ledger.with_as_of("2025-09-10T00:00:00+08:00")
    assert (plan(early).due, plan(early).overdue) == (0, 0)
    assert len(early) == len(ledger)
    assert plan(ledger).overdue == 1  # the original is unchanged
    with pytest.raises(co.ComplaintOfficeError):
        ledger.with_as_of("2025-09-10T00:00:00")  # no offset
