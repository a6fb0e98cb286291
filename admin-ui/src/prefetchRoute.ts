import { prefetch } from './api/prefetch';
import { MeQuery } from './auth/operations';
import { ShopOverviewQuery } from './home/operations';
import { ShopPluginsQuery } from './pages/plugins/operations';
import { HomePage, PluginsPage, ShopScope } from './routes';
import { hasRole } from './shop/ShopContext';
import { ShopQuery } from './shop/operations';

/**
 * Called once before the first render: for a deep link into a shop, starts what that page will
 * need (the session, the shop, the shop frame's and the page's code, and the page's query: the
 * home page, a shop's landing page, or the plugins page) all at once instead of one after another as each component mounts. The components take
 * these answers through the prefetch cache (api/prefetch.ts) and behave exactly as before.
 */
export function prefetchRoute(pathname: string, basename: string): void {
  if (!pathname.startsWith(`${basename}/`)) return;
  const match = /^\/shops\/([^/]+)(?:\/(home|plugins))?\/?$/.exec(pathname.slice(basename.length));
  if (!match || match[1] === 'new') return;
  let shopId: string;
  try {
    shopId = decodeURIComponent(match[1]);
  } catch {
    return;
  }

  // The requests first (the browser has only a few connections per host), then the code.
  const shop = prefetch(ShopQuery, { id: shopId });
  let loaded: () => void = () => {};
  const code = new Promise<void>((resolve) => {
    loaded = resolve;
  });
  // The session's answer is handed out once the shop frame's and the page's code are here too,
  // so nothing below the session check suspends (a Suspense fallback, once shown, holds back the
  // content for React's reveal throttle of some 300 ms).
  prefetch(MeQuery, {}, { after: code });
  if (match[2] !== 'plugins') {
    prefetch(ShopOverviewQuery, { shopId });
    void Promise.allSettled([ShopScope.preload(), HomePage.preload()]).then(() => loaded());
    return;
  }
  // The plugins query selects `config` only for editors and owners. Most members are, so the
  // editable state is asked for at once, alongside the shop; for an analyst (known from the
  // shop's answer) that request is wasted, and the read-only state is asked for instead.
  prefetch(ShopPluginsQuery, { shopId, canEdit: true });
  shop.then(
    (data) => {
      if (data.shop?.id === shopId && !hasRole(data.shop.viewerRole, 'EDITOR')) {
        prefetch(ShopPluginsQuery, { shopId, canEdit: false });
      }
    },
    () => {},
  );
  void Promise.allSettled([ShopScope.preload(), PluginsPage.preload()]).then(() => loaded());
}
