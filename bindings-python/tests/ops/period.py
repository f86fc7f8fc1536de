from complaint_office import period

from .common import policy_of


def _deadline(input):
    calendar = policy_of(input).calendar
    return period.end(calendar, input["start"], input["duration"])


def end(input):
    d = _deadline(input)
    return {"last_day": d.last_day.isoformat(), "due": d.due.isoformat(), "provisional": d.provisional}


def explain(input):
    return [{"rule": r.name, "article": r.article} for r in _deadline(input).rules]


OPS = {"period.end": end, "period.explain": explain}
