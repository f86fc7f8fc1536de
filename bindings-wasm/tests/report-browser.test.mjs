// The HTML report (Report.html(), core/src/stats/html.rs) in headless Chromium, at a phone's and
// a desktop's width: what it lays out, asserted from the rendered page, and screenshots kept
// under target/screenshots/ (see chromium.mjs). The ledger is the registration desk's sample
// (examples/web/sample-ledger.csv, January–September 2025, the default policy's codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as co from 'complaint-office';
import { DESKTOP, PHONE, horizontalOverflow, keepScreenshot, openPage } from './chromium.mjs';

const ledgerText = readFileSync(new URL('../../examples/web/sample-ledger.csv', import.meta.url), 'utf8');

/** The report of the sample ledger as one HTML page, in `language`. */
function reportHtml(language, granularity, options) {
  const policy = co.Policy.fromToml(`language = "${language}"`);
  const report = co.Ledger.fromCsv(ledgerText, policy).report(granularity, policy, options);
  return { html: report.html(policy), data: report.toJSON() };
}

async function show(t, width, html) {
  const opened = await openPage(t, width);
  await opened.page.setContent(html, { waitUntil: 'load' });
  return opened;
}

/** The first cells of the rows of the `index`-th table of a section. */
const firstCells = (page, section, index) => page.$$eval(`section.${section} table`, (tables, i) =>
  [...tables[i].tBodies[0].rows].map((r) => r.cells[0].textContent.trim()), index);

/** The fills of the chart rects whose tooltip names `label`. */
const fills = (page, selector, label) => page.$$eval(selector, (rects, name) => rects
  .filter((r) => r.querySelector('title')?.textContent.includes(name))
  .map((r) => r.getAttribute('fill')), label);

test('the monthly report at 1280 px: six figures on one row, rank order, only what grew', async (t) => {
  const { html, data } = reportHtml('zh-Hant', 'month');
  assert.equal(data.periods.length, 9);
  const { page, outside, errors } = await show(t, DESKTOP, html);

  // The six headline figures side by side.
  const boxes = await page.$$eval('.figures > div', (cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
  assert.equal(boxes.length, 6);
  assert.equal(new Set(boxes.map((b) => Math.round(b.top))).size, 1, `one row: ${boxes.map((b) => b.top)}`);
  assert.equal(await horizontalOverflow(page), 0);

  // Localised: the title, the policy's default name, the labels.
  assert.equal(await page.textContent('h1'), '投訴統計月報');
  assert.match(await page.textContent('.meta'), /制度：投訴室管理制度（預設）$/);
  assert.doesNotMatch(await page.textContent('.meta'), /default/);

  // Severities in rank order, channels in the vocabulary's order.
  assert.deepEqual(await firstCells(page, 'channels', 1), ['一般', '嚴重', '重大']);
  assert.deepEqual(await firstCells(page, 'channels', 0), ['電子郵件', '熱線電話', '現場', 'OA系統']);

  // "Fastest growing" lists only what grew: every slope shown is positive, and they are
  // exactly the report's positive slopes.
  const grew = data.growth.categories.filter((g) => g.slope > 0);
  assert.ok(grew.length > 0 && grew.length < data.growth.categories.length, 'some grow, some do not');
  const slopes = await page.$$eval('section.growth table', (tables) =>
    [...tables[0].tBodies[0].rows].map((r) => r.cells[2].textContent));
  assert.equal(slopes.length, grew.length);
  assert.ok(slopes.every((s) => s.startsWith('+')), slopes.join(' '));

  // A category's colour is the same in the trend and the category chart.
  const bar = await fills(page, 'section.categories rect.bar', '產品質量');
  assert.equal(bar.length, 1);
  const segments = await fills(page, 'section.trend rect.segment', '產品質量');
  assert.ok(segments.length >= 9 && segments.every((f) => f === bar[0]), `${bar} vs ${segments}`);

  await keepScreenshot(t, page, 'report-month-zh-Hant-1280');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);

  // The same category keeps that colour in a report of one month and in English.
  const august = reportHtml('en', 'month', { from: '2025-08', to: '2025-08' });
  await page.setContent(august.html, { waitUntil: 'load' });
  assert.deepEqual(await fills(page, 'section.categories rect.bar', 'Product quality'), bar);
});

test('the monthly report on a phone: no page-wide overflow, figures in a grid', async (t) => {
  const { html } = reportHtml('zh-Hant', 'month');
  const { page, errors } = await show(t, PHONE, html);
  assert.equal(await horizontalOverflow(page), 0, 'no horizontal overflow at 390 px');
  const lefts = await page.$$eval('.figures > div', (cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
  assert.equal(new Set(lefts).size, 2, `two figures a row: ${lefts}`);
  // Charts keep legible text: wider than the phone, they scroll in their own box.
  const chart = await page.$eval('section.trend', (s) => ({ box: s.clientWidth, content: s.scrollWidth }));
  assert.ok(chart.box <= PHONE && chart.content >= 720, JSON.stringify(chart));
  await keepScreenshot(t, page, 'report-month-zh-Hant-390');
  assert.deepEqual(errors, []);
});

test('a report of one period: no trend, no growth tables, a note; at both widths', async (t) => {
  const { html, data } = reportHtml('zh-Hant', 'month', { from: '2025-08', to: '2025-08' });
  assert.equal(data.periods.length, 1);
  for (const width of [DESKTOP, PHONE]) {
    const { page, errors } = await show(t, width, html);
    const sections = await page.$$eval('section', (s) => s.map((x) => x.className));
    assert.deepEqual(sections,
      ['overview', 'categories chart', 'departments chart', 'handling chart', 'channels', 'periods']);
    assert.equal(await page.textContent('.overview .note'), '只有一期：趨勢與增長需要至少兩期的資料');
    assert.equal(await horizontalOverflow(page), 0);
    if (width === DESKTOP) {
      const tops = await page.$$eval('.figures > div', (cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
      assert.equal(new Set(tops).size, 1);
    }
    await keepScreenshot(t, page, `report-one-month-zh-Hant-${width}`);
    assert.deepEqual(errors, []);
  }
});

test('the quarterly report in English at 1280 px', async (t) => {
  const { html, data } = reportHtml('en', 'quarter');
  assert.deepEqual(data.periods.map((p) => p.period), ['2025-Q1', '2025-Q2', '2025-Q3']);
  const { page, errors } = await show(t, DESKTOP, html);
  assert.equal(await page.textContent('h1'), 'Quarterly complaint report');
  assert.match(await page.textContent('.meta'), /Policy: Complaint office rules \(default\)$/);
  assert.deepEqual(await firstCells(page, 'channels', 1), ['General', 'Serious', 'Major']);
  const tops = await page.$$eval('.figures > div', (cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  assert.equal(new Set(tops).size, 1);
  assert.equal(await horizontalOverflow(page), 0);
  await keepScreenshot(t, page, 'report-quarter-en-1280');
  assert.deepEqual(errors, []);
});
