import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fieldErrorsByName, gqlRequest } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LANG_TAGS, useI18n } from '../../i18n';
import { UpdateShopMutation, hasRole, useShop, useShopActions } from '../../shop';
import { LOCALE_NAMES } from './options';
import { SETTINGS_FIELDS, changedShopInput, settingsOf, type ShopSettingsValues } from './settings';
import { ShopFields } from './ShopFields';

function currencyName(code: string, tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  } catch {
    return code;
  }
}

/** /shops/:shopId/settings — the shop's name, currency, language and time zone (owners edit). */
export default function ShopSettingsPage() {
  const { t, lang } = useI18n();
  const shop = useShop();
  const isOwner = hasRole(shop.viewerRole, 'OWNER');
  return (
    <section aria-labelledby="settings-title">
      <Typography.Title id="settings-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {isOwner ? (
        <Card>
          <SettingsForm key={shop.id} />
        </Card>
      ) : (
        <>
          <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} data-testid="settings-read-only" />
          <Card>
            <Descriptions
              column={1}
              items={[
                { key: 'name', label: t('shops.name'), children: shop.name },
                { key: 'slug', label: t('shops.slug'), children: `/s/${shop.slug}/` },
                { key: 'currency', label: t('shops.currency'), children: currencyName(shop.currency, LANG_TAGS[lang]) },
                { key: 'locale', label: t('shops.locale'), children: LOCALE_NAMES[shop.locale] ? `${LOCALE_NAMES[shop.locale]} (${shop.locale})` : shop.locale },
                { key: 'timezone', label: t('shops.timezone'), children: shop.timezone },
              ]}
            />
          </Card>
        </>
      )}
    </section>
  );
}

/** The owner's form: only changed fields are sent; the server's field errors go on the fields. */
function SettingsForm() {
  const { t } = useI18n();
  const shop = useShop();
  const { replace } = useShopActions();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShopSettingsValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saved = useMemo(() => settingsOf(shop), [shop]);
  const values = Form.useWatch([], form) as ShopSettingsValues | undefined;
  const dirty = values ? Object.keys(changedShopInput(saved, { ...saved, ...values })).length > 0 : false;

  async function submit(next: ShopSettingsValues) {
    const input = changedShopInput(saved, next);
    if (Object.keys(input).length === 0) {
      void message.info(t('settings.nothingChanged'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gqlRequest(UpdateShopMutation, { id: shop.id, input });
      replace(data.updateShop);
      form.setFieldsValue(settingsOf(data.updateShop));
      void message.success(t('settings.saved'));
    } catch (caught) {
      setError(caught);
      const fields = fieldErrorsByName(caught, undefined, t);
      form.setFields(SETTINGS_FIELDS.filter((name) => fields[name]).map((name) => ({ name, errors: [fields[name]] })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<ShopSettingsValues>
        form={form}
        name="shop-settings"
        layout="vertical"
        initialValues={saved}
        onFinish={submit}
        disabled={busy}
        style={{ maxWidth: 520 }}
      >
        <Form.Item label={t('shops.name')} name="name" rules={[{ required: true, whitespace: true, message: t('shops.nameRequired') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('shops.slug')} htmlFor="shop-settings-slug" extra={t('settings.slugFixed')}>
          <Input id="shop-settings-slug" value={`/s/${shop.slug}/`} readOnly variant="filled" />
        </Form.Item>
        <ShopFields current={saved} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!dirty}>
            {t('settings.save')}
          </Button>
          <Button
            htmlType="button"
            disabled={!dirty}
            onClick={() => {
              form.setFields(SETTINGS_FIELDS.map((name) => ({ name, value: saved[name], errors: [] })));
              setError(null);
            }}
          >
            {t('settings.reset')}
          </Button>
        </Space>
      </Form>
    </>
  );
}
