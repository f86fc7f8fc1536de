import complaint_office as co
from complaint_office import archive

from .common import policy_of

FILE_KEYS = {"number", "archived_on", "documents", "legal_hold", "approval"}


def _file(value):
    unknown = set(value) - FILE_KEYS
    if unknown:
        raise ValueError(f"vector: unknown file keys {sorted(unknown)}")
    return archive.ArchiveFile(
        value["number"],
        value["archived_on"],
        value.get("documents") or [],
        value.get("legal_hold", False),
        value.get("approval"),
    )


def expiry(input):
    calendar = policy_of(input).calendar
    return archive.expiry_with(calendar, input["archived_on"], input["period"]).last_day.isoformat()


def may_destroy(input):
    calendar = policy_of(input).calendar
    approved_on = None
    if input["leadership_approved"]:
        # An approval without a date is on record from the archive date (the earliest).
        approved_on = input.get("approved_on", input["archived_on"])
    decision = archive.may_destroy_with(
        calendar, input["period"], input["archived_on"], approved_on, input["legal_hold"], input["on"]
    )
    return decision.to_dict()


def completeness(input):
    file = _file(input["file"])
    try:
        file.check_complete()
        complete = True
    except co.ArchiveError:
        complete = False
    return {"complete": complete, "missing": file.missing_documents(), "single_form": file.single_form_documents()}


def sweep(input):
    policy = policy_of(input)
    files = [_file(f) for f in input["files"]]
    return [entry.to_dict() for entry in archive.sweep(policy, files, input["on"])]


OPS = {
    "archive.expiry": expiry,
    "archive.may_destroy": may_destroy,
    "archive.completeness": completeness,
    "archive.sweep": sweep,
}
