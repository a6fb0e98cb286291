import { ApiOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Empty, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, gqlRequest, useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { hasRole, useShop } from '../../shop';
import { CreateKeyModal, type CreateKeyValues } from './CreateKeyModal';
import { keyRows, upsertById, type KeyKind, type KeyRow } from './keys';
import {
  CreateAdminTokenMutation,
  CreateStorefrontKeyMutation,
  RevokeAdminTokenMutation,
  RevokeStorefrontKeyMutation,
  ShopKeysQuery,
} from './operations';
import { SecretModal } from './SecretModal';

interface Created {
  kind: KeyKind;
  name: string;
  secret: string;
}

/** /shops/:shopId/keys — storefront keys and admin API tokens (owners only). */
export default function KeysPage() {
  const t = useT();
  const shop = useShop();
  const navigate = useNavigate();
  if (!hasRole(shop.viewerRole, 'OWNER')) {
    return (
      <Result
        status="403"
        title={t('keys.ownerOnlyTitle')}
        subTitle={t('keys.ownerOnly')}
        data-testid="keys-forbidden"
        extra={
          <Button type="primary" onClick={() => navigate(`/shops/${shop.id}/plugins`)}>
            {t('keys.backToShop')}
          </Button>
        }
      />
    );
  }
  return <KeysManager />;
}

function KeysManager() {
  const t = useT();
  const shop = useShop();
  const { message, modal } = App.useApp();
  const keys = useQuery(ShopKeysQuery, { shopId: shop.id });
  const [creating, setCreating] = useState<KeyKind | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<Record<string, boolean>>({});
  const rows = useMemo(() => (keys.data ? keyRows(keys.data.shop.storefrontKeys, keys.data.shop.adminTokens) : []), [keys.data]);
  const { setData } = keys;

  async function create(kind: KeyKind, values: CreateKeyValues) {
    if (kind === 'storefront') {
      const answer = (await gqlRequest(CreateStorefrontKeyMutation, { shopId: shop.id, name: values.name })).createStorefrontKey;
      setData((d) => d && { ...d, shop: { ...d.shop, storefrontKeys: upsertById(d.shop.storefrontKeys, answer.storefrontKey) } });
      setCreated({ kind, name: answer.storefrontKey.name, secret: answer.key });
    } else {
      const answer = (await gqlRequest(CreateAdminTokenMutation, { shopId: shop.id, name: values.name, role: values.role })).createAdminToken;
      setData((d) => d && { ...d, shop: { ...d.shop, adminTokens: upsertById(d.shop.adminTokens, answer.adminToken) } });
      setCreated({ kind, name: answer.adminToken.name, secret: answer.token });
    }
    setCreating(null);
  }

  async function revoke(row: KeyRow) {
    const key = `${row.kind}:${row.id}`;
    setRevoking((r) => ({ ...r, [key]: true }));
    try {
      if (row.kind === 'storefront') {
        const fresh = (await gqlRequest(RevokeStorefrontKeyMutation, { shopId: shop.id, id: row.id })).revokeStorefrontKey;
        setData((d) => d && { ...d, shop: { ...d.shop, storefrontKeys: upsertById(d.shop.storefrontKeys, fresh) } });
      } else {
        const fresh = (await gqlRequest(RevokeAdminTokenMutation, { shopId: shop.id, id: row.id })).revokeAdminToken;
        setData((d) => d && { ...d, shop: { ...d.shop, adminTokens: upsertById(d.shop.adminTokens, fresh) } });
      }
      void message.success(t('keys.revoked', { name: row.name }));
    } catch (error) {
      const { title, detail } = describeError(error, t);
      void message.error([t('keys.revokeFailed', { name: row.name }), title, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
    } finally {
      setRevoking(({ [key]: _done, ...rest }) => rest);
    }
  }

  function confirmRevoke(row: KeyRow) {
    const what = t(row.kind === 'storefront' ? 'keys.kind.storefront' : 'keys.kind.admin');
    modal.confirm({
      title: t('keys.revokeTitle', { name: row.name }),
      content: t(row.kind === 'storefront' ? 'keys.revokeBodyStorefront' : 'keys.revokeBodyAdmin', { what, prefix: row.prefix }),
      okText: t('keys.revoke'),
      focusable: { autoFocusButton: 'cancel' },
      okButtonProps: { danger: true, 'data-testid': 'revoke-confirm' },
      cancelText: t('shops.cancel'),
      onOk: () => revoke(row),
    });
  }

  if (keys.error && !keys.data) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  if (!keys.data) return <PageSpinner />;

  const columns: ColumnsType<KeyRow> = [
    {
      key: 'name',
      title: t('keys.name'),
      render: (_, row) => <Typography.Text strong={!row.revokedAt} delete={Boolean(row.revokedAt)}>{row.name}</Typography.Text>,
    },
    {
      key: 'kind',
      title: t('keys.type'),
      render: (_, row) =>
        row.kind === 'storefront' ? (
          <Tag icon={<ApiOutlined aria-hidden />}>{t('keys.kind.storefront')}</Tag>
        ) : (
          <Tag icon={<KeyOutlined aria-hidden />} color="purple">
            {t('keys.kind.admin')} · {row.role ? t(`role.${row.role}`) : ''}
          </Tag>
        ),
    },
    {
      key: 'prefix',
      title: t('keys.prefix'),
      render: (_, row) => (
        <Typography.Text code aria-label={t('keys.prefixOf', { prefix: row.prefix })}>
          {row.prefix}…
        </Typography.Text>
      ),
    },
    { key: 'created', title: t('keys.created'), render: (_, row) => <DateTime value={row.createdAt} /> },
    { key: 'lastUsed', title: t('keys.lastUsed'), render: (_, row) => <DateTime value={row.lastUsedAt} empty={t('keys.neverUsed')} /> },
    {
      key: 'status',
      title: t('keys.status'),
      render: (_, row) =>
        row.revokedAt ? (
          <Tag color="default" data-revoked="true">
            {t('keys.revokedAt')} <DateTime value={row.revokedAt} />
          </Tag>
        ) : (
          <Tag color="success">{t('keys.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('keys.actions')}</span>,
      render: (_, row) =>
        row.revokedAt ? null : (
          <Button
            danger
            type="text"
            icon={<StopOutlined aria-hidden />}
            data-testid={`revoke-${row.id}`}
            aria-label={t('keys.revokeNamed', { name: row.name })}
            loading={Boolean(revoking[`${row.kind}:${row.id}`])}
            onClick={() => confirmRevoke(row)}
          >
            {t('keys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="keys-title">
      <Typography.Title id="keys-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('keys.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<ApiOutlined aria-hidden />} data-testid="create-storefront-key" onClick={() => setCreating('storefront')}>
          {t('keys.createStorefront')}
        </Button>
        <Button icon={<KeyOutlined aria-hidden />} data-testid="create-admin-token" onClick={() => setCreating('admin')}>
          {t('keys.createAdmin')}
        </Button>
      </Space>
      <Table<KeyRow>
        data-testid="keys-table"
        rowKey={(row) => `${row.kind}:${row.id}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': `key-row-${row.id}`, 'data-revoked': String(Boolean(row.revokedAt)) }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('keys.empty')} /> }}
      />
      {creating && <CreateKeyModal kind={creating} onCreate={(values) => create(creating, values)} onClose={() => setCreating(null)} />}
      {created && <SecretModal kind={created.kind} name={created.name} secret={created.secret} onClose={() => setCreated(null)} />}
    </section>
  );
}
