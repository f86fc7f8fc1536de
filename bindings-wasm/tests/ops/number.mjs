import { ComplaintNumber, nextNumberAt } from 'complaint-office';
import { policyOf } from './input.mjs';

export const ops = {
  'number.parse': ({ text }) => {
    const n = ComplaintNumber.parse(text);
    return { year: n.year, month: n.month, serial: n.serial };
  },
  'number.format': ({ year, month, serial }) => new ComplaintNumber(year, month, serial).toString(),
  'number.next': (input) => {
    const policy = policyOf(input);
    return nextNumberAt(input.issued, input.at, policy.officeOffset).toString();
  },
};
