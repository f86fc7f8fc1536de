// The registration desk (examples/web/) in headless Chromium: served offline by a tiny static
// server on 127.0.0.1, a clerk types a complaint, the page shows what the library computes.
// Saves a screenshot (SCREENSHOT, default target/wasm-test/registration-desk.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../examples/web/', import.meta.url));
const screenshot = process.env.SCREENSHOT
  ?? fileURLToPath(new URL('../../target/wasm-test/registration-desk.png', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

/** Serves examples/web/ read-only on 127.0.0.1 (a random port). */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || req.method !== 'GET') {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the registration desk shows what the library computes while the clerk types', async (t) => {
  const server = await serve();
  t.after(() => server.close());
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  t.after(() => rmSync(profile, { recursive: true, force: true }));

  // A fresh profile (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 1500 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());
  const page = browser.pages()[0] ?? await browser.newPage();

  const outside = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') outside.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

  // A clerk registers a hotline complaint received on 26 September 2025, 10:00 Beijing time.
  await page.selectOption('#channel', 'hotline');
  await page.selectOption('#kind', 'customer');
  await page.fill('#received', '2025-09-26T10:00');
  await page.fill('#name', '張三');
  await page.fill('#contact', '13812345678');
  // Typing, not pasting: the page recomputes on every keystroke.
  await page.type('#content', '我買的產品質量有問題，維修後又壞了，要求退款');
  await page.selectOption('#severity', 'serious');
  await page.selectOption('#urgency', 'urgent');

  const text = async (sel) => (await page.textContent(sel))?.trim() ?? '';
  await page.waitForFunction(() => document.querySelector('#number')?.textContent?.trim().length === 8);

  assert.match(await text('#completeness'), /complete/i);
  assert.equal(await text('#number'), '25090004', 'the sample ledger has issued 25090001–25090003');
  assert.match(await text('#suggestion'), /quality|質量|质量/i);
  assert.match(await text('#matched'), /质量/, 'keywords as written in the policy (Simplified), found in Traditional text');
  assert.equal(await page.isVisible('#emergency'), true, 'serious and urgent: the emergency procedure');
  assert.match(await text('#track'), /general|complex|major/);
  assert.match(await text('#masked-contact'), /^138\*\*\*\*5678$/);
  assert.match(await text('#masked-name'), /^張\*$/);
  // The registration limit: 1 working day after 26 Sept (a Friday) is Sunday 28 Sept, a make-up day.
  assert.equal(await text('[data-stage="registration"] .last'), '2025-09-28');
  assert.equal(await text('[data-stage="registration"] .due'), '2025-09-29 00:00');
  // The plan limit, 15 days: 11 October is a make-up Saturday, so it ends there.
  assert.equal(await text('[data-stage="plan"] .last'), '2025-10-11');
  assert.ok(await page.locator('.day.holiday').count() >= 7, 'National Day holidays marked');
  assert.ok(await page.locator('.day.makeup').count() >= 1, 'make-up working days marked');
  assert.ok(await page.locator('#trend svg').count() === 1, 'the monthly trend chart');

  // An incomplete complaint: clearing the contact makes it incomplete at once.
  await page.fill('#contact', '');
  await page.waitForFunction(() => /contact/.test(document.querySelector('#completeness')?.textContent ?? ''));
  await page.fill('#contact', '13812345678');
  await page.waitForFunction(() => /complete/i.test(document.querySelector('#completeness')?.textContent ?? '')
    && !/missing/i.test(document.querySelector('#completeness')?.textContent ?? ''));

  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(outside, [], 'the page is offline: no request leaves 127.0.0.1');
  assert.deepEqual(errors, []);
});
