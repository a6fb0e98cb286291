import { RedoOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useT } from '../i18n';
import { canCancel, canRetry, type JobInfo } from './states';
import type { JobAction } from './useJobActions';

interface Props {
  job: JobInfo;
  busy: JobAction | undefined;
  onRetry: (job: JobInfo) => void;
  onCancel: (job: JobInfo) => void;
  /** A name for the job in the buttons' accessible labels ("Retry Catalog sync"). */
  label: string;
  /** Test ids are `<prefix>-retry-<id>` and `<prefix>-cancel-<id>` (unique per place). */
  testIdPrefix?: string;
  /** Stack the buttons (narrow table cells). */
  vertical?: boolean;
}

/** Retry and Cancel for one job, each only when the server would accept it. */
export function JobActions({ job, busy, onRetry, onCancel, label, testIdPrefix = 'job', vertical = false }: Props) {
  const t = useT();
  return (
    <Space size={4} wrap orientation={vertical ? 'vertical' : 'horizontal'}>
      {canRetry(job) && (
        <Button
          size="small"
          icon={<RedoOutlined aria-hidden />}
          data-testid={`${testIdPrefix}-retry-${job.id}`}
          aria-label={t('jobs.retryNamed', { name: label })}
          loading={busy === 'retry'}
          disabled={Boolean(busy)}
          onClick={() => onRetry(job)}
        >
          {t('jobs.retry')}
        </Button>
      )}
      {canCancel(job) && (
        <Button
          size="small"
          danger
          icon={<StopOutlined aria-hidden />}
          data-testid={`${testIdPrefix}-cancel-${job.id}`}
          aria-label={t('jobs.cancelNamed', { name: label })}
          loading={busy === 'cancel'}
          disabled={Boolean(busy)}
          onClick={() => onCancel(job)}
        >
          {t('jobs.cancel')}
        </Button>
      )}
    </Space>
  );
}
