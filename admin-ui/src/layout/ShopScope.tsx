import { Button, Layout } from 'antd';
import { useEffect, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import { AppShell, ShopFrame } from './AppShell';
import { ShopQuery } from '../shop/operations';
import { useT } from '../i18n';
import { ShopActionsContext, ShopContext, rememberShop, type ShopActions } from '../shop/ShopContext';

/**
 * The route element of /shops/:shopId/*: loads that shop, gives it to the shell and the pages
 * below through ShopContext, and shows a 404/403 page in the shell when it cannot be had.
 */
export function ShopScope() {
  const t = useT();
  const navigate = useNavigate();
  const { shopId = '' } = useParams();
  const { data, error, refetch, setData } = useQuery(ShopQuery, { id: shopId });
  const shop = data?.shop.id === shopId ? data.shop : null;
  const actions = useMemo<ShopActions>(() => ({ replace: (fresh) => setData({ shop: fresh }), refresh: refetch }), [setData, refetch]);

  useEffect(() => {
    if (shop) rememberShop(shop.id);
  }, [shop]);

  let body;
  if (shop) body = <ShopFrame />;
  else if (error)
    body = (
      <ErrorState
        error={error}
        onRetry={() => void refetch()}
        action={
          <Button type="primary" onClick={() => navigate('/shops')}>
            {t('shops.all')}
          </Button>
        }
      />
    );
  else body = <PageSpinner />;

  return (
    <ShopContext.Provider value={shop}>
      <ShopActionsContext.Provider value={actions}>
        <AppShell>{shop ? body : <Layout.Content id="main">{body}</Layout.Content>}</AppShell>
      </ShopActionsContext.Provider>
    </ShopContext.Provider>
  );
}
