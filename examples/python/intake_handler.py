"""An OA intake handler on the store: complaints received by e-mail or on the hotline are
registered (numbers allocated by the store, unique and gap-free across app servers), handled
by appending events (each judged by the policy, a stale version refused), and a daily job runs
the sweep: what falls due, whom to remind, which archived files may be destroyed.

Run: python examples/python/intake_handler.py [TARGET]
TARGET is a SQLite file path or a postgresql:// URL (an empty database); without it, a SQLite
file in a temporary directory. The printout holds numbers, stages and dates, never a
complainant's name or contact.
"""

import datetime as dt
import json
import os
import sys
import tempfile
from typing import Any, Callable, Dict, List, Optional

import complaint_office as co
from complaint_office import classify, intake
from complaint_office.store import Store, StoredCase, StoreError

BEIJING = dt.timezone(dt.timedelta(hours=8))
Event = Dict[str, Any]


def day_before(case: co.Case, schedule: co.Schedule) -> Optional[dt.datetime]:
    """The reminder rule the store keeps in its index: one day before the next deadline."""
    due = [s.due for s in schedule.running() if s.due is not None]
    return min(due) - dt.timedelta(days=1) if due else None


class IntakeHandler:
    """What the OA system calls when a complaint arrives and when a clerk acts on a case."""

    def __init__(self, store: Store, policy: co.Policy, clerk: str) -> None:
        self.store, self.policy, self.clerk = store, policy, clerk

    def from_email(self, raw: bytes, message_id: str, now: dt.datetime) -> Dict[str, Any]:
        """An e-mail from the complaint mailbox (§2.1.1). The Message-ID is the request key:
        the mailbox poller may deliver a message twice, the store registers it once."""
        mail = intake.email(self.policy, raw, "customer")
        c = mail.complaint
        event: Event = {"type": "received", "at": mail.received_at or now, "channel": "email",
                        "complainant_kind": c.complainant_kind, "name": c.name, "contact": c.contact,
                        "subject": c.subject, "content": c.content}
        return self._intake({k: v for k, v in event.items() if v is not None}, message_id, now,
                            ("general", "normal", "simple"))

    def from_hotline(self, form: Dict[str, Any], call_id: str, now: dt.datetime) -> Dict[str, Any]:
        """A hotline call as the operator's form posts it."""
        event: Event = {"type": "received", "at": form["received_at"], "channel": "hotline",
                        "complainant_kind": form["complainant_kind"], "name": form.get("name"),
                        "contact": form.get("contact"), "content": form.get("content")}
        triage = (form["severity"], form["urgency"], form["complexity"])
        return self._intake({k: v for k, v in event.items() if v is not None}, call_id, now, triage)

    def _intake(self, received: Event, key: str, now: dt.datetime, triage: Any) -> Dict[str, Any]:
        complaint = intake.Complaint(received["channel"], received["complainant_kind"], name=received.get("name"),
                                     contact=received.get("contact"), received_at=received["at"],
                                     content=received.get("content"), subject=received.get("subject"))
        checked = intake.check(self.policy, complaint)
        if not checked.admissible:
            return {"registered": False, "admissible": False}
        if not checked.complete:
            # §2.2.1: kept without a number while the office asks for what is missing; the
            # registration clock is paused until it is supplied.
            waiting = self.store.receive(received, request_key=key)
            if not waiting.replayed:
                asked = {"type": "information_requested", "at": now, "fields": [f.value for f in checked.missing]}
                self.store.append(waiting.case, waiting.version, asked)
            return {"registered": False, "case": waiting.case, "missing": [f.value for f in checked.missing]}
        registered = self.store.register(received, now, by=self.clerk, request_key=key)
        if not registered.replayed:
            self._classify_and_assess(registered.case, registered.version, received.get("content", ""), triage, now)
        return {"registered": True, "case": registered.case, "number": str(registered.number),
                "again": registered.replayed}

    def _classify_and_assess(self, case: int, version: int, content: str, triage: Any, now: dt.datetime) -> int:
        """The category the keywords suggest (§2.2.2) and the triage (§2.2.4)."""
        category = classify.suggest(self.policy, content)[0].category.code
        severity, urgency, complexity = triage
        for event in [
            {"type": "classified", "at": now, "category": category},
            {"type": "assessed", "at": now, "severity": severity, "urgency": urgency, "complexity": complexity},
        ]:
            version = self.store.append(case, version, event).version
        return version

    def supplied(self, case: int, fields: Dict[str, str], at: dt.datetime) -> Dict[str, Any]:
        """The complainant supplied what was missing: record it, then register."""
        stored = self.store.load(case)
        version = self.store.append(case, stored.version, {"type": "information_supplied", "at": at, **fields}).version
        registered = self.store.register_received(case, version, at, by=self.clerk)
        content = stored.events[0].to_json_value().get("content", "")
        self._classify_and_assess(case, registered.version, content, ("general", "normal", "simple"), at)
        return {"registered": True, "case": case, "number": str(registered.number)}

    def act(self, case: int, decide: Callable[[StoredCase], Optional[Event]]) -> Optional[co.Status]:
        """A clerk's action: decide on the case as stored now, append; if someone else got
        there first (store.conflict), decide again on the case as it is then."""
        for _ in range(3):
            stored = self.store.load(case)
            event = decide(stored)
            if event is None:
                return None
            try:
                return self.store.append(case, stored.version, event).status
            except StoreError as e:
                if e.code != "store.conflict":
                    raise
        raise RuntimeError("the case kept changing")


def daily_sweep(store: Store, today: dt.date) -> Dict[str, Any]:
    """The morning job: deadlines overdue or falling due in the next two days, today's
    reminders, and the retention sweep (§6.2.2), all read from the store's index."""
    start = dt.datetime.combine(today, dt.time(0), BEIJING)
    end = start + dt.timedelta(days=1)
    due = store.due(None, start + dt.timedelta(days=3), 500)
    return {
        "day": today.isoformat(),
        "overdue": [f"{d.number} {d.stage.value} {d.due:%Y-%m-%d %H:%M}" for d in due if d.due < start],
        "due_soon": [f"{d.number or 'case ' + str(d.case)} {d.stage.value} {d.due:%Y-%m-%d %H:%M}"
                     for d in due if d.due >= start],
        "remind_today": [f"{r.number} at {r.at:%H:%M}" for r in store.reminders(start, end, 500)],
        "retention": [f"{s.entry.number} {s.entry.status.value} (kept until {s.entry.expires_on})"
                      for s in store.retention_sweep(today)],
    }


MAIL = (
    "Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n"
    "From: =?UTF-8?B?5byg5LiJ?= <zhang.san@example.com>\r\n"
    "Subject: =?UTF-8?B?5oqV6Ki077ya6Zu25Lu25Y+I5aOe5LqG?=\r\n"
    "Message-ID: <4711@mail.example.com>\r\n"
    "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
    "更換的零件又壞了，已經是第三次。\r\n"
).encode()


def handled_to_archive(start: dt.datetime) -> List[Event]:
    """The events of a case handled on time, from classification to the archive."""
    steps: List[Event] = [
        {"type": "classified", "category": "product_quality", "department": "quality"},
        {"type": "assessed", "severity": "general", "urgency": "normal", "complexity": "simple"},
        {"type": "team_formed", "members": [{"id": "h-1", "role": "department_head"},
                                            {"id": "t-1", "role": "technical_specialist"}]},
        {"type": "investigation_planned", "steps": [{"description": "check the batch", "due": start.date().isoformat(),
                                                     "owner": "h-1"}]},
        {"type": "evidence_added", "kind": "interview", "signed": True, "interviewee": "complainant"},
        {"type": "plan_submitted", "analysis": "a", "responsibility": "r", "measures": "m",
         "time_points": [{"what": "replace the part", "due": (start + dt.timedelta(days=5)).date().isoformat()}]},
        {"type": "plan_approved", "by": "m-1", "role": "management"},
        {"type": "implementation_started"},
        {"type": "implementation_completed"},
        {"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "satisfied"},
        {"type": "follow_up_visited", "method": "phone", "satisfaction": "satisfied"},
        {"type": "closed"},
        {"type": "archived", "documents": ["registration_form", "investigation_record", "handling_plan",
                                           "result_report", "follow_up_record"]},
    ]
    return [{**e, "at": start + dt.timedelta(hours=i + 1)} for i, e in enumerate(steps)]


def main(target: str) -> None:
    policy = co.Policy()
    with Store.open(target, policy, reminders=day_before) as store:
        office = IntakeHandler(store, policy, clerk="clerk-07")
        now = dt.datetime(2025, 9, 26, 10, 30, tzinfo=BEIJING)

        # A case of 2022, handled and archived then: its retention (3 years) has ended.
        old = office.from_hotline({"received_at": dt.datetime(2022, 3, 1, 9, tzinfo=BEIJING), "complainant_kind": "customer",
                                   "name": "李四", "contact": "13900000000", "content": "The delivery was late.",
                                   "severity": "general", "urgency": "normal", "complexity": "simple"},
                                  "call-2022-1", dt.datetime(2022, 3, 1, 10, tzinfo=BEIJING))
        version = store.load(old["case"]).version
        for event in handled_to_archive(dt.datetime(2022, 3, 1, 11, tzinfo=BEIJING))[2:]:
            version = store.append(old["case"], version, event).version

        by_mail = office.from_email(MAIL, "<4711@mail.example.com>", now)
        print("e-mail:", json.dumps(by_mail))
        again = office.from_email(MAIL, "<4711@mail.example.com>", now)  # delivered twice
        assert again["number"] == by_mail["number"] and again["again"]

        form = {"received_at": dt.datetime(2025, 9, 26, 16, 40, tzinfo=BEIJING), "complainant_kind": "employee",
                "name": "李小龍", "contact": "13812345678", "content": "更換的零件又壞了，已經是第三次。",
                "severity": "serious", "urgency": "urgent", "complexity": "simple"}
        by_phone = office.from_hotline(form, "call-8812", dt.datetime(2025, 9, 26, 16, 55, tzinfo=BEIJING))
        print("hotline:", json.dumps(by_phone))

        # A caller who gave no contact: stored without a number until it is supplied.
        waiting = office.from_hotline({**form, "contact": None, "received_at": dt.datetime(2025, 9, 27, 9, tzinfo=BEIJING)},
                                      "call-8830", dt.datetime(2025, 9, 27, 9, 5, tzinfo=BEIJING))
        print("incomplete:", json.dumps(waiting))
        later = office.supplied(waiting["case"], {"contact": "13700000000"}, dt.datetime(2025, 9, 29, 9, tzinfo=BEIJING))
        print("supplied:", json.dumps(later))

        # Two clerks at once on the same case: one report is appended, the other clerk sees
        # the case as it is now and decides again (here: nothing more to do).
        case = by_mail["case"]
        seen = store.load(case)
        report: Event = {"type": "progress_reported", "at": dt.datetime(2025, 9, 30, 9, tzinfo=BEIJING)}
        store.append(case, seen.version, report)
        try:
            store.append(case, seen.version, report)
        except StoreError as e:
            print("second clerk:", e.code)
        office.act(case, lambda stored: None if stored.version > seen.version else report)

        # The morning of 11 October: what is overdue or due, whom to remind, what may go.
        sweep = daily_sweep(store, dt.date(2025, 10, 11))
        print("daily sweep:", json.dumps(sweep, ensure_ascii=False, indent=2))
        assert sweep["retention"] == [f"{old['number']} awaiting_approval (kept until 2025-03-03)"]

        # Leadership approves the destruction; the next sweep says it may go, and it goes.
        store.append(old["case"], version, {"type": "destruction_approved", "at": dt.datetime(2025, 10, 11, 10, tzinfo=BEIJING),
                                            "by": "ceo-1", "role": "leadership"})
        swept = store.retention_sweep(dt.date(2025, 10, 12))
        assert [s.entry.status for s in swept] == [co.SweepStatus.MAY_DESTROY]
        store.append(old["case"], version + 1, {"type": "destroyed", "at": dt.datetime(2025, 10, 12, 9, tzinfo=BEIJING)})
        print("destroyed:", old["number"], store.retention_sweep(dt.date(2025, 10, 13)) == [])

        # The month's statistics from the same index.
        ledger = store.ledger(dt.datetime(2025, 9, 1, tzinfo=BEIJING), dt.datetime(2025, 10, 1, tzinfo=BEIJING))
        september = ledger.report("month").periods[0]
        print("September:", september.total, "complaints;", json.dumps(september.by_category))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(os.path.join(tmp, "complaints.db"))
