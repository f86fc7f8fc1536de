// What crosses into the module, checked at the boundary (issue 16 items 6 and 7):
//
// * Whole documents (policy text, holiday-cn data, histories, CSV ledgers, e-mails) have the
//   readers' documented maximum of every binding — 64 MiB of text for a policy, holiday data
//   and histories, 4 GiB for a CSV ledger or an e-mail — and an optional `maxBytes` to lower
//   it; more is `input.too_large`.
// * Text with a lone surrogate is `input.invalid_text`, wherever it is: a text parameter, a
//   string inside an object, a key. The glue's TextEncoder would otherwise write U+FFFD in
//   its place, a silent change of the complainant's text.
// * Numbers that are not safe integers (NaN, ±Infinity, 1.5, 2 ** 80), and negative counts,
//   are `input.invalid_number`, never wrapped, truncated or saturated into another number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const { Calendar, Case, CaseEvent, Caseload, Ledger, Policy } = co;
const PHONE = '13912345678';
const AT = '2025-09-26T10:00:00+08:00';
const RECEIVED = { type: 'received', at: AT, channel: 'hotline', complainant_kind: 'customer' };
const CSV = 'number,received_at,channel,category,department,severity,closed_at,satisfied\n'
  + '25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n';
const MAIL = new TextEncoder().encode('From: <a@example.com>\r\nSubject: x\r\nDate: Fri, 26 Sep 2025 09:57:40 +0800\r\n'
  + `Content-Type: text/plain; charset=utf-8\r\n\r\n${PHONE}\r\n`);

function refused(code, call) {
  assert.throws(call, (e) => {
    assert.ok(co.isComplaintOfficeError(e), `${e?.name}: ${e?.message}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.includes(PHONE), e.message);
    return true;
  });
}

test('documents over maxBytes are input.too_large; at the maximum they are read', () => {
  const toml = `name = "p"\n# ${PHONE}\n`;
  const bytes = Buffer.byteLength(toml);
  assert.equal(Policy.fromToml(toml, bytes).name, 'p');
  refused('input.too_large', () => Policy.fromToml(toml, bytes - 1));
  const json = JSON.stringify({ name: 'p' });
  assert.equal(Policy.fromJson(json, json.length).name, 'p');
  refused('input.too_large', () => Policy.fromJson(json, json.length - 1));
  // An object is measured as the JSON text it is read as.
  refused('input.too_large', () => Policy.fromJson({ name: 'p' }, json.length - 1));
  const year = { year: 2027, days: [] };
  refused('input.too_large', () => Calendar.cn().withHolidayCn(year, 10));
  const histories = [[RECEIVED]];
  assert.equal(Caseload.fromHistories(new Policy(), histories, 1 << 20).length, 1);
  refused('input.too_large', () => Caseload.fromHistories(new Policy(), histories, 10));
  assert.equal(Ledger.fromCsv(CSV, new Policy(), undefined, CSV.length).length, 1);
  refused('input.too_large', () => Ledger.fromCsv(CSV, new Policy(), undefined, CSV.length - 1));
  const csvBytes = new TextEncoder().encode(CSV);
  refused('input.too_large', () => Ledger.fromCsvBytes(csvBytes, new Policy(), undefined, csvBytes.length - 1));
  assert.ok(co.intakeEmail(new Policy(), MAIL, 'customer', MAIL.length));
  refused('input.too_large', () => co.intakeEmail(new Policy(), MAIL, 'customer', MAIL.length - 1));
});

test('the default maximum of a policy is 64 MiB, as the Python reader\'s', () => {
  const over = `# ${'x'.repeat(64 * 1024 * 1024)}\n`;
  refused('input.too_large', () => Policy.fromToml(over));
  refused('input.too_large', () => Policy.fromJson(`{"name": "${'x'.repeat(64 * 1024 * 1024)}"}`));
});

test('maxBytes itself must be a count', () => {
  for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 80]) {
    refused('input.invalid_number', () => Policy.fromToml('name = "p"', bad));
    refused('input.invalid_number', () => Ledger.fromCsv(CSV, new Policy(), undefined, bad));
  }
});

test('a lone surrogate in any text is input.invalid_text, never U+FFFD', () => {
  const lone = [`\ud800${PHONE}`, `${PHONE}\udfff`, `a\udc00b`];
  for (const text of lone) {
    // Text parameters (&str, String, Option<String>) through the glue.
    refused('input.invalid_text', () => Policy.fromToml(`name = "${text}"`));
    refused('input.invalid_text', () => co.Duration.parse(text));
    refused('input.invalid_text', () => co.parseContact(text));
    refused('input.invalid_text', () => Ledger.fromCsv(CSV + text, new Policy()));
    refused('input.invalid_text', () => Calendar.cn().withOffset(text));
    // Text inside objects and as JSON text, values and keys.
    refused('input.invalid_text', () => CaseEvent.fromJson({ ...RECEIVED, content: text }));
    refused('input.invalid_text', () => Case.open(new Policy(), { ...RECEIVED, name: text }));
    refused('input.invalid_text', () => Policy.fromJson({ name: text }));
    refused('input.invalid_text', () => Policy.fromJson({ [text]: 1 }));
    refused('input.invalid_text', () => Policy.fromJson(JSON.stringify({ name: 'p' }).replace('p', text)));
    // Text read from values while the module runs.
    refused('input.invalid_text', () => Calendar.cn().isWorkingDay(text));
    refused('input.invalid_text', () => Case.open(new Policy(), RECEIVED).schedule(text));
  }
  // A surrogate pair is a character like any other.
  assert.equal(Policy.fromToml('name = "𠀋"').name, '𠀋');
  assert.equal(Policy.fromJson({ name: '𠀋' }).name, '𠀋');
  // An escaped backslash before `ud800` is text, not an escape.
  assert.equal(Policy.fromJson({ name: '\\ud800' }).name, '\\ud800');
});

test('numbers that are not safe integers are input.invalid_number, never wrapped', () => {
  const cal = Calendar.cn();
  for (const bad of [NaN, Infinity, -Infinity, 1.5, 2 ** 80, 2 ** 53]) {
    refused('input.invalid_number', () => cal.addWorkingDays('2025-09-30', bad));
    refused('input.invalid_number', () => new co.Duration(bad, 'days'));
    refused('input.invalid_number', () => new co.ComplaintNumber(2025, 9, bad));
    refused('input.invalid_number', () => Calendar.fromEpochDay(bad));
  }
  // An index is a count: -1 would wrap to 4294967295, 2 ** 32 to 0.
  const caseload = Caseload.fromHistories(new Policy(), [[RECEIVED]]);
  for (const bad of [-1, 1.5, NaN, 2 ** 80]) {
    refused('input.invalid_number', () => caseload.get(bad));
  }
  assert.equal(caseload.get(0).status, 'received');
  assert.equal(caseload.get(2 ** 32), undefined);
  // Arrays of numbers: an Int32Array passes as it is; a plain array's elements are checked.
  assert.deepEqual([...cal.addWorkingDaysEpoch(new Int32Array([20361]), new Int32Array([1]))].length, 1);
  assert.deepEqual([...cal.addWorkingDaysEpoch([20361], [1])], [...cal.addWorkingDaysEpoch(new Int32Array([20361]), new Int32Array([1]))]);
  for (const bad of [NaN, 2 ** 80, 1.5, 2 ** 31]) {
    refused('input.invalid_number', () => cal.addWorkingDaysEpoch([20361], [bad]));
  }
  refused('input.invalid_number', () => Ledger.fromCsvBytes([256], new Policy()));
  refused('binding.invalid_argument', () => Ledger.fromCsvBytes('text', new Policy()));
});

test('a class argument that is not an instance, or a freed instance, is a coded error', () => {
  refused('binding.invalid_argument', () => Case.open({}, RECEIVED));
  refused('binding.invalid_argument', () => Case.open(structuredClone(new Policy()), RECEIVED));
  const policy = new Policy();
  policy.free();
  refused('binding.invalid_object', () => Case.open(policy, RECEIVED));
  refused('binding.invalid_object', () => policy.toToml());
  // The module is fine afterwards.
  assert.equal(Case.open(new Policy(), RECEIVED).status, 'received');
});
