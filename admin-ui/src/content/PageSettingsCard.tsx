import { App, Button, Card, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { fieldErrorsByName, gqlRequest, toApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ContentPageFieldsFragment } from '../gql/graphql';
import { useT } from '../i18n';
import { UpdateContentPageMutation } from './operations';
import { instantToShopTime, shopTimeToInstant } from './schedule';

interface Props {
  shopId: string;
  page: ContentPageFieldsFragment;
  zone: string;
  readOnly: boolean;
  onSaved: (page: ContentPageFieldsFragment) => void;
}

interface Values {
  handle: string;
  tags: string[];
  startsAt: Dayjs | null;
  endsAt: Dayjs | null;
}

function initial(page: ContentPageFieldsFragment, zone: string): Values {
  return {
    handle: page.handle,
    tags: [...page.tags],
    startsAt: page.startsAt ? instantToShopTime(page.startsAt, zone) : null,
    endsAt: page.endsAt ? instantToShopTime(page.endsAt, zone) : null,
  };
}

/**
 * What a page has whatever the locale: its address (a new one keeps the old for a redirect),
 * an article's tags, a campaign's start and end (in the shop's time zone). Only changed fields
 * are sent.
 */
export function PageSettingsCard({ shopId, page, zone, readOnly, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [values, setValues] = useState<Values>(() => initial(page, zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const isCampaign = page.kind === 'CAMPAIGN';
  const isArticle = page.kind === 'ARTICLE';
  if (page.kind === 'HOME') return null;

  const startsAt = values.startsAt ? shopTimeToInstant(values.startsAt, zone) : null;
  const endsAt = values.endsAt ? shopTimeToInstant(values.endsAt, zone) : null;
  const same = (a: string | null, b: string | null) => (a && b ? new Date(a).getTime() === new Date(b).getTime() : a === b);
  const changes = {
    ...(values.handle.trim() !== page.handle ? { handle: values.handle.trim() } : {}),
    ...(isArticle && JSON.stringify(values.tags) !== JSON.stringify(page.tags) ? { tags: values.tags } : {}),
    ...(isCampaign && !same(startsAt, page.startsAt) && startsAt ? { startsAt } : {}),
    ...(isCampaign && !same(endsAt, page.endsAt) && endsAt ? { endsAt } : {}),
  };
  const changed = Object.keys(changes).length > 0;

  async function save() {
    setSaving(true);
    setError(null);
    setErrors({});
    try {
      const answer = await gqlRequest(UpdateContentPageMutation, { shopId, id: page.id, ...changes });
      onSaved(answer.updateContentPage);
      setValues(initial(answer.updateContentPage, zone));
      void message.success(t('content.settings.saved'));
    } catch (caught) {
      const byField = fieldErrorsByName(caught, ['input'], t);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('content.settings.title')}</h2>} style={{ marginBottom: 16 }} data-testid="page-settings">
      {error != null && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div" disabled={readOnly}>
        <Form.Item label={t('content.create.handle')} htmlFor="page-handle" extra={t('content.settings.handleHelp')} validateStatus={errors.handle ? 'error' : undefined} help={errors.handle}>
          <Input id="page-handle" data-testid="page-handle" value={values.handle} maxLength={100} onChange={(e) => setValues((v) => ({ ...v, handle: e.target.value }))} />
        </Form.Item>
        {isArticle && (
          <Form.Item label={t('content.settings.tags')} htmlFor="page-tags" validateStatus={errors.tags ? 'error' : undefined} help={errors.tags}>
            <Select<string[]> id="page-tags" mode="tags" value={values.tags} onChange={(tags) => setValues((v) => ({ ...v, tags }))} tokenSeparators={[',', '，']} />
          </Form.Item>
        )}
        {isCampaign && (
          <Flex gap={12} wrap>
            <Form.Item label={t('content.settings.startsAt', { zone })} htmlFor="page-starts" validateStatus={errors.startsAt ? 'error' : undefined} help={errors.startsAt}>
              <DatePicker id="page-starts" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} value={values.startsAt} onChange={(startsAt) => setValues((v) => ({ ...v, startsAt }))} />
            </Form.Item>
            <Form.Item label={t('content.settings.endsAt', { zone })} htmlFor="page-ends" validateStatus={errors.endsAt ? 'error' : undefined} help={errors.endsAt}>
              <DatePicker id="page-ends" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} value={values.endsAt} onChange={(endsAt) => setValues((v) => ({ ...v, endsAt }))} />
            </Form.Item>
          </Flex>
        )}
        {!readOnly && (
          <Button onClick={() => void save()} loading={saving} disabled={!changed} data-testid="page-settings-save">
            {t('content.settings.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
