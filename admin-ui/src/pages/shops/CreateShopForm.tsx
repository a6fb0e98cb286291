import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { fieldErrorsByName, gqlRequest } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ShopSummaryFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { CreateShopMutation } from '../../shop';
import { SLUG_PATTERN, browserTimeZone, slugFrom } from './options';
import { ShopFields } from './ShopFields';

interface Values {
  name: string;
  slug: string;
  currency: string;
  locale: string;
  timezone: string;
}

const FIELDS: (keyof Values)[] = ['name', 'slug', 'currency', 'locale', 'timezone'];

/** Create a shop: name, address (slug), currency, language and time zone. */
export function CreateShopForm({ onCreated, onCancel }: { onCreated: (shop: ShopSummaryFragment) => void; onCancel?: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [slugTouched, setSlugTouched] = useState(false);
  const initial: Values = {
    name: '',
    slug: '',
    currency: 'CNY',
    locale: lang === 'zh' ? 'zh-CN' : 'en',
    timezone: browserTimeZone(),
  };

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const data = await gqlRequest(CreateShopMutation, {
        slug: values.slug.trim(),
        input: { name: values.name.trim(), currency: values.currency, locale: values.locale, timezone: values.timezone },
      });
      onCreated(data.createShop);
    } catch (caught) {
      setError(caught);
      const fields = fieldErrorsByName(caught, undefined, t);
      form.setFields(
        FIELDS.filter((name) => fields[name]).map((name) => ({ name, errors: [fields[name]] })),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorAlert
        error={error}
        overrides={{ CONFLICT: 'shops.slugTaken' }}
        style={{ marginBottom: 16 }}
      />
      <Form<Values>
        form={form}
        name="create-shop"
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        disabled={busy}
        onValuesChange={(changed: Partial<Values>) => {
          if ('slug' in changed) setSlugTouched(true);
          if ('name' in changed && !slugTouched) form.setFieldValue('slug', slugFrom(changed.name ?? ''));
        }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item label={t('shops.name')} name="name" rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }, { max: 200 }]}>
          <Input autoFocus maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('shops.slug')}
          name="slug"
          extra={t('shops.slugHelp')}
          rules={[
            { required: true, message: t('shops.slugInvalid') },
            { pattern: SLUG_PATTERN, message: t('shops.slugInvalid') },
          ]}
        >
          <Input maxLength={50} autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <ShopFields current={initial} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('shops.createSubmit')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('shops.cancel')}</Button>}
        </Space>
      </Form>
    </>
  );
}
