import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { ReferenceDataQuery, UpdateShopMutation } from '../../shop';
import { findOption } from '../../test/dialogs';
import { SHOP, renderInShop } from '../../test/render';
import ShopSettingsPage from './ShopSettingsPage';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const path = { path: '/shops/s1/settings', route: '/shops/:shopId/settings' };

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ReferenceDataQuery) return { currencies: ['CNY', 'EUR', 'USD'], locales: ['zh-CN', 'en'] };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

describe('ShopSettingsPage', () => {
  it('lets the owner change the name and currency, sending only what changed', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ updateShop: { ...SHOP, name: 'New name', currency: 'USD' } });
    renderInShop(<ShopSettingsPage />, path);
    const name = await screen.findByLabelText('Shop name');
    expect(name).toHaveValue('Demo shop');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled(); // nothing changed yet
    await user.clear(name);
    await user.type(name, 'New name');
    await user.click(screen.getByRole('combobox', { name: 'Currency' }));
    await user.click(await findOption('USD · US Dollar'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(client.gqlRequest).toHaveBeenCalledWith(UpdateShopMutation, { id: 's1', input: { name: 'New name', currency: 'USD' } }),
    );
    expect(await screen.findByText('The shop settings are saved.')).toBeInTheDocument();
  });

  it('offers the server’s currencies and locales', async () => {
    const user = userEvent.setup();
    renderInShop(<ShopSettingsPage />, path);
    await user.click(await screen.findByRole('combobox', { name: 'Language of the shop' }));
    expect(await findOption('English (en)')).toBeInTheDocument();
    expect(screen.queryByTitle('日本語 (ja-JP)')).not.toBeInTheDocument();
  });

  it('puts the server’s field errors on the fields', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(
      new ApiError('BAD_USER_INPUT', 'the shop cannot be changed as given', {
        fields: [{ path: ['timezone'], message: "unknown time zone 'Mars/Base'" }],
      }),
    );
    renderInShop(<ShopSettingsPage />, path);
    const name = await screen.findByLabelText('Shop name');
    await user.type(name, '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText("unknown time zone 'Mars/Base'")).toBeInTheDocument();
    expect(screen.getByText('Some of what you entered is not valid. Please check the highlighted fields.')).toBeInTheDocument();
  });

  it('checks the name before asking', async () => {
    const user = userEvent.setup();
    renderInShop(<ShopSettingsPage />, path);
    await user.clear(await screen.findByLabelText('Shop name'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Give the shop a name.')).toBeInTheDocument();
    expect(client.gqlRequest).not.toHaveBeenCalled();
  });

  it.each(['EDITOR', 'ANALYST'] as const)('shows an %s the settings read-only', async (role) => {
    renderInShop(<ShopSettingsPage />, { ...path, shop: { ...SHOP, viewerRole: role } });
    expect(await screen.findByTestId('settings-read-only')).toHaveTextContent('Only the shop\'s owners can change its settings.');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    const main = screen.getByRole('region', { name: 'Shop settings' });
    expect(within(main).getByText('Demo shop')).toBeInTheDocument();
    expect(within(main).getByText('Asia/Shanghai')).toBeInTheDocument();
  });

  it('says so when the reference lists cannot be loaded, and still shows the current values', async () => {
    client.executeOperation.mockRejectedValue(new ApiError('NETWORK_ERROR', 'Failed to fetch'));
    renderInShop(<ShopSettingsPage />, path);
    expect(await screen.findByText(/The lists of currencies and languages could not be loaded\./)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Currency' }).closest('.ant-select')).toHaveTextContent('CNY');
  });
});
