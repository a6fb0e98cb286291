// Plugins: enable one with its toggle, fill its generated settings form with bad values (the
// error is shown at the field, from the browser's schema check and from the server), then good
// ones; the stored config is confirmed through GraphQL. Secrets are write-only.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

/** Open the plugins page of `shop` signed in as the seller of `api`. */
async function pluginsPage(api, shop) {
  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.getByTestId('plugin-feed').waitFor();
  return page;
}

/** Turn plugin `name` on with its switch; resolves once the server has it on. */
async function enable(page, api, shop, name) {
  const card = page.getByTestId(`plugin-${name}`);
  assert.equal(await card.getAttribute('data-enabled'), 'false');
  await page.getByTestId(`plugin-toggle-${name}`).click();
  // The switch flips at once (optimistic); the server's answer ends its loading state.
  await page.locator(`[data-testid="plugin-${name}"][data-enabled="true"]`).waitFor();
  await card.locator('.ant-switch-checked:not(.ant-switch-loading)').waitFor();
  await eventually(`${name} enabled on the server`, async () => (await api.shopPlugin(shop.id, name)).enabled);
}

async function openSettings(page, name) {
  await page.getByTestId(`plugin-settings-${name}`).click();
  const drawer = page.getByTestId(`plugin-settings-drawer-${name}`);
  await drawer.waitFor();
  return drawer;
}

/** The error text shown under the rjsf field `field` of plugin `name`. */
function fieldError(page, name, field) {
  return page.locator(`#cfg-${name}_${field}__error`);
}

test('enable the feed plugin, a bad URL and a bad currency are shown at their fields, a good config is saved', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'plugins');
  const page = await pluginsPage(api, shop);
  await screenshot(page, 'plugins');

  await enable(page, api, shop, 'feed');

  const drawer = await openSettings(page, 'feed');
  const url = page.locator('#cfg-feed_url');
  const currency = page.locator('#cfg-feed_default_currency');

  // 1. Not a URL: the form's schema check puts the error under the field; nothing is sent.
  await url.fill('not a url');
  await page.getByTestId('plugin-settings-save').click();
  await fieldError(page, 'feed', 'url').getByText(/uri/i).waitFor();
  await page.locator('.ant-form-item-has-error', { has: url }).last().waitFor(); // the field is marked
  await screenshot(page, 'plugin-settings-drawer-error', { fullPage: false });

  // 2. A URL, but a currency the server does not know: the server's field error, at its field.
  await url.fill('https://feeds.example.test/products.json');
  await currency.fill('XYZ');
  await page.getByTestId('plugin-settings-save').click();
  await fieldError(page, 'feed', 'default_currency').getByText(/unknown currency/i).waitFor();
  await drawer.getByText('Some of what you entered is not valid').waitFor();
  await eventually('no URL error any more', async () => (await fieldError(page, 'feed', 'url').count()) === 0 || (await fieldError(page, 'feed', 'url').innerText()).trim() === '');
  assert.deepEqual((await api.shopPlugin(shop.id, 'feed')).config, {}, 'nothing is stored when a field is bad');

  // 3. Good values: saved, the drawer closes.
  await currency.fill('usd');
  await screenshot(page, 'plugin-settings-drawer', { fullPage: false });
  await page.getByTestId('plugin-settings-save').click();
  await page.getByText('Settings of Product feed (JSON/CSV) saved.').waitFor();
  await drawer.waitFor({ state: 'hidden' });

  // Confirmed through GraphQL: the stored config, normalized by the server.
  const stored = await api.shopPlugin(shop.id, 'feed');
  assert.equal(stored.enabled, true);
  assert.equal(stored.config.url, 'https://feeds.example.test/products.json');
  assert.equal(stored.config.default_currency, 'USD');
  assert.equal(stored.config.format, 'auto');

  // Opening the settings again shows the stored values.
  const again = await openSettings(page, 'feed');
  assert.equal(await again.locator('#cfg-feed_url').inputValue(), 'https://feeds.example.test/products.json');
  assert.equal(await page.locator('#cfg-feed_default_currency').inputValue(), 'USD');
});

test('the webhook secret is checked by the server at its field, then stored write-only', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'webhook');
  const page = await pluginsPage(api, shop);
  await enable(page, api, shop, 'webhook');
  const drawer = await openSettings(page, 'webhook');

  const status = page.getByTestId('secret-status-secret');
  assert.equal(await status.getAttribute('data-set'), 'false');
  await page.locator('#cfg-webhook_url').fill('https://hooks.example.test/cloudcat');
  const secret = page.locator('#secret-secret');
  await secret.fill('short');
  await page.getByTestId('plugin-settings-save').click();
  await page.locator('#secret-secret-error').getByText(/at least 16 characters/).waitFor();
  assert.equal(await secret.getAttribute('aria-invalid'), 'true');
  const refused = await api.shopPlugin(shop.id, 'webhook');
  assert.deepEqual(refused.secretsSet, []);
  assert.deepEqual(refused.config, {});

  const value = 'a-long-enough-shared-secret-0123';
  await secret.fill(value);
  await page.getByTestId('plugin-settings-save').click();
  await drawer.waitFor({ state: 'hidden' });

  const stored = await api.shopPlugin(shop.id, 'webhook');
  assert.equal(stored.config.url, 'https://hooks.example.test/cloudcat');
  assert.deepEqual(stored.secretsSet, ['secret']);
  assert.ok(!JSON.stringify(stored.config).includes(value), 'the secret is never echoed back');

  // Reopened: the secret shows as set, its input is empty, the value is nowhere on the page.
  await openSettings(page, 'webhook');
  await page.locator('[data-testid="secret-status-secret"][data-set="true"]').waitFor();
  assert.equal(await page.locator('#secret-secret').inputValue(), '');
  assert.ok(!(await page.content()).includes(value));
});
