import complaint_office as co

from .common import policy_of


def _replay(input):
    """Under `input.policies` (a policy set) when given, else `input.policy` or the default."""
    events = [co.Event.from_json_value(e) for e in input["events"]]
    if "policies" in input:
        policies = co.PolicySet([co.Policy.from_json_value(p) for p in input["policies"]])
        return co.Case.replay_in(policies, events)
    return co.Case.replay(policy_of(input), events)


def event(input):
    return co.Event.from_json_value(input["event"]).to_json_value()


def replay(input):
    case = _replay(input)
    at = case.last_event_at
    running = case.schedule(at).running()
    return {
        "status": case.status,
        "number": None if case.number is None else str(case.number),
        "category": case.category,
        "department": case.department,
        "track": case.track,
        "emergency": case.emergency,
        "open_deadlines": [
            {
                "stage": s.stage,
                "round": s.round,
                "last_day": None if s.last_day is None else s.last_day.isoformat(),
                "due": None if s.due is None else s.due.isoformat(),
            }
            for s in running
        ],
        "violations": [c.rule for c in case.compliance(at).violations()],
        "allowed_next": case.allowed_next(),
    }


def schedule(input):
    return _replay(input).schedule(input["now"]).to_list()


def view(input):
    return _replay(input).view(input["role"]).to_dict()


def compliance(input):
    return _replay(input).compliance(input["now"]).to_dict()


def record(input):
    row = _replay(input).record()
    return None if row is None else row.to_dict()


OPS = {
    "case.event": event,
    "case.replay": replay,
    "case.schedule": schedule,
    "case.compliance": compliance,
    "case.view": view,
    "case.record": record,
}
