import { policyOf } from './input.mjs';

/** The case's calendar: the policy's, with holiday-cn data loaded when given. */
function calendarOf(input) {
  const calendar = policyOf(input).calendar;
  return input.holiday_cn === undefined ? calendar : calendar.withHolidayCn(input.holiday_cn);
}

export const ops = {
  'calendar.is_working_day': (input) => calendarOf(input).isWorkingDay(input.date),
  'calendar.add_working_days': (input) => calendarOf(input).addWorkingDays(input.date, input.days),
  'calendar.working_days_between': (input) => calendarOf(input).workingDaysBetween(input.from, input.to),
  'calendar.day': (input) => {
    const day = calendarOf(input).day(input.date);
    return { date: day.date, working: day.working, kind: day.kind, festival: day.festival, covered: day.covered };
  },
  'calendar.covered_range': (input) => calendarOf(input).coveredRange(),
};
