import { prefetch } from './api/prefetch';
import { MeQuery } from './auth/operations';
import { ShopPluginsQuery } from './pages/plugins/operations';
import { PluginsPage, ShopScope } from './routes';
import { hasRole } from './shop/ShopContext';
import { ShopQuery } from './shop/operations';

/**
 * Called once before the first render: for a deep link into a shop, starts what that page will
 * need (the session, the shop, the shop frame's and the plugins page's code, and the plugins
 * query) all at once instead of one after another as each component mounts. The components take
 * these answers through the prefetch cache (api/prefetch.ts) and behave exactly as before.
 */
export function prefetchRoute(pathname: string, basename: string): void {
  if (!pathname.startsWith(`${basename}/`)) return;
  const match = /^\/shops\/([^/]+)(\/plugins)?\/?$/.exec(pathname.slice(basename.length));
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
  void Promise.allSettled([ShopScope.preload(), PluginsPage.preload()]).then(() => loaded());
  // The plugins query selects `config` only for editors and owners: ask once the role is known
  // (the shop's answer), which is still well before the page's code has loaded and rendered.
  shop.then(
    (data) => {
      if (data.shop?.id === shopId) prefetch(ShopPluginsQuery, { shopId, canEdit: hasRole(data.shop.viewerRole, 'EDITOR') });
    },
    () => {},
  );
}
