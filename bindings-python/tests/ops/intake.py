from complaint_office import intake

from .common import policy_of

KEYS = {"channel", "complainant_kind", "name", "contact", "received_at", "content", "subject"}


def _complaint(value):
    unknown = set(value) - KEYS
    if unknown:
        raise ValueError(f"vector: unknown complaint keys {sorted(unknown)}")
    return intake.Complaint(
        value["channel"],
        value["complainant_kind"],
        name=value.get("name"),
        contact=value.get("contact"),
        received_at=value.get("received_at"),
        content=value.get("content"),
        subject=value.get("subject"),
    )


def check(input):
    policy = policy_of(input)
    return intake.check(policy, _complaint(input["complaint"])).to_dict()


def contact(input):
    kind, normalized = intake.parse_contact(input["text"])
    return {"kind": kind, "normalized": normalized}


OPS = {"intake.check": check, "intake.contact": contact}
