import { Case, CaseEvent, Policy, PolicySet } from 'complaint-office';
import { policyOf } from './input.mjs';

const RUNNING = new Set(['open', 'due_soon', 'overdue']);

/** The case, under `input.policies` (a policy set) when given, else `input.policy` or the default. */
function replay(input) {
  if (input.policies !== undefined) {
    const set = new PolicySet();
    for (const p of input.policies) set.add(Policy.fromJson(p));
    return Case.replayIn(set, input.events);
  }
  return Case.replay(policyOf(input), input.events);
}

export const ops = {
  'case.event': ({ event }) => CaseEvent.fromJson(event).toJSON(),
  'case.replay': (input) => {
    const kase = replay(input);
    const at = kase.lastEventAt;
    const schedule = kase.schedule(at);
    const report = kase.compliance(at);
    return {
      status: kase.status,
      number: kase.number,
      category: kase.category ?? null,
      department: kase.department ?? null,
      track: kase.track,
      emergency: kase.emergency,
      open_deadlines: schedule.stages
        .filter((s) => RUNNING.has(s.state))
        .map((s) => ({ stage: s.stage, round: s.round, last_day: s.lastDay, due: s.due })),
      violations: report.violations,
      allowed_next: kase.allowedNext(),
    };
  },
  'case.schedule': (input) => replay(input).schedule(input.now).stages.map((s) => ({
    stage: s.stage,
    round: s.round,
    state: s.state,
    calendar: s.calendar,
    last_day: s.lastDay,
    due: s.due,
    met_at: s.metAt,
    late_working_days: s.lateWorkingDays,
  })),
  'case.view': (input) => {
    const v = replay(input).view(input.role);
    return {
      role: v.role, number: v.number, status: v.status, category: v.category, department: v.department,
      track: v.track, emergency: v.emergency, received_at: v.receivedAt, personal: v.personal,
    };
  },
  'case.record': (input) => replay(input).record(),
  'case.compliance': (input) => {
    const report = replay(input).compliance(input.now);
    return {
      violations: report.violations,
      findings: report.findings,
      checks: report.checks.map((c) => ({ rule: c.rule, clause: c.clause, result: c.result })),
    };
  },
};
