// The case's policy, as tests/conformance/src/input.rs reads it.
import { Policy } from 'complaint-office';

/** `input.policy` as a policy file in JSON form, or the default policy. */
export function policyOf(input) {
  return input.policy === undefined ? new Policy() : Policy.fromJson(input.policy);
}

// The vectors are written in the stored formats' snake_case; the package's API objects are
// camelCase in and out. These two translate the API objects at the boundary of each op:
// stored formats (events, policy files, ledger rows, archive files) pass through unchanged.

/** `received_at` → `receivedAt`. */
export const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
/** `receivedAt` → `received_at`. */
export const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const rekey = (value, name) => {
  if (Array.isArray(value)) return value.map((v) => rekey(v, name));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [name(k), rekey(v, name)]));
};

/** A vector's object → the package's API object: every key camelCase, at every depth. */
export const apiObject = (value) => rekey(value, camel);
/** A package's API object → the vectors' snake_case, at every depth (only for objects whose
 * keys are all names: never counts keyed by category or department). */
export const contractObject = (value) => rekey(value, snake);
