// What every patcher of the JavaScript glue (harden.mjs, calendar.mjs) starts with: the glue
// file named on the command line, read; `fail`, which stops the build when a pattern of
// wasm-bindgen's output is not found; `save`, which writes the patched glue back in place.
//
//   const { file, glue, fail, save } = openGlue('harden.mjs');
import { readFileSync, writeFileSync } from 'node:fs';

export function openGlue(script) {
  const file = process.argv[2];
  if (!file) {
    console.error(`usage: ${script} GLUE.js`);
    process.exit(2);
  }
  const fail = (what) => {
    console.error(`${script}: ${file}: ${what} not found (wasm-bindgen's output changed?)`);
    process.exit(1);
  };
  return { file, glue: readFileSync(file, 'utf8'), fail, save: (text) => writeFileSync(file, text) };
}
