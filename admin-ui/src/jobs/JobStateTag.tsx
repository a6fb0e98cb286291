import { Tag } from 'antd';
import { useT } from '../i18n';
import { STATE_COLOR, type JobInfo } from './states';

/** A job's state as a coloured tag ("Running", "Failed"...), noting a requested cancel. */
export function JobStateTag({ job }: { job: Pick<JobInfo, 'state' | 'cancelRequested'> }) {
  const t = useT();
  const cancelling = job.state === 'RUNNING' && job.cancelRequested;
  return (
    <Tag color={cancelling ? 'warning' : STATE_COLOR[job.state]} data-state={job.state}>
      {cancelling ? t('jobs.cancelling') : t(`jobs.state.${job.state}`)}
    </Tag>
  );
}
