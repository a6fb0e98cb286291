import { Progress, Typography } from 'antd';
import { useT } from '../i18n';
import { jobMessage, progressView, type JobInfo } from './states';

function amount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * A job's progress: a bar when the total is known, else how much is done; the handler's message
 * under it. `data-testid="job-progress-<id>"` is on the progress bar itself.
 */
export function JobProgressBar({
  job,
  showMessage = true,
  compact = false,
  testId,
}: {
  job: Pick<JobInfo, 'id' | 'state' | 'progress' | 'kind' | 'result'>;
  showMessage?: boolean;
  /** Cut a long message to two lines (the whole of it in a tooltip), e.g. in a table. */
  compact?: boolean;
  /** Default `job-progress-<id>`. */
  testId?: string;
}) {
  const t = useT();
  const view = { ...progressView(job), message: jobMessage(job, t) };
  const label = t('jobs.progressOf', { id: job.id });
  const counts =
    view.done == null ? undefined : view.total != null ? t('jobs.doneOfTotal', { done: amount(view.done), total: amount(view.total) }) : t('jobs.doneCount', { done: amount(view.done) });
  return (
    <div style={{ minWidth: 140 }}>
      <Progress
        data-testid={testId ?? `job-progress-${job.id}`}
        data-state={job.state}
        aria-label={label}
        aria-valuenow={view.percent ?? undefined}
        aria-valuetext={view.percent != null ? `${view.percent}%` : counts ?? t('jobs.progressUnknown')}
        percent={view.percent ?? 0}
        status={view.status}
        size="small"
        format={(percent) => (view.percent == null ? (counts ?? '…') : `${percent ?? 0}%`)}
      />
      {showMessage && (view.message || (view.percent != null && counts)) && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={compact ? { rows: 2, tooltip: view.message ?? counts } : false}
          style={{ fontSize: 12, marginBottom: 0, wordBreak: 'break-word' }}
        >
          {view.message ?? counts}
        </Typography.Paragraph>
      )}
    </div>
  );
}
