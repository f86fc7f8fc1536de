"""Accountability (§8): responsibility findings → discipline level and sanctions.

§8.2.3 is fixed and comes first (intent or gross negligence with a serious consequence is
dismissal); every other combination is the policy's :class:`DisciplineTable`.
"""

from ._native import AccountabilityAssessment as Assessment
from ._native import Decision, DisciplineTable, Finding, decide
from ._vocabulary import vocabulary

__all__ = [
    "Assessment",
    "Consequence",
    "Decision",
    "DisciplineTable",
    "Fault",
    "Finding",
    "Level",
    "Responsibility",
    "Sanction",
    "decide",
]

Responsibility = vocabulary("Responsibility", __name__, "The type of responsibility (§8.1.2).")
Fault = vocabulary("Fault", __name__, "The degree of fault (§8.1).")
Consequence = vocabulary("Consequence", __name__, "The consequence (§8.1).")
Level = vocabulary("Level", __name__, "The discipline level (§8.2).")
Sanction = vocabulary("Sanction", __name__, "A sanction (§8.2).")
