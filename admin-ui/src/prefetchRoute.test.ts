import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearPrefetched, takePrefetched } from './api/prefetch';
import { ShopOverviewQuery } from './home/operations';
import { ShopPluginsQuery } from './pages/plugins/operations';
import { prefetchRoute } from './prefetchRoute';
import { ShopQuery } from './shop/operations';
import { fakeServer } from './test/fakeServer';

// The page chunks are not what is tested here: loading them is stubbed.
vi.mock('./routes', () => ({
  ShopScope: { preload: () => Promise.resolve() },
  PluginsPage: { preload: () => Promise.resolve() },
  HomePage: { preload: () => Promise.resolve() },
}));

const shopAnswer = (role: string) => () => ({ shop: { id: 's1', name: 'Shop', slug: 'shop', viewerRole: role } });
const handlers = (role: string) => ({
  Shop: shopAnswer(role),
  Me: () => ({ me: { id: 'u1', email: 'a@b.c', name: 'A' } }),
  ShopPlugins: () => ({ shop: { id: 's1', plugins: [] } }),
  ShopOverview: () => ({ shopOverview: { siteUrl: 'http://x/s/shop/', siteQrSvg: '<svg/>', productsPublished: 0, pagesPublished: 0, lastSync: null, steps: [] } }),
});

afterEach(() => {
  clearPrefetched();
  vi.unstubAllGlobals();
});

describe('prefetchRoute', () => {
  it("starts a shop deep link's queries at once, the editable plugin state among them", async () => {
    const calls = fakeServer(handlers('OWNER'));
    prefetchRoute('/admin/shops/s1/plugins', '/admin');
    expect(calls.map((c) => c.operation)).toEqual(['Shop', 'Me', 'ShopPlugins']);
    expect(calls[2].variables).toEqual({ shopId: 's1', canEdit: true });
    await expect(takePrefetched(ShopPluginsQuery, { shopId: 's1', canEdit: true })).resolves.toMatchObject({ shop: { id: 's1' } });
    await takePrefetched(ShopQuery, { id: 's1' }); // the shop has answered: the role is known
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(3); // and nothing more is asked for an owner
  });

  it('asks for the read-only plugin state once the shop says the viewer is an analyst', async () => {
    const calls = fakeServer(handlers('ANALYST'));
    prefetchRoute('/admin/shops/s1/plugins', '/admin');
    await vi.waitFor(() => expect(calls.map((c) => c.operation)).toEqual(['Shop', 'Me', 'ShopPlugins', 'ShopPlugins']));
    expect(calls[3].variables).toEqual({ shopId: 's1', canEdit: false });
    await expect(takePrefetched(ShopPluginsQuery, { shopId: 's1', canEdit: false })).resolves.toMatchObject({ shop: { id: 's1' } });
  });

  it.each(['/admin/shops/s1', '/admin/shops/s1/home/'])("starts the home page's queries for %s (a shop's landing page)", async (path) => {
    const calls = fakeServer(handlers('ANALYST'));
    prefetchRoute(path, '/admin');
    expect(calls.map((c) => c.operation)).toEqual(['Shop', 'Me', 'ShopOverview']);
    await expect(takePrefetched(ShopOverviewQuery, { shopId: 's1' })).resolves.toMatchObject({ shopOverview: { productsPublished: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(3); // no plugin state for the home page
  });

  it.each(['/admin/', '/admin/login', '/admin/shops', '/admin/shops/new', '/admin/shops/s1/jobs', '/elsewhere/shops/s1', '/admin/shops/%E0%A4%A'])(
    'starts nothing for %s',
    (path) => {
      const calls = fakeServer(handlers('OWNER'));
      prefetchRoute(path, '/admin');
      expect(calls).toHaveLength(0);
    },
  );
});
