"""Records and archive (§6): the five documents, retention expiry, destruction, sweeps.

Destruction is allowed only after the retention's last day, with a leadership approval on
record and no legal hold; otherwise the :class:`Refusal` says why, in that order.
"""

from ._native import (
    ArchivedDocument,
    ArchiveFile,
    DestructionDecision,
    Expiry,
    SweepEntry,
    expiry,
    expiry_with,
    may_destroy,
    may_destroy_with,
    missing_documents,
    sweep,
)
from ._vocabulary import vocabulary

__all__ = [
    "ArchiveFile",
    "ArchivedDocument",
    "DestructionDecision",
    "Document",
    "Expiry",
    "Refusal",
    "SweepEntry",
    "SweepStatus",
    "expiry",
    "expiry_with",
    "may_destroy",
    "may_destroy_with",
    "missing_documents",
    "sweep",
]

Document = vocabulary("Document", __name__, "A document of the archive file (§6.2.1).")
SweepStatus = vocabulary("SweepStatus", __name__, "Where a retention sweep puts a file.")
Refusal = vocabulary(
    "Refusal",
    __name__,
    "Why a file may not be destroyed (§6.2.2); the values are the error codes.",
)
