"""Vocabularies are enum.Enum subclasses whose values are the JSON names of the core.

Most classes are generated from the core's declarations (``tests/api/vocabularies.json`` is
written by the same tool, from the same declarations); ``Unit``, ``Language`` and ``Refusal``
are built at import from the names the native module gives.
"""

import enum
import json
import pathlib
import pickle

import pytest

import complaint_office as co
from complaint_office import _native

ENUMS = [
    co.Unit, co.Language, co.DayKind, co.Festival, co.EventKind, co.Status, co.ActorRole,
    co.TeamRole, co.EvidenceKind, co.Interviewee, co.Satisfaction, co.FollowUpMethod, co.Stage,
    co.SlaState, co.CheckResult, co.Channel, co.ComplainantKind, co.Field, co.Severity,
    co.Urgency, co.Complexity, co.Track, co.Responsibility, co.Fault, co.Consequence, co.Level,
    co.Sanction, co.Document, co.ContactKind, co.Granularity, co.archive.SweepStatus, co.archive.Refusal,
    co.privacy.MaskKind, co.privacy.Role, co.privacy.Field, co.privacy.Visibility,
    co.calendar.DayReason, co.calendar.DecidedBy, co.calendar.Regulation, co.calendar.NoticeKind,
    co.intake.ReceivedFrom, co.intake.MailPart, co.intake.EmailFindingCode, co.office.Actor,
    co.stats.Outcome, co.stats.MeasuredStage,
]


VOCABULARIES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "api" / "vocabularies.json"
GENERATED = {
    v["python"]: v for v in json.loads(VOCABULARIES.read_text(encoding="utf-8"))["vocabularies"] if v["python"]
}
BUILT_AT_IMPORT = {"duration.Unit", "policy.Language", "archive.Refusal"}


def _key(cls):
    return f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"


def test_every_vocabulary_is_tested():
    assert {_key(cls) for cls in ENUMS} == set(GENERATED) | BUILT_AT_IMPORT


@pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
def test_values_are_the_core_names(cls):
    assert issubclass(cls, enum.Enum) and issubclass(cls, str)
    key = _key(cls)
    if key in BUILT_AT_IMPORT:
        assert [m.value for m in cls] == _native._vocabulary(key)
    else:
        declared = GENERATED[key]
        assert [m.value for m in cls] == [v["name"] for v in declared["values"]]
        assert cls.__doc__ == declared["doc"].replace("`", "``")
    for member in cls:
        assert member == member.value
        assert str(member) == member.value
        assert json.dumps(member) == json.dumps(member.value)
        assert pickle.loads(pickle.dumps(member)) is member
        assert cls(member.value) is member


def test_known_values():
    assert co.Severity.MAJOR == "major"
    assert co.Language.ZH_HANT.value == "zh-Hant"
    assert co.Unit.WORKING_DAYS.value == "working_days"


def test_outputs_are_enum_members():
    info = co.Calendar.default().day("2025-10-01")
    assert info.kind is co.DayKind.HOLIDAY
    assert info.festival is co.Festival.NATIONAL_DAY
    assert co.Duration.parse("5 working days").unit is co.Unit.WORKING_DAYS
    assert co.Policy().language is co.Language.ZH_HANS


def test_members_are_accepted_as_arguments():
    assert co.Duration(5, co.Unit.WORKING_DAYS) == co.Duration.parse("5個工作日")
