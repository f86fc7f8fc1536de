import { Ledger, periodOf } from 'complaint-office';
import { apiObject, policyOf } from './input.mjs';

/** The office indicators in the contract's JSON shape: their keys beside the period's others. */
function indicatorsJson(i) {
  if (i === null) return {};
  const onTime = Object.fromEntries(Object.entries(i.onTime).map(([stage, t]) => [stage,
    { due: t.due, on_time: t.onTime, late: t.late, overdue: t.overdue, rate: t.rate }]));
  return {
    by_track: i.byTrack, by_outcome: i.byOutcome, on_time: onTime, handling_working_days: i.handlingWorkingDays,
    rehandled: i.rehandled, rehandling_rate: i.rehandlingRate, follow_up_satisfaction_rate: i.followUpSatisfactionRate,
    repeat: i.repeat, repeat_rate: i.repeatRate,
  };
}

/** The report in the contract's JSON shape (the package's camelCase keys, back to snake_case). */
export function reportJson(report) {
  const r = report.toJSON();
  return {
    granularity: r.granularity,
    periods: r.periods.map((p) => ({
      period: p.period, total: p.total, by_category: p.byCategory, by_department: p.byDepartment,
      by_channel: p.byChannel, by_severity: p.bySeverity, closed: p.closed, handling_hours: p.handlingHours,
      satisfaction_rate: p.satisfactionRate, open_at_end: p.openAtEnd, change: p.change,
      ...indicatorsJson(p.indicators),
    })),
    growth: r.growth,
    rejected: r.rejected,
  };
}

/** A ledger's rows, in the office offset of the policy. */
export const ledgerRecords = (ledger, policy) => ledger.records(policy.officeOffset);

const rangeOf = (input) => ({ from: input.from ?? null, to: input.to ?? null });

export const ops = {
  'stats.report': (input) => {
    const policy = policyOf(input);
    const ledger = Ledger.fromRecords(input.records, input.lenient ?? undefined);
    return reportJson(ledger.report(input.granularity, policy, rangeOf(input)));
  },
  'stats.report_csv': (input) => {
    const policy = policyOf(input);
    const options = { lenient: input.lenient ?? false };
    if (input.columns != null) options.columns = apiObject(input.columns);
    if (input.delimiter != null) options.delimiter = input.delimiter;
    // `csv_base64` carries bytes JSON cannot: invalid UTF-8, stray NULs.
    const ledger = input.csv_base64 != null
      ? Ledger.fromCsvBytes(Buffer.from(input.csv_base64, 'base64'), policy, options)
      : Ledger.fromCsv(input.csv, policy, options);
    return reportJson(ledger.report(input.granularity, policy, rangeOf(input)));
  },
  'stats.period_of': (input) => {
    // The contract's shape: period, start, end (firstDay and lastDay are the package's own).
    const { period, start, end } = periodOf(input.at, input.granularity, policyOf(input).officeOffset);
    return { period, start, end };
  },
};
