// Language: English for an English browser, Chinese after the switch (kept across reloads), and
// Chinese by default for a Chinese browser.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible } from './support/a11y.mjs';
import { sellerWithShop } from './support/api.mjs';
import { screenshot } from './support/browser.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();

test('switching the language to Chinese translates the page, and the choice is kept', async () => {
  const { api, shop } = await sellerWithShop(env.url, 'lang');
  const { context, page } = await env.page({ locale: 'en-US' });
  await context.addCookies(api.browserCookies());
  await page.goto(`/admin/shops/${shop.id}/plugins`);
  await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Marketplace sources' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang').then((l) => l?.slice(0, 2)), 'en');

  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByRole('heading', { name: '插件', level: 1 }).waitFor();
  await page.getByRole('heading', { name: '电商平台数据源' }).waitFor();
  await page.getByText('为此店铺启用并配置插件。').waitFor();
  await page.getByRole('button', { name: /退出登录/ }).waitFor();
  assert.match((await page.locator('html').getAttribute('lang')) ?? '', /^zh/);
  assert.equal(await page.getByRole('heading', { name: 'Marketplace sources' }).count(), 0, 'no English heading is left');
  await screenshot(page, 'plugins-zh');
  await assertAccessible(page, 'the plugins page in Chinese');

  // Kept across a reload.
  await page.reload();
  await page.getByRole('heading', { name: '插件', level: 1 }).waitFor();

  // And back.
  await page.getByTestId('lang-switch').getByText('English').click();
  await page.getByRole('heading', { name: 'Plugins', level: 1 }).waitFor();
});

test('a Chinese browser gets Chinese by default, on the login page too', async () => {
  const { page } = await env.page({ locale: 'zh-CN' });
  await page.goto('/admin/login');
  await page.getByRole('heading', { name: '登录云猫' }).waitFor();
  await screenshot(page, 'login-zh');
  await assertAccessible(page, 'the login page in Chinese');
});
