import datetime
from typing import final, Any, Dict, Iterable, List, Mapping, Optional, Tuple, TypedDict, Union

from ._vocabulary import VocabularyEnum

from .accountability import Decision, Finding
from .intake import Complaint, IntakeReport
from .archive import Document
from .duration import Duration
from .number import ComplaintNumber
from .period import PeriodRule
from .policy import Policy, PolicySet
from .privacy import PersonalData, Role
from .stats import Record
from .triage import Complexity, Severity, Track, Urgency

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
    """§2.2.1: the complaint arrived."""
    INFORMATION_REQUESTED = "information_requested"
    """§2.2.1: the registrar asked the complainant for missing information."""
    INFORMATION_SUPPLIED = "information_supplied"
    """§2.2.1: the complainant supplied it."""
    REGISTERED = "registered"
    """§2.2.1, §2.2.3: initial registration, with the complaint number."""
    CLASSIFIED = "classified"
    """§2.2.2: category and department concerned."""
    ASSESSED = "assessed"
    """§2.2.4: severity, urgency and complexity."""
    EMERGENCY_PROCEDURE_STARTED = "emergency_procedure_started"
    """§2.2.4: the emergency procedure started."""
    TEAM_FORMED = "team_formed"
    """§3.1: the investigation team."""
    INVESTIGATION_PLANNED = "investigation_planned"
    """§3.3.1: the written investigation plan."""
    EVIDENCE_ADDED = "evidence_added"
    """§3.2: a piece of evidence."""
    PROGRESS_REPORTED = "progress_reported"
    """§3.3.3: the complainant was told of progress."""
    PLAN_SUBMITTED = "plan_submitted"
    """§4.1.1: the handling plan, for management review."""
    PLAN_EXTENDED = "plan_extended"
    """§4.1.2: the plan limit extended (complex or major complaints)."""
    PLAN_RETURNED = "plan_returned"
    """§4.2: management sent the plan back for modification."""
    PLAN_APPROVED = "plan_approved"
    """§4.2: management approved the plan."""
    IMPLEMENTATION_STARTED = "implementation_started"
    """§4.3.1: the responsible department started implementing."""
    PROBLEM_RAISED = "problem_raised"
    """§4.3.2: the department raised a problem with the team."""
    IMPLEMENTATION_COMPLETED = "implementation_completed"
    """§4.4.1: implementation complete."""
    RESULT_FED_BACK = "result_fed_back"
    """§4.4.1, §4.4.2: the result went to the complainant, with the written report."""
    OBJECTION_RAISED = "objection_raised"
    """§5.1.2: the complainant is not satisfied or objects."""
    REHANDLING_STARTED = "rehandling_started"
    """§5.1.2: the department handles it again."""
    REHANDLING_COMPLETED = "rehandling_completed"
    """§5.1.2: re-handling complete."""
    REHANDLING_DECLINED = "rehandling_declined"
    """§5.1.2: management decided, with a reason, not to handle it again."""
    FOLLOW_UP_VISITED = "follow_up_visited"
    """§5.2: the follow-up visit."""
    CLOSED = "closed"
    """§5.2.1: the case is closed (refused while the complainant is unsatisfied and neither re-
    handled nor declined, §5.1.2)."""
    REJECTED = "rejected"
    """§1.2, §2.1: not taken up (inadmissible, not a complaint, out of scope), with a reason."""
    WITHDRAWN = "withdrawn"
    """§6.1.1: withdrawn by the complainant."""
    MERGED = "merged"
    """§2.2.3: merged into another case as a duplicate."""
    LAPSED = "lapsed"
    """§2.2.1: the missing information never came within `deadlines.lapse`."""
    ARCHIVED = "archived"
    """§6.2.1: filed in the archive with its documents."""
    LEGAL_HOLD_PLACED = "legal_hold_placed"
    """§6.2.2: a legal hold forbids destruction."""
    LEGAL_HOLD_RELEASED = "legal_hold_released"
    """§6.2.2: the legal hold ended."""
    DESTRUCTION_APPROVED = "destruction_approved"
    """§6.2.2: company leadership approved destruction."""
    DESTROYED = "destroyed"
    """§6.2.2: the files were destroyed."""

class Status(VocabularyEnum):
    """Where a case stands, in the order of its life."""

    RECEIVED = "received"
    """Received, not yet registered."""
    AWAITING_INFORMATION = "awaiting_information"
    """Waiting for the complainant's missing information (the registration clock pauses)."""
    REGISTERED = "registered"
    """Registered and numbered."""
    INVESTIGATING = "investigating"
    """The team is investigating."""
    PLAN_DRAFTED = "plan_drafted"
    """A handling plan awaits management review."""
    PLAN_RETURNED = "plan_returned"
    """Management sent the plan back for modification."""
    APPROVED = "approved"
    """Management approved the plan."""
    IMPLEMENTING = "implementing"
    """The department is implementing the plan."""
    RESULT_FED_BACK = "result_fed_back"
    """The result went to the complainant."""
    OBJECTION = "objection"
    """The complainant objects."""
    REHANDLING = "rehandling"
    """The department handles it again."""
    FOLLOWED_UP = "followed_up"
    """The follow-up visit is done."""
    CLOSED = "closed"
    """Closed after the follow-up visit (§5.2.1)."""
    REJECTED = "rejected"
    """Not taken up: inadmissible, not a complaint or out of scope (§1.2, §2.1)."""
    WITHDRAWN = "withdrawn"
    """Withdrawn by the complainant (§6.1.1)."""
    MERGED = "merged"
    """Merged into another case as a duplicate (§2.2.3)."""
    LAPSED = "lapsed"
    """Lapsed: the missing information never came within `deadlines.lapse` (§2.2.1)."""
    ARCHIVED = "archived"
    """In the archive."""
    DESTROYED = "destroyed"
    """Files destroyed."""

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
    """§2.2.1: initial registration."""
    EMERGENCY_START = "emergency_start"
    """§2.2.4: the start of the emergency procedure."""
    PLAN = "plan"
    """§4.1.2: the handling plan."""
    PROGRESS = "progress"
    """§3.3.3: a progress report while the team investigates."""
    IMPLEMENTATION = "implementation"
    """§4.3.1: implementation by the plan's time points."""
    FEEDBACK = "feedback"
    """§4.4.1: result feedback."""
    REHANDLING = "rehandling"
    """§5.1.2: re-handling after an objection."""
    FOLLOW_UP = "follow_up"
    """§5.2.1: the follow-up visit."""

class SlaState(VocabularyEnum):
    """The SLA state of a stage at an instant."""

    PENDING = "pending"
    """Its clock has not started."""
    PAUSED = "paused"
    """Its clock is paused (waiting for the complainant)."""
    OPEN = "open"
    """Running, with time to spare."""
    DUE_SOON = "due_soon"
    """Running, with little time left."""
    OVERDUE = "overdue"
    """Its due instant has passed."""
    SUBMITTED = "submitted"
    """Done and awaiting approval (a plan before management, §4.2): its clock stopped at the
    submission."""
    MET = "met"
    """Met in time."""
    MET_LATE = "met_late"
    """Met, but after its due instant."""
    STOPPED = "stopped"
    """Its clock stopped before it was met: a disposition ended the case (§1.2, §2.2.1, §2.2.3,
    §6.1.1), a re-handling superseded the follow-up (§5.1.2) or the emergency was lifted
    (§2.2.4)."""

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
    def clause(self) -> str: ...
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
    def calendar(self) -> str:
        """The name of the calendar the clock runs on (`"default"` for a policy with one)."""
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
    def clause(self) -> Optional[str]:
        """The clause; None for a check that stands on no clause (`provisional_days`)."""
    @property
    def result(self) -> CheckResult: ...
    @property
    def detail(self) -> str: ...
    def to_dict(self) -> Dict[str, Optional[str]]: ...

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

class _CaseAssessment(TypedDict):
    severity: Severity
    urgency: Urgency
    complexity: Complexity
    emergency: bool
    track: Track

@final
class Case:
    """A complaint's case, rebuilt from its events."""

    @staticmethod
    def open(policy: Policy, event: _EventLike) -> "Case": ...
    @staticmethod
    def replay(policy: Policy, events: Union[Iterable[_EventLike], str]) -> "Case": ...
    @staticmethod
    def replay_json(policy: Policy, json: str) -> "Case": ...
    @staticmethod
    def replay_in(
        policies: PolicySet, events: Union[Iterable[_EventLike], str]
    ) -> "Case": ...
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
    def complaint(self) -> Complaint:
        """The complaint as received, personal data included (the complaint office's view)."""
    @property
    def intake(self) -> IntakeReport:
        """What intake found when the complaint was received (§1.2, §2.1, §2.2.1)."""
    @property
    def assessment(self) -> Optional[_CaseAssessment]:
        """The initial assessment (§2.2.4), or None before the case is assessed."""
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
    def decisions(self) -> List[Tuple[Finding, Decision]]:
        """Each finding with the discipline the policy's table decides for it (§8.2)."""
    def view(self, role: Union[Role, str]) -> "CaseView": ...
    def schedule(self, now: _Instant) -> Schedule: ...
    def compliance(self, now: _Instant) -> ComplianceReport: ...
    def record(self) -> Optional[Record]:
        """The case as a ledger row (§2.2.2, §7.1) once it has a number, else None."""

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
