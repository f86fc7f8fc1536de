// The conformance vectors (tests/vectors/*.json, or VECTORS_DIR) through the typed JavaScript
// API of the installed `complaint-office` package: one subtest per case, `file :: op :: name`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isComplaintOfficeError } from 'complaint-office';

import { load, vectorsDir, equal, subset } from './vectors.mjs';
import { run } from './ops/index.mjs';

/** Runs a case: `{ value }` or `{ code }` of a library error; anything else is a bug. */
function outcome(c) {
  try {
    return { value: run(c.op, c.input) };
  } catch (e) {
    if (isComplaintOfficeError(e)) return { code: e.code };
    throw e;
  }
}

const show = (v) => JSON.stringify(v);

for (const { file, cases } of load(vectorsDir())) {
  for (const c of cases) {
    test(`${file} :: ${c.op} :: ${c.name}`, () => {
      const got = outcome(c);
      if (c.kind === 'error') {
        assert.ok('code' in got, `expected error ${c.want}, got ${show(got.value)}`);
        assert.equal(got.code, c.want, `expected error ${c.want}, got error ${got.code}`);
        return;
      }
      assert.ok('value' in got, `expected ${show(c.want)}\n       got error ${got.code}`);
      const same = c.kind === 'expect' ? equal(c.want, got.value) : subset(c.want, got.value);
      assert.ok(same, `expected ${show(c.want)}\n       got ${show(got.value)}`);
    });
  }
}
