// The closed vocabularies (issue 17 item 1): each union of the package's `.d.ts` is generated
// from the core's `vocabulary!` declaration by tools/boundary, which writes the same
// declarations to tests/api/vocabularies.json. The installed package must agree with that file
// twice: its `.d.ts` union lists the values in the core's order, and `vocabularies()` (the
// core's own lists, at run time) gives the same values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as co from 'complaint-office';

const here = dirname(fileURLToPath(import.meta.url));
const declared = JSON.parse(
  readFileSync(join(here, '..', '..', 'tests', 'api', 'vocabularies.json'), 'utf8'),
).vocabularies.filter((v) => v.typescript);
const pkgJson = createRequire(import.meta.url).resolve('complaint-office/package.json');
const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
const dts = readFileSync(join(dirname(pkgJson), pkg.types), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The string literals of `export type name = "a" | "b";` in the `.d.ts`, in order. */
function literals(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(dts);
  assert.ok(m, `type ${name} in the .d.ts`);
  return m[1].split('|').map((s) => s.trim()).filter(Boolean).map((s) => JSON.parse(s));
}

test('every generated vocabulary is a union of the core\'s names in the .d.ts', () => {
  assert.ok(declared.length > 40, 'the vocabularies are listed');
  for (const v of declared) {
    assert.deepEqual(literals(v.typescript), v.values.map((value) => value.name), v.typescript);
  }
});

test('vocabularies() gives the same names, in the same order', () => {
  const runtime = co.vocabularies();
  for (const v of declared) {
    const key = v.typescript[0].toLowerCase() + v.typescript.slice(1);
    if (v.typescript === 'RejectionGround') continue; // only an event's key: no list of its own
    assert.deepEqual(runtime[key], v.values.map((value) => value.name), key);
  }
});
