import { Spin } from 'antd';
import { useT } from '../i18n';

/** A centred spinner for a page or a route chunk that is loading. */
export function PageSpinner() {
  const t = useT();
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
