import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { shopPlugin } from '../../test/fixtures';
import { renderInShop } from '../../test/render';
import { ConfigurePluginMutation } from './operations';
import PluginSettingsDrawer from './PluginSettingsDrawer';
import type { ShopPluginState } from './types';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

beforeEach(() => {
  client.gqlRequest.mockReset();
});

function open(state: ShopPluginState, handlers: Partial<{ onSaved: () => void; onClose: () => void }> = {}) {
  const props = {
    shopId: 's1',
    state,
    onClose: handlers.onClose ?? vi.fn(),
    onSaved: handlers.onSaved ?? vi.fn(),
    onCheck: vi.fn(async () => undefined),
    checking: false,
  };
  renderInShop(<PluginSettingsDrawer {...props} />);
  return props;
}

const WEBHOOK = shopPlugin('webhook', { enabled: true, config: { url: 'https://hooks.example/in' }, secretsSet: ['secret'] });

describe('PluginSettingsDrawer', () => {
  it('prefills the generated form from the stored config and never shows a secret', async () => {
    open(WEBHOOK);
    const url = await screen.findByLabelText(/Url/);
    expect(url).toHaveValue('https://hooks.example/in');
    expect(screen.getByRole('dialog', { name: 'Settings of Webhook' })).toBeInTheDocument();
    expect(screen.getByTestId('plugin-settings-drawer-webhook')).toBeInTheDocument();
    expect(screen.getByTestId('secret-status-secret')).toHaveTextContent('Set');
    const secret = screen.getByLabelText(/^\*?Secret$/);
    expect(secret).toHaveValue('');
    expect(secret).toHaveAttribute('type', 'password');
  });

  it('sends the config and no secrets when none was typed', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ configurePlugin: WEBHOOK });
    const props = open(WEBHOOK);
    const url = await screen.findByLabelText(/Url/);
    await user.clear(url);
    await user.type(url, 'https://hooks.example/v2');
    await user.click(screen.getByTestId('plugin-settings-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledTimes(1));
    expect(client.gqlRequest).toHaveBeenCalledWith(ConfigurePluginMutation, {
      shopId: 's1',
      name: 'webhook',
      config: { url: 'https://hooks.example/v2' },
      secrets: null,
    });
    await waitFor(() => expect(props.onSaved).toHaveBeenCalledWith(WEBHOOK));
  });

  it('sends a typed secret, and null for a cleared one', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ configurePlugin: WEBHOOK });
    open(WEBHOOK);
    await user.type(await screen.findByLabelText(/^\*?Secret$/), 'n3w-s3cret');
    await user.click(screen.getByTestId('plugin-settings-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledTimes(1));
    expect(client.gqlRequest.mock.calls[0][1]).toMatchObject({ secrets: { secret: 'n3w-s3cret' } });
  });

  it('clears a secret on request', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ configurePlugin: { ...WEBHOOK, secretsSet: [] } });
    open(WEBHOOK);
    await user.click(await screen.findByTestId('secret-clear-secret'));
    expect(screen.getByText('Will be cleared when you save.')).toBeInTheDocument();
    await user.click(screen.getByTestId('plugin-settings-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledTimes(1));
    expect(client.gqlRequest.mock.calls[0][1]).toMatchObject({ config: { url: 'https://hooks.example/in' }, secrets: { secret: null } });
  });

  it('puts the server’s field errors on the fields they name', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(
      new ApiError('BAD_USER_INPUT', 'the configuration of webhook is not valid', {
        fields: [
          { path: ['config', 'url'], message: 'this host is not allowed' },
          { path: ['config', 'secret'], message: 'Field required' },
        ],
      }),
    );
    open({ ...WEBHOOK, secretsSet: [] });
    await user.click(await screen.findByTestId('plugin-settings-save'));
    expect(await screen.findByText('this host is not allowed')).toBeInTheDocument();
    expect(within(screen.getByTestId('secret-secret')).getByRole('alert')).toHaveTextContent('Field required');
    expect(screen.getByText('Some of what you entered is not valid. Please check the highlighted fields.')).toBeInTheDocument();

    // Editing the field drops its now out-of-date server error.
    await user.type(screen.getByLabelText(/Url/), 'x');
    await waitFor(() => expect(screen.queryByText('this host is not allowed')).not.toBeInTheDocument());
  });

  it('says FORBIDDEN in words', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('FORBIDDEN', 'you may not do this in this shop'));
    open(WEBHOOK);
    await user.click(await screen.findByTestId('plugin-settings-save'));
    expect(await screen.findByText('Your role in this shop does not allow this.')).toBeInTheDocument();
    expect(screen.getByText('Details: you may not do this in this shop')).toBeInTheDocument();
  });

  it('checks the config in the browser first (required fields, formats)', async () => {
    const user = userEvent.setup();
    open(shopPlugin('webhook', { enabled: true }));
    await user.click(await screen.findByTestId('plugin-settings-save'));
    expect(client.gqlRequest).not.toHaveBeenCalled();
    expect(await screen.findByText(/required/i)).toBeInTheDocument();
  });

  it('renders nested and nullable fields of the feed plugin', async () => {
    open(shopPlugin('feed', { enabled: true, config: { url: 'https://x.example/f.json', format: 'json', columns: { id: 'sku' }, default_currency: null } }));
    expect(await screen.findByLabelText(/Default Currency/)).toHaveValue('');
    expect(screen.getByLabelText(/^Id/)).toHaveValue('sku');
    expect(screen.getByTestId('secret-status-authorization')).toHaveTextContent('Not set');
  });
});
