// The office at work through the JavaScript API, beyond the vectors: caseloads from stored
// histories and from Case objects, worklist views, the reminder job over consecutive windows,
// statistics from cases, tamper-evident histories, e-mail intake from bytes and the calendar's
// reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const { Case, CaseEvent, Caseload, Ledger, Policy } = co;

const NAME = '張三豐';
const PHONE = '13812345678';

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

const at = (day, time = '09:00') => `2025-${day}T${time}:00+08:00`;
const received = (when) => ({ type: 'received', at: when, channel: 'hotline', complainant_kind: 'customer',
  name: NAME, contact: PHONE, content: `${NAME} says the part broke again` });

/** A registered, classified and assessed case received on `day` (MM-DD) with serial `serial`. */
function history(day, serial, { category = 'product_quality', urgent = false } = {}) {
  const month = day.slice(0, 2);
  return [
    received(at(day)),
    { type: 'registered', at: at(day, '10:00'), number: `25${month}${String(serial).padStart(4, '0')}` },
    { type: 'classified', at: at(day, '10:10'), category },
    { type: 'assessed', at: at(day, '10:20'), severity: urgent ? 'serious' : 'general',
      urgency: urgent ? 'urgent' : 'normal', complexity: 'simple' },
  ];
}

const HISTORIES = [
  history('09-01', 1),
  { key: 'crm-2', complainant_key: 'k-1', events: history('09-15', 2, { category: 'service_attitude' }) },
  history('10-09', 1, { urgent: true }),
  [received(at('10-20', '16:00'))],
  { key: 'crm-5', events: [{ type: 'received', at: 'yesterday' }] },
];

test('a caseload from stored histories: arrays, keyed objects, CaseEvents or JSON text, the same', () => {
  const policy = new Policy();
  const now = at('10-22', '10:00');
  const fromObjects = Caseload.fromHistories(policy, HISTORIES);
  const fromText = Caseload.fromHistories(policy, JSON.stringify(HISTORIES));
  const withEvents = Caseload.fromHistories(policy, HISTORIES.map((h) => (Array.isArray(h) ? h.map((e) => CaseEvent.fromJson(e)) : h)));
  const office = { view: 'office' };
  assert.deepEqual(fromText.worklist(now, office), fromObjects.worklist(now, office));
  assert.deepEqual(withEvents.worklist(now, office), fromObjects.worklist(now, office));
  assert.equal(fromObjects.length, 4);
  // The broken history is listed by position and code, never dropped and never quoted.
  assert.deepEqual(fromObjects.refused(), [{ index: 4, key: 'crm-5', code: 'case.invalid_event', clause: null, event: 0 }]);
  // An element that is not a history at all keeps no key.
  const odd = Caseload.fromHistories(policy, [{ key: 'crm-6', events: 'none' }, 42]);
  assert.deepEqual(odd.refused().map((r) => [r.index, r.key, r.code]), [[0, null, 'case.invalid_event'], [1, null, 'case.invalid_event']]);
  assert.equal(String(fromObjects), 'Caseload(cases=4, refused=1)');
  assert.equal(fromObjects.get(1).number, '25090002');
  assert.equal(fromObjects.get(4), undefined);
  assert.equal(thrown(() => Caseload.fromHistories(policy, { events: [] })).code, 'office.invalid_caseload');
  assert.equal(thrown(() => Caseload.fromHistories(policy, '{"events": []}')).code, 'office.invalid_caseload');
  assert.equal(thrown(() => Caseload.fromHistories(policy, 'not json')).code, 'office.invalid_caseload');
});

test('a caseload from replayed Case objects gives the same worklist as from their histories', () => {
  const policy = new Policy();
  const now = at('10-22', '10:00');
  const stored = HISTORIES.slice(0, 4);
  const pushed = new Caseload();
  stored.forEach((h, i) => {
    const events = Array.isArray(h) ? h : h.events;
    const keys = Array.isArray(h) ? undefined : { key: h.key, complainantKey: h.complainant_key };
    assert.equal(pushed.push(Case.replay(policy, events), keys), i);
  });
  const replayed = Caseload.fromHistories(policy, stored);
  assert.deepEqual(pushed.worklist(now, { view: 'office' }), replayed.worklist(now, { view: 'office' }));
  assert.deepEqual(pushed.ledger(now).records(), replayed.ledger(now).records());
  // A pushed case is a copy: applying to the original afterwards changes nothing in the caseload.
  const kase = Case.replay(policy, history('10-09', 7));
  const load = new Caseload();
  load.push(kase);
  kase.apply({ type: 'withdrawn', at: at('10-10'), reason: 'settled' });
  assert.equal(load.get(0).status, 'registered');
  assert.equal(thrown(() => load.push(kase, { kee: 'x' })).code, 'binding.invalid_argument');
  assert.equal(thrown(() => load.push(kase, { key: 7 })).code, 'binding.invalid_argument');
});

test('worklist: working order, views without personal data, filters, coded errors', () => {
  const load = Caseload.fromHistories(new Policy(), HISTORIES);
  const now = at('10-22', '10:00');
  const office = load.worklist(now, { view: 'office' });
  assert.equal(office.now, now);
  // The emergency first, then the overdue plans by lateness, then registration.
  assert.deepEqual([office.entries[0].index, office.entries[0].emergency], [2, true]);
  assert.ok(office.entries.slice(1).every((e) => !e.emergency));
  assert.equal(office.counts.total, office.entries.length);
  assert.equal(office.entries.find((e) => e.index === 0).complainant.complainant_name, NAME);
  const entry = office.entries.find((e) => e.index === 1);
  assert.deepEqual([entry.key, entry.number, entry.stage, entry.act, entry.department],
    ['crm-2', '25090002', 'plan', 'complaint_office', 'customer_service']);
  assert.equal(typeof entry.queueKey, 'string');
  assert.match(entry.receivedAt, /\+08:00$/);
  for (const view of ['department', 'investigation_team', 'statistics']) {
    const list = load.worklist(now, { view });
    assert.ok(list.entries.every((e) => e.complainant === null), view);
    assert.ok(!JSON.stringify(list).includes(PHONE) && !JSON.stringify(list).includes(NAME), view);
  }
  const quality = load.worklist(now, { view: 'department', department: 'quality' });
  assert.deepEqual(quality.entries.map((e) => e.department), ['quality', 'quality']);
  assert.deepEqual(quality.counts.byDepartment, { quality: 2 });
  const management = load.worklist(now, { view: 'office', role: 'management' });
  assert.deepEqual(management.entries, []);
  assert.equal(thrown(() => load.worklist(now, { view: 'ceo' })).code, 'privacy.unknown_role');
  assert.equal(thrown(() => load.worklist(now, { view: 'office', role: 'ceo' })).code, 'office.unknown_actor');
  assert.equal(thrown(() => load.worklist(now, {})).code, 'binding.invalid_argument');
  assert.equal(thrown(() => load.worklist(now, { view: 'office', colour: 'red' })).code, 'binding.invalid_argument');
  assert.equal(thrown(() => load.worklist('2025-10-22T10:00:00', { view: 'office' })).code, 'time.missing_offset');
  assert.equal(thrown(() => load.worklist(now)).code, 'binding.invalid_argument');
});

/** A deterministic stream of numbers in [0, 1). */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('reminders over consecutive windows give each reminder exactly once, whatever the windows', () => {
  // Forty cases received over two months, some urgent, one in every five without registration.
  const next = random(7);
  const histories = [];
  for (let i = 0; i < 40; i++) {
    const day = new Date(Date.UTC(2025, 8, 1 + Math.floor(next() * 55)));
    const mmdd = `${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
    const h = history(mmdd, i + 1, { urgent: next() < 0.2 });
    histories.push({ key: `crm-${i}`, events: i % 5 === 0 ? h.slice(0, 1) : h });
  }
  const load = Caseload.fromHistories(new Policy(), histories);
  assert.equal(load.refused().length, 0);
  const from = Date.parse('2025-09-01T00:00:00+08:00');
  const to = Date.parse('2025-11-15T00:00:00+08:00');
  const whole = load.reminders(new Date(from), new Date(to)).map((r) => r.id);
  assert.ok(whole.length > 100, `only ${whole.length} reminders`);
  assert.equal(new Set(whole).size, whole.length, 'an id twice in one window');
  // Five-minute windows (a scheduler's) over four busy days; longer ones over the whole span.
  const busyFrom = Date.parse('2025-10-08T00:00:00+08:00');
  const busyTo = Date.parse('2025-10-12T00:00:00+08:00');
  for (const [seed, maxMinutes, start, end] of [[1, 5, busyFrom, busyTo], [2, 90, from, to], [3, 60 * 24 * 3, from, to]]) {
    const expected = load.reminders(new Date(start), new Date(end)).map((r) => r.id);
    assert.ok(expected.length > 10, `only ${expected.length} reminders in the span`);
    const step = random(seed);
    const sent = [];
    for (let t = start; t < end;) {
      const next = Math.min(end, t + Math.ceil(step() * maxMinutes) * 60_000);
      const window = load.reminders(new Date(t), new Date(next));
      for (const r of window) {
        const instant = Date.parse(r.at);
        assert.ok(instant >= t && instant < next, `${r.id} at ${r.at} outside its window`);
      }
      sent.push(...window.map((r) => r.id));
      t = next;
    }
    assert.equal(new Set(sent).size, sent.length, `windows up to ${maxMinutes} min: a reminder sent twice`);
    assert.deepEqual(sent, expected, `windows up to ${maxMinutes} min: reminders lost, added or out of order`);
  }
  // Ids are stable across replays, and reminders go out in the reminder hours of a working day.
  const again = Caseload.fromHistories(new Policy(), JSON.stringify(histories));
  assert.deepEqual(again.reminders(new Date(from), new Date(to)).map((r) => r.id), whole);
  for (const r of load.reminders(new Date(from), new Date(to))) {
    assert.match(r.at, /T(09|1[0-7]):\d\d:\d\d\+08:00$/, r.id);
    assert.ok(Calendar().isWorkingDay(r.at.slice(0, 10)), r.id);
    assert.match(r.id, /^crm-\d+\/[a-z_]+\/\d+\/[a-z_]+$/);
  }
  assert.deepEqual(load.reminders(new Date(from), new Date(from)), []);
  const backwards = thrown(() => load.reminders(new Date(to), new Date(from)));
  assert.equal(backwards.code, 'office.invalid_window');
});

const Calendar = () => co.Calendar.cn();

test('statistics from cases: ledger rows with case columns, the report with office indicators', () => {
  const policy = new Policy();
  const load = Caseload.fromHistories(policy, HISTORIES);
  const ledger = load.ledger(at('10-22', '10:00'));
  assert.equal(ledger.length, 3);
  // The unnumbered case and the broken history are the rejected rows (line = index + 1).
  assert.deepEqual(ledger.rejected(), [
    { line: 4, column: 'number', code: 'stats.missing_value' },
    { line: 5, column: null, code: 'case.invalid_event' },
  ]);
  const [first] = ledger.records();
  assert.equal(first.number, '25090001');
  assert.equal(first.outcome, 'open');
  assert.equal(first.track, 'general');
  assert.deepEqual(first.registration, { due: '2025-09-03T00:00:00+08:00', met_at: '2025-09-01T10:00:00+08:00' });
  assert.equal(ledger.records('+00:00')[0].received_at, '2025-09-01T01:00:00+00:00');
  assert.equal(ledger.records()[1].complainant_key, 'k-1');
  assert.ok(!JSON.stringify(ledger.records()).includes(PHONE));
  const report = ledger.report('month', policy).toJSON();
  const september = report.periods[0];
  assert.equal(september.period, '2025-09');
  assert.deepEqual(Object.keys(september.indicators.onTime), ['feedback', 'follow_up', 'plan', 'registration']);
  assert.deepEqual(september.indicators.onTime.registration, { due: 2, onTime: 2, late: 0, overdue: 0, rate: 1 });
  assert.deepEqual(september.indicators.byTrack, { general: 2 });
  assert.notEqual(report.overview.indicators, null);
  // A classic ledger (no case column) has no indicators.
  const classic = Ledger.fromRecords([{ number: '25090001', received_at: at('09-01'), category: 'c', department: 'd' }]);
  assert.equal(classic.report('month', policy).toJSON().periods[0].indicators, null);
  assert.equal(thrown(() => Ledger.fromRecords([{ ...first, registration: { due: 'tomorrow' } }])).code, 'time.invalid_instant');
  assert.equal(thrown(() => Ledger.fromRecords([{ ...first, registration: { met_at: first.received_at } }])).code,
    'binding.invalid_argument');
  assert.equal(thrown(() => ledger.records('+25:00')).code, 'time.invalid_offset');
});

test('ledger rows from cases read back as records: the same rows and counts', () => {
  const policy = new Policy();
  const ledger = Caseload.fromHistories(policy, HISTORIES).ledger(at('10-22', '10:00'));
  const rows = ledger.records();
  const reread = Ledger.fromRecords(rows);
  assert.deepEqual(reread.records(), rows);
  const totals = (l) => l.report('month', policy).toJSON().periods.map((p) => [p.period, p.total, p.indicators.byOutcome]);
  assert.deepEqual(totals(reread), totals(ledger));
});

test('tamper-evident histories: chain, append, verify, replay; tampering found where it is', () => {
  const policy = new Policy();
  const events = history('09-26', 1);
  const chained = co.chainHistory(events);
  assert.equal(chained.length, 4);
  assert.match(chained[0].hash, /^[0-9a-f]{64}$/);
  // Appending one event at a time gives the same chain.
  let head = null;
  const appended = events.map((e) => {
    const link = co.linkEvent(head, e);
    head = link.hash;
    return link;
  });
  assert.deepEqual(appended, chained);
  assert.deepEqual(co.linkEvent('0'.repeat(64), events[0]), chained[0]);
  // The canonical JSON is the text hashed: sorted keys, no white space; key order does not matter.
  const canonical = co.canonicalJson(chained[1].event);
  assert.equal(canonical, '{"at":"2025-09-26T10:00:00+08:00","number":"25090001","type":"registered"}');
  assert.equal(co.canonicalJson({ type: 'registered', number: '25090001', at: '2025-09-26T10:00:00+08:00' }), canonical);
  assert.equal(co.canonicalJson(JSON.stringify(chained[1].event)), canonical);

  assert.equal(co.verifyHistory(chained, head), head);
  assert.equal(co.verifyHistory(JSON.stringify(chained)), head);
  assert.equal(co.verifyHistory([], '0'.repeat(64)), '0'.repeat(64));
  const kase = Case.replayVerified(policy, chained, head);
  assert.equal(String(kase), 'Case(status=registered, number=25090001, events=4)');
  const set = new co.PolicySet();
  set.add(policy);
  assert.equal(Case.replayVerifiedIn(set, chained, head.toUpperCase()).number, '25090001');

  const edited = structuredClone(chained);
  edited[2].event.category = 'management';
  const broken = thrown(() => co.verifyHistory(edited, head));
  assert.deepEqual([broken.code, broken.clause, broken.index], ['history.chain_broken', '§6.1.2', 2]);
  assert.ok(!broken.message.includes('management'));
  assert.equal(thrown(() => Case.replayVerified(policy, edited, head)).code, 'history.chain_broken');
  const cut = thrown(() => co.verifyHistory(chained.slice(0, 3), head));
  assert.deepEqual([cut.code, cut.index], ['history.head_mismatch', 3]);
  const badHash = thrown(() => co.verifyHistory([chained[0], { ...chained[1], hash: 'abc' }]));
  assert.deepEqual([badHash.code, badHash.index], ['history.invalid_hash', 1]);
  assert.equal(thrown(() => co.verifyHistory(chained, 'nope')).code, 'history.invalid_hash');
  const extraKey = thrown(() => co.verifyHistory([{ ...chained[0], note: 1 }]));
  assert.deepEqual([extraKey.code, extraKey.index], ['binding.invalid_argument', 0]);
  assert.equal(thrown(() => co.verifyHistory({ event: 1 })).code, 'binding.invalid_argument');
  // An intact history the case refuses: the case's own code, index and key.
  const refusedChain = co.chainHistory([events[0], { type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25100001' }]);
  const refused = thrown(() => Case.replayVerified(policy, refusedChain));
  assert.deepEqual([refused.code, refused.index], ['case.number_month_mismatch', 1]);
  const unreadable = thrown(() => co.chainHistory([events[0], { type: 'registered', at: 'yesterday', number: '25090001' }]));
  assert.deepEqual([unreadable.code, unreadable.index, unreadable.key], ['case.invalid_event', 1, 'at']);
});

// A GBK e-mail (the core's own example): encoded-word subject and sender, a GBK body.
const GBK_MAIL = Buffer.concat([
  Buffer.from('Received: from mx.example.net by mail.example.com;\r\n Fri, 26 Sep 2025 01:58:02 +0000\r\n'
    + 'Date: Fri, 26 Sep 2025 09:57:40 +0800\r\n'
    + 'From: =?GBK?B?1cXI/Q==?= <zhang.san@example.net>\r\n'
    + 'Subject: =?GBK?B?udjT2srbuvO1xM22y98=?=\r\n'
    + 'Content-Type: text/plain; charset=GBK\r\n\r\n', 'latin1'),
  Buffer.from([0xb5, 0xe7, 0xcb, 0xae, 0xba, 0xf8, 0xc2, 0xa9, 0xcb, 0xae, 0xa1, 0xa3, 0x0d, 0x0a]),
]);

test('e-mail intake from the raw bytes: GBK through the host TextDecoder, a complaint ready for a case', () => {
  const policy = new Policy();
  const intake = co.intakeEmail(policy, new Uint8Array(GBK_MAIL));
  assert.deepEqual(intake.complaint, {
    channel: 'email', complainantKind: 'customer', name: '张三', contact: 'zhang.san@example.net',
    receivedAt: '2025-09-26T09:58:02+08:00', content: '电水壶漏水。', subject: '关于售后的投诉',
  });
  assert.equal(intake.receivedAt, '2025-09-26T09:58:02+08:00');
  assert.equal(intake.receivedFrom, 'received');
  assert.deepEqual(intake.findings, []);
  assert.equal(intake.report.admissible && intake.report.complete, true);
  assert.equal(co.intakeEmail(policy, GBK_MAIL, 'partner').complaint.complainantKind, 'partner');
  // The complaint makes the case's received event (in the stored format), and checkIntake takes it.
  const event = co.CaseEvent.received('2025-09-26T10:05:00+08:00', intake.complaint);
  assert.deepEqual(event.toJSON(), {
    type: 'received', at: '2025-09-26T10:05:00+08:00', channel: 'email', complainant_kind: 'customer',
    name: '张三', contact: 'zhang.san@example.net', content: '电水壶漏水。', subject: '关于售后的投诉',
    received_at: '2025-09-26T09:58:02+08:00',
  });
  const kase = Case.open(policy, event);
  assert.equal(kase.receivedAt, '2025-09-26T09:58:02+08:00');
  assert.deepEqual(kase.complaint, intake.complaint);
  assert.deepEqual(co.checkIntake(policy, intake.complaint), intake.report);
  // Bytes that are not valid GBK (a lead byte before a line break): U+FFFD and a finding; a
  // charset no decoder knows: a finding.
  const bad = co.intakeEmail(policy, Buffer.concat([GBK_MAIL.subarray(0, GBK_MAIL.length - 4), Buffer.from([0xb5, 0x0d, 0x0a])]));
  assert.deepEqual(bad.findings, [{ code: 'intake.email_text_malformed', part: 'body' }]);
  assert.ok(bad.complaint.content.includes('\uFFFD'));
  const unknown = co.intakeEmail(policy, Buffer.from(GBK_MAIL.toString('latin1').replace('charset=GBK', 'charset=x-martian'), 'latin1'));
  assert.deepEqual(unknown.findings, [{ code: 'intake.email_charset_unknown', part: 'body' }]);
  // Not an e-mail, or not bytes.
  const notMail = thrown(() => co.intakeEmail(policy, new TextEncoder().encode('%PDF-1.7\n')));
  assert.deepEqual([notMail.code, notMail.clause], ['intake.email_malformed', '§2.1.1']);
  assert.equal(thrown(() => co.intakeEmail(policy, new Uint8Array())).code, 'intake.email_malformed');
  // An ArrayBuffer (what `fetch(…).arrayBuffer()` gives) reads as its bytes.
  const buffer = new Uint8Array(GBK_MAIL).buffer;
  assert.deepEqual(co.intakeEmail(policy, buffer), intake);
  for (const wrong of ['Subject: 投訴\r\n\r\nhi', [83, 117], new DataView(buffer), null, undefined]) {
    assert.equal(thrown(() => co.intakeEmail(policy, wrong)).code, 'binding.invalid_argument');
  }
  assert.equal(thrown(() => co.intakeEmail(policy, GBK_MAIL, 'robot')).code, 'intake.unknown_complainant_kind');
});

test('calendar days say why, by which rule and from which notice', () => {
  const cal = co.Calendar.cn();
  const day = cal.day('2025-10-07');
  assert.deepEqual(day, {
    date: '2025-10-07', working: false, kind: 'holiday', reason: 'swapped_rest_day', festival: 'national_day',
    labels: { zhHant: '國慶節', zhHans: '国庆节', en: 'National Day' }, inLieuOf: null, decidedBy: 'published',
    regulation: 'order_795',
    source: { title: '国务院办公厅关于2025年部分节假日安排的通知', number: '国办发明电〔2024〕12号', date: '2024-11-12', kind: 'annual' },
    covered: true, provisional: false,
  });
  const inLieu = cal.day('2027-02-09');
  assert.deepEqual([inLieu.reason, inLieu.decidedBy, inLieu.provisional, inLieu.source], ['day_in_lieu', 'statutory_rule', true, null]);
  assert.match(inLieu.inLieuOf, /^2027-02-0\d$/);
  const v = co.vocabularies();
  assert.ok(v.dayReason.includes(day.reason) && v.decidedBy.includes(day.decidedBy) && v.regulation.includes(day.regulation));
  assert.deepEqual(v.actor, ['complaint_office', 'investigation_team', 'department', 'department_head', 'management']);
  assert.ok(v.emailFindingCode.includes('intake.email_charset_unknown'));
  assert.deepEqual(v.measuredStage, ['registration', 'plan', 'feedback', 'follow_up']);
});
