// One casing rule (issue 17 item 2): JavaScript's API objects are camelCase in and out; the
// stored formats (events, policy files and sections, holiday data, ledger rows, archive files,
// chained histories) keep their snake_case bytes, the same in every language. A snake_case key
// in an API object is refused with `binding.invalid_argument`, naming the key (in `key` and in
// the message) and the camelCase name to use, never the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const { Policy, Caseload, Case, CaseEvent, Ledger } = co;
const AT = '2025-09-26T10:00:00+08:00';
const SECRET = '張三13812345678';

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

/** `fn` throws the snake_case refusal for `key`, naming `camel`, never a value. */
function refusesSnake(fn, key, camel, index = null) {
  const e = thrown(fn);
  assert.ok(co.isComplaintOfficeError(e), String(e));
  assert.equal(e.code, 'binding.invalid_argument', e.message);
  assert.equal(e.key, key);
  assert.equal(e.index, index);
  assert.ok(e.message.includes(`\`${key}\``) && e.message.includes(`\`${camel}\``), e.message);
  assert.ok(!e.message.includes(SECRET), e.message);
}

const complaint = { channel: 'hotline', complainantKind: 'customer', name: SECRET, contact: '13812345678',
  receivedAt: '2025-09-26T09:00:00+08:00', content: 'The part broke again.' };
const item = { id: 'a', severity: 'general', urgency: 'normal', complexity: 'simple', receivedAt: AT };
const CSV = 'Nr,Received,category,department,Closed\n25090001,2025-09-01 09:00:00,c,d,2025-09-02 09:00:00\n';

// Every input key that was snake_case before the rule, with where it goes.
const formerSnakeKeys = [
  ['checkIntake: complainant_kind', 'complainant_kind', 'complainantKind', (o) => co.checkIntake(new Policy(), o), complaint],
  ['checkIntake: received_at', 'received_at', 'receivedAt', (o) => co.checkIntake(new Policy(), o), complaint],
  ['CaseEvent.received: complainant_kind', 'complainant_kind', 'complainantKind', (o) => CaseEvent.received(AT, o), complaint],
  ['CaseEvent.received: received_at', 'received_at', 'receivedAt', (o) => CaseEvent.received(AT, o), complaint],
  ['Caseload.push: complainant_key', 'complainant_key', 'complainantKey',
    (o) => new Caseload().push(Case.open(new Policy(), CaseEvent.received(AT, complaint)), o), { key: 'crm-1', complainantKey: 'k-1' }],
  ['Ledger.fromCsv: columns.received_at', 'received_at', 'receivedAt',
    (o) => Ledger.fromCsv(CSV, new Policy(), { columns: o }), { number: 'Nr', receivedAt: 'Received', closedAt: 'Closed' }],
  ['Ledger.fromCsv: columns.closed_at', 'closed_at', 'closedAt',
    (o) => Ledger.fromCsv(CSV, new Policy(), { columns: o }), { number: 'Nr', receivedAt: 'Received', closedAt: 'Closed' }],
];

for (const [label, key, camel, call, good] of formerSnakeKeys) {
  test(`${label}: the snake_case key is refused with its camelCase name; the camelCase key works`, () => {
    const { [camel]: value, ...rest } = good;
    const snaked = { ...rest, [key]: value };
    refusesSnake(() => call(snaked), key, camel);
    // As JSON text too, where the binding takes text.
    if (label.startsWith('checkIntake')) refusesSnake(() => call(JSON.stringify(snaked)), key, camel);
    // Both spellings at once are refused too: no binding mixes them.
    refusesSnake(() => call({ ...good, [key]: value }), key, camel);
    call(good);
  });
}

test('queueOrder: an item with received_at is refused at its index; receivedAt works', () => {
  const policy = new Policy();
  const { receivedAt, ...rest } = item;
  refusesSnake(() => co.queueOrder(policy, [item, { ...rest, id: 'b', received_at: receivedAt }]), 'received_at', 'receivedAt', 1);
  assert.deepEqual(co.queueOrder(policy, [item, { ...item, id: 'b', severity: 'major', urgency: 'urgent' }]).map((p) => p.id), ['b', 'a']);
});

test('the other API objects refuse a snake_case key as well', () => {
  const policy = new Policy();
  refusesSnake(() => co.assessTriage(policy, { severity: 'general', urgency: 'normal', complexity: 'simple', received_at: AT }),
    'received_at', 'receivedAt');
  refusesSnake(() => new Caseload().worklist(AT, { view: 'office', act_for: 'department' }), 'act_for', 'actFor');
  refusesSnake(() => policy.discipline.decide({ responsibility: 'direct', fault: 'negligence', consequence: 'general', is_grave: true }),
    'is_grave', 'isGrave');
  refusesSnake(() => Ledger.fromCsv(CSV, policy, { columns: { number: 'Nr' }, skip_rows: 1 }), 'skip_rows', 'skipRows');
  const ledger = Ledger.fromCsv(CSV, policy, { columns: { number: 'Nr', receivedAt: 'Received' } });
  refusesSnake(() => ledger.report('month', policy, { from: '2025-09', to_period: '2025-10' }), 'to_period', 'toPeriod');
});

test('API objects come out camelCase: the complaint, labels, e-mail intake', () => {
  const policy = new Policy();
  const kase = Case.open(policy, CaseEvent.received(AT, complaint));
  assert.deepEqual(kase.complaint, { ...complaint, subject: null });
  const noSnake = (value, path = '') => {
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      assert.ok(!k.includes('_'), `${path}.${k}`);
      noSnake(v, `${path}.${k}`);
    }
  };
  noSnake(kase.complaint, 'complaint');
  noSnake(co.categoryInfo(policy, 'product_quality'), 'categoryInfo');
  assert.deepEqual(Object.keys(co.Calendar.cn().day('2025-10-01').labels), ['zhHant', 'zhHans', 'en']);
  const mail = co.intakeEmail(policy, new TextEncoder().encode('Subject: 投訴\r\nDate: Fri, 26 Sep 2025 09:58:02 +0800\r\n\r\nhi'));
  noSnake({ ...mail, report: null }, 'intakeEmail');
  assert.equal(mail.receivedAt, '2025-09-26T09:58:02+08:00');
  assert.equal(mail.complaint.receivedAt, mail.receivedAt);
});

test('stored formats keep their snake_case bytes: events, ledger rows, archive files, policy files', () => {
  const policy = new Policy();
  // The received event, written from the camelCase complaint, is the stored event format.
  const event = CaseEvent.received(AT, complaint).toJSON();
  assert.equal(event.complainant_kind, 'customer');
  assert.equal(event.received_at, complaint.receivedAt);
  assert.deepEqual(CaseEvent.fromJson(event).toJSON(), event);
  // A camelCase key in a stored format is that format's unknown key, with its own code.
  const camelEvent = { type: 'received', at: AT, channel: 'hotline', complainantKind: 'customer' };
  assert.equal(thrown(() => Case.open(policy, camelEvent)).code, 'case.invalid_event');
  assert.equal(thrown(() => Policy.fromJson({ officeOffset: '+08:00' })).code, 'policy.unknown_key');
  // Ledger rows and archive files read and write snake_case.
  const rows = Ledger.fromRecords([{ number: '25090001', received_at: AT, category: 'c', department: 'd' }]).records();
  assert.equal(rows[0].received_at, AT);
  const file = co.ArchiveFile.fromJson({ number: '22100001', archived_on: '2022-10-01', legal_hold: true }).toJSON();
  assert.deepEqual([file.archived_on, file.legal_hold], ['2022-10-01', true]);
  assert.deepEqual(co.ArchiveFile.fromJson(file).toJSON(), file);
  // Histories as a host stores them keep `complainant_key`.
  const load = Caseload.fromHistories(policy, [{ key: 'crm-1', complainant_key: 'k-1', events: [event] }]);
  assert.equal(load.length, 1);
});
