import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInShop } from '../test/render';
import HomePage from './HomePage';
import { ShopOverviewQuery } from './operations';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const steps = (done: string[]) =>
  ['CONNECT_SOURCE', 'FIRST_SYNC', 'CHOOSE_THEME', 'EDIT_HOME', 'PUBLISH', 'SHARE_POST'].map((key) => ({
    key,
    done: done.includes(key),
    available: key !== 'SHARE_POST',
  }));

function serve(overview: Record<string, unknown>) {
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === ShopOverviewQuery) return { shopOverview: overview };
    throw new Error(`unexpected query ${String(document)}`);
  });
}

const path = { path: '/shops/s1/home', route: '/shops/:shopId/home' };

beforeEach(() => {
  client.executeOperation.mockReset();
});

describe('HomePage', () => {
  it("shows each step as the server says, with a link to where it is done, and the shop's numbers", async () => {
    serve({
      siteUrl: 'http://127.0.0.1:8000/s/demo/',
      siteQrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      productsPublished: 240,
      pagesPublished: 0,
      lastSync: {
        at: '2026-01-02T03:04:05+00:00',
        status: 'SUCCEEDED',
        source: 'feed',
        errorCode: null,
        error: null,
        summary: [{ entity: 'product', created: 240, updated: 0, unchanged: 0, removed: 0, failed: 0 }],
      },
      steps: steps(['CONNECT_SOURCE', 'FIRST_SYNC', 'CHOOSE_THEME']),
    });
    renderInShop(<HomePage />, path);
    const sync = await screen.findByTestId('step-FIRST_SYNC');
    expect(sync).toHaveAttribute('data-done', 'true');
    expect(within(sync).getByText('Done')).toBeInTheDocument();
    expect(screen.getByTestId('step-EDIT_HOME')).toHaveAttribute('data-done', 'false');
    expect(screen.getByTestId('step-link-CHOOSE_THEME')).toHaveAttribute('href', '/shops/s1/theme');
    expect(screen.getByTestId('step-link-EDIT_HOME')).toHaveAttribute('href', '/shops/s1/content');
    // Sharing is not possible yet: said so, and no link.
    const share = screen.getByTestId('step-SHARE_POST');
    expect(within(share).getByText('Coming soon')).toBeInTheDocument();
    expect(screen.queryByTestId('step-link-SHARE_POST')).toBeNull();
    expect(screen.getByTestId('home-progress')).toHaveTextContent('3 of 5 done');
    expect(screen.getByTestId('home-site-link')).toHaveAttribute('href', 'http://127.0.0.1:8000/s/demo/');
    expect(screen.getByTestId('home-products')).toHaveTextContent('240');
    expect(screen.getByTestId('home-qr')).toHaveAttribute('alt', 'QR code of your site, to scan with a phone');
    expect(screen.getByTestId('home-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(screen.getByTestId('home-last-sync')).toHaveTextContent('products: 240 created');
  });

  it('says a failed last sync and no sync at all in Chinese', async () => {
    serve({
      siteUrl: 'http://h/s/demo/',
      siteQrSvg: '<svg/>',
      productsPublished: 0,
      pagesPublished: 2,
      lastSync: { at: '2026-01-02T03:04:05+00:00', status: 'FAILED', source: 'feed', errorCode: 'SOURCE_AUTH_EXPIRED', error: 'token expired', summary: [] },
      steps: steps([]),
    });
    const { unmount } = renderInShop(<HomePage />, { ...path, lang: 'zh' });
    const last = await screen.findByTestId('home-last-sync');
    expect(last).toHaveAttribute('data-status', 'FAILED');
    expect(last).toHaveTextContent('失败');
    expect(last).not.toHaveTextContent('token expired'); // the code is said in the UI's words
    expect(screen.getByTestId('home-pages')).toHaveTextContent('2');
    expect(screen.getByText('连接货源')).toBeInTheDocument();
    unmount();

    serve({ siteUrl: 'http://h/s/demo/', siteQrSvg: '<svg/>', productsPublished: 0, pagesPublished: 0, lastSync: null, steps: steps([]) });
    renderInShop(<HomePage />, { ...path, lang: 'zh' });
    expect(await screen.findByText('还没有同步过。')).toBeInTheDocument();
    expect(screen.getByTestId('home-progress')).toHaveTextContent('已完成 0/5');
  });
});
