from ._vocabulary import VocabularyEnum

__all__ = ["Document"]

class Document(VocabularyEnum):
    """A document of the archive file (§6.2.1)."""

    REGISTRATION_FORM = "registration_form"
    INVESTIGATION_RECORD = "investigation_record"
    HANDLING_PLAN = "handling_plan"
    RESULT_REPORT = "result_report"
    FOLLOW_UP_RECORD = "follow_up_record"

