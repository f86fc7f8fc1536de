// Each line below must be a type error: the .d.ts is precise (tsc must fail on every one).
import { Calendar, Duration, Case, Caseload, Policy, intakeEmail, periodEnd, checkIntake, queueOrder } from 'complaint-office';
import type { CaseEventData, Status } from 'complaint-office';

const cal = Calendar.cn();
cal.addWorkingDays(20250926, 5);                                        // a number is no date
cal.isWorkingEpochDay('2025-09-26');                                    // a day number, not text
new Duration(15, 'fortnights');                                         // not a unit
const wrongStatus: Status = 'lost';                                     // not a status
const bad: CaseEventData = { type: 'registerd', at: '2025-09-26T11:00:00+08:00' };  // unknown event type
const noNumber: CaseEventData = { type: 'registered', at: '2025-09-26T11:00:00+08:00' }; // missing key
const lastDay: number = periodEnd(cal, new Date(), '1 day').lastDay;     // a date is text
const kase = Case.replay(new Policy(), []);
const n: string = kase.number;                                          // null when unregistered
new Caseload().worklist(new Date(), { department: 'quality' });          // the view is required
intakeEmail(new Policy(), 'Subject: x\r\n\r\n');                             // bytes, not text
checkIntake(new Policy(), { channel: 'hotline', complainant_kind: 'customer' });  // API objects are camelCase
queueOrder(new Policy(), [{ id: 'a', severity: 'general', urgency: 'normal', complexity: 'simple', received_at: '2025-09-26T09:00:00+08:00' }]); // receivedAt
new Caseload().push(kase, { complainant_key: 'k-1' });                  // complainantKey
console.log(wrongStatus, bad, noNumber, lastDay, n);
