"""Accountability, archive and confidentiality through the Python API."""

import datetime as dt
import pickle
import json

import pytest

import complaint_office as co
from complaint_office import accountability as acc
from complaint_office import archive, privacy


def test_dismissal_is_fixed_and_first():
    table = co.Policy().discipline
    d = table.decide(acc.Assessment(acc.Responsibility.LEADERSHIP, acc.Fault.INTENTIONAL, acc.Consequence.SERIOUS))
    assert d.level is acc.Level.DISMISSAL
    assert d.sanctions == [acc.Sanction.TERMINATION, acc.Sanction.LEGAL_LIABILITY]
    assert len(table.entries()) == 24 == len(acc.Assessment.all())
    a = acc.Assessment("direct", "negligence", "general")
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(co.AccountabilityError) as e:
        acc.Assessment("direct", "sloppiness", "general")
    assert e.value.code == "accountability.unknown_fault"


def test_findings_are_checked_and_never_printed():
    f = acc.Finding("E1024", "direct", "negligence", "general", "told 張三 13812345678", "", "one line")
    with pytest.raises(co.AccountabilityError) as e:
        f.check()
    assert e.value.code == "accountability.incomplete_finding"
    assert "13812345678" not in repr(f) and "張三" not in repr(f)


def test_archive_files():
    docs = [{"document": d, "electronic": f"e-{d}", "paper": f"p-{d}"} for d in archive.Document]
    f = archive.ArchiveFile("22100001", dt.date(2022, 10, 1), docs, approval={"approved_by": "L-1", "approved_on": "2025-10-10"})
    f.check_complete()
    assert archive.expiry(co.Policy(), f.archived_on).last_day == dt.date(2025, 10, 9)
    assert archive.may_destroy(co.Policy(), f, "2025-10-09").reason is archive.Refusal.RETENTION_NOT_EXPIRED
    assert archive.may_destroy(co.Policy(), f, "2025-10-10").allowed
    [entry] = archive.sweep(co.Policy(), [f], "2025-10-10")
    assert entry.status is archive.SweepStatus.MAY_DESTROY
    with pytest.raises(co.ArchiveError) as e:
        archive.may_destroy(co.Policy(), f, "2025-10-09").into_result()
    assert (e.value.code, e.value.clause) == ("archive.retention_not_expired", "§6.2.2")
    incomplete = archive.ArchiveFile("22100001", "2022-10-01")
    with pytest.raises(co.ArchiveError) as e:
        incomplete.check_complete()
    assert e.value.code == "archive.missing_documents"


def test_masking_and_views():
    assert privacy.mask(privacy.MaskKind.ID_NUMBER, "110101199003071234") == "110101********1234"
    assert privacy.mask("name", "") == ""
    data = privacy.PersonalData(complainant_name="張三", contact_phone="13812345678", content="張三 13812345678")
    assert data.view(privacy.Role.STATISTICS).to_dict() == dict.fromkeys(data.to_dict())
    assert "張三" not in repr(data) and "13812345678" not in repr(data)
    with pytest.raises(co.PrivacyError) as e:
        privacy.mask("shoe_size", "42")
    assert e.value.code == "privacy.unknown_kind"


def test_archive_file_from_its_json_form():
    from complaint_office.archive import ArchiveFile
    data = {"number": "25010001", "archived_on": "2025-01-20",
            "documents": [{"document": "registration_form", "paper": "box 3"}],
            "legal_hold": True, "approval": {"approved_by": "ceo-01", "approved_on": "2030-02-01"}}
    built = ArchiveFile("25010001", "2025-01-20", [{"document": "registration_form", "paper": "box 3"}],
                        legal_hold=True, approval={"approved_by": "ceo-01", "approved_on": "2030-02-01"})
    assert ArchiveFile.from_json(data) == built
    assert ArchiveFile.from_json(json.dumps(data)) == built
    assert ArchiveFile.from_json({"number": "25010001", "archived_on": "2025-01-20"}).documents == []
    for bad in ({**data, "number": "25130001"}, {**data, "extra": 1}, {"number": "25010001"}, "[", 7):
        with pytest.raises(co.errors.ArgumentError):
            ArchiveFile.from_json(bad)
