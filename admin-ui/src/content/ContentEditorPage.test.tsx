import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { ContentPageFieldsFragment } from '../gql/graphql';
import { SHOP, renderInShop } from '../test/render';
import ContentEditorPage from './ContentEditorPage';
import { BLOCK_TYPES, contentPage, localeState } from './fixtures';
import {
  ContentEditorQuery,
  ContentPreviewLinkMutation,
  ContentRevisionsQuery,
  PublishContentMutation,
  RestoreContentRevisionMutation,
  SaveContentDraftMutation,
} from './operations';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const hero = (id: string, heading: string) => ({ id, type: 'hero', settings: { heading } });
const draft = (blocks: ReturnType<typeof hero>[], title = 'Spring tea') => ({
  title,
  seoTitle: null,
  seoDescription: null,
  blocks,
  bodyHtml: null,
  excerpt: null,
  cover: null,
});

let page: ContentPageFieldsFragment;
const at = (locale: string) => ({ path: `/shops/s1/content/p1?locale=${locale}`, route: '/shops/:shopId/content/:pageId' });

beforeEach(() => {
  page = contentPage({
    locales: [
      localeState({ locale: 'en', status: 'DRAFT', draftVersion: 3, draft: draft([hero('a1', 'First'), hero('b2', 'Second')]) }),
      localeState({ locale: 'zh-CN', status: 'PUBLISHED', draft: null, draftVersion: 0, publishedAt: '2026-12-01T00:00:00Z', published: draft([], '春茶') }),
    ],
  });
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ContentEditorQuery) return { contentPage: page, contentBlockTypes: BLOCK_TYPES };
    if (document === ContentRevisionsQuery)
      return {
        contentRevisions: {
          nodes: [
            { number: 2, locale: 'en', createdAt: '2026-12-02T00:00:00Z', createdBy: 'Ed', note: null, live: true, data: draft([]) },
            { number: 1, locale: 'en', createdAt: '2026-12-01T00:00:00Z', createdBy: 'Ed', note: null, live: false, data: draft([hero('z', 'Old')]) },
          ],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

function blockOrder() {
  return within(screen.getByTestId('block-list'))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('data-testid'));
}

// A whole editor with rjsf forms: slow to render on a loaded machine.
describe('ContentEditorPage', { timeout: 60_000 }, () => {
  it('shows each locale with its own state, and the blocks of the locale asked for', async () => {
    renderInShop(<ContentEditorPage />, at('en'));
    expect(await screen.findByTestId('content-editor')).toHaveAttribute('data-locale', 'en');
    expect(screen.getByTestId('locale-status-en')).toHaveAttribute('data-status', 'DRAFT');
    expect(screen.getByTestId('locale-status-zh-CN')).toHaveAttribute('data-status', 'PUBLISHED');
    expect(screen.getByTestId('content-title')).toHaveValue('Spring tea');
    expect(blockOrder()).toEqual(['block-a1', 'block-b2']);
    expect(screen.getByRole('button', { name: 'Drag to reorder: Hero banner, block 2 of 2' })).toBe(screen.getByTestId('block-handle-b2'));
    expect(screen.getByRole('button', { name: 'Move up: Hero banner, block 1 of 2' })).toBeDisabled();
  });

  it('reorders with the up and down buttons and saves the new order with the draft version', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown, variables: { data: { blocks: unknown[] } }) => {
      if (document !== SaveContentDraftMutation) throw new Error('unexpected');
      return { saveContentDraft: contentPage({ locales: [localeState({ locale: 'en', draftVersion: 4, draft: draft(variables.data.blocks as never) }), page.locales[1]] }) };
    });
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    expect(screen.getByTestId('block-up-a1')).toBeDisabled();
    await user.click(screen.getByTestId('block-down-a1'));
    expect(blockOrder()).toEqual(['block-b2', 'block-a1']);
    expect(screen.getByTestId('content-announcer')).toHaveTextContent('Hero banner is now block 2 of 2.');
    expect(screen.getByTestId('content-editor')).toHaveAttribute('data-dirty', 'true');
    await user.click(screen.getByTestId('content-save'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalled());
    const [document, variables] = client.gqlRequest.mock.calls[0];
    expect(document).toBe(SaveContentDraftMutation);
    expect(variables).toMatchObject({ shopId: SHOP.id, id: 'p1', locale: 'en', draftVersion: 3 });
    expect(variables.data.blocks.map((b: { id: string }) => b.id)).toEqual(['b2', 'a1']);
    await waitFor(() => expect(screen.getByTestId('content-editor')).toHaveAttribute('data-dirty', 'false'));
  });

  it('adds a block from the server block types, with its form, and removes one', async () => {
    const user = userEvent.setup();
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.click(screen.getByRole('combobox', { name: 'Add a block' }));
    const option = (await screen.findAllByTitle('Formatted text.')).find((el) => el.classList.contains('ant-select-item-option'));
    await user.click(option as HTMLElement);
    const items = blockOrder();
    expect(items).toHaveLength(3);
    const added = screen.getByTestId(items[2] as string);
    expect(added).toHaveAttribute('data-block-type', 'rich_text');
    expect(within(added).getByLabelText('Text')).toBeInTheDocument();
    expect(screen.getByTestId('content-announcer')).toHaveTextContent('Rich text added at the end.');

    await user.click(screen.getByTestId('block-remove-a1'));
    await user.click(await screen.findByTestId('block-remove-confirm'));
    await waitFor(() => expect(blockOrder()).toEqual(['block-b2', items[2]]));
  });

  it('checks block settings by their schema before saving', async () => {
    const user = userEvent.setup();
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.click(screen.getByRole('combobox', { name: 'Add a block' }));
    const option = (await screen.findAllByTitle('A big picture with a heading and a button.')).find((el) => el.classList.contains('ant-select-item-option'));
    await user.click(option as HTMLElement);
    await user.click(screen.getByTestId('content-save'));
    expect(await screen.findByTestId('content-problems')).toHaveTextContent('Some blocks have settings to fix: Hero banner.');
    expect(client.gqlRequest).not.toHaveBeenCalled();
  });

  it('says someone else saved when the draft version is stale, and reloads', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('CONFLICT', 'the draft was saved by someone else'));
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.clear(screen.getByTestId('content-title'));
    await user.type(screen.getByTestId('content-title'), 'Mine');
    await user.click(screen.getByTestId('content-save'));
    expect(await screen.findByTestId('content-conflict')).toHaveTextContent('Someone else saved this page while you were editing it.');
    page = contentPage({ locales: [localeState({ locale: 'en', draftVersion: 5, draft: draft([], 'Theirs') })] });
    await user.click(screen.getByTestId('content-reload'));
    await waitFor(() => expect(screen.getByTestId('content-title')).toHaveValue('Theirs'));
    expect(screen.queryByTestId('content-conflict')).not.toBeInTheDocument();
  });

  it('puts the server field errors on the block and field they name', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(
      new ApiError('BAD_USER_INPUT', 'bad', { fields: [{ path: ['data', 'blocks', 1, 'settings', 'heading'], message: 'Heading is too long' }, { path: ['data', 'seoTitle'], message: 'Too long' }] }),
    );
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.type(screen.getByTestId('content-seo-title'), 'x');
    await user.click(screen.getByTestId('content-save'));
    expect(await screen.findByText('Too long')).toBeInTheDocument();
    expect(await within(screen.getByTestId('block-b2')).findByText('Heading is too long')).toBeInTheDocument();
  });

  it('publishes only the locale shown, saving its changes first', async () => {
    const user = userEvent.setup();
    const saved = contentPage({ locales: [localeState({ locale: 'en', draftVersion: 4, draft: draft([], 'New title') }), page.locales[1]] });
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === SaveContentDraftMutation) return { saveContentDraft: saved };
      if (document === PublishContentMutation)
        return { publishContent: contentPage({ locales: [localeState({ locale: 'en', status: 'PUBLISHED', publishedAt: '2026-12-03T00:00:00Z', draft: draft([], 'New title'), published: draft([], 'New title') }), page.locales[1]] }) };
      throw new Error('unexpected');
    });
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.clear(screen.getByTestId('content-title'));
    await user.type(screen.getByTestId('content-title'), 'New title');
    await user.click(screen.getByTestId('content-publish'));
    await user.click(await screen.findByTestId('publish-confirm'));
    await waitFor(() => expect(screen.getByTestId('locale-status-en')).toHaveAttribute('data-status', 'PUBLISHED'));
    expect(client.gqlRequest.mock.calls.map((c) => c[0])).toEqual([SaveContentDraftMutation, PublishContentMutation]);
    expect(client.gqlRequest.mock.calls[1][1]).toEqual({ shopId: SHOP.id, id: 'p1', locale: 'en', at: null });
    expect(screen.getByTestId('locale-status-zh-CN')).toHaveAttribute('data-status', 'PUBLISHED');
  });

  it('previews through the signed link at phone width, then desktop', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === ContentPreviewLinkMutation) return { contentPreviewLink: { url: 'http://shop.test/s/demo/preview/tok', expiresAt: '2026-12-03T03:00:00Z' } };
      throw new Error('unexpected');
    });
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.click(screen.getByTestId('content-preview'));
    const frame = await screen.findByTestId('preview-frame');
    expect(frame).toHaveAttribute('src', 'http://shop.test/s/demo/preview/tok');
    expect(frame).toHaveAttribute('width', '390');
    expect(screen.getByTestId('preview-open')).toHaveAttribute('href', 'http://shop.test/s/demo/preview/tok');
    await user.click(screen.getByText('Desktop (1280 px)'));
    expect(frame).toHaveAttribute('width', '1280');
    expect(client.gqlRequest.mock.calls.map((c) => c[0])).toEqual([ContentPreviewLinkMutation]);
  });

  it('restores an old version into the draft from the versions drawer', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown) => {
      if (document === RestoreContentRevisionMutation)
        return { restoreContentRevision: contentPage({ locales: [localeState({ locale: 'en', status: 'CHANGED', draftVersion: 4, draft: draft([hero('z', 'Old')]) })] }) };
      throw new Error('unexpected');
    });
    renderInShop(<ContentEditorPage />, at('en'));
    await screen.findByTestId('content-editor');
    await user.click(screen.getByTestId('content-versions'));
    expect(await screen.findByTestId('version-2')).toHaveTextContent('Live');
    await user.click(screen.getByTestId('version-restore-1'));
    await user.click(await screen.findByTestId('version-restore-confirm'));
    await waitFor(() => expect(blockOrder()).toEqual(['block-z']));
    expect(client.gqlRequest).toHaveBeenCalledWith(RestoreContentRevisionMutation, { shopId: SHOP.id, id: 'p1', locale: 'en', number: 1 });
    expect(screen.getByTestId('locale-status-en')).toHaveAttribute('data-status', 'CHANGED');
  });

  it('is read-only for analysts', async () => {
    renderInShop(<ContentEditorPage />, { ...at('en'), shop: { ...SHOP, viewerRole: 'ANALYST' } });
    await screen.findByTestId('content-editor');
    expect(screen.queryByTestId('content-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('block-handle-a1')).not.toBeInTheDocument();
    expect(screen.getByTestId('content-title')).toBeDisabled();
  });

  it('in Chinese', async () => {
    renderInShop(<ContentEditorPage />, { ...at('zh-CN'), lang: 'zh' });
    expect(await screen.findByTestId('content-editor')).toHaveAttribute('data-locale', 'zh-CN');
    expect(screen.getByTestId('content-title')).toHaveValue('春茶');
    expect(screen.getByTestId('content-save')).toHaveTextContent('保存草稿');
    expect(screen.getByTestId('locale-status-zh-CN')).toHaveTextContent('已发布');
  });
});
