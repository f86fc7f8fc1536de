// The case's policy, as tests/conformance/src/input.rs reads it.
import { Policy } from 'complaint-office';

/** `input.policy` as a policy file in JSON form, or the default policy. */
export function policyOf(input) {
  return input.policy === undefined ? new Policy() : Policy.fromJson(input.policy);
}
