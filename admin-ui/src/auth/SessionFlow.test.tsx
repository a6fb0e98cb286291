import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fakeServer, gqlError } from '../test/fakeServer';
import { CATALOG } from '../test/fixtures';
import { SHOP } from '../test/render';

const USER = { id: 'u1', email: 'demo@cloudcat.dev', name: 'Demo seller' };

function visit(path: string) {
  window.history.replaceState(null, '', `/admin${path}`);
  window.localStorage.setItem('cloudcat.lang', 'en');
  return render(<App />);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signing in and coming back', () => {
  it('sends a signed-out visitor to /login?next=<deep link> and back there after signing in', async () => {
    const user = userEvent.setup();
    let signedIn = false;
    const calls = fakeServer({
      Me: () => ({ me: signedIn ? USER : null }),
      LogIn: ({ email, password }) => {
        if (email !== USER.email || password !== 'cloudcat-demo') return gqlError('UNAUTHENTICATED', 'wrong email or password');
        signedIn = true;
        return { logIn: USER };
      },
      Shop: () => ({ shop: SHOP }),
      MyShops: () => ({ shops: { nodes: [SHOP] } }),
      ShopPlugins: () => ({ shop: { id: SHOP.id, plugins: [] } }),
      PluginCatalog: () => ({ plugins: CATALOG }),
    });

    visit('/shops/s1/plugins?settings=feed');
    await screen.findByRole('heading', { name: 'Sign in to CloudCat' });
    expect(window.location.pathname).toBe('/admin/login');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/shops/s1/plugins?settings=feed');

    // A wrong password is said in words, and the user stays on the page.
    await user.type(screen.getByLabelText('Email'), USER.email);
    await user.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect(await screen.findByText('The email or password is not right.')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/admin/login');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'cloudcat-demo{Enter}'); // keyboard submit
    await waitFor(() => expect(window.location.pathname).toBe('/admin/shops/s1/plugins'));
    expect(window.location.search).toBe('?settings=feed');
    expect(await screen.findByRole('heading', { name: 'Plugins', level: 1 })).toBeInTheDocument();
    expect(calls.map((c) => c.operation)).toContain('LogIn');
  });

  it('goes to the login page with `next` when the session expires on any request', async () => {
    fakeServer({
      Me: () => ({ me: USER }),
      Shop: () => gqlError('UNAUTHENTICATED', 'sign in first'),
      MyShops: () => gqlError('UNAUTHENTICATED', 'sign in first'),
    });
    visit('/shops/s1/plugins');
    await screen.findByRole('heading', { name: 'Sign in to CloudCat' });
    expect(window.location.pathname).toBe('/admin/login');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/shops/s1/plugins');
  });

  it('signing out goes to the plain login page (no `next`)', async () => {
    const user = userEvent.setup();
    let signedIn = true;
    fakeServer({
      Me: () => ({ me: signedIn ? USER : null }),
      LogOut: () => {
        signedIn = false;
        return { logOut: true };
      },
      Shop: () => ({ shop: SHOP }),
      MyShops: () => ({ shops: { nodes: [SHOP] } }),
      ShopPlugins: () => ({ shop: { id: SHOP.id, plugins: [] } }),
    });
    visit('/shops/s1/plugins');
    await user.click(await screen.findByTestId('logout'));
    await screen.findByRole('heading', { name: 'Sign in to CloudCat' });
    expect(window.location.pathname).toBe('/admin/login');
    expect(window.location.search).toBe('');
  });

  it('ignores a `next` that leads off the site', async () => {
    const user = userEvent.setup();
    fakeServer({
      Me: () => ({ me: null }),
      LogIn: () => ({ logIn: USER }),
      MyShops: () => ({ shops: { nodes: [] } }),
      ReferenceData: () => ({ currencies: ['CNY', 'USD'], locales: ['zh-CN', 'en'] }),
    });
    visit('/login?next=%2F%2Fevil.example%2Fsteal');
    await user.type(await screen.findByLabelText('Email'), USER.email);
    await user.type(screen.getByLabelText('Password'), 'cloudcat-demo{Enter}');
    // "/" then the shop picker: no shop yet, so the create form.
    await waitFor(() => expect(window.location.pathname).toBe('/admin/shops'));
    expect(await screen.findByLabelText('Shop address (slug)')).toBeInTheDocument();
  });
});
