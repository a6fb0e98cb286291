// Phone width (390 × 844), in English and in Chinese: every main page is usable — no sideways
// scrolling, header items side by side without overlapping, the menu in a drawer that covers the
// page instead of squeezing it — with a screenshot of each (<page>-390-en / <page>-390-zh). In
// Chinese, the sync page's summary and a validation message are Chinese too.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { feedProducts, startFeedServer } from './support/feed-server.mjs';
import { PHONE, assertHeaderFits, assertNoHorizontalScroll } from './support/layout.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();
const PRODUCTS = feedProducts(4);
let feed;
let seller;
let productId;

before(async () => {
  feed = await startFeedServer({ products: PRODUCTS });
  // One shop with a synced catalog, for pages with data.
  seller = await sellerWithShop(env.url, 'phone');
  const { api, shop } = seller;
  await api.request('mutation($shopId: ID!) { setPluginEnabled(shopId: $shopId, name: "feed", enabled: true) { enabled } }', { shopId: shop.id });
  await api.request('mutation($shopId: ID!, $config: JSON!) { configurePlugin(shopId: $shopId, name: "feed", config: $config) { name } }', {
    shopId: shop.id,
    config: { url: feed.url, format: 'json' },
  });
  await api.request('mutation($shopId: ID!) { syncCatalog(shopId: $shopId, source: "feed") { id } }', { shopId: shop.id });
  const products = await eventually(
    'the synced products',
    async () => {
      const data = await api.request('query($id: ID!) { shop(id: $id) { products(first: 10) { nodes { id } } syncRuns(first: 1) { nodes { status } } } }', { id: shop.id });
      return data.shop.products.nodes.length === PRODUCTS.length && data.shop.syncRuns.nodes[0]?.status === 'SUCCEEDED' && data.shop.products.nodes;
    },
    { timeoutMs: 45_000 },
  );
  productId = products[0].id;
});
after(async () => {
  await feed?.close();
});

async function phonePage(lang) {
  const { context, page } = await env.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await page.setViewportSize(PHONE);
  await context.addInitScript((value) => window.localStorage.setItem('cloudcat.lang', value), lang);
  return { context, page };
}

/** Visit `path`, wait for its h1, and check and photograph it. */
async function check(page, name, path, lang, ready) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (ready) await ready();
  const what = `${name} at 390 px (${lang})`;
  await assertNoHorizontalScroll(page, what);
  if (await page.getByTestId('app-header').count()) await assertHeaderFits(page, what);
  await screenshot(page, `${name}-390-${lang}`);
}

for (const lang of ['en', 'zh']) {
  test(`every main page is usable at 390 px (${lang})`, async () => {
    const { page: anonymous } = await phonePage(lang);
    await check(anonymous, 'login', '/admin/login', lang);
    await check(anonymous, 'signup', '/admin/signup', lang);

    const { api, shop } = seller;
    const { context, page } = await phonePage(lang);
    await context.addCookies(api.browserCookies());
    const base = `/admin/shops/${shop.id}`;
    await check(page, 'shops', '/admin/shops', lang);
    await check(page, 'shop-new', '/admin/shops/new', lang);
    await check(page, 'plugins', `${base}/plugins`, lang, () => page.getByTestId('plugin-toggle-feed').waitFor());
    await check(page, 'catalog', `${base}/catalog`, lang, () => page.getByTestId('products-table').waitFor());
    await check(page, 'product', `${base}/catalog/${productId}`, lang, () => page.getByTestId('product-detail').waitFor());
    await check(page, 'sync', `${base}/sync`, lang, () => page.locator('[data-testid="sync-ledger"] tr[data-status="SUCCEEDED"]').first().waitFor());
    await check(page, 'jobs', `${base}/jobs`, lang, () => page.getByTestId('jobs-table').waitFor());
    await check(page, 'team', `${base}/team`, lang, () => page.getByTestId('team-table').waitFor());
    await check(page, 'keys', `${base}/keys`, lang, () => page.getByTestId('keys-table').waitFor());
    await check(page, 'settings', `${base}/settings`, lang);

    // The menu: a drawer over the page (the page keeps its width), its links lead on and close it.
    await page.goto(`${base}/plugins`);
    await page.getByTestId('plugin-toggle-feed').waitFor();
    const mainWidth = async () => (await page.locator('#main').boundingBox()).width;
    const before = await mainWidth();
    assert.ok(before >= PHONE.width - 2, `the page takes the whole width without the menu (${before})`);
    assert.equal(await page.locator('.ant-layout-sider').count(), 0, 'no side menu at phone width');
    await page.getByTestId('menu-button').click();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.waitFor();
    await drawer.getByRole('navigation').getByRole('link').first().waitFor();
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
    assert.equal(await mainWidth(), before, 'the open menu does not squeeze the page');
    await assertNoHorizontalScroll(page, `the open menu (${lang})`);
    await screenshot(page, `menu-390-${lang}`, { fullPage: false });
    await drawer.getByRole('link', { name: lang === 'zh' ? '同步' : 'Sync' }).click();
    await page.getByTestId('sync-ledger').waitFor();
    await drawer.waitFor({ state: 'hidden' });

    // A plugin's settings drawer fills the phone's width without scrolling sideways.
    await page.goto(`${base}/plugins?settings=feed`);
    await page.locator('#cfg-feed_url').waitFor();
    const box = await page.getByTestId('plugin-settings-drawer-feed').locator('.ant-drawer-section, .ant-drawer-content').first().boundingBox();
    assert.ok(box && box.width <= PHONE.width + 1, `the settings drawer fits the phone (${box?.width})`);
    await assertNoHorizontalScroll(page, `the settings drawer (${lang})`);
    await screenshot(page, `plugin-settings-390-${lang}`, { fullPage: false });
  });
}

test('in Chinese, the sync page and a validation message are Chinese', async () => {
  const { api, shop } = seller;
  const { context, page } = await phonePage('zh');
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/sync`);
  const card = page.getByTestId('sync-source-feed');
  await card.getByText(`商品：新增 ${PRODUCTS.length}`).waitFor();
  const run = page.locator('[data-testid="sync-ledger"] tr[data-status="SUCCEEDED"]').first();
  await run.getByText('成功').waitFor();
  const text = await page.locator('#main').innerText();
  for (const english of ['created', 'updated', 'unchanged', 'product:', 'Succeeded', 'Full', 'Incremental']) {
    assert.ok(!text.includes(english), `the Chinese sync page shows "${english}":\n${text}`);
  }

  // The jobs page says the finished sync's summary in Chinese too.
  await page.goto(`/admin/shops/${shop.id}/jobs`);
  await page.getByTestId('jobs-table').getByText(`商品：新增 ${PRODUCTS.length}`).first().waitFor();

  // A validation message of the plugin settings form, in Chinese.
  await page.goto(`/admin/shops/${shop.id}/plugins?settings=feed`);
  const url = page.locator('#cfg-feed_url');
  await url.waitFor();
  await url.fill('not a web address');
  await page.getByTestId('plugin-settings-save').click();
  const message = page.getByTestId('plugin-settings-drawer-feed').locator('.ant-form-item-explain-error').first();
  await message.waitFor();
  const words = await message.innerText();
  assert.match(words, /[\u4e00-\u9fff]/, `the validation message is Chinese: "${words}"`);
  await screenshot(page, 'validation-390-zh', { fullPage: false });
});
