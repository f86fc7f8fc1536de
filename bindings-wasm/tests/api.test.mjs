// The JavaScript surface beyond the vectors: error objects, Date arguments, batches over typed
// arrays, classes, vocabularies, and a panic that becomes an ordinary error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as co from 'complaint-office';

const { Calendar, ComplaintNumber, Duration, NumberSequences, Policy, PolicySet, Case, Event } = co;

/** Calls `fn` and returns the ComplaintOfficeError it throws. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(co.isComplaintOfficeError(e), `not a ComplaintOfficeError: ${e}`);
    return e;
  }
  assert.fail('expected an error');
}

test('errors are Error objects with name, code, clause and index', () => {
  const e = thrown(() => ComplaintNumber.parse('23130001'));
  assert.ok(e instanceof Error);
  assert.equal(e.name, 'ComplaintOfficeError');
  assert.equal(e.code, 'number.invalid_month');
  assert.equal(e.clause, '§2.2.3');
  assert.equal(e.index, null);
  assert.match(e.message, /month/);
  assert.ok(e.stack.includes('ComplaintOfficeError'));

  const noClause = thrown(() => Calendar.cn().isWorkingDay('2023-02-30'));
  assert.equal(noClause.code, 'time.invalid_date');
  assert.equal(noClause.clause, null);

  assert.equal(co.isComplaintOfficeError(new Error('x')), false);
  assert.equal(co.isComplaintOfficeError('time.invalid_date'), false);
});

test('a refused event names its position in the history', () => {
  const events = [
    { type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline', complainant_kind: 'customer',
      name: '張三', contact: '13812345678', content: 'The part broke again.' },
    { type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25100001' },
  ];
  const e = thrown(() => Case.replay(new Policy(), events));
  assert.equal(e.code, 'case.number_month_mismatch');
  assert.equal(e.clause, '§2.2.3');
  assert.equal(e.index, 1);
});

test('error messages never echo personal data', () => {
  const e = thrown(() => Event.fromJson({ type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline',
    complainant_kind: 'customer', name: 13812345678 }));
  assert.equal(e.code, 'case.invalid_event');
  assert.ok(!e.message.includes('13812345678'), e.message);
});

test('dates: text or Date (its UTC day); instants need an offset or are Dates', () => {
  const cal = Calendar.cn();
  assert.equal(cal.addWorkingDays('2025-09-26', 5), '2025-10-10');
  assert.equal(cal.addWorkingDays(new Date('2025-09-26'), 5), '2025-10-10');
  assert.equal(cal.addWorkingDays(new Date(Date.UTC(2025, 8, 26, 23, 59)), 5), '2025-10-10');
  assert.equal(thrown(() => cal.addWorkingDays(new Date('nonsense'), 1)).code, 'time.invalid_date');
  assert.equal(thrown(() => cal.addWorkingDays(20250926, 1)).code, 'time.invalid_date');
  assert.equal(thrown(() => cal.addWorkingDays('2025-09-26', 1.5)).code, 'binding.invalid_argument');

  const d = co.periodEnd(cal, new Date('2025-09-26T02:00:00Z'), '5 working days');
  assert.equal(d.lastDay, '2025-10-10');
  assert.equal(d.due, '2025-10-11T00:00:00+08:00');
  assert.equal(d.start, '2025-09-26T10:00:00+08:00');
  assert.equal(thrown(() => co.periodEnd(cal, '2025-09-26T10:00:00', '1 day')).code, 'time.missing_offset');
  assert.equal(co.officeDate('2023-05-31T17:30:00Z'), '2023-06-01');
  assert.equal(co.yearMonthOf(new Date('2023-05-31T17:30:00Z'), '+08:00'), '2023-06');
  assert.equal(co.inOffice('2023-05-31T17:30:00Z', '+08:00'), '2023-06-01T01:30:00+08:00');
});

test('batch over typed arrays of day numbers', () => {
  const cal = Calendar.cn();
  const start = Calendar.toEpochDay('2025-09-26');
  const out = cal.addWorkingDaysEpoch(Int32Array.of(start, start), Int32Array.of(5));
  assert.ok(out instanceof Int32Array);
  assert.deepEqual([...out].map((n) => Calendar.fromEpochDay(n)), ['2025-10-10', '2025-10-10']);
  const e = thrown(() => cal.addWorkingDaysEpoch(Int32Array.of(start, 2_000_000), Int32Array.of(1)));
  assert.equal(e.code, 'calendar.out_of_range');
  assert.equal(e.index, 1);
  assert.equal(thrown(() => cal.addWorkingDaysEpoch(Int32Array.of(start, start), Int32Array.of(1, 2, 3))).code,
    'calendar.length_mismatch');
  const between = cal.workingDaysBetweenEpoch(Int32Array.of(start), Int32Array.of(start + 14));
  assert.deepEqual([...between], [cal.workingDaysBetween('2025-09-26', '2025-10-10')]);
  assert.deepEqual([...cal.isWorkingDayEpoch(Int32Array.of(Calendar.toEpochDay('2025-10-11'), Calendar.toEpochDay('2025-10-06')))], [1, 0]);
  assert.deepEqual(cal.addWorkingDaysMany(['2025-09-26', new Date('2025-09-26')], [5]), ['2025-10-10', '2025-10-10']);
});

test('calendar days, festivals and holiday-cn data', () => {
  const cal = Calendar.cn();
  assert.deepEqual(cal.day('2025-10-01'),
    { date: '2025-10-01', working: false, kind: 'holiday', festival: 'national_day', covered: true });
  assert.deepEqual(cal.coveredRange(), { first: '2007-01-01', last: '2026-12-31' });
  const later = cal.withHolidayCn({ year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
  assert.equal(later.covers('2027-06-01'), true);
  assert.equal(cal.covers('2027-06-01'), false, 'values are immutable');
  assert.equal(cal.offset, '+08:00');
  assert.equal(cal.officeHours, null);
  assert.equal(thrown(() => cal.withHolidayCn('{"nope": 1}')).code, 'calendar.invalid_holiday_data');
});

test('numbers and sequences', () => {
  const n = new ComplaintNumber(2025, 9, 1);
  assert.equal(String(n), '25090001');
  assert.equal(JSON.stringify({ n }), '{"n":"25090001"}');
  assert.equal(n.yearMonth, '2025-09');
  assert.equal(n.succ().toString(), '25090002');
  assert.equal(co.nextNumberAt(['23050001', ComplaintNumber.parse('23050002')], '2023-05-31T17:30:00Z').toString(), '23060001');
  const seq = NumberSequences.fromIssued(['25090001']);
  assert.equal(seq.issue('2025-09').toString(), '25090002');
  assert.equal(seq.peek('2025-09').toString(), '25090003');
  assert.equal(seq.last('2025-10'), undefined);
  assert.equal(thrown(() => NumberSequences.fromIssued(['25090001', '25090001'])).code, 'number.duplicate');
});

test('durations and policies', () => {
  const d = Duration.parse('5個工作日');
  assert.equal(d.amount, 5);
  assert.equal(d.unit, 'working_days');
  assert.equal(d.toString(), '5 working days');
  assert.equal(new Duration(1, 'months').toString(), '1 month');
  assert.equal(thrown(() => new Duration(1, 'fortnights')).code, 'duration.invalid');

  const policy = Policy.fromToml('[deadlines]\nplan = "20 days"\n');
  assert.equal(policy.deadlines.plan, '20 days');
  assert.equal(policy.deadlines.planExtendedMax, '30 days');
  assert.equal(policy.officeOffset, '+08:00');
  assert.equal(policy.toJSON().deadlines.plan, '20 days');
  assert.equal(Policy.fromToml(policy.toToml()).deadlines.plan, '20 days');
  const e = thrown(() => Policy.fromJson({ deadlines: { plann: '1 day' } }));
  assert.equal(e.code, 'policy.unknown_key');
  assert.match(e.message, /deadlines\.plann/);

  const set = new PolicySet();
  set.add(Policy.fromJson({ name: 'old', effective_from: '2020-01-01' }));
  set.add(Policy.fromJson({ name: 'new', effective_from: '2025-01-01' }));
  assert.equal(set.size, 2);
  assert.equal(set.inForceOn('2024-12-31').name, 'old');
  assert.equal(set.inForceAt('2025-01-01T00:00:00+08:00').name, 'new');
  assert.equal(thrown(() => set.add(Policy.fromJson({ effective_from: '2025-01-01' }))).code, 'policy.contradiction');
});

test('a case through its schedule and compliance report', () => {
  const kase = Case.open(new Policy(), { type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline',
    complainant_kind: 'customer', name: '張三', contact: '13812345678', content: 'The part broke again.' });
  kase.apply(Event.fromJson({ type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25090001' }));
  assert.equal(kase.status, 'registered');
  assert.equal(kase.number, '25090001');
  assert.equal(kase.category, null);
  assert.equal(kase.assessment, null);
  assert.ok(kase.allowedNext().includes('classified'));
  const plan = kase.schedule('2025-10-01T09:00:00+08:00').stages.find((s) => s.stage === 'plan');
  assert.equal(plan.lastDay, '2025-10-11');
  assert.equal(plan.state, 'open');
  assert.equal(plan.clause, '§4.1.2');
  const report = kase.compliance(new Date('2025-10-01T01:00:00Z'));
  assert.equal(report.at, '2025-10-01T01:00:00+00:00', 'the instant as given');
  assert.ok(report.checks.some((c) => c.rule === 'numbered' && c.result === 'pass'));
  const refused = thrown(() => kase.apply({ type: 'plan_approved', at: '2025-09-27T10:00:00+08:00', role: 'management' }));
  assert.equal(refused.code, 'case.transition_not_allowed');
  assert.equal(kase.status, 'registered', 'a refused event leaves the case unchanged');
});

test('vocabularies', () => {
  const v = co.vocabularies();
  assert.deepEqual(v.channel, ['email', 'hotline', 'on_site', 'oa']);
  assert.ok(v.eventType.includes('follow_up_visited'));
  assert.ok(v.unit.includes('working_hours'));
  assert.equal(typeof co.version(), 'string');
});

test('a panic reaches JavaScript as an internal.panic error, and the next call works', async (t) => {
  const dir = process.env.PANIC_PROBE_DIR;
  assert.ok(dir, 'PANIC_PROBE_DIR must point at the panic-probe build (scripts/build-wasm --panic-probe DIR)');
  const probe = await import(pathToFileURL(join(dir, 'complaint_office.js')).href);
  for (let round = 0; round < 3; round++) {
    const e = thrown(() => probe.__panicProbe());
    assert.equal(e.code, 'internal.panic');
    assert.equal(e.clause, null);
    assert.ok(!e.message.includes('panic probe'), 'the panic message is not passed on');
    assert.equal(probe.Calendar.cn().addWorkingDays('2025-09-26', 5), '2025-10-10');
  }
});
