import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider, type Lang } from '../i18n';
import { ShopContext, type ShopSummary } from '../shop';

export const SHOP: ShopSummary = {
  id: 's1',
  slug: 'demo',
  name: 'Demo shop',
  currency: 'CNY',
  locale: 'zh-CN',
  timezone: 'Asia/Shanghai',
  viewerRole: 'OWNER',
};

/** Render a page of a shop at `path` (a /shops/:shopId/... route), in `lang`. */
export function renderInShop(
  element: ReactNode,
  { path = '/shops/s1/plugins', route = '/shops/:shopId/plugins', shop = SHOP, lang = 'en' as Lang } = {},
) {
  return render(
    <I18nProvider lang={lang}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <ShopContext.Provider value={shop}>
            <Routes>
              <Route path={route} element={element} />
            </Routes>
          </ShopContext.Provider>
        </MemoryRouter>
      </AntApp>
    </I18nProvider>,
  );
}
