"""The case lifecycle (§2–§6): a complaint's life as events (dicts, JSON or :class:`Event`),
rebuilt by :meth:`Case.replay`, judged at every :meth:`Case.apply`, with its deadline
:meth:`Case.schedule` and :meth:`Case.compliance` report at any instant.
"""

from ._native import Case, CaseView, Check, ComplianceReport, Event, Schedule, StageDeadline
from ._vocabulary import vocabulary

__all__ = [
    "ActorRole",
    "Case",
    "CaseView",
    "Check",
    "CheckResult",
    "ComplianceReport",
    "Event",
    "EventKind",
    "EvidenceKind",
    "FollowUpMethod",
    "Interviewee",
    "Satisfaction",
    "Schedule",
    "SlaState",
    "Stage",
    "StageDeadline",
    "Status",
    "TeamRole",
]

EventKind = vocabulary("EventKind", __name__, "The type of an event, in the order of a case's life.")
Status = vocabulary("Status", __name__, "Where a case stands, in the order of its life.")
ActorRole = vocabulary("ActorRole", __name__, "The role in which someone acts.")
TeamRole = vocabulary("TeamRole", __name__, "A member's role on the investigation team (§3.1).")
EvidenceKind = vocabulary("EvidenceKind", __name__, "A method of investigation (§3.2).")
Interviewee = vocabulary("Interviewee", __name__, "Who was interviewed (§3.2.3).")
Satisfaction = vocabulary("Satisfaction", __name__, "The complainant's satisfaction (§4.4.2, §5.2.2).")
FollowUpMethod = vocabulary("FollowUpMethod", __name__, "How a follow-up visit was made (§5.2.1).")
Stage = vocabulary("Stage", __name__, "A stage with a time limit.")
SlaState = vocabulary("SlaState", __name__, "The SLA state of a stage at an instant.")
CheckResult = vocabulary("CheckResult", __name__, "The outcome of one compliance check.")
