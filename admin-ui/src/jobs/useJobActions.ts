import { App } from 'antd';
import { useCallback, useState } from 'react';
import { describeError, gqlRequest } from '../api';
import { useT } from '../i18n';
import { CancelJobMutation, RetryJobMutation } from './operations';
import type { JobInfo } from './states';

export type JobAction = 'retry' | 'cancel';

/**
 * Retry and cancel (editors): asks the server, hands the job as it now is to `onFresh`, and says
 * how it went. `busy[id]` is the action under way for a job.
 */
export function useJobActions(shopId: string, onFresh: (job: JobInfo) => void) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Record<string, JobAction>>({});

  const run = useCallback(
    async (action: JobAction, job: Pick<JobInfo, 'id'>) => {
      setBusy((b) => ({ ...b, [job.id]: action }));
      try {
        const fresh =
          action === 'retry'
            ? (await gqlRequest(RetryJobMutation, { shopId, id: job.id })).retryJob
            : (await gqlRequest(CancelJobMutation, { shopId, id: job.id })).cancelJob;
        onFresh(fresh);
        const done = action === 'retry' ? 'jobs.retried' : fresh.state === 'CANCELLED' ? 'jobs.cancelled' : 'jobs.cancelRequested';
        void message.success(t(done));
        return fresh;
      } catch (error) {
        const { title, detail } = describeError(error, t);
        const what = t(action === 'retry' ? 'jobs.retryFailed' : 'jobs.cancelFailed');
        void message.error([what, title, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
        return undefined;
      } finally {
        setBusy(({ [job.id]: _done, ...rest }) => rest);
      }
    },
    [shopId, onFresh, message, t],
  );

  return { busy, retry: (job: Pick<JobInfo, 'id'>) => run('retry', job), cancel: (job: Pick<JobInfo, 'id'>) => run('cancel', job) };
}
