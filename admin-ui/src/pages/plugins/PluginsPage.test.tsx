import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { CATALOG, shopPlugin } from '../../test/fixtures';
import { SHOP, renderInShop } from '../../test/render';
import { JobQuery, SyncCatalogMutation } from '../../jobs';
import { findDialog } from '../../test/dialogs';
import { job } from '../../test/jobs';
import { browser } from './browser';
import PluginsPage from './PluginsPage';
import {
  DisconnectAuthorizationMutation,
  PluginCatalogQuery,
  SetPluginEnabledMutation,
  ShopPluginsQuery,
  StartAuthorizationMutation,
} from './operations';

// The page talks to the server only through these two functions: mock them, not the network.
const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const STATES = [
  shopPlugin('default_theme', { enabled: true, config: { accent_color: '#e4393c' } }),
  shopPlugin('event_store', { enabled: true }),
  shopPlugin('feed', { enabled: true, health: 'OK', config: { url: 'https://example.com/feed.json' } }),
  shopPlugin('webhook', { enabled: false, health: 'ERROR', lastError: 'connection refused', lastErrorAt: '2026-01-02T03:04:05' }),
];
const TAOBAO = shopPlugin('taobao', { enabled: true, connected: true, accountName: '云猫旗舰店' });

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ShopPluginsQuery) return { shop: { id: SHOP.id, plugins: STATES } };
    if (document === PluginCatalogQuery) return { plugins: CATALOG };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('PluginsPage', () => {
  it('groups the plugins by kind, with version, health and last error', async () => {
    renderInShop(<PluginsPage />);
    const sources = await screen.findByTestId('plugin-group-MARKETPLACE_SOURCE');
    expect(within(sources).getByRole('heading', { name: 'Marketplace sources' })).toBeInTheDocument();
    expect(within(sources).getByTestId('plugin-feed')).toBeInTheDocument();
    expect(within(screen.getByTestId('plugin-group-CHANNEL_PUBLISHER')).getByTestId('plugin-webhook')).toBeInTheDocument();
    expect(within(screen.getByTestId('plugin-group-THEME')).getByTestId('plugin-default_theme')).toBeInTheDocument();
    expect(within(screen.getByTestId('plugin-group-ANALYTICS_SINK')).getByTestId('plugin-event_store')).toBeInTheDocument();

    const webhook = screen.getByTestId('plugin-webhook');
    expect(within(webhook).getByText('Version 0.1.0')).toBeInTheDocument();
    expect(within(webhook).getByTestId('plugin-health-webhook')).toHaveTextContent('Error');
    expect(within(webhook).getByTestId('plugin-error-webhook')).toHaveTextContent('connection refused');
    expect(screen.getByTestId('plugin-health-feed')).toHaveTextContent('OK');
  });

  it('filters by the search box', async () => {
    const user = userEvent.setup();
    renderInShop(<PluginsPage />);
    await screen.findByTestId('plugin-feed');
    await user.type(screen.getByRole('searchbox', { name: 'Search plugins' }), 'signed json');
    await waitFor(() => expect(screen.queryByTestId('plugin-feed')).not.toBeInTheDocument());
    expect(screen.getByTestId('plugin-webhook')).toBeInTheDocument();
    expect(screen.queryByTestId('plugin-group-THEME')).not.toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search plugins' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search plugins' }), 'no such thing');
    expect(await screen.findByText('No plugin matches "no such thing".')).toBeInTheDocument();
  });

  it('turns a plugin on at once and keeps it on when the server agrees', async () => {
    const user = userEvent.setup();
    const answer = deferred<unknown>();
    client.gqlRequest.mockImplementation((document: unknown) => {
      expect(document).toBe(SetPluginEnabledMutation);
      return answer.promise;
    });
    renderInShop(<PluginsPage />);
    const toggle = await screen.findByTestId('plugin-toggle-webhook');
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true'); // before the server answered
    expect(client.gqlRequest).toHaveBeenCalledWith(SetPluginEnabledMutation, { shopId: 's1', name: 'webhook', enabled: true });
    await act(async () => answer.resolve({ setPluginEnabled: { ...STATES[3], enabled: true } }));
    expect(screen.getByTestId('plugin-toggle-webhook')).toHaveAttribute('aria-checked', 'true');
    expect(await screen.findByText('Webhook is on.')).toBeInTheDocument();
  });

  it('rolls the switch back and says why when the server refuses', async () => {
    const user = userEvent.setup();
    const answer = deferred<unknown>();
    client.gqlRequest.mockImplementation(() => answer.promise);
    renderInShop(<PluginsPage />);
    const toggle = await screen.findByTestId('plugin-toggle-feed');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    await act(async () => answer.reject(new ApiError('FORBIDDEN', 'you may not do this in this shop')));
    await waitFor(() => expect(screen.getByTestId('plugin-toggle-feed')).toHaveAttribute('aria-checked', 'true'));
    expect(
      await screen.findByText(
        'Could not turn Product feed (JSON/CSV) off. Your role in this shop does not allow this. Details: you may not do this in this shop',
      ),
    ).toBeInTheDocument();
  });

  it('shows analysts the catalog read-only when the server keeps the shop state from them', async () => {
    client.executeOperation.mockImplementation(async (document: unknown) => {
      if (document === ShopPluginsQuery) throw new ApiError('FORBIDDEN', 'you may not do this in this shop');
      return { plugins: CATALOG };
    });
    renderInShop(<PluginsPage />, { shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('plugins-read-only')).toHaveTextContent("visible to editors and owners only");
    expect(await screen.findByTestId('plugin-webhook')).toBeInTheDocument();
    // No state known: no switch at all (an "off" switch would be a lie), no settings, no check.
    expect(screen.queryByTestId('plugin-toggle-feed')).not.toBeInTheDocument();
    expect(screen.queryByTestId('plugin-settings-feed')).not.toBeInTheDocument();
    expect(screen.queryByTestId('plugin-check-feed')).not.toBeInTheDocument();
  });

  it('gives analysts disabled switches when the server does show them the state', async () => {
    renderInShop(<PluginsPage />, { shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('plugins-read-only')).toBeInTheDocument();
    expect(await screen.findByTestId('plugin-toggle-feed')).toBeDisabled();
    expect(screen.getByTestId('plugin-toggle-feed')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('plugin-settings-feed')).not.toBeInTheDocument();
  });

  it('falls back to the catalog when the server refuses an editor the shop state (role changed)', async () => {
    client.executeOperation.mockImplementation(async (document: unknown) => {
      if (document === ShopPluginsQuery) throw new ApiError('FORBIDDEN', 'you may not do this in this shop');
      return { plugins: CATALOG };
    });
    renderInShop(<PluginsPage />);
    expect(await screen.findByTestId('plugins-read-only')).toBeInTheDocument();
    expect(await screen.findByTestId('plugin-webhook')).toBeInTheDocument();
  });

  it('says how an authorization ended when the OAuth callback sends the browser back', async () => {
    renderInShop(<PluginsPage />, { path: '/shops/s1/plugins?failed=webhook' });
    expect(await screen.findByText('Webhook could not be connected. connection refused')).toBeInTheDocument();
  });
});

describe('PluginsPage: one-click authorization', () => {
  function serveWith(states: typeof STATES) {
    client.executeOperation.mockImplementation(async (document: unknown) => {
      if (document === ShopPluginsQuery) return { shop: { id: SHOP.id, plugins: states } };
      throw new Error(`unexpected query ${String(document)}`);
    });
  }

  it('asks for the config only with the editor role', async () => {
    renderInShop(<PluginsPage />);
    await screen.findByTestId('plugin-feed');
    expect(client.executeOperation).toHaveBeenCalledWith(ShopPluginsQuery, { shopId: 's1', canEdit: true }, expect.anything());
  });

  it('connects by sending the browser to the provider’s authorization page', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    serveWith([...STATES, shopPlugin('taobao', { enabled: true })]);
    client.gqlRequest.mockResolvedValue({
      startAuthorization: { url: 'https://oauth.taobao.com/authorize?state=abc', expiresAt: '2026-01-02T03:14:05+00:00' },
    });
    renderInShop(<PluginsPage />);
    const connection = await screen.findByTestId('plugin-connection-taobao');
    expect(connection).toHaveAttribute('data-connected', 'false');
    expect(connection).toHaveTextContent('Not connected');
    expect(screen.queryByTestId('plugin-connection-feed')).not.toBeInTheDocument(); // no one-click authorization
    const connect = within(connection).getByTestId('plugin-connect-taobao');
    expect(connect).toHaveTextContent('Connect');
    expect(within(connection).queryByTestId('plugin-disconnect-taobao')).not.toBeInTheDocument();
    await user.click(connect);
    expect(client.gqlRequest).toHaveBeenCalledWith(StartAuthorizationMutation, { shopId: 's1', plugin: 'taobao' });
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://oauth.taobao.com/authorize?state=abc'));
  });

  it('never follows an authorization address that is not a web page', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    serveWith([shopPlugin('taobao', { enabled: true })]);
    client.gqlRequest.mockResolvedValue({ startAuthorization: { url: 'javascript:alert(1)', expiresAt: '2026-01-02T03:14:05+00:00' } });
    renderInShop(<PluginsPage />);
    await user.click(await screen.findByTestId('plugin-connect-taobao'));
    expect(await screen.findByText(/Could not start connecting Taobao \/ Tmall\./)).toBeInTheDocument();
    expect(assign).not.toHaveBeenCalled();
  });

  it('says why connecting was refused', async () => {
    const user = userEvent.setup();
    serveWith([shopPlugin('taobao', { enabled: true })]);
    client.gqlRequest.mockRejectedValue(new ApiError('UNAUTHENTICATED', 'sign in with your browser to connect a plugin'));
    renderInShop(<PluginsPage />);
    await user.click(await screen.findByTestId('plugin-connect-taobao'));
    expect(await screen.findByText(/Could not start connecting Taobao \/ Tmall\. Please sign in to continue\./)).toBeInTheDocument();
  });

  it('connects only an enabled plugin', async () => {
    serveWith([shopPlugin('taobao', { enabled: false })]);
    renderInShop(<PluginsPage />);
    expect(await screen.findByTestId('plugin-connect-taobao')).toBeDisabled();
  });

  it('shows the connected account, and reconnects or disconnects (after a confirmation)', async () => {
    const user = userEvent.setup();
    serveWith([TAOBAO]);
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === DisconnectAuthorizationMutation) return { disconnectAuthorization: true };
      throw new Error(`unexpected ${String(document)}`);
    });
    renderInShop(<PluginsPage />);
    const connection = await screen.findByTestId('plugin-connection-taobao');
    expect(connection).toHaveAttribute('data-connected', 'true');
    expect(within(connection).getByTestId('plugin-account-taobao')).toHaveTextContent('Connected as 云猫旗舰店');
    expect(within(connection).getByTestId('plugin-connect-taobao')).toHaveTextContent('Reconnect');
    await user.click(within(connection).getByTestId('plugin-disconnect-taobao'));
    const confirm = await findDialog('Disconnect Taobao / Tmall?');
    expect(confirm).toHaveTextContent('云猫旗舰店');
    expect(client.gqlRequest).not.toHaveBeenCalled();
    await user.click(within(confirm).getByTestId('plugin-disconnect-confirm'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(DisconnectAuthorizationMutation, { shopId: 's1', plugin: 'taobao' }));
    await waitFor(() => expect(screen.getByTestId('plugin-connection-taobao')).toHaveAttribute('data-connected', 'false'));
    expect(screen.getByTestId('plugin-connect-taobao')).toHaveTextContent('Connect');
    expect(await screen.findByText('Taobao / Tmall is disconnected.')).toBeInTheDocument();
  });

  it('offers to reconnect an authorization that no longer works', async () => {
    serveWith([shopPlugin('taobao', { enabled: true, connected: false, accountName: '云猫旗舰店' })]);
    renderInShop(<PluginsPage />);
    const connection = await screen.findByTestId('plugin-connection-taobao');
    expect(connection).toHaveAttribute('data-connected', 'false');
    expect(within(connection).getByTestId('plugin-account-taobao')).toHaveTextContent('Connection lost: 云猫旗舰店');
    expect(within(connection).getByRole('button', { name: 'Reconnect Taobao / Tmall' })).toBeInTheDocument();
    expect(within(connection).getByTestId('plugin-disconnect-taobao')).toBeInTheDocument();
  });

  it('shows analysts the state and the account without config, switches or buttons to change them', async () => {
    const analystStates = [...STATES, TAOBAO].map(({ config: _config, ...state }) => state);
    serveWith(analystStates);
    renderInShop(<PluginsPage />, { shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('plugin-account-taobao')).toHaveTextContent('Connected as 云猫旗舰店');
    expect(client.executeOperation).toHaveBeenCalledWith(ShopPluginsQuery, { shopId: 's1', canEdit: false }, expect.anything());
    expect(screen.getByTestId('plugin-toggle-taobao')).toBeDisabled();
    expect(screen.getByTestId('plugin-toggle-taobao')).toHaveAttribute('aria-checked', 'true');
    expect(screen.queryByTestId('plugin-connect-taobao')).not.toBeInTheDocument();
    expect(screen.queryByTestId('plugin-disconnect-taobao')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sync-now-feed')).not.toBeInTheDocument();
    expect(screen.queryByTestId('plugin-settings-taobao')).not.toBeInTheDocument();
  });
});

describe('PluginsPage: sync now', () => {
  it('is offered for enabled marketplace sources only', async () => {
    client.executeOperation.mockResolvedValue({
      shop: { id: SHOP.id, plugins: [...STATES, shopPlugin('taobao', { enabled: false })] },
    });
    renderInShop(<PluginsPage />);
    expect(await screen.findByTestId('sync-now-feed')).toBeInTheDocument();
    expect(screen.queryByTestId('sync-now-taobao')).not.toBeInTheDocument(); // not enabled
    expect(screen.queryByTestId('sync-now-webhook')).not.toBeInTheDocument(); // not a source
    expect(screen.queryByTestId('sync-now-default_theme')).not.toBeInTheDocument();
  });

  it('starts a sync and follows its progress live, linking to the job', async () => {
    const user = userEvent.setup();
    const queued = job('j-sync', { state: 'QUEUED', progress: null, result: null, finishedAt: null, startedAt: null });
    let polls = 0;
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === SyncCatalogMutation) return { syncCatalog: queued };
      if (document === JobQuery) {
        polls += 1;
        const done = polls >= 2;
        return {
          shop: {
            id: SHOP.id,
            job: job('j-sync', {
              state: done ? 'SUCCEEDED' : 'RUNNING',
              progress: { done: done ? 4 : 1, total: 4, fraction: done ? 1 : 0.25, message: done ? 'feed: 4 products' : 'reading feed' },
            }),
          },
        };
      }
      throw new Error(`unexpected ${String(document)}`);
    });
    renderInShop(<PluginsPage />);
    await user.click(await screen.findByTestId('sync-now-feed'));
    expect(client.gqlRequest).toHaveBeenCalledWith(SyncCatalogMutation, { shopId: 's1', source: 'feed' });
    const status = await screen.findByTestId('sync-status-feed');
    expect(status).toHaveAttribute('data-state', 'QUEUED');
    expect(within(status).getByTestId('sync-job-link-feed')).toHaveAttribute('href', '/shops/s1/jobs?job=j-sync');
    expect(await screen.findByText('The catalog sync from Product feed (JSON/CSV) is under way.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('job-progress-j-sync')).toHaveAttribute('aria-valuenow', '25'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('sync-status-feed')).toHaveAttribute('data-state', 'SUCCEEDED'), { timeout: 3000 });
    expect(screen.getByTestId('sync-status-feed')).toHaveTextContent('feed: 4 products');
    const seen = polls;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1300)));
    expect(polls).toBe(seen); // done: no more polling
  });

  it('says why a sync could not start', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('BAD_USER_INPUT', "enable 'feed' in this shop first"));
    renderInShop(<PluginsPage />);
    await user.click(await screen.findByTestId('sync-now-feed'));
    expect(await screen.findByText(/The catalog sync from Product feed \(JSON\/CSV\) could not start\./)).toBeInTheDocument();
    expect(screen.queryByTestId('sync-status-feed')).not.toBeInTheDocument();
  });
});
