import { PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Flex, Input, Row, Space, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { describeError, gqlRequest, useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { OperatorShopFieldsFragment } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n';
import { OperatorShopsQuery, ResumeShopMutation, SuspendShopMutation } from '../../operator/operations';
import { HealthTag } from '../plugins/HealthTag';

const PAGE_SIZE = 50;

type OperatorShop = OperatorShopFieldsFragment;

const SYNC_STATES = ['RUNNING', 'SUCCEEDED', 'FAILED'];

/** /operator/shops — every shop of the deployment, its sources and plugin errors; suspend and resume (operators). */
export default function OperatorShopsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [more, setMore] = useState<OperatorShop[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const query = useQuery(OperatorShopsQuery, { first: PAGE_SIZE, search: deferred || null, problemsOnly: problemsOnly || null });
  const { setData } = query;

  if (query.error && !query.data) {
    return query.error.code === 'FORBIDDEN' ? (
      <Alert type="warning" showIcon title={t('operator.forbidden')} data-testid="operator-forbidden" />
    ) : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const first = query.data?.operatorShops;
  const shops = [...(first?.nodes ?? []), ...more.filter((m) => !first?.nodes.some((n) => n.shop.id === m.shop.id))];
  // After "Show more", `cursor` is the last page's end ('' once there is no next page).
  const pageInfo = cursor === null ? first?.pageInfo : { hasNextPage: cursor !== '', endCursor: cursor };

  function replace(fresh: OperatorShop) {
    setData((data) => data && { ...data, operatorShops: { ...data.operatorShops, nodes: data.operatorShops.nodes.map((n) => (n.shop.id === fresh.shop.id ? fresh : n)) } });
    setMore((list) => list.map((n) => (n.shop.id === fresh.shop.id ? fresh : n)));
  }

  function fail(error: unknown) {
    const { title, detail } = describeError(error, t);
    void message.error([t('operator.shops.failed'), title, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
  }

  function suspend(row: OperatorShop) {
    let reason = '';
    modal.confirm({
      title: t('operator.shops.suspendTitle', { name: row.shop.name }),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>{t('operator.shops.suspendBody')}</Typography.Paragraph>
          <label htmlFor="suspend-reason">{t('operator.shops.reason')}</label>
          <Input.TextArea id="suspend-reason" data-testid="suspend-reason" rows={3} maxLength={500} onChange={(e) => (reason = e.target.value)} />
        </Space>
      ),
      okText: t('operator.shops.suspend'),
      okButtonProps: { danger: true, 'data-testid': 'suspend-confirm' },
      cancelText: t('shops.cancel'),
      focusable: { autoFocusButton: 'cancel' },
      onOk: async () => {
        try {
          const fresh = (await gqlRequest(SuspendShopMutation, { id: row.shop.id, reason: reason.trim() || null })).suspendShop;
          replace(fresh);
          void message.success(t('operator.shops.suspendedDone', { name: row.shop.name }));
        } catch (error) {
          fail(error);
        }
      },
    });
  }

  function resume(row: OperatorShop) {
    modal.confirm({
      title: t('operator.shops.resumeTitle', { name: row.shop.name }),
      content: t('operator.shops.resumeBody'),
      okText: t('operator.shops.resume'),
      okButtonProps: { 'data-testid': 'resume-confirm' },
      cancelText: t('shops.cancel'),
      onOk: async () => {
        try {
          const fresh = (await gqlRequest(ResumeShopMutation, { id: row.shop.id })).resumeShop;
          replace(fresh);
          void message.success(t('operator.shops.resumed', { name: row.shop.name }));
        } catch (error) {
          fail(error);
        }
      },
    });
  }

  async function loadMore() {
    const after = pageInfo?.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      const page = (await gqlRequest(OperatorShopsQuery, { first: PAGE_SIZE, after, search: deferred || null, problemsOnly: problemsOnly || null })).operatorShops;
      setMore((list) => [...list, ...page.nodes]);
      setCursor(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? '') : '');
    } catch (error) {
      fail(error);
    } finally {
      setLoadingMore(false);
    }
  }

  function resetPaging() {
    setMore([]);
    setCursor(null);
  }

  return (
    <section aria-labelledby="operator-shops-title">
      <Typography.Title id="operator-shops-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('operator.shops.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('operator.shops.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('operator.shops.search')}
          placeholder={t('operator.shops.searchPlaceholder')}
          data-testid="operator-shop-search"
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            resetPaging();
          }}
          style={{ maxWidth: 360, flex: '1 1 220px' }}
        />
        <Checkbox
          data-testid="operator-problems-only"
          checked={problemsOnly}
          onChange={(e) => {
            setProblemsOnly(e.target.checked);
            resetPaging();
          }}
        >
          {t('operator.shops.problemsOnly')}
        </Checkbox>
      </Flex>
      {!query.data ? (
        <PageSpinner />
      ) : shops.length === 0 ? (
        <Empty description={t('operator.shops.none')} />
      ) : (
        <Row gutter={[16, 16]} data-testid="operator-shops">
          {shops.map((row) => (
            <Col key={row.shop.id} xs={24} xl={12}>
              <ShopCard row={row} onSuspend={suspend} onResume={resume} />
            </Col>
          ))}
        </Row>
      )}
      {pageInfo?.hasNextPage && (
        <Button style={{ marginTop: 16 }} loading={loadingMore} onClick={() => void loadMore()}>
          {t('operator.shops.more')}
        </Button>
      )}
    </section>
  );
}

function ShopCard({ row, onSuspend, onResume }: { row: OperatorShop; onSuspend: (row: OperatorShop) => void; onResume: (row: OperatorShop) => void }) {
  const t = useT();
  const titleId = `operator-shop-${row.shop.id}`;
  return (
    <Card
      role="article"
      aria-labelledby={titleId}
      data-testid={`operator-shop-${row.shop.slug}`}
      data-suspended={String(row.suspended)}
      title={
        <span id={titleId} style={{ whiteSpace: 'normal' }}>
          {row.shop.name} <Typography.Text type="secondary">· {row.shop.slug}</Typography.Text>
        </span>
      }
      extra={
        row.suspended ? (
          <Button
            icon={<PlayCircleOutlined aria-hidden />}
            data-testid={`resume-${row.shop.slug}`}
            aria-label={t('operator.shops.resumeNamed', { name: row.shop.name })}
            onClick={() => onResume(row)}
          >
            {t('operator.shops.resume')}
          </Button>
        ) : (
          <Button
            danger
            icon={<PauseCircleOutlined aria-hidden />}
            data-testid={`suspend-${row.shop.slug}`}
            aria-label={t('operator.shops.suspendNamed', { name: row.shop.name })}
            onClick={() => onSuspend(row)}
          >
            {t('operator.shops.suspend')}
          </Button>
        )
      }
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {row.suspended ? (
          <Tag color="warning" data-testid={`operator-shop-state-${row.shop.slug}`}>
            {t('operator.shops.suspended')}
          </Tag>
        ) : (
          <Tag color="success" data-testid={`operator-shop-state-${row.shop.slug}`}>
            {t('operator.shops.active')}
          </Tag>
        )}
        {row.suspended && row.suspendedAt && (
          <Typography.Text type="secondary">
            {t('operator.shops.suspendedSince')}{' '}
            <DateTime value={row.suspendedAt} />
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('operator.shops.created')} <DateTime value={row.shop.createdAt} />
        </Typography.Text>
      </Flex>
      {row.suspended && row.suspendedReason && (
        <Typography.Paragraph data-testid={`operator-shop-reason-${row.shop.slug}`}>{t('shop.suspendedReason', { reason: row.suspendedReason })}</Typography.Paragraph>
      )}
      <Typography.Title level={2} style={{ fontSize: 14 }}>
        {t('operator.shops.sources')}
      </Typography.Title>
      {row.sources.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('operator.shops.noSources')}</Typography.Paragraph>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
          {row.sources.map((source) => (
            <li key={source.plugin} data-testid={`operator-source-${row.shop.slug}-${source.plugin}`} style={{ marginBottom: 8 }}>
              <Flex wrap gap={6} align="center">
                <Typography.Text strong>{source.title}</Typography.Text>
                {!source.enabled && <Tag>{t('operator.shops.off')}</Tag>}
                <Tag color={source.connected ? 'success' : 'default'}>{t(source.connected ? 'operator.shops.connected' : 'operator.shops.notConnected')}</Tag>
                <HealthTag health={source.health} />
                <Typography.Text type="secondary">
                  {source.lastSyncAt ? (
                    <>
                      {t('operator.shops.lastSync')}{' '}
                      <DateTime value={source.lastSyncAt} />
                    </>
                  ) : (
                    t('operator.shops.neverSynced')
                  )}
                </Typography.Text>
                {source.lastSyncState && (
                  <Tag color={source.lastSyncState === 'FAILED' ? 'error' : source.lastSyncState === 'SUCCEEDED' ? 'success' : 'processing'}>
                    {SYNC_STATES.includes(source.lastSyncState) ? t(`sync.status.${source.lastSyncState}` as MessageKey) : source.lastSyncState}
                  </Tag>
                )}
              </Flex>
              {source.lastError && (
                <Typography.Text type="danger" style={{ display: 'block' }}>
                  {source.lastError}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={2} style={{ fontSize: 14 }}>
        {t('operator.shops.pluginErrors')}
      </Typography.Title>
      {row.pluginErrors.length === 0 ? (
        <Typography.Text type="secondary">{t('operator.shops.noErrors')}</Typography.Text>
      ) : (
        <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid={`operator-errors-${row.shop.slug}`}>
          {row.pluginErrors.map((e) => (
            <li key={e.plugin}>
              <Typography.Text code>{e.plugin}</Typography.Text> <Typography.Text type="danger">{e.lastError}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                <DateTime value={e.lastErrorAt} empty="" />
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
