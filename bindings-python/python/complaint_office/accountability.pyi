from ._vocabulary import VocabularyEnum

__all__ = ["Consequence", "Fault", "Level", "Responsibility", "Sanction"]

class Responsibility(VocabularyEnum):
    """The type of responsibility (§8.1)."""

    DIRECT = "direct"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    LEADERSHIP = "leadership"

class Fault(VocabularyEnum):
    """The degree of fault (§8.1)."""

    INTENTIONAL = "intentional"
    GROSS_NEGLIGENCE = "gross_negligence"
    NEGLIGENCE = "negligence"

class Consequence(VocabularyEnum):
    """The consequence (§8.1)."""

    GENERAL = "general"
    SERIOUS = "serious"

class Level(VocabularyEnum):
    """The discipline level (§8.2)."""

    LIGHT = "light"
    HEAVY = "heavy"
    DISMISSAL = "dismissal"

class Sanction(VocabularyEnum):
    """A sanction (§8.2)."""

    CRITICISM_EDUCATION = "criticism_education"
    WARNING = "warning"
    FINE = "fine"
    DEMOTION = "demotion"
    PAY_CUT = "pay_cut"
    TERMINATION = "termination"
    LEGAL_LIABILITY = "legal_liability"

