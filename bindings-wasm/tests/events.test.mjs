// Typed events (issue 23 item 7): the `.d.ts` union `CaseEventData` has a member for every event
// type the core knows (`vocabularies().eventType` is the core's own list), every key it declares
// is one the core reads, and the event catalogue and the CSV ledger columns of the package's
// README are exactly what the `.d.ts` and the core say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as co from 'complaint-office';

const here = dirname(fileURLToPath(import.meta.url));
const README = join(here, '..', 'README.md');
const pkgJson = createRequire(import.meta.url).resolve('complaint-office/package.json');
const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
const dts = readFileSync(join(dirname(pkgJson), pkg.types), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The members of a union of object types, from the `.d.ts` text. */
function union(name) {
  const start = dts.indexOf(`export type ${name} = EventBase & (`);
  assert.ok(start >= 0, `${name} in the .d.ts`);
  const body = dts.slice(start, dts.indexOf('\n);', start));
  return [...body.matchAll(/\{\s*type:\s*"(\w+)";?([^}]*)\}/g)].map(([, type, rest]) => ({
    type,
    keys: fields(rest),
  }));
}

function fields(text) {
  return text.split(';').map((f) => f.trim()).filter(Boolean).map((f) => {
    const m = /^(\w+)(\?)?:\s*([\s\S]+)$/.exec(f);
    assert.ok(m, `a key declaration: ${f}`);
    return { name: m[1], optional: m[2] === '?', type: m[3].replace(/\s+/g, ' ') };
  });
}

function iface(name) {
  const m = new RegExp(`export interface ${name} \\{([^}]*)\\}`).exec(dts);
  assert.ok(m, `interface ${name} in the .d.ts`);
  return fields(m[1]);
}

// A valid value for every key an event may have (the core refuses unknown keys and wrong types).
const SAMPLES = {
  channel: 'hotline', complainant_kind: 'customer', name: '張三', contact: '13812345678',
  content: 'broke', subject: '投訴', received_at: '2025-09-26T09:00:00+08:00', fields: ['contact'],
  number: '25090001', category: 'product_quality', department: 'quality', severity: 'serious',
  urgency: 'urgent', complexity: 'complex', measures: 'm',
  members: [{ id: 'h-1', role: 'department_head', department: 'quality' }],
  steps: [{ description: 'd', due: '2025-10-01', owner: 'h-1' }], kind: 'interview', signed: true,
  interviewee: 'complainant', summary: 's', note: 'n', analysis: 'a', responsibility: 'r',
  time_points: [{ what: 'w', due: '2025-10-10' }],
  findings: [{ responsibility: 'direct', fault: 'negligence', consequence: 'general', subject: 'E1024',
    nature: 'n', degree: 'd', scope: 's' }],
  until: '2025-10-31', reason: 'r', description: 'd', process: 'p', result: 'r',
  satisfaction: 'satisfied', method: 'phone', suggestions: 's', ground: 'out_of_scope', into: '25090002',
  documents: ['registration_form', 'investigation_record', 'handling_plan', 'result_report', 'follow_up_record'],
};

function fullEvent({ type, keys }) {
  const role = { plan_returned: 'management', plan_approved: 'management', destruction_approved: 'leadership' }[type]
    ?? 'complaint_office';
  const event = { type, at: '2025-09-26T10:00:00+08:00', by: 'staff-1', role };
  for (const { name } of keys) {
    assert.ok(name in SAMPLES, `a sample value for ${type}.${name}`);
    event[name] = SAMPLES[name];
  }
  return event;
}

const show = (t) => t.replace(/ \| /g, ' or ');

function catalogue(members) {
  const lines = ['| event | keys (`?`: may be left out) | clause |', '|---|---|---|'];
  for (const m of members) {
    const keys = m.keys.map((k) => `\`${k.name}${k.optional ? '?' : ''}\`: ${show(k.type)}`).join(', ');
    lines.push(`| \`${m.type}\` | ${keys || '–'} | ${co.CaseEvent.fromJson(fullEvent(m)).clause} |`);
  }
  return lines.join('\n');
}

test('CaseEventData has a member for every event type of the core, in its order', () => {
  const members = union('CaseEventData');
  const core = co.vocabularies().eventType;
  assert.ok(core.length >= 34);
  assert.deepEqual(members.map((m) => m.type), [...core]);
});

test('every key the .d.ts declares is one the core reads, with the types it accepts', () => {
  for (const m of union('CaseEventData')) {
    // The core refuses an unknown key (case.invalid_event): each declared key is one it reads.
    const event = co.CaseEvent.fromJson(fullEvent(m));
    assert.equal(event.type, m.type);
    // Only the required keys: still an event.
    const required = Object.fromEntries(Object.entries(fullEvent(m))
      .filter(([k]) => ['type', 'at'].includes(k) || m.keys.some((d) => d.name === k && !d.optional)));
    assert.equal(co.CaseEvent.fromJson(required).type, m.type);
  }
});

test("the package's README has the event catalogue of the .d.ts and the core", () => {
  const expected = catalogue(union('CaseEventData'));
  assert.ok(readFileSync(README, 'utf8').includes(expected), `README.md lacks the catalogue:\n${expected}`);
});

test("the package's README lists the CSV ledger's columns of the .d.ts, with those required", () => {
  const section = readFileSync(README, 'utf8').split("### The CSV ledger's columns")[1] ?? '';
  const documented = [...section.matchAll(/^\| `(\w+)` \| (yes|no) \|/gm)].map(([, name, req]) => ({ name, required: req === 'yes' }));
  // The CSV's columns are the ledger's stored names; `ColumnNames` (an API object) keys them in camelCase.
  const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  assert.deepEqual(documented.map((c) => c.name).sort(), iface('ColumnNames').map((k) => snake(k.name)).sort());
  const row = { number: '25090001', received_at: '2025-09-26 10:00:00', channel: 'hotline', category: 'product_quality',
    department: 'quality', severity: 'general', closed_at: '2025-09-30 10:00:00', satisfied: 'true' };
  const policy = new co.Policy();
  const all = documented.map((c) => c.name);
  assert.equal(co.Ledger.fromCsv(`${all.join(',')},note\n${all.map((n) => row[n]).join(',')},x\n`, policy).toString(),
    'Ledger(1 records, 0 rejected)', 'other columns are ignored');
  for (const { name, required } of documented) {
    const rest = documented.map((c) => c.name).filter((n) => n !== name);
    const csv = `${rest.join(',')}\n${rest.map((n) => row[n]).join(',')}\n`;
    if (required) assert.throws(() => co.Ledger.fromCsv(csv, policy), /./, `${name} is required`);
    else assert.equal(co.Ledger.fromCsv(csv, policy).toString(), 'Ledger(1 records, 0 rejected)', `${name} is optional`);
  }
});
