// Debian's Chromium driven by playwright-core (no downloaded browser), headless, with the flags
// this machine's closed network needs; a fresh profile per launch (Playwright makes one).

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ARTIFACTS, 'screenshots');

/** Default bound for a single wait on the page (locator.waitFor, expectations). */
export const WAIT_MS = 15_000;

/** Fail early, in words, when Debian's Chromium is not installed (it is never downloaded). */
export function assertChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
}

export function launchChromium() {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A new browser context (its own cookies and localStorage) on `baseUrl`, English by default.
 * Console errors and failed page loads are collected in `context.problems` for the test to show.
 */
export async function newContext(browser, baseUrl, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1280, height: 860 },
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(30_000);
  context.problems = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => context.problems.push(`pageerror: ${error.message}`));
  });
  return context;
}

/**
 * Save a screenshot as test-artifacts/screenshots/<name>.png: the whole page, or only the window
 * (`fullPage: false`) for drawers and dialogs, which are fixed to the window.
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/** Poll `check` (async, returns a truthy value when done) until it holds or `timeoutMs` passes. */
export async function eventually(what, check, { timeoutMs = WAIT_MS, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
