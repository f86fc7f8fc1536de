// The privacy suite (issue 16, "Everywhere"): recognisable personal values are planted in
// every free-text field of every event of every case history of the vectors (the complaint,
// the superseding `information_supplied` values, plans, findings, feedback, objections, …),
// and every output a role outside the office gets is searched for them: the department's and
// the statistics role's view of each case, the department's worklist (whole and filtered by
// department), the personal-data view, the ledger rows and the report (data, charts, HTML).
// None may appear, whole or with its separators changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';
import { load, vectorsDir } from './vectors.mjs';

const { Case, Caseload, Policy } = co;

// An 18-digit ID number with its check digit (GB 11643).
function idNumber(body17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

const PLANTED = {
  name: '歐陽震華',
  phone: '13987654321',
  email: 'ouyang.zhenhua@example.com',
  id: idNumber('44030419851122331'),
  // The values an `information_supplied` event replaces the first ones with.
  newName: '司馬相如',
  newPhone: '15811112222',
};
// The free text a complainant or a handler writes, holding all of them.
const TEXT = `${PLANTED.name}（電話 ${PLANTED.phone}，郵箱 ${PLANTED.email}，身份證 ${PLANTED.id}）`;
// The keys of events whose values are free text (everything else is a code, a date or an id).
const FREE_TEXT = new Set(['content', 'analysis', 'responsibility', 'measures', 'what', 'nature', 'degree',
  'scope', 'reason', 'process', 'result', 'suggestions', 'description', 'note', 'summary']);

/** A copy of `value` with the planted text in every free-text field and personal field. */
function plant(value, key = null) {
  if (Array.isArray(value)) return value.map((v) => plant(v, key));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = plant(v, k);
    // Personal fields are replaced where the history has them (a missing one is what an
    // information request asks for).
    const put = (k, v) => {
      if (k in out) out[k] = v;
    };
    if (out.type === 'received') {
      put('name', PLANTED.name);
      put('contact', PLANTED.phone);
      put('content', TEXT);
    }
    if (out.type === 'information_supplied') {
      put('name', PLANTED.newName);
      put('contact', PLANTED.newPhone);
      put('content', TEXT);
    }
    return out;
  }
  if (typeof value === 'string' && FREE_TEXT.has(key) && key !== 'responsibility') return TEXT;
  if (typeof value === 'string' && key === 'responsibility' && value.length > 12) return TEXT;
  return value;
}

/** Every way a planted value could be written in an output. */
const NEEDLES = (() => {
  const out = [];
  for (const v of Object.values(PLANTED)) {
    out.push(v);
    if (/^\d+$/.test(v)) out.push(v.replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3'), v.replace(/(\d{3})(\d{4})(\d{4})/, '$1 $2 $3'));
  }
  out.push('欧阳震华', '司马相如', 'ouyang.zhenhua');
  return out;
})();

function leaks(label, output) {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  return NEEDLES.filter((n) => text.includes(n)).map((n) => `${label}: shows ${n}`);
}

/** The histories of the case vectors, planted; only those that still replay are kept. */
function plantedHistories() {
  const histories = [];
  for (const { cases } of load(vectorsDir())) {
    for (const c of cases) {
      const events = c.input?.events;
      if (!c.op.startsWith('case.') || !Array.isArray(events) || c.input.policies) continue;
      const planted = plant(events);
      try {
        Case.replay(new Policy(), planted);
        histories.push(planted);
      } catch {
        // A vector that expects a refusal.
      }
    }
  }
  return histories;
}

test('no output of a role outside the office shows a planted personal value', () => {
  const policy = new Policy();
  const histories = plantedHistories();
  assert.ok(histories.length >= 20, `only ${histories.length} planted histories replay`);
  const types = new Set(histories.flat().map((e) => e.type));
  assert.ok(types.has('information_supplied') && types.has('plan_submitted') && types.has('result_fed_back'), [...types].join());
  const found = [];
  let outputs = 0;
  const check = (label, output) => {
    outputs++;
    found.push(...leaks(label, output));
  };
  const caseload = Caseload.fromHistories(policy, histories);
  const now = '2026-06-01T09:00:00+08:00';
  histories.forEach((events, i) => {
    const c = Case.replay(policy, events);
    // The office sees the values: the planting reached the case.
    if (i === 0) assert.ok(leaks('office', c.view('office')).length > 0, 'the office view shows nothing planted');
    for (const role of ['department', 'statistics']) check(`case ${i} view(${role})`, c.view(role));
    check(`case ${i} record`, c.record());
  });
  for (const department of [undefined, 'quality', 'customer_service']) {
    check(`worklist(department ${department})`, caseload.worklist(now, { view: 'department', department }));
    check(`worklist(statistics ${department})`, caseload.worklist(now, { view: 'statistics', department }));
  }
  const ledger = caseload.ledger(now);
  check('ledger records', ledger.records());
  check('ledger rejected', ledger.rejected());
  for (const granularity of ['month', 'quarter', 'year']) {
    const report = ledger.report(granularity, policy);
    check(`report ${granularity}`, report.toJSON());
    check(`charts ${granularity}`, report.charts(policy));
    check(`html ${granularity}`, report.html(policy));
  }
  const personal = { complainant_name: PLANTED.name, contact_phone: PLANTED.phone, contact_email: PLANTED.email,
    id_number: PLANTED.id, content: TEXT };
  for (const role of ['department', 'statistics']) check(`viewPersonalData(${role})`, co.viewPersonalData(personal, role));
  console.log(`privacy: ${histories.length} planted histories, ${outputs} outputs searched for ${NEEDLES.length} forms of ${Object.keys(PLANTED).length} values`);
  assert.deepEqual(found, []);
});

test('the search finds a planted value where there is one (the check can fail)', () => {
  assert.deepEqual(leaks('x', { a: `call 139-8765-4321` }), ['x: shows 139-8765-4321']);
  assert.equal(leaks('x', co.viewPersonalData({ contact_phone: PLANTED.phone }, 'office')).length, 1);
});
