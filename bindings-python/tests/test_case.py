"""The case lifecycle through the Python API."""

import datetime as dt

import pytest

import complaint_office as co

CST = dt.timezone(dt.timedelta(hours=8))
RECEIVED = {
    "type": "received", "at": dt.datetime(2025, 9, 26, 10, tzinfo=CST), "channel": co.Channel.HOTLINE,
    "complainant_kind": co.ComplainantKind.CUSTOMER, "name": "張三", "contact": "13812345678",
    "content": "The replacement part broke again.",
}


def test_apply_and_refuse():
    case = co.Case.open(co.Policy(), RECEIVED)
    assert case.status is co.Status.RECEIVED
    assert co.EventKind.REGISTERED in case.allowed_next()
    with pytest.raises(co.TransitionError) as e:
        case.apply({"type": "closed", "at": "2025-09-26T11:00:00+08:00"})
    assert e.value.code == "case.transition_not_allowed"
    assert case.status is co.Status.RECEIVED  # unchanged
    case.apply(co.Event.from_json_str('{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}'))
    assert case.number == co.ComplaintNumber(2025, 9, 1)
    assert case.registered_at == dt.datetime(2025, 9, 26, 11, tzinfo=CST)


def test_schedule_and_compliance():
    case = co.Case.replay(co.Policy(), [
        RECEIVED, {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}
    ])
    schedule = case.schedule(dt.datetime(2025, 10, 13, 9, tzinfo=CST))
    plan = schedule.stage("plan")
    assert plan.last_day == dt.date(2025, 10, 11)
    assert plan.state is co.SlaState.OVERDUE
    assert [s.stage for s in schedule.overdue()] == [co.Stage.PLAN]
    report = case.compliance("2025-10-13T09:00:00+08:00")
    assert "plan_on_time" in [c.rule for c in report.violations()]
    assert report.check("plan_on_time").clause == "§4.1.2"
    assert report.to_dict()["violations"] == [c.rule for c in report.violations()]


def test_stages_name_their_calendar_and_a_provisional_deadline_is_a_finding_without_clause():
    policy = co.Policy.from_toml_str(
        '[[calendars]]\nname = "hotline"\nbase = "every_day"\n'
        '[calendar_of]\nchannels = { hotline = "hotline" }\n'
        '[deadlines]\nregistration = "3 working days"\n'
    )
    late = {**RECEIVED, "at": dt.datetime(2026, 12, 29, 10, tzinfo=CST)}
    hotline = co.Case.replay(policy, [late]).schedule("2026-12-29T12:00:00+08:00").stage("registration")
    assert (hotline.calendar, hotline.last_day, hotline.provisional) == ("hotline", dt.date(2027, 1, 1), False)
    assert hotline.to_dict()["calendar"] == "hotline"
    email = {**late, "channel": co.Channel.EMAIL, "contact": "a@example.com", "subject": "投訴"}
    case = co.Case.replay(policy, [email])
    office = case.schedule("2026-12-29T12:00:00+08:00").stage("registration")
    assert (office.calendar, office.last_day, office.provisional) == ("default", dt.date(2027, 1, 4), True)
    report = case.compliance("2026-12-29T12:00:00+08:00")
    check = report.check("provisional_days")
    assert (check.clause, check.result) == (None, co.CheckResult.FINDING)
    assert "2027-01-04" in check.detail
    assert [c.rule for c in report.findings()] == ["provisional_days"]
    assert report.to_dict()["checks"][-1] == {"rule": "provisional_days", "clause": None, "result": "finding"}
    assert "clause=None" in repr(check)


def test_replay_json_and_policy_sets():
    import json

    events = [
        {**RECEIVED, "at": "2025-09-26T10:00:00+08:00"},
        {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
    ]
    a = co.Case.replay_json(co.Policy(), json.dumps(events))
    # The README's `co.Case.replay(co.Policy(), events)  # dicts, JSON text or Events`:
    # the history as JSON text, as a list of JSON texts, of dicts, or of Events.
    for history in (
        json.dumps(events),
        [json.dumps(e) for e in events],
        events,
        [co.Event.from_json_value(e) for e in events],
    ):
        replayed = co.Case.replay(co.Policy(), history)
        assert (replayed.status, str(replayed.number)) == (co.Status.REGISTERED, "25090001")
    with pytest.raises(co.EventError) as e:
        co.Case.replay(co.Policy(), "{not json")
    assert e.value.code == "case.invalid_event"
    s = co.PolicySet([co.Policy.from_json_value({"effective_from": "2025-01-01", "name": "2025"})])
    b = co.Case.replay_in(s, events)
    assert b.policy.name == "2025"
    assert a.status == b.status == co.Status.REGISTERED


def test_a_case_is_a_ledger_row():
    case = co.Case.open(co.Policy(), RECEIVED)
    assert case.record() is None  # no number yet
    case.apply({"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"})
    row = case.record()
    assert isinstance(row, co.stats.Record)
    assert (row.number, row.received_at, row.outcome, row.closed_at) == (
        co.ComplaintNumber(2025, 9, 1), dt.datetime(2025, 9, 26, 10, tzinfo=CST), "open", None
    )
    case.apply({"type": "withdrawn", "at": "2025-09-29T09:00:00+08:00", "reason": "Settled."})
    row = case.record()
    assert row.outcome == "withdrawn" and row.to_dict()["closed_at"] == "2025-09-29T09:00:00+08:00"
    # The row goes into a ledger as it is.
    report = co.stats.Ledger.from_records([row]).report("month").to_dict()
    assert sum(p["total"] for p in report["periods"]) == 1


def _vector_life():
    """The events of the vector 'the whole life of a general complaint' (tests/vectors/case.json)."""
    import json
    from pathlib import Path

    groups = json.loads((Path(__file__).resolve().parents[2] / "tests/vectors/case.json").read_text("utf-8"))
    return next(
        c["input"]["events"]
        for g in groups
        if g["op"] == "case.replay"
        for c in g["cases"]
        if c["name"] == "the whole life of a general complaint"
    )


def test_complaint_intake_assessment_and_decisions():
    events = _vector_life()
    case = co.Case.replay(co.Policy(), events)
    assert case.complaint == co.intake.Complaint(
        "hotline", "customer", name="張三", contact="13812345678",
        received_at="2025-11-03T09:30:00+08:00", content=events[0]["content"],
    )
    assert (case.intake.admissible, case.intake.complete) == (True, True)
    assert case.assessment == {
        "severity": co.Severity.GENERAL, "urgency": co.Urgency.NORMAL, "complexity": co.Complexity.SIMPLE,
        "emergency": False, "track": co.Track.GENERAL,
    }
    [(finding, decision)] = case.decisions()
    assert finding == case.findings[0] and finding.subject == "s-09"
    assert decision == co.accountability.decide(co.Policy().discipline, finding)
    assert co.Case.replay(co.Policy(), events[:3]).assessment is None
    assert co.Case.replay(co.Policy(), events[:3]).decisions() == []
