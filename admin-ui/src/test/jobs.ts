import type { JobInfo } from '../jobs';

/** A job as the server sends it, for tests. */
export function job(id: string, overrides: Partial<JobInfo> = {}): JobInfo {
  return {
    id,
    kind: 'catalog.sync',
    state: 'SUCCEEDED',
    attempts: 1,
    maxAttempts: 5,
    progress: { done: 10, total: 10, fraction: 1, message: 'feed (full): products 10 created' },
    result: { source: 'feed', status: 'succeeded' },
    lastError: null,
    errors: [],
    cancelRequested: false,
    runAt: '2026-01-02T03:04:05+00:00',
    createdAt: '2026-01-02T03:04:05+00:00',
    startedAt: '2026-01-02T03:04:06+00:00',
    finishedAt: '2026-01-02T03:04:09+00:00',
    ...overrides,
  };
}
