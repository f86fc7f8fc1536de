"""The office at work: worklists, reminders and statistics over a caseload of histories,
mirroring tests/conformance/src/ops/office.rs. The JSON is built from the typed getters (enum
members, datetimes, dates, PersonalData), and each object's to_dict() must agree with it."""

from complaint_office.office import Caseload

from .common import policy_of
from .stats import limit_json, report_range


def _instant(at, office=None):
    if at is None:
        return None
    return (at if office is None else at.astimezone(office)).isoformat()


def _agree(obj, built):
    """The object's to_dict() is the same JSON as the one built from its getters."""
    given = obj.to_dict()
    if given != built:
        raise AssertionError(f"to_dict() {given!r} differs from the getters' {built!r}")
    return built


def _refused(r):
    return _agree(r, {"index": r.index, "key": r.key, "code": r.code, "clause": r.clause, "event": r.event})


def _personal(p):
    return None if p is None else p.to_dict()


def _entry(e):
    return _agree(e, {
        "index": e.index,
        "key": e.key,
        "number": None if e.number is None else str(e.number),
        "status": e.status.value,
        "stage": None if e.stage is None else e.stage.value,
        "round": e.round,
        "clause": e.clause,
        "state": e.state.value,
        "due": _instant(e.due),
        "last_day": None if e.last_day is None else e.last_day.isoformat(),
        "remaining_seconds": e.remaining_seconds,
        "late_seconds": e.late_seconds,
        "late_working_days": e.late_working_days,
        "act": e.act.value,
        "department": e.department,
        "category": e.category,
        "track": e.track.value,
        "emergency": e.emergency,
        "queue_key": e.queue_key,
        "received_at": _instant(e.received_at),
        "complainant": _personal(e.complainant),
    })


def _counts(c):
    return _agree(c, {
        "total": c.total,
        "by_state": c.by_state,
        "by_stage": c.by_stage,
        "by_department": c.by_department,
        "by_actor": c.by_actor,
    })


def _reminder(r):
    return _agree(r, {
        "id": r.id,
        "at": _instant(r.at),
        "placed_at": _instant(r.placed_at),
        "moved": r.moved,
        "index": r.index,
        "key": r.key,
        "number": None if r.number is None else str(r.number),
        "stage": r.stage.value,
        "round": r.round,
        "clause": r.clause,
        "rung": r.rung,
        "place": r.place,
        "to": r.to.value,
        "department": r.department,
        "due": _instant(r.due),
        "emergency": r.emergency,
    })


def _caseload(input):
    return Caseload.replay(policy_of(input), input["cases"])


def worklist(input):
    caseload = _caseload(input)
    kwargs = {}
    if input.get("department") is not None:
        kwargs["department"] = input["department"]
    if input.get("role") is not None:
        kwargs["role"] = input["role"]
    listed = caseload.worklist(input["now"], input["view"], **kwargs)
    return _agree(listed, {
        "now": _instant(listed.now),
        "entries": [_entry(e) for e in listed],
        "counts": _counts(listed.counts),
        "refused": [_refused(r) for r in listed.refused],
    })


def reminders(input):
    caseload = _caseload(input)
    return {
        "reminders": [_reminder(r) for r in caseload.reminders(input["from"], input["to"])],
        "refused": [_refused(r) for r in caseload.refused],
    }


def _record(r, office):
    """A ledger row as the Rust runner writes it: instants in the office offset."""
    return {
        "number": str(r.number),
        "received_at": _instant(r.received_at, office),
        "channel": r.channel,
        "category": r.category,
        "department": r.department,
        "severity": r.severity,
        "closed_at": _instant(r.closed_at, office),
        "satisfied": r.satisfied,
        "track": r.track,
        "outcome": r.outcome,
        "rehandled": r.rehandled,
        "follow_up_satisfied": r.follow_up_satisfied,
        "complainant_key": r.complainant_key,
        "registration": limit_json(r.registration, office),
        "plan": limit_json(r.plan, office),
        "feedback": limit_json(r.feedback, office),
        "follow_up": limit_json(r.follow_up, office),
    }


def ledger(input):
    policy = policy_of(input)
    office = policy.office_offset
    ledger = _caseload(input).ledger(input["now"])
    records = [_record(r, office) for r in ledger.records()]
    return {"records": records, "rejected": [r.to_dict() for r in ledger.rejected]}


def report(input):
    policy = policy_of(input)
    ledger = _caseload(input).ledger(input["now"])
    start, end = report_range(input)
    return ledger.report(input["granularity"], policy, start, end).to_dict()


OPS = {
    "office.worklist": worklist,
    "office.reminders": reminders,
    "office.ledger": ledger,
    "office.report": report,
}
