// Loading and comparing conformance vectors, exactly as tests/conformance/src/{lib,compare}.rs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of vectors: VECTORS_DIR or the repository's tests/vectors. */
export function vectorsDir() {
  return process.env.VECTORS_DIR ?? fileURLToPath(new URL('../../tests/vectors/', import.meta.url));
}

/** Every case of every *.json file of `dir`, in file-name order; a malformed file throws. */
export function load(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const groups = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (!Array.isArray(groups)) throw new Error(`${file}: expected an array of groups`);
    const cases = [];
    for (const group of groups) {
      if (typeof group.op !== 'string') throw new Error(`${file}: a group has no op`);
      if (!Array.isArray(group.cases)) throw new Error(`${file}: ${group.op} has no cases`);
      for (const c of group.cases) {
        if (typeof c.name !== 'string') throw new Error(`${file}: a case of ${group.op} has no name`);
        const kinds = ['expect', 'expect_subset', 'error'].filter((k) => k in c);
        if (kinds.length !== 1) {
          throw new Error(`${file}: ${group.op} / ${c.name}: needs exactly one of expect, expect_subset, error`);
        }
        cases.push({ file, op: group.op, name: c.name, input: c.input ?? null, kind: kinds[0], want: c[kinds[0]] });
      }
    }
    return { file, cases };
  });
}

const TOLERANCE = 1e-9;

/** Equality under the contract: numbers with a relative tolerance, everything else exactly. */
export function equal(want, got) {
  if (typeof want === 'number' && typeof got === 'number') {
    if (Number.isInteger(want) && Number.isInteger(got)) return want === got;
    return want === got || Math.abs(want - got) <= TOLERANCE * Math.max(Math.abs(want), Math.abs(got));
  }
  if (Array.isArray(want) || Array.isArray(got)) {
    return Array.isArray(want) && Array.isArray(got) && want.length === got.length
      && want.every((w, i) => equal(w, got[i]));
  }
  if (isObject(want) || isObject(got)) {
    if (!isObject(want) || !isObject(got)) return false;
    const keys = Object.keys(want);
    return keys.length === Object.keys(got).length
      && keys.every((k) => Object.hasOwn(got, k) && equal(want[k], got[k]));
  }
  return want === got;
}

/** Every top-level key of `want` is in `got` with an equal value. */
export function subset(want, got) {
  if (isObject(want) && isObject(got)) {
    return Object.keys(want).every((k) => Object.hasOwn(got, k) && equal(want[k], got[k]));
  }
  return equal(want, got);
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
