"""Typed events: one ``TypedDict`` per event type the core knows, and a keyword constructor for
each, returning the plain dict that :meth:`Case.replay`, :meth:`Case.apply` and :meth:`Case.open`
accept (the stored event format; ``None`` arguments are left out).

>>> from complaint_office import events
>>> events.registered(at="2025-09-26T11:00:00+08:00", number="25090001")
{'type': 'registered', 'at': '2025-09-26T11:00:00+08:00', 'number': '25090001'}

Every event also has ``at`` (an instant) and, optionally, ``by`` (a staff id) and ``role``
(an :class:`~complaint_office.case.ActorRole`). Vocabulary values may be the enums or their names.
"""

import datetime
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

Instant = Union[datetime.datetime, str]
Day = Union[datetime.date, str]

__all__ = [
    "Instant",
    "Day",
    "EventData",
    "Member",
    "Step",
    "TimePoint",
    "ResponsibilityFinding",
    "Received",
    "InformationRequested",
    "InformationSupplied",
    "Registered",
    "Classified",
    "Assessed",
    "EmergencyProcedureStarted",
    "TeamFormed",
    "InvestigationPlanned",
    "EvidenceAdded",
    "ProgressReported",
    "PlanSubmitted",
    "PlanExtended",
    "PlanReturned",
    "PlanApproved",
    "ImplementationStarted",
    "ProblemRaised",
    "ImplementationCompleted",
    "ResultFedBack",
    "ObjectionRaised",
    "RehandlingStarted",
    "RehandlingCompleted",
    "RehandlingDeclined",
    "FollowUpVisited",
    "Closed",
    "Rejected",
    "Withdrawn",
    "Merged",
    "Lapsed",
    "Archived",
    "LegalHoldPlaced",
    "LegalHoldReleased",
    "DestructionApproved",
    "Destroyed",
    "received",
    "information_requested",
    "information_supplied",
    "registered",
    "classified",
    "assessed",
    "emergency_procedure_started",
    "team_formed",
    "investigation_planned",
    "evidence_added",
    "progress_reported",
    "plan_submitted",
    "plan_extended",
    "plan_returned",
    "plan_approved",
    "implementation_started",
    "problem_raised",
    "implementation_completed",
    "result_fed_back",
    "objection_raised",
    "rehandling_started",
    "rehandling_completed",
    "rehandling_declined",
    "follow_up_visited",
    "closed",
    "rejected",
    "withdrawn",
    "merged",
    "lapsed",
    "archived",
    "legal_hold_placed",
    "legal_hold_released",
    "destruction_approved",
    "destroyed",
]


class _MemberKeys(TypedDict):
    id: str
    role: str


class Member(_MemberKeys, total=False):
    """A member of the investigation team (§3.1): ``role`` ``department_head``, ``technical_specialist``, ``legal`` or ``other``."""

    department: str


class Step(TypedDict):
    """A step of the investigation plan (§3.3.1)."""

    description: str
    due: Optional[Day]
    owner: Optional[str]


class TimePoint(TypedDict):
    """A time point of a handling plan (§4.1.1)."""

    what: str
    due: Day


class ResponsibilityFinding(TypedDict):
    """A responsibility finding (§8.1): the assessment and the subject (a staff id or role)."""

    responsibility: str
    fault: str
    consequence: str
    subject: str
    nature: str
    degree: str
    scope: str


class _ReceivedKeys(TypedDict):
    type: Literal["received"]
    at: Instant
    channel: str
    complainant_kind: str


class Received(_ReceivedKeys, total=False):
    """``received``: The complaint arrived (§2.2.1); ``received_at`` defaults to ``at``."""

    by: Optional[str]
    role: Optional[str]
    name: Optional[str]
    contact: Optional[str]
    content: Optional[str]
    subject: Optional[str]
    received_at: Optional[Instant]


class _InformationRequestedKeys(TypedDict):
    type: Literal["information_requested"]
    at: Instant
    fields: List[str]


class InformationRequested(_InformationRequestedKeys, total=False):
    """``information_requested``: The registrar asked for missing information (§2.2.1): ``fields`` of ``name``, ``contact``, ``time``, ``content``."""

    by: Optional[str]
    role: Optional[str]


class _InformationSuppliedKeys(TypedDict):
    type: Literal["information_supplied"]
    at: Instant


class InformationSupplied(_InformationSuppliedKeys, total=False):
    """``information_supplied``: The complainant supplied it (§2.2.1); absent keys keep their value."""

    by: Optional[str]
    role: Optional[str]
    name: str
    contact: str
    content: str


class _RegisteredKeys(TypedDict):
    type: Literal["registered"]
    at: Instant
    number: str


class Registered(_RegisteredKeys, total=False):
    """``registered``: Initial registration with the complaint number (§2.2.1, §2.2.3)."""

    by: Optional[str]
    role: Optional[str]


class _ClassifiedKeys(TypedDict):
    type: Literal["classified"]
    at: Instant
    category: str


class Classified(_ClassifiedKeys, total=False):
    """``classified``: Category and department (§2.2.2); the department defaults to the category's."""

    by: Optional[str]
    role: Optional[str]
    department: str


class _AssessedKeys(TypedDict):
    type: Literal["assessed"]
    at: Instant
    severity: str
    urgency: str
    complexity: str


class Assessed(_AssessedKeys, total=False):
    """``assessed``: Severity, urgency and complexity (§2.2.4)."""

    by: Optional[str]
    role: Optional[str]


class _EmergencyProcedureStartedKeys(TypedDict):
    type: Literal["emergency_procedure_started"]
    at: Instant


class EmergencyProcedureStarted(_EmergencyProcedureStartedKeys, total=False):
    """``emergency_procedure_started``: The emergency procedure started (§2.2.4)."""

    by: Optional[str]
    role: Optional[str]
    measures: str


class _TeamFormedKeys(TypedDict):
    type: Literal["team_formed"]
    at: Instant
    members: List[Member]


class TeamFormed(_TeamFormedKeys, total=False):
    """``team_formed``: The investigation team (§3.1)."""

    by: Optional[str]
    role: Optional[str]


class _InvestigationPlannedKeys(TypedDict):
    type: Literal["investigation_planned"]
    at: Instant
    steps: List[Step]


class InvestigationPlanned(_InvestigationPlannedKeys, total=False):
    """``investigation_planned``: The written investigation plan (§3.3.1)."""

    by: Optional[str]
    role: Optional[str]


class _EvidenceAddedKeys(TypedDict):
    type: Literal["evidence_added"]
    at: Instant
    kind: str


class EvidenceAdded(_EvidenceAddedKeys, total=False):
    """``evidence_added``: A piece of evidence (§3.2)."""

    by: Optional[str]
    role: Optional[str]
    signed: bool
    interviewee: str
    summary: str


class _ProgressReportedKeys(TypedDict):
    type: Literal["progress_reported"]
    at: Instant


class ProgressReported(_ProgressReportedKeys, total=False):
    """``progress_reported``: The complainant was told of progress (§3.3.3)."""

    by: Optional[str]
    role: Optional[str]
    note: Optional[str]


class _PlanSubmittedKeys(TypedDict):
    type: Literal["plan_submitted"]
    at: Instant


class PlanSubmitted(_PlanSubmittedKeys, total=False):
    """``plan_submitted``: The handling plan, for management review (§4.1.1)."""

    by: Optional[str]
    role: Optional[str]
    analysis: str
    responsibility: str
    measures: str
    time_points: List[TimePoint]
    findings: List[ResponsibilityFinding]


class _PlanExtendedKeys(TypedDict):
    type: Literal["plan_extended"]
    at: Instant
    until: Day


class PlanExtended(_PlanExtendedKeys, total=False):
    """``plan_extended``: The plan limit extended (§4.1.2, complex or major track)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _PlanReturnedKeys(TypedDict):
    type: Literal["plan_returned"]
    at: Instant


class PlanReturned(_PlanReturnedKeys, total=False):
    """``plan_returned``: Management sent the plan back (§4.2; ``role`` management)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _PlanApprovedKeys(TypedDict):
    type: Literal["plan_approved"]
    at: Instant


class PlanApproved(_PlanApprovedKeys, total=False):
    """``plan_approved``: Management approved the plan (§4.2; ``role`` management)."""

    by: Optional[str]
    role: Optional[str]


class _ImplementationStartedKeys(TypedDict):
    type: Literal["implementation_started"]
    at: Instant


class ImplementationStarted(_ImplementationStartedKeys, total=False):
    """``implementation_started``: The responsible department started implementing (§4.3.1)."""

    by: Optional[str]
    role: Optional[str]
    department: Optional[str]


class _ProblemRaisedKeys(TypedDict):
    type: Literal["problem_raised"]
    at: Instant


class ProblemRaised(_ProblemRaisedKeys, total=False):
    """``problem_raised``: The department raised a problem with the team (§4.3.2)."""

    by: Optional[str]
    role: Optional[str]
    description: str


class _ImplementationCompletedKeys(TypedDict):
    type: Literal["implementation_completed"]
    at: Instant


class ImplementationCompleted(_ImplementationCompletedKeys, total=False):
    """``implementation_completed``: Implementation complete (§4.4.1)."""

    by: Optional[str]
    role: Optional[str]


class _ResultFedBackKeys(TypedDict):
    type: Literal["result_fed_back"]
    at: Instant


class ResultFedBack(_ResultFedBackKeys, total=False):
    """``result_fed_back``: The result went to the complainant (§4.4.1, §4.4.2)."""

    by: Optional[str]
    role: Optional[str]
    process: str
    result: str
    satisfaction: Optional[str]


class _ObjectionRaisedKeys(TypedDict):
    type: Literal["objection_raised"]
    at: Instant


class ObjectionRaised(_ObjectionRaisedKeys, total=False):
    """``objection_raised``: The complainant objects (§5.1.2)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _RehandlingStartedKeys(TypedDict):
    type: Literal["rehandling_started"]
    at: Instant


class RehandlingStarted(_RehandlingStartedKeys, total=False):
    """``rehandling_started``: The department handles it again (§5.1.2)."""

    by: Optional[str]
    role: Optional[str]


class _RehandlingCompletedKeys(TypedDict):
    type: Literal["rehandling_completed"]
    at: Instant


class RehandlingCompleted(_RehandlingCompletedKeys, total=False):
    """``rehandling_completed``: Re-handling complete (§5.1.2)."""

    by: Optional[str]
    role: Optional[str]


class _RehandlingDeclinedKeys(TypedDict):
    type: Literal["rehandling_declined"]
    at: Instant
    reason: str


class RehandlingDeclined(_RehandlingDeclinedKeys, total=False):
    """``rehandling_declined``: Management declined, with a reason, to handle it again (§5.1.2)."""

    by: Optional[str]
    role: Optional[str]


class _FollowUpVisitedKeys(TypedDict):
    type: Literal["follow_up_visited"]
    at: Instant
    method: str
    satisfaction: str


class FollowUpVisited(_FollowUpVisitedKeys, total=False):
    """``follow_up_visited``: The follow-up visit (§5.2.1)."""

    by: Optional[str]
    role: Optional[str]
    suggestions: str


class _ClosedKeys(TypedDict):
    type: Literal["closed"]
    at: Instant


class Closed(_ClosedKeys, total=False):
    """``closed``: The case is closed (§5.2.1)."""

    by: Optional[str]
    role: Optional[str]


class _RejectedKeys(TypedDict):
    type: Literal["rejected"]
    at: Instant
    ground: str
    reason: str


class Rejected(_RejectedKeys, total=False):
    """``rejected``: Not taken up (§1.2, §2.1): ``ground`` ``inadmissible``, ``not_a_complaint`` or ``out_of_scope``."""

    by: Optional[str]
    role: Optional[str]


class _WithdrawnKeys(TypedDict):
    type: Literal["withdrawn"]
    at: Instant


class Withdrawn(_WithdrawnKeys, total=False):
    """``withdrawn``: The complainant withdrew the complaint (§6.1.1)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _MergedKeys(TypedDict):
    type: Literal["merged"]
    at: Instant
    into: str


class Merged(_MergedKeys, total=False):
    """``merged``: A duplicate, handled under the case numbered ``into`` (§2.2.3)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _LapsedKeys(TypedDict):
    type: Literal["lapsed"]
    at: Instant


class Lapsed(_LapsedKeys, total=False):
    """``lapsed``: The missing information never came within ``deadlines.lapse`` (§2.2.1)."""

    by: Optional[str]
    role: Optional[str]


class _ArchivedKeys(TypedDict):
    type: Literal["archived"]
    at: Instant
    documents: List[str]


class Archived(_ArchivedKeys, total=False):
    """``archived``: Filed in the archive with the five documents of §6.2.1."""

    by: Optional[str]
    role: Optional[str]


class _LegalHoldPlacedKeys(TypedDict):
    type: Literal["legal_hold_placed"]
    at: Instant


class LegalHoldPlaced(_LegalHoldPlacedKeys, total=False):
    """``legal_hold_placed``: A legal hold forbids destruction (§6.2.2)."""

    by: Optional[str]
    role: Optional[str]
    reason: str


class _LegalHoldReleasedKeys(TypedDict):
    type: Literal["legal_hold_released"]
    at: Instant


class LegalHoldReleased(_LegalHoldReleasedKeys, total=False):
    """``legal_hold_released``: The legal hold ended (§6.2.2)."""

    by: Optional[str]
    role: Optional[str]


class _DestructionApprovedKeys(TypedDict):
    type: Literal["destruction_approved"]
    at: Instant


class DestructionApproved(_DestructionApprovedKeys, total=False):
    """``destruction_approved``: Company leadership approved destruction (§6.2.2; ``role`` leadership)."""

    by: Optional[str]
    role: Optional[str]


class _DestroyedKeys(TypedDict):
    type: Literal["destroyed"]
    at: Instant


class Destroyed(_DestroyedKeys, total=False):
    """``destroyed``: The files were destroyed (§6.2.2)."""

    by: Optional[str]
    role: Optional[str]


EventData = Union[
    Received,
    InformationRequested,
    InformationSupplied,
    Registered,
    Classified,
    Assessed,
    EmergencyProcedureStarted,
    TeamFormed,
    InvestigationPlanned,
    EvidenceAdded,
    ProgressReported,
    PlanSubmitted,
    PlanExtended,
    PlanReturned,
    PlanApproved,
    ImplementationStarted,
    ProblemRaised,
    ImplementationCompleted,
    ResultFedBack,
    ObjectionRaised,
    RehandlingStarted,
    RehandlingCompleted,
    RehandlingDeclined,
    FollowUpVisited,
    Closed,
    Rejected,
    Withdrawn,
    Merged,
    Lapsed,
    Archived,
    LegalHoldPlaced,
    LegalHoldReleased,
    DestructionApproved,
    Destroyed,
]
"""Any event, in the stored format."""


def _event(kind: str, at: Instant, by: Optional[str], role: Optional[str], payload: Dict[str, Any]) -> Any:
    event: Dict[str, Any] = {"type": kind, "at": at}
    if by is not None:
        event["by"] = by
    if role is not None:
        event["role"] = role
    event.update((key, value) for key, value in payload.items() if value is not None)
    return event



def received(*, at: Instant, channel: str, complainant_kind: str, name: Optional[str] = None, contact: Optional[str] = None, content: Optional[str] = None, subject: Optional[str] = None, received_at: Optional[Instant] = None, by: Optional[str] = None, role: Optional[str] = None) -> Received:
    """A ``received`` event. The complaint arrived (§2.2.1); ``received_at`` defaults to ``at``."""
    return _event("received", at, by, role, {"channel": channel, "complainant_kind": complainant_kind, "name": name, "contact": contact, "content": content, "subject": subject, "received_at": received_at})


def information_requested(*, at: Instant, fields: List[str], by: Optional[str] = None, role: Optional[str] = None) -> InformationRequested:
    """A ``information_requested`` event. The registrar asked for missing information (§2.2.1): ``fields`` of ``name``, ``contact``, ``time``, ``content``."""
    return _event("information_requested", at, by, role, {"fields": fields})


def information_supplied(*, at: Instant, name: Optional[str] = None, contact: Optional[str] = None, content: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> InformationSupplied:
    """A ``information_supplied`` event. The complainant supplied it (§2.2.1); absent keys keep their value."""
    return _event("information_supplied", at, by, role, {"name": name, "contact": contact, "content": content})


def registered(*, at: Instant, number: str, by: Optional[str] = None, role: Optional[str] = None) -> Registered:
    """A ``registered`` event. Initial registration with the complaint number (§2.2.1, §2.2.3)."""
    return _event("registered", at, by, role, {"number": number})


def classified(*, at: Instant, category: str, department: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> Classified:
    """A ``classified`` event. Category and department (§2.2.2); the department defaults to the category's."""
    return _event("classified", at, by, role, {"category": category, "department": department})


def assessed(*, at: Instant, severity: str, urgency: str, complexity: str, by: Optional[str] = None, role: Optional[str] = None) -> Assessed:
    """A ``assessed`` event. Severity, urgency and complexity (§2.2.4)."""
    return _event("assessed", at, by, role, {"severity": severity, "urgency": urgency, "complexity": complexity})


def emergency_procedure_started(*, at: Instant, measures: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> EmergencyProcedureStarted:
    """A ``emergency_procedure_started`` event. The emergency procedure started (§2.2.4)."""
    return _event("emergency_procedure_started", at, by, role, {"measures": measures})


def team_formed(*, at: Instant, members: List[Member], by: Optional[str] = None, role: Optional[str] = None) -> TeamFormed:
    """A ``team_formed`` event. The investigation team (§3.1)."""
    return _event("team_formed", at, by, role, {"members": members})


def investigation_planned(*, at: Instant, steps: List[Step], by: Optional[str] = None, role: Optional[str] = None) -> InvestigationPlanned:
    """A ``investigation_planned`` event. The written investigation plan (§3.3.1)."""
    return _event("investigation_planned", at, by, role, {"steps": steps})


def evidence_added(*, at: Instant, kind: str, signed: Optional[bool] = None, interviewee: Optional[str] = None, summary: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> EvidenceAdded:
    """A ``evidence_added`` event. A piece of evidence (§3.2)."""
    return _event("evidence_added", at, by, role, {"kind": kind, "signed": signed, "interviewee": interviewee, "summary": summary})


def progress_reported(*, at: Instant, note: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> ProgressReported:
    """A ``progress_reported`` event. The complainant was told of progress (§3.3.3)."""
    return _event("progress_reported", at, by, role, {"note": note})


def plan_submitted(*, at: Instant, analysis: Optional[str] = None, responsibility: Optional[str] = None, measures: Optional[str] = None, time_points: Optional[List[TimePoint]] = None, findings: Optional[List[ResponsibilityFinding]] = None, by: Optional[str] = None, role: Optional[str] = None) -> PlanSubmitted:
    """A ``plan_submitted`` event. The handling plan, for management review (§4.1.1)."""
    return _event("plan_submitted", at, by, role, {"analysis": analysis, "responsibility": responsibility, "measures": measures, "time_points": time_points, "findings": findings})


def plan_extended(*, at: Instant, until: Day, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> PlanExtended:
    """A ``plan_extended`` event. The plan limit extended (§4.1.2, complex or major track)."""
    return _event("plan_extended", at, by, role, {"until": until, "reason": reason})


def plan_returned(*, at: Instant, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> PlanReturned:
    """A ``plan_returned`` event. Management sent the plan back (§4.2; ``role`` management)."""
    return _event("plan_returned", at, by, role, {"reason": reason})


def plan_approved(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> PlanApproved:
    """A ``plan_approved`` event. Management approved the plan (§4.2; ``role`` management)."""
    return _event("plan_approved", at, by, role, {})


def implementation_started(*, at: Instant, department: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> ImplementationStarted:
    """A ``implementation_started`` event. The responsible department started implementing (§4.3.1)."""
    return _event("implementation_started", at, by, role, {"department": department})


def problem_raised(*, at: Instant, description: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> ProblemRaised:
    """A ``problem_raised`` event. The department raised a problem with the team (§4.3.2)."""
    return _event("problem_raised", at, by, role, {"description": description})


def implementation_completed(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> ImplementationCompleted:
    """A ``implementation_completed`` event. Implementation complete (§4.4.1)."""
    return _event("implementation_completed", at, by, role, {})


def result_fed_back(*, at: Instant, process: Optional[str] = None, result: Optional[str] = None, satisfaction: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> ResultFedBack:
    """A ``result_fed_back`` event. The result went to the complainant (§4.4.1, §4.4.2)."""
    return _event("result_fed_back", at, by, role, {"process": process, "result": result, "satisfaction": satisfaction})


def objection_raised(*, at: Instant, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> ObjectionRaised:
    """A ``objection_raised`` event. The complainant objects (§5.1.2)."""
    return _event("objection_raised", at, by, role, {"reason": reason})


def rehandling_started(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> RehandlingStarted:
    """A ``rehandling_started`` event. The department handles it again (§5.1.2)."""
    return _event("rehandling_started", at, by, role, {})


def rehandling_completed(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> RehandlingCompleted:
    """A ``rehandling_completed`` event. Re-handling complete (§5.1.2)."""
    return _event("rehandling_completed", at, by, role, {})


def rehandling_declined(*, at: Instant, reason: str, by: Optional[str] = None, role: Optional[str] = None) -> RehandlingDeclined:
    """A ``rehandling_declined`` event. Management declined, with a reason, to handle it again (§5.1.2)."""
    return _event("rehandling_declined", at, by, role, {"reason": reason})


def follow_up_visited(*, at: Instant, method: str, satisfaction: str, suggestions: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> FollowUpVisited:
    """A ``follow_up_visited`` event. The follow-up visit (§5.2.1)."""
    return _event("follow_up_visited", at, by, role, {"method": method, "satisfaction": satisfaction, "suggestions": suggestions})


def closed(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> Closed:
    """A ``closed`` event. The case is closed (§5.2.1)."""
    return _event("closed", at, by, role, {})


def rejected(*, at: Instant, ground: str, reason: str, by: Optional[str] = None, role: Optional[str] = None) -> Rejected:
    """A ``rejected`` event. Not taken up (§1.2, §2.1): ``ground`` ``inadmissible``, ``not_a_complaint`` or ``out_of_scope``."""
    return _event("rejected", at, by, role, {"ground": ground, "reason": reason})


def withdrawn(*, at: Instant, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> Withdrawn:
    """A ``withdrawn`` event. The complainant withdrew the complaint (§6.1.1)."""
    return _event("withdrawn", at, by, role, {"reason": reason})


def merged(*, at: Instant, into: str, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> Merged:
    """A ``merged`` event. A duplicate, handled under the case numbered ``into`` (§2.2.3)."""
    return _event("merged", at, by, role, {"into": into, "reason": reason})


def lapsed(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> Lapsed:
    """A ``lapsed`` event. The missing information never came within ``deadlines.lapse`` (§2.2.1)."""
    return _event("lapsed", at, by, role, {})


def archived(*, at: Instant, documents: List[str], by: Optional[str] = None, role: Optional[str] = None) -> Archived:
    """A ``archived`` event. Filed in the archive with the five documents of §6.2.1."""
    return _event("archived", at, by, role, {"documents": documents})


def legal_hold_placed(*, at: Instant, reason: Optional[str] = None, by: Optional[str] = None, role: Optional[str] = None) -> LegalHoldPlaced:
    """A ``legal_hold_placed`` event. A legal hold forbids destruction (§6.2.2)."""
    return _event("legal_hold_placed", at, by, role, {"reason": reason})


def legal_hold_released(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> LegalHoldReleased:
    """A ``legal_hold_released`` event. The legal hold ended (§6.2.2)."""
    return _event("legal_hold_released", at, by, role, {})


def destruction_approved(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> DestructionApproved:
    """A ``destruction_approved`` event. Company leadership approved destruction (§6.2.2; ``role`` leadership)."""
    return _event("destruction_approved", at, by, role, {})


def destroyed(*, at: Instant, by: Optional[str] = None, role: Optional[str] = None) -> Destroyed:
    """A ``destroyed`` event. The files were destroyed (§6.2.2)."""
    return _event("destroyed", at, by, role, {})
