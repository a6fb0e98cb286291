import { Button, Flex, Input, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import type { SecretFieldInfo } from './schema';
import { secretStatus, type SecretDraft } from './secrets';

interface Props {
  secrets: SecretFieldInfo[];
  /** Which secret fields hold a value on the server. */
  secretsSet: readonly string[];
  draft: SecretDraft;
  onChange: (draft: SecretDraft) => void;
  errors: Record<string, string[]>;
  disabled?: boolean;
}

/**
 * The write-only secret fields: each shows whether a value is set (never the value), an input
 * to type a replacement, and a "clear" action for a value that is set.
 */
export function SecretFieldsEditor({ secrets, secretsSet, draft, onChange, errors, disabled }: Props) {
  const t = useT();
  if (secrets.length === 0) return null;
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '8px 0 24px' }} data-testid="secret-fields">
      <legend style={{ fontSize: 16, fontWeight: 600, marginBottom: 4 }}>{t('plugins.secrets')}</legend>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('plugins.secretsHelp')}
      </Typography.Paragraph>
      {secrets.map((secret) => {
        const id = `secret-${secret.name}`;
        const isSet = secretsSet.includes(secret.name);
        const status = secretStatus(secret.name, secretsSet, draft);
        const fieldErrors = errors[secret.name] ?? [];
        const describedBy = [secret.description ? `${id}-help` : '', fieldErrors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
        return (
          <div key={secret.name} style={{ marginBottom: 16 }} data-testid={`secret-${secret.name}`}>
            <Flex align="center" gap={8} style={{ marginBottom: 4 }}>
              <label htmlFor={id}>
                {secret.required && (
                  <span aria-hidden style={{ color: 'var(--ant-color-error)', marginInlineEnd: 4 }}>
                    *
                  </span>
                )}
                {secret.title}
              </label>
              <Tag color={isSet ? 'green' : 'default'} data-testid={`secret-status-${secret.name}`} data-set={String(isSet)}>
                {isSet ? t('plugins.secretSet') : t('plugins.secretNotSet')}
              </Tag>
            </Flex>
            <Flex gap={8}>
              <Input.Password
                id={id}
                name={id}
                autoComplete="new-password"
                visibilityToggle
                aria-describedby={describedBy || undefined}
                aria-invalid={fieldErrors.length > 0 || undefined}
                aria-required={secret.required && !isSet ? true : undefined}
                status={fieldErrors.length ? 'error' : undefined}
                placeholder={isSet ? t('plugins.secretReplace') : t('plugins.secretEnter')}
                value={draft.typed[secret.name] ?? ''}
                disabled={disabled || status === 'clear'}
                onChange={(e) => onChange({ ...draft, typed: { ...draft.typed, [secret.name]: e.target.value } })}
              />
              {isSet && status !== 'clear' && (
                <Button
                  data-testid={`secret-clear-${secret.name}`}
                  disabled={disabled}
                  aria-label={`${t('plugins.secretClear')} ${secret.title}`}
                  onClick={() =>
                    onChange({ typed: { ...draft.typed, [secret.name]: '' }, cleared: { ...draft.cleared, [secret.name]: true } })
                  }
                >
                  {t('plugins.secretClear')}
                </Button>
              )}
              {status === 'clear' && (
                <Button
                  data-testid={`secret-undo-${secret.name}`}
                  disabled={disabled}
                  onClick={() => onChange({ ...draft, cleared: { ...draft.cleared, [secret.name]: false } })}
                >
                  {t('plugins.secretUndo')}
                </Button>
              )}
            </Flex>
            {status === 'clear' && (
              <Typography.Text type="warning" role="status">
                {t('plugins.secretWillClear')}
              </Typography.Text>
            )}
            {secret.description && (
              <div id={`${id}-help`}>
                <Typography.Text type="secondary">{secret.description}</Typography.Text>
              </div>
            )}
            {fieldErrors.length > 0 && (
              <div id={`${id}-error`} role="alert">
                {fieldErrors.map((message) => (
                  <Typography.Text key={message} type="danger" style={{ display: 'block' }}>
                    {message}
                  </Typography.Text>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
