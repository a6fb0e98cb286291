// The shop's public site in a real browser: home, a category, a product, search and a landing
// page of a demo-like shop (part of the bundled demo catalog, synced from a local feed), in both
// themes (the default theme for browsers, the mobile theme for in-app browsers), at desktop and
// phone width (390 px), in English and Chinese. Each page is checked (the right products, SKUs,
// prices, no sideways scrolling at 390 px, no script errors) and saved as a screenshot
// `site-<theme>-<page>-<width>-<lang>`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sellerWithShop } from './support/api.mjs';
import { eventually, screenshot } from './support/browser.mjs';
import { PHONE, assertNoHorizontalScroll } from './support/layout.mjs';
import { REPO_ROOT } from './support/server.mjs';
import { useE2E } from './support/setup.mjs';

const env = useE2E();
const WEIBO = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,2__weibo__14.1.0)';
const DESKTOP = { width: 1280, height: 860 };
const COLOURS = ['#7aa874', '#c9a36b', '#8e6c8a', '#5b8fb9', '#d17a5b', '#6b9e9e'];

/** The first `count` demo products with their categories and promotions, images served locally. */
function demoCatalog(count, imageBase) {
  const data = JSON.parse(readFileSync(path.join(REPO_ROOT, 'core', 'demo', 'catalog.json'), 'utf8'));
  const products = data.products.slice(0, count).map((p, i) => ({ ...p, image: [`${imageBase}/${i}.svg`] }));
  const ids = new Set(products.map((p) => p.id));
  const promotions = data.promotions
    .map((promotion) => ({ ...promotion, items: (promotion.items || []).filter((item) => ids.has(item.product)) }))
    .filter((promotion) => promotion.items.length);
  return { categories: data.categories, products, promotions };
}

function svg(index) {
  const colour = COLOURS[index % COLOURS.length];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800"><rect width="800" height="800" fill="${colour}"/><circle cx="400" cy="360" r="170" fill="#fff" opacity=".35"/><text x="400" y="650" font-size="90" text-anchor="middle" fill="#fff" font-family="sans-serif">No. ${index + 1}</text></svg>`;
}

let server;
let catalog;

before(async () => {
  server = createServer((request, response) => {
    const image = request.url.match(/^\/img\/(\d+)\.svg$/);
    if (image) {
      response.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(svg(Number(image[1])));
    } else if (request.url === '/feed.json') {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(catalog));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  catalog = demoCatalog(24, `http://127.0.0.1:${server.address().port}/img`);
});
after(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function demoShop() {
  const { api, shop } = await sellerWithShop(env.url, 'site');
  const feedUrl = `http://127.0.0.1:${server.address().port}/feed.json`;
  await api.request(
    'mutation($s: ID!, $c: JSON!) { configurePlugin(shopId: $s, name: "feed", config: $c) { name } }',
    { s: shop.id, c: { url: feedUrl, format: 'json' } },
  );
  for (const name of ['feed', 'default_theme', 'mobile_theme']) {
    await api.request('mutation($s: ID!, $n: String!) { setPluginEnabled(shopId: $s, name: $n, enabled: true) { enabled } }', { s: shop.id, n: name });
  }
  await api.request('mutation($s: ID!) { syncCatalog(shopId: $s, source: "feed") { id } }', { s: shop.id });
  await eventually('the synced products', async () => (await api.products(shop.id)).length === catalog.products.length, { timeoutMs: 60_000 });
  return { api, shop };
}

/** Publish a landing page through the content API; null when this build has none. */
async function landingPage(api, shop) {
  const blocks = [
    { type: 'hero', settings: { heading: 'Spring tea festival 春茶节', subheading: 'Fresh leaves, picked this week', button_label: 'Shop now', link: `/s/${shop.slug}/collections/tea` } },
    { type: 'countdown', settings: { promotion_id: catalog.promotions[0]?.id, heading: 'Offer ends in' } },
    { type: 'product_grid', settings: { source: 'rule', rule: { on_promotion: true, sort: 'price_asc' }, limit: 8, heading: 'On sale' } },
    { type: 'rich_text', settings: { html: '<p>Every tea is <strong>hand-picked</strong>.</p>' } },
  ];
  try {
    const created = await api.request(
      'mutation($s: ID!, $d: ContentDataInput!) { createContentPage(shopId: $s, kind: LANDING, handle: "spring", locale: "en", data: $d) { id handle } }',
      { s: shop.id, d: { title: 'Spring tea festival', blocks } },
    );
    await api.request('mutation($s: ID!, $id: ID!) { publishContent(shopId: $s, id: $id, locale: "en") { id } }', { s: shop.id, id: created.createContentPage.id });
    return `/pages/${created.createContentPage.handle}`;
  } catch (error) {
    if (/Cannot query field|Unknown type/.test(String(error.message))) return null;
    throw error;
  }
}

async function visit(context, url, what) {
  const page = await context.newPage();
  const response = await page.goto(url);
  assert.equal(response.status(), 200, `${what}: status`);
  await page.waitForLoadState('load');
  return page;
}

test('the demo-like site in both themes, at desktop and 390 px, in English and Chinese', async () => {
  const { api, shop } = await demoShop();
  const landing = await landingPage(api, shop);
  const base = `/s/${shop.slug}`;
  const product = catalog.products[0];
  const products = await api.request(
    'query($id: ID!) { shop(id: $id) { products(first: 50) { nodes { id externalId } } } }',
    { id: shop.id },
  );
  const productId = products.shop.products.nodes.find((p) => p.externalId === product.id).id;
  const pages = {
    home: `${base}/`,
    category: `${base}/collections/tea`,
    product: `${base}/products/${productId}`, // moves to the product's handle
    search: `${base}/search?q=${encodeURIComponent('Longjing')}`,
    ...(landing ? { landing: `${base}${landing}` } : {}),
  };
  const themes = { default: {}, mobile: { userAgent: WEIBO } };
  for (const [theme, agent] of Object.entries(themes)) {
    for (const [widthName, viewport] of [['desktop', DESKTOP], ['390', PHONE]]) {
      for (const lang of ['en', 'zh']) {
        const context = await env.browser.newContext({ ...agent, viewport, baseURL: env.url, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        env.contexts.push(context);
        const problems = [];
        context.problems = problems;
        context.on('page', (p) => p.on('pageerror', (e) => problems.push(e.message)));
        for (const [name, url] of Object.entries(pages)) {
          const what = `${theme} ${name} ${widthName} ${lang}`;
          const page = await visit(context, `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, what);
          assert.equal(await page.locator('html').getAttribute('lang'), lang === 'zh' ? 'zh-CN' : 'en', what);
          const stylesheet = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
          assert.ok(stylesheet.includes(theme === 'mobile' ? 'mobile_theme' : 'default_theme'), `${what}: ${stylesheet}`);
          if (name === 'home') {
            await page.getByText(catalog.products[1].title, { exact: true }).first().waitFor();
          }
          if (name === 'category') {
            const titles = await page.locator('.card-title').allTextContents();
            const inTea = catalog.products.filter((p) => p.categories.includes('tea')).map((p) => p.title);
            assert.deepEqual(titles, inTea, what);
          }
          if (name === 'product') {
            await page.locator('.product-title', { hasText: product.title }).waitFor();
            const skus = await page.locator('input[name=sku]').evaluateAll((inputs) => inputs.map((i) => i.value));
            assert.deepEqual(skus, product.variants.map((v) => v.id), what);
            await page.locator('label.sku').nth(2).click();
            const shown = await page.locator('.product-price').textContent();
            assert.ok(shown.includes(product.variants[2].price.replace(/\B(?=(\d{3})+(?!\d))/g, ',')) || shown.includes('¥'), `${what}: ${shown}`);
            const buy = page.locator('a.buy').first();
            assert.match(await buy.getAttribute('href'), /utm_source=cloudcat&utm_medium=site/);
          }
          if (name === 'search') {
            const titles = await page.locator('.card-title').allTextContents();
            assert.ok(titles.length > 0 && titles.every((t) => /longjing/i.test(t)), `${what}: ${titles}`);
          }
          if (widthName === '390') await assertNoHorizontalScroll(page, what);
          await screenshot(page, `site-${theme}-${name}-${widthName}-${lang}`);
          await page.close();
        }
        assert.deepEqual(problems, [], `${theme} ${widthName} ${lang}: script errors`);
      }
    }
  }
  if (!landing) test.diagnostic?.('no content API in this build: the landing page was not shown');
});
