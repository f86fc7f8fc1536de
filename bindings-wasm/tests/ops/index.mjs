// One module per area, mirroring tests/conformance/src/ops/*.rs: each turns a case's input into
// typed calls of the package and the result into the documented JSON shape.
import * as number from './number.mjs';
import * as duration from './duration.mjs';
import * as policy from './policy.mjs';
import * as calendar from './calendar.mjs';
import * as period from './period.mjs';
import * as kase from './case.mjs';
import * as accountability from './accountability.mjs';
import * as archive from './archive.mjs';
import * as privacy from './privacy.mjs';
import * as intake from './intake.mjs';
import * as classify from './classify.mjs';
import * as triage from './triage.mjs';
import * as stats from './stats.mjs';
import * as history from './history.mjs';
import * as office from './office.mjs';

const areas = {
  number, duration, policy, calendar, period, case: kase, accountability, archive, privacy, intake, classify, triage, stats,
  history, office,
};

/** Runs `op` on `input`; an op no area knows fails loudly. */
export function run(op, input) {
  const area = areas[op.split('.')[0]];
  const fn = area?.ops[op];
  if (!fn) throw new Error(`unknown op ${op}: this runner cannot run it`);
  return fn(input ?? {});
}
