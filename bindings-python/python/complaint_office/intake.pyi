from ._vocabulary import VocabularyEnum

__all__ = ["Channel", "ComplainantKind", "Field"]

class Channel(VocabularyEnum):
    """How a complaint arrived (§1.2)."""

    EMAIL = "email"
    HOTLINE = "hotline"
    ON_SITE = "on_site"
    OA = "oa"

class ComplainantKind(VocabularyEnum):
    """Who complains (§1.2)."""

    EMPLOYEE = "employee"
    CUSTOMER = "customer"
    PARTNER = "partner"

class Field(VocabularyEnum):
    """A field registration needs (§2.2.1)."""

    NAME = "name"
    CONTACT = "contact"
    TIME = "time"
    CONTENT = "content"

