// The JavaScript surface beyond the vectors: error objects, Date arguments, batches over typed
// arrays, classes, vocabularies, and a panic that becomes an ordinary error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as co from 'complaint-office';

const { Calendar, ComplaintNumber, Duration, NumberSequences, Policy, PolicySet, Case, CaseEvent } = co;

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
  assert.equal(e.key, null);
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
  assert.equal(e.key, null);
  // An event that cannot be read: its position and the key at fault, in an array or JSON text.
  const bad = [events[0], { type: 'registered', at: '2025-09-26T11:00:00', number: '25090001' }];
  for (const history of [bad, JSON.stringify(bad)]) {
    const u = thrown(() => Case.replay(new Policy(), history));
    assert.deepEqual([u.code, u.index, u.key], ['case.invalid_event', 1, 'at']);
  }
  const p = thrown(() => Policy.fromToml('[deadlines]\nplann = "10 days"'));
  assert.deepEqual([p.code, p.index, p.key], ['policy.unknown_key', null, 'deadlines.plann']);
});

test('error messages never echo personal data', () => {
  const e = thrown(() => CaseEvent.fromJson({ type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline',
    complainant_kind: 'customer', name: 13812345678 }));
  assert.equal(e.code, 'case.invalid_event');
  assert.ok(!e.message.includes('13812345678'), e.message);
});

test('dates: text, a PlainDate or a Date (its local day); instants need an offset or are Dates', () => {
  const cal = Calendar.cn();
  assert.equal(cal.addWorkingDays('2025-09-26', 5), '2025-10-10');
  assert.equal(cal.addWorkingDays(new Date(2025, 8, 26), 5), '2025-10-10');
  assert.equal(cal.addWorkingDays(new Date(2025, 8, 26, 23, 59), 5), '2025-10-10');
  assert.equal(thrown(() => cal.addWorkingDays(new Date('nonsense'), 1)).code, 'time.invalid_date');
  assert.equal(thrown(() => cal.addWorkingDays('2025-09-31', 1)).code, 'time.invalid_date');
  // A number that is not a safe integer is input.invalid_number (issue 16), never rounded.
  assert.equal(thrown(() => cal.addWorkingDays('2025-09-26', 1.5)).code, 'input.invalid_number');
  // A wrong JavaScript type is binding.invalid_argument, as the README says; day numbers
  // have their own functions (toEpochDay, addWorkingDaysEpoch).
  for (const wrong of [20250926, null, undefined, true, {}, [2025, 9, 26], { year: 2025, month: 9, day: 26 }]) {
    const e = thrown(() => cal.addWorkingDays(wrong, 5));
    assert.equal(e.code, 'binding.invalid_argument', String(wrong));
    assert.match(e.message, /YYYY-MM-DD/);
  }
  assert.equal(thrown(() => co.officeDate(1758852000000)).code, 'binding.invalid_argument');
  const d = co.periodEnd(cal, new Date('2025-09-26T02:00:00Z'), '5 working days');
  assert.equal(d.lastDay, '2025-10-10');
  assert.equal(d.due, '2025-10-11T00:00:00+08:00');
  assert.equal(d.start, '2025-09-26T10:00:00+08:00');
  assert.equal(thrown(() => co.periodEnd(cal, '2025-09-26T10:00:00', '1 day')).code, 'time.missing_offset');
  assert.equal(co.officeDate('2023-05-31T17:30:00Z'), '2023-06-01');
  assert.equal(co.yearMonthOf(new Date('2023-05-31T17:30:00Z'), '+08:00'), '2023-06');
  assert.equal(co.inOffice('2023-05-31T17:30:00Z', '+08:00'), '2023-06-01T01:30:00+08:00');
});

test('Temporal.PlainDate and anything with toPlainDate() are calendar days', () => {
  const cal = Calendar.cn();
  // The shape of Temporal.PlainDate (ISO calendar): fields and a YYYY-MM-DD toString().
  const plain = (year, month, day) => ({
    year, month, day,
    toString: () => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  });
  assert.equal(cal.addWorkingDays(plain(2025, 9, 26), 5), '2025-10-10');
  assert.equal(Calendar.toEpochDay(plain(2025, 9, 26)), Calendar.toEpochDay('2025-09-26'));
  // Temporal.PlainDateTime and ZonedDateTime: their own calendar day, whatever the zone.
  assert.equal(cal.addWorkingDays({ toPlainDate: () => plain(2025, 9, 26) }, 5), '2025-10-10');
  // A non-ISO calendar's text ('2025-09-26[u-ca=chinese]') or fields that disagree with the
  // text are not read as ISO days.
  const chinese = { year: 2025, month: 8, day: 5, toString: () => '2025-09-26[u-ca=chinese]' };
  assert.equal(thrown(() => cal.addWorkingDays(chinese, 5)).code, 'time.invalid_date');
  const lying = { year: 2025, month: 8, day: 5, toString: () => '2025-09-26' };
  assert.equal(thrown(() => cal.addWorkingDays(lying, 5)).code, 'time.invalid_date');
  assert.equal(thrown(() => cal.addWorkingDays({ toPlainDate: () => 20250926 }, 5)).code, 'binding.invalid_argument');
});

test('a real Temporal.PlainDate, where the runtime has Temporal', { skip: !globalThis.Temporal && 'no Temporal in this runtime' }, () => {
  const cal = Calendar.cn();
  assert.equal(cal.addWorkingDays(globalThis.Temporal.PlainDate.from('2025-09-26'), 5), '2025-10-10');
  const zoned = globalThis.Temporal.ZonedDateTime.from('2025-09-26T23:30:00-04:00[America/New_York]');
  assert.equal(cal.addWorkingDays(zoned, 5), '2025-10-10');
});

test('a Date is its local calendar day in every time zone, never the UTC day before', () => {
  const child = fileURLToPath(new URL('./local-day.child.mjs', import.meta.url));
  for (const [tz, offset] of [['Asia/Shanghai', -480], ['America/New_York', 240], ['UTC', 0]]) {
    const run = spawnSync(process.execPath, [child], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    assert.equal(run.status, 0, `${tz}: ${run.stderr}`);
    const got = JSON.parse(run.stdout);
    // The zone took effect in the child (September: New York is on daylight time).
    assert.equal(got.timezoneOffset, offset, tz);
    assert.deepEqual(got.days, {
      midnight: '2025-09-26', lateEvening: '2025-09-26', epochDayMatchesText: true,
      addWorkingDays: '2025-10-10', many: ['2025-10-10', '2025-10-10'], day: '2025-09-26',
      isWorkingDaySunday28: true, text: '2025-10-10',
    }, tz);
  }
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
  assert.deepEqual(cal.addWorkingDaysMany(['2025-09-26', new Date(2025, 8, 26)], [5]), ['2025-10-10', '2025-10-10']);
});

test('calendar days, festivals and holiday-cn data', () => {
  const cal = Calendar.cn();
  const { date, working, kind, festival, covered, reason, decidedBy } = cal.day('2025-10-01');
  assert.deepEqual({ date, working, kind, festival, covered },
    { date: '2025-10-01', working: false, kind: 'holiday', festival: 'national_day', covered: true });
  assert.deepEqual([reason, decidedBy], ['statutory_holiday', 'published']);
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
  kase.apply(CaseEvent.fromJson({ type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25090001' }));
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

test('each stage names its calendar; a provisional deadline is a finding without a clause', () => {
  const policy = Policy.fromJson({
    calendars: [{ name: 'hotline', base: 'every_day' }],
    calendar_of: { channels: { hotline: 'hotline' } },
    deadlines: { registration: '3 working days' },
  });
  const received = { type: 'received', at: '2026-12-29T10:00:00+08:00', channel: 'hotline',
    complainant_kind: 'customer', name: '張三', contact: '13812345678', content: 'The part broke again.' };
  const hotline = Case.open(policy, received).schedule('2026-12-29T12:00:00+08:00').stages[0];
  assert.deepEqual([hotline.calendar, hotline.lastDay, hotline.provisional], ['hotline', '2027-01-01', false]);
  const kase = Case.open(policy, { ...received, channel: 'email', contact: 'a@example.com', subject: '投訴' });
  const office = kase.schedule('2026-12-29T12:00:00+08:00').stages[0];
  assert.deepEqual([office.calendar, office.lastDay, office.provisional], ['default', '2027-01-04', true]);
  const report = kase.compliance('2026-12-29T12:00:00+08:00');
  const check = report.checks.find((c) => c.rule === 'provisional_days');
  assert.deepEqual([check.clause, check.result], [null, 'finding']);
  assert.ok(check.detail.includes('2027-01-04'));
  assert.deepEqual(report.findings, ['provisional_days']);
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

test('intake, classification and triage at the registration desk', () => {
  const policy = new Policy();
  const report = co.checkIntake(policy, { channel: 'hotline', complainantKind: 'customer', name: '張三',
    contact: '138 1234 5678', receivedAt: new Date('2025-09-26T02:00:00Z').toISOString(), content: null });
  assert.equal(report.complete, false);
  assert.deepEqual(report.missing, ['content']);
  assert.equal(report.contactKind, 'mobile');
  assert.deepEqual(report.requests, [{ field: 'content', code: 'intake.missing_field' }]);
  assert.equal(thrown(() => co.checkIntake(policy, { channel: 'fax', complainantKind: 'customer' })).code,
    'intake.unknown_channel');
  assert.deepEqual(co.parseContact('ZhangSan@Example.COM'), { kind: 'email', normalized: 'ZhangSan@example.com' });

  const [best] = co.suggestCategory(policy, '產品質量有問題');
  assert.equal(best.category, 'product_quality');
  assert.ok(best.matched.length > 0);
  assert.equal(co.categoryInfo(policy, 'product_quality').department.code, 'quality');

  assert.deepEqual(co.assessTriage(policy, { severity: 'serious', urgency: 'urgent', complexity: 'simple' }),
    { emergency: true, track: 'general', priority: 2 });
  const order = co.queueOrder(policy, [
    { id: 'a', severity: 'general', urgency: 'normal', complexity: 'simple', receivedAt: '2025-09-26T09:00:00+08:00' },
    { id: 'b', severity: 'major', urgency: 'urgent', complexity: 'complex', receivedAt: new Date('2025-09-26T03:00:00Z') },
  ]);
  assert.deepEqual(order.map((p) => p.id), ['b', 'a']);
});

test('privacy and archive', () => {
  assert.equal(co.mask('phone', '13812345678'), '138****5678');
  assert.equal(co.visibility('department', 'complainant_name'), 'hidden');
  const view = co.viewPersonalData({ complainant_name: '張三', content: '張三 says hi' }, 'department');
  assert.equal(view.complainant_name, null);
  assert.equal(view.contact_phone, null);
  assert.ok(!view.content.includes('張三'));
  assert.equal(thrown(() => co.viewPersonalData({ nickname: 'x' }, 'office')).code, 'privacy.unknown_field');
  const file = co.ArchiveFile.fromJson({ number: '22100001', archived_on: '2022-10-01',
    documents: [{ document: 'registration_form', electronic: 'dms://1', paper: null }] });
  assert.deepEqual(file.singleFormDocuments(), ['registration_form']);
  assert.equal(file.missingDocuments().length, 4);
  assert.equal(co.retentionExpiry(new Policy(), file.archivedOn).lastDay, '2025-10-09');
  assert.deepEqual(co.mayDestroy(new Policy(), file, '2025-10-10'), { allowed: false, reason: 'archive.approval_missing' });
  assert.deepEqual(new Policy().discipline.decide({ responsibility: 'direct', fault: 'intentional', consequence: 'serious' }),
    { level: 'dismissal', sanctions: ['termination', 'legal_liability'], clause: '§8.2.3' });
});

test('statistics: a ledger, its report and its charts', () => {
  const policy = new Policy();
  const csv = 'number,received_at,channel,category,department,severity,closed_at,satisfied\n'
    + '25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n'
    + '25020001,2025-02-03 10:00:00,email,service_attitude,customer_service,serious,,\n';
  const ledger = co.Ledger.fromCsv(csv, policy);
  assert.equal(ledger.length, 2);
  const report = ledger.report('month', policy);
  const data = report.toJSON();
  assert.deepEqual(data.periods.map((p) => [p.period, p.total]), [['2025-01', 1], ['2025-02', 1]]);
  assert.equal(data.periods[0].handlingHours.mean, 48);
  assert.equal(data.overview.total, 2);
  const charts = report.charts(policy);
  for (const svg of Object.values(charts)) assert.match(svg, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.match(report.html(policy), /<svg/);
  assert.deepEqual(co.periodOf('2025-03-31T16:30:00Z', 'month'),
    { period: '2025-04', firstDay: '2025-04-01', lastDay: '2025-04-30', start: '2025-04-01T00:00:00+08:00', end: '2025-05-01T00:00:00+08:00' });
  const bad = thrown(() => co.Ledger.fromCsv(csv.replace('25020001', '2502001'), policy));
  assert.equal(bad.code, 'stats.bad_row');
  const lenient = co.Ledger.fromCsv(csv.replace('25020001', '2502001'), policy, { lenient: true });
  assert.deepEqual(lenient.rejected(), [{ line: 3, column: 'number', code: 'number.invalid_format' }]);
});
