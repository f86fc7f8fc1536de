// The glue's fast routes of the calendar's single calls (bindings-wasm/glue/calendar.mjs,
// issue 22) give exactly what the module gives: the same dates for every supported day, and
// for every argument they do not take, the module's own error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Calendar } from 'complaint-office';

const thrown = (f) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail('no error thrown');
};
const FIRST = Calendar.toEpochDay('1900-01-01');
const LAST = Calendar.toEpochDay('2999-12-31');

test('every supported day: text and day numbers in, the module\'s dates out', () => {
  const cal = Calendar.cn();
  assert.deepEqual([FIRST, LAST], [-25567, 376199]);
  const days = Int32Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
  const working = cal.isWorkingDayEpoch(days);
  // Results of the module's batch (no glue route), away from the edges where +k leaves the range.
  const inner = days.subarray(400, days.length - 400);
  for (const k of [0, 1, -1, 5, -23]) {
    const expected = cal.addWorkingDaysEpoch(inner, Int32Array.of(k));
    for (let i = 0; i < inner.length; i++) {
      const day = inner[i];
      const text = Calendar.fromEpochDay(day);
      const got = cal.addWorkingDays(text, k);
      if (got !== Calendar.fromEpochDay(expected[i])) assert.fail(`${text} + ${k}: ${got}`);
      if (cal.addWorkingDaysToEpochDay(day, k) !== expected[i]) assert.fail(`day ${day} + ${k}`);
    }
  }
  for (let i = 0; i < days.length; i++) {
    const text = Calendar.fromEpochDay(days[i]);
    if (cal.isWorkingDay(text) !== (working[i] === 1)) assert.fail(`isWorkingDay(${text})`);
    if (cal.isWorkingEpochDay(days[i]) !== (working[i] === 1)) assert.fail(`isWorkingEpochDay(${days[i]})`);
  }
});

test('a Date is its local calendar day on the fast route too', () => {
  const cal = Calendar.cn();
  for (const [y, m, d] of [[1900, 1, 1], [2000, 2, 29], [2025, 9, 26], [2025, 10, 1], [2999, 12, 31]]) {
    const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    for (const date of [new Date(y, m - 1, d), new Date(y, m - 1, d, 23, 59, 59)]) {
      assert.equal(cal.isWorkingDay(date), cal.isWorkingDay(text), text);
      assert.equal(cal.addWorkingDays(date, 0), cal.addWorkingDays(text, 0), text);
    }
  }
  assert.equal(cal.addWorkingDays(new Date(2025, 8, 26), 5), '2025-10-10');
});

test('arguments the fast route does not take get the module\'s errors', () => {
  const cal = Calendar.cn();
  // Text that is not a strict supported date: the same error as the module's own reader.
  for (const text of ['2025-02-29', '2024-02-30', '2025-13-01', '2025-00-10', '2025-01-00', '1899-12-31',
    '3000-01-01', '0000-01-01', '2025-9-26', '2025-09-26 ', ' 2025-09-26', '2025/09/26', '+2025-09-26',
    '２０２５-09-26', '2025-09-2a', '', '2025-09-26T00:00:00+08:00', '2025-\uD800-26']) {
    const expected = thrown(() => Calendar.toEpochDay(text));
    for (const e of [thrown(() => cal.addWorkingDays(text, 1)), thrown(() => cal.isWorkingDay(text))]) {
      assert.deepEqual([e.name, e.code, e.clause, e.message], [expected.name, expected.code, expected.clause, expected.message], text);
    }
  }
  // Results out of range, and counts that are not whole numbers.
  assert.equal(thrown(() => cal.addWorkingDays('2999-12-31', 1)).code, 'calendar.out_of_range');
  assert.equal(thrown(() => cal.addWorkingDays('1900-01-01', -1)).code, 'calendar.out_of_range');
  assert.equal(thrown(() => cal.addWorkingDays('2025-09-26', 2 ** 31)).code, 'calendar.out_of_range');
  for (const n of [1.5, NaN, Infinity, 2 ** 53]) {
    assert.equal(thrown(() => cal.addWorkingDays('2025-09-26', n)).code, 'input.invalid_number', String(n));
    assert.equal(thrown(() => cal.addWorkingDaysToEpochDay(20357, n)).code, 'input.invalid_number', String(n));
    assert.equal(thrown(() => cal.isWorkingEpochDay(n)).code, 'input.invalid_number', String(n));
  }
  for (const n of ['5', null, undefined, 5n]) {
    assert.equal(thrown(() => cal.addWorkingDays('2025-09-26', n)).code, 'binding.invalid_argument', String(n));
    assert.equal(thrown(() => cal.addWorkingDaysToEpochDay(20357, n)).code, 'binding.invalid_argument', String(n));
  }
  for (const day of [FIRST - 1, LAST + 1, 2 ** 31, -(2 ** 40)]) {
    assert.equal(thrown(() => cal.isWorkingEpochDay(day)).code, 'calendar.out_of_range', String(day));
    assert.equal(thrown(() => cal.addWorkingDaysToEpochDay(day, 1)).code, 'calendar.out_of_range', String(day));
  }
  assert.equal(thrown(() => cal.addWorkingDaysToEpochDay(LAST, 1)).code, 'calendar.out_of_range');
  assert.equal(thrown(() => cal.addWorkingDays(new Date(1899, 11, 31), 1)).code, 'time.out_of_range');
  assert.equal(thrown(() => cal.addWorkingDays(new Date('nonsense'), 1)).code, 'time.invalid_date');
});

test('a freed calendar and a foreign this are refused as before; the routes are not API', () => {
  const cal = Calendar.cn();
  cal.free();
  for (const f of [() => cal.addWorkingDays('2025-09-26', 1), () => cal.isWorkingDay('2025-09-26'),
    () => cal.isWorkingEpochDay(20357), () => cal.addWorkingDaysToEpochDay(20357, 1)]) {
    assert.equal(thrown(f).code, 'binding.invalid_object');
  }
  assert.equal(thrown(() => Calendar.prototype.addWorkingDays.call({}, '2025-09-26', 1)).code, 'binding.invalid_object');
  const names = Object.getOwnPropertyNames(Calendar.prototype);
  assert.deepEqual(names.filter((n) => n.startsWith('__fast')), []);
  assert.equal(Calendar.prototype.addWorkingDays.name, 'addWorkingDays');
  assert.equal(Calendar.prototype.addWorkingDays.length, 2);
});
