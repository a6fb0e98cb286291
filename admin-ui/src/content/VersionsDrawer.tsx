import { Alert, Button, Drawer, Empty, Flex, Popconfirm, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '../api';
import { DateTime } from '../components/DateTime';
import { ErrorState } from '../components/ErrorState';
import { useT } from '../i18n';
import { ContentRevisionsQuery } from './operations';

const PAGE = 20;

interface Props {
  shopId: string;
  pageId: string;
  locale: string;
  localeName: string;
  canEdit: boolean;
  /** Restore version `number` into the draft. */
  onRestore: (number: number) => Promise<void>;
  onClose: () => void;
}

/** A locale's versions, newest first; Restore copies one into the draft (what is live stays). */
export function VersionsDrawer({ shopId, pageId, locale, localeName, canEdit, onRestore, onClose }: Props) {
  const t = useT();
  const [first, setFirst] = useState(PAGE);
  const revisions = useQuery(ContentRevisionsQuery, { shopId, pageId, locale, first });
  const [restoring, setRestoring] = useState<number | null>(null);
  const nodes = revisions.data?.contentRevisions.nodes ?? [];

  async function restore(number: number) {
    setRestoring(number);
    try {
      await onRestore(number);
    } finally {
      setRestoring(null);
    }
  }

  return (
    <Drawer open onClose={onClose} size={520} title={t('content.versions.title', { locale: localeName })} data-testid="versions-drawer">
      <Alert type="info" showIcon title={t('content.versions.help')} style={{ marginBottom: 16 }} />
      {revisions.error && !revisions.data ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : (
        <>
          {revisions.loading && !revisions.data && <Spin />}
          {revisions.data && nodes.length === 0 && <Empty description={t('content.versions.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('content.versions.title', { locale: localeName })}>
            {nodes.map((rev) => (
              <li
                key={rev.number}
                data-testid={`version-${rev.number}`}
                data-live={rev.live}
                style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }}
              >
                <Flex justify="space-between" align="start" gap={8}>
                  <div style={{ minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text strong>{t('content.versions.number', { n: rev.number })}</Typography.Text>
                      {rev.live && <Tag color="success">{t('content.versions.live')}</Tag>}
                    </Flex>
                    <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>{rev.data.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <DateTime value={rev.createdAt} />
                      {rev.createdBy ? ` · ${t('content.versions.by', { name: rev.createdBy })}` : ''}
                      {` · ${t('content.versions.blocks', { n: rev.data.blocks.length })}`}
                      {rev.note ? ` · ${rev.note}` : ''}
                    </Typography.Text>
                  </div>
                  {canEdit && (
                    <Popconfirm
                      title={t('content.versions.restoreConfirm', { n: rev.number })}
                      okText={t('content.actions.yes')}
                      cancelText={t('content.actions.no')}
                      okButtonProps={{ 'data-testid': 'version-restore-confirm' }}
                      onConfirm={() => restore(rev.number)}
                    >
                      <Button size="small" loading={restoring === rev.number} data-testid={`version-restore-${rev.number}`}>
                        {t('content.versions.restore')}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
        </>
      )}
      {revisions.data?.contentRevisions.pageInfo.hasNextPage && (
        <Button block onClick={() => setFirst((n) => n + PAGE)} loading={revisions.loading}>
          {t('content.versions.more')}
        </Button>
      )}
    </Drawer>
  );
}
