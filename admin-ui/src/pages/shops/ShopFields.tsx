import { Button, Form, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { describeError, useQuery } from '../../api';
import { LANG_TAGS, useI18n } from '../../i18n';
import { ReferenceDataQuery } from '../../shop';
import { currencyOptions, localeOptions, timeZones } from './options';

interface Props {
  /** The values the form holds now, so they stay choosable whatever the lists say. */
  current: { currency?: string; locale?: string; timezone?: string };
}

/**
 * The currency, language and time zone fields of the shop forms (inside an antd Form). The
 * currencies and locales are the server's (`currencies`, `locales`); the time zones the browser's.
 */
export function ShopFields({ current }: Props) {
  const { t, lang } = useI18n();
  const reference = useQuery(ReferenceDataQuery, {});
  const currencies = useMemo(
    () => currencyOptions(reference.data?.currencies ?? [], LANG_TAGS[lang], current.currency),
    [reference.data, lang, current.currency],
  );
  const locales = useMemo(() => localeOptions(reference.data?.locales ?? [], current.locale), [reference.data, current.locale]);
  const zones = useMemo(() => {
    const all = timeZones();
    const list = current.timezone && !all.includes(current.timezone) ? [current.timezone, ...all] : all;
    return list.map((z) => ({ value: z, label: z }));
  }, [current.timezone]);
  const loadError = reference.error && !reference.data ? describeError(reference.error, t) : null;

  return (
    <>
      {loadError && (
        <div role="alert" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Typography.Text type="danger">
              {t('shops.referenceFailed')} {loadError.title}
            </Typography.Text>
            <Button size="small" onClick={() => void reference.refetch()}>
              {t('app.retry')}
            </Button>
          </Space>
        </div>
      )}
      <Form.Item label={t('shops.currency')} name="currency" rules={[{ required: true, message: t('shops.currencyRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={reference.loading} options={currencies} />
      </Form.Item>
      <Form.Item label={t('shops.locale')} name="locale" rules={[{ required: true, message: t('shops.localeRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={reference.loading} options={locales} />
      </Form.Item>
      <Form.Item label={t('shops.timezone')} name="timezone" rules={[{ required: true, message: t('shops.timezoneRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={zones} />
      </Form.Item>
    </>
  );
}
