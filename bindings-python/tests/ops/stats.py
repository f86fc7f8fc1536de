import base64

from complaint_office import stats

from .common import policy_of

RECORD_KEYS = {
    "number", "received_at", "channel", "category", "department", "severity", "closed_at", "satisfied",
    # the case columns
    "track", "outcome", "rehandled", "follow_up_satisfied", "complainant_key",
    "registration", "plan", "feedback", "follow_up",
}
LIMITS = ("registration", "plan", "feedback", "follow_up")


def _present(input, key):
    return input.get(key) is not None


def report_range(input):
    start = stats.Period.parse(input["from"]) if _present(input, "from") else None
    end = stats.Period.parse(input["to"]) if _present(input, "to") else None
    return start, end


def _lenient(input):
    value = input.get("lenient")
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValueError("vector: lenient is not a bool")
    return value


def _limit(value):
    if value is None:
        return None
    return stats.TimeLimit(value["due"], value.get("met_at"))


def limit_json(limit, office):
    """A time limit as the Rust runner writes it: instants in the office offset."""
    if limit is None:
        return None
    met = limit.met_at
    return {"due": limit.due.astimezone(office).isoformat(),
            "met_at": None if met is None else met.astimezone(office).isoformat()}


def _record(value):
    unknown = set(value) - RECORD_KEYS
    if unknown:
        raise ValueError(f"vector: unknown record keys {sorted(unknown)}")
    return stats.Record(
        value["number"],
        value["received_at"],
        value["category"],
        value["department"],
        channel=value.get("channel"),
        severity=value.get("severity"),
        closed_at=value.get("closed_at"),
        satisfied=value.get("satisfied"),
        outcome=value.get("outcome"),
        track=value.get("track"),
        rehandled=value.get("rehandled"),
        follow_up_satisfied=value.get("follow_up_satisfied"),
        complainant_key=value.get("complainant_key"),
        **{stage: _limit(value.get(stage)) for stage in LIMITS},
    )


def report(input):
    policy = policy_of(input)
    granularity = input["granularity"]
    start, end = report_range(input)
    records = [_record(r) for r in input["records"]]
    ledger = stats.Ledger.from_records(records, lenient=_lenient(input))
    return ledger.report(granularity, policy, start, end).to_dict()


def report_csv(input):
    policy = policy_of(input)
    granularity = input["granularity"]
    start, end = report_range(input)
    kwargs = {"lenient": _lenient(input)}
    if _present(input, "columns"):
        kwargs["columns"] = input["columns"]
    if _present(input, "delimiter"):
        kwargs["delimiter"] = input["delimiter"]
    if "csv_base64" in input:
        data = base64.b64decode(input["csv_base64"], validate=True)
        ledger = stats.Ledger.from_csv_bytes(data, policy, **kwargs)
    else:
        ledger = stats.Ledger.from_csv_text(input["csv"], policy, **kwargs)
    return ledger.report(granularity, policy, start, end).to_dict()


def period_of(input):
    policy = policy_of(input)
    office = policy.office_offset
    period = stats.Period.of_instant(input["at"], input["granularity"], office)
    return {"period": str(period), "start": period.start(office).isoformat(), "end": period.end(office).isoformat()}


OPS = {"stats.report": report, "stats.report_csv": report_csv, "stats.period_of": period_of}
