import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { CancelJobMutation, JobQuery, RetryJobMutation } from '../../jobs';
import { job } from '../../test/jobs';
import { findDialog } from '../../test/dialogs';
import { SHOP, renderInShop } from '../../test/render';
import JobsPage from './JobsPage';
import { JobsQuery, SchedulesQuery } from './operations';
import { PAGE_SIZE } from './paging';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const SCHEDULES = [
  {
    id: 'sch1',
    kind: 'catalog.sync',
    name: 'feed',
    payload: { source: 'feed' },
    intervalSeconds: 900,
    nextRunAt: '2026-01-02T04:00:00+00:00',
    enabled: true,
    lastEnqueuedAt: null,
  },
];

const DEAD = job('j-dead', {
  state: 'DEAD',
  attempts: 5,
  lastError: 'the feed answered HTTP 503',
  errors: [
    { attempt: 1, at: '2026-01-02T03:04:06+00:00', message: 'timed out' },
    { attempt: 2, at: '2026-01-02T03:05:06+00:00', message: 'the feed answered HTTP 503' },
  ],
  progress: { done: 2, total: 8, fraction: 0.25, message: 'reading feed' },
});

type Page = { nodes: ReturnType<typeof job>[]; hasNextPage?: boolean; endCursor?: string | null };

function serve(pages: (variables: Record<string, unknown>) => Page) {
  client.executeOperation.mockImplementation(async (document: unknown, variables: Record<string, unknown>) => {
    if (document === JobsQuery) {
      const page = pages(variables);
      return {
        shop: {
          id: SHOP.id,
          jobs: { nodes: page.nodes, pageInfo: { hasNextPage: page.hasNextPage ?? false, endCursor: page.endCursor ?? null } },
        },
      };
    }
    if (document === SchedulesQuery) return { shop: { id: SHOP.id, schedules: SCHEDULES } };
    if (document === JobQuery) return { shop: { id: SHOP.id, job: DEAD } };
    throw new Error(`unexpected query ${String(document)}`);
  });
}

function jobsCalls() {
  return client.executeOperation.mock.calls.filter(([document]) => document === JobsQuery);
}

beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
});

describe('JobsPage', () => {
  it('lists jobs with state, progress, attempts and last error, and the schedules', async () => {
    serve(() => ({ nodes: [job('j-ok'), DEAD] }));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    const table = await screen.findByTestId('jobs-table');
    const dead = within(table).getByTestId('job-row-j-dead');
    expect(dead).toHaveAttribute('data-state', 'DEAD');
    expect(within(dead).getByText('Failed')).toBeInTheDocument();
    expect(within(dead).getByText('5 of 5')).toBeInTheDocument();
    expect(within(dead).getByTestId('job-error-j-dead')).toHaveTextContent('the feed answered HTTP 503');
    expect(within(dead).getByTestId('job-progress-j-dead')).toHaveAttribute('aria-valuenow', '25');
    expect(within(table).getByTestId('job-progress-j-ok')).toHaveAttribute('aria-valuenow', '100');
    expect(within(table).getAllByText('Catalog sync · feed')).toHaveLength(2);
    // Editors (owners here) may retry the dead job; nothing to cancel or retry on the finished one.
    expect(within(dead).getByTestId('job-retry-j-dead')).toBeInTheDocument();
    expect(within(dead).queryByTestId('job-cancel-j-dead')).not.toBeInTheDocument();
    expect(screen.queryByTestId('job-retry-j-ok')).not.toBeInTheDocument();

    const schedules = await screen.findByTestId('schedules-table');
    expect(within(schedules).getByText('Catalog sync · feed')).toBeInTheDocument();
    expect(within(schedules).getByText('Every 15 min')).toBeInTheDocument();
    expect(jobsCalls()[0][1]).toEqual({ shopId: 's1', first: PAGE_SIZE, after: null, states: null });
  });

  it('polls about every second while a job is running, and stops once none is', async () => {
    let progress = 0;
    serve(() => {
      progress += 1;
      const running = progress < 3;
      return {
        nodes: [
          job('j-run', {
            state: running ? 'RUNNING' : 'SUCCEEDED',
            progress: { done: progress, total: 3, fraction: progress / 3, message: `item ${progress}` },
          }),
        ],
      };
    });
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    const bar = await screen.findByTestId('job-progress-j-run');
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByTestId('jobs-live')).toHaveAttribute('data-live', 'true');
    expect(screen.getByTestId('job-cancel-j-run')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('job-progress-j-run')).toHaveAttribute('aria-valuenow', '67'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('job-row-j-run')).toHaveAttribute('data-state', 'SUCCEEDED'), { timeout: 3000 });
    expect(screen.getByTestId('jobs-live')).toHaveAttribute('data-live', 'false');
    const calls = jobsCalls().length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(jobsCalls().length).toBe(calls); // no more polling
  });

  it('does not poll when every job is finished', async () => {
    serve(() => ({ nodes: [job('j-ok'), DEAD] }));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    await screen.findByTestId('jobs-table');
    await act(() => new Promise((resolve) => setTimeout(resolve, 1300)));
    expect(jobsCalls()).toHaveLength(1);
  });

  it('retries and cancels, showing the job as the server now has it', async () => {
    const user = userEvent.setup();
    // The server's jobs, as the mutations change them (the page polls while one is running).
    let served = [job('j-run', { state: 'RUNNING', progress: { done: 1, total: 4, fraction: 0.25, message: null } }), DEAD];
    const change = (id: string, patch: Partial<ReturnType<typeof job>>) => {
      served = served.map((j) => (j.id === id ? { ...j, ...patch } : j));
      return served.find((j) => j.id === id);
    };
    serve(() => ({ nodes: served }));
    client.gqlRequest.mockImplementation(async (document: unknown, variables: { id: string }) => {
      if (document === RetryJobMutation) return { retryJob: change(variables.id, { state: 'QUEUED', attempts: 0 }) };
      if (document === CancelJobMutation) return { cancelJob: change(variables.id, { cancelRequested: true }) };
      throw new Error(`unexpected ${String(document)} ${variables.id}`);
    });
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    await user.click(await screen.findByTestId('job-retry-j-dead'));
    expect(client.gqlRequest).toHaveBeenCalledWith(RetryJobMutation, { shopId: 's1', id: 'j-dead' });
    await waitFor(() => expect(screen.getByTestId('job-row-j-dead')).toHaveAttribute('data-state', 'QUEUED'));
    expect(await screen.findByText('The job is queued to run again.')).toBeInTheDocument();

    await user.click(screen.getByTestId('job-cancel-j-run'));
    expect(client.gqlRequest).toHaveBeenCalledWith(CancelJobMutation, { shopId: 's1', id: 'j-run' });
    expect(await within(screen.getByTestId('job-row-j-run')).findByText('Cancelling')).toBeInTheDocument();
    expect(screen.queryByTestId('job-cancel-j-run')).not.toBeInTheDocument();
  });

  it('says why the server refused a retry', async () => {
    const user = userEvent.setup();
    serve(() => ({ nodes: [DEAD] }));
    client.gqlRequest.mockRejectedValue(new ApiError('CONFLICT', 'job j-dead is queued; only dead, cancelled or retrying jobs can be retried'));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    await user.click(await screen.findByTestId('job-retry-j-dead'));
    expect(await screen.findByText(/The job was not retried\. That conflicts with something that already exists\./)).toBeInTheDocument();
  });

  it('gives analysts no retry or cancel', async () => {
    serve(() => ({ nodes: [DEAD, job('j-run', { state: 'RUNNING' })] }));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs', shop: { ...SHOP, viewerRole: 'ANALYST' } });
    await screen.findByTestId('jobs-table');
    expect(screen.getByTestId('jobs-read-only')).toBeInTheDocument();
    expect(screen.queryByTestId('job-retry-j-dead')).not.toBeInTheDocument();
    expect(screen.queryByTestId('job-cancel-j-run')).not.toBeInTheDocument();
  });

  it('pages forward with the end cursor and back', async () => {
    const user = userEvent.setup();
    serve((variables) =>
      variables.after === 'cursor-20'
        ? { nodes: [job('j-old')], hasNextPage: false, endCursor: 'cursor-21' }
        : { nodes: [job('j-new')], hasNextPage: true, endCursor: 'cursor-20' },
    );
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    await screen.findByTestId('job-row-j-new');
    expect(screen.getByTestId('jobs-previous')).toBeDisabled();
    await user.click(screen.getByTestId('jobs-next'));
    expect(await screen.findByTestId('job-row-j-old')).toBeInTheDocument();
    expect(jobsCalls().at(-1)?.[1]).toMatchObject({ after: 'cursor-20' });
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByTestId('jobs-next')).toBeDisabled();
    await user.click(screen.getByTestId('jobs-previous'));
    expect(await screen.findByTestId('job-row-j-new')).toBeInTheDocument();
    expect(jobsCalls().at(-1)?.[1]).toMatchObject({ after: null });
  });

  it('shows a job’s attempts and errors in a drawer (deep link ?job=)', async () => {
    serve(() => ({ nodes: [DEAD] }));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs?job=j-dead', route: '/shops/:shopId/jobs' });
    const drawer = await findDialog('Catalog sync · feed');
    const errors = await within(drawer).findByTestId('job-errors');
    const items = within(errors).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Attempt 2');
    expect(items[0]).toHaveTextContent('the feed answered HTTP 503');
    expect(items[1]).toHaveTextContent('Attempt 1');
    expect(items[1]).toHaveTextContent('timed out');
    expect(within(drawer).getByTestId('job-drawer-retry-j-dead')).toBeInTheDocument();
    expect(client.executeOperation).toHaveBeenCalledWith(JobQuery, { shopId: 's1', id: 'j-dead' }, expect.anything());
  });

  it('shows an empty state, and an error with a retry', async () => {
    serve(() => ({ nodes: [] }));
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    expect(await screen.findByText('No jobs yet.')).toBeInTheDocument();
  });

  it('says so when the jobs cannot be loaded', async () => {
    client.executeOperation.mockImplementation(async (document: unknown) => {
      if (document === SchedulesQuery) return { shop: { id: SHOP.id, schedules: [] } };
      throw new ApiError('NETWORK_ERROR', 'Failed to fetch');
    });
    renderInShop(<JobsPage />, { path: '/shops/s1/jobs', route: '/shops/:shopId/jobs' });
    expect(await screen.findByText('The server cannot be reached. Check your connection and try again.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
