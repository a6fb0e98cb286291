import { PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography, theme } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { MyShopsQuery } from '../../shop';
import { CreateShopForm } from './CreateShopForm';

/** /shops: the viewer's shops to pick from; the create form when there is none yet. */
export default function ShopPickerPage() {
  const t = useT();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { data, error, loading, refetch } = useQuery(MyShopsQuery, {});

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <PageSpinner />;
  const shops = data?.shops.nodes ?? [];

  if (shops.length === 0) {
    return (
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('shops.createTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('shops.none')}</Typography.Paragraph>
        <CreateShopForm onCreated={(shop) => navigate(`/shops/${shop.id}/home`)} />
      </Card>
    );
  }

  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t('shops.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/shops/new')}>
          {t('shops.create')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('shops.pick')}</Typography.Paragraph>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shops.map((shop) => (
          <li
            key={shop.id}
            data-testid={`shop-${shop.slug}`}
            style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '12px 0', borderTop: `1px solid ${token.colorBorderSecondary}` }}
          >
            <ShopOutlined aria-hidden style={{ fontSize: 24, color: token.colorPrimary }} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Link to={`/shops/${shop.id}/home`} style={{ fontWeight: 600 }}>
                {shop.name}
              </Link>
              <div>
                <Typography.Text type="secondary">
                  /s/{shop.slug}/ · {shop.currency} · {shop.locale} · {shop.timezone}
                </Typography.Text>
              </div>
            </div>
            <Tag>{t(`role.${shop.viewerRole}`)}</Tag>
          </li>
        ))}
      </ul>
    </Card>
  );
}
