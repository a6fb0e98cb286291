// Sign up in the browser, create the first shop, land on its home page; the account and the
// shop are confirmed through GraphQL. Also: signing in again after signing out, and a session
// that ends while the seller works.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Api, PASSWORD, sellerWithShop, unique } from './support/api.mjs';
import { screenshot } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

test('a new seller signs up, creates a shop and lands on its home page', async () => {
  const { page } = await env.page();
  const email = `${unique('signup')}@example.test`;
  const shopName = `Teahouse ${unique('t')}`;

  await page.goto('/admin/');
  // Not signed in: the app sends the browser to the login page.
  await page.waitForURL(/\/admin\/login/);
  await page.getByRole('heading', { name: 'Sign in to CloudCat' }).waitFor();
  await screenshot(page, 'login');

  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByRole('heading', { name: 'Create your CloudCat account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Your name').fill('E2E Seller');
  await page.getByLabel('Password').fill(PASSWORD);
  await screenshot(page, 'signup');
  await page.getByRole('button', { name: 'Create account' }).click();

  // No shop yet: the picker shows the create form.
  await page.getByRole('heading', { name: 'Create a shop' }).waitFor();
  await page.getByLabel('Shop name').fill(shopName);
  const slug = await page.getByLabel('Shop address (slug)').inputValue();
  assert.match(slug, /^[a-z0-9][a-z0-9-]*$/, 'the slug is filled in from the name');
  await page.getByRole('button', { name: 'Create shop' }).click();

  await page.waitForURL(/\/admin\/shops\/[^/]+\/home$/);
  await page.getByTestId('home-checklist').waitFor();
  const shopId = new URL(page.url()).pathname.split('/')[3];
  await page.getByTestId('shop-switcher').getByText(shopName).waitFor();

  // The server has the account and the shop, owned by this seller.
  const api = new Api(env.url);
  const me = await api.logIn(email);
  assert.equal(me.email, email);
  const data = await api.request('query { shops { nodes { id slug name viewerRole } } }');
  assert.deepEqual(data.shops.nodes, [{ id: shopId, slug, name: shopName, viewerRole: 'OWNER' }]);
});

test('a seller signs out and back in, and returns to the shop', async () => {
  const api = new Api(env.url);
  const email = `${unique('login')}@example.test`;
  await api.signUp(email);
  const shop = await api.createShop(unique('shop'), 'Login Shop');

  const { page } = await env.page();
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  // The deep link needs a session: login, then back to where the seller was going.
  await page.waitForURL(/\/admin\/login\?next=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('The email or password is not right.').waitFor();

  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/admin/shops/${shop.id}/plugins$`));
  await page.getByTestId('plugin-feed').waitFor();

  await page.getByTestId('logout').click();
  await page.waitForURL(/\/admin\/login/);
  // The session is gone on the server too: the deep link asks to sign in again.
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.waitForURL(/\/admin\/login\?next=/);
});

test('a session that ends while the seller works: the next action leads to the login page, then back', async () => {
  const { api, email, shop } = await sellerWithShop(env.url, 'expiry');
  const { context, page } = await env.page();
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/jobs`);
  await page.getByTestId('jobs-table').waitFor();

  // The very session the browser holds ends on the server (as when it expires or is revoked).
  await api.request('mutation { logOut }');

  // The next request the page makes is refused: the login page, remembering where the seller was.
  await page.getByTestId('jobs-refresh').click();
  await page.waitForURL(new RegExp(`/admin/login\\?next=${encodeURIComponent(`/shops/${shop.id}/jobs`)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/admin/shops/${shop.id}/jobs$`));
  await page.getByTestId('jobs-table').waitFor();
});
