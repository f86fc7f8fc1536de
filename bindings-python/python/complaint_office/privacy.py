"""Confidentiality (§1.3.4): masking of names, phones, e-mails and ID numbers, what each role
may see of a case, and redacted views of personal data.

>>> from complaint_office import privacy
>>> privacy.mask("email", "zhangsan@example.com")
'z*******@example.com'
>>> privacy.visibility("department", "complainant_name")
<Visibility.HIDDEN: 'hidden'>
"""

from ._native import FULLY_MASKED, PersonalData, is_recognised, mask, visibility
from ._vocabulary import vocabulary

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

MaskKind = vocabulary("MaskKind", __name__, "What a value is, for masking: name, phone, email, id_number.")
Role = vocabulary("Role", __name__, "Who looks at a case (§1.3.4).")
Field = vocabulary("Field", __name__, "A personal field of a case.")
Visibility = vocabulary("Visibility", __name__, "What a role sees of a field: full, masked or hidden.")
