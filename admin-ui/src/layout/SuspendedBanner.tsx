import { Alert } from 'antd';
import { useQuery } from '../api';
import { useT } from '../i18n';
import { ShopSuspensionQuery } from '../shop/operations';

/** On every page of a suspended shop: that it is suspended, what that means, and the operator's reason. */
export function SuspendedBanner({ shopId }: { shopId: string }) {
  const t = useT();
  const { data } = useQuery(ShopSuspensionQuery, { id: shopId });
  const shop = data?.shop;
  if (!shop?.suspended) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="shop-suspended"
      title={t('shop.suspendedTitle')}
      description={
        <>
          {t('shop.suspendedBody')}
          {shop.suspendedReason && <div data-testid="shop-suspended-reason">{t('shop.suspendedReason', { reason: shop.suspendedReason })}</div>}
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
