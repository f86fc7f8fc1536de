// Headless Chromium for the browser tests (Debian's /usr/bin/chromium, driven by
// playwright-core): a fresh profile per browser, no network beyond 127.0.0.1, and screenshots
// kept under target/screenshots/ (SCREENSHOTS overrides) with their paths printed.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const screenshots = process.env.SCREENSHOTS
  ?? fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

/** The widths every page is looked at: a phone and a desktop. */
export const PHONE = 390;
export const DESKTOP = 1280;

/**
 * A page in a fresh headless Chromium, closed after the test. Records requests that leave
 * 127.0.0.1 (`outside`) and page errors (`errors`).
 */
export async function openPage(t, width) {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Close first, then remove the profile: Chromium writes into it until it has exited.
  t.after(async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  });
  const page = browser.pages()[0] ?? await browser.newPage();
  const outside = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname !== '127.0.0.1' && !['data:', 'about:'].includes(url.protocol)) outside.push(r.url());
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, outside, errors };
}

/** Saves a full-page screenshot as target/screenshots/NAME.png and prints its path. */
export async function keepScreenshot(t, page, name) {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  t.diagnostic(`screenshot: ${path}`);
  console.log(`screenshot: ${path}`);
  return path;
}

/** How far the page is wider than its viewport (0 when nothing sticks out sideways). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
