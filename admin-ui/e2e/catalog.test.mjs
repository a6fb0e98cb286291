// Catalog: "Sync now" on the sync page fills the catalog from a local feed and the ledger shows
// the run; the catalog page searches a product, its detail page shows the synced fields and
// saves a CloudCat-owned title (confirmed through GraphQL).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible } from './support/a11y.mjs';
import { sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { feedProducts, startFeedServer } from './support/feed-server.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();
const PRODUCTS = feedProducts(12);
let feed;

before(async () => {
  feed = await startFeedServer({ products: PRODUCTS });
});
after(async () => {
  await feed?.close();
});

async function productByExternalId(api, shopId, externalId) {
  const data = await api.request(
    'query($id: ID!, $search: String!) { shop(id: $id) { products(first: 5, filter: { search: $search }) { nodes { id externalId title marketplaceTitle content { title } } } } }',
    { id: shopId, search: externalId },
  );
  return data.shop.products.nodes.find((p) => p.externalId === externalId);
}

test('sync from the feed, search the catalog, edit a product title', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'catalog');
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

  // The sync page: start a sync, follow it to the end, the ledger shows the finished run.
  await page.goto(`/admin/shops/${shop.id}/sync`);
  await page.getByTestId('sync-ledger').waitFor();
  await page.getByTestId('sync-now-feed').click();
  await page.locator('[data-testid="sync-status-feed"][data-state="SUCCEEDED"]').waitFor({ timeout: 30_000 });
  const run = page.locator('[data-testid="sync-ledger"] tr[data-status="SUCCEEDED"]').first();
  await run.waitFor({ timeout: 30_000 });
  await run.getByText('Succeeded').waitFor();
  await page.getByTestId('sync-source-feed').getByText(`products: ${PRODUCTS.length} created`).first().waitFor();
  await screenshot(page, 'sync');
  await assertAccessible(page, 'the sync page with a finished run');
  const products = await eventually('the synced products', async () => {
    const list = await api.products(shop.id);
    return list.length === PRODUCTS.length && list;
  });
  assert.equal(products.length, PRODUCTS.length);

  // The catalog page, through the menu: search narrows the table to one product.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByTestId('products-table').waitFor();
  const kettle = await productByExternalId(api, shop.id, 'p4');
  assert.equal(kettle.title, 'Kettle 4');
  await page.getByTestId(`product-row-${kettle.id}`).waitFor();
  const search = page.getByRole('searchbox', { name: 'Search title, id or SKU' });
  await search.fill('Kettle 4');
  await search.press('Enter');
  await page.locator('[data-testid="products-table"] tbody tr[data-testid^="product-row-"]').first().waitFor();
  await eventually('one product row', async () => (await page.locator('tbody tr[data-testid^="product-row-"]').count()) === 1);
  const row = page.getByTestId(`product-row-${kettle.id}`);
  await row.getByText('CNY 15.50').waitFor();
  await row.getByText('Active').waitFor();
  await screenshot(page, 'catalog');
  await assertAccessible(page, 'the catalog page with products');

  // The detail page: synced fields read-only, the owned title saved.
  await row.getByRole('link', { name: 'Kettle 4' }).click();
  await page.getByTestId('product-detail').waitFor();
  await page.getByTestId('product-marketplace').getByText('Kettle 4').waitFor();
  await page.getByTestId('variants-table').waitFor();
  await page.getByTestId('content-title').fill('Copper kettle');
  await page.getByTestId('content-save').click();
  await page.getByText('The content is saved.').waitFor();
  await page.getByTestId('product-title').getByText('Copper kettle').waitFor();
  await screenshot(page, 'product');
  await assertAccessible(page, 'the product page');

  // Confirmed through GraphQL: the owned title is set, the marketplace title kept.
  const saved = await productByExternalId(api, shop.id, 'p4');
  assert.equal(saved.title, 'Copper kettle');
  assert.equal(saved.content.title, 'Copper kettle');
  assert.equal(saved.marketplaceTitle, 'Kettle 4');
});
