import { checkIntake, intakeEmail, parseContact } from 'complaint-office';
import { apiObject, contractObject, policyOf } from './input.mjs';

/** An intake report in the contract's JSON shape. */
const reportJson = (r) => ({
  admissible: r.admissible, complete: r.complete, missing: r.missing,
  violations: r.violations.map(({ code, clause, field }) => ({ code, clause, field })),
  requests: r.requests, contact_kind: r.contactKind,
});

export const ops = {
  'intake.check': (input) => reportJson(checkIntake(policyOf(input), apiObject(input.complaint))),
  // The raw message travels as base64 in the vector; the package takes its bytes.
  'intake.email': (input) => {
    const message = new Uint8Array(Buffer.from(input.message_base64, 'base64'));
    const e = intakeEmail(policyOf(input), message, input.complainant_kind);
    return {
      complaint: contractObject(e.complaint), received_from: e.receivedFrom, attachments: e.attachments, findings: e.findings,
      report: reportJson(e.report),
    };
  },
  'intake.contact': ({ text }) => parseContact(text),
};
