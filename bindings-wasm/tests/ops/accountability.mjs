import { policyOf } from './input.mjs';

export const ops = {
  'accountability.decide': (input) => {
    const { level, sanctions } = policyOf(input).discipline.decide({
      responsibility: input.responsibility, fault: input.fault, consequence: input.consequence,
    });
    return { level, sanctions };
  },
  'accountability.table': (input) => policyOf(input).discipline.entries(),
};
