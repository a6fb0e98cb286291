import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurePluginMutation, SetPluginEnabledMutation } from '../pages/plugins/operations';
import { pluginInfo, shopPlugin } from '../test/fixtures';
import { SHOP, renderInShop } from '../test/render';
import { ShopThemesQuery } from './operations';
import ThemePage from './ThemePage';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const mobile = { ...pluginInfo('default_theme'), name: 'mobile_theme', title: 'Mobile theme', description: 'For WeChat' };
const theme = (name: string, enabled: boolean, config: Record<string, unknown> = {}) => ({
  ...shopPlugin('default_theme', { enabled, config }),
  name,
  plugin: name === 'mobile_theme' ? mobile : pluginInfo('default_theme'),
  configSchema: pluginInfo('default_theme').configSchema,
  operatorManaged: [] as string[],
});

const path = { path: '/shops/s1/theme', route: '/shops/:shopId/theme' };
const sitePages: string[] = [];

beforeEach(() => {
  sitePages.length = 0;
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ShopThemesQuery) return { shop: { id: SHOP.id, plugins: [theme('default_theme', true, { accent_color: '#e4393c' }), theme('mobile_theme', false)] } };
    throw new Error(`unexpected query ${String(document)}`);
  });
  client.gqlRequest.mockImplementation(async (document: unknown, variables: { name: string; enabled?: boolean; config?: Record<string, unknown> }) => {
    if (document === SetPluginEnabledMutation) return { setPluginEnabled: { ...theme(variables.name, Boolean(variables.enabled)), configSchema: undefined } };
    if (document === ConfigurePluginMutation) return { configurePlugin: theme(variables.name, true, variables.config) };
    throw new Error(`unexpected mutation ${String(document)}`);
  });
  // The preview fetches the site's page.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      sitePages.push(url);
      return new Response(`<html><head><title>Site ${sitePages.length}</title></head><body>shop</body></html>`, { status: 200, headers: { 'Content-Type': 'text/html' } });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ThemePage', () => {
  it('switches the chosen theme on, then the other off, and reloads the preview', async () => {
    renderInShop(<ThemePage />, path);
    const preview = await screen.findByTestId('site-preview', {}, { timeout: 10_000 });
    expect(preview.getAttribute('srcdoc')).toMatch(/<head><base href="http:\/\/[^"]+\/s\/demo\/" target="_blank"><title>Site 1/);
    expect(sitePages).toEqual(['/s/demo/']);
    expect(screen.getByTestId('theme-site-link')).toHaveAttribute('href', '/s/demo/');

    await userEvent.click(screen.getByRole('radio', { name: /Mobile theme/ }));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledTimes(2));
    expect(client.gqlRequest.mock.calls.map((c) => c[1])).toEqual([
      { shopId: 's1', name: 'mobile_theme', enabled: true },
      { shopId: 's1', name: 'default_theme', enabled: false },
    ]);
    expect(await screen.findByText('Your site now uses Mobile theme.')).toBeInTheDocument();
    await waitFor(() => expect(sitePages).toHaveLength(2));
    expect(screen.getByTestId('theme-option-mobile_theme')).toHaveAttribute('data-enabled', 'true');
    expect(screen.getByTestId('theme-option-default_theme')).toHaveAttribute('data-enabled', 'false');
  });

  it("saves the theme's settings with the plugin settings form and reloads the preview", async () => {
    renderInShop(<ThemePage />, path);
    const accent = await screen.findByLabelText(/Accent Color/, {}, { timeout: 15_000 }); // the form is loaded on demand
    await userEvent.clear(accent);
    await userEvent.type(accent, '#123456');
    await userEvent.click(screen.getByTestId('theme-settings-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalled());
    expect(client.gqlRequest.mock.calls[0][0]).toBe(ConfigurePluginMutation);
    expect(client.gqlRequest.mock.calls[0][1]).toMatchObject({ shopId: 's1', name: 'default_theme', config: { accent_color: '#123456' } });
    await waitFor(() => expect(sitePages).toHaveLength(2));
  });

  it('shows an analyst the theme without the means to change it', async () => {
    renderInShop(<ThemePage />, { ...path, shop: { ...SHOP, viewerRole: 'ANALYST' } });
    expect(await screen.findByTestId('theme-read-only', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Mobile theme/ })).toBeDisabled();
    expect(screen.queryByTestId('theme-settings-save')).toBeNull();
    expect(client.executeOperation.mock.calls[0][1]).toEqual({ shopId: 's1', canEdit: false });
  });
});
