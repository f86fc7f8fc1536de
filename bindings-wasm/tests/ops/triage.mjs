import { assessTriage, queueOrder } from 'complaint-office';
import { apiObject, policyOf } from './input.mjs';

export const ops = {
  'triage.assess': (input) => {
    const { severity, urgency, complexity } = input;
    return assessTriage(policyOf(input), { severity, urgency, complexity });
  },
  'triage.order': (input) => queueOrder(policyOf(input), apiObject(input.cases)).map((p) => ({ id: p.id, sort_key: p.sortKey })),
};
