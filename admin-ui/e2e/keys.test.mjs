// Keys: the owner creates a storefront key on the keys page (its value shown once), the key
// works on the storefront API, the owner revokes it, and it stops working at once; every step is
// confirmed through GraphQL.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sellerWithShop, storefrontShop } from './support/api.mjs';
import { screenshot } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

test('create a storefront key (shown once), then revoke it: it stops working', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'keys');
  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());

  // Through the menu, as a seller would.
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'API keys' }).click();
  await page.waitForURL(new RegExp(`/admin/shops/${shop.id}/keys$`));
  const table = page.getByTestId('keys-table');
  await table.waitFor();

  // Create: a name, then the value once.
  const name = 'Mini program';
  await page.getByTestId('create-storefront-key').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await page.getByTestId('create-key-submit').click();
  const secretLocator = page.getByTestId('created-secret');
  await secretLocator.waitFor();
  const secret = (await secretLocator.innerText()).trim();
  assert.match(secret, /^\S{20,}$/, 'the key value is shown');
  await screenshot(page, 'keys-created', { fullPage: false });

  // Confirmed through GraphQL: one live key, whose prefix starts the value; the value works.
  const [stored] = await api.storefrontKeys(shop.id);
  assert.equal(stored.name, name);
  assert.equal(stored.revokedAt, null);
  assert.ok(secret.startsWith(stored.prefix), `${stored.prefix} starts the shown key`);
  assert.deepEqual(await storefrontShop(env.url, secret), { status: 200, slug: shop.slug });

  // Done: the value is gone from the page for good; the row shows the prefix only.
  await page.getByTestId('secret-done').click();
  await secretLocator.waitFor({ state: 'detached' });
  const row = page.getByTestId(`key-row-${stored.id}`);
  await row.getByText(name).waitFor();
  await row.getByText('Active').waitFor();
  assert.ok(!(await page.content()).includes(secret), 'the key is not on the page any more');
  await screenshot(page, 'keys');

  // Revoke, confirm.
  await page.getByTestId(`revoke-${stored.id}`).click();
  await page.getByTestId('revoke-confirm').click();
  await page.locator(`[data-testid="key-row-${stored.id}"][data-revoked="true"]`).waitFor();
  await row.getByText('Revoked').waitFor();
  assert.equal(await page.getByTestId(`revoke-${stored.id}`).count(), 0, 'no revoke button on a revoked key');

  // Confirmed through GraphQL and the storefront API: revoked, and refused at once.
  const [revoked] = await api.storefrontKeys(shop.id);
  assert.equal(revoked.id, stored.id);
  assert.ok(revoked.revokedAt, 'revokedAt is set');
  const refused = await storefrontShop(env.url, secret);
  assert.equal(refused.status, 401);
  assert.equal(refused.slug, null);

  // Still revoked after a reload (the page shows the server's state, not just its own).
  await page.reload();
  await page.locator(`[data-testid="key-row-${stored.id}"][data-revoked="true"]`).waitFor();
});
