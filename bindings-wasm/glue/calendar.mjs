// Adds the fast routes of the calendar's single calls to the JavaScript glue, in place
// (issue 22):
//
//   node bindings-wasm/glue/calendar.mjs GLUE.js   (run by scripts/build-wasm, after harden.mjs)
//
// `calendar.addWorkingDays('2025-09-26', 5)` through wasm-bindgen alone copies the date text
// into the module, parses it there, formats the result and decodes it back into a JavaScript
// string: two string crossings that cost several times the working-day arithmetic. Here the
// glue reads a strict `YYYY-MM-DD` (or a valid `Date`) into a day number itself, calls a wasm
// export that takes and returns plain `i32` day numbers (`__fastAddWorkingDays`,
// `__fastIsWorking` in src/calendar.rs: no allocation, no `Result`), and writes the result's
// text itself, from a small cache of recent days.
//
// Behaviour stays the module's: only arguments that the module would certainly accept take
// the fast route (text of exactly ten characters `YYYY-MM-DD`, a real date from 1900-01-01 to
// 2999-12-31; a `Date` whose local day is in that range; whole numbers within 32 bits). Every
// other argument, and a result out of range, goes to the method wasm-bindgen generated, so
// each error (its code, clause, message) comes from the core as before. The generated
// `__fast*` methods are taken off the class: they are not part of the API (nor of the .d.ts,
// `skip_typescript`), and calling them through the class keeps wasm-bindgen's own checks on
// `this` (a freed or stale object gives the same error as on the slow route).
//
// The patterns are those of wasm-bindgen 0.2.130's output; when one is not found this script
// fails, so that a new wasm-bindgen cannot silently drop the routes.
import { openGlue } from './patch.mjs';

const opened = openGlue('calendar.mjs');
const { file, fail } = opened;
let { glue } = opened;

if (!/^(export )?class Calendar \{/m.test(glue)) fail('class Calendar');
for (const method of ['__fastIsWorking', '__fastAddWorkingDays', 'isWorkingDay', 'addWorkingDays',
  'isWorkingEpochDay', 'addWorkingDaysToEpochDay']) {
  if (!new RegExp(`^ {4}${method}\\([^)]*\\) \\{$`, 'm').test(glue)) fail(`the method Calendar.${method}`);
}

glue += `
// --- fast routes added by bindings-wasm/glue/calendar.mjs (issue 22) ---
{
    const proto = Calendar.prototype;
    const fastIsWorking = proto.__fastIsWorking;
    const fastAdd = proto.__fastAddWorkingDays;
    delete proto.__fastIsWorking;
    delete proto.__fastAddWorkingDays;
    const slowIsWorkingDay = proto.isWorkingDay;
    const slowAddWorkingDays = proto.addWorkingDays;
    const slowIsWorkingEpochDay = proto.isWorkingEpochDay;
    const slowAddWorkingDaysToEpochDay = proto.addWorkingDaysToEpochDay;

    // Day numbers (days since 1970-01-01) of 1900-01-01 and 2999-12-31, the supported dates.
    const FIRST = -25567;
    const LAST = 376199;
    // Not a day number: the argument takes the slow route.
    const NONE = 0x7fffffff;
    // What __fastAddWorkingDays returns for a result out of range (i32::MIN).
    const OUT = -2147483648;

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    const dayNumber = (y, m, d) => {
        if (m <= 2) y -= 1;
        const era = Math.floor(y / 400);
        const yoe = y - era * 400;
        const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
        return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    };
    const daysInMonth = (y, m) => m === 2
        ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28)
        : (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
    const digit = (text, i) => {
        const c = text.charCodeAt(i) - 48;
        return c >= 0 && c <= 9 ? c : -100000;
    };
    // Strict YYYY-MM-DD text of a supported date; NONE for anything else.
    const dayOfText = (text) => {
        if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NONE;
        const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
        const m = digit(text, 5) * 10 + digit(text, 6);
        const d = digit(text, 8) * 10 + digit(text, 9);
        if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NONE;
        return dayNumber(y, m, d);
    };
    // A valid Date's local calendar day, as the module reads it; NONE outside the dates.
    const dayOfDate = (date) => {
        if (Number.isNaN(date.getTime())) return NONE;
        const y = date.getFullYear();
        if (y < 1900 || y > 2999) return NONE;
        return dayNumber(y, date.getMonth() + 1, date.getDate());
    };
    const dayOf = (date) => typeof date === 'string' ? dayOfText(date)
        : date instanceof Date ? dayOfDate(date) : NONE;
    const isInt32 = (n) => typeof n === 'number' && (n | 0) === n;

    // The text of a day number, YYYY-MM-DD, from a cache of 1024 recent days (a calendar
    // screen asks for the same few hundred days again and again).
    const cachedDays = new Int32Array(1024).fill(NONE);
    const cachedTexts = new Array(1024).fill('');
    const textOf = (day) => {
        const slot = day & 1023;
        if (cachedDays[slot] === day) return cachedTexts[slot];
        // H. Hinnant's civil_from_days.
        const z = day + 719468;
        const era = Math.floor(z / 146097);
        const doe = z - era * 146097;
        const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
        const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
        const mp = Math.floor((5 * doy + 2) / 153);
        const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
        const m = mp < 10 ? mp + 3 : mp - 9;
        const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        const text = y + (m < 10 ? '-0' : '-') + m + (d < 10 ? '-0' : '-') + d;
        cachedDays[slot] = day;
        cachedTexts[slot] = text;
        return text;
    };

    const method = (name, f) => Object.defineProperty(proto, name, {
        value: f, writable: true, configurable: true, enumerable: false,
    });
    method('isWorkingDay', function isWorkingDay(date) {
        const day = dayOf(date);
        return day === NONE ? slowIsWorkingDay.call(this, date) : fastIsWorking.call(this, day);
    });
    method('addWorkingDays', function addWorkingDays(date, days) {
        const day = isInt32(days) ? dayOf(date) : NONE;
        if (day !== NONE) {
            const result = fastAdd.call(this, day, days);
            if (result !== OUT) return textOf(result);
        }
        return slowAddWorkingDays.call(this, date, days);
    });
    method('isWorkingEpochDay', function isWorkingEpochDay(day) {
        return isInt32(day) && day >= FIRST && day <= LAST
            ? fastIsWorking.call(this, day)
            : slowIsWorkingEpochDay.call(this, day);
    });
    method('addWorkingDaysToEpochDay', function addWorkingDaysToEpochDay(day, n) {
        if (isInt32(day) && isInt32(n) && day >= FIRST && day <= LAST) {
            const result = fastAdd.call(this, day, n);
            if (result !== OUT) return result;
        }
        return slowAddWorkingDaysToEpochDay.call(this, day, n);
    });
}
// --- end of the fast routes ---
`;
opened.save(glue);
