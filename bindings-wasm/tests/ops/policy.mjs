import { Policy } from 'complaint-office';

export const ops = {
  'policy.load': (input) => {
    const hasToml = 'toml' in input;
    const hasJson = 'json' in input;
    if (hasToml === hasJson) throw new Error('policy.load needs exactly one of toml, json');
    const policy = hasToml ? Policy.fromToml(input.toml) : Policy.fromJson(input.json);
    return policy.toJSON();
  },
};
