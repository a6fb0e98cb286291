import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { fieldErrorsByName, toApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import type { ContentKind } from '../gql/graphql';
import { useT, type MessageKey } from '../i18n';
import { CONTENT_KINDS, CONTENT_LOCALES, localeLabelKey, type ContentLocaleTag } from './status';

export interface CreatePageValues {
  kind: ContentKind;
  title: string;
  handle: string;
  locale: ContentLocaleTag;
}

interface Props {
  initialKind: ContentKind;
  initialLocale: ContentLocaleTag;
  /** Kinds that cannot be created again (the home page, once it exists). */
  unavailable: readonly ContentKind[];
  /** Create it; throw (an ApiError) to keep the dialog open with the server's field errors. */
  onCreate: (values: CreatePageValues) => Promise<void>;
  onClose: () => void;
}

/** A new page: its kind, its first language's title, and an optional handle. */
export function CreatePageModal({ initialKind, initialLocale, unavailable, onCreate, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<CreatePageValues>();
  const kind = Form.useWatch('kind', form) ?? initialKind;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: CreatePageValues) {
    setSaving(true);
    setError(null);
    try {
      await onCreate({ ...values, title: values.title.trim(), handle: (values.handle ?? '').trim() });
    } catch (caught) {
      const byField = fieldErrorsByName(caught, ['input', 'data'], t);
      const known = (['handle', 'title'] as const).filter((name) => byField[name]);
      form.setFields(known.map((name) => ({ name, errors: [byField[name]] })));
      if (known.length === 0) setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('content.create.title')}
      okText={t('content.create.submit')}
      cancelText={t('content.create.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'create-page-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error != null && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
      <Form<CreatePageValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: initialKind, locale: initialLocale, title: '', handle: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="kind" label={t('content.create.kind')}>
          <Select<ContentKind>
            data-testid="create-page-kind"
            options={CONTENT_KINDS.map((k) => ({ value: k, label: t(`content.kind.${k}` as MessageKey), disabled: unavailable.includes(k) }))}
          />
        </Form.Item>
        <Form.Item name="locale" label={t('content.create.locale')}>
          <Select<ContentLocaleTag> options={CONTENT_LOCALES.map((l) => ({ value: l, label: t(localeLabelKey(l)) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('content.create.pageTitle')} rules={[{ required: true, whitespace: true, message: t('content.create.titleRequired') }]}>
          <Input data-testid="create-page-title" maxLength={200} />
        </Form.Item>
        {kind !== 'HOME' && (
          <Form.Item name="handle" label={t('content.create.handle')} extra={t('content.create.handleHelp')}>
            <Input data-testid="create-page-handle" maxLength={100} />
          </Form.Item>
        )}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      </Form>
    </Modal>
  );
}
