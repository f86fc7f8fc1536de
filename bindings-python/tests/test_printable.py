"""Every public type prints as what it is (issue 23 item 3): a repr and a str that show the
content, never `<… object at 0x…>`, and never personal data in full.

The walk starts from a few seeds built from a replayed case (with personal data planted in
it), follows every property of every object it meets, and then checks that it met every public
class of every submodule: a new class that cannot be reached fails this test until it is
seeded here."""

import datetime as dt
import enum
import importlib
import inspect
import pkgutil

import complaint_office as co
from complaint_office import accountability as acc
from complaint_office import archive, classify, dataframe, history, intake, office, privacy, stats, store, triage

CST = dt.timezone(dt.timedelta(hours=8))
NAME, PHONE, ID_NUMBER, EMAIL = "張三豐", "13812345678", "110101199003071234", "zhang.sanfeng@example.com"
PERSONAL = (NAME, PHONE, ID_NUMBER, EMAIL)

def public_modules():
    """The package and every public submodule, found by walking the package (not listed here,
    so that a new module is walked too)."""
    found = [co]
    for info in pkgutil.walk_packages(co.__path__, "complaint_office."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            found.append(importlib.import_module(info.name))
    return found


MODULES = public_modules()
CSV = (
    "number,received_at,channel,category,department,severity,closed_at,satisfied\n"
    "25010001,2025-01-05T09:00:00+08:00,hotline,product_quality,production,general,2025-01-06T09:00:00+08:00,true\n"
    "25020001,2025-02-05T09:00:00+08:00,hotline,product_quality,production,general,,\n"
    "25020002,not a time,hotline,product_quality,production,general,,\n"
)


def public_classes():
    found = set()
    for module in MODULES:
        for name in getattr(module, "__all__", dir(module)):
            value = getattr(module, name, None)
            if (
                inspect.isclass(value)
                and value.__module__.startswith("complaint_office")
                and not issubclass(value, (enum.Enum, BaseException))
                # A TypedDict (complaint_office.events) is a plain dict at runtime: printed as one.
                and not (issubclass(value, dict) and hasattr(value, "__required_keys__"))
            ):
                found.add(value)
    return found


def _word(text):
    import base64

    return f"=?UTF-8?B?{base64.b64encode(text.encode()).decode()}?="


# An e-mail with personal data everywhere: sender, subject, body, an attachment's name.
MAIL = (
    "Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n"
    f"From: {_word(NAME)} <{EMAIL}>\r\n"
    f"Subject: {_word('投訴 ' + PHONE)}\r\n"
    'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
    "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
    f"{ID_NUMBER}\r\n"
    f"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename={ID_NUMBER}.txt\r\n\r\nx\r\n"
    "--b--\r\n"
)


def office_seeds(policy, now):
    events = [
        {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
         "complainant_kind": "customer", "name": NAME, "contact": PHONE,
         "content": f"{NAME} ({ID_NUMBER}, {EMAIL}) says the part broke again"},
        {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
    ]
    caseload = office.Caseload.replay(policy, [{"key": "crm-1", "complainant_key": "k", "events": events},
                                               [events[1]]])
    ledger = caseload.ledger(now)
    return [
        caseload, caseload.worklist(now, "office"), caseload.worklist(now, "department"),
        caseload.reminders("2025-09-26T00:00:00+08:00", now), caseload.records(now),
        ledger.report("month"), *history.chain(events),
        intake.email(policy, MAIL.encode(), "customer"),
        # Findings: a sender without an address, a body in HTML only.
        intake.email(policy, f"From: {NAME}\r\nContent-Type: text/html\r\n\r\n<p>{PHONE}</p>".encode()),
    ]


def store_seeds(policy, directory):
    """A SQLite store with a case registered, handled to its archive and swept, and one
    waiting for information; the store itself is returned closed."""
    received = {"type": "received", "at": "2022-03-01T09:00:00+08:00", "channel": "hotline",
                "complainant_kind": "customer", "name": NAME, "contact": PHONE,
                "content": f"{NAME} ({ID_NUMBER}, {EMAIL}) says the part broke again"}
    docs = ["registration_form", "investigation_record", "handling_plan", "result_report", "follow_up_record"]
    handled = [
        {"type": "classified", "category": "product_quality", "department": "quality"},
        {"type": "assessed", "severity": "general", "urgency": "normal", "complexity": "simple"},
        {"type": "team_formed", "members": [{"id": "h-1", "role": "department_head"}]},
        {"type": "investigation_planned", "steps": [{"description": NAME, "due": "2022-03-05", "owner": "h-1"}]},
        {"type": "evidence_added", "kind": "interview", "signed": True, "interviewee": "complainant"},
        {"type": "plan_submitted", "analysis": PHONE, "responsibility": "r", "measures": "m",
         "time_points": [{"what": "w", "due": "2022-03-10"}]},
        {"type": "plan_approved", "by": "m-1", "role": "management"},
        {"type": "implementation_started"}, {"type": "implementation_completed"},
        {"type": "result_fed_back", "process": "p", "result": "r", "satisfaction": "satisfied"},
        {"type": "follow_up_visited", "method": "phone", "satisfaction": "satisfied"},
        {"type": "closed"}, {"type": "archived", "documents": docs},
    ]
    start = dt.datetime(2022, 3, 1, 10, tzinfo=CST)
    with store.Store.open(str(directory / "seeds.db"), policy,
                          reminders=lambda case, schedule: case.received_at) as s:
        registered = s.register(received, start, by="clerk-1", request_key="k")
        version = registered.version
        for i, event in enumerate(handled):
            appended = s.append(registered.case, version, {**event, "at": start + dt.timedelta(hours=i + 1)})
            version = appended.version
        waiting = s.receive({**received, "contact": None})
        out = [s, registered, waiting, appended, s.load(registered.case),
               s.due(None, "2100-01-01T00:00:00+08:00", 10), s.reminders(None, "2100-01-01T00:00:00+08:00", 10),
               s.retention_sweep("2025-10-10"), s.ledger("2022-01-01T00:00:00+08:00", "2023-01-01T00:00:00+08:00")]
    return out


def seeds(directory):
    policy = co.Policy()
    case = co.Case.replay(policy, [
        {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
         "complainant_kind": "customer", "name": NAME, "contact": PHONE,
         "content": f"{NAME} ({ID_NUMBER}, {EMAIL}) says the part broke again"},
        {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
    ])
    now = dt.datetime(2025, 10, 13, 9, tzinfo=CST)
    docs = [{"document": d, "electronic": f"e-{d}", "paper": f"p-{d}"} for d in archive.Document]
    file = archive.ArchiveFile("22100001", dt.date(2022, 10, 1), docs,
                               approval={"approved_by": "L-1", "approved_on": "2025-10-10"})
    assessment = acc.Assessment("direct", "negligence", "general")
    severity = triage.assess(policy, "general", "normal", "simple")
    ledger = stats.Ledger.from_csv_text(CSV, lenient=True)
    allocator = co.NumberAllocator("+08:00")
    allocator.allocate("2025-09-26T10:00:00+08:00")
    return [
        case, case.schedule(now), case.compliance(now), case.view("office"), case.view("department"),
        case.record(), co.Event.from_json_value({"type": "received", "at": "2025-09-26T10:00:00+08:00",
                                                  "channel": "hotline", "complainant_kind": "customer",
                                                  "name": NAME, "contact": PHONE, "content": ID_NUMBER}),
        policy, co.PolicySet([policy]), assessment, co.Calendar.default(), policy.discipline, policy.discipline.decide(assessment),
        co.Calendar.default().day("2025-10-01"),
        co.period.end(co.Calendar.default(), "2025-09-20T09:00:00+08:00", "15 days"),
        co.Duration.parse("15 days"),
        co.NumberSequences.from_issued(["25090001"]), allocator,
        acc.Finding("E1024", "direct", "negligence", "general", f"told {NAME} {PHONE}", "", "one line"),
        file, archive.ArchivedDocument("registration_form", electronic="e-1"),
        archive.expiry(policy, file.archived_on), archive.may_destroy(policy, file, "2025-10-10"),
        *archive.sweep(policy, [file], "2025-10-10"),
        privacy.PersonalData(complainant_name=NAME, contact_phone=PHONE, contact_email=EMAIL,
                             id_number=ID_NUMBER, content=f"{NAME} {PHONE}"),
        intake.Complaint("hotline", "customer", name=NAME, contact=PHONE),
        intake.check(policy, intake.Complaint("hotline", "customer", name=NAME, contact=PHONE)),
        intake.Contact.parse(PHONE),
        *classify.suggest(policy, "更換的零件又壞了"), classify.department_of(policy, classify.suggest(policy, "更換的零件又壞了")[0].category.code),
        severity, triage.QueueKey(severity, now),
        ledger, ledger.report("month"), stats.Period.parse("2025-Q1"),
        dataframe.deadlines(dataframe.dates([dt.date(2025, 9, 20)]), "15 days"),
        dataframe.dates([dt.date(2025, 10, 1)]),
        *office_seeds(policy, now),
        *store_seeds(policy, directory),
    ]


def walk(objects):
    # `alive` keeps every object met, so that no id in `seen` is reused by a new object.
    seen, queue, met, alive = set(), list(objects), {}, []
    while queue:
        obj = queue.pop()
        if isinstance(obj, (list, tuple)):
            queue.extend(obj)
            continue
        if isinstance(obj, dict):
            queue.extend(obj.values())
            continue
        if not type(obj).__module__.startswith("complaint_office") or isinstance(obj, enum.Enum):
            continue
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        alive.append(obj)
        met.setdefault(type(obj), obj)
        for name, attr in inspect.getmembers(type(obj)):
            if not name.startswith("_") and inspect.isdatadescriptor(attr):
                try:
                    queue.append(getattr(obj, name))
                except Exception:  # a property may refuse (a view hides it): nothing to print
                    pass
    return met


def test_the_walk_finds_every_public_module():
    names = {m.__name__ for m in MODULES}
    assert {"complaint_office.case", "complaint_office.store", "complaint_office.events",
            "complaint_office.testing", "complaint_office.dataframe"} <= names


def test_every_public_type_prints_its_content_and_no_personal_data(tmp_path):
    met = walk(seeds(tmp_path))
    missing = public_classes() - set(met)
    assert not missing, f"public classes never built here: {sorted(c.__name__ for c in missing)}"
    for cls, obj in met.items():
        for text in (repr(obj), str(obj)):
            assert "object at 0x" not in text, cls
            assert cls.__name__ in repr(obj) or cls.__name__ == "ComplaintNumber", repr(obj)
            for value in PERSONAL:
                assert value not in text, (cls.__name__, text)


def test_the_forms_people_print():
    case = co.Case.replay(co.Policy(), [
        {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
         "complainant_kind": "customer", "name": NAME, "contact": PHONE, "content": "broke"},
        {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
    ])
    schedule = case.schedule("2025-10-13T09:00:00+08:00")
    lines = str(schedule).splitlines()
    assert len(lines) == len(schedule) + 1
    assert any(line.strip().startswith("plan (round 0): overdue, last day 2025-10-11") for line in lines), lines
    report = case.compliance("2025-10-13T09:00:00+08:00")
    assert "'plan_on_time'" in repr(report) and "violation: plan_on_time (§4.1.2)" in str(report)
    assert str(case.number) == "25090001"
    rule = co.period.end(co.Calendar.default(), "2025-09-20T09:00:00+08:00", "15 days").rules[0]
    assert str(rule) == "start_day_excluded" and repr(rule) == "PeriodRule('start_day_excluded')"
    assert str(co.Stage.PLAN) == "plan"
    assert repr(co.NumberSequences.from_issued(["25090002", "25080001"])) == "NumberSequences(['25080001', '25090002'])"
    allocator = co.NumberAllocator("+08:00")
    allocator.allocate("2025-09-26T10:00:00+08:00")
    assert repr(allocator) == "NumberAllocator(office_offset='+08:00', last=['25090001'])"
