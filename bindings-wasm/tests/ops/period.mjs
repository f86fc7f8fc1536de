import { periodEnd } from 'complaint-office';
import { policyOf } from './input.mjs';

function deadlineOf(input) {
  return periodEnd(policyOf(input).calendar, input.start, input.duration);
}

export const ops = {
  'period.end': (input) => {
    const d = deadlineOf(input);
    return { last_day: d.lastDay, due: d.due, provisional: d.provisional };
  },
  'period.explain': (input) => deadlineOf(input).rules.map((r) => ({ rule: r.rule, article: r.article })),
};
