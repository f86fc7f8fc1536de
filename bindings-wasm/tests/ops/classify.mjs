import { categoryInfo, suggestCategory } from 'complaint-office';
import { policyOf } from './input.mjs';

export const ops = {
  'classify.suggest': (input) => suggestCategory(policyOf(input), input.text),
  'classify.category': (input) => categoryInfo(policyOf(input), input.code),
};
