import { Alert, Descriptions, Drawer, Empty, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { syncResultSummary } from '../catalog/catalog';
import { useT } from '../../i18n';
import { JobActions, JobProgressBar, JobQuery, JobStateTag, isActive, jobTitle, useJobActions, usePolling, type JobInfo } from '../../jobs';

interface Props {
  shopId: string;
  jobId: string;
  canEdit: boolean;
  onClose: () => void;
  /** Told whenever the drawer learns a newer version of the job (to update the table). */
  onFresh: (job: JobInfo) => void;
}

/** One job in full: state, progress, attempts, every attempt's error, result; live while active. */
export function JobDrawer({ shopId, jobId, canEdit, onClose, onFresh }: Props) {
  const t = useT();
  const query = useQuery(JobQuery, { shopId, id: jobId });
  const job = query.data?.shop.job ?? null;
  const { setData, refetch } = query;
  const fresh = useCallback(
    (next: JobInfo) => {
      setData((d) => d && { ...d, shop: { ...d.shop, job: next } });
      onFresh(next);
    },
    [setData, onFresh],
  );
  const actions = useJobActions(shopId, fresh);
  usePolling(
    async () => {
      await refetch();
    },
    { active: Boolean(job && isActive(job)) },
  );

  const title = job ? jobTitle(job, t) : t('jobs.job');
  const summary = job && job.kind === 'catalog.sync' ? syncResultSummary(job.result, t) : null;
  let body;
  if (query.error && !query.data) body = <ErrorAlert error={query.error} />;
  else if (!query.data) body = <PageSpinner />;
  else if (!job) body = <Empty description={t('jobs.notFound')} />;
  else
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <JobProgressBar job={job} testId={`job-drawer-progress-${job.id}`} />
        {job.lastError && (
          <Alert type="error" showIcon title={t('jobs.lastError')} description={<span style={{ wordBreak: 'break-word' }}>{job.lastError}</span>} />
        )}
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[
            { key: 'state', label: t('jobs.stateLabel'), children: <JobStateTag job={job} /> },
            { key: 'kind', label: t('jobs.kindLabel'), children: <Typography.Text code>{job.kind}</Typography.Text> },
            { key: 'attempts', label: t('jobs.attempts'), children: t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts }) },
            { key: 'created', label: t('jobs.created'), children: <DateTime value={job.createdAt} /> },
            { key: 'runAt', label: t('jobs.runAt'), children: <DateTime value={job.runAt} /> },
            { key: 'started', label: t('jobs.started'), children: <DateTime value={job.startedAt} empty="—" /> },
            { key: 'finished', label: t('jobs.finished'), children: <DateTime value={job.finishedAt} empty="—" /> },
            { key: 'id', label: t('jobs.id'), children: <Typography.Text copyable>{job.id}</Typography.Text> },
          ]}
        />
        <section aria-labelledby="job-errors-title">
          <Typography.Title id="job-errors-title" level={3} style={{ fontSize: 16 }}>
            {t('jobs.errors')}
          </Typography.Title>
          {job.errors.length === 0 ? (
            <Typography.Text type="secondary">{t('jobs.noErrors')}</Typography.Text>
          ) : (
            <ol data-testid="job-errors" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {[...job.errors].reverse().map((error) => (
                <li key={`${error.attempt}-${error.at ?? ''}`} style={{ padding: '8px 12px', border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 8 }}>
                  <Typography.Text strong>{t('jobs.attemptN', { n: error.attempt })}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    <DateTime value={error.at} empty="" />
                  </Typography.Text>
                  <div style={{ wordBreak: 'break-word' }}>{error.message}</div>
                </li>
              ))}
            </ol>
          )}
        </section>
        {job.result != null && (
          <section aria-labelledby="job-result-title">
            <Typography.Title id="job-result-title" level={3} style={{ fontSize: 16 }}>
              {t('jobs.result')}
            </Typography.Title>
            {summary && (
              <Typography.Paragraph data-testid="job-summary">
                <Typography.Text strong>{t('jobs.summary')}</Typography.Text> {summary}
              </Typography.Paragraph>
            )}
            <pre tabIndex={0} aria-labelledby="job-result-title" style={{ maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 12, borderRadius: 8, fontSize: 12 }}>
              {JSON.stringify(job.result, null, 2)}
            </pre>
          </section>
        )}
      </Space>
    );

  return (
    <Drawer
      open
      title={title}
      size={560}
      onClose={onClose}
      data-testid="job-drawer"
      closable={{ 'aria-label': t('plugins.close') }}
      extra={
        canEdit && job ? (
          <JobActions job={job} busy={actions.busy[job.id]} onRetry={actions.retry} onCancel={actions.cancel} label={title} testIdPrefix="job-drawer" />
        ) : undefined
      }
    >
      {body}
    </Drawer>
  );
}
