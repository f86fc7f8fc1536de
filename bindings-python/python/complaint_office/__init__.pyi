from . import accountability as accountability
from . import archive as archive
from . import calendar as calendar
from . import case as case
from . import classify as classify
from . import duration as duration
from . import errors as errors
from . import events as events
from . import history as history
from . import intake as intake
from . import number as number
from . import office as office
from . import period as period
from . import policy as policy
from . import privacy as privacy
from . import stats as stats
from . import store as store
from . import triage as triage
from .accountability import (
    Consequence as Consequence,
    Decision as Decision,
    DisciplineTable as DisciplineTable,
    Fault as Fault,
    Finding as Finding,
    Level as Level,
    Responsibility as Responsibility,
    Sanction as Sanction,
)
from .archive import (
    ArchivedDocument as ArchivedDocument,
    ArchiveFile as ArchiveFile,
    DestructionDecision as DestructionDecision,
    Document as Document,
    Expiry as Expiry,
    Refusal as Refusal,
    SweepEntry as SweepEntry,
    SweepStatus as SweepStatus,
)
from .calendar import (
    Calendar as Calendar,
    DayInfo as DayInfo,
    DayKind as DayKind,
    Festival as Festival,
    from_epoch_day as from_epoch_day,
    to_epoch_day as to_epoch_day,
)
from .case import (
    ActorRole as ActorRole,
    Case as Case,
    CaseView as CaseView,
    Check as Check,
    CheckResult as CheckResult,
    ComplianceReport as ComplianceReport,
    Event as Event,
    EventKind as EventKind,
    EvidenceKind as EvidenceKind,
    FollowUpMethod as FollowUpMethod,
    Interviewee as Interviewee,
    Satisfaction as Satisfaction,
    Schedule as Schedule,
    SlaState as SlaState,
    Stage as Stage,
    StageDeadline as StageDeadline,
    Status as Status,
    TeamRole as TeamRole,
)
from .duration import (
    Duration as Duration,
    Unit as Unit,
)
from .errors import (
    AccountabilityError as AccountabilityError,
    ArgumentError as ArgumentError,
    ArchiveError as ArchiveError,
    CalendarError as CalendarError,
    CaseError as CaseError,
    ClassifyError as ClassifyError,
    ComplaintOfficeError as ComplaintOfficeError,
    DurationError as DurationError,
    EventError as EventError,
    HistoryError as HistoryError,
    StoreError as StoreError,
    IntakeError as IntakeError,
    InputError as InputError,
    InternalError as InternalError,
    NumberError as NumberError,
    OfficeError as OfficeError,
    PeriodError as PeriodError,
    PolicyError as PolicyError,
    PrivacyError as PrivacyError,
    StatsError as StatsError,
    TimeError as TimeError,
    TransitionError as TransitionError,
    TriageError as TriageError,
)
from .classify import (
    Category as Category,
    Department as Department,
    Suggestion as Suggestion,
)
from .intake import (
    Channel as Channel,
    ComplainantKind as ComplainantKind,
    Complaint as Complaint,
    ContactKind as ContactKind,
    Field as Field,
    IntakeReport as IntakeReport,
)
from .office import (
    Actor as Actor,
    Caseload as Caseload,
)
from .number import (
    ComplaintNumber as ComplaintNumber,
    NumberAllocator as NumberAllocator,
    NumberSequences as NumberSequences,
    next_number as next_number,
    next_number_at as next_number_at,
)
from .period import (
    Deadline as Deadline,
    PeriodRule as PeriodRule,
)
from .privacy import (
    MaskKind as MaskKind,
    PersonalData as PersonalData,
    Visibility as Visibility,
)
from .policy import (
    Deadlines as Deadlines,
    Language as Language,
    Policy as Policy,
    PolicySet as PolicySet,
    Retention as Retention,
    Sla as Sla,
)
from .stats import (
    Granularity as Granularity,
    Ledger as Ledger,
    Period as Period,
    PeriodStats as PeriodStats,
    Record as Record,
    Report as Report,
    report_from_csv as report_from_csv,
)
from .triage import (
    Complexity as Complexity,
    QueueKey as QueueKey,
    Severity as Severity,
    Track as Track,
    Urgency as Urgency,
)

__version__: str

__all__ = [
    # modules
    "accountability", "archive", "calendar", "case", "classify", "duration", "errors", "events", "history",
    "intake", "number", "office", "period", "policy", "privacy", "stats", "store", "triage",
    "__version__",
    # errors
    "ComplaintOfficeError", "TimeError", "DurationError", "NumberError", "PolicyError",
    "CalendarError", "PeriodError", "IntakeError", "ClassifyError", "TriageError", "CaseError",
    "EventError", "TransitionError", "AccountabilityError", "ArchiveError", "PrivacyError",
    "StatsError", "OfficeError", "HistoryError", "InputError", "ArgumentError", "StoreError",
    "InternalError",
    # durations and numbers
    "Duration", "Unit", "ComplaintNumber", "NumberAllocator", "NumberSequences", "next_number",
    "next_number_at",
    # policy, calendar, periods
    "Policy", "PolicySet", "Deadlines", "Sla", "Retention", "Language",
    "Calendar", "DayInfo", "DayKind", "Festival", "to_epoch_day", "from_epoch_day",
    "Deadline", "PeriodRule",
    # cases
    "Case", "CaseView", "Event", "EventKind", "Status", "ActorRole", "TeamRole", "EvidenceKind",
    "Interviewee", "Satisfaction", "FollowUpMethod", "Schedule", "StageDeadline", "Stage",
    "SlaState", "ComplianceReport", "Check", "CheckResult",
    # intake, classification, triage
    "Channel", "ComplainantKind", "Complaint", "ContactKind", "Field", "IntakeReport",
    "Category", "Department", "Suggestion", "Severity", "Urgency", "Complexity", "Track",
    "QueueKey",
    # statistics
    "Granularity", "Ledger", "Period", "PeriodStats", "Record", "Report", "report_from_csv",
    # the office at work
    "Caseload", "Actor",
    # accountability
    "Responsibility", "Fault", "Consequence", "Level", "Sanction", "Decision", "DisciplineTable",
    "Finding",
    # archive and privacy
    "ArchiveFile", "ArchivedDocument", "DestructionDecision", "Document", "Expiry", "Refusal",
    "SweepEntry", "SweepStatus", "MaskKind", "PersonalData", "Visibility",
]
