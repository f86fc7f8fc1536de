"""Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, completeness and contacts.

>>> from complaint_office import Policy, intake
>>> report = intake.check(Policy(), intake.Complaint("hotline", "customer", name="張三"))
>>> report.complete, [f.value for f in report.missing]
(False, ['contact', 'received_at', 'content'])
"""

from ._native import (
    Attachment,
    Complaint,
    Contact,
    EmailFinding,
    EmailIntake,
    InformationRequest,
    IntakeReport,
    IntakeViolation,
    check,
    email,
    parse_contact,
)
from ._vocabulary import vocabulary

__all__ = [
    "Attachment",
    "Channel",
    "ComplainantKind",
    "Complaint",
    "Contact",
    "ContactKind",
    "EmailFinding",
    "EmailFindingCode",
    "EmailIntake",
    "Field",
    "InformationRequest",
    "IntakeReport",
    "IntakeViolation",
    "MailPart",
    "ReceivedFrom",
    "check",
    "email",
    "parse_contact",
]

Channel = vocabulary("Channel", __name__, "How a complaint arrived (§1.2).")
ComplainantKind = vocabulary("ComplainantKind", __name__, "Who complains (§1.2).")
Field = vocabulary("Field", __name__, "A field of a complaint that intake checks (§2.2.1).")
ContactKind = vocabulary("ContactKind", __name__, "What kind of contact detail a complainant gave.")
ReceivedFrom = vocabulary("ReceivedFrom", __name__, "The header that gave an e-mail's time of receipt.")
MailPart = vocabulary("MailPart", __name__, "Where in an e-mail a finding is.")
EmailFindingCode = vocabulary(
    "EmailFindingCode",
    __name__,
    "What was wrong with an e-mail that could still be read (the values are the codes, ``intake.email_…``).",
)
