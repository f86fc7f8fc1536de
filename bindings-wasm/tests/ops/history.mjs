import { Case, canonicalJson, chainHistory, isComplaintOfficeError, verifyHistory } from 'complaint-office';
import { policyOf } from './input.mjs';

export const ops = {
  'history.link': ({ events }) => chainHistory(events).map((l) => ({ canonical: canonicalJson(l.event), hash: l.hash })),
  'history.verify': (input) => {
    try {
      return { valid: true, head: verifyHistory(input.history, input.head), length: input.history.length };
    } catch (e) {
      if (isComplaintOfficeError(e) && (e.code === 'history.chain_broken' || e.code === 'history.head_mismatch')) {
        return { valid: false, code: e.code, index: e.index };
      }
      throw e;
    }
  },
  'history.replay': (input) => {
    const kase = Case.replayVerified(policyOf(input), input.history, input.head);
    return { status: kase.status, number: kase.number, version: kase.eventCount };
  },
};
