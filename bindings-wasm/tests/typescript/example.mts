// A TypeScript host of the Node entry: type-checked against the package's .d.ts by
// `tsc --noEmit -p tsconfig.json` (bindings-wasm/tests/typescript.test.mjs).
import {
  Calendar, Case, CaseEvent, Caseload, ComplaintNumber, DisciplineTable, Duration, Ledger, NumberSequences, Policy, PolicySet,
  actorForStatus, assessTriage, canonicalJson, chainHistory, checkIntake, intakeEmail, isComplaintOfficeError, linkEvent,
  mask, nextNumberAt, periodEnd, suggestCategory, verifyHistory, vocabularies,
} from 'complaint-office';
import type {
  Actor, CaseEventData, CaseHistory, CategorySuggestion, ChainHashText, ChainedEvent, Complaint, ComplaintOfficeError,
  Deadline, DayInfo, DayReason, EmailIntake, ErrorCode, Growth, Indicators, IntakeReport, IsoDate, LedgerRecord,
  Level, OnTime, PeriodStats, PlainDateLike, RefusedHistory, Reminder, Rfc3339, Schedule, SlaState, StageDeadline,
  Status, TriageAssessment, Unit, Worklist, WorklistEntry,
} from 'complaint-office';

const policy: Policy = Policy.fromToml('[deadlines]\nplan = "15 days"\n');
const calendar: Calendar = policy.calendar;

// Dates in as text, a Temporal.PlainDate-like value or a Date (its local day), out as text.
const due: IsoDate = calendar.addWorkingDays(new Date(2025, 8, 26), 5);
const plain: PlainDateLike = { year: 2025, month: 9, day: 26, toString: () => '2025-09-26' };
const samePlain: IsoDate = calendar.addWorkingDays(plain, 5);
const fromZoned: IsoDate = calendar.addWorkingDays({ toPlainDate: () => plain }, 5);
const working: boolean = calendar.isWorkingDay('2025-10-11');
const day: DayInfo = calendar.day(due);
const festival: string | null = day.festival;
const reason: DayReason = day.reason;
const notice: string | null = day.source?.number ?? null;
const epoch: Int32Array = calendar.addWorkingDaysEpoch(Int32Array.of(20357), Int32Array.of(5));
const dayNumber: number = calendar.addWorkingDaysToEpochDay(20357, 5);
const workingNumber: boolean = calendar.isWorkingEpochDay(dayNumber);

const deadline: Deadline = periodEnd(calendar, '2025-09-26T10:00:00+08:00', Duration.parse('5 working days'));
const at: Rfc3339 = deadline.due;
const unit: Unit = new Duration(15, 'days').unit;

const number: ComplaintNumber = nextNumberAt(['25090001'], new Date(), policy.officeOffset);
const sequences = new NumberSequences();
const issued: string = sequences.issue(number.yearMonth).toString();

const received: CaseEventData = {
  type: 'received',
  at: '2025-09-26T10:00:00+08:00',
  channel: 'hotline',
  complainant_kind: 'customer',
  name: '張三',
  contact: '13812345678',
  content: 'The replacement part broke again.',
};
const registered: CaseEventData = { type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25090001' };
const kase: Case = Case.replay(policy, [received, registered]);
const status: Status = kase.status;
const schedule: Schedule = kase.schedule(new Date());
const states: SlaState[] = schedule.stages.map((s: StageDeadline) => s.state);
const late: number | null = schedule.stages[0]?.lateWorkingDays ?? null;

const set = new PolicySet();
set.add(policy);

try {
  ComplaintNumber.parse('23130001');
} catch (e: unknown) {
  if (isComplaintOfficeError(e)) {
    const error: ComplaintOfficeError = e;
    const code: ErrorCode = error.code;
    const clause: `§${string}` | null = error.clause;
    console.log(code, clause, error.index, error.key, error.message);
  }
}

const channels: readonly string[] = vocabularies().channel;

// The registration desk's questions.
const intake: IntakeReport = checkIntake(policy, {
  channel: 'email', complainantKind: 'partner', subject: '投訴', content: '…', receivedAt: null,
});
const missing: string[] = intake.missing;
const suggestions: CategorySuggestion[] = suggestCategory(policy, '服務態度差');
const words: string[] = suggestions.flatMap((s) => s.matched.map((m) => m.word));
const triage: TriageAssessment = assessTriage(policy, { severity: 'major', urgency: 'urgent', complexity: 'complex' });
const masked: string = mask('phone', '13812345678');

// Statistics.
const report = Ledger.fromCsv('number,received_at,category,department\n', policy, { lenient: true }).report('quarter', policy);
const periods: PeriodStats[] = report.toJSON().periods;
const trendSvg: string = report.charts(policy).trend;
console.log(missing, words, triage.emergency, masked, periods.length, trendSvg.length);

console.log(due, samePlain, fromZoned, working, festival, epoch, dayNumber, workingNumber, at, unit, issued, status, states, late, channels, set.size);

// The office at work: histories as stored, the morning's worklist, the reminder job, the month.
const histories: CaseHistory[] = [[received, registered], { key: 'crm-7', complainant_key: null, events: [received] }];
const caseload: Caseload = Caseload.fromHistories(policy, histories);
caseload.push(kase, { key: 'crm-8', complainantKey: 'k-1' });
const refused: RefusedHistory[] = caseload.refused();
const list: Worklist = caseload.worklist(new Date(), { view: 'department', department: 'quality', role: null });
const first: WorklistEntry | undefined = list.entries[0];
const act: Actor | undefined = first?.act;
const reminders: Reminder[] = caseload.reminders('2025-10-01T00:00:00+08:00', new Date());
const ladder: string[] = reminders.map((r) => `${r.id} → ${r.to} at ${r.at}`);
const ledger: Ledger = caseload.ledger(new Date());
const rows: Required<LedgerRecord>[] = ledger.records(policy.officeOffset);
const utcRows: Required<LedgerRecord>[] = ledger.records();
const indicators: Indicators | null = ledger.report('month', policy).toJSON().periods[0]?.indicators ?? null;
const onTime: OnTime | undefined = indicators?.onTime.registration;
console.log(refused.length, act, ladder, rows.length, utcRows.length, onTime?.rate);
const pushed: number = caseload.pushHistory(policy, [received, registered], { key: 'crm-9', complainantKey: null });
const where: number[] = caseload.indices();
const copies: Case[] = caseload.cases();
const who: Actor = actorForStatus(kase.status);
const asOf: Ledger = ledger.withAsOf(new Date());
const withColumns: boolean = asOf.hasCaseColumns;
const growth: Growth = report.toJSON().growth;
const level: Level = new DisciplineTable().level({ responsibility: 'direct', fault: 'negligence', consequence: 'general' });
console.log(pushed, where, copies.length, who, withColumns, growth.categories.length, level);

// Tamper-evident histories.
const chain: ChainedEvent[] = chainHistory([received, registered]);
const head: ChainHashText = verifyHistory(chain);
const sameHead: ChainHashText = verifyHistory(JSON.stringify(chain), head);
const appended: ChainedEvent = linkEvent(head, { type: 'classified', at: '2025-09-26T12:00:00+08:00', category: 'product_quality' });
const verified: Case = Case.replayVerified(policy, [...chain, appended], appended.hash);
console.log(canonicalJson(appended.event), verified.status, sameHead, Case.replayVerified(policy, chain).number);

// E-mail intake from the raw bytes; the complaint goes straight into a case.
const mail: EmailIntake = intakeEmail(policy, new TextEncoder().encode('Subject: 投訴\r\n\r\n…'));
const fromPartner: EmailIntake = intakeEmail(policy, new Uint8Array(0), 'partner');
const complaint: Required<Complaint> = mail.complaint;
const opened: Case = Case.open(policy, CaseEvent.received('2025-09-26T10:00:00+08:00', complaint));
console.log(mail.findings.map((f) => `${f.code}@${f.part}`), mail.receivedFrom, opened.status, reason, notice, fromPartner);
