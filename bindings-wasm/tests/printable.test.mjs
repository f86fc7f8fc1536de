// Every class of the package prints as what it is (issue 23 item 3): toString() and Node's
// console.log / util.inspect show the content, never the wasm pointer (`{ __wbg_ptr: … }`), and
// never personal data in full. The test walks every exported class: a new class without an
// instance here fails it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import * as co from 'complaint-office';

const NAME = '張三豐';
const PHONE = '13812345678';
const ID_NUMBER = '110101199003071234';
const PERSONAL = [NAME, PHONE, ID_NUMBER];
const EVENTS = [
  { type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline', complainant_kind: 'customer',
    name: NAME, contact: PHONE, content: `${NAME} (${ID_NUMBER}) says the part broke again` },
  { type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25090001' },
];
const CSV = 'number,received_at,channel,category,department,severity,closed_at,satisfied\n'
  + '25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n'
  + '25020001,2025-02-03 10:00:00,email,service_attitude,customer_service,serious,,\n';

/** One instance of each exported class, with what its printed form must show. */
function instances(lib) {
  const policy = new lib.Policy();
  const set = new lib.PolicySet();
  set.add(policy);
  const ledger = lib.Ledger.fromCsv(CSV, policy);
  return {
    ArchiveFile: [lib.ArchiveFile.fromJson({ number: '22100001', archived_on: '2022-10-01',
      documents: [{ document: 'registration_form', electronic: 'dms://1', paper: null }] }),
    'ArchiveFile(number=22100001, archivedOn=2022-10-01, documents=1)'],
    Calendar: [lib.Calendar.cn(), /^Calendar\(coveredYears=\d{4}\.\.\d{4}, offset=\+08:00\)$/],
    Case: [lib.Case.replay(policy, EVENTS), 'Case(status=registered, number=25090001, events=2)'],
    CaseEvent: [lib.CaseEvent.fromJson(EVENTS[0]), 'CaseEvent(type=received, at=2025-09-26T10:00:00+08:00)'],
    Caseload: [lib.Caseload.fromHistories(policy, [EVENTS, [EVENTS[1]]]), 'Caseload(cases=1, refused=1)'],
    ComplaintNumber: [lib.ComplaintNumber.parse('25090001'), 'ComplaintNumber(25090001)'],
    DisciplineTable: [policy.discipline, /^DisciplineTable\(otherwise=\w+, rules=\d+\)$/],
    Duration: [new lib.Duration(15, 'days'), 'Duration(15 days)'],
    Ledger: [ledger, 'Ledger(2 records, 0 rejected)'],
    NumberAllocator: [lib.NumberAllocator.withSequences(lib.NumberSequences.fromIssued(['25090002', '25080001'])),
      'NumberAllocator(+08:00, 25080001, 25090002)'],
    NumberSequences: [lib.NumberSequences.fromIssued(['25090002', '25080001']),
      'NumberSequences(25080001, 25090002)'],
    Policy: [policy, 'Policy(name=default)'],
    PolicySet: [set, 'PolicySet(Policy(name=default))'],
    Report: [ledger.report('month', policy), 'Report(granularity=month, periods=2025-01..2025-02)'],
  };
}

/** Every class the package exports, found by introspection: any export written as a class. */
function classesOf(lib) {
  return Object.entries(lib)
    .filter(([, v]) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v)))
    .map(([k]) => k)
    .sort();
}

for (const [flavour, lib] of [['import', co], ['require', createRequire(import.meta.url)('complaint-office')]]) {
  test(`every class prints its content, never a pointer or personal data (${flavour})`, () => {
    const made = instances(lib);
    assert.deepEqual(classesOf(lib), Object.keys(made).sort(), 'an exported class has no instance here');
    for (const [name, [value, expected]] of Object.entries(made)) {
      const shown = inspect(value);
      const logged = inspect({ value }); // nested, as console.log shows it inside an object
      for (const text of [shown, logged, String(value), `${value}`]) {
        assert.ok(!text.includes('__wbg_ptr'), `${name}: ${text}`);
        for (const p of PERSONAL) assert.ok(!text.includes(p), `${name} shows personal data: ${text}`);
      }
      if (expected instanceof RegExp) assert.match(shown, expected);
      else assert.equal(shown, expected);
      assert.ok(logged.includes(shown), logged);
    }
  });
}

test('toString is the plain text where there is one, and a freed value says so', () => {
  assert.equal(String(co.ComplaintNumber.parse('25090001')), '25090001');
  assert.equal(`${new co.Duration(15, 'days')}`, '15 days');
  const number = co.ComplaintNumber.parse('25090001');
  number.free();
  assert.equal(inspect(number), 'ComplaintNumber(freed)');
});
