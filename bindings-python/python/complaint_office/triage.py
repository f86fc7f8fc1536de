"""Triage (§2.2.4, §4.1.2): severity × urgency × complexity → emergency, track and priority,
and the queue order (emergencies first, then priority, then age)."""

from ._native import QueueKey, assess, queue_order
from ._native import TriageAssessment as Assessment
from ._vocabulary import vocabulary

__all__ = [
    "Assessment",
    "Complexity",
    "QueueKey",
    "Severity",
    "Track",
    "Urgency",
    "assess",
    "queue_order",
]

Severity = vocabulary("Severity", __name__, "How severe a complaint is (§2.2.4).")
Urgency = vocabulary("Urgency", __name__, "How urgent a complaint is (§2.2.4).")
Complexity = vocabulary("Complexity", __name__, "Whether handling is simple or complex (§4.1.2).")
Track = vocabulary("Track", __name__, "The handling track (§4.1.2): general, complex or major.")
