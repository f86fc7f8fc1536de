import { checkIntake, parseContact } from 'complaint-office';
import { policyOf } from './input.mjs';

export const ops = {
  'intake.check': (input) => {
    const r = checkIntake(policyOf(input), input.complaint);
    return {
      admissible: r.admissible, complete: r.complete, missing: r.missing, violations: r.violations,
      requests: r.requests, contact_kind: r.contactKind,
    };
  },
  'intake.contact': ({ text }) => parseContact(text),
};
