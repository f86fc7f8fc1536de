"""Intake (§1.2, §2.1, §2.2.1): channels, complainant kinds, required fields."""

from ._vocabulary import vocabulary

__all__ = ["Channel", "ComplainantKind", "Field"]

Channel = vocabulary("Channel", __name__, "How a complaint arrived (§1.2).")
ComplainantKind = vocabulary("ComplainantKind", __name__, "Who complains (§1.2).")
Field = vocabulary("Field", __name__, "A field registration needs (§2.2.1).")
