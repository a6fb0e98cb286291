import { Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { gqlRequest } from '../../api';
import { useT } from '../../i18n';
import { JobProgressBar, JobQuery, JobStateTag, isActive, usePolling, type JobInfo } from '../../jobs';

interface Props {
  shopId: string;
  name: string;
  job: JobInfo;
}

/** The sync a "Sync now" started: its state and live progress, and a link to it on the jobs page. */
export function SyncJobStatus({ shopId, name, job: started }: Props) {
  const t = useT();
  const [job, setJob] = useState(started);
  useEffect(() => setJob(started), [started]);
  usePolling(
    async () => {
      const fresh = (await gqlRequest(JobQuery, { shopId, id: job.id })).shop.job;
      if (fresh) setJob(fresh);
    },
    { active: isActive(job) },
  );
  return (
    <div data-testid={`sync-status-${name}`} data-state={job.state} style={{ marginTop: 12 }}>
      <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('plugins.syncJob')}</Typography.Text>
        <JobStateTag job={job} />
        <Link to={`/shops/${shopId}/jobs?job=${encodeURIComponent(job.id)}`} data-testid={`sync-job-link-${name}`}>
          {t('plugins.syncJobLink')}
        </Link>
      </Flex>
      <JobProgressBar job={job} />
      {job.lastError && (
        <Typography.Text type="danger" style={{ display: 'block', wordBreak: 'break-word' }}>
          {job.lastError}
        </Typography.Text>
      )}
    </div>
  );
}
