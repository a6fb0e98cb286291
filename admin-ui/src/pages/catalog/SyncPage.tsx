import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError, gqlRequest, useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { SyncRunFieldsFragment, SyncRunStatus } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n';
import { SyncCatalogMutation, usePolling, type JobInfo } from '../../jobs';
import { hasRole, useShop } from '../../shop';
import { SyncJobStatus } from '../plugins/SyncJobStatus';
import { entityName, formatCounts, formatDuration, syncErrorWords, totalCounts } from './catalog';
import { SyncQuery } from './operations';

const RUN_COLORS: Record<SyncRunStatus, string> = { RUNNING: 'processing', SUCCEEDED: 'success', FAILED: 'error' };

/** A sync failure: the UI's words for its code when known, the server's message as the detail. */
function SyncError({ code, message }: { code: string | null | undefined; message: string }) {
  const t = useT();
  const words = syncErrorWords(code, t);
  return (
    <Typography.Text type="danger" data-error-code={code ?? undefined}>
      {words ?? message}
      {words && words !== message && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('errors.detail', { detail: message })}
        </Typography.Text>
      )}
    </Typography.Text>
  );
}

/** /shops/:shopId/sync — each source's sync state, "Sync now", and the ledger of runs. */
export default function SyncPage() {
  const t = useT();
  const shop = useShop();
  const { message } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const sync = useQuery(SyncQuery, { shopId: shop.id, first: 20 });
  const [jobs, setJobs] = useState<Record<string, JobInfo>>({});
  const [starting, setStarting] = useState<string | null>(null);
  const statusList = sync.data?.shop.syncStatus ?? [];
  const running = statusList.some((s) => s.running);
  // After "Sync now", follow the source until its ledger shows a finished run started since then.
  const waiting = Object.entries(jobs).some(([source, job]) => {
    const status = statusList.find((s) => s.source === source);
    const last = status?.lastRun;
    return !last || last.status === 'RUNNING' || Date.parse(last.startedAt) < Date.parse(job.createdAt) - 1000;
  });
  usePolling(() => sync.refetch(), { active: running || waiting, intervalMs: 1000 });

  if (sync.loading && !sync.data) return <PageSpinner />;
  if (sync.error && !sync.data) return <ErrorState error={sync.error} onRetry={() => void sync.refetch()} />;
  const statuses = sync.data?.shop.syncStatus ?? [];
  const runs = sync.data?.shop.syncRuns.nodes ?? [];
  const sourceTitle = (source: string) => statuses.find((s) => s.source === source)?.title || source;

  async function syncNow(source: string, title: string) {
    setStarting(source);
    try {
      const job = (await gqlRequest(SyncCatalogMutation, { shopId: shop.id, source })).syncCatalog;
      setJobs((j) => ({ ...j, [source]: job }));
      void message.success(t('plugins.syncStarted', { title }));
    } catch (error) {
      void message.error(`${t('plugins.syncFailed', { title })} ${describeError(error, t).title}`);
    } finally {
      setStarting(null);
    }
  }

  const columns = [
    { title: t('sync.started'), key: 'started', render: (_: unknown, r: SyncRunFieldsFragment) => <DateTime value={r.startedAt} /> },
    { title: t('catalog.source'), key: 'source', render: (_: unknown, r: SyncRunFieldsFragment) => sourceTitle(r.source) },
    { title: t('sync.kind'), key: 'kind', render: (_: unknown, r: SyncRunFieldsFragment) => t(`sync.kind.${r.kind}` as MessageKey) },
    {
      title: t('sync.status'),
      key: 'status',
      render: (_: unknown, r: SyncRunFieldsFragment) => (
        <Tag color={RUN_COLORS[r.status]}>{t(`sync.status.${r.status}` as MessageKey)}</Tag>
      ),
    },
    ...(['created', 'updated', 'unchanged', 'removed', 'failed'] as const).map((k) => ({
      title: t(`sync.count.${k}` as MessageKey),
      key: k,
      render: (_: unknown, r: SyncRunFieldsFragment) => totalCounts(r.counts)[k],
    })),
    { title: t('sync.duration'), key: 'duration', render: (_: unknown, r: SyncRunFieldsFragment) => formatDuration(r.durationSeconds, t) },
    {
      title: t('sync.errors'),
      key: 'errors',
      render: (_: unknown, r: SyncRunFieldsFragment) => (
        <div style={{ maxWidth: 320, wordBreak: 'break-word' }}>
          {r.error && <SyncError code={r.errorCode} message={r.error} />}
          {r.errors.slice(0, 3).map((e) => (
            <div key={`${e.entity}-${e.reference}`}>
              <Typography.Text type="secondary">
                {entityName(e.entity, t)} {e.reference}: {e.reason}
              </Typography.Text>
            </div>
          ))}
          {r.errors.length + r.errorsDropped > 3 && (
            <Typography.Text type="secondary">{t('sync.moreErrors', { n: r.errors.length + r.errorsDropped - 3 })}</Typography.Text>
          )}
        </div>
      ),
    },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          {t('sync.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void sync.refetch()} loading={sync.loading}>
          {t('jobs.refresh')}
        </Button>
      </Flex>
      {statuses.length === 0 ? (
        <Empty description={t('sync.noSources')} style={{ marginBottom: 24 }} />
      ) : (
        <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
          {statuses.map((s) => (
            <Col key={s.source} xs={24} md={12}>
              <Card
                title={s.title || s.source}
                data-testid={`sync-source-${s.source}`}
                data-running={s.running ? 'true' : 'false'}
                extra={
                  canEdit && (
                    <Button
                      icon={<SyncOutlined />}
                      data-testid={`sync-now-${s.source}`}
                      disabled={!s.enabled}
                      loading={starting === s.source}
                      onClick={() => void syncNow(s.source, s.title || s.source)}
                    >
                      {t('plugins.syncNow')}
                    </Button>
                  )
                }
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('sync.state')}>
                    {s.running ? <Tag color="processing">{t('sync.status.RUNNING')}</Tag> : s.enabled ? <Tag>{t('sync.idle')}</Tag> : <Tag>{t('sync.disabled')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('sync.lastSuccess')}>
                    <DateTime value={s.lastSuccessAt} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('sync.lastFull')}>
                    <DateTime value={s.lastFullAt} />
                  </Descriptions.Item>
                  {s.lastRun && (
                    <Descriptions.Item label={t('sync.lastRunCounts')}>{formatCounts(s.lastRun.counts, t) || t('sync.nothingChanged')}</Descriptions.Item>
                  )}
                  {s.lastError && (
                    <Descriptions.Item label={t('sync.lastError')}>
                      <SyncError code={s.lastErrorCode} message={s.lastError} /> <DateTime value={s.lastErrorAt} />
                    </Descriptions.Item>
                  )}
                </Descriptions>
                {jobs[s.source] && <SyncJobStatus shopId={shop.id} name={s.source} job={jobs[s.source]} />}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('sync.ledger')}
      </Typography.Title>
      <Table<SyncRunFieldsFragment>
        data-testid="sync-ledger"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': `sync-run-${r.id}`, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('sync.noRuns')} /> }}
      />
    </div>
  );
}
