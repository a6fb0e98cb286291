import type { PluginInfoFragment, PluginKind, ShopPluginStateFragment } from '../../gql/graphql';
import type { MessageKey } from '../../i18n';

export type PluginInfo = PluginInfoFragment;
export type ShopPluginState = ShopPluginStateFragment;

/** The order the catalog's groups are shown in. */
export const KIND_ORDER: PluginKind[] = ['MARKETPLACE_SOURCE', 'CHANNEL_PUBLISHER', 'THEME', 'ANALYTICS_SINK'];

/** One plugin as the page shows it: its catalog entry, and this shop's state when visible. */
export interface PluginEntry {
  plugin: PluginInfo;
  state?: ShopPluginState;
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
