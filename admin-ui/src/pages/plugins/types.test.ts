import { describe, expect, it } from 'vitest';
import { shopPlugin } from '../../test/fixtures';
import { canSync, connectionView, disconnected, matchesSearch } from './types';

describe('connectionView', () => {
  it('tells connected, lost and never-connected authorizations apart', () => {
    expect(connectionView({ connected: true, accountName: 'shop nick' })).toMatchObject({ label: 'plugins.connectedAs', action: 'plugins.reconnect', tone: 'success' });
    expect(connectionView({ connected: true, accountName: null })).toMatchObject({ label: 'plugins.connectedNoName', action: 'plugins.reconnect' });
    expect(connectionView({ connected: false, accountName: 'shop nick' })).toMatchObject({ label: 'plugins.connectionLost', action: 'plugins.reconnect', tone: 'warning' });
    expect(connectionView({ connected: false, accountName: null })).toMatchObject({ label: 'plugins.notConnected', action: 'plugins.connect', tone: 'default' });
  });

  it('forgets the account on disconnect', () => {
    const state = shopPlugin('taobao', { connected: true, accountName: 'nick' });
    expect(disconnected(state)).toMatchObject({ name: 'taobao', connected: false, accountName: null });
  });
});

describe('canSync', () => {
  it('applies to enabled marketplace sources only', () => {
    const entry = (name: string, enabled: boolean) => {
      const state = shopPlugin(name, { enabled });
      return { plugin: state.plugin, state };
    };
    expect(canSync(entry('feed', true))).toBe(true);
    expect(canSync(entry('feed', false))).toBe(false);
    expect(canSync(entry('webhook', true))).toBe(false);
    expect(canSync({ plugin: shopPlugin('feed').plugin })).toBe(false); // no state known
  });
});

describe('matchesSearch', () => {
  it('matches name, title and description, ignoring case', () => {
    const { plugin } = shopPlugin('taobao');
    expect(matchesSearch(plugin, 'TMALL')).toBe(true);
    expect(matchesSearch(plugin, '  ')).toBe(true);
    expect(matchesSearch(plugin, 'shopify')).toBe(false);
  });
});
