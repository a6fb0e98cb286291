import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Empty, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { JobState } from '../../gql/graphql';
import { useT } from '../../i18n';
import {
  ALL_STATES,
  JobActions,
  JobProgressBar,
  JobStateTag,
  anyActive,
  jobTitle,
  useJobActions,
  usePolling,
  type JobInfo,
} from '../../jobs';
import { hasRole, useShop } from '../../shop';
import { JobDrawer } from './JobDrawer';
import { JobsQuery } from './operations';
import { FIRST_PAGE, PAGE_SIZE, POLL_MS, currentAfter, nextPage, previousPage, type Paging } from './paging';
import { SchedulesSection } from './SchedulesSection';

/** /shops/:shopId/jobs — background jobs with live progress, retry and cancel; the schedules. */
export default function JobsPage() {
  const t = useT();
  const shop = useShop();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const [params, setParams] = useSearchParams();
  const [states, setStates] = useState<JobState[]>([]);
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const variables = useMemo(
    () => ({ shopId: shop.id, first: PAGE_SIZE, after: currentAfter(paging), states: states.length ? states : null }),
    [shop.id, paging, states],
  );
  const jobs = useQuery(JobsQuery, variables);
  const nodes = useMemo(() => jobs.data?.shop.jobs.nodes ?? [], [jobs.data]);
  const pageInfo = jobs.data?.shop.jobs.pageInfo;
  const live = anyActive(nodes);

  // Polls refresh in place: no spinner over the table for them.
  const polling = useRef(false);
  const { refetch, setData } = jobs;
  usePolling(
    async () => {
      polling.current = true;
      try {
        await refetch();
      } finally {
        polling.current = false;
      }
    },
    { active: live, intervalMs: POLL_MS },
  );

  const replaceJob = useCallback(
    (fresh: JobInfo) =>
      setData(
        (d) =>
          d && {
            ...d,
            shop: { ...d.shop, jobs: { ...d.shop.jobs, nodes: d.shop.jobs.nodes.map((j) => (j.id === fresh.id ? fresh : j)) } },
          },
      ),
    [setData],
  );
  const actions = useJobActions(shop.id, replaceJob);

  const openJob = params.get('job');
  const showJob = (id: string) =>
    setParams((p) => {
      p.set('job', id);
      return p;
    });
  const closeJob = () =>
    setParams((p) => {
      p.delete('job');
      return p;
    });

  const stateOptions = useMemo(() => ALL_STATES.map((s) => ({ value: s, label: t(`jobs.state.${s}`) })), [t]);

  const columns: ColumnsType<JobInfo> = [
    {
      key: 'job',
      title: t('jobs.job'),
      render: (_, job) => (
        <div>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => showJob(job.id)}
            data-testid={`job-details-${job.id}`}
            title={t('jobs.detailsOf', { name: jobTitle(job, t) })}
          >
            {jobTitle(job, t)}
          </Button>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <DateTime value={job.createdAt} />
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'state', title: t('jobs.stateLabel'), render: (_, job) => <JobStateTag job={job} /> },
    {
      key: 'progress',
      title: t('jobs.progress'),
      width: 240,
      render: (_, job) => <JobProgressBar job={job} compact />,
    },
    {
      key: 'attempts',
      title: t('jobs.attempts'),
      render: (_, job) => t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts }),
    },
    { key: 'finished', title: t('jobs.finished'), render: (_, job) => <DateTime value={job.finishedAt} empty="—" /> },
    {
      key: 'lastError',
      title: t('jobs.lastError'),
      width: 220,
      render: (_, job) =>
        job.lastError ? (
          <Typography.Paragraph
            // An error the job got past (it succeeded in the end) is history, not alarm.
            type={job.state === 'SUCCEEDED' ? 'secondary' : 'danger'}
            ellipsis={{ rows: 2, tooltip: job.lastError }}
            style={{ marginBottom: 0 }}
            data-testid={`job-error-${job.id}`}
          >
            {job.lastError}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('jobs.actions')}</span>,
      render: (_, job) =>
        canEdit ? (
          <JobActions job={job} busy={actions.busy[job.id]} onRetry={actions.retry} onCancel={actions.cancel} label={jobTitle(job, t)} vertical />
        ) : null,
    },
  ];

  let table;
  if (jobs.error && !jobs.data) table = <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  else if (!jobs.data) table = <PageSpinner />;
  else
    table = (
      <>
        {jobs.error && <Alert type="warning" showIcon title={t('jobs.refreshFailed')} style={{ marginBottom: 12 }} />}
        <Table<JobInfo>
          data-testid="jobs-table"
          rowKey="id"
          columns={columns}
          dataSource={nodes}
          pagination={false}
          loading={jobs.loading && !polling.current}
          scroll={{ x: 'max-content' }}
          onRow={(job) => ({ 'data-testid': `job-row-${job.id}`, 'data-state': job.state }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={states.length ? t('jobs.noneMatching') : t('jobs.none')} /> }}
        />
        <nav aria-label={t('jobs.pages')}>
          <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('jobs.pageN', { n: paging.index + 1 })}</Typography.Text>
            <Button icon={<LeftOutlined aria-hidden />} disabled={paging.index === 0} onClick={() => setPaging(previousPage)} data-testid="jobs-previous">
              {t('jobs.previous')}
            </Button>
            <Button
              disabled={!pageInfo?.hasNextPage}
              onClick={() => setPaging((p) => nextPage(p, pageInfo?.endCursor))}
              data-testid="jobs-next"
            >
              {t('jobs.next')} <RightOutlined aria-hidden />
            </Button>
          </Flex>
        </nav>
      </>
    );

  return (
    <section aria-labelledby="jobs-title">
      <Typography.Title id="jobs-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('jobs.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t('jobs.readOnly')} style={{ marginBottom: 16 }} data-testid="jobs-read-only" />}
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="jobs-state-filter">{t('jobs.filterState')}</label>
        <Select<JobState[]>
          id="jobs-state-filter"
          mode="multiple"
          allowClear
          placeholder={t('jobs.allStates')}
          options={stateOptions}
          value={states}
          onChange={(next) => {
            setStates(next);
            setPaging(FIRST_PAGE);
          }}
          style={{ minWidth: 240 }}
          data-testid="jobs-state-filter"
        />
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void jobs.refetch()} data-testid="jobs-refresh">
          {t('jobs.refresh')}
        </Button>
        <span aria-live="polite" data-testid="jobs-live" data-live={String(live)}>
          {live && <Badge status="processing" text={t('jobs.live')} />}
        </span>
      </Flex>
      {table}
      <SchedulesSection shopId={shop.id} />
      {openJob && <JobDrawer key={openJob} shopId={shop.id} jobId={openJob} canEdit={canEdit} onClose={closeJob} onFresh={replaceJob} />}
    </section>
  );
}
