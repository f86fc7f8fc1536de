import { categoryInfo, suggestCategory } from 'complaint-office';
import { contractObject, policyOf } from './input.mjs';

export const ops = {
  'classify.suggest': (input) => suggestCategory(policyOf(input), input.text),
  'classify.category': (input) => {
    // The contract's shape: code, labels, department (keywords are the package's own).
    const { keywords, ...info } = categoryInfo(policyOf(input), input.code);
    return contractObject(info);
  },
};
