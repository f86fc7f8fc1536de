"""The policy file (TOML or JSON, one schema): every blank of POLICY.md filled in, validated
once. Unknown keys are errors (``policy.unknown_key``) and every error names its key.
"""

from ._native import Deadlines, Policy, PolicySet, Retention, Sla
from ._vocabulary import vocabulary

__all__ = ["Deadlines", "Language", "Policy", "PolicySet", "Retention", "Sla"]

Language = vocabulary(
    "Language",
    __name__,
    "The language of labels, reports and charts: zh-Hant, zh-Hans, en.",
)
