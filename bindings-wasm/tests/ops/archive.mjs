import { ArchiveFile, mayDestroyWith, retentionExpiryWith, retentionSweep } from 'complaint-office';
import { policyOf } from './input.mjs';

export const ops = {
  'archive.expiry': (input) =>
    retentionExpiryWith(policyOf(input).calendar, input.archived_on, input.period).lastDay,
  'archive.may_destroy': (input) => {
    const calendar = policyOf(input).calendar;
    // `approved_on` dates the approval; without it the approval is on record from the archive day.
    const approvedOn = input.leadership_approved ? (input.approved_on ?? input.archived_on) : null;
    return mayDestroyWith(calendar, input.period, input.archived_on, approvedOn, input.legal_hold, input.on);
  },
  'archive.completeness': (input) => {
    const file = ArchiveFile.fromJson(input.file);
    const missing = file.missingDocuments();
    return { complete: missing.length === 0, missing, single_form: file.singleFormDocuments() };
  },
  'archive.sweep': (input) => retentionSweep(policyOf(input), input.files, input.on).map((e) => ({
    number: e.number, expires_on: e.expiresOn, provisional: e.provisional, status: e.status, reason: e.reason,
  })),
};
