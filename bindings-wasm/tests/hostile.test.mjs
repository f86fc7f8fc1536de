// Hostile input (issue 16): values a careless or hostile caller passes, each refused with a
// ComplaintOfficeError that has a stable code and a message without the values.
//
// Deep and cyclic objects: arrays and objects may be nested at most MAX_NESTING (127) levels,
// the bound JSON text has in every binding, and may not contain themselves. `JSON.stringify`
// alone would throw a bare TypeError (cycle) or RangeError (too deep for the engine), or pass a
// deep value on to the parser; every entry point that takes objects gives `input.cycle` or
// `input.too_deep` instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const { Calendar, Case, CaseEvent, Policy, PolicySet } = co;

const MAX_NESTING = 127;
const PHONE = '13912345678';
const AT = '2025-09-26T10:00:00+08:00';
const RECEIVED = { type: 'received', at: AT, channel: 'hotline', complainant_kind: 'customer' };

const deepArray = (levels) => {
  let v = PHONE;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
const deepObject = (levels) => {
  let v = PHONE;
  for (let i = 0; i < levels; i++) v = { k: v };
  return v;
};
const cyclicArray = () => {
  const a = [PHONE];
  a.push(a);
  return a;
};
const cyclicObject = () => {
  const o = { name: PHONE };
  o.self = o;
  return o;
};
// A cycle two objects long, through an array.
const cyclicPair = () => {
  const o = { name: PHONE };
  o.list = [{ back: o }];
  return o;
};

const HOSTILE = {
  'array 15,000 deep': [() => deepArray(15_000), 'input.too_deep'],
  'object 15,000 deep': [() => deepObject(15_000), 'input.too_deep'],
  'array 1,000,000 deep (RangeError in JSON.stringify)': [() => deepArray(1_000_000), 'input.too_deep'],
  'array one level past the bound': [() => deepArray(MAX_NESTING + 1), 'input.too_deep'],
  'cyclic array': [cyclicArray, 'input.cycle'],
  'cyclic object': [cyclicObject, 'input.cycle'],
  'cycle through an array': [cyclicPair, 'input.cycle'],
};

// Each entry point that takes an object, with the hostile value placed inside its argument.
const ENTRY_POINTS = {
  'CaseEvent.fromJson': (v) => CaseEvent.fromJson({ ...RECEIVED, note: v }),
  'Case.open': (v) => Case.open(new Policy(), { ...RECEIVED, note: v }),
  'Case.replay': (v) => Case.replay(new Policy(), [RECEIVED, { type: 'closed', at: AT, note: v }]),
  'Case.replayIn': (v) => Case.replayIn(new PolicySet([new Policy()]), [{ ...RECEIVED, note: v }]),
  'Case.apply': (v) => Case.open(new Policy(), RECEIVED).apply({ type: 'closed', at: AT, note: v }),
  'Policy.fromJson': (v) => Policy.fromJson({ deadlines: { plan: v } }),
  'Policy.fromJson (whole)': (v) => Policy.fromJson(v),
  'Policy.fromJson (discipline table)': (v) => Policy.fromJson({ discipline: { rules: [v] } }),
  'Calendar.withHolidayCn': (v) => Calendar.cn().withHolidayCn({ year: 2027, days: [v] }),
  'Calendar.withHolidayCn (whole)': (v) => Calendar.cn().withHolidayCn(v),
  'Calendar.fromConfig': (v) => Calendar.fromConfig({ extra_off_days: v }),
  'checkFinding': (v) => co.checkFinding({ subject: v }),
  'Caseload.fromHistories': (v) => co.Caseload.fromHistories(new Policy(), [[RECEIVED], { key: 'k', events: [{ ...RECEIVED, note: v }] }]),
  'Caseload.fromHistories (whole)': (v) => co.Caseload.fromHistories(new Policy(), v),
  'Caseload.push (keys)': (v) => new co.Caseload().push(Case.open(new Policy(), RECEIVED), { key: v }),
  'Caseload.worklist (options)': (v) => new co.Caseload().worklist(AT, { view: 'office', department: v }),
  'chainHistory': (v) => co.chainHistory([{ ...RECEIVED, note: v }]),
  'linkEvent': (v) => co.linkEvent(null, { ...RECEIVED, note: v }),
  'verifyHistory': (v) => co.verifyHistory([{ event: { ...RECEIVED, note: v }, hash: '0'.repeat(64) }]),
  'Case.replayVerified': (v) => Case.replayVerified(new Policy(), [{ event: v, hash: '0'.repeat(64) }]),
  'canonicalJson': (v) => co.canonicalJson({ ...RECEIVED, note: v }),
  'Ledger.fromRecords': (v) => co.Ledger.fromRecords([{ number: '25090001', received_at: AT, category: 'c',
    department: 'd', registration: { due: AT, met_at: v } }]),
  'checkIntake': (v) => co.checkIntake(new Policy(), { channel: 'hotline', complainantKind: 'customer', content: v }),
};

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(co.isComplaintOfficeError(e), `not a ComplaintOfficeError: ${e && e.name}: ${e && e.message}`);
    return e;
  }
  assert.fail('expected an error');
}

// Each hostile value is built once: no entry point changes it.
const built = new Map();
const value = (kind, make) => {
  if (!built.has(kind)) built.set(kind, make());
  return built.get(kind);
};

for (const [entry, call] of Object.entries(ENTRY_POINTS)) {
  for (const [kind, [make, code]] of Object.entries(HOSTILE)) {
    test(`${entry}: ${kind} is ${code}`, () => {
      const e = thrown(() => call(value(kind, make)));
      assert.equal(e.code, code);
      assert.ok(!e.message.includes(PHONE));
      assert.ok(!/[[{]/.test(e.message), e.message);
    });
  }
}

test('a value within the bound converts, as its JSON text does', () => {
  // 127 levels in all: the event object and 126 arrays below it. Refused for its unknown key,
  // as the same JSON text is.
  const event = { ...RECEIVED, note: deepArray(MAX_NESTING - 1) };
  assert.equal(thrown(() => CaseEvent.fromJson(event)).code, 'case.invalid_event');
  assert.equal(thrown(() => CaseEvent.fromJson(JSON.stringify(event))).code, 'case.invalid_event');
  // One level more: the object is input.too_deep, and the parser refuses the text too.
  const deeper = { ...RECEIVED, note: deepArray(MAX_NESTING) };
  const e = thrown(() => CaseEvent.fromJson(deeper));
  assert.equal(e.code, 'input.too_deep');
  assert.match(e.message, /127/);
  assert.equal(thrown(() => CaseEvent.fromJson(JSON.stringify(deeper))).code, 'case.invalid_event');
});

test('shared and wide values are neither cycles nor deep', () => {
  const shared = [1, 2];
  const twice = { ...RECEIVED, note: [shared, shared, { a: shared }] };
  assert.equal(thrown(() => CaseEvent.fromJson(twice)).code, 'case.invalid_event');
  const wide = { ...RECEIVED, note: Array.from({ length: 20_000 }, (_, i) => [i]) };
  assert.equal(thrown(() => CaseEvent.fromJson(wide)).code, 'case.invalid_event');
});

test('other refusals of JSON.stringify stay binding.invalid_argument', () => {
  const e = thrown(() => CaseEvent.fromJson({ ...RECEIVED, note: 10n }));
  assert.equal(e.code, 'binding.invalid_argument');
});

test('a policy key that is data (a phone number, an e-mail address) is never shown', () => {
  for (const pasted of ['13812345678', 'zhang.san@example.com', '110101199003071234', '張三']) {
    const cases = [
      [() => co.Policy.fromToml(`[deadlines]\n"${pasted}" = "3 days"\n`), 'policy.unknown_key', 'deadlines.?'],
      [() => co.Policy.fromJson({ [pasted]: 1 }), 'policy.unknown_key', '?'],
      [() => co.Policy.fromJson({ calendar_of: { departments: { [pasted]: 'default' } } }), 'policy.contradiction', 'calendar_of.departments.?'],
      [() => co.Policy.fromJson({ reminders: { stages: { [pasted]: [] } } }), 'policy.invalid_value', 'reminders.stages.?'],
      [() => co.Policy.fromJson({ deadlines: { [`${pasted}_x`]: 1 } }), 'policy.unknown_key', 'deadlines.?'],
    ];
    for (const [load, code, key] of cases) {
      const e = thrown(load);
      assert.deepEqual([e.code, e.key], [code, key]);
      for (const shown of [e.message, String(e), JSON.stringify(e)]) {
        assert.ok(!shown.includes(pasted) && !shown.includes('1381234'), shown);
      }
    }
  }
  assert.equal(thrown(() => co.Policy.fromToml('[deadlines]\nPlan = "15 days"\n')).key, 'deadlines.Plan');
});
