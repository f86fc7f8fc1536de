// A TypeScript host of the Node entry: type-checked against the package's .d.ts by
// `tsc --noEmit -p tsconfig.json` (bindings-wasm/tests/typescript.test.mjs).
import {
  Calendar, Case, ComplaintNumber, Duration, Ledger, NumberSequences, Policy, PolicySet,
  assessTriage, checkIntake, isComplaintOfficeError, mask, nextNumberAt, periodEnd,
  suggestCategory, vocabularies,
} from 'complaint-office';
import type {
  CaseEventData, CategorySuggestion, ComplaintOfficeError, Deadline, DayInfo, ErrorCode,
  IntakeReport, IsoDate, PeriodStats, PlainDateLike, Rfc3339, Schedule, SlaState, StageDeadline, Status,
  TriageAssessment, Unit,
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
const epoch: Int32Array = calendar.addWorkingDaysEpoch(Int32Array.of(20357), Int32Array.of(5));

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
  channel: 'email', complainant_kind: 'partner', subject: '投訴', content: '…', received_at: null,
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

console.log(due, samePlain, fromZoned, working, festival, epoch, at, unit, issued, status, states, late, channels, set.size);
