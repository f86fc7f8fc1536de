// Size and speed figures of the package (printed by scripts/suites/wasm; never asserted).
//   node bindings-wasm/tests/bench.mjs
// Speeds are the process's CPU time (process.cpuUsage), so that other work on a shared machine
// does not count; instantiation is wall time in a fresh process (median of 7).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Calendar } from 'complaint-office';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('complaint-office/package.json'));
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (what, value, budget) => console.log(`${what.padEnd(44)} ${value.padStart(12)}   (budget ${budget})`);

// Size of the release .wasm.
const wasm = readFileSync(join(pkg, 'web', 'complaint_office_bg.wasm'));
line('release .wasm, raw', `${(wasm.length / 1024).toFixed(1)} KB`, '400 KB');
line('release .wasm, gzip -9', `${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(1)} KB`, '150 KB');

// Instantiation in a fresh Node process: compile + instantiate + start, and the whole import.
const probe = `
  const { performance } = await import('node:perf_hooks');
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(${JSON.stringify(join(pkg, 'web', 'complaint_office_bg.wasm'))});
  const web = await import(${JSON.stringify(join(pkg, 'web', 'complaint_office.js'))});
  let t = performance.now();
  web.initSync({ module: bytes });
  const instantiate = performance.now() - t;
  t = performance.now();
  await import(${JSON.stringify(join(pkg, 'node', 'complaint_office.js'))});
  const importNode = performance.now() - t;
  console.log(JSON.stringify({ instantiate, importNode }));`;
const runs = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status === 0) runs.push(JSON.parse(r.stdout));
}
if (runs.length) {
  line('instantiate (compile + instantiate + start)', `${median(runs.map((r) => r.instantiate)).toFixed(1)} ms`, '15 ms');
  line('import of the Node entry (read + all of it)', `${median(runs.map((r) => r.importNode)).toFixed(1)} ms`, '-');
}

// addWorkingDays from JavaScript, one call at a time.
const cal = Calendar.cn();
const dates = Array.from({ length: 1024 }, (_, i) => Calendar.fromEpochDay(18_000 + i * 2));
/** CPU milliseconds of `f()`. */
const cpu = (f) => {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
/** Median CPU nanoseconds of one `call(i)`, over 5 rounds of 1,000,000 calls after a warm-up. */
const perCall = (call) => {
  const n = 1_000_000;
  for (let i = 0; i < 50_000; i++) call(i);
  const samples = [];
  for (let round = 0; round < 5; round++) {
    samples.push((cpu(() => { for (let i = 0; i < n; i++) call(i); }) * 1e6) / n);
  }
  return median(samples);
};
line('addWorkingDays(text, n) per call', `${perCall((i) => cal.addWorkingDays(dates[i & 1023], i % 30)).toFixed(0)} ns`, '300 ns');
line('isWorkingDay(text) per call', `${perCall((i) => cal.isWorkingDay(dates[i & 1023])).toFixed(0)} ns`, '300 ns');
const jsDates = dates.map((d) => new Date(d));
line('addWorkingDays(Date, n) per call', `${perCall((i) => cal.addWorkingDays(jsDates[i & 1023], i % 30)).toFixed(0)} ns`, '-');
const dayNumbers = Int32Array.from({ length: 1024 }, (_, i) => 18_000 + i * 2);
line('addWorkingDaysToEpochDay(day, n) per call', `${perCall((i) => cal.addWorkingDaysToEpochDay(dayNumbers[i & 1023], i % 30)).toFixed(0)} ns`, '100 ns');
line('isWorkingEpochDay(day) per call', `${perCall((i) => cal.isWorkingEpochDay(dayNumbers[i & 1023])).toFixed(0)} ns`, '100 ns');

// The batch over typed arrays: 1,000,000 offsets.
const N = 1_000_000;
const days = new Int32Array(N);
const counts = new Int32Array(N);
for (let i = 0; i < N; i++) {
  days[i] = 18_000 + (i * 7919) % 2_500;
  counts[i] = (i * 31) % 40 - 5;
}
cal.addWorkingDaysEpoch(days, counts);
const batch = [];
for (let round = 0; round < 7; round++) batch.push(cpu(() => cal.addWorkingDaysEpoch(days, counts)));
line('addWorkingDaysEpoch, 1,000,000 offsets', `${median(batch).toFixed(1)} ms`, '20 ms');
