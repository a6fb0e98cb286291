// Operator pages (issue 8), in the real browser: only an operator sees the operator menu entry;
// the shops page searches and suspends a shop (reason, confirmation), whose team then sees the
// banner; resuming lifts it; the plugin app settings page shows each plugin's app-level form.
//
// They need the server's side of issue 8 (operators, `cloudcat operator grant`): the run seeds an
// operator only when the server has it (support/server.mjs), and these tests skip otherwise.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible } from './support/a11y.mjs';
import { Api, sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { PHONE, assertHeaderFits, assertNoHorizontalScroll } from './support/layout.mjs';
import { OPERATOR } from './support/server.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

function skipWithoutOperators(t) {
  if (env.operator) return false;
  console.log('# operator e2e skipped: this server has no operators yet (schema/sdl/admin.graphql without operatorShops, or no `cloudcat operator` command); run after merging the server side of issue 8');
  t.skip('the server has no operators');
  return true;
}

async function operatorApi() {
  const api = new Api(env.url);
  await api.logIn(OPERATOR.email, OPERATOR.password);
  return api;
}

test('an operator suspends a shop with a reason, its team sees the banner, and resumes it', async (t) => {
  if (skipWithoutOperators(t)) return;
  const { api: seller, shop } = await sellerWithShop(env.url, 'suspended');
  const operator = await operatorApi();

  // A seller has no operator entry, and the operator page refuses them.
  const { context: sellerContext, page: sellerPage } = await env.page();
  await sellerContext.addCookies(seller.browserCookies());
  await sellerPage.goto(`/admin/shops/${shop.id}/plugins`);
  await sellerPage.getByTestId('plugin-toggle-feed').waitFor();
  assert.equal(await sellerPage.getByTestId('nav-operator-shops').count(), 0, 'no operator entry for a seller');
  await sellerPage.goto('/admin/operator/shops');
  await sellerPage.getByTestId('operator-forbidden').waitFor();

  const { context, page } = await env.page();
  await context.addCookies(operator.browserCookies());
  await page.goto('/admin/shops');
  await page.getByTestId('nav-operator-shops').click();
  await page.getByRole('heading', { name: 'Shops on this deployment', level: 1 }).waitFor();
  await page.getByTestId('operator-shop-search').locator('input').fill(shop.slug);
  const card = page.getByTestId(`operator-shop-${shop.slug}`);
  await card.waitFor();
  await assertAccessible(page, 'the operator shops page');
  await screenshot(page, 'operator-shops');

  await page.getByTestId(`suspend-${shop.slug}`).click();
  await page.getByTestId('suspend-reason').fill('Unpaid invoice');
  await page.getByTestId('suspend-confirm').click();
  await page.locator(`[data-testid="operator-shop-${shop.slug}"][data-suspended="true"]`).waitFor();
  await card.getByText('Unpaid invoice').waitFor();
  const suspended = await eventually('the shop suspended', async () => {
    const data = await operator.request('query($q: String!) { operatorShops(search: $q) { nodes { shop { id } suspended suspendedReason } } }', { q: shop.slug });
    const row = data.operatorShops.nodes.find((n) => n.shop.id === shop.id);
    return row?.suspended && row;
  });
  assert.equal(suspended.suspendedReason, 'Unpaid invoice');

  // The seller's pages carry the banner with the reason.
  await sellerPage.goto(`/admin/shops/${shop.id}/plugins`);
  await sellerPage.getByTestId('shop-suspended').waitFor();
  await sellerPage.getByTestId('shop-suspended-reason').getByText('Unpaid invoice').waitFor();
  await screenshot(sellerPage, 'shop-suspended');

  await page.getByTestId(`resume-${shop.slug}`).click();
  await page.getByTestId('resume-confirm').click();
  await page.locator(`[data-testid="operator-shop-${shop.slug}"][data-suspended="false"]`).waitFor();
  await sellerPage.reload();
  await sellerPage.getByTestId('plugin-toggle-feed').waitFor();
  assert.equal(await sellerPage.getByTestId('shop-suspended').count(), 0, 'no banner once resumed');
});

test('the plugin app settings page shows app-level forms, at 390 px too', async (t) => {
  if (skipWithoutOperators(t)) return;
  const operator = await operatorApi();
  const { context, page } = await env.page();
  await context.addCookies(operator.browserCookies());
  await page.goto('/admin/operator/plugins');
  await page.getByRole('heading', { name: 'Plugin app settings', level: 1 }).waitFor();
  await page.locator('[data-testid^="app-plugin-"]').first().waitFor();
  await assertAccessible(page, 'the operator plugins page');
  await screenshot(page, 'operator-plugins');

  for (const lang of ['en', 'zh']) {
    const { context: phone, page: small } = await env.page({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    await small.setViewportSize(PHONE);
    await phone.addInitScript((value) => window.localStorage.setItem('cloudcat.lang', value), lang);
    await phone.addCookies(operator.browserCookies());
    for (const [name, path] of [
      ['operator-shops', '/admin/operator/shops'],
      ['operator-plugins', '/admin/operator/plugins'],
    ]) {
      await small.goto(path);
      await small.getByRole('heading', { level: 1 }).waitFor();
      await assertNoHorizontalScroll(small, `${name} at 390 px (${lang})`);
      await assertHeaderFits(small, `${name} at 390 px (${lang})`);
      await screenshot(small, `${name}-390-${lang}`);
    }
  }
});
