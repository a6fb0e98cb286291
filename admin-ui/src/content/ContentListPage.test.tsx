import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { findDialog } from '../test/dialogs';
import { SHOP, renderInShop } from '../test/render';
import ContentListPage from './ContentListPage';
import { contentPage, localeState } from './fixtures';
import { ContentPagesQuery, CreateContentPageMutation } from './operations';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const PAGES = [
  contentPage({
    id: 'home1',
    kind: 'HOME',
    handle: 'home',
    locales: [
      localeState({ locale: 'zh-CN', status: 'CHANGED', draft: { title: '首页', seoTitle: null, seoDescription: null, blocks: [], bodyHtml: null, excerpt: null, cover: null }, publishedAt: '2026-12-01T00:00:00Z' }),
      localeState({ locale: 'en', status: 'SCHEDULED', scheduledAt: '2027-01-01T02:00:00Z', draft: { title: 'Home', seoTitle: null, seoDescription: null, blocks: [], bodyHtml: null, excerpt: null, cover: null } }),
    ],
  }),
  contentPage({ id: 'l1', kind: 'LANDING', handle: 'spring-tea' }),
];

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.pathname + location.search}</div>;
}

const at = { path: '/shops/s1/content', route: '/shops/:shopId/content/*' };

function ListWithEditorRoute() {
  return (
    <Routes>
      <Route index element={<ContentListPage />} />
      <Route path=":pageId" element={<Where />} />
    </Routes>
  );
}

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ContentPagesQuery) return { contentPages: { nodes: PAGES, pageInfo: { hasNextPage: false, endCursor: null } } };
    throw new Error('unexpected query');
  });
});

describe('ContentListPage', { timeout: 60_000 }, () => {
  it('lists the pages with each locale state, scheduled times in the shop zone', async () => {
    renderInShop(<ContentListPage />, at);
    const row = await screen.findByTestId('content-row-home1');
    expect(within(row).getByText('Home')).toBeInTheDocument();
    expect(within(row).getByText('Home page')).toBeInTheDocument();
    expect(screen.getByTestId('content-status-home1-zh-CN')).toHaveTextContent('Changed since published');
    expect(screen.getByTestId('content-status-home1-en')).toHaveTextContent('Scheduled · 2027-01-01 10:00');
    expect(screen.getByTestId('content-status-l1-zh-CN')).toHaveAttribute('data-status', 'NONE');
    expect(screen.getByTestId('content-status-l1-en')).toHaveTextContent('Draft');
  });

  it('filters by kind', async () => {
    const user = userEvent.setup();
    renderInShop(<ContentListPage />, at);
    await screen.findByTestId('content-row-home1');
    await user.click(screen.getByRole('combobox', { name: 'Kind of page' }));
    const option = (await screen.findAllByTitle('Article')).find((el) => el.classList.contains('ant-select-item-option'));
    await user.click(option as HTMLElement);
    await waitFor(() => expect(client.executeOperation).toHaveBeenLastCalledWith(ContentPagesQuery, expect.objectContaining({ kind: 'ARTICLE' }), expect.anything()));
  });

  it('creates a landing page (the home page exists already) and opens it in the editor', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ createContentPage: contentPage({ id: 'new1', handle: 'summer' }) });
    renderInShop(<ListWithEditorRoute />, at);
    await screen.findByTestId('content-row-home1');
    await user.click(screen.getByTestId('create-content-page'));
    const dialog = await findDialog('New page');
    await user.type(within(dialog).getByLabelText('Title'), 'Summer sale');
    await user.type(within(dialog).getByLabelText('Address (handle)'), 'summer');
    await user.click(screen.getByTestId('create-page-submit'));
    await waitFor(() =>
      expect(client.gqlRequest).toHaveBeenCalledWith(CreateContentPageMutation, {
        shopId: SHOP.id,
        kind: 'LANDING',
        handle: 'summer',
        locale: 'en',
        data: { title: 'Summer sale', blocks: [] },
      }),
    );
    expect(await screen.findByTestId('where')).toHaveTextContent('/shops/s1/content/new1?locale=en');
  });

  it('shows a taken handle on its field', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('BAD_USER_INPUT', 'bad', { fields: [{ path: ['handle'], message: 'This handle is taken.' }] }));
    renderInShop(<ContentListPage />, at);
    await screen.findByTestId('content-row-home1');
    await user.click(screen.getByTestId('create-content-page'));
    const dialog = await findDialog('New page');
    await user.type(within(dialog).getByLabelText('Title'), 'Spring');
    await user.type(within(dialog).getByLabelText('Address (handle)'), 'spring-tea{Enter}');
    expect(await within(dialog).findByText('This handle is taken.')).toBeInTheDocument();
  });

  it('needs a title', async () => {
    const user = userEvent.setup();
    renderInShop(<ContentListPage />, at);
    await screen.findByTestId('content-row-home1');
    await user.click(screen.getByTestId('create-content-page'));
    await findDialog('New page');
    await user.click(screen.getByTestId('create-page-submit'));
    expect(await screen.findByText('Give the page a title.')).toBeInTheDocument();
    expect(client.gqlRequest).not.toHaveBeenCalled();
  });

  it('has no create button for analysts, in Chinese', async () => {
    renderInShop(<ContentListPage />, { ...at, lang: 'zh', shop: { ...SHOP, viewerRole: 'ANALYST' } });
    await screen.findByTestId('content-row-home1');
    expect(screen.queryByTestId('create-content-page')).not.toBeInTheDocument();
    expect(screen.getByTestId('content-read-only')).toHaveTextContent('你的角色可以查看内容，但不能修改。');
    expect(screen.getByTestId('content-status-home1-en')).toHaveTextContent('已定时');
  });
});
