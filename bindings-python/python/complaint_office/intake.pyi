import datetime
from typing import Any, Dict, List, Optional, Tuple, Union, final

from ._vocabulary import VocabularyEnum
from .policy import Policy

__all__ = [
    "Attachment",
    "Channel",
    "ComplainantKind",
    "Complaint",
    "Contact",
    "ContactKind",
    "EmailFinding",
    "EmailFindingCode",
    "EmailIntake",
    "Field",
    "InformationRequest",
    "IntakeReport",
    "IntakeViolation",
    "MailPart",
    "ReceivedFrom",
    "check",
    "email",
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

class ReceivedFrom(VocabularyEnum):
    """The header that gave an e-mail's time of receipt."""

    RECEIVED = "received"
    DATE = "date"

class MailPart(VocabularyEnum):
    """Where in an e-mail a finding is."""

    HEADER = "header"
    SUBJECT = "subject"
    FROM = "from"
    DATE = "date"
    RECEIVED = "received"
    BODY = "body"
    ATTACHMENT = "attachment"

class EmailFindingCode(VocabularyEnum):
    """What was wrong with an e-mail that could still be read."""

    EMAIL_CHARSET_UNKNOWN = "intake.email_charset_unknown"
    EMAIL_CHARSET_MISSING = "intake.email_charset_missing"
    EMAIL_CHARSET_ASSUMED = "intake.email_charset_assumed"
    EMAIL_TEXT_MALFORMED = "intake.email_text_malformed"
    EMAIL_ENCODING_DAMAGED = "intake.email_encoding_damaged"
    EMAIL_CONTENT_FROM_HTML = "intake.email_content_from_html"
    EMAIL_HEADER_UNREADABLE = "intake.email_header_unreadable"
    EMAIL_HEADER_LINE_SKIPPED = "intake.email_header_line_skipped"

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
    @property
    def violations(self) -> List["IntakeViolation"]: ...
    @property
    def requests(self) -> List["InformationRequest"]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class IntakeViolation:
    """A rule a complaint breaks: code, clause and field, never the value."""

    @property
    def code(self) -> str: ...
    @property
    def clause(self) -> str: ...
    @property
    def field(self) -> Optional[Field]: ...
    @property
    def bars_admission(self) -> bool: ...

@final
class InformationRequest:
    """What to ask the complainant for: the field and why."""

    @property
    def field(self) -> Field: ...
    @property
    def code(self) -> str: ...

@final
class Contact:
    """A usable contact detail, normalised. Personal data: its repr shows the kind only."""

    @staticmethod
    def parse(text: str) -> "Contact": ...
    @property
    def kind(self) -> ContactKind: ...
    @property
    def normalized(self) -> str: ...
    def as_str(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def check(policy: Policy, complaint: Complaint) -> IntakeReport: ...
def parse_contact(text: str) -> Tuple[ContactKind, str]: ...

@final
class Attachment:
    """An attachment of an e-mail, by name and size."""

    @property
    def name(self) -> Optional[str]: ...
    @property
    def size(self) -> int: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class EmailFinding:
    """Something wrong with an e-mail that did not stop it being read."""

    @property
    def code(self) -> EmailFindingCode: ...
    @property
    def part(self) -> MailPart: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class EmailIntake:
    """A complaint read from one e-mail (§2.1.1), with what intake makes of it."""

    @property
    def complaint(self) -> Complaint: ...
    @property
    def received_from(self) -> Optional[ReceivedFrom]: ...
    @property
    def received_at(self) -> Optional[datetime.datetime]: ...
    @property
    def attachments(self) -> List[Attachment]: ...
    @property
    def findings(self) -> List[EmailFinding]: ...
    @property
    def report(self) -> IntakeReport: ...
    def to_dict(self) -> Dict[str, Any]: ...

def email(
    policy: Policy, message: bytes, complainant_kind: Union[ComplainantKind, str] = "customer"
) -> EmailIntake: ...
