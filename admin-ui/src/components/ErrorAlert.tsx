import { Alert } from 'antd';
import { describeError } from '../api';
import type { MessageKey } from '../i18n';
import { useT } from '../i18n';

interface Props {
  error: unknown;
  /** Better words for some codes in this place (e.g. UNAUTHENTICATED on the login form). */
  overrides?: Partial<Record<string, MessageKey>>;
  style?: React.CSSProperties;
}

/** An error in words: the translated meaning of its code, and the server's message as detail. */
export function ErrorAlert({ error, overrides, style }: Props) {
  const t = useT();
  if (!error) return null;
  const { title, detail, code } = describeError(error, t, overrides);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-error-code={code}
      title={title}
      description={detail ? t('errors.detail', { detail }) : undefined}
      style={style}
    />
  );
}
