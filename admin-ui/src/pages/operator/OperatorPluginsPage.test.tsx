import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigureAppPluginMutation, OperatorPluginsQuery } from '../../operator/operations';
import { renderInShop } from '../../test/render';
import OperatorPluginsPage from './OperatorPluginsPage';
import { settingsProvided } from './appSchema';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const TAOBAO = {
  plugin: { name: 'taobao', kind: 'MARKETPLACE_SOURCE', title: 'Taobao / Tmall', description: 'Taobao shops.', version: '0.1.0' },
  appFields: ['app_key', 'app_secret', 'gateway'],
  appConfig: { app_key: 'key-1', gateway: 'https://gw.example' },
  appSecretsSet: ['app_secret'],
  fromSettings: ['gateway'],
  appConfigSchema: {
    type: 'object',
    properties: {
      app_key: { type: 'string', title: 'App Key' },
      app_secret: { type: 'string', title: 'App Secret', writeOnly: true },
      gateway: { type: 'string', title: 'Gateway', readOnly: true },
    },
  },
};
const FEED = { ...TAOBAO, plugin: { ...TAOBAO.plugin, name: 'feed', title: 'Feed' }, appFields: [], appConfigSchema: { type: 'object', properties: {} } };

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === OperatorPluginsQuery) return { operatorPlugins: [TAOBAO, FEED] };
    throw new Error('unexpected');
  });
});

describe('OperatorPluginsPage', () => {
  it('shows each plugin with app-level fields as a form: secrets write-only, settings-provided read-only', async () => {
    renderInShop(<OperatorPluginsPage />, { path: '/operator/plugins', route: '/operator/plugins' });
    const card = await screen.findByTestId('app-plugin-taobao');
    expect(screen.queryByTestId('app-plugin-feed')).not.toBeInTheDocument(); // no app-level fields
    expect(within(card).getByLabelText(/App Key/)).toHaveValue('key-1');
    expect(within(card).getByTestId('secret-status-app_secret')).toHaveTextContent('Set');
    expect(within(card).getByLabelText(/^\*?App Secret$/)).toHaveValue('');
    expect(within(card).getByLabelText(/Gateway/)).toBeDisabled(); // rjsf's antd theme shows read-only fields disabled
    expect(within(card).getByTestId('app-plugin-fixed-taobao')).toHaveTextContent('Gateway');
  });

  it('saves the operator values and only the secrets typed', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown, variables: { config: Record<string, unknown> }) => {
      if (document === ConfigureAppPluginMutation) return { configureAppPlugin: { ...TAOBAO, appConfig: { ...TAOBAO.appConfig, ...variables.config } } };
      throw new Error('unexpected');
    });
    renderInShop(<OperatorPluginsPage />, { path: '/operator/plugins', route: '/operator/plugins' });
    const card = await screen.findByTestId('app-plugin-taobao');
    const key = within(card).getByLabelText(/App Key/);
    await user.clear(key);
    await user.type(key, 'key-2');
    await user.type(within(card).getByLabelText(/^\*?App Secret$/), 's3cret');
    await user.click(within(card).getByTestId('app-plugin-save-taobao'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalled());
    expect(client.gqlRequest).toHaveBeenCalledWith(ConfigureAppPluginMutation, {
      name: 'taobao',
      config: { app_key: 'key-2' },
      secrets: { app_secret: 's3cret' },
    });
    expect(await screen.findByText('App settings of Taobao / Tmall saved.')).toBeInTheDocument();
  });

  it('finds the settings-provided fields by readOnly', () => {
    expect(settingsProvided(TAOBAO.appConfigSchema)).toEqual({ names: ['gateway'], titles: ['Gateway'] });
    expect(settingsProvided(null)).toEqual({ names: [], titles: [] });
    expect(settingsProvided({ properties: { app_key: { title: 'App Key' } } }, ['app_key'])).toEqual({ names: ['app_key'], titles: ['App Key'] });
  });
});
