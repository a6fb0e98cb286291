import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { fieldErrorsByName } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { TOKEN_ROLES, type KeyKind } from './keys';

export interface CreateKeyValues {
  name: string;
  role: Role;
}

interface Props {
  kind: KeyKind;
  onCreate: (values: CreateKeyValues) => Promise<void>;
  onClose: () => void;
}

/** Name (and, for an admin token, role) of a new key; `onCreate` asks the server. */
export function CreateKeyModal({ kind, onCreate, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<CreateKeyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const title = t(kind === 'storefront' ? 'keys.createStorefrontTitle' : 'keys.createAdminTitle');

  async function submit(values: CreateKeyValues) {
    setBusy(true);
    setError(null);
    try {
      await onCreate({ name: values.name.trim(), role: values.role });
    } catch (caught) {
      const fields = fieldErrorsByName(caught, undefined, t);
      if (fields.name) form.setFields([{ name: 'name', errors: [t('keys.nameInvalid')] }]);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={t('keys.create')}
      cancelText={t('shops.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'create-key-submit' }}
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<CreateKeyValues>
        form={form}
        name={`create-${kind}-key`}
        layout="vertical"
        initialValues={{ name: '', role: 'ANALYST' }}
        onFinish={submit}
        disabled={busy}
      >
        <Form.Item
          label={t('keys.name')}
          name="name"
          extra={t(kind === 'storefront' ? 'keys.nameHelpStorefront' : 'keys.nameHelpAdmin')}
          rules={[
            { required: true, whitespace: true, message: t('keys.nameInvalid') },
            { max: 100, message: t('keys.nameInvalid') },
          ]}
        >
          <Input autoFocus maxLength={100} autoComplete="off" />
        </Form.Item>
        {kind === 'admin' && (
          <Form.Item label={t('keys.role')} name="role" extra={t('keys.roleHelp')} rules={[{ required: true }]}>
            <Select<Role> options={TOKEN_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
          </Form.Item>
        )}
        {/* Enter in a field submits (implicit submission needs a submit button in the form). */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
      </Form>
    </Modal>
  );
}
