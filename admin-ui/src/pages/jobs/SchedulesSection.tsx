import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { JobSchedulesQuery } from '../../gql/graphql';
import { useT } from '../../i18n';
import { kindLabelKey } from '../../jobs';
import { SchedulesQuery } from './operations';
import { everyText } from './interval';

type Schedule = JobSchedulesQuery['shop']['schedules'][number];

/** Periodic jobs of the shop (such as scheduled catalog syncs). */
export function SchedulesSection({ shopId }: { shopId: string }) {
  const t = useT();
  const query = useQuery(SchedulesQuery, { shopId });
  const columns: ColumnsType<Schedule> = [
    {
      key: 'name',
      title: t('jobs.schedule'),
      render: (_, s) => {
        const key = kindLabelKey(s.kind);
        return `${key ? t(key) : s.kind} · ${s.name}`;
      },
    },
    { key: 'every', title: t('jobs.interval'), render: (_, s) => everyText(s.intervalSeconds, t) },
    { key: 'next', title: t('jobs.nextRun'), render: (_, s) => (s.enabled ? <DateTime value={s.nextRunAt} /> : '—') },
    { key: 'last', title: t('jobs.lastQueued'), render: (_, s) => <DateTime value={s.lastEnqueuedAt} empty={t('app.never')} /> },
    {
      key: 'enabled',
      title: t('jobs.scheduleState'),
      render: (_, s) => <Tag color={s.enabled ? 'success' : 'default'}>{t(s.enabled ? 'jobs.scheduleOn' : 'jobs.scheduleOff')}</Tag>,
    },
  ];
  return (
    <section aria-labelledby="schedules-title" style={{ marginTop: 32 }}>
      <Typography.Title id="schedules-title" level={2} style={{ fontSize: 18 }}>
        {t('jobs.schedules')}
      </Typography.Title>
      {query.error && !query.data ? (
        <ErrorAlert error={query.error} />
      ) : (
        <Table<Schedule>
          data-testid="schedules-table"
          rowKey="id"
          columns={columns}
          dataSource={query.data?.shop.schedules ?? []}
          loading={query.loading && !query.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('jobs.noSchedules')} /> }}
        />
      )}
    </section>
  );
}
