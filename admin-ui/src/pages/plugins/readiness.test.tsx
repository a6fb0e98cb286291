import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shopPlugin } from '../../test/fixtures';
import { SHOP, renderInShop } from '../../test/render';
import PluginSettingsDrawer from './PluginSettingsDrawer';
import PluginsPage from './PluginsPage';
import { PluginCatalogQuery, ShopPluginReadinessQuery, ShopPluginsQuery } from './operations';
import { notReadyText } from './types';
import { translator } from '../../i18n/language';

// The pages talk to the server only through these two functions: mock them, not the network.
const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const TAOBAO = shopPlugin('taobao', { enabled: true, connected: false });
const FEED = shopPlugin('feed', { enabled: true, config: { url: 'https://example.com/feed.json' } });
// The shop's own form of taobao: the operator set the app credentials, so no field is left.
const READINESS = [
  {
    name: 'taobao',
    configSchema: { type: 'object', properties: {} },
    operatorManaged: ['app_key', 'app_secret'],
    notReadyReason: '请先连接你的淘宝店铺。',
    notReadyCode: 'NOT_CONNECTED',
  },
  { name: 'feed', configSchema: FEED.plugin.configSchema, operatorManaged: [], notReadyReason: null, notReadyCode: null },
];

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
});

function serve(readiness: unknown) {
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ShopPluginsQuery) return { shop: { id: SHOP.id, plugins: [FEED, TAOBAO] } };
    if (document === ShopPluginReadinessQuery) {
      if (readiness instanceof Error) throw readiness;
      return { shop: { id: SHOP.id, plugins: readiness } };
    }
    if (document === PluginCatalogQuery) return { plugins: [] };
    throw new Error(`unexpected query ${String(document)}`);
  });
}

describe('plugin readiness', () => {
  it('disables Sync now and Check of a plugin that is not ready, saying why in words', async () => {
    serve(READINESS);
    renderInShop(<PluginsPage />, { lang: 'zh' });
    const reason = await screen.findByTestId('plugin-not-ready-taobao');
    expect(reason).toHaveTextContent('请先连接你的淘宝店铺。');
    expect(reason).toHaveAttribute('data-code', 'NOT_CONNECTED');
    const card = screen.getByTestId('plugin-taobao');
    const sync = within(card).getByTestId('sync-now-taobao');
    expect(sync).toBeDisabled();
    expect(sync).toHaveAttribute('title', '请先连接你的淘宝店铺。');
    expect(sync).toHaveAttribute('aria-describedby', 'plugin-not-ready-taobao');
    expect(within(card).getByTestId('plugin-check-taobao')).toBeDisabled();
    // Connecting is what the reason asks for: it stays possible.
    expect(within(card).getByTestId('plugin-connect-taobao')).toBeEnabled();
    // A ready plugin keeps its buttons.
    expect(within(screen.getByTestId('plugin-feed')).getByTestId('sync-now-feed')).toBeEnabled();
    expect(screen.queryByTestId('plugin-not-ready-feed')).not.toBeInTheDocument();
  });

  it('works as before when the server cannot say (no readiness)', async () => {
    serve(new Error('Cannot query field "configSchema" on type "ShopPlugin".'));
    renderInShop(<PluginsPage />);
    const card = await screen.findByTestId('plugin-taobao');
    expect(within(card).getByTestId('sync-now-taobao')).toBeEnabled();
    expect(screen.queryByTestId('plugin-not-ready-taobao')).not.toBeInTheDocument();
  });

  it('says the code in words when the server gives no reason', () => {
    const zh = translator('zh');
    expect(notReadyText({ notReadyReason: null, notReadyCode: 'NOT_CONFIGURED' }, '淘宝', zh)).toBe('请先填写 淘宝 的设置。');
    expect(notReadyText({ notReadyReason: null, notReadyCode: null }, '淘宝', zh)).toBeNull();
    expect(notReadyText(undefined, '淘宝', zh)).toBeNull();
  });

  it('never shows operator-managed fields in the settings drawer, and says who manages them', async () => {
    renderInShop(
      <PluginSettingsDrawer
        shopId="s1"
        state={TAOBAO}
        readiness={{ ...READINESS[0], configSchema: TAOBAO.plugin.configSchema }}
        onClose={vi.fn()}
        onSaved={vi.fn()}
        onCheck={vi.fn(async () => undefined)}
        checking={false}
      />,
    );
    const managed = await screen.findByTestId('operator-managed');
    expect(managed).toHaveTextContent('Managed by your CloudCat operator');
    expect(managed).toHaveTextContent('App Key, App Secret');
    // Even a schema that still lists them (an older shape) does not show them.
    expect(screen.queryByLabelText(/App Key/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('secret-app_secret')).not.toBeInTheDocument();
    expect(screen.getByText('This plugin has no settings.')).toBeInTheDocument();
    expect(screen.getByTestId('plugin-settings-check')).toBeDisabled();
    expect(screen.getByTestId('drawer-not-ready-taobao')).toHaveTextContent('请先连接你的淘宝店铺。');
  });
});
