// Roles: an editor (added by the owner through GraphQL addMember) does not see the owner-only
// sections in the menu and cannot reach them by deep link; the server refuses anyway.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Api, GraphQLError, sellerWithShop, unique } from './support/api.mjs';
import { screenshot } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

/** The shop's section menu (the side navigation). */
function menu(page) {
  return page.getByRole('navigation', { name: 'Main menu' });
}

test('an editor cannot see or reach the owner-only keys page', async () => {
  const { api: owner, shop } = await sellerWithShop(env.url, 'owner');
  const editor = new Api(env.url);
  const editorEmail = `${unique('editor')}@example.test`;
  await editor.signUp(editorEmail);
  const member = await owner.addMember(shop.id, editorEmail, 'EDITOR');
  assert.equal(member.role, 'EDITOR');

  // The owner sees the keys entry (the control for the check below).
  {
    const { context, page } = await env.page();
    await context.addCookies(owner.browserCookies());
    await page.goto(`/admin/shops/${shop.id}/plugins`);
    await menu(page).getByRole('link', { name: 'API keys' }).waitFor();
    await context.close();
  }

  const { context, page } = await env.page();
  await context.addCookies(editor.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.getByTestId('plugin-feed').waitFor();
  await menu(page).getByRole('link', { name: 'Plugins' }).waitFor();
  await page.getByText('Editor', { exact: true }).first().waitFor(); // the role tag in the header
  assert.equal(await menu(page).getByRole('link', { name: 'API keys' }).count(), 0, 'no keys entry for an editor');
  assert.equal(await menu(page).locator('a[href$="/keys"]').count(), 0);
  // An editor still works with plugins: the toggle is there and enabled.
  assert.equal(await page.getByTestId('plugin-toggle-feed').isDisabled(), false);

  // Deep link: a no-permission result, and none of the keys page's controls.
  await page.goto(`/admin/shops/${shop.id}/keys`);
  await page.getByTestId('keys-forbidden').getByText('You need the owner role').waitFor();
  assert.equal(await page.getByTestId('keys-table').count(), 0);
  assert.equal(await page.getByTestId('create-storefront-key').count(), 0);
  await screenshot(page, 'keys-editor-no-permission');

  // The shop's settings and team: shown read-only, without the owner's controls.
  await page.goto(`/admin/shops/${shop.id}/settings`);
  await page.getByTestId('settings-read-only').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save' }).count(), 0, 'no settings form for an editor');
  await page.goto(`/admin/shops/${shop.id}/team`);
  await page.getByTestId('team-read-only').waitFor();
  await page.getByTestId('team-table').waitFor();
  assert.equal(await page.getByTestId('add-member').count(), 0, 'an editor cannot add members');

  // The server refuses all of it anyway.
  await assert.rejects(
    editor.request('mutation($id: ID!) { updateShop(id: $id, input: { name: "Taken over" }) { name } }', { id: shop.id }),
    (error) => error instanceof GraphQLError && error.errors[0].extensions?.code === 'FORBIDDEN',
  );
  await assert.rejects(
    editor.request('mutation($shopId: ID!) { createStorefrontKey(shopId: $shopId, name: "sneaky") { key } }', { shopId: shop.id }),
    (error) => error instanceof GraphQLError && error.errors[0].extensions?.code === 'FORBIDDEN',
  );
  await assert.rejects(
    editor.request('query($id: ID!) { shop(id: $id) { storefrontKeys { id } } }', { id: shop.id }),
    (error) => error instanceof GraphQLError && error.errors[0].extensions?.code === 'FORBIDDEN',
  );
});
