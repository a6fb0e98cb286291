// Accessibility basics, checked in the browser: every main page passes axe-core's WCAG 2.1 A/AA
// rules (labels on every control, names on buttons and links, valid ARIA, contrast, ...), and the
// seller can sign in, switch a plugin and fill its settings form with the keyboard alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessibilityViolations } from './support/a11y.mjs';
import { PASSWORD, sellerWithShop } from './support/api.mjs';
import { eventually } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

/** The data-testid of the focused element ('' when it has none). */
function activeTestId(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
}

test('the main pages pass axe-core WCAG 2.1 A/AA checks', async () => {
  const problems = [];
  const scan = async (page, what) => {
    for (const found of await accessibilityViolations(page)) problems.push(`${what}: ${found}`);
  };
  const { page: anonymous } = await env.page();
  await anonymous.goto('/admin/login');
  await anonymous.getByRole('heading', { name: 'Sign in to CloudCat' }).waitFor();
  await scan(anonymous, 'the login page');
  await anonymous.goto('/admin/signup');
  await anonymous.getByRole('button', { name: /create account/i }).waitFor();
  await scan(anonymous, 'the sign-up page');

  const { api, shop } = await sellerWithShop(env.url, 'a11y');
  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());
  const sections = [
    ['plugins', () => page.getByTestId('plugin-toggle-feed').waitFor()],
    ['catalog', () => page.getByRole('heading', { name: 'Catalog', level: 1 }).waitFor()],
    ['sync', () => page.getByRole('heading', { name: /sync/i, level: 1 }).waitFor()],
    ['jobs', () => page.getByTestId('jobs-table').waitFor()],
    ['team', () => page.getByTestId('team-table').waitFor()],
    ['keys', () => page.getByTestId('keys-table').waitFor()],
    ['settings', () => page.getByRole('button', { name: 'Save' }).waitFor()],
  ];
  for (const [section, ready] of sections) {
    await page.goto(`/admin/shops/${shop.id}/${section}`);
    await ready();
    await scan(page, `the ${section} page`);
  }
  await page.goto('/admin/shops');
  await page.getByRole('heading', { name: 'Your shops' }).waitFor();
  await scan(page, 'the shop picker');
  await page.goto('/admin/shops/new');
  await page.getByRole('button', { name: 'Create shop' }).waitFor();
  await scan(page, 'the create-shop page');

  // A plugin's settings drawer: the generated form.
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.getByTestId('plugin-settings-feed').click();
  await page.locator('#cfg-feed_url').waitFor();
  await scan(page, "the feed plugin's settings drawer");
  assert.deepEqual(problems, [], `accessibility violations:\n${problems.join('\n')}`);
});

test('a seller signs in, switches a plugin on and fills its settings with the keyboard alone', async () => {
  const { api, email, shop } = await sellerWithShop(env.url, 'keys');
  const { page } = await env.page();
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  const emailField = page.getByLabel('Email');
  await emailField.waitFor();
  await emailField.focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('plugin-toggle-feed').waitFor();

  // Tab from the search field to the first plugin's switch, and press Space.
  await page.getByLabel('Search plugins').focus();
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'plugin-toggle-feed'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await activeTestId(page);
  }
  assert.equal(focused, 'plugin-toggle-feed', 'Tab reaches the first plugin switch');
  await page.keyboard.press('Space');
  await eventually('the feed plugin enabled', async () => (await api.shopPlugin(shop.id, 'feed'))?.enabled === true);

  // Its settings: Tab to the Settings button, Enter opens the drawer and moves the focus into it,
  // Escape closes it and gives the focus back to the button.
  for (let i = 0; i < 10 && focused !== 'plugin-settings-feed'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await activeTestId(page);
  }
  assert.equal(focused, 'plugin-settings-feed', 'Tab reaches the Settings button');
  const drawer = page.getByTestId('plugin-settings-drawer-feed');
  // Named by its label alone: no "*" of the required mark read out with it.
  const url = page.getByRole('textbox', { name: 'Feed URL', exact: true });
  await page.keyboard.press('Enter');
  await url.waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await eventually('the focus back on the Settings button', async () => (await activeTestId(page)) === 'plugin-settings-feed');

  // Again, and this time fill the URL: Tab past the drawer's Close button to the first field,
  // type, and Enter submits the form.
  await page.keyboard.press('Enter');
  await url.waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Close');
  await page.keyboard.press('Tab');
  assert.equal(await url.evaluate((node) => node === document.activeElement), true, 'the focus is on the feed URL');
  await page.keyboard.type('https://feeds.example.test/catalog.json');
  await page.keyboard.press('Enter');
  await page.getByText('Settings of Product feed (JSON/CSV) saved.').waitFor();
  await drawer.waitFor({ state: 'hidden' });
  assert.equal((await api.shopPlugin(shop.id, 'feed')).config.url, 'https://feeds.example.test/catalog.json');
});

test("a key in the keys table is revoked with the keyboard alone, the confirmation's buttons included", async () => {
  const { api, shop } = await sellerWithShop(env.url, 'kbkeys');
  const created = await api.request(
    'mutation($shopId: ID!) { createStorefrontKey(shopId: $shopId, name: "Keyboard key") { storefrontKey { id } } }',
    { shopId: shop.id },
  );
  const { id } = created.createStorefrontKey.storefrontKey;
  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/keys`);
  await page.getByTestId(`key-row-${id}`).waitFor();

  // From the table's first control, Tab through the rows to the key's Revoke button.
  await page.getByTestId('keys-table').locator('button, a, input').first().focus();
  let focused = await activeTestId(page);
  for (let i = 0; i < 15 && focused !== `revoke-${id}`; i += 1) {
    await page.keyboard.press('Tab');
    focused = await activeTestId(page);
  }
  assert.equal(focused, `revoke-${id}`, 'Tab reaches the Revoke button in the row');
  await page.keyboard.press('Enter');
  // The confirmation takes the focus; Tab to its Revoke button and press it.
  const confirm = page.getByTestId('revoke-confirm');
  await confirm.waitFor();
  for (let i = 0; i < 5 && (await activeTestId(page)) !== 'revoke-confirm'; i += 1) await page.keyboard.press('Tab');
  assert.equal(await activeTestId(page), 'revoke-confirm', 'Tab reaches the confirmation button');
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="key-row-${id}"][data-revoked="true"]`).waitFor();
  const [stored] = await api.storefrontKeys(shop.id);
  assert.ok(stored.revokedAt, 'revoked on the server');
});
