// A browser (or bundler) host: the web entry needs `await init()` once before any call.
import init, { Calendar, initSync } from 'complaint-office/web';
import type { InitOutput } from 'complaint-office/web';

export async function start(wasm: URL): Promise<string> {
  const exports: InitOutput = await init({ module_or_path: wasm });
  void exports;
  return Calendar.cn().addWorkingDays('2025-09-26', 5);
}

export function startSync(bytes: ArrayBuffer): boolean {
  initSync({ module: bytes });
  return Calendar.cn().isWorkingDay(new Date());
}
