// Every JavaScript snippet of the docs runs and prints what the text says (issue 23 item 9 and
// "done when"): the root README, the package's README and docs/first-hour/javascript.md. Each
// ```js (or ```ts) block is followed by a ```text block with exactly what it prints. A README
// block runs as a module of its own; the first-hour page is one program, its blocks in order.
// A block that imports the browser's `init` runs against the package's web entry (the .wasm read
// from disk where the browser would fetch it). Shell blocks are not run, and say so with the
// marker `<!-- not run: … -->` on the line before them: any other block of another kind is
// left to its own language's suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const PAGES = [
  { file: 'README.md', program: false },
  { file: 'bindings-wasm/README.md', program: false },
  { file: 'docs/first-hour/javascript.md', program: true },
];
const JS = new Set(['js', 'javascript', 'ts', 'typescript', 'mjs']);
const SHELL = new Set(['sh', 'bash', 'shell', 'console']);
const MARK = '\u0001block ';

/** The fenced blocks of a Markdown text: language, code, line, and the marker before it. */
export function blocks(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
    let before = start - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    out.push({
      lang: open[1].split(',')[0],
      code: body.join('\n') + '\n',
      line: start + 1,
      marker: before >= 0 ? /^<!-- not run: .+ -->$/.test(lines[before].trim()) : false,
    });
  }
  return out;
}

/** Pairs each JavaScript block with the output block after it. */
function runnable(file) {
  const all = blocks(readFileSync(join(root, file), 'utf8'));
  const pairs = [];
  for (let i = 0; i < all.length; i++) {
    const b = all[i];
    if (SHELL.has(b.lang)) {
      assert.ok(b.marker, `${file}:${b.line}: a ${b.lang} block without <!-- not run: … -->`);
      continue;
    }
    if (!JS.has(b.lang)) continue;
    const next = all[i + 1];
    assert.ok(next && next.lang === 'text', `${file}:${b.line}: a ${b.lang} block must be followed by a \`\`\`text block with its output`);
    pairs.push({ ...b, expected: next.code });
    i++;
  }
  return pairs;
}

const WEB_SHIM = `
import { readFileSync as __read } from 'node:fs';
const __fetch = globalThis.fetch;
globalThis.fetch = async (url, ...rest) => String(url).startsWith('file:')
  ? new Response(__read(new URL(String(url))), { headers: { 'content-type': 'application/wasm' } })
  : __fetch(url, ...rest);
`;

function source(code) {
  if (!/import\s+init\b/.test(code)) return code;
  // The browser's entry: the same module a bundler resolves 'complaint-office' to.
  return code.replace(/from\s+(['"])complaint-office\1/g, "from 'complaint-office/web'");
}

/** Runs `code` as an ES module next to the tests (so 'complaint-office' resolves) and gives its output. */
function run(code, dir) {
  const path = join(dir, 'snippet.mjs');
  const web = /import\s+init\b/.test(code);
  // Static imports are hoisted: the shim goes in a module of its own, imported first.
  if (web) writeFileSync(join(dir, 'shim.mjs'), WEB_SHIM);
  writeFileSync(path, (web ? "import './shim.mjs';\n" : '') + code);
  const r = spawnSync(process.execPath, [path], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, BROWSER: 'true' }, timeout: 60_000,
  });
  return r;
}

for (const { file, program } of PAGES) {
  test(`every JavaScript snippet of ${file} runs and prints what the text says`, () => {
    const pairs = runnable(file);
    assert.ok(pairs.length > 0, `${file} has no JavaScript snippet`);
    const dir = mkdtempSync(join(here, '.snippets-'));
    try {
      if (program) {
        const code = pairs.map((p, i) => `console.log(${JSON.stringify(MARK + i)});\n${p.code}`).join('\n');
        const r = run(code, dir);
        assert.equal(r.status, 0, `${file}: ${r.stderr}`);
        const outputs = r.stdout.split(new RegExp(`^${MARK}\\d+\\n`, 'm')).slice(1);
        assert.equal(outputs.length, pairs.length, r.stdout);
        pairs.forEach((p, i) => assert.equal(outputs[i], p.expected, `${file}:${p.line}`));
      } else {
        for (const p of pairs) {
          const r = run(source(p.code), dir);
          assert.equal(r.status, 0, `${file}:${p.line}: ${r.stderr}`);
          assert.equal(r.stdout, p.expected, `${file}:${p.line}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
