"""complaint-office: a company's complaint-handling policy as executable rules.

Complaint numbers, PRC working-day deadlines under the Civil Code's period rules, the case
lifecycle with its schedule and compliance report, retention and statistics, from one Rust
core shared with every other language. The library decides and computes; it never stores,
sends or reads the clock: everything that needs "now" takes it as an argument.

Dates are ``datetime.date`` or ``YYYY-MM-DD``; instants are timezone-aware
``datetime.datetime`` or RFC 3339 text (a naive datetime is an error, never guessed).

>>> from datetime import date
>>> import complaint_office as co
>>> co.Calendar.default().add_working_days(date(2025, 9, 26), 5)
datetime.date(2025, 10, 10)
"""

from . import (
    accountability,
    archive,
    calendar,
    case,
    classify,
    duration,
    errors,
    events,
    history,
    intake,
    number,
    office,
    period,
    policy,
    privacy,
    stats,
    store,
    triage,
)
from ._native import __version__
from .accountability import Consequence, Decision, DisciplineTable, Fault, Finding, Level, Responsibility, Sanction
from .archive import (
    ArchivedDocument,
    ArchiveFile,
    DestructionDecision,
    Document,
    Expiry,
    Refusal,
    SweepEntry,
    SweepStatus,
)
from .calendar import Calendar, DayInfo, DayKind, Festival, from_epoch_day, to_epoch_day
from .case import (
    ActorRole,
    Case,
    CaseView,
    Check,
    CheckResult,
    ComplianceReport,
    Event,
    EventKind,
    EvidenceKind,
    FollowUpMethod,
    Interviewee,
    Satisfaction,
    Schedule,
    SlaState,
    Stage,
    StageDeadline,
    Status,
    TeamRole,
)
from .duration import Duration, Unit
from .errors import (
    AccountabilityError,
    ArgumentError,
    ArchiveError,
    CalendarError,
    CaseError,
    ClassifyError,
    ComplaintOfficeError,
    DurationError,
    EventError,
    HistoryError,
    InputError,
    IntakeError,
    InternalError,
    NumberError,
    OfficeError,
    PeriodError,
    PolicyError,
    PrivacyError,
    StatsError,
    StoreError,
    TimeError,
    TransitionError,
    TriageError,
)
from .classify import Category, Department, Suggestion
from .intake import Channel, ComplainantKind, Complaint, ContactKind, Field, IntakeReport
from .office import Actor, Caseload
from .number import ComplaintNumber, NumberAllocator, NumberSequences, next_number, next_number_at
from .period import Deadline, PeriodRule
from .privacy import MaskKind, PersonalData, Visibility
from .policy import Deadlines, Language, Policy, PolicySet, Retention, Sla
from .stats import Granularity, Ledger, Period, PeriodStats, Record, Report, report_from_csv
from .triage import Complexity, QueueKey, Severity, Track, Urgency

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
