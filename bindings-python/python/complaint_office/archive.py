"""Archive and retention (§6): the five documents, retention expiry, destruction."""

from ._vocabulary import vocabulary

__all__ = ["Document"]

Document = vocabulary("Document", __name__, "A document of the archive file (§6.2.1).")
