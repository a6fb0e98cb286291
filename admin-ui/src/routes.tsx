import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth';
import { PageSpinner } from './components/PageSpinner';

// Every page is its own chunk, and so is the shell (header, menu, shop switcher): the first
// load carries only what the login page and the session check need.

/**
 * React.lazy, plus `preload()` to start loading the chunk early (see prefetchRoute.ts). Once the
 * chunk has arrived the component renders directly instead of through the lazy wrapper, so a
 * preloaded page never suspends: no fallback, and no wait for React's Suspense reveal throttle.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | null = null;
  let pending: Promise<{ default: ComponentType }> | null = null;
  const preload = () => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (error: unknown) => {
        pending = null; // a failed chunk may be asked for again
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(preload);
  function Page() {
    const Component = loaded ?? Lazy;
    return <Component />;
  }
  Page.preload = preload;
  return Page;
}

const PlainFrame = lazyPage(() => import('./layout/AppShell').then((m) => ({ default: m.PlainFrame })));
const OperatorFrame = lazyPage(() => import('./layout/AppShell').then((m) => ({ default: m.OperatorFrame })));
export const ShopScope = lazyPage(() => import('./layout/ShopScope').then((m) => ({ default: m.ShopScope })));
const LoginPage = lazyPage(() => import('./pages/auth/LoginPage'));
const SignUpPage = lazyPage(() => import('./pages/auth/SignUpPage'));
const HomeRedirect = lazyPage(() => import('./pages/shops/HomeRedirect'));
const ShopPickerPage = lazyPage(() => import('./pages/shops/ShopPickerPage'));
const CreateShopPage = lazyPage(() => import('./pages/shops/CreateShopPage'));
export const PluginsPage = lazyPage(() => import('./pages/plugins/PluginsPage'));
export const HomePage = lazyPage(() => import('./home/HomePage'));
const ThemePage = lazyPage(() => import('./theme/ThemePage'));
const MediaLibraryPage = lazyPage(() => import('./media/MediaLibraryPage'));
const CatalogPage = lazyPage(() => import('./pages/catalog/CatalogPage'));
const ProductPage = lazyPage(() => import('./pages/catalog/ProductPage'));
const SyncPage = lazyPage(() => import('./pages/catalog/SyncPage'));
const JobsPage = lazyPage(() => import('./pages/jobs/JobsPage'));
const ContentListPage = lazyPage(() => import('./content/ContentListPage'));
const ContentEditorPage = lazyPage(() => import('./content/ContentEditorPage'));
const TeamPage = lazyPage(() => import('./pages/team/TeamPage'));
const KeysPage = lazyPage(() => import('./pages/keys/KeysPage'));
const ShopSettingsPage = lazyPage(() => import('./pages/shops/ShopSettingsPage'));
const OperatorShopsPage = lazyPage(() => import('./pages/operator/OperatorShopsPage'));
const OperatorPluginsPage = lazyPage(() => import('./pages/operator/OperatorPluginsPage'));
const NotFoundPage = lazyPage(() => import('./components/NotFoundPage'));

function page(element: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{element}</Suspense>;
}

/**
 * The routes, under the /admin basename. Pages inside a shop live at /shops/:shopId/<section>;
 * a new section adds a route here and an entry in layout/menu.tsx.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={page(<LoginPage />)} />
      <Route path="/signup" element={page(<SignUpPage />)} />
      <Route element={<RequireAuth />}>
        <Route index element={page(<HomeRedirect />)} />
        <Route path="/shops" element={page(<PlainFrame />)}>
          <Route index element={page(<ShopPickerPage />)} />
          <Route path="new" element={page(<CreateShopPage />)} />
        </Route>
        <Route path="/shops/:shopId" element={page(<ShopScope />)}>
          <Route index element={<Navigate to="home" replace />} />
          <Route path="home" element={page(<HomePage />)} />
          <Route path="plugins" element={page(<PluginsPage />)} />
          <Route path="theme" element={page(<ThemePage />)} />
          <Route path="media" element={page(<MediaLibraryPage />)} />
          <Route path="catalog" element={page(<CatalogPage />)} />
          <Route path="catalog/:productId" element={page(<ProductPage />)} />
          <Route path="sync" element={page(<SyncPage />)} />
          <Route path="jobs" element={page(<JobsPage />)} />
          <Route path="content" element={page(<ContentListPage />)} />
          <Route path="content/:pageId" element={page(<ContentEditorPage />)} />
          <Route path="team" element={page(<TeamPage />)} />
          <Route path="keys" element={page(<KeysPage />)} />
          <Route path="settings" element={page(<ShopSettingsPage />)} />
          <Route path="*" element={page(<NotFoundPage />)} />
        </Route>
        <Route path="/operator" element={page(<OperatorFrame />)}>
          <Route index element={<Navigate to="shops" replace />} />
          <Route path="shops" element={page(<OperatorShopsPage />)} />
          <Route path="plugins" element={page(<OperatorPluginsPage />)} />
        </Route>
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
