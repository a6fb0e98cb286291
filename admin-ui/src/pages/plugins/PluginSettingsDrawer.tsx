import { SafetyCertificateOutlined } from '@ant-design/icons';
import { generateForm } from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, App, Button, Drawer, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { gqlRequest, toApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { HealthTag } from './HealthTag';
import { ConfigurePluginMutation } from './operations';
import { rjsfTranslator } from './rjsfStrings';
import { initialFormData, prepareConfigSchema } from './schema';
import { SecretFieldsEditor } from './SecretFieldsEditor';
import { EMPTY_DRAFT, secretsPayload, type SecretDraft } from './secrets';
import { hasErrors, pruneChangedErrors, splitFieldErrors } from './fieldErrors';
import type { ShopPluginState } from './types';
import { validatorFor } from './validator';

type Config = Record<string, unknown>;

const Form = generateForm<Config>();

interface Props {
  shopId: string;
  state: ShopPluginState;
  onClose: () => void;
  onSaved: (fresh: ShopPluginState) => void;
  onCheck: (name: string) => Promise<ShopPluginState | undefined>;
  checking: boolean;
}

const UI_SCHEMA: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
// The antd theme's layout options: one field per row (the drawer is narrow), titles on the left.
const FORM_CONTEXT = { labelAlign: 'left', colSpan: 24, rowGutter: 16 };

/**
 * A plugin's settings: a form generated from its config schema (rjsf, antd theme), prefilled from
 * the stored config; its secret fields as write-only inputs; Save calls configurePlugin with the
 * config and only the secrets typed or cleared, and puts the server's field errors back on the
 * fields. Loaded on demand (rjsf and ajv are big).
 */
export default function PluginSettingsDrawer({ shopId, state, onClose, onSaved, onCheck, checking }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { plugin } = state;
  const prepared = useMemo(() => prepareConfigSchema(plugin.configSchema, plugin.secretFields), [plugin.configSchema, plugin.secretFields]);
  const secretNames = useMemo(() => prepared.secrets.map((s) => s.name), [prepared]);

  const [open, setOpen] = useState(true);
  const [formData, setFormData] = useState<Config>(() => initialFormData(state.config, prepared.formFields));
  const [draft, setDraft] = useState<SecretDraft>(EMPTY_DRAFT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>({});
  const [secretErrors, setSecretErrors] = useState<Record<string, string[]>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState<Config | undefined>(undefined);

  const hasFormFields = prepared.formFields.length > 0;

  function handleChange(event: IChangeEvent<Config, RJSFSchema>) {
    const next = event.formData ?? {};
    setFormData(next);
    if (hasErrors(extraErrors)) setExtraErrors((errors) => pruneChangedErrors(errors, submitted, next));
  }

  async function save(config: Config) {
    setSaving(true);
    setError(null);
    setFormErrors([]);
    setSecretErrors({});
    setExtraErrors({});
    try {
      const data = await gqlRequest(ConfigurePluginMutation, {
        shopId,
        name: plugin.name,
        config,
        secrets: secretsPayload(secretNames, draft),
      });
      onSaved(data.configurePlugin);
      setDraft(EMPTY_DRAFT);
      void message.success(t('plugins.saved', { title: plugin.title }));
      setOpen(false);
    } catch (caught) {
      const apiError = toApiError(caught);
      const split = splitFieldErrors(apiError.fields, { secretFields: secretNames, formFields: prepared.formFields });
      setError(apiError);
      setExtraErrors(split.extraErrors);
      setSecretErrors(split.secretErrors);
      setFormErrors(split.formErrors);
      setSubmitted(config);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={() => setOpen(false)}
      // The page unmounts this drawer once it has closed (no destroyOnHidden: with it, a drawer
      // closed while still opening is removed before its close animation ends and this is never
      // called, which left the page stuck with a closed drawer and the focus lost).
      afterOpenChange={(visible) => {
        if (!visible) onClose();
      }}
      size={560}
      title={t('plugins.settingsOf', { title: plugin.title })}
      data-testid={`plugin-settings-drawer-${plugin.name}`}
      extra={<HealthTag health={state.health} testId={`drawer-health-${plugin.name}`} />}
    >
      <Typography.Paragraph type="secondary">{plugin.description}</Typography.Paragraph>
      {state.lastError && (
        <Alert type="error" showIcon title={t('plugins.lastError')} description={state.lastError} style={{ marginBottom: 16 }} />
      )}
      {error != null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={error} />
          {formErrors.length > 0 && (
            <ul aria-label={t('plugins.saveFailed')} style={{ marginTop: 8 }}>
              {formErrors.map((line) => (
                <li key={line}>
                  <Typography.Text type="danger">{line}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Form
        className="plugin-config-form"
        schema={prepared.schema}
        uiSchema={UI_SCHEMA}
        formContext={FORM_CONTEXT}
        formData={formData}
        validator={validatorFor(lang)}
        translateString={rjsfTranslator(lang)}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        idPrefix={`cfg-${plugin.name}`}
        disabled={saving}
        onChange={handleChange}
        onError={() => setError(null)}
        onSubmit={(event) => void save(event.formData ?? {})}
      >
        {!hasFormFields && prepared.secrets.length === 0 && <Typography.Paragraph>{t('plugins.noSettings')}</Typography.Paragraph>}
        <SecretFieldsEditor
          secrets={prepared.secrets}
          secretsSet={state.secretsSet}
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            // A server error about a secret is out of date once the user changes that secret.
            setSecretErrors((errors) =>
              Object.fromEntries(
                Object.entries(errors).filter(
                  ([name]) => next.typed[name] === draft.typed[name] && next.cleared[name] === draft.cleared[name],
                ),
              ),
            );
          }}
          errors={secretErrors}
          disabled={saving}
        />
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="plugin-settings-save">
            {t('plugins.save')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined aria-hidden />}
            loading={checking}
            disabled={!state.enabled}
            title={state.enabled ? undefined : t('plugins.notEnabledHint')}
            data-testid="plugin-settings-check"
            onClick={() => void onCheck(plugin.name)}
          >
            {t('plugins.check')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('plugins.close')}</Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
