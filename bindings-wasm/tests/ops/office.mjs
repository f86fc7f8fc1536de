import { Caseload } from 'complaint-office';
import { policyOf } from './input.mjs';
import { ledgerRecords, reportJson } from './stats.mjs';

/** `input.cases`: the histories as a host stores them, replayed under the case's policy. */
const caseloadOf = (input) => Caseload.fromHistories(policyOf(input), input.cases);

/** A worklist entry in the contract's JSON shape (the package's camelCase keys, back to snake_case). */
const entryJson = (e) => ({
  index: e.index, key: e.key, number: e.number, status: e.status, stage: e.stage, round: e.round,
  clause: e.clause, state: e.state, due: e.due, last_day: e.lastDay, remaining_seconds: e.remainingSeconds,
  late_seconds: e.lateSeconds, late_working_days: e.lateWorkingDays, act: e.act, department: e.department,
  category: e.category, track: e.track, emergency: e.emergency, queue_key: e.queueKey,
  received_at: e.receivedAt, complainant: e.complainant,
});

const reminderJson = (r) => ({
  id: r.id, at: r.at, placed_at: r.placedAt, moved: r.moved, index: r.index, key: r.key, number: r.number,
  stage: r.stage, round: r.round, clause: r.clause, rung: r.rung, place: r.place, to: r.to,
  department: r.department, due: r.due, emergency: r.emergency,
});

export const ops = {
  'office.worklist': (input) => {
    const caseload = caseloadOf(input);
    const options = { view: input.view };
    if (input.department != null) options.department = input.department;
    if (input.role != null) options.role = input.role;
    const list = caseload.worklist(input.now, options);
    const c = list.counts;
    return {
      now: list.now,
      entries: list.entries.map(entryJson),
      counts: { total: c.total, by_state: c.byState, by_stage: c.byStage, by_department: c.byDepartment, by_actor: c.byActor },
      refused: list.refused,
    };
  },
  'office.reminders': (input) => {
    const caseload = caseloadOf(input);
    return { reminders: caseload.reminders(input.from, input.to).map(reminderJson), refused: caseload.refused() };
  },
  'office.ledger': (input) => {
    const policy = policyOf(input);
    const ledger = Caseload.fromHistories(policy, input.cases).ledger(input.now);
    return { records: ledgerRecords(ledger, policy), rejected: ledger.rejected() };
  },
  'office.report': (input) => {
    const policy = policyOf(input);
    const ledger = Caseload.fromHistories(policy, input.cases).ledger(input.now);
    return reportJson(ledger.report(input.granularity, policy, { from: input.from ?? null, to: input.to ?? null }));
  },
};
