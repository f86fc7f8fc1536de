// Hardens the JavaScript glue wasm-bindgen generates, in place: every argument that crosses
// into the module through the glue is checked there, so that what the caller gave is either
// what the library reads or a ComplaintOfficeError with a code (issue 16).
//
//   node bindings-wasm/glue/harden.mjs GLUE.js     (run by scripts/build-wasm for every target)
//
// * Text (`&str`, `String`, `Option<String>` parameters): a value that is not a string is
//   `binding.invalid_argument` (the glue would throw a bare TypeError, or write garbage), and a
//   string with a lone surrogate is `input.invalid_text` — the glue's TextEncoder would
//   otherwise turn it into U+FFFD, a silent change of the complainant's text.
// * Arrays of numbers (`&[u8]`, `&[i32]`, `Vec<f64>` parameters): a typed array of the
//   parameter's own type passes as it is; an array whose elements are not whole numbers within
//   the element type (NaN, 1.5, 2 ** 80, -1 for bytes) is `input.invalid_number` — a typed
//   array's `set` would wrap, truncate or zero them silently; anything else is
//   `binding.invalid_argument`.
// * A class argument that is not an instance of its class (`_assertClass`) is
//   `binding.invalid_argument`, and the module's own refusals (a freed object: "null pointer
//   passed to rust") are `binding.invalid_object`, instead of a bare `Error`.
//
// Text the module reads back from JavaScript values while it runs (`JsValue::as_string` in an
// import) is not checked here, because throwing inside an import would unwind through the
// module: the Rust side checks those values itself (`convert::string_in`).
//
// The patterns are those of wasm-bindgen 0.2.130's output; when one is not found this script
// fails, so that a new wasm-bindgen cannot silently drop a check.
import { openGlue } from './patch.mjs';

const opened = openGlue('harden.mjs');
const { file, fail } = opened;
let { glue } = opened;

const HELPERS = `
// --- checks added by bindings-wasm/glue/harden.mjs (issue 16) ---
function __coError(code, message) {
    const error = new Error(message);
    error.name = 'ComplaintOfficeError';
    error.code = code;
    error.clause = null;
    error.index = null;
    error.key = null;
    return error;
}
const __coLoneSurrogate = /\\p{Surrogate}/u;
function __coText(arg) {
    if (typeof arg !== 'string') {
        throw __coError('binding.invalid_argument', \`a text argument expected, not \${arg === null ? 'null' : typeof arg}\`);
    }
    if (typeof arg.isWellFormed === 'function' ? !arg.isWellFormed() : __coLoneSurrogate.test(arg)) {
        throw __coError('input.invalid_text', 'a text is not valid Unicode (it holds a lone surrogate)');
    }
}
function __coNumbers(arg, Type, min, max) {
    if (arg instanceof Type) return;
    const arrayLike = Array.isArray(arg) || (ArrayBuffer.isView(arg) && !(arg instanceof DataView));
    if (!arrayLike) {
        throw __coError('binding.invalid_argument', \`an array of numbers or a \${Type.name} expected\`);
    }
    for (let i = 0; i < arg.length; i++) {
        const n = arg[i];
        if (typeof n !== 'number') {
            throw __coError('binding.invalid_argument', \`an array of numbers or a \${Type.name} expected\`);
        }
        if (min !== null && (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)) {
            const error = __coError('input.invalid_number', \`a number of the array is not a whole number from \${min} to \${max}\`);
            error.index = i;
            throw error;
        }
    }
}
// --- end of the checks ---
`;

// 1. Text: the exported functions' passStringToWasm0 checks; imports keep the unchecked one.
const stringDecl = 'function passStringToWasm0(arg, malloc, realloc) {';
if (!glue.includes(stringDecl)) fail('passStringToWasm0');
glue = glue.replace(stringDecl,
  'function passStringToWasm0(arg, malloc, realloc) {\n    __coText(arg);\n' +
  '    return passStringToWasm0Unchecked(arg, malloc, realloc);\n}\n\n' +
  'function passStringToWasm0Unchecked(arg, malloc, realloc) {');

// Which function or method each line belongs to: the nearest line above that opens one.
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'else']);
const opener = /^\s*(?:export\s+)?(?:static\s+)?(?:async\s+)?(?:function\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*function\s*)?\([^)]*\)\s*\{\s*$/;
const lines = glue.split('\n');
let owner = '';
let inImports = 0;
let checked = 0;
for (let i = 0; i < lines.length; i++) {
  const m = opener.exec(lines[i]);
  if (m && !KEYWORDS.has(m[1])) owner = m[1];
  if (lines[i].includes('passStringToWasm0(') && !lines[i].includes('function passStringToWasm0')) {
    if (owner.startsWith('__wbg_')) {
      lines[i] = lines[i].replaceAll('passStringToWasm0(', 'passStringToWasm0Unchecked(');
      inImports++;
    } else {
      checked++;
    }
  }
}
glue = lines.join('\n');
if (checked === 0) fail('an exported function taking text');

// 2. Arrays of numbers.
// wasm-bindgen writes signed and unsigned slices through the same unsigned view; the
// package's parameters are `&[u8]` (bytes) and `&[i32]` (epoch days), so the 8-bit helper
// checks bytes and the 32-bit one signed 32-bit integers.
const RANGES = {
  Uint8: ['Uint8Array', 0, 255],
  Uint16: ['Uint16Array', 0, 65535],
  Uint32: ['Int32Array', -2147483648, 2147483647],
  Float32: ['Float32Array', null, null],
  Float64: ['Float64Array', null, null],
};
let arrays = 0;
glue = glue.replace(/function (passArray\w*ToWasm0)\(arg, malloc\) \{\n(\s*)const ptr = malloc\(arg\.length \* (\d+), \d+\) >>> 0;\n\s*get(\w+?)ArrayMemory0\(\)/g,
  (all, name, indent, size, view) => {
    const range = RANGES[view];
    if (!range) return all; // BigInt64 views: BigInts cannot be NaN or fractions
    arrays++;
    const [type, min, max] = range;
    return all.replace('{\n', `{\n${indent}__coNumbers(arg, ${type}, ${min}, ${max});\n`);
  });
if (/function passArray(8|32|F64)ToWasm0/.test(glue) && arrays === 0) fail('passArray*ToWasm0');

// 3. Class arguments and the module's own refusals.
const assertClass = 'throw new Error(`expected instance of ${klass.name}`);';
if (glue.includes('function _assertClass(')) {
  if (!glue.includes(assertClass)) fail('_assertClass');
  glue = glue.replace(assertClass, "throw __coError('binding.invalid_argument', `an instance of ${klass.name} expected`);");
}
const throwShim = /(__wbg___wbindgen_throw_\w+\s*[:=]\s*function\s*\(arg0, arg1\)\s*\{\s*)throw new Error\(getStringFromWasm0\(arg0, arg1\)\);/;
if (!throwShim.test(glue)) fail('the __wbindgen_throw import');
glue = glue.replace(throwShim, "$1throw __coError('binding.invalid_object', getStringFromWasm0(arg0, arg1));");

// An object of an instance the module replaced after a panic (when the glue resets itself).
glue = glue.replaceAll("throw new Error('Invalid stale object from previous Wasm instance');",
  "throw __coError('binding.invalid_object', 'an object of a previous instance of the module (before it was reset)');");

// The helpers go after the leading comments and imports, before the first function.
const at = glue.search(/^(?:export\s+)?(?:class|function|let|const) /m);
if (at < 0) fail('a place for the helpers');
glue = glue.slice(0, at) + HELPERS + '\n' + glue.slice(at);
opened.save(glue);
console.error(`harden.mjs: ${file}: ${checked} text arguments checked (${inImports} in imports left to the module), ${arrays} array helpers checked`);
