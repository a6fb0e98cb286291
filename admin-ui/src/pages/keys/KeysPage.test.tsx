import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { findDialog, findOption } from '../../test/dialogs';
import { SHOP, renderInShop } from '../../test/render';
import KeysPage from './KeysPage';
import {
  CreateAdminTokenMutation,
  CreateStorefrontKeyMutation,
  RevokeAdminTokenMutation,
  RevokeStorefrontKeyMutation,
  ShopKeysQuery,
} from './operations';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const STOREFRONT = {
  id: 'sk1',
  name: 'Mini program',
  prefix: 'ccpk_ab12cd',
  createdAt: '2026-01-02T03:04:05+00:00',
  lastUsedAt: '2026-01-03T03:04:05+00:00',
  revokedAt: null,
};
const TOKEN = {
  id: 'at1',
  name: 'Nightly export',
  prefix: 'cca_9z8y7x',
  role: 'ANALYST' as const,
  createdAt: '2026-01-01T03:04:05+00:00',
  lastUsedAt: null,
  revokedAt: null,
};
const OLD = { ...STOREFRONT, id: 'sk0', name: 'Old site', prefix: 'ccpk_000000', revokedAt: '2026-01-01T09:00:00+00:00' };

const path = { path: '/shops/s1/keys', route: '/shops/:shopId/keys' };

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ShopKeysQuery) return { shop: { id: SHOP.id, storefrontKeys: [STOREFRONT, OLD], adminTokens: [TOKEN] } };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

describe('KeysPage', () => {
  it('lists storefront keys and admin tokens with prefix, dates and status', async () => {
    renderInShop(<KeysPage />, path);
    const table = await screen.findByTestId('keys-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['key-row-sk1', 'key-row-at1', 'key-row-sk0']);
    expect(rows[0]).toHaveTextContent('Mini program');
    expect(rows[0]).toHaveTextContent('Storefront key');
    expect(rows[0]).toHaveTextContent('ccpk_ab12cd…');
    expect(rows[0]).toHaveTextContent('Active');
    expect(rows[1]).toHaveTextContent('Admin token · Analyst');
    expect(rows[1]).toHaveTextContent('Never'); // never used
    expect(rows[2]).toHaveAttribute('data-revoked', 'true');
    expect(rows[2]).toHaveTextContent('Revoked');
    expect(within(rows[0]).getByTestId('revoke-sk1')).toBeInTheDocument();
    expect(within(rows[2]).queryByTestId('revoke-sk0')).not.toBeInTheDocument();
  });

  it('shows a new storefront key once, with a copy button and a warning', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const created = { ...STOREFRONT, id: 'sk2', name: 'Kiosk', prefix: 'ccpk_newkey' };
    client.gqlRequest.mockResolvedValue({ createStorefrontKey: { key: 'ccpk_newkey_SECRET', storefrontKey: created } });
    renderInShop(<KeysPage />, path);
    await user.click(await screen.findByTestId('create-storefront-key'));
    const form = await findDialog('New storefront key');
    await user.type(within(form).getByLabelText('Name'), '  Kiosk {Enter}');
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(CreateStorefrontKeyMutation, { shopId: 's1', name: 'Kiosk' }));

    const secret = await screen.findByTestId('created-secret');
    expect(secret).toHaveTextContent('ccpk_newkey_SECRET');
    const dialog = await findDialog('Your new Storefront key: Kiosk');
    expect(dialog).toHaveTextContent('Copy it now: this is the only time it is shown.');
    await user.click(within(dialog).getByTestId('copy-secret'));
    expect(writeText).toHaveBeenCalledWith('ccpk_newkey_SECRET');
    expect(await within(dialog).findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(within(screen.getByTestId('keys-table')).getByTestId('key-row-sk2')).toHaveTextContent('Kiosk');

    await user.click(within(dialog).getByTestId('secret-done'));
    await waitFor(() => expect(screen.queryByTestId('created-secret')).not.toBeInTheDocument());
    expect(screen.queryByText('ccpk_newkey_SECRET')).not.toBeInTheDocument(); // never shown again
  });

  it('creates an admin token with a role (editor or analyst only)', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ createAdminToken: { token: 'cca_TOKEN', adminToken: { ...TOKEN, id: 'at2', role: 'EDITOR' } } });
    renderInShop(<KeysPage />, path);
    await user.click(await screen.findByTestId('create-admin-token'));
    const form = await findDialog('New admin token');
    await user.type(within(form).getByLabelText('Name'), 'Importer');
    await user.click(within(form).getByRole('combobox', { name: 'Role' }));
    expect(screen.queryByTitle('Owner')).not.toBeInTheDocument();
    await user.click(await findOption('Editor'));
    await user.click(within(form).getByTestId('create-key-submit'));
    await waitFor(() =>
      expect(client.gqlRequest).toHaveBeenCalledWith(CreateAdminTokenMutation, { shopId: 's1', name: 'Importer', role: 'EDITOR' }),
    );
    expect(await screen.findByTestId('created-secret')).toHaveTextContent('cca_TOKEN');
  });

  it('checks the name before asking, and shows the server’s refusal', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('BAD_USER_INPUT', 'give a name of 1 to 100 characters', { fields: [{ path: ['name'], message: 'required' }] }));
    renderInShop(<KeysPage />, path);
    await user.click(await screen.findByTestId('create-storefront-key'));
    const form = await findDialog('New storefront key');
    await user.click(within(form).getByTestId('create-key-submit'));
    expect(await within(form).findByText('Give a name of 1 to 100 characters.')).toBeInTheDocument();
    expect(client.gqlRequest).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText('Name'), 'x');
    await user.click(within(form).getByTestId('create-key-submit'));
    expect(await within(form).findByText('Details: give a name of 1 to 100 characters')).toBeInTheDocument();
    expect(screen.queryByTestId('created-secret')).not.toBeInTheDocument();
  });

  it('revokes after a confirmation', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === RevokeAdminTokenMutation) return { revokeAdminToken: { ...TOKEN, revokedAt: '2026-01-05T00:00:00+00:00' } };
      throw new Error('unexpected');
    });
    renderInShop(<KeysPage />, path);
    await user.click(await screen.findByTestId('revoke-at1'));
    const confirm = await findDialog('Revoke Nightly export?');
    expect(confirm).toHaveTextContent('cca_9z8y7x');
    expect(client.gqlRequest).not.toHaveBeenCalled();
    await user.click(within(confirm).getByTestId('revoke-confirm'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(RevokeAdminTokenMutation, { shopId: 's1', id: 'at1' }));
    await waitFor(() => expect(screen.getByTestId('key-row-at1')).toHaveAttribute('data-revoked', 'true'));
    expect(screen.queryByTestId('revoke-at1')).not.toBeInTheDocument();
    expect(await screen.findByText('Nightly export is revoked.')).toBeInTheDocument();
  });

  it('does not revoke when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    renderInShop(<KeysPage />, path);
    await user.click(await screen.findByTestId('revoke-sk1'));
    const confirm = await findDialog('Revoke Mini program?');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByText('Revoke Mini program?')).not.toBeInTheDocument());
    expect(client.gqlRequest).not.toHaveBeenCalledWith(RevokeStorefrontKeyMutation, expect.anything());
  });

  it.each(['EDITOR', 'ANALYST'] as const)('tells an %s they need the owner role, without asking the server', async (role) => {
    renderInShop(<KeysPage />, { ...path, shop: { ...SHOP, viewerRole: role } });
    expect(await screen.findByText('You need the owner role')).toBeInTheDocument();
    expect(screen.getByTestId('keys-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('keys-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('create-storefront-key')).not.toBeInTheDocument();
    expect(client.executeOperation).not.toHaveBeenCalled();
  });

  it('shows the empty state in Chinese', async () => {
    client.executeOperation.mockResolvedValue({ shop: { id: SHOP.id, storefrontKeys: [], adminTokens: [] } });
    renderInShop(<KeysPage />, { ...path, lang: 'zh' });
    expect(await screen.findByText('还没有密钥。')).toBeInTheDocument();
    expect(screen.getByTestId('create-storefront-key')).toHaveTextContent('新建前台密钥');
  });
});
