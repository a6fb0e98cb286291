import { vi } from 'vitest';

type Handler = (variables: Record<string, unknown>) => unknown;

/** A GraphQL error answer, as the server sends it. */
export function gqlError(code: string, message: string, fields?: { path: (string | number)[]; message: string }[]) {
  return { __error: { message, extensions: fields ? { code, fields } : { code } } };
}

/**
 * Stub `fetch` with a tiny fake admin API: each operation name maps to a handler returning its
 * `data` (or gqlError(...)). Returns the list of calls made, for assertions.
 */
export function fakeServer(handlers: Record<string, Handler>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string) as { query: string; variables: Record<string, unknown> };
      const operation = /\b(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
      calls.push({ operation, variables: body.variables });
      const handler = handlers[operation];
      if (!handler) throw new Error(`fake server: no handler for ${operation}`);
      const result = handler(body.variables) as { __error?: unknown } | unknown;
      const payload =
        result && typeof result === 'object' && '__error' in result ? { data: null, errors: [result.__error] } : { data: result };
      return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}
