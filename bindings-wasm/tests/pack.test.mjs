// `npm pack` gives an installable tarball: installed into a fresh project it imports as ESM
// (browsers' and Node's entries) and as CommonJS, and ships only the package's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tarball = process.env.COMPLAINT_OFFICE_TARBALL;

test('npm pack tarball installs into a temporary project and imports', (t) => {
  assert.ok(tarball, 'COMPLAINT_OFFICE_TARBALL must name the tarball `npm pack` made');
  const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  for (const file of ['package/package.json', 'package/README.md', 'package/web/complaint_office.js',
    'package/web/complaint_office_bg.wasm', 'package/web/complaint_office.d.ts', 'package/node/complaint_office.js',
    'package/node-cjs/complaint_office.js']) {
    assert.ok(listing.includes(file), `${file} missing from the tarball`);
  }

  const project = mkdtempSync(join(tmpdir(), 'complaint-office-consumer-'));
  t.after(() => rmSync(project, { recursive: true, force: true }));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project, stdio: 'pipe' });

  const scripts = {
    'esm.mjs': `import { Calendar } from 'complaint-office';
      console.log(Calendar.cn().addWorkingDays('2025-09-26', 5));`,
    'cjs.cjs': `const { Calendar } = require('complaint-office');
      console.log(Calendar.cn().addWorkingDays('2025-09-26', 5));`,
    'web.mjs': `import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { initSync, Calendar } from 'complaint-office/web';
      const wasm = createRequire(import.meta.url).resolve('complaint-office/web/wasm');
      initSync({ module: readFileSync(wasm) });
      console.log(Calendar.cn().addWorkingDays('2025-09-26', 5));`,
  };
  for (const [file, source] of Object.entries(scripts)) {
    writeFileSync(join(project, file), source);
    const r = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    assert.equal(r.stdout.trim(), '2025-10-10', file);
  }
  // What the README tells Node users first: the browser's `import init from …` is not Node's.
  writeFileSync(join(project, 'default.mjs'), `import init from 'complaint-office'; console.log(typeof init);`);
  const r = spawnSync(process.execPath, ['default.mjs'], { cwd: project, encoding: 'utf8' });
  assert.notEqual(r.status, 0, 'Node has a default export: the README says it has none');
  assert.match(r.stderr, /default/);
});
