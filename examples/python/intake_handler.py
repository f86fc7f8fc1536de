"""An OA-style intake handler: a complaint as the OA form posts it (a dict) goes in; the
complaint number, the triage, the deadline schedule and the compliance report come out.

The OA system owns storage and the clock: it passes the numbers already issued and "now".
Run: python examples/python/intake_handler.py
"""

import datetime as dt
import json
from typing import Any, Dict, List

import complaint_office as co

BEIJING = dt.timezone(dt.timedelta(hours=8))


def handle(form: Dict[str, Any], issued: List[str], now: dt.datetime, policy: co.Policy) -> Dict[str, Any]:
    """Registers a complaint from the OA form and reports what the office must do by when."""
    received_at = form["received_at"]
    events: List[Dict[str, Any]] = [
        {
            "type": "received",
            "at": received_at,
            "channel": form["channel"],
            "complainant_kind": form["complainant_kind"],
            "name": form["name"],
            "contact": form["contact"],
            "content": form["content"],
        }
    ]
    number = co.next_number_at(issued, received_at, policy.office_offset)
    events.append({"type": "registered", "at": now, "number": number})
    events.append({"type": "classified", "at": now, "category": form["category"]})
    events.append(
        {
            "type": "assessed",
            "at": now,
            "severity": form["severity"],
            "urgency": form["urgency"],
            "complexity": form["complexity"],
        }
    )
    case = co.Case.replay(policy, events)
    schedule = case.schedule(now)
    report = case.compliance(now)
    return {
        "number": str(number),
        "status": case.status.value,
        "triage": {"track": case.track.value, "emergency": case.emergency},
        "schedule": [
            {
                "stage": s.stage.value,
                "state": s.state.value,
                "last_day": s.last_day.isoformat() if s.last_day else None,
                "due": s.due.isoformat() if s.due else None,
            }
            for s in schedule.stages
        ],
        "violations": [c.rule for c in report.violations()],
        "findings": [c.rule for c in report.findings()],
        "events": [co.Event.from_json_value(e).to_json_value() for e in events],
    }


def main() -> None:
    policy = co.Policy()
    form = {
        "received_at": dt.datetime(2025, 9, 26, 16, 40, tzinfo=BEIJING),
        "channel": co.Channel.OA,
        "complainant_kind": co.ComplainantKind.EMPLOYEE,
        "name": "李小龍",
        "contact": "13812345678",
        "content": "The night-shift allowance was not paid for August.",
        "category": "product_quality",
        "severity": co.Severity.SERIOUS,
        "urgency": co.Urgency.URGENT,
        "complexity": co.Complexity.SIMPLE,
    }
    now = dt.datetime(2025, 9, 28, 9, 15, tzinfo=BEIJING)  # a Sunday worked for National Day
    out = handle(form, ["25090001", "25090002"], now, policy)
    assert out["number"] == "25090003"
    assert out["triage"] == {"track": "general", "emergency": True}
    out.pop("events")
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
