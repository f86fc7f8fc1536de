"""Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, completeness and contacts.

>>> from complaint_office import Policy, intake
>>> report = intake.check(Policy(), intake.Complaint("hotline", "customer", name="張三"))
>>> report.complete, [f.value for f in report.missing]
(False, ['contact', 'received_at', 'content'])
"""

from ._native import Complaint, IntakeReport, check, parse_contact
from ._vocabulary import vocabulary

__all__ = [
    "Channel",
    "ComplainantKind",
    "Complaint",
    "ContactKind",
    "Field",
    "IntakeReport",
    "check",
    "parse_contact",
]

Channel = vocabulary("Channel", __name__, "How a complaint arrived (§1.2).")
ComplainantKind = vocabulary("ComplainantKind", __name__, "Who complains (§1.2).")
Field = vocabulary("Field", __name__, "A field of a complaint that intake checks (§2.2.1).")
ContactKind = vocabulary("ContactKind", __name__, "What kind of contact detail a complainant gave.")
