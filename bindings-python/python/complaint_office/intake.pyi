import datetime
from typing import Any, Dict, List, Optional, Tuple, Union, final

from ._vocabulary import VocabularyEnum
from .policy import Policy

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
    """A field of a complaint that intake checks (§2.2.1)."""

    NAME = "name"
    CONTACT = "contact"
    RECEIVED_AT = "received_at"
    CONTENT = "content"
    SUBJECT = "subject"

class ContactKind(VocabularyEnum):
    """What kind of contact detail a complainant gave."""

    MOBILE = "mobile"
    LANDLINE = "landline"
    EMAIL = "email"
    INTERNATIONAL = "international"

@final
class Complaint:
    """A complaint as received, before registration."""

    def __new__(
        cls,
        channel: Union[Channel, str],
        complainant_kind: Union[ComplainantKind, str],
        name: Optional[str] = None,
        contact: Optional[str] = None,
        received_at: Optional[Union[datetime.datetime, str]] = None,
        content: Optional[str] = None,
        subject: Optional[str] = None,
    ) -> "Complaint": ...
    @property
    def channel(self) -> Channel: ...
    @property
    def complainant_kind(self) -> ComplainantKind: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def contact(self) -> Optional[str]: ...
    @property
    def received_at(self) -> Optional[datetime.datetime]: ...
    @property
    def content(self) -> Optional[str]: ...
    @property
    def subject(self) -> Optional[str]: ...
    def has(self, field: Union[Field, str]) -> bool: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class IntakeReport:
    """What intake found."""

    @property
    def admissible(self) -> bool: ...
    @property
    def complete(self) -> bool: ...
    @property
    def missing(self) -> List[Field]: ...
    @property
    def contact_kind(self) -> Optional[ContactKind]: ...
    def to_dict(self) -> Dict[str, Any]: ...

def check(policy: Policy, complaint: Complaint) -> IntakeReport: ...
def parse_contact(text: str) -> Tuple[ContactKind, str]: ...
