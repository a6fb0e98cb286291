import { generateForm } from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { Button, Flex, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { localizedFields, toApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { rjsfTranslator } from './rjsfStrings';
import { initialFormData, prepareConfigSchema } from './schema';
import { SecretFieldsEditor } from './SecretFieldsEditor';
import { EMPTY_DRAFT, secretsPayload, type SecretDraft, type SecretsPayload } from './secrets';
import { hasErrors, pruneChangedErrors, splitFieldErrors } from './fieldErrors';
import { validatorFor } from './validator';

export type Config = Record<string, unknown>;

const Form = generateForm<Config>();

const UI_SCHEMA: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
// The antd theme's layout options: one field per row (drawers and cards are narrow), titles on the left.
const FORM_CONTEXT = { labelAlign: 'left', colSpan: 24, rowGutter: 16 };

interface Props {
  /** The JSON Schema of the form (secret fields, marked writeOnly or listed, become write-only inputs). */
  configSchema: unknown;
  secretFields: readonly string[];
  secretsSet: readonly string[];
  /** The stored values. */
  config: unknown;
  idPrefix: string;
  /** Save; throw (an ApiError) to have its field errors put back on the fields. */
  onSave: (config: Config, secrets: SecretsPayload | null) => Promise<void>;
  saveLabel: string;
  saveTestId: string;
  /** More buttons after Save (Check, Close). */
  actions?: ReactNode;
  /** Shown when the form has no field at all. */
  emptyText: string;
  /** Fields shown but not editable (values the server settings provide). */
  readOnlyFields?: readonly string[];
}

/**
 * A plugin settings form: generated from a JSON Schema (rjsf, antd theme), prefilled from the
 * stored config, the secret fields as write-only inputs; Save sends the config and only the
 * secrets typed or cleared, and puts the server's field errors (in the UI's language when they
 * carry a code) back on the fields. Used by the seller's settings drawer and the operator's app
 * settings.
 */
export function ConfigForm({ configSchema, secretFields, secretsSet, config, idPrefix, onSave, saveLabel, saveTestId, actions, emptyText, readOnlyFields }: Props) {
  const { t, lang } = useI18n();
  const prepared = useMemo(() => prepareConfigSchema(configSchema, secretFields), [configSchema, secretFields]);
  const secretNames = useMemo(() => prepared.secrets.map((s) => s.name), [prepared]);
  const uiSchema = useMemo<UiSchema>(
    () => ({ ...UI_SCHEMA, ...Object.fromEntries((readOnlyFields ?? []).map((name) => [name, { 'ui:readonly': true }])) }),
    [readOnlyFields],
  );

  const [formData, setFormData] = useState<Config>(() => initialFormData(config, prepared.formFields));
  const [draft, setDraft] = useState<SecretDraft>(EMPTY_DRAFT);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>({});
  const [secretErrors, setSecretErrors] = useState<Record<string, string[]>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState<Config | undefined>(undefined);

  function handleChange(event: IChangeEvent<Config, RJSFSchema>) {
    const next = event.formData ?? {};
    setFormData(next);
    if (hasErrors(extraErrors)) setExtraErrors((errors) => pruneChangedErrors(errors, submitted, next));
  }

  async function save(values: Config) {
    setSaving(true);
    setError(null);
    setFormErrors([]);
    setSecretErrors({});
    setExtraErrors({});
    try {
      await onSave(values, secretsPayload(secretNames, draft));
      setDraft(EMPTY_DRAFT);
    } catch (caught) {
      const apiError = toApiError(caught);
      const split = splitFieldErrors(localizedFields(apiError.fields, t), { secretFields: secretNames, formFields: prepared.formFields });
      setError(apiError);
      setExtraErrors(split.extraErrors);
      setSecretErrors(split.secretErrors);
      setFormErrors(split.formErrors);
      setSubmitted(values);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
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
        uiSchema={uiSchema}
        formContext={FORM_CONTEXT}
        formData={formData}
        validator={validatorFor(lang)}
        translateString={rjsfTranslator(lang)}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        idPrefix={idPrefix}
        disabled={saving}
        onChange={handleChange}
        onError={() => setError(null)}
        onSubmit={(event) => void save(event.formData ?? {})}
      >
        {prepared.formFields.length === 0 && prepared.secrets.length === 0 && <Typography.Paragraph>{emptyText}</Typography.Paragraph>}
        <SecretFieldsEditor
          secrets={prepared.secrets}
          secretsSet={secretsSet}
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
          <Button type="primary" htmlType="submit" loading={saving} data-testid={saveTestId}>
            {saveLabel}
          </Button>
          {actions}
        </Flex>
      </Form>
    </>
  );
}
