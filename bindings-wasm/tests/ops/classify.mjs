import { categoryInfo, suggestCategory } from 'complaint-office';
import { contractObject, policyOf } from './input.mjs';

export const ops = {
  'classify.suggest': (input) => suggestCategory(policyOf(input), input.text),
  'classify.category': (input) => contractObject(categoryInfo(policyOf(input), input.code)),
};
