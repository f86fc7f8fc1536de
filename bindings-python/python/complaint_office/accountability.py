"""Accountability (§8): responsibility findings → discipline level and sanctions."""

from ._vocabulary import vocabulary

__all__ = ["Consequence", "Fault", "Level", "Responsibility", "Sanction"]

Responsibility = vocabulary("Responsibility", __name__, "The type of responsibility (§8.1).")
Fault = vocabulary("Fault", __name__, "The degree of fault (§8.1).")
Consequence = vocabulary("Consequence", __name__, "The consequence (§8.1).")
Level = vocabulary("Level", __name__, "The discipline level (§8.2).")
Sanction = vocabulary("Sanction", __name__, "A sanction (§8.2).")
