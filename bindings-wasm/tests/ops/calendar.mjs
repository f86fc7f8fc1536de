import { contractObject, policyOf } from './input.mjs';

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
    const d = calendarOf(input).day(input.date);
    return {
      date: d.date, working: d.working, kind: d.kind, reason: d.reason, festival: d.festival, labels: contractObject(d.labels),
      in_lieu_of: d.inLieuOf, decided_by: d.decidedBy, regulation: d.regulation, source: d.source,
      covered: d.covered, provisional: d.provisional,
    };
  },
  'calendar.covered_range': (input) => calendarOf(input).coveredRange(),
  'calendar.is_working_epoch_day': (input) => calendarOf(input).isWorkingEpochDay(input.day),
  'calendar.add_working_days_to_epoch_day': (input) => calendarOf(input).addWorkingDaysToEpochDay(input.day, input.days),
  // The batch forms take and give typed arrays.
  'calendar.is_working_day_epoch': (input) =>
    Array.from(calendarOf(input).isWorkingDayEpoch(Int32Array.from(input.epoch_days)), (v) => v === 1),
  'calendar.add_working_days_epoch': (input) =>
    Array.from(calendarOf(input).addWorkingDaysEpoch(Int32Array.from(input.epoch_days), Int32Array.from(input.days))),
  'calendar.working_days_between_epoch': (input) =>
    Array.from(calendarOf(input).workingDaysBetweenEpoch(Int32Array.from(input.from), Int32Array.from(input.to))),
};
