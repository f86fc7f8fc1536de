from ._vocabulary import VocabularyEnum

__all__ = ["Complexity", "Severity", "Track", "Urgency"]

class Severity(VocabularyEnum):
    """How severe a complaint is (§2.2.4)."""

    GENERAL = "general"
    SERIOUS = "serious"
    MAJOR = "major"

class Urgency(VocabularyEnum):
    """How urgent a complaint is (§2.2.4)."""

    NORMAL = "normal"
    URGENT = "urgent"

class Complexity(VocabularyEnum):
    """Whether handling is simple or complex (§4.1.2)."""

    SIMPLE = "simple"
    COMPLEX = "complex"

class Track(VocabularyEnum):
    """The handling track (§4.1.2): general, complex or major."""

    GENERAL = "general"
    COMPLEX = "complex"
    MAJOR = "major"

