// Jobs: "sync now" on the feed plugin starts a catalog sync; the jobs page shows it running with
// a progress bar, then succeeded at 100%; the products arrived (confirmed through GraphQL).
// The feed comes from a local HTTP server that holds the worker's request until the test has
// seen the job running, so the "running" state is observed without sleeping.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible } from './support/a11y.mjs';
import { sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { feedProducts, startFeedServer } from './support/feed-server.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();
const PRODUCTS = feedProducts(40);
let feed;

before(async () => {
  feed = await startFeedServer({ products: PRODUCTS });
});
after(async () => {
  await feed?.close();
});

test('sync now on the feed plugin: the job runs, its progress finishes, the products arrive', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'jobs');
  await api.request(
    'mutation($shopId: ID!) { setPluginEnabled(shopId: $shopId, name: "feed", enabled: true) { enabled } }',
    { shopId: shop.id },
  );
  await api.request(
    'mutation($shopId: ID!, $config: JSON!) { configurePlugin(shopId: $shopId, name: "feed", config: $config) { name } }',
    { shopId: shop.id, config: { url: feed.url, format: 'json' } },
  );

  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.locator('[data-testid="plugin-feed"][data-enabled="true"]').waitFor();

  // Start the sync and hold the feed while the job runs.
  feed.hold();
  const held = feed.held();
  await page.getByTestId('sync-now-feed').click();
  await held;
  const job = await eventually('the sync job', async () => (await api.jobs(shop.id)).find((j) => j.kind === 'catalog.sync'));

  // The plugins page follows the sync it started.
  const status = page.getByTestId('sync-status-feed');
  await page.locator('[data-testid="sync-status-feed"][data-state="RUNNING"]').waitFor();
  await status.getByText('Running').waitFor();

  // The jobs page lists it, running, with its progress bar.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByTestId('jobs-table').waitFor();
  const row = page.getByTestId(`job-row-${job.id}`);
  await page.locator(`[data-testid="job-row-${job.id}"][data-state="RUNNING"]`).waitFor();
  await row.getByText('Running').waitFor();
  const progress = page.getByTestId(`job-progress-${job.id}`);
  await progress.waitFor();
  assert.equal(await progress.getAttribute('data-state'), 'RUNNING');
  await row.getByText('reading feed').waitFor();
  await screenshot(page, 'jobs-running');
  await assertAccessible(page, 'the jobs page with a running job');

  // Let the feed through: the page follows the job to the end by itself (no reload).
  feed.release();
  await page.locator(`[data-testid="job-row-${job.id}"][data-state="SUCCEEDED"]`).waitFor({ timeout: 30_000 });
  await row.getByText('Succeeded').waitFor();
  await page.locator(`[data-testid="job-progress-${job.id}"][data-state="SUCCEEDED"]`).waitFor();
  await progress.getByText('100%').waitFor();
  // The finished sync's summary, said by the UI from the job's result.
  await row.getByText(`products: ${PRODUCTS.length} created`).waitFor();
  await screenshot(page, 'jobs');
  await assertAccessible(page, 'the jobs page with a finished job');

  // Confirmed through GraphQL: the job succeeded and the products are in the catalog.
  const done = (await api.jobs(shop.id)).find((j) => j.id === job.id);
  assert.equal(done.state, 'SUCCEEDED');
  assert.equal(done.progress.fraction, 1);
  const products = await api.products(shop.id);
  assert.equal(products.length, PRODUCTS.length);
  const teapot = products.find((p) => p.externalId === 'p1');
  assert.equal(teapot.title, 'Teapot 1');
  assert.deepEqual(teapot.price, { amount: '12.50', currencyCode: 'CNY' });
});
