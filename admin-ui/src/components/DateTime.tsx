import dayjs from 'dayjs';
import { useT } from '../i18n';

/** A point in time from the API (ISO 8601), in the browser's time zone; `empty` when absent. */
export function DateTime({ value, empty }: { value: string | null | undefined; empty?: string }) {
  const t = useT();
  if (!value) return <span>{empty ?? t('app.never')}</span>;
  const at = dayjs(value);
  if (!at.isValid()) return <span>{value}</span>;
  return (
    <time dateTime={at.toISOString()} title={at.format('YYYY-MM-DD HH:mm:ss Z')}>
      {at.format('YYYY-MM-DD HH:mm')}
    </time>
  );
}
