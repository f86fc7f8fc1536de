"""Intake, classification and triage through the Python API."""

import datetime as dt
import json

import pytest

import complaint_office as co
from complaint_office import classify, intake, triage

CST = dt.timezone(dt.timedelta(hours=8))


def test_intake_reports_what_is_missing_without_echoing_values():
    c = intake.Complaint(intake.Channel.HOTLINE, "customer", name="張三", contact="1381234567")
    report = intake.check(co.Policy(), c)
    assert not report.complete
    assert intake.Field.RECEIVED_AT in report.missing or "received_at" in [f.value for f in report.missing]
    assert "張三" not in repr(c) and "1381234567" not in repr(c)
    with pytest.raises(co.IntakeError) as e:
        intake.parse_contact("1381234567")
    assert "1381234567" not in str(e.value)


def test_classify_and_triage():
    [best, *_] = classify.suggest(co.Policy(), "更換的零件又壞了")
    assert best.category.code == "product_quality" and best.hits >= 1
    assert best.department == best.category.department == best.to_dict()["department"]
    with pytest.raises(co.ClassifyError):
        classify.category(co.Policy(), "no_such_category")
    a = triage.assess(co.Policy(), co.Severity.SERIOUS, co.Urgency.URGENT, co.Complexity.SIMPLE)
    assert a.emergency and a.track is co.Track.GENERAL
    b = triage.assess(co.Policy(), "general", "normal", "simple")
    early = dt.datetime(2025, 1, 1, tzinfo=CST)
    keys = [triage.QueueKey(b, early), triage.QueueKey(a, early + dt.timedelta(days=1))]
    assert triage.queue_order(keys) == [1, 0]
    assert sorted(keys) == [keys[1], keys[0]]


def test_intake_report_violations_and_requests_are_objects():
    c = intake.Complaint("oa", "customer", name="張三", contact="1381234567")
    report = intake.check(co.Policy(), c)
    d = report.to_dict()
    assert [(v.code, v.clause, None if v.field is None else v.field.value) for v in report.violations] == \
        [(v["code"], v["clause"], v["field"]) for v in d["violations"]]
    assert [(r.field.value, r.code) for r in report.requests] == [(r["field"], r["code"]) for r in d["requests"]]
    assert report.violations[0].bars_admission  # the OA board is for employees (§2.1.4)
    assert any(not v.bars_admission for v in report.violations)  # a contact that cannot be used
    assert "1381234567" not in repr(report.violations) + repr(report.requests)


def test_contact_objects():
    contact = intake.Contact.parse("138 1234 5678")
    assert (contact.kind, contact.normalized, contact.as_str()) == (intake.ContactKind.MOBILE, "13812345678", "13812345678")
    assert intake.parse_contact("138 1234 5678") == (contact.kind, contact.normalized)
    assert contact == intake.Contact.parse("13812345678") and hash(contact) == hash(intake.Contact.parse("13812345678"))
    assert "1381" not in repr(contact)
    with pytest.raises(co.IntakeError):
        intake.Contact.parse("1381234567")
