"""An OA-style intake handler: a complaint as the OA form posts it (a dict) goes in; the
complaint number, the triage, the deadline schedule and the compliance report come out.

The OA system owns storage and the clock: it passes the numbers already issued and "now".
Run: python examples/python/intake_handler.py
"""

import datetime as dt
import json
from typing import Any, Dict, List

import complaint_office as co
from complaint_office import classify, intake, triage

BEIJING = dt.timezone(dt.timedelta(hours=8))


def handle(form: Dict[str, Any], issued: List[str], now: dt.datetime, policy: co.Policy) -> Dict[str, Any]:
    """Registers a complaint from the OA form and reports what the office must do by when."""
    complaint = intake.Complaint(
        form["channel"],
        form["complainant_kind"],
        name=form.get("name"),
        contact=form.get("contact"),
        received_at=form["received_at"],
        content=form.get("content"),
        subject=form.get("subject"),
    )
    checked = intake.check(policy, complaint)
    if not (checked.admissible and checked.complete):
        # §2.1/§2.2.1: nothing is registered; the office asks for what is missing.
        return {"registered": False, "intake": checked.to_dict()}

    category = form.get("category") or classify.suggest(policy, form["content"])[0].category.code
    assessment = triage.assess(policy, form["severity"], form["urgency"], form["complexity"])
    number = co.next_number_at(issued, form["received_at"], policy.office_offset)
    events: List[Dict[str, Any]] = [
        {
            "type": "received",
            "at": form["received_at"],
            "channel": form["channel"],
            "complainant_kind": form["complainant_kind"],
            "name": form["name"],
            "contact": form["contact"],
            "content": form["content"],
        },
        {"type": "registered", "at": now, "number": number},
        {"type": "classified", "at": now, "category": category},
        {
            "type": "assessed",
            "at": now,
            "severity": form["severity"],
            "urgency": form["urgency"],
            "complexity": form["complexity"],
        },
    ]
    case = co.Case.replay(policy, events)
    schedule = case.schedule(now)
    report = case.compliance(now)
    return {
        "registered": True,
        "number": str(number),
        "status": case.status.value,
        "category": case.category,
        "department": case.department,
        "triage": assessment.to_dict(),
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
        # What the host stores: the events, in the library's normalised JSON form.
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
        "content": "更換的零件又壞了，已經是第三次。",
        "severity": co.Severity.SERIOUS,
        "urgency": co.Urgency.URGENT,
        "complexity": co.Complexity.SIMPLE,
    }
    now = dt.datetime(2025, 9, 28, 9, 15, tzinfo=BEIJING)  # a Sunday worked for National Day
    out = handle(form, ["25090001", "25090002"], now, policy)
    assert out["number"] == "25090003"
    assert out["triage"]["emergency"] is True
    out.pop("events")
    print(json.dumps(out, ensure_ascii=False, indent=2))

    incomplete = handle({**form, "contact": None}, [], now, policy)
    assert incomplete["registered"] is False
    print("incomplete form asks for:", [r["field"] for r in incomplete["intake"]["requests"]])


if __name__ == "__main__":
    main()
