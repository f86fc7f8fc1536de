from typing import Dict, Optional, Union, final

from ._vocabulary import VocabularyEnum

__all__ = [
    "FULLY_MASKED",
    "Field",
    "MaskKind",
    "PersonalData",
    "Role",
    "Visibility",
    "is_recognised",
    "mask",
    "visibility",
]

FULLY_MASKED: str

class MaskKind(VocabularyEnum):
    """What a value is, for masking: name, phone, email, id_number."""

    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ID_NUMBER = "id_number"

class Role(VocabularyEnum):
    """Who looks at a case (§1.3.4)."""

    OFFICE = "office"
    INVESTIGATION_TEAM = "investigation_team"
    DEPARTMENT = "department"
    STATISTICS = "statistics"

class Field(VocabularyEnum):
    """A personal field of a case."""

    COMPLAINANT_NAME = "complainant_name"
    CONTACT_PHONE = "contact_phone"
    CONTACT_EMAIL = "contact_email"
    ID_NUMBER = "id_number"
    CONTENT = "content"

class Visibility(VocabularyEnum):
    """What a role sees of a field: full, masked or hidden."""

    FULL = "full"
    MASKED = "masked"
    HIDDEN = "hidden"

@final
class PersonalData:
    """A complainant's personal data; view(role) is what a role gets."""

    def __new__(
        cls,
        complainant_name: Optional[str] = None,
        contact_phone: Optional[str] = None,
        contact_email: Optional[str] = None,
        id_number: Optional[str] = None,
        content: Optional[str] = None,
    ) -> "PersonalData": ...
    @property
    def complainant_name(self) -> Optional[str]: ...
    @property
    def contact_phone(self) -> Optional[str]: ...
    @property
    def contact_email(self) -> Optional[str]: ...
    @property
    def id_number(self) -> Optional[str]: ...
    @property
    def content(self) -> Optional[str]: ...
    def get(self, field: Union[Field, str]) -> Optional[str]: ...
    def set(self, field: Union[Field, str], value: Optional[str]) -> None: ...
    def view(self, role: Union[Role, str]) -> "PersonalData": ...
    def to_dict(self) -> Dict[str, Optional[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...

def mask(kind: Union[MaskKind, str], value: str) -> str: ...
def is_recognised(kind: Union[MaskKind, str], value: str) -> bool: ...
def visibility(role: Union[Role, str], field: Union[Field, str]) -> Visibility: ...
