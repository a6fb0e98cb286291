import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeServer, gqlError } from '../test/fakeServer';
import { SHOP } from '../test/render';

const USER = { id: 'u1', email: 'demo@cloudcat.dev', name: 'Demo seller' };
const DESKTOP = window.innerWidth;

function visit(path: string, { width = DESKTOP, lang = 'en' } = {}) {
  window.innerWidth = width;
  window.history.replaceState(null, '', `/admin${path}`);
  window.localStorage.setItem('cloudcat.lang', lang);
  return render(<App />);
}

function server({ operator = false, suspended = false, viewerRole = true } = {}) {
  return fakeServer({
    Me: () => ({ me: USER }),
    ViewerRole: () => (viewerRole ? { me: { id: USER.id, isOperator: operator } } : gqlError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "isOperator" on type "User".')),
    Shop: () => ({ shop: SHOP }),
    ShopSuspension: () => ({ shop: { id: SHOP.id, suspended, suspendedReason: suspended ? 'Unpaid invoice' : null } }),
    MyShops: () => ({ shops: { nodes: [SHOP] } }),
    ShopPlugins: () => ({ shop: { id: SHOP.id, plugins: [] } }),
    ShopPluginReadiness: () => ({ shop: { id: SHOP.id, plugins: [] } }),
    Jobs: () => ({ shop: { id: SHOP.id, jobs: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    JobSchedules: () => ({ shop: { id: SHOP.id, schedules: [] } }),
  });
}

afterEach(() => {
  window.innerWidth = DESKTOP;
  vi.unstubAllGlobals();
});

describe('the shell', () => {
  it('puts the menu in a drawer at phone width, opened from the header, closed by following a link', async () => {
    const user = userEvent.setup();
    server();
    visit('/shops/s1/plugins', { width: 390 });
    expect(await screen.findByRole('heading', { name: 'Plugins', level: 1 }, { timeout: 15_000 })).toBeInTheDocument();
    // No side menu squeezing the page, and a sign-out button with its name but no text.
    expect(document.querySelector('.ant-layout-sider')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Main menu' })).not.toBeInTheDocument();
    expect(screen.getByTestId('logout')).toHaveAccessibleName('Sign out');
    expect(screen.getByTestId('app-header')).toHaveClass('app-header-narrow');

    await user.click(screen.getByRole('button', { name: 'Open the menu' }));
    // (antd's ids are all "test-id" under test, so the dialog is found by its test id, not its name.)
    const drawer = await screen.findByTestId('menu-drawer');
    expect(within(drawer).getByText('Menu')).toBeInTheDocument();
    expect(within(drawer).getByText('Signed in as Demo seller')).toBeInTheDocument();
    await user.click(within(within(drawer).getByRole('navigation', { name: 'Main menu' })).getByRole('link', { name: 'Jobs' }));
    expect(await screen.findByRole('heading', { name: 'Jobs', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('menu-button')).toHaveAttribute('aria-expanded', 'false'));
  });

  it('keeps the side menu and the full header on wide screens', async () => {
    server();
    visit('/shops/s1/plugins');
    expect(await screen.findByRole('heading', { name: 'Plugins', level: 1 }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('menu-button')).not.toBeInTheDocument();
    expect(screen.getByTestId('logout')).toHaveTextContent('Sign out');
    expect(within(screen.getByRole('navigation', { name: 'Main menu' })).getByRole('link', { name: 'Plugins' })).toBeInTheDocument();
  });

  it('shows the operator entries to operators only', async () => {
    server({ operator: true });
    const { unmount } = visit('/shops/s1/plugins');
    expect(await screen.findByTestId('nav-operator-shops')).toHaveTextContent('All shops (operator)');
    expect(screen.getByTestId('nav-operator-plugins')).toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();

    server({ operator: false });
    visit('/shops/s1/plugins');
    expect(await screen.findByRole('heading', { name: 'Plugins', level: 1 }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('nav-operator-shops')).not.toBeInTheDocument();
  });

  it('works with a server that knows no operators', async () => {
    server({ viewerRole: false });
    visit('/shops/s1/plugins');
    expect(await screen.findByRole('heading', { name: 'Plugins', level: 1 }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('nav-operator-shops')).not.toBeInTheDocument();
  });

  it('shows a banner with the reason on a suspended shop’s pages, in Chinese too', async () => {
    server({ suspended: true });
    visit('/shops/s1/jobs', { lang: 'zh' });
    const banner = await screen.findByTestId('shop-suspended');
    expect(banner).toHaveTextContent('该店铺已被停用');
    expect(screen.getByTestId('shop-suspended-reason')).toHaveTextContent('原因：Unpaid invoice');
  });
});
