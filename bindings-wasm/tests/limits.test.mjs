// Hostile input, issue 16 item 8: an instant whose UTC offset has seconds (Liberia kept
// -00:44:30 until 1972) is refused with `time.invalid_offset`, never rounded — rounding the
// offset and keeping the local time would move the instant by 30 seconds. A JavaScript `Date`
// carries no offset, so such an offset can only arrive as text (`java.time` writes it so).
//
// Threads (item 4) do not apply: JavaScript runs one thread per isolate, and a worker loads
// its own instance of the module, so no wasm object is ever used by two threads at once. An
// object posted to a Worker arrives as a structured clone — a plain object holding a number,
// not an instance of the worker's classes — and is refused with a code there (tested below).
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const { Case, Policy } = co;
const RECEIVED = { type: 'received', channel: 'hotline', complainant_kind: 'customer' };

function refused(code, call) {
  assert.throws(call, (e) => {
    assert.ok(co.isComplaintOfficeError(e), `${e?.name}: ${e?.message}`);
    assert.equal(e.code, code);
    return true;
  });
}

test('a sub-minute offset is refused, never rounded', () => {
  for (const at of ['1971-01-01T12:00:00-00:44:30', '1971-01-01 12:00:00.5+00:00:30']) {
    refused('time.invalid_offset', () => co.nextNumberAt([], at));
    refused('case.invalid_event', () => Case.open(new Policy(), { ...RECEIVED, at }));
  }
  refused('time.invalid_offset', () => co.nextNumberAt([], '2025-09-26T10:00:00+08:00', '-00:44:30'));
  // A whole-minute historic offset is kept exactly.
  const kept = Case.open(new Policy(), { ...RECEIVED, at: '2025-09-26T10:00:00-00:44' });
  assert.equal(kept.receivedAt, '2025-09-26T10:00:00-00:44');
});

test('an object sent to a Worker is not shared: the worker refuses the copy with a code', async () => {
  const worker = new Worker(new URL('./worker.child.mjs', import.meta.url));
  try {
    const answer = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage(new Policy());
    const got = await answer;
    assert.deepEqual(got, { used: false, coded: true, code: 'binding.invalid_argument', isInstance: false });
  } finally {
    await worker.terminate();
  }
});
