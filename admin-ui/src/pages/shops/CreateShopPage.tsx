import { App, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n';
import { CreateShopForm } from './CreateShopForm';

/** /shops/new: create another shop. */
export default function CreateShopPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('shops.createTitle')}
      </Typography.Title>
      <CreateShopForm
        onCreated={(shop) => {
          void message.success(t('shops.created', { name: shop.name }));
          navigate(`/shops/${shop.id}/home`);
        }}
        onCancel={() => navigate(-1)}
      />
    </Card>
  );
}
