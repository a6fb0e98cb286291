import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth';
import { PageSpinner } from './components/PageSpinner';

// Every page is its own chunk, and so is the shell (header, menu, shop switcher): the first
// load carries only what the login page and the session check need.
const PlainFrame = lazy(() => import('./layout/AppShell').then((m) => ({ default: m.PlainFrame })));
const ShopScope = lazy(() => import('./layout/ShopScope').then((m) => ({ default: m.ShopScope })));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const SignUpPage = lazy(() => import('./pages/auth/SignUpPage'));
const HomeRedirect = lazy(() => import('./pages/shops/HomeRedirect'));
const ShopPickerPage = lazy(() => import('./pages/shops/ShopPickerPage'));
const CreateShopPage = lazy(() => import('./pages/shops/CreateShopPage'));
const PluginsPage = lazy(() => import('./pages/plugins/PluginsPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const ProductPage = lazy(() => import('./pages/catalog/ProductPage'));
const SyncPage = lazy(() => import('./pages/catalog/SyncPage'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage'));
const TeamPage = lazy(() => import('./pages/team/TeamPage'));
const KeysPage = lazy(() => import('./pages/keys/KeysPage'));
const ShopSettingsPage = lazy(() => import('./pages/shops/ShopSettingsPage'));
const NotFoundPage = lazy(() => import('./components/NotFoundPage'));

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
          <Route index element={<Navigate to="plugins" replace />} />
          <Route path="plugins" element={page(<PluginsPage />)} />
          <Route path="catalog" element={page(<CatalogPage />)} />
          <Route path="catalog/:productId" element={page(<ProductPage />)} />
          <Route path="sync" element={page(<SyncPage />)} />
          <Route path="jobs" element={page(<JobsPage />)} />
          <Route path="team" element={page(<TeamPage />)} />
          <Route path="keys" element={page(<KeysPage />)} />
          <Route path="settings" element={page(<ShopSettingsPage />)} />
          <Route path="*" element={page(<NotFoundPage />)} />
        </Route>
        <Route path="*" element={page(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
