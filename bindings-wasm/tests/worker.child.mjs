// A Worker of limits.test.mjs: receives an object of the package made on the main thread and
// tries to use it with this thread's own instance of the module.
import { parentPort } from 'node:worker_threads';
import * as co from 'complaint-office';

parentPort.once('message', (policy) => {
  const received = { type: 'received', at: '2025-09-26T10:00:00+08:00', channel: 'hotline', complainant_kind: 'customer' };
  try {
    co.Case.open(policy, received);
    parentPort.postMessage({ used: true });
  } catch (e) {
    parentPort.postMessage({ used: false, coded: co.isComplaintOfficeError(e), code: e.code ?? null,
      isInstance: policy instanceof co.Policy });
  }
});
