import type { PluginInfoFragment, PluginKind, ShopPluginReadinessFragment, ShopPluginStateFragment } from '../../gql/graphql';
import type { Translate } from '../../i18n';
import type { MessageKey } from '../../i18n';

export type PluginInfo = PluginInfoFragment;
export type ShopPluginState = ShopPluginStateFragment;

/** The order the catalog's groups are shown in. */
export const KIND_ORDER: PluginKind[] = ['MARKETPLACE_SOURCE', 'CHANNEL_PUBLISHER', 'THEME', 'ANALYTICS_SINK'];

/** What this shop's seller may fill in and whether Sync now / Check can run (ShopPluginReadiness). */
export type PluginReadiness = ShopPluginReadinessFragment;

/** One plugin as the page shows it: its catalog entry, and this shop's state when visible. */
export interface PluginEntry {
  plugin: PluginInfo;
  state?: ShopPluginState;
  /** Absent from servers without operators (then only `state.enabled` decides). */
  readiness?: PluginReadiness;
}

const NOT_READY_CODES = ['NOT_CONNECTED', 'NOT_CONFIGURED', 'DISABLED', 'SHOP_SUSPENDED'];

/**
 * Why Sync now / Check cannot run, in words, or null when they can: the server's reason (it is
 * localised), else the UI's words for its code.
 */
export function notReadyText(readiness: Pick<PluginReadiness, 'notReadyReason' | 'notReadyCode'> | undefined, title: string, t: Translate): string | null {
  if (!readiness) return null;
  if (readiness.notReadyReason) return readiness.notReadyReason;
  const code = readiness.notReadyCode;
  if (!code) return null;
  return NOT_READY_CODES.includes(code) ? t(`plugins.notReady.${code}` as 'plugins.notReady.DISABLED', { title }) : code;
}

/** Whether a plugin matches a search, the way the server's `search` argument matches. */
export function matchesSearch(plugin: Pick<PluginInfo, 'name' | 'title' | 'description'>, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return `${plugin.name} ${plugin.title} ${plugin.description}`.toLowerCase().includes(needle);
}

/** Whether "Sync now" applies: an enabled marketplace source of this shop. */
export function canSync(entry: PluginEntry): boolean {
  return entry.plugin.kind === 'MARKETPLACE_SOURCE' && Boolean(entry.state?.enabled);
}

/** A plugin's state once its authorization is forgotten. */
export function disconnected<S extends Pick<ShopPluginState, 'connected' | 'accountName'>>(state: S): S {
  return { ...state, connected: false, accountName: null };
}

export interface ConnectionView {
  /** What the connection tag says ({account} is filled in). */
  label: MessageKey;
  /** The connect button's words and accessible label. */
  action: 'plugins.connect' | 'plugins.reconnect';
  actionOf: 'plugins.connectOf' | 'plugins.reconnectOf';
  tone: 'success' | 'warning' | 'default';
}

/**
 * How a one-click authorization stands: connected (as an account), lost (an account is known
 * but its authorization no longer works: connect again), or never connected.
 */
export function connectionView(state: Pick<ShopPluginState, 'connected' | 'accountName'>): ConnectionView {
  if (state.connected) {
    return {
      label: state.accountName ? 'plugins.connectedAs' : 'plugins.connectedNoName',
      action: 'plugins.reconnect',
      actionOf: 'plugins.reconnectOf',
      tone: 'success',
    };
  }
  if (state.accountName) return { label: 'plugins.connectionLost', action: 'plugins.reconnect', actionOf: 'plugins.reconnectOf', tone: 'warning' };
  return { label: 'plugins.notConnected', action: 'plugins.connect', actionOf: 'plugins.connectOf', tone: 'default' };
}
