import { ApiOutlined, DisconnectOutlined, LinkOutlined, SafetyCertificateOutlined, SettingOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n';
import type { JobInfo } from '../../jobs';
import { HealthTag } from './HealthTag';
import { SyncJobStatus } from './SyncJobStatus';
import { canSync, connectionView, notReadyText, type PluginEntry } from './types';

interface Props {
  shopId: string;
  entry: PluginEntry;
  /** Editors and owners may change things; analysts see the state only. */
  canEdit: boolean;
  pending: boolean;
  checking: boolean;
  onToggle: (name: string, enabled: boolean) => void;
  onSettings: (name: string) => void;
  onCheck: (name: string) => void;
  onPrefetchSettings?: () => void;
  /** One-click authorization (plugins that support it). */
  connecting?: boolean;
  onConnect?: (name: string) => void;
  onDisconnect?: (name: string) => void;
  /** "Sync now" (enabled marketplace sources) and the sync job it started, if any. */
  syncing?: boolean;
  syncJob?: JobInfo;
  onSync?: (name: string) => void;
}

/** One plugin: title, description, version, health, connection, last error, switch and actions. */
export function PluginCard({
  shopId,
  entry,
  canEdit,
  pending,
  checking,
  onToggle,
  onSettings,
  onCheck,
  onPrefetchSettings,
  connecting = false,
  onConnect,
  onDisconnect,
  syncing = false,
  syncJob,
  onSync,
}: Props) {
  const t = useT();
  const { plugin, state } = entry;
  const titleId = `plugin-title-${plugin.name}`;
  const connection = state ? connectionView(state) : null;
  // Why Sync now / Check cannot run (null when they can): on the buttons and as text (phones have no hover).
  const notReady = state?.enabled ? notReadyText(entry.readiness, plugin.title, t) : null;
  const notReadyId = `plugin-not-ready-${plugin.name}`;
  const actions =
    canEdit && state
      ? [
          <Button
            key="settings"
            type="text"
            icon={<SettingOutlined aria-hidden />}
            data-testid={`plugin-settings-${plugin.name}`}
            aria-label={t('plugins.settingsOf', { title: plugin.title })}
            onClick={() => onSettings(plugin.name)}
            onMouseEnter={onPrefetchSettings}
            onFocus={onPrefetchSettings}
          >
            {t('plugins.settings')}
          </Button>,
          <Button
            key="check"
            type="text"
            icon={<SafetyCertificateOutlined aria-hidden />}
            data-testid={`plugin-check-${plugin.name}`}
            loading={checking}
            disabled={!state.enabled || notReady !== null}
            title={notReady ?? (state.enabled ? undefined : t('plugins.notEnabledHint'))}
            aria-describedby={notReady ? notReadyId : undefined}
            onClick={() => onCheck(plugin.name)}
          >
            {t('plugins.check')}
          </Button>,
          ...(canSync(entry) && onSync
            ? [
                <Button
                  key="sync"
                  type="text"
                  icon={<SyncOutlined aria-hidden spin={syncing} />}
                  data-testid={`sync-now-${plugin.name}`}
                  aria-label={t('plugins.syncNowOf', { title: plugin.title })}
                  loading={syncing}
                  disabled={notReady !== null}
                  title={notReady ?? undefined}
                  aria-describedby={notReady ? notReadyId : undefined}
                  onClick={() => onSync(plugin.name)}
                >
                  {t('plugins.syncNow')}
                </Button>,
              ]
            : []),
        ]
      : undefined;

  return (
    <Card
      data-testid={`plugin-${plugin.name}`}
      data-enabled={state ? String(state.enabled) : undefined}
      role="article"
      aria-labelledby={titleId}
      title={
        <span id={titleId} style={{ whiteSpace: 'normal' }}>
          {plugin.title}
        </span>
      }
      extra={
        // Without the shop's state (an older server's answer to an analyst) there is no switch:
        // an "off" one would lie. Analysts see the state with the switch disabled.
        state && (
          <Switch
            data-testid={`plugin-toggle-${plugin.name}`}
            aria-label={t('plugins.enable', { title: plugin.title })}
            checked={state.enabled}
            loading={pending}
            disabled={!canEdit || pending}
            onChange={(checked) => onToggle(plugin.name, checked)}
          />
        )
      }
      actions={actions}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1 } }}
    >
      <Typography.Paragraph style={{ marginBottom: 12 }}>{plugin.description}</Typography.Paragraph>
      <Flex wrap gap={4} align="center">
        <Tag>{t('plugins.version', { version: plugin.version })}</Tag>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {plugin.name}
        </Typography.Text>
        {state && <HealthTag health={state.health} testId={`plugin-health-${plugin.name}`} />}
      </Flex>
      {plugin.supportsAuthorization && state && connection && (
        <Flex
          wrap
          gap={8}
          align="center"
          style={{ marginTop: 12 }}
          data-testid={`plugin-connection-${plugin.name}`}
          data-connected={String(state.connected)}
        >
          <Tag
            color={connection.tone}
            icon={state.connected ? <LinkOutlined aria-hidden /> : <DisconnectOutlined aria-hidden />}
            data-testid={`plugin-account-${plugin.name}`}
          >
            {t(connection.label, { account: state.accountName ?? '' })}
          </Tag>
          {canEdit && onConnect && (
            <Button
              size="small"
              type={connection.action === 'plugins.connect' ? 'primary' : 'default'}
              icon={<ApiOutlined aria-hidden />}
              data-testid={`plugin-connect-${plugin.name}`}
              aria-label={t(connection.actionOf, { title: plugin.title })}
              loading={connecting}
              disabled={!state.enabled}
              title={state.enabled ? undefined : t('plugins.notEnabledHint')}
              onClick={() => onConnect(plugin.name)}
            >
              {t(connection.action)}
            </Button>
          )}
          {canEdit && onDisconnect && (state.connected || state.accountName) && (
            <Button
              size="small"
              danger
              icon={<DisconnectOutlined aria-hidden />}
              data-testid={`plugin-disconnect-${plugin.name}`}
              aria-label={t('plugins.disconnectOf', { title: plugin.title })}
              disabled={connecting}
              onClick={() => onDisconnect(plugin.name)}
            >
              {t('plugins.disconnect')}
            </Button>
          )}
        </Flex>
      )}
      {notReady && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} id={notReadyId} data-testid={notReadyId} data-code={entry.readiness?.notReadyCode ?? undefined} title={notReady} />
      )}
      {state?.lastError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          data-testid={`plugin-error-${plugin.name}`}
          title={
            state.lastErrorAt
              ? t('plugins.lastErrorAt', { when: dayjs(state.lastErrorAt).format('YYYY-MM-DD HH:mm') })
              : t('plugins.lastError')
          }
          description={<span style={{ wordBreak: 'break-word' }}>{state.lastError}</span>}
        />
      )}
      {syncJob && <SyncJobStatus key={syncJob.id} shopId={shopId} name={plugin.name} job={syncJob} />}
    </Card>
  );
}
