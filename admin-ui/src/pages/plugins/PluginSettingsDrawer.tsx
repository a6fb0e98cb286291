import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { gqlRequest } from '../../api';
import { useT } from '../../i18n';
import { ConfigForm, type Config } from './ConfigForm';
import { HealthTag } from './HealthTag';
import { ConfigurePluginMutation } from './operations';
import { withoutFields } from './schema';
import type { SecretsPayload } from './secrets';
import { notReadyText, type PluginReadiness, type ShopPluginState } from './types';

interface Props {
  shopId: string;
  state: ShopPluginState;
  /** This shop's form and what the operator manages (absent from servers without operators). */
  readiness?: PluginReadiness;
  onClose: () => void;
  onSaved: (fresh: ShopPluginState) => void;
  onCheck: (name: string) => Promise<ShopPluginState | undefined>;
  checking: boolean;
}

/**
 * A plugin's settings for this shop: the form of the shop's own schema (`ShopPlugin.configSchema`:
 * never the fields the operator manages, which are named as "Managed by your CloudCat operator"),
 * saved with configurePlugin. Loaded on demand (rjsf and ajv are big).
 */
export default function PluginSettingsDrawer({ shopId, state, readiness, onClose, onSaved, onCheck, checking }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const { plugin } = state;
  const [open, setOpen] = useState(true);
  const managed = useMemo(() => readiness?.operatorManaged ?? [], [readiness]);
  const form = useMemo(() => withoutFields(readiness?.configSchema ?? plugin.configSchema, managed), [readiness, plugin.configSchema, managed]);
  // Named by the plugin's full schema: the shop's own no longer has them.
  const managedTitles = useMemo(() => withoutFields(plugin.configSchema, managed).removed, [plugin.configSchema, managed]);
  const secretFields = useMemo(() => plugin.secretFields.filter((name) => !managed.includes(name)), [plugin.secretFields, managed]);
  const notReady = notReadyText(readiness, plugin.title, t);

  async function save(config: Config, secrets: SecretsPayload | null) {
    const data = await gqlRequest(ConfigurePluginMutation, { shopId, name: plugin.name, config, secrets });
    onSaved(data.configurePlugin);
    void message.success(t('plugins.saved', { title: plugin.title }));
    setOpen(false);
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
      {notReady && (
        <Alert type="warning" showIcon title={notReady} data-testid={`drawer-not-ready-${plugin.name}`} style={{ marginBottom: 16 }} />
      )}
      {managed.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="operator-managed"
          title={t('plugins.operatorManaged')}
          description={t('plugins.operatorManagedHelp', { fields: managedTitles.join(t('list.sep')) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <ConfigForm
        configSchema={form.schema}
        secretFields={secretFields}
        secretsSet={state.secretsSet}
        config={state.config}
        idPrefix={`cfg-${plugin.name}`}
        onSave={save}
        saveLabel={t('plugins.save')}
        saveTestId="plugin-settings-save"
        emptyText={t('plugins.noSettings')}
        actions={
          <>
            <Button
              icon={<SafetyCertificateOutlined aria-hidden />}
              loading={checking}
              disabled={!state.enabled || notReady !== null}
              title={notReady ?? (state.enabled ? undefined : t('plugins.notEnabledHint'))}
              data-testid="plugin-settings-check"
              onClick={() => void onCheck(plugin.name)}
            >
              {t('plugins.check')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('plugins.close')}</Button>
          </>
        }
      />
    </Drawer>
  );
}
