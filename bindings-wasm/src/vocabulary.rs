//! The closed vocabularies of the policy, with the same names as in JSON and every language.
//!
//! Their TypeScript unions are generated from the core's `vocabulary!` declarations by
//! tools/boundary (`cargo run -p complaint-office-boundary`), into `generated/vocabularies.d.ts`.

use complaint_office::accountability::{Consequence, Fault, Level, Responsibility, Sanction};
use complaint_office::archive::{Document, SweepStatus};
use complaint_office::calendar::{DayKind, DayReason, DecidedBy, Festival, NoticeKind, Regulation};
use complaint_office::case::{
    ActorRole, CheckResult, EventKind, EvidenceKind, FollowUpMethod, Interviewee, Satisfaction,
    SlaState, Stage, Status, TeamRole,
};
use complaint_office::duration::Unit;
use complaint_office::intake::{
    self, Channel, ComplainantKind, EmailFindingCode, MailPart, ReceivedFrom,
};
use complaint_office::office::Actor;
use complaint_office::privacy::{Field, MaskKind, Role, Visibility};
use complaint_office::stats::{MeasuredStage, Outcome};
use complaint_office::triage::{Complexity, Severity, Track, Urgency};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::to_js;
use crate::error::JsResult;

#[wasm_bindgen(typescript_custom_section)]
const TS_VOCABULARIES: &str = include_str!("generated/vocabularies.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TS_VOCABULARY: &str = r#"
/** Every closed vocabulary, each name list in the library's order. */
export interface Vocabularies {
  channel: readonly Channel[];
  complainantKind: readonly ComplainantKind[];
  field: readonly Field[];
  contactKind: readonly ContactKind[];
  severity: readonly Severity[];
  urgency: readonly Urgency[];
  complexity: readonly Complexity[];
  track: readonly Track[];
  status: readonly Status[];
  eventType: readonly EventType[];
  actorRole: readonly ActorRole[];
  teamRole: readonly TeamRole[];
  evidenceKind: readonly EvidenceKind[];
  interviewee: readonly Interviewee[];
  satisfaction: readonly Satisfaction[];
  followUpMethod: readonly FollowUpMethod[];
  stage: readonly Stage[];
  slaState: readonly SlaState[];
  checkResult: readonly CheckResult[];
  responsibility: readonly Responsibility[];
  fault: readonly Fault[];
  consequence: readonly Consequence[];
  level: readonly Level[];
  sanction: readonly Sanction[];
  archiveDocument: readonly ArchiveDocument[];
  sweepStatus: readonly SweepStatus[];
  maskKind: readonly MaskKind[];
  role: readonly Role[];
  personalField: readonly PersonalField[];
  visibility: readonly Visibility[];
  dayKind: readonly DayKind[];
  dayReason: readonly DayReason[];
  decidedBy: readonly DecidedBy[];
  regulation: readonly Regulation[];
  noticeKind: readonly NoticeKind[];
  festival: readonly Festival[];
  unit: readonly Unit[];
  granularity: readonly Granularity[];
  measuredStage: readonly MeasuredStage[];
  outcome: readonly Outcome[];
  actor: readonly Actor[];
  receivedFrom: readonly ReceivedFrom[];
  mailPart: readonly MailPart[];
  emailFindingCode: readonly EmailFindingCode[];
}
"#;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Vocabularies {
    channel: &'static [&'static str],
    complainant_kind: &'static [&'static str],
    field: &'static [&'static str],
    contact_kind: &'static [&'static str],
    severity: &'static [&'static str],
    urgency: &'static [&'static str],
    complexity: &'static [&'static str],
    track: &'static [&'static str],
    status: &'static [&'static str],
    event_type: &'static [&'static str],
    actor_role: &'static [&'static str],
    team_role: &'static [&'static str],
    evidence_kind: &'static [&'static str],
    interviewee: &'static [&'static str],
    satisfaction: &'static [&'static str],
    follow_up_method: &'static [&'static str],
    stage: &'static [&'static str],
    sla_state: &'static [&'static str],
    check_result: &'static [&'static str],
    responsibility: &'static [&'static str],
    fault: &'static [&'static str],
    consequence: &'static [&'static str],
    level: &'static [&'static str],
    sanction: &'static [&'static str],
    archive_document: &'static [&'static str],
    sweep_status: &'static [&'static str],
    mask_kind: &'static [&'static str],
    role: &'static [&'static str],
    personal_field: &'static [&'static str],
    visibility: &'static [&'static str],
    day_kind: &'static [&'static str],
    day_reason: &'static [&'static str],
    decided_by: &'static [&'static str],
    regulation: &'static [&'static str],
    notice_kind: &'static [&'static str],
    festival: &'static [&'static str],
    unit: Vec<&'static str>,
    granularity: &'static [&'static str],
    measured_stage: &'static [&'static str],
    outcome: &'static [&'static str],
    actor: &'static [&'static str],
    received_from: &'static [&'static str],
    mail_part: &'static [&'static str],
    email_finding_code: &'static [&'static str],
}

/// Every closed vocabulary of the library.
#[wasm_bindgen(unchecked_return_type = "Vocabularies")]
pub fn vocabularies() -> JsResult<JsValue> {
    to_js(&Vocabularies {
        channel: Channel::NAMES,
        complainant_kind: ComplainantKind::NAMES,
        field: intake::Field::NAMES,
        contact_kind: intake::ContactKind::NAMES,
        severity: Severity::NAMES,
        urgency: Urgency::NAMES,
        complexity: Complexity::NAMES,
        track: Track::NAMES,
        status: Status::NAMES,
        event_type: EventKind::NAMES,
        actor_role: ActorRole::NAMES,
        team_role: TeamRole::NAMES,
        evidence_kind: EvidenceKind::NAMES,
        interviewee: Interviewee::NAMES,
        satisfaction: Satisfaction::NAMES,
        follow_up_method: FollowUpMethod::NAMES,
        stage: Stage::NAMES,
        sla_state: SlaState::NAMES,
        check_result: CheckResult::NAMES,
        responsibility: Responsibility::NAMES,
        fault: Fault::NAMES,
        consequence: Consequence::NAMES,
        level: Level::NAMES,
        sanction: Sanction::NAMES,
        archive_document: Document::NAMES,
        sweep_status: SweepStatus::NAMES,
        mask_kind: MaskKind::NAMES,
        role: Role::NAMES,
        personal_field: Field::NAMES,
        visibility: Visibility::NAMES,
        day_kind: DayKind::NAMES,
        day_reason: DayReason::NAMES,
        decided_by: DecidedBy::NAMES,
        regulation: Regulation::NAMES,
        notice_kind: NoticeKind::NAMES,
        festival: Festival::NAMES,
        unit: Unit::ALL.iter().map(|u| u.as_str()).collect(),
        granularity: complaint_office::stats::Granularity::NAMES,
        measured_stage: MeasuredStage::NAMES,
        outcome: Outcome::NAMES,
        actor: Actor::NAMES,
        received_from: ReceivedFrom::NAMES,
        mail_part: MailPart::NAMES,
        email_finding_code: EmailFindingCode::NAMES,
    })
}
