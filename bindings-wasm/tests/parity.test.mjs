// The parity check (issue 17 item 3): the package against tests/api/surface.json.
//
// surface.json lists the public API once, in the core's snake_case names. This test reads what
// the package really has: its runtime exports (functions; classes with their static and
// prototype members, walked up the prototype chain) and, for the plain-object results and the
// string-union vocabularies that exist only as types, the interfaces and type aliases of its
// .d.ts (read with TypeScript's own parser). It fails naming every name the list has that
// JavaScript lacks and every name JavaScript has that the list lacks, unless the list's
// `exceptions.javascript` table names it with a reason. JavaScript's rule: camelCase
// (`received_at` → `receivedAt`), class names identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as co from 'complaint-office';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const surface = JSON.parse(readFileSync(join(here, '..', '..', 'tests', 'api', 'surface.json'), 'utf8'));
const LANGUAGE = 'javascript';

/** `received_at` → `receivedAt`; a name without `_` is unchanged. */
export const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));
const FUNCTION_STATICS = new Set(['length', 'name', 'prototype', 'caller', 'arguments']);

function classMembers(cls) {
  const names = new Set();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    // `__wrap` and `__destroy_into_raw`: wasm-bindgen's internals, not the API.
    for (const n of Object.getOwnPropertyNames(p)) if (!OBJECT_MEMBERS.has(n) && !n.startsWith('__')) names.add(n);
  }
  for (const n of Object.getOwnPropertyNames(cls)) if (!FUNCTION_STATICS.has(n) && !n.startsWith('__')) names.add(n);
  for (const n of Object.getOwnPropertySymbols(cls.prototype)) names.delete(n);
  return names;
}

/** The package's declarations: interfaces (with their members) and type aliases. */
function declarations() {
  const ts = require('typescript');
  const pkg = dirname(realpathSync(require.resolve('complaint-office/package.json')));
  const file = join(pkg, 'node', 'complaint_office.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const own = new Map();
  const bases = new Map();
  const aliases = new Set();
  // Every declaration whose object types (its own, and those nested inside it) have keys with
  // `_`: only the stored formats may.
  const snakeKeyed = new Map();
  const snakeKeys = (node, found = new Set()) => {
    if (ts.isPropertySignature(node) && node.name) {
      const key = node.name.getText(source).replace(/^["']|["']$/g, '');
      if (key.includes('_')) found.add(key);
    }
    ts.forEachChild(node, (child) => { snakeKeys(child, found); });
    return found;
  };
  for (const node of source.statements) {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))) {
      const keys = snakeKeys(node);
      if (keys.size) snakeKeyed.set(node.name.text, [...snakeKeyed.get(node.name.text) ?? [], ...keys].sort());
    }
    if (ts.isInterfaceDeclaration(node)) {
      const members = own.get(node.name.text) ?? new Set();
      for (const m of node.members) if (m.name) members.add(m.name.getText(source).replace(/^["']|["']$/g, ''));
      own.set(node.name.text, members);
      const heritage = (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source)));
      bases.set(node.name.text, [...(bases.get(node.name.text) ?? []), ...heritage]);
    } else if (ts.isTypeAliasDeclaration(node)) {
      aliases.add(node.name.text);
    }
  }
  // An interface has the members of the interfaces it extends.
  const all = (name, seen = new Set()) => {
    if (seen.has(name) || !own.has(name)) return new Set();
    seen.add(name);
    return new Set([...own.get(name), ...(bases.get(name) ?? []).flatMap((b) => [...all(b, seen)])]);
  };
  const interfaces = new Map([...own.keys()].map((name) => [name, all(name)]));
  return { interfaces, aliases, snakeKeyed };
}

/** What the package exports, in the list's form (JavaScript names). */
export function exported(module = co) {
  const functions = new Set();
  const types = new Map();
  for (const [name, value] of Object.entries(module)) {
    if (name === 'default' || name.startsWith('__')) continue;
    if (typeof value === 'function' && /^[A-Z]/.test(name)) types.set(name, classMembers(value));
    else if (typeof value === 'function') functions.add(name);
  }
  const { interfaces, aliases, snakeKeyed } = declarations();
  for (const [name, members] of interfaces) if (!types.has(name)) types.set(name, members);
  for (const name of aliases) if (!types.has(name)) types.set(name, null);
  return { functions, types, snakeKeyed };
}

/** The JavaScript names the list expects, after renames and absences. */
function expected() {
  const ex = surface.exceptions[LANGUAGE];
  const renamed = (key, fallback) => (ex.renamed[key] ? ex.renamed[key].name : fallback);
  const functions = new Set();
  for (const f of surface.functions) {
    if (f in ex.absent) continue;
    functions.add(renamed(f, camel(f.split('.').pop())));
  }
  const types = new Map();
  for (const [name, spec] of Object.entries(surface.types)) {
    if (name in ex.absent) continue;
    // Members by canonical name -> JavaScript name (camelCase, unless the type is a stored
    // format: `exceptions.javascript.stored`).
    const members = spec.members === undefined ? null : new Map(
      spec.members.filter((m) => !(`${name}.${m}` in ex.absent)).map((m) => [m, renamed(`${name}.${m}`, null)]));
    types.set(renamed(name, name.split('.').pop()), members);
  }
  return { functions, types };
}

/** Every difference, one line each; empty when the package is at parity with the list. */
export function differences(found) {
  const want = expected();
  const ex = surface.exceptions[LANGUAGE];
  const idioms = new Set(Object.keys(ex.idioms));
  const lines = [];
  for (const f of [...want.functions].sort()) if (!found.functions.has(f)) lines.push(`missing function ${f}`);
  for (const f of [...found.functions].sort()) {
    if (!want.functions.has(f) && !(f in ex.extra)) lines.push(`extra function ${f} (not in surface.json)`);
  }
  for (const [t, members] of [...want.types].sort()) {
    if (!found.types.has(t)) { lines.push(`missing type ${t}`); continue; }
    const f = found.types.get(t);
    if (members === null || f === null) continue; // a vocabulary: a string union in JavaScript
    const stored = t in ex.stored;
    const w = new Set([...want.types.get(t)].map(([m, js]) => js ?? (stored ? m : camel(m))));
    for (const m of [...w].sort()) if (!f.has(m)) lines.push(`missing ${t}.${m}`);
    for (const m of [...f].sort()) {
      if (!w.has(m) && !idioms.has(m) && !(`${t}.${m}` in ex.extra)) lines.push(`extra ${t}.${m} (not in surface.json)`);
    }
  }
  for (const t of [...found.types.keys()].sort()) {
    if (!want.types.has(t) && !(t in ex.extra)) lines.push(`extra type ${t} (not in surface.json)`);
  }
  // One casing rule: API objects are camelCase in and out; only stored formats have `_` keys.
  for (const [t, keys] of [...found.snakeKeyed].sort()) {
    if (!(t in ex.stored)) lines.push(`snake_case keys in ${t} (${keys.join(', ')}): an API object is camelCase`);
  }
  for (const t of Object.keys(ex.stored).sort()) {
    if (!found.snakeKeyed.has(t)) lines.push(`${t} is listed as a stored format but has no snake_case key`);
  }
  return lines;
}

test('the package exports exactly what tests/api/surface.json lists', () => {
  const lines = differences(exported());
  assert.deepEqual(lines, [], `JavaScript differs from tests/api/surface.json:\n  ${lines.join('\n  ')}`);
});

test('the check names a missing member and an extra function', () => {
  const found = exported();
  const caseMembers = new Set(found.types.get('Case'));
  caseMembers.delete('apply');
  found.types.set('Case', caseMembers);
  found.functions.add('unlistedFunction');
  found.snakeKeyed = new Map([...found.snakeKeyed, ['WorklistOptions', ['act_for']]]);
  const lines = differences(found);
  assert.ok(lines.includes('missing Case.apply'), lines.join('\n'));
  assert.ok(lines.includes('snake_case keys in WorklistOptions (act_for): an API object is camelCase'), lines.join('\n'));
  assert.ok(lines.includes('extra function unlistedFunction (not in surface.json)'), lines.join('\n'));
});

test('every error area of the list reaches JavaScript as one ComplaintOfficeError with its code', () => {
  // JavaScript has one error class for every area: the code's prefix names the area.
  for (const area of Object.keys(surface.errors.areas)) {
    assert.match(area, /^[a-z_]+$/);
  }
  const e = (() => { try { co.ComplaintNumber.parse('23130001'); } catch (err) { return err; } })();
  assert.ok(co.isComplaintOfficeError(e));
  assert.ok(e.code.split('.')[0] in surface.errors.areas, e.code);
});

if (process.argv[2] === '--dump') {
  const found = exported();
  const out = { functions: [...found.functions].sort(), types: {} };
  for (const [t, m] of [...found.types].sort()) out.types[t] = m === null ? null : [...m].sort();
  console.log(JSON.stringify(out, null, 1));
}

// The gaps the first run of the check found, closed: their behaviour.
const life = JSON.parse(readFileSync(join(here, '..', '..', 'tests', 'vectors', 'case.json'), 'utf8'))
  .find((g) => g.op === 'case.replay').cases.find((c) => c.name === 'the whole life of a general complaint').input.events;

test('Case.findings() and Case.decisions(): each finding with its discipline', () => {
  const policy = new co.Policy();
  const c = co.Case.replay(policy, life);
  const findings = c.findings();
  assert.equal(findings.length, 1);
  assert.equal(findings[0].subject, 's-09');
  assert.deepEqual(c.decisions(), [{ finding: findings[0], decision: co.decide(policy.discipline, findings[0]) }]);
  assert.deepEqual(co.Case.replay(policy, life.slice(0, 3)).decisions(), []);
});

test('Schedule.overdue and Schedule.running: the stages overdue, and those whose clock runs', () => {
  const c = co.Case.replay(new co.Policy(), life.slice(0, 2));
  for (const now of ['2025-11-04T09:00:00+08:00', '2025-12-20T09:00:00+08:00']) {
    const s = c.schedule(now);
    assert.deepEqual(s.overdue, s.stages.filter((d) => d.state === 'overdue'));
    assert.deepEqual(s.running, s.stages.filter((d) => ['open', 'due_soon', 'overdue'].includes(d.state)));
  }
  assert.deepEqual(c.schedule('2025-11-04T09:00:00+08:00').overdue, []);
  assert.ok(c.schedule('2025-12-20T09:00:00+08:00').overdue.some((d) => d.stage === 'plan'));
  assert.ok(c.schedule('2025-11-04T09:00:00+08:00').running.some((d) => d.stage === 'plan'));
});

test('Case.complaint: the complaint as received, every key present', () => {
  const c = co.Case.replay(new co.Policy(), life.slice(0, 2));
  assert.deepEqual(c.complaint, {
    channel: 'hotline', complainantKind: 'customer', name: '張三', contact: '13812345678',
    receivedAt: '2025-11-03T09:30:00+08:00', content: life[0].content, subject: null,
  });
});

const thrownBy = (fn) => {
  try { fn(); } catch (e) { return e; }
  assert.fail('expected an error');
};

test('Caseload.cases(), indices(), pushHistory() and records(): the cases, where they are, their rows', () => {
  const policy = new co.Policy();
  const notReceivedFirst = [life[1]];
  const load = co.Caseload.fromHistories(policy, [life.slice(0, 2), notReceivedFirst, life]);
  assert.deepEqual(load.indices(), [0, 2]);
  assert.deepEqual(load.cases().map((c) => c.eventCount), [2, life.length]);
  assert.deepEqual(load.cases().map(String), [String(load.get(0)), String(load.get(2))]);
  // One more history, with the host's keys; one that cannot be replayed is refused at its index.
  assert.equal(load.pushHistory(policy, JSON.stringify(life.slice(0, 3)), { key: 'crm-9', complainantKey: 'k-9' }), 3);
  assert.equal(load.pushHistory(policy, notReceivedFirst), 4);
  assert.deepEqual(load.indices(), [0, 2, 3]);
  assert.deepEqual(load.refused().map((r) => r.index), [1, 4]);
  assert.equal(thrownBy(() => load.pushHistory(policy, [{ type: 'nope', at: life[0].at }])).code, 'case.unknown_event');
  assert.equal(load.length, 3);
  // A row per numbered case (here three copies of one complaint, which a ledger would refuse
  // as duplicates), as the ledger of a caseload has them.
  const now = '2025-12-20T09:00:00+08:00';
  const rows = load.records(now);
  assert.deepEqual(rows.map((r) => r.number), ['25110001', '25110001', '25110001']);
  assert.deepEqual(load.records(now, '+00:00').map((r) => r.received_at), rows.map(() => '2025-11-03T01:30:00+00:00'));
  const one = co.Caseload.fromHistories(policy, [life]);
  assert.deepEqual(one.records(now), one.ledger(now).records());
});

test('Caseload.replayIn: each history under the policy in force when it was received', () => {
  const set = new co.PolicySet();
  set.add(new co.Policy());
  const load = co.Caseload.replayIn(set, [life, JSON.stringify(life.slice(0, 2)), [life[1]]]);
  assert.deepEqual(load.indices(), [0, 1]);
  assert.deepEqual(load.refused().map((r) => r.index), [2]);
  assert.equal(thrownBy(() => co.Caseload.replayIn(set, [[{ type: 'nope', at: life[0].at }]])).code, 'case.unknown_event');
  assert.equal(thrownBy(() => co.Caseload.replayIn(set, 'not an array')).code, 'binding.invalid_argument');
});

test('actorForStatus: who should act on a case in a status', () => {
  assert.equal(co.actorForStatus('registered'), 'complaint_office');
  assert.equal(co.actorForStatus('investigating'), 'investigation_team');
  assert.equal(co.actorForStatus('plan_drafted'), 'management');
  assert.equal(co.actorForStatus('implementing'), 'department');
  const load = co.Caseload.fromHistories(new co.Policy(), [life.slice(0, 2)]);
  const [entry] = load.worklist('2025-11-04T09:00:00+08:00', { view: 'office' }).entries;
  assert.equal(co.actorForStatus(entry.status), entry.act);
  assert.equal(thrownBy(() => co.actorForStatus('lost')).code, 'case.unknown_status');
});

test('Ledger.hasCaseColumns and Ledger.withAsOf: what the indicators count, and as of when', () => {
  const policy = new co.Policy();
  const csv = co.Ledger.fromCsv('number,received_at,category,department\n25090001,2025-09-26 10:00:00,c,d\n', policy);
  assert.equal(csv.hasCaseColumns, false);
  const load = co.Caseload.fromHistories(policy, [life.slice(0, 2)]);
  const early = load.ledger('2025-11-04T09:00:00+08:00');
  assert.equal(early.hasCaseColumns, true);
  const overdue = (ledger) => ledger.report('month', policy).toJSON().periods
    .reduce((n, p) => n + (p.indicators?.onTime.plan.overdue ?? 0), 0);
  assert.equal(overdue(early), 0);
  const late = early.withAsOf(new Date('2025-12-20T01:00:00Z'));
  assert.equal(overdue(late), 1);
  assert.equal(overdue(early), 0, 'withAsOf gives a copy');
  assert.equal(late.length, early.length);
  assert.equal(thrownBy(() => early.withAsOf('2025-12-20 09:00')).code, 'time.invalid_instant');
});

test('DisciplineTable.fromJson and level: a [discipline] section read and asked', () => {
  const a = { responsibility: 'secondary', fault: 'negligence', consequence: 'general' };
  const heavy = co.DisciplineTable.fromJson({ otherwise: 'heavy', rules: [] });
  assert.equal(heavy.level(a), 'heavy');
  assert.equal(co.DisciplineTable.fromJson('{"otherwise": "light"}').level(a), 'light');
  const table = new co.DisciplineTable();
  for (const { level, ...assessment } of table.entries()) {
    assert.equal(table.level(assessment), level);
    assert.equal(table.level(assessment), table.decide(assessment).level);
  }
  const typo = thrownBy(() => co.DisciplineTable.fromJson({ otherwize: 'light' }));
  assert.equal(typo.code, 'policy.unknown_key');
  assert.ok(typo.key.includes('otherwize'), typo.key);
  // A key that is not a name may be data pasted in by mistake: refused, never shown.
  const pasted = thrownBy(() => co.DisciplineTable.fromJson({ rules: [{ '13812345678': 'heavy' }] }));
  assert.deepEqual([pasted.code, pasted.key], ['policy.unknown_key', null]);
  assert.ok(!pasted.message.includes('13812345678'), pasted.message);
  assert.equal(thrownBy(() => heavy.level({ ...a, fault: 'carelessness' })).code, 'accountability.unknown_fault');
});

test('ArchiveFile.documents, legalHold and approval: the file as filed', () => {
  const stored = {
    number: '22100001', archived_on: '2022-10-01', legal_hold: true,
    documents: [{ document: 'registration_form', electronic: 'dms://1', paper: 'box 7' }],
    approval: { approved_by: 'l-01', approved_on: '2023-01-05' },
  };
  const file = co.ArchiveFile.fromJson(stored);
  assert.equal(file.legalHold, true);
  assert.deepEqual(file.documents, file.toJSON().documents);
  assert.equal(file.documents[0].electronic, 'dms://1');
  assert.deepEqual(file.approval, stored.approval);
  const plain = co.ArchiveFile.fromJson({ number: '22100001', archived_on: '2022-10-01' });
  assert.deepEqual([plain.legalHold, plain.documents, plain.approval], [false, [], null]);
});

test('Calendar.isWorkingDayMany and Calendar.coversSpan', () => {
  const cal = co.Calendar.cn();
  const dates = ['2025-09-28', '2025-10-06', new Date(2025, 9, 9), '2025-10-11'];
  assert.deepEqual(cal.isWorkingDayMany(dates), dates.map((d) => cal.isWorkingDay(d)));
  assert.deepEqual(cal.isWorkingDayMany([]), []);
  const bad = thrownBy(() => cal.isWorkingDayMany(['2025-09-28', 20250929]));
  assert.equal(bad.code, 'binding.invalid_argument');
  const [first, last] = [cal.coveredYears()[0], cal.coveredYears().at(-1)];
  assert.equal(cal.coversSpan(`${first}-01-01`, `${last}-12-31`), true);
  assert.equal(cal.coversSpan(`${last}-12-31`, `${first}-01-01`), true, 'either order');
  assert.equal(cal.coversSpan(`${last}-12-31`, `${last + 1}-01-01`), false);
  assert.equal(co.Calendar.weekdays().coversSpan('2025-01-01', '2025-12-31'), co.Calendar.weekdays().covers('2025-06-01'));
});

test('departmentOf and CategoryInfo.keywords: where a category goes, and what suggests it', () => {
  const policy = new co.Policy();
  const info = co.categoryInfo(policy, 'product_quality');
  assert.deepEqual(co.departmentOf(policy, 'product_quality'), info.department);
  assert.equal(info.department.code, 'quality');
  assert.ok(info.keywords.length > 0);
  const [best] = co.suggestCategory(policy, info.keywords[0]);
  assert.equal(best.category, 'product_quality');
  assert.equal(thrownBy(() => co.departmentOf(policy, 'no_such')).code, 'classify.unknown_category');
});

test('verifiedEvents: the events of a stored history, once its chain is verified', () => {
  const chain = co.chainHistory(life.slice(0, 3));
  const head = co.verifyHistory(chain);
  const events = co.verifiedEvents(chain, head);
  assert.deepEqual(events, chain.map((c) => c.event));
  assert.equal(co.Case.replay(new co.Policy(), events).status, co.Case.replayVerified(new co.Policy(), chain, head).status);
  assert.deepEqual(co.verifiedEvents(JSON.stringify(chain)), events);
  const edited = structuredClone(chain);
  edited[1].event.at = '2025-11-03T13:00:00+08:00';
  const broken = thrownBy(() => co.verifiedEvents(edited, head));
  assert.deepEqual([broken.code, broken.index], ['history.chain_broken', 1]);
  assert.equal(thrownBy(() => co.verifiedEvents(chain.slice(0, 2), head)).code, 'history.head_mismatch');
});

test('Duration.hourBounds: the least and the most hours a duration spans', () => {
  assert.deepEqual(co.Duration.parse('24 hours').hourBounds(), [24, 24]);
  const [least, most] = co.Duration.parse('5 working days').hourBounds();
  assert.ok(least === 120 && most > least, `${least} ${most}`);
  const [dl, dm] = new co.Duration(15, 'days').hourBounds();
  assert.ok(dl === 360 && dm > dl, `${dl} ${dm}`);
});

test('IntakeViolation.barsAdmission: which violations make a complaint inadmissible', () => {
  const policy = new co.Policy();
  const report = co.checkIntake(policy, { channel: 'email', complainantKind: 'customer', contact: 'not a contact',
    subject: 'hello', content: '…', name: '張三', receivedAt: '2025-09-26T10:00:00+08:00' });
  assert.ok(report.violations.length >= 2, JSON.stringify(report.violations));
  // An unusable contact is asked for again; the other rules (channel, subject word) bar admission.
  for (const v of report.violations) assert.equal(v.barsAdmission, v.field !== 'contact', v.code);
  assert.deepEqual(report.violations.map((v) => v.barsAdmission).sort(), [false, true]);
  assert.equal(report.admissible, !report.violations.some((v) => v.barsAdmission));
});

test('PeriodInfo.firstDay and lastDay: the days of the period an instant falls in', () => {
  const q = co.periodOf('2024-02-10T12:00:00+08:00', 'quarter');
  assert.deepEqual([q.period, q.firstDay, q.lastDay], ['2024-Q1', '2024-01-01', '2024-03-31']);
  const m = co.periodOf('2024-02-29T23:30:00Z', 'month');
  assert.deepEqual([m.period, m.firstDay, m.lastDay], ['2024-03', '2024-03-01', '2024-03-31']);
  assert.deepEqual([co.periodOf('2025-06-01T00:00:00+08:00', 'year').firstDay, co.periodOf('2025-06-01T00:00:00+08:00', 'year').lastDay],
    ['2025-01-01', '2025-12-31']);
});

test('Calendar.withOfficeHours: periods end at close of business, or at midnight without hours', () => {
  const cal = co.Calendar.cn();
  assert.equal(cal.officeHours, null);
  const hours = cal.withOfficeHours(['09:00-12:00', '13:30-18:00']);
  assert.deepEqual(hours.officeHours, ['09:00-12:00', '13:30-18:00']);
  assert.equal(cal.officeHours, null, 'a copy');
  const at = '2025-09-26T10:00:00+08:00';
  assert.equal(co.periodEnd(cal, at, '5 working days').due, '2025-10-11T00:00:00+08:00');
  assert.equal(co.periodEnd(hours, at, '5 working days').due, '2025-10-10T18:00:00+08:00');
  assert.equal(hours.withOfficeHours(null).officeHours, null);
  const bad = thrownBy(() => cal.withOfficeHours(['09:00-12:00', '25:00-26:00']));
  assert.deepEqual([bad.code, bad.index], ['calendar.invalid_office_hours', 1]);
  assert.equal(thrownBy(() => cal.withOfficeHours(['13:00-18:00', '09:00-14:00'])).code, 'calendar.invalid_office_hours');
  assert.equal(thrownBy(() => cal.withOfficeHours('09:00-18:00')).code, 'binding.invalid_argument');
});

test('NumberAllocator: numbers by the office month of receipt, continuing given sequences', () => {
  const allocator = new co.NumberAllocator();
  // 2025-05-31 23:59 in Beijing is May; 16:30 UTC on the same day is June in Beijing.
  assert.equal(String(allocator.allocate('2025-05-31T23:59:00+08:00')), '25050001');
  assert.equal(String(allocator.allocate('2025-05-31T16:30:00Z')), '25060001');
  assert.equal(String(allocator.peek('2025-05-31T12:00:00+08:00')), '25050002');
  assert.equal(String(allocator.allocateIn('2025-05')), '25050002', 'a late registration continues May');
  allocator.record('25060007');
  assert.equal(String(allocator.allocate('2025-06-02T09:00:00+08:00')), '25060008');
  assert.equal(String(allocator.snapshot().last('2025-06')), '25060008');
  assert.equal(String(allocator), 'NumberAllocator(+08:00, 25050002, 25060008)');
  // In UTC, 16:30 UTC on 31 May is still May.
  const utc = co.NumberAllocator.withSequences(co.NumberSequences.fromIssued(['25050004']), '+00:00');
  assert.equal(String(utc.allocate('2025-05-31T16:30:00Z')), '25050005');
  assert.throws(() => allocator.allocate('not an instant'), (e) => e.name === 'ComplaintOfficeError' && typeof e.code === 'string');
  assert.throws(() => allocator.record('25139999'), (e) => e.code === 'number.invalid_month');
});

test('lastDays: the last day of a period from each start date', () => {
  const cal = co.Calendar.cn();
  const starts = ['2025-09-26', '2025-09-30'];
  const expected = starts.map((d) => co.periodEnd(cal, `${d}T00:00:00+08:00`, '5 working days').lastDay);
  assert.deepEqual(co.lastDays(cal, starts, '5 working days'), expected);
  assert.deepEqual(co.lastDays(cal, [], '15 days'), []);
  assert.throws(() => co.lastDays(cal, ['not a date'], '15 days'), (e) => e.name === 'ComplaintOfficeError' && typeof e.code === 'string');
});
