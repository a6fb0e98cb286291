import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { OperatorShopsQuery, ResumeShopMutation, SuspendShopMutation } from '../../operator/operations';
import { renderInShop } from '../../test/render';
import OperatorShopsPage from './OperatorShopsPage';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

function row(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    shop: { id: `id-${slug}`, slug, name: `Shop ${slug}`, createdAt: '2026-01-02T03:04:05Z' },
    suspended: false,
    suspendedReason: null,
    suspendedAt: null,
    sources: [
      { plugin: 'taobao', title: 'Taobao / Tmall', enabled: true, connected: true, health: 'OK', lastError: null, lastSyncAt: '2026-01-03T00:00:00Z', lastSyncState: 'SUCCEEDED' },
    ],
    pluginErrors: [],
    ...overrides,
  };
}

const TEA = row('tea');
const BROKEN = row('broken', {
  sources: [{ plugin: 'taobao', title: 'Taobao / Tmall', enabled: true, connected: false, health: 'ERROR', lastError: 'token expired', lastSyncAt: null, lastSyncState: 'FAILED' }],
  pluginErrors: [{ plugin: 'webhook', lastError: 'connection refused', lastErrorAt: '2026-01-04T00:00:00Z' }],
});

function page(nodes: unknown[]) {
  return { operatorShops: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } };
}

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown, variables: { problemsOnly?: boolean | null; search?: string | null }) => {
    if (document !== OperatorShopsQuery) throw new Error(`unexpected query ${String(document)}`);
    let nodes = [TEA, BROKEN];
    if (variables.problemsOnly) nodes = [BROKEN];
    if (variables.search) nodes = nodes.filter((n) => n.shop.slug.includes(variables.search ?? ''));
    return page(nodes);
  });
});

describe('OperatorShopsPage', () => {
  it('lists the shops with their sources and plugin errors, searched and problems only', async () => {
    const user = userEvent.setup();
    renderInShop(<OperatorShopsPage />, { path: '/operator/shops', route: '/operator/shops' });
    const broken = await screen.findByTestId('operator-shop-broken');
    expect(within(broken).getByTestId('operator-source-broken-taobao')).toHaveTextContent('Not connected');
    expect(within(broken).getByTestId('operator-source-broken-taobao')).toHaveTextContent('token expired');
    expect(within(broken).getByTestId('operator-source-broken-taobao')).toHaveTextContent('Failed');
    expect(within(broken).getByTestId('operator-errors-broken')).toHaveTextContent('connection refused');
    expect(screen.getByTestId('operator-shop-tea')).toHaveTextContent('Connected');

    await user.click(screen.getByTestId('operator-problems-only'));
    await waitFor(() => expect(screen.queryByTestId('operator-shop-tea')).not.toBeInTheDocument());
    expect(client.executeOperation).toHaveBeenLastCalledWith(OperatorShopsQuery, expect.objectContaining({ problemsOnly: true }), expect.anything());

    await user.click(screen.getByTestId('operator-problems-only'));
    await user.type(screen.getByRole('searchbox', { name: 'Search shops' }), 'tea');
    await waitFor(() => expect(screen.queryByTestId('operator-shop-broken')).not.toBeInTheDocument());
    expect(screen.getByTestId('operator-shop-tea')).toBeInTheDocument();
  });

  it('suspends a shop with a reason after a confirmation, and resumes it', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockImplementation(async (document: unknown, variables: { id: string; reason?: string }) => {
      if (document === SuspendShopMutation) return { suspendShop: { ...TEA, suspended: true, suspendedReason: variables.reason, suspendedAt: '2026-02-01T00:00:00Z' } };
      if (document === ResumeShopMutation) return { resumeShop: TEA };
      throw new Error('unexpected');
    });
    renderInShop(<OperatorShopsPage />, { path: '/operator/shops', route: '/operator/shops' });
    await user.click(await screen.findByTestId('suspend-tea'));
    const dialog = await screen.findByRole('dialog', { name: 'Suspend Shop tea?' });
    await user.type(within(dialog).getByLabelText(/Reason/), 'Unpaid invoice');
    expect(client.gqlRequest).not.toHaveBeenCalled();
    await user.click(within(dialog).getByTestId('suspend-confirm'));
    await waitFor(() => expect(screen.getByTestId('operator-shop-tea')).toHaveAttribute('data-suspended', 'true'));
    expect(client.gqlRequest).toHaveBeenCalledWith(SuspendShopMutation, { id: 'id-tea', reason: 'Unpaid invoice' });
    expect(screen.getByTestId('operator-shop-reason-tea')).toHaveTextContent('Unpaid invoice');
    expect(screen.getByTestId('operator-shop-state-tea')).toHaveTextContent('Suspended');

    await user.click(screen.getByTestId('resume-tea'));
    await user.click(await screen.findByTestId('resume-confirm'));
    await waitFor(() => expect(screen.getByTestId('operator-shop-tea')).toHaveAttribute('data-suspended', 'false'));
    expect(client.gqlRequest).toHaveBeenCalledWith(ResumeShopMutation, { id: 'id-tea' });
  });

  it('tells a non-operator that the page is for operators', async () => {
    client.executeOperation.mockRejectedValue(new ApiError('FORBIDDEN', 'operators only'));
    renderInShop(<OperatorShopsPage />, { path: '/operator/shops', route: '/operator/shops', lang: 'zh' });
    expect(await screen.findByTestId('operator-forbidden')).toHaveTextContent('只有云猫运营方可以查看此页面。');
  });
});
