import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeServer } from '../test/fakeServer';
import { findOption } from '../test/dialogs';
import { SHOP } from '../test/render';
import { visibleSections } from './menu';

const USER = { id: 'u1', email: 'demo@cloudcat.dev', name: 'Demo seller' };

function visit(path: string) {
  window.history.replaceState(null, '', `/admin${path}`);
  window.localStorage.setItem('cloudcat.lang', 'en');
  return render(<App />);
}

function serverFor(role: 'OWNER' | 'EDITOR' | 'ANALYST') {
  const shop = { ...SHOP, viewerRole: role };
  return fakeServer({
    Me: () => ({ me: USER }),
    Shop: () => ({ shop }),
    MyShops: () => ({ shops: { nodes: [shop] } }),
    ShopKeys: () => ({ shop: { id: shop.id, storefrontKeys: [], adminTokens: [] } }),
    ShopPlugins: () => ({ shop: { id: shop.id, plugins: [] } }),
    Jobs: () => ({ shop: { id: shop.id, jobs: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    JobSchedules: () => ({ shop: { id: shop.id, schedules: [] } }),
    ReferenceData: () => ({ currencies: ['CNY', 'KRW', 'USD'], locales: ['zh-CN', 'en'] }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('shop sections by role', () => {
  it('lists API keys for owners only', () => {
    const paths = (role: 'OWNER' | 'EDITOR' | 'ANALYST') => visibleSections(role).map((s) => s.path);
    expect(paths('OWNER')).toEqual(['home', 'plugins', 'catalog', 'sync', 'content', 'jobs', 'theme', 'media', 'team', 'keys', 'settings']);
    expect(paths('EDITOR')).toEqual(['home', 'plugins', 'catalog', 'sync', 'content', 'jobs', 'theme', 'media', 'team', 'settings']);
    expect(paths('ANALYST')).toEqual(['home', 'plugins', 'catalog', 'sync', 'content', 'jobs', 'theme', 'media', 'team', 'settings']);
    expect(paths(undefined as never)).toEqual(['home', 'plugins', 'catalog', 'sync', 'content', 'jobs', 'theme', 'media', 'team', 'settings']);
  });

  it('hides API keys from an editor’s menu, and a deep link says the owner role is needed', async () => {
    const calls = serverFor('EDITOR');
    visit('/shops/s1/keys');
    expect(await screen.findByText('You need the owner role')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(menu).getByRole('link', { name: 'Jobs' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Team' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(within(menu).queryByRole('link', { name: 'API keys' })).not.toBeInTheDocument();
    expect(calls.map((c) => c.operation)).not.toContain('ShopKeys');
  });

  it('takes an owner from the menu to the keys page', async () => {
    const user = userEvent.setup();
    serverFor('OWNER');
    visit('/shops/s1/jobs');
    expect(await screen.findByRole('heading', { name: 'Jobs', level: 1 })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: 'Main menu' })).getByRole('link', { name: 'API keys' }));
    expect(await screen.findByRole('heading', { name: 'API keys', level: 1 })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/admin/shops/s1/keys');
    expect(await screen.findByTestId('keys-table')).toBeInTheDocument();
  });

  it('offers the server’s currencies when creating a shop', async () => {
    const user = userEvent.setup();
    const calls = serverFor('OWNER');
    visit('/shops/new');
    await user.click(await screen.findByRole('combobox', { name: 'Currency' }));
    expect(await findOption('KRW · South Korean Won')).toBeInTheDocument();
    expect(screen.queryByTitle(/^JPY/)).not.toBeInTheDocument(); // not in the server's list
    await waitFor(() => expect(calls.map((c) => c.operation)).toContain('ReferenceData'));
  });
});
