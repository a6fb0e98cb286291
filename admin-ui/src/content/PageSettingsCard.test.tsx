import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { SHOP, renderInShop } from '../test/render';
import { contentPage } from './fixtures';
import { UpdateContentPageMutation } from './operations';
import { PageSettingsCard } from './PageSettingsCard';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const at = { path: '/shops/s1/content/p1', route: '/shops/:shopId/content/:pageId' };

beforeEach(() => {
  client.gqlRequest.mockReset();
});

describe('PageSettingsCard', { timeout: 60_000 }, () => {
  it('sends only the changed handle, and takes what the server answered', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    client.gqlRequest.mockResolvedValue({ updateContentPage: contentPage({ handle: 'spring-2027' }) });
    renderInShop(<PageSettingsCard shopId={SHOP.id} page={contentPage()} zone="Asia/Shanghai" readOnly={false} onSaved={onSaved} />, at);
    expect(screen.getByTestId('page-settings-save')).toBeDisabled();
    await user.clear(screen.getByTestId('page-handle'));
    await user.type(screen.getByTestId('page-handle'), 'spring-2027');
    await user.click(screen.getByTestId('page-settings-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(UpdateContentPageMutation, { shopId: SHOP.id, id: 'p1', handle: 'spring-2027' }));
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ handle: 'spring-2027' }));
  });

  it('shows a refused handle on its field', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('BAD_USER_INPUT', 'bad', { fields: [{ path: ['handle'], message: 'use letters, digits or Chinese characters' }] }));
    renderInShop(<PageSettingsCard shopId={SHOP.id} page={contentPage()} zone="Asia/Shanghai" readOnly={false} onSaved={() => {}} />, at);
    await user.type(screen.getByTestId('page-handle'), '!!');
    await user.click(screen.getByTestId('page-settings-save'));
    expect(await screen.findByText('use letters, digits or Chinese characters')).toBeInTheDocument();
  });

  it('has nothing to set on the home page', () => {
    renderInShop(<PageSettingsCard shopId={SHOP.id} page={contentPage({ kind: 'HOME', handle: 'home' })} zone="Asia/Shanghai" readOnly={false} onSaved={() => {}} />, at);
    expect(screen.queryByTestId('page-settings')).not.toBeInTheDocument();
  });
});
