import { Duration } from 'complaint-office';

export const ops = {
  'duration.parse': ({ text }) => {
    const d = Duration.parse(text);
    return { amount: d.amount, unit: d.unit };
  },
  'duration.format': ({ amount, unit }) => new Duration(amount, unit).toString(),
};
