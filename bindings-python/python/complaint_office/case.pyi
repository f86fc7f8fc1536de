import datetime
from typing import final, Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from ._vocabulary import VocabularyEnum

from .accountability import Finding
from .archive import Document
from .duration import Duration
from .number import ComplaintNumber
from .period import PeriodRule
from .policy import Policy, PolicySet
from .privacy import PersonalData, Role
from .triage import Track

__all__ = [
    "ActorRole",
    "Case",
    "CaseView",
    "Check",
    "CheckResult",
    "ComplianceReport",
    "Event",
    "EventKind",
    "EvidenceKind",
    "FollowUpMethod",
    "Interviewee",
    "Satisfaction",
    "Schedule",
    "SlaState",
    "Stage",
    "StageDeadline",
    "Status",
    "TeamRole",
]

_Instant = Union[datetime.datetime, str]
_EventLike = Union["Event", Mapping[str, Any], str]

class EventKind(VocabularyEnum):
    """The type of an event, in the order of a case's life."""

    RECEIVED = "received"
    INFORMATION_REQUESTED = "information_requested"
    INFORMATION_SUPPLIED = "information_supplied"
    REGISTERED = "registered"
    CLASSIFIED = "classified"
    ASSESSED = "assessed"
    EMERGENCY_PROCEDURE_STARTED = "emergency_procedure_started"
    TEAM_FORMED = "team_formed"
    INVESTIGATION_PLANNED = "investigation_planned"
    EVIDENCE_ADDED = "evidence_added"
    PROGRESS_REPORTED = "progress_reported"
    PLAN_SUBMITTED = "plan_submitted"
    PLAN_EXTENDED = "plan_extended"
    PLAN_RETURNED = "plan_returned"
    PLAN_APPROVED = "plan_approved"
    IMPLEMENTATION_STARTED = "implementation_started"
    PROBLEM_RAISED = "problem_raised"
    IMPLEMENTATION_COMPLETED = "implementation_completed"
    RESULT_FED_BACK = "result_fed_back"
    OBJECTION_RAISED = "objection_raised"
    REHANDLING_STARTED = "rehandling_started"
    REHANDLING_COMPLETED = "rehandling_completed"
    REHANDLING_DECLINED = "rehandling_declined"
    FOLLOW_UP_VISITED = "follow_up_visited"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    LAPSED = "lapsed"
    ARCHIVED = "archived"
    LEGAL_HOLD_PLACED = "legal_hold_placed"
    LEGAL_HOLD_RELEASED = "legal_hold_released"
    DESTRUCTION_APPROVED = "destruction_approved"
    DESTROYED = "destroyed"

class Status(VocabularyEnum):
    """Where a case stands, in the order of its life."""

    RECEIVED = "received"
    AWAITING_INFORMATION = "awaiting_information"
    REGISTERED = "registered"
    INVESTIGATING = "investigating"
    PLAN_DRAFTED = "plan_drafted"
    PLAN_RETURNED = "plan_returned"
    APPROVED = "approved"
    IMPLEMENTING = "implementing"
    RESULT_FED_BACK = "result_fed_back"
    OBJECTION = "objection"
    REHANDLING = "rehandling"
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"
    LAPSED = "lapsed"
    ARCHIVED = "archived"
    DESTROYED = "destroyed"

class ActorRole(VocabularyEnum):
    """The role in which someone acts."""

    COMPLAINT_OFFICE = "complaint_office"
    INVESTIGATION_TEAM = "investigation_team"
    DEPARTMENT = "department"
    MANAGEMENT = "management"
    LEADERSHIP = "leadership"

class TeamRole(VocabularyEnum):
    """A member's role on the investigation team (§3.1)."""

    DEPARTMENT_HEAD = "department_head"
    TECHNICAL_SPECIALIST = "technical_specialist"
    LEGAL = "legal"
    OTHER = "other"

class EvidenceKind(VocabularyEnum):
    """A method of investigation (§3.2)."""

    DOCUMENT_REVIEW = "document_review"
    SITE_INSPECTION = "site_inspection"
    INTERVIEW = "interview"
    DATA_ANALYSIS = "data_analysis"

class Interviewee(VocabularyEnum):
    """Who was interviewed (§3.2.3)."""

    COMPLAINANT = "complainant"
    STAFF = "staff"
    WITNESS = "witness"

class Satisfaction(VocabularyEnum):
    """The complainant's satisfaction (§4.4.2, §5.2.2)."""

    SATISFIED = "satisfied"
    UNSATISFIED = "unsatisfied"
    UNKNOWN = "unknown"

class FollowUpMethod(VocabularyEnum):
    """How a follow-up visit was made (§5.2.1)."""

    PHONE = "phone"
    QUESTIONNAIRE = "questionnaire"

class Stage(VocabularyEnum):
    """A stage with a time limit."""

    REGISTRATION = "registration"
    EMERGENCY_START = "emergency_start"
    PLAN = "plan"
    PROGRESS = "progress"
    IMPLEMENTATION = "implementation"
    FEEDBACK = "feedback"
    REHANDLING = "rehandling"
    FOLLOW_UP = "follow_up"

class SlaState(VocabularyEnum):
    """The SLA state of a stage at an instant."""

    PENDING = "pending"
    PAUSED = "paused"
    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"
    MET = "met"
    MET_LATE = "met_late"
    STOPPED = "stopped"

class CheckResult(VocabularyEnum):
    """The outcome of one compliance check."""

    PASS = "pass"
    FINDING = "finding"
    VIOLATION = "violation"
    PENDING = "pending"
    NOT_APPLICABLE = "not_applicable"

@final
class Event:
    """One event of a case's history."""

    @staticmethod
    def from_json_str(text: str) -> "Event": ...
    @staticmethod
    def from_json_value(value: Mapping[str, Any]) -> "Event": ...
    def to_json_value(self) -> Dict[str, Any]: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @property
    def kind(self) -> EventKind: ...
    @property
    def at(self) -> datetime.datetime: ...
    @property
    def by(self) -> Optional[str]: ...
    @property
    def role(self) -> Optional[ActorRole]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

@final
class StageDeadline:
    """One stage's deadline and SLA state."""

    @property
    def stage(self) -> Stage: ...
    @property
    def round(self) -> int: ...
    @property
    def clause(self) -> str: ...
    @property
    def started_by(self) -> Optional[EventKind]: ...
    @property
    def started_at(self) -> Optional[datetime.datetime]: ...
    @property
    def duration(self) -> Duration: ...
    @property
    def last_day(self) -> Optional[datetime.date]: ...
    @property
    def due(self) -> Optional[datetime.datetime]: ...
    @property
    def provisional(self) -> bool: ...
    @property
    def rules(self) -> List[PeriodRule]: ...
    @property
    def paused(self) -> int: ...
    @property
    def extended_until(self) -> Optional[datetime.date]: ...
    @property
    def state(self) -> SlaState: ...
    @property
    def met_at(self) -> Optional[datetime.datetime]: ...
    @property
    def remaining_seconds(self) -> Optional[int]: ...
    @property
    def late_seconds(self) -> Optional[int]: ...
    @property
    def late_working_days(self) -> Optional[int]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Schedule:
    """A case's deadlines at an instant."""

    @property
    def now(self) -> datetime.datetime: ...
    @property
    def stages(self) -> List[StageDeadline]: ...
    def stage(self, name: str) -> Optional[StageDeadline]: ...
    def overdue(self) -> List[StageDeadline]: ...
    def running(self) -> List[StageDeadline]: ...
    def to_list(self) -> List[Dict[str, Any]]: ...
    def __len__(self) -> int: ...

@final
class Check:
    """One rule checked."""

    @property
    def rule(self) -> str: ...
    @property
    def clause(self) -> str: ...
    @property
    def result(self) -> CheckResult: ...
    @property
    def detail(self) -> str: ...
    def to_dict(self) -> Dict[str, str]: ...

@final
class ComplianceReport:
    """Every rule checked for a case at an instant."""

    @property
    def at(self) -> datetime.datetime: ...
    @property
    def checks(self) -> List[Check]: ...
    def violations(self) -> List[Check]: ...
    def findings(self) -> List[Check]: ...
    def check(self, rule: str) -> Optional[Check]: ...
    def to_dict(self) -> Dict[str, Any]: ...

@final
class Case:
    """A complaint's case, rebuilt from its events."""

    @staticmethod
    def open(policy: Policy, event: _EventLike) -> "Case": ...
    @staticmethod
    def replay(policy: Policy, events: Iterable[_EventLike]) -> "Case": ...
    @staticmethod
    def replay_json(policy: Policy, json: str) -> "Case": ...
    @staticmethod
    def replay_in(policies: PolicySet, events: Iterable[_EventLike]) -> "Case": ...
    def apply(self, event: _EventLike) -> None: ...
    def allowed_next(self) -> List[EventKind]: ...
    @property
    def policy(self) -> Policy: ...
    @property
    def status(self) -> Status: ...
    @property
    def number(self) -> Optional[ComplaintNumber]: ...
    @property
    def category(self) -> Optional[str]: ...
    @property
    def department(self) -> Optional[str]: ...
    @property
    def track(self) -> Track: ...
    @property
    def emergency(self) -> bool: ...
    @property
    def received_at(self) -> datetime.datetime: ...
    @property
    def registered_at(self) -> Optional[datetime.datetime]: ...
    @property
    def last_event_at(self) -> datetime.datetime: ...
    @property
    def event_count(self) -> int: ...
    @property
    def legal_hold(self) -> bool: ...
    @property
    def archived_on(self) -> Optional[datetime.date]: ...
    @property
    def documents(self) -> List[Document]: ...
    @property
    def pauses(self) -> List[Tuple[datetime.datetime, Optional[datetime.datetime]]]: ...
    @property
    def findings(self) -> List[Finding]: ...
    def view(self, role: Union[Role, str]) -> "CaseView": ...
    def schedule(self, now: _Instant) -> Schedule: ...
    def compliance(self, now: _Instant) -> ComplianceReport: ...

@final
class CaseView:
    """What a role may see of a case (§1.3.4)."""

    @property
    def role(self) -> Role: ...
    @property
    def number(self) -> Optional[ComplaintNumber]: ...
    @property
    def status(self) -> Status: ...
    @property
    def category(self) -> Optional[str]: ...
    @property
    def department(self) -> Optional[str]: ...
    @property
    def track(self) -> Track: ...
    @property
    def emergency(self) -> bool: ...
    @property
    def received_at(self) -> datetime.datetime: ...
    @property
    def personal(self) -> PersonalData: ...
    def to_dict(self) -> Dict[str, Any]: ...
