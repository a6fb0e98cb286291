// Time-to-interactive of the plugins page, against a live CloudCat serving the built admin UI.
//
//   npm run build && node e2e/bench-tti.mjs        (N=10 by default; BENCH_RUNS=20 for more)
//
// Starts its own server (support/server.mjs), signs up and creates a shop through the API, signs
// headless Chromium in with the session cookie, then measures N cold loads (a fresh context each,
// so no cached assets) of /admin/shops/<id>/plugins: from navigation start until the first plugin
// switch (`plugin-toggle-*`) is rendered and enabled. As a same-run baseline it measures N loads
// of a static built asset served by the same server (dist/index.html at /admin/… is the SPA
// shell, so a JS asset is used): navigation start to its load event. Prints medians and the ratio,
// and the initial JS gzip size (scripts/bundle-size.mjs).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sellerWithShop } from './support/api.mjs';
import { launchChromium, newContext } from './support/browser.mjs';
import { UI_ROOT, startCloudCat } from './support/server.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
const TARGET_MS = 500;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;

/** The first JS asset dist/index.html loads: a static file the server serves as-is. */
function staticAsset() {
  const html = readFileSync(path.join(UI_ROOT, 'dist', 'index.html'), 'utf8');
  const match = html.match(/<script[^>]+src="(\/admin\/assets\/[^"]+\.js)"/);
  if (!match) throw new Error('no script in dist/index.html: run `npm run build`');
  return match[1];
}

async function timeLoad(browser, url, cookies, fn) {
  const context = await newContext(browser, url);
  try {
    if (cookies) await context.addCookies(cookies);
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await context.close();
  }
}

const server = await startCloudCat();
let browser;
try {
  const { api, shop } = await sellerWithShop(server.url, 'bench');
  const cookies = api.browserCookies();
  browser = await launchChromium();
  const pluginsUrl = `/admin/shops/${shop.id}/plugins`;
  const asset = staticAsset();

  // One warm-up of each, not counted (the server's first requests and the OS file cache).
  const loadPlugins = (page) => measurePlugins(page, pluginsUrl);
  const loadStatic = (page) => measureStatic(page, asset);
  await timeLoad(browser, server.url, cookies, loadPlugins);
  await timeLoad(browser, server.url, cookies, loadStatic);

  const tti = [];
  const baseline = [];
  for (let i = 0; i < RUNS; i += 1) {
    tti.push(await timeLoad(browser, server.url, cookies, loadPlugins));
    baseline.push(await timeLoad(browser, server.url, cookies, loadStatic));
  }
  const ttiMedian = median(tti);
  const baseMedian = median(baseline);
  console.log(`plugins page TTI (N=${RUNS}): median ${ms(ttiMedian)}  [${tti.map((v) => v.toFixed(0)).join(', ')}]`);
  console.log(`static asset baseline (${asset}): median ${ms(baseMedian)}  [${baseline.map((v) => v.toFixed(0)).join(', ')}]`);
  console.log(`ratio TTI / baseline: ${(ttiMedian / baseMedian).toFixed(1)}x`);
  console.log(`target: under ${TARGET_MS} ms: ${ttiMedian < TARGET_MS ? 'met' : 'NOT met'}`);
  console.log(execFileSync(process.execPath, [path.join(UI_ROOT, 'scripts', 'bundle-size.mjs')], { encoding: 'utf8' }).trim());
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
}

/** Navigation start to the first plugin switch being enabled (rendered, hydrated, clickable). */
async function measurePlugins(page, url) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const toggle = document.querySelector('[data-testid^="plugin-toggle-"]');
      if (!toggle || toggle.disabled || toggle.getAttribute('aria-disabled') === 'true') return false;
      if (!window.__ttiAt) window.__ttiAt = performance.now(); // ms since navigation start
      return true;
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  );
  return page.evaluate(() => window.__ttiAt);
}

/** Navigation start to the load event of a static file. */
async function measureStatic(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return nav.loadEventEnd || nav.responseEnd;
  });
}
