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
    with pytest.raises(co.ClassifyError):
        classify.category(co.Policy(), "no_such_category")
    a = triage.assess(co.Policy(), co.Severity.SERIOUS, co.Urgency.URGENT, co.Complexity.SIMPLE)
    assert a.emergency and a.track is co.Track.GENERAL
    b = triage.assess(co.Policy(), "general", "normal", "simple")
    early = dt.datetime(2025, 1, 1, tzinfo=CST)
    keys = [triage.QueueKey(b, early), triage.QueueKey(a, early + dt.timedelta(days=1))]
    assert triage.queue_order(keys) == [1, 0]
    assert sorted(keys) == [keys[1], keys[0]]
