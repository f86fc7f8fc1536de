// The .d.ts is precise: a TypeScript host type-checks (`tsc --noEmit`), misuse does not, and
// the public declarations contain no `any`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

function typecheck(project) {
  return spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(here, 'typescript', project)], { encoding: 'utf8' });
}

test('tsc --noEmit: the usage examples type-check against the .d.ts', () => {
  const r = typecheck('tsconfig.json');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('tsc --noEmit: misuse is a type error, line by line', () => {
  const r = typecheck('tsconfig.misuse.json');
  assert.notEqual(r.status, 0, 'misuse.mts must not type-check');
  const lines = new Set([...r.stdout.matchAll(/misuse\.mts\((\d+),/g)].map((m) => Number(m[1])));
  for (const line of [6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19]) {
    assert.ok(lines.has(line), `expected a type error on line ${line}:\n${r.stdout}`);
  }
});

test('the public declarations contain no `any`', () => {
  const pkg = dirname(realpathSync(require.resolve('complaint-office/package.json')));
  for (const entry of ['web', 'node', 'node-cjs']) {
    const text = readFileSync(join(pkg, entry, 'complaint_office.d.ts'), 'utf8');
    // The raw exports of the wasm instance (InitOutput, web only) are wasm-bindgen's own
    // low-level table, not the library's API: they hold only numbers and functions.
    const publicPart = text.split('export type InitInput')[0]
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const hits = publicPart.split('\n').filter((l) => /\bany\b/.test(l));
    assert.deepEqual(hits, [], `${entry}: \`any\` in the public API`);
  }
});
