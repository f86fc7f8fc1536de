// The registration desk (examples/web/) in headless Chromium: served offline by a tiny static
// server on 127.0.0.1, a clerk types complaints, the page shows what the library computes.
// Each test asserts what must be shown and what must not, looks at the page at a phone's and
// a desktop's width, and keeps its screenshots under target/screenshots/ (see chromium.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP, PHONE, horizontalOverflow, keepScreenshot, openPage } from './chromium.mjs';

const root = fileURLToPath(new URL('../../examples/web/', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
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

/** The desk at `width`, loaded and ready. */
async function openDesk(t, width) {
  const server = await serve();
  t.after(() => server.close());
  const desk = await openPage(t, width);
  await desk.page.goto(`http://127.0.0.1:${server.address().port}/`);
  await desk.page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return desk;
}

/** Types a complaint received on 26 September 2025, 10:00 Beijing time, by hotline. */
async function typeComplaint(page, { severity, urgency, complexity = 'simple' }) {
  await page.selectOption('#channel', 'hotline');
  await page.selectOption('#kind', 'customer');
  await page.fill('#received', '2025-09-26T10:00');
  await page.fill('#name', '張三');
  await page.fill('#contact', '13812345678');
  // Typing, not pasting: the page recomputes on every keystroke.
  await page.type('#content', '我買的產品質量有問題，維修後又壞了，要求退款');
  await page.selectOption('#severity', severity);
  await page.selectOption('#urgency', urgency);
  await page.selectOption('#complexity', complexity);
  await page.waitForFunction(() => document.querySelector('#number')?.textContent?.trim().length === 8);
}

const text = async (page, sel) => (await page.textContent(sel))?.trim() ?? '';
const stagesShown = (page) => page.$$eval('#timeline tbody tr', (rows) => rows.map((r) => r.dataset.stage));

/**
 * Characters the page used to show in Simplified Chinese (labels of categories, departments,
 * the chart, keywords). The page is Traditional Chinese and English: none may appear.
 */
const SIMPLIFIED = /[质产类问题务门户诉时间数别处应为计对态满阶]/u;

test('a serious, urgent complaint: the emergency badge, Traditional labels, real and projected deadlines', async (t) => {
  const { page, outside, errors } = await openDesk(t, DESKTOP);
  await typeComplaint(page, { severity: 'serious', urgency: 'urgent' });

  // §2.2.4: serious and urgent starts the emergency procedure.
  assert.equal(await page.isVisible('#emergency'), true, 'serious and urgent: the emergency procedure');
  assert.equal(await text(page, '#emergency'), '緊急程序 Emergency procedure');
  assert.equal(await text(page, '#track'), 'General track 一般程序');
  assert.equal(await text(page, '#priority'), 'priority 優先級 2');

  // Complete, said exactly (not a pattern that "incomplete" would also match).
  assert.equal(await page.getAttribute('#completeness', 'data-state'), 'complete');
  assert.equal(await text(page, '#completeness'), '✔ 完整 Complete: ready to register');
  assert.equal(await page.locator('#intake-violations li').count(), 0);

  assert.equal(await text(page, '#number'), '25090004', 'the sample ledger has issued 25090001–25090003');
  // The category and its department in Traditional Chinese and English, never a code.
  assert.match(await text(page, '#suggestion'), /^產品質量 Product quality \(\d+%\)$/);
  assert.equal(await text(page, '#department-name'), '質量管理部 Quality Management');
  // Keywords as the complainant wrote them (the policy writes 质量, 维修 in Simplified).
  const words = await page.$$eval('#matched .word', (spans) => spans.map((s) => s.textContent));
  assert.deepEqual(words.slice(0, 2), ['產品', '質量']);
  assert.ok(words.includes('維修'), words.join(' '));
  assert.ok(words.every((w) => !SIMPLIFIED.test(w)), words.join(' '));
  assert.match(await text(page, '#masked-contact'), /^138\*\*\*\*5678$/);
  assert.match(await text(page, '#masked-name'), /^張\*$/);

  // The registration limit is a real deadline: 1 working day after Friday 26 September is
  // Sunday 28 September, a make-up working day, which ends at 24:00.
  const registration = page.locator('[data-stage="registration"]');
  assert.equal(await registration.getAttribute('data-last-day'), '2025-09-28');
  assert.equal(await registration.getAttribute('class'), 'deadline');
  assert.equal(await text(page, '[data-stage="registration"] .due'), '2025-09-28 (日) 24:00');
  assert.equal(await text(page, '[data-stage="registration"] .from'), 'receipt 收到, 2025-09-26 10:00');
  // The rules as sentences, with their articles; no rule codes.
  const rules = await text(page, '[data-stage="registration"] .rules');
  assert.match(rules, /counting starts the day after the start \(art\. 201/);
  assert.match(rules, /the last day ends at 24:00/);
  assert.doesNotMatch(await text(page, '#timeline'), /start_day_excluded|ends_at_midnight|working_days_only/);

  // The plan runs from registration: projected, and marked so. 15 days end on Saturday
  // 11 October, a make-up working day.
  const plan = page.locator('[data-stage="plan"]');
  assert.equal(await plan.getAttribute('class'), 'projected');
  assert.equal(await text(page, '[data-stage="plan"] .tag'), '預計 projected');
  assert.equal(await text(page, '[data-stage="plan"] .due'), '2025-10-11 (六) 24:00');
  const style = await plan.locator('td').first().evaluate((td) => getComputedStyle(td).fontStyle);
  assert.equal(style, 'italic', 'a projection does not look like a deadline');
  // A general-track case has no extended plan; feedback and follow-up have no date yet.
  assert.deepEqual(await stagesShown(page), ['registration', 'plan', 'feedback', 'follow_up']);
  for (const stage of ['feedback', 'follow_up']) {
    const row = page.locator(`[data-stage="${stage}"]`);
    assert.equal(await row.getAttribute('class'), 'later');
    assert.equal(await row.getAttribute('data-last-day'), null);
    assert.doesNotMatch(await text(page, `[data-stage="${stage}"] .due`), /\d{4}-\d\d-\d\d/);
  }

  // The calendar strip: holidays and make-up days marked, month names, weekdays, no "10月末".
  assert.ok(await page.locator('#days .day.holiday').count() >= 7, 'National Day holidays marked');
  assert.equal(await page.locator('#days .day.makeup').count(), 2, 'Sunday 28 September and Saturday 11 October');
  assert.deepEqual(await page.$$eval('#days .month', (m) => m.map((x) => x.textContent)), ['9月', '10月']);
  assert.equal(await text(page, '[data-date="2025-09-27"]'), '27六');
  assert.equal(await page.getAttribute('[data-date="2025-09-27"]', 'class'), 'day weekend');
  assert.equal(await text(page, '[data-date="2025-10-01"]'), '1三休');
  assert.equal(await page.getAttribute('[data-date="2025-09-28"]', 'class'), 'day makeup due-day');
  assert.equal(await page.getAttribute('[data-date="2025-10-11"]', 'class'), 'day makeup projected-day');
  assert.doesNotMatch(await text(page, '#days'), /月末/);

  // One script: no Simplified character anywhere on the page, the library's chart included.
  const all = await page.evaluate(() => document.body.textContent);
  assert.doesNotMatch(all, SIMPLIFIED);
  assert.equal(await page.locator('#trend svg').count(), 1, 'the monthly trend chart');
  assert.match(await page.textContent('#trend svg'), /產品質量/);

  // Desktop layout: the first three cards side by side, nothing sticking out.
  const tops = await page.$$eval('#results > .card', (cards) => cards.slice(0, 3).map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.equal(new Set(tops).size, 1, `cards on one row: ${tops}`);
  assert.equal(await horizontalOverflow(page), 0);

  await keepScreenshot(t, page, 'registration-desk-serious-urgent-1280');
  assert.deepEqual(outside, [], 'the page is offline: no request leaves 127.0.0.1');
  assert.deepEqual(errors, []);
});

test('a general complaint: no emergency badge, and on a phone nothing sticks out', async (t) => {
  const { page, outside, errors } = await openDesk(t, PHONE);
  await typeComplaint(page, { severity: 'general', urgency: 'normal' });

  // General / normal / simple is priority 6, the general track, no emergency procedure:
  // the badge is not shown at all (its `hidden` attribute wins over `.badge`'s display).
  assert.equal(await text(page, '#priority'), 'priority 優先級 6');
  assert.equal(await text(page, '#track'), 'General track 一般程序');
  assert.equal(await page.getAttribute('#emergency', 'hidden'), '');
  assert.equal(await page.isVisible('#emergency'), false, 'no emergency procedure for a general complaint');
  const box = await page.locator('#emergency').boundingBox();
  assert.equal(box, null, 'the badge takes no space');
  assert.deepEqual(await stagesShown(page), ['registration', 'plan', 'feedback', 'follow_up']);

  // Incomplete, exactly, as soon as the contact is cleared; complete again when it is back.
  await page.fill('#contact', '');
  await page.waitForFunction(() => document.querySelector('#completeness')?.dataset.state === 'incomplete');
  assert.equal(await text(page, '#completeness'),
    '✘ 不完整 Incomplete: ask the complainant for contact 聯繫方式 (§2.2.1)');
  await page.fill('#contact', '13812345678');
  await page.waitForFunction(() => document.querySelector('#completeness')?.dataset.state === 'complete');
  assert.equal(await text(page, '#completeness'), '✔ 完整 Complete: ready to register');

  // A phone: one column, the page no wider than the screen.
  assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow at 390 px');
  const lefts = await page.$$eval('#results > .card', (cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
  assert.equal(new Set(lefts).size, 1, `one card a row: ${lefts}`);

  await keepScreenshot(t, page, 'registration-desk-general-390');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
});

test('a major, complex complaint: the extended plan is shown, as a projection', async (t) => {
  const { page, errors } = await openDesk(t, DESKTOP);
  await typeComplaint(page, { severity: 'major', urgency: 'normal', complexity: 'complex' });
  assert.equal(await page.isVisible('#emergency'), false, 'major but not urgent: no emergency procedure');
  assert.equal(await text(page, '#track'), 'Major track 重大程序');
  assert.deepEqual(await stagesShown(page), ['registration', 'plan', 'plan_extended', 'feedback', 'follow_up']);
  const extended = page.locator('[data-stage="plan_extended"]');
  assert.equal(await extended.getAttribute('class'), 'projected');
  // 30 days after 26 September: Sunday 26 October, a rest day, so Monday 27 October.
  assert.equal(await extended.getAttribute('data-last-day'), '2025-10-27');
  assert.equal(await text(page, '[data-stage="plan_extended"] .due'), '2025-10-27 (一) 24:00');
  assert.match(await text(page, '[data-stage="plan_extended"] .rules'), /2025-10-26 is a rest day: moved to the next working day/);
  assert.equal(await page.getAttribute('[data-date="2025-10-27"]', 'class'), 'day working projected-day');

  // With the emergency procedure (major and urgent) the badge appears as the clerk changes it.
  await page.selectOption('#urgency', 'urgent');
  await page.waitForFunction(() => !document.querySelector('#emergency').hidden);
  assert.equal(await page.isVisible('#emergency'), true);
  await keepScreenshot(t, page, 'registration-desk-major-complex-1280');
  assert.deepEqual(errors, []);
});

test('e-mail intake in the browser: GBK through Chromium\'s TextDecoder, invalid bytes flagged', async (t) => {
  const { page, outside, errors } = await openDesk(t, DESKTOP);
  const got = await page.evaluate(async () => {
    const co = await import('./pkg/complaint_office.js');
    await co.default();
    const head = 'Received: from mx.example.net by mail.example.com;\r\n Fri, 26 Sep 2025 01:58:02 +0000\r\n'
      + 'From: =?GBK?B?1cXI/Q==?= <zhang.san@example.net>\r\nSubject: =?GBK?B?udjT2srbuvO1xM22y98=?=\r\n'
      + 'Content-Type: text/plain; charset=GBK\r\n\r\n';
    const mail = (body) => new Uint8Array([...head].map((c) => c.charCodeAt(0)).concat(body));
    const policy = new co.Policy();
    const good = co.intakeEmail(policy, mail([0xb5, 0xe7, 0xcb, 0xae, 0xba, 0xf8, 0xc2, 0xa9, 0xcb, 0xae, 0xa1, 0xa3]));
    // 0xFF is no GBK byte: the WHATWG decoder (and encoding_rs in Rust) gives U+FFFD.
    const stray = co.intakeEmail(policy, mail([0xb5, 0xe7, 0xff]).buffer);
    return { good: [good.complaint.name, good.complaint.subject, good.complaint.content, good.complaint.receivedAt],
      stray: [stray.complaint.content, stray.findings] };
  });
  assert.deepEqual(got.good, ['张三', '关于售后的投诉', '电水壶漏水。', '2025-09-26T09:58:02+08:00']);
  assert.deepEqual(got.stray, ['电\uFFFD', [{ code: 'intake.email_text_malformed', part: 'body' }]]);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
});
