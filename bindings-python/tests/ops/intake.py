import base64

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


def _complaint_json(c):
    return {
        "channel": c.channel,
        "complainant_kind": c.complainant_kind,
        "name": c.name,
        "contact": c.contact,
        "received_at": None if c.received_at is None else c.received_at.isoformat(),
        "content": c.content,
        "subject": c.subject,
    }


def email(input):
    policy = policy_of(input)
    message = base64.b64decode(input["message_base64"], validate=True)
    if "complainant_kind" in input:
        mail = intake.email(policy, message, input["complainant_kind"])
    else:
        mail = intake.email(policy, message)
    return {
        "complaint": _complaint_json(mail.complaint),
        "received_from": mail.received_from,
        "attachments": [{"name": a.name, "size": a.size} for a in mail.attachments],
        "findings": [{"code": f.code, "part": f.part} for f in mail.findings],
        "report": mail.report.to_dict(),
    }


OPS = {"intake.check": check, "intake.contact": contact, "intake.email": email}
