"""Policies from TOML/JSON text, a file or a dict."""

import datetime as dt

import pytest

import complaint_office as co

TOML = """
name = "ACME complaint office"
effective_from = 2025-01-01
[calendar]
extra_off_days = [2025-12-31]
[deadlines]
plan = "10 working days"
"""


def test_from_text_file_and_dict(tmp_path):
    p = co.Policy.from_toml_str(TOML)
    assert p.name == "ACME complaint office"
    assert p.effective_from == dt.date(2025, 1, 1)
    assert str(p.deadlines.plan) == "10 working days"
    assert not p.calendar.is_working_day("2025-12-31")
    (tmp_path / "policy.toml").write_text(TOML, encoding="utf-8")
    assert co.Policy.from_file(tmp_path / "policy.toml") == p
    (tmp_path / "policy.json").write_text(__import__("json").dumps(p.to_json_value()), encoding="utf-8")
    assert co.Policy.from_file(str(tmp_path / "policy.json")) == p
    assert co.Policy.from_json_value(p.to_dict()) == p
    assert co.Policy.from_toml_str(p.to_toml()) == p
    native = {"effective_from": dt.date(2025, 1, 1), "deadlines": {"plan": co.Duration("10 working days")}}
    assert co.Policy.from_json_value(native).deadlines.plan == co.Duration("10 working days")


def test_missing_file_is_input_unreadable(tmp_path):
    with pytest.raises(co.InputError) as e:
        co.Policy.from_file(tmp_path / "nope.toml")
    assert e.value.code == "input.unreadable"


def test_policy_sets():
    a = co.Policy.from_json_value({"effective_from": "2024-01-01", "name": "a"})
    b = co.Policy.from_json_value({"effective_from": "2025-01-01", "name": "b"})
    s = co.PolicySet([b, a])
    assert [p.name for p in s.policies] == ["a", "b"]
    assert s.in_force_on("2024-06-01").name == "a"
    assert s.in_force_at("2024-12-31T17:00:00Z").name == "b"  # 1 January in Beijing
    with pytest.raises(co.PolicyError) as e:
        s.in_force_on("2023-01-01")
    assert e.value.code == "policy.none_in_force"


def test_calendar_from_holiday_cn():
    data = {"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": True}]}
    cal = co.Calendar.default().with_holiday_cn(data)
    assert cal.covers("2027-06-01") and not cal.is_working_day("2027-01-01")
    policy = co.Policy().with_calendar(cal)
    assert policy.calendar == cal


PASTED = ["13812345678", "zhang.san@example.com", "110101199003071234", "張三"]


@pytest.mark.parametrize("pasted", PASTED)
def test_a_key_that_is_data_is_never_shown(pasted):
    """A table's key may be data pasted in by mistake: the error says where, never what."""
    cases = [
        (lambda: co.Policy.from_toml_str(f'[deadlines]\n"{pasted}" = "3 days"\n'), "policy.unknown_key", "deadlines.?"),
        (lambda: co.Policy.from_json_value({pasted: 1}), "policy.unknown_key", "?"),
        (
            lambda: co.Policy.from_json_str(f'{{"calendar_of": {{"departments": {{"{pasted}": "default"}}}}}}'),
            "policy.contradiction",
            "calendar_of.departments.?",
        ),
        (
            lambda: co.Policy.from_json_value({"reminders": {"stages": {pasted: []}}}),
            "policy.invalid_value",
            "reminders.stages.?",
        ),
    ]
    for load, code, key in cases:
        with pytest.raises(co.PolicyError) as caught:
            load()
        error = caught.value
        assert (error.code, error.key) == (code, key)
        for shown in (str(error), repr(error), *map(str, error.args)):
            assert pasted not in shown and "1381234" not in shown, shown


def test_a_misspelt_key_is_still_named():
    with pytest.raises(co.PolicyError) as caught:
        co.Policy.from_toml_str('[deadlines]\nPlan = "15 days"\n')
    assert caught.value.key == "deadlines.Plan"
