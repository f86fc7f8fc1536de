// Run by api.test.mjs under a TZ of its choice (Asia/Shanghai, America/New_York, UTC): the
// calendar days this process's Dates stand for, printed as JSON for the parent to check.
import { Calendar } from 'complaint-office';

const cal = Calendar.cn();
const sept26 = new Date(2025, 8, 26); // local midnight, as a clerk's date picker makes it
const late = new Date(2025, 8, 26, 23, 59);
const days = {
  midnight: cal.day(sept26).date,
  lateEvening: cal.day(late).date,
  epochDayMatchesText: Calendar.toEpochDay(sept26) === Calendar.toEpochDay('2025-09-26'),
  addWorkingDays: cal.addWorkingDays(sept26, 5),
  many: cal.addWorkingDaysMany([sept26, late], [5]),
  day: cal.day(new Date(2025, 8, 26, 0, 30)).date,
  isWorkingDaySunday28: cal.isWorkingDay(new Date(2025, 8, 28)),
  text: cal.addWorkingDays('2025-09-26', 5),
};
process.stdout.write(JSON.stringify({ timezoneOffset: sept26.getTimezoneOffset(), days }));
