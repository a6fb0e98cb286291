import { Alert, App, Col, Empty, Input, Row, Typography } from 'antd';
import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError, gqlRequest, toApiError, useQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import { useT } from '../../i18n';
import { hasRole, useShop } from '../../shop';
import { SyncCatalogMutation, type JobInfo } from '../../jobs';
import { browser, isHttpUrl } from './browser';
import { PluginCard } from './PluginCard';
import {
  CheckPluginMutation,
  DisconnectAuthorizationMutation,
  PluginCatalogQuery,
  SetPluginEnabledMutation,
  ShopPluginReadinessQuery,
  ShopPluginsQuery,
  StartAuthorizationMutation,
} from './operations';
import { toggleOptimistically } from './toggle';
import { KIND_ORDER, disconnected, matchesSearch, type PluginEntry, type ShopPluginState } from './types';

const loadDrawer = () => import('./PluginSettingsDrawer');
const PluginSettingsDrawer = lazy(loadDrawer);

/** /shops/:shopId/plugins — the plugin catalog grouped by kind, with this shop's switches. */
export default function PluginsPage() {
  const t = useT();
  const shop = useShop();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});
  const [connecting, setConnecting] = useState<Record<string, boolean>>({});
  const [syncing, setSyncing] = useState<Record<string, boolean>>({});
  const [syncJobs, setSyncJobs] = useState<Record<string, JobInfo>>({});

  const mayEdit = hasRole(shop.viewerRole, 'EDITOR');
  // Every member sees the shop's plugin state; the config only editors and owners (an analyst
  // asking for it gets FORBIDDEN), so it is asked for only with the permission.
  const shopPlugins = useQuery(ShopPluginsQuery, { shopId: shop.id, canEdit: mayEdit });
  // A server that refuses the state altogether (older servers did, to analysts) leaves the bare
  // catalog, read-only. Analysts never get edit controls.
  const stateForbidden = shopPlugins.error?.code === 'FORBIDDEN';
  const readOnly = !mayEdit || stateForbidden;
  const catalog = useQuery(PluginCatalogQuery, {}, { skip: !stateForbidden });
  // The shop's own forms and readiness; an error (a server without operators) leaves it out.
  const readiness = useQuery(ShopPluginReadinessQuery, { shopId: shop.id });
  const refreshReadiness = readiness.refetch;

  const { setData } = shopPlugins;
  const updatePlugin = useCallback(
    (name: string, change: (current: ShopPluginState) => ShopPluginState) =>
      setData((data) =>
        data && {
          ...data,
          shop: { ...data.shop, plugins: data.shop.plugins.map((p) => (p.name === name ? change(p) : p)) },
        },
      ),
    [setData],
  );

  const entries: PluginEntry[] = useMemo(() => {
    if (stateForbidden) return (catalog.data?.plugins ?? []).map((plugin) => ({ plugin }));
    const ready = readiness.data?.shop.plugins ?? [];
    return (shopPlugins.data?.shop.plugins ?? []).map((state) => ({
      plugin: state.plugin,
      state,
      readiness: ready.find((r) => r.name === state.name),
    }));
  }, [stateForbidden, catalog.data, shopPlugins.data, readiness.data]);

  const visible = useMemo(() => entries.filter((e) => matchesSearch(e.plugin, deferredSearch)), [entries, deferredSearch]);
  const groups = useMemo(() => {
    // Known kinds in their order, then any kind this page does not know yet.
    const kinds = [...KIND_ORDER, ...new Set(visible.map((e) => e.plugin.kind).filter((k) => !KIND_ORDER.includes(k)))];
    return kinds.map((kind) => ({ kind, items: visible.filter((e) => e.plugin.kind === kind) })).filter((g) => g.items.length > 0);
  }, [visible]);

  const titleOf = (name: string) => entries.find((e) => e.plugin.name === name)?.plugin.title ?? name;

  async function toggle(name: string, enabled: boolean) {
    const current = shopPlugins.data?.shop.plugins.find((p) => p.name === name);
    if (!current || pending[name]) return;
    const title = current.plugin.title;
    setPending((p) => ({ ...p, [name]: true }));
    await toggleOptimistically<ShopPluginState>(
      {
        update: updatePlugin,
        commit: async (n, e) => (await gqlRequest(SetPluginEnabledMutation, { shopId: shop.id, name: n, enabled: e })).setPluginEnabled,
        onSuccess: (fresh) => {
          void message.success(t(fresh.enabled ? 'plugins.enabled' : 'plugins.disabled', { title }));
          void refreshReadiness();
        },
        onError: (error, _n, e) => {
          const { title: why, detail } = describeError(error, t);
          void message.error({
            content: [t('plugins.toggleFailed', { title, state: t(e ? 'plugins.on' : 'plugins.off') }), why, detail && t('errors.detail', { detail })]
              .filter(Boolean)
              .join(' '),
            duration: 6,
          });
        },
      },
      name,
      current.enabled,
      enabled,
    );
    setPending(({ [name]: _done, ...rest }) => rest);
  }

  async function check(name: string): Promise<ShopPluginState | undefined> {
    const title = titleOf(name);
    setChecking((c) => ({ ...c, [name]: true }));
    try {
      const fresh = (await gqlRequest(CheckPluginMutation, { shopId: shop.id, name })).checkPlugin;
      updatePlugin(name, () => fresh);
      void refreshReadiness();
      if (fresh.health === 'OK') void message.success(t('plugins.checkOk', { title }));
      else void message.warning([t('plugins.checkFailed', { title }), fresh.lastError].filter(Boolean).join(' '), 6);
      return fresh;
    } catch (error) {
      const { title: why, detail } = describeError(error, t);
      void message.error([t('plugins.checkFailed', { title }), why, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 6);
      return undefined;
    } finally {
      setChecking(({ [name]: _done, ...rest }) => rest);
    }
  }

  function reportFailure(what: string, error: unknown) {
    const { title: why, detail } = describeError(error, t);
    void message.error([what, why, detail && t('errors.detail', { detail })].filter(Boolean).join(' '), 8);
  }

  /** One-click authorization: the server gives the provider's page; the browser goes there. */
  async function connect(name: string) {
    const title = titleOf(name);
    setConnecting((c) => ({ ...c, [name]: true }));
    try {
      const { url } = (await gqlRequest(StartAuthorizationMutation, { shopId: shop.id, plugin: name })).startAuthorization;
      if (!isHttpUrl(url)) throw new Error(t('plugins.badAuthorizationUrl'));
      browser.assign(url);
      // The page is being left: the button keeps spinning until it is.
    } catch (error) {
      reportFailure(t('plugins.connectFailed', { title }), error);
      setConnecting(({ [name]: _done, ...rest }) => rest);
      // Credentials the operator does not provide are missing: the settings say which.
      if (toApiError(error).code === 'BAD_USER_INPUT') openSettings(name);
    }
  }

  function disconnect(name: string) {
    const title = titleOf(name);
    const account = shopPlugins.data?.shop.plugins.find((p) => p.name === name)?.accountName;
    modal.confirm({
      title: t('plugins.disconnectTitle', { title }),
      content: t('plugins.disconnectBody', { title, account: account ?? title }),
      okText: t('plugins.disconnect'),
      focusable: { autoFocusButton: 'cancel' },
      okButtonProps: { danger: true, 'data-testid': 'plugin-disconnect-confirm' },
      cancelText: t('shops.cancel'),
      onOk: async () => {
        try {
          await gqlRequest(DisconnectAuthorizationMutation, { shopId: shop.id, plugin: name });
          updatePlugin(name, disconnected);
          void refreshReadiness();
          void message.success(t('plugins.disconnected', { title }));
        } catch (error) {
          reportFailure(t('plugins.disconnectFailed', { title }), error);
        }
      },
    });
  }

  /** Start a catalog sync (or get the one already under way) and show its progress on the card. */
  async function sync(name: string) {
    const title = titleOf(name);
    setSyncing((s) => ({ ...s, [name]: true }));
    try {
      const job = (await gqlRequest(SyncCatalogMutation, { shopId: shop.id, source: name })).syncCatalog;
      setSyncJobs((jobs) => ({ ...jobs, [name]: job }));
      void message.success(t('plugins.syncStarted', { title }));
    } catch (error) {
      reportFailure(t('plugins.syncFailed', { title }), error);
    } finally {
      setSyncing(({ [name]: _done, ...rest }) => rest);
    }
  }

  // Back from a provider's authorization page: the server's OAuth callback redirects here with
  // ?connected=<plugin>, ?denied=<plugin> or ?failed=<plugin> (the reason in its lastError).
  const states = shopPlugins.data?.shop.plugins;
  useEffect(() => {
    const outcome = (['connected', 'denied', 'failed'] as const).find((key) => params.has(key));
    if (!outcome || !states) return;
    const name = params.get(outcome) ?? '';
    const state = states.find((p) => p.name === name);
    const title = state?.plugin.title ?? name;
    if (outcome === 'connected') void message.success(t('plugins.oauth.connected', { title }));
    else if (outcome === 'denied') void message.warning(t('plugins.oauth.denied', { title }), 6);
    else void message.error([t('plugins.oauth.failed', { title }), state?.lastError].filter(Boolean).join(' '), 8);
    setParams(
      (p) => {
        p.delete(outcome);
        return p;
      },
      { replace: true },
    );
  }, [params, states, message, t, setParams]);

  const settingsName = params.get('settings');
  const settingsState = settingsName ? shopPlugins.data?.shop.plugins.find((p) => p.name === settingsName) : undefined;
  const openSettings = (name: string) =>
    setParams((p) => {
      p.set('settings', name);
      return p;
    });
  const closeSettings = () =>
    setParams((p) => {
      p.delete('settings');
      return p;
    });

  const active = stateForbidden ? catalog : shopPlugins;
  if (active.error && !active.data) return <ErrorState error={active.error} onRetry={() => void active.refetch()} />;
  if (!active.data) return <PageSpinner />;

  return (
    <section aria-labelledby="plugins-title">
      <Typography.Title id="plugins-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('plugins.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('plugins.intro')}</Typography.Paragraph>
      {readOnly && (
        <Alert
          type="info"
          showIcon
          title={t('plugins.readOnly')}
          description={stateForbidden ? t('plugins.stateUnavailable') : undefined}
          style={{ marginBottom: 16 }}
          data-testid="plugins-read-only"
        />
      )}
      <div role="search" style={{ maxWidth: 420, marginBottom: 24 }}>
        <label htmlFor="plugin-search" className="visually-hidden">
          {t('plugins.search')}
        </label>
        <Input.Search
          id="plugin-search"
          data-testid="plugin-search"
          placeholder={t('plugins.searchPlaceholder')}
          aria-label={t('plugins.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>

      {entries.length === 0 && <Empty description={t('plugins.none')} />}
      {entries.length > 0 && groups.length === 0 && <Empty description={t('plugins.noMatch', { query: search.trim() })} />}

      {groups.map(({ kind, items }) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} data-testid={`plugin-group-${kind}`} style={{ marginBottom: 32 }}>
          <Typography.Title id={`kind-${kind}`} level={2} style={{ fontSize: 18 }}>
            {t(`plugins.kind.${kind}`)}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {items.map((entry) => (
              <Col key={entry.plugin.name} xs={24} md={12} xl={8}>
                <PluginCard
                  shopId={shop.id}
                  entry={entry}
                  canEdit={!readOnly}
                  pending={Boolean(pending[entry.plugin.name])}
                  checking={Boolean(checking[entry.plugin.name])}
                  onToggle={(name, enabled) => void toggle(name, enabled)}
                  onSettings={openSettings}
                  onCheck={(name) => void check(name)}
                  onPrefetchSettings={() => void loadDrawer()}
                  connecting={Boolean(connecting[entry.plugin.name])}
                  onConnect={(name) => void connect(name)}
                  onDisconnect={disconnect}
                  syncing={Boolean(syncing[entry.plugin.name])}
                  syncJob={syncJobs[entry.plugin.name]}
                  onSync={(name) => void sync(name)}
                />
              </Col>
            ))}
          </Row>
        </section>
      ))}

      {settingsState && !readOnly && (
        <Suspense fallback={null}>
          <PluginSettingsDrawer
            key={settingsState.name}
            shopId={shop.id}
            state={settingsState}
            onClose={closeSettings}
            readiness={entries.find((e) => e.plugin.name === settingsState.name)?.readiness}
            onSaved={(fresh) => {
              updatePlugin(fresh.name, () => fresh);
              void refreshReadiness();
            }}
            onCheck={check}
            checking={Boolean(checking[settingsState.name])}
          />
        </Suspense>
      )}
    </section>
  );
}
