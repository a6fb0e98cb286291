import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { describeError } from '../api';
import { useT } from '../i18n';

/** A whole-page error (a query that failed), with a retry button when retrying makes sense. */
export function ErrorState({ error, onRetry, action }: { error: unknown; onRetry?: () => void; action?: ReactNode }) {
  const t = useT();
  const { title, detail, code } = describeError(error, t);
  const status = code === 'FORBIDDEN' ? '403' : code === 'NOT_FOUND' ? '404' : 'error';
  return (
    <Result
      status={status}
      title={title}
      subTitle={detail ? t('errors.detail', { detail }) : undefined}
      extra={
        <>
          {onRetry && code !== 'FORBIDDEN' && code !== 'NOT_FOUND' && <Button onClick={onRetry}>{t('app.retry')}</Button>}
          {action}
        </>
      }
    />
  );
}
